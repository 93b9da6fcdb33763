/*
 * layout_ring: the professionals and institutions around the family.
 *
 * They stand on rectangular tracks that follow the screen's edges (a
 * rectangle holds more than an ellipse on a 16:9 screen), as many tracks as
 * needed, the outermost first. Each one wants the direction, seen from the
 * centre, of the family members it works with; institutions sit in the
 * middle of their professionals, institutions of one sector side by side,
 * sectors in the order their members want. The sequence is then spread
 * along the track and turned to where it deviates least from those wishes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

enum { RING_MAX_TRACKS = 6 };

static const float ring_pi = 3.14159265358979f;

struct ring_item {
	size_t node;
	float wish; /* angle in radians, from the screen's centre */
	float group_wish;
	float sector_wish;
	int sector;
	int group; /* institution index, or the node itself */
	bool is_tag;
};

struct ring_track {
	float x0, y0, x1, y1; /* the rectangle the centres run along */
	bool is_sideless;     /* top and bottom edges only (portrait screens) */
};

static float ring_track_length(const struct ring_track *track)
{
	float sides = track->is_sideless ? 0 : 2 * (track->y1 - track->y0);
	return 2 * (track->x1 - track->x0) + sides;
}

/* The point at arc length t, clockwise from the top-left corner; horizontal
 * tells whether it lies on the top or bottom edge. */
static void ring_track_point(const struct ring_track *track, float t, float *x, float *y,
                             bool *is_horizontal)
{
	float w = track->x1 - track->x0, h = track->is_sideless ? 0 : track->y1 - track->y0;
	float length = 2 * (w + h);
	t = fmodf(t, length);
	if (t < 0)
		t += length;
	*is_horizontal = true;
	if (t < w) {
		*x = track->x0 + t;
		*y = track->y0;
	} else if (t < w + h) {
		*x = track->x1;
		*y = track->y0 + (t - w);
		*is_horizontal = false;
	} else if (t < 2 * w + h) {
		*x = track->x1 - (t - w - h);
		*y = track->y1;
	} else {
		*x = track->x0;
		*y = track->y1 - (t - 2 * w - h);
		*is_horizontal = false;
	}
}

/* Arc length where the ray from the centre at `angle` meets the track. */
static float ring_track_param(const struct ring_track *track, float angle)
{
	float cx = (track->x0 + track->x1) / 2, cy = (track->y0 + track->y1) / 2;
	float hw = (track->x1 - track->x0) / 2, hh = (track->y1 - track->y0) / 2;
	float dx = cosf(angle), dy = sinf(angle);
	float scale = INFINITY;
	if (fabsf(dx) > 1e-6f)
		scale = layout_min(scale, hw / fabsf(dx));
	if (fabsf(dy) > 1e-6f)
		scale = layout_min(scale, hh / fabsf(dy));
	float x = cx + dx * scale, y = cy + dy * scale;
	float w = 2 * hw, h = 2 * hh;
	if (track->is_sideless) {
		/* Sideways wishes go to the nearer end of the top or bottom edge. */
		float along = layout_max(-1, layout_min(1, dx * 1.5f)) * hw;
		return dy < 0 ? hw + along : w + hw - along;
	}
	if (fabsf(y - track->y0) < 0.5f)
		return x - track->x0;
	if (fabsf(x - track->x1) < 0.5f)
		return w + (y - track->y0);
	if (fabsf(y - track->y1) < 0.5f)
		return w + h + (track->x1 - x);
	return 2 * w + h + (track->y1 - y);
}

static float ring_mean_angle(float sum_x, float sum_y, float fallback)
{
	return (fabsf(sum_x) < 1e-6f && fabsf(sum_y) < 1e-6f) ? fallback : atan2f(sum_y, sum_x);
}

/* The direction of the family members a node works with; falls back on its
 * institution's sector so lone professionals still group sensibly. */
static float ring_wish(const struct layout_work *work, size_t node, float cx, float cy)
{
	const struct situation *situation = work->situation;
	float sum_x = 0, sum_y = 0;
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		int other = (size_t)link->a == node   ? link->b
		            : (size_t)link->b == node ? link->a
		                                      : -1;
		if (other < 0 || situation->nodes[other].kind != NODE_PERSON)
			continue;
		float dx = work->layout->nodes[other].x - cx,
		      dy = work->layout->nodes[other].y - cy;
		float length = sqrtf(dx * dx + dy * dy);
		if (length > 1) {
			sum_x += dx / length;
			sum_y += dy / length;
		}
	}
	float by_sector = -ring_pi / 2 + 2 * ring_pi *
	                                     ((float)situation->nodes[node].sector + 0.5f) /
	                                     (float)SECTOR_COUNT;
	return ring_mean_angle(sum_x, sum_y, by_sector);
}

static int ring_compare(const void *left, const void *right)
{
	const struct ring_item *a = left, *b = right;
	if (a->sector_wish != b->sector_wish)
		return a->sector_wish < b->sector_wish ? -1 : 1;
	if (a->sector != b->sector)
		return a->sector < b->sector ? -1 : 1;
	if (a->group_wish != b->group_wish)
		return a->group_wish < b->group_wish ? -1 : 1;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->is_tag != b->is_tag) /* tags first; moved to the middle below */
		return a->is_tag ? -1 : 1;
	if (a->wish != b->wish)
		return a->wish < b->wish ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Angles relative to the sequence's start, in [0, 2 pi). */
static float ring_wrap(float angle, float origin)
{
	float relative = fmodf(angle - origin, 2 * ring_pi);
	return relative < 0 ? relative + 2 * ring_pi : relative;
}

/* Means of wishes per institution and per sector (circular means). */
static void ring_group_wishes(struct ring_item *items, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		float gx = 0, gy = 0, sx = 0, sy = 0;
		for (size_t j = 0; j < count; j++) {
			if (items[j].group == items[k].group && !items[j].is_tag) {
				gx += cosf(items[j].wish);
				gy += sinf(items[j].wish);
			}
			if (items[j].sector == items[k].sector && !items[j].is_tag) {
				sx += cosf(items[j].wish);
				sy += sinf(items[j].wish);
			}
		}
		items[k].group_wish = ring_mean_angle(gx, gy, items[k].wish);
		items[k].sector_wish = ring_mean_angle(sx, sy, items[k].wish);
	}
	/* Order sectors and groups starting from the emptiest direction so no
	 * group is cut in two by the wrap-around; the top-left is a fine start. */
	float origin = -ring_pi;
	for (size_t k = 0; k < count; k++) {
		items[k].sector_wish = ring_wrap(items[k].sector_wish, origin);
		items[k].group_wish = ring_wrap(items[k].group_wish, origin);
		items[k].wish = ring_wrap(items[k].wish, origin);
	}
}

/* Institution tags stand in the middle of their professionals. */
static void ring_centre_tags(struct ring_item *items, size_t count)
{
	for (size_t k = 0; k < count;) {
		size_t end = k + 1;
		while (end < count && items[end].group == items[k].group &&
		       items[end].sector == items[k].sector)
			end++;
		if (items[k].is_tag && end - k > 2) {
			struct ring_item tag = items[k];
			size_t middle = k + (end - k) / 2;
			memmove(&items[k], &items[k + 1], (middle - k) * sizeof *items);
			items[middle] = tag;
		}
		k = end;
	}
}

static float ring_advance(const struct layout_work *work, size_t node, bool is_horizontal,
                          float spacing)
{
	const struct layout_cell *cell = &work->cells[node];
	return (is_horizontal ? 2 * cell->half_width : cell->up + cell->down) + spacing;
}

/* Spreads one track's items along it: institutions stay in one block, and
 * the blocks go as near as they can to where their members want to be
 * (isotonic regression along the track unrolled from the left edge's
 * middle, which is where the sequence's angles start). */
static void ring_place_track(struct layout_work *work, const struct ring_track *track,
                             struct ring_item *items, size_t count, float spacing, float *params)
{
	float length = ring_track_length(track);
	float origin = ring_track_param(track, -ring_pi);
	float *advance = calloc(count + 1, sizeof *advance);
	float *desired = calloc(count + 1, sizeof *desired);
	float *gaps = calloc(count + 1, sizeof *gaps);
	float *scratch = calloc(count + 1, sizeof *scratch);
	size_t *sizes = calloc(count + 1, sizeof *sizes);
	if (!advance || !desired || !gaps || !scratch || !sizes) {
		free(advance);
		free(desired);
		free(gaps);
		free(scratch);
		free(sizes);
		return;
	}
	for (size_t k = 0; k < count; k++) {
		const struct layout_cell *cell = &work->cells[items[k].node];
		advance[k] = (2 * cell->half_width + cell->up + cell->down) / 2 + spacing;
		/* All members of a block want the block's direction. */
		float wanted = ring_track_param(track, items[k].group_wish - ring_pi);
		desired[k] = fmodf(wanted - origin + length, length);
	}
	/* Two passes: the second knows which edge each one stands on, so a
	 * wide label on the top edge takes its width, on a side its height. */
	for (int pass = 0; pass < 2; pass++) {
		float total = 0;
		for (size_t k = 0; k + 1 < count; k++) {
			gaps[k] = (advance[k] + advance[k + 1]) / 2;
			total += gaps[k];
		}
		/* Leave the slack between blocks, not inside them. */
		size_t blocks = 1;
		for (size_t k = 0; k + 1 < count; k++)
			blocks += items[k].group != items[k + 1].group;
		float slack = layout_max(0, length - total - advance[0]) / (float)blocks;
		for (size_t k = 0; k + 1 < count; k++)
			if (items[k].group != items[k + 1].group)
				gaps[k] += slack * 0.5f;
		float *solved = params;
		layout_isotonic(solved, desired, gaps, count, scratch, sizes);
		for (size_t k = 0; k < count; k++) {
			float x, y;
			bool is_horizontal;
			ring_track_point(track, solved[k] + origin, &x, &y, &is_horizontal);
			advance[k] = ring_advance(work, items[k].node, is_horizontal, spacing);
		}
	}
	for (size_t k = 0; k < count; k++) {
		float x, y;
		bool is_horizontal;
		ring_track_point(track, params[k] + origin, &x, &y, &is_horizontal);
		work->layout->nodes[items[k].node].x = x;
		work->layout->nodes[items[k].node].y = y;
		work->is_placed[items[k].node] = true;
	}
	free(advance);
	free(desired);
	free(gaps);
	free(scratch);
	free(sizes);
}

static struct ring_track ring_track_at(const struct layout_rect *screen, size_t index, float widest,
                                       float tallest, float tallest_up, float band_x, float band_y,
                                       bool is_sideless)
{
	float inset_x = is_sideless ? widest / 2 : widest / 2 + band_x * (float)index;
	return (struct ring_track){
	    screen->x + inset_x, screen->y + tallest_up + band_y * (float)index,
	    screen->x + screen->w - inset_x,
	    screen->y + screen->h - (tallest - tallest_up) - band_y * (float)index, is_sideless};
}

bool layout_ring_place(struct layout_work *work)
{
	const struct situation *situation = work->situation;
	size_t count = 0;
	struct ring_item *items = calloc(situation->node_count + 1, sizeof *items);
	float *params = calloc(situation->node_count + 1, sizeof *params);
	struct ring_item *track_items = calloc(situation->node_count + 1, sizeof *track_items);
	if (!items || !params || !track_items) {
		free(items);
		free(params);
		free(track_items);
		return false;
	}
	float cx = work->family_box.x + work->family_box.w / 2;
	float cy = work->family_box.y + work->family_box.h / 2;
	float widest = 0, tallest = 0, tallest_up = 0;
	for (size_t i = 0; i < situation->node_count; i++) {
		const struct node *node = &situation->nodes[i];
		if (node->kind == NODE_PERSON)
			continue;
		bool is_tag = node->kind == NODE_INSTITUTION;
		int group = is_tag ? (int)i : node->institution >= 0 ? node->institution : (int)i;
		items[count++] = (struct ring_item){
		    i, ring_wish(work, i, cx, cy), 0, 0, (int)node->sector, group, is_tag};
		widest = layout_max(widest, 2 * work->cells[i].half_width);
		tallest = layout_max(tallest, work->cells[i].up + work->cells[i].down);
		tallest_up = layout_max(tallest_up, work->cells[i].up);
	}
	/* An institution with no professional wishes like a professional. */
	ring_group_wishes(items, count);
	qsort(items, count, sizeof *items, ring_compare);
	ring_centre_tags(items, count);

	float spacing = work->layout->symbol_size * 0.35f;
	float band_x = widest + spacing, band_y = tallest + spacing;
	const struct layout_rect *screen = &work->screen;
	/* Tracks all around on landscape screens; where the family is wider
	 * than what the side bands leave (portrait), top and bottom only. */
	size_t tracks = 1;
	bool is_sideless = false;
	for (int mode = 0; mode < 2; mode++) {
		is_sideless = mode == 1;
		for (tracks = 1; tracks <= RING_MAX_TRACKS; tracks++) {
			float capacity = 0;
			for (size_t t = 0; t < tracks; t++) {
				struct ring_track track =
				    ring_track_at(screen, t, widest, tallest, tallest_up, band_x,
				                  band_y, is_sideless);
				if (track.x1 > track.x0 && track.y1 > track.y0)
					capacity += ring_track_length(&track);
			}
			float needed = 0;
			for (size_t k = 0; k < count; k++)
				needed += (work->cells[items[k].node].half_width * 2 +
				           work->cells[items[k].node].up +
				           work->cells[items[k].node].down) /
				              2 +
				          spacing;
			if (needed <= capacity * 0.9f)
				break;
		}
		float inner_width = screen->w - (is_sideless ? 0 : 2 * band_x * (float)tracks);
		if (count == 0 || work->family_box.w <= inner_width)
			break;
	}
	bool does_fit = tracks <= RING_MAX_TRACKS;
	if (tracks > RING_MAX_TRACKS)
		tracks = RING_MAX_TRACKS;
	/* The family must fit inside the innermost track's band. */
	struct layout_rect inner = {screen->x + (is_sideless ? 0 : band_x * (float)tracks),
	                            screen->y + band_y * (float)tracks,
	                            screen->w - (is_sideless ? 0 : 2 * band_x * (float)tracks),
	                            screen->h - 2 * band_y * (float)tracks};
	if (count == 0)
		inner = *screen;
	if (work->family_box.w > inner.w || work->family_box.h > inner.h)
		does_fit = false;
	for (size_t t = 0; t < tracks && count > 0; t++) {
		struct ring_track track = ring_track_at(screen, t, widest, tallest, tallest_up,
		                                        band_x, band_y, is_sideless);
		size_t track_count = 0;
		for (size_t k = t; k < count; k += tracks)
			track_items[track_count++] = items[k];
		ring_place_track(work, &track, track_items, track_count, spacing, params);
	}
	free(items);
	free(params);
	free(track_items);
	return does_fit;
}
