/*
 * media_watch: the thread that notices a USB key being mounted under one of
 * the media roots and going away again.
 *
 * It sleeps in poll() on /proc/self/mountinfo (POLLPRI wakes it on every
 * mount and unmount; the file is then re-read from offset 0) and on an
 * eventfd that stops it. The first mount found strictly below a root is the
 * key: the thread scans it (media_key_scan, so a slow key never stalls the
 * drawing) and hands the result over through the callback; when that mount
 * disappears it calls back with NULL. A FUSE key whose daemon died stays in
 * mountinfo with every call failing: while a key is in, the thread also asks
 * statfs() twice a second and treats ENOTCONN, EIO or ENODEV as a removal
 * (the kernel sends no notice for that case). The callback runs on the
 * watcher's thread and owns the key it is given. One key at a time.
 *
 * A key that nothing mounts (encrypted, or a filesystem the kiosk cannot
 * read) never reaches mountinfo. So the thread also watches the device
 * folder (inotify on /dev: the kernel adds sdb there as the key goes in)
 * and, while no key is mounted, looks in sysfs for a USB disk nothing has
 * mounted (usb_disks.h), on each change of /dev and again each second for
 * the next three (the kernel makes /dev/sdb before /sys/block/sdb, and a
 * key with no partition brings no second node). One still there
 * MEDIA_WATCH_UNOPENED_GRACE_MS later, time for udev to mount it, is
 * reported as a key with is_unopened set; NULL follows when it goes, or
 * before the key it turned out to be (while it is reported, sysfs is looked
 * at every MEDIA_WATCH_UNOPENED_RECHECK_MS too: a card taken out of a
 * reader changes nothing in /dev). Without the /dev watch, no such key is
 * looked for: its removal could go unseen.
 * Plain C and pthreads, no SDL.
 */
#ifndef CONCERTO_MEDIA_WATCH_H
#define CONCERTO_MEDIA_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "media_scan.h"

enum {
	MEDIA_WATCH_MAX_ROOTS = 8,
	MEDIA_MOUNTINFO_MAX_BYTES = 4 * 1024 * 1024,
	/* udev's mount of a key takes about a second; a big exFAT key, a few. */
	MEDIA_WATCH_UNOPENED_GRACE_MS = 5000,
	/* After a change in /dev, sysfs is looked at again this much later,
	 * this many times. */
	MEDIA_WATCH_DEV_SETTLE_MS = 1000,
	MEDIA_WATCH_DEV_RECHECKS = 3,
	/* While a key nothing mounted is reported, how often it is looked for. */
	MEDIA_WATCH_UNOPENED_RECHECK_MS = 2000,
};

/* Where the kernel's devices are seen: "/sys" and "/dev" on a real
 * machine (the defaults, for NULL); other folders in tests. */
struct media_watch_devices {
	const char *sys_dir;
	const char *dev_dir;
};

/* key NULL: the key went away. */
typedef void (*media_watch_notify)(void *context, struct media_key *key);

struct media_watch;

/* Starts the thread; it reports a key already mounted at once. NULL when
 * mountinfo cannot be opened or the thread cannot start; without the device
 * folder, only mounted keys are seen. `devices` may be NULL. */
struct media_watch *media_watch_start(const char *const *roots, size_t root_count,
                                      const struct media_watch_devices *devices,
                                      media_watch_notify notify, void *context);
/* Stops and joins the thread. NULL is allowed. */
void media_watch_stop(struct media_watch *watch);

/*
 * Pure part, for tests: the first mount of mountinfo `text` whose mount
 * point lies strictly below one of `roots` (octal escapes undone) and whose
 * id is not `ignored_id`, overlayroot's /media/root-ro and /media/root-rw
 * (and what is mounted below them) left out, and so is a filesystem also
 * mounted outside the roots and outside /media and /run/media (the
 * system's own, such as the boot partition of a Pi booted from USB; a
 * desktop's automount of the same key, /media/pi/KEY, does not count).
 * True with its mount point and id.
 */
bool media_mountinfo_find(const char *text, const char *const *roots, size_t root_count,
                          long ignored_id, char *mount_point, size_t size, long *mount_id);

#endif
