/*
 * test_layout_index: the two shortcuts untangling leans on give the same
 * answers as the slow way.
 *
 * layout_buckets_along must find every segment that crosses a segment and
 * every rectangle that it meets (it looks only along the segment's path);
 * layout_places_choose must keep exactly the cheapest grid points, in the
 * same order, as costing every point and sorting would (it costs only the
 * patch where they can lie). Situations come from a fixed pseudo-random
 * sequence, with the awkward cases added by hand: flat, vertical and
 * diagonal segments, segments along bucket edges, ends in a line (a flat
 * cost), ends off the grid, grids smaller than what is kept.
 */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "layout_buckets.h"
#include "layout_internal.h"
#include "layout_places.h"

/* A fixed sequence (a 32-bit LCG), so every run tests the same cases. */
static float test_random(unsigned *state, float low, float high)
{
	*state = *state * 1664525u + 1013904223u;
	return low + (high - low) * (float)(*state >> 8) / (float)(1u << 24);
}

enum { SEGMENT_COUNT = 400, QUERY_COUNT = 300, RECT_COUNT = 300 };

static const struct layout_rect test_area = {10, 20, 1600, 900};

/* Ends of segment k: random, but every fifth flat, vertical, on a bucket
 * edge or reaching off the area. */
static void test_segment(unsigned *state, size_t k, float bucket, float ends[4])
{
	for (int e = 0; e < 4; e++)
		ends[e] =
		    e % 2 ? test_random(state, test_area.y - 50, test_area.y + test_area.h + 50)
		          : test_random(state, test_area.x - 50, test_area.x + test_area.w + 50);
	switch (k % 10) {
	case 1:
		ends[3] = ends[1]; /* flat */
		break;
	case 3:
		ends[2] = ends[0]; /* vertical */
		break;
	case 5:
		ends[1] = ends[3] = test_area.y + bucket * 4; /* along a row's edge */
		break;
	case 7:
		ends[0] = ends[2] = test_area.x + bucket * 7; /* along a column's edge */
		break;
	default:
		break;
	}
}

static bool test_is_found(const size_t *found, size_t count, size_t item)
{
	for (size_t f = 0; f < count; f++)
		if (found[f] == item)
			return true;
	return false;
}

static bool test_is_listed_once(const size_t *found, size_t count)
{
	for (size_t f = 0; f < count; f++)
		for (size_t g = f + 1; g < count; g++)
			if (found[f] == found[g])
				return false;
	return true;
}

static void check_segments_along(void)
{
	static float segments[SEGMENT_COUNT][4];
	static size_t found[SEGMENT_COUNT];
	struct layout_buckets buckets;
	CHECK(layout_buckets_init(&buckets, test_area, 32, SEGMENT_COUNT));
	unsigned state = 12345;
	for (size_t s = 0; s < SEGMENT_COUNT; s++) {
		test_segment(&state, s, buckets.size, segments[s]);
		CHECK(layout_buckets_add_segment(&buckets, s, segments[s]));
	}
	/* Move a third elsewhere, as untangling does. */
	for (size_t s = 0; s < SEGMENT_COUNT; s += 3) {
		float moved[4];
		test_segment(&state, s + 1, buckets.size, moved);
		CHECK(layout_buckets_move_segment(&buckets, s, segments[s], moved));
		for (int e = 0; e < 4; e++)
			segments[s][e] = moved[e];
	}
	size_t missed = 0, crossings = 0;
	bool is_each_once = true;
	for (size_t q = 0; q < QUERY_COUNT; q++) {
		float query[4];
		test_segment(&state, q, buckets.size, query);
		size_t count = layout_buckets_along(&buckets, query, found);
		is_each_once = is_each_once && test_is_listed_once(found, count);
		for (size_t s = 0; s < SEGMENT_COUNT; s++) {
			const float *other = segments[s];
			if (!layout_segments_cross(query[0], query[1], query[2], query[3], other[0],
			                           other[1], other[2], other[3]))
				continue;
			crossings++;
			missed += !test_is_found(found, count, s);
		}
	}
	printf("segments along: %zu crossings, %zu missed\n", crossings, missed);
	CHECK(crossings > 1000); /* the test tests something */
	CHECK_INT_EQ(missed, 0);
	CHECK(is_each_once);
	layout_buckets_free(&buckets);
}

/* Whether the segment certainly meets the rectangle: an end inside it, or
 * a crossing with one of its diagonals. */
static bool test_meets(const float ends[4], struct layout_rect rect)
{
	for (int e = 0; e < 4; e += 2)
		if (ends[e] > rect.x && ends[e] < rect.x + rect.w && ends[e + 1] > rect.y &&
		    ends[e + 1] < rect.y + rect.h)
			return true;
	return layout_segments_cross(ends[0], ends[1], ends[2], ends[3], rect.x, rect.y,
	                             rect.x + rect.w, rect.y + rect.h) ||
	       layout_segments_cross(ends[0], ends[1], ends[2], ends[3], rect.x + rect.w, rect.y,
	                             rect.x, rect.y + rect.h);
}

static void check_rects_along(void)
{
	static struct layout_rect rects[RECT_COUNT];
	static size_t found[RECT_COUNT];
	struct layout_buckets buckets;
	CHECK(layout_buckets_init(&buckets, test_area, 48, RECT_COUNT));
	unsigned state = 777;
	for (size_t r = 0; r < RECT_COUNT; r++) {
		float x = test_random(&state, test_area.x - 20, test_area.x + test_area.w);
		float y = test_random(&state, test_area.y - 20, test_area.y + test_area.h);
		rects[r] = (struct layout_rect){x, y, test_random(&state, 5, 90),
		                                test_random(&state, 5, 60)};
	}
	CHECK(layout_buckets_fill(&buckets, rects));
	size_t missed = 0, meetings = 0;
	for (size_t q = 0; q < QUERY_COUNT; q++) {
		float query[4];
		test_segment(&state, q, buckets.size, query);
		size_t count = layout_buckets_along(&buckets, query, found);
		for (size_t r = 0; r < RECT_COUNT; r++) {
			if (!test_meets(query, rects[r]))
				continue;
			meetings++;
			missed += !test_is_found(found, count, r);
		}
	}
	printf("rectangles along: %zu meetings, %zu missed\n", meetings, missed);
	CHECK(meetings > 1000);
	CHECK_INT_EQ(missed, 0);
	layout_buckets_free(&buckets);
}

/* The slow way: every grid point costed (as layout_places.h says), sorted. */
static int test_place_compare(const void *left, const void *right)
{
	const struct layout_place *a = left, *b = right;
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	return (a->x > b->x) - (a->x < b->x);
}

static size_t test_all_places(const struct layout_grid *grid, const float *ends, size_t end_count,
                              struct layout_place *all)
{
	size_t count = 0;
	for (float y = grid->first_y; y <= grid->last_y; y += grid->step) {
		for (float x = grid->first_x; x <= grid->last_x; x += grid->step) {
			float cost = 0;
			for (size_t e = 0; e < end_count; e++) {
				float dx = ends[2 * e] - x, dy = ends[2 * e + 1] - y;
				cost += sqrtf(dx * dx + dy * dy);
			}
			all[count++] = (struct layout_place){cost, x, y};
		}
	}
	qsort(all, count, sizeof *all, test_place_compare);
	return count;
}

enum { GRID_SIDE = 70, END_MOST = 8 };

/* Whether choosing then taking gives the `capacity` cheapest in order. */
static bool test_places_agree(const struct layout_grid *grid, const float *ends, size_t end_count,
                              size_t capacity)
{
	static struct layout_place all[GRID_SIDE * GRID_SIDE];
	size_t count = test_all_places(grid, ends, end_count, all);
	struct layout_places places;
	bool is_same = layout_places_init(&places, capacity, GRID_SIDE, GRID_SIDE);
	layout_places_choose(&places, grid, ends, end_count);
	size_t expected = count < capacity ? count : capacity;
	struct layout_place place;
	for (size_t k = 0; is_same && k < expected; k++)
		is_same = layout_places_take(&places, &place) && place.cost == all[k].cost &&
		          place.x == all[k].x && place.y == all[k].y;
	is_same = is_same && !layout_places_take(&places, &place);
	layout_places_free(&places);
	return is_same;
}

static void check_places(void)
{
	unsigned state = 4242;
	size_t disagreements = 0, cases = 0;
	static const size_t capacities[] = {1, 7, 60, 300};
	for (size_t round = 0; round < 120; round++) {
		float step = test_random(&state, 12, 40);
		struct layout_grid grid = {test_random(&state, 0, 50), test_random(&state, 0, 50),
		                           0, 0, step};
		/* Now and then a grid smaller than what is kept. */
		float side = round % 7 == 0 ? step * 8 : step * (float)(GRID_SIDE - 3);
		grid.last_x = grid.first_x + test_random(&state, 0.3f, 1.0f) * side;
		grid.last_y = grid.first_y + test_random(&state, 0.3f, 1.0f) * side;
		size_t end_count = 1 + round % END_MOST;
		float ends[2 * END_MOST];
		for (size_t e = 0; e < end_count; e++) {
			/* Some ends off the grid. */
			ends[2 * e] = test_random(&state, grid.first_x - 200, grid.last_x + 200);
			ends[2 * e + 1] =
			    test_random(&state, grid.first_y - 200, grid.last_y + 200);
			/* Every third case, ends in a row: a flat cost between them. */
			if (round % 3 == 1)
				ends[2 * e + 1] = ends[1];
		}
		for (size_t c = 0; c < sizeof capacities / sizeof *capacities; c++) {
			cases++;
			disagreements += !test_places_agree(&grid, ends, end_count, capacities[c]);
		}
	}
	printf("places: %zu cases, %zu disagree with sorting every point\n", cases, disagreements);
	CHECK_INT_EQ(disagreements, 0);
}

int main(void)
{
	check_segments_along();
	check_rects_along();
	check_places();
	return check_report("test_layout_index");
}
