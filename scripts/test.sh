#!/usr/bin/env bash
# Runs every test suite of bimer on a fresh machine, installing what it needs.
#
#   ./scripts/test.sh
#
# 1. Rust: format, lints, unit/integration/doc tests of the whole workspace.
# 2. Python: a local virtual environment (.venv) with the pinned packages, then
#    the conformance suite against the PyPI `holidays` package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (workspace, doc tests included)"
cargo test --workspace

step "cargo doc (broken links and missing docs are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p bimer-core -p bimer

step "Python virtual environment (.venv)"
python3 -m venv "$root/.venv"
"$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r "$root/tests/conformance/requirements.txt"

step "conformance: bundled calendar vs PyPI holidays (TR, 2004-2032)"
cargo build --quiet -p bimer-cli
BIMER_BIN="$root/target/debug/bimer" "$root/.venv/bin/python" -m pytest -q "$root/tests/conformance"

printf '\nall test suites passed\n'
