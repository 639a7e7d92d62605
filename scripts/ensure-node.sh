#!/usr/bin/env bash
# `npm ci` in each Node package of the repository (frontend/, tests/http/) only when its
# package-lock.json (or the Node version) changed since the last install.
# The stamp lives in <dir>/node_modules/.yecai-install-stamp.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ensure-node: node and npm are required (Node >= 20)" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "ensure-node: Node >= 20 required, found $(node --version)" >&2
  exit 1
fi

dirs=("$@")
[ "${#dirs[@]}" -gt 0 ] || dirs=(frontend tests/http)

for dir in "${dirs[@]}"; do
  if [ ! -f "$dir/package.json" ]; then
    echo "ensure-node: $dir/package.json not found, skipping $dir" >&2
    continue
  fi
  if [ ! -f "$dir/package-lock.json" ]; then
    echo "ensure-node: $dir/package-lock.json is missing: run 'npm install' in $dir and commit the lock file" >&2
    exit 1
  fi
  stamp="$dir/node_modules/.yecai-install-stamp"
  want=$( { sha256sum "$dir/package-lock.json"; node --version; } | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
    continue
  fi
  echo "ensure-node: npm ci in $dir" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
done
