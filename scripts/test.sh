#!/usr/bin/env bash
# Runs every test suite of bimer on a fresh machine, installing what it needs.
#
#   ./scripts/test.sh
#
# 1. Rust: format, lints, unit/integration/property/doc tests of the whole
#    workspace, rustdoc with warnings as errors.
# 2. Conformance: the bundled calendar against the PyPI `holidays` package, in
#    the local virtual environment .venv (created and filled here).
# 3. Python bindings: wheel built with maturin, pytest, stubtest, mypy --strict
#    (scripts/test-python.sh).
# 4. Kotlin bindings: generated with uniffi, compiled with Maven, JUnit 5
#    (scripts/test-kotlin.sh).
# 5. Swift bindings: generated with uniffi, compiled with swiftc in a cached
#    Debian 13 root (scripts/test-swift.sh).
#
# Every suite runs even when an earlier one failed; the summary at the end
# names the failures and the exit status is non-zero if there was any.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

failed=()
suite() {
  local name=$1
  shift
  printf '\n==> %s\n' "$name"
  if "$@"; then
    printf '==> %s: ok\n' "$name"
  else
    printf '==> %s: FAILED\n' "$name" >&2
    failed+=("$name")
  fi
}

suite "cargo fmt --check" cargo fmt --all -- --check
suite "cargo clippy (all targets, warnings are errors)" \
  cargo clippy --workspace --all-targets -- -D warnings
suite "cargo test (workspace, doc tests included)" cargo test --workspace
suite "cargo doc (broken links and missing docs are errors)" \
  env RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p bimer-core -p bimer

conformance() {
  python3 -m venv "$root/.venv" &&
    "$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
      -r "$root/tests/conformance/requirements.txt" &&
    cargo build --quiet -p bimer-cli &&
    BIMER_BIN="$root/target/debug/bimer" "$root/.venv/bin/python" -m pytest -q \
      -p no:cacheprovider "$root/tests/conformance"
}
suite "conformance: bundled calendar vs PyPI holidays (TR, 2004-2032)" conformance
suite "Python bindings" "$root/scripts/test-python.sh"
suite "Kotlin bindings" "$root/scripts/test-kotlin.sh"
suite "Swift bindings" "$root/scripts/test-swift.sh"

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED suites (%d):\n' "${#failed[@]}" >&2
  printf '  - %s\n' "${failed[@]}" >&2
  exit 1
fi
printf '\nall test suites passed\n'
