# One Makefile: `make run` starts the app, `make test` runs the tests.
# Both create .venv and install what they need on first use, then only
# reinstall when pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8501
# Local only by default; `ADDRESS=0.0.0.0 make run` serves every interface on purpose.
ADDRESS ?= 127.0.0.1
BIN := $(VENV)/bin
# The CPU build of torch, for the sentence-transformers backend (the default
# install has no torch). Without the pin pip may fetch a multi-GB CUDA build.
TORCH_SPEC ?= torch==2.13.0
# The tested version of every other package: a fresh install ranks as CI measured.
CONSTRAINTS := constraints.txt

.PHONY: run test index lint format bench browser postgresql clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS) $(VENV)/.installed-base
	$(BIN)/pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e ".[st,llm,test]"
	touch $@

run: $(VENV)/.installed-base
	$(BIN)/o2r index
	$(BIN)/streamlit run serve.py --server.address $(ADDRESS) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

index: $(VENV)/.installed-base
	$(BIN)/o2r index

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_index.py
	$(BIN)/python benchmarks/bench_answer.py

# Debian's Chromium for the end-to-end browser test (needs root, as in CI).
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# Debian's PostgreSQL server binaries: the store tests start their own server on a
# temporary data directory (they skip without it). Needs root, as in CI.
postgresql:
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

# After upgrading packages in .venv (and passing `make test`): record their versions.
lock: $(VENV)/.installed-test
	{ sed -n '1,/^[^#]/{/^#/p}' $(CONSTRAINTS); \
	  $(BIN)/pip freeze --exclude-editable | grep -v '^torch=='; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf $(VENV) index/builds index/*.current index/.build.lock
