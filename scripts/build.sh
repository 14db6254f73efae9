#!/usr/bin/env bash
# Builds the widget bundle (dist/), the staff dashboard (dashboard/dist/) and the server.
#
#   scripts/build.sh [release|debug]
#
# release: the server with the `server` profile (target/server/); debug: the debug build the
# tests use (target/debug/). The WebAssembly apps are always built for release (their size is
# what visitors download).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

scripts/build-wasm.sh
if [ "${1:-release}" = "release" ]; then
  cargo build --profile server -p mitreden-server
else
  cargo build -p mitreden-server
fi
