# KindCentraal: `make run` starts the demo, `make test` runs every check CI runs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/scripts frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)

.PHONY: run install test lint typecheck test-backend test-backend-sqlite test-backend-postgresql \
        test-frontend test-e2e openapi openapi-check spectral bench bench-rooms bench-outcomes bench-retention bench-webhooks bundle-budget lighthouse clean \
        crash-test restore-drill

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

tests/e2e/node_modules/.installed: tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Built from the committed API types (test-frontend checks they match openapi.yaml).
frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES) openapi.yaml
	cd frontend && npm run --silent build

install: $(BIN)/.installed frontend/node_modules/.installed

run: install frontend/dist/index.html
	$(BIN)/kindcentraal db upgrade
	$(BIN)/kindcentraal seed demo
	scripts/run.sh

lint: $(BIN)/.installed
	$(BIN)/ruff check backend tests bench examples
	$(BIN)/ruff format --check backend tests bench examples

typecheck: $(BIN)/.installed
	$(BIN)/mypy
	$(BIN)/mypy examples

openapi: $(BIN)/.installed
	$(BIN)/kindcentraal openapi --output openapi.yaml

openapi-check: $(BIN)/.installed
	$(BIN)/pytest -q tests/backend/test_openapi.py

spectral: tests/e2e/node_modules/.installed
	tests/e2e/node_modules/.bin/spectral lint --fail-severity=error --ruleset .spectral.yaml openapi.yaml
	cd tests/e2e && node --test spectral-rules.test.mjs

test-backend-sqlite: $(BIN)/.installed
	KC_TEST_DB=sqlite $(BIN)/pytest

test-backend-postgresql: $(BIN)/.installed
	@if command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		KC_TEST_DB=postgresql $(BIN)/pytest; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is required under CI=true" >&2; exit 1; \
	else echo "pg_ctl not found: skipping the PostgreSQL run"; fi

# Both databases side by side (two cores: 7.5 instead of 14 minutes). The SQLite run prints as
# it goes; the PostgreSQL run's output (var/test-postgresql.log) follows when it ends.
test-backend: $(BIN)/.installed
	@mkdir -p var; pg=""; \
	if command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		( KC_TEST_DB=postgresql $(BIN)/pytest > var/test-postgresql.log 2>&1; echo $$? > var/test-postgresql.rc ) & \
		pg=$$!; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is required under CI=true" >&2; exit 1; \
	else echo "pg_ctl not found: skipping the PostgreSQL run"; fi; \
	KC_TEST_DB=sqlite $(BIN)/pytest; sqlite=$$?; pgrc=0; \
	if [ -n "$$pg" ]; then \
		wait $$pg; echo "--- PostgreSQL (var/test-postgresql.log) ---"; cat var/test-postgresql.log; \
		pgrc=$$(cat var/test-postgresql.rc); \
	fi; \
	test $$sqlite -eq 0 && test $$pgrc -eq 0

# The API types are generated aside and compared, never rewritten in place: a newer source
# would rebuild frontend/dist while the browser tests (make -j2 in `test`) serve it. The
# production build typechecks (its `tsc --noEmit`), so an up-to-date build is a passed check.
test-frontend: frontend/node_modules/.installed frontend/dist/index.html
	@mkdir -p var
	cd frontend && ./node_modules/.bin/openapi-typescript ../openapi.yaml -o ../var/schema.check.d.ts >/dev/null
	@cmp -s var/schema.check.d.ts frontend/src/api/schema.d.ts || { \
		echo "frontend/src/api/schema.d.ts is not generated from openapi.yaml: cd frontend && npm run generate:api" >&2; exit 1; }
	cd frontend && npm test --silent
	cd frontend && node --test --test-reporter=dot scripts/b1-check.test.mjs && node scripts/b1-check.mjs
	$(MAKE) --no-print-directory bundle-budget

# The parent app's first screen (JS and CSS, gzip) against its budget, on a production build.
bundle-budget: frontend/dist/index.html
	cd frontend && node --test --test-reporter=dot scripts/scripts.test.mjs scripts/csp.test.mjs && node scripts/bundle-budget.mjs

test-e2e: $(BIN)/.installed frontend/dist/index.html tests/e2e/node_modules/.installed
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$CI" = "true" ]; then echo "Chromium is required under CI=true" >&2; exit 1; fi; \
		echo "chromium not found: skipping the browser tests"; exit 0; fi; \
	cd tests/e2e && npx playwright test

# Every check, two at a time on two cores, longest first: the PostgreSQL and SQLite runs side
# by side, then the browser tests, the frontend checks, the OpenAPI lint, lint and types as a
# lane frees up. Each check's output is printed whole when it ends; all run even if one fails.
test:
	$(MAKE) --no-print-directory -j2 -k --output-sync=target test-backend-postgresql \
		test-backend-sqlite test-e2e test-frontend spectral lint typecheck

# The hot-path benchmark (bench/hot_path.py; needs wrk). Options: make bench BENCH_ARGS="--quick".
bench: $(BIN)/.installed
	$(BIN)/python bench/hot_path.py $(BENCH_ARGS)

bench-rooms: $(BIN)/.installed
	$(BIN)/python bench/rooms.py $(BENCH_ARGS)

# Outcome reports on the 100k dataset (PostgreSQL): each report at most 1 second.
bench-outcomes: $(BIN)/.installed
	$(BIN)/python bench/outcomes.py $(BENCH_ARGS)

# Webhooks: events/s of one worker to a local receiver, commit-to-receipt p50/p95 (both databases).
# The retention purge on the 100k dataset (bench/retention.py; docs/retention.md).
bench-retention: $(BIN)/.installed
	$(BIN)/python bench/retention.py $(BENCH_ARGS)

bench-webhooks: $(BIN)/.installed
	$(BIN)/python bench/webhooks.py $(BENCH_ARGS)

# Crash test (PostgreSQL, docs/backup.md): 4 clients writing at 200/s while the server is killed
# with SIGKILL 5 times; every acknowledged write must be there afterwards and the access log must
# verify. About a minute; not part of `make test`. Options: make crash-test CRASH_ARGS="--kills 10".
crash-test: $(BIN)/.installed
	$(BIN)/python bench/crash.py $(CRASH_ARGS)

# The restore drill (docs/backup.md) on SQLite, then on PostgreSQL (a throwaway cluster).
restore-drill: $(BIN)/.installed
	scripts/restore-drill.sh --sqlite
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then \
		scripts/restore-drill.sh --postgresql; else echo "initdb not found: PostgreSQL drill skipped"; fi

# Lighthouse (mobile) on the parent app's screens, logged in as the demo parent
# (bench/lighthouse/run.mjs; docs/performance.md). Needs the demo running (`make run` in another
# terminal: SPA 127.0.0.1:5173, API 127.0.0.1:8000); about a minute. Not part of `make test`.
# Options: make lighthouse LIGHTHOUSE_ARGS="--runs 3 --spa http://127.0.0.1:5173".
bench/lighthouse/node_modules/.installed: bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: bench/lighthouse/node_modules/.installed
	cd bench/lighthouse && CHROME_PATH=/usr/bin/chromium node run.mjs $(LIGHTHOUSE_ARGS)

clean:
	rm -rf var frontend/dist
