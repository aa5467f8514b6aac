# Two commands set everything up on a fresh machine with Python 3.11:
#   make book   → builds the HTML book into _build/html/
#   make test   → lint, unit tests, every notebook under nbval (fast mode), book build, browser check
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install book test unit notebooks browser lint outputs student clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[book,test]"
	touch $(STAMP)

book: install
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Book written to _build/html/index.html"

lint: install
	$(BIN)/ruff check .

unit: install
	$(BIN)/python -m pytest -q tests --ignore=tests/notebooks --ignore=tests/browser

notebooks: install
	GANLIB_FAST=1 GANLIB_DATA=bundled $(BIN)/python -m pytest -q --nbval book
	GANLIB_FAST=1 GANLIB_DATA=bundled $(BIN)/python -m pytest -q tests/notebooks

browser: book
	$(BIN)/python -m pytest -q tests/browser

test: lint unit notebooks browser

# Re-run every notebook in default (CPU) mode and store its outputs (several minutes).
outputs: install
	GANLIB_DATA=bundled $(BIN)/python tools/build_notebooks.py --execute

# The student edition: all notebooks without solutions → _build/student/
student: install
	$(BIN)/python tools/student_edition.py --out _build/student

clean:
	rm -rf _build
