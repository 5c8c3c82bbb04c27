# Every target builds .venv itself, so a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=
CORPUS ?= ../shared/corpora/multilingual

.PHONY: demo run test lint bench bench-extra clean

# constraints.txt: the versions the goldens and TUI snapshots were made with.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@# The distribution used to be called reader: an old .venv would keep its import hook too.
	$(BIN)/pip uninstall --quiet --yes reader 2>/dev/null || true
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# compileall: the editable install runs the checkout's modules, and under PYTHONDONTWRITEBYTECODE
# Python never stores their bytecode, so every start compiled reader from source again (1.5x
# the CPU of `import readability` instead of 1.1x). It only stats files that are up to date.
demo: $(STAMP)
	@$(BIN)/python -m compileall -q reader
	$(BIN)/reader

run: $(STAMP)
	@$(BIN)/python -m compileall -q reader
	$(BIN)/reader $(ARGS)

test: lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench
	$(BIN)/ruff format --check reader tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/corpus.py $(CORPUS)

# trafilatura is only a yardstick, so it lives in an optional extra.
bench-extra: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/corpus.py $(CORPUS) --compare trafilatura

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
