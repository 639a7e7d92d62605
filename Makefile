# Yecai (业财融合门户) — developer and CI entry points.
#
#   make run      build the web app, migrate, seed the demo and serve it (YECAI_PORT, YECAI_DATA_DIR)
#   make test     everything CI checks, in order, failing fast (.ci/run runs exactly this)
#   make schema   re-export schema/schema.graphql and re-run the frontend codegen
#   make bench    HTTP benchmark of the API (bench/README.md); make bench-postgres on PostgreSQL
#   make bench-audit  audit hash-chain verification benchmark (bench/audit_verify.py)
#   make bench-posting  posting throughput and voucher-list cost (bench/posting_bench.py)
#   make bench-limits   the cost check of the largest allowed and smallest refused requests (bench/limits_bench.py)
#   make bench-body  server memory while a 300 MB request body is refused (bench/body_limit.py)
#   make bench-search  the embedded search engine over 100,000 Chinese documents (bench/search_bench.py)
#   make bench-notify  notification fan-out to 1,000 WebSocket subscribers; a scheduler tick over 10,000 rows (bench/notify_fanout.py)
#   make bench-meetings  the minutes PDF of 20 pages beside bare WeasyPrint (bench/meetings_pdf.py)
#   make bench-sharing  a sharing scheduler tick over 10,000 rules beside bare SQL (bench/sharing_tick.py)
#   make bench-certificates  a certificate PDF beside bare WeasyPrint on the same HTML (bench/certificate_pdf.py)
#   make clean    remove build output, caches and the test PostgreSQL cluster
#
# Parts of `make test` can be run alone: make test-schema, test-frontend, test-ruff, test-imports,
# test-sqlite, test-e2e, test-postgres.
#
# Each pytest pass runs in PYTEST_WORKERS processes (pytest-xdist, default: one per core), each with
# its own databases (copies of a template migrated once), data directory and live server; see
# tests/conftest.py and scripts/run-pytest.sh.
#
# The SQLite run is two pytest runs: `-m "not e2e"`, then `-m e2e` (the browser tests,
# against the freshly built frontend/dist). Playwright's sync API keeps an event loop running
# in the main thread for the rest of a session, which breaks every pytest-asyncio test that
# would run after it in the same process.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV   := .venv
PY     := $(VENV)/bin/python
YECAI  := $(VENV)/bin/yecai
NPM_FE := npm --prefix frontend
STAGE  := bash scripts/stage.sh
PYTEST_ARGS ?=
# pytest-xdist workers of the three pytest passes (scripts/run-pytest.sh): one per core; 1 runs each in one process.
PYTEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 1)
export PYTEST_WORKERS
# The SQLite passes ignore a database URL the caller's shell may carry.
SQLITE_ENV := env -u YECAI_TEST_DATABASE_URL -u YECAI_LIVE_SERVER_DATABASE_URL
BENCH_ARGS  ?=

FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/index.html frontend/package-lock.json \
	frontend/vite.config.ts frontend/tsconfig*.json schema/schema.graphql -type f 2>/dev/null)

.PHONY: help run test schema bench bench-postgres bench-audit bench-posting bench-limits bench-body bench-search bench-notify bench-meetings bench-sharing bench-certificates clean distclean system python-env node-env frontend \
	test-system test-python test-node test-schema test-frontend test-ruff test-imports test-sqlite test-e2e test-postgres

help:
	@sed -n 's/^#   make /  make /p' Makefile

# ---------------------------------------------------------------- environments
system:
	@bash scripts/ensure-system.sh

python-env:
	@bash scripts/ensure-python.sh

node-env:
	@bash scripts/ensure-node.sh

# The web app is rebuilt only when its sources (or the schema) changed.
frontend/dist/index.html: $(FRONTEND_SOURCES) | node-env
	$(NPM_FE) run build

frontend: frontend/dist/index.html

# ---------------------------------------------------------------- run
run: system python-env node-env frontend/dist/index.html
	$(YECAI) db upgrade
	YECAI_DEMO=1 $(YECAI) seed demo
	YECAI_DEMO=1 exec $(YECAI) serve

# ---------------------------------------------------------------- test
test:
	@$(STAGE) --reset
	@trap '$(STAGE) --summary' EXIT; \
	$(STAGE) ensure-system   bash scripts/ensure-system.sh && \
	$(STAGE) ensure-python   bash scripts/ensure-python.sh && \
	$(STAGE) ensure-node     bash scripts/ensure-node.sh && \
	$(STAGE) schema-check    bash scripts/check-schema.sh && \
	$(STAGE) codegen-check   $(NPM_FE) run codegen:check && \
	$(STAGE) typecheck       $(NPM_FE) run typecheck && \
	$(STAGE) build           $(NPM_FE) run build && \
	$(STAGE) ruff            bash scripts/ruff.sh && \
	$(STAGE) imports         $(PY) scripts/lint-imports.py && \
	$(STAGE) pytest-sqlite   $(SQLITE_ENV) bash scripts/run-pytest.sh -m "not e2e" $(PYTEST_ARGS) && \
	$(STAGE) pytest-e2e      bash scripts/pytest-e2e.sh $(PYTEST_ARGS) && \
	$(STAGE) pytest-postgres bash scripts/pytest-postgres.sh -m "not e2e" $(PYTEST_ARGS)

test-system: system
test-python: python-env
test-node: node-env

test-schema: python-env
	bash scripts/check-schema.sh

test-frontend: node-env
	$(NPM_FE) run codegen:check
	$(NPM_FE) run typecheck
	$(NPM_FE) run build

test-ruff: python-env
	bash scripts/ruff.sh

# The house's import rules, made from yecai.domains by scripts/lint-imports.py: layers, no GraphQL in domains, no cycles.
test-imports: python-env
	$(PY) scripts/lint-imports.py

test-sqlite: python-env
	$(SQLITE_ENV) bash scripts/run-pytest.sh -m "not e2e" $(PYTEST_ARGS)

test-e2e: python-env node-env frontend/dist/index.html
	bash scripts/pytest-e2e.sh $(PYTEST_ARGS)

test-postgres: python-env
	bash scripts/pytest-postgres.sh -m "not e2e" $(PYTEST_ARGS)

# ---------------------------------------------------------------- schema
schema: python-env node-env
	mkdir -p schema
	$(YECAI) schema export --output schema/schema.graphql
	$(NPM_FE) run codegen

# ---------------------------------------------------------------- bench
bench: python-env
	$(PY) bench/http_bench.py $(BENCH_ARGS)

# How fast `yecai audit verify` walks the hash chain (bench/audit_verify.py; AUDIT_BENCH_ARGS="--events N").
AUDIT_BENCH_ARGS ?=
bench-audit: python-env
	$(PY) bench/audit_verify.py $(AUDIT_BENCH_ARGS)

# Posting throughput and voucher-list cost (bench/posting_bench.py; POSTING_BENCH_ARGS="--deliveries N").
bench-posting: python-env
	$(PY) bench/posting_bench.py $(POSTING_BENCH_ARGS)

# What checking a request's cost takes, beside parsing it (bench/limits_bench.py).
bench-limits: python-env
	$(PY) bench/limits_bench.py
# Server memory while a 300 MB request body is refused (bench/body_limit.py; BODY_BENCH_ARGS="--megabytes N").
bench-body: python-env
	$(PY) bench/body_limit.py $(BODY_BENCH_ARGS)

# The embedded search engine: indexing, queries, type-ahead, change to searchable (bench/search_bench.py;
# SEARCH_BENCH_ARGS="--documents N --queries Q").
SEARCH_BENCH_ARGS ?=
bench-search: python-env
	$(PY) bench/search_bench.py $(SEARCH_BENCH_ARGS)

bench-notify: python-env
	$(PY) bench/notify_fanout.py $(BENCH_ARGS)

# The minutes PDF of a 20-page minutes document beside bare WeasyPrint on the same HTML (bench/meetings_pdf.py;
# MEETINGS_BENCH_ARGS="--runs R --paragraphs P").
MEETINGS_BENCH_ARGS ?=
bench-meetings: python-env
	$(PY) bench/meetings_pdf.py $(MEETINGS_BENCH_ARGS)

# A sharing scheduler tick over 10,000 rules due at once beside the same rows by bare SQL (bench/sharing_tick.py;
# SHARING_BENCH_ARGS="--rules N").
SHARING_BENCH_ARGS ?=
bench-sharing: python-env
	$(PY) bench/sharing_tick.py $(SHARING_BENCH_ARGS)

# A certificate's PDF beside bare WeasyPrint on the same HTML (bench/certificate_pdf.py; CERTIFICATES_BENCH_ARGS="--runs R").
CERTIFICATES_BENCH_ARGS ?=
bench-certificates: python-env
	$(PY) bench/certificate_pdf.py $(CERTIFICATES_BENCH_ARGS)

# The same on the throwaway PostgreSQL cluster (started, then stopped again).
bench-postgres: python-env system
	url=$$(bash scripts/test-postgres.sh start); trap 'bash scripts/test-postgres.sh stop' EXIT; \
	YECAI_BENCH_DATABASE_URL=$$url $(PY) bench/http_bench.py $(BENCH_ARGS)

# ---------------------------------------------------------------- clean
clean:
	-bash scripts/test-postgres.sh destroy
	rm -rf frontend/dist var/stages.txt .pytest_cache .ruff_cache .hypothesis
	find backend tests bench -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true

distclean: clean
	rm -rf $(VENV) frontend/node_modules tests/http/node_modules
