#!/usr/bin/env bash
# Installs what the tests need and runs every test: formatting and lints, core unit tests,
# server integration tests over HTTP on real SQLite files and again on a real PostgreSQL (a
# private cluster this script starts and removes), widget tests in headless Chromium, and
# end-to-end tests with Playwright driving Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "formatting and import circles"
cargo fmt --all -- --check
python3 scripts/check-imports.py server core views

# Clippy lints our crates as they are built for the tests, not in a check build of its own:
# `cargo clippy` is cargo with clippy-driver as the compiler of the workspace's crates (and
# its arguments in CLIPPY_ARGS), and so is every cargo command below. A separate
# `cargo clippy --all-targets` checked every dependency once more, natively and for wasm
# (5.5 minutes of a fresh CI run). Every target clippy checked is still linted: the core, the
# views and the server's libraries, binaries and tests by the test build, the widget's library
# and tests by its browser tests' build, its binaries and the dashboard by the release build
# of the bundles, the core's benchmark by the check below. A lint fails the build.
export RUSTC_WORKSPACE_WRAPPER=clippy-driver
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"

# The WebAssembly side (its lints, the widget's tests in Chromium, the release bundles) runs
# beside the native side, in a target directory of its own so that the two cargo runs do not
# wait for each other's lock: the native tests wait on sockets, disks and sleeps much of the
# time, and the two cores are busy either way. Its output is shown once it is done.
step "WebAssembly side started in the background: widget tests in Chromium, bundles (linted as they build)"
wasm_log=target/wasm-side.log
mkdir -p target
(
  export CARGO_TARGET_DIR="$PWD/target/wasm"
  cargo test -p mitreden-widget --target wasm32-unknown-unknown --test widget --test json
  scripts/build-wasm.sh
) >"$wasm_log" 2>&1 &
wasm_side=$!
trap 'kill "$wasm_side" 2>/dev/null || true' EXIT

step "lints of the core's benchmark (not built by the tests)"
cargo clippy -p mitreden-core --benches -- -D warnings

step "core unit tests and server integration tests on SQLite (linted as they build)"
cargo test -p mitreden-core -p mitreden-views -p mitreden-server

step "server integration tests on PostgreSQL"
trap 'kill "$wasm_side" 2>/dev/null || true; scripts/postgres.sh stop' EXIT
pg_url=$(scripts/postgres.sh start)
# The same packages as above, so cargo reuses that build (the core's dev-dependencies change
# the features of shared dependencies; a different selection would build them all again).
MITREDEN_TEST_POSTGRES=$pg_url cargo test -p mitreden-core -p mitreden-views -p mitreden-server
scripts/postgres.sh stop
trap - EXIT

step "WebAssembly side: widget tests in headless Chromium, bundles"
if ! wait "$wasm_side"; then
  cat "$wasm_log"
  echo "the WebAssembly side failed (its output is above)" >&2
  exit 1
fi
cat "$wasm_log"

step "end-to-end tests: demo page, embedded widget, API"
# The server binary is the one `cargo test` built above (for the tests that start it): a
# `cargo build -p mitreden-server` of its own would resolve features without the other
# packages' dev-dependencies and build much of it again.
MITREDEN_BIN="$PWD/target/debug/mitreden-server" MITREDEN_WIDGET_DIR="$PWD/dist" \
  MITREDEN_DASHBOARD_DIR="$PWD/dashboard/dist" \
  node --test --test-concurrency=1 tests/e2e/

step "Debian package: installed, started as its service, stopped, removed"
scripts/test-package.sh

step "contract test: requests generated from the OpenAPI document against a real server"
MITREDEN_BIN="$PWD/target/debug/mitreden-server" scripts/contract-test.sh
