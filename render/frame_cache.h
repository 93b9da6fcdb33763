/*
 * frame_cache: the last diagram frame, kept in a render-target texture of
 * the screen's size, so that a frame drawn again at the same state costs
 * one texture copy instead of thousands of anti-aliased triangles.
 *
 * The key says what the texture holds: the model, layout, text cache and
 * palette (by identity: the owner calls frame_cache_invalidate whenever it
 * replaces one of them, as a new one may reuse the old one's address), the
 * phase position, the spotlights, the view, the screen size, and whether
 * the round's newcomer was left out. While the newcomer fades in
 * (context->newcomer_fade > 0) the cache keeps the frame without it and
 * draws only the newcomer over each copy; when the fade is over one full
 * draw replaces it, pixel for pixel what draw_frame draws.
 *
 * The texture holds a family's picture: frame_cache_clear wipes its pixels
 * before destroying it, and the kiosk calls it whenever the session goes.
 * A renderer without target textures gets every frame drawn directly.
 */
#ifndef CONCERTO_FRAME_CACHE_H
#define CONCERTO_FRAME_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "draw.h"
#include "layout.h"
#include "phases.h"
#include "situation.h"

/* Spotlights remembered in a key; a state with more is never cached. */
enum { FRAME_CACHE_MAX_SPOTLIGHTS = 64 };

/* What to draw: one phase position of a situation, seen through a view. */
struct frame_state {
	const struct situation *situation;
	const struct layout *layout;       /* as laid out: the identity view */
	const struct layout *shown_layout; /* moved through the view, to draw; NULL: layout */
	struct phase_position position;
	const int *spotlights;
	size_t spotlight_count;
	float view_scale; /* the pinch-and-pan view the layout was moved by; */
	float view_dx;    /* 1, 0, 0 without one */
	float view_dy;
};

struct frame_cache_key {
	const struct situation *situation;
	const struct layout *layout;
	const struct text_cache *text;
	const struct palette *palette;
	struct phase_position position;
	int spotlights[FRAME_CACHE_MAX_SPOTLIGHTS]; /* sorted: a set */
	size_t spotlight_count;
	float view_scale;
	float view_dx;
	float view_dy;
	int width;
	int height;
	bool is_newcomer_left_out;
};

/* How the frames were made, for tests and the benchmark. */
struct frame_cache_stats {
	unsigned long hits;      /* frames that were one copy of the texture */
	unsigned long misses;    /* frames drawn in full (into the texture or not) */
	unsigned long newcomers; /* newcomers drawn over a frame without them */
	unsigned long moved;     /* frames that were the texture moved and scaled */
};

/* Zero-initialise, then set renderer. */
struct frame_cache {
	SDL_Renderer *renderer;
	SDL_Texture *texture;
	struct frame_cache_key key;
	bool is_valid;       /* the texture holds key's frame */
	bool is_unsupported; /* the renderer has no target textures */
	struct frame_cache_stats stats;
};

/*
 * Draws the frame of `state` on the renderer's current target with
 * `context` (whose newcomer_fade says how far the newcomer is), from the
 * texture when it holds that frame, else drawn in full and kept. false
 * when out of memory (nothing drawn).
 */
bool frame_cache_draw(struct frame_cache *cache, struct draw_context *context,
                      const struct frame_state *state);

/* Whether frame_cache_draw would copy state's frame from the texture
 * rather than draw it in full (the newcomer's own pass aside). */
bool frame_cache_holds(const struct frame_cache *cache, const struct draw_context *context,
                       const struct frame_state *state);

/*
 * While a pinch or a pan moves: the kept frame, scaled and moved from the
 * view it was drawn at to state's view, over paper (text and title band
 * scale with it, for a moment). false, with nothing drawn, unless the cache
 * holds state's frame at some view and no newcomer is fading: the caller
 * then draws with frame_cache_draw. Once the fingers rest, the caller draws
 * the view in full with frame_cache_draw.
 */
bool frame_cache_draw_moved(struct frame_cache *cache, struct draw_context *context,
                            const struct frame_state *state);

/* The texture no longer counts (new layout, model, text cache or theme). */
void frame_cache_invalidate(struct frame_cache *cache);

/* Wipes the texture's pixels and destroys it; the cache stays usable and
 * makes a new texture at its next frame. For the session's end and exit. */
void frame_cache_clear(struct frame_cache *cache);

#endif
