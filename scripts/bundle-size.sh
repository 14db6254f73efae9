#!/usr/bin/env bash
# Builds the widget and reports what an embedded widget transfers, file by file: raw, and as
# the server sends it to a browser accepting gzip or brotli (the assets as the precompressed
# copies the build writes; the loader compressed as it goes out, brotli and gzip at level 6, as
# server/src/http/pages/mod.rs asks). Two sums of the brotli column: the scripts of the first
# screen (the loader and the page's own script; the page itself, with the welcome and the
# style sheet inline, is measured as sent by scripts/first-screen.mjs) and the whole widget;
# apart from them, the build a page of its own on a static host loads instead (index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-wasm.sh widget >/dev/null
# This build's assets (dist/ also keeps the two builds before).
assets=dist/$(cat dist/current)

size() { if [ -f "$1" ]; then wc -c <"$1"; else wc -c <"$2"; fi; }
# What the server's on-the-fly compression makes of a file: "gzip" or "br".
on_the_fly() {
  node -e '
    const zlib = require("node:zlib");
    const data = require("node:fs").readFileSync(process.argv[2]);
    const packed = process.argv[1] === "br"
      ? zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } })
      : zlib.gzipSync(data, { level: 6 });
    console.log(packed.length);' "$1" "$2"
}

printf '%-28s %-7s %10s %10s %10s\n' file loaded raw gzip brotli
first=0
total=0
static=0
for f in public/embed.js "$assets"/*; do
  case "$f" in *.br | *.gz) continue ;; esac
  raw=$(wc -c <"$f")
  case "$f" in
    dist/*/*) gz=$(size "$f.gz" "$f") br=$(size "$f.br" "$f") ;;
    *) gz=$(on_the_fly gzip "$f") br=$(on_the_fly br "$f") ;;
  esac
  case "$(basename "$f")" in
    embed.js | boot.js) when=first; first=$((first + br)) ;;
    # The style sheet goes inline into the page the server renders (scripts/first-screen.mjs
    # measures the page as sent); the widget itself loads on use or when the browser is idle.
    widget.css) when=page ;;
    # The build for a page of its own on a static host (index.html) only: never loaded by the
    # server's widget page, so apart from the widget's sums.
    mitreden-static*) when=static ;;
    *) when=on-use ;;
  esac
  if [ "$when" = static ]; then
    static=$((static + br))
  else
    total=$((total + br))
  fi
  printf '%-28s %-7s %10s %10s %10s\n' "$(basename "$f")" "$when" "$raw" "$gz" "$br"
done
printf '%-28s %-7s %10s %10s %10s\n' "first screen (brotli)" "" "" "" "$first"
printf '%-28s %-7s %10s %10s %10s\n' "whole widget (brotli)" "" "" "" "$total"
printf '%-28s %-7s %10s %10s %10s\n' "static page's build (br)" "" "" "" "$static"
