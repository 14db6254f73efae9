#!/usr/bin/env bash
# Scale benchmark: what results cost at a national scale. Builds the server, starts it on a
# fresh database, creates a consultation with 20 priorities and 5 groups, and sends it N
# responses (default 1,000,000) through the API with wrk and scripts/load/scale.lua: random
# partial rankings, so almost every ranking is unique. Then it measures:
#   - results reads while responses come in (one read every half second in the last stretch);
#   - the first results read after a change (five times: one new response, then a read) and a
#     read when nothing changed;
#   - the server's memory (RSS, and its peak) after the load, and after a CSV export of every
#     response;
#   - a restart (SIGTERM, start again, until the results answer): time and memory, once from
#     the tally saved at shutdown and once counting every stored response afresh;
#   - the database's size per response.
#
# Usage: scripts/scale-bench.sh [responses] [sqlite|postgres]
# It is a measurement, not a test; put the figures into BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target=${1:-1000000}
engine=${2:-sqlite}
port=${MITREDEN_BENCH_PORT:-18481}
base="http://127.0.0.1:$port"
results="$base/api/v1/consultations/scale/results"

if ! command -v wrk >/dev/null; then
  apt-get install -y -qq wrk >/dev/null
fi
cargo build --profile server -p mitreden-server --quiet
bin=target/server/mitreden-server

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
  database="$work/scale.db"
fi

now() { date +%s.%N; }
ms_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$server/status"; }
read_ms() { curl -s -o /dev/null -w '%{time_total}' "$results" | awk '{ printf "%.1f", $1 * 1000 }'; }
total() { curl -sf "$results" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
start() {
  # No rate limit here: every request comes from one loopback address.
  "$bin" serve --addr "127.0.0.1:$port" --database "$database" --rate-limit 0 \
    >>"$work/server.log" 2>&1 &
  server=$!
}
stop() {
  kill -TERM "$server"
  wait "$server" || true
  server=
}
# Starts the server and waits until `url` answers 200; the time that took in `took` (ms).
start_and_wait() {
  local began
  began=$(now)
  start
  until curl -sf -o /dev/null "$1"; do sleep 0.02; done
  took=$(ms_since "$began")
}

definition() {
  local groups="" priorities="" g p
  for g in 1 2 3 4 5; do
    groups+="${groups:+,}{\"id\":\"g$g\",\"label\":{\"de\":\"Gruppe $g\",\"en\":\"Group $g\"}}"
  done
  for p in $(seq -w 1 20); do
    priorities+="${priorities:+,}{\"id\":\"p$p\",\"title\":{\"de\":\"Ziel $p\",\"en\":\"Goal $p\"},"
    priorities+="\"description\":{\"de\":\"Wirkungsziel $p\",\"en\":\"Impact goal $p\"}}"
  done
  printf '{"slug":"scale","title":{"de":"Skalentest","en":"Scale test"},'
  printf '"description":{"de":"20 Ziele, 5 Gruppen","en":"20 goals, 5 groups"},'
  printf '"languages":["de","en"],"status":"open","groups":[%s],"priorities":[%s],' \
    "$groups" "$priorities"
  printf '"conflicts":[],"settings":{"partial_ranking":true,"results_after_submit":true,'
  printf '"publish_results":true}}'
}

start_and_wait "$base/api/v1/consultations/demo"
"$bin" staff --database "$database" add bench --role admin >/dev/null
token=$("$bin" staff --database "$database" token bench --days 1 | sed 's/.*: //')
curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data "$(definition)" "$base/api/v1/staff/consultations/scale" >/dev/null

echo "Scale benchmark: $target responses, $engine, $(nproc) cores"
run=0
sent=0
rate=5000
while [ "$sent" -lt "$target" ]; do
  run=$((run + 1))
  left=$((target - sent))
  seconds=$(((left + rate - 1) / rate))
  [ "$seconds" -gt 60 ] && seconds=60
  [ "$seconds" -lt 2 ] && seconds=2
  last=$([ "$left" -le $((rate * 60)) ] && echo yes || echo no)
  if [ "$last" = yes ]; then
    # Reads while responses come in.
    (while :; do read_ms >>"$work/during.txt"; echo >>"$work/during.txt"; sleep 0.5; done) &
    reader=$!
  fi
  began=$(now)
  wrk -t 2 -c 64 -d "${seconds}s" -s scripts/load/scale.lua "$base" -- "$run" >"$work/wrk.txt"
  [ "$last" = yes ] && kill "$reader" && wait "$reader" 2>/dev/null || true
  grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || true
  took=$(ms_since "$began")
  before=$sent
  sent=$(total)
  rate=$(((sent - before) * 1000 / took + 1))
  echo "  ${sent} responses counted (${rate}/s)"
done

during=$(grep -v '^$' "$work/during.txt" | sort -n | awk '{ a[NR] = $1 } END {
  printf "median %.1f ms, max %.1f ms (%d reads)", a[int((NR + 1) / 2)], a[NR], NR }')
cold=""
shown=$(seq -f '"p%02g"' 1 20 | paste -sd,)
for i in 1 2 3 4 5; do
  curl -sf -o /dev/null -H 'Content-Type: application/json' --data \
    "{\"id\":\"ffffffff-0000-4000-8000-00000000000$i\",\"group\":\"g1\",\"ranking\":[\"p01\",\"p02\",\"p03\"],\"shown\":[$shown],\"lang\":\"de\"}" \
    "$base/api/v1/consultations/scale/responses"
  cold+="$(read_ms) ms  "
done
warm="$(read_ms) ms  $(read_ms) ms  $(read_ms) ms"
after_load=$(memory)
export=$(curl -sf -o /dev/null -w '%{time_total} %{size_download}' \
  -H "Authorization: Bearer $token" "$base/api/v1/staff/consultations/scale/export.csv" |
  awk '{ printf "%.1f s, %d MB", $1, $2 / 1048576 }')
after_export=$(memory)

stop
if [ "$engine" = postgres ]; then
  size=$(psql "$database" -tAc "SELECT pg_database_size(current_database())")
else
  size=$(cat "$database" "$database-wal" 2>/dev/null | wc -c)
fi
start_and_wait "$results"
saved_restart=$took
after_saved_restart=$(memory)
stop
if [ "$engine" = postgres ]; then
  psql "$database" -qc "DELETE FROM tally_snapshots"
else
  python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); \
c.execute('DELETE FROM tally_snapshots'); c.commit()" "$database"
fi
start_and_wait "$results"
full_restart=$took
after_full_restart=$(memory)
counted=$(total)

cat <<EOF

| figure | measured |
|---|---|
| responses counted | $counted |
| results reads while responses came in | $during |
| first results read after a change (5 times) | $cold |
| results read when nothing changed | $warm |
| server memory after the load | $after_load |
| CSV export of every response (staff) | $export |
| server memory after the export | $after_export |
| restart until serving, from the saved tally | $saved_restart ms |
| server memory right after that restart | $after_saved_restart |
| restart until serving, counting every response afresh | $full_restart ms |
| server memory right after that restart | $after_full_restart |
| database size | $size B ($((size / counted)) B per response) |
EOF
