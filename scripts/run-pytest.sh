#!/usr/bin/env bash
# pytest with the live-server plugin, failing loudly when nothing was collected (exit 5).
#   scripts/run-pytest.sh [PYTEST ARGS...]
# PYTEST_WORKERS=N (or auto) runs the tests in N processes with pytest-xdist (`make test` sets it to the
# number of cores); unset, 0 or 1: one process. Each worker has its own databases, data directory and live
# server (tests/conftest.py, tests/support/). PYTEST_DIST picks xdist's distribution (default loadgroup: the
# tests of the non-browser pass that share the session's live server stay in one worker).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
workers=${PYTEST_WORKERS:-0}
xdist=()
if [ "$workers" != 0 ] && [ "$workers" != 1 ]; then
  if "$PY" -c 'import xdist' 2>/dev/null; then
    xdist=(-n "$workers" --dist "${PYTEST_DIST:-loadgroup}")
  else
    echo "run-pytest: pytest-xdist is not installed (scripts/ensure-python.sh): running in one process" >&2
  fi
fi
"$PY" -m pytest -p tests.support.live_server "${xdist[@]}" "$@"
rc=$?
case "$rc" in
  0) ;;
  5) echo "run-pytest: pytest collected NO tests (exit 5) for: pytest $* -- treated as a failure;" \
          "check the test paths, markers (-m) and that tests/ exists in this checkout." >&2 ;;
  *) echo "run-pytest: pytest failed with exit $rc (pytest $*)" >&2 ;;
esac
exit "$rc"
