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
# The situation parser (and layout, scenes) under libFuzzer, ASan and
# UBSan for a bounded time; any finding fails CI (tests/fuzz/run-fuzz.sh).
echo "=== fuzz (60 s)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target fuzz_situation fuzz_parser gen_situation
tests/fuzz/run-fuzz.sh build/fuzz "${CONCERTO_FUZZ_SECONDS:-60}"
# Raspberry Pi: arm64 cross build with its unit tests under qemu, both .debs
# through lintian, the systemd unit through systemd-analyze verify.
deploy/ci-pi.sh
