#!/usr/bin/env bash
# pytest with the live-server plugin, failing loudly when nothing was collected (exit 5).
#   scripts/run-pytest.sh [PYTEST ARGS...]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m pytest -p tests.support.live_server "$@"
rc=$?
case "$rc" in
  0) ;;
  5) echo "run-pytest: pytest collected NO tests (exit 5) for: pytest $* -- treated as a failure;" \
          "check the test paths, markers (-m) and that tests/ exists in this checkout." >&2 ;;
  *) echo "run-pytest: pytest failed with exit $rc (pytest $*)" >&2 ;;
esac
exit "$rc"
