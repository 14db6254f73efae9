#!/usr/bin/env bash
# Load benchmark: how many responses per second the server acknowledges (each one durably on
# disk before its 201) and how long they take. Builds the server, starts it on a fresh SQLite
# file on loopback, and runs wrk (installed from Debian if missing) with scripts/load/submit.lua,
# which sends a new, valid response to the demo consultation with every request.
#
# Usage: scripts/load-bench.sh [seconds] [connections] [sqlite|postgres]
#        (defaults: 30 s, 64 connections, sqlite; postgres starts the private cluster of
#        scripts/postgres.sh for the run)
# MITREDEN_BENCH_BIN=path/to/mitreden-server measures that binary instead of building one (an
# older commit's build, to compare side by side on the same machine).
# It is a measurement, not a test; put the figures into BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-30}
connections=${2:-64}
engine=${3:-sqlite}
port=${MITREDEN_BENCH_PORT:-18480}

if ! command -v wrk >/dev/null; then
  apt-get install -y -qq wrk >/dev/null
fi
bin=${MITREDEN_BENCH_BIN:-target/server/mitreden-server}
[ -n "${MITREDEN_BENCH_BIN:-}" ] || cargo build --profile server -p mitreden-server --quiet

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
  [ "$engine" = postgres ] && scripts/postgres.sh stop
  return 0
}
trap cleanup EXIT
if [ "$engine" = postgres ]; then
  database=$(scripts/postgres.sh start)
else
  database="$work/bench.db"
fi
# No rate limit here: every request comes from one loopback address.
"$bin" serve --addr "127.0.0.1:$port" --database "$database" \
  --rate-limit 0 \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/consultations/demo" >/dev/null && break
  sleep 0.1
done

# The server's CPU time (user and system, in clock ticks) so far.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)
before=$(cpu)
echo "wrk: $seconds s, $connections connections, 2 threads, $(nproc) cores, $engine"
wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s scripts/load/submit.lua \
  "http://127.0.0.1:$port"
stored=$(curl -sf "http://127.0.0.1:$port/api/v1/consultations/demo/results" |
  sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "responses stored and counted: $stored"
# CPU per response is steadier than the rate, which follows the disk's sync times (they vary
# from run to run on a shared machine): it compares builds where the rate cannot.
used=$(( $(cpu) - before ))
echo "server CPU: $(awk -v t="$used" -v hz="$ticks" -v n="$stored" \
  'BEGIN { printf "%.1f s in all, %.0f µs per response", t / hz, t / hz / n * 1e6 }')"
