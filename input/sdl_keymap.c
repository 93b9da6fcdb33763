/*
 * sdl_keymap: the SDL key bindings; see sdl_keymap.h.
 */
#include "sdl_keymap.h"

#include <stddef.h>

static const struct sdl_key_binding {
	SDL_Keycode key;
	enum action action;
} sdl_key_bindings[] = {
    {SDLK_PAGEDOWN, ACTION_NEXT},   {SDLK_RIGHT, ACTION_NEXT},
    {SDLK_DOWN, ACTION_NEXT},       {SDLK_SPACE, ACTION_CONFIRM},
    {SDLK_RETURN, ACTION_CONFIRM},  {SDLK_KP_ENTER, ACTION_CONFIRM},
    {SDLK_PAGEUP, ACTION_PREVIOUS}, {SDLK_LEFT, ACTION_PREVIOUS},
    {SDLK_UP, ACTION_PREVIOUS},     {SDLK_BACKSPACE, ACTION_PREVIOUS},
    {SDLK_HOME, ACTION_FIRST},      {SDLK_END, ACTION_LAST},
    {SDLK_b, ACTION_BLANK_TOGGLE},  {SDLK_PERIOD, ACTION_BLANK_TOGGLE},
    {SDLK_w, ACTION_BLANK_TOGGLE},  {SDLK_ESCAPE, ACTION_CLEAR},
    {SDLK_F5, ACTION_CLEAR},
#ifdef CONCERTO_DEBUG
    {SDLK_q, ACTION_QUIT},
#endif
};

enum action sdl_keymap_action(const SDL_KeyboardEvent *key)
{
	/* A held key repeats on a desktop (and through SDL's own evdev
	 * reader): Next held down must not race through the phases. */
	if (key->repeat)
		return ACTION_NONE;
	for (size_t k = 0; k < sizeof sdl_key_bindings / sizeof *sdl_key_bindings; k++)
		if (sdl_key_bindings[k].key == key->keysym.sym)
			return sdl_key_bindings[k].action;
	return ACTION_NONE;
}
