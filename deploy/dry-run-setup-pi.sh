#!/bin/sh
# A dry run of setup-pi.sh without a Pi: inside a Debian 12 chroot made with
#   debootstrap --variant=minbase --include=systemd,systemd-sysv,udev,passwd,adduser \
#     bookworm CHROOT http://deb.debian.org/debian
# (of this machine's architecture, so no qemu/binfmt_misc is needed), with a
# fake boot partition (/boot/firmware/cmdline.txt, config.txt) and a fake
# raspi-config that only records its call, it runs setup-pi.sh twice with the
# given .deb and checks that the first run set everything up and that the
# second changed nothing. Needs network (apt in the chroot). Not part of CI:
# the chroot takes minutes to make.
#   usage (root): deploy/dry-run-setup-pi.sh CHROOT concerto_X_ARCH.deb
set -eu
chroot_dir="$(cd "$1" && pwd)"
deb="$2"
here="$(cd "$(dirname "$0")" && pwd)"

cp "$deb" "$chroot_dir/root/concerto.deb"
cp "$here/setup-pi.sh" "$chroot_dir/root/setup-pi.sh"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
mkdir -p "$chroot_dir/boot/firmware"
echo "console=serial0,115200 console=tty1 root=PARTUUID=0-02 rootfstype=ext4 fsck.repair=yes rootwait" \
	>"$chroot_dir/boot/firmware/cmdline.txt"
printf '[all]\narm_64bit=1\n' >"$chroot_dir/boot/firmware/config.txt"
cat >"$chroot_dir/usr/bin/raspi-config" <<'EOF'
#!/bin/sh
# fake raspi-config: records the call; do_overlayfs 0 installs overlayroot and
# edits cmdline.txt as the real one does
echo "raspi-config $*" >>/root/raspi-config.calls
if [ "$*" = "nonint do_overlayfs 0" ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends overlayroot >/dev/null
	sed -i '1 s/^/overlayroot=tmpfs /' /boot/firmware/cmdline.txt
fi
exit 0
EOF
chmod 755 "$chroot_dir/usr/bin/raspi-config"
# a getty on tty1, as on a fresh image
chroot "$chroot_dir" systemctl enable getty@tty1.service >/dev/null 2>&1 || true

cat >"$chroot_dir/root/dry-run.sh" <<'EOF'
#!/bin/sh
set -eu
mount -t proc proc /proc
cd /root
failed=0
expect() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; failed=1; fi; }
echo "=== first run"
sh setup-pi.sh concerto.deb
expect "package installed" 'dpkg-query -W -f="\${Status}" concerto | grep -q "install ok installed"'
expect "user concerto in input, video, render" \
	'for g in input video render; do id -nG concerto | tr " " "\n" | grep -qx $g || exit 1; done'
expect "user concerto has no login shell" '[ "$(getent passwd concerto | cut -d: -f7)" = /usr/sbin/nologin ]'
expect "journal volatile" 'grep -qx "Storage=volatile" /etc/systemd/journald.conf.d/concerto.conf'
expect "unit enabled" 'systemctl is-enabled concerto.service >/dev/null'
expect "getty on tty1 disabled" '! systemctl is-enabled getty@tty1.service >/dev/null 2>&1'
expect "udev rule installed" '[ -f /lib/udev/rules.d/90-concerto-usb.rules ]'
expect "kiosk.conf valid" 'concerto --check-config /etc/concerto/kiosk.conf'
expect "console blanking off" 'grep -q consoleblank=0 /boot/firmware/cmdline.txt'
expect "KMS overlay" 'grep -qx dtoverlay=vc4-kms-v3d /boot/firmware/config.txt'
expect "overlayfs asked once" '[ "$(cat raspi-config.calls)" = "raspi-config nonint do_overlayfs 0" ]'
expect "overlayroot installed" 'dpkg-query -W -f="\${Status}" overlayroot | grep -q "install ok installed"'
find /etc /boot /lib /usr /var/lib/dpkg /var/lib/systemd -xdev -type f -exec md5sum {} + 2>/dev/null \
	| sort >/root/state-1
echo "=== second run"
sh setup-pi.sh concerto.deb | tee second.log
find /etc /boot /lib /usr /var/lib/dpkg /var/lib/systemd -xdev -type f -exec md5sum {} + 2>/dev/null \
	| sort >/root/state-2
expect "second run changed no file" 'cmp -s /root/state-1 /root/state-2 || { diff /root/state-1 /root/state-2 | head; false; }'
expect "second run did nothing but report" '! grep -v -e "already" -e "^== done" second.log'
expect "cmdline.txt options not doubled" '[ "$(grep -o consoleblank=0 /boot/firmware/cmdline.txt | wc -l)" -eq 1 ]'
expect "raspi-config not called again" '[ "$(wc -l <raspi-config.calls)" -eq 1 ]'
umount /proc
exit $failed
EOF
unshare -m --propagation private chroot "$chroot_dir" sh /root/dry-run.sh
