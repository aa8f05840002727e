# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test lint bench clean

$(BIN)/tijara: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Logs are JSON lines by default (for collectors); at the terminal, plain lines.
run: $(BIN)/tijara
	LOG_FORMAT=$${LOG_FORMAT:-text} $(BIN)/tijara serve --host $(HOST) --port $(PORT)

test: $(BIN)/tijara
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -rs $(PYTEST_ARGS)

lint: $(BIN)/tijara
	$(BIN)/ruff check .

bench: $(BIN)/tijara
	$(BIN)/python -m benchmarks.turns
	$(BIN)/python -m benchmarks.langid
	$(BIN)/python -m benchmarks.media
	$(BIN)/python -m benchmarks.admin
	$(BIN)/python -m benchmarks.channels
	$(BIN)/python -m benchmarks.listing

clean:
	rm -rf $(VENV) var .pytest_cache
