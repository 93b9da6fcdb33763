/*
 * test_sdl_keymap: the keys SDL delivers map to the same actions as the
 * same keys read from evdev (keymap.c), no binding is in one table only,
 * and a held key's autorepeat does nothing on either path.
 */
#include <linux/input-event-codes.h>

#include "check.h"
#include "keymap.h"
#include "sdl_keymap.h"

/* Each key both tables bind, as SDL names it and as the kernel does. */
static const struct {
	SDL_Keycode sdl;
	unsigned int evdev;
} same_keys[] = {
    {SDLK_PAGEDOWN, KEY_PAGEDOWN},
    {SDLK_RIGHT, KEY_RIGHT},
    {SDLK_DOWN, KEY_DOWN},
    {SDLK_SPACE, KEY_SPACE},
    {SDLK_RETURN, KEY_ENTER},
    {SDLK_KP_ENTER, KEY_KPENTER},
    {SDLK_PAGEUP, KEY_PAGEUP},
    {SDLK_LEFT, KEY_LEFT},
    {SDLK_UP, KEY_UP},
    {SDLK_BACKSPACE, KEY_BACKSPACE},
    {SDLK_HOME, KEY_HOME},
    {SDLK_END, KEY_END},
    {SDLK_b, KEY_B},
    {SDLK_PERIOD, KEY_DOT},
    {SDLK_w, KEY_W},
    {SDLK_ESCAPE, KEY_ESC},
    {SDLK_F5, KEY_F5},
};
enum { SAME_KEY_COUNT = sizeof same_keys / sizeof *same_keys };

static enum action press(SDL_Keycode key, int repeat)
{
	SDL_KeyboardEvent event = {.type = SDL_KEYDOWN, .state = SDL_PRESSED};
	event.repeat = (Uint8)repeat;
	event.keysym.sym = key;
	return sdl_keymap_action(&event);
}

static bool is_listed_sdl(SDL_Keycode key)
{
	for (size_t k = 0; k < SAME_KEY_COUNT; k++)
		if (same_keys[k].sdl == key)
			return true;
	return false;
}

static bool is_listed_evdev(unsigned int code)
{
	for (size_t k = 0; k < SAME_KEY_COUNT; k++)
		if (same_keys[k].evdev == code)
			return true;
	return false;
}

static void test_same_actions(void)
{
	for (size_t k = 0; k < SAME_KEY_COUNT; k++) {
		enum action sdl = press(same_keys[k].sdl, 0);
		CHECK(sdl != ACTION_NONE);
		CHECK_INT_EQ(sdl, keymap_action(same_keys[k].evdev, KEYMAP_PRESS));
	}
}

/* A binding added to one table only fails here until the other has it. */
static void test_no_binding_in_one_table_only(void)
{
	for (unsigned int code = 0; code <= KEY_MAX; code++)
		if (keymap_action(code, KEYMAP_PRESS) != ACTION_NONE && !is_listed_evdev(code)) {
			fprintf(stderr, "evdev key %u is bound, SDL's is not\n", code);
			CHECK(false);
		}
	/* SDL key codes: characters below 128, the rest scancodes with a mask. */
	for (SDL_Keycode key = 0; key < 128; key++)
		if (press(key, 0) != ACTION_NONE && !is_listed_sdl(key)) {
			fprintf(stderr, "SDL key %d is bound, evdev's is not\n", (int)key);
			CHECK(false);
		}
	for (int scancode = 0; scancode < SDL_NUM_SCANCODES; scancode++) {
		SDL_Keycode key = SDL_SCANCODE_TO_KEYCODE(scancode);
		if (press(key, 0) != ACTION_NONE && !is_listed_sdl(key)) {
			fprintf(stderr, "SDL key 0x%x is bound, evdev's is not\n", (unsigned)key);
			CHECK(false);
		}
	}
}

static void test_autorepeat_does_nothing(void)
{
	for (size_t k = 0; k < SAME_KEY_COUNT; k++) {
		CHECK_INT_EQ(press(same_keys[k].sdl, 1), ACTION_NONE);
		CHECK_INT_EQ(keymap_action(same_keys[k].evdev, KEYMAP_REPEAT), ACTION_NONE);
	}
	CHECK_INT_EQ(press(SDLK_a, 0), ACTION_NONE);
}

int main(void)
{
	test_same_actions();
	test_no_binding_in_one_table_only();
	test_autorepeat_does_nothing();
	return check_report("test_sdl_keymap");
}
