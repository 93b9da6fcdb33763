/*
 * sdl_keymap: the keys SDL delivers to actions, for the keyboards the input
 * thread does not read itself (a desktop window, a keyboard it did not grab).
 *
 * The same bindings as keymap.c's evdev table, and the same rule for a held
 * key: only the press counts, never SDL's autorepeat, so holding Page Down
 * moves one step whichever path the key took. test_sdl_keymap checks the two
 * tables against each other.
 */
#ifndef CONCERTO_INPUT_SDL_KEYMAP_H
#define CONCERTO_INPUT_SDL_KEYMAP_H

#include <SDL.h>

#include "actions.h"

/* The action of an SDL_KEYDOWN event; ACTION_NONE for unknown keys and for
 * autorepeat. */
enum action sdl_keymap_action(const SDL_KeyboardEvent *key);

#endif
