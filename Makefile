# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Debian packages: Chromium renders chart PNGs (kaleido) and drives browser tests; CJK fonts for Chinese;
# a JRE for the Spark SQL engine (`make test-spark`).
SYSTEM_PACKAGES := chromium fonts-noto-cjk default-jre-headless

.PHONY: install sysdeps demo test test-spark eval eval-domains lint format check bench screenshots clean

# Evaluation domains and the accuracy each must keep (set below its measured figure; the blind
# first-run figures are in docs/evals.md).
DOMAIN_FLOORS := bank:0.70 dealer:0.68 delivery:0.80 edu:0.74 game:0.62 hospital:0.64 travel:0.68 telecom:0.72 saas:0.78 insure:0.62 gym:0.65 stream:0.60

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

sysdeps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

demo: install
	$(BIN)/tpa demo

test: install sysdeps
	$(BIN)/python -m pytest -q
	TPA_TEST_ENGINE=clickhouse $(BIN)/python -m pytest -q tests/security/test_security_corpus.py
	$(BIN)/tpa eval evals/gold --min-accuracy 0.90 --out build/evals/gold-embedded --junit build/evals/gold-junit.xml
	$(MAKE) --no-print-directory eval-domains

# Spark parity with DuckDB (pinned demo, golden plans, the gold suite): minutes of JVM work, so
# not in `make test` (docs/engines.md). Spark's driver is kept to TPA_SPARK_MEMORY (default 1g).
test-spark: install sysdeps
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	TPA_TEST_SPARK=1 $(BIN)/python -m pytest -q tests/test_engines_spark.py
	TPA_TEST_ENGINE=spark $(BIN)/python -m pytest -q tests/security/test_security_corpus.py

eval-domains: install
	@for pair in $(DOMAIN_FLOORS); do \
	  domain=$${pair%%:*}; floor=$${pair##*:}; \
	  $(BIN)/tpa eval evals/domains/$$domain --min-accuracy $$floor --no-progress \
	    --out build/evals/domain-$$domain --junit build/evals/domain-$$domain-junit.xml || exit 1; \
	done

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint test

bench: install
	$(BIN)/python bench/generate.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/compiler.py
	$(BIN)/python bench/planner.py
	@test -f data/demo.duckdb || $(BIN)/tpa demo --no-serve
	$(BIN)/python bench/api.py
	$(BIN)/python bench/api.py --repeat --target 200
	$(BIN)/python bench/e2e.py
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/soak.py --json build/soak.json

# Retake docs/images/*.png with the current UI (own server on a free port, Chromium offline);
# `.venv/bin/python docs/images/screenshots.py --help` lists what it writes and its options.
screenshots: install sysdeps
	@test -f data/demo.duckdb || $(BIN)/tpa demo --no-serve --events 200000 --as-of 2026-11-23
	$(BIN)/python docs/images/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
