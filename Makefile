# The two commands: `make demo` and `make test`. Both create .venv on first use and install
# exactly the versions in the lock files (requirements/lock-core.txt, requirements/lock.txt);
# `make lock` refreshes those from pyproject.toml.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.core-installed
FULL := $(VENV)/.full-installed
DEMO_DIR ?= demo-data
LOCK := requirements/lock.txt
LOCK_CORE := requirements/lock-core.txt
UV_VERSION := 0.13.9

# PostgreSQL for the archive, ledger and scheduler-lock tests (see the postgres target).
PG_CLUSTER ?= main
PG_PORT ?= 5432
PG_PASSWORD ?= postgres
PG_DB ?= test
PG_URL_FILE := $(VENV)/.postgres-url
# Whether system packages may be installed and services started (root); `make AS_ROOT=` acts as
# an ordinary user would.
AS_ROOT ?= $(shell [ "$$(id -u)" = 0 ] && echo 1)

.PHONY: demo test lint typecheck pytest browser postgres check-install lock bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Installs one lock exactly: every package pinned and hash-checked, nothing resolved (this also
# moves pip, setuptools and wheel to their locked versions); then Kupür itself, editable, built
# with the locked setuptools; then `pip check`, which fails when pyproject.toml asks for something
# the lock does not hold.
define install_lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r $(1)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check || { echo "error: $(1) does not satisfy pyproject.toml: run 'make lock'" >&2; exit 1; }
endef

# The demo needs only the core dependencies (no torch).
$(CORE): pyproject.toml $(LOCK_CORE) | $(BIN)/python
	$(call install_lock,$(LOCK_CORE))
	touch $@

# Tests also exercise the optional model backends (torch, transformers, sentence-transformers;
# torch is PyPI's CUDA build, several GB) and need the dev tools.
$(FULL): pyproject.toml $(LOCK) | $(BIN)/python
	$(call install_lock,$(LOCK))
	touch $@ $(CORE)

demo: $(CORE)
	$(BIN)/kupur demo --data-dir $(DEMO_DIR)

# Refreshes both locks from pyproject.toml and requirements/build.in with uv, for CPython 3.11 on
# Linux x86_64, with hashes. Pins already in the locks are kept while pyproject.toml allows them;
# `make lock UPGRADE=1` moves every package to its newest allowed version. The core lock is
# resolved inside the full one, so the two never disagree. Needs PyPI.
LOCK_FLAGS := --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command 'make lock'
lock: | $(BIN)/python
	$(BIN)/python -m pip install -q "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml requirements/build.in --extra ml --extra dev \
	  $(LOCK_FLAGS) $(if $(UPGRADE),--upgrade) -o $(LOCK)
	$(BIN)/uv pip compile pyproject.toml requirements/build.in -c $(LOCK) \
	  $(LOCK_FLAGS) $(if $(UPGRADE),--upgrade) -o $(LOCK_CORE)
	@echo "$(LOCK): $$(grep -c '^[A-Za-z0-9]' $(LOCK)) packages; $(LOCK_CORE): $$(grep -c '^[A-Za-z0-9]' $(LOCK_CORE))"

# What a user gets from `pip install .` with the pip that ships with Python 3.11 (23.2, which
# reads some extras differently): a fresh venv, pip NOT upgraded, the core lock's pins as
# constraints (hashes stripped: constraints with hashes put pip in hash-checking mode, which a
# local directory cannot satisfy), a copy of this tree installed non-editable, then the offline
# demo from an empty directory, and no stage folder importable by its bare name.
check-install:
	@set -eu; start=$$(date +%s); \
	tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/kupur-check-install.XXXXXX"); trap 'rm -rf "$$tmp"' EXIT; \
	$(PY) -m venv "$$tmp/venv"; py="$$tmp/venv/bin/python"; \
	pipv=$$("$$py" -m pip --version | cut -d' ' -f2); \
	echo "check-install: $$($$py --version), its own pip $$pipv (not upgraded)"; \
	sed -e '/^ *--hash=/d' -e 's/ *\\$$//' $(LOCK_CORE) > "$$tmp/constraints.txt"; \
	mkdir "$$tmp/src"; \
	tar -C . --exclude=./.git --exclude=./$(VENV) --exclude=./build --exclude=./dist \
	  --exclude='*.egg-info' --exclude=./.mypy_cache --exclude=./.ruff_cache \
	  --exclude=./.pytest_cache --exclude=./$(DEMO_DIR) -cf - . | tar -C "$$tmp/src" -xf -; \
	PIP_CONSTRAINT="$$tmp/constraints.txt" "$$py" -m pip install -q "$$tmp/src"; \
	case "$$pipv" in 23.*) echo "check-install: (pip $$pipv warns that lxml lacks the 'html_clean'" \
	  "extra: it does not match lxml's 'html-clean'; pyproject.toml requires lxml_html_clean" \
	  "directly for that reason)";; esac; \
	"$$py" -m pip check; \
	mkdir "$$tmp/run"; cd "$$tmp/run"; \
	"$$tmp/venv/bin/kupur" demo --data-dir "$$tmp/run/data" > "$$tmp/demo.log" 2>&1 \
	  || { cat "$$tmp/demo.log"; tail -n 40 "$$tmp/run/data/logs/crawl.log" 2>/dev/null; \
	       echo "check-install: kupur demo failed" >&2; exit 1; }; \
	"$$py" -c "import lxml_html_clean, trafilatura, justext, kupur.index, kupur.nlp, kupur.crawlers, kupur.scheduler"; \
	for m in index nlp crawlers scheduler; do \
	  if "$$py" -c "import $$m" 2>/dev/null; then \
	    echo "check-install: 'import $$m' works: the distribution leaks a top-level '$$m'" >&2; exit 1; fi; \
	done; \
	echo "check-install: ok in $$(( $$(date +%s) - start )) s (pip install ., kupur demo, imports)"

# Debian's chromium for the browser tests; installed only when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ -n "$(AS_ROOT)" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium missing and not root; browser tests will be skipped"; fi; }

# A PostgreSQL server for the tests, its URL written to $(PG_URL_FILE) for the pytest target.
# KUPUR_TEST_DATABASE_URL set by the caller wins. As root: Debian's postgresql is installed when
# missing, the cluster created and started when needed, the postgres role given a password (the
# cluster asks for one on 127.0.0.1) and the database created; any failure stops the run. Not
# root: a server already answering at that URL is used, else the PostgreSQL tests are skipped.
postgres: $(FULL)
	@set -eu; \
	url="postgresql+psycopg://postgres:$(PG_PASSWORD)@127.0.0.1:$(PG_PORT)/$(PG_DB)"; \
	if [ -n "$${KUPUR_TEST_DATABASE_URL:-}" ]; then \
	  echo "$$KUPUR_TEST_DATABASE_URL" > $(PG_URL_FILE); exit 0; fi; \
	: > $(PG_URL_FILE); \
	if [ -n "$(AS_ROOT)" ]; then \
	  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then \
	    echo "postgres: installing Debian's postgresql"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  fi; \
	  ver=$$(ls /usr/lib/postgresql | sort -n | tail -1); \
	  [ -d "/etc/postgresql/$$ver/$(PG_CLUSTER)" ] \
	    || pg_createcluster --port $(PG_PORT) "$$ver" $(PG_CLUSTER) >/dev/null; \
	  pg_ctlcluster "$$ver" $(PG_CLUSTER) status >/dev/null 2>&1 \
	    || pg_ctlcluster "$$ver" $(PG_CLUSTER) start; \
	  for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p $(PG_PORT) && break; sleep 1; done; \
	  ( cd / && su postgres -c "psql -q -p $(PG_PORT) -c \"ALTER USER postgres PASSWORD '$(PG_PASSWORD)'\"" \
	    && { su postgres -c "psql -p $(PG_PORT) -tAc \"SELECT 1 FROM pg_database WHERE datname = '$(PG_DB)'\"" | grep -q 1 \
	         || su postgres -c "createdb -p $(PG_PORT) $(PG_DB)"; } ); \
	fi; \
	if $(BIN)/python -c "import sys, psycopg; psycopg.connect(sys.argv[1], connect_timeout=5).close()" \
	     "postgresql://$${url#postgresql+psycopg://}" 2> $(PG_URL_FILE).err; then \
	  echo "$$url" > $(PG_URL_FILE); echo "postgres: tests use $$url"; \
	elif [ -n "$(AS_ROOT)" ]; then \
	  tail -1 $(PG_URL_FILE).err >&2; echo "error: PostgreSQL was set up but does not answer at $$url" >&2; exit 1; \
	else echo "warning: no PostgreSQL at $$url and not root; PostgreSQL tests will be skipped"; fi

lint: $(FULL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(FULL)
	$(BIN)/mypy

# pytest's exit status 5 (no test collected) is a failure here, like any other non-zero one.
pytest: $(FULL) browser postgres
	@url=$$(cat $(PG_URL_FILE)); status=0; \
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 KUPUR_TEST_DATABASE_URL="$$url" $(BIN)/pytest -q || status=$$?; \
	if [ $$status = 5 ]; then echo "error: pytest collected no tests" >&2; exit 1; fi; exit $$status

test: lint typecheck pytest

bench: $(FULL)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO_DIR) .mypy_cache .ruff_cache .pytest_cache
