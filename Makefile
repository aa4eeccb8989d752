# Atelier developer entry points. `make` alone lists them.

PORT ?= 8080
PGPORT ?= 54329
PGDIR := $(CURDIR)/.pg
# Set in the environment (or on the command line) to use that server instead of .pg/.
DATABASE_URL ?=
BIN := .build/release/atelier
TESTFLAGS ?=
# Every import must be a declared dependency of its target (Package.swift), checked by each build.
SWIFT_CHECKS := --explicit-target-dependency-import-check error
BENCH_SECONDS ?= 15
BENCH_CONNECTIONS ?= 32
FORMAT_CONFIG := $(if $(wildcard .swift-format),--configuration .swift-format)

# Recipes decide with the shell's $DATABASE_URL, which make passes through untouched.
export DATABASE_URL

.DEFAULT_GOAL := help
.PHONY: help deps deps-test model build db-start db-stop db-url run test bench topology-test bench-opinion-groups bench-quality rehearsal fuzz format lint clean-db

help:
	@echo "make run        build, start the local database, migrate, load the demo, serve on :$(PORT)"
	@echo "make test       swift test, then the browser tests, each against a throwaway PostgreSQL (TESTFLAGS=... for swift test)"
	@echo "make build      release build of $(BIN)"
	@echo "make deps       check (as root: install) PostgreSQL, libpq-dev, pkg-config"
	@echo "make deps-test  the same, plus what the tests run: LibreOffice (Writer), poppler-utils, Chromium, .venv-browser/"
	@echo "make model      fetch the sentence-encoder model into models/ (checked by SHA-256), if missing"
	@echo "make db-start   start the local cluster in .pg/ on port $(PGPORT)"
	@echo "make db-stop    stop it"
	@echo "make db-url     print the DATABASE_URL in use (make -s db-url)"
	@echo "make clean-db   stop the local cluster and delete .pg/"
	@echo "make format     swift format Sources, Tests and Package.swift in place"
	@echo "make lint       swift format lint --strict"
	@echo "make bench      HTTP benchmarks with wrk (BENCH_SECONDS, BENCH_CONNECTIONS)"
	@echo "make topology-test  nginx, two nodes, pgbouncer, a primary and its synchronous standby on loopback: order, failover, figures"
	@echo "make bench-opinion-groups  opinion groups: time and memory at 3 room sizes against numpy (also part of make bench)"
	@echo "make fuzz       libFuzzer on the CSV, Markdown, SentencePiece, cursor, JSON and congress-json parsers (FUZZ_SECONDS, 60, each),"
	@echo "               then schemathesis against the API as each role (API_FUZZ_SECONDS, 1200; make test runs it for 160 s)"
	@echo "make bench-quality  clustering quality (NMI, ARI) against scikit-learn baselines on ../shared/data"
	@echo "make rehearsal  the congress day compressed, with PostgreSQL restarted and stopped and a server killed; checks nothing acknowledged was lost"
	@echo "DATABASE_URL=postgres://... make run   uses that server and leaves .pg/ alone"

deps:
	@bash deploy/install-deps.sh

deps-test:
	@bash deploy/install-deps.sh --test

model:
	@bash deploy/fetch-model.sh

build: deps
	swift build -c release --product atelier $(SWIFT_CHECKS)

db-start:
	@if [ -n "$$DATABASE_URL" ]; then echo "DATABASE_URL is set: not starting the local cluster"; \
	else bash deploy/pg-cluster.sh start "$(PGDIR)" $(PGPORT); fi

db-stop:
	@if [ -n "$$DATABASE_URL" ]; then echo "DATABASE_URL is set: no local cluster to stop"; \
	else bash deploy/pg-cluster.sh stop "$(PGDIR)"; fi

db-url:
	@if [ -n "$$DATABASE_URL" ]; then echo "$$DATABASE_URL"; \
	else bash deploy/pg-cluster.sh url "$(PGDIR)" $(PGPORT); fi

run: build db-start model
	@set -e; \
	DATABASE_URL="$${DATABASE_URL:-$$(bash deploy/pg-cluster.sh url "$(PGDIR)" $(PGPORT))}"; \
	export DATABASE_URL; \
	$(BIN) migrate; \
	$(BIN) demo --site http://127.0.0.1:$(PORT); \
	echo "Atelier pages: http://127.0.0.1:$(PORT)/entrer (open a personal link above, or type its code)"; \
	echo "Atelier API: http://127.0.0.1:$(PORT)/api/v1  (description: http://127.0.0.1:$(PORT)/openapi.json, health: http://127.0.0.1:$(PORT)/health)"; \
	exec $(BIN) serve --host 127.0.0.1 --port $(PORT)

# The suites run side by side in one process, some forty servers sharing one compute pool: its
# bound is a server's, so the tests raise it rather than have one suite's clustering refuse another's.
test: deps-test model
	ATELIER_COMPUTE_CAPACITY=1024 bash deploy/test.sh swift test $(SWIFT_CHECKS) $(TESTFLAGS)
	bash deploy/test.sh bash deploy/cli-tests.sh
	bash deploy/test.sh bash deploy/fuzz-api.sh
	bash deploy/test.sh bash deploy/browser-tests.sh

fuzz: deps-test model
	bash deploy/fuzz.sh

bench: deps
	bash deploy/bench.sh $(BENCH_SECONDS) $(BENCH_CONNECTIONS)

bench-opinion-groups: deps
	swift build -c release --product atelier $(SWIFT_CHECKS)
	bash deploy/bench-opinion-groups.sh $(BIN)

bench-quality: deps
	bash deploy/bench-quality.sh

rehearsal: deps
	bash deploy/rehearsal.sh


format:
	swift format --in-place --recursive $(FORMAT_CONFIG) Sources Tests Package.swift

lint:
	swift format lint --strict --recursive $(FORMAT_CONFIG) Sources Tests Package.swift

clean-db:
	bash deploy/pg-cluster.sh stop "$(PGDIR)"
	rm -rf "$(PGDIR)"

topology-test: build
	@bash deploy/install-deps.sh --topology
	bash deploy/topology-test.sh
