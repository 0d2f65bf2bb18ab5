#!/usr/bin/env bash
# Starts the Conduit API in the foreground.
set -euo pipefail
cd "$(dirname "$0")"
if [ -x /usr/bin/python3 ]; then
  exec /usr/bin/python3 app.py
else
  exec python3 app.py
fi
