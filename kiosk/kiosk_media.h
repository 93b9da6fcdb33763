/*
 * kiosk_media: the kiosk's side of the USB key — which screen shows (idle,
 * empty key, chooser, or the situation the kiosk holds), the SDL events the
 * watcher thread sends when a key comes and goes, and the chooser's
 * selection driven by actions and taps.
 *
 * It never touches the kiosk's session itself: it answers each event with an
 * outcome, and on KIOSK_MEDIA_OPEN hands over a freshly loaded session (all
 * or nothing: the kiosk swaps it in whole) and on KIOSK_MEDIA_CLOSE asks the
 * kiosk to wipe what it holds. Holds the key's titles only while the key is
 * in, and wipes them when it goes.
 */
#ifndef CONCERTO_KIOSK_MEDIA_H
#define CONCERTO_KIOSK_MEDIA_H

#include <stdbool.h>

#include <SDL.h>

#include "actions.h"
#include "cli.h"
#include "config.h"
#include "draw.h"
#include "session.h"

enum kiosk_media_outcome {
	KIOSK_MEDIA_IGNORED, /* not for the media side: the kiosk handles it */
	KIOSK_MEDIA_REDRAW,
	KIOSK_MEDIA_OPEN,  /* *opened holds the session to swap in */
	KIOSK_MEDIA_CLOSE, /* drop and wipe the kiosk's session */
};

struct kiosk_media;

/* After SDL_Init. Watches keys when is_watching (no FILE, no --demo); the
 * roots are options->media_roots, else config's (config_defaults when NULL).
 * NULL when out of memory; a kiosk without mountinfo still runs. */
struct kiosk_media *kiosk_media_new(const struct cli_options *options,
                                    const struct kiosk_config *config, bool is_watching);
/* Stops the watcher, frees keys still queued, wipes the titles. */
void kiosk_media_free(struct kiosk_media *media);

/* A watcher event (key in or out); KIOSK_MEDIA_IGNORED for any other. */
enum kiosk_media_outcome kiosk_media_handle_event(struct kiosk_media *media, const SDL_Event *event,
                                                  struct session *opened);
/* An action while the media side has the screen (chooser, or a chosen
 * file's errors with other files to go back to): Next and Previous move the
 * selection, ACTION_CONFIRM (Enter, Space) and ACTION_CLEAR (F5, Esc) open
 * it. Whatever the keys come through, evdev or SDL, they arrive here as
 * actions. */
enum kiosk_media_outcome kiosk_media_handle_action(struct kiosk_media *media, enum action action,
                                                   struct session *opened);
enum kiosk_media_outcome kiosk_media_handle_tap(struct kiosk_media *media, float x, float y,
                                                int width, int height, struct session *opened);

/* Draws the idle, empty-key or chooser screen; false when the kiosk's own
 * session is to be shown instead. */
bool kiosk_media_draw(struct kiosk_media *media, struct draw_context *context);

/* --report-screens: one line on stdout per change of screen, with words
 * and numbers only ("screen chooser files=3 selected=1"). */
void kiosk_media_report(struct kiosk_media *media, bool is_blank, const struct session *session,
                        size_t phase);

#endif
