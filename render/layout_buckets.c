/*
 * layout_buckets: rectangles and segments sorted into a uniform grid of
 * buckets, so that "what is near this rectangle" or "what lies along this
 * segment" looks at a few items instead of all.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_buckets.h"
#include "layout_internal.h"

struct layout_bucket {
	size_t *items;
	size_t count;
	size_t capacity;
};

bool layout_buckets_init(struct layout_buckets *buckets, struct layout_rect area, int across,
                         size_t item_count)
{
	*buckets = (struct layout_buckets){.area = area};
	float side = area.w > area.h ? area.w : area.h;
	buckets->size = side > (float)across && across > 0 ? side / (float)across : 1.0f;
	buckets->per_size = 1.0f / buckets->size;
	buckets->columns = (int)(area.w / buckets->size) + 1;
	buckets->rows = (int)(area.h / buckets->size) + 1;
	buckets->buckets =
	    calloc((size_t)(buckets->columns * buckets->rows), sizeof *buckets->buckets);
	buckets->stamps = calloc(item_count + 1, sizeof *buckets->stamps);
	buckets->item_count = item_count;
	return buckets->buckets && buckets->stamps;
}

void layout_buckets_free(struct layout_buckets *buckets)
{
	size_t count = (size_t)(buckets->columns * buckets->rows);
	for (size_t b = 0; buckets->buckets && b < count; b++)
		free(buckets->buckets[b].items);
	free(buckets->buckets);
	free(buckets->stamps);
	*buckets = (struct layout_buckets){0};
}

static int buckets_index(const struct layout_buckets *buckets, float coordinate, float origin,
                         int limit)
{
	/* Truncation is the floor from 0 up; any rounding here is the same
	 * for what is stored and what is asked, so nothing is missed. */
	float index = (coordinate - origin) * buckets->per_size;
	return index < 0 ? 0 : index >= (float)limit ? limit - 1 : (int)index;
}

/* Columns and rows a rectangle covers: left, right, top, bottom. */
static void buckets_range(const struct layout_buckets *buckets, struct layout_rect rect,
                          int range[4])
{
	range[0] = buckets_index(buckets, rect.x, buckets->area.x, buckets->columns);
	range[1] = buckets_index(buckets, rect.x + rect.w, buckets->area.x, buckets->columns);
	range[2] = buckets_index(buckets, rect.y, buckets->area.y, buckets->rows);
	range[3] = buckets_index(buckets, rect.y + rect.h, buckets->area.y, buckets->rows);
}

static bool bucket_add(struct layout_bucket *bucket, size_t item)
{
	if (bucket->count == bucket->capacity) {
		size_t capacity = bucket->capacity ? 2 * bucket->capacity : 8;
		size_t *grown = realloc(bucket->items, capacity * sizeof *grown);
		if (!grown)
			return false;
		bucket->items = grown;
		bucket->capacity = capacity;
	}
	bucket->items[bucket->count++] = item;
	return true;
}

static void bucket_remove(struct layout_bucket *bucket, size_t item)
{
	for (size_t k = 0; k < bucket->count; k++) {
		if (bucket->items[k] == item) {
			/* Swapping the last in keeps removal cheap; the order stays
			 * the same from one run to the next, so results do too. */
			bucket->items[k] = bucket->items[--bucket->count];
			return;
		}
	}
}

/* Adds (is_adding) or removes the item in a row's buckets first..last. */
static bool buckets_update_row(struct layout_buckets *buckets, size_t item, int row, int first,
                               int last, bool is_adding)
{
	for (int column = first; column <= last; column++) {
		struct layout_bucket *bucket = &buckets->buckets[row * buckets->columns + column];
		if (!is_adding)
			bucket_remove(bucket, item);
		else if (!bucket_add(bucket, item))
			return false;
	}
	return true;
}

/* Adds (is_adding) or removes the item in every bucket the rect covers. */
static bool buckets_update(struct layout_buckets *buckets, size_t item, struct layout_rect rect,
                           bool is_adding)
{
	int range[4];
	buckets_range(buckets, rect, range);
	for (int row = range[2]; row <= range[3]; row++)
		if (!buckets_update_row(buckets, item, row, range[0], range[1], is_adding))
			return false;
	return true;
}

/* A segment's path through the grid, row by row: in each row it spans,
 * the columns it passes through. Rows and columns are widened by a
 * hundredth of a bucket, so a point on a bucket's edge (or rounded across
 * it) counts in both buckets: two segments that cross, or a segment and a
 * rectangle that meet, always share a bucket. The edge rows and columns
 * reach out to infinity, as for rectangles. */
struct buckets_path {
	float top_x, top_y;       /* the upper end */
	float bottom_x, bottom_y; /* the lower end */
	float slope;              /* dx per dy; unused when flat */
	float pad;
	int first_row, last_row;
};

static struct buckets_path buckets_path_of(const struct layout_buckets *buckets,
                                           const float ends[4])
{
	bool is_a_upper = ends[1] <= ends[3];
	struct buckets_path path = {is_a_upper ? ends[0] : ends[2],
	                            is_a_upper ? ends[1] : ends[3],
	                            is_a_upper ? ends[2] : ends[0],
	                            is_a_upper ? ends[3] : ends[1],
	                            0,
	                            buckets->size * 0.01f,
	                            0,
	                            0};
	float dy = path.bottom_y - path.top_y;
	if (dy > 0)
		path.slope = (path.bottom_x - path.top_x) / dy;
	path.first_row =
	    buckets_index(buckets, path.top_y - path.pad, buckets->area.y, buckets->rows);
	path.last_row =
	    buckets_index(buckets, path.bottom_y + path.pad, buckets->area.y, buckets->rows);
	return path;
}

/* The columns the path passes through in one of its rows. */
static inline void buckets_path_columns(const struct layout_buckets *buckets,
                                        const struct buckets_path *path, int row, int columns[2])
{
	float left = layout_min(path->top_x, path->bottom_x);
	float right = layout_max(path->top_x, path->bottom_x);
	if (path->bottom_y > path->top_y) {
		/* Where the path enters and leaves the row's band, within its ends. */
		float band_top = buckets->area.y + buckets->size * (float)row - path->pad;
		float band_bottom = band_top + buckets->size + 2 * path->pad;
		float y0 = row == path->first_row ? path->top_y : band_top;
		float y1 = row == path->last_row ? path->bottom_y : band_bottom;
		float x0 = path->top_x + (y0 - path->top_y) * path->slope;
		float x1 = path->top_x + (y1 - path->top_y) * path->slope;
		left = layout_max(left, layout_min(x0, x1));
		right = layout_min(right, layout_max(x0, x1));
	}
	columns[0] = buckets_index(buckets, left - path->pad, buckets->area.x, buckets->columns);
	columns[1] = buckets_index(buckets, right + path->pad, buckets->area.x, buckets->columns);
}

static bool buckets_update_segment(struct layout_buckets *buckets, size_t item, const float ends[4],
                                   bool is_adding)
{
	struct buckets_path path = buckets_path_of(buckets, ends);
	for (int row = path.first_row; row <= path.last_row; row++) {
		int columns[2];
		buckets_path_columns(buckets, &path, row, columns);
		if (!buckets_update_row(buckets, item, row, columns[0], columns[1], is_adding))
			return false;
	}
	return true;
}

bool layout_buckets_add_segment(struct layout_buckets *buckets, size_t item, const float ends[4])
{
	return buckets_update_segment(buckets, item, ends, true);
}

bool layout_buckets_move_segment(struct layout_buckets *buckets, size_t item, const float from[4],
                                 const float to[4])
{
	buckets_update_segment(buckets, item, from, false);
	return buckets_update_segment(buckets, item, to, true);
}

bool layout_buckets_fill(struct layout_buckets *buckets, const struct layout_rect *rects)
{
	for (size_t i = 0; i < buckets->item_count; i++)
		if (!buckets_update(buckets, i, rects[i], true))
			return false;
	return true;
}

bool layout_buckets_move(struct layout_buckets *buckets, size_t item, struct layout_rect from,
                         struct layout_rect to)
{
	buckets_update(buckets, item, from, false);
	return buckets_update(buckets, item, to, true);
}

/* A new stamp per query tells items already found apart; on the rare
 * wrap-around, the stamps start again from zero. */
static void buckets_new_query(struct layout_buckets *buckets)
{
	if (++buckets->stamp == 0) {
		memset(buckets->stamps, 0, buckets->item_count * sizeof *buckets->stamps);
		buckets->stamp = 1;
	}
}

/* Appends the bucket's items not found yet by this query. */
static inline size_t buckets_collect(struct layout_buckets *buckets, int row, int column,
                                     size_t *found, size_t count)
{
	const struct layout_bucket *bucket = &buckets->buckets[row * buckets->columns + column];
	for (size_t k = 0; k < bucket->count; k++) {
		size_t item = bucket->items[k];
		if (buckets->stamps[item] == buckets->stamp)
			continue;
		buckets->stamps[item] = buckets->stamp;
		found[count++] = item;
	}
	return count;
}

size_t layout_buckets_near(struct layout_buckets *buckets, struct layout_rect rect, size_t *found)
{
	buckets_new_query(buckets);
	int range[4];
	buckets_range(buckets, rect, range);
	size_t count = 0;
	for (int row = range[2]; row <= range[3]; row++)
		for (int column = range[0]; column <= range[1]; column++)
			count = buckets_collect(buckets, row, column, found, count);
	return count;
}

bool layout_buckets_any_overlap(const struct layout_buckets *buckets, struct layout_rect rect,
                                const struct layout_rect *rects, size_t except)
{
	int range[4];
	buckets_range(buckets, rect, range);
	for (int row = range[2]; row <= range[3]; row++) {
		for (int column = range[0]; column <= range[1]; column++) {
			const struct layout_bucket *bucket =
			    &buckets->buckets[row * buckets->columns + column];
			for (size_t k = 0; k < bucket->count; k++)
				if (bucket->items[k] != except &&
				    layout_rects_overlap(rect, rects[bucket->items[k]]))
					return true;
		}
	}
	return false;
}

size_t layout_buckets_along(struct layout_buckets *buckets, const float ends[4], size_t *found)
{
	buckets_new_query(buckets);
	struct buckets_path path = buckets_path_of(buckets, ends);
	size_t count = 0;
	for (int row = path.first_row; row <= path.last_row; row++) {
		int columns[2];
		buckets_path_columns(buckets, &path, row, columns);
		for (int column = columns[0]; column <= columns[1]; column++)
			count = buckets_collect(buckets, row, column, found, count);
	}
	return count;
}
