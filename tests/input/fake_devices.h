/*
 * fake_devices: the input devices the tests plug in, described as data (as
 * libinput's litest does): what the LD_PRELOAD shim answers to libevdev's
 * ioctls, and what the replay test aims at. A 55-inch ten-finger touch
 * table, a presentation clicker (a partial keyboard), a Logitech
 * Spotlight-like remote that shows up as a mouse node plus a keyboard node,
 * a presenter that is an air mouse too (one node), and a full keyboard.
 */
#ifndef CONCERTO_TESTS_FAKE_DEVICES_H
#define CONCERTO_TESTS_FAKE_DEVICES_H

#include <stddef.h>
#include <string.h>

#include <linux/input.h>

enum { FAKE_MAX_CODES = 24 };

struct fake_abs {
	unsigned int code;
	int minimum;
	int maximum;
	int resolution;
};

struct fake_device {
	const char *kind; /* how CONCERTO_FAKE_DEVICES names it: event0=touch,... */
	const char *name;
	struct input_id id;
	unsigned int props[4];
	size_t prop_count;
	unsigned int keys[FAKE_MAX_CODES];
	size_t key_count;
	unsigned int rels[4];
	size_t rel_count;
	struct fake_abs abs[8];
	size_t abs_count;
	int slot_count; /* multitouch slots, 0 for none */
};

/* 1218 x 685 mm of glass over 0..32767: 27 and 48 units per mm. */
#define FAKE_TOUCH_MAX   32767
#define FAKE_TOUCH_RES_X 27
#define FAKE_TOUCH_RES_Y 48

static const struct fake_device fake_devices[] = {
    {
        .kind = "touch",
        .name = "Fake Touch Table 55",
        .id = {BUS_USB, 0x1234, 0x5678, 1},
        .props = {INPUT_PROP_DIRECT},
        .prop_count = 1,
        .keys = {BTN_TOUCH},
        .key_count = 1,
        .abs = {{ABS_X, 0, FAKE_TOUCH_MAX, FAKE_TOUCH_RES_X},
                {ABS_Y, 0, FAKE_TOUCH_MAX, FAKE_TOUCH_RES_Y},
                {ABS_MT_SLOT, 0, 9, 0},
                {ABS_MT_POSITION_X, 0, FAKE_TOUCH_MAX, FAKE_TOUCH_RES_X},
                {ABS_MT_POSITION_Y, 0, FAKE_TOUCH_MAX, FAKE_TOUCH_RES_Y},
                {ABS_MT_TRACKING_ID, 0, 65535, 0}},
        .abs_count = 6,
        .slot_count = 10,
    },
    {
        .kind = "clicker",
        .name = "Fake Wireless Presenter",
        .id = {BUS_USB, 0x1d57, 0xad03, 1},
        .keys = {KEY_PAGEUP, KEY_PAGEDOWN, KEY_B, KEY_DOT, KEY_ESC, KEY_F5, KEY_HOME, KEY_END},
        .key_count = 8,
    },
    {
        .kind = "spotlight-mouse",
        .name = "Fake Spotlight Mouse",
        .id = {BUS_USB, 0x046d, 0xc53e, 1},
        .keys = {BTN_LEFT, BTN_RIGHT, BTN_MIDDLE},
        .key_count = 3,
        .rels = {REL_X, REL_Y, REL_WHEEL},
        .rel_count = 3,
    },
    {
        .kind = "spotlight-keys",
        .name = "Fake Spotlight Keyboard",
        .id = {BUS_USB, 0x046d, 0xc53e, 1},
        .keys = {KEY_ESC, KEY_LEFT, KEY_RIGHT, KEY_B, KEY_F5, KEY_LEFTSHIFT},
        .key_count = 6,
    },
    {
        /* A presenter that is an air mouse too: clicker keys and relative
         * axes on one node, so it is grabbed as a clicker. */
        .kind = "air-mouse",
        .name = "Fake Air Mouse Presenter",
        .id = {BUS_USB, 0x2571, 0x4101, 1},
        .keys = {KEY_PAGEUP, KEY_PAGEDOWN, KEY_B, BTN_LEFT, BTN_RIGHT},
        .key_count = 5,
        .rels = {REL_X, REL_Y},
        .rel_count = 2,
    },
    {
        /* A plain USB keyboard, as a family member or a helper plugs in. */
        .kind = "keyboard",
        .name = "Fake USB Keyboard",
        .id = {BUS_USB, 0x413c, 0x2113, 1},
        .keys = {KEY_ESC, KEY_ENTER, KEY_KPENTER, KEY_SPACE, KEY_BACKSPACE, KEY_B, KEY_F5, KEY_HOME,
                 KEY_END, KEY_PAGEUP, KEY_PAGEDOWN, KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT},
        .key_count = 15,
    },
};

static inline const struct fake_device *fake_device_find(const char *kind, size_t length)
{
	for (size_t k = 0; k < sizeof fake_devices / sizeof *fake_devices; k++)
		if (strlen(fake_devices[k].kind) == length &&
		    strncmp(fake_devices[k].kind, kind, length) == 0)
			return &fake_devices[k];
	return NULL;
}

#endif
