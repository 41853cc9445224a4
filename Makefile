# Two commands do everything: `make run` and `make test`. Each builds .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)
# `make run` needs a screen: the offscreen default above is for tests and tools only.
NO_SCREEN := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,$(if $(filter environment,$(origin QT_QPA_PLATFORM)),,yes))
define need_screen
	@if [ "$(NO_SCREEN)" = yes ] && [ "$$(uname -s)" = Linux ]; then \
	  echo "make $@: there is no display (DISPLAY and WAYLAND_DISPLAY are not set)."; \
	  echo "Run it from a desktop session, or on a virtual display: xvfb-run make $@"; \
	  echo "The headless commands need none: .venv/bin/hamstring-app assess --help"; \
	  exit 1; fi
endef

.PHONY: run demo test lint check-qt bench soak screenshots dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(need_screen)
	QT_QPA_PLATFORM= $(BIN)/hamstring-app

demo: $(STAMP)
	$(need_screen)
	QT_QPA_PLATFORM= $(BIN)/hamstring-app --demo

check-qt: $(STAMP)
	@$(BIN)/python packaging/check_qt_libs.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# One pytest-xdist worker per core, each with its own QApplication; a test file stays on one
# worker, so module fixtures are built once. `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= auto
test: $(STAMP) check-qt lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# Not part of `make test` or CI: 100 writer kills and 5,000 assess fuzz inputs, with counts.
soak: $(STAMP)
	$(BIN)/python tests/reliability/soak.py 100 5000

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m hamstring_app.ui.screenshots docs/screenshots

# The Linux bundle and its tarball: PyInstaller comes from the `dist` extra, installed into
# .venv the first time (and again when pyproject.toml changes). See packaging/README.md.
DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	@touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(BIN)/python packaging/build_linux.py

clean:
	rm -rf $(VENV) build dist *.egg-info
