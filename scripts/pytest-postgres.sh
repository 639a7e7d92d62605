#!/usr/bin/env bash
# The PostgreSQL pass of `make test`: start the throwaway cluster, run pytest (without the
# browser tests) with YECAI_TEST_DATABASE_URL pointing at it, stop the cluster whatever happens.
# The live server of tests/http runs on its own fresh database of the same cluster.
#   scripts/pytest-postgres.sh [PYTEST ARGS...]     (default: -m "not e2e")
set -uo pipefail
cd "$(dirname "$0")/.."
[ "$#" -gt 0 ] || set -- -m "not e2e"

if ! url=$(bash scripts/test-postgres.sh start); then
  echo "pytest-postgres: could not start the test PostgreSQL cluster" >&2
  exit 1
fi
trap 'bash scripts/test-postgres.sh stop' EXIT
echo "pytest-postgres: YECAI_TEST_DATABASE_URL=$url"
YECAI_TEST_DATABASE_URL=$url YECAI_LIVE_SERVER_DATABASE_URL=$url bash scripts/run-pytest.sh "$@"
