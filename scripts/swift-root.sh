#!/usr/bin/env bash
# Builds, once, and caches a Debian 13 (trixie) root with the Swift toolchain,
# then prints its path on stdout.
#
#   ./scripts/swift-root.sh            # prints e.g. /var/cache/bimer/trixie-swift
#
# Why: Debian 12 has no Swift toolchain (its `swift` package is OpenStack's
# object store client); Debian 13 packages `swiftlang` (6.0.x), which needs
# Debian 13's libc. A minimal trixie root made with debootstrap carries it.
#
# Environment:
#   BIMER_SWIFT_ROOT     where the root lives (default /var/cache/bimer/trixie-swift);
#                        reused between runs once complete (marker file .bimer-ready)
#   BIMER_DEBIAN_MIRROR  the Debian mirror (default: the one configured in
#                        /etc/apt/sources.list*, else http://deb.debian.org/debian)
#
# Every failure is loud: a message on stderr and a non-zero exit. Needs root
# (debootstrap, chroot, mount).
set -euo pipefail

root=${BIMER_SWIFT_ROOT:-/var/cache/bimer/trixie-swift}
case "$root" in
  / | "" | /usr* | /etc* | /bin* | /lib* | /work | /root) echo "swift-root: refusing root path '$root'" >&2; exit 1 ;;
esac
marker="$root/.bimer-ready"
packages=swiftlang,libc6-dev,libstdc++-14-dev,ca-certificates

die() {
  printf '\nswift-root: FAILED: %s\n' "$*" >&2
  exit 1
}
log() { printf 'swift-root: %s\n' "$*" >&2; }

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot and mount need it)"

# The Debian mirror this machine is configured with (deb822 .sources or
# one-line .list), the main archive rather than the security one.
mirror() {
  if [ -n "${BIMER_DEBIAN_MIRROR:-}" ]; then
    echo "$BIMER_DEBIAN_MIRROR"
    return
  fi
  local m
  m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    sed -nE 's/^URIs:[[:space:]]*(\S+).*/\1/p; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?(\S+).*/\2/p' |
    grep -E '/debian/?$' | head -n1 || true)
  echo "${m:-http://deb.debian.org/debian}"
}

# Mounts /proc in the root (swiftc finds its own libraries through
# /proc/self/exe) unless it is already mounted; `swift-root.sh --check`
# below and test-swift.sh unmount it on exit.
check_root() {
  local mounted=0
  if ! mountpoint -q "$root/proc"; then
    mount -t proc proc "$root/proc" || return 1
    mounted=1
  fi
  local rc=0
  chroot "$root" swiftc --version >&2 || rc=$?
  if [ "$mounted" -eq 1 ]; then umount "$root/proc" || true; fi
  return "$rc"
}

if [ -f "$marker" ] && [ -x "$root/usr/bin/swiftc" ]; then
  log "reusing cached Debian 13 root at $root ($(cat "$marker"))"
  echo "$root"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null ||
    die "apt-get install debootstrap failed"
fi
[ -e /usr/share/debootstrap/scripts/trixie ] ||
  die "this debootstrap does not know Debian 13 (trixie); upgrade debootstrap"

keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "no Debian archive keyring at $keyring (apt-get install debian-archive-keyring)"

# A partial root from an interrupted run is removed, never trusted.
if [ -e "$root" ]; then
  log "removing incomplete root at $root"
  if mountpoint -q "$root/proc"; then umount "$root/proc"; fi
  rm -rf --one-file-system "$root"
fi
mkdir -p "$(dirname "$root")"

url=$(mirror)
log "debootstrap trixie into $root from $url (about 450 MB download, 3 GB on disk; once)"
start=$(date +%s)
debootstrap --variant=minbase --include="$packages" --keyring="$keyring" \
  trixie "$root" "$url" >"$root.debootstrap.log" 2>&1 || {
  tail -n 30 "$root.debootstrap.log" >&2
  die "debootstrap failed (full log: $root.debootstrap.log)"
}
check_root || die "the new root has no working swiftc"
echo "trixie, swiftlang, built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(($(date +%s) - start)) s" >"$marker"
log "root ready in $(($(date +%s) - start)) s"
echo "$root"
