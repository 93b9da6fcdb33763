#!/bin/sh
# Rewrites the reference images of the demo (tests/reference/*.bmp) from the
# current build, for when a change to the drawing is intended. Look at the
# new images (at full size too: `concerto --render --demo --size 1920x1080`)
# before committing them.
#
#   tests/reference/regenerate.sh [BUILD_DIR]     (default: build/release)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../../build/release"}
cmake --build "$build" --target concerto test_reference_images
"$build/tests/test_reference_images" --regenerate
