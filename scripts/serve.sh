#!/usr/bin/env bash
# Installs what is missing, builds the release page and serves dist/ on
# 127.0.0.1. Usage: bash scripts/serve.sh [PORT]   (default 8080)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

PORT="${1:-${PORT:-8080}}"
setup_build
build_release
say "serving $ROOT/dist at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec /usr/bin/python3 -m http.server --bind 127.0.0.1 --directory "$ROOT/dist" "$PORT"
