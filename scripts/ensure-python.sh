#!/usr/bin/env bash
# Create .venv (Python >= 3.11) when missing and `pip install -e '.[dev]'` only when
# pyproject.toml (or the interpreter, or the checkout's path) changed since the last install.
# The stamp lives in .venv/.yecai-install-stamp. Set PYTHON to choose the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
STAMP="$VENV/.yecai-install-stamp"

pick_python() {
  local c
  for c in "${PYTHON:-}" python3.11 python3 python; do
    [ -n "$c" ] || continue
    command -v "$c" >/dev/null 2>&1 || continue
    if "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  return 1
}

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  if ! PY=$(pick_python); then
    echo "ensure-python: no Python >= 3.11 found (set PYTHON=/path/to/python3.11)" >&2
    exit 1
  fi
  echo "ensure-python: creating .venv with $("$PY" --version 2>&1)" >&2
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV"; then
    rm -rf "$VENV"
    echo "ensure-python: '$PY -m venv' failed (on Debian's python3: apt-get install python3-venv)" >&2
    exit 1
  fi
fi

want=$( { sha256sum pyproject.toml; "$VENV/bin/python" -VV; echo "$ROOT"; } | sha256sum | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)
if [ "$want" = "$have" ] && [ -x "$VENV/bin/yecai" ]; then
  exit 0
fi

echo "ensure-python: installing the project into .venv (pip install -e '.[dev]')" >&2
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"$VENV/bin/python" -m pip install -q -e '.[dev]'
echo "$want" > "$STAMP"
