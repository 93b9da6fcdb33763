/*
 * legend: sector tags and link samples in the layout's legend band; see
 * legend.h.
 */
#include "legend.h"

#include "geometry.h"
#include "words.h"

enum { LEGEND_MAX_ITEMS = SECTOR_COUNT + LINK_KIND_COUNT + ARROW_DIRECTION_COUNT };

_Static_assert(WORD_ARROW_LAST - WORD_ARROW_FIRST + 1 == ARROW_DIRECTION_COUNT,
               "one legend word per arrow colour");

enum legend_kind { LEGEND_SECTOR, LEGEND_LINK, LEGEND_ARROW };

struct legend_item {
	enum legend_kind kind;
	int value; /* enum sector, enum link_kind or enum arrow_direction */
	const char *name;
	float width; /* the whole item: tag, or sample and name */
	int row;     /* -1 when it does not fit */
	float x;
};

/* Sizes relative to the text, so the legend scales with the diagram. */
static const float legend_row_ratio = 1.45f;   /* row height / px */
static const float legend_tag_ratio = 1.35f;   /* tag height / px */
static const float legend_pad_ratio = 0.45f;   /* tag inner padding / px */
static const float legend_sample_ratio = 2.4f; /* link sample length / px */
static const float legend_gap_ratio = 1.1f;    /* between items / px */

static size_t legend_collect(const struct situation *situation, struct legend_item *items)
{
	bool has_sector[SECTOR_COUNT] = {false};
	bool has_kind[LINK_KIND_COUNT] = {false};
	bool has_arrow[ARROW_DIRECTION_COUNT] = {false};
	for (size_t n = 0; n < situation->node_count; n++)
		if (situation->nodes[n].kind != NODE_PERSON &&
		    (unsigned)situation->nodes[n].sector < SECTOR_COUNT)
			has_sector[situation->nodes[n].sector] = true;
	for (size_t l = 0; l < situation->link_count; l++) {
		if ((unsigned)situation->links[l].kind < LINK_KIND_COUNT)
			has_kind[situation->links[l].kind] = true;
		if (situation->links[l].has_arrow)
			has_arrow[palette_arrow_direction(situation, &situation->links[l])] = true;
	}
	size_t count = 0;
	for (int s = 0; s < SECTOR_COUNT; s++)
		if (has_sector[s])
			items[count++] =
			    (struct legend_item){LEGEND_SECTOR,
			                         s,
			                         words_get(situation->lang, WORD_SECTOR_FIRST + s),
			                         0,
			                         -1,
			                         0};
	for (int k = 0; k < LINK_KIND_COUNT; k++)
		if (has_kind[k])
			items[count++] = (struct legend_item){
			    LEGEND_LINK, k,  words_get(situation->lang, WORD_LINK_FIRST + k),
			    0,           -1, 0};
	/* Arrows are coloured by direction: their key follows the link kinds. */
	for (int a = 0; a < ARROW_DIRECTION_COUNT; a++)
		if (has_arrow[a])
			items[count++] = (struct legend_item){
			    LEGEND_ARROW, a, words_get(situation->lang, WORD_ARROW_FIRST + a), 0,
			    -1,           0};
	return count;
}

/* Flows the items into rows of the band's width, link kinds starting a row
 * of their own when asked; returns the rows used (items past max_rows get
 * row -1). */
static int legend_flow(struct legend_item *items, size_t count, float width, float gap,
                       int max_rows, bool has_break)
{
	int row = 0;
	float x = 0;
	for (size_t k = 0; k < count; k++) {
		bool is_group_start = has_break && k > 0 && items[k - 1].kind == LEGEND_SECTOR &&
		                      items[k].kind != LEGEND_SECTOR;
		if (x > 0 && (is_group_start || x + items[k].width > width)) {
			row++;
			x = 0;
		}
		items[k].row = row < max_rows ? row : -1;
		items[k].x = x;
		x += items[k].width + gap;
	}
	return count ? row + 1 : 0;
}

/* Centres each row in the band. */
static void legend_centre(struct legend_item *items, size_t count, float left, float width)
{
	for (size_t k = 0; k < count;) {
		size_t end = k;
		while (end < count && items[end].row == items[k].row)
			end++;
		float used = items[end - 1].x + items[end - 1].width - items[k].x;
		float shift = left + (width - used) / 2 - items[k].x;
		for (size_t m = k; m < end; m++)
			items[m].x += shift;
		k = end;
	}
}

static void legend_draw_item(struct draw_context *context, const struct layout *layout,
                             const struct legend_item *item, float centre_y)
{
	const struct palette *palette = context->palette;
	float px = (float)layout->small_px;
	if (item->kind == LEGEND_SECTOR) {
		float height = px * legend_tag_ratio;
		SDL_FRect tag = {item->x, centre_y - height / 2, item->width, height};
		geometry_fill_rounded_rect(context->renderer, tag, height / 3,
		                           palette->sectors[item->value]);
		text_draw(context->text, item->name,
		          (struct text_style){layout->small_px, TEXT_BOLD, palette->sector_text},
		          (int)(item->x + item->width / 2), (int)centre_y, 1, 1);
		return;
	}
	float sample = px * legend_sample_ratio;
	SDL_FPoint from = {item->x, centre_y}, to = {item->x + sample, centre_y};
	if (item->kind == LEGEND_ARROW)
		draw_arrow_sample(context, from, to, layout->line_width,
		                  palette->arrows[item->value]);
	else
		draw_link_sample(context, (enum link_kind)item->value, from, to, layout->line_width,
		                 palette->ink);
	text_draw(context->text, item->name,
	          (struct text_style){layout->small_px, TEXT_REGULAR, palette->ink},
	          (int)(item->x + sample + px * legend_pad_ratio), (int)centre_y, 0, 1);
}

/* Collects the situation's items and measures them at px. */
static size_t legend_prepare(struct text_cache *text, const struct situation *situation, int px,
                             struct legend_item *items)
{
	size_t count = legend_collect(situation, items);
	for (size_t k = 0; k < count; k++) {
		int width = 0, height = 0;
		text_measure(
		    text, items[k].name,
		    (struct text_style){px,
		                        items[k].kind == LEGEND_SECTOR ? TEXT_BOLD : TEXT_REGULAR,
		                        {0, 0, 0, 255}},
		    &width, &height);
		items[k].width =
		    (float)width + (items[k].kind == LEGEND_SECTOR
		                        ? 2 * (float)px * legend_pad_ratio
		                        : (float)px * (legend_sample_ratio + legend_pad_ratio));
	}
	return count;
}

float legend_height_needed(void *text, const struct situation *situation, int px, float width)
{
	struct legend_item items[LEGEND_MAX_ITEMS];
	size_t count = legend_prepare(text, situation, px, items);
	int rows =
	    legend_flow(items, count, width, (float)px * legend_gap_ratio, (int)count + 1, true);
	return (float)(rows < LEGEND_MOST_ROWS ? rows : LEGEND_MOST_ROWS) * (float)px *
	       legend_row_ratio;
}

void draw_legend(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene)
{
	const struct layout_rect *area = &layout->legend_area;
	if (!scene->has_diagram || area->w <= 0 || area->h <= 0 || layout->small_px <= 0)
		return;
	struct legend_item items[LEGEND_MAX_ITEMS];
	size_t count = legend_prepare(context->text, situation, layout->small_px, items);
	float px = (float)layout->small_px, gap = px * legend_gap_ratio;
	float row_height = px * legend_row_ratio;
	int max_rows = (int)(area->h / row_height + 0.01f);
	if (max_rows < 1)
		max_rows = 1;
	/* Sectors and link kinds on rows of their own when the band has room
	 * (the layout reserves it: see legend_rows_needed). */
	if (legend_flow(items, count, area->w, gap, max_rows, true) > max_rows)
		legend_flow(items, count, area->w, gap, max_rows, false);
	legend_centre(items, count, area->x, area->w);
	int rows = 0;
	for (size_t k = 0; k < count; k++)
		if (items[k].row + 1 > rows)
			rows = items[k].row + 1;
	/* The rows sit at the bottom of the band, nearest the screen's edge. */
	float top = area->y + area->h - (float)rows * row_height;
	for (size_t k = 0; k < count; k++)
		if (items[k].row >= 0)
			legend_draw_item(context, layout, &items[k],
			                 top + ((float)items[k].row + 0.5f) * row_height);
}
