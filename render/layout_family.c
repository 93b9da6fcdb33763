/*
 * layout_family: the genogram. One row per generation (a child one row below
 * its lowest parent, partners on one row), partners side by side with a
 * partner who married in on the side away from the other unions, children
 * under their parents' union in birth order. Horizontal positions come from
 * isotonic regression: each row keeps its order and minimum gaps while
 * staying as close as possible to where its parents (going down) or its
 * children (going up) want it. Friends and neighbours stand at the end of
 * the row of the family member they are linked to, on that member's side.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

enum { FAMILY_SWEEPS = 3 };

static void family_generations(const struct situation *situation, int *generation)
{
	for (size_t i = 0; i < situation->node_count; i++)
		generation[i] = layout_is_family(&situation->nodes[i]) ? 0 : -1;
	/* Bounded relaxation: cycles are parse errors, but never hang here. */
	for (size_t round = 0; round < situation->node_count + 2; round++) {
		bool has_changed = false;
		for (size_t f = 0; f < situation->filiation_count; f++) {
			const struct filiation *filiation = &situation->filiations[f];
			int parents[2] = {filiation->parent_a, filiation->parent_b};
			for (int p = 0; p < 2; p++) {
				int parent = parents[p];
				if (parent < 0 || generation[parent] < 0 ||
				    generation[filiation->child] < 0)
					continue;
				if (generation[filiation->child] < generation[parent] + 1) {
					generation[filiation->child] = generation[parent] + 1;
					has_changed = true;
				}
			}
		}
		for (size_t c = 0; c < situation->couple_count; c++) {
			const struct couple *couple = &situation->couples[c];
			int a = couple->a, b = couple->b;
			if (generation[a] < 0 || generation[b] < 0 ||
			    generation[a] == generation[b])
				continue;
			int deeper = generation[a] > generation[b] ? generation[a] : generation[b];
			generation[a] = generation[b] = deeper;
			has_changed = true;
		}
		if (!has_changed)
			break;
	}
}

static const struct filiation *family_parents_of(const struct situation *situation, size_t node)
{
	for (size_t f = 0; f < situation->filiation_count; f++)
		if ((size_t)situation->filiations[f].child == node)
			return &situation->filiations[f];
	return NULL;
}

/* Where the lines to a child start: the middle of the union, or the parent. */
static bool family_anchor_x(const struct layout_work *work, size_t node, float *x)
{
	const struct filiation *filiation = family_parents_of(work->situation, node);
	if (!filiation)
		return false;
	float sum = 0;
	int count = 0;
	int parents[2] = {filiation->parent_a, filiation->parent_b};
	for (int p = 0; p < 2; p++) {
		if (parents[p] >= 0 && work->is_placed[parents[p]]) {
			sum += work->layout->nodes[parents[p]].x;
			count++;
		}
	}
	if (!count)
		return false;
	*x = sum / (float)count;
	return true;
}

static int family_birth_key(const struct node *node)
{
	return node->born.year ? node->born.year * 400 + node->born.month * 32 + node->born.day
	                       : 9999 * 400;
}

/* Partners of `node` on the same row, in file order of the unions. */
static size_t family_partners(const struct layout_work *work, size_t node, size_t *partners,
                              size_t capacity)
{
	size_t count = 0;
	for (size_t c = 0; c < work->situation->couple_count && count < capacity; c++) {
		const struct couple *couple = &work->situation->couples[c];
		int other = (size_t)couple->a == node   ? couple->b
		            : (size_t)couple->b == node ? couple->a
		                                        : -1;
		if (other >= 0 && work->generation[other] == work->generation[node])
			partners[count++] = (size_t)other;
	}
	return count;
}

struct family_entry {
	size_t node;
	double key; /* double: a pixel position plus a birth-order fraction */
};

static int family_compare(const void *left, const void *right)
{
	const struct family_entry *a = left, *b = right;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Minimum distance between the centres of two neighbours on a row. */
static float family_gap(const struct layout_work *work, size_t left, size_t right)
{
	const struct layout *layout = work->layout;
	size_t partners[8];
	size_t count = family_partners(work, left, partners, 8);
	bool are_partners = false;
	for (size_t k = 0; k < count; k++)
		are_partners |= partners[k] == right;
	/* Partners leave room for the union line and the line down to their
	 * children between their labels. */
	float spacing = are_partners ? layout->symbol_size * 0.9f : layout->symbol_size * 0.45f;
	return work->cells[left].half_width + work->cells[right].half_width + spacing;
}

struct family_work {
	size_t *order;     /* node indices, row after row */
	size_t *row_start; /* row r: order[row_start[r] .. row_start[r + 1]) */
	size_t row_count;
	struct family_entry *entries;
	float *x, *desired, *gap, *scratch_value;
	size_t *scratch_size;
};

static bool family_are_partners(const struct layout_work *work, size_t a, size_t b)
{
	size_t partners[8];
	size_t count = family_partners(work, a, partners, 8);
	for (size_t k = 0; k < count; k++)
		if (partners[k] == b)
			return true;
	return false;
}

/* Sorts one row. Those with parents on the diagram go under their parents'
 * anchor, siblings in birth order except that a sibling whose partner comes
 * from another family moves to the end of the siblings nearest that
 * partner. Those without parents on the diagram (who married in, and the
 * oldest row) then stand beside a partner already placed, on the side away
 * from that partner's siblings and other partners. */
static size_t family_order_row(struct layout_work *work, struct family_work *family, int row,
                               size_t *out)
{
	const struct situation *situation = work->situation;
	size_t count = 0;
	float anchors[2];
	for (size_t i = 0; i < situation->node_count; i++) {
		if (work->generation[i] != row || !family_anchor_x(work, i, &anchors[0]))
			continue;
		double birth = (double)family_birth_key(&situation->nodes[i]) / (9999.0 * 400.0);
		double side = 0;
		size_t partners[8];
		size_t partner_count = family_partners(work, i, partners, 8);
		for (size_t p = 0; p < partner_count; p++)
			if (family_anchor_x(work, partners[p], &anchors[1]) &&
			    anchors[1] != anchors[0])
				side = anchors[1] > anchors[0] ? 0.1f : -0.1f;
		family->entries[count++] =
		    (struct family_entry){i, (double)anchors[0] + side + 0.01 * birth};
	}
	qsort(family->entries, count, sizeof *family->entries, family_compare);
	for (size_t k = 0; k < count; k++)
		out[k] = family->entries[k].node;
	/* Then, in file order, everyone without parents on the diagram. */
	for (size_t i = 0; i < situation->node_count; i++) {
		if (work->generation[i] != row || family_anchor_x(work, i, &anchors[0]))
			continue;
		size_t at = count;
		for (size_t k = 0; k < count; k++) {
			if (!family_are_partners(work, i, out[k]))
				continue;
			float own = 0, next = 0;
			bool is_crowded_right =
			    k + 1 < count &&
			    (family_are_partners(work, out[k], out[k + 1]) ||
			     (family_anchor_x(work, out[k], &own) &&
			      family_anchor_x(work, out[k + 1], &next) && own == next));
			at = is_crowded_right ? k : k + 1;
			break;
		}
		memmove(&out[at + 1], &out[at], (count - at) * sizeof *out);
		out[at] = i;
		count++;
	}
	return count;
}

/* Friends and neighbours: the end of the row of the family member they are
 * linked to, on that member's side of the row. */
static void family_add_circle(struct layout_work *work, struct family_work *family)
{
	const struct situation *situation = work->situation;
	for (size_t i = 0; i < situation->node_count; i++) {
		const struct node *node = &situation->nodes[i];
		if (node->kind != NODE_PERSON || layout_is_family(node))
			continue;
		int row = (int)family->row_count - 1, friend_of = -1;
		for (size_t l = 0; l < situation->link_count && friend_of < 0; l++) {
			const struct link *link = &situation->links[l];
			int other = (size_t)link->a == i   ? link->b
			            : (size_t)link->b == i ? link->a
			                                   : -1;
			if (other >= 0 && work->generation[other] >= 0) {
				friend_of = other;
				row = work->generation[other];
			}
		}
		size_t start = family->row_start[row], end = family->row_start[row + 1];
		bool is_left = false;
		if (friend_of >= 0 && end > start) {
			size_t position = start;
			while (position < end && family->order[position] != (size_t)friend_of)
				position++;
			is_left = position - start < (end - start) / 2;
		}
		size_t insert_at = is_left ? start : end;
		size_t total = family->row_start[family->row_count];
		memmove(&family->order[insert_at + 1], &family->order[insert_at],
		        (total - insert_at) * sizeof *family->order);
		family->order[insert_at] = i;
		for (size_t r = (size_t)row + 1; r <= family->row_count; r++)
			family->row_start[r]++;
	}
}

/* Places row r towards `desired`, keeping its order and gaps. */
static void family_place_row(struct layout_work *work, struct family_work *family, size_t row)
{
	size_t start = family->row_start[row], count = family->row_start[row + 1] - start;
	if (count == 0)
		return;
	for (size_t k = 0; k + 1 < count; k++)
		family->gap[k] =
		    family_gap(work, family->order[start + k], family->order[start + k + 1]);
	layout_isotonic(family->x, family->desired + start, family->gap, count,
	                family->scratch_value, family->scratch_size);
	for (size_t k = 0; k < count; k++) {
		work->layout->nodes[family->order[start + k]].x = family->x[k];
		work->is_placed[family->order[start + k]] = true;
	}
}

/* Desired x going down: children under their anchor, spread in birth
 * order; others where they are. */
static void family_desire_down(struct layout_work *work, struct family_work *family, size_t row)
{
	size_t start = family->row_start[row], end = family->row_start[row + 1];
	for (size_t k = start; k < end; k++) {
		size_t node = family->order[k];
		float anchor;
		family->desired[k] = work->layout->nodes[node].x;
		if (family_anchor_x(work, node, &anchor))
			family->desired[k] = anchor;
	}
	/* Siblings of one anchor: spread around it rather than pile on it. */
	for (size_t k = start; k < end;) {
		size_t run = k + 1;
		while (run < end && family->desired[run] == family->desired[k])
			run++;
		float width = 0;
		for (size_t j = k; j + 1 < run; j++)
			width += family_gap(work, family->order[j], family->order[j + 1]);
		float x = family->desired[k] - width / 2;
		for (size_t j = k; j < run; j++) {
			family->desired[j] = x;
			if (j + 1 < run)
				x += family_gap(work, family->order[j], family->order[j + 1]);
		}
		k = run;
	}
}

/* Desired x going up: parents above the middle of their children. */
static void family_desire_up(struct layout_work *work, struct family_work *family, size_t row)
{
	const struct situation *situation = work->situation;
	size_t start = family->row_start[row], end = family->row_start[row + 1];
	for (size_t k = start; k < end; k++) {
		size_t node = family->order[k];
		float sum = 0;
		int count = 0;
		for (size_t f = 0; f < situation->filiation_count; f++) {
			const struct filiation *filiation = &situation->filiations[f];
			if ((size_t)filiation->parent_a != node && filiation->parent_b != (int)node)
				continue;
			float child_x = work->layout->nodes[filiation->child].x;
			/* A couple centres its union, not each partner, on the children. */
			int partner = (size_t)filiation->parent_a == node ? filiation->parent_b
			                                                  : filiation->parent_a;
			if (partner >= 0)
				child_x +=
				    (work->layout->nodes[node].x - work->layout->nodes[partner].x) /
				    2;
			sum += child_x;
			count++;
		}
		family->desired[k] = count ? sum / (float)count : work->layout->nodes[node].x;
	}
}

static void family_rows_y(struct layout_work *work, struct family_work *family)
{
	float y = 0;
	for (size_t row = 0; row < family->row_count; row++) {
		float up = 0, down = 0;
		for (size_t k = family->row_start[row]; k < family->row_start[row + 1]; k++) {
			up = layout_max(up, work->cells[family->order[k]].up);
			down = layout_max(down, work->cells[family->order[k]].down);
		}
		y += up;
		for (size_t k = family->row_start[row]; k < family->row_start[row + 1]; k++)
			work->layout->nodes[family->order[k]].y = y;
		/* Room under the labels for the lines down to the children. */
		y += down + work->layout->symbol_size * 0.7f;
	}
}

static bool family_alloc(struct family_work *family, size_t count)
{
	size_t slots = count + 1;
	family->order = calloc(slots, sizeof *family->order);
	family->row_start = calloc(slots + 1, sizeof *family->row_start);
	family->entries = calloc(slots, sizeof *family->entries);
	family->x = calloc(slots, sizeof *family->x);
	family->desired = calloc(slots, sizeof *family->desired);
	family->gap = calloc(slots, sizeof *family->gap);
	family->scratch_value = calloc(slots, sizeof *family->scratch_value);
	family->scratch_size = calloc(slots, sizeof *family->scratch_size);
	return family->order && family->row_start && family->entries && family->x &&
	       family->desired && family->gap && family->scratch_value && family->scratch_size;
}

static void family_free(struct family_work *family)
{
	free(family->order);
	free(family->row_start);
	free(family->entries);
	free(family->x);
	free(family->desired);
	free(family->gap);
	free(family->scratch_value);
	free(family->scratch_size);
}

/* Moves the family so its bounding box is centred on (cx, cy). */
static void family_centre(struct layout_work *work, float cx, float cy)
{
	const struct situation *situation = work->situation;
	float left = INFINITY, right = -INFINITY, top = INFINITY, bottom = -INFINITY;
	for (size_t i = 0; i < situation->node_count; i++) {
		if (situation->nodes[i].kind != NODE_PERSON)
			continue;
		struct layout_rect cell = layout_cell_rect(work, i, 0);
		left = layout_min(left, cell.x);
		right = layout_max(right, cell.x + cell.w);
		top = layout_min(top, cell.y);
		bottom = layout_max(bottom, cell.y + cell.h);
	}
	if (left > right) {
		work->family_box = (struct layout_rect){cx, cy, 0, 0};
		return;
	}
	float dx = cx - (left + right) / 2, dy = cy - (top + bottom) / 2;
	for (size_t i = 0; i < situation->node_count; i++) {
		if (situation->nodes[i].kind != NODE_PERSON)
			continue;
		work->layout->nodes[i].x += dx;
		work->layout->nodes[i].y += dy;
	}
	work->family_box = (struct layout_rect){left + dx, top + dy, right - left, bottom - top};
}

/* Squeezes the rows about the middle to the screen's width; the rows of
 * fifty persons in one generation need it. Labels may then touch
 * (layout_stats counts it), but nobody is out of sight or out of reach of a
 * finger. */
static void family_squeeze_to_screen(struct layout_work *work)
{
	const struct situation *situation = work->situation;
	const struct layout_rect *box = &work->family_box, *screen = &work->screen;
	float widest = 0;
	for (size_t i = 0; i < situation->node_count; i++)
		if (situation->nodes[i].kind == NODE_PERSON)
			widest = layout_max(widest, 2 * work->cells[i].half_width);
	if (box->w <= screen->w || box->w <= widest)
		return;
	float factor = layout_max(0, screen->w - widest) / (box->w - widest);
	float cx = box->x + box->w / 2;
	for (size_t i = 0; i < situation->node_count; i++)
		if (situation->nodes[i].kind == NODE_PERSON)
			work->layout->nodes[i].x = cx + (work->layout->nodes[i].x - cx) * factor;
	family_centre(work, screen->x + screen->w / 2, screen->y + screen->h / 2);
}

/* Whether any two persons' symbols and labels touch. */
static bool family_has_overlap(const struct layout_work *work)
{
	const struct situation *situation = work->situation;
	for (size_t a = 0; a < situation->node_count; a++) {
		if (situation->nodes[a].kind != NODE_PERSON)
			continue;
		struct layout_rect cell = layout_cell_rect(work, a, 0);
		for (size_t b = a + 1; b < situation->node_count; b++)
			if (situation->nodes[b].kind == NODE_PERSON &&
			    layout_rects_overlap(cell, layout_cell_rect(work, b, 0)))
				return true;
	}
	return false;
}

/* A family wider than the screen at the smallest text: squeezed when rows
 * have room to spare between persons, else its crowded rows staggered,
 * else squeezed all the same (the last resort). Returns whether it fits
 * with nobody touching. saved_x and saved_y hold node_count floats. */
static bool family_fit_to_screen(struct layout_work *work, float *saved_x, float *saved_y)
{
	const struct situation *situation = work->situation;
	const struct layout_rect *screen = &work->screen;
	for (size_t i = 0; i < situation->node_count; i++) {
		saved_x[i] = work->layout->nodes[i].x;
		saved_y[i] = work->layout->nodes[i].y;
	}
	struct layout_rect unsqueezed = work->family_box;
	family_squeeze_to_screen(work);
	if (!family_has_overlap(work))
		return work->family_box.h <= screen->h;
	for (size_t i = 0; i < situation->node_count; i++)
		work->layout->nodes[i].x = saved_x[i];
	work->family_box = unsqueezed;
	if (layout_family_stagger(work)) {
		family_centre(work, screen->x + screen->w / 2, screen->y + screen->h / 2);
		if (work->family_box.w <= screen->w && work->family_box.h <= screen->h &&
		    !family_has_overlap(work))
			return true;
	}
	for (size_t i = 0; i < situation->node_count; i++) {
		work->layout->nodes[i].x = saved_x[i];
		work->layout->nodes[i].y = saved_y[i];
	}
	work->family_box = unsqueezed;
	family_squeeze_to_screen(work);
	return false;
}

bool layout_family_place(struct layout_work *work)
{
	const struct situation *situation = work->situation;
	struct family_work family = {0};
	if (!family_alloc(&family, situation->node_count)) {
		family_free(&family);
		return false;
	}
	family_generations(situation, work->generation);
	/* Each attempt starts afresh: no position leaks from a larger scale. */
	for (size_t i = 0; i < situation->node_count; i++) {
		work->layout->nodes[i].generation = work->generation[i];
		work->layout->nodes[i].x = 0;
		work->layout->nodes[i].y = 0;
	}
	int deepest = -1;
	for (size_t i = 0; i < situation->node_count; i++)
		deepest = work->generation[i] > deepest ? work->generation[i] : deepest;
	bool has_circle = false;
	for (size_t i = 0; i < situation->node_count; i++)
		has_circle |= situation->nodes[i].kind == NODE_PERSON &&
		              !layout_is_family(&situation->nodes[i]);
	family.row_count = deepest >= 0 ? (size_t)deepest + 1 : (has_circle ? 1 : 0);
	/* Order row by row, placing each provisionally so the next can anchor. */
	size_t total = 0;
	for (size_t row = 0; row < family.row_count; row++) {
		family.row_start[row] = total;
		total += family_order_row(work, &family, (int)row, family.order + total);
		family.row_start[row + 1] = total;
		for (size_t k = family.row_start[row]; k < total; k++)
			family.desired[k] = 0;
		if (row > 0)
			family_desire_down(work, &family, row);
		family_place_row(work, &family, row);
	}
	family_add_circle(work, &family);
	for (int sweep = 0; sweep < FAMILY_SWEEPS; sweep++) {
		for (size_t row = 1; row < family.row_count; row++) {
			family_desire_down(work, &family, row);
			family_place_row(work, &family, row);
		}
		for (size_t row = family.row_count; row-- > 0;) {
			family_desire_up(work, &family, row);
			family_place_row(work, &family, row);
		}
	}
	for (size_t row = 0; row < family.row_count; row++)
		family_place_row(work, &family, row); /* settles circle members too */
	family_rows_y(work, &family);
	family_centre(work, work->screen.x + work->screen.w / 2,
	              work->screen.y + work->screen.h / 2);
	bool does_fit =
	    work->family_box.w <= work->screen.w && work->family_box.h <= work->screen.h;
	if (!does_fit && work->may_stagger)
		does_fit = family_fit_to_screen(work, family.x, family.desired);
	else if (!does_fit)
		family_squeeze_to_screen(work);
	family_free(&family);
	return does_fit;
}
