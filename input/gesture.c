/*
 * gesture: tap, double tap and pinch state machines; see gesture.h.
 */
#include "gesture.h"

#include <math.h>

const struct gesture_thresholds gesture_default_thresholds = {
    .tap_move_mm = 4,        /* a finger rolls a little while tapping */
    .tap_max_us = 500000,    /* families tap slower than laptop users */
    .double_tap_us = 400000, /* from the first release to the second press */
    .double_tap_mm = 12,     /* about a fingertip and a half */
    .pinch_start_mm = 6,     /* beyond a tap's wobble, so two taps stay taps */
};

const struct gesture_thresholds gesture_pointing_thresholds = {
    .tap_move_mm = INFINITY,  /* sliding onto a target: where it stops counts */
    .tap_max_us = UINT64_MAX, /* pressing and holding a target */
    .double_tap_us = 400000,
    .double_tap_mm = 12,
    .pinch_start_mm = 6,
    .is_tap_at_lift = true,
};

enum { TAP_STATE_COUNT = TAP_STATE_NO_TAP + 1, TAP_EVENT_COUNT = TAP_EVENT_CANCEL + 1 };
enum {
	PINCH_STATE_COUNT = PINCH_STATE_ACTIVE + 1,
	PINCH_EVENT_COUNT = PINCH_EVENT_NOT_TWO_FINGERS + 1
};

static const enum tap_state tap_table[TAP_STATE_COUNT][TAP_EVENT_COUNT] = {
    /*                 DOWN             MOVE_FAR         UP               CANCEL */
    [TAP_STATE_IDLE] = {TAP_STATE_TOUCH, TAP_STATE_IDLE, TAP_STATE_IDLE, TAP_STATE_IDLE},
    [TAP_STATE_TOUCH] = {TAP_STATE_TOUCH, TAP_STATE_NO_TAP, TAP_STATE_IDLE, TAP_STATE_NO_TAP},
    [TAP_STATE_NO_TAP] = {TAP_STATE_NO_TAP, TAP_STATE_NO_TAP, TAP_STATE_IDLE, TAP_STATE_NO_TAP},
};

static const enum pinch_state pinch_table[PINCH_STATE_COUNT][PINCH_EVENT_COUNT] = {
    /*                    TWO_FINGERS           MOVED_FAR           NOT_TWO_FINGERS */
    [PINCH_STATE_IDLE] = {PINCH_STATE_POSSIBLE, PINCH_STATE_IDLE, PINCH_STATE_IDLE},
    [PINCH_STATE_POSSIBLE] = {PINCH_STATE_POSSIBLE, PINCH_STATE_ACTIVE, PINCH_STATE_IDLE},
    [PINCH_STATE_ACTIVE] = {PINCH_STATE_ACTIVE, PINCH_STATE_ACTIVE, PINCH_STATE_IDLE},
};

enum tap_state tap_transition(enum tap_state state, enum tap_event event)
{
	if ((unsigned)state >= TAP_STATE_COUNT || (unsigned)event >= TAP_EVENT_COUNT)
		return TAP_STATE_IDLE;
	return tap_table[state][event];
}

enum pinch_state pinch_transition(enum pinch_state state, enum pinch_event event)
{
	if ((unsigned)state >= PINCH_STATE_COUNT || (unsigned)event >= PINCH_EVENT_COUNT)
		return PINCH_STATE_IDLE;
	return pinch_table[state][event];
}

const char *tap_state_to_str(enum tap_state state)
{
	static const char *const names[] = {"idle", "touch", "no-tap"};
	return (unsigned)state < TAP_STATE_COUNT ? names[state] : "?";
}

const char *tap_event_to_str(enum tap_event event)
{
	static const char *const names[] = {"down", "move-far", "up", "cancel"};
	return (unsigned)event < TAP_EVENT_COUNT ? names[event] : "?";
}

const char *pinch_state_to_str(enum pinch_state state)
{
	static const char *const names[] = {"idle", "possible", "active"};
	return (unsigned)state < PINCH_STATE_COUNT ? names[state] : "?";
}

const char *pinch_event_to_str(enum pinch_event event)
{
	static const char *const names[] = {"two-fingers", "moved-far", "not-two-fingers"};
	return (unsigned)event < PINCH_EVENT_COUNT ? names[event] : "?";
}

void gesture_init(struct gesture *gesture, const struct gesture_thresholds *thresholds)
{
	*gesture = (struct gesture){.thresholds = *thresholds, .pinch_a = -1, .pinch_b = -1};
}

static float gesture_distance(float ax, float ay, float bx, float by)
{
	return hypotf(ax - bx, ay - by);
}

/* From `then` to `now`; a clock that went back meanwhile counts as none. */
static uint64_t gesture_elapsed_us(uint64_t now_us, uint64_t then_us)
{
	return now_us > then_us ? now_us - then_us : 0;
}

/* A finger lifted from the TOUCH state: a tap, maybe the second of a pair. */
static size_t gesture_tap(struct gesture *gesture, const struct gesture_finger *finger,
                          uint64_t now_us, float radius, struct input_message *output)
{
	const struct gesture_thresholds *t = &gesture->thresholds;
	bool is_at_lift = t->is_tap_at_lift;
	float x = is_at_lift ? finger->x : finger->down_x;
	float y = is_at_lift ? finger->y : finger->down_y;
	float x_mm = is_at_lift ? finger->x_mm : finger->down_x_mm;
	float y_mm = is_at_lift ? finger->y_mm : finger->down_y_mm;
	size_t count = 0;
	output[count++] =
	    (struct input_message){.kind = INPUT_MESSAGE_TAP, .x = x, .y = y, .radius = radius};
	/* The second tap's finger came down after the first lifted: two
	 * fingers down together and lifted in turn are two taps. */
	bool is_double = gesture->has_last_tap && finger->down_us >= gesture->last_tap_us &&
	                 finger->down_us - gesture->last_tap_us <= t->double_tap_us &&
	                 gesture_distance(x_mm, y_mm, gesture->last_tap_x_mm,
	                                  gesture->last_tap_y_mm) <= t->double_tap_mm;
	if (is_double) {
		output[count++] =
		    (struct input_message){.kind = INPUT_MESSAGE_DOUBLE_TAP, .x = x, .y = y};
		gesture->has_last_tap = false; /* a third tap starts afresh */
	} else {
		gesture->has_last_tap = true;
		gesture->last_tap_us = now_us;
		gesture->last_tap_x_mm = x_mm;
		gesture->last_tap_y_mm = y_mm;
	}
	return count;
}

/* Moves each finger's tap machine through this frame's events. */
static size_t gesture_feed_taps(struct gesture *gesture, const struct gesture_frame *frame,
                                struct input_message *output)
{
	const struct gesture_thresholds *t = &gesture->thresholds;
	size_t count = 0;
	for (int s = 0; s < GESTURE_MAX_SLOTS; s++) {
		struct gesture_finger *finger = &gesture->fingers[s];
		const struct gesture_contact *contact = &frame->contacts[s];
		bool was_down = finger->state != TAP_STATE_IDLE;
		if (contact->is_down && !was_down) {
			finger->state = tap_transition(finger->state, TAP_EVENT_DOWN);
			finger->down_us = frame->time_us;
			finger->down_x_mm = contact->x_mm;
			finger->down_y_mm = contact->y_mm;
			finger->down_x = contact->x;
			finger->down_y = contact->y;
		}
		if (contact->is_down) {
			finger->x_mm = contact->x_mm;
			finger->y_mm = contact->y_mm;
			finger->x = contact->x;
			finger->y = contact->y;
			if (gesture_distance(contact->x_mm, contact->y_mm, finger->down_x_mm,
			                     finger->down_y_mm) > t->tap_move_mm)
				finger->state = tap_transition(finger->state, TAP_EVENT_MOVE_FAR);
			if (frame->is_resync)
				finger->state = tap_transition(finger->state, TAP_EVENT_CANCEL);
			continue;
		}
		if (!was_down)
			continue;
		if (frame->is_resync ||
		    gesture_elapsed_us(frame->time_us, finger->down_us) > t->tap_max_us)
			finger->state = tap_transition(finger->state, TAP_EVENT_CANCEL);
		bool is_tap = finger->state == TAP_STATE_TOUCH;
		finger->state = tap_transition(finger->state, TAP_EVENT_UP);
		if (is_tap)
			count += gesture_tap(gesture, finger, frame->time_us, frame->target_radius,
			                     output + count);
	}
	return count;
}

/* The two-finger machine: forms a pair, starts once a finger moved far,
 * then reports each frame's change of spread and centroid. */
static size_t gesture_feed_pinch(struct gesture *gesture, const struct gesture_frame *frame,
                                 struct input_message *output)
{
	int slots[2], down = 0;
	for (int s = 0; s < GESTURE_MAX_SLOTS; s++)
		if (frame->contacts[s].is_down && down++ < 2)
			slots[down - 1] = s;
	enum pinch_state before = gesture->pinch;
	bool is_same_pair =
	    down == 2 && slots[0] == gesture->pinch_a && slots[1] == gesture->pinch_b;
	if (down != 2 || (before != PINCH_STATE_IDLE && !is_same_pair)) {
		gesture->pinch = pinch_transition(gesture->pinch, PINCH_EVENT_NOT_TWO_FINGERS);
		gesture->pinch_a = gesture->pinch_b = -1;
		if (down != 2)
			return 0;
	}
	struct gesture_finger *a = &gesture->fingers[slots[0]], *b = &gesture->fingers[slots[1]];
	if (gesture->pinch == PINCH_STATE_IDLE) {
		gesture->pinch = pinch_transition(gesture->pinch, PINCH_EVENT_TWO_FINGERS);
		gesture->pinch_a = slots[0];
		gesture->pinch_b = slots[1];
		gesture->pinch_start_mm[0][0] = a->x_mm;
		gesture->pinch_start_mm[0][1] = a->y_mm;
		gesture->pinch_start_mm[1][0] = b->x_mm;
		gesture->pinch_start_mm[1][1] = b->y_mm;
		gesture->pinch_last[0][0] = a->x;
		gesture->pinch_last[0][1] = a->y;
		gesture->pinch_last[1][0] = b->x;
		gesture->pinch_last[1][1] = b->y;
		return 0;
	}
	float start = gesture->thresholds.pinch_start_mm;
	if (gesture->pinch == PINCH_STATE_POSSIBLE &&
	    (gesture_distance(a->x_mm, a->y_mm, gesture->pinch_start_mm[0][0],
	                      gesture->pinch_start_mm[0][1]) > start ||
	     gesture_distance(b->x_mm, b->y_mm, gesture->pinch_start_mm[1][0],
	                      gesture->pinch_start_mm[1][1]) > start)) {
		gesture->pinch = pinch_transition(gesture->pinch, PINCH_EVENT_MOVED_FAR);
		a->state = tap_transition(a->state, TAP_EVENT_CANCEL);
		b->state = tap_transition(b->state, TAP_EVENT_CANCEL);
	}
	if (gesture->pinch != PINCH_STATE_ACTIVE)
		return 0;
	float(*last)[2] = gesture->pinch_last;
	float old_spread = gesture_distance(last[0][0], last[0][1], last[1][0], last[1][1]);
	float new_spread = gesture_distance(a->x, a->y, b->x, b->y);
	struct input_message view = {
	    .kind = INPUT_MESSAGE_VIEW,
	    .scale = old_spread > 1 && new_spread > 1 ? new_spread / old_spread : 1,
	    .from_x = (last[0][0] + last[1][0]) / 2,
	    .from_y = (last[0][1] + last[1][1]) / 2,
	    .to_x = (a->x + b->x) / 2,
	    .to_y = (a->y + b->y) / 2,
	};
	last[0][0] = a->x;
	last[0][1] = a->y;
	last[1][0] = b->x;
	last[1][1] = b->y;
	if (view.scale == 1 && view.from_x == view.to_x && view.from_y == view.to_y)
		return 0;
	output[0] = view;
	return 1;
}

size_t gesture_feed(struct gesture *gesture, const struct gesture_frame *frame,
                    struct input_message output[GESTURE_MAX_OUTPUT])
{
	/* Downs and moves first so a pinch can cancel its fingers' taps before a
	 * release in this same frame would report them. */
	size_t count = 0;
	struct gesture_frame moves = *frame;
	for (int s = 0; s < GESTURE_MAX_SLOTS; s++)
		if (!frame->contacts[s].is_down && gesture->fingers[s].state != TAP_STATE_IDLE)
			moves.contacts[s] =
			    (struct gesture_contact){.is_down = true,
			                             .x_mm = gesture->fingers[s].x_mm,
			                             .y_mm = gesture->fingers[s].y_mm,
			                             .x = gesture->fingers[s].x,
			                             .y = gesture->fingers[s].y};
	count += gesture_feed_taps(gesture, &moves, output + count);
	count += gesture_feed_pinch(gesture, frame, output + count);
	count += gesture_feed_taps(gesture, frame, output + count);
	return count;
}
