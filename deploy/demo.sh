#!/bin/sh
# Quick start, first command: installs what is missing, builds, and runs the
# kiosk on the built-in fictional demo situation (in a window when a desktop
# is running, fullscreen on a bare console). Arrows or a clicker go through
# the phases; close the window to quit.
set -eu
cd "$(dirname "$0")/.."
deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
	exec build/release/concerto --windowed --demo
fi
exec build/release/concerto --demo
