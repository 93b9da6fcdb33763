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
#include <sys/statfs.h>
#include <unistd.h>

/* While a key is in, how often a dead FUSE connection is looked for. */
enum { MEDIA_WATCH_PROBE_MS = 500 };

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
};

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static void media_unescape(const char *field, size_t length, char *out, size_t size)
{
	size_t used = 0;
	for (size_t k = 0; k < length && used + 1 < size; k++) {
		if (field[k] == '\\' && k + 3 < length && field[k + 1] >= '0' &&
		    field[k + 1] <= '3' && field[k + 2] >= '0' && field[k + 2] <= '7' &&
		    field[k + 3] >= '0' && field[k + 3] <= '7') {
			out[used++] = (char)((field[k + 1] - '0') * 64 + (field[k + 2] - '0') * 8 +
			                     (field[k + 3] - '0'));
			k += 3;
		} else {
			out[used++] = field[k];
		}
	}
	out[used] = '\0';
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

bool media_mountinfo_find(const char *text, const char *const *roots, size_t root_count,
                          long ignored_id, char *mount_point, size_t size, long *mount_id)
{
	const char *line = text;
	while (line && *line) {
		const char *end = strchr(line, '\n');
		size_t line_length = end ? (size_t)(end - line) : strlen(line);
		/* Fields: id parent major:minor root mount-point ... */
		const char *fields[5];
		size_t lengths[5];
		size_t found = 0, k = 0;
		while (found < 5 && k < line_length) {
			while (k < line_length && line[k] == ' ')
				k++;
			size_t start = k;
			while (k < line_length && line[k] != ' ')
				k++;
			if (k > start) {
				fields[found] = line + start;
				lengths[found++] = k - start;
			}
		}
		if (found == 5 && lengths[4] < MEDIA_MAX_PATH) {
			char path[MEDIA_MAX_PATH];
			media_unescape(fields[4], lengths[4], path, sizeof path);
			long id = strtol(fields[0], NULL, 10);
			bool is_candidate = id != ignored_id && !media_is_overlayroot(path);
			for (size_t r = 0; r < root_count && is_candidate; r++) {
				if (media_is_below(path, roots[r])) {
					snprintf(mount_point, size, "%s", path);
					*mount_id = id;
					return true;
				}
			}
		}
		line = end ? end + 1 : NULL;
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

static void *media_watch_run(void *argument)
{
	struct media_watch *watch = argument;
	media_watch_update(watch);
	for (;;) {
		struct pollfd fds[2] = {{watch->mountinfo_fd, POLLPRI, 0},
		                        {watch->stop_fd, POLLIN, 0}};
		int ready = poll(fds, 2, watch->key_id >= 0 ? MEDIA_WATCH_PROBE_MS : -1);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0 || (fds[1].revents & POLLIN))
			break;
		if (ready == 0)
			media_watch_probe(watch);
		else if (fds[0].revents & (POLLPRI | POLLERR))
			media_watch_update(watch);
	}
	return NULL;
}

struct media_watch *media_watch_start(const char *const *roots, size_t root_count,
                                      media_watch_notify notify, void *context)
{
	struct media_watch *watch = calloc(1, sizeof *watch);
	if (!watch)
		return NULL;
	watch->buffer = malloc(MEDIA_MOUNTINFO_MAX_BYTES + 1);
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
	watch->mountinfo_fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	watch->stop_fd = eventfd(0, EFD_CLOEXEC);
	if (!watch->buffer || watch->mountinfo_fd < 0 || watch->stop_fd < 0 ||
	    pthread_create(&watch->thread, NULL, media_watch_run, watch) != 0) {
		if (watch->mountinfo_fd >= 0)
			close(watch->mountinfo_fd);
		if (watch->stop_fd >= 0)
			close(watch->stop_fd);
		free(watch->buffer);
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
	free(watch->buffer);
	free(watch);
}
