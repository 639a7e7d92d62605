#!/usr/bin/env bash
# The browser-test pass of `make test`: pytest -m e2e in its own process, on SQLite, against
# the freshly built frontend/dist (Playwright's sync API leaves an event loop running in the
# main thread, which breaks pytest-asyncio tests that would follow it in the same process).
# A checkout without tests/e2e/test_*.py skips the pass with a message; a checkout that has
# browser tests but collects none of them fails (pytest exit 5).
#   scripts/pytest-e2e.sh [PYTEST ARGS...]
set -uo pipefail
cd "$(dirname "$0")/.."
if ! compgen -G "tests/e2e/test_*.py" >/dev/null && ! compgen -G "tests/e2e/**/test_*.py" >/dev/null; then
  echo "pytest-e2e: no browser tests in this checkout (tests/e2e/test_*.py): e2e pass skipped"
  exit 0
fi
if [ ! -f frontend/dist/index.html ]; then
  echo "pytest-e2e: frontend/dist/index.html is missing: build the web app first (npm --prefix frontend run build)" >&2
  exit 1
fi
exec env -u YECAI_TEST_DATABASE_URL -u YECAI_LIVE_SERVER_DATABASE_URL bash scripts/run-pytest.sh -m e2e "$@"
