/*
 * draw_enclosures: what surrounds groups of nodes: overlap fields (bands
 * along a spanning tree of their members, named where the name hides
 * nobody) and households (the outline of their enclosure's rectangles and
 * the name the layout placed).
 */
#include <math.h>
#include <stdlib.h>

#include "draw_internal.h"
#include "geometry.h"
#include "newcomer.h"

enum { FIELD_MAX_MEMBERS = 64 };

/* An overlap field: translucent capsules along the shortest tree joining
 * its members, so it reads as one shape around them without covering the
 * people between them, as a convex hull would. */
static void draw_field_label(struct draw_context *context, const struct layout *layout,
                             const struct field *field, const int *members, const int *parent,
                             int count);

/* Drawn twice: the bands under everything, their names over everything. */
void draw_fields(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene, bool is_label_pass)
{
	int members[FIELD_MAX_MEMBERS];
	float distance[FIELD_MAX_MEMBERS];
	int parent[FIELD_MAX_MEMBERS];
	bool is_in_tree[FIELD_MAX_MEMBERS];
	for (size_t f = 0; f < situation->field_count; f++) {
		const struct field *field = &situation->fields[f];
		if (!scene->is_field_visible[f])
			continue;
		int count = 0;
		for (size_t m = 0; m < field->member_count && count < FIELD_MAX_MEMBERS; m++)
			if (scene->is_node_visible[field->members[m]] &&
			    newcomer_pass_draws(context, newcomer_is(scene, field->members[m])))
				members[count++] = field->members[m];
		if (count < 2)
			continue;
		/* Prim's algorithm on the members' centres. */
		for (int k = 0; k < count; k++) {
			distance[k] = INFINITY;
			parent[k] = -1;
			is_in_tree[k] = false;
		}
		distance[0] = 0;
		SDL_Color fill = context->palette->field_fill;
		float radius = layout->symbol_size * 0.85f;
		for (int added = 0; added < count; added++) {
			int next = -1;
			for (int k = 0; k < count; k++)
				if (!is_in_tree[k] && (next < 0 || distance[k] < distance[next]))
					next = k;
			is_in_tree[next] = true;
			SDL_FPoint here = at(layout, members[next]);
			if (parent[next] >= 0) {
				if (!is_label_pass)
					geometry_capsule(context->renderer,
					                 at(layout, members[parent[next]]), here,
					                 radius, fill);
			} else if (!is_label_pass) {
				geometry_fill_disc(context->renderer, here, radius, fill);
			}
			for (int k = 0; k < count; k++) {
				if (is_in_tree[k])
					continue;
				SDL_FPoint there = at(layout, members[k]);
				float d = hypotf(there.x - here.x, there.y - here.y);
				if (d < distance[k]) {
					distance[k] = d;
					parent[k] = next;
				}
			}
		}
		if (field->label && is_label_pass)
			draw_field_label(context, layout, field, members, parent, count);
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
                             const struct field *field, const int *members, const int *parent,
                             int count)
{
	struct text_style style = {layout->small_px, TEXT_BOLD, context->palette->field_outline};
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
