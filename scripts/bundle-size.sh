#!/usr/bin/env bash
# Builds the widget and reports what an embedded widget transfers, file by file: raw, and as
# the server sends it to a browser accepting gzip or brotli (the precompressed copies written
# by the build; the loader and the page are sent as they are). Two sums of the brotli column:
# the first screen (everything the page needs to show the welcome) and the whole widget (with
# the module fetched once the visitor starts to use it, src/later.rs). The goal is 100 KB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-widget.sh >/dev/null
# This build's assets (dist/ also keeps the two builds before).
assets=dist/$(grep -o '/widget/[0-9a-f]\{16\}/' dist/index.html | head -1 | cut -d/ -f3)

size() { if [ -f "$1" ]; then wc -c <"$1"; else wc -c <"$2"; fi; }

printf '%-28s %-7s %10s %10s %10s\n' file loaded raw gzip brotli
first=0
total=0
for f in public/embed.js dist/index.html "$assets"/*; do
  case "$f" in *.br | *.gz) continue ;; esac
  raw=$(wc -c <"$f")
  gz=$(size "$f.gz" "$f")
  br=$(size "$f.br" "$f")
  case "$(basename "$f")" in
    split_*) when=later ;;
    *) when=first; first=$((first + br)) ;;
  esac
  total=$((total + br))
  printf '%-28s %-7s %10s %10s %10s\n' "$(basename "$f")" "$when" "$raw" "$gz" "$br"
done
printf '%-28s %-7s %10s %10s %10s\n' "first screen (brotli)" "" "" "" "$first"
printf '%-28s %-7s %10s %10s %10s\n' "whole widget (brotli)" "" "" "" "$total"
