# Every target builds .venv itself, so a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=
CORPORA ?= ../shared/corpora
CORPUS ?= $(CORPORA)/multilingual
JOBS ?= 1

.PHONY: demo run test lint bench bench-extra clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reader

run: $(STAMP)
	$(BIN)/reader $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check reader tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench

# All four corpora, each beside readability-lxml and trafilatura in the same run. trafilatura
# is only a yardstick, so it lives in an optional extra. HALF=tune|check: one by-site half.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/corpus.py $(CORPUS) --compare trafilatura --jobs $(JOBS) --worst 0 $(if $(HALF),--half $(HALF))
	$(BIN)/python bench/gold.py $(CORPORA)/cleaneval $(CORPORA)/cleanportaleval $(CORPORA)/dragnet --jobs $(JOBS) $(if $(HALF),--half $(HALF))

bench-extra: bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
