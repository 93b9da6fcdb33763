/*
 * fake_nodes: the test's side of the fake evdev nodes the LD_PRELOAD shim
 * (fake_evdev_shim.c) opens for the kiosk. A node is a listening
 * SOCK_SEQPACKET socket in the --input-dir folder; the kiosk connecting is
 * the device opened, a message is one evdev frame (its events and the
 * SYN_REPORT closing it), closing the socket and unlinking the node is an
 * unplug. The shim writes back on the connection the clock the kiosk asked
 * its event times on (EVIOCSCLOCKID). Small static functions returning
 * success, so any test (replay, soak) counts failures its own way.
 */
#ifndef CONCERTO_TESTS_FAKE_NODES_H
#define CONCERTO_TESTS_FAKE_NODES_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <linux/input.h>

enum { FAKE_FRAME_MAX = 64 };

struct fake_node {
	char path[300];
	int listen_fd;
	int fd; /* the kiosk's connection, once accepted */
};

/* One evdev frame being built, stamped with the recording's own clock. */
struct fake_frame {
	struct input_event events[FAKE_FRAME_MAX];
	size_t count;
};

static inline void fake_frame_add(struct fake_frame *frame, uint64_t clock_us, unsigned type,
                                  unsigned code, int value)
{
	if (frame->count == FAKE_FRAME_MAX)
		return;
	struct input_event *event = &frame->events[frame->count++];
	memset(event, 0, sizeof *event);
	event->input_event_sec = (time_t)(clock_us / 1000000);
	event->input_event_usec = (suseconds_t)(clock_us % 1000000);
	event->type = (unsigned short)type;
	event->code = (unsigned short)code;
	event->value = value;
}

/* Closes the frame with SYN_REPORT and sends it as one message; blocks
 * while the kiosk has not read the previous ones (the socket's buffer). */
static inline bool fake_node_send(const struct fake_node *node, struct fake_frame *frame,
                                  uint64_t clock_us)
{
	fake_frame_add(frame, clock_us, EV_SYN, SYN_REPORT, 0);
	size_t size = frame->count * sizeof *frame->events;
	frame->count = 0;
	return node->fd >= 0 && send(node->fd, frame->events, size, MSG_NOSIGNAL) == (ssize_t)size;
}

/* A node appears as udev makes it: created, then its mode set. */
static inline bool fake_node_plug(struct fake_node *node, const char *dir, const char *name)
{
	snprintf(node->path, sizeof node->path, "%.200s/%.80s", dir, name);
	unlink(node->path);
	node->fd = -1;
	node->listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	struct sockaddr_un address = {.sun_family = AF_UNIX};
	snprintf(address.sun_path, sizeof address.sun_path, "%.100s", node->path);
	if (node->listen_fd < 0 ||
	    bind(node->listen_fd, (struct sockaddr *)&address, sizeof address) != 0 ||
	    listen(node->listen_fd, 4) != 0)
		return false;
	chmod(node->path, 0660);
	return true;
}

/* Waits up to `timeout_ms` for the kiosk to open the node. */
static inline bool fake_node_accept(struct fake_node *node, int timeout_ms)
{
	struct pollfd ready = {.fd = node->listen_fd, .events = POLLIN};
	if (poll(&ready, 1, timeout_ms) != 1)
		return false;
	node->fd = accept4(node->listen_fd, NULL, NULL, SOCK_CLOEXEC);
	return node->fd >= 0;
}

/* The clock the kiosk last asked for on this node (CLOCK_MONOTONIC, ...),
 * waiting up to `timeout_ms` for the first word of it; -1 when none came. */
static inline int fake_node_clock(const struct fake_node *node, int timeout_ms)
{
	struct pollfd ready = {.fd = node->fd, .events = POLLIN};
	int clock_id = -1, next;
	if (node->fd < 0 || poll(&ready, 1, timeout_ms) != 1)
		return -1;
	while (recv(node->fd, &next, sizeof next, MSG_DONTWAIT) == (ssize_t)sizeof next)
		clock_id = next;
	return clock_id;
}

static inline void fake_node_unplug(struct fake_node *node)
{
	if (node->fd >= 0)
		close(node->fd);
	if (node->listen_fd >= 0)
		close(node->listen_fd);
	unlink(node->path);
	node->fd = node->listen_fd = -1;
}

#endif
