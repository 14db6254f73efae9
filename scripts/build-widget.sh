#!/usr/bin/env bash
# Builds the embeddable widget into dist/ (served by the server under /widget/):
#
#   1. cargo builds the wasm binary;
#   2. wasm-bindgen generates its JavaScript glue;
#   3. wasm-opt -Oz shrinks the module, terser the glue and the page's script, csso the style
#      sheet (the readable sources stay in the repository: src/, public/widget-boot.js, style/);
#   4. everything goes into dist/<content hash>/ (with brotli and gzip copies the server sends
#      to browsers that accept them), with the style sheet and the page's own script
#      (public/widget-boot.js, as boot.js), so a new build never meets an old file in a cache;
#      dist/current names that directory for the server, which renders the widget page itself
#      (server/src/widget_page.rs). The two builds before stay: a page opened before a new
#      deployment still finds its own files.
#
# Tools from scripts/setup.sh; nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

name=mitreden-widget
work=target/widget-build
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# Panic locations name their files relative to the crate registry and this checkout: shorter,
# and the same on every machine.
# (Added to the flags of .cargo/config.toml: cargo joins the two lists.)
remap="\"--remap-path-prefix=$HOME/.cargo/registry/src=\", \"--remap-path-prefix=$PWD=\""
cargo build --release --target wasm32-unknown-unknown --bin "$name" \
  --config "target.wasm32-unknown-unknown.rustflags = [$remap]"
rm -rf "$work"
mkdir -p "$work/out"
wasm-bindgen --target web --no-typescript --remove-name-section \
  --out-dir "$work/out" "target/wasm32-unknown-unknown/release/$name.wasm"
# -Oz twice, with the control flow taken apart and rebuilt between (flatten, rereloop) and
# repeated until nothing shrinks (converge): 1.4 KB less brotli than -Oz alone.
wasm-opt -Oz --flatten --rereloop -Oz --converge --strip-debug --strip-producers "${wasm_features[@]}" \
  "$work/out/${name}_bg.wasm" -o "$work/out/${name}_bg.wasm"
terser "$work/out/$name.js" --module --compress --mangle -o "$work/out/$name.js"
terser public/widget-boot.js --module --compress --mangle -o "$work/out/boot.js"
# The style sheet without its comments and spaces (csso, not restructured: the rules keep their
# order); the readable source stays in style/.
node -e 'const fs = require("fs");
  const css = fs.readFileSync(process.argv[1], "utf8");
  fs.writeFileSync(process.argv[2], require("csso").minify(css, { restructure: false }).css);' \
  style/widget.css "$work/out/widget.css"

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
