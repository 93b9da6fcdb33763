/*
 * kiosk_settle: one re-armed timer per pinch or pan; see kiosk_settle.h.
 */
#include "kiosk_settle.h"

#include <stdint.h>

/* Runs on SDL's timer thread: only pushes an event carrying the move's
 * generation (the parameter packs both, so the thread reads no state). */
static Uint32 kiosk_settle_fired(Uint32 interval, void *parameter)
{
	(void)interval;
	uintptr_t packed = (uintptr_t)parameter;
	SDL_Event event = {.type = (Uint32)(packed >> 16)};
	event.user.code = (Sint32)(packed & 0xffff);
	SDL_PushEvent(&event);
	return 0;
}

void kiosk_settle_moved(struct kiosk_settle *settle)
{
	if (settle->event == 0) {
		Uint32 type = SDL_RegisterEvents(1);
		/* Without an event type every move is drawn in full, as before. */
		if (type == (Uint32)-1 || type > 0xffff)
			return;
		settle->event = type;
	}
	if (settle->timer)
		SDL_RemoveTimer(settle->timer);
	settle->generation++;
	settle->is_moving = true;
	uintptr_t packed = (uintptr_t)settle->event << 16 | settle->generation;
	settle->timer = SDL_AddTimer(KIOSK_SETTLE_MS, kiosk_settle_fired, (void *)packed);
	if (!settle->timer)
		settle->is_moving = false;
}

bool kiosk_settle_is_event(struct kiosk_settle *settle, const SDL_Event *event)
{
	if (settle->event == 0 || event->type != settle->event)
		return false;
	if (event->user.code == settle->generation) {
		settle->is_moving = false;
		settle->timer = 0; /* it fired once and is gone */
	}
	return true;
}

void kiosk_settle_free(struct kiosk_settle *settle)
{
	if (settle->timer)
		SDL_RemoveTimer(settle->timer);
	*settle = (struct kiosk_settle){0};
}
