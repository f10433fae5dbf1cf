#!/usr/bin/env bash
# Builds the Python wheel of bimer (bimer-py, pyo3 + maturin) and tests it as
# Python users get it, on a fresh machine:
#
#   ./scripts/test-python.sh
#
# 1. The local virtual environment .venv (created or refreshed) with the pinned
#    packages of bimer-py/requirements-dev.txt.
# 2. `maturin build --release` of the abi3 wheel, installed into .venv.
# 3. pytest on bimer-py/tests against the installed wheel (no tests = failure),
#    `python -m mypy.stubtest bimer._bimer` (the hand-written stubs equal the
#    module), and `mypy --strict` on the typed example scripts.
#
# CARGO_TARGET_DIR is honoured. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/.venv"
py="$venv/bin/python"

step() { printf '\n==> %s\n' "$*"; }

step "Python virtual environment (.venv) with bimer-py/requirements-dev.txt"
python3 -m venv "$venv"
"$py" -m pip install --quiet --disable-pip-version-check -r "$root/bimer-py/requirements-dev.txt"

step "maturin build --release (abi3 wheel)"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
"$venv/bin/maturin" build --release --quiet -m "$root/bimer-py/Cargo.toml" \
  --interpreter "$py" --out "$wheels"
wheel=$(ls "$wheels"/bimer-*.whl)
echo "built $(basename "$wheel")"
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

# The repository root has no `bimer` package directory: `import bimer` below
# is the installed wheel (checked here), never bimer-py/python.
"$py" -c 'import bimer; print(f"bimer {bimer.__version__} from {bimer.__file__}"); assert "site-packages" in bimer.__file__'

step "pytest bimer-py/tests (against the installed wheel)"
status=0
"$py" -m pytest -q -p no:cacheprovider bimer-py/tests "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi

step "python -m mypy.stubtest bimer._bimer"
"$py" -m mypy.stubtest bimer._bimer

step "mypy --strict on the typed examples"
"$py" -m mypy --strict --cache-dir "$wheels/.mypy_cache" \
  "$root/bimer-py/tests/typecheck/usage.py" "$root/examples/python/triage_csv.py"

printf '\nPython bindings: wheel, pytest, stubtest and mypy --strict passed\n'
