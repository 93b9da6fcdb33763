/*
 * draw_enclosures: what surrounds groups of nodes: overlap fields (tinted
 * bands with an outline along a spanning tree of their members, named where
 * the name hides nobody) and households (the outline of their enclosure's rectangles and
 * the name the layout placed).
 */
#include <math.h>
#include <stdlib.h>

#include "draw_internal.h"
#include "geometry.h"
#include "newcomer.h"

enum {
	FIELD_MAX_MEMBERS = 64,
	FIELD_ARC_STEPS = 16,
	FIELD_SIDE_STEPS = 80,
	FIELD_MAX_OUTLINE = 2 * (FIELD_ARC_STEPS + 1) + 2 * FIELD_SIDE_STEPS
};

/* An overlap field: bands (capsules) along the shortest tree joining its
 * members, so it reads as one shape around them without covering the people
 * between them, as a convex hull would. */
struct field_tree {
	int members[FIELD_MAX_MEMBERS];
	int parent[FIELD_MAX_MEMBERS];
	int count;
};

static void draw_field_label(struct draw_context *context, const struct layout *layout,
                             const struct field *field, const struct field_tree *tree);

/* The field's members this pass draws and Prim's tree on their centres;
 * false when fewer than two show (no band to draw). */
static bool field_tree_build(struct draw_context *context, const struct layout *layout,
                             const struct scene *scene, const struct field *field,
                             struct field_tree *tree)
{
	float distance[FIELD_MAX_MEMBERS];
	bool is_in_tree[FIELD_MAX_MEMBERS];
	tree->count = 0;
	for (size_t m = 0; m < field->member_count && tree->count < FIELD_MAX_MEMBERS; m++)
		if (scene->is_node_visible[field->members[m]] &&
		    newcomer_pass_draws(context, newcomer_is(scene, field->members[m])))
			tree->members[tree->count++] = field->members[m];
	if (tree->count < 2)
		return false;
	for (int k = 0; k < tree->count; k++) {
		distance[k] = INFINITY;
		tree->parent[k] = -1;
		is_in_tree[k] = false;
	}
	distance[0] = 0;
	for (int added = 0; added < tree->count; added++) {
		int next = -1;
		for (int k = 0; k < tree->count; k++)
			if (!is_in_tree[k] && (next < 0 || distance[k] < distance[next]))
				next = k;
		is_in_tree[next] = true;
		SDL_FPoint here = at(layout, tree->members[next]);
		for (int k = 0; k < tree->count; k++) {
			if (is_in_tree[k])
				continue;
			SDL_FPoint there = at(layout, tree->members[k]);
			float d = hypotf(there.x - here.x, there.y - here.y);
			if (d < distance[k]) {
				distance[k] = d;
				tree->parent[k] = next;
			}
		}
	}
	return true;
}

/* Band k's segment: from member k's parent to member k. The root has no
 * band of its own: its child's band ends round around it. */
static void field_band(const struct layout *layout, const struct field_tree *tree, int k,
                       SDL_FPoint *from, SDL_FPoint *to)
{
	*to = at(layout, tree->members[k]);
	*from = tree->parent[k] >= 0 ? at(layout, tree->members[tree->parent[k]]) : *to;
}

static float segment_distance(SDL_FPoint from, SDL_FPoint to, SDL_FPoint p)
{
	float dx = to.x - from.x, dy = to.y - from.y;
	float length2 = dx * dx + dy * dy;
	float t = length2 > 0 ? ((p.x - from.x) * dx + (p.y - from.y) * dy) / length2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypotf(p.x - (from.x + dx * t), p.y - (from.y + dy * t));
}

/* Whether p lies inside a band of the tree other than `skip`. */
static bool field_covers(const struct layout *layout, const struct field_tree *tree, int skip,
                         SDL_FPoint p, float radius)
{
	for (int k = 0; k < tree->count; k++) {
		SDL_FPoint from, to;
		field_band(layout, tree, k, &from, &to);
		if (k != skip && tree->parent[k] >= 0 &&
		    segment_distance(from, to, p) < radius - 0.5f)
			return true;
	}
	return false;
}

/* Band k's border as a closed loop: the half circle around its far end, a
 * side, the half circle around its near end, the other side. */
static int field_band_border(SDL_FPoint from, SDL_FPoint to, float radius, SDL_FPoint *points)
{
	const float pi = 3.14159265358979f;
	float length = hypotf(to.x - from.x, to.y - from.y);
	float base = length > 0.5f ? atan2f(to.y - from.y, to.x - from.x) : 0;
	/* Sides in steps short enough to find where another band crosses them. */
	int side_steps = (int)(length / 12) + 1;
	if (side_steps > FIELD_SIDE_STEPS)
		side_steps = FIELD_SIDE_STEPS;
	int count = 0;
	SDL_FPoint ends[2] = {to, from};
	for (int end = 0; end < 2; end++) {
		for (int k = 0; k <= FIELD_ARC_STEPS; k++) {
			float angle =
			    base - pi / 2 + pi * (float)k / (float)FIELD_ARC_STEPS + (end ? pi : 0);
			points[count++] = (SDL_FPoint){ends[end].x + radius * cosf(angle),
			                               ends[end].y + radius * sinf(angle)};
		}
		if (length <= 0.5f)
			continue;
		SDL_FPoint a = points[count - 1];
		SDL_FPoint b = {ends[1 - end].x + radius * cosf(base + pi / 2 + (end ? pi : 0)),
		                ends[1 - end].y + radius * sinf(base + pi / 2 + (end ? pi : 0))};
		for (int k = 1; k < side_steps; k++) {
			float t = (float)k / (float)side_steps;
			points[count++] =
			    (SDL_FPoint){a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
		}
	}
	return count;
}

/* Where the border leaves (or enters) the other bands between a shown
 * point and a hidden one, by halving. */
static SDL_FPoint field_border_crossing(const struct layout *layout, const struct field_tree *tree,
                                        int band, SDL_FPoint shown, SDL_FPoint hidden, float radius)
{
	for (int k = 0; k < 8; k++) {
		SDL_FPoint mid = {(shown.x + hidden.x) / 2, (shown.y + hidden.y) / 2};
		if (field_covers(layout, tree, band, mid, radius))
			hidden = mid;
		else
			shown = mid;
	}
	return shown;
}

/* The outline of the union of the field's bands: each band's border minus
 * the stretches inside another band of the same field, so one field reads
 * as one shape and two fields that overlap each keep their whole edge. */
static void draw_field_outline(struct draw_context *context, const struct layout *layout,
                               const struct field_tree *tree, float radius, float width,
                               SDL_Color color)
{
	SDL_FPoint border[FIELD_MAX_OUTLINE];
	bool is_shown[FIELD_MAX_OUTLINE];
	SDL_FPoint run[FIELD_MAX_OUTLINE + 2];
	for (int band = 0; band < tree->count; band++) {
		if (tree->parent[band] < 0)
			continue;
		SDL_FPoint from, to;
		field_band(layout, tree, band, &from, &to);
		int count = field_band_border(from, to, radius, border);
		int first_hidden = -1;
		for (int k = 0; k < count; k++) {
			is_shown[k] = !field_covers(layout, tree, band, border[k], radius);
			if (!is_shown[k] && first_hidden < 0)
				first_hidden = k;
		}
		if (first_hidden < 0) {
			geometry_polyline(context->renderer, border, count, true, width, color);
			continue;
		}
		/* Runs of shown points, starting after a hidden one so none is cut
		 * at the loop's start; each run ends where the border crosses. */
		int length = 0;
		for (int step = 1; step <= count; step++) {
			int k = (first_hidden + step) % count, previous = (k + count - 1) % count;
			if (is_shown[k] && !is_shown[previous])
				run[length++] = field_border_crossing(layout, tree, band, border[k],
				                                      border[previous], radius);
			if (is_shown[k])
				run[length++] = border[k];
			if (!is_shown[k] && is_shown[previous]) {
				run[length++] = field_border_crossing(
				    layout, tree, band, border[previous], border[k], radius);
				geometry_polyline(context->renderer, run, length, false, width,
				                  color);
				length = 0;
			}
		}
	}
}

/* Drawn in three passes: every field's tint under everything, then every
 * field's outline over the tints (so a field keeps its whole edge where
 * another overlaps it, and overlaps do not darken), the names over
 * everything in the label pass. The tint is opaque and already blended
 * with the paper, which is all it is ever drawn on. */
void draw_fields(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene, bool is_label_pass)
{
	struct field_tree tree;
	float radius = layout->symbol_size * 0.85f;
	for (int pass = is_label_pass ? 2 : 0; pass < (is_label_pass ? 3 : 2); pass++) {
		for (size_t f = 0; f < situation->field_count; f++) {
			const struct field *field = &situation->fields[f];
			if (!scene->is_field_visible[f] ||
			    !field_tree_build(context, layout, scene, field, &tree))
				continue;
			if (pass == 0) {
				for (int k = 0; k < tree.count; k++) {
					if (tree.parent[k] < 0)
						continue;
					SDL_FPoint from, to;
					field_band(layout, &tree, k, &from, &to);
					geometry_capsule(context->renderer, from, to, radius,
					                 context->palette->field_fill);
				}
			} else if (pass == 1) {
				draw_field_outline(context, layout, &tree, radius,
				                   line_width(layout) * 1.25f,
				                   context->palette->field_outline);
			} else if (field->label) {
				draw_field_label(context, layout, field, &tree);
			}
		}
	}
}

static bool draw_box_is_free(const struct layout *layout, SDL_FRect box)
{
	for (size_t i = 0; i < layout->node_count; i++) {
		const struct layout_rect *boxes[2] = {&layout->nodes[i].symbol_box,
		                                      &layout->nodes[i].label_box};
		for (int k = 0; k < 2; k++)
			if (box.x < boxes[k]->x + boxes[k]->w && boxes[k]->x < box.x + box.w &&
			    box.y < boxes[k]->y + boxes[k]->h && boxes[k]->y < box.y + box.h)
				return false;
	}
	return true;
}

/* A field's name goes along its tree where it hides no one's name. */
static void draw_field_label(struct draw_context *context, const struct layout *layout,
                             const struct field *field, const struct field_tree *tree)
{
	const int *members = tree->members, *parent = tree->parent;
	int count = tree->count;
	struct text_style style = {layout->small_px, TEXT_BOLD, context->palette->field_name};
	int w = 0, h = 0;
	text_measure(context->text, field->label, style, &w, &h);
	static const float along[] = {0.5f, 0.35f, 0.65f, 0.2f, 0.8f};
	SDL_FPoint best = at(layout, members[0]);
	bool is_found = false;
	for (size_t t = 0; t < sizeof along / sizeof *along && !is_found; t++) {
		for (int k = 0; k < count && !is_found; k++) {
			if (parent[k] < 0)
				continue;
			SDL_FPoint a = at(layout, members[parent[k]]), b = at(layout, members[k]);
			SDL_FPoint p = {a.x + (b.x - a.x) * along[t], a.y + (b.y - a.y) * along[t]};
			SDL_FRect box = {p.x - (float)w / 2 - 6, p.y - (float)h / 2, (float)w + 12,
			                 (float)h};
			if (draw_box_is_free(layout, box)) {
				best = p;
				is_found = true;
			}
		}
	}
	SDL_FRect backing = {best.x - (float)w / 2 - 6, best.y - (float)h / 2, (float)w + 12,
	                     (float)h};
	geometry_fill_rounded_rect(context->renderer, backing, (float)h / 2,
	                           context->palette->label_backing);
	text_draw(context->text, field->label, style, (int)best.x, (int)best.y, 1, 1);
}

/* The outline of a union of rectangles: each edge minus the stretches that
 * run inside another rectangle of the same enclosure. */
static void draw_union_outline(struct draw_context *context, const struct layout_rect *rects,
                               size_t count, float width, SDL_Color color)
{
	for (size_t r = 0; r < count; r++) {
		const struct layout_rect *rect = &rects[r];
		SDL_FPoint corners[4] = {{rect->x, rect->y},
		                         {rect->x + rect->w, rect->y},
		                         {rect->x + rect->w, rect->y + rect->h},
		                         {rect->x, rect->y + rect->h}};
		for (int e = 0; e < 4; e++) {
			SDL_FPoint from = corners[e], to = corners[(e + 1) % 4];
			/* Walk the edge in short steps, drawing the parts outside the others. */
			float length = fabsf(to.x - from.x) + fabsf(to.y - from.y);
			int steps = (int)(length / (width * 2.5f)) + 1;
			for (int k = 0; k < steps; k += 2) {
				float t0 = (float)k / (float)steps,
				      t1 = (float)(k + 1) / (float)steps;
				SDL_FPoint a = {from.x + (to.x - from.x) * t0,
				                from.y + (to.y - from.y) * t0};
				SDL_FPoint b = {from.x + (to.x - from.x) * t1,
				                from.y + (to.y - from.y) * t1};
				SDL_FPoint mid = {(a.x + b.x) / 2, (a.y + b.y) / 2};
				bool is_inside = false;
				for (size_t o = 0; o < count && !is_inside; o++)
					is_inside = o != r && mid.x > rects[o].x + 0.5f &&
					            mid.x < rects[o].x + rects[o].w - 0.5f &&
					            mid.y > rects[o].y + 0.5f &&
					            mid.y < rects[o].y + rects[o].h - 0.5f;
				if (!is_inside)
					geometry_line(context->renderer, a, b, width, color);
			}
		}
	}
}

void draw_households(struct draw_context *context, const struct situation *situation,
                     const struct layout *layout, const struct scene *scene, bool is_label_pass)
{
	for (size_t h = 0; h < situation->household_count; h++) {
		const struct household *household = &situation->households[h];
		bool has_others = false, has_newcomer = false;
		for (size_t m = 0; m < household->member_count; m++) {
			int member = household->members[m];
			if (scene->is_node_visible[member]) {
				has_newcomer |= newcomer_is(scene, member);
				has_others |= !newcomer_is(scene, member);
			}
		}
		const struct layout_household *enclosure = &layout->households[h];
		if (!newcomer_pass_draws_shared(context, has_others, has_newcomer) ||
		    enclosure->rect_count == 0)
			continue;
		/* A household shown for its newcomer alone fades in with them. */
		float fade = 0;
		for (size_t m = 0; m < household->member_count && !has_others; m++)
			if (newcomer_is(scene, household->members[m]))
				fade = newcomer_fade_of(context, scene, household->members[m]);
		if (!is_label_pass)
			draw_union_outline(
			    context, enclosure->rects, enclosure->rect_count,
			    line_width(layout) * 0.8f,
			    newcomer_faded(context, context->palette->household, fade));
		else if (household->label && enclosure->label_box.w > 0) {
			/* Placed by the layout where it hides nothing (layout_check.c). */
			struct layout_rect box = enclosure->label_box;
			struct text_style style = {
			    layout->small_px, TEXT_REGULAR,
			    newcomer_faded(context, context->palette->muted_ink, fade)};
			geometry_fill_rounded_rect(
			    context->renderer, (SDL_FRect){box.x, box.y, box.w, box.h}, box.h / 3,
			    newcomer_faded(context, context->palette->label_backing, fade));
			text_draw(context->text, household->label, style, (int)(box.x + 4),
			          (int)(box.y + box.h / 2), 0, 1);
		}
	}
}
