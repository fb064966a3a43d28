#!/usr/bin/env bash
# Runs every test of Casebook: the Rust tests, then the browser tests (accessibility with
# axe-core, and the search tests) in Debian's headless Chromium against the built handbook.
# Installs what the tests need when it is missing, so it works on a fresh machine that has
# only the Rust toolchain (and Debian's package manager).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets --locked

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  echo "installing Debian's nodejs and npm for the browser tests" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --locked -- build --out "$work/public"
# The generated corpus (benchmarks reuse it) must stay a valid site as the model changes;
# at 120 regions its long pages are split into parts (tests/browser/parts.test.mjs).
cargo run --quiet --locked --example gen_corpus -- --regions 120 --out "$work/gen" >/dev/null
cargo run --quiet --locked -- check --root "$work/gen" 2>&1 | tail -n 1
cargo run --quiet --locked -- build --root "$work/gen" --out "$work/gen-site" 2>&1 | tail -n 1
# The hostile fixture (an attack in every text field, tests/fixtures/hostile/README.md) for the
# XSS sentinel, tests/browser/hostile.test.mjs. CASEBOOK_LOG=error keeps html5ever's notes
# about the payloads' broken markup out of the log; diagnostics are printed whatever the level.
cp -R tests/fixtures/hostile "$work/hostile-site"
cp -R themes "$work/hostile-site/themes"
CASEBOOK_LOG=error cargo run --quiet --locked -- build --root "$work/hostile-site" --out "$work/hostile"
suites=(tests/browser/)
[ -d tests/search ] && suites+=(tests/search/)
CASEBOOK_SITE="$work/public" CASEBOOK_GEN_SITE="$work/gen-site" CASEBOOK_HOSTILE_SITE="$work/hostile" node --test "${suites[@]}"
