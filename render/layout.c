/*
 * layout: a first, simple placement (see layout.h).
 *
 * The family sits in the middle as a genogram: one row per generation,
 * partners side by side, children ordered under their parents. Friends and
 * neighbours join the row of the first family member they are linked to.
 * Professionals stand on an ellipse around the family, grouped by sector
 * then institution, each institution's tag further out at its members' mean
 * angle. Everything is derived from file order only, so it is stable.
 */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { LAYOUT_MIN_SIDE = 64 };

static const float layout_pi = 3.14159265358979f;

static bool is_family(const struct node *node)
{
	return node->kind == NODE_PERSON && node->circle == CIRCLE_FAMILY;
}

/* Generations by relaxation: a child sits one row below its lowest parent,
 * partners share a row. Cycles are parse errors, but the loop is bounded
 * anyway so a model built elsewhere cannot hang us. */
static void layout_generations(const struct situation *situation, int *generation)
{
	for (size_t i = 0; i < situation->node_count; i++)
		generation[i] = is_family(&situation->nodes[i]) ? 0 : -1;
	for (size_t round = 0; round < situation->node_count + 2; round++) {
		bool changed = false;
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
					changed = true;
				}
			}
		}
		for (size_t c = 0; c < situation->couple_count; c++) {
			const struct couple *couple = &situation->couples[c];
			int a = couple->a, b = couple->b;
			if (generation[a] < 0 || generation[b] < 0 || generation[a] == generation[b])
				continue;
			int deeper = generation[a] > generation[b] ? generation[a] : generation[b];
			generation[a] = generation[b] = deeper;
			changed = true;
		}
		if (!changed)
			break;
	}
}

/* Mean x of a node's parents, or NAN when it has none placed yet. */
static float layout_parent_x(const struct situation *situation, const struct layout *layout,
			     const bool *is_placed, size_t node)
{
	for (size_t f = 0; f < situation->filiation_count; f++) {
		const struct filiation *filiation = &situation->filiations[f];
		if ((size_t)filiation->child != node)
			continue;
		float sum = 0;
		int count = 0;
		int parents[2] = {filiation->parent_a, filiation->parent_b};
		for (int p = 0; p < 2; p++) {
			if (parents[p] >= 0 && is_placed[parents[p]]) {
				sum += layout->nodes[parents[p]].x;
				count++;
			}
		}
		if (count)
			return sum / (float)count;
	}
	return NAN;
}

static int layout_partner_in_row(const struct situation *situation, const int *generation,
				 size_t node)
{
	for (size_t c = 0; c < situation->couple_count; c++) {
		const struct couple *couple = &situation->couples[c];
		int other = (size_t)couple->a == node ? couple->b
			    : (size_t)couple->b == node ? couple->a
							: -1;
		if (other >= 0 && generation[other] == generation[node])
			return other;
	}
	return -1;
}

struct row_entry {
	size_t node;
	float key;
	size_t order; /* file order, the tie-breaker that keeps sorting stable */
};

static int row_entry_compare(const void *left, const void *right)
{
	const struct row_entry *a = left, *b = right;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Non-family persons join the row of the first family member they are linked
 * to, or the youngest row. */
static int layout_circle_row(const struct situation *situation, const int *generation,
			     size_t node, int youngest)
{
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		int other = (size_t)link->a == node ? link->b : (size_t)link->b == node ? link->a : -1;
		if (other >= 0 && generation[other] >= 0)
			return generation[other];
	}
	return youngest;
}

static void layout_family(const struct situation *situation, struct layout *layout,
			  int *generation, bool *is_placed, struct row_entry *row)
{
	int youngest = 0;
	for (size_t i = 0; i < situation->node_count; i++)
		if (generation[i] > youngest)
			youngest = generation[i];
	int *row_of = calloc(situation->node_count ? situation->node_count : 1, sizeof *row_of);
	if (!row_of)
		return;
	for (size_t i = 0; i < situation->node_count; i++) {
		const struct node *node = &situation->nodes[i];
		row_of[i] = generation[i];
		if (node->kind == NODE_PERSON && !is_family(node))
			row_of[i] = layout_circle_row(situation, generation, i, youngest);
	}
	int row_count = youngest + 1;
	const struct layout_rect *area = &layout->family_area;
	float row_gap = row_count > 1 ? area->h / (float)(row_count - 1) : 0;
	for (int r = 0; r < row_count; r++) {
		size_t count = 0;
		for (size_t i = 0; i < situation->node_count; i++) {
			if (row_of[i] != r || situation->nodes[i].kind != NODE_PERSON)
				continue;
			float parent_x = layout_parent_x(situation, layout, is_placed, i);
			/* Persons with no parent on the diagram follow their partner. */
			if (isnan(parent_x)) {
				int partner = layout_partner_in_row(situation, generation, i);
				if (partner >= 0)
					parent_x = layout_parent_x(situation, layout, is_placed,
								   (size_t)partner);
			}
			float key = isnan(parent_x) ? (float)i * 1e-3f : parent_x;
			if (!is_family(&situation->nodes[i]))
				key = 1e9f + (float)i; /* the circle stands at the row's end */
			row[count++] = (struct row_entry){i, key, i};
		}
		qsort(row, count, sizeof *row, row_entry_compare);
		/* Keep partners side by side: pull each partner next to the first. */
		for (size_t k = 0; k + 1 < count; k++) {
			int partner = layout_partner_in_row(situation, generation, row[k].node);
			if (partner < 0)
				continue;
			for (size_t j = k + 2; j < count; j++) {
				if (row[j].node == (size_t)partner) {
					struct row_entry moved = row[j];
					memmove(&row[k + 2], &row[k + 1], (j - k - 1) * sizeof *row);
					row[k + 1] = moved;
					break;
				}
			}
		}
		float gap = count > 1 ? area->w / (float)(count - 1) : 0;
		float max_gap = layout->symbol_size * 3.2f;
		if (gap > max_gap)
			gap = max_gap;
		float start = area->x + area->w / 2 - gap * (float)(count - 1) / 2;
		for (size_t k = 0; k < count; k++) {
			struct layout_node *placed = &layout->nodes[row[k].node];
			placed->x = start + gap * (float)k;
			placed->y = row_count > 1 ? area->y + row_gap * (float)r
						  : area->y + area->h / 2;
			placed->generation = generation[row[k].node];
			is_placed[row[k].node] = true;
		}
	}
	free(row_of);
}

static int pro_compare_key(const struct situation *situation, size_t node)
{
	const struct node *pro = &situation->nodes[node];
	int institution = pro->institution >= 0 ? pro->institution : (int)situation->node_count;
	return (int)pro->sector * (int)(situation->node_count + 1) + institution;
}

/* Professionals on an ellipse, grouped by sector then institution. */
static void layout_professionals(const struct situation *situation, struct layout *layout,
				 struct row_entry *ring)
{
	size_t count = 0;
	for (size_t i = 0; i < situation->node_count; i++)
		if (situation->nodes[i].kind == NODE_PRO)
			ring[count++] = (struct row_entry){
			    i, (float)pro_compare_key(situation, i), i};
	qsort(ring, count, sizeof *ring, row_entry_compare);
	float cx = (float)layout->width / 2;
	float cy = layout->family_area.y + layout->family_area.h / 2;
	float rx = (float)layout->width * 0.40f;
	float ry = ((float)layout->height - (float)layout->title_px * 2.5f) * 0.40f;
	for (size_t k = 0; k < count; k++) {
		float angle = -layout_pi / 2 + 2 * layout_pi * ((float)k + 0.5f) / (float)count;
		struct layout_node *placed = &layout->nodes[ring[k].node];
		placed->x = cx + rx * cosf(angle);
		placed->y = cy + ry * sinf(angle);
	}
	/* Institutions further out, at the mean direction of their members. */
	for (size_t i = 0; i < situation->node_count; i++) {
		if (situation->nodes[i].kind != NODE_INSTITUTION)
			continue;
		float sx = 0, sy = 0;
		int members = 0;
		for (size_t k = 0; k < count; k++) {
			if (situation->nodes[ring[k].node].institution == (int)i) {
				sx += layout->nodes[ring[k].node].x - cx;
				sy += layout->nodes[ring[k].node].y - cy;
				members++;
			}
		}
		float angle = members ? atan2f(sy, sx) : layout_pi * (float)i * 0.37f;
		layout->nodes[i].x = cx + rx * 1.16f * cosf(angle);
		layout->nodes[i].y = cy + ry * 1.16f * sinf(angle);
	}
}

struct layout *layout_compute(const struct situation *situation, int width, int height)
{
	struct layout *layout = calloc(1, sizeof *layout);
	size_t count = situation->node_count;
	int *generation = calloc(count ? count : 1, sizeof *generation);
	bool *is_placed = calloc(count ? count : 1, sizeof *is_placed);
	struct row_entry *scratch = calloc(count ? count : 1, sizeof *scratch);
	if (layout)
		layout->nodes = calloc(count ? count : 1, sizeof *layout->nodes);
	if (!layout || !layout->nodes || !generation || !is_placed || !scratch) {
		free(generation);
		free(is_placed);
		free(scratch);
		layout_free(layout);
		return NULL;
	}
	layout->width = width < LAYOUT_MIN_SIDE ? LAYOUT_MIN_SIDE : width;
	layout->height = height < LAYOUT_MIN_SIDE ? LAYOUT_MIN_SIDE : height;
	layout->node_count = count;
	float short_side = (float)(layout->width < layout->height ? layout->width : layout->height);
	/* More nodes, smaller symbols, within bounds that stay legible. */
	float crowd = count > 30 ? sqrtf(30.0f / (float)count) : 1.0f;
	layout->symbol_size = short_side / 18.0f * crowd;
	layout->label_px = (int)(short_side / 38.0f * (crowd > 0.8f ? 1.0f : crowd / 0.8f));
	if (layout->label_px < 12)
		layout->label_px = 12;
	layout->small_px = layout->label_px * 4 / 5;
	if (layout->small_px < 11)
		layout->small_px = 11;
	layout->title_px = (int)(short_side / 22.0f);
	float top = (float)layout->title_px * 2.2f;
	float usable_h = (float)layout->height - top;
	layout->family_area = (struct layout_rect){
	    (float)layout->width * 0.27f, top + usable_h * 0.24f, (float)layout->width * 0.46f,
	    usable_h * 0.50f};
	for (size_t i = 0; i < count; i++) {
		layout->nodes[i].size = situation->nodes[i].kind == NODE_INSTITUTION
					    ? layout->symbol_size * 0.6f
					    : layout->symbol_size;
		layout->nodes[i].generation = -1;
	}
	layout_generations(situation, generation);
	layout_family(situation, layout, generation, is_placed, scratch);
	layout_professionals(situation, layout, scratch);
	free(generation);
	free(is_placed);
	free(scratch);
	return layout;
}

void layout_free(struct layout *layout)
{
	if (!layout)
		return;
	free(layout->nodes);
	free(layout);
}

int layout_hit_test(const struct layout *layout, const bool *is_candidate, float x, float y)
{
	int best = -1;
	float best_distance = 0;
	for (size_t i = 0; i < layout->node_count; i++) {
		if (is_candidate && !is_candidate[i])
			continue;
		const struct layout_node *node = &layout->nodes[i];
		float dx = x - node->x, dy = y - node->y;
		float distance = dx * dx + dy * dy;
		float reach = node->size * 0.6f;
		if (distance <= reach * reach && (best < 0 || distance < best_distance)) {
			best = (int)i;
			best_distance = distance;
		}
	}
	return best;
}
