/*
 * layout_places: the cheapest few hundred of a grid's points, taken
 * cheapest first. A screen holds thousands of grid points and a node tries
 * only the nearest few hundred, often only the first handful: only the
 * points that can be among the cheapest are costed (the cost is convex,
 * so they lie in one patch), the cheapest are selected without sorting,
 * and they are handed out from a min-heap, so nothing is sorted that is
 * never looked at.
 *
 * Ties on cost are broken by y, then x: the order is total, so the same
 * places come out in the same order on every run.
 */
#ifndef CONCERTO_LAYOUT_PLACES_H
#define CONCERTO_LAYOUT_PLACES_H

#include <stdbool.h>
#include <stddef.h>

struct layout_place {
	float cost;
	float x, y;
};

struct layout_places {
	struct layout_place *items; /* room for every grid point */
	size_t count;
	size_t capacity;    /* how many of the cheapest are kept */
	bool is_taking;     /* after the first take: a min-heap */
	float *xs, *ys;     /* the grid's coordinates */
	float *least;       /* per row or column */
	size_t max_columns; /* the most points along x */
	size_t max_rows;    /* the most points along y */
};

/* Grid points from (first_x, first_y) by `step` while x <= last_x and
 * y <= last_y, as `for (x = first_x; x <= last_x; x += step)` reaches them. */
struct layout_grid {
	float first_x, first_y;
	float last_x, last_y;
	float step;
};

/* Keeps the `capacity` cheapest of grids of up to max_columns by max_rows
 * points. false when out of memory (free it anyway). */
bool layout_places_init(struct layout_places *places, size_t capacity, size_t max_columns,
                        size_t max_rows);
void layout_places_free(struct layout_places *places);
/* Keeps the `capacity` cheapest points of the grid, costed by the sum of
 * their distances to the ends (x, y pairs), replacing what it held: the
 * same as costing every point and keeping the cheapest. */
void layout_places_choose(struct layout_places *places, const struct layout_grid *grid,
                          const float *ends, size_t end_count);
/* Drops the places kept for which is_wanted says false (those that a fixed
 * obstacle rules out: they took their slot among the cheapest, but need no
 * look). Before the first take. */
void layout_places_filter(struct layout_places *places,
                          bool (*is_wanted)(const struct layout_place *place, void *context),
                          void *context);
/* The cheapest place not taken yet; false when none is left. */
bool layout_places_take(struct layout_places *places, struct layout_place *place);

#endif
