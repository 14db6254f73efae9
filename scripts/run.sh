#!/usr/bin/env bash
# Installs what is missing, builds, and starts mitreden with the demo consultation:
# the widget server on 127.0.0.1:8080 and a demo ministry page (another origin) on :8081.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The server needs nothing the set-up installs, so it builds meanwhile, and the WebAssembly
# apps build beside it (in target/wasm, see scripts/build-wasm.sh): on a fresh machine each
# compile fills the other's gaps (the set-up's wasm-bindgen CLI, the final single-threaded
# steps). Errors still show (cargo prints them under --quiet).
echo "building the server in the background"
# The `demo` profile: the `server` profile (what the package and the benchmarks build) without
# cross-crate LTO, which cost two minutes of the final link on two cores (BENCHMARKS.md).
cargo build --profile demo -p mitreden-server --quiet &
server_build=$!
trap 'kill "$server_build" 2>/dev/null || true' EXIT
scripts/setup.sh
scripts/build-wasm.sh
wait "$server_build"
trap - EXIT

exec target/demo/mitreden-server serve \
  --addr "${MITREDEN_ADDR:-127.0.0.1:8080}" \
  --database "${MITREDEN_DATABASE:-data/mitreden.db}" \
  --widget-dir dist \
  --dashboard-dir dashboard/dist \
  --notices "${MITREDEN_NOTICES:-server/seed/notices.json}" \
  --demo-page-addr "${MITREDEN_DEMO_PAGE_ADDR:-127.0.0.1:8081}"
