/*
 * frame_cache: a render-target texture holding the last diagram frame; see
 * frame_cache.h.
 */
#include "frame_cache.h"

#include <math.h>

#include "scene.h"

static void frame_cache_make_key(struct frame_cache_key *key, const struct draw_context *context,
                                 const struct frame_state *state, bool is_newcomer_left_out)
{
	*key = (struct frame_cache_key){
	    .situation = state->situation,
	    .layout = state->layout,
	    .text = context->text,
	    .palette = context->palette,
	    .position = state->position,
	    .spotlight_count = state->spotlight_count,
	    .view_scale = state->view_scale,
	    .view_dx = state->view_dx,
	    .view_dy = state->view_dy,
	    .width = context->width,
	    .height = context->height,
	    .is_newcomer_left_out = is_newcomer_left_out,
	};
	/* The same spotlights touched in another order light up the same frame. */
	for (size_t k = 0; k < state->spotlight_count && k < FRAME_CACHE_MAX_SPOTLIGHTS; k++) {
		size_t at = k;
		while (at > 0 && key->spotlights[at - 1] > state->spotlights[k]) {
			key->spotlights[at] = key->spotlights[at - 1];
			at--;
		}
		key->spotlights[at] = state->spotlights[k];
	}
}

static bool frame_cache_key_equal(const struct frame_cache_key *a, const struct frame_cache_key *b,
                                  bool is_view_compared)
{
	if (is_view_compared && (a->view_scale != b->view_scale || a->view_dx != b->view_dx ||
	                         a->view_dy != b->view_dy))
		return false;
	if (a->situation != b->situation || a->layout != b->layout || a->text != b->text ||
	    a->palette != b->palette || a->position.phase != b->position.phase ||
	    a->position.step != b->position.step || a->spotlight_count != b->spotlight_count ||
	    a->width != b->width || a->height != b->height ||
	    a->is_newcomer_left_out != b->is_newcomer_left_out)
		return false;
	for (size_t k = 0; k < a->spotlight_count && k < FRAME_CACHE_MAX_SPOTLIGHTS; k++)
		if (a->spotlights[k] != b->spotlights[k])
			return false;
	return true;
}

/* Transparent black over every pixel, drawn through the renderer so it
 * reaches the texture wherever it lives (system memory or the GPU). */
static void frame_cache_wipe(struct frame_cache *cache)
{
	SDL_Renderer *renderer = cache->renderer;
	SDL_Texture *target = SDL_GetRenderTarget(renderer);
	Uint8 r = 0, g = 0, b = 0, a = 0;
	SDL_GetRenderDrawColor(renderer, &r, &g, &b, &a);
	if (SDL_SetRenderTarget(renderer, cache->texture) == 0) {
		SDL_SetRenderDrawColor(renderer, 0, 0, 0, 0);
		SDL_RenderClear(renderer);
		SDL_RenderFlush(renderer);
	}
	SDL_SetRenderTarget(renderer, target);
	SDL_SetRenderDrawColor(renderer, r, g, b, a);
}

void frame_cache_clear(struct frame_cache *cache)
{
	if (cache->texture) {
		frame_cache_wipe(cache);
		SDL_DestroyTexture(cache->texture);
	}
	cache->texture = NULL;
	cache->key = (struct frame_cache_key){0};
	cache->is_valid = false;
}

void frame_cache_invalidate(struct frame_cache *cache)
{
	cache->is_valid = false;
}

/* The texture, made (or remade at a new size) on demand; NULL where the
 * renderer cannot draw into one. */
static SDL_Texture *frame_cache_texture(struct frame_cache *cache, int width, int height)
{
	if (cache->is_unsupported || width <= 0 || height <= 0)
		return NULL;
	if (!SDL_RenderTargetSupported(cache->renderer)) {
		cache->is_unsupported = true;
		return NULL;
	}
	int w = 0, h = 0;
	if (cache->texture && SDL_QueryTexture(cache->texture, NULL, NULL, &w, &h) == 0 &&
	    w == width && h == height)
		return cache->texture;
	frame_cache_clear(cache);
	/* The format draw_frame's surfaces have, so a copy is exact. */
	cache->texture = SDL_CreateTexture(cache->renderer, SDL_PIXELFORMAT_ARGB8888,
	                                   SDL_TEXTUREACCESS_TARGET, width, height);
	/* Copied over the whole screen as it is, not blended; smoothed when a
	 * pinch scales it. */
	if (cache->texture) {
		SDL_SetTextureBlendMode(cache->texture, SDL_BLENDMODE_NONE);
		SDL_SetTextureScaleMode(cache->texture, SDL_ScaleModeLinear);
	}
	return cache->texture;
}

/* Draws the frame into the texture and keeps it under key: true. Without
 * a texture, draws it straight onto the renderer's target: false. */
static bool frame_cache_fill(struct frame_cache *cache, struct draw_context *context,
                             const struct frame_state *state, const struct layout *drawn,
                             const struct scene *scene, const struct frame_cache_key *key)
{
	SDL_Renderer *renderer = cache->renderer;
	SDL_Texture *target = SDL_GetRenderTarget(renderer);
	SDL_Texture *texture = key->spotlight_count <= FRAME_CACHE_MAX_SPOTLIGHTS
	                           ? frame_cache_texture(cache, context->width, context->height)
	                           : NULL;
	cache->is_valid = false;
	cache->stats.misses++;
	bool is_into_texture = texture && SDL_SetRenderTarget(renderer, texture) == 0;
	draw_frame(context, state->situation, drawn, scene);
	if (!is_into_texture)
		return false;
	SDL_SetRenderTarget(renderer, target);
	cache->key = *key;
	cache->is_valid = true;
	return true;
}

static const struct layout *frame_state_shown(const struct frame_state *state)
{
	return state->shown_layout ? state->shown_layout : state->layout;
}

static struct scene *frame_state_scene(const struct frame_state *state)
{
	return scene_build(state->situation, state->position, state->spotlights,
	                   state->spotlight_count);
}

bool frame_cache_holds(const struct frame_cache *cache, const struct draw_context *context,
                       const struct frame_state *state)
{
	struct frame_cache_key key;
	frame_cache_make_key(&key, context, state, context->newcomer_fade > 0.0f);
	return cache->is_valid && cache->texture && frame_cache_key_equal(&cache->key, &key, true);
}

bool frame_cache_draw(struct frame_cache *cache, struct draw_context *context,
                      const struct frame_state *state)
{
	bool is_fading = context->newcomer_fade > 0.0f;
	struct frame_cache_key key;
	frame_cache_make_key(&key, context, state, is_fading);
	struct scene *scene = NULL;
	enum newcomer_pass pass = context->newcomer_pass;
	if (cache->is_valid && cache->texture && frame_cache_key_equal(&cache->key, &key, true)) {
		SDL_RenderCopy(cache->renderer, cache->texture, NULL, NULL);
		cache->stats.hits++;
	} else {
		scene = frame_state_scene(state);
		if (!scene)
			return false;
		context->newcomer_pass = is_fading ? NEWCOMER_PASS_WITHOUT : NEWCOMER_PASS_ALL;
		if (frame_cache_fill(cache, context, state, frame_state_shown(state), scene, &key))
			SDL_RenderCopy(cache->renderer, cache->texture, NULL, NULL);
		context->newcomer_pass = pass;
	}
	if (is_fading) {
		if (!scene)
			scene = frame_state_scene(state);
		if (!scene)
			return false;
		context->newcomer_pass = NEWCOMER_PASS_ONLY;
		draw_frame(context, state->situation, frame_state_shown(state), scene);
		context->newcomer_pass = pass;
		cache->stats.newcomers++;
	}
	scene_free(scene);
	return true;
}

/* Where the texture, drawn at the cache's view, goes on screen for key's
 * view: a point drawn at q = p * s0 + d0 belongs at p * s1 + d1, that is
 * at q * (s1 / s0) + d1 - d0 * (s1 / s0). */
static SDL_FRect frame_cache_moved_rect(const struct frame_cache_key *drawn,
                                        const struct frame_cache_key *key)
{
	float ratio = key->view_scale / drawn->view_scale;
	return (SDL_FRect){key->view_dx - drawn->view_dx * ratio,
	                   key->view_dy - drawn->view_dy * ratio, (float)key->width * ratio,
	                   (float)key->height * ratio};
}

static bool frame_cache_rect_covers(SDL_FRect rect, int width, int height)
{
	const float slack = 0.5f;
	return rect.x <= slack && rect.y <= slack && rect.x + rect.w >= (float)width - slack &&
	       rect.y + rect.h >= (float)height - slack;
}

/* The frame at the identity view into the texture, not shown: the view
 * keeps the layout over the whole screen, so this one, moved, always
 * covers it. */
static bool frame_cache_fill_still(struct frame_cache *cache, struct draw_context *context,
                                   const struct frame_state *state)
{
	struct frame_state still = *state;
	still.shown_layout = NULL;
	still.view_scale = 1.0f;
	still.view_dx = still.view_dy = 0.0f;
	struct frame_cache_key key;
	frame_cache_make_key(&key, context, &still, false);
	struct scene *scene = frame_state_scene(&still);
	if (!scene)
		return false;
	enum newcomer_pass pass = context->newcomer_pass;
	context->newcomer_pass = NEWCOMER_PASS_ALL;
	bool is_kept = frame_cache_fill(cache, context, &still, still.layout, scene, &key);
	context->newcomer_pass = pass;
	scene_free(scene);
	return is_kept;
}

bool frame_cache_draw_moved(struct frame_cache *cache, struct draw_context *context,
                            const struct frame_state *state)
{
	struct frame_cache_key key;
	frame_cache_make_key(&key, context, state, false);
	if (context->newcomer_fade > 0.0f || !cache->is_valid || !cache->texture ||
	    !frame_cache_key_equal(&cache->key, &key, false) || !(cache->key.view_scale > 0.0f))
		return false;
	SDL_FRect to = frame_cache_moved_rect(&cache->key, &key);
	/* Moved past the edge of what was drawn: the whole diagram once, then
	 * moves of it for the rest of the gesture. */
	if (!frame_cache_rect_covers(to, key.width, key.height)) {
		if (!frame_cache_fill_still(cache, context, state))
			return false;
		to = frame_cache_moved_rect(&cache->key, &key);
	}
	SDL_Color paper = context->palette->background;
	SDL_SetRenderDrawColor(cache->renderer, paper.r, paper.g, paper.b, 255);
	SDL_RenderClear(cache->renderer);
	/* Only the whole texture pixels that land on the screen: given all of
	 * it, the software renderer scales it into a temporary surface as large
	 * as the zoomed picture (130 MiB at 6 times a 1280x720 screen). What it
	 * leaves at the edges, under one scaled pixel, stays paper. */
	float ratio = to.w / (float)key.width;
	int x0 = (int)ceilf(-to.x / ratio), y0 = (int)ceilf(-to.y / ratio);
	int x1 = (int)floorf(((float)key.width - to.x) / ratio);
	int y1 = (int)floorf(((float)key.height - to.y) / ratio);
	x0 = x0 > 0 ? x0 : 0, y0 = y0 > 0 ? y0 : 0;
	x1 = x1 < key.width ? x1 : key.width, y1 = y1 < key.height ? y1 : key.height;
	if (x1 > x0 && y1 > y0) {
		SDL_Rect from = {x0, y0, x1 - x0, y1 - y0};
		SDL_FRect onto = {to.x + (float)x0 * ratio, to.y + (float)y0 * ratio,
		                  (float)from.w * ratio, (float)from.h * ratio};
		SDL_RenderCopyF(cache->renderer, cache->texture, &from, &onto);
	}
	cache->stats.moved++;
	return true;
}
