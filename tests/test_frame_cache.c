/*
 * test_frame_cache: the retained frame is the frame. On SDL's software
 * renderer with the demo, a frame served from the cache is pixel for pixel
 * draw_frame's at the same state; any change of state (spotlight, phase,
 * step, theme, view, a new layout) draws afresh instead of reusing the
 * texture; during the newcomer's fade only the newcomer is drawn over the
 * kept frame, and the fade's last frame is draw_frame's exactly; clearing
 * the cache wipes the family's picture before its memory is released; a
 * pinch shows the kept frame moved where a full draw puts things. And
 * --render's BMP writer writes the file SDL_SaveBMP writes, without its copy.
 */
#define _GNU_SOURCE /* malloc_usable_size */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "bmp_write.h"
#include "check.h"
#include "draw.h"
#include "frame_cache.h"
#include "render_check.h"
#include "session.h"
#include "view.h"

enum { WIDTH = 1280, HEIGHT = 720 };

/* ---- SDL's allocations, watched while the cache is cleared -------------- */

/* The test's own context for the allocator hooks, which SDL calls without
 * one: the only file-scope state here. */
static struct freed_watch {
	size_t min_bytes;   /* 0: not watching */
	size_t blocks;      /* blocks of at least min_bytes freed while watching */
	size_t inked_bytes; /* non-zero bytes in them (past SDL's alignment header) */
	bool is_sizing;     /* watching the allocations' sizes */
	size_t largest;     /* the largest allocation since is_sizing was set */
} freed_watch;

static void watch_size(size_t size)
{
	if (freed_watch.is_sizing && size > freed_watch.largest)
		freed_watch.largest = size;
}

static void *watch_malloc(size_t size)
{
	watch_size(size);
	return malloc(size);
}

static void *watch_calloc(size_t count, size_t size)
{
	watch_size(count * size);
	return calloc(count, size);
}

static void *watch_realloc(void *pointer, size_t size)
{
	watch_size(size);
	return realloc(pointer, size);
}

static void watch_free(void *pointer)
{
	if (pointer && freed_watch.min_bytes &&
	    malloc_usable_size(pointer) >= freed_watch.min_bytes) {
		/* SDL_SIMDAlloc puts the pixels at most 64 + 8 bytes in. */
		const unsigned char *bytes = pointer;
		freed_watch.blocks++;
		for (size_t k = 128; k < freed_watch.min_bytes - 128; k++)
			freed_watch.inked_bytes += bytes[k] != 0;
	}
	free(pointer);
}

/* ---- frames -------------------------------------------------------------- */

struct screen {
	SDL_Surface *surface;
	SDL_Renderer *renderer;
	struct text_cache *text;
	Uint32 *pixels; /* a snapshot */
};

static size_t frame_bytes(void)
{
	return (size_t)WIDTH * HEIGHT * 4;
}

/* The surface's pixels now, in `into`. */
static void snapshot(const struct screen *screen, Uint32 *into)
{
	SDL_RenderFlush(screen->renderer);
	for (int y = 0; y < HEIGHT; y++)
		memcpy(into + (size_t)y * WIDTH,
		       (const Uint8 *)screen->surface->pixels + (size_t)y * screen->surface->pitch,
		       (size_t)WIDTH * 4);
}

static size_t pixels_differing(const Uint32 *a, const Uint32 *b)
{
	size_t count = 0;
	for (size_t k = 0; k < (size_t)WIDTH * HEIGHT; k++)
		count += a[k] != b[k];
	return count;
}

/* Something on screen that no frame draws, so a frame that draws nothing
 * cannot pass for the right one. */
static void scribble(const struct screen *screen)
{
	SDL_SetRenderDrawColor(screen->renderer, 255, 0, 255, 255);
	SDL_RenderClear(screen->renderer);
}

/* draw_frame itself, straight onto the surface: the reference. */
static void draw_direct(const struct screen *screen, struct draw_context *context,
                        const struct frame_state *state, Uint32 *into)
{
	scribble(screen);
	struct scene *scene = scene_build(state->situation, state->position, state->spotlights,
	                                  state->spotlight_count);
	CHECK(scene != NULL);
	if (scene)
		draw_frame(context, state->situation,
		           state->shown_layout ? state->shown_layout : state->layout, scene);
	scene_free(scene);
	snapshot(screen, into);
}

static void draw_cached(const struct screen *screen, struct frame_cache *cache,
                        struct draw_context *context, const struct frame_state *state, Uint32 *into)
{
	scribble(screen);
	CHECK(frame_cache_draw(cache, context, state));
	snapshot(screen, into);
}

/* Draws `state` through the cache and checks it was a hit (or a miss) and
 * is exactly draw_frame's frame. */
static void check_frame(const struct screen *screen, struct frame_cache *cache,
                        struct draw_context *context, const struct frame_state *state,
                        bool is_hit_expected, const char *what)
{
	Uint32 *expected = malloc(frame_bytes()), *got = malloc(frame_bytes());
	CHECK(expected && got);
	if (!expected || !got) {
		free(expected);
		free(got);
		return;
	}
	draw_direct(screen, context, state, expected);
	struct frame_cache_stats before = cache->stats;
	draw_cached(screen, cache, context, state, got);
	unsigned long hits = cache->stats.hits - before.hits;
	unsigned long misses = cache->stats.misses - before.misses;
	size_t differing = pixels_differing(expected, got);
	if (hits != (is_hit_expected ? 1u : 0u) || misses != (is_hit_expected ? 0u : 1u) ||
	    differing != 0)
		fprintf(stderr, "%s: %lu hit(s), %lu miss(es), %zu pixels differ\n", what, hits,
		        misses, differing);
	CHECK_INT_EQ(hits, is_hit_expected ? 1 : 0);
	CHECK_INT_EQ(misses, is_hit_expected ? 0 : 1);
	CHECK_INT_EQ(differing, 0);
	free(expected);
	free(got);
}

static size_t phase_of_type(const struct situation *situation, enum phase_type type)
{
	for (size_t p = 0; p < situation->phase_count; p++)
		if (situation->phases[p].type == type)
			return p;
	return 0;
}

static struct frame_state state_at(const struct situation *situation, const struct layout *layout,
                                   size_t phase, size_t step, const int *spotlights,
                                   size_t spotlight_count)
{
	return (struct frame_state){.situation = situation,
	                            .layout = layout,
	                            .position = {phase, step},
	                            .spotlights = spotlights,
	                            .spotlight_count = spotlight_count,
	                            .view_scale = 1.0f};
}

/* A whole-screen draw in the light theme. */
static struct draw_context light_context(const struct screen *screen)
{
	return (struct draw_context){.renderer = screen->renderer,
	                             .text = screen->text,
	                             .palette = palette_for_theme(THEME_LIGHT),
	                             .width = WIDTH,
	                             .height = HEIGHT};
}

/* Whatever changes, the texture is not reused; what stays the same, is. */
static void check_states(const struct screen *screen, const struct situation *situation,
                         const struct layout *layout)
{
	struct frame_cache cache = {.renderer = screen->renderer};
	struct draw_context context = light_context(screen);
	size_t network = phase_of_type(situation, PHASE_NETWORK);
	size_t round = phase_of_type(situation, PHASE_ROUND);
	int one[1] = {situation->phases[round].order[0]};
	int two[2] = {one[0], situation->phases[round].order[1]};
	int two_swapped[2] = {two[1], two[0]};

	struct frame_state state = state_at(situation, layout, network, 0, NULL, 0);
	check_frame(screen, &cache, &context, &state, false, "network, first");
	CHECK(cache.texture != NULL);
	check_frame(screen, &cache, &context, &state, true, "network, again");
	state = state_at(situation, layout, network, 0, one, 1);
	check_frame(screen, &cache, &context, &state, false, "spotlight on");
	check_frame(screen, &cache, &context, &state, true, "spotlight on, again");
	state = state_at(situation, layout, network, 0, two, 2);
	check_frame(screen, &cache, &context, &state, false, "second spotlight");
	state = state_at(situation, layout, network, 0, two_swapped, 2);
	check_frame(screen, &cache, &context, &state, true,
	            "same spotlights, touched the other way");
	state = state_at(situation, layout, network, 0, NULL, 0);
	check_frame(screen, &cache, &context, &state, false, "spotlights off");
	state = state_at(situation, layout, round, 2, NULL, 0);
	check_frame(screen, &cache, &context, &state, false, "phase");
	state = state_at(situation, layout, round, 3, NULL, 0);
	check_frame(screen, &cache, &context, &state, false, "step");
	check_frame(screen, &cache, &context, &state, true, "step, again");

	context.palette = palette_for_theme(THEME_DARK);
	check_frame(screen, &cache, &context, &state, false, "theme");
	context.palette = palette_for_theme(THEME_LIGHT);
	check_frame(screen, &cache, &context, &state, false, "theme back");

	/* The kiosk passes the layout already moved through the view, in a copy
	 * that keeps its address: the view itself is part of the key. */
	state.view_scale = 1.5f;
	check_frame(screen, &cache, &context, &state, false, "view");
	state.view_scale = 1.0f;
	check_frame(screen, &cache, &context, &state, false, "view back");

	frame_cache_invalidate(&cache);
	check_frame(screen, &cache, &context, &state, false, "invalidated (new layout)");
	frame_cache_clear(&cache);
}

/* The fade draws the newcomer over the frame without it; its end is the
 * full frame. */
static void check_newcomer(const struct screen *screen, const struct situation *situation,
                           const struct layout *layout)
{
	struct frame_cache cache = {.renderer = screen->renderer};
	struct draw_context context = light_context(screen);
	size_t round = phase_of_type(situation, PHASE_ROUND);
	struct frame_state state = state_at(situation, layout, round, 3, NULL, 0);
	Uint32 *direct = malloc(frame_bytes()), *cached = malloc(frame_bytes());
	Uint32 *without = malloc(frame_bytes());
	CHECK(direct && cached && without);
	if (!direct || !cached || !without) {
		free(direct);
		free(cached);
		free(without);
		return;
	}
	/* The picture without the newcomer, as the cache keeps it. */
	context.newcomer_pass = NEWCOMER_PASS_WITHOUT;
	draw_direct(screen, &context, &state, without);
	context.newcomer_pass = NEWCOMER_PASS_ALL;
	size_t newcomer_pixels[2] = {0, 0};
	const float fades[2] = {0.9f, 0.4f};
	for (int f = 0; f < 2; f++) {
		context.newcomer_fade = fades[f];
		struct frame_cache_stats before = cache.stats;
		draw_cached(screen, &cache, &context, &state, cached);
		/* The first frame of the fade fills the cache, the next reuse it. */
		CHECK_INT_EQ(cache.stats.misses - before.misses, f == 0 ? 1 : 0);
		CHECK_INT_EQ(cache.stats.hits - before.hits, f == 0 ? 0 : 1);
		CHECK_INT_EQ(cache.stats.newcomers - before.newcomers, 1);
		draw_direct(screen, &context, &state, direct);
		/* Only where the newcomer's parts overlap others' may the order of
		 * drawing show: a few hundred pixels of a 1280x720 frame. */
		size_t differing = pixels_differing(direct, cached);
		newcomer_pixels[f] = pixels_differing(without, cached);
		fprintf(stderr,
		        "fade %.1f: %zu pixels from draw_frame's, %zu drawn over the kept "
		        "frame\n",
		        (double)fades[f], differing, newcomer_pixels[f]);
		CHECK(differing < newcomer_pixels[f] / 4);
	}
	/* The newcomer is drawn, and comes up with the fade. */
	CHECK(newcomer_pixels[0] > 100);
	CHECK(newcomer_pixels[1] > newcomer_pixels[0]);
	/* The fade's end: one full frame, draw_frame's to the pixel, then kept. */
	context.newcomer_fade = 0.0f;
	check_frame(screen, &cache, &context, &state, false, "fade over");
	check_frame(screen, &cache, &context, &state, true, "fade over, again");
	CHECK(pixels_differing(without, cached) > 0);
	frame_cache_clear(&cache);
	free(direct);
	free(cached);
	free(without);
}

/* The moved frame against the kept one it was made from: a screen point q
 * of the view `to` shows the diagram point (q - d) / s, which the kept
 * frame, drawn at the view `from`, had at that point * s0 + d0. Compared
 * on a grid, where the kept frame is flat around the point (scaling blends
 * edges) and either frame is inked there: the share that agrees. */
static double moved_agreeing(const Uint32 *moved, const Uint32 *kept, struct view from,
                             struct view to, Uint32 paper, size_t *inked)
{
	size_t agreeing = 0;
	*inked = 0;
	/* Flat over two kept pixels around, or one where each spans several
	 * screen pixels (thin lines have no flat two-pixel surround). */
	int reach = to.scale / from.scale >= 2.0f ? 1 : 2;
	for (int y = 4; y < HEIGHT - 4; y += 5) {
		for (int x = 4; x < WIDTH - 4; x += 5) {
			float fx = ((float)x + 0.5f - to.dx) / to.scale * from.scale + from.dx;
			float fy = ((float)y + 0.5f - to.dy) / to.scale * from.scale + from.dy;
			int kx = (int)fx, ky = (int)fy;
			if (kx < 2 || ky < 2 || kx >= WIDTH - 2 || ky >= HEIGHT - 2)
				continue;
			Uint32 was = kept[(size_t)ky * WIDTH + (size_t)kx];
			bool is_flat = true;
			for (int dy = -reach; dy <= reach; dy++)
				for (int dx = -reach; dx <= reach; dx++)
					is_flat &=
					    kept[(size_t)(ky + dy) * WIDTH + (size_t)(kx + dx)] ==
					    was;
			Uint32 is = moved[(size_t)y * WIDTH + (size_t)x];
			if (!is_flat || (was == paper && is == paper))
				continue;
			(*inked)++;
			SDL_Color a = {(Uint8)(was >> 16), (Uint8)(was >> 8), (Uint8)was, 255};
			SDL_Color b = {(Uint8)(is >> 16), (Uint8)(is >> 8), (Uint8)is, 255};
			agreeing += render_check_close(a, b, 8);
		}
	}
	return *inked ? (double)agreeing / (double)*inked : 0.0;
}

/* A pinch: copies of the kept frame, moved and scaled to the view. */
static void check_moved(const struct screen *screen, const struct situation *situation,
                        const struct layout *layout)
{
	struct frame_cache cache = {.renderer = screen->renderer};
	struct draw_context context = light_context(screen);
	SDL_Color paper_color = context.palette->background;
	Uint32 paper =
	    0xff000000u | (Uint32)paper_color.r << 16 | (Uint32)paper_color.g << 8 | paper_color.b;
	struct layout *shown = view_layout_new(layout);
	Uint32 *moved = malloc(frame_bytes()), *still = malloc(frame_bytes());
	Uint32 *resting = malloc(frame_bytes());
	CHECK(shown && moved && still && resting);
	if (!shown || !moved || !still || !resting) {
		view_layout_free(shown);
		free(moved);
		free(still);
		free(resting);
		return;
	}
	struct frame_state state =
	    state_at(situation, layout, phase_of_type(situation, PHASE_NETWORK), 0, NULL, 0);
	draw_direct(screen, &context, &state, still);
	CHECK(frame_cache_draw(&cache, &context, &state)); /* the identity view, kept */
	/* Views the fingers pass through (scale, dx, dy), and whether they rest
	 * there (a full frame at that view, kept) or move on: zoomed in from the
	 * identity view; further in from a zoom drawn in full; then out to where
	 * that zoom no longer covers the screen, so the identity view is drawn
	 * again, once, and moved; then in as far as a pinch goes. */
	const struct {
		struct view view;
		bool is_resting;
		bool is_redrawn;
	} steps[] = {
	    {{1.5f, -320.0f, -180.0f}, false, false},
	    {{1.25f, -100.0f, -60.0f}, true, true},
	    {{1.4f, -150.0f, -90.0f}, false, false},
	    {{1.5f, -640.0f, -360.0f}, false, true},
	    {{VIEW_MAX_SCALE, -3000.0f, -1800.0f}, false, false},
	};
	struct view kept_view = view_identity();
	const Uint32 *kept = still;
	for (size_t v = 0; v < sizeof steps / sizeof *steps; v++) {
		struct view view = steps[v].view;
		view_layout_update(shown, layout, view);
		state.shown_layout = shown;
		state.view_scale = view.scale;
		state.view_dx = view.dx;
		state.view_dy = view.dy;
		struct frame_cache_stats before = cache.stats;
		if (steps[v].is_resting) {
			check_frame(screen, &cache, &context, &state, false, "zoomed, in full");
			snapshot(screen, resting);
			kept = resting;
			kept_view = view;
			continue;
		}
		if (steps[v].is_redrawn) {
			kept = still;
			kept_view = view_identity();
		}
		scribble(screen);
		freed_watch = (struct freed_watch){.is_sizing = true};
		CHECK(frame_cache_draw_moved(&cache, &context, &state));
		/* Scaling the whole texture, the software renderer would take a
		 * surface of the zoomed picture's size (130 MiB at 6 times). */
		if (!steps[v].is_redrawn)
			CHECK(freed_watch.largest < frame_bytes() / 4);
		freed_watch = (struct freed_watch){0};
		snapshot(screen, moved);
		CHECK_INT_EQ(cache.stats.moved - before.moved, 1);
		CHECK_INT_EQ(cache.stats.misses - before.misses, steps[v].is_redrawn ? 1 : 0);
		size_t inked = 0;
		double share = moved_agreeing(moved, kept, kept_view, view, paper, &inked);
		fprintf(stderr,
		        "view %zu: %zu inked points, %.1f %% where the kept frame had them\n", v,
		        inked, share * 100);
		CHECK(inked >= 100);
		CHECK(share >= 0.95);
	}
	/* Nothing to move when the state is another, or a newcomer fades. */
	int spotlight = 0;
	struct frame_state other = state;
	other.spotlights = &spotlight;
	other.spotlight_count = 1;
	CHECK(!frame_cache_draw_moved(&cache, &context, &other));
	context.newcomer_fade = 0.5f;
	CHECK(!frame_cache_draw_moved(&cache, &context, &state));
	context.newcomer_fade = 0.0f;
	frame_cache_clear(&cache);
	CHECK(!frame_cache_draw_moved(&cache, &context, &state));
	view_layout_free(shown);
	free(moved);
	free(still);
	free(resting);
}

/* The session's end: the texture's pixels are wiped before SDL frees them. */
static void check_clear(const struct screen *screen, const struct situation *situation,
                        const struct layout *layout)
{
	struct frame_cache cache = {.renderer = screen->renderer};
	struct draw_context context = {.renderer = screen->renderer,
	                               .text = screen->text,
	                               .palette = palette_for_theme(THEME_DARK),
	                               .width = WIDTH,
	                               .height = HEIGHT};
	struct frame_state state =
	    state_at(situation, layout, phase_of_type(situation, PHASE_NETWORK), 0, NULL, 0);
	CHECK(frame_cache_draw(&cache, &context, &state));
	CHECK(cache.texture != NULL && cache.is_valid);
	freed_watch = (struct freed_watch){.min_bytes = frame_bytes()};
	frame_cache_clear(&cache);
	struct freed_watch seen = freed_watch;
	freed_watch = (struct freed_watch){0};
	/* One block of the frame's size went, and it held no picture any more. */
	CHECK_INT_EQ(seen.blocks, 1);
	CHECK_INT_EQ(seen.inked_bytes, 0);
	CHECK(cache.texture == NULL && !cache.is_valid);
	struct frame_cache_stats before = cache.stats;
	CHECK(frame_cache_draw(&cache, &context, &state));
	CHECK_INT_EQ(cache.stats.misses - before.misses, 1);
	frame_cache_clear(&cache);
	frame_cache_clear(&cache); /* twice is harmless */
	CHECK(cache.texture == NULL);
}

/* bmp_write's file is SDL_SaveBMP's, byte for byte, and loads back. */
static void check_bmp(const struct screen *screen)
{
	const char *ours = TESTS_OUTPUT_DIR "/frame_cache-bmp_write.bmp";
	const char *sdls = TESTS_OUTPUT_DIR "/frame_cache-SDL_SaveBMP.bmp";
	CHECK_INT_EQ(bmp_write(screen->surface, ours), 0);
	CHECK_INT_EQ(SDL_SaveBMP(screen->surface, sdls), 0);
	FILE *a = fopen(ours, "rb"), *b = fopen(sdls, "rb");
	CHECK(a && b);
	size_t length = 0, differing = 0;
	int x = 0, y = 0;
	while (a && b && (x = fgetc(a)) != EOF && (y = fgetc(b)) != EOF) {
		length++;
		differing += x != y;
	}
	CHECK(a && b && x == EOF && fgetc(b) == EOF);
	CHECK_INT_EQ(differing, 0);
	CHECK_INT_EQ(length, 122 + frame_bytes());
	if (a)
		fclose(a);
	if (b)
		fclose(b);
	SDL_Surface *loaded = render_check_load(ours);
	CHECK(loaded && loaded->w == WIDTH && loaded->h == HEIGHT);
	if (loaded) {
		size_t wrong = 0;
		for (int row = 0; row < HEIGHT; row++)
			wrong += memcmp((const Uint8 *)loaded->pixels + (size_t)row * loaded->pitch,
			                (const Uint8 *)screen->surface->pixels +
			                    (size_t)row * screen->surface->pitch,
			                (size_t)WIDTH * 4) != 0;
		CHECK_INT_EQ(wrong, 0);
	}
	SDL_FreeSurface(loaded);
	/* Only what it can write. */
	SDL_Surface *rgb = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 24, SDL_PIXELFORMAT_RGB24);
	CHECK(bmp_write(rgb, TESTS_OUTPUT_DIR "/frame_cache-rgb.bmp") != 0);
	CHECK(bmp_write(screen->surface, "/nonexistent-dir/x.bmp") != 0);
	SDL_FreeSurface(rgb);
	remove(ours);
	remove(sdls);
}

int main(void)
{
	/* Before any other SDL call, so every allocation goes through them. */
	SDL_SetMemoryFunctions(watch_malloc, watch_calloc, watch_realloc, watch_free);
	struct session session;
	CHECK(session_load(&session, NULL));
	struct screen screen = {0};
	screen.surface =
	    SDL_CreateRGBSurfaceWithFormat(0, WIDTH, HEIGHT, 32, SDL_PIXELFORMAT_ARGB8888);
	screen.renderer = screen.surface ? SDL_CreateSoftwareRenderer(screen.surface) : NULL;
	screen.text = screen.renderer ? text_cache_new(screen.renderer) : NULL;
	CHECK(screen.text != NULL);
	struct layout_measure measure = draw_layout_measure(screen.text);
	struct layout *layout = session.situation && screen.text
	                            ? layout_compute(session.situation, WIDTH, HEIGHT, &measure)
	                            : NULL;
	CHECK(layout != NULL);
	if (layout) {
		check_states(&screen, session.situation, layout);
		check_newcomer(&screen, session.situation, layout);
		check_moved(&screen, session.situation, layout);
		check_clear(&screen, session.situation, layout);
		check_bmp(&screen);
	}
	layout_free(layout);
	text_cache_free(screen.text);
	if (screen.renderer)
		SDL_DestroyRenderer(screen.renderer);
	SDL_FreeSurface(screen.surface);
	session_free(&session);
	return check_report("test_frame_cache");
}
