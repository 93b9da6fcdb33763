/*
 * kiosk_animation: the frames of the round's fade-in, and no others.
 *
 * When a person joins the round the kiosk starts the clock; each frame drawn
 * while the newcomer is still fading arms one SDL timer that pushes a "next
 * frame" event about a frame later, so the loop wakes through its usual wait
 * (SDL_WaitEvent or kiosk_input's poll) and redraws. Once the fade is done
 * no timer is armed and the loop sleeps until something happens.
 */
#ifndef CONCERTO_KIOSK_ANIMATION_H
#define CONCERTO_KIOSK_ANIMATION_H

#include <stdbool.h>

#include <SDL.h>

enum { KIOSK_ANIMATION_FRAME_MS = 16 };

struct kiosk_animation {
	Uint64 start_ms;    /* SDL_GetTicks64 at the reveal; 0 = nothing moves */
	Uint32 frame_event; /* registered event type, 0 until the first start */
	SDL_TimerID timer;
};

/* A newcomer appeared now. */
void kiosk_animation_start(struct kiosk_animation *animation);
/* Any other move: the picture is still from now on. */
void kiosk_animation_stop(struct kiosk_animation *animation);
/* The fade for this frame (0 when nothing moves); ends the animation and
 * arms no more frames once it reaches 0. Call once per frame drawn. */
float kiosk_animation_frame(struct kiosk_animation *animation);
/* true for the animation's own "next frame" event. */
bool kiosk_animation_is_frame(const struct kiosk_animation *animation, const SDL_Event *event);
/* Removes a pending timer (on exit). */
void kiosk_animation_free(struct kiosk_animation *animation);

#endif
