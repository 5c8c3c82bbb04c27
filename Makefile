# Every target builds .venv itself, so a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=
CORPUS ?= ../shared/corpora/multilingual

.PHONY: demo run test lint bench bench-extra train adwall clean

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

bench: $(STAMP)
	$(BIN)/python bench/corpus.py $(CORPUS)

# trafilatura is only a yardstick, so it lives in an optional extra.
bench-extra: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/corpus.py $(CORPUS) --compare trafilatura

# The block judge's weights (reader/clean/data/judge.bin) from ../shared/corpora; scikit-learn
# and numpy come with the bench extra. --fresh: extract the multilingual pages' paragraphs anew.
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/train_judge.py --fresh

# The ad-wall bench on the held-out part, with a model that never saw it.
adwall: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/train_judge.py --parts train --out /tmp/judge-train.bin
	$(BIN)/python bench/adwall.py --part heldout --model /tmp/judge-train.bin

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
