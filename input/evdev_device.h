/*
 * evdev_device: one open input node, read through libevdev.
 *
 * Opens and classifies a node, grabs clickers and touch surfaces, and turns
 * what it reads into input messages: events accumulate per slot and per key
 * and are committed at SYN_REPORT; SYN_DROPPED runs libevdev's resync
 * (LIBEVDEV_READ_FLAG_SYNC until -EAGAIN) and rebuilds the touch state from
 * libevdev's slot values; each read drains the descriptor; any error other
 * than -EAGAIN means the device is gone. Event times are asked for on
 * CLOCK_MONOTONIC (EVIOCSCLOCKID): the wall clock steps when the time is
 * set after boot (a Pi has no RTC), and a step inside a touch would
 * cancel its tap or spoil a double tap.
 */
#ifndef CONCERTO_INPUT_EVDEV_DEVICE_H
#define CONCERTO_INPUT_EVDEV_DEVICE_H

#include <stdbool.h>

#include "device_class.h"
#include "gesture.h"
#include "input_message.h"
#include "touch_map.h"

struct evdev_device;

enum evdev_open_result {
	EVDEV_OPEN_OK,
	EVDEV_OPEN_FAILED, /* cannot open or not an evdev node (yet): retry on IN_ATTRIB */
	EVDEV_OPEN_UNUSED, /* a device the kiosk has no use for */
	EVDEV_OPEN_BUSY,   /* another program grabbed it */
};

/* Touches go through a gesture machine tuned by `gestures` (copied). */
enum evdev_open_result evdev_device_open(const char *path,
                                         const struct gesture_thresholds *gestures,
                                         struct evdev_device **device);
void evdev_device_close(struct evdev_device *device);
int evdev_device_fd(const struct evdev_device *device);
enum device_class evdev_device_class(const struct evdev_device *device);

/* Reads everything pending; false when the device is gone (close it). */
bool evdev_device_dispatch(struct evdev_device *device, const struct touch_map *map,
                           const struct input_sink *sink);

#endif
