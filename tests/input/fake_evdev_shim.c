/*
 * fake_evdev_shim: an LD_PRELOAD library that makes fake evdev nodes for
 * the kiosk on a machine without /dev/uinput (see ../shared TESTING.md).
 *
 * CONCERTO_FAKE_INPUT names a directory and CONCERTO_FAKE_DEVICES which
 * node is which device ("event0=touch,event1=clicker", fake_devices.h).
 * Each node is a listening SOCK_SEQPACKET socket made by the test: open()
 * of it connects, and the test writes one evdev frame per message. The shim
 * answers libevdev's ioctls from the description and from the key, axis
 * and slot state it tracks in read(), so a resync reports the truth. A
 * message starting with SYN_DROPPED delivers only that event: the rest of
 * it is what the kernel would have lost (applied to the state, never read).
 * The peer closing the socket reads as ENODEV, as an unplugged device.
 * EVIOCSCLOCKID is answered as the kernel does (CLOCK_REALTIME,
 * CLOCK_MONOTONIC or CLOCK_BOOTTIME) and the clock asked for is sent back
 * to the test on the same socket, an int (fake_node_clock in fake_nodes.h).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "fake_devices.h"

enum { SHIM_MAX_FDS = 1024, SHIM_MAX_PENDING = 256, SHIM_MT_CODES = ABS_CNT - ABS_MT_SLOT };

struct shim_fd {
	const struct fake_device *device;
	unsigned char keys[KEY_CNT / 8 + 1];
	int abs[ABS_CNT];
	int slots[16][SHIM_MT_CODES]; /* by code - ABS_MT_SLOT */
	int slot;
	struct input_event pending[SHIM_MAX_PENDING];
	size_t pending_count;
	size_t pending_next;
};

static struct shim_fd *shim_fds[SHIM_MAX_FDS];

/* The description of `path` when it is one of the fake nodes. */
static const struct fake_device *shim_lookup(const char *path)
{
	const char *dir = getenv("CONCERTO_FAKE_INPUT");
	const char *list = getenv("CONCERTO_FAKE_DEVICES");
	size_t dir_length = dir ? strlen(dir) : 0;
	if (!dir || !list || !path || strncmp(path, dir, dir_length) != 0 ||
	    path[dir_length] != '/')
		return NULL;
	const char *name = path + dir_length + 1;
	size_t name_length = strlen(name);
	for (const char *item = list; *item;) {
		const char *equals = strchr(item, '='), *end = strchrnul(item, ',');
		if (equals && equals < end && (size_t)(equals - item) == name_length &&
		    strncmp(item, name, name_length) == 0)
			return fake_device_find(equals + 1, (size_t)(end - equals - 1));
		item = *end ? end + 1 : end;
	}
	return NULL;
}

static int shim_open_fake(const char *path, int flags, const struct fake_device *device)
{
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	struct sockaddr_un address = {.sun_family = AF_UNIX};
	strncpy(address.sun_path, path, sizeof address.sun_path - 1);
	if (fd < 0 || fd >= SHIM_MAX_FDS ||
	    connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		errno = saved == ECONNREFUSED ? ENXIO : saved; /* as a node not ready */
		return -1;
	}
	if (flags & O_NONBLOCK)
		fcntl(fd, F_SETFL, O_NONBLOCK);
	struct shim_fd *state = calloc(1, sizeof *state);
	state->device = device;
	for (int s = 0; s < 16; s++)
		state->slots[s][ABS_MT_TRACKING_ID - ABS_MT_SLOT] = -1;
	shim_fds[fd] = state;
	return fd;
}

typedef int (*shim_open_function)(const char *, int, ...);

/* The next definition of a libc function (dlsym returns an object pointer:
 * copied, as ISO C has no cast between the two). */
static void shim_real(const char *name, void *function, size_t size)
{
	void *symbol = dlsym(RTLD_NEXT, name);
	memcpy(function, &symbol, size);
}

static mode_t shim_mode(int flags, va_list args)
{
	return (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list args;
	va_start(args, flags);
	mode_t mode = shim_mode(flags, args);
	va_end(args);
	const struct fake_device *device = shim_lookup(path);
	if (device)
		return shim_open_fake(path, flags, device);
	static shim_open_function real;
	if (!real)
		shim_real("open", &real, sizeof real);
	return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list args;
	va_start(args, flags);
	mode_t mode = shim_mode(flags, args);
	va_end(args);
	const struct fake_device *device = shim_lookup(path);
	if (device)
		return shim_open_fake(path, flags, device);
	static shim_open_function real;
	if (!real)
		shim_real("open64", &real, sizeof real);
	return real(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list args;
	va_start(args, flags);
	mode_t mode = shim_mode(flags, args);
	va_end(args);
	const struct fake_device *device = path[0] == '/' ? shim_lookup(path) : NULL;
	if (device)
		return shim_open_fake(path, flags, device);
	static int (*real)(int, const char *, int, ...);
	if (!real)
		shim_real("openat", &real, sizeof real);
	return real(dirfd, path, flags, mode);
}

int close(int fd)
{
	if (fd >= 0 && fd < SHIM_MAX_FDS && shim_fds[fd]) {
		free(shim_fds[fd]);
		shim_fds[fd] = NULL;
	}
	static int (*real)(int);
	if (!real)
		shim_real("close", &real, sizeof real);
	return real(fd);
}

static void shim_apply(struct shim_fd *state, const struct input_event *event)
{
	if (event->type == EV_KEY && event->code < KEY_CNT) {
		if (event->value)
			state->keys[event->code / 8] |= (unsigned char)(1u << (event->code % 8));
		else
			state->keys[event->code / 8] &= (unsigned char)~(1u << (event->code % 8));
	} else if (event->type == EV_ABS && event->code < ABS_CNT) {
		state->abs[event->code] = event->value;
		if (event->code == ABS_MT_SLOT && event->value >= 0 && event->value < 16)
			state->slot = event->value;
		else if (event->code > ABS_MT_SLOT)
			state->slots[state->slot][event->code - ABS_MT_SLOT] = event->value;
	}
}

ssize_t read(int fd, void *buffer, size_t size)
{
	static ssize_t (*real)(int, void *, size_t);
	if (!real)
		shim_real("read", &real, sizeof real);
	struct shim_fd *state = fd >= 0 && fd < SHIM_MAX_FDS ? shim_fds[fd] : NULL;
	if (!state)
		return real(fd, buffer, size);
	if (state->pending_next == state->pending_count) {
		ssize_t length = recv(fd, state->pending, sizeof state->pending, 0);
		if (length <= 0) {
			errno = length == 0 ? ENODEV : errno;
			return -1;
		}
		size_t count = (size_t)length / sizeof *state->pending;
		for (size_t k = 0; k < count; k++)
			shim_apply(state, &state->pending[k]);
		bool is_dropped = count && state->pending[0].type == EV_SYN &&
		                  state->pending[0].code == SYN_DROPPED;
		state->pending_count = is_dropped ? 1 : count;
		state->pending_next = 0;
	}
	size_t count = size / sizeof(struct input_event);
	if (count > state->pending_count - state->pending_next)
		count = state->pending_count - state->pending_next;
	memcpy(buffer, &state->pending[state->pending_next], count * sizeof(struct input_event));
	state->pending_next += count;
	return (ssize_t)(count * sizeof(struct input_event));
}

static void shim_set_bit(unsigned char *bits, size_t size, unsigned int bit)
{
	if (bit / 8 < size)
		bits[bit / 8] |= (unsigned char)(1u << (bit % 8));
}

/* EVIOCGBIT(type): which event types, or which codes of one type. */
static int shim_bits(const struct fake_device *device, unsigned int type, unsigned char *bits,
                     size_t size)
{
	memset(bits, 0, size);
	if (type == 0) {
		shim_set_bit(bits, size, EV_SYN);
		if (device->key_count)
			shim_set_bit(bits, size, EV_KEY);
		if (device->rel_count)
			shim_set_bit(bits, size, EV_REL);
		if (device->abs_count)
			shim_set_bit(bits, size, EV_ABS);
	}
	for (size_t k = 0; type == EV_KEY && k < device->key_count; k++)
		shim_set_bit(bits, size, device->keys[k]);
	for (size_t k = 0; type == EV_REL && k < device->rel_count; k++)
		shim_set_bit(bits, size, device->rels[k]);
	for (size_t k = 0; type == EV_ABS && k < device->abs_count; k++)
		shim_set_bit(bits, size, device->abs[k].code);
	return (int)size;
}

static int shim_string(const char *text, void *buffer, size_t size)
{
	if (!text) {
		errno = ENOENT;
		return -1;
	}
	size_t length = strlen(text) + 1 < size ? strlen(text) + 1 : size;
	memcpy(buffer, text, length);
	return (int)length;
}

/* EVIOCSCLOCKID: the test hears which clock the kiosk wants its events on. */
static int shim_set_clock(int fd, const int *clock_id)
{
	if (*clock_id != CLOCK_REALTIME && *clock_id != CLOCK_MONOTONIC &&
	    *clock_id != CLOCK_BOOTTIME) {
		errno = EINVAL;
		return -1;
	}
	send(fd, clock_id, sizeof *clock_id, MSG_NOSIGNAL | MSG_DONTWAIT);
	return 0;
}

static int shim_ioctl(int fd, struct shim_fd *state, unsigned long request, void *argument)
{
	const struct fake_device *device = state->device;
	unsigned int nr = _IOC_NR(request);
	size_t size = _IOC_SIZE(request);
	if (_IOC_TYPE(request) != 'E') {
		errno = EINVAL;
		return -1;
	}
	if (request == EVIOCGVERSION) {
		*(int *)argument = EV_VERSION;
		return 0;
	}
	if (request == EVIOCGID) {
		memcpy(argument, &device->id, sizeof device->id);
		return 0;
	}
	if (request == EVIOCGRAB)
		return 0;
	if (request == EVIOCSCLOCKID)
		return shim_set_clock(fd, argument);
	if (request == EVIOCGREP) {
		errno = EINVAL;
		return -1;
	}
	if (nr == _IOC_NR(EVIOCGNAME(0)))
		return shim_string(device->name, argument, size);
	if (nr == _IOC_NR(EVIOCGPHYS(0)))
		return shim_string("fake/input0", argument, size);
	if (nr == _IOC_NR(EVIOCGUNIQ(0)))
		return shim_string(NULL, argument, size);
	if (nr == _IOC_NR(EVIOCGPROP(0))) {
		memset(argument, 0, size);
		for (size_t k = 0; k < device->prop_count; k++)
			shim_set_bit(argument, size, device->props[k]);
		return (int)size;
	}
	if (nr == _IOC_NR(EVIOCGKEY(0))) {
		memset(argument, 0, size);
		memcpy(argument, state->keys,
		       size < sizeof state->keys ? size : sizeof state->keys);
		return (int)size;
	}
	if (nr == _IOC_NR(EVIOCGLED(0)) || nr == _IOC_NR(EVIOCGSW(0)) ||
	    nr == _IOC_NR(EVIOCGSND(0))) {
		memset(argument, 0, size);
		return (int)size;
	}
	if (nr == _IOC_NR(EVIOCGMTSLOTS(0))) {
		int *values = argument;
		unsigned int code = (unsigned int)values[0];
		for (size_t s = 0; s + 1 < size / sizeof(int) && s < 16; s++)
			values[s + 1] = code > ABS_MT_SLOT && code < ABS_CNT
			                    ? state->slots[s][code - ABS_MT_SLOT]
			                    : 0;
		return 0;
	}
	if (nr >= _IOC_NR(EVIOCGBIT(0, 0)) && nr < _IOC_NR(EVIOCGBIT(EV_MAX, 0)) + 1)
		return shim_bits(device, nr - _IOC_NR(EVIOCGBIT(0, 0)), argument, size);
	if (nr >= _IOC_NR(EVIOCGABS(0)) && nr < _IOC_NR(EVIOCGABS(ABS_MAX)) + 1) {
		unsigned int code = nr - _IOC_NR(EVIOCGABS(0));
		for (size_t k = 0; k < device->abs_count; k++) {
			if (device->abs[k].code != code)
				continue;
			struct input_absinfo info = {.value = state->abs[code],
			                             .minimum = device->abs[k].minimum,
			                             .maximum = device->abs[k].maximum,
			                             .resolution = device->abs[k].resolution};
			if (code == ABS_MT_SLOT)
				info.value = state->slot;
			memcpy(argument, &info, sizeof info);
			return 0;
		}
	}
	errno = EINVAL;
	return -1;
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list args;
	va_start(args, request);
	void *argument = va_arg(args, void *);
	va_end(args);
	struct shim_fd *state = fd >= 0 && fd < SHIM_MAX_FDS ? shim_fds[fd] : NULL;
	if (state)
		return shim_ioctl(fd, state, request, argument);
	static int (*real)(int, unsigned long, ...);
	if (!real)
		shim_real("ioctl", &real, sizeof real);
	return real(fd, request, argument);
}
