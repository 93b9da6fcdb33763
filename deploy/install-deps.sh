#!/bin/sh
# Installs, with apt, whatever concerto needs that this Debian 12 /
# Raspberry Pi OS Bookworm machine does not have yet. Idempotent: does
# nothing (and needs no network) when everything is there.
#   deploy/install-deps.sh          what building and running need
#   deploy/install-deps.sh test     plus what the test suite needs
set -eu

packages="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libevdev-dev libfribidi-dev"
if [ "${1:-}" = "test" ]; then
	packages="$packages strace"
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
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
