#!/bin/sh
# Installs, with apt, whatever concerto needs that this Debian 12 /
# Raspberry Pi OS Bookworm machine does not have yet. Idempotent: does
# nothing (and needs no network) when everything is there.
#   deploy/install-deps.sh          what building and running need
#   deploy/install-deps.sh test     plus what the test suite needs
set -eu

packages="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libevdev-dev libfribidi-dev libsystemd-dev"
if [ "${1:-}" = "test" ]; then
	packages="$packages strace"
	packages="$packages dosfstools mtools fusefat" # test_usb_key: a real FAT key
	# deploy/ci-pi.sh: the .deb and setup checks, and (off a Pi) the arm64
	# cross build whose unit tests run under qemu.
	packages="$packages lintian shellcheck"
	# tests/fuzz/run-fuzz.sh: libFuzzer (clang's runtime); tests/bench: valgrind.
	packages="$packages clang libclang-rt-14-dev valgrind"
	if [ "$(dpkg --print-architecture)" != arm64 ]; then
		packages="$packages crossbuild-essential-arm64 qemu-user-static libsdl2-dev:arm64"
		packages="$packages libsdl2-ttf-dev:arm64 libevdev-dev:arm64 libfribidi-dev:arm64"
		packages="$packages libsystemd-dev:arm64"
	fi
fi

missing=""
for package in $packages; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $package"
	fi
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
else
	sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
case "$missing" in
*:arm64*) # multiarch: arm64 packages beside the native ones
	dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64 ;;
esac
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
