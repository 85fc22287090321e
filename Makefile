# konvooi — two commands on a fresh clone: `make run` and `make test`.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
OUT     ?= runs/baseline

.PHONY: run test test-slow bench bench-large lint calibrate clean

$(STAMP): pyproject.toml scripts/find-python.sh
	@base=$$(sh scripts/find-python.sh) || exit 1; \
	 echo "konvooi: creating $(VENV) with $$base"; \
	 rm -rf $(VENV) && "$$base" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/konvooi run scenarios/baseline.toml --out $(OUT) --summary

test: $(STAMP)
	$(PY) -m pytest -q

test-slow: $(STAMP)
	$(PY) -m pytest -q -m slow

bench: $(STAMP)
	$(VENV)/bin/konvooi bench --residents 100000 --years 10 --json

bench-large: $(STAMP)
	$(VENV)/bin/konvooi bench --residents 1000000 --years 10 --json

calibrate: $(STAMP)
	$(PY) experiments/calibrate.py

lint: $(STAMP)
	$(VENV)/bin/ruff check sim experiments tests

clean:
	rm -rf $(VENV) runs .pytest_cache
