#!/usr/bin/env bash
# Gradescope autograder setup: installs Swift 6.3.1 (when absent), OpenBLAS, zlib and bubblewrap,
# then builds labgrade from the source shipped in the autograder zip. Gradescope runs it once, as
# root, when it builds the autograder image; `labgrade export gradescope` writes it into the zip.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
SWIFT_VERSION=6.3.1
SWIFT_PREFIX="${SWIFT_PREFIX:-/opt/swift}"
export DEBIAN_FRONTEND=noninteractive

. /etc/os-release
case "${ID:-}-${VERSION_ID:-}" in
    ubuntu-22.04) gcc_version=11 ;;
    ubuntu-24.04) gcc_version=13 ;;
    *) echo "setup.sh: expected Gradescope's Ubuntu 22.04 or 24.04 image, found ${PRETTY_NAME:-unknown}" >&2; exit 1 ;;
esac
platform="ubuntu${VERSION_ID}"          # ubuntu22.04
folder="ubuntu${VERSION_ID//./}"        # ubuntu2204

echo "setup.sh: installing system packages"
apt-get update -qq
# Swift's documented runtime dependencies for this release of Ubuntu, then labgrade's own.
apt-get install -y -qq --no-install-recommends \
    ca-certificates curl binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 "libgcc-${gcc_version}-dev" \
    libpython3-dev libsqlite3-0 "libstdc++-${gcc_version}-dev" libxml2-dev libz3-dev pkg-config tzdata unzip zip \
    zlib1g-dev libopenblas-dev bubblewrap >/dev/null

if ! "$SWIFT_PREFIX/usr/bin/swift" --version 2>/dev/null | grep -q "Swift version $SWIFT_VERSION"; then
    url="https://download.swift.org/swift-$SWIFT_VERSION-release/$folder/swift-$SWIFT_VERSION-RELEASE/swift-$SWIFT_VERSION-RELEASE-$platform.tar.gz"
    echo "setup.sh: installing Swift $SWIFT_VERSION from $url"
    tarball=$(mktemp)
    curl -fsSL --retry 3 -o "$tarball" "$url"
    mkdir -p "$SWIFT_PREFIX"
    tar -xzf "$tarball" -C "$SWIFT_PREFIX" --strip-components=1
    rm -f "$tarball"
fi
export PATH="$SWIFT_PREFIX/usr/bin:$PATH"
swift --version

echo "setup.sh: building labgrade (release)"
cd "$SOURCE/labgrade"
swift build -c release
.build/release/labgrade --version
.build/release/labgrade assignments
echo "setup.sh: done"
