/*
 * layout_untangle: professionals move to where their links cross fewest
 * others, then institution tags to the middle of their professionals.
 *
 * The ring (layout_ring.c) gives every professional a place by sector and
 * institution, but a place on the screen's edge: a link from there to a
 * family member in the middle of the genogram crosses every link it passes.
 * Here each professional in turn tries free places around the family (the
 * nearest to those it works with first) and takes the one that costs
 * least: crossings first, then links running over someone's symbol or
 * label, then length. Its tie to its institution's tag counts as one more
 * link (weighing ties more kept tags closer but doubled the crossings), so
 * an institution's professionals gather around their tag. The family never moves and nobody else
 * enters its rows: they are the genogram. A place is free when the node's whole footprint touches
 * no other footprint, is on screen and outside the family's box. Moves are taken only when they
 * lower the cost, so a few passes settle; everything is deterministic (same file, same picture).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_buckets.h"
#include "layout_internal.h"
#include "layout_places.h"

enum {
	UNTANGLE_PASSES = 3,
	UNTANGLE_TRIED_PLACES = 12,    /* full costings per node and pass */
	UNTANGLE_CHECKED_PLACES = 300, /* nearest places looked at per node and pass */
	UNTANGLE_MAX_GRID = 20000,     /* grid points, whatever the screen */
	UNTANGLE_CELL_BUCKETS = 48,    /* along the screen's longer side */
	UNTANGLE_SEGMENT_BUCKETS = 32,
	UNTANGLE_MAX_NODES_FOR_TRIES = 60,
};

/* Costs, in crossings: what one crossing is worth in pixels of link (at
 * 1080 lines), and what a link over someone's symbol or label costs. */
static const float untangle_crossing_px = 400.0f;
static const float untangle_over_node = 1.0f;

/* Ends and box kept with the segment: the crossing count reads them for
 * every segment and every place tried, so they stay in one array. */
struct untangle_segment {
	float ax, ay, bx, by;
	float left, right, top, bottom;
	int a, b;
	/* A tie to a tag with no other professional: the tag follows, so the
	 * professional moves as if it had none. */
	bool is_followed;
};

struct untangle {
	struct layout_work *work;
	struct untangle_segment *segments;
	size_t segment_count;
	size_t *first;    /* node_count + 1: CSR offsets into incident */
	size_t *incident; /* segment indices per node */
	struct layout_rect *households;
	size_t household_count;
	struct layout_places places; /* the cheapest UNTANGLE_CHECKED_PLACES */
	float *ends;                 /* 2 * node_count: the moving node's other ends */
	struct layout_rect *cells;   /* every node's footprint where it stands */
	struct layout_buckets nearby_cells;
	struct layout_buckets nearby_segments;
	size_t *found; /* room for every node or segment a query finds */
	float margin;
	float per_px; /* crossings per pixel of length */
	float step;   /* between the grid points a node may move to */
};

static bool untangle_is_movable(const struct situation *situation, size_t node)
{
	return situation->nodes[node].kind != NODE_PERSON;
}

/* Whether the segment weighs on where the node goes. */
static bool untangle_counts(const struct untangle_segment *segment, size_t node)
{
	return !(segment->is_followed && (size_t)segment->a == node);
}

static void untangle_ends(const struct untangle_segment *segment, float ends[4])
{
	ends[0] = segment->ax;
	ends[1] = segment->ay;
	ends[2] = segment->bx;
	ends[3] = segment->by;
}

static void untangle_refresh_segment(struct untangle *u, size_t s)
{
	const struct layout_node *nodes = u->work->layout->nodes;
	struct untangle_segment *segment = &u->segments[s];
	segment->ax = nodes[segment->a].x;
	segment->ay = nodes[segment->a].y;
	segment->bx = nodes[segment->b].x;
	segment->by = nodes[segment->b].y;
	segment->left = layout_min(segment->ax, segment->bx);
	segment->right = layout_max(segment->ax, segment->bx);
	segment->top = layout_min(segment->ay, segment->by);
	segment->bottom = layout_max(segment->ay, segment->by);
}

/* How one run goes: the greedy moves depend on who moves first and on
 * whether lone institutions' tags follow, and no one choice is best for
 * every situation, so small situations try them all (layout_untangle). */
struct untangle_strategy {
	bool are_tags_following; /* of institutions with one professional */
	bool is_by_links;        /* most links first, else in file order */
};

static bool untangle_build(struct untangle *u, struct layout_work *work,
                           struct untangle_strategy strategy)
{
	const struct situation *situation = work->situation;
	size_t count = situation->node_count;
	*u = (struct untangle){.work = work};
	u->margin = work->layout->symbol_size * 0.12f;
	u->per_px = 1.0f / (untangle_crossing_px * work->unit);
	const struct layout_rect *screen = &work->screen;
	u->step = layout_max(work->layout->symbol_size, 30.0f * work->unit);
	while ((screen->w / u->step + 1) * (screen->h / u->step + 1) > UNTANGLE_MAX_GRID)
		u->step *= 1.5f;
	/* Grid points on screen, with room for rounding (none on a screen
	 * that the title and legend leave no height). */
	size_t max_columns = screen->w > 0 ? (size_t)(screen->w / u->step) + 3 : 3;
	size_t max_rows = screen->h > 0 ? (size_t)(screen->h / u->step) + 3 : 3;
	/* Professionals per institution: a tag with one follows it. */
	size_t ties = 0, *staff = calloc(count + 1, sizeof *staff);
	if (!staff)
		return false;
	for (size_t i = 0; i < count; i++) {
		if (situation->nodes[i].kind == NODE_PRO && situation->nodes[i].institution >= 0) {
			staff[situation->nodes[i].institution]++;
			ties++;
		}
	}
	u->segments = calloc(situation->link_count + ties + 1, sizeof *u->segments);
	u->first = calloc(count + 1, sizeof *u->first);
	u->incident = calloc(2 * (situation->link_count + ties) + 1, sizeof *u->incident);
	u->households = calloc(situation->household_count + 1, sizeof *u->households);
	/* A node's other ends, one per segment: two persons may share several
	 * links, so a node can have more segments than there are nodes. */
	u->ends = calloc(2 * (situation->link_count + ties) + 2, sizeof *u->ends);
	u->cells = calloc(count + 1, sizeof *u->cells);
	u->found = calloc(count + situation->link_count + ties + 1, sizeof *u->found);
	if (!layout_places_init(&u->places, UNTANGLE_CHECKED_PLACES, max_columns, max_rows) ||
	    !u->segments || !u->first || !u->incident || !u->households || !u->ends || !u->cells ||
	    !u->found) {
		free(staff);
		return false;
	}
	for (size_t i = 0; i < count; i++)
		u->cells[i] = layout_cell_rect(work, i, u->margin);
	for (size_t l = 0; l < situation->link_count; l++)
		u->segments[u->segment_count++] = (struct untangle_segment){
		    .a = situation->links[l].a, .b = situation->links[l].b};
	for (size_t i = 0; i < count; i++) {
		int institution = situation->nodes[i].institution;
		if (situation->nodes[i].kind != NODE_PRO || institution < 0)
			continue;
		u->segments[u->segment_count++] = (struct untangle_segment){
		    .a = (int)i,
		    .b = institution,
		    .is_followed = strategy.are_tags_following && staff[institution] == 1};
	}
	free(staff);
	for (size_t s = 0; s < u->segment_count; s++)
		untangle_refresh_segment(u, s);
	if (!layout_buckets_init(&u->nearby_cells, work->screen, UNTANGLE_CELL_BUCKETS, count) ||
	    !layout_buckets_init(&u->nearby_segments, work->screen, UNTANGLE_SEGMENT_BUCKETS,
	                         u->segment_count) ||
	    !layout_buckets_fill(&u->nearby_cells, u->cells))
		return false;
	for (size_t s = 0; s < u->segment_count; s++) {
		float ends[4];
		untangle_ends(&u->segments[s], ends);
		if (!layout_buckets_add_segment(&u->nearby_segments, s, ends))
			return false;
	}
	/* Incident segments per node, counted then filled (CSR). */
	for (size_t s = 0; s < u->segment_count; s++) {
		u->first[u->segments[s].a + 1]++;
		u->first[u->segments[s].b + 1]++;
	}
	for (size_t i = 0; i < count; i++)
		u->first[i + 1] += u->first[i];
	size_t *fill = calloc(count + 1, sizeof *fill);
	if (!fill)
		return false;
	for (size_t s = 0; s < u->segment_count; s++) {
		size_t a = (size_t)u->segments[s].a, b = (size_t)u->segments[s].b;
		u->incident[u->first[a] + fill[a]++] = s;
		u->incident[u->first[b] + fill[b]++] = s;
	}
	free(fill);
	/* Households as the box of their members: nobody else goes in there. */
	for (size_t h = 0; h < situation->household_count; h++) {
		const struct household *household = &situation->households[h];
		if (household->member_count == 0)
			continue;
		struct layout_rect box = layout_cell_rect(work, (size_t)household->members[0], 0);
		for (size_t m = 1; m < household->member_count; m++) {
			struct layout_rect cell =
			    layout_cell_rect(work, (size_t)household->members[m], 0);
			float right = layout_max(box.x + box.w, cell.x + cell.w);
			float bottom = layout_max(box.y + box.h, cell.y + cell.h);
			box.x = layout_min(box.x, cell.x);
			box.y = layout_min(box.y, cell.y);
			box.w = right - box.x;
			box.h = bottom - box.y;
		}
		u->households[u->household_count++] = box;
	}
	return true;
}

static void untangle_free(struct untangle *u)
{
	free(u->segments);
	free(u->first);
	free(u->incident);
	free(u->households);
	layout_places_free(&u->places);
	free(u->ends);
	free(u->cells);
	free(u->found);
	layout_buckets_free(&u->nearby_cells);
	layout_buckets_free(&u->nearby_segments);
}

/* Does the segment from p to q pass through the rectangle? (Liang-Barsky) */
static bool segment_meets_rect(float px, float py, float qx, float qy, struct layout_rect rect)
{
	float t0 = 0, t1 = 1, dx = qx - px, dy = qy - py;
	const float p[4] = {-dx, dx, -dy, dy};
	const float q[4] = {px - rect.x, rect.x + rect.w - px, py - rect.y, rect.y + rect.h - py};
	for (int k = 0; k < 4; k++) {
		if (fabsf(p[k]) < 1e-9f) {
			if (q[k] < 0)
				return false;
			continue;
		}
		float t = q[k] / p[k];
		if (p[k] < 0)
			t0 = layout_max(t0, t);
		else
			t1 = layout_min(t1, t);
		if (t0 > t1)
			return false;
	}
	return true;
}

/* Segments that share an end never count as crossing: links of one node
 * fan out from it. */
static bool untangle_share_end(const struct untangle_segment *x, const struct untangle_segment *y)
{
	return x->a == y->a || x->a == y->b || x->b == y->a || x->b == y->b;
}

/* The cost of the node's segments where they stand now (the node's own
 * position is read from the layout); stops counting once the cost reaches
 * `bound`, since it can then only lose. */
static float untangle_cost(struct untangle *u, size_t node, float bound)
{
	const struct layout_node *nodes = u->work->layout->nodes;
	float cost = 0;
	for (size_t k = u->first[node]; k < u->first[node + 1]; k++) {
		const struct untangle_segment *own = &u->segments[u->incident[k]];
		if (!untangle_counts(own, node))
			continue;
		const struct layout_node *p = &nodes[own->a], *q = &nodes[own->b];
		float dx = q->x - p->x, dy = q->y - p->y;
		cost += sqrtf(dx * dx + dy * dy) * u->per_px;
		if (cost >= bound)
			return cost;
		struct layout_rect reach = {layout_min(p->x, q->x), layout_min(p->y, q->y),
		                            fabsf(dx), fabsf(dy)};
		const float ends[4] = {p->x, p->y, q->x, q->y};
		/* The node's own segments are stale in the buckets while it tries
		 * places, but they share its end, so they are never compared. */
		size_t found = layout_buckets_along(&u->nearby_segments, ends, u->found);
		for (size_t f = 0; f < found; f++) {
			const struct untangle_segment *other = &u->segments[u->found[f]];
			if (other->right < reach.x || other->left > reach.x + reach.w ||
			    other->bottom < reach.y || other->top > reach.y + reach.h)
				continue;
			if (untangle_share_end(own, other))
				continue;
			/* Every crossing only adds: past the bound, the place has lost. */
			if (layout_segments_cross(p->x, p->y, q->x, q->y, other->ax, other->ay,
			                          other->bx, other->by) &&
			    (cost += 1) >= bound)
				return cost;
		}
		/* Running over someone else's symbol or label. */
		found = layout_buckets_along(&u->nearby_cells, ends, u->found);
		for (size_t f = 0; f < found; f++) {
			size_t i = u->found[f];
			if ((int)i == own->a || (int)i == own->b)
				continue;
			if (segment_meets_rect(p->x, p->y, q->x, q->y, u->cells[i]) &&
			    (cost += untangle_over_node) >= bound)
				return cost;
		}
	}
	return cost;
}

/* Whether a footprint is on screen and clear of what never moves while
 * untangling: the family's box and the households. */
static bool untangle_is_clear_of_fixed(const struct untangle *u, struct layout_rect own)
{
	const struct layout_work *work = u->work;
	const struct layout_rect *screen = &work->screen;
	if (own.x < screen->x - u->margin || own.y < screen->y - u->margin ||
	    own.x + own.w > screen->x + screen->w + u->margin ||
	    own.y + own.h > screen->y + screen->h + u->margin)
		return false;
	/* The family's rows are the genogram's: nobody else stands among them. */
	if (layout_rects_overlap(own, work->family_box))
		return false;
	for (size_t h = 0; h < u->household_count; h++)
		if (layout_rects_overlap(own, u->households[h]))
			return false;
	return true;
}

/* The place filter for the node being untangled. */
struct untangle_mover {
	const struct untangle *u;
	size_t node;
};

static bool untangle_is_place_clear_of_fixed(const struct layout_place *place, void *context)
{
	const struct untangle_mover *mover = context;
	const struct layout_cell *cell = &mover->u->work->cells[mover->node];
	float margin = mover->u->margin;
	/* As layout_cell_rect computes it, with the node at the place. */
	struct layout_rect own = {place->x - cell->half_width - margin,
	                          place->y - cell->up - margin, 2 * (cell->half_width + margin),
	                          cell->up + cell->down + 2 * margin};
	return untangle_is_clear_of_fixed(mover->u, own);
}

/* Whether the node's footprint, where it stands, touches no other
 * footprint (it is already known clear of the fixed obstacles). */
static bool untangle_is_free(struct untangle *u, size_t node)
{
	struct layout_rect own = layout_cell_rect(u->work, node, u->margin);
	return !layout_buckets_any_overlap(&u->nearby_cells, own, u->cells, node);
}

/* The other ends of the node's segments that weigh on where it goes, as
 * x, y pairs into u->ends; returns how many. */
static size_t untangle_other_ends(struct untangle *u, size_t node)
{
	const struct layout_node *nodes = u->work->layout->nodes;
	size_t count = 0;
	for (size_t k = u->first[node]; k < u->first[node + 1]; k++) {
		const struct untangle_segment *own = &u->segments[u->incident[k]];
		if (!untangle_counts(own, node))
			continue;
		size_t other = (size_t)own->a == node ? (size_t)own->b : (size_t)own->a;
		u->ends[2 * count] = nodes[other].x;
		u->ends[2 * count + 1] = nodes[other].y;
		count++;
	}
	return count;
}

/* Grid points over the screen, nearest to the node's other ends first, into
 * u->places. */
static void untangle_candidates(struct untangle *u, size_t node)
{
	const struct layout_work *work = u->work;
	const struct layout_rect *screen = &work->screen;
	/* Only around those it is tied to: far from all of them it could not
	 * be among the cheapest anyway. */
	float reach = layout_max(screen->w, screen->h) * 0.15f + work->cells[node].half_width;
	float left = INFINITY, right = -INFINITY, top = INFINITY, bottom = -INFINITY;
	size_t ends = untangle_other_ends(u, node);
	for (size_t e = 0; e < ends; e++) {
		left = layout_min(left, u->ends[2 * e] - reach);
		right = layout_max(right, u->ends[2 * e] + reach);
		top = layout_min(top, u->ends[2 * e + 1] - reach);
		bottom = layout_max(bottom, u->ends[2 * e + 1] + reach);
	}
	/* On the screen's grid, so every node sees the same points. */
	float step = u->step;
	struct layout_grid grid = {screen->x + step * ceilf(layout_max(0, left - screen->x) / step),
	                           screen->y + step * ceilf(layout_max(0, top - screen->y) / step),
	                           layout_min(right, screen->x + screen->w),
	                           layout_min(bottom, screen->y + screen->h), step};
	layout_places_choose(&u->places, &grid, u->ends, ends);
}

/* Tries the node's best places; returns whether it moved. */
static bool untangle_node(struct untangle *u, size_t node)
{
	struct layout_node *placed = &u->work->layout->nodes[node];
	if (u->first[node] == u->first[node + 1])
		return false;
	float start_x = placed->x, start_y = placed->y;
	float best = untangle_cost(u, node, INFINITY);
	float best_x = start_x, best_y = start_y;
	untangle_candidates(u, node);
	/* Most of the nearest places lie in the family's box: they are
	 * dropped before the rest are taken in order. */
	struct untangle_mover mover = {u, node};
	layout_places_filter(&u->places, untangle_is_place_clear_of_fixed, &mover);
	size_t tried = 0;
	struct layout_place place;
	while (tried < UNTANGLE_TRIED_PLACES && layout_places_take(&u->places, &place)) {
		/* Length alone already costs more than the best: so do the rest. */
		if (place.cost * u->per_px >= best)
			break;
		placed->x = place.x;
		placed->y = place.y;
		if (!untangle_is_free(u, node))
			continue;
		tried++;
		float cost = untangle_cost(u, node, best);
		if (cost < best - 1e-4f) {
			best = cost;
			best_x = placed->x;
			best_y = placed->y;
		}
	}
	placed->x = best_x;
	placed->y = best_y;
	if (best_x == start_x && best_y == start_y)
		return false;
	struct layout_rect was = u->cells[node];
	u->cells[node] = layout_cell_rect(u->work, node, u->margin);
	if (!layout_buckets_move(&u->nearby_cells, node, was, u->cells[node]))
		return false;
	for (size_t k = u->first[node]; k < u->first[node + 1]; k++) {
		size_t segment = u->incident[k];
		float was_ends[4], ends[4];
		untangle_ends(&u->segments[segment], was_ends);
		untangle_refresh_segment(u, segment);
		untangle_ends(&u->segments[segment], ends);
		if (!layout_buckets_move_segment(&u->nearby_segments, segment, was_ends, ends))
			return false;
	}
	/* A tag that follows this professional follows now, before others
	 * take the places next to it. */
	for (size_t k = u->first[node]; k < u->first[node + 1]; k++) {
		const struct untangle_segment *tie = &u->segments[u->incident[k]];
		if (tie->is_followed && (size_t)tie->a == node)
			untangle_node(u, (size_t)tie->b);
	}
	return true;
}

/* Who tries first: professionals with the most links (they anchor the
 * others), then institution tags; node order breaks ties. */
struct untangle_turn {
	bool is_tag;
	size_t links;
	size_t node;
};

static int untangle_turn_compare(const void *left, const void *right)
{
	const struct untangle_turn *a = left, *b = right;
	if (a->is_tag != b->is_tag)
		return a->is_tag ? 1 : -1;
	if (a->links != b->links)
		return a->links > b->links ? -1 : 1;
	return (a->node > b->node) - (a->node < b->node);
}

/* What the whole picture costs, ties included: crossings, links over
 * someone's symbol or label, length. */
static float untangle_total_cost(struct untangle *u)
{
	float cost = 0;
	for (size_t s = 0; s < u->segment_count; s++) {
		const struct untangle_segment *one = &u->segments[s];
		cost += sqrtf((one->bx - one->ax) * (one->bx - one->ax) +
		              (one->by - one->ay) * (one->by - one->ay)) *
		        u->per_px;
		for (size_t t = s + 1; t < u->segment_count; t++) {
			const struct untangle_segment *other = &u->segments[t];
			if (untangle_share_end(one, other))
				continue;
			if (layout_segments_cross(one->ax, one->ay, one->bx, one->by, other->ax,
			                          other->ay, other->bx, other->by))
				cost += 1;
		}
		for (size_t i = 0; i < u->work->situation->node_count; i++)
			if ((int)i != one->a && (int)i != one->b &&
			    segment_meets_rect(one->ax, one->ay, one->bx, one->by, u->cells[i]))
				cost += untangle_over_node;
	}
	return cost;
}

/* One run of the strategy from the positions the layout holds; returns
 * the total cost it ends with when is_compared (else 0: with a single
 * strategy there is nothing to compare it with). */
static float untangle_run(struct layout_work *work, struct untangle_strategy strategy,
                          bool is_compared)
{
	float total = INFINITY;
	struct untangle u = {0};
	const struct situation *situation = work->situation;
	struct untangle_turn *turns = calloc(situation->node_count + 1, sizeof *turns);
	if (turns && untangle_build(&u, work, strategy)) {
		size_t count = 0;
		for (size_t i = 0; i < situation->node_count; i++)
			if (untangle_is_movable(situation, i))
				turns[count++] = (struct untangle_turn){
				    situation->nodes[i].kind == NODE_INSTITUTION,
				    strategy.is_by_links ? u.first[i + 1] - u.first[i] : 0, i};
		qsort(turns, count, sizeof *turns, untangle_turn_compare);
		for (int pass = 0; pass < UNTANGLE_PASSES; pass++) {
			bool has_moved = false;
			for (size_t k = 0; k < count; k++)
				has_moved |= untangle_node(&u, turns[k].node);
			if (!has_moved)
				break;
		}
		total = is_compared ? untangle_total_cost(&u) : 0;
	}
	free(turns);
	untangle_free(&u);
	return total;
}

static void untangle_save(const struct layout *layout, float *positions)
{
	for (size_t i = 0; i < layout->node_count; i++) {
		positions[2 * i] = layout->nodes[i].x;
		positions[2 * i + 1] = layout->nodes[i].y;
	}
}

static void untangle_restore(struct layout *layout, const float *positions)
{
	for (size_t i = 0; i < layout->node_count; i++) {
		layout->nodes[i].x = positions[2 * i];
		layout->nodes[i].y = positions[2 * i + 1];
	}
}

void layout_untangle(struct layout_work *work)
{
	static const struct untangle_strategy strategies[] = {
	    {false, false}, {true, false}, {false, true}, {true, true}};
	struct layout *layout = work->layout;
	/* Up to this size every strategy runs and the cheapest picture wins;
	 * past it one run already costs tens of milliseconds. */
	size_t tries = work->situation->node_count <= UNTANGLE_MAX_NODES_FOR_TRIES
	                   ? sizeof strategies / sizeof *strategies
	                   : 1;
	float *start = calloc(2 * layout->node_count + 1, sizeof *start);
	float *best = calloc(2 * layout->node_count + 1, sizeof *best);
	if (!start || !best || tries == 1) {
		(void)untangle_run(work, strategies[0], false);
	} else {
		untangle_save(layout, start);
		float least = INFINITY;
		for (size_t t = 0; t < tries; t++) {
			untangle_restore(layout, start);
			float cost = untangle_run(work, strategies[t], true);
			if (cost < least) {
				least = cost;
				untangle_save(layout, best);
			}
		}
		untangle_restore(layout, best);
	}
	free(start);
	free(best);
}
