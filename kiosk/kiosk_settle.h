/*
 * kiosk_settle: the crisp frame after a pinch or a pan.
 *
 * While two fingers move the diagram, the kiosk shows the frame it kept,
 * moved and scaled on the screen (one texture copy: frame_cache_draw_moved)
 * instead of drawing every shape again at each step. KIOSK_SETTLE_MS after
 * the last move one SDL timer pushes an event and the kiosk draws the view
 * in full, with text at its size again. The timer is armed only by a move:
 * nothing wakes the kiosk while nothing happens.
 */
#ifndef CONCERTO_KIOSK_SETTLE_H
#define CONCERTO_KIOSK_SETTLE_H

#include <stdbool.h>

#include <SDL.h>

enum { KIOSK_SETTLE_MS = 150 };

struct kiosk_settle {
	Uint32 event; /* registered event type, 0 until the first move */
	SDL_TimerID timer;
	Uint16 generation; /* of the last move: an older timer's event is stale */
	bool is_moving;    /* a move came and the full frame has not followed */
};

/* The view moved now: show moved frames until KIOSK_SETTLE_MS of calm. */
void kiosk_settle_moved(struct kiosk_settle *settle);
/* true for the settle timer's event; the last move's one ends the moving
 * (time for the full frame), an older one changes nothing. */
bool kiosk_settle_is_event(struct kiosk_settle *settle, const SDL_Event *event);
/* Removes a pending timer (on exit). */
void kiosk_settle_free(struct kiosk_settle *settle);

#endif
