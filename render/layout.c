/*
 * layout: the scale search and the public API (see layout.h).
 *
 * A layout is tried at decreasing text sizes, from comfortable down to the
 * legibility floor, then with initials instead of names: the first attempt
 * with no overlap wins. Each attempt places the genogram (layout_family.c),
 * the professionals around it (layout_ring.c), separates what still touches
 * and fills the boxes (layout_check.c). The attempt kept is then untangled:
 * professionals and tags move to free places where their links cross fewer
 * others (layout_untangle.c).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"
#include "words.h"

enum { LAYOUT_MIN_SIDE = 64, LAYOUT_NAME_BYTES = 256 };

/* Text sizes in pixels at 1080 lines; scaled with the short side. */
static const float layout_label_max = 30.0f;
static const float layout_label_floor_small = 22.0f; /* up to 60 nodes */
static const float layout_label_floor_large = 14.0f; /* up to 300 nodes and beyond */
static const float layout_small_ratio = 0.8f;
static const float layout_symbol_ratio = 2.1f; /* symbol size per label pixel */
static const float layout_compact_symbol_ratio = 1.3f;

int layout_text_width(const struct layout_work *work, const char *utf8, int px, bool is_bold)
{
	if (work->measure && work->measure->text_width)
		return work->measure->text_width(work->measure->context, utf8, px, is_bold);
	/* Estimate: count code points, not bytes. */
	int characters = 0;
	for (const unsigned char *p = (const unsigned char *)utf8; *p; p++)
		characters += (*p & 0xC0) != 0x80;
	return (int)((float)characters * (float)px * (is_bold ? 0.66f : 0.6f)) + 1;
}

void layout_node_name(const struct situation *situation, const struct node *node, bool has_initials,
                      char *buffer, size_t size)
{
	(void)situation;
	if (!has_initials || node->kind == NODE_INSTITUTION) {
		snprintf(buffer, size, "%s", node->name);
		return;
	}
	/* The first letters of the first and the last word (whole UTF-8
	 * sequences), e.g. "Juge Lefèvre" -> "JL", "Hà-Phạm Ngọc" -> "HN": two
	 * letters keep a crowded row of fifty on a 1080p screen; the full name
	 * shows on touch. */
	const char *first = NULL, *last = NULL;
	bool is_word_start = true;
	for (const char *p = node->name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		/* Spaces, hyphens, apostrophes, brackets...: between words. */
		if (c < 0x80 && !isalnum(c)) {
			is_word_start = true;
			continue;
		}
		if (is_word_start && (c & 0xC0) != 0x80) {
			if (!first)
				first = p;
			last = p;
		}
		is_word_start = false;
	}
	size_t used = 0;
	const char *starts[2] = {first, last != first ? last : NULL};
	for (int w = 0; w < 2; w++) {
		if (!starts[w])
			continue;
		unsigned char c = (unsigned char)*starts[w];
		size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		size_t k = 0;
		while (k < length && starts[w][k])
			k++;
		if (used + k + 1 > size)
			break;
		memcpy(buffer + used, starts[w], k);
		used += k;
	}
	buffer[used] = '\0';
}

void layout_node_detail(const struct situation *situation, const struct node *node, char *buffer,
                        size_t size)
{
	buffer[0] = '\0';
	if (node->kind == NODE_PRO && node->role) {
		snprintf(buffer, size, "%s", node->role);
	} else if (node->kind == NODE_PERSON) {
		int age = situation_age(situation, node);
		if (age >= 0)
			snprintf(buffer, size, words_get(situation->lang, WORD_YEARS_OLD), age);
	}
}

/* Isotonic regression with minimum gaps (pool adjacent violators): x keeps
 * the row's order, x[k+1] - x[k] >= gap[k], and sum (x - desired)^2 is least. */
void layout_isotonic(float *x, const float *desired, const float *gap, size_t count,
                     float *scratch_value, size_t *scratch_size)
{
	float offset = 0;
	size_t blocks = 0;
	for (size_t k = 0; k < count; k++) {
		if (k > 0)
			offset += gap[k - 1];
		scratch_value[blocks] = desired[k] - offset;
		scratch_size[blocks] = 1;
		blocks++;
		while (blocks > 1 && scratch_value[blocks - 2] > scratch_value[blocks - 1]) {
			size_t merged = scratch_size[blocks - 2] + scratch_size[blocks - 1];
			scratch_value[blocks - 2] =
			    (scratch_value[blocks - 2] * (float)scratch_size[blocks - 2] +
			     scratch_value[blocks - 1] * (float)scratch_size[blocks - 1]) /
			    (float)merged;
			scratch_size[blocks - 2] = merged;
			blocks--;
		}
	}
	offset = 0;
	size_t k = 0;
	for (size_t b = 0; b < blocks; b++)
		for (size_t n = 0; n < scratch_size[b]; n++, k++) {
			if (k > 0)
				offset += gap[k - 1];
			x[k] = scratch_value[b] + offset;
		}
}

/* Sizes of every footprint at the layout's current text size. */
/* What gives way, in order, once the text is at its floor: roles and ages,
 * then full names, then the symbols' size (never the text's). */
enum label_level { LABEL_FULL, LABEL_NAME_ONLY, LABEL_INITIALS, LABEL_COMPACT };

static void layout_measure_cells(struct layout_work *work, enum label_level level)
{
	struct layout *layout = work->layout;
	const struct situation *situation = work->situation;
	char text[LAYOUT_NAME_BYTES];
	for (size_t i = 0; i < situation->node_count; i++) {
		const struct node *node = &situation->nodes[i];
		struct layout_node *placed = &layout->nodes[i];
		struct layout_cell *cell = &work->cells[i];
		if (node->kind == NODE_INSTITUTION) {
			float width =
			    (float)layout_text_width(work, node->name, layout->small_px, true);
			float pad = (float)layout->small_px * 0.5f;
			placed->size = (float)layout->small_px * 1.6f;
			placed->has_initials = false;
			*cell = (struct layout_cell){width / 2 + pad, placed->size / 2,
			                             placed->size / 2, 0, 0};
			continue;
		}
		placed->size = layout->symbol_size;
		placed->has_initials = level >= LABEL_INITIALS;
		placed->has_detail = false;
		layout_node_name(situation, node, placed->has_initials, text, sizeof text);
		float width = (float)layout_text_width(work, text, layout->label_px, true);
		float height = (float)layout->label_px * 1.2f;
		layout_node_detail(situation, node, text, sizeof text);
		if (text[0] && level == LABEL_FULL) {
			placed->has_detail = true;
			width = layout_max(
			    width, (float)layout_text_width(work, text, layout->small_px, false));
			height += (float)layout->small_px * 1.2f;
		}
		float half = placed->size / 2 + (node->is_index ? layout->line_width * 3 : 0);
		float gap = layout->line_width * 1.5f;
		*cell = (struct layout_cell){layout_max(half, width / 2), half, half + gap + height,
		                             width, height};
	}
}

static void layout_set_scale(struct layout *layout, float label_px, float symbol_ratio, float unit)
{
	layout->label_px = (int)lroundf(label_px);
	layout->small_px = (int)ceilf(label_px * layout_small_ratio - 0.01f);
	layout->symbol_size = label_px * symbol_ratio;
	layout->line_width = layout_max(2.0f, layout->symbol_size / 18.0f);
	layout->title_px = (int)lroundf(44.0f * unit);
}

/* is_at_floor: no smaller text will be tried, so even a layout that does
 * not fit everywhere is worth unsticking. is_last_resort: the layout is
 * kept whatever comes out. */
static bool layout_attempt(struct layout_work *work, float label_px, enum label_level level,
                           bool is_at_floor, bool is_last_resort)
{
	struct layout *layout = work->layout;
	layout_set_scale(layout, label_px,
	                 level == LABEL_COMPACT ? layout_compact_symbol_ratio : layout_symbol_ratio,
	                 work->unit);
	float margin = 16.0f * work->unit;
	/* The legend's rows (two when nobody measures them) and room around. */
	float legend_height = (float)layout->small_px * 2.9f;
	if (work->measure && work->measure->legend_height)
		legend_height = work->measure->legend_height(work->measure->context,
		                                             work->situation, layout->small_px,
		                                             (float)layout->width - 2 * margin);
	legend_height += (float)layout->small_px;
	float top = (float)layout->title_px * 1.9f;
	layout->legend_area =
	    (struct layout_rect){margin, (float)layout->height - legend_height,
	                         (float)layout->width - 2 * margin, legend_height - margin / 2};
	work->screen = (struct layout_rect){margin, top, (float)layout->width - 2 * margin,
	                                    (float)layout->height - top - legend_height - margin};
	memset(work->is_placed, 0, layout->node_count * sizeof *work->is_placed);
	work->may_stagger = is_at_floor && level == LABEL_COMPACT;
	layout_measure_cells(work, level);
	bool does_fit = layout_family_place(work);
	does_fit = layout_ring_place(work) && does_fit;
	/* One that does not fit is kept only as the last resort, which places
	 * everything anew: separating and checking this one would be wasted
	 * (at 300 nodes, most of what the scale search costs). */
	if (!does_fit && !is_last_resort)
		return false;
	layout_separate(work);
	if (does_fit || is_at_floor)
		layout_unstick(work);
	layout_finish(work);
	struct layout_stats stats;
	layout_stats(work->situation, layout, &stats);
	return does_fit && stats.node_overlaps == 0 && stats.label_overlaps == 0;
}

static void layout_run(struct layout_work *work)
{
	size_t count = work->situation->node_count;
	/* The floor holds for the smallest text drawn (roles, ages, tags). */
	float floor = (count <= 60 ? layout_label_floor_small : layout_label_floor_large) *
	              work->unit / layout_small_ratio;
	/* Start near where a crowd of this size ends up, not at the top: each
	 * attempt costs a whole layout. */
	float crowd = count > 40 ? sqrtf(40.0f / (float)count) : 1.0f;
	float largest = layout_max(layout_label_max * work->unit * crowd, floor);
	/* Names first, shrinking to the floor; then initials at the floor;
	 * past 300 nodes, below the floor as a last resort. */
	for (float px = largest;; px = layout_max(px * 0.92f, floor)) {
		if (layout_attempt(work, px, LABEL_FULL, false, false))
			return;
		if (px <= floor)
			break;
	}
	if (layout_attempt(work, floor, LABEL_NAME_ONLY, true, false) ||
	    layout_attempt(work, floor, LABEL_INITIALS, true, false))
		return;
	/* Staggered rows centred on the rows above, else slid into the width,
	 * else narrower: one of them may leave the professionals room. */
	static const struct layout_stagger_settings staggers[] = {
	    {1.0f, false}, {1.0f, true}, {0.9f, true}, {0.8f, true}};
	for (size_t k = 0; k < sizeof staggers / sizeof *staggers; k++) {
		work->stagger = staggers[k];
		if (layout_attempt(work, floor, LABEL_COMPACT, true, false))
			return;
	}
	work->stagger = staggers[0];
	for (float px = floor * 0.9f; count > 300 && px >= 8.0f; px *= 0.9f)
		if (layout_attempt(work, px, LABEL_COMPACT, true, false))
			return;
	/* Nothing fits without overlap: keep the floor with initials, the
	 * statistics say what overlaps. */
	layout_attempt(work, floor, LABEL_COMPACT, true, true);
}

struct layout *layout_compute(const struct situation *situation, int width, int height,
                              const struct layout_measure *measure)
{
	size_t count = situation->node_count, slots = count ? count : 1;
	struct layout *layout = calloc(1, sizeof *layout);
	struct layout_work work = {
	    .situation = situation, .measure = measure, .layout = layout, .unit = 1};
	work.cells = calloc(slots, sizeof *work.cells);
	work.generation = calloc(slots, sizeof *work.generation);
	work.is_placed = calloc(slots, sizeof *work.is_placed);
	if (layout) {
		layout->nodes = calloc(slots, sizeof *layout->nodes);
		layout->link_labels = calloc(situation->link_count ? situation->link_count : 1,
		                             sizeof *layout->link_labels);
		layout->households =
		    calloc(situation->household_count ? situation->household_count : 1,
		           sizeof *layout->households);
	}
	if (!layout || !layout->nodes || !layout->link_labels || !layout->households ||
	    !work.cells || !work.generation || !work.is_placed) {
		layout_free(layout);
		layout = NULL;
	} else {
		layout->width = width < LAYOUT_MIN_SIDE ? LAYOUT_MIN_SIDE : width;
		layout->height = height < LAYOUT_MIN_SIDE ? LAYOUT_MIN_SIDE : height;
		layout->node_count = count;
		layout->link_count = situation->link_count;
		layout->household_count = situation->household_count;
		work.unit =
		    (float)(layout->width < layout->height ? layout->width : layout->height) /
		    1080.0f;
		layout_run(&work);
		/* Only the attempt kept is worth untangling; it moves nodes to free
		 * places only, so a clean layout stays clean. */
		struct layout_stats stats;
		layout_stats(situation, layout, &stats);
		if (stats.node_overlaps == 0 && stats.label_overlaps == 0) {
			layout_untangle(&work);
			layout_finish(&work);
		}
	}
	free(work.cells);
	free(work.generation);
	free(work.is_placed);
	return layout;
}

void layout_free(struct layout *layout)
{
	if (!layout)
		return;
	free(layout->nodes);
	free(layout->link_labels);
	free(layout->households);
	free(layout);
}

static bool layout_rect_contains(struct layout_rect rect, float x, float y)
{
	return x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
}

int layout_hit_test(const struct layout *layout, const bool *is_candidate, float x, float y)
{
	int best = -1;
	float best_distance = 0;
	for (size_t i = 0; i < layout->node_count; i++) {
		if (is_candidate && !is_candidate[i])
			continue;
		const struct layout_node *node = &layout->nodes[i];
		if (!layout_rect_contains(node->symbol_box, x, y) &&
		    !layout_rect_contains(node->label_box, x, y))
			continue;
		float dx = x - node->x, dy = y - node->y;
		float distance = dx * dx + dy * dy;
		if (best < 0 || distance < best_distance) {
			best = (int)i;
			best_distance = distance;
		}
	}
	return best;
}
