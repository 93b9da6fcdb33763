/*
 * layout_stagger: a genogram wider than the screen, even at the smallest
 * text, is brought to the screen's width by drawing its crowded rows on two
 * or three staggered sub-rows, like seats in a theatre. Fifty persons of
 * one generation do not fit across a portrait screen on one line; on two
 * lines, each person beside the gap between two on the other line, they do.
 *
 * A row is cut into units, a person with their partners (a union line stays
 * on one line), and the units' centres are brought closer about the middle
 * of the family by one factor for every row, so children stay under their
 * parents. Where that would make units touch, consecutive units go to
 * alternate lines, so only every second (up to sixth) unit shares a line,
 * each line as near those centres as its gaps allow. The rows below move
 * down to make room.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "layout_internal.h"

enum { STAGGER_MOST_LINES = 6, STAGGER_FACTOR_TRIES = 6 };

/* Room between two units on one line, per symbol size. */
static const float stagger_spacing_ratio = 0.3f;

struct stagger_person {
	float y, x;
	size_t node;
};

struct stagger_unit {
	size_t first, end; /* persons[first .. end) */
	float left, right; /* footprint before squeezing */
	float x;           /* its centre once staggered */
	size_t group;      /* units whose partners stand apart share one line */
	size_t line;
};

struct stagger_work {
	struct layout_work *work;
	struct stagger_person *persons; /* by row (y), then x */
	size_t person_count;
	struct stagger_unit *units; /* row after row */
	size_t unit_count;
	size_t *row_first_unit; /* row r: units[row_first_unit[r] .. row_first_unit[r + 1]) */
	size_t row_count;
	int *lines; /* per row: 1 to STAGGER_MOST_LINES */
	/* layout_isotonic's arrays, one line at a time */
	float *desired, *gap, *placed, *scratch_value;
	size_t *scratch_size;
};

static int stagger_compare(const void *left, const void *right)
{
	const struct stagger_person *a = left, *b = right;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

static bool stagger_are_partners(const struct situation *situation, size_t a, size_t b)
{
	for (size_t c = 0; c < situation->couple_count; c++) {
		const struct couple *couple = &situation->couples[c];
		if (((size_t)couple->a == a && (size_t)couple->b == b) ||
		    ((size_t)couple->a == b && (size_t)couple->b == a))
			return true;
	}
	return false;
}

static size_t stagger_group_of(struct stagger_unit *units, size_t unit)
{
	while (units[unit].group != unit)
		unit = units[unit].group = units[units[unit].group].group;
	return unit;
}

/* The row persons[first .. end) in units: a unit ends where the next person
 * is not a partner of the last. Partners with others between them stay in
 * their own units, grouped to share a line (their union line then passes
 * over those between, as it does on one row). */
static void stagger_collect_units(struct stagger_work *stagger, size_t first, size_t end)
{
	const struct layout_work *work = stagger->work;
	size_t first_unit = stagger->unit_count;
	for (size_t p = first; p < end; p++) {
		const struct stagger_person *person = &stagger->persons[p];
		float half = work->cells[person->node].half_width;
		if (p == first ||
		    !stagger_are_partners(work->situation, stagger->persons[p - 1].node,
		                          person->node)) {
			size_t index = stagger->unit_count++;
			stagger->units[index] = (struct stagger_unit){
			    p, p, person->x - half, person->x + half, person->x, index, 0};
		}
		struct stagger_unit *unit = &stagger->units[stagger->unit_count - 1];
		unit->end = p + 1;
		unit->left = layout_min(unit->left, person->x - half);
		unit->right = layout_max(unit->right, person->x + half);
	}
	for (size_t u = first_unit; u < stagger->unit_count; u++)
		for (size_t v = u + 1; v < stagger->unit_count; v++)
			for (size_t p = stagger->units[u].first; p < stagger->units[u].end; p++)
				for (size_t q = stagger->units[v].first; q < stagger->units[v].end;
				     q++)
					if (stagger_are_partners(work->situation,
					                         stagger->persons[p].node,
					                         stagger->persons[q].node))
						stagger->units[stagger_group_of(stagger->units, v)]
						    .group = stagger_group_of(stagger->units, u);
}

/* Persons by row, units by row. */
static bool stagger_collect(struct stagger_work *stagger, struct layout_work *work)
{
	const struct situation *situation = work->situation;
	size_t count = situation->node_count;
	stagger->work = work;
	stagger->persons = calloc(count + 1, sizeof *stagger->persons);
	stagger->units = calloc(count + 1, sizeof *stagger->units);
	stagger->row_first_unit = calloc(count + 2, sizeof *stagger->row_first_unit);
	stagger->lines = calloc(count + 1, sizeof *stagger->lines);
	stagger->desired = calloc(count + 1, sizeof *stagger->desired);
	stagger->gap = calloc(count + 1, sizeof *stagger->gap);
	stagger->placed = calloc(count + 1, sizeof *stagger->placed);
	stagger->scratch_value = calloc(count + 1, sizeof *stagger->scratch_value);
	stagger->scratch_size = calloc(count + 1, sizeof *stagger->scratch_size);
	if (!stagger->persons || !stagger->units || !stagger->row_first_unit || !stagger->lines ||
	    !stagger->desired || !stagger->gap || !stagger->placed || !stagger->scratch_value ||
	    !stagger->scratch_size)
		return false;
	for (size_t i = 0; i < count; i++)
		if (situation->nodes[i].kind == NODE_PERSON)
			stagger->persons[stagger->person_count++] = (struct stagger_person){
			    work->layout->nodes[i].y, work->layout->nodes[i].x, i};
	qsort(stagger->persons, stagger->person_count, sizeof *stagger->persons, stagger_compare);
	for (size_t row_start = 0; row_start < stagger->person_count;) {
		size_t row_end = row_start + 1;
		while (row_end < stagger->person_count &&
		       stagger->persons[row_end].y == stagger->persons[row_start].y)
			row_end++;
		stagger->row_first_unit[stagger->row_count++] = stagger->unit_count;
		stagger_collect_units(stagger, row_start, row_end);
		row_start = row_end;
	}
	stagger->row_first_unit[stagger->row_count] = stagger->unit_count;
	return true;
}

static void stagger_free(struct stagger_work *stagger)
{
	free(stagger->persons);
	free(stagger->units);
	free(stagger->row_first_unit);
	free(stagger->lines);
	free(stagger->desired);
	free(stagger->gap);
	free(stagger->placed);
	free(stagger->scratch_value);
	free(stagger->scratch_size);
}

/* Places row r's units on `line`: as near their squeezed centres as the
 * gaps between them allow, then, when the settings allow it, slid sideways
 * into the screen's width about cx if they stick out on one side only.
 * Returns whether the line fits in that width. */
static bool stagger_place_line(struct stagger_work *stagger, size_t first, size_t end, size_t line,
                               float factor, float cx, float spacing)
{
	size_t count = 0, last = end;
	for (size_t u = first; u < end; u++) {
		const struct stagger_unit *unit = &stagger->units[u];
		if (unit->line != line)
			continue;
		if (last < end) {
			const struct stagger_unit *before = &stagger->units[last];
			stagger->gap[count - 1] =
			    (before->right - before->left + unit->right - unit->left) / 2 + spacing;
		}
		stagger->desired[count++] = cx + ((unit->left + unit->right) / 2 - cx) * factor;
		last = u;
	}
	if (count == 0)
		return true;
	layout_isotonic(stagger->placed, stagger->desired, stagger->gap, count,
	                stagger->scratch_value, stagger->scratch_size);
	float left = INFINITY, right = -INFINITY;
	size_t k = 0;
	for (size_t u = first; u < end; u++) {
		struct stagger_unit *unit = &stagger->units[u];
		if (unit->line != line)
			continue;
		unit->x = stagger->placed[k++];
		left = layout_min(left, unit->x - (unit->right - unit->left) / 2);
		right = layout_max(right, unit->x + (unit->right - unit->left) / 2);
	}
	/* The whole width or less: the professionals beside the family may
	 * find no room, and layout_run tries other settings. */
	const struct layout_work *work = stagger->work;
	float half = work->screen.w * (work->stagger.share > 0 ? work->stagger.share : 1) / 2;
	float shift = left < cx - half    ? cx - half - left
	              : right > cx + half ? cx + half - right
	                                  : 0;
	if (right - left > 2 * half || (shift != 0 && !work->stagger.may_slide))
		return false;
	for (size_t u = first; u < end; u++)
		if (stagger->units[u].line == line)
			stagger->units[u].x += shift;
	return true;
}

/* Deals row r's units to `lines` lines from the left, each to the line with
 * most room before it (where the line's last unit ends furthest left),
 * partners' groups to one line. */
static void stagger_deal_lines(struct stagger_work *stagger, size_t first, size_t end, size_t lines,
                               float factor, float cx)
{
	float line_end[STAGGER_MOST_LINES];
	for (size_t line = 0; line < lines; line++)
		line_end[line] = -INFINITY;
	for (size_t u = first; u < end; u++)
		stagger->units[u].line = SIZE_MAX;
	for (size_t u = first; u < end; u++) {
		struct stagger_unit *unit = &stagger->units[u];
		if (unit->line == SIZE_MAX) {
			size_t best = 0;
			for (size_t line = 1; line < lines; line++)
				if (line_end[line] < line_end[best])
					best = line;
			size_t group = stagger_group_of(stagger->units, u);
			for (size_t v = u; v < end; v++)
				if (stagger_group_of(stagger->units, v) == group)
					stagger->units[v].line = best;
		}
		float right = cx + (unit->right - cx) * factor;
		line_end[unit->line] = layout_max(line_end[unit->line], right);
	}
}

/* The fewest lines on which row r's units fit across the screen; 0 when
 * even STAGGER_MOST_LINES do not. */
static int stagger_row_lines(struct stagger_work *stagger, size_t row, float factor, float cx,
                             float spacing)
{
	size_t first = stagger->row_first_unit[row], end = stagger->row_first_unit[row + 1];
	for (size_t lines = 1; lines <= STAGGER_MOST_LINES; lines++) {
		stagger_deal_lines(stagger, first, end, lines, factor, cx);
		bool does_fit = true;
		for (size_t line = 0; line < lines && does_fit; line++)
			does_fit =
			    stagger_place_line(stagger, first, end, line, factor, cx, spacing);
		if (does_fit)
			return (int)lines;
	}
	return 0;
}

/* Moves every person: x by its unit's squeeze, y down by its line in its
 * row and by the extra lines of the rows above. */
static void stagger_apply(struct stagger_work *stagger)
{
	struct layout_work *work = stagger->work;
	float extra = 0;
	for (size_t r = 0; r < stagger->row_count; r++) {
		size_t first = stagger->row_first_unit[r], end = stagger->row_first_unit[r + 1];
		float height = 0;
		for (size_t u = first; u < end; u++)
			for (size_t p = stagger->units[u].first; p < stagger->units[u].end; p++) {
				const struct layout_cell *cell =
				    &work->cells[stagger->persons[p].node];
				height = layout_max(height, cell->up + cell->down);
			}
		float pitch = height + work->layout->symbol_size * stagger_spacing_ratio;
		for (size_t u = first; u < end; u++) {
			const struct stagger_unit *unit = &stagger->units[u];
			float dx = unit->x - (unit->left + unit->right) / 2;
			float dy = extra + (float)unit->line * pitch;
			for (size_t p = unit->first; p < unit->end; p++) {
				struct layout_node *placed =
				    &work->layout->nodes[stagger->persons[p].node];
				placed->x += dx;
				placed->y += dy;
			}
		}
		extra += (float)(stagger->lines[r] - 1) * pitch;
	}
}

/* Lines for every row with the centres squeezed by `factor`; false when a
 * row does not fit on STAGGER_MOST_LINES lines. */
static bool stagger_rows(struct stagger_work *stagger, float factor)
{
	const struct layout_work *work = stagger->work;
	float cx = work->family_box.x + work->family_box.w / 2;
	float spacing = work->layout->symbol_size * stagger_spacing_ratio;
	for (size_t r = 0; r < stagger->row_count; r++) {
		stagger->lines[r] = stagger_row_lines(stagger, r, factor, cx, spacing);
		if (stagger->lines[r] == 0)
			return false;
	}
	return true;
}

bool layout_family_stagger(struct layout_work *work)
{
	const struct layout_rect *box = &work->family_box;
	if (box->w <= work->screen.w)
		return false;
	struct stagger_work stagger = {0};
	bool has_staggered = false;
	if (stagger_collect(&stagger, work)) {
		/* Centres squeezed by the screen's share first, then more: wide
		 * units at a row's ends need the room. */
		float factor = work->screen.w / box->w;
		for (int tries = 0; tries < STAGGER_FACTOR_TRIES && !has_staggered; tries++) {
			factor *= 0.9f;
			has_staggered = stagger_rows(&stagger, factor);
		}
		if (has_staggered)
			stagger_apply(&stagger);
	}
	stagger_free(&stagger);
	return has_staggered;
}
