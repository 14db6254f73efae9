#!/usr/bin/env bash
# Builds the widget bundle and prints the size of each file as served: raw, gzip -9 and (when
# the `brotli` command is installed) brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release >/dev/null
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
for f in dist/*; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(command -v brotli >/dev/null && brotli -q 11 -c "$f" | wc -c || echo -)
  printf '%-48s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
