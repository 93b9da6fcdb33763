/*
 * view: pinch/pan transform and hit-testing; see view.h.
 */
#include "view.h"

#include <stdlib.h>
#include <string.h>

struct view view_identity(void)
{
	return (struct view){1, 0, 0};
}

bool view_is_identity(struct view view)
{
	return view.scale == 1 && view.dx == 0 && view.dy == 0;
}

static float view_clamp(float value, float minimum, float maximum)
{
	return value < minimum ? minimum : value > maximum ? maximum : value;
}

struct view view_pinch(struct view view, const struct input_message *change, int width, int height)
{
	float scale = view_clamp(view.scale * change->scale, 1, VIEW_MAX_SCALE);
	float ratio = scale / view.scale;
	struct view next = {
	    scale,
	    ratio * (view.dx - change->from_x) + change->to_x,
	    ratio * (view.dy - change->from_y) + change->to_y,
	};
	next.dx = view_clamp(next.dx, (float)width * (1 - scale), 0);
	next.dy = view_clamp(next.dy, (float)height * (1 - scale), 0);
	return next;
}

int view_hit_test(const struct layout *layout, const bool *is_candidate, struct view view, float x,
                  float y, float min_radius)
{
	int best = -1;
	float best_distance = 0;
	for (size_t i = 0; i < layout->node_count; i++) {
		if (is_candidate && !is_candidate[i])
			continue;
		const struct layout_node *node = &layout->nodes[i];
		float dx = x - (node->x * view.scale + view.dx);
		float dy = y - (node->y * view.scale + view.dy);
		float distance = dx * dx + dy * dy;
		float reach = node->size * 0.6f * view.scale;
		if (reach < min_radius)
			reach = min_radius;
		if (distance <= reach * reach && (best < 0 || distance < best_distance)) {
			best = (int)i;
			best_distance = distance;
		}
	}
	return best;
}

struct layout *view_layout_new(const struct layout *layout)
{
	struct layout *shown = malloc(sizeof *shown);
	if (!shown)
		return NULL;
	*shown = *layout;
	shown->nodes = calloc(layout->node_count ? layout->node_count : 1, sizeof *shown->nodes);
	shown->link_labels =
	    calloc(layout->link_count ? layout->link_count : 1, sizeof *shown->link_labels);
	shown->households = calloc(layout->household_count ? layout->household_count : 1,
	                           sizeof *shown->households);
	if (!shown->nodes || !shown->link_labels || !shown->households) {
		view_layout_free(shown);
		return NULL;
	}
	view_layout_update(shown, layout, view_identity());
	return shown;
}

static struct layout_rect view_rect(struct layout_rect rect, struct view view)
{
	return (struct layout_rect){rect.x * view.scale + view.dx, rect.y * view.scale + view.dy,
	                            rect.w * view.scale, rect.h * view.scale};
}

/* A household's name, like a node's, keeps its size: the point of the
 * outline it was placed against (on the nearest top or bottom edge of one of
 * the enclosure's rectangles) moves with the outline, and the name stays as
 * many pixels from it as the layout put it, outside or across the edge. */
static struct layout_rect view_household_label(const struct layout_household *household,
                                               struct view view)
{
	struct layout_rect box = household->label_box;
	if (box.w <= 0 || household->rect_count == 0)
		return box;
	float x = box.x + box.w / 2, y = box.y + box.h / 2;
	float edge = household->rects[0].y, best = -1;
	for (size_t r = 0; r < household->rect_count; r++) {
		const struct layout_rect *rect = &household->rects[r];
		float beside = x < rect->x             ? rect->x - x
		               : x > rect->x + rect->w ? x - (rect->x + rect->w)
		                                       : 0;
		for (int side = 0; side < 2; side++) {
			float at = side ? rect->y + rect->h : rect->y;
			float distance = beside * beside + (y - at) * (y - at);
			if (best < 0 || distance < best) {
				best = distance;
				edge = at;
			}
		}
	}
	box.x = x * view.scale + view.dx - box.w / 2;
	box.y = edge * view.scale + view.dy + (box.y - edge);
	return box;
}

void view_layout_update(struct layout *shown, const struct layout *layout, struct view view)
{
	float s = view.scale;
	shown->symbol_size = layout->symbol_size * s;
	shown->family_area = view_rect(layout->family_area, view);
	for (size_t i = 0; i < layout->node_count; i++) {
		const struct layout_node *from = &layout->nodes[i];
		struct layout_node *to = &shown->nodes[i];
		*to = *from;
		to->x = from->x * s + view.dx;
		to->y = from->y * s + view.dy;
		to->size = from->size * s;
		to->symbol_box = view_rect(from->symbol_box, view);
		/* Text keeps its size: the label box follows the symbol's bottom. */
		float below = from->label_box.y - (from->symbol_box.y + from->symbol_box.h);
		to->label_box.x = to->x + (from->label_box.x - from->x);
		to->label_box.y = to->symbol_box.y + to->symbol_box.h + below;
	}
	for (size_t k = 0; k < layout->link_count; k++) {
		shown->link_labels[k] = layout->link_labels[k];
		shown->link_labels[k].x = layout->link_labels[k].x * s + view.dx;
		shown->link_labels[k].y = layout->link_labels[k].y * s + view.dy;
	}
	for (size_t h = 0; h < layout->household_count; h++) {
		shown->households[h] = layout->households[h];
		for (size_t r = 0; r < layout->households[h].rect_count; r++)
			shown->households[h].rects[r] =
			    view_rect(layout->households[h].rects[r], view);
		shown->households[h].label_box = view_household_label(&layout->households[h], view);
	}
}

void view_layout_free(struct layout *shown)
{
	/* A shown copy owns the same arrays as any layout. */
	layout_free(shown);
}

const struct layout *view_layout_through(struct layout **shown, const struct layout *layout,
                                         struct view view)
{
	if (!layout || view_is_identity(view))
		return layout;
	if (!*shown)
		*shown = view_layout_new(layout);
	if (!*shown)
		return layout;
	view_layout_update(*shown, layout, view);
	return *shown;
}
