/*
 * keymap: the clicker and keyboard bindings; see keymap.h.
 */
#include "keymap.h"

#include <stddef.h>

#include <linux/input-event-codes.h>

static const struct key_binding {
	unsigned int code;
	enum action action;
} key_bindings[] = {
    {KEY_PAGEDOWN, ACTION_NEXT},      {KEY_RIGHT, ACTION_NEXT},       {KEY_DOWN, ACTION_NEXT},
    {KEY_SPACE, ACTION_CONFIRM},      {KEY_ENTER, ACTION_CONFIRM},    {KEY_KPENTER, ACTION_CONFIRM},
    {KEY_PAGEUP, ACTION_PREVIOUS},    {KEY_LEFT, ACTION_PREVIOUS},    {KEY_UP, ACTION_PREVIOUS},
    {KEY_BACKSPACE, ACTION_PREVIOUS}, {KEY_HOME, ACTION_FIRST},       {KEY_END, ACTION_LAST},
    {KEY_B, ACTION_BLANK_TOGGLE},     {KEY_DOT, ACTION_BLANK_TOGGLE}, {KEY_W, ACTION_BLANK_TOGGLE},
    {KEY_ESC, ACTION_CLEAR},          {KEY_F5, ACTION_CLEAR},
};

static const unsigned int clicker_keys[] = {KEY_PAGEDOWN, KEY_PAGEUP, KEY_RIGHT};

enum action keymap_action(unsigned int code, int value)
{
	if (value != KEYMAP_PRESS)
		return ACTION_NONE;
	for (size_t k = 0; k < sizeof key_bindings / sizeof *key_bindings; k++)
		if (key_bindings[k].code == code)
			return key_bindings[k].action;
	return ACTION_NONE;
}

bool keymap_is_clicker_key(unsigned int code)
{
	for (size_t k = 0; k < sizeof clicker_keys / sizeof *clicker_keys; k++)
		if (clicker_keys[k] == code)
			return true;
	return false;
}
