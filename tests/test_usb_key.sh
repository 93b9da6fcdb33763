#!/bin/sh
# test_usb_key: the real kiosk binary with real mounts, in a private mount
# namespace: keys inserted and removed (tmpfs moved under a --media folder,
# and a real FAT image through fusefat, yanked by killing its daemon), the
# screens reported by the hidden --report-screens option (words and numbers
# only), the return to idle within one second, a hostile key, keys the
# chooser or the empty-key screen must explain (more files than it lists, a
# photo dump beside the situation, a key too full, a key that cannot be
# read), a USB disk nothing mounted (laid out in folders given by the hidden
# --sys-dir and --dev-dir), a file that cannot be used as a whole (its own
# screen, not the error list), and a session under strace proving nothing is written and no name
# reaches the journal.
# Needs root, unshare, strace, mkfs.vfat, mcopy, fusefat; exits 77 (skipped)
# without them.
set -u
concerto="$1"
data="$2"
if [ "${USB_KEY_TEST_INSIDE:-}" != 1 ]; then
	if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null ||
		! unshare -m --propagation private true 2>/dev/null; then
		echo "test_usb_key: skipped (needs root and mount namespaces)"
		exit 77
	fi
	for tool in strace mkfs.vfat mcopy fusefat fusermount; do
		if ! command -v "$tool" >/dev/null; then
			echo "test_usb_key: skipped ($tool missing: deploy/install-deps.sh test)"
			exit 77
		fi
	done
	USB_KEY_TEST_INSIDE=1 exec unshare -m --propagation private sh "$0" "$@"
fi

work="$(mktemp -d)"
media="$work/media"
mkdir -p "$media/key" "$work/stage" "$work/run"
. "$(dirname "$0")/check.sh"
pid=""
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
	umount -l "$media/key" 2>/dev/null
	umount -l "$work/stage" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
check_on_failure() {
	sed 's/^/  kiosk: /' "$work/run/err" >&2
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Waits until the kiosk's last reported screen matches; prints the wait in ms.
wait_screen() { # pattern, timeout in ms
	start=$(now_ms)
	while :; do
		if [ -s "$work/run/out" ] && tail -n 1 "$work/run/out" | grep -Eq "^$1\$"; then
			echo $(($(now_ms) - start))
			return 0
		fi
		if [ $(($(now_ms) - start)) -gt "$2" ]; then
			echo "timeout waiting for '$1', last: $(tail -n 1 "$work/run/out")" >&2
			return 1
		fi
		sleep 0.01
	done
}

# Waits until the kiosk has reported a screen, even if another came since.
wait_reported() { # pattern, timeout in ms
	start=$(now_ms)
	until grep -Eqx "$1" "$work/run/out"; do
		if [ $(($(now_ms) - start)) -gt "$2" ]; then
			echo "timeout waiting for '$1' in the reports" >&2
			return 1
		fi
		sleep 0.01
	done
}

# Options for the next start_kiosk (word-split: no spaces in them).
kiosk_options=""
start_kiosk() { # extra command prefix (e.g. strace ...) may be given
	: >"$work/run/out"
	(cd "$work/run" && SDL_VIDEODRIVER=dummy exec "$@" "$concerto" --windowed \
		--media "$media" --report-screens $kiosk_options >"$work/run/out" 2>"$work/run/err") &
	pid=$!
}

stop_kiosk() {
	# Under strace, $pid is strace: stop the kiosk itself, strace follows.
	for child in $(pgrep -P "$pid"); do
		kill -TERM "$child" 2>/dev/null
	done
	kill -TERM "$pid" 2>/dev/null
	wait "$pid"
	status=$?
	pid=""
	return $status
}

# A tmpfs key filled first, then moved under the media folder in one step,
# as a real key appears with its files.
insert_tmpfs() { # files to copy: source:name ...
	mount -t tmpfs -o size=8m tmpfs "$work/stage"
	for pair in "$@"; do
		cp "${pair%%:*}" "$work/stage/${pair#*:}"
	done
	mount --move "$work/stage" "$media/key"
}

good="$data/../../assets/demo.situation"
bad="$data/errors.situation"

# --- tmpfs: idle, one situation, chooser, errors, removal, back in ---
start_kiosk
check "no key: the idle screen" wait_screen "screen idle" 3000 >/dev/null
insert_tmpfs "$good:famille.situation"
check "one situation: it opens at its first phase" \
	wait_screen "screen situation phase=1" 3000 >/dev/null
umount "$media/key"
elapsed=$(wait_screen "screen idle" 1000)
check "key out: idle within one second" test -n "$elapsed"
echo "return to idle after umount: ${elapsed:-over 1000} ms"
insert_tmpfs "$good:a.situation" "$good:b.situation" "$bad:c.situation"
check "several situations: the chooser, the bad one counted" \
	wait_screen "screen chooser files=3 selected=1 bad=1" 3000 >/dev/null
umount "$media/key"
check "key out from the chooser: idle" wait_screen "screen idle" 1000 >/dev/null
insert_tmpfs "$bad:seule.situation"
check "a key with one bad file shows its errors" \
	wait_screen "screen errors count=[1-9][0-9]*" 3000 >/dev/null
umount "$media/key" || echo "umount failed" >&2
check "key out from the errors: idle" wait_screen "screen idle" 1000 >/dev/null
# A file that cannot be used as a whole is no file with errors in its lines:
# it gets its own screen (no "fix these lines").
truncate -s 2M "$work/gros.situation"
insert_tmpfs "$work/gros.situation:gros.situation"
check "a key with one file over 1 MiB: the file's own screen, not the error list" \
	wait_screen "screen file-error problem=too-large" 3000 >/dev/null
umount "$media/key"
check "key out from the file's screen: idle" wait_screen "screen idle" 1000 >/dev/null
insert_tmpfs "$good:encore.situation"
check "a key put back in opens again" wait_screen "screen situation phase=1" 3000 >/dev/null
umount "$media/key"
check "and goes again" wait_screen "screen idle" 1000 >/dev/null
mount -t tmpfs -o size=1m tmpfs "$work/stage" && mount --move "$work/stage" "$media/key"
check "a key without situation: says so" wait_screen "screen empty" 3000 >/dev/null
umount "$media/key"
check "kiosk still up after the tmpfs keys" kill -0 "$pid"
stop_kiosk
check "the kiosk leaves cleanly on SIGTERM" test $? -eq 0
check "file names from the key stay out of the journal (they are often the family's)" \
	sh -c "! grep -Eq 'seule|c\\.situation' '$work/run/err'"

# --- a key already in when the kiosk starts ---
insert_tmpfs "$good:a.situation" "$good:b.situation"
start_kiosk
check "a key already mounted at start is offered" \
	wait_screen "screen chooser files=2 selected=1 bad=0" 3000 >/dev/null
stop_kiosk
umount "$media/key"

# --- keys the screens must explain ---
# A folder of 10,001 photos on the staged key: more entries than the scan
# looks through.
stage_photo_dump() {
	mkdir "$work/stage/photos"
	(cd "$work/stage/photos" && seq -f 'IMG_%05g.JPG' 1 10001 | xargs touch)
}
# A photo dump of more entries than the kiosk examines, listed before the
# situation saved at the root (tmpfs lists the newest first): the root's
# files count first, so the situation opens.
mount -t tmpfs -o size=16m tmpfs "$work/stage"
printf 'situation "Racine"\n' >"$work/stage/famille.situation"
stage_photo_dump
check "the photo folder is listed before the root's situation" \
	test "$(ls -U "$work/stage" | head -n 1)" = photos
mount --move "$work/stage" "$media/key"
start_kiosk
check "a situation at the root behind a photo dump is offered, with the notice" \
	wait_screen "screen chooser files=1 selected=1 bad=0 problem=too-full found=1" 10000 >/dev/null
umount "$media/key"
check "photo dump out: idle" wait_screen "screen idle" 1000 >/dev/null
# The same photos without the situation: too full to look through.
mount -t tmpfs -o size=16m tmpfs "$work/stage"
stage_photo_dump
mount --move "$work/stage" "$media/key"
check "a key too full to look through, no situation seen: says so" \
	wait_screen "screen empty problem=too-full" 10000 >/dev/null
umount "$media/key"
check "too-full key out: idle" wait_screen "screen idle" 1000 >/dev/null
# 63 situations, 40 at the root and 23 in a folder: the chooser lists 50
# and says how many it found.
mount -t tmpfs -o size=8m tmpfs "$work/stage"
mkdir "$work/stage/dossier"
for k in $(seq -w 1 40); do printf 'situation "R%s"\n' "$k" >"$work/stage/r$k.situation"; done
for k in $(seq -w 1 23); do printf 'situation "D%s"\n' "$k" >"$work/stage/dossier/d$k.situation"; done
mount --move "$work/stage" "$media/key"
check "more files than the chooser lists: 50 listed, 63 found, said on screen" \
	wait_screen "screen chooser files=50 selected=1 bad=0 problem=not-listed found=63" 10000 \
	>/dev/null
check "the journal says how many were found" grep -q "50 situation file(s) of 63 found" \
	"$work/run/err"
umount "$media/key"
check "63-file key out: idle" wait_screen "screen idle" 1000 >/dev/null
stop_kiosk

# --- a real FAT key through FUSE, yanked by killing its daemon ---
mkfs.vfat -C -n CLE "$work/key.img" 8192 >/dev/null
cp "$good" "$work/demo.situation"
mcopy -i "$work/key.img" "$work/demo.situation" ::/
mcopy -i "$work/key.img" "$bad" ::/errors.situation
start_kiosk
check "FAT: idle first" wait_screen "screen idle" 3000 >/dev/null
fusefat -o ro "$work/key.img" "$media/key" >/dev/null
check "FAT key: the chooser (fusefat's volume label file is not in the way)" \
	wait_screen "screen chooser files=2 selected=1 bad=1" 3000 >/dev/null
fuse_pid=$(pgrep -n -x fusefat)
kill -9 "$fuse_pid"
elapsed=$(wait_screen "screen idle" 1000)
check "FAT key yanked (daemon killed): idle within one second" test -n "$elapsed"
echo "return to idle after the FUSE daemon was killed: ${elapsed:-over 1000} ms"
check "the kiosk survived the yank" kill -0 "$pid"
fusermount -u "$media/key" 2>/dev/null || umount -l "$media/key"
fusefat -o ro "$work/key.img" "$media/key" >/dev/null
check "FAT key back in: the chooser again" \
	wait_screen "screen chooser files=2 selected=1 bad=1" 3000 >/dev/null
fusermount -u "$media/key"
check "FAT key unmounted: idle" wait_screen "screen idle" 1000 >/dev/null
# A key whose filesystem is dead before the kiosk looks at it (its FUSE
# daemon killed, then moved under the media folder): it cannot be read, and
# the screen says that rather than "no situation" (until the watcher's probe
# finds the daemon gone and takes the key for pulled out).
fusefat -o ro "$work/key.img" "$work/stage" >/dev/null
kill -9 "$(pgrep -n -x fusefat)"
sleep 0.2
mount --move "$work/stage" "$media/key"
check "a key that cannot be read: says so" \
	wait_reported "screen empty problem=unreadable" 3000
umount -l "$media/key"
check "unreadable key out: idle" wait_screen "screen idle" 1000 >/dev/null
stop_kiosk

# --- a key nothing mounts (encrypted, or another system's format) ---
# The kernel's side is laid out in folders of its own (--sys-dir, --dev-dir),
# in the kernel's order: the device's folder, then its node in /dev, then
# the /sys/block link (here 0.3 s later, so the kiosk must look again after
# the node's event); on removal the link goes first and the node last.
sys="$work/sys"
dev="$work/dev"
usb_parent="pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host3/target3:0:0/3:0:0:0"
plug_disk() { # the partition's major:minor
	disk="$sys/devices/$usb_parent/block/sdz"
	mkdir -p "$disk/holders" "$disk/sdz1/holders"
	echo 65:240 >"$disk/dev"
	echo 31277232 >"$disk/size"
	echo 1 >"$disk/sdz1/partition"
	echo "$1" >"$disk/sdz1/dev"
	: >"$dev/sdz"
	sleep 0.3
	ln -s "../devices/$usb_parent/block/sdz" "$sys/block/sdz"
}
unplug_disk() {
	rm -f "$sys/block/sdz"
	rm -rf "$sys/devices"
	rm -f "$dev/sdz"
}
unopened_reports() { grep -c "problem=unopened" "$work/run/out"; }
mkdir -p "$sys/block" "$dev"
kiosk_options="--sys-dir $sys --dev-dir $dev"
start_kiosk
check "disk check: idle with no disk" wait_screen "screen idle" 3000 >/dev/null
plug_disk 65:241
elapsed=$(wait_screen "screen empty problem=unopened" 9000)
check "a USB disk nothing mounted: the key cannot be opened, says so" test -n "$elapsed"
check "not before udev had time to mount it (5 s)" test "${elapsed:-0}" -ge 4500
echo "unopened key reported after: ${elapsed:-over 9000} ms"
check "the journal says why, without names" \
	grep -q "USB disk is in that was not mounted" "$work/run/err"
unplug_disk
check "unopened key out: idle" wait_screen "screen idle" 1000 >/dev/null
# A card reader that stays plugged in: its card taken out changes nothing in
# /dev, only sysfs (size 0): the message goes all the same.
plug_disk 65:241
check "unreadable card: the message" wait_screen "screen empty problem=unopened" 9000 >/dev/null
echo 0 >"$sys/devices/$usb_parent/block/sdz/size"
check "card out, reader in: idle within 4 s" wait_screen "screen idle" 4000 >/dev/null
unplug_disk
# Mounted late (a slow key): the key itself replaces the message.
plug_disk 65:241
check "slow key: first the message" wait_screen "screen empty problem=unopened" 9000 >/dev/null
insert_tmpfs "$good:lente.situation"
check "slow key: then its situation" wait_screen "screen situation phase=1" 3000 >/dev/null
check "slow key: the message was shown once per key" test "$(unopened_reports)" -eq 3
unplug_disk
umount "$media/key"
check "slow key out: idle" wait_screen "screen idle" 1000 >/dev/null
# Mounted within the grace, as udev mounts a key: never the message.
plug_disk 65:241
sleep 1
insert_tmpfs "$good:rapide.situation"
check "key mounted in time: its situation" wait_screen "screen situation phase=1" 3000 >/dev/null
sleep 5
check "key mounted in time: no message, then or later" test "$(unopened_reports)" -eq 3
unplug_disk
umount "$media/key"
check "key mounted in time, out: idle" wait_screen "screen idle" 1000 >/dev/null
# A USB disk whose partition is mounted, even outside the media folder (the
# Pi booted from a USB disk), is no key in trouble.
plug_disk "$(awk '$5 == "/" { print $3; exit }' /proc/self/mountinfo)"
sleep 9 # past the last look after /dev changed (3 s) and the grace (5 s)
check "a USB disk in use elsewhere: still idle" wait_screen "screen idle" 100 >/dev/null
check "a USB disk in use elsewhere: no message" test "$(unopened_reports)" -eq 3
unplug_disk
stop_kiosk
kiosk_options=""

# --- a hostile key ---
mount -t tmpfs -o size=16m tmpfs "$work/stage"
ln -s /etc "$work/stage/etc"
ln -s /etc/passwd "$work/stage/passwd.situation"
truncate -s 2G "$work/stage/x.situation"
mkfifo "$work/stage/y.situation"
mkdir "$work/stage/beaucoup"
(cd "$work/stage/beaucoup" && seq 1 5000 | sed 's/$/.txt/' | xargs touch)
printf 'situation "Bizarre"\n' >"$work/stage/$(printf 'n\nom\033[31m\001.situation')"
cp "$good" "$work/stage/ok.situation"
cp "$good" "$work/stage/secret.situation" && chmod 000 "$work/stage/secret.situation"
mount --move "$work/stage" "$media/key"
start_kiosk
elapsed=$(wait_screen "screen chooser files=[0-9]+ selected=1 bad=1" 10000)
check "hostile key: a chooser of what is readable, the 2 GiB file refused" test -n "$elapsed"
echo "hostile key offered after: ${elapsed:-over 10000} ms (includes start-up)"
check "hostile key: the link to /etc and the FIFO skipped" \
	grep -q "2 link(s) and 1 special file(s) skipped" "$work/run/err"
check "hostile key: the file name's control characters are not printed" \
	sh -c "! grep -q \"$(printf '\033')\" '$work/run/err'"
check "hostile key: the big file gets its error" \
	grep -Eq "key: file [0-9]+ of [0-9]+: 1 error" "$work/run/err"
check "hostile key: no file name in the journal" sh -c "! grep -q 'x\\.situation' '$work/run/err'"
check "the kiosk stays up on a hostile key" kill -0 "$pid"
umount "$media/key"
check "hostile key out: idle" wait_screen "screen idle" 1000 >/dev/null
stop_kiosk

# --- a whole session under strace: nothing written, no name in the journal ---
insert_tmpfs "$good:famille.situation"
start_kiosk strace -f -qq -e trace=openat,open,creat,rename,renameat2,unlink,unlinkat,mkdir,mkdirat \
	-o "$work/strace.log"
check "strace session: the situation opens" wait_screen "screen situation phase=1" 8000 >/dev/null
umount "$media/key"
check "strace session: idle after removal" wait_screen "screen idle" 5000 >/dev/null
stop_kiosk
writes=$(grep -v ' = -1 ' "$work/strace.log" |
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|unlink|mkdir' |
	grep -Ev '"/dev/|"/proc/' || true)
check "nothing opened for writing, created, renamed or deleted" test -z "$writes"
[ -n "$writes" ] && echo "$writes" >&2
check "the key's file was opened read-only, without following links" \
	sh -c "grep 'famille.situation\", O_RDONLY' '$work/strace.log' | grep O_NOFOLLOW | grep -q O_NONBLOCK"
names=$(grep -Eo '^(person|personne) +[a-z]+ +"[^" ]*"' "$good" | sed 's/.*"\(.*\)"/\1/')
leaked=""
for name in $names; do
	grep -qF "$name" "$work/run/out" "$work/run/err" && leaked="$leaked $name"
done
check "no name of the situation in the kiosk's output (checked $(echo $names | wc -w))" \
	test -z "$leaked" -a -n "$names"

check_summary test_usb_key
