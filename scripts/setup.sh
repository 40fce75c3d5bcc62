#!/usr/bin/env bash
# Installs what building and testing the page needs, skipping what is there.
# Sourced by scripts/serve.sh and scripts/test.sh; `setup_build` and
# `setup_browser` are idempotent. Nothing here downloads binaries from outside
# the package registries: Trunk is told to stay offline.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version pinned in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build() {
  export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  export TRUNK_OFFLINE=true
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (takes a few minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    say "installing wasm-bindgen-cli $wbg"
    # Not --locked: its lockfile names a crate version the registry here lacks.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm tools (binaryen's wasm-opt, playwright-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
}

# Builds the release page into dist/.
build_release() {
  say "building the release page (trunk build --release)"
  (cd "$ROOT" && trunk build --release)
}
