#!/usr/bin/env bash
# Check the sandbox against the official Python SDK: build `ast`, start `ast sandbox` on a free port with
# an in-memory database, run flow.py with asteroid-odyssey, stop the sandbox. Exits non-zero on a mismatch.
#
#   scripts/sdk-check/run.sh            # uses .build as the scratch path
#   SCRATCH=.build-sandbox scripts/sdk-check/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRATCH="${SCRATCH:-.build}"
VENV=".venv-sdk"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c 'import asteroid_odyssey' 2>/dev/null || "$VENV/bin/pip" install -q asteroid-odyssey

swift build --scratch-path "$SCRATCH" --product ast
AST="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/ast"

LOG="$(mktemp)"
"$AST" sandbox --port 0 --db :memory: --seed 1 --executions 300 --speed 5 >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://[^ ]*/agents/v2' "$LOG" | head -n1 || true)"
  [ -n "$URL" ] && break
  if ! kill -0 "$PID" 2>/dev/null; then
    cat "$LOG" >&2
    echo "sdk-check: ast sandbox exited before listening" >&2
    exit 1
  fi
  sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG" >&2; echo "sdk-check: no 'listening on' line after 10 s" >&2; exit 1; }

echo "sdk-check: sandbox at $URL"
"$VENV/bin/python" scripts/sdk-check/flow.py "$URL"
