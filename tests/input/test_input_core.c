/*
 * test_input_core: the pure input modules with a controlled clock — key
 * mapping, device classification, touch mapping and calibration, and the
 * tap, double-tap and pinch state machines.
 */
#include <math.h>

#include <linux/input-event-codes.h>

#include "check.h"
#include "device_class.h"
#include "gesture.h"
#include "keymap.h"
#include "touch_map.h"

static void test_keymap(void)
{
	static const struct {
		unsigned code;
		enum action action;
	} cases[] = {
	    {KEY_PAGEDOWN, ACTION_NEXT},   {KEY_RIGHT, ACTION_NEXT},
	    {KEY_DOWN, ACTION_NEXT},       {KEY_SPACE, ACTION_CONFIRM},
	    {KEY_ENTER, ACTION_CONFIRM},   {KEY_KPENTER, ACTION_CONFIRM},
	    {KEY_PAGEUP, ACTION_PREVIOUS}, {KEY_LEFT, ACTION_PREVIOUS},
	    {KEY_UP, ACTION_PREVIOUS},     {KEY_BACKSPACE, ACTION_PREVIOUS},
	    {KEY_HOME, ACTION_FIRST},      {KEY_END, ACTION_LAST},
	    {KEY_B, ACTION_BLANK_TOGGLE},  {KEY_DOT, ACTION_BLANK_TOGGLE},
	    {KEY_W, ACTION_BLANK_TOGGLE},  {KEY_ESC, ACTION_CLEAR},
	    {KEY_F5, ACTION_CLEAR},        {KEY_A, ACTION_NONE},
	    {BTN_LEFT, ACTION_NONE},       {KEY_Q, ACTION_NONE},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		CHECK_INT_EQ(keymap_action(cases[k].code, KEYMAP_PRESS), cases[k].action);
		CHECK_INT_EQ(keymap_action(cases[k].code, KEYMAP_RELEASE), ACTION_NONE);
		CHECK_INT_EQ(keymap_action(cases[k].code, KEYMAP_REPEAT), ACTION_NONE);
	}
	CHECK(keymap_is_clicker_key(KEY_PAGEDOWN));
	CHECK(keymap_is_clicker_key(KEY_RIGHT));
	CHECK(!keymap_is_clicker_key(KEY_A));
}

static void test_device_class(void)
{
	struct device_caps table = {.has_mt_position = true,
	                            .has_mt_slot = true,
	                            .has_abs_position = true,
	                            .has_btn_touch = true};
	CHECK_INT_EQ(device_classify(&table), DEVICE_CLASS_MULTITOUCH);
	struct device_caps protocol_a = {
	    .has_mt_position = true, .has_abs_position = true, .has_btn_touch = true};
	CHECK_INT_EQ(device_classify(&protocol_a), DEVICE_CLASS_SINGLE_TOUCH);
	struct device_caps clicker = {.has_clicker_key = true};
	CHECK_INT_EQ(device_classify(&clicker), DEVICE_CLASS_CLICKER);
	struct device_caps mouse = {.has_rel_position = true};
	CHECK_INT_EQ(device_classify(&mouse), DEVICE_CLASS_POINTER);
	struct device_caps power_button = {0};
	CHECK_INT_EQ(device_classify(&power_button), DEVICE_CLASS_NONE);
	CHECK(device_class_is_grabbed(DEVICE_CLASS_CLICKER));
	CHECK(device_class_is_grabbed(DEVICE_CLASS_MULTITOUCH));
	CHECK(!device_class_is_grabbed(DEVICE_CLASS_POINTER));
	CHECK_STR_EQ(device_class_to_str(DEVICE_CLASS_CLICKER), "clicker");
}

static bool near(float a, float b)
{
	return fabsf(a - b) < 0.5f;
}

static void test_touch_map(void)
{
	struct touch_axis axis = {0, 1000, 10}; /* 100 mm */
	struct touch_map map;
	touch_map_init(&map, 1000, 500);
	float x, y;
	touch_map_to_screen(&map, &axis, &axis, 250, 1000, &x, &y);
	CHECK(near(x, 250) && near(y, 500));
	static const struct {
		int rotation;
		float x, y;
	} rotations[] = {{90, 0, 125}, {180, 750, 0}, {270, 1000, 375}};
	for (size_t k = 0; k < 3; k++) {
		map.rotation = rotations[k].rotation;
		touch_map_to_screen(&map, &axis, &axis, 250, 1000, &x, &y);
		CHECK(near(x, rotations[k].x) && near(y, rotations[k].y));
	}
	map.rotation = 0;
	map.is_mirrored_x = true;
	touch_map_to_screen(&map, &axis, &axis, 250, 1000, &x, &y);
	CHECK(near(x, 750) && near(y, 500));
	CHECK(near(touch_axis_to_mm(&axis, 500, 0), 50));
	struct touch_axis no_resolution = {0, 1000, 0};
	CHECK(near(touch_axis_to_mm(&no_resolution, 500, TOUCH_MAP_FALLBACK_WIDTH_MM), 254));
	map.is_mirrored_x = false;
	CHECK(near(touch_map_pixels_per_mm(&map, &axis, &axis), 5)); /* 500 px over 100 mm */

	/* Calibration: a surface shifted and shrunk is brought back. */
	const float targets[4][2] = {{0.1f, 0.1f}, {0.9f, 0.1f}, {0.9f, 0.9f}, {0.1f, 0.9f}};
	float touched[4][2], matrix[6];
	for (int k = 0; k < 4; k++) {
		touched[k][0] = targets[k][0] * 0.8f + 0.05f;
		touched[k][1] = targets[k][1] * 0.9f + 0.02f;
	}
	CHECK(touch_calibration_solve((const float(*)[2])touched, targets, matrix));
	touch_map_init(&map, 1000, 1000);
	memcpy(map.matrix, matrix, sizeof matrix);
	struct touch_axis unit = {0, 1000, 0};
	touch_map_to_screen(&map, &unit, &unit, (int)(touched[2][0] * 1000),
	                    (int)(touched[2][1] * 1000), &x, &y);
	CHECK(fabsf(x - 900) < 2 && fabsf(y - 900) < 2); /* raw units are whole */
	const float same[4][2] = {{0.5f, 0.5f}, {0.5f, 0.5f}, {0.5f, 0.5f}, {0.5f, 0.5f}};
	CHECK(!touch_calibration_solve(same, targets, matrix));
}

/* A frame with the given fingers down, positions in mm (screen = 10 px/mm). */
static size_t feed(struct gesture *gesture, uint64_t time_us, int count, const float (*mm)[2],
                   struct input_message *output)
{
	struct gesture_frame frame = {.time_us = time_us, .target_radius = 45};
	for (int k = 0; k < count; k++)
		frame.contacts[k] = (struct gesture_contact){true, mm[k][0], mm[k][1],
		                                             mm[k][0] * 10, mm[k][1] * 10};
	return gesture_feed(gesture, &frame, output);
}

static void test_gesture_tap(void)
{
	struct gesture gesture;
	struct input_message out[GESTURE_MAX_OUTPUT];
	gesture_init(&gesture, &gesture_default_thresholds);
	const float one[1][2] = {{100, 50}};
	CHECK_INT_EQ(feed(&gesture, 1000000, 1, one, out), 0);
	CHECK_INT_EQ(gesture.fingers[0].state, TAP_STATE_TOUCH);
	CHECK_INT_EQ(feed(&gesture, 1100000, 0, NULL, out), 1);
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
	CHECK(near(out[0].x, 1000) && near(out[0].y, 500) && near(out[0].radius, 45));

	/* Held too long: no tap. */
	feed(&gesture, 5000000, 1, one, out);
	CHECK_INT_EQ(
	    feed(&gesture, 5000000 + gesture_default_thresholds.tap_max_us + 1, 0, NULL, out), 0);
	/* Moved too far: no tap. */
	feed(&gesture, 9000000, 1, one, out);
	const float moved[1][2] = {{110, 50}};
	feed(&gesture, 9050000, 1, moved, out);
	CHECK_INT_EQ(gesture.fingers[0].state, TAP_STATE_NO_TAP);
	CHECK_INT_EQ(feed(&gesture, 9100000, 0, NULL, out), 0);

	/* Three fingers tapping together: three taps. */
	const float three[3][2] = {{10, 10}, {200, 10}, {400, 300}};
	feed(&gesture, 20000000, 3, three, out);
	CHECK_INT_EQ(gesture.pinch, PINCH_STATE_IDLE);
	CHECK_INT_EQ(feed(&gesture, 20080000, 0, NULL, out), 3);
	CHECK(out[0].kind == INPUT_MESSAGE_TAP && out[2].kind == INPUT_MESSAGE_TAP);

	/* Double tap: a second tap close by and soon after. */
	feed(&gesture, 30000000, 1, one, out);
	CHECK_INT_EQ(feed(&gesture, 30080000, 0, NULL, out), 1);
	const float close[1][2] = {{103, 52}};
	feed(&gesture, 30250000, 1, close, out);
	CHECK_INT_EQ(feed(&gesture, 30330000, 0, NULL, out), 2);
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
	CHECK_INT_EQ(out[1].kind, INPUT_MESSAGE_DOUBLE_TAP);
	/* A third tap starts afresh: a tap, not another double. */
	feed(&gesture, 30450000, 1, one, out);
	CHECK_INT_EQ(feed(&gesture, 30500000, 0, NULL, out), 1);
	/* Too late for a double tap. */
	feed(&gesture, 40000000, 1, one, out);
	feed(&gesture, 40050000, 0, NULL, out);
	feed(&gesture, 41000000, 1, one, out);
	CHECK_INT_EQ(feed(&gesture, 41050000, 0, NULL, out), 1);

	/* A resync cancels the finger's tap. */
	feed(&gesture, 50000000, 1, one, out);
	struct gesture_frame resync = {.time_us = 50050000, .is_resync = true};
	CHECK_INT_EQ(gesture_feed(&gesture, &resync, out), 0);
	CHECK_INT_EQ(gesture.fingers[0].state, TAP_STATE_IDLE);
}

/* Event times from a clock stepped back (the wall clock set after boot):
 * no time passed, so a quick tap stays a tap and a quick second tap a
 * double tap. */
static void test_gesture_clock_backwards(void)
{
	struct gesture gesture;
	struct input_message out[GESTURE_MAX_OUTPUT];
	gesture_init(&gesture, &gesture_default_thresholds);
	const float one[1][2] = {{100, 50}};
	feed(&gesture, 1000000000, 1, one, out);
	CHECK_INT_EQ(feed(&gesture, 999900000, 0, NULL, out), 1); /* lifted "before" */
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
	/* Down again at a time before the release: a tap of its own, since
	 * it cannot be told from a finger that was down all along. */
	feed(&gesture, 999800000, 1, one, out);
	CHECK_INT_EQ(feed(&gesture, 999880000, 0, NULL, out), 1);
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
	/* A hold is still measured from the touch: a time gone back in
	 * between changes nothing. */
	feed(&gesture, 2000000000, 1, one, out);
	feed(&gesture, 1000000000, 1, one, out);
	CHECK_INT_EQ(
	    feed(&gesture, 2000000000 + gesture_default_thresholds.tap_max_us + 1, 0, NULL, out),
	    0);
}

/* Two fingers down together, lifted one after the other close by: two
 * taps, not a double tap (the second was down before the first lifted). */
static void test_gesture_two_fingers_lifted_apart(void)
{
	struct gesture gesture;
	struct input_message out[GESTURE_MAX_OUTPUT];
	gesture_init(&gesture, &gesture_default_thresholds);
	const float two[2][2] = {{100, 50}, {108, 50}};
	CHECK_INT_EQ(feed(&gesture, 3000000000, 2, two, out), 0);
	CHECK_INT_EQ(feed(&gesture, 3000050000, 1, two, out), 1);
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
	CHECK_INT_EQ(feed(&gesture, 3000100000, 0, NULL, out), 1);
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
}

/* Pointing (the calibration screen): a finger held, or slid onto a spot,
 * is a tap where it lifted; a pinch still is no tap. */
static void test_gesture_pointing(void)
{
	struct gesture gesture;
	struct input_message out[GESTURE_MAX_OUTPUT];
	gesture_init(&gesture, &gesture_pointing_thresholds);
	const float one[1][2] = {{100, 50}};
	feed(&gesture, 1000000, 1, one, out);
	const float rolled[1][2] = {{101, 50}};
	feed(&gesture, 1500000, 1, rolled, out);
	CHECK_INT_EQ(feed(&gesture, 1800000, 0, NULL, out), 1); /* held 800 ms */
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_TAP);
	CHECK(near(out[0].x, 1010) && near(out[0].y, 500) && near(out[0].radius, 45));
	/* Slid 50 mm onto the spot, past it and back: where it lifted. */
	const float slide[4][2] = {{60, 80}, {90, 60}, {110, 45}, {100, 50}};
	for (int k = 0; k < 4; k++)
		feed(&gesture, 5000000 + 30000 * (uint64_t)k, 1, &slide[k], out);
	CHECK_INT_EQ(feed(&gesture, 5200000, 0, NULL, out), 1);
	CHECK(out[0].kind == INPUT_MESSAGE_TAP && near(out[0].x, 1000) && near(out[0].y, 500));
	/* Two fingers spreading: a pinch, not two taps. */
	const float start[2][2] = {{90, 50}, {110, 50}}, spread[2][2] = {{70, 50}, {130, 50}};
	feed(&gesture, 9000000, 2, start, out);
	feed(&gesture, 9050000, 2, spread, out);
	CHECK_INT_EQ(feed(&gesture, 9100000, 0, NULL, out), 0);

	/* The kiosk's taps are unchanged: held or slid is no tap. */
	gesture_init(&gesture, &gesture_default_thresholds);
	feed(&gesture, 1000000, 1, one, out);
	CHECK_INT_EQ(feed(&gesture, 1800000, 0, NULL, out), 0);
	for (int k = 0; k < 4; k++)
		feed(&gesture, 5000000 + 30000 * (uint64_t)k, 1, &slide[k], out);
	CHECK_INT_EQ(feed(&gesture, 5200000, 0, NULL, out), 0);
}

static void test_gesture_pinch(void)
{
	struct gesture gesture;
	struct input_message out[GESTURE_MAX_OUTPUT];
	gesture_init(&gesture, &gesture_default_thresholds);
	const float start[2][2] = {{90, 50}, {110, 50}};
	feed(&gesture, 1000000, 2, start, out);
	CHECK_INT_EQ(gesture.pinch, PINCH_STATE_POSSIBLE);
	const float wobble[2][2] = {{91, 50}, {109, 50}};
	CHECK_INT_EQ(feed(&gesture, 1016000, 2, wobble, out), 0);
	CHECK_INT_EQ(gesture.pinch, PINCH_STATE_POSSIBLE);
	const float spread[2][2] = {{70, 50}, {130, 50}}; /* 20 mm to 60 mm */
	CHECK_INT_EQ(feed(&gesture, 1032000, 2, spread, out), 1);
	CHECK_INT_EQ(gesture.pinch, PINCH_STATE_ACTIVE);
	CHECK_INT_EQ(out[0].kind, INPUT_MESSAGE_VIEW);
	CHECK(fabsf(out[0].scale - 3) < 0.01f);
	CHECK(near(out[0].from_x, 1000) && near(out[0].to_x, 1000));
	const float pan[2][2] = {{80, 60}, {140, 60}};
	CHECK_INT_EQ(feed(&gesture, 1048000, 2, pan, out), 1);
	CHECK(fabsf(out[0].scale - 1) < 0.01f && near(out[0].to_x - out[0].from_x, 100) &&
	      near(out[0].to_y - out[0].from_y, 100));
	/* Lifting: the pinch ends and neither finger taps. */
	CHECK_INT_EQ(feed(&gesture, 1064000, 0, NULL, out), 0);
	CHECK_INT_EQ(gesture.pinch, PINCH_STATE_IDLE);

	CHECK_INT_EQ(pinch_transition(PINCH_STATE_IDLE, PINCH_EVENT_MOVED_FAR), PINCH_STATE_IDLE);
	CHECK_INT_EQ(tap_transition(TAP_STATE_NO_TAP, TAP_EVENT_UP), TAP_STATE_IDLE);
	CHECK_STR_EQ(tap_state_to_str(TAP_STATE_NO_TAP), "no-tap");
	CHECK_STR_EQ(tap_event_to_str(TAP_EVENT_MOVE_FAR), "move-far");
	CHECK_STR_EQ(pinch_state_to_str(PINCH_STATE_ACTIVE), "active");
	CHECK_STR_EQ(pinch_event_to_str(PINCH_EVENT_TWO_FINGERS), "two-fingers");
	CHECK_STR_EQ(input_message_kind_to_str(INPUT_MESSAGE_DOUBLE_TAP), "double-tap");
}

int main(void)
{
	test_keymap();
	test_device_class();
	test_touch_map();
	test_gesture_tap();
	test_gesture_clock_backwards();
	test_gesture_two_fingers_lifted_apart();
	test_gesture_pointing();
	test_gesture_pinch();
	return check_report("test_input_core");
}
