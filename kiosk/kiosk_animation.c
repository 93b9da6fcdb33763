/*
 * kiosk_animation: one-shot frame timers while the newcomer fades in; see
 * kiosk_animation.h.
 */
#include "kiosk_animation.h"

#include "newcomer.h"

/* Runs on SDL's timer thread: only pushes an event (SDL_PushEvent is
 * thread-safe), the main thread does the drawing. */
static Uint32 kiosk_animation_fired(Uint32 interval, void *context)
{
	(void)interval;
	Uint32 type = (Uint32)(uintptr_t)context;
	SDL_Event event = {.type = type};
	SDL_PushEvent(&event);
	return 0;
}

void kiosk_animation_start(struct kiosk_animation *animation)
{
	if (animation->frame_event == 0) {
		Uint32 type = SDL_RegisterEvents(1);
		/* Without an event type there is no fade: the newcomer just appears. */
		if (type == (Uint32)-1)
			return;
		animation->frame_event = type;
	}
	Uint64 now = SDL_GetTicks64();
	animation->start_ms = now > 0 ? now : 1;
}

void kiosk_animation_stop(struct kiosk_animation *animation)
{
	animation->start_ms = 0;
}

float kiosk_animation_frame(struct kiosk_animation *animation)
{
	if (animation->start_ms == 0)
		return 0.0f;
	float fade = newcomer_fade_at(SDL_GetTicks64() - animation->start_ms);
	if (!(fade > 0.0f)) {
		animation->start_ms = 0;
		return 0.0f;
	}
	if (animation->timer)
		SDL_RemoveTimer(animation->timer);
	animation->timer = SDL_AddTimer(KIOSK_ANIMATION_FRAME_MS, kiosk_animation_fired,
	                                (void *)(uintptr_t)animation->frame_event);
	return fade;
}

bool kiosk_animation_is_frame(const struct kiosk_animation *animation, const SDL_Event *event)
{
	return animation->frame_event != 0 && event->type == animation->frame_event;
}

void kiosk_animation_free(struct kiosk_animation *animation)
{
	if (animation->timer)
		SDL_RemoveTimer(animation->timer);
	*animation = (struct kiosk_animation){0};
}
