/*
 * layout_check: the last steps of an attempt and the measures of a result.
 *
 * layout_separate pushes apart the professionals' footprints that still
 * touch (the family rows never move: their order is the genogram), staying
 * on screen; layout_finish fills the boxes draw and hit-testing read, finds
 * room for link labels and has layout_households.c build the household
 * enclosures; layout_stats counts overlaps and crossings, the figures
 * --layout-stats prints.
 */
#include <math.h>
#include <stdlib.h>

#include "layout_buckets.h"
#include "layout_internal.h"

enum { SEPARATE_ROUNDS = 200 };

static bool is_movable(const struct layout_work *work, size_t node)
{
	return work->situation->nodes[node].kind != NODE_PERSON;
}

static void keep_on_screen(struct layout_work *work, size_t node)
{
	struct layout_node *placed = &work->layout->nodes[node];
	const struct layout_cell *cell = &work->cells[node];
	const struct layout_rect *screen = &work->screen;
	placed->x = layout_max(placed->x, screen->x + cell->half_width);
	placed->x = layout_min(placed->x, screen->x + screen->w - cell->half_width);
	placed->y = layout_max(placed->y, screen->y + cell->up);
	placed->y = layout_min(placed->y, screen->y + screen->h - cell->down);
}

struct separate_entry {
	size_t node;
	struct layout_rect rect;
};

static int separate_compare(const void *left, const void *right)
{
	const struct separate_entry *a = left, *b = right;
	if (a->rect.x != b->rect.x)
		return a->rect.x < b->rect.x ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Pushes a and b apart along the axis that needs the shorter move; only
 * those that may move do. */
static void separate_pair(struct layout_work *work, size_t a, size_t b, struct layout_rect ra,
                          struct layout_rect rb)
{
	bool can_move_a = is_movable(work, a), can_move_b = is_movable(work, b);
	float push_x = layout_min(ra.x + ra.w - rb.x, rb.x + rb.w - ra.x);
	float push_y = layout_min(ra.y + ra.h - rb.y, rb.y + rb.h - ra.y);
	float dx = 0, dy = 0;
	if (push_x < push_y)
		dx = (ra.x + ra.w / 2 < rb.x + rb.w / 2 ? -1.0f : 1.0f) * push_x;
	else
		dy = (ra.y + ra.h / 2 < rb.y + rb.h / 2 ? -1.0f : 1.0f) * push_y;
	float share_a = can_move_a ? (can_move_b ? 0.5f : 1.0f) : 0.0f;
	float share_b = 1.0f - share_a;
	work->layout->nodes[a].x += dx * share_a * 1.02f;
	work->layout->nodes[a].y += dy * share_a * 1.02f;
	work->layout->nodes[b].x -= dx * share_b * 1.02f;
	work->layout->nodes[b].y -= dy * share_b * 1.02f;
	if (can_move_a)
		keep_on_screen(work, a);
	if (can_move_b)
		keep_on_screen(work, b);
}

/* One layout_separate: the footprints in sweep order, where they stand
 * now, and who still moves. Two footprints that stood still through the
 * last round and this one so far stand where they stood when they were
 * last compared, and were then left alone (apart, or neither movable):
 * comparing them again changes nothing. So only pairs with a mover are
 * compared: in the rounds that go on because a few keep pushing each
 * other, a few pairs instead of all of them. */
struct separate_sweep {
	struct separate_entry *order; /* by left edge at the round's start */
	struct layout_rect *now;      /* per node, where it stands now */
	int *moved;                   /* per node, the last round it moved in */
	bool *is_active;              /* per position: moved last round or this one */
	size_t *active;               /* those positions, ascending */
	size_t active_count;
	float margin;
	int round;
};

static void separate_activate(struct separate_sweep *sweep, size_t position)
{
	if (sweep->is_active[position])
		return;
	sweep->is_active[position] = true;
	size_t k = sweep->active_count++;
	for (; k > 0 && sweep->active[k - 1] > position; k--)
		sweep->active[k] = sweep->active[k - 1];
	sweep->active[k] = position;
}

/* Compares the footprints at positions i and j, pushing them apart when
 * they overlap; returns whether they moved. */
static bool separate_try(struct layout_work *work, struct separate_sweep *sweep, size_t i, size_t j)
{
	size_t a = sweep->order[i].node, b = sweep->order[j].node;
	struct layout_rect *now = sweep->now;
	if (!layout_rects_overlap(now[a], now[b]) || (!is_movable(work, a) && !is_movable(work, b)))
		return false;
	separate_pair(work, a, b, now[a], now[b]);
	now[a] = layout_cell_rect(work, a, sweep->margin);
	now[b] = layout_cell_rect(work, b, sweep->margin);
	sweep->moved[a] = sweep->moved[b] = sweep->round;
	separate_activate(sweep, i);
	separate_activate(sweep, j);
	return true;
}

/* Whether position j starts past the end of position i's footprint (as
 * the round started): then so do all after it. */
static bool separate_is_past(const struct separate_sweep *sweep, size_t i, size_t j)
{
	const struct layout_rect *rect = &sweep->order[i].rect;
	return sweep->order[j].rect.x > rect->x + rect->w;
}

/* The pairs (i, j) for every j from `from` on, in order. */
static bool separate_all_after(struct layout_work *work, struct separate_sweep *sweep, size_t i,
                               size_t from, size_t count)
{
	bool has_moved = false;
	for (size_t j = from; j < count && !separate_is_past(sweep, i, j); j++)
		has_moved |= separate_try(work, sweep, i, j);
	return has_moved;
}

/* The pairs (i, j) that may push, in order: every j when i is a mover,
 * else the movers only, until i moves too. */
static bool separate_pairs_of(struct layout_work *work, struct separate_sweep *sweep, size_t i,
                              size_t count)
{
	if (sweep->is_active[i])
		return separate_all_after(work, sweep, i, i + 1, count);
	/* The first mover after i (binary search: the movers are sorted). */
	size_t k = 0, end = sweep->active_count;
	while (k < end) {
		size_t middle = k + (end - k) / 2;
		if (sweep->active[middle] <= i)
			k = middle + 1;
		else
			end = middle;
	}
	for (; k < sweep->active_count; k++) {
		size_t j = sweep->active[k];
		if (separate_is_past(sweep, i, j))
			return false;
		if (separate_try(work, sweep, i, j)) {
			/* i moved: from here on it is a mover too. */
			separate_all_after(work, sweep, i, j + 1, count);
			return true;
		}
	}
	return false;
}

/* Sweep and prune: footprints sorted by their left edge, each compared only
 * with those that start before it ends, so a round costs n log n plus the
 * overlaps instead of every pair. The sweep's order and bounds are the
 * round's start; the overlaps are tested where the nodes stand now. */
static bool separate_round(struct layout_work *work, struct separate_sweep *sweep, size_t count)
{
	struct separate_entry *order = sweep->order;
	/* Pushes move footprints a little: last round's order is nearly
	 * sorted, which insertion sort puts right in about one pass. */
	for (size_t i = 0; i < count; i++) {
		order[i].rect = layout_cell_rect(work, order[i].node, sweep->margin);
		sweep->now[order[i].node] = order[i].rect;
	}
	for (size_t i = 1; i < count; i++) {
		struct separate_entry entry = order[i];
		size_t k = i;
		for (; k > 0 && separate_compare(&entry, &order[k - 1]) < 0; k--)
			order[k] = order[k - 1];
		order[k] = entry;
	}
	sweep->active_count = 0;
	for (size_t i = 0; i < count; i++) {
		sweep->is_active[i] = sweep->moved[order[i].node] >= sweep->round - 1;
		if (sweep->is_active[i])
			sweep->active[sweep->active_count++] = i;
	}
	bool has_moved = false;
	for (size_t i = 0; i < count; i++)
		has_moved |= separate_pairs_of(work, sweep, i, count);
	return has_moved;
}

void layout_separate(struct layout_work *work)
{
	size_t count = work->situation->node_count;
	struct separate_sweep sweep = {
	    .order = calloc(count + 1, sizeof *sweep.order),
	    .now = calloc(count + 1, sizeof *sweep.now),
	    .moved = calloc(count + 1, sizeof *sweep.moved),
	    .is_active = calloc(count + 1, sizeof *sweep.is_active),
	    .active = calloc(count + 1, sizeof *sweep.active),
	    .margin = work->layout->symbol_size * 0.12f,
	};
	if (sweep.order && sweep.now && sweep.moved && sweep.is_active && sweep.active) {
		for (size_t i = 0; i < count; i++) {
			sweep.order[i] =
			    (struct separate_entry){i, layout_cell_rect(work, i, sweep.margin)};
			sweep.moved[i] = -1; /* as if it moved just before: compare all */
		}
		qsort(sweep.order, count, sizeof *sweep.order, separate_compare);
		for (sweep.round = 0; sweep.round < SEPARATE_ROUNDS; sweep.round++)
			if (!separate_round(work, &sweep, count))
				break;
	}
	free(sweep.order);
	free(sweep.now);
	free(sweep.moved);
	free(sweep.is_active);
	free(sweep.active);
}

/* Footprints (with the margin) and the buckets that find them nearby, for
 * the many "is this place free?" questions of layout_unstick. */
struct unstick_cells {
	struct layout_rect *cells;
	struct layout_buckets nearby;
};

static bool cell_is_clear(const struct layout_work *work, const struct unstick_cells *cells,
                          size_t node, float margin)
{
	struct layout_rect own = layout_cell_rect(work, node, margin);
	const struct layout_rect *screen = &work->screen;
	if (own.x < screen->x - margin || own.y < screen->y - margin ||
	    own.x + own.w > screen->x + screen->w + margin ||
	    own.y + own.h > screen->y + screen->h + margin)
		return false;
	return !layout_buckets_any_overlap(&cells->nearby, own, cells->cells, node);
}

/* A professional the pushing left stuck against the family or an edge
 * moves to the nearest free place, searched on widening squares. */
void layout_unstick(struct layout_work *work)
{
	size_t count = work->situation->node_count;
	float margin = work->layout->symbol_size * 0.12f;
	float step = work->layout->symbol_size * 0.5f;
	/* Nearby only: far away it would no longer stand near its own. */
	float reach = work->layout->symbol_size * 12;
	struct unstick_cells cells = {.cells = calloc(count + 1, sizeof *cells.cells)};
	bool is_ready = cells.cells && layout_buckets_init(&cells.nearby, work->screen, 48, count);
	for (size_t i = 0; is_ready && i < count; i++)
		cells.cells[i] = layout_cell_rect(work, i, margin);
	is_ready = is_ready && layout_buckets_fill(&cells.nearby, cells.cells);
	for (size_t node = 0; is_ready && node < count; node++) {
		if (!is_movable(work, node) || cell_is_clear(work, &cells, node, margin))
			continue;
		struct layout_node *placed = &work->layout->nodes[node];
		float x = placed->x, y = placed->y;
		bool is_found = false;
		for (float radius = step; radius < reach && !is_found; radius += step) {
			int per_side = (int)(2 * radius / step);
			for (int k = 0; k < 4 * per_side && !is_found; k++) {
				int side = k / per_side, along = k % per_side;
				float offset = -radius + step * (float)along;
				float cx = side == 0   ? x + offset
				           : side == 1 ? x + radius
				           : side == 2 ? x - offset
				                       : x - radius;
				float cy = side == 0   ? y - radius
				           : side == 1 ? y + offset
				           : side == 2 ? y + radius
				                       : y - offset;
				placed->x = cx;
				placed->y = cy;
				is_found = cell_is_clear(work, &cells, node, margin);
			}
		}
		if (!is_found) {
			placed->x = x;
			placed->y = y;
			continue;
		}
		struct layout_rect was = cells.cells[node];
		cells.cells[node] = layout_cell_rect(work, node, margin);
		is_ready = layout_buckets_move(&cells.nearby, node, was, cells.cells[node]);
	}
	free(cells.cells);
	layout_buckets_free(&cells.nearby);
}

static void finish_boxes(struct layout_work *work)
{
	struct layout *layout = work->layout;
	for (size_t i = 0; i < layout->node_count; i++) {
		struct layout_node *placed = &layout->nodes[i];
		const struct layout_cell *cell = &work->cells[i];
		bool is_tag = work->situation->nodes[i].kind == NODE_INSTITUTION;
		float half_width = is_tag ? cell->half_width : placed->size / 2;
		placed->symbol_box = (struct layout_rect){
		    placed->x - half_width, placed->y - cell->up, 2 * half_width, 2 * cell->up};
		placed->label_box = (struct layout_rect){0, 0, 0, 0};
		if (!is_tag)
			placed->label_box =
			    (struct layout_rect){placed->x - cell->label_width / 2,
			                         placed->y + cell->down - cell->label_height,
			                         cell->label_width, cell->label_height};
	}
}

bool layout_rect_is_free(const struct layout *layout, struct layout_rect rect, size_t link_count,
                         const struct layout_rect *taken)
{
	for (size_t i = 0; i < layout->node_count; i++)
		if (layout_rects_overlap(rect, layout->nodes[i].symbol_box) ||
		    layout_rects_overlap(rect, layout->nodes[i].label_box))
			return false;
	for (size_t h = 0; h < layout->household_count; h++)
		if (layout->households[h].label_box.w > 0 &&
		    layout_rects_overlap(rect, layout->households[h].label_box))
			return false;
	for (size_t l = 0; l < link_count; l++)
		if (layout_rects_overlap(rect, taken[l]))
			return false;
	return rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= (float)layout->width &&
	       rect.y + rect.h <= (float)layout->height;
}

/* A link's label goes near the middle of the link where it hides nothing. */
static void finish_link_labels(struct layout_work *work)
{
	const struct situation *situation = work->situation;
	struct layout *layout = work->layout;
	struct layout_rect *taken = calloc(situation->link_count + 1, sizeof *taken);
	if (!taken)
		return;
	static const float along[] = {0.5f, 0.4f, 0.6f, 0.3f, 0.7f};
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		layout->link_labels[l].has_room = false;
		if (!link->label)
			continue;
		float width =
		    (float)layout_text_width(work, link->label, layout->small_px, false) + 8;
		float height = (float)layout->small_px * 1.3f;
		const struct layout_node *a = &layout->nodes[link->a], *b = &layout->nodes[link->b];
		for (size_t k = 0; k < sizeof along / sizeof *along; k++) {
			float x = a->x + (b->x - a->x) * along[k],
			      y = a->y + (b->y - a->y) * along[k];
			struct layout_rect rect = {x - width / 2, y - height / 2, width, height};
			if (layout_rect_is_free(layout, rect, l, taken)) {
				layout->link_labels[l] = (struct layout_link_label){x, y, true};
				taken[l] = rect;
				break;
			}
		}
	}
	free(taken);
}

void layout_finish(struct layout_work *work)
{
	struct layout *layout = work->layout;
	layout->family_area = work->family_box;
	finish_boxes(work);
	/* Households first: their names keep their place, link labels go
	 * around them. */
	layout_households_finish(work);
	finish_link_labels(work);
}

void layout_stats(const struct situation *situation, const struct layout *layout,
                  struct layout_stats *stats)
{
	*stats = (struct layout_stats){0, 0, 0, layout->small_px};
	for (size_t a = 0; a < layout->node_count; a++) {
		const struct layout_node *na = &layout->nodes[a];
		for (size_t b = a + 1; b < layout->node_count; b++) {
			const struct layout_node *nb = &layout->nodes[b];
			if (layout_rects_overlap(na->symbol_box, nb->symbol_box))
				stats->node_overlaps++;
			if (layout_rects_overlap(na->label_box, nb->label_box) ||
			    layout_rects_overlap(na->label_box, nb->symbol_box) ||
			    layout_rects_overlap(nb->label_box, na->symbol_box))
				stats->label_overlaps++;
		}
	}
	for (size_t a = 0; a < situation->link_count; a++) {
		const struct link *la = &situation->links[a];
		for (size_t b = a + 1; b < situation->link_count; b++) {
			const struct link *lb = &situation->links[b];
			if (la->a == lb->a || la->a == lb->b || la->b == lb->a || la->b == lb->b)
				continue;
			const struct layout_node *p = &layout->nodes[la->a],
			                         *q = &layout->nodes[la->b];
			const struct layout_node *r = &layout->nodes[lb->a],
			                         *s = &layout->nodes[lb->b];
			if (layout_segments_cross(p->x, p->y, q->x, q->y, r->x, r->y, s->x, s->y))
				stats->crossings++;
		}
	}
}
