/*
 * layout_buckets: rectangles sorted into a uniform grid of buckets, so that
 * "what is near this rectangle" looks at a few items instead of all.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_buckets.h"

bool layout_buckets_init(struct layout_buckets *buckets, struct layout_rect area, int across,
                         size_t item_count)
{
	*buckets = (struct layout_buckets){.area = area};
	float side = area.w > area.h ? area.w : area.h;
	buckets->size = side > (float)across && across > 0 ? side / (float)across : 1.0f;
	buckets->columns = (int)(area.w / buckets->size) + 1;
	buckets->rows = (int)(area.h / buckets->size) + 1;
	buckets->first =
	    calloc((size_t)(buckets->columns * buckets->rows) + 1, sizeof *buckets->first);
	buckets->stamps = calloc(item_count + 1, sizeof *buckets->stamps);
	buckets->item_count = item_count;
	return buckets->first && buckets->stamps;
}

void layout_buckets_free(struct layout_buckets *buckets)
{
	free(buckets->first);
	free(buckets->items);
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

bool layout_buckets_fill(struct layout_buckets *buckets, const struct layout_rect *rects)
{
	size_t count = (size_t)(buckets->columns * buckets->rows);
	memset(buckets->first, 0, (count + 1) * sizeof *buckets->first);
	/* Counted, then filled (compressed rows: bucket b holds
	 * items[first[b] .. first[b + 1]]). */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < buckets->item_count; i++) {
			int range[4];
			buckets_range(buckets, rects[i], range);
			for (int row = range[2]; row <= range[3]; row++) {
				for (int column = range[0]; column <= range[1]; column++) {
					size_t b = (size_t)(row * buckets->columns + column);
					if (pass == 0)
						buckets->first[b + 1]++;
					else
						buckets->items[buckets->first[b]++] = i;
				}
			}
		}
		if (pass == 1)
			break;
		for (size_t b = 0; b < count; b++)
			buckets->first[b + 1] += buckets->first[b];
		if (buckets->first[count] > buckets->capacity) {
			size_t *grown =
			    realloc(buckets->items, buckets->first[count] * sizeof *grown);
			if (!grown)
				return false;
			buckets->items = grown;
			buckets->capacity = buckets->first[count];
		}
	}
	/* Filling moved each bucket's start to the next one's: shift back. */
	memmove(buckets->first + 1, buckets->first, count * sizeof *buckets->first);
	buckets->first[0] = 0;
	return true;
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
			size_t b = (size_t)(row * buckets->columns + column);
			for (size_t k = buckets->first[b]; k < buckets->first[b + 1]; k++) {
				size_t item = buckets->items[k];
				if (buckets->stamps[item] == buckets->stamp)
					continue;
				buckets->stamps[item] = buckets->stamp;
				found[count++] = item;
			}
		}
	}
	return count;
}
