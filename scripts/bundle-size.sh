#!/usr/bin/env bash
# Builds the widget and reports what an embedded widget transfers: the loader script, the
# widget page, its JavaScript, wasm and CSS, each raw, gzip -9 and brotli -q 11, and the brotli
# total (the goal is 100 KB). Installs Debian's brotli if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if ! command -v brotli >/dev/null; then
  apt-get install -y -qq brotli >/dev/null
fi
trunk build --release >/dev/null
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total=0
for f in public/embed.js dist/*; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total=$((total + br))
  printf '%-44s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-44s %10s %10s %10s\n' "total transferred (brotli)" "" "" "$total"
