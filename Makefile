# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Debian packages: Chromium renders chart PNGs (kaleido) and drives browser tests; CJK fonts for Chinese;
# a JRE for the Spark SQL engine (`make test-spark`).
SYSTEM_PACKAGES := chromium fonts-noto-cjk default-jre-headless

.PHONY: install sysdeps demo test test-stages test-unit test-security eval-gold test-spark eval \
	eval-domains domain-batch-1 domain-batch-2 domain-batch-3 domain-batch-4 lint format check ci bench \
	screenshots clean

# Evaluation domains: every folder of evals/domains with a suite.yaml, each held to its own floor
# (`min_accuracy` in its suite.yaml, set below its measured figure; the blind first-run figures
# are in docs/evals.md). `make test` runs them in four batches, one process each.
DOMAINS := $(patsubst evals/domains/%/suite.yaml,%,$(wildcard evals/domains/*/suite.yaml))
DOMAIN_BATCH_1 := $(wordlist 1,20,$(DOMAINS))
DOMAIN_BATCH_2 := $(wordlist 21,40,$(DOMAINS))
DOMAIN_BATCH_3 := $(wordlist 41,60,$(DOMAINS))
DOMAIN_BATCH_4 := $(wordlist 61,999,$(DOMAINS))

# Speed (docs/benchmarks.md, "CI time"): pytest runs in TEST_WORKERS processes (pytest-xdist;
# `auto` = one per CPU, 0 = in one process), and the independent stages of `make test` (and of
# `make check`: lint too) run JOBS at a time, each one's output printed whole when it ends.
TEST_WORKERS ?= auto
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# The stages' own set-up targets; the parallel sub-make leaves them out (done once before it), so
# it starts the stages in the order listed, the longest (pytest) first.
NEEDS_INSTALL ?= install
NEEDS_SYSDEPS ?= sysdeps
PARALLEL := $(MAKE) --no-print-directory -j$(JOBS) --output-sync=target NEEDS_INSTALL= NEEDS_SYSDEPS=
# `make check TIME=time` prints how long each stage took (bash's `time`), as measured there.
TIME ?=
# Python keeps compiled modules (__pycache__) even where the environment says not to: without them
# every `tpa eval` of `make test` and every command a test starts compiles chromadb, DuckDB's and
# our own modules from source again (about 4 s a process; docs/benchmarks.md, "CI time").
unexport PYTHONDONTWRITEBYTECODE

install: $(STAMP)

# uv installs the same packages as pip from the same registry, downloading in parallel: about a
# third of pip's time in a fresh clone (docs/benchmarks.md, "CI time"). The stamp skips it all
# until pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.5,<1'
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[test]'
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

# The pytest suite, the attack corpus on ClickHouse and the gold eval: side by side (they share
# only the demo databases, each built once under a lock). The evaluation domains (about 12 s of
# CPU each, most of it building their databases) are `make eval-domains`, which CI runs after
# `make test` (.ci/run): with seventy-nine of them `make test` would pass twenty minutes.
test: install sysdeps
	$(PARALLEL) test-stages

STAGES := test-unit test-security eval-gold
test-stages: $(STAGES)

# pytest's workers, the commands they start and the gold evaluation share one file of e5 vectors
# (TPA_EMBEDDING_CACHE, assistant/retrieval/vectors.py): the demo model's names are embedded once,
# not again in every process and every index a test builds.
test-unit test-security eval-gold: export TPA_EMBEDDING_CACHE ?= $(CURDIR)/.cache/tests/embeddings.sqlite

test-unit: $(NEEDS_INSTALL) $(NEEDS_SYSDEPS)
	$(TIME) $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal

test-security: $(NEEDS_INSTALL) $(NEEDS_SYSDEPS)
	$(TIME) env TPA_TEST_ENGINE=clickhouse $(BIN)/python -m pytest -q tests/security/test_security_corpus.py

eval-gold: $(NEEDS_INSTALL)
	$(TIME) $(BIN)/tpa eval evals/gold --min-accuracy 0.90 --no-progress --out build/evals/gold-embedded --junit build/evals/gold-junit.xml

# Spark parity with DuckDB (pinned demo, golden plans, the gold suite): minutes of JVM work, so
# not in `make test` (docs/engines.md). Spark's driver is kept to TPA_SPARK_MEMORY (default 1g).
test-spark: install sysdeps
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[test,spark]'
	TPA_TEST_SPARK=1 $(BIN)/python -m pytest -q tests/test_engines_spark.py
	TPA_TEST_ENGINE=spark $(BIN)/python -m pytest -q tests/security/test_security_corpus.py

# The domains run in four batches, one `tpa eval` process each (the imports, start-up and SQL
# engine are paid once per batch, not once per domain: about 2.5 s of CPU each), side by side
# under `make -j`; `make eval-domain-NAME` runs one. They run with retrieval off: on one planner
# (`f5ea5b8`) the fifty-two domains then scored 4,280 of 5,056 against 4,275 with it on (35 case
# for case the same, 17 one or two cases apart), and each domain's index costs about 17 s of CPU
# here (docs/benchmarks.md, "CI time"). The gold evaluation and the tests keep retrieval on, and
# the blind first runs (docs/evals.md) are measured with it on, as `tpa` runs by default.
DOMAIN_BATCHES := domain-batch-1 domain-batch-2 domain-batch-3 domain-batch-4
eval-domains: $(DOMAIN_BATCHES)

# (a static pattern rule: make skips implicit rules for .PHONY targets)
$(DOMAIN_BATCHES): domain-batch-%: $(NEEDS_INSTALL)
	$(TIME) env TPA_RETRIEVAL=off $(BIN)/tpa eval $(addprefix evals/domains/,$(DOMAIN_BATCH_$*)) \
	  --no-progress --out build/evals/domains --junit build/evals/domains-$*-junit.xml

eval-domain-%: $(NEEDS_INSTALL)
	$(TIME) env TPA_RETRIEVAL=off $(BIN)/tpa eval evals/domains/$* \
	  --no-progress --out build/evals/domain-$* --junit build/evals/domain-$*-junit.xml

lint: $(NEEDS_INSTALL)
	$(TIME) $(BIN)/ruff check .
	$(TIME) $(BIN)/ruff format --check .
	$(TIME) $(BIN)/mypy
	$(TIME) $(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Everything CI runs (.ci/run): the lint, the test stages and the domain evals, JOBS at a time.
check: install sysdeps
	$(PARALLEL) test-unit lint $(filter-out test-unit,$(STAGES)) eval-domains

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
