/*
 * keymap: Linux key codes (KEY_*) of clickers and keyboards to actions.
 *
 * One const table; adding a clicker's key is one line. Plain C, no libevdev,
 * so the mapping is unit-tested directly.
 */
#ifndef CONCERTO_INPUT_KEYMAP_H
#define CONCERTO_INPUT_KEYMAP_H

#include <stdbool.h>

#include "actions.h"

enum keymap_value { KEYMAP_RELEASE = 0, KEYMAP_PRESS = 1, KEYMAP_REPEAT = 2 };

/* The action of a key event, ACTION_NONE for unknown keys, releases and
 * autorepeat (a held clicker button must not race through the phases). */
enum action keymap_action(unsigned int code, int value);

/* A clicker is any device reporting one of these (not only full keyboards). */
bool keymap_is_clicker_key(unsigned int code);

#endif
