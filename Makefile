# The project's verbs. Each target sets up the virtual environment it needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
BUILD ?= build

.PHONY: help setup briefing test lab explore bench validate refresh clean workshop workshop-build wheelhouse

help:
	@echo "make briefing  write the briefing into $(BUILD)/: pages (zh, en), full analysis, slides, charts, spreadsheets"
	@echo "make test      run every test, nbval over every notebook included"
	@echo "make lab       open JupyterLab on the notebooks"
	@echo "make explore   serve the explorer as a web app on http://127.0.0.1:$(EXPLORE_PORT)/ (no code shown)"
	@echo "make bench     measure load and notebook times (not part of make test)"
	@echo "make validate  validate the data package and its coverage of the raw text"
	@echo "make refresh   re-execute the notebooks in place (update stored outputs)"
	@echo "make workshop  fresh learner notebooks in workspace/LANG and JupyterLab there (LANG=zh|en)"
	@echo "make workshop-build  regenerate the workshop notebooks and guide from workshop/episodes/"
	@echo "make wheelhouse  every wheel the package needs, in wheelhouse/, to install offline"

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
	$(PY) -m analysis explore --port $(EXPLORE_PORT)

bench: $(STAMP)
	$(PY) benchmarks/bench.py

validate: $(STAMP)
	$(PY) -m analysis validate

refresh: $(STAMP)
	$(PY) -m analysis refresh

clean:
	rm -rf $(BUILD)

# The workshop. LANG=zh or LANG=en; a Chinese locale (zh_CN.UTF-8) means zh. FRESH=1 moves a
# previous workspace aside first. JupyterLab gets a valid locale back and its own settings
# folder, where the workspace copy set the interface language.
WORKSHOP_LANG := $(if $(filter zh%,$(LANG)),zh,en)
workshop: $(STAMP)
	$(PY) -m analysis workshop copy --lang $(WORKSHOP_LANG) $(if $(FRESH),--fresh,)
	LANG=C.UTF-8 JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/workspace/.jupyterlab-settings/$(WORKSHOP_LANG) \
		$(VENV)/bin/jupyter lab --LabApp.extension_manager=readonly \
		$(if $(filter 0,$(shell id -u)),--allow-root,) workspace/$(WORKSHOP_LANG)

workshop-build: $(STAMP)
	$(PY) -m analysis workshop build

# Every wheel the package needs, and its own, for rooms with no network (see the guide)
wheelhouse: $(STAMP)
	$(PY) -m pip download --quiet --disable-pip-version-check --only-binary=:all: \
		-r requirements.txt uv==$(UV_VERSION) pip -d wheelhouse
	$(PY) -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation . -w wheelhouse
	@echo "wheelhouse/: $$(ls wheelhouse | wc -l) wheels"
