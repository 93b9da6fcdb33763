/*
 * render_check: helpers for tests that look at rendered frames — run the
 * real binary, load its BMP, and search for a colour near a point.
 */
#ifndef CONCERTO_TESTS_RENDER_CHECK_H
#define CONCERTO_TESTS_RENDER_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <SDL.h>

/* Runs a shell command; returns its exit status (or -1). */
static inline int render_check_run(const char *command)
{
	int status = system(command);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Loads a BMP as ARGB8888; NULL on failure. */
static inline SDL_Surface *render_check_load(const char *path)
{
	SDL_Surface *loaded = SDL_LoadBMP(path);
	if (!loaded)
		return NULL;
	SDL_Surface *converted = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(loaded);
	return converted;
}

static inline SDL_Color render_check_pixel(const SDL_Surface *surface, int x, int y)
{
	const Uint32 *row = (const Uint32 *)((const Uint8 *)surface->pixels + y * surface->pitch);
	Uint32 pixel = row[x];
	return (SDL_Color){(Uint8)(pixel >> 16), (Uint8)(pixel >> 8), (Uint8)pixel, 255};
}

static inline bool render_check_close(SDL_Color a, SDL_Color b, int tolerance)
{
	return abs(a.r - b.r) <= tolerance && abs(a.g - b.g) <= tolerance &&
	       abs(a.b - b.b) <= tolerance;
}

/* Pixels of `color` (within tolerance) in the square of `radius` around (x, y). */
static inline int render_check_count_near(const SDL_Surface *surface, float x, float y,
                                          float radius, SDL_Color color, int tolerance)
{
	int count = 0;
	for (int py = (int)(y - radius); py <= (int)(y + radius); py++)
		for (int px = (int)(x - radius); px <= (int)(x + radius); px++)
			if (px >= 0 && py >= 0 && px < surface->w && py < surface->h &&
			    render_check_close(render_check_pixel(surface, px, py), color,
			                       tolerance))
				count++;
	return count;
}

#endif
