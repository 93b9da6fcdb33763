/*
 * draw: the diagram of a scene (fields, households, genogram lines, links,
 * symbols, labels) and the frame around it; see draw.h.
 */
#include "draw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw_internal.h"
#include "geometry.h"
#include "legend.h"
#include "newcomer.h"
#include "words.h"

enum stroke {
	STROKE_SOLID,
	STROKE_DOUBLE,
	STROKE_ZIGZAG,
	STROKE_DASHED,
	STROKE_BROKEN,
	STROKE_TICKED
};

/* Each link kind has its own stroke so the diagram reads in black and white. */
static const struct link_style {
	enum stroke stroke;
	float width_scale;
} link_styles[LINK_KIND_COUNT] = {
    [LINK_WORK] = {STROKE_SOLID, 1.0f},     [LINK_CLOSE] = {STROKE_DOUBLE, 1.0f},
    [LINK_SUPPORT] = {STROKE_SOLID, 2.0f},  [LINK_CONFLICT] = {STROKE_ZIGZAG, 1.0f},
    [LINK_DISTANT] = {STROKE_DASHED, 1.0f}, [LINK_CUTOFF] = {STROKE_BROKEN, 1.0f},
    [LINK_MANDATE] = {STROKE_TICKED, 1.3f},
};

/* Dimmed things fade towards the background rather than turning transparent,
 * so text stays crisp and colours stay predictable on a projector. */
static SDL_Color mix(SDL_Color color, SDL_Color background, float amount)
{
	return (SDL_Color){(Uint8)(color.r + (background.r - color.r) * amount),
	                   (Uint8)(color.g + (background.g - color.g) * amount),
	                   (Uint8)(color.b + (background.b - color.b) * amount), color.a};
}

static SDL_Color dim_if(const struct draw_context *context, SDL_Color color, bool is_dimmed)
{
	return is_dimmed ? mix(color, context->palette->background, 0.72f) : color;
}

static int draw_measure_text(void *context, const char *utf8, int px, bool is_bold)
{
	int width = 0, height = 0;
	text_measure(context, utf8,
	             (struct text_style){px, is_bold ? TEXT_BOLD : TEXT_REGULAR, {0, 0, 0, 255}},
	             &width, &height);
	return width;
}

struct layout_measure draw_layout_measure(struct text_cache *text)
{
	return (struct layout_measure){text, draw_measure_text, legend_height_needed};
}

static bool is_professional(const struct node *node)
{
	return node->kind != NODE_PERSON;
}

/* Whether the context's pass draws a part joining nodes a and b (b -1 for
 * a part of one node): see enum newcomer_pass. */
static bool draw_pass_has_pair(const struct draw_context *context, const struct scene *scene, int a,
                               int b)
{
	return newcomer_pass_draws(context, newcomer_is(scene, a) || newcomer_is(scene, b));
}

/* ---- strokes ---------------------------------------------------------- */

static void draw_stroke(struct draw_context *context, SDL_FPoint from, SDL_FPoint to, float width,
                        enum stroke stroke, SDL_Color color)
{
	SDL_Renderer *renderer = context->renderer;
	float dx = to.x - from.x, dy = to.y - from.y;
	float length = sqrtf(dx * dx + dy * dy);
	if (length < 1)
		return;
	float ux = dx / length, uy = dy / length, nx = -uy, ny = ux;
	switch (stroke) {
	case STROKE_SOLID:
		geometry_line(renderer, from, to, width, color);
		break;
	case STROKE_DOUBLE: {
		float offset = width * 1.1f;
		geometry_line(renderer, (SDL_FPoint){from.x + nx * offset, from.y + ny * offset},
		              (SDL_FPoint){to.x + nx * offset, to.y + ny * offset}, width * 0.8f,
		              color);
		geometry_line(renderer, (SDL_FPoint){from.x - nx * offset, from.y - ny * offset},
		              (SDL_FPoint){to.x - nx * offset, to.y - ny * offset}, width * 0.8f,
		              color);
		break;
	}
	case STROKE_ZIGZAG: {
		SDL_FPoint points[256];
		float step = width * 3.0f;
		int count = (int)(length / step);
		if (count > 254)
			count = 254;
		if (count < 2)
			count = 2;
		for (int k = 0; k <= count; k++) {
			float t = length * (float)k / (float)count;
			float side =
			    (k == 0 || k == count) ? 0 : (k % 2 ? 1.0f : -1.0f) * width * 2;
			points[k] =
			    (SDL_FPoint){from.x + ux * t + nx * side, from.y + uy * t + ny * side};
		}
		geometry_polyline(renderer, points, count + 1, false, width, color);
		break;
	}
	case STROKE_DASHED:
		geometry_dashed_line(renderer, from, to, width, width * 4, width * 3, color);
		break;
	case STROKE_BROKEN: {
		/* A cut-off: the line stops short of the middle, with two bars. */
		float half = length / 2, gap = width * 4;
		SDL_FPoint left = {from.x + ux * (half - gap), from.y + uy * (half - gap)};
		SDL_FPoint right = {from.x + ux * (half + gap), from.y + uy * (half + gap)};
		geometry_line(renderer, from, left, width, color);
		geometry_line(renderer, right, to, width, color);
		float bar = width * 4;
		SDL_FPoint bars[2] = {left, right};
		for (int k = 0; k < 2; k++)
			geometry_line(
			    renderer, (SDL_FPoint){bars[k].x + nx * bar, bars[k].y + ny * bar},
			    (SDL_FPoint){bars[k].x - nx * bar, bars[k].y - ny * bar}, width, color);
		break;
	}
	case STROKE_TICKED: {
		geometry_line(renderer, from, to, width, color);
		float tick = width * 2.5f;
		for (float t = width * 6; t < length - width * 4; t += width * 8) {
			SDL_FPoint p = {from.x + ux * t, from.y + uy * t};
			geometry_line(renderer, (SDL_FPoint){p.x + nx * tick, p.y + ny * tick},
			              (SDL_FPoint){p.x - nx * tick, p.y - ny * tick}, width * 0.8f,
			              color);
		}
		break;
	}
	}
}

static void draw_arrow_head(struct draw_context *context, SDL_FPoint tip, SDL_FPoint from,
                            float size, SDL_Color color)
{
	float dx = tip.x - from.x, dy = tip.y - from.y;
	float length = sqrtf(dx * dx + dy * dy);
	if (length < 1)
		return;
	float ux = dx / length, uy = dy / length;
	SDL_FPoint points[3] = {
	    tip,
	    {tip.x - ux * size * 1.6f - uy * size * 0.8f,
	     tip.y - uy * size * 1.6f + ux * size * 0.8f},
	    {tip.x - ux * size * 1.6f + uy * size * 0.8f,
	     tip.y - uy * size * 1.6f - ux * size * 0.8f},
	};
	geometry_fill_convex(context->renderer, points, 3, color);
}

void draw_arrow_sample(struct draw_context *context, SDL_FPoint from, SDL_FPoint to, float width,
                       SDL_Color color)
{
	float size = width * 2.6f;
	float dx = to.x - from.x, dy = to.y - from.y;
	float length = sqrtf(dx * dx + dy * dy);
	if (length < 1)
		return;
	/* The line stops where the head starts, as on a link. */
	SDL_FPoint base = {to.x - dx / length * size, to.y - dy / length * size};
	geometry_line(context->renderer, from, base, width, color);
	draw_arrow_head(context, to, from, size, color);
}

/* ---- links ------------------------------------------------------------ */

void draw_link_sample(struct draw_context *context, enum link_kind kind, SDL_FPoint from,
                      SDL_FPoint to, float width, SDL_Color color)
{
	const struct link_style *style = &link_styles[kind];
	draw_stroke(context, from, to, width * style->width_scale, style->stroke, color);
}

SDL_Color draw_link_color(const struct palette *palette, const struct situation *situation,
                          const struct link *link)
{
	if (link->has_arrow)
		return palette->arrows[palette_arrow_direction(situation, link)];
	bool is_pro_a = is_professional(&situation->nodes[link->a]);
	bool is_pro_b = is_professional(&situation->nodes[link->b]);
	return !is_pro_a && !is_pro_b ? palette->ink : palette->work;
}

static void draw_links(struct draw_context *context, const struct situation *situation,
                       const struct layout *layout, const struct scene *scene)
{
	float width = line_width(layout);
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		if (!scene->is_link_visible[l] ||
		    !draw_pass_has_pair(context, scene, link->a, link->b))
			continue;
		bool is_dimmed = scene->is_link_dimmed[l];
		bool is_strong = scene->spotlight_count > 0 && !is_dimmed;
		SDL_Color color =
		    dim_if(context, draw_link_color(context->palette, situation, link), is_dimmed);
		color = newcomer_faded(context, color,
		                       newcomer_fade_of_pair(context, scene, link->a, link->b));
		SDL_FPoint a = at(layout, link->a), b = at(layout, link->b);
		float dx = b.x - a.x, dy = b.y - a.y;
		float length = sqrtf(dx * dx + dy * dy);
		if (length < 1)
			continue;
		float ux = dx / length, uy = dy / length;
		float start = layout->nodes[link->a].size * 0.62f;
		float end = layout->nodes[link->b].size * 0.62f, head = width * 2.6f;
		if (link->has_arrow) {
			float tip =
			    draw_arrow_tip_distance(context, situation, layout, scene,
			                            (size_t)link->b, (SDL_FPoint){-ux, -uy}, head);
			/* Nodes too close for that: as much of the head as fits. */
			end = fmaxf(end, fminf(tip, length - start - head * 1.6f));
		}
		if (start + end >= length)
			continue;
		SDL_FPoint from = {a.x + ux * start, a.y + uy * start};
		SDL_FPoint to = {b.x - ux * end, b.y - uy * end};
		const struct link_style *style = &link_styles[link->kind];
		float stroke_width = width * style->width_scale * (is_strong ? 1.8f : 1.0f);
		/* Under an arrow's head, the stroke stops at its base: a double
		 * line would stand out beside the tip. */
		float under_head = link->has_arrow ? fminf(head * 1.5f, length - start - end) : 0;
		draw_stroke(context, from,
		            (SDL_FPoint){to.x - ux * under_head, to.y - uy * under_head},
		            stroke_width, style->stroke, color);
		if (link->has_arrow)
			draw_arrow_head(context, to, from, head, color);
	}
}

static void draw_link_labels(struct draw_context *context, const struct situation *situation,
                             const struct layout *layout, const struct scene *scene)
{
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		const struct layout_link_label *place = &layout->link_labels[l];
		if (!scene->is_link_visible[l] || !link->label || !place->has_room ||
		    !draw_pass_has_pair(context, scene, link->a, link->b))
			continue;
		if (scene->spotlight_count > 0 && scene->is_link_dimmed[l])
			continue;
		struct text_style style = {layout->small_px, TEXT_REGULAR,
		                           draw_link_color(context->palette, situation, link)};
		int w = 0, h = 0;
		text_measure(context->text, link->label, style, &w, &h);
		SDL_FRect backing = {place->x - (float)w / 2 - 4, place->y - (float)h / 2,
		                     (float)w + 8, (float)h};
		geometry_fill_rounded_rect(context->renderer, backing, 6,
		                           context->palette->label_backing);
		text_draw(context->text, link->label, style, (int)place->x, (int)place->y, 1, 1);
	}
}

/* ---- genogram lines ----------------------------------------------------- */

/* Partners stand side by side on one row: the union line joins their
 * symbols at mid-height and the children's line drops from its middle. */
static float union_bar_y(const struct layout *layout, const struct couple *couple)
{
	return (layout->nodes[couple->a].y + layout->nodes[couple->b].y) / 2;
}

static void draw_couples(struct draw_context *context, const struct situation *situation,
                         const struct layout *layout, const struct scene *scene)
{
	float width = line_width(layout) * 1.2f;
	for (size_t c = 0; c < situation->couple_count; c++) {
		const struct couple *couple = &situation->couples[c];
		if (!scene->is_node_visible[couple->a] || !scene->is_node_visible[couple->b] ||
		    !draw_pass_has_pair(context, scene, couple->a, couple->b))
			continue;
		bool is_dimmed =
		    scene->is_node_dimmed[couple->a] && scene->is_node_dimmed[couple->b];
		/* Joining the round's newcomer, it fades in with them. */
		SDL_Color color =
		    newcomer_faded(context, dim_if(context, context->palette->ink, is_dimmed),
		                   newcomer_fade_of_pair(context, scene, couple->a, couple->b));
		const struct layout_node *a = &layout->nodes[couple->a],
		                         *b = &layout->nodes[couple->b];
		if (a->x > b->x) {
			const struct layout_node *swap = a;
			a = b;
			b = swap;
		}
		float bar = union_bar_y(layout, couple);
		SDL_FPoint path[2] = {{a->x + a->size / 2, bar}, {b->x - b->size / 2, bar}};
		geometry_polyline(context->renderer, path, 2, false, width, color);
		int slashes = couple->status == UNION_SEPARATED  ? 1
		              : couple->status == UNION_DIVORCED ? 2
		                                                 : 0;
		float mid = (a->x + b->x) / 2, size = layout->symbol_size * 0.22f;
		/* The marks stand to one side of the middle, where the children's
		 * line leaves the union. */
		float marks = mid + (b->x - b->size / 2 - mid) * 0.5f;
		for (int k = 0; k < slashes; k++) {
			float x = marks + ((float)k - (float)(slashes - 1) / 2) * size * 0.9f;
			geometry_line(context->renderer, (SDL_FPoint){x - size * 0.5f, bar + size},
			              (SDL_FPoint){x + size * 0.5f, bar - size}, width, color);
		}
	}
}

static void draw_filiations(struct draw_context *context, const struct situation *situation,
                            const struct layout *layout, const struct scene *scene)
{
	float width = line_width(layout);
	for (size_t f = 0; f < situation->filiation_count; f++) {
		const struct filiation *filiation = &situation->filiations[f];
		if (!scene->is_node_visible[filiation->child] ||
		    !newcomer_pass_draws(context, newcomer_is(scene, filiation->child) ||
		                                      newcomer_is(scene, filiation->parent_a) ||
		                                      newcomer_is(scene, filiation->parent_b)))
			continue;
		SDL_FPoint anchor;
		if (filiation->couple >= 0 &&
		    scene->is_node_visible[situation->couples[filiation->couple].a] &&
		    scene->is_node_visible[situation->couples[filiation->couple].b]) {
			const struct couple *couple = &situation->couples[filiation->couple];
			anchor = (SDL_FPoint){
			    (layout->nodes[couple->a].x + layout->nodes[couple->b].x) / 2,
			    union_bar_y(layout, couple)};
		} else if (scene->is_node_visible[filiation->parent_a]) {
			anchor = at(layout, filiation->parent_a);
			anchor.y += layout->nodes[filiation->parent_a].size / 2;
		} else if (filiation->parent_b >= 0 &&
		           scene->is_node_visible[filiation->parent_b]) {
			anchor = at(layout, filiation->parent_b);
			anchor.y += layout->nodes[filiation->parent_b].size / 2;
		} else {
			continue;
		}
		SDL_FPoint child = at(layout, filiation->child);
		child.y -= layout->nodes[filiation->child].size / 2;
		float middle = anchor.y + (child.y - anchor.y) * 0.55f;
		SDL_FPoint path[4] = {anchor, {anchor.x, middle}, {child.x, middle}, child};
		float fade =
		    newcomer_fade_of_pair(context, scene, filiation->child, filiation->parent_a);
		if (filiation->parent_b >= 0)
			fade = fmaxf(fade, newcomer_fade_of(context, scene, filiation->parent_b));
		SDL_Color color = newcomer_faded(
		    context,
		    dim_if(context, context->palette->ink, scene->is_node_dimmed[filiation->child]),
		    fade);
		for (int s = 0; s < 3; s++) {
			if (filiation->kind == FILIATION_BIRTH)
				geometry_line(context->renderer, path[s], path[s + 1], width,
				              color);
			else if (filiation->kind == FILIATION_ADOPTED)
				geometry_dashed_line(context->renderer, path[s], path[s + 1], width,
				                     width * 4, width * 3, color);
			else
				geometry_dashed_line(context->renderer, path[s], path[s + 1], width,
				                     width, width * 2, color);
		}
	}
}

/* ---- symbols and labels ------------------------------------------------- */

static int symbol_points(const struct node *node, SDL_FPoint centre, float half, SDL_FPoint *points,
                         int capacity)
{
	if (node->kind == NODE_PERSON && node->sex == SEX_M) {
		SDL_FPoint square[4] = {{centre.x - half, centre.y - half},
		                        {centre.x + half, centre.y - half},
		                        {centre.x + half, centre.y + half},
		                        {centre.x - half, centre.y + half}};
		for (int k = 0; k < 4; k++)
			points[k] = square[k];
		return 4;
	}
	if (node->kind == NODE_PERSON && node->sex == SEX_X) {
		float reach = half * 1.25f;
		SDL_FPoint diamond[4] = {{centre.x, centre.y - reach},
		                         {centre.x + reach, centre.y},
		                         {centre.x, centre.y + reach},
		                         {centre.x - reach, centre.y}};
		for (int k = 0; k < 4; k++)
			points[k] = diamond[k];
		return 4;
	}
	return geometry_circle_points(centre, half, points, capacity);
}

static void draw_outline(struct draw_context *context, const SDL_FPoint *points, int count,
                         float width, bool is_dashed, SDL_Color color)
{
	if (!is_dashed) {
		geometry_polyline(context->renderer, points, count, true, width, color);
		return;
	}
	if (count > 8) { /* a circle: every other arc */
		int per_dash = count / 16 > 0 ? count / 16 : 1;
		for (int k = 0; k + per_dash <= count; k += 2 * per_dash) {
			int length = per_dash + (k + per_dash < count ? 1 : 0);
			geometry_polyline(context->renderer, points + k, length, false, width,
			                  color);
		}
		return;
	}
	for (int k = 0; k < count; k++)
		geometry_dashed_line(context->renderer, points[k], points[(k + 1) % count], width,
		                     width * 2.5f, width * 2.0f, color);
}

static void draw_institution(struct draw_context *context, const struct node *node,
                             const struct layout *layout, const struct layout_node *placed,
                             bool is_dimmed)
{
	struct text_style style = {layout->small_px, TEXT_BOLD,
	                           dim_if(context, context->palette->sector_text, is_dimmed)};
	const struct layout_rect *box = &placed->symbol_box;
	SDL_FRect tag = {box->x, box->y, box->w, box->h};
	geometry_fill_rounded_rect(
	    context->renderer, tag, box->h / 3,
	    dim_if(context, context->palette->sectors[node->sector], is_dimmed));
	text_draw(context->text, node->name, style, (int)placed->x, (int)placed->y, 1, 1);
}

static void draw_node(struct draw_context *context, const struct situation *situation,
                      const struct layout *layout, const struct scene *scene, size_t index)
{
	const struct node *node = &situation->nodes[index];
	const struct layout_node *placed = &layout->nodes[index];
	const struct palette *palette = context->palette;
	bool is_dimmed = scene->is_node_dimmed[index];
	if (node->kind == NODE_INSTITUTION) {
		draw_institution(context, node, layout, placed, is_dimmed);
		return;
	}
	SDL_FPoint centre = {placed->x, placed->y};
	float fade = newcomer_fade_of(context, scene, (int)index);
	float half = placed->size / 2 * newcomer_scale(fade), width = line_width(layout) * 1.4f;
	if (scene->is_spotlit[index] || (int)index == scene->newest_node)
		geometry_fill_disc(
		    context->renderer, centre, half * 1.7f,
		    newcomer_faded(context, palette_with_alpha(palette->highlight, 150), fade));
	SDL_FPoint points[256];
	int count = symbol_points(node, centre, half, points, 256);
	SDL_Color fill =
	    node->kind == NODE_PRO ? palette->sectors[node->sector] : palette->background;
	SDL_Color outline =
	    newcomer_faded(context, node->kind == NODE_PRO ? palette->work : palette->ink, fade);
	fill = newcomer_faded(context, fill, fade);
	geometry_fill_convex(context->renderer, points, count, dim_if(context, fill, is_dimmed));
	draw_outline(context, points, count, width, node->is_absent,
	             dim_if(context, outline, is_dimmed));
	if (node->is_index) {
		SDL_FPoint outer[256];
		int outer_count = symbol_points(node, centre, half + width * 2.2f, outer, 256);
		draw_outline(context, outer, outer_count, width, node->is_absent,
		             dim_if(context, outline, is_dimmed));
	}
	if (node->is_deceased) {
		float reach = half * 0.95f;
		SDL_Color ink =
		    newcomer_faded(context, dim_if(context, palette->ink, is_dimmed), fade);
		geometry_line(context->renderer, (SDL_FPoint){centre.x - reach, centre.y - reach},
		              (SDL_FPoint){centre.x + reach, centre.y + reach}, width, ink);
		geometry_line(context->renderer, (SDL_FPoint){centre.x + reach, centre.y - reach},
		              (SDL_FPoint){centre.x - reach, centre.y + reach}, width, ink);
	}
}

static void draw_node_labels(struct draw_context *context, const struct situation *situation,
                             const struct layout *layout, const struct scene *scene, size_t index)
{
	const struct node *node = &situation->nodes[index];
	if (node->kind == NODE_INSTITUTION)
		return;
	const struct layout_node *placed = &layout->nodes[index];
	char text[256], detail[256];
	draw_node_label_texts(situation, layout, scene, index, text, detail, sizeof text);
	struct text_style name, detail_style;
	draw_node_label_styles(context, layout, scene, index, &name, &detail_style);
	int y = (int)placed->label_box.y;
	/* Lines may pass under a label: a paper-coloured backing keeps it legible. */
	const struct layout_rect *box = &placed->label_box;
	geometry_fill_rounded_rect(context->renderer,
	                           (SDL_FRect){box->x - 3, box->y, box->w + 6, box->h},
	                           (float)layout->small_px / 3, context->palette->label_backing);
	text_draw(context->text, text, name, (int)placed->x, y, 1, 0);
	if (detail[0])
		text_draw(context->text, detail, detail_style, (int)placed->x,
		          y + (int)((float)layout->label_px * 1.2f), 1, 0);
}

void draw_node_label_styles(const struct draw_context *context, const struct layout *layout,
                            const struct scene *scene, size_t index, struct text_style *name,
                            struct text_style *detail)
{
	bool is_dimmed = scene->is_node_dimmed[index];
	float fade = newcomer_fade_of(context, scene, (int)index);
	const struct palette *palette = context->palette;
	*name = (struct text_style){
	    layout->label_px, TEXT_BOLD,
	    newcomer_faded(context, dim_if(context, palette->ink, is_dimmed), fade)};
	*detail = (struct text_style){
	    layout->small_px, TEXT_REGULAR,
	    newcomer_faded(context, dim_if(context, palette->muted_ink, is_dimmed), fade)};
}

static void draw_pro_ties(struct draw_context *context, const struct situation *situation,
                          const struct layout *layout, const struct scene *scene)
{
	for (size_t i = 0; i < situation->node_count; i++) {
		const struct node *node = &situation->nodes[i];
		if (node->kind != NODE_PRO || node->institution < 0 || !scene->is_node_visible[i] ||
		    !draw_pass_has_pair(context, scene, (int)i, node->institution))
			continue;
		SDL_Color color = palette_with_alpha(context->palette->sectors[node->sector], 200);
		geometry_line(context->renderer, at(layout, (int)i), at(layout, node->institution),
		              line_width(layout) * 0.8f,
		              newcomer_faded(context,
		                             dim_if(context, color, scene->is_node_dimmed[i]),
		                             newcomer_fade_of_pair(context, scene, (int)i,
		                                                   node->institution)));
	}
}

static void draw_diagram(struct draw_context *context, const struct situation *situation,
                         const struct layout *layout, const struct scene *scene)
{
	draw_fields(context, situation, layout, scene, false);
	draw_households(context, situation, layout, scene, false);
	draw_pro_ties(context, situation, layout, scene);
	draw_couples(context, situation, layout, scene);
	draw_filiations(context, situation, layout, scene);
	draw_links(context, situation, layout, scene);
	for (size_t i = 0; i < situation->node_count; i++)
		if (scene->is_node_visible[i] && draw_pass_has_pair(context, scene, (int)i, -1))
			draw_node(context, situation, layout, scene, i);
	for (size_t i = 0; i < situation->node_count; i++)
		if (scene->is_node_visible[i] && draw_pass_has_pair(context, scene, (int)i, -1))
			draw_node_labels(context, situation, layout, scene, i);
	draw_link_labels(context, situation, layout, scene);
	draw_households(context, situation, layout, scene, true);
	draw_fields(context, situation, layout, scene, true);
	/* The legend depends on the situation only: already under the newcomer. */
	if (context->newcomer_pass != NEWCOMER_PASS_ONLY)
		draw_legend(context, situation, layout, scene);
}

static void draw_title_band(struct draw_context *context, const struct situation *situation,
                            const struct layout *layout, const struct scene *scene)
{
	int margin = layout->title_px / 2;
	/* Discreet: phase n of m, and in the round how far the round is. */
	char progress[160];
	int used = snprintf(progress, sizeof progress, words_get(situation->lang, WORD_PHASE_OF),
	                    scene->phase_index + 1, scene->phase_count);
	if (scene->phase->type == PHASE_ROUND && used > 0 && (size_t)used < sizeof progress) {
		progress[used++] = ' ';
		progress[used] = '\0';
		snprintf(progress + used, sizeof progress - (size_t)used,
		         words_get(situation->lang, WORD_PRESENTED_OF), scene->step,
		         scene->step_count);
	}
	struct text_style progress_style = {layout->small_px, TEXT_REGULAR,
	                                    context->palette->muted_ink};
	text_draw(context->text, progress, progress_style, context->width - margin, margin, 2, 0);
	/* The title keeps to the room the progress leaves it: smaller when
	 * long, then cut. */
	int progress_width = 0, progress_height = 0;
	text_measure(context->text, progress, progress_style, &progress_width, &progress_height);
	float room = (float)(context->width - 2 * margin - progress_width - layout->title_px);
	struct text_style title = {layout->title_px, TEXT_BOLD, context->palette->ink};
	char text[TEXT_LABEL_MAX_BYTES + 8];
	title.px = draw_fit_line(context, scene->phase->title, title, layout->title_px * 2 / 3,
	                         room, text, sizeof text);
	text_draw(context->text, text, title, margin, margin, 0, 0);
}

void draw_frame(struct draw_context *context, const struct situation *situation,
                const struct layout *layout, const struct scene *scene)
{
	SDL_Renderer *renderer = context->renderer;
	SDL_Color background = context->palette->background;
	SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
	if (context->newcomer_pass == NEWCOMER_PASS_ONLY) {
		/* Over the frame drawn without the newcomer: only the diagram changes. */
		if (scene->has_diagram)
			draw_diagram(context, situation, layout, scene);
		return;
	}
	SDL_SetRenderDrawColor(renderer, background.r, background.g, background.b, 255);
	SDL_RenderClear(renderer);
	if (scene->phase->type == PHASE_TITLE) {
		draw_title_screen(context, situation, scene);
		return;
	}
	if (scene->phase->type == PHASE_TEXT) {
		draw_text_screen(context, situation, scene);
		return;
	}
	draw_diagram(context, situation, layout, scene);
	draw_title_band(context, situation, layout, scene);
}
