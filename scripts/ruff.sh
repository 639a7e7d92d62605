#!/usr/bin/env bash
# `ruff check` on backend, tests and bench when ruff is configured for the project.
set -euo pipefail
cd "$(dirname "$0")/.."
RUFF=${RUFF:-.venv/bin/ruff}
if ! grep -q '^\[tool\.ruff' pyproject.toml 2>/dev/null && [ ! -f ruff.toml ] && [ ! -f .ruff.toml ]; then
  echo "ruff: not configured ([tool.ruff] in pyproject.toml or ruff.toml): skipped"
  exit 0
fi
dirs=()
for d in backend tests bench; do [ -d "$d" ] && dirs+=("$d"); done
"$RUFF" check "${dirs[@]}"
