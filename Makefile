# The two commands: `make demo` and `make test`. Both create .venv on first use.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.core-installed
FULL := $(VENV)/.full-installed
DEMO_DIR ?= demo-data

.PHONY: demo test lint typecheck pytest browser bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The demo needs only the core dependencies (no torch).
$(CORE): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# Tests also exercise the optional model backends (torch CPU, transformers,
# sentence-transformers) and need the dev tools.
$(FULL): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[ml,dev]'
	touch $@ $(CORE)

demo: $(CORE)
	$(BIN)/kupur demo --data-dir $(DEMO_DIR)

# Debian's chromium for the browser tests; installed only when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium missing and not root; browser tests will be skipped"; fi; }

lint: $(FULL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(FULL)
	$(BIN)/mypy

pytest: $(FULL) browser
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/pytest -q

test: lint typecheck pytest

bench: $(FULL)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO_DIR) .mypy_cache .ruff_cache .pytest_cache
