#!/usr/bin/env bash
# Installs what is missing, then runs every test layer:
#   1. native: cargo fmt --check, cargo clippy -D warnings (native, and the
#      page for wasm32 so src/ui is compiled and linted), cargo test
#   2. browser: wasm-bindgen-test in headless Chromium (chromedriver)
#   3. end-to-end: Playwright (playwright-core + Debian chromium) against the
#      release build served on 127.0.0.1 under a sub-path
# Prints each layer's result; exits non-zero if any failed.
# Usage: bash scripts/test.sh
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
set +e

setup_build || exit 1
setup_browser || exit 1
cd "$ROOT" || exit 1

declare -a NAMES=() RESULTS=()
layer() {
  local name="$1"; shift
  say "layer: $name"
  local start=$SECONDS
  "$@"
  local rc=$?
  NAMES+=("$name")
  if [ $rc -eq 0 ]; then RESULTS+=("ok ($((SECONDS - start)) s)"); else RESULTS+=("FAILED (exit $rc)"); fi
  return $rc
}

native() {
  cargo fmt --check || { echo "cargo fmt --check: run 'cargo fmt'" >&2; return 1; }
  cargo clippy --all-targets -- -D warnings || return 1
  cargo clippy --target wasm32-unknown-unknown --lib --bin telesales-kpi-app --bin telesales-kpi-worker --test web -- -D warnings || return 1
  cargo test --all-targets && cargo test --doc
}
browser() {
  cargo test --target wasm32-unknown-unknown --test web
}
end_to_end() {
  cargo build --bin telesales-kpi && build_release && node --test --test-concurrency=1 tests/e2e/
}

layer "native (fmt, clippy, cargo test)" native
layer "browser (wasm-bindgen-test)" browser
layer "end-to-end (playwright)" end_to_end

echo
say "summary"
passed=0; failed=0
for i in "${!NAMES[@]}"; do
  printf '  %-32s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}"
  case "${RESULTS[$i]}" in ok*) passed=$((passed + 1));; *) failed=$((failed + 1));; esac
done
echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
