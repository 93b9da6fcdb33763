/*
 * layout_households: each household's dotted enclosure, holding its members
 * and nobody else, and the place of its name along the enclosure.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "layout_internal.h"

/* A name over another counts as this many symbols hidden; names are
 * looked for this many rows of names away from the enclosure in a crowd. */
enum { HOUSEHOLD_NAME_CONFLICT = 1000, HOUSEHOLD_FAR_ROWS = 3 };

/* Room between a household's enclosure and its members, per symbol size. */
static const float household_pad_ratio = 0.2f;

static bool is_member(const struct household *household, size_t node)
{
	for (size_t m = 0; m < household->member_count; m++)
		if ((size_t)household->members[m] == node)
			return true;
	return false;
}

/* Whether rect touches no one outside the household. */
static bool household_rect_is_clear(const struct layout_work *work,
                                    const struct household *household, struct layout_rect rect)
{
	for (size_t i = 0; i < work->situation->node_count; i++)
		if (!is_member(household, i) &&
		    layout_rects_overlap(rect, layout_cell_rect(work, i, 0)))
			return false;
	return true;
}

/* A household's enclosure: per row, runs of members with no one else in
 * between, joined to the run above by a narrow bridge where they face each
 * other. It covers its members and nobody else. */
static void finish_households(struct layout_work *work)
{
	const struct situation *situation = work->situation;
	struct layout *layout = work->layout;
	float pad = layout->symbol_size * household_pad_ratio;
	for (size_t h = 0; h < situation->household_count; h++) {
		const struct household *household = &situation->households[h];
		struct layout_household *enclosure = &layout->households[h];
		enclosure->rect_count = 0;
		for (size_t m = 0; m < household->member_count; m++) {
			size_t node = (size_t)household->members[m];
			struct layout_rect cell = layout_cell_rect(work, node, pad);
			/* Join this member to a run on its row when no one stands between. */
			bool is_joined = false;
			for (size_t r = 0; r < enclosure->rect_count && !is_joined; r++) {
				struct layout_rect *run = &enclosure->rects[r];
				if (fabsf((run->y + run->h / 2) - (cell.y + cell.h / 2)) > 1)
					continue;
				struct layout_rect joined = {layout_min(run->x, cell.x),
				                             layout_min(run->y, cell.y), 0, 0};
				joined.w = layout_max(run->x + run->w, cell.x + cell.w) - joined.x;
				joined.h = layout_max(run->y + run->h, cell.y + cell.h) - joined.y;
				if (household_rect_is_clear(work, household, joined)) {
					*run = joined;
					is_joined = true;
				}
			}
			if (!is_joined && enclosure->rect_count < LAYOUT_HOUSEHOLD_MAX_RECTS)
				enclosure->rects[enclosure->rect_count++] = cell;
		}
		/* Bridges between runs of different rows that face each other. */
		size_t runs = enclosure->rect_count;
		for (size_t a = 0; a < runs; a++) {
			for (size_t b = 0; b < runs; b++) {
				struct layout_rect upper = enclosure->rects[a],
				                   lower = enclosure->rects[b];
				if (upper.y + upper.h >= lower.y)
					continue;
				float left = layout_max(upper.x, lower.x);
				float right = layout_min(upper.x + upper.w, lower.x + lower.w);
				if (right - left < pad * 2)
					continue;
				float width = layout_min(right - left, layout->symbol_size * 0.8f);
				struct layout_rect bridge = {
				    (left + right) / 2 - width / 2, upper.y + upper.h - pad, width,
				    lower.y - (upper.y + upper.h) + 2 * pad};
				if (household_rect_is_clear(work, household, bridge) &&
				    enclosure->rect_count < LAYOUT_HOUSEHOLD_MAX_RECTS)
					enclosure->rects[enclosure->rect_count++] = bridge;
			}
		}
	}
}

/* What a household's name at `spot` would hide, weighed: another
 * household's name (which would become unreadable) far more than a symbol
 * or a label (which the name's backing covers in part); off screen, all. */
static int household_label_conflicts(const struct layout *layout, struct layout_rect spot)
{
	if (spot.x < 0 || spot.y < 0 || spot.x + spot.w > (float)layout->width ||
	    spot.y + spot.h > (float)layout->height)
		return INT_MAX;
	int conflicts = 0;
	for (size_t i = 0; i < layout->node_count; i++)
		conflicts += layout_rects_overlap(spot, layout->nodes[i].symbol_box) +
		             layout_rects_overlap(spot, layout->nodes[i].label_box);
	for (size_t h = 0; h < layout->household_count; h++)
		if (layout->households[h].label_box.w > 0 &&
		    layout_rects_overlap(spot, layout->households[h].label_box))
			conflicts += HOUSEHOLD_NAME_CONFLICT;
	return conflicts;
}

/* Spots for a name of width x height along `run`: outside its top and
 * bottom edges, then across them (the backing hides a stretch of the
 * dotted line, as a name on a map's frame), then further out, `far` rows
 * of names away. Each spot goes to try_spot(); stops when it returns true. */
static bool household_label_spots(struct layout_rect run, float width, float height, float pad,
                                  int far, bool (*try_spot)(struct layout_rect spot, void *context),
                                  void *context)
{
	float first = layout_min(run.x + 2, run.x + run.w - width - 2);
	float last = layout_max(run.x + 2, run.x + run.w - width - 2);
	float step = layout_max(width / 4, 1);
	float heights[4 + 2 * HOUSEHOLD_FAR_ROWS] = {run.y - height - 2, run.y + run.h + 2,
	                                             run.y + pad - height - 1,
	                                             run.y + run.h - pad + 1};
	int count = 4;
	for (int k = 1; k <= far && k <= HOUSEHOLD_FAR_ROWS; k++) {
		heights[count++] = run.y - (float)(k + 1) * (height + 2);
		heights[count++] = run.y + run.h + 2 + (float)k * (height + 2);
	}
	for (int side = 0; side < count; side++) {
		/* Further out, the name may also slide past the enclosure's ends. */
		float from = side < 4 ? first : first - width / 2,
		      to = side < 4 ? last : last + width / 2;
		for (float x = from; x <= to + 0.5f; x += step)
			if (try_spot((struct layout_rect){x, heights[side], width, height},
			             context))
				return true;
	}
	return false;
}

struct household_label_search {
	const struct layout *layout;
	struct layout_rect best;
	int best_conflicts;
};

static bool household_label_try_free(struct layout_rect spot, void *context)
{
	struct household_label_search *search = context;
	if (!layout_rect_is_free(search->layout, spot, 0, NULL))
		return false;
	search->best = spot;
	search->best_conflicts = 0;
	return true;
}

static bool household_label_try_least(struct layout_rect spot, void *context)
{
	struct household_label_search *search = context;
	int conflicts = household_label_conflicts(search->layout, spot);
	if (conflicts < search->best_conflicts) {
		search->best = spot;
		search->best_conflicts = conflicts;
	}
	return conflicts == 0;
}

/* A household's name goes along the top or bottom edge of one of its
 * rectangles, the first place that hides no symbol, no label and no other
 * household's name; in a crowd, where it hides the least, never over
 * another name if anywhere else will do. */
static void finish_household_labels(struct layout_work *work)
{
	const struct situation *situation = work->situation;
	struct layout *layout = work->layout;
	for (size_t h = 0; h < situation->household_count; h++)
		layout->households[h].label_box = (struct layout_rect){0, 0, 0, 0};
	for (size_t h = 0; h < situation->household_count; h++) {
		struct layout_household *enclosure = &layout->households[h];
		const char *label = situation->households[h].label;
		if (!label || enclosure->rect_count == 0)
			continue;
		float width = (float)layout_text_width(work, label, layout->small_px, false) + 8;
		float height = (float)layout->small_px * 1.3f;
		/* the members' footprints start this far inside the edges */
		float pad = layout->symbol_size * household_pad_ratio;
		struct household_label_search search = {
		    layout,
		    {enclosure->rects[0].x + 2, enclosure->rects[0].y - height - 2, width, height},
		    INT_MAX};
		bool is_found = false;
		for (size_t r = 0; r < enclosure->rect_count && !is_found; r++)
			is_found = household_label_spots(enclosure->rects[r], width, height, pad, 0,
			                                 household_label_try_free, &search);
		for (size_t r = 0; r < enclosure->rect_count && !is_found; r++)
			is_found = household_label_spots(enclosure->rects[r], width, height, pad,
			                                 HOUSEHOLD_FAR_ROWS,
			                                 household_label_try_least, &search);
		enclosure->label_box = search.best;
	}
}

void layout_households_finish(struct layout_work *work)
{
	finish_households(work);
	finish_household_labels(work);
}
