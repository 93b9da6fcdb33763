/*
 * layout: where every node of a situation sits on a screen of a given size.
 *
 * A pure function of the model, the screen size and a text-measuring
 * callback (no SDL, no clock, no randomness): the same file always gives the
 * same picture, and the round reveals nodes at their final positions.
 * Positions are in pixels of the target screen, nodes by their centre.
 *
 * Guarantees, checked by layout_stats(): no symbol over a symbol, no label
 * over a label or a symbol; labels shrink as the diagram grows but not below
 * the floors (22 px at 1080 lines for up to 60 nodes, 14 px for up to 300,
 * scaled with the screen's short side); at the floor the roles and ages
 * under the names go first (has_detail), then names are shown as initials
 * (has_initials); a touch shows everything.
 */
#ifndef CONCERTO_LAYOUT_H
#define CONCERTO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "situation.h"

struct layout_rect {
	float x;
	float y;
	float w;
	float h;
};

struct layout_node {
	float x;
	float y;
	float size;     /* symbol diameter (or side) in pixels */
	int generation; /* family persons: 0 = oldest row; -1 otherwise */
	struct layout_rect symbol_box;
	struct layout_rect label_box; /* name and detail lines, under the symbol */
	bool has_initials;            /* the name is shown as initials */
	bool has_detail;              /* role or age under the name (dropped when crowded) */
};

struct layout_link_label {
	float x; /* centre */
	float y;
	bool has_room; /* drawn only where it covers no label and no symbol */
};

/* Text widths come from the caller so layout stays free of SDL; NULL means
 * an estimate (0.62 em per character), good enough for tests.
 * legend_height is the height of the rows the legend needs across `width`
 * at text size px, so the layout reserves them all (NULL: two rows). */
struct layout_measure {
	void *context;
	int (*text_width)(void *context, const char *utf8, int px, bool is_bold);
	float (*legend_height)(void *context, const struct situation *situation, int px,
	                       float width);
};

struct layout {
	int width;
	int height;
	float symbol_size; /* person and professional symbols */
	int label_px;      /* names */
	int small_px;      /* roles, ages, link labels, institution tags */
	int title_px;      /* the phase title band */
	float line_width;
	struct layout_rect family_area;
	struct layout_rect legend_area; /* reserved for the sector legend */
	struct layout_node *nodes;      /* situation->node_count entries */
	size_t node_count;
	struct layout_link_label *link_labels; /* situation->link_count entries */
	size_t link_count;
	struct layout_household *households; /* situation->household_count entries */
	size_t household_count;
};

enum { LAYOUT_HOUSEHOLD_MAX_RECTS = 24 };

/* A household's enclosure: the outline of the union of these rectangles,
 * which cover its members' symbols and labels and no one else's. */
struct layout_household {
	struct layout_rect rects[LAYOUT_HOUSEHOLD_MAX_RECTS];
	size_t rect_count;
	/* Where its name goes (with its backing), against the enclosure's
	 * edge where it hides no symbol and no label; empty without a name. */
	struct layout_rect label_box;
};

struct layout_stats {
	size_t node_overlaps;
	size_t label_overlaps;
	size_t crossings;
	int min_label_px;
};

/* NULL only when out of memory. width and height are clamped to >= 64. */
struct layout *layout_compute(const struct situation *situation, int width, int height,
                              const struct layout_measure *measure);
void layout_free(struct layout *layout);

/* Index of the node whose symbol (or label) contains (x, y), -1 when none;
 * the touch target is at least min_target pixels across. */
int layout_hit_test(const struct layout *layout, const bool *is_candidate, float x, float y);

/* Overlaps of symbols and labels, crossings of links. */
void layout_stats(const struct situation *situation, const struct layout *layout,
                  struct layout_stats *stats);

/* The texts under a symbol, shared by layout (to measure) and draw. */
void layout_node_name(const struct situation *situation, const struct node *node, bool has_initials,
                      char *buffer, size_t size);
void layout_node_detail(const struct situation *situation, const struct node *node, char *buffer,
                        size_t size);

#endif
