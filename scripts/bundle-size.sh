#!/usr/bin/env bash
# Builds the widget and reports what an embedded widget transfers: the loader script, the
# widget page, its JavaScript, wasm and CSS, each raw, gzip -9 and brotli -q 11. Two sums: the
# first screen (everything the page needs to show the welcome) and the whole widget (with the
# module fetched after the first screen, src/later.rs). The goal is 100 KB brotli. Installs
# Debian's brotli if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v brotli >/dev/null; then
  apt-get install -y -qq brotli >/dev/null
fi
scripts/build-widget.sh >/dev/null
# This build's assets (dist/ also keeps the two builds before).
assets=dist/$(grep -o '/widget/[0-9a-f]\{16\}/' dist/index.html | head -1 | cut -d/ -f3)
printf '%-28s %-7s %10s %10s %10s\n' file loaded raw gzip brotli
first=0
total=0
for f in public/embed.js dist/index.html "$assets"/*; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  case "$(basename "$f")" in
    split_*) when=later ;;
    *) when=first; first=$((first + br)) ;;
  esac
  total=$((total + br))
  printf '%-28s %-7s %10s %10s %10s\n' "$(basename "$f")" "$when" "$raw" "$gz" "$br"
done
printf '%-28s %-7s %10s %10s %10s\n' "first screen (brotli)" "" "" "" "$first"
printf '%-28s %-7s %10s %10s %10s\n' "whole widget (brotli)" "" "" "" "$total"
