/*
 * gesture: touch frames to taps, double taps and two-finger pinch/pan.
 *
 * Named state machines in the manner of libinput's tap machine: each finger
 * has a tap state, the pair of fingers a pinch state, and every transition
 * goes through one function taking a state and an event. Distances are in
 * millimetres on the surface (so a 55-inch table and a 10-inch screen behave
 * alike); time is passed in as microseconds (the evdev timestamps), so tests
 * drive the clock. Taps are reported on release, at once: no timer, and a
 * tap's frame is drawn in the same loop turn.
 *
 *  - tap: a finger down and up within tap_max_us without moving more than
 *    tap_move_mm. Several fingers tapping together give several taps.
 *  - double tap: a tap whose finger came down after the previous tap's
 *    release, within double_tap_us and double_tap_mm of it; reported as a TAP then
 *    a DOUBLE_TAP (the kiosk resets the view).
 *  - pinch: exactly two fingers, one of them moved more than pinch_start_mm:
 *    their taps are cancelled and every frame reports the change of their
 *    spread and centroid until one lifts.
 * A frame after a resync (SYN_DROPPED) cancels every pending tap: what
 * happened in between is unknown. A time earlier than the one before (a
 * clock stepped back) counts as no time passed: it never cancels a tap
 * (though a double tap across it is two taps).
 *
 * With is_tap_at_lift (gesture_pointing_thresholds, for pointing at one
 * spot such as a calibration target), a tap is reported where the finger
 * left the surface, its last position: there a finger held still, or slid
 * onto the spot, means that spot.
 */
#ifndef CONCERTO_INPUT_GESTURE_H
#define CONCERTO_INPUT_GESTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input_message.h"

enum { GESTURE_MAX_SLOTS = 16, GESTURE_MAX_OUTPUT = GESTURE_MAX_SLOTS * 2 + 1 };

struct gesture_thresholds {
	float tap_move_mm;
	uint64_t tap_max_us;
	uint64_t double_tap_us;
	float double_tap_mm;
	float pinch_start_mm;
	bool is_tap_at_lift; /* where the finger left, not where it came down */
};

extern const struct gesture_thresholds gesture_default_thresholds;
/* Pointing: every finger lifted is a tap where it left, however long it
 * was held and however far it slid; a pinch and a resync still cancel. */
extern const struct gesture_thresholds gesture_pointing_thresholds;

/* One finger in one frame: where it is on the surface and on the screen. */
struct gesture_contact {
	bool is_down;
	float x_mm;
	float y_mm;
	float x; /* screen pixels */
	float y;
};

struct gesture_frame {
	struct gesture_contact contacts[GESTURE_MAX_SLOTS];
	uint64_t time_us;
	bool is_resync;
	float target_radius; /* screen pixels of half the 9 mm touch target */
};

enum tap_state {
	TAP_STATE_IDLE,   /* no finger */
	TAP_STATE_TOUCH,  /* down, still a tap candidate */
	TAP_STATE_NO_TAP, /* down, moved, held or part of a pinch */
};

enum tap_event {
	TAP_EVENT_DOWN,
	TAP_EVENT_MOVE_FAR, /* beyond tap_move_mm from where it came down */
	TAP_EVENT_UP,
	TAP_EVENT_CANCEL, /* held too long, a pinch began, or a resync */
};

enum pinch_state {
	PINCH_STATE_IDLE,     /* not exactly two fingers */
	PINCH_STATE_POSSIBLE, /* two fingers, neither moved enough yet */
	PINCH_STATE_ACTIVE,   /* two fingers moving the view */
};

enum pinch_event {
	PINCH_EVENT_TWO_FINGERS,
	PINCH_EVENT_MOVED_FAR,
	PINCH_EVENT_NOT_TWO_FINGERS,
};

struct gesture_finger {
	enum tap_state state;
	uint64_t down_us;
	float down_x_mm;
	float down_y_mm;
	float down_x;
	float down_y;
	float x_mm;
	float y_mm;
	float x;
	float y;
};

struct gesture {
	struct gesture_thresholds thresholds;
	struct gesture_finger fingers[GESTURE_MAX_SLOTS];
	enum pinch_state pinch;
	int pinch_a; /* the two slots of a pinch */
	int pinch_b;
	float pinch_start_mm[2][2]; /* where a and b were when the pair formed */
	float pinch_last[2][2];     /* screen points of the last reported change */
	bool has_last_tap;
	uint64_t last_tap_us;
	float last_tap_x_mm;
	float last_tap_y_mm;
};

void gesture_init(struct gesture *gesture, const struct gesture_thresholds *thresholds);

/* Feeds one frame (all slots as they are after a SYN_REPORT); writes the
 * resulting messages (TAP, DOUBLE_TAP, VIEW) and returns their number. */
size_t gesture_feed(struct gesture *gesture, const struct gesture_frame *frame,
                    struct input_message output[GESTURE_MAX_OUTPUT]);

const char *tap_state_to_str(enum tap_state state);
const char *tap_event_to_str(enum tap_event event);
const char *pinch_state_to_str(enum pinch_state state);
const char *pinch_event_to_str(enum pinch_event event);

/* The transitions, exposed for the unit tests. */
enum tap_state tap_transition(enum tap_state state, enum tap_event event);
enum pinch_state pinch_transition(enum pinch_state state, enum pinch_event event);

#endif
