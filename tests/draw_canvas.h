/*
 * draw_canvas: what the drawing tests share — a software renderer on a
 * surface of the screen's size with its text cache and draw context, the
 * kiosk's draw_frame of one phase on it, and a situation parsed from text.
 * DRAW_SHOTS=DIR saves every frame drawn there (BMP) for a look.
 */
#ifndef CONCERTO_TESTS_DRAW_CANVAS_H
#define CONCERTO_TESTS_DRAW_CANVAS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "draw.h"
#include "scene.h"
#include "situation.h"

struct canvas {
	SDL_Surface *surface;
	SDL_Renderer *renderer;
	struct text_cache *text;
	struct draw_context context;
};

static inline bool canvas_open(struct canvas *canvas, int width, int height)
{
	memset(canvas, 0, sizeof *canvas);
	canvas->surface =
	    SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
	canvas->renderer = canvas->surface ? SDL_CreateSoftwareRenderer(canvas->surface) : NULL;
	canvas->text = canvas->renderer ? text_cache_new(canvas->renderer) : NULL;
	canvas->context.renderer = canvas->renderer, canvas->context.text = canvas->text;
	canvas->context.palette = palette_for_theme(THEME_LIGHT);
	canvas->context.width = width, canvas->context.height = height;
	return canvas->text != NULL;
}

static inline void canvas_close(struct canvas *canvas)
{
	text_cache_free(canvas->text);
	if (canvas->renderer)
		SDL_DestroyRenderer(canvas->renderer);
	SDL_FreeSurface(canvas->surface);
}

static inline void save_shot(const struct canvas *canvas, const char *name)
{
	const char *directory = getenv("DRAW_SHOTS");
	if (!directory)
		return;
	char path[512];
	snprintf(path, sizeof path, "%s/%s.bmp", directory, name);
	SDL_SaveBMP(canvas->surface, path);
}

/* Draws phase `phase` (step `step`) of the situation as the kiosk would. */
static inline void canvas_draw(struct canvas *canvas, const struct situation *situation,
                               const struct layout *layout, size_t phase, size_t step,
                               const char *name)
{
	struct scene *scene = scene_build(situation, (struct phase_position){phase, step}, NULL, 0);
	CHECK(scene != NULL);
	if (!scene)
		return;
	draw_frame(&canvas->context, situation, layout, scene);
	SDL_RenderPresent(canvas->renderer);
	save_shot(canvas, name);
	scene_free(scene);
}

static inline struct situation *parse(const char *text)
{
	struct diag_list diags;
	diag_list_init(&diags, "t.situation");
	struct situation *situation = situation_parse(text, strlen(text), &diags);
	if (!situation)
		fprintf(stderr, "  the test's situation does not parse\n");
	diag_list_free(&diags);
	return situation;
}

#endif
