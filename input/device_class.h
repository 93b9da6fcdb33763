/*
 * device_class: what an input device is for, from its capabilities alone.
 *
 * A touch surface has ABS_MT_POSITION_X/Y with slots (protocol B) or
 * ABS_X/Y with BTN_TOUCH; a clicker is anything reporting KEY_PAGEDOWN,
 * KEY_PAGEUP or KEY_RIGHT (clickers are partial keyboards: requiring a full
 * keyboard would ignore them); a pointer has relative axes. Plain C over a
 * capability summary, so the rules are unit-tested without a device.
 */
#ifndef CONCERTO_INPUT_DEVICE_CLASS_H
#define CONCERTO_INPUT_DEVICE_CLASS_H

#include <stdbool.h>

enum device_class {
	DEVICE_CLASS_NONE, /* nothing the kiosk uses: left closed */
	DEVICE_CLASS_MULTITOUCH,
	DEVICE_CLASS_SINGLE_TOUCH,
	DEVICE_CLASS_CLICKER,
	DEVICE_CLASS_POINTER, /* a mouse: read for its moves and clicks, never grabbed */
};

struct device_caps {
	bool has_mt_position;  /* ABS_MT_POSITION_X and _Y */
	bool has_mt_slot;      /* ABS_MT_SLOT: protocol B */
	bool has_abs_position; /* ABS_X and ABS_Y */
	bool has_btn_touch;
	bool has_rel_position; /* REL_X and REL_Y */
	bool has_clicker_key;
};

enum device_class device_classify(const struct device_caps *caps);
/* Clickers and touch surfaces are grabbed: nothing else may read them. */
bool device_class_is_grabbed(enum device_class class);
bool device_class_is_touch(enum device_class class);
const char *device_class_to_str(enum device_class class);

#endif
