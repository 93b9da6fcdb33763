#!/bin/sh
# Quick start, second command: installs what is missing, builds, and runs
# every test twice — an optimised build with warnings as errors, then under
# AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
deploy/install-deps.sh test
jobs="$(nproc)"
for preset in release asan; do
	echo "=== $preset build"
	cmake --preset "$preset" >/dev/null
	cmake --build --preset "$preset" -j "$jobs"
	echo "=== $preset tests"
	ctest --preset "$preset"
done
