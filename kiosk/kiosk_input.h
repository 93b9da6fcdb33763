/*
 * kiosk_input: the bridge between the input thread and the kiosk's SDL
 * loop, and the loop's sleep.
 *
 * - Starts input/'s thread on the configured input directory and carries
 *   its messages to the main loop as SDL events (SDL_PushEvent from the
 *   input thread, decoded on the main thread). With --calibrate a touch
 *   is wherever a finger lifts, however long it was held or far it slid
 *   (gesture_pointing_thresholds); the kiosk's taps stay quick and still.
 * - Sleeps: SDL_WaitEvent on drivers whose wait really blocks (x11,
 *   wayland); elsewhere (kmsdrm, dummy) SDL 2.26 would poll every
 *   millisecond, so the loop blocks in poll() on an eventfd that an SDL
 *   event watch signals on every pushed event (a signal such as SIGTERM
 *   interrupts the poll and is pumped into SDL_QUIT).
 * - Fades the spotlights after two idle minutes with one SDL timer, armed
 *   only while spotlights are on.
 * - With --report-state, prints state changes to stdout as words and
 *   numbers (node indices, never a name) for the tests.
 */
#ifndef CONCERTO_KIOSK_INPUT_H
#define CONCERTO_KIOSK_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "cli.h"
#include "config.h"
#include "input_message.h"
#include "layout.h"
#include "phases.h"

enum {
	KIOSK_INPUT_FADE_MS = 120000,
	/* Full screen, the mouse cursor shows while a mouse moves or clicks,
	 * and hides this long after (a click after such a rest only shows it:
	 * evdev_device). */
	KIOSK_INPUT_CURSOR_MS = INPUT_POINTER_REST_MS,
};

struct kiosk_input;

/* Whether the input thread reads mice (their clicks come as TAP messages,
 * the cursor is placed by kiosk_input): wherever SDL cannot wait on its own
 * (KMSDRM, under a sandbox where SDL reads no device). The kiosk then
 * ignores SDL's own mouse buttons, which would tap twice where SDL does
 * read mice too. On X11 and Wayland SDL's mouse is the one. */
bool kiosk_input_owns_mouse(const struct kiosk_input *input);
/* SDL's own mouse moved or clicked (where SDL reads it): show the cursor
 * in full screen, as for the input thread's mice. */
void kiosk_input_note_sdl_mouse(struct kiosk_input *input);

/* NULL when SDL cannot register events (the loop then uses SDL_WaitEvent
 * and SDL's own input only); every function accepts NULL. */
struct kiosk_input *kiosk_input_start(const struct kiosk_config *config,
                                      const struct cli_options *options, int width, int height);
void kiosk_input_stop(struct kiosk_input *input);

/* Blocks until an event is queued; 0 on error, as SDL_WaitEvent. */
int kiosk_input_wait(struct kiosk_input *input, SDL_Event *event);

/* true when the event is an input message for the kiosk to act on. */
bool kiosk_input_decode(struct kiosk_input *input, const SDL_Event *event,
                        struct input_message *message);

void kiosk_input_set_screen(struct kiosk_input *input, int width, int height);
/* Someone acted: restarts the idle clock; the fade timer runs only while
 * spotlights are on. */
void kiosk_input_note_activity(struct kiosk_input *input, size_t spotlight_count);

/* --report-state: one "state ..." line when it differs from the last:
 * phase n/m, step k/n, spotlights (node indices), blank, view scale. */
void kiosk_input_report_state(struct kiosk_input *input, const struct situation *situation,
                              struct phase_position position, const int *spotlights,
                              size_t spotlight_count, bool is_blank, float scale);
/* --report-state: where each node's symbol is, for tests to aim at. */
void kiosk_input_report_layout(struct kiosk_input *input, const struct layout *layout);

#endif
