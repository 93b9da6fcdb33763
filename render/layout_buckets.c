/*
 * layout_buckets: rectangles sorted into a uniform grid of buckets, so that
 * "what is near this rectangle" looks at a few items instead of all.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_buckets.h"

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
	float index = floorf((coordinate - origin) / buckets->size);
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

/* Adds (is_adding) or removes the item in every bucket the rect covers. */
static bool buckets_update(struct layout_buckets *buckets, size_t item, struct layout_rect rect,
                           bool is_adding)
{
	int range[4];
	buckets_range(buckets, rect, range);
	for (int row = range[2]; row <= range[3]; row++) {
		for (int column = range[0]; column <= range[1]; column++) {
			struct layout_bucket *bucket =
			    &buckets->buckets[row * buckets->columns + column];
			if (!is_adding)
				bucket_remove(bucket, item);
			else if (!bucket_add(bucket, item))
				return false;
		}
	}
	return true;
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

size_t layout_buckets_near(struct layout_buckets *buckets, struct layout_rect rect, size_t *found)
{
	/* A new stamp per query tells items already found apart; on the rare
	 * wrap-around, the stamps start again from zero. */
	if (++buckets->stamp == 0) {
		memset(buckets->stamps, 0, buckets->item_count * sizeof *buckets->stamps);
		buckets->stamp = 1;
	}
	int range[4];
	buckets_range(buckets, rect, range);
	size_t count = 0;
	for (int row = range[2]; row <= range[3]; row++) {
		for (int column = range[0]; column <= range[1]; column++) {
			const struct layout_bucket *bucket =
			    &buckets->buckets[row * buckets->columns + column];
			for (size_t k = 0; k < bucket->count; k++) {
				size_t item = bucket->items[k];
				if (buckets->stamps[item] == buckets->stamp)
					continue;
				buckets->stamps[item] = buckets->stamp;
				found[count++] = item;
			}
		}
	}
	return count;
}
