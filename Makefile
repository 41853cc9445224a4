# Two commands do everything: `make run` and `make test`. Each builds .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run demo test lint check-qt bench soak screenshots dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/hamstring-app

demo: $(STAMP)
	$(BIN)/hamstring-app --demo

check-qt: $(STAMP)
	@$(BIN)/python packaging/check_qt_libs.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(STAMP) check-qt lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

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
