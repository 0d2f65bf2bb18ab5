#!/usr/bin/env bash
# Starts the Conduit API in the foreground.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ]; then
  npm ci --omit=dev --no-audit --no-fund
fi
exec node src/index.js
