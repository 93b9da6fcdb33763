#!/bin/sh
# Turns a freshly flashed Raspberry Pi OS Lite (Bookworm, 64-bit) into a
# concerto kiosk, in one command, as root:
#
#   sudo deploy/setup-pi.sh concerto_0.1.0_arm64.deb   # a package built elsewhere
#   sudo deploy/setup-pi.sh                            # builds the package here first
#
# Then reboot. It installs the package (the kiosk, its systemd unit, the udev
# rule mounting USB keys read-only under /media/concerto, /etc/concerto/kiosk.conf),
# makes sure the kiosk user is in the input, video and render groups, keeps
# the journal in memory, turns swap and console blanking off, hands tty1 to
# the kiosk, enables it at boot and, last, turns the root filesystem into a
# read-only overlay (raspi-config) so nothing reaches the SD card.
#
# Safe to run twice: every step checks first and only changes what is not
# already so. Once the overlay is active, changes would vanish at the next
# boot, so the script refuses to run then and says how to lift the overlay.
set -eu

say() { printf '== %s\n' "$*"; }
die() {
	printf 'setup-pi: %s\n' "$*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "run as root: sudo $0 $*"
here="$(cd "$(dirname "$0")" && pwd)"

if [ "$(findmnt -no FSTYPE / 2>/dev/null)" = "overlay" ]; then
	die "the root filesystem is a read-only overlay, changes would be lost at reboot.
  Lift it first: sudo raspi-config nonint do_overlayfs 1 && sudo reboot, then run this again."
fi

# Where Bookworm keeps the boot partition (older images: /boot).
boot=/boot/firmware
[ -f "$boot/cmdline.txt" ] || boot=/boot

# --- the package ---------------------------------------------------------------
deb="${1:-}"
if [ -z "$deb" ]; then
	say "building the package from $here/.."
	"$here/install-deps.sh"
	(cd "$here/.." && cmake --preset release >/dev/null &&
		cmake --build --preset release -j "$(nproc)" &&
		cd build/release && cpack -G DEB >/dev/null)
	deb="$(find "$here/../build/release" -maxdepth 1 -name "concerto_*_$(dpkg --print-architecture).deb" | sort | tail -n 1)"
fi
[ -f "$deb" ] || die "no such package: $deb"
case "$deb" in /*) ;; *) deb="$PWD/$deb" ;; esac
wanted="$(dpkg-deb -f "$deb" Version)"
installed="$(dpkg-query -W -f='${Status} ${Version}' concerto 2>/dev/null || true)"
if [ "$installed" = "install ok installed $wanted" ]; then
	say "concerto $wanted already installed"
else
	say "installing $deb"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# apt resolves the package's Depends (SDL2, SDL2_ttf, libevdev, fribidi).
	apt-get install -y -qq --no-install-recommends "$deb"
fi

# --- the kiosk user ------------------------------------------------------------
id concerto >/dev/null 2>&1 || systemd-sysusers concerto.conf
for group in input video render; do
	getent group "$group" >/dev/null || groupadd --system "$group"
	if ! id -nG concerto | tr ' ' '\n' | grep -qx "$group"; then
		say "adding concerto to $group"
		usermod -aG "$group" concerto
	fi
done

# --- journal in memory only ----------------------------------------------------
journald=/etc/systemd/journald.conf.d/concerto.conf
if ! cmp -s /usr/share/concerto/journald-volatile.conf "$journald"; then
	say "journal: Storage=volatile"
	install -D -m 644 /usr/share/concerto/journald-volatile.conf "$journald"
	systemctl restart systemd-journald || true
fi

# --- no swap -------------------------------------------------------------------
if systemctl is-enabled dphys-swapfile.service >/dev/null 2>&1; then
	say "swap off (dphys-swapfile)"
	dphys-swapfile swapoff || true
	dphys-swapfile uninstall || true
	systemctl disable --now dphys-swapfile.service
fi
if [ -n "$(swapon --noheadings --show 2>/dev/null)" ]; then
	swapoff -a
fi
# Bookworm images may also use zram: memory, not the card, but off all the same.
if systemctl list-unit-files systemd-zram-setup@.service >/dev/null 2>&1 &&
	[ -e /usr/lib/systemd/zram-generator.conf ] && [ ! -e /etc/systemd/zram-generator.conf ]; then
	say "zram swap off"
	: >/etc/systemd/zram-generator.conf
fi

# --- console: no blanking, no login prompt on tty1 -------------------------------
cmdline="$boot/cmdline.txt"
if [ -f "$cmdline" ] && ! grep -q 'consoleblank=0' "$cmdline"; then
	say "console blanking off ($cmdline)"
	sed -i '1 s/$/ consoleblank=0/' "$cmdline"
fi
if systemctl is-enabled getty@tty1.service >/dev/null 2>&1; then
	say "tty1: the kiosk replaces the login prompt"
	systemctl disable getty@tty1.service
fi

# --- KMSDRM: the full KMS driver draws straight to HDMI -------------------------
config="$boot/config.txt"
if [ -f "$config" ] && ! grep -Eq '^dtoverlay=vc4-(f)?kms-v3d' "$config"; then
	say "enabling the KMS display driver ($config)"
	printf '\n# concerto: the kiosk draws through KMS/DRM\ndtoverlay=vc4-kms-v3d\n' >>"$config"
fi

# --- the kiosk at boot ---------------------------------------------------------
if ! systemctl is-enabled concerto.service >/dev/null 2>&1; then
	say "enabling concerto.service"
	systemctl enable concerto.service
fi
systemctl set-default multi-user.target >/dev/null

# --- last: read-only root ------------------------------------------------------
# raspi-config installs overlayroot with apt and writes overlayroot= into
# cmdline.txt; should the install fail, the token alone protects nothing and
# the SD card stays writable without anyone knowing. So the package is
# checked on every run.
overlayroot_missing="overlayroot is not installed, so the SD card stays writable: run
    sudo apt-get install overlayroot && sudo raspi-config nonint do_overlayfs 0
then this script again"
overlayroot_installed() {
	dpkg-query -W -f='${Status}' overlayroot 2>/dev/null | grep -q "install ok installed"
}
if [ -f "$cmdline" ] && grep -q 'overlayroot=tmpfs' "$cmdline"; then
	overlayroot_installed || die "$overlayroot_missing"
	say "read-only overlay already configured"
elif command -v raspi-config >/dev/null 2>&1; then
	say "read-only root: overlay filesystem (raspi-config)"
	raspi-config nonint do_overlayfs 0
	overlayroot_installed || die "$overlayroot_missing"
else
	say "raspi-config not found: root stays writable (not a Raspberry Pi OS image?)"
fi

say "done. Reboot to start the kiosk: sudo reboot"
