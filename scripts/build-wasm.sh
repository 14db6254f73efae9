#!/usr/bin/env bash
# Builds the two WebAssembly apps with one pipeline: the embeddable widget into dist/ (served
# under /widget/) and the staff dashboard into dashboard/dist/ (served under /staff-assets/).
#
#   1. one cargo invocation builds both wasm binaries (the dependencies they share are built
#      once, with one set of features);
#   2. wasm-bindgen generates each one's JavaScript glue;
#   3. wasm-opt shrinks each module, terser the glue and the app's own script, csso the style
#      sheet (the readable sources stay in the repository);
#   4. each app's files go into <out>/<content hash>/, with brotli and gzip copies the server
#      sends to browsers that accept them, so a new build never meets an old file in a cache.
#      The widget's dist/current names its directory for the server, which renders the widget
#      page itself (server/src/http/pages/widget.rs); dist/index.html, the widget's page for a
#      static host, is written from index.html, and the dashboard's index.html from
#      dashboard/index.html with that directory filled in. The two builds before stay: a page
#      opened before a new deployment still finds its own files.
#
#   scripts/build-wasm.sh            both apps
#   scripts/build-wasm.sh widget     the widget only (scripts/bundle-size.sh)
#
# Tools from scripts/setup.sh; nothing is downloaded. The WebAssembly side builds in a target
# directory of its own (target/wasm, unless CARGO_TARGET_DIR says otherwise), so that it can
# build while the server does (the README's Run and Test commands do both at once).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/wasm}"

apps=(widget dashboard)
[ "${1:-}" = widget ] && apps=(widget)
packages=()
for app in "${apps[@]}"; do packages+=(-p "mitreden-$app"); done

wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# Panic locations name their files relative to the crate registry and this checkout: shorter,
# and the same on every machine. (Added to the flags of .cargo/config.toml: cargo joins the two
# lists.)
remap="\"--remap-path-prefix=$HOME/.cargo/registry/src=\", \"--remap-path-prefix=$PWD=\""
cargo build --release --target wasm32-unknown-unknown --bins "${packages[@]}" \
  --config "target.wasm32-unknown-unknown.rustflags = [$remap]"

# unchanged WORK INPUT...: whether WORK/out was made from exactly these inputs (and the
# options of this script) and is still there; records them otherwise. A second build that
# changed nothing skips wasm-bindgen, wasm-opt and the compression (most of a minute).
unchanged() {
  local work=$1 stamp
  shift
  stamp=$(cat "$0" "$@" | sha256sum | cut -c1-64)
  if [ -f "$work/stamp" ] && [ "$(cat "$work/stamp")" = "$stamp" ] && [ -d "$work/out" ]; then
    return 0
  fi
  rm -f "$work/stamp"
  echo "$stamp" >"$work.stamp.new"
  return 1
}

# bundle NAME WORK OPT...: wasm-bindgen and wasm-opt with the passes OPT for the binary NAME,
# into WORK/out.
bundle() {
  local name=$1 work=$2
  shift 2
  rm -rf "$work"
  mkdir -p "$work/out"
  wasm-bindgen --target web --no-typescript --remove-name-section \
    --out-dir "$work/out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$name.wasm"
  wasm-opt "$@" --strip-debug --strip-producers "${wasm_features[@]}" \
    "$work/out/${name}_bg.wasm" -o "$work/out/${name}_bg.wasm"
  terser "$work/out/$name.js" --module --compress --mangle -o "$work/out/$name.js"
}

# minify_css OUT SOURCE...: the style sheets joined, without comments and spaces (csso, not
# restructured: the rules keep their order).
minify_css() {
  local out=$1
  shift
  cat "$@" | node -e 'const fs = require("fs");
    const css = fs.readFileSync(0, "utf8");
    fs.writeFileSync(process.argv[1], require("csso").minify(css, { restructure: false }).css);' \
    "$out"
}

# publish WORK DEST: WORK/out into DEST/<content hash>/ with its compressed copies; keeps that
# build and the two before it. Prints the hash.
publish() {
  local work=$1 dest=$2 hash
  hash=$(cat "$work"/out/* | sha256sum | cut -c1-16)
  rm -rf "${dest:?}/$hash"
  mkdir -p "$dest/$hash"
  cp "$work"/out/* "$dest/$hash/"
  node scripts/precompress.mjs "$dest/$hash"
  # A build's directory is touched so that it counts as the newest even when it was already
  # there (the same sources built again).
  touch "$dest/$hash"
  find "$dest" -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' | sort -rn | tail -n +4 |
    cut -d' ' -f2- | xargs -r rm -rf
  echo "$hash"
}

# static_page: dist/index.html, the widget's page of its own for a static host, from the
# template index.html with this build's directory, the API's address and the consultation
# (MITREDEN_STATIC_API, MITREDEN_STATIC_CONSULTATION); written on every build, so that an
# address given at build time is never lost.
static_page() {
  local api=${MITREDEN_STATIC_API:-http://127.0.0.1:8080} consultation=${MITREDEN_STATIC_CONSULTATION:-demo}
  api=${api%/}
  case "$api$consultation" in *'|'* | *'"'* | *'<'* | *'&'*)
    echo "MITREDEN_STATIC_API and MITREDEN_STATIC_CONSULTATION must not contain | \" < or &" >&2
    exit 1 ;;
  esac
  sed -e "s|{build}|$(cat dist/current)|g" -e "s|{api}|$api|g" -e "s|{consultation}|$consultation|g" \
    index.html >dist/index.html.new
  mv dist/index.html.new dist/index.html
}
for app in "${apps[@]}"; do
  case "$app" in
    widget)
      work=target/widget-build
      inputs=("$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/mitreden-widget.wasm" public/widget-boot.js
        style/widget.css "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/mitreden-static.wasm")
      if unchanged "$work" "${inputs[@]}" && [ -d "dist/$(cat dist/current 2>/dev/null)" ]; then
        static_page
        echo "widget unchanged: dist/$(cat dist/current)/"
        continue
      fi
      # -Oz twice, with the control flow taken apart and rebuilt between (flatten, rereloop)
      # and repeated until nothing shrinks (converge): 1.4 KB less brotli than -Oz alone, for
      # every visitor.
      bundle mitreden-widget "$work" -Oz --flatten --rereloop -Oz --converge
      # The build for a page of its own on a static host (index.html), which renders the welcome
      # itself: beside the widget's files, loaded only by such a page; -Oz once, as the
      # dashboard (its bytes are reported apart from the widget's, scripts/bundle-size.sh).
      bundle mitreden-static "$work-static" -Oz
      cp "$work-static"/out/* "$work/out/"
      terser public/widget-boot.js --module --compress --mangle -o "$work/out/boot.js"
      minify_css "$work/out/widget.css" style/widget.css
      hash=$(publish "$work" dist)
      echo "$hash" >dist/current.new
      mv dist/current.new dist/current
      mv "$work.stamp.new" "$work/stamp"
      static_page
      echo "widget built: dist/$hash/ (dist/current)"
      ;;
    dashboard)
      work=target/dashboard-build
      inputs=("$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/mitreden-dashboard.wasm" dashboard/boot.js
        dashboard/index.html dashboard/style/dashboard.css views/style/results.css)
      if unchanged "$work" "${inputs[@]}" && [ -f dashboard/dist/index.html ]; then
        echo "dashboard unchanged: dashboard/dist/"
        continue
      fi
      # -Oz once: the passes above would save staff 8 KB (0.7 %) for 50 s more of every build.
      bundle mitreden-dashboard "$work" -Oz
      terser dashboard/boot.js --module --compress --mangle -o "$work/out/boot.js"
      minify_css "$work/out/dashboard.css" dashboard/style/dashboard.css views/style/results.css
      hash=$(publish "$work" dashboard/dist)
      sed "s|{build}|/staff-assets/$hash|g" dashboard/index.html >dashboard/dist/index.html.new
      mv dashboard/dist/index.html.new dashboard/dist/index.html
      mv "$work.stamp.new" "$work/stamp"
      echo "dashboard built: dashboard/dist/$hash/ (dashboard/dist/index.html)"
      ;;
  esac
done
