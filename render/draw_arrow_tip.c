/*
 * draw_arrow_tip: where a link's arrow head stops at the node it points to.
 *
 * Links are drawn first and the symbols, names and institution tags over
 * them, opaque: a head that stopped at a fixed distance from the centre
 * could end under a name below the symbol or under a tag as wide as its
 * text. Here it stops where all of it is clear of the symbol's outline and
 * of every rectangle drawn around that node, so the room sees who called on
 * whom.
 */
#include <math.h>

#include "draw_internal.h"
#include "geometry.h"

void draw_node_label_texts(const struct situation *situation, const struct layout *layout,
                           const struct scene *scene, size_t index, char *name, char *detail,
                           size_t size)
{
	const struct node *node = &situation->nodes[index];
	const struct layout_node *placed = &layout->nodes[index];
	bool has_initials = placed->has_initials && !scene->is_spotlit[index];
	layout_node_name(situation, node, has_initials, name, size);
	detail[0] = '\0';
	if (!has_initials && (placed->has_detail || scene->is_spotlit[index]))
		layout_node_detail(situation, node, detail, size);
}

/* The rectangles drawn opaque around a node after the links: an
 * institution's tag, or a name's backing and its texts (a spotlit name or
 * detail may be wider than the backing). */
static int node_covers(struct draw_context *context, const struct situation *situation,
                       const struct layout *layout, const struct scene *scene, size_t index,
                       SDL_FRect covers[3])
{
	const struct layout_node *placed = &layout->nodes[index];
	if (situation->nodes[index].kind == NODE_INSTITUTION) {
		const struct layout_rect *box = &placed->symbol_box;
		covers[0] = (SDL_FRect){box->x, box->y, box->w, box->h};
		return 1;
	}
	const struct layout_rect *box = &placed->label_box;
	covers[0] = (SDL_FRect){box->x - 3, box->y, box->w + 6, box->h};
	char name[256], detail[256];
	draw_node_label_texts(situation, layout, scene, index, name, detail, sizeof name);
	int count = 1, w = 0, h = 0;
	/* Measured as drawn: another colour would cache a second texture. */
	struct text_style name_style, detail_style;
	draw_node_label_styles(context, layout, scene, index, &name_style, &detail_style);
	if (text_measure(context->text, name, name_style, &w, &h) == 0)
		covers[count++] = (SDL_FRect){placed->x - (float)w / 2, box->y, (float)w, (float)h};
	if (detail[0] && text_measure(context->text, detail, detail_style, &w, &h) == 0)
		covers[count++] = (SDL_FRect){placed->x - (float)w / 2,
		                              box->y + (float)(int)((float)layout->label_px * 1.2f),
		                              (float)w, (float)h};
	return count;
}

/* How far from the centre a ray going out along `back` leaves the outline
 * of a person's or professional's symbol (an index person's outer ring
 * included). */
static float symbol_exit(const struct node *node, const struct layout *layout,
                         const struct layout_node *placed, SDL_FPoint back)
{
	float outline = line_width(layout) * 1.4f;
	float half = placed->size / 2 + (node->is_index ? outline * 2.2f : 0);
	float across = fabsf(back.x), down = fabsf(back.y);
	if (node->kind == NODE_PERSON && node->sex == SEX_M)
		return (half + outline / 2) / fmaxf(across, down);
	if (node->kind == NODE_PERSON && node->sex == SEX_X)
		return (half * 1.25f + outline * 0.71f) / (across + down);
	return half + outline / 2;
}

float draw_arrow_tip_distance(struct draw_context *context, const struct situation *situation,
                              const struct layout *layout, const struct scene *scene, size_t index,
                              SDL_FPoint back, float head)
{
	const struct node *node = &situation->nodes[index];
	const struct layout_node *placed = &layout->nodes[index];
	float line = line_width(layout);
	float tip = placed->size * 0.62f;
	if (node->kind != NODE_INSTITUTION)
		tip = fmaxf(tip, symbol_exit(node, layout, placed, back) + line * 1.5f);
	/* The head as draw_arrow_head makes it, from its tip. */
	SDL_FPoint shape[3] = {{0, 0},
	                       {back.x * head * 1.6f - back.y * head * 0.8f,
	                        back.y * head * 1.6f + back.x * head * 0.8f},
	                       {back.x * head * 1.6f + back.y * head * 0.8f,
	                        back.y * head * 1.6f - back.x * head * 0.8f}};
	SDL_FRect covers[3];
	int count = node_covers(context, situation, layout, scene, index, covers);
	/* Clearing one rectangle may move the head onto another: again until
	 * it stays put. */
	for (int pass = 0; pass <= count; pass++) {
		float was = tip;
		for (int k = 0; k < count; k++)
			tip = geometry_clear_of_rect(at(layout, (int)index), back, tip, shape, 3,
			                             covers[k], line * 0.5f + 1);
		if (tip == was)
			break;
	}
	return tip;
}
