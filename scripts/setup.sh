#!/usr/bin/env bash
# Installs what mitreden needs to build (and, with `test`, to test) on a fresh Debian machine
# with a Rust toolchain. Idempotent: a second run installs nothing.
#
#   scripts/setup.sh         build tools: wasm32 target, wasm-bindgen CLI, wasm-opt, terser and
#                            csso (npm)
#   scripts/setup.sh test    also Chromium and ChromeDriver (browser tests) and PostgreSQL from
#                            Debian, and schemathesis from PyPI (contract test) in
#                            target/contract-venv
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must match the crate version pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

export PATH="$HOME/.cargo/bin:$PATH"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# The font the server sets chart text in when it draws a chart as PNG.
apt_install fonts-dejavu-core

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Without its default features: they only let the test runner download a WebDriver over
  # TLS (rustls and ring to compile), and the tests use Debian's chromedriver. Unoptimised
  # (opt-level 0): it compiles in 45 s instead of 1 min 45 s, writes the same files, and takes
  # 0.9 s instead of 0.2 s for the largest module (measured on 7 December).
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    --no-default-features --bin wasm-bindgen --bin wasm-bindgen-test-runner --force
fi


# wasm-opt (npm package binaryen), Playwright and axe-core; never a browser download.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "test" ]; then
  # Browsers for the widget and end-to-end tests; PostgreSQL for the server tests' second run.
  apt_install chromium chromium-driver postgresql
  # The package test: systemd-analyze for the unit, adduser for its postinst, curl to ask
  # the installed server.
  apt_install systemd adduser curl
  # The contract test's request generator, in a virtual environment of its own.
  SCHEMATHESIS_VERSION=4.32.5
  venv=target/contract-venv
  if [ "$("$venv/bin/schemathesis" --version 2>/dev/null | awk '{print $3}')" != "$SCHEMATHESIS_VERSION" ]; then
    say "installing schemathesis $SCHEMATHESIS_VERSION (contract test)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi
