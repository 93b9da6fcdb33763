/*
 * input_message: what the input thread hands to the kiosk's main loop.
 *
 * Devices are turned into these few messages (an action, a tap at a screen
 * point, a view change from a pinch, a count of devices) and nothing else
 * crosses the thread boundary: input/ never knows what a node or a person
 * is, the kiosk never reads a device.
 */
#ifndef CONCERTO_INPUT_MESSAGE_H
#define CONCERTO_INPUT_MESSAGE_H

#include <stdbool.h>

#include "actions.h"

/* A mouse still this long has its cursor hidden (kiosk_input); its next
 * click only shows the cursor, since nobody could aim it (evdev_device). */
enum { INPUT_POINTER_REST_MS = 3000 };

enum input_message_kind {
	INPUT_MESSAGE_ACTION,     /* a clicker or keyboard key: action */
	INPUT_MESSAGE_TAP,        /* a finger tapped at (x, y), screen pixels */
	INPUT_MESSAGE_DOUBLE_TAP, /* a second tap at the same place: reset the view */
	INPUT_MESSAGE_VIEW,       /* two fingers moved: scale about from -> to */
	INPUT_MESSAGE_DEVICES,    /* the number of devices in use changed */
	INPUT_MESSAGE_FADE,       /* the kiosk's own idle timer (never from devices) */
	/* A mouse moved or clicked: where it points now, (x, y) in screen
	 * pixels, to show the cursor there. Under its systemd sandbox SDL
	 * reads no input device at all (no netlink, so no libudev), so the
	 * input thread reads mice: a left click comes as a TAP with
	 * is_from_pointer set. */
	INPUT_MESSAGE_POINTER,
	INPUT_MESSAGE_POINTER_IDLE, /* the kiosk's own timer: hide the cursor again */
};

struct input_message {
	enum input_message_kind kind;
	enum action action;
	float x; /* TAP, DOUBLE_TAP: screen pixels */
	float y;
	float radius;         /* TAP: the smallest hit radius, pixels (9 mm target) */
	bool is_from_pointer; /* TAP, DOUBLE_TAP: a mouse's click, not a finger */
	float scale;          /* VIEW: ratio of finger spread, new / old */
	float from_x;         /* VIEW: centroid of the two fingers, old and new */
	float from_y;
	float to_x;
	float to_y;
	int device_count; /* DEVICES */
};

/* Where messages go: the kiosk passes a function that queues them for its
 * main loop (SDL_PushEvent); tests pass one that records them. */
struct input_sink {
	void *context;
	void (*emit)(void *context, const struct input_message *message);
};

const char *input_message_kind_to_str(enum input_message_kind kind);

#endif
