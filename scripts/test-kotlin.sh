#!/usr/bin/env bash
# The Kotlin suite of bimer's uniffi bindings, on a fresh machine of this
# project's kind (Debian 12, Rust, OpenJDK 17, Maven 3.8; Maven Central):
#
#   ./scripts/test-kotlin.sh
#
# 1. builds the workspace-local uniffi-bindgen and libbimer_ffi.so (debug,
#    feature test-hooks, which adds the panic test hook);
# 2. generates the Kotlin bindings into bimer-ffi/kotlin/target/generated-sources/uniffi
#    (generated code is never committed);
# 3. `mvn test` in bimer-ffi/kotlin: kotlin-maven-plugin compiles the generated
#    Kotlin and the JUnit 5 tests, surefire runs them against the library
#    through JNA (jna.library.path) over the shared golden vectors;
# 4. prints `kotlin: N passed, N failed` from surefire's reports.
#
# Exits non-zero on any failure. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
lib_dir="$target_dir/debug"
project="$root/bimer-ffi/kotlin"
generated="$project/target/generated-sources/uniffi"

step() { printf '\n==> %s\n' "$*"; }
fail() {
  printf '\ntest-kotlin: FAILED: %s\n' "$*" >&2
  exit 1
}

if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  step "installing a JDK and Maven (apt-get)"
  apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless maven >/dev/null ||
    fail "apt-get install default-jdk-headless maven failed"
fi

step "cargo build uniffi-bindgen"
cargo build --quiet -p uniffi-bindgen || fail "cargo build -p uniffi-bindgen"
# A separate invocation: built together, uniffi's `cli` feature would be
# unified into the cdylib.
step "cargo build bimer-ffi (feature test-hooks)"
cargo build --quiet -p bimer-ffi --features test-hooks || fail "cargo build -p bimer-ffi"
[ -f "$lib_dir/libbimer_ffi.so" ] || fail "no $lib_dir/libbimer_ffi.so after the build"

step "uniffi-bindgen generate --language kotlin"
rm -rf "$generated"
"$target_dir/debug/uniffi-bindgen" generate "$lib_dir/libbimer_ffi.so" \
  --language kotlin --no-format --out-dir "$generated" || fail "uniffi-bindgen generate"
[ -f "$generated/tr/gov/bimer/bimer_ffi.kt" ] || fail "no generated tr/gov/bimer/bimer_ffi.kt"

step "mvn test (kotlin-maven-plugin, JNA, JUnit 5) in bimer-ffi/kotlin"
rm -rf "$project/target/surefire-reports"
mvn_status=0
(cd "$project" && mvn -B --no-transfer-progress \
  -Dstyle.color=never \
  -Dbimer.lib.dir="$lib_dir" \
  -Dbimer.vectors.dir="$root/tests/vectors" \
  -Dbimer.generated.dir="$generated" \
  test) || mvn_status=$?

# The plain summary line, from surefire's XML reports.
reports=("$project"/target/surefire-reports/TEST-*.xml)
if [ ! -e "${reports[0]}" ]; then
  printf '\nkotlin: 0 passed, 1 failed\n'
  fail "no surefire reports: the Kotlin build or the test run did not start (mvn exit $mvn_status)"
fi
read -r tests failed < <(python3 - "${reports[@]}" <<'PY'
import sys, xml.etree.ElementTree as ET
tests = failed = 0
for path in sys.argv[1:]:
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
print(tests, failed)
PY
)
printf '\nkotlin: %d passed, %d failed\n' "$((tests - failed))" "$failed"
[ "$mvn_status" -eq 0 ] || fail "mvn test exited $mvn_status"
[ "$failed" -eq 0 ] || fail "$failed Kotlin test(s) failed"
[ "$tests" -gt 0 ] || fail "no Kotlin test ran"
