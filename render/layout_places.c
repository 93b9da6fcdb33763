/*
 * layout_places: walks the patch of a grid where its cheapest points lie,
 * selects the cheapest, hands them out from a min-heap (see
 * layout_places.h).
 */
#include <math.h>
#include <stdlib.h>

#include "layout_places.h"

/* How far past the limit a cost must be before a walk stops: costs are
 * sums of rounded square roots, so "convex" holds only to a few parts in a
 * million; this keeps the walk from stopping before a point that a loop
 * over the whole grid would have kept. */
static const float places_stop_ratio = 1.001f;

static inline int places_compare(const struct layout_place *a, const struct layout_place *b)
{
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	return (a->x > b->x) - (a->x < b->x);
}

/* fmaxf is a library call (it must mind NaN); costs are never NaN. */
static inline float places_max(float a, float b)
{
	return a > b ? a : b;
}

static void places_swap(struct layout_place *a, struct layout_place *b)
{
	struct layout_place kept = *a;
	*a = *b;
	*b = kept;
}

bool layout_places_init(struct layout_places *places, size_t capacity, size_t max_columns,
                        size_t max_rows)
{
	size_t room = max_columns * max_rows,
	       longest = max_columns > max_rows ? max_columns : max_rows;
	*places = (struct layout_places){
	    .capacity = capacity, .max_columns = max_columns, .max_rows = max_rows};
	places->items = calloc((room > capacity ? room : capacity) + 1, sizeof *places->items);
	places->xs = calloc(max_columns + 1, sizeof *places->xs);
	places->ys = calloc(max_rows + 1, sizeof *places->ys);
	places->least = calloc(longest + 1, sizeof *places->least);
	return places->items && places->xs && places->ys && places->least;
}

void layout_places_free(struct layout_places *places)
{
	free(places->items);
	free(places->xs);
	free(places->ys);
	free(places->least);
	*places = (struct layout_places){0};
}

/* Coordinates as the loop `for (v = first; v <= last; v += step)` visits
 * them (the same rounding, so the same points); returns how many. */
static size_t places_axis(float first, float last, float step, float *values, size_t capacity)
{
	size_t count = 0;
	for (float v = first; v <= last && count < capacity; v += step)
		values[count++] = v;
	return count;
}

static float places_cost(float x, float y, const float *ends, size_t end_count)
{
	float cost = 0;
	for (size_t e = 0; e < end_count; e++) {
		float dx = ends[2 * e] - x, dy = ends[2 * e + 1] - y;
		cost += sqrtf(dx * dx + dy * dy);
	}
	return cost;
}

/* One grid's walk: the ends the cost is measured to, and a cost that at
 * least `capacity` of the grid's points do not exceed. */
struct places_walk {
	struct layout_places *places;
	const float *ends;
	size_t end_count;
	size_t columns;
	float limit;
};

static void places_keep(const struct places_walk *walk, float cost, float x, float y)
{
	if (cost <= walk->limit)
		walk->places->items[walk->places->count++] = (struct layout_place){cost, x, y};
}

/* Walks a row from column `from` by `direction` (+1 or -1) while a point
 * can still be under the limit: once the cost rises past it, it only
 * rises. */
static void places_walk_row(const struct places_walk *walk, float y, size_t from, int direction,
                            float previous)
{
	const float *xs = walk->places->xs;
	for (size_t c = from; c < walk->columns; c += (size_t)direction) {
		float cost = places_cost(xs[c], y, walk->ends, walk->end_count);
		if (cost > previous && cost > walk->limit * places_stop_ratio)
			return;
		places_keep(walk, cost, xs[c], y);
		previous = cost;
	}
}

/* The index of the least of values[0..count-1] (count > 0). */
static size_t places_argmin(const float *values, size_t count)
{
	size_t best = 0;
	for (size_t k = 1; k < count; k++)
		if (values[k] < values[best])
			best = k;
	return best;
}

/* Into least[]: for each coordinate, the sum of its distances to the ends'
 * coordinates on the same axis (axis 0 for x, 1 for y). */
static void places_least_along(const float *values, size_t count, const float *ends,
                               size_t end_count, int axis, float *least)
{
	for (size_t k = 0; k < count; k++) {
		least[k] = 0;
		for (size_t e = 0; e < end_count; e++)
			least[k] += fabsf(ends[2 * e + (size_t)axis] - values[k]);
	}
}

/* The first of `length` consecutive indices out of `count`, centred on
 * `middle` as far as the ends allow. */
static size_t places_window(size_t middle, size_t length, size_t count)
{
	size_t first = middle > length / 2 ? middle - length / 2 : 0;
	return first + length > count ? count - length : first;
}

/* A cost that `capacity` grid points do not exceed, so that nothing dearer
 * needs a look: a cost convex in (x, y) is greatest over a box at one of
 * its corners, so the dearest corner of a box of that many points around
 * the start bounds them all. INFINITY when the grid has fewer points. */
static float places_limit(const struct places_walk *walk, size_t rows, size_t start_column,
                          size_t start_row)
{
	const struct layout_places *places = walk->places;
	size_t want = places->capacity, width = 1;
	while (width * width < want)
		width++;
	width = width < walk->columns ? width : walk->columns;
	size_t height = (want + width - 1) / width;
	height = height < rows ? height : rows;
	if (width * height < want) {
		width = (want + height - 1) / height;
		width = width < walk->columns ? width : walk->columns;
	}
	if (want == 0 || width * height < want)
		return INFINITY;
	size_t left = places_window(start_column, width, walk->columns);
	size_t top = places_window(start_row, height, rows);
	float dearest = 0;
	for (int corner = 0; corner < 4; corner++) {
		size_t c = left + (corner & 1 ? width - 1 : 0);
		size_t r = top + (corner & 2 ? height - 1 : 0);
		dearest = places_max(dearest, places_cost(places->xs[c], places->ys[r], walk->ends,
		                                          walk->end_count));
	}
	return dearest * places_stop_ratio;
}

/* Partitions items[low..high) around a median of three; returns where the
 * pivot ends: those before it are cheaper, those after dearer. */
static size_t places_partition(struct layout_place *items, size_t low, size_t high)
{
	size_t middle = low + (high - low) / 2, last = high - 1;
	if (places_compare(&items[middle], &items[low]) < 0)
		places_swap(&items[middle], &items[low]);
	if (places_compare(&items[last], &items[low]) < 0)
		places_swap(&items[last], &items[low]);
	if (places_compare(&items[middle], &items[last]) < 0)
		places_swap(&items[middle], &items[last]);
	/* The median is now last. */
	size_t store = low;
	for (size_t k = low; k < last; k++)
		if (places_compare(&items[k], &items[last]) < 0)
			places_swap(&items[k], &items[store++]);
	places_swap(&items[store], &items[last]);
	return store;
}

/* Moves the `keep` cheapest of items[0..count) to the front (quickselect:
 * the points are distinct, so which ones is settled whatever the pivots). */
static void places_select(struct layout_place *items, size_t count, size_t keep)
{
	size_t low = 0, high = count;
	while (keep < count && high - low > 1) {
		size_t pivot = places_partition(items, low, high);
		if (pivot == keep || pivot + 1 == keep)
			return;
		if (pivot < keep)
			low = pivot + 1;
		else
			high = pivot;
	}
}

/* Keeps only the `capacity` cheapest found so far: none dearer than the
 * dearest of them can be among the cheapest of all, so that is the limit
 * from now on. */
static void places_prune(struct places_walk *walk)
{
	struct layout_places *places = walk->places;
	places_select(places->items, places->count, places->capacity);
	places->count = places->capacity;
	float dearest = 0;
	for (size_t k = 0; k < places->count; k++)
		dearest = places_max(dearest, places->items[k].cost);
	walk->limit = walk->limit < dearest ? walk->limit : dearest;
}

/* Every point under the walk's limit into items: rows outwards from the
 * cheapest, each row outwards from the cheapest column. The cheapest rows
 * come first, so pruning as it goes soon brings the limit down to about
 * what the last of the cheapest costs. */
static void places_walk_rows(struct places_walk *walk, size_t rows, size_t start_column,
                             size_t start_row)
{
	struct layout_places *places = walk->places;
	const float *least = places->least;
	size_t up = start_row, down = start_row + 1;
	bool is_up_open = true, is_down_open = down < rows;
	while (is_up_open || is_down_open) {
		bool is_going_up = is_up_open && (!is_down_open || least[up] <= least[down]);
		size_t r = is_going_up ? up : down;
		/* Each distance is at least its vertical part: past the limit,
		 * this row has no point under it, and further rows neither. */
		if (least[r] > walk->limit * places_stop_ratio) {
			if (is_going_up)
				is_up_open = false;
			else
				is_down_open = false;
			continue;
		}
		if (least[r] <= walk->limit) {
			float y = places->ys[r], x = places->xs[start_column];
			float middle = places_cost(x, y, walk->ends, walk->end_count);
			places_keep(walk, middle, x, y);
			places_walk_row(walk, y, start_column + 1, 1, middle);
			places_walk_row(walk, y, start_column - 1, -1, middle);
			if (places->capacity > 0 && places->count >= 2 * places->capacity)
				places_prune(walk);
		}
		if (is_going_up) {
			is_up_open = up > 0;
			up--;
		} else {
			is_down_open = down + 1 < rows;
			down++;
		}
	}
}

void layout_places_choose(struct layout_places *places, const struct layout_grid *grid,
                          const float *ends, size_t end_count)
{
	places->count = 0;
	places->is_taking = false;
	size_t columns =
	    places_axis(grid->first_x, grid->last_x, grid->step, places->xs, places->max_columns);
	size_t rows =
	    places_axis(grid->first_y, grid->last_y, grid->step, places->ys, places->max_rows);
	if (columns == 0 || rows == 0 || end_count == 0)
		return;
	/* Each distance is at least its horizontal part: the column where
	 * those add up least starts every row's walk. */
	places_least_along(places->xs, columns, ends, end_count, 0, places->least);
	size_t start_column = places_argmin(places->least, columns);
	places_least_along(places->ys, rows, ends, end_count, 1, places->least);
	size_t start_row = places_argmin(places->least, rows);
	struct places_walk walk = {places, ends, end_count, columns, INFINITY};
	walk.limit = places_limit(&walk, rows, start_column, start_row);
	places_walk_rows(&walk, rows, start_column, start_row);
	places_select(places->items, places->count, places->capacity);
	if (places->count > places->capacity)
		places->count = places->capacity;
}

void layout_places_filter(struct layout_places *places,
                          bool (*is_wanted)(const struct layout_place *place, void *context),
                          void *context)
{
	size_t kept = 0;
	for (size_t k = 0; k < places->count; k++)
		if (is_wanted(&places->items[k], context))
			places->items[kept++] = places->items[k];
	places->count = kept;
}

/* Puts `place` at `at` or below in the min-heap, moving up the cheaper. */
static void places_sift_down(struct layout_places *places, size_t at, struct layout_place place)
{
	struct layout_place *heap = places->items;
	for (size_t child = 2 * at + 1; child < places->count; child = 2 * at + 1) {
		if (child + 1 < places->count && places_compare(&heap[child + 1], &heap[child]) < 0)
			child++;
		if (places_compare(&heap[child], &place) >= 0)
			break;
		heap[at] = heap[child];
		at = child;
	}
	heap[at] = place;
}

bool layout_places_take(struct layout_places *places, struct layout_place *place)
{
	if (!places->is_taking) {
		places->is_taking = true;
		for (size_t at = places->count / 2; at-- > 0;)
			places_sift_down(places, at, places->items[at]);
	}
	if (places->count == 0)
		return false;
	*place = places->items[0];
	places->count--;
	if (places->count > 0)
		places_sift_down(places, 0, places->items[places->count]);
	return true;
}
