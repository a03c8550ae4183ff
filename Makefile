# Taitotutka — the commands a developer needs. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
SWIFT ?= swift
PORT ?= 8080
APT_PACKAGES := zlib1g-dev libsqlite3-dev libqrencode-dev libcurl4-openssl-dev libcmark-dev
BENCH_PACKAGES := wrk curl
E2E_PYTHON := .build-e2e/venv/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build release run test deps e2e-deps e2e bench bench-http bench-app bench-memory fuzz clean

all: build

# Installs the Debian packages that are missing, and says nothing when all are there.
define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq >/dev/null && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps:
	$(call ensure_packages,$(APT_PACKAGES))

# Fails on any compiler warning in our own code (dependencies are not ours to fix).
build: deps
	@scripts/build-checked.sh

release: deps
	$(SWIFT) build -c release

# Creates data/taitotutka.sqlite if missing, brings its schema up to date, loads demo data into an
# empty database, prints the demo sign-ins, then serves.
run: release
	@mkdir -p data
	@.build/release/taitotutka migrate
	@.build/release/taitotutka demo --if-empty
	@.build/release/taitotutka serve --port $(PORT) $(SERVE_OPTIONS)

# The command-line checks of the real binary (Python standard library only), the browser tests,
# then the unit and live-socket tests (Swift Testing), whose summary is the last line.
test: deps e2e-deps
	@scripts/build-checked.sh --build-tests
	@python3 -m unittest discover -s Tests/cli
	@$(E2E_PYTHON) Tests/e2e/run.py --binary .build/debug/taitotutka
	@set -o pipefail; $(SWIFT) test --skip-build 2>&1 | tail -n 300

# Chromium, chromium-driver, Java and the pinned Python packages of the browser tests (quiet when present).
e2e-deps:
	@scripts/e2e-setup.sh

# Browser tests in headless Chromium against a served demo database (see Tests/e2e/run.py).
# Pytest arguments go in E2E_ARGS, e.g. make e2e E2E_ARGS="-k anonymous -x".
e2e: e2e-deps
	@$(E2E_PYTHON) Tests/e2e/run.py $(if $(E2E_ARGS),-- $(E2E_ARGS))

bench: bench-http bench-app

# 40,000 demo employees (time to load) and signed-in pages under load (see BENCHMARKS.md).
bench-app: release
	$(call ensure_packages,$(BENCH_PACKAGES) sqlite3 bc)
	@scripts/bench-app.sh

# Throughput against the Hummingbird 2 peer, 1,000 connections, resident memory (see BENCHMARKS.md).
bench-http: release
	$(call ensure_packages,$(BENCH_PACKAGES))
	@scripts/bench-http.sh

# Resident memory over a long mixed run (result pages and submissions) on 40,000 employees (see
# BENCHMARKS.md). BENCH_MEMORY_SERVERS="before=/path/taitotutka:/path/root after=..." compares
# builds in alternating runs; BENCH_MEMORY_SECONDS and BENCH_MEMORY_REPEATS set the length.
bench-memory: release
	$(call ensure_packages,$(BENCH_PACKAGES) sqlite3)
	@scripts/bench-memory.sh $(BENCH_MEMORY_SERVERS)

fuzz:
	@Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-*
