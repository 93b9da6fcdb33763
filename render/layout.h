/*
 * layout: where every node of a situation sits on a screen of a given size.
 *
 * A pure function of the model and the screen size (no SDL, no clock, no
 * randomness): the same file always gives the same picture, and the round
 * reveals nodes at their final positions. Positions are in pixels of the
 * target screen, nodes by their centre.
 */
#ifndef CONCERTO_LAYOUT_H
#define CONCERTO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "situation.h"

struct layout_node {
	float x;
	float y;
	float size;	/* symbol diameter (or side) in pixels */
	int generation; /* family persons: 0 = oldest row; -1 otherwise */
};

struct layout_rect {
	float x;
	float y;
	float w;
	float h;
};

struct layout {
	int width;
	int height;
	float symbol_size; /* person and professional symbols */
	int label_px;	   /* names */
	int small_px;	   /* roles, ages, link labels */
	int title_px;	   /* the phase title band */
	struct layout_rect family_area;
	struct layout_node *nodes; /* situation->node_count entries */
	size_t node_count;
};

/* NULL only when out of memory. width and height are clamped to >= 64. */
struct layout *layout_compute(const struct situation *situation, int width, int height);
void layout_free(struct layout *layout);

/* Index of the node whose symbol contains (x, y), -1 when none; among
 * overlapping symbols the nearest centre wins. */
int layout_hit_test(const struct layout *layout, const bool *is_candidate, float x, float y);

#endif
