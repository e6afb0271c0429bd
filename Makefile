# Makefile for Stillpoint.
#
#   make            build bin/stillpoint (same as make build)
#   make run        build and run; pass arguments with ARGS="--db /tmp/x.db"
#   make test       gofmt check, go vet, race tests of data/, data/ under
#                   each TZ in TEST_ZONES, then all tests
#   make bench      benchmarks; filter with BENCH=Regexp
#   make demo       build, then a fresh demo database at DEMO_DB with YEARS of history
#   make deps       install missing system packages (DEPS_FLAGS=--tools adds the
#                   screenshot and PDF tools)
#   make package    Linux packages into bin/dist/: the Fyne bundle (.tar.xz) and a .deb
#   make package-windows  cross-compile stillpoint.exe and its NSIS installer (bin/dist/)
#   make release-check    every package, the .deb check and the Wine smoke test
#   make litestream-check  replicate a live sample practice with Litestream, restore, check
#                   (installs Litestream when missing; not part of make test)
#   make clean      remove bin/
#
# Every build, vet and test uses the same build tags: anything that changes the
# compiler flags recompiles Fyne's and SQLite's C code (minutes, not seconds).

.DEFAULT_GOAL := build
SHELL := /bin/bash

TAGS := x11 sqlite_fts5 migrated_fynedo

BIN        := bin/stillpoint
ARGS       ?=
BENCH      ?= .
DEMO_DB    ?= /tmp/stillpoint-demo.db
YEARS      ?= 10
DEPS_FLAGS ?=
TEST_ZONES ?= Pacific/Auckland America/Los_Angeles

# Go's official tarball installs to /usr/local/go without touching PATH.
ifeq ($(shell command -v go 2>/dev/null),)
ifneq ($(wildcard /usr/local/go/bin/go),)
export PATH := /usr/local/go/bin:$(PATH)
endif
endif

.PHONY: build run test bench demo deps screenshots clean help package package-windows release-check litestream-check

deps:
	@scripts/deps.sh $(DEPS_FLAGS)

build: deps
	go build -tags "$(TAGS)" -o $(BIN) ./cmd/stillpoint

run: deps build
	./$(BIN) $(ARGS)

# The gofmt check covers every .go file git knows or would add (tracked, plus
# untracked ones that are not ignored), testdata and generated code included;
# outside a git checkout it falls back to every .go file under the repository.
test: deps
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		files=$$(git ls-files --cached --others --exclude-standard -- '*.go' | sort -u); \
	else \
		files=$$(find . -name '*.go' -not -path './.git/*' | sort); \
	fi; \
	files=$$(for f in $$files; do if [ -f "$$f" ]; then echo "$$f"; fi; done); \
	if [ -n "$$files" ]; then \
		bad=$$(gofmt -l $$files 2>&1); \
		if [ -n "$$bad" ]; then \
			echo "gofmt: these files need formatting (gofmt -w FILE):" >&2; \
			echo "$$bad" >&2; \
			exit 1; \
		fi; \
	fi
	go vet -tags "$(TAGS)" ./...
	go test -race -tags "$(TAGS)" ./data/...
	@# The data tests again in a zone ahead of UTC and one behind it: what is
	@# "today" must come from the practice's zone, never the machine's. The
	@# time package reads TZ behind go test's cache, hence -count=1.
	for tz in $(TEST_ZONES); do \
		echo "TZ=$$tz go test ./data/..."; \
		TZ=$$tz go test -count=1 -tags "$(TAGS)" ./data/... || exit 1; \
	done
	go test -tags "$(TAGS)" ./...

bench: deps
	go test -tags "$(TAGS)" -run '^$$' -bench '$(BENCH)' -benchmem ./...

demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	./$(BIN) --db $(DEMO_DB) demo --years $(YEARS)

# The README's screenshots, from the real app under Xvfb.
screenshots: build
	@scripts/deps.sh --tools
	@if [ -x scripts/screenshots.sh ]; then \
		scripts/screenshots.sh; \
	else \
		echo "screenshots: scripts/screenshots.sh does not exist (or is not executable) yet" >&2; \
		exit 1; \
	fi

# Release packages (docs/release.md). They build a clean checkout of HEAD:
# commit first. None of this runs in make test.
package: deps
	scripts/package-linux.sh

package-windows:
	scripts/package-windows.sh

release-check:
	@start=$$(date +%s); \
	scripts/package-linux.sh && scripts/deb-check.sh && \
	scripts/package-windows.sh && scripts/wine-smoke.sh || exit 1; \
	secs=$$(( $$(date +%s) - start )); \
	echo "release-check: all passed in $$((secs / 60)) min $$((secs % 60)) s"; \
	echo "release-check-seconds $$secs" > bin/dist/release-check-time.txt; \
	ls -l bin/dist/*.deb bin/dist/*.tar.xz bin/dist/*-setup.exe

# docs/backup.md: the Litestream recipe, checked against the real tool.
litestream-check:
	scripts/litestream-check.sh

clean:
	rm -rf bin/

help:
	@sed -n '3,16s/^# \{0,1\}//p' Makefile
