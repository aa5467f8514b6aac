# Two commands set everything up on a fresh machine with Python 3.11:
#   make book   → builds the HTML book into _build/html/
#   make test   → lint, unit tests, every notebook under nbval (fast mode), book build, browser check
#   make colab  → colab/{tr,en}/: the chapters as Colab and Jupyter render them (generated, committed)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install lock book test unit system notebooks browser lint outputs student colab guide clean messages

install: $(STAMP)

# pyproject.toml says what the project needs (loose ranges, for Colab); constraints.txt pins the
# exact versions CI and contributors install (`make lock` rewrites it from pyproject.toml).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[book,test]"
	touch $(STAMP)

lock:
	$(or $(wildcard $(BIN)/python),$(PYTHON)) tools/lock.py

# The landing page (_config.yml) and one Sphinx build per edition (book/{tr,en}/_config.yml),
# each edition's HTML copied to _build/html/book/<lang>/ so the layout mirrors book/.
EDITIONS := tr en

book: install
	$(BIN)/jupyter-book build . -W -n --keep-going
	for lang in $(EDITIONS); do \
	  $(BIN)/jupyter-book build book/$$lang -W -n --keep-going --path-output _build/editions/$$lang || exit 1; \
	  rm -rf _build/html/book/$$lang && cp -r _build/editions/$$lang/_build/html _build/html/book/$$lang || exit 1; \
	done
	@echo "Book written to _build/html/index.html"

lint: install
	$(BIN)/ruff check .

# The unit tests, nbval and the student walk-through run in pytest-xdist workers, one per core (at
# most four), each on one core: TensorFlow's and OpenBLAS's thread pools set to one thread, because
# two processes whose BLAS threads both spin on two cores crawl and the tests' models are too small
# to gain from a second thread. nbval keeps each notebook's cells in one worker, in order
# (--dist loadscope); the unit tests let an idle worker take tests queued for the other (--dist
# worksteal), so neither waits for the other's last heavy tests. `make outputs` runs NumPy's BLAS on
# one thread too, so the stored outputs of NumPy computations (chapter 07's ring) are the ones nbval
# reproduces. The measurements behind these choices: benchmarks/RESULTS.md.
WORKERS       := -n auto --maxprocesses 4
ONE_CORE_EACH := TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 OPENBLAS_NUM_THREADS=1

# Unit tests run inside pytest's workers; the few marked "system" start Python processes of their own
# (SIGKILLs at four moments of a run, two processes on one folder, a fresh-process smoke test,
# TensorFlow's log while tracing) and take about half a minute, so they are a stage of their own.
unit: install
	$(ONE_CORE_EACH) $(BIN)/python -m pytest -q $(WORKERS) --dist worksteal tests --ignore=tests/notebooks --ignore=tests/browser -m "not system"

system: install
	$(BIN)/python -m pytest -q tests --ignore=tests/notebooks --ignore=tests/browser -m system

notebooks: install
	GANLIB_FAST=1 GANLIB_DATA=bundled $(ONE_CORE_EACH) $(BIN)/python -m pytest -q $(WORKERS) --dist loadscope --nbval book
	GANLIB_FAST=1 GANLIB_DATA=bundled $(ONE_CORE_EACH) $(BIN)/python -m pytest -q $(WORKERS) tests/notebooks

BROWSER_TESTS := $(BIN)/python -m pytest -q tests/browser

browser: book
	$(BROWSER_TESTS)

# What CI runs. The unit tests first, alone: their workers use both cores. The book build
# (Sphinx: one core, reading the committed outputs) runs beside the system tests, whose log comes
# first; the build's log follows when both are done. Then every notebook under nbval and the
# student walk-through, then the browser check of the built book.
test: lint
	$(MAKE) --no-print-directory unit
	@mkdir -p _build
	@$(MAKE) --no-print-directory book > _build/book.log 2>&1 & book=$$!; \
	  $(MAKE) --no-print-directory system; tests=$$?; \
	  wait $$book; built=$$?; cat _build/book.log; \
	  [ $$built = 0 ] || echo "make book failed (log above)"; [ $$tests = 0 ] && [ $$built = 0 ]
	$(MAKE) --no-print-directory notebooks
	$(BROWSER_TESTS)

# Re-run notebooks in default (CPU) mode and store their outputs in place (about 5 minutes
# for all; one chapter: make outputs NOTEBOOKS="book/tr/05-egitim.ipynb book/en/05-training.ipynb").
# Errors do not stop the run: each exercise's check fails until its stub is solved, on purpose;
# nbval (make notebooks) fails on any error a cell is not marked to raise.
NOTEBOOKS ?= book/tr/*.ipynb book/en/*.ipynb
outputs: install
	GANLIB_DATA=bundled TF_CPP_MIN_LOG_LEVEL=3 OPENBLAS_NUM_THREADS=1 $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.timeout=7200 --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.allow_errors=True \
	  --NotebookExporter.preprocessors=nbconvert.preprocessors.CoalesceStreamsPreprocessor $(NOTEBOOKS)

# ganlib's Turkish catalogue: extract the English message ids from the code into
# ganlib/locale/tr/LC_MESSAGES/ganlib.po (new ones empty: translate them), compile ganlib.mo
messages: install
	$(BIN)/python tools/messages.py

# The Colab edition: every chapter of book/{tr,en}/ with its MyST (glued numbers, citations,
# exercise and solution directives, admonitions, links between chapters) written as the plain
# Markdown Colab and Jupyter render → colab/{tr,en}/, the notebooks the launch buttons open.
# Generated and committed, never edited by hand; tests/notebooks/test_colab_edition.py fails when
# it is stale. Run it after changing a notebook or its outputs (make outputs does not).
colab: install
	$(BIN)/python tools/colab_edition.py --out colab

# The teacher's guide's generated parts (book/en/teachers-guide.md, book/tr/ogretmen-kilavuzu.md):
# each chapter's reading, running and exercise times, its prerequisites, the mistakes each checker
# recognises. tests/test_teacher_guide.py fails when they are stale: run it after changing a
# chapter's text or exercises or a checker's messages. The CPU times come from
# tools/teacher_guide_times.json (python tools/teacher_guide.py --measure re-times every chapter).
guide: install
	$(BIN)/python tools/teacher_guide.py

# The student edition: all notebooks without solutions → _build/student/
student: install
	$(BIN)/python tools/student_edition.py --out _build/student

clean:
	rm -rf _build
