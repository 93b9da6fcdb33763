/*
 * media_watch: mount watching on its own thread; see media_watch.h.
 */
#define _GNU_SOURCE
#include "media_watch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/statfs.h>
#include <time.h>
#include <unistd.h>

#include "mountinfo.h"
#include "usb_disks.h"

/* While a key is in, how often a dead FUSE connection is looked for. */
enum { MEDIA_WATCH_PROBE_MS = 500 };

/* /proc/swaps: a header and one line a swap area. */
enum { MEDIA_SWAPS_MAX_BYTES = 16 * 1024 };

/* A USB disk nothing mounted: none, seen since unopened_since_ms, reported. */
enum media_unopened { MEDIA_UNOPENED_NONE, MEDIA_UNOPENED_PENDING, MEDIA_UNOPENED_REPORTED };

struct media_watch {
	pthread_t thread;
	int mountinfo_fd;
	int stop_fd;
	char roots[MEDIA_WATCH_MAX_ROOTS][PATH_MAX];
	const char *root_list[MEDIA_WATCH_MAX_ROOTS];
	size_t root_count;
	media_watch_notify notify;
	void *context;
	char *buffer; /* mountinfo, MEDIA_MOUNTINFO_MAX_BYTES + 1 */
	/* The key shown (id -1: none) and a dead one not to offer again. */
	long key_id;
	char key_path[MEDIA_MAX_PATH];
	long dead_id;
	int dev_watch_fd; /* inotify on the device folder; -1 without */
	char sys_dir[PATH_MAX];
	enum media_unopened unopened;
	long long unopened_since_ms;
	long long recheck_at_ms; /* the next look after a change in /dev; 0: none */
	int rechecks_left;
	char *swaps; /* /proc/swaps, MEDIA_SWAPS_MAX_BYTES + 1 */
};

static long long media_now_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static bool media_is_below(const char *path, const char *root)
{
	size_t length = strlen(root);
	if (length == 1 && root[0] == '/')
		return path[0] == '/' && path[1] != '\0';
	return strncmp(path, root, length) == 0 && path[length] == '/' && path[length + 1] != '\0';
}

/* overlayroot (the read-only root of a Raspberry Pi set up as a kiosk, and
 * of Ubuntu's appliances) mounts the SD card's root at /media/root-ro, the
 * RAM layer at /media/root-rw and, with its default recurse, the card's other
 * filesystems (the boot partition, FAT like a key) below the first. None of
 * them is a key, though all of them are below the default root /media. */
static bool media_is_overlayroot(const char *path)
{
	static const char *const layers[] = {"/media/root-ro", "/media/root-rw"};
	for (size_t k = 0; k < sizeof layers / sizeof *layers; k++) {
		size_t length = strlen(layers[k]);
		if (strncmp(path, layers[k], length) == 0 &&
		    (path[length] == '\0' || path[length] == '/'))
			return true;
	}
	return false;
}

/* A mount point where a key may be: below a root, not an overlayroot layer. */
static bool media_is_candidate(const char *path, const char *const *roots, size_t root_count)
{
	if (media_is_overlayroot(path))
		return false;
	for (size_t r = 0; r < root_count; r++)
		if (media_is_below(path, roots[r]))
			return true;
	return false;
}

/* Whether the filesystem `dev` is also mounted where only the system's
 * are: outside the roots and outside /media and /run/media (where a
 * desktop's automounter puts keys too, /media/pi/KEY), or on overlayroot's
 * layers. A Pi booted from a
 * USB disk has its boot partition at /boot/firmware, and the udev rule,
 * which mounts every filesystem on USB, mounts it again under
 * /media/concerto: without this, the kiosk would take it for the key, and
 * never look at the real one. */
static bool media_is_system_filesystem(const char *text, const char *dev, const char *const *roots,
                                       size_t root_count)
{
	static const char *const key_places[] = {"/media", "/run/media"};
	struct mountinfo_entry entry;
	bool is_read;
	for (const char *line = text; line && *line;) {
		line = mountinfo_next(line, &entry, &is_read);
		if (is_read && entry.is_mount_point_whole && strcmp(entry.dev, dev) == 0 &&
		    !media_is_candidate(entry.mount_point, roots, root_count) &&
		    !media_is_candidate(entry.mount_point, key_places, 2))
			return true;
	}
	return false;
}

bool media_mountinfo_find(const char *text, const char *const *roots, size_t root_count,
                          long ignored_id, char *mount_point, size_t size, long *mount_id)
{
	struct mountinfo_entry entry;
	bool is_read;
	for (const char *line = text; line && *line;) {
		line = mountinfo_next(line, &entry, &is_read);
		if (is_read && entry.is_mount_point_whole && entry.id != ignored_id &&
		    media_is_candidate(entry.mount_point, roots, root_count) &&
		    !media_is_system_filesystem(text, entry.dev, roots, root_count)) {
			snprintf(mount_point, size, "%s", entry.mount_point);
			*mount_id = entry.id;
			return true;
		}
	}
	return false;
}

/* Whether a line of mountinfo starts with this mount id. */
static bool media_mountinfo_has_id(const char *text, long id)
{
	for (const char *line = text; line && *line;
	     line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (strtol(line, NULL, 10) == id)
			return true;
	return false;
}

/* Re-reads mountinfo from the start; false when it cannot be read. */
static bool media_watch_read(struct media_watch *watch)
{
	size_t used = 0;
	while (used < MEDIA_MOUNTINFO_MAX_BYTES) {
		ssize_t got = pread(watch->mountinfo_fd, watch->buffer + used,
		                    MEDIA_MOUNTINFO_MAX_BYTES - used, (off_t)used);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return false;
		if (got == 0)
			break;
		used += (size_t)got;
	}
	watch->buffer[used] = '\0';
	return true;
}

static void media_watch_remove(struct media_watch *watch)
{
	watch->key_id = -1;
	watch->key_path[0] = '\0';
	watch->notify(watch->context, NULL);
}

/* /proc/swaps' text, or NULL when it cannot be read (no swap counts). */
static const char *media_read_swaps(struct media_watch *watch)
{
	int fd = open("/proc/swaps", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !watch->swaps) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t used = 0;
	for (ssize_t got = 1; got > 0 && used < MEDIA_SWAPS_MAX_BYTES; used += (size_t)got) {
		got = read(fd, watch->swaps + used, MEDIA_SWAPS_MAX_BYTES - used);
		if (got < 0 && errno == EINTR)
			got = 0;
		else if (got <= 0)
			break;
	}
	close(fd);
	watch->swaps[used] = '\0';
	return watch->swaps;
}

/* With no key mounted (`may_look`), a USB disk nothing mounted becomes a
 * key with is_unopened once it has been there the grace period. */
static void media_watch_unopened(struct media_watch *watch, bool may_look)
{
	bool is_there = may_look && watch->dev_watch_fd >= 0 &&
	                usb_disks_find_unopened(watch->sys_dir, watch->buffer,
	                                        media_read_swaps(watch), NULL, 0);
	if (!is_there) {
		if (watch->unopened == MEDIA_UNOPENED_REPORTED)
			watch->notify(watch->context, NULL);
		watch->unopened = MEDIA_UNOPENED_NONE;
		return;
	}
	if (watch->unopened == MEDIA_UNOPENED_NONE) {
		watch->unopened = MEDIA_UNOPENED_PENDING;
		watch->unopened_since_ms = media_now_ms();
	}
	if (watch->unopened == MEDIA_UNOPENED_PENDING &&
	    media_now_ms() - watch->unopened_since_ms >= MEDIA_WATCH_UNOPENED_GRACE_MS) {
		struct media_key *key = media_key_unopened();
		if (!key) { /* out of memory: NULL would mean "gone"; try again in a second */
			watch->unopened_since_ms =
			    media_now_ms() - MEDIA_WATCH_UNOPENED_GRACE_MS + 1000;
			return;
		}
		watch->unopened = MEDIA_UNOPENED_REPORTED;
		watch->notify(watch->context, key);
	}
}

/* How long poll() may sleep: the FUSE probe's period while a key is in,
 * what is left of the grace while a disk waits for its mount. */
static int media_watch_timeout(const struct media_watch *watch)
{
	if (watch->key_id >= 0)
		return MEDIA_WATCH_PROBE_MS;
	/* While the message shows, sysfs is looked at every few seconds: a
	 * card taken out of a reader that stays plugged in changes nothing in
	 * /dev. Only then: an idle kiosk still sleeps. */
	if (watch->unopened == MEDIA_UNOPENED_REPORTED && !watch->recheck_at_ms)
		return MEDIA_WATCH_UNOPENED_RECHECK_MS;
	long long wake_at = watch->recheck_at_ms;
	if (watch->unopened == MEDIA_UNOPENED_PENDING) {
		long long grace_end = watch->unopened_since_ms + MEDIA_WATCH_UNOPENED_GRACE_MS;
		wake_at = wake_at && wake_at < grace_end ? wake_at : grace_end;
	}
	if (!wake_at)
		return -1;
	long long left = wake_at - media_now_ms();
	return left > 0 ? (int)left : 0;
}

/* Compares what is mounted with the key we know, and reports the change. */
static void media_watch_update(struct media_watch *watch)
{
	char path[MEDIA_MAX_PATH];
	long id = -1;
	bool is_read = media_watch_read(watch);
	/* Mount ids are reused: forget a dead key once it is unmounted. */
	if (is_read && watch->dead_id >= 0 &&
	    !media_mountinfo_has_id(watch->buffer, watch->dead_id))
		watch->dead_id = -1;
	bool has_key =
	    is_read && media_mountinfo_find(watch->buffer, watch->root_list, watch->root_count,
	                                    watch->dead_id, path, sizeof path, &id);
	if (watch->key_id >= 0 && (!has_key || id != watch->key_id))
		media_watch_remove(watch);
	/* Before a new key: the unopened disk it was goes first. */
	media_watch_unopened(watch, is_read && !has_key);
	if (has_key && watch->key_id < 0) {
		watch->key_id = id;
		snprintf(watch->key_path, sizeof watch->key_path, "%s", path);
		watch->notify(watch->context, media_key_scan(path));
	}
}

/* A FUSE key whose daemon died answers every call with ENOTCONN. */
static void media_watch_probe(struct media_watch *watch)
{
	struct statfs status;
	if (statfs(watch->key_path, &status) == 0)
		return;
	if (errno == ENOTCONN || errno == EIO || errno == ENODEV) {
		watch->dead_id = watch->key_id;
		media_watch_remove(watch);
		media_watch_update(watch); /* another key may be in */
	}
}

/* Empties the device folder's inotify queue: which device came or went
 * does not matter, sysfs is read again whole. */
static void media_watch_drain(int fd)
{
	_Alignas(struct inotify_event) char records[4096];
	while (read(fd, records, sizeof records) > 0)
		continue;
}

static void *media_watch_run(void *argument)
{
	struct media_watch *watch = argument;
	media_watch_update(watch);
	for (;;) {
		struct pollfd fds[3] = {{watch->mountinfo_fd, POLLPRI, 0},
		                        {watch->stop_fd, POLLIN, 0},
		                        {watch->dev_watch_fd, POLLIN, 0}};
		int ready = poll(fds, 3, media_watch_timeout(watch));
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0 || (fds[1].revents & POLLIN))
			break;
		if (fds[2].revents & POLLIN) {
			media_watch_drain(watch->dev_watch_fd);
			watch->recheck_at_ms = media_now_ms() + MEDIA_WATCH_DEV_SETTLE_MS;
			watch->rechecks_left = MEDIA_WATCH_DEV_RECHECKS - 1;
		} else if (ready == 0 && watch->recheck_at_ms &&
		           media_now_ms() >= watch->recheck_at_ms) {
			/* A loaded machine may link /sys/block late: look again. */
			watch->recheck_at_ms = watch->rechecks_left-- > 0
			                           ? media_now_ms() + MEDIA_WATCH_DEV_SETTLE_MS
			                           : 0;
		}
		if (ready == 0 && watch->key_id >= 0)
			media_watch_probe(watch);
		else if (ready == 0 || (fds[0].revents & (POLLPRI | POLLERR)) ||
		         (fds[2].revents & POLLIN))
			media_watch_update(watch);
	}
	return NULL;
}

struct media_watch *media_watch_start(const char *const *roots, size_t root_count,
                                      const struct media_watch_devices *devices,
                                      media_watch_notify notify, void *context)
{
	struct media_watch *watch = calloc(1, sizeof *watch);
	if (!watch)
		return NULL;
	watch->buffer = malloc(MEDIA_MOUNTINFO_MAX_BYTES + 1);
	watch->swaps = malloc(MEDIA_SWAPS_MAX_BYTES + 1);
	watch->key_id = -1;
	watch->dead_id = -1;
	watch->notify = notify;
	watch->context = context;
	for (size_t r = 0; r < root_count && r < MEDIA_WATCH_MAX_ROOTS; r++) {
		/* mountinfo shows canonical paths: compare with the root's. */
		if (!realpath(roots[r], watch->roots[r]))
			snprintf(watch->roots[r], sizeof watch->roots[r], "%s", roots[r]);
		size_t length = strlen(watch->roots[r]);
		while (length > 1 && watch->roots[r][length - 1] == '/')
			watch->roots[r][--length] = '\0';
		watch->root_list[watch->root_count++] = watch->roots[r];
	}
	const char *sys_dir = devices && devices->sys_dir ? devices->sys_dir : "/sys";
	const char *dev_dir = devices && devices->dev_dir ? devices->dev_dir : "/dev";
	snprintf(watch->sys_dir, sizeof watch->sys_dir, "%s", sys_dir);
	/* Devices coming and going: a key that never mounts is seen only so.
	 * Without the watch (no inotify left), mounted keys still work. */
	watch->dev_watch_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (watch->dev_watch_fd >= 0 &&
	    inotify_add_watch(watch->dev_watch_fd, dev_dir, IN_CREATE | IN_DELETE) < 0) {
		close(watch->dev_watch_fd);
		watch->dev_watch_fd = -1;
	}
	watch->mountinfo_fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	watch->stop_fd = eventfd(0, EFD_CLOEXEC);
	if (!watch->buffer || watch->mountinfo_fd < 0 || watch->stop_fd < 0 ||
	    pthread_create(&watch->thread, NULL, media_watch_run, watch) != 0) {
		if (watch->mountinfo_fd >= 0)
			close(watch->mountinfo_fd);
		if (watch->stop_fd >= 0)
			close(watch->stop_fd);
		if (watch->dev_watch_fd >= 0)
			close(watch->dev_watch_fd);
		free(watch->buffer);
		free(watch->swaps);
		free(watch);
		return NULL;
	}
	return watch;
}

void media_watch_stop(struct media_watch *watch)
{
	if (!watch)
		return;
	uint64_t one = 1;
	if (write(watch->stop_fd, &one, sizeof one) < 0)
		pthread_cancel(watch->thread); /* cannot happen with an eventfd */
	pthread_join(watch->thread, NULL);
	close(watch->mountinfo_fd);
	close(watch->stop_fd);
	if (watch->dev_watch_fd >= 0)
		close(watch->dev_watch_fd);
	free(watch->buffer);
	free(watch->swaps);
	free(watch);
}
