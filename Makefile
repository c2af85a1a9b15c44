# Keel: the two commands are `make run` and `make test`. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# CI keeps its cargo build outside the fresh clone, so later runs on the same machine
# are warm; a developer's build stays in ./target.
ifeq ($(CI),true)
export CARGO_TARGET_DIR ?= $(HOME)/.cache/keel/target
endif
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
export PATH := $(HOME)/.cargo/bin:$(PATH)

APT_PACKAGES := build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev \
	librsvg2-dev libayatana-appindicator3-dev libxdo-dev xvfb xauth webkit2gtk-driver \
	imagemagick poppler-utils qpdf python3
APP := $(TARGET_DIR)/debug/keel-desktop
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: help run test deps system-deps rust-deps ui-deps e2e-deps ui gen \
	check-fmt clippy rust-tests ui-check ui-tests app e2e pdf-preview clean \
	crash-test crash-test-brief fuzz

help:
	@echo "make run   - install what is missing, build, launch Keel"
	@echo "make test  - every check: fmt, clippy, Rust tests, UI type-check and tests, real-window e2e"
	@echo "make gen   - regenerate the TypeScript types from the Rust types"
	@echo "make pdf-preview - the demo plan (and its incident's report) as PDF and page images in target/pdf-preview/"
	@echo "make crash-test  - kill Keel mid-edit $(CRASH_TRIALS) times; nothing acknowledged may be lost"
	@echo "make fuzz        - fuzz each target for FUZZ_SECONDS (default $(FUZZ_SECONDS)) seconds"

run: deps ui
	cargo run -p keel-desktop

test: deps e2e-deps check-fmt ui clippy rust-tests crash-test-brief ui-check ui-tests app e2e pdf-preview
	@echo "make test: every check passed."

# --- installing what is missing -------------------------------------------------------

deps: system-deps rust-deps ui-deps

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
		else echo "Keel needs these Debian/Ubuntu packages. Install them, then run make again:"; \
			echo "  sudo apt-get install -y $$missing"; exit 1; fi; \
		echo "Installing: $$missing"; \
		$$SUDO apt-get update -q; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q -o DPkg::Lock::Timeout=900 $$missing; \
	fi

rust-deps:
	@command -v cargo >/dev/null || { echo "Keel needs Rust (cargo): see https://rustup.rs, then run make again."; exit 1; }
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

ui-deps: ui/node_modules/.installed

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	@command -v node >/dev/null || { echo "Keel needs Node.js 20 or newer with npm, then run make again."; exit 1; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || \
		{ echo "Keel needs Node.js 20 or newer (found $$(node --version))."; exit 1; }
	cd ui && npm ci --no-audit --no-fund
	@touch $@

e2e-deps:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'

# --- building --------------------------------------------------------------------------

ui: ui-deps
	cd ui && npm run --silent build

gen:
	KEEL_WRITE_TS=1 cargo test --lib -q ts_types

app: ui
	cargo build -p keel-desktop -p keel

# --- checks ----------------------------------------------------------------------------

check-fmt:
	cargo fmt --all --check

clippy: ui
	cargo clippy --workspace --all-targets -- -D warnings

rust-tests: ui
	cargo test --workspace

ui-check: ui-deps
	cd ui && npm run --silent check

ui-tests: ui-deps
	cd ui && npm run --silent test

e2e: app e2e-deps
	@# A hung window must fail the run within minutes, not eat the whole CI budget.
	KEEL_APP=$(APP) KEEL_CLI=$(TARGET_DIR)/debug/keel timeout 900 $(XVFB) node --test --test-concurrency=1 tests/e2e/*.e2e.mjs

# Crash test (examples/crash_test.rs): scripted edits through the core, killed with
# SIGKILL at random moments; every acknowledged edit must be in the file afterwards.
CRASH_TRIALS ?= 200
CRASH_TEST := $(TARGET_DIR)/debug/examples/crash_test

crash-test:
	cargo build --example crash_test
	$(CRASH_TEST) drive --trials $(CRASH_TRIALS)

crash-test-brief:
	$(MAKE) crash-test CRASH_TRIALS=20

# Fuzzing (tests/fuzz.rs, bolero's random engine on stable Rust): each target runs for
# FUZZ_SECONDS, optimised, one at a time; `cargo test` runs each for a moment.
FUZZ_SECONDS ?= 60

fuzz:
	KEEL_FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --test tests fuzz:: -- --test-threads=1 --nocapture 2>&1 \
		| tee $(TARGET_DIR)/fuzz.log | grep --line-buffered -E '^fuzz |test result|panicked|FAILED'

# The demo's approved plan as PDF and page images, to look at: target/pdf-preview/.
pdf-preview: app
	rm -rf target/pdf-preview && mkdir -p target/pdf-preview
	$(TARGET_DIR)/debug/keel demo target/pdf-preview/demo.keel --as "Preview" > /dev/null
	$(TARGET_DIR)/debug/keel export target/pdf-preview/demo.keel --plan 1 --out target/pdf-preview/plan.pdf
	qpdf --check target/pdf-preview/plan.pdf > /dev/null
	pdftoppm -r 80 -png target/pdf-preview/plan.pdf target/pdf-preview/page
	@echo "Page images of the demo's approved plan: target/pdf-preview/page-*.png"
	@# The after-action report of the demo's first incident, when the demo has one.
	@id=$$($(TARGET_DIR)/debug/keel incident list target/pdf-preview/demo.keel --json \
		| grep -o '"id": *[0-9]*' | head -n 1 | grep -o '[0-9]*$$' || true); \
	if [ -n "$$id" ]; then \
		$(TARGET_DIR)/debug/keel incident report target/pdf-preview/demo.keel --incident $$id \
			--out target/pdf-preview/report.pdf > /dev/null; \
		qpdf --check target/pdf-preview/report.pdf > /dev/null; \
		pdftoppm -r 80 -png target/pdf-preview/report.pdf target/pdf-preview/report; \
		echo "Page images of the after-action report of its incident $$id: target/pdf-preview/report-*.png"; \
	else echo "The demo has no incident: no after-action report to preview."; fi

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
