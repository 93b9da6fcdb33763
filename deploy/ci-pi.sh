#!/bin/sh
# CI, Raspberry Pi part (called by tests/run-all.sh after the release build):
#   1. cross-builds for arm64 and runs the unit tests under qemu-aarch64
#      (the `arm64` presets; skipped on an arm64 machine, whose native
#      build already is the Pi's);
#   2. builds the .deb of each architecture and checks it with lintian
#      (warnings fail too);
#   3. checks the systemd unit with `systemd-analyze verify` (any message
#      fails: verify itself exits 0 on unknown keys) and prints its
#      `systemd-analyze security` exposure;
#   4. shellcheck on the setup and package scripts, and --check-config on the
#      documented deploy/kiosk.conf.
set -eu
cd "$(dirname "$0")/.."
jobs="$(nproc)"
native="$(dpkg --print-architecture)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# lintian, then the Depends SDL needs at run time.
package_check() {
	echo "--- lintian $1"
	lintian --allow-root --fail-on error,warning "$1"
	# What SDL's KMSDRM video dlopens (EGL, GLES, GBM and its DRI driver)
	# is no linker dependency: the package must name it, or the Pi shows
	# no picture.
	for runtime in libegl1 libgles2 libgbm1 libgl1-mesa-dri; do
		dpkg-deb -f "$1" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$runtime" ||
			{ echo "$1 does not depend on $runtime" >&2; exit 1; }
	done
}

if [ "$native" != arm64 ]; then
	echo "=== arm64 build (cross)"
	cmake --preset arm64 >/dev/null
	cmake --build --preset arm64 -j "$jobs"
	echo "=== arm64 tests (qemu-aarch64; label system excluded)"
	ctest --preset arm64
fi

echo "=== packages"
(cd build/release && cpack -G DEB >/dev/null)
package_check "build/release/concerto_$(sed -n 's/^project(concerto VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)_$native.deb"
if [ "$native" != arm64 ]; then
	(cd build/arm64 && cpack -G DEB >/dev/null)
	deb="$(find build/arm64 -maxdepth 1 -name 'concerto_*_arm64.deb' | sort | tail -n 1)"
	[ "$(dpkg-deb -f "$deb" Architecture)" = arm64 ]
	dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/concerto >"$work/concerto-arm64"
	# ELF e_machine (2 bytes at 18) is 0xb7 for AArch64
	[ "$(od -An -tx1 -j18 -N2 "$work/concerto-arm64" | tr -d ' ')" = b700 ]
	package_check "$deb"
fi

echo "=== systemd unit"
# verify wants the ExecStart binary to exist: point it at the one just built.
sed "s|/usr/bin/concerto|$PWD/build/release/concerto|" deploy/concerto.service >"$work/concerto.service"
systemd-analyze verify "$work/concerto.service" >"$work/verify.log" 2>&1 || true
if [ -s "$work/verify.log" ]; then
	cat "$work/verify.log"
	echo "systemd-analyze verify: the unit has problems" >&2
	exit 1
fi
systemd-analyze security --offline=yes "$work/concerto.service" 2>/dev/null | tail -n 1

echo "=== scripts and configuration"
shellcheck deploy/setup-pi.sh deploy/install-deps.sh deploy/ci-pi.sh deploy/dry-run-setup-pi.sh \
	deploy/debian/postinst \
	deploy/debian/prerm deploy/debian/postrm
build/release/concerto --check-config deploy/kiosk.conf
echo "ci-pi: all checks passed"
