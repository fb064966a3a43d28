#!/usr/bin/env bash
# Runs every test of Casebook. Installs what the tests need when it is missing, so it works
# on a fresh machine that has only the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets --locked
