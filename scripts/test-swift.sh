#!/usr/bin/env bash
# The Swift suite of bimer's uniffi bindings, on a fresh machine of this
# project's kind (Debian 12 as root; Debian's package mirror reachable):
#
#   ./scripts/test-swift.sh
#
# Debian 12 has no Swift toolchain, so the Swift is compiled and run inside a
# Debian 13 (trixie) root with `swiftlang`, built once by scripts/swift-root.sh
# and cached (BIMER_SWIFT_ROOT, default /var/cache/bimer/trixie-swift):
#
# 1. builds the workspace-local uniffi-bindgen and libbimer_ffi.so (debug,
#    feature test-hooks, which adds the panic test hook);
# 2. generates the Swift bindings (Bimer.swift, BimerFFI.h, BimerFFI.modulemap)
#    into bimer-ffi/swift/build/generated (never committed);
# 3. copies them, the library, the test program (bimer-ffi/swift/Tests/main.swift)
#    and the shared golden vectors into the root under /opt/bimer (absolute
#    paths: clang's module cache rejects moved ones), mounts /proc in the root
#    (swiftc needs it) and unmounts it on exit;
# 4. swiftc compiles the bindings into a `Bimer` module and the test program
#    against it, and runs it: it prints `swift: N passed, N failed`.
#
# Exits non-zero, loudly, on any failure, including a missing toolchain: this
# suite is never skipped. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
target_dir=${CARGO_TARGET_DIR:-$root_dir/target}
case "$target_dir" in /*) ;; *) target_dir="$root_dir/$target_dir" ;; esac
lib="$target_dir/debug/libbimer_ffi.so"
generated="$root_dir/bimer-ffi/swift/build/generated"

step() { printf '\n==> %s\n' "$*"; }
fail() {
  printf '\ntest-swift: FAILED: %s\n' "$*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail "must run as root (debootstrap, chroot and mount need it)"

step "Debian 13 root with swiftlang (scripts/swift-root.sh; cached)"
swift_root=$("$root_dir/scripts/swift-root.sh") || fail "could not build the Debian 13 Swift root"
[ -x "$swift_root/usr/bin/swiftc" ] || fail "no swiftc in $swift_root"

step "cargo build uniffi-bindgen"
cargo build --quiet -p uniffi-bindgen || fail "cargo build -p uniffi-bindgen"
# A separate invocation: built together, uniffi's `cli` feature would be
# unified into the cdylib.
step "cargo build bimer-ffi (feature test-hooks)"
cargo build --quiet -p bimer-ffi --features test-hooks || fail "cargo build -p bimer-ffi"
[ -f "$lib" ] || fail "no $lib after the build"

step "uniffi-bindgen generate --language swift"
rm -rf "$generated"
"$target_dir/debug/uniffi-bindgen" generate "$lib" \
  --language swift --no-format --out-dir "$generated" || fail "uniffi-bindgen generate"
for f in Bimer.swift BimerFFI.h BimerFFI.modulemap; do
  [ -f "$generated/$f" ] || fail "uniffi-bindgen did not write $f"
done

step "copy bindings, library, tests and vectors into $swift_root/opt/bimer"
work="$swift_root/opt/bimer"
rm -rf "$work"
mkdir -p "$work/generated" "$work/lib" "$work/tests" "$work/build"
cp "$generated"/Bimer.swift "$generated"/BimerFFI.h "$generated"/BimerFFI.modulemap "$work/generated/"
cp "$lib" "$work/lib/"
cp "$root_dir/bimer-ffi/swift/Tests/main.swift" "$work/tests/"
cp -r "$root_dir/tests/vectors" "$work/vectors"

mounted=0
cleanup() {
  if [ "$mounted" -eq 1 ]; then umount "$swift_root/proc" || echo "test-swift: could not unmount $swift_root/proc" >&2; fi
}
trap cleanup EXIT
if ! mountpoint -q "$swift_root/proc"; then
  mount -t proc proc "$swift_root/proc" || fail "mount -t proc $swift_root/proc"
  mounted=1
fi

in_root() {
  chroot "$swift_root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 TMPDIR=/tmp "$@"
}

modulemap=(-Xcc -fmodule-map-file=/opt/bimer/generated/BimerFFI.modulemap -I /opt/bimer/generated)
step "swiftc: the generated bindings -> module Bimer (libBimer.so)"
in_root swiftc -module-name Bimer -emit-library -emit-module \
  -emit-module-path /opt/bimer/build/Bimer.swiftmodule -o /opt/bimer/build/libBimer.so \
  "${modulemap[@]}" -L /opt/bimer/lib -lbimer_ffi /opt/bimer/generated/Bimer.swift || {
  echo "swift: 0 passed, 1 failed"
  fail "swiftc could not compile the generated Bimer.swift"
}

step "swiftc: the test program"
in_root swiftc -I /opt/bimer/build -L /opt/bimer/build -lBimer -L /opt/bimer/lib -lbimer_ffi \
  "${modulemap[@]}" -o /opt/bimer/build/bimer-swift-tests /opt/bimer/tests/main.swift || {
  echo "swift: 0 passed, 1 failed"
  fail "swiftc could not compile bimer-ffi/swift/Tests/main.swift"
}

step "run the Swift tests"
status=0
in_root /usr/bin/env LD_LIBRARY_PATH=/opt/bimer/build:/opt/bimer/lib \
  /opt/bimer/build/bimer-swift-tests /opt/bimer/vectors || status=$?
[ "$status" -eq 0 ] || fail "the Swift tests failed (exit $status)"
