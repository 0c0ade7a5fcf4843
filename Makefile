# Civic: `make run` sets up and serves the demo; `make test` runs the whole suite.
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Benchmarks to run (bench/run.py names, e.g. BENCH="live writes"); empty runs them all.
BENCH ?=
# Tests run in parallel, one worker per core up to 4 (pytest-xdist); TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help install run test lint typecheck format bench check-deploy clean messages

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# uv installs in seconds where pip takes minutes: without uv on PATH, pip installs it into the
# new virtual environment first (one small wheel) and uv installs the rest.
$(VENV)/.installed: pyproject.toml
	@set -e; PYBIN=$$(scripts/find-python); echo "Using $$PYBIN"; \
	UV=$$(command -v uv || true); \
	if [ -z "$$UV" ] && [ -x "$(BIN)/uv" ]; then UV="$(BIN)/uv"; fi; \
	if [ ! -x "$(PY)" ]; then \
	  if [ -n "$$UV" ]; then "$$UV" venv -q -p "$$PYBIN" $(VENV); else "$$PYBIN" -m venv $(VENV); fi; \
	fi; \
	if [ -z "$$UV" ]; then \
	  echo "uv not found: installing it into $(VENV) with pip"; \
	  $(PY) -m pip install -q uv && UV="$(BIN)/uv"; \
	fi; \
	echo "Installing Civic and its dependencies with uv ..."; \
	"$$UV" pip install -q -p $(PY) -e ".[dev]"
	@touch $@

install: $(VENV)/.installed ## Create the virtual environment and install Civic (catalogues compiled)
	@$(PY) manage.py compile_translations >/dev/null

# The Nu Html Checker for the browser tests (npm vnu-jar, run with Java); skipped without npm.
BROWSER_NPM := tests/browser/node_modules/.installed
$(BROWSER_NPM): tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else echo "npm not found: the HTML validity browser test will be skipped"; fi

run: install ## Set up and serve the demo on http://127.0.0.1:8000 (SQLite, no servers needed)
	@mkdir -p var
	$(PY) -m project.rundemo -b $(HOST) -p $(PORT) project.asgi:application

test: install $(BROWSER_NPM) ## Run the whole test suite, browser journeys included (see README)
	@mkdir -p var
	$(BIN)/pytest -n $(TEST_WORKERS) --maxprocesses=4 $(PYTEST_ARGS)

lint: install ## Check style (ruff), that no migration is missing, and types (make typecheck)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	@$(MAKE) --no-print-directory typecheck

typecheck: install ## Check types with mypy (strict on civic/ and every services.py)
	$(BIN)/mypy

format: install ## Format code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install ## Run the benchmarks and print one report table (BENCH="live writes" runs a subset)
	$(PY) bench/run.py $(BENCH)

check-deploy: install ## Run Django's deployment checks with production settings
	DJANGO_SETTINGS_MODULE=project.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-civic.example.org} $(PY) manage.py check --deploy --fail-level WARNING

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var staticfiles

messages: install ## Collect marked strings into locale/*/LC_MESSAGES/*.po (then translate the new entries)
	$(PY) manage.py makemessages --all --add-location file --no-obsolete --ignore ".venv/*" --ignore "node_modules/*" --ignore "staticfiles/*" --ignore "var/*"
	$(PY) manage.py makemessages --all -d djangojs --add-location file --no-obsolete --ignore ".venv/*" --ignore "node_modules/*" --ignore "staticfiles/*" --ignore "var/*" --ignore "static/vendor/*"
	$(PY) manage.py compile_translations
