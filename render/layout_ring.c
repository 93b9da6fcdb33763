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
};

static float ring_track_length(const struct ring_track *track)
{
	return 2 * (track->x1 - track->x0) + 2 * (track->y1 - track->y0);
}

/* The point at arc length t, clockwise from the top-left corner; horizontal
 * tells whether it lies on the top or bottom edge. */
static void ring_track_point(const struct ring_track *track, float t, float *x, float *y,
			     bool *is_horizontal)
{
	float w = track->x1 - track->x0, h = track->y1 - track->y0, length = 2 * (w + h);
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
		int other = (size_t)link->a == node ? link->b : (size_t)link->b == node ? link->a : -1;
		if (other < 0 || situation->nodes[other].kind != NODE_PERSON)
			continue;
		float dx = work->layout->nodes[other].x - cx, dy = work->layout->nodes[other].y - cy;
		float length = sqrtf(dx * dx + dy * dy);
		if (length > 1) {
			sum_x += dx / length;
			sum_y += dy / length;
		}
	}
	float by_sector = -ring_pi / 2 + 2 * ring_pi * ((float)situation->nodes[node].sector + 0.5f) /
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

/* Spreads one track's items along it, turned towards their wishes. */
static void ring_place_track(struct layout_work *work, const struct ring_track *track,
			     struct ring_item *items, size_t count, float spacing, float *params)
{
	float length = ring_track_length(track);
	/* First pass: the room each needs where it would stand. */
	float used = 0;
	for (size_t k = 0; k < count; k++) {
		float x, y;
		bool is_horizontal;
		ring_track_point(track, used, &x, &y, &is_horizontal);
		float advance = ring_advance(work, items[k].node, is_horizontal, spacing);
		params[k] = used + advance / 2;
		used += advance;
	}
	float slack = layout_max(0, length - used) / (float)(count ? count : 1);
	for (size_t k = 0; k < count; k++)
		params[k] += slack * ((float)k + 0.5f);
	/* Turn the whole sequence to where it deviates least from the wishes. */
	float cx = (track->x0 + track->x1) / 2, cy = (track->y0 + track->y1) / 2;
	(void)cx;
	(void)cy;
	float sum_x = 0, sum_y = 0;
	for (size_t k = 0; k < count; k++) {
		float wanted = ring_track_param(track, items[k].wish - ring_pi);
		float delta = (wanted - params[k]) / length * 2 * ring_pi;
		sum_x += cosf(delta);
		sum_y += sinf(delta);
	}
	float turn = ring_mean_angle(sum_x, sum_y, 0) / (2 * ring_pi) * length;
	for (size_t k = 0; k < count; k++) {
		float x, y;
		bool is_horizontal;
		ring_track_point(track, params[k] + turn, &x, &y, &is_horizontal);
		work->layout->nodes[items[k].node].x = x;
		work->layout->nodes[items[k].node].y = y;
		work->is_placed[items[k].node] = true;
	}
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
		items[count++] = (struct ring_item){i, ring_wish(work, i, cx, cy), 0, 0,
						    (int)node->sector, group, is_tag};
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
	/* How many tracks: as many as the total room asks for. */
	size_t tracks = 1;
	for (; tracks <= RING_MAX_TRACKS; tracks++) {
		float capacity = 0;
		for (size_t t = 0; t < tracks; t++) {
			struct ring_track track = {
			    screen->x + widest / 2 + band_x * (float)t,
			    screen->y + tallest_up + band_y * (float)t,
			    screen->x + screen->w - widest / 2 - band_x * (float)t,
			    screen->y + screen->h - (tallest - tallest_up) - band_y * (float)t};
			if (track.x1 > track.x0 && track.y1 > track.y0)
				capacity += ring_track_length(&track);
		}
		float needed = 0;
		for (size_t k = 0; k < count; k++)
			needed += (work->cells[items[k].node].half_width * 2 +
				   work->cells[items[k].node].up + work->cells[items[k].node].down) /
					  2 +
				  spacing;
		if (needed <= capacity * 0.95f)
			break;
	}
	bool does_fit = tracks <= RING_MAX_TRACKS;
	/* The family must fit inside the innermost track's band. */
	float inner_left = screen->x + band_x * (float)tracks;
	float inner_top = screen->y + band_y * (float)tracks;
	struct layout_rect inner = {inner_left, inner_top, screen->w - 2 * band_x * (float)tracks,
				    screen->h - 2 * band_y * (float)tracks};
	if (count == 0)
		inner = *screen;
	if (work->family_box.w > inner.w || work->family_box.h > inner.h)
		does_fit = false;
	for (size_t t = 0; does_fit && t < tracks && count > 0; t++) {
		struct ring_track track = {screen->x + widest / 2 + band_x * (float)t,
					   screen->y + tallest_up + band_y * (float)t,
					   screen->x + screen->w - widest / 2 - band_x * (float)t,
					   screen->y + screen->h - (tallest - tallest_up) -
					       band_y * (float)t};
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
