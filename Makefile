# Two commands for a fresh machine:  make serve  (install, build, serve on :8000)  and  make test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: serve build offline check test test-fast lint types hooks browser fonts clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The browser code's tools (browser/: esbuild bundles it at build time, tsc checks it), pinned in package.json and
# package-lock.json. Node.js and npm from Debian's packages when missing (never a download of our own).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q nodejs npm; \
	fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

HOST ?= 127.0.0.1
PORT ?= 8000

serve: $(STAMP) $(NODE_STAMP)
	$(PY) -m build_scripts serve --host $(HOST) --port $(PORT)

build: $(STAMP) $(NODE_STAMP) fonts
	$(PY) -m build_scripts pdf
	$(PY) -m build_scripts build

offline: $(STAMP) $(NODE_STAMP)
	$(PY) -m build_scripts offline

check: $(STAMP)
	$(PY) -m build_scripts check

# Debian packages the PDFs need (never a download of our own): the CJK font they embed, Pango for
# WeasyPrint, and poppler-utils (pdffonts, pdftotext), with which `edition pdf` checks every PDF it makes.
fonts:
	@if ! fc-list 2>/dev/null | grep -qi "noto serif cjk sc" || ! command -v pdftotext >/dev/null 2>&1 \
	    || ! command -v pdffonts >/dev/null 2>&1 || ! { ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep -q libpangoft2; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0; \
	fi

# The browser tests' browser: EDITION_CHROMIUM when it names an existing browser (CI: the runner's
# google-chrome), else Debian's chromium, apt-installed when missing (never a browser download).
EDITION_CHROMIUM ?= /usr/bin/chromium
export EDITION_CHROMIUM
browser: fonts
	@if [ ! -x "$(EDITION_CHROMIUM)" ]; then \
	  if [ "$(EDITION_CHROMIUM)" != /usr/bin/chromium ]; then \
	    echo "EDITION_CHROMIUM=$(EDITION_CHROMIUM) is no executable browser" >&2; exit 1; fi; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; \
	fi

# Lint and types (mypy on build_scripts, tsc on browser/): the same checks as the pre-commit hooks (.pre-commit-config.yaml) and CI.
LINT_PATHS := build_scripts macros tests bench tools
lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINT_PATHS)

types: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/mypy
	node_modules/.bin/tsc -p browser
	@! node_modules/.bin/tsc -p browser/tsconfig.names.json | grep -E "error TS(2304|2552|2305|2724)"

# Installs the git hooks (pre-commit runs `make lint types`' checks on every commit).
hooks: $(STAMP)
	$(VENV)/bin/pre-commit install

test: $(STAMP) $(NODE_STAMP) lint types browser
	$(PY) -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder  # one worker per core; a file's tests share one worker and its fixtures; files in tests/conftest.py's order (longest first)

# The fast tier: no build, no browser (parser tables, properties, data, glossary, gloss, layers).
test-fast: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q -m unit

clean:
	rm -rf site site.tmp dist
