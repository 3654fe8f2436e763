# Two commands on a fresh machine: `make run` and `make test`. Nothing else is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench sample clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Your own library (created from the bundled sample on first run), as bare `reader` opens it;
# `make run STORE=path/to/articles.json` opens another.
run: $(STAMP)
	$(BIN)/reader $(if $(STORE),--store '$(STORE)')

test: $(STAMP)
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/ruff check reader tests bench
	$(BIN)/ruff format --check reader tests bench
	$(BIN)/mypy

# Rebuild the bundled sample library from the seed article (reproducible: the import time is pinned).
sample: $(STAMP)
	rm -f data/articles.json
	SOURCE_DATE_EPOCH=1795564800 $(BIN)/reader import --store data/articles.json tests/data/seed/000_a14d585e98ce9933.txt

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
