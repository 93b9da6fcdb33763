/*
 * geometry: anti-aliased shapes and thick lines through SDL_RenderGeometry.
 *
 * The software renderer draws hard pixel edges; a projector blows those up
 * into staircases. Every shape here is a core of triangles plus a one-pixel
 * feather strip whose outer vertices are fully transparent, so edges blend.
 */
#ifndef CONCERTO_GEOMETRY_H
#define CONCERTO_GEOMETRY_H

#include <stdbool.h>

#include <SDL.h>

void geometry_line(SDL_Renderer *renderer, SDL_FPoint from, SDL_FPoint to, float width,
                   SDL_Color color);
/* Dashes of `dash` pixels separated by `gap` pixels. */
void geometry_dashed_line(SDL_Renderer *renderer, SDL_FPoint from, SDL_FPoint to, float width,
                          float dash, float gap, SDL_Color color);
void geometry_polyline(SDL_Renderer *renderer, const SDL_FPoint *points, int count, bool is_closed,
                       float width, SDL_Color color);
/* Convex polygons only. */
void geometry_fill_convex(SDL_Renderer *renderer, const SDL_FPoint *points, int count,
                          SDL_Color color);
void geometry_fill_disc(SDL_Renderer *renderer, SDL_FPoint centre, float radius, SDL_Color color);
void geometry_ring(SDL_Renderer *renderer, SDL_FPoint centre, float radius, float width,
                   SDL_Color color);
void geometry_dashed_ring(SDL_Renderer *renderer, SDL_FPoint centre, float radius, float width,
                          SDL_Color color);
void geometry_fill_rounded_rect(SDL_Renderer *renderer, SDL_FRect rect, float radius,
                                SDL_Color color);
void geometry_rounded_rect_outline(SDL_Renderer *renderer, SDL_FRect rect, float radius,
                                   float width, bool is_dashed, SDL_Color color);
/* A thick segment with round ends (overlap fields). */
void geometry_capsule(SDL_Renderer *renderer, SDL_FPoint from, SDL_FPoint to, float radius,
                      SDL_Color color);
/* Points of a circle, a square or a diamond outline, for outlines and fills. */
int geometry_circle_points(SDL_FPoint centre, float radius, SDL_FPoint *points, int capacity);

/* How far along the unit vector `direction` from `origin`, at least `from`,
 * a convex shape (its points given as offsets from origin + direction * s)
 * must go to lie wholly outside `rect` grown by `gap`, judged along the
 * rectangle's sides, and past where the ray leaves the grown rectangle when
 * it crosses it. `from` when it already is, or when no distance along
 * `direction` takes it out. */
float geometry_clear_of_rect(SDL_FPoint origin, SDL_FPoint direction, float from,
                             const SDL_FPoint *offsets, int count, SDL_FRect rect, float gap);

#endif
