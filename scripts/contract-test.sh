#!/usr/bin/env bash
# Contract test: schemathesis (installed by `scripts/setup.sh test`) generates requests from
# /api/v1/openapi.json (a bounded number per operation, with a fixed seed) and sends them to
# the real server binary on a fresh SQLite file: every answer must match the document (status,
# content type, schema, the JSON error format), schema-valid requests must not be refused for
# schema reasons, schema-invalid ones must be refused, and nothing may answer 5xx. Staff routes
# are called with an admin's API token. Only the operations that would end the run are left
# out: replacing the demo's definition and changing its status (either could close it for the
# rest of the run), and revoking a token (the stateful phase finds the run's own token in the
# list and revokes it: every staff request after that is a 401); publishing outcomes and
# indicators is tested like everything else.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${MITREDEN_BIN:-target/debug/mitreden-server}
schemathesis=target/contract-venv/bin/schemathesis
dir=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

"$bin" staff add contract --role admin --database "$dir/contract.db" >/dev/null
token=$("$bin" staff token contract --database "$dir/contract.db" | awk '{print $NF}')
"$bin" serve --addr 127.0.0.1:0 --database "$dir/contract.db" --rate-limit 0 \
  --sign-in-rate-limit 0 >"$dir/urls" &
pid=$!
for _ in $(seq 100); do
  grep -q '^Results JSON:' "$dir/urls" && break
  sleep 0.1
done
base=$(sed -n 's|^Results JSON: *\(http://[^/]*\)/.*|\1|p' "$dir/urls")
[ -n "$base" ] || { echo "the server did not start" >&2; exit 1; }

# ignored_auth is left out: the valid token travels in every request, so a request with a
# made-up session cookie beside it is rightly served.
"$schemathesis" --config-file tests/contract/schemathesis.toml run "$base/api/v1/openapi.json" \
  --checks all --exclude-checks ignored_auth --max-examples 20 --seed 20261201 \
  --header "Authorization: Bearer $token" \
  --exclude-name 'PUT /api/v1/staff/consultations/{slug}' \
  --exclude-name 'POST /api/v1/staff/consultations/{slug}/status' \
  --exclude-name 'DELETE /api/v1/staff/tokens/{id}'
