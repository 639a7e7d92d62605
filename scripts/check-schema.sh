#!/usr/bin/env bash
# Fail when schema/schema.graphql differs from what the code exports (`yecai schema export`).
set -euo pipefail
cd "$(dirname "$0")/.."
YECAI=${YECAI:-.venv/bin/yecai}
CHECKED_IN=schema/schema.graphql
tmp=$(mktemp "${TMPDIR:-/tmp}/yecai-schema.XXXXXX.graphql")
data=$(mktemp -d "${TMPDIR:-/tmp}/yecai-schema-data.XXXXXX")
trap 'rm -rf "$tmp" "$data"' EXIT

# The export must not depend on (or touch) a developer's data or database.
env -u YECAI_DATABASE_URL YECAI_DATA_DIR="$data" "$YECAI" schema export --output "$tmp"

if [ ! -f "$CHECKED_IN" ]; then
  echo "check-schema: $CHECKED_IN is missing: run 'make schema' and commit it." >&2
  exit 1
fi
if ! diff -u --label "$CHECKED_IN (checked in)" --label "yecai schema export (from the code)" "$CHECKED_IN" "$tmp"; then
  echo "" >&2
  echo "check-schema: $CHECKED_IN is STALE: the code's schema differs from the checked-in SDL (diff above)." >&2
  echo "check-schema: run 'make schema' (re-exports the SDL and re-runs the frontend codegen) and commit both." >&2
  exit 1
fi
echo "check-schema: $CHECKED_IN is up to date"
