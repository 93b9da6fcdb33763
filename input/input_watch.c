/*
 * input_watch: the input thread, inotify and poll(); see input_watch.h.
 */
#define _GNU_SOURCE
#include "input_watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "evdev_device.h"

enum { INPUT_WATCH_MAX_PATH = 512 };

struct input_watch_device {
	char name[NAME_MAX + 1]; /* "eventN" under the directory */
	struct evdev_device *device;
};

struct input_watch {
	char dir[INPUT_WATCH_MAX_PATH];
	struct input_sink sink;
	pthread_t thread;
	pthread_mutex_t lock; /* guards map: the kiosk resizes, the thread reads */
	struct touch_map map;
	struct gesture_thresholds gestures; /* every touch device's */
	int inotify_fd;
	int stop_fd; /* eventfd: input_watch_stop wakes the thread */
	struct input_watch_device devices[INPUT_WATCH_MAX_DEVICES];
	size_t device_count;
};

static bool input_watch_is_event_node(const char *name)
{
	return strncmp(name, "event", 5) == 0 && name[5] >= '0' && name[5] <= '9';
}

static void input_watch_report(struct input_watch *watch)
{
	struct input_message message = {.kind = INPUT_MESSAGE_DEVICES,
	                                .device_count = (int)watch->device_count};
	watch->sink.emit(watch->sink.context, &message);
}

static bool input_watch_has(const struct input_watch *watch, const char *name)
{
	for (size_t k = 0; k < watch->device_count; k++)
		if (strcmp(watch->devices[k].name, name) == 0)
			return true;
	return false;
}

/* Opens a node not yet in use; failures are quiet: udev may still be
 * setting it up (an IN_ATTRIB will follow) or it is not ours. */
static bool input_watch_add(struct input_watch *watch, const char *name)
{
	if (!input_watch_is_event_node(name) || input_watch_has(watch, name) ||
	    watch->device_count == INPUT_WATCH_MAX_DEVICES || strlen(name) > NAME_MAX)
		return false;
	char path[INPUT_WATCH_MAX_PATH + NAME_MAX + 2];
	snprintf(path, sizeof path, "%s/%s", watch->dir, name);
	struct evdev_device *device = NULL;
	if (evdev_device_open(path, &watch->gestures, &device) != EVDEV_OPEN_OK)
		return false;
	struct input_watch_device *slot = &watch->devices[watch->device_count++];
	strcpy(slot->name, name);
	slot->device = device;
	return true;
}

static void input_watch_remove_at(struct input_watch *watch, size_t index)
{
	evdev_device_close(watch->devices[index].device);
	watch->devices[index] = watch->devices[--watch->device_count];
}

static bool input_watch_remove(struct input_watch *watch, const char *name)
{
	for (size_t k = 0; k < watch->device_count; k++) {
		if (strcmp(watch->devices[k].name, name) == 0) {
			input_watch_remove_at(watch, k);
			return true;
		}
	}
	return false;
}

static void input_watch_scan(struct input_watch *watch)
{
	DIR *dir = opendir(watch->dir);
	if (!dir)
		return;
	struct dirent *entry;
	while ((entry = readdir(dir)))
		input_watch_add(watch, entry->d_name);
	closedir(dir);
}

/* Reads every pending inotify record; true when the device set changed. */
static bool input_watch_read_inotify(struct input_watch *watch)
{
	_Alignas(struct inotify_event) char buffer[4096];
	bool has_changed = false;
	for (;;) {
		ssize_t length = read(watch->inotify_fd, buffer, sizeof buffer);
		if (length <= 0)
			return has_changed;
		for (ssize_t offset = 0; offset < length;) {
			const struct inotify_event *event = (const void *)(buffer + offset);
			offset += (ssize_t)(sizeof *event + event->len);
			if (event->len == 0)
				continue;
			if (event->mask & (IN_DELETE | IN_MOVED_FROM))
				has_changed |= input_watch_remove(watch, event->name);
			else if (event->mask & (IN_CREATE | IN_ATTRIB | IN_MOVED_TO))
				has_changed |= input_watch_add(watch, event->name);
		}
	}
}

/* Drains each ready device; a device with an error or a hang-up is gone. */
static bool input_watch_dispatch(struct input_watch *watch, const struct pollfd *fds, size_t count)
{
	struct touch_map map;
	pthread_mutex_lock(&watch->lock);
	map = watch->map;
	pthread_mutex_unlock(&watch->lock);
	bool has_changed = false;
	/* fds[2 + k] is devices[k] as it was when poll() started. */
	for (size_t k = count; k-- > 0;) {
		short revents = fds[2 + k].revents;
		if (!revents)
			continue;
		struct evdev_device *device = watch->devices[k].device;
		bool is_alive = evdev_device_dispatch(device, &map, &watch->sink);
		if (!is_alive || (revents & (POLLERR | POLLHUP | POLLNVAL))) {
			input_watch_remove_at(watch, k);
			has_changed = true;
		}
	}
	return has_changed;
}

static void *input_watch_thread(void *argument)
{
	struct input_watch *watch = argument;
	input_watch_scan(watch);
	input_watch_report(watch);
	for (;;) {
		struct pollfd fds[2 + INPUT_WATCH_MAX_DEVICES];
		fds[0] = (struct pollfd){.fd = watch->stop_fd, .events = POLLIN};
		fds[1] = (struct pollfd){.fd = watch->inotify_fd, .events = POLLIN};
		size_t count = watch->device_count;
		for (size_t k = 0; k < count; k++)
			fds[2 + k] = (struct pollfd){
			    .fd = evdev_device_fd(watch->devices[k].device), .events = POLLIN};
		if (poll(fds, 2 + count, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fds[0].revents)
			break;
		/* Devices first: fds[] indices hold only until the set changes. */
		bool has_changed = input_watch_dispatch(watch, fds, count);
		if (fds[1].revents)
			has_changed |= input_watch_read_inotify(watch);
		if (has_changed)
			input_watch_report(watch);
	}
	return NULL;
}

struct input_watch *input_watch_start(const char *dir, const struct touch_map *map,
                                      const struct gesture_thresholds *gestures,
                                      struct input_sink sink)
{
	struct input_watch *watch = calloc(1, sizeof *watch);
	if (!watch || strlen(dir) >= sizeof watch->dir) {
		free(watch);
		return NULL;
	}
	strcpy(watch->dir, dir);
	watch->sink = sink;
	watch->map = *map;
	watch->gestures = *gestures;
	watch->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	watch->stop_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (watch->inotify_fd >= 0)
		inotify_add_watch(watch->inotify_fd, dir,
		                  IN_CREATE | IN_ATTRIB | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM);
	if (watch->inotify_fd < 0 || watch->stop_fd < 0 ||
	    pthread_mutex_init(&watch->lock, NULL) != 0) {
		if (watch->inotify_fd >= 0)
			close(watch->inotify_fd);
		if (watch->stop_fd >= 0)
			close(watch->stop_fd);
		free(watch);
		return NULL;
	}
	if (pthread_create(&watch->thread, NULL, input_watch_thread, watch) != 0) {
		pthread_mutex_destroy(&watch->lock);
		close(watch->inotify_fd);
		close(watch->stop_fd);
		free(watch);
		return NULL;
	}
	return watch;
}

void input_watch_set_screen(struct input_watch *watch, int width, int height)
{
	if (!watch)
		return;
	pthread_mutex_lock(&watch->lock);
	watch->map.screen_width = width;
	watch->map.screen_height = height;
	pthread_mutex_unlock(&watch->lock);
}

void input_watch_stop(struct input_watch *watch)
{
	if (!watch)
		return;
	uint64_t one = 1;
	if (write(watch->stop_fd, &one, sizeof one) < 0)
		pthread_cancel(watch->thread); /* cannot happen with an eventfd */
	pthread_join(watch->thread, NULL);
	while (watch->device_count)
		input_watch_remove_at(watch, watch->device_count - 1);
	pthread_mutex_destroy(&watch->lock);
	close(watch->inotify_fd);
	close(watch->stop_fd);
	free(watch);
}
