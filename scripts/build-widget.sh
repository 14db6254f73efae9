#!/usr/bin/env bash
# Builds the embeddable widget into dist/ (served by the server under /widget/):
#
#   1. cargo builds the wasm binary with the `split` feature;
#   2. wasm-split-cli moves the part only needed after the welcome (src/later.rs) into a module
#      of its own and writes the small loader `__wasm_split.js` for it;
#   3. wasm-bindgen generates the JavaScript glue of the main module;
#   4. wasm-opt -Oz shrinks every wasm module;
#   5. everything goes into dist/<content hash>/ (with brotli and gzip copies the server sends
#      to browsers that accept them), with the style sheet and the page's own script
#      (public/widget-boot.js, as boot.js), so a new build never meets an old file in a cache;
#      dist/current names that directory for the server, which renders the widget page itself
#      (server/src/widget_page.rs). The two builds before stay: a page opened before a new
#      deployment still finds its own modules.
#
# Tools from scripts/setup.sh; nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

name=mitreden-widget
work=target/widget-build
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

cargo build --release --target wasm32-unknown-unknown --bin "$name" --features split
rm -rf "$work"
mkdir -p "$work/split" "$work/out"
wasm-split-cli --out-name "$name" "target/wasm32-unknown-unknown/release/$name.wasm" "$work/split"
# --keep-lld-exports keeps the function table export the second module is linked against.
wasm-bindgen --target web --keep-lld-exports --no-typescript --remove-name-section \
  --out-dir "$work/out" "$work/split/$name.wasm"
cp "$work/split/__wasm_split.js" "$work/out/"
for chunk in "$work"/split/*.wasm; do
  [ "$(basename "$chunk")" = "$name.wasm" ] || cp "$chunk" "$work/out/"
done
for module in "$work"/out/*.wasm; do
  # (wasm-opt does not know the newer name subsections wasm-split copies; they go anyway.)
  wasm-opt -Oz --strip-debug --strip-producers "${wasm_features[@]}" "$module" -o "$module" \
    2> >(grep -v "unknown name subsection" >&2)
done
cp style/widget.css "$work/out/widget.css"
cp public/widget-boot.js "$work/out/boot.js"

hash=$(cat "$work"/out/* | sha256sum | cut -c1-16)
rm -rf "dist/$hash"
mkdir -p "dist/$hash"
cp "$work"/out/* "dist/$hash/"
node scripts/precompress.mjs "dist/$hash"
echo "$hash" >dist/current.new
mv dist/current.new dist/current
rm -f dist/index.html
# Keep this build and the two before it; anything else in dist/ is an older build.
find dist -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' | sort -rn | tail -n +4 |
  cut -d' ' -f2- | xargs -r rm -rf
echo "widget built: dist/$hash/ (dist/current)"
