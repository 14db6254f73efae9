#!/usr/bin/env bash
# Page benchmark: what the public pages and charts cost under anonymous load. Starts a server
# binary (the `server` profile, built if missing; or MITREDEN_BENCH_BIN) on a fresh SQLite
# file, gives the demo 300 responses, a third of them with a comment on a goal conflict, and
# approves those comments. Then:
#   - wrk (2 threads, 64 connections, 10 s each) against the public page, the report, the
#     feed, the results JSON and a chart as PNG: requests per second and latencies;
#   - 256 requests at once for one PNG chart, then 256 at once over every chart in both
#     languages: the server's memory (RSS) before, at its peak (sampled every 10 ms) and after.
#
# Usage: scripts/page-bench.sh
# It is a measurement, not a test; put the figures into BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
port=${MITREDEN_BENCH_PORT:-18482}
base="http://127.0.0.1:$port"

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
  return 0
}
trap cleanup EXIT
database="$work/bench.db"
"$bin" serve --addr "127.0.0.1:$port" --database "$database" --rate-limit 0 \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -sf "$base/api/v1/consultations/demo" >/dev/null && break
  sleep 0.1
done

priorities=(digital-identity services-online once-only federal-it shared-platforms
  digital-skills impact-steering visible-progress)
groups=(citizens civil-society academia business public-administration)
shown=$(printf '"%s",' "${priorities[@]}")
shown="[${shown%,}]"
for n in $(seq 1 300); do
  ranked=""
  for i in $(seq 0 $((2 + n % 6))); do
    ranked+="\"${priorities[$(((n * 3 + i) % 8))]}\","
  done
  positions="[]"
  if [ $((n % 3)) = 0 ]; then
    positions="[{\"conflict\":\"quick-wins-vs-depth\",\"position\":$((n % 5 - 2)),\"comment\":\"Begründung Nummer $n: erst die Grundlagen, dann die sichtbaren Erfolge.\"}]"
  fi
  id=$(printf '00000000-0000-4000-8000-%012d' "$n")
  curl -sf -o /dev/null -H 'content-type: application/json' \
    -d "{\"id\":\"$id\",\"group\":\"${groups[$((n % 5))]}\",\"ranking\":[${ranked%,}],\"shown\":$shown,\"positions\":$positions,\"lang\":\"de\"}" \
    "$base/api/v1/consultations/demo/responses"
done
"$bin" staff --database "$database" add bench --role moderator </dev/null >/dev/null
token=$("$bin" staff --database "$database" token bench | awk '{print $NF}')
ids=$(curl -sf -H "authorization: Bearer $token" \
  "$base/api/v1/staff/consultations/demo/comments" | grep -o '"id":[0-9]*' | cut -d: -f2 |
  paste -sd, -)
curl -sf -o /dev/null -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"ids\":[$ids],\"decision\":\"approve\"}" \
  "$base/api/v1/staff/consultations/demo/comments/decisions"
echo "300 responses, $(echo "$ids" | tr ',' '\n' | wc -l) approved comments"
# Let the uncertainty be computed, so that every read below sees the same counts.
for _ in $(seq 20); do
  curl -sf -o /dev/null "$base/results/demo"
  sleep 0.2
done

for path in /results/demo /results/demo/report /results/demo/feed.atom \
  /api/v1/consultations/demo/results /results/demo/charts/ranking.png; do
  echo "== GET $path"
  wrk -t 2 -c 64 -d 10s --latency "$base$path" |
    grep -E 'Requests/sec|^ +(50|99)%|Non-2xx'
done

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
# burst URL...: every URL at once; prints the peak RSS in KiB while they are answered.
burst() {
  local peak sampler
  peak=$(rss)
  printf '%s\n' "$@" | xargs -P 256 -n 1 curl -s -o /dev/null &
  local load=$!
  while kill -0 "$load" 2>/dev/null; do
    now=$(rss)
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.01
  done
  wait "$load" || true
  echo "$peak"
}
# A server started afresh: no chart drawn yet.
kill "$server"
wait "$server" || true
"$bin" serve --addr "127.0.0.1:$port" --database "$database" --rate-limit 0 \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -sf "$base/api/v1/consultations/demo" >/dev/null && break
  sleep 0.1
done
curl -sf -o /dev/null "$base/results/demo"
sleep 2
idle=$(rss)
same=()
for _ in $(seq 256); do same+=("$base/results/demo/charts/ranking.png"); done
peak_same=$(burst "${same[@]}")
all=()
charts=(ranking equal groups timeline conflict-quick-wins-vs-depth conflict-central-vs-local)
for n in $(seq 0 255); do
  lang=de
  [ $((n % 2)) = 1 ] && lang=en
  all+=("$base/results/demo/charts/${charts[$((n % ${#charts[@]}))]}.png?lang=$lang")
done
peak_all=$(burst "${all[@]}")
sleep 1
echo "RSS (KiB): idle $idle; 256 at once for one chart: peak $peak_same; 256 over every chart in both languages: peak $peak_all; after $(rss)"
