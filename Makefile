# The project's verbs. Each target sets up the virtual environment it needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
BUILD ?= build

.PHONY: help setup briefing test lab explore bench validate refresh clean

help:
	@echo "make briefing  write the briefing into $(BUILD)/: pages (zh, en), full analysis, slides, charts, spreadsheets"
	@echo "make test      run every test, nbval over every notebook included"
	@echo "make lab       open JupyterLab on the notebooks"
	@echo "make explore   serve the explorer as a web app on http://127.0.0.1:$(EXPLORE_PORT)/ (no code shown)"
	@echo "make bench     measure load and notebook times (not part of make test)"
	@echo "make validate  validate the data package and its coverage of the raw text"
	@echo "make refresh   re-execute the notebooks in place (update stored outputs)"

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# uv installs the same pinned requirements as pip, about thirty times faster
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@# compiled now: where PYTHONDONTWRITEBYTECODE is set, every import would compile its source again
	$(UV) pip install --quiet --python $(PY) --compile-bytecode -r requirements.txt
	$(UV) pip install --quiet --python $(PY) --no-deps --no-build-isolation -e .
	touch $@

briefing: $(STAMP)
	@$(PY) -m analysis briefing --out $(BUILD)

test: $(STAMP)
	$(PY) -m pytest

# root (as in containers) must say so; readonly: the extension manager never calls the network
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --LabApp.extension_manager=readonly \
		$(if $(filter 0,$(shell id -u)),--allow-root,) notebooks

# Voilà runs the explorer notebook and shows its outputs only; on this machine only
EXPLORE_PORT ?= 8866
explore: $(STAMP)
	$(VENV)/bin/voila notebooks/explorer.ipynb --no-browser --Voila.ip=127.0.0.1 --port=$(EXPLORE_PORT)

bench: $(STAMP)
	$(PY) benchmarks/bench.py

validate: $(STAMP)
	$(PY) -m analysis validate

refresh: $(STAMP)
	$(PY) -m analysis refresh

clean:
	rm -rf $(BUILD)
