/*
 * headless: --check prints every diagnostic of every file; --render draws
 * one state into a BMP with SDL's software renderer on a memory surface (no
 * video driver, window or display), which is also how the tests look at the
 * drawing.
 */
#define _POSIX_C_SOURCE 200809L
#include "headless.h"

#include <stdio.h>
#include <time.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "bmp_write.h"
#include "draw.h"
#include "layout.h"
#include "scene.h"
#include "session.h"

enum { HEADLESS_MAX_TOUCHES = 64 };

int headless_check(const struct cli_options *options)
{
	int status = 0;
	for (size_t f = 0; f < options->file_count; f++) {
		struct session session;
		if (!session_load(&session, options->files[f]))
			status = 1;
		diag_list_print(&session.diags, stdout);
		session_free(&session);
	}
	return status;
}

/* Draws the session (or its error screen) into a surface and saves it. */
static int headless_draw(const struct cli_options *options, struct session *session,
                         SDL_Renderer *renderer, SDL_Surface *surface)
{
	enum situation_theme theme = session->situation ? session->situation->theme : THEME_LIGHT;
	if (options->has_theme)
		theme = options->theme;
	struct text_cache *text = text_cache_new(renderer);
	if (!text) {
		fprintf(stderr, "concerto: cannot open the built-in fonts\n");
		return 2;
	}
	/* newcomer_fade 0: a still picture shows the round's newcomer fully drawn. */
	struct draw_context context = {.renderer = renderer,
	                               .text = text,
	                               .palette = palette_for_theme(theme),
	                               .width = options->width,
	                               .height = options->height,
	                               .newcomer_fade = 0.0f};
	int status = 0;
	if (!session->situation) {
		draw_error_screen(&context, &session->diags, LANG_FR);
		status = 1;
	} else {
		int touches[HEADLESS_MAX_TOUCHES];
		size_t touch_count = 0;
		char error[300];
		struct layout_measure measure = draw_layout_measure(text);
		struct layout *layout =
		    layout_compute(session->situation, options->width, options->height, &measure);
		struct phase_position position = {(size_t)(options->phase - 1),
		                                  (size_t)options->step};
		if (options->touch &&
		    !session_resolve_ids(session->situation, options->touch, touches,
		                         HEADLESS_MAX_TOUCHES, &touch_count, error, sizeof error)) {
			fprintf(stderr, "concerto: %s\n", error);
			status = 2;
		}
		struct scene *scene =
		    scene_build(session->situation, position, touches, touch_count);
		if (status == 0 && layout && scene)
			draw_frame(&context, session->situation, layout, scene);
		else if (status == 0)
			status = 2;
		scene_free(scene);
		layout_free(layout);
	}
	SDL_RenderPresent(renderer);
	if (status != 2 && bmp_write(surface, options->out) != 0) {
		fprintf(stderr, "concerto: cannot write %s: %s\n", options->out, SDL_GetError());
		status = 2;
	}
	text_cache_free(text);
	return status;
}

int headless_render(const struct cli_options *options)
{
	struct session session;
	session_load(&session, options->is_demo ? NULL : options->files[0]);
	diag_list_print(&session.diags, stderr);
	if (TTF_Init() != 0) {
		fprintf(stderr, "concerto: cannot start the font engine: %s\n", TTF_GetError());
		session_free(&session);
		return 2;
	}
	SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, options->width, options->height,
	                                                      32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	int status = 2;
	if (renderer)
		status = headless_draw(options, &session, renderer, surface);
	else
		fprintf(stderr, "concerto: cannot create the drawing surface: %s\n",
		        SDL_GetError());
	if (renderer)
		SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(surface);
	TTF_Quit();
	session_free(&session);
	return status;
}

static double headless_now_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec * 1e3 + (double)now.tv_nsec / 1e6;
}

int headless_layout_stats(const struct cli_options *options)
{
	struct session session;
	if (!session_load(&session, options->is_demo ? NULL : options->files[0])) {
		diag_list_print(&session.diags, stderr);
		session_free(&session);
		return 1;
	}
	/* Measured with the real fonts, as the kiosk would lay it out. */
	struct text_cache *text = text_cache_new(NULL);
	struct layout_measure measure = draw_layout_measure(text);
	double start = headless_now_ms();
	struct layout *layout =
	    text ? layout_compute(session.situation, options->width, options->height, &measure)
	         : NULL;
	double elapsed = headless_now_ms() - start;
	int status = 2;
	if (layout) {
		struct layout_stats stats;
		layout_stats(session.situation, layout, &stats);
		printf("nodes=%zu links=%zu node_overlaps=%zu label_overlaps=%zu crossings=%zu "
		       "min_label_px=%d layout_ms=%.1f\n",
		       session.situation->node_count, session.situation->link_count,
		       stats.node_overlaps, stats.label_overlaps, stats.crossings,
		       stats.min_label_px, elapsed);
		/* For comparisons with other layouts (tests/bench/crossings_vs_neato.py). */
		for (size_t i = 0; options->is_printing_positions && i < layout->node_count; i++)
			printf("node %s %.1f %.1f\n", session.situation->nodes[i].id,
			       (double)layout->nodes[i].x, (double)layout->nodes[i].y);
		status = 0;
	}
	layout_free(layout);
	text_cache_free(text);
	session_free(&session);
	return status;
}
