#!/usr/bin/env bash
# Fuzzes the decoding and validation of submissions (fuzz/fuzz_targets/submission.rs) with
# libFuzzer. Installs a nightly toolchain and cargo-fuzz if they are missing.
#
# Usage: scripts/fuzz.sh [seconds]   (default 600)
# A crash leaves its input in fuzz/artifacts/submission/; copy it into fuzz/regressions/,
# where core/tests/fuzz_regressions.rs checks it on every test run, and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-600}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2

mkdir -p fuzz/corpus/submission
# The first folder collects what libFuzzer finds; fuzz/regressions only seeds it.
cd fuzz
cargo +nightly fuzz run submission corpus/submission regressions -- \
  -max_total_time="$seconds" -max_len=4096
