/*
 * evdev_device: libevdev reading, framing and resync; see evdev_device.h.
 */
#define _GNU_SOURCE
#include "evdev_device.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <libevdev/libevdev.h>

#include "gesture.h"
#include "keymap.h"

enum { EVDEV_MAX_PENDING_KEYS = 16, EVDEV_TARGET_MM = 9 };
/* A double click: as a finger's double tap (gesture.c), in pixels. */
enum { EVDEV_DOUBLE_CLICK_US = 400000, EVDEV_DOUBLE_CLICK_PX = 8 };

struct evdev_slot {
	bool is_down;
	int x;
	int y;
};

struct evdev_device {
	int fd;
	struct libevdev *evdev;
	enum device_class class;
	struct touch_axis x_axis;
	struct touch_axis y_axis;
	int slot_count;
	int current_slot;
	struct evdev_slot slots[GESTURE_MAX_SLOTS];  /* as of the last event */
	bool is_resynced;                            /* the frame being committed is a resync */
	enum action pending[EVDEV_MAX_PENDING_KEYS]; /* key actions of this frame */
	int pending_count;
	/* A mouse, or a clicker that is an air mouse too (relative axes):
	 * where it points (screen pixels, from the screen's centre at first),
	 * the move and the left click of the frame being built. */
	bool is_pointing;
	bool has_pointer_position;
	float pointer_x;
	float pointer_y;
	int pointer_dx;
	int pointer_dy;
	bool is_left_pressed;
	bool is_left_released;
	/* When it last moved or clicked; 0: never. */
	uint64_t pointer_active_us;
	/* The last click, for a double click: where, and when it was let go. */
	bool has_pointer_click;
	float click_x;
	float click_y;
	uint64_t click_released_us;
	struct gesture gesture;
};

static struct device_caps evdev_caps(const struct libevdev *evdev)
{
	struct device_caps caps = {
	    .has_mt_position = libevdev_has_event_code(evdev, EV_ABS, ABS_MT_POSITION_X) &&
	                       libevdev_has_event_code(evdev, EV_ABS, ABS_MT_POSITION_Y),
	    .has_mt_slot = libevdev_has_event_code(evdev, EV_ABS, ABS_MT_SLOT),
	    .has_abs_position = libevdev_has_event_code(evdev, EV_ABS, ABS_X) &&
	                        libevdev_has_event_code(evdev, EV_ABS, ABS_Y),
	    .has_btn_touch = libevdev_has_event_code(evdev, EV_KEY, BTN_TOUCH),
	    .has_rel_position = libevdev_has_event_code(evdev, EV_REL, REL_X) &&
	                        libevdev_has_event_code(evdev, EV_REL, REL_Y),
	};
	for (unsigned code = 0; code < KEY_MAX && !caps.has_clicker_key; code++)
		caps.has_clicker_key =
		    keymap_is_clicker_key(code) && libevdev_has_event_code(evdev, EV_KEY, code);
	return caps;
}

static struct touch_axis evdev_axis(const struct libevdev *evdev, unsigned code)
{
	const struct input_absinfo *info = libevdev_get_abs_info(evdev, code);
	if (!info)
		return (struct touch_axis){0, 1, 0};
	return (struct touch_axis){info->minimum, info->maximum, info->resolution};
}

/* Copies libevdev's view of the slots (after open or a resync). */
static void evdev_load_slots(struct evdev_device *device)
{
	struct libevdev *evdev = device->evdev;
	if (device->class == DEVICE_CLASS_MULTITOUCH) {
		device->current_slot = libevdev_get_current_slot(evdev);
		for (int s = 0; s < device->slot_count; s++) {
			device->slots[s].is_down =
			    libevdev_get_slot_value(evdev, (unsigned)s, ABS_MT_TRACKING_ID) >= 0;
			device->slots[s].x =
			    libevdev_get_slot_value(evdev, (unsigned)s, ABS_MT_POSITION_X);
			device->slots[s].y =
			    libevdev_get_slot_value(evdev, (unsigned)s, ABS_MT_POSITION_Y);
		}
	} else if (device->class == DEVICE_CLASS_SINGLE_TOUCH) {
		device->slots[0].is_down = libevdev_get_event_value(evdev, EV_KEY, BTN_TOUCH);
		device->slots[0].x = libevdev_get_event_value(evdev, EV_ABS, ABS_X);
		device->slots[0].y = libevdev_get_event_value(evdev, EV_ABS, ABS_Y);
	}
}

enum evdev_open_result evdev_device_open(const char *path,
                                         const struct gesture_thresholds *gestures,
                                         struct evdev_device **result)
{
	*result = NULL;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return EVDEV_OPEN_FAILED;
	struct evdev_device *device = calloc(1, sizeof *device);
	if (!device || libevdev_new_from_fd(fd, &device->evdev) < 0) {
		free(device);
		close(fd);
		return EVDEV_OPEN_FAILED;
	}
	device->fd = fd;
	/* Before anything is read: the kernel drops what it queued on the old
	 * clock. A failure leaves the wall clock, which the gesture machine
	 * survives going back (a tap then may be lost on a forward step). */
	libevdev_set_clock_id(device->evdev, CLOCK_MONOTONIC);
	struct device_caps caps = evdev_caps(device->evdev);
	device->class = device_classify(&caps);
	/* A clicker with relative axes (an air mouse) is grabbed, so SDL
	 * cannot read its pointer either: it points through here too. */
	device->is_pointing = caps.has_rel_position && !device_class_is_touch(device->class);
	if (device->class == DEVICE_CLASS_NONE) {
		evdev_device_close(device);
		return EVDEV_OPEN_UNUSED;
	}
	/* Someone else holding the grab would get every event: not ours. */
	if (device_class_is_grabbed(device->class) &&
	    libevdev_grab(device->evdev, LIBEVDEV_GRAB) < 0) {
		evdev_device_close(device);
		return EVDEV_OPEN_BUSY;
	}
	bool is_mt = device->class == DEVICE_CLASS_MULTITOUCH;
	device->x_axis = evdev_axis(device->evdev, is_mt ? ABS_MT_POSITION_X : ABS_X);
	device->y_axis = evdev_axis(device->evdev, is_mt ? ABS_MT_POSITION_Y : ABS_Y);
	int slots = is_mt ? libevdev_get_num_slots(device->evdev) : 1;
	device->slot_count = slots < 1 ? 1 : slots > GESTURE_MAX_SLOTS ? GESTURE_MAX_SLOTS : slots;
	gesture_init(&device->gesture, gestures);
	evdev_load_slots(device);
	*result = device;
	return EVDEV_OPEN_OK;
}

void evdev_device_close(struct evdev_device *device)
{
	if (!device)
		return;
	libevdev_free(device->evdev);
	close(device->fd);
	free(device);
}

int evdev_device_fd(const struct evdev_device *device)
{
	return device->fd;
}

enum device_class evdev_device_class(const struct evdev_device *device)
{
	return device->class;
}

/* Accumulates one event into the frame being built. */
static void evdev_accumulate(struct evdev_device *device, const struct input_event *event)
{
	struct evdev_slot *slot = NULL;
	if (device->current_slot >= 0 && device->current_slot < device->slot_count)
		slot = &device->slots[device->current_slot];
	if (device->is_pointing) {
		if (event->type == EV_REL && event->code == REL_X)
			device->pointer_dx += event->value;
		else if (event->type == EV_REL && event->code == REL_Y)
			device->pointer_dy += event->value;
		else if (event->type == EV_KEY && event->code == BTN_LEFT && event->value == 1)
			device->is_left_pressed = true;
		else if (event->type == EV_KEY && event->code == BTN_LEFT && event->value == 0)
			device->is_left_released = true;
	}
	if (event->type == EV_KEY) {
		enum action action = keymap_action(event->code, event->value);
		if (action != ACTION_NONE && device->pending_count < EVDEV_MAX_PENDING_KEYS)
			device->pending[device->pending_count++] = action;
		if (event->code == BTN_TOUCH && device->class == DEVICE_CLASS_SINGLE_TOUCH)
			device->slots[0].is_down = event->value != 0;
		return;
	}
	if (event->type != EV_ABS)
		return;
	if (device->class == DEVICE_CLASS_SINGLE_TOUCH) {
		if (event->code == ABS_X)
			device->slots[0].x = event->value;
		else if (event->code == ABS_Y)
			device->slots[0].y = event->value;
		return;
	}
	switch (event->code) {
	case ABS_MT_SLOT:
		device->current_slot = event->value; /* out of range: ignored until valid */
		break;
	case ABS_MT_TRACKING_ID:
		if (slot)
			slot->is_down = event->value >= 0;
		break;
	case ABS_MT_POSITION_X:
		if (slot)
			slot->x = event->value;
		break;
	case ABS_MT_POSITION_Y:
		if (slot)
			slot->y = event->value;
		break;
	default:
		break;
	}
}

static uint64_t evdev_time_us(const struct input_event *event)
{
	return (uint64_t)event->input_event_sec * 1000000u + (uint64_t)event->input_event_usec;
}

/* A mouse's frame: it moves the pointer by its counts (one pixel each, no
 * acceleration), within the screen, and a left click taps where it points.
 * A second click pressed within EVDEV_DOUBLE_CLICK_US of the first's
 * release, a few pixels from it, is a DOUBLE_TAP only (the view back): a
 * double click is a PC habit, and a second TAP would undo the first (a
 * finger's second tap gives both, gesture.c). The kiosk gets the position
 * with every move (kiosk_input keeps only the latest) to draw the cursor
 * there. */
static void evdev_commit_pointer(struct evdev_device *device, uint64_t time_us,
                                 const struct touch_map *map, const struct input_sink *sink)
{
	float width = (float)(map->screen_width > 0 ? map->screen_width : 1);
	float height = (float)(map->screen_height > 0 ? map->screen_height : 1);
	if (!device->has_pointer_position) {
		device->pointer_x = width / 2;
		device->pointer_y = height / 2;
		device->has_pointer_position = true;
	}
	bool is_moved = device->pointer_dx != 0 || device->pointer_dy != 0;
	float x = device->pointer_x + (float)device->pointer_dx;
	float y = device->pointer_y + (float)device->pointer_dy;
	device->pointer_x = x < 0 ? 0 : x > width - 1 ? width - 1 : x;
	device->pointer_y = y < 0 ? 0 : y > height - 1 ? height - 1 : y;
	device->pointer_dx = device->pointer_dy = 0;
	if (is_moved || device->is_left_pressed)
		sink->emit(sink->context, &(struct input_message){.kind = INPUT_MESSAGE_POINTER,
		                                                  .x = device->pointer_x,
		                                                  .y = device->pointer_y});
	/* Still for INPUT_POINTER_REST_MS, its cursor is hidden: the click
	 * shows it (the POINTER above), and taps nothing (nobody could aim). */
	bool was_resting = device->pointer_active_us == 0 || time_us < device->pointer_active_us ||
	                   time_us - device->pointer_active_us >= INPUT_POINTER_REST_MS * 1000ull;
	if (is_moved || device->is_left_pressed)
		device->pointer_active_us = time_us ? time_us : 1;
	if (device->is_left_pressed && was_resting) {
		device->is_left_pressed = false;
		device->has_pointer_click = false;
	}
	if (device->is_left_pressed) {
		bool is_double =
		    device->has_pointer_click && time_us >= device->click_released_us &&
		    time_us - device->click_released_us <= EVDEV_DOUBLE_CLICK_US &&
		    fabsf(device->pointer_x - device->click_x) <= EVDEV_DOUBLE_CLICK_PX &&
		    fabsf(device->pointer_y - device->click_y) <= EVDEV_DOUBLE_CLICK_PX;
		sink->emit(sink->context,
		           &(struct input_message){.kind = is_double ? INPUT_MESSAGE_DOUBLE_TAP
		                                                     : INPUT_MESSAGE_TAP,
		                                   .x = device->pointer_x,
		                                   .y = device->pointer_y,
		                                   .is_from_pointer = true});
		/* A third click starts afresh. */
		device->has_pointer_click = !is_double;
		device->click_x = device->pointer_x;
		device->click_y = device->pointer_y;
		device->click_released_us = UINT64_MAX; /* until it is let go */
	}
	if (device->is_left_released && device->has_pointer_click)
		device->click_released_us = time_us;
	device->is_left_pressed = false;
	device->is_left_released = false;
}

/* SYN_REPORT: the frame is complete; hand its keys and touches on. */
static void evdev_commit(struct evdev_device *device, uint64_t time_us, const struct touch_map *map,
                         const struct input_sink *sink)
{
	for (int k = 0; k < device->pending_count; k++) {
		struct input_message message = {.kind = INPUT_MESSAGE_ACTION,
		                                .action = device->pending[k]};
		sink->emit(sink->context, &message);
	}
	device->pending_count = 0;
	if (device->is_pointing)
		evdev_commit_pointer(device, time_us, map, sink);
	if (!device_class_is_touch(device->class))
		return;
	struct gesture_frame frame = {.time_us = time_us, .is_resync = device->is_resynced};
	frame.target_radius =
	    touch_map_pixels_per_mm(map, &device->x_axis, &device->y_axis) * EVDEV_TARGET_MM / 2;
	for (int s = 0; s < device->slot_count; s++) {
		const struct evdev_slot *slot = &device->slots[s];
		struct gesture_contact *contact = &frame.contacts[s];
		contact->is_down = slot->is_down;
		contact->x_mm =
		    touch_axis_to_mm(&device->x_axis, slot->x, TOUCH_MAP_FALLBACK_WIDTH_MM);
		contact->y_mm =
		    touch_axis_to_mm(&device->y_axis, slot->y, TOUCH_MAP_FALLBACK_HEIGHT_MM);
		touch_map_to_screen(map, &device->x_axis, &device->y_axis, slot->x, slot->y,
		                    &contact->x, &contact->y);
	}
	device->is_resynced = false;
	struct input_message output[GESTURE_MAX_OUTPUT];
	size_t count = gesture_feed(&device->gesture, &frame, output);
	for (size_t k = 0; k < count; k++)
		sink->emit(sink->context, &output[k]);
}

/* After SYN_DROPPED: let libevdev replay the state, then trust its values
 * (libevdev 1.13 may flag the first real events after a resync as SYNC too,
 * so the state is rebuilt from libevdev rather than from those events), and
 * commit it at once as a resync frame: fingers lifted meanwhile end without
 * a tap, fingers still down are no tap candidates any more. */
static int evdev_resync(struct evdev_device *device, uint64_t time_us, const struct touch_map *map,
                        const struct input_sink *sink)
{
	struct input_event event;
	int rc;
	do
		rc = libevdev_next_event(device->evdev, LIBEVDEV_READ_FLAG_SYNC, &event);
	while (rc == LIBEVDEV_READ_STATUS_SYNC);
	device->pending_count = 0; /* keys of a half-lost frame are not trusted */
	evdev_load_slots(device);
	device->is_resynced = true;
	evdev_commit(device, time_us, map, sink);
	return rc;
}

bool evdev_device_dispatch(struct evdev_device *device, const struct touch_map *map,
                           const struct input_sink *sink)
{
	for (;;) {
		struct input_event event;
		int rc = libevdev_next_event(device->evdev, LIBEVDEV_READ_FLAG_NORMAL, &event);
		if (rc == -EAGAIN)
			return true;
		if (rc < 0)
			return false;
		if (rc == LIBEVDEV_READ_STATUS_SYNC && event.type == EV_SYN &&
		    event.code == SYN_DROPPED) {
			rc = evdev_resync(device, evdev_time_us(&event), map, sink);
			if (rc < 0 && rc != -EAGAIN)
				return false;
			continue;
		}
		if (event.type == EV_SYN && event.code == SYN_REPORT)
			evdev_commit(device, evdev_time_us(&event), map, sink);
		else
			evdev_accumulate(device, &event);
	}
}
