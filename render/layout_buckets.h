/*
 * layout_buckets: a uniform grid over an area, each bucket listing the
 * rectangles that cover it (or the segments that pass through it). Items
 * are numbered 0..item_count-1 by the caller; moving one costs only the
 * buckets it leaves and enters.
 */
#ifndef CONCERTO_LAYOUT_BUCKETS_H
#define CONCERTO_LAYOUT_BUCKETS_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

struct layout_bucket;

struct layout_buckets {
	struct layout_rect area; /* rectangles outside count in the edge buckets */
	float size;              /* a bucket's side */
	float per_size;          /* 1 / size: a product is cheaper than a quotient */
	int columns, rows;
	struct layout_bucket *buckets; /* columns * rows, row by row */
	size_t item_count;
	unsigned *stamps; /* per item: the last query that found it */
	unsigned stamp;
};

/* `across` buckets along the area's longer side: small items want many,
 * long ones (segments) few. false when out of memory (free it anyway). */
bool layout_buckets_init(struct layout_buckets *buckets, struct layout_rect area, int across,
                         size_t item_count);
void layout_buckets_free(struct layout_buckets *buckets);
/* Sorts rects[0..item_count-1] into empty buckets; false when out of
 * memory. */
bool layout_buckets_fill(struct layout_buckets *buckets, const struct layout_rect *rects);
/* The item's rectangle changed from `from` (as filled or last moved) to
 * `to`; false when out of memory. */
bool layout_buckets_move(struct layout_buckets *buckets, size_t item, struct layout_rect from,
                         struct layout_rect to);
/* Every item sharing a bucket with rect, each once, into found (room for
 * item_count); returns how many. A superset of the items that overlap it. */
size_t layout_buckets_near(struct layout_buckets *buckets, struct layout_rect rect, size_t *found);
/* Whether rect overlaps rects[i] for an item i other than `except` (a
 * footprint asking whether its place is free): no list, no stamps, and it
 * stops at the first overlap. */
bool layout_buckets_any_overlap(const struct layout_buckets *buckets, struct layout_rect rect,
                                const struct layout_rect *rects, size_t except);

/* Segments, given by their ends {ax, ay, bx, by}, go only in the buckets
 * they pass through, not in every bucket of their bounding box: a long
 * diagonal link then meets a few buckets instead of a whole block. */
bool layout_buckets_add_segment(struct layout_buckets *buckets, size_t item, const float ends[4]);
/* The segment's ends changed from `from` (as added or last moved) to `to`;
 * false when out of memory. */
bool layout_buckets_move_segment(struct layout_buckets *buckets, size_t item, const float from[4],
                                 const float to[4]);
/* Every item sharing a bucket with the segment's path, each once, into
 * found (room for item_count); returns how many. A superset of the
 * segments that cross it and of the rectangles that it meets. */
size_t layout_buckets_along(struct layout_buckets *buckets, const float ends[4], size_t *found);

#endif
