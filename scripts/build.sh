#!/usr/bin/env bash
# Builds the widget bundle (dist/), the staff dashboard (dashboard/dist/) and the server. Usage: scripts/build.sh [release|debug]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

scripts/build-widget.sh
(cd dashboard && trunk build --release)
node scripts/precompress.mjs dashboard/dist
if [ "${1:-release}" = "release" ]; then
  cargo build --profile server -p mitreden-server
else
  cargo build -p mitreden-server
fi
