/*
 * test_layout: the layout keeps the genogram's rules on real files —
 * generations on rows, partners side by side, children of a union together
 * in birth order under it, household enclosures holding their members and
 * nobody else — with no overlap at every screen size, and the same file
 * always gives the same picture.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "draw.h"
#include "layout.h"
#include "session.h"

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

static void check_generations(const struct situation *situation, const struct layout *layout)
{
	for (size_t f = 0; f < situation->filiation_count; f++) {
		const struct filiation *filiation = &situation->filiations[f];
		const struct layout_node *child = &layout->nodes[filiation->child];
		const struct layout_node *parent = &layout->nodes[filiation->parent_a];
		CHECK(child->generation > parent->generation);
		CHECK(child->y > parent->y);
	}
	for (size_t a = 0; a < situation->node_count; a++)
		for (size_t b = 0; b < situation->node_count; b++)
			if (layout->nodes[a].generation >= 0 &&
			    layout->nodes[a].generation == layout->nodes[b].generation)
				CHECK(layout->nodes[a].y == layout->nodes[b].y);
}

/* No one of the family stands between two partners. */
static void check_partners(const struct situation *situation, const struct layout *layout)
{
	for (size_t c = 0; c < situation->couple_count; c++) {
		const struct couple *couple = &situation->couples[c];
		float left = fminf(layout->nodes[couple->a].x, layout->nodes[couple->b].x);
		float right = fmaxf(layout->nodes[couple->a].x, layout->nodes[couple->b].x);
		CHECK(layout->nodes[couple->a].y == layout->nodes[couple->b].y);
		for (size_t i = 0; i < situation->node_count; i++) {
			bool is_between = situation->nodes[i].kind == NODE_PERSON &&
			                  layout->nodes[i].y == layout->nodes[couple->a].y &&
			                  layout->nodes[i].x > left && layout->nodes[i].x < right;
			if (is_between)
				fprintf(stderr, "  %s stands between the partners of union %zu\n",
				        situation->nodes[i].id, c);
			CHECK(!is_between);
		}
	}
}

static bool has_partner_from_elsewhere(const struct situation *situation, int node)
{
	for (size_t c = 0; c < situation->couple_count; c++) {
		const struct couple *couple = &situation->couples[c];
		int partner = couple->a == node ? couple->b : couple->b == node ? couple->a : -1;
		for (size_t f = 0; partner >= 0 && f < situation->filiation_count; f++)
			if (situation->filiations[f].child == partner)
				return true;
	}
	return false;
}

/* Children of one union: in birth order, together, the union above them. */
static void check_children(const struct situation *situation, const struct layout *layout)
{
	for (size_t c = 0; c < situation->couple_count; c++) {
		float mid = (layout->nodes[situation->couples[c].a].x +
		             layout->nodes[situation->couples[c].b].x) /
		            2;
		float left = INFINITY, right = -INFINITY, row_y = NAN;
		int previous = -1;
		for (size_t f = 0; f < situation->filiation_count; f++) {
			const struct filiation *filiation = &situation->filiations[f];
			if (filiation->couple != (int)c)
				continue;
			const struct layout_node *child = &layout->nodes[filiation->child];
			row_y = child->y;
			left = fminf(left, child->x - child->size);
			right = fmaxf(right, child->x + child->size);
			/* Birth order, unless a partner from another family pulls a
			 * sibling to the end of the siblings nearest that partner. */
			if (previous >= 0 &&
			    situation->nodes[previous].born.year <
			        situation->nodes[filiation->child].born.year &&
			    !has_partner_from_elsewhere(situation, previous) &&
			    !has_partner_from_elsewhere(situation, filiation->child)) {
				if (layout->nodes[previous].x >= child->x)
					fprintf(stderr, "  %s is left of older %s\n",
					        situation->nodes[filiation->child].id,
					        situation->nodes[previous].id);
				CHECK(layout->nodes[previous].x < child->x);
			}
			previous = filiation->child;
		}
		if (left > right)
			continue;
		/* the union's middle stands over the span of its children */
		CHECK(mid >= left - layout->symbol_size && mid <= right + layout->symbol_size);
		/* nobody else's child stands inside that span on the same row */
		for (size_t f = 0; f < situation->filiation_count; f++) {
			const struct filiation *other = &situation->filiations[f];
			if (other->couple == (int)c)
				continue;
			float x = layout->nodes[other->child].x;
			bool is_same_row = layout->nodes[other->child].y == row_y;
			bool is_inside = is_same_row && x > left + layout->symbol_size &&
			                 x < right - layout->symbol_size;
			if (is_inside)
				fprintf(stderr, "  %s stands among the children of union %zu\n",
				        situation->nodes[other->child].id, c);
			CHECK(!is_inside);
		}
	}
}

static bool rect_contains(struct layout_rect rect, float x, float y)
{
	return x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
}

static bool rects_overlap(struct layout_rect a, struct layout_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void check_households(const struct situation *situation, const struct layout *layout)
{
	for (size_t h = 0; h < situation->household_count; h++) {
		const struct household *household = &situation->households[h];
		const struct layout_household *enclosure = &layout->households[h];
		CHECK(enclosure->rect_count > 0);
		for (size_t i = 0; i < situation->node_count; i++) {
			bool is_member = false;
			for (size_t m = 0; m < household->member_count; m++)
				is_member |= household->members[m] == (int)i;
			bool is_enclosed = false, is_touched = false;
			for (size_t r = 0; r < enclosure->rect_count; r++) {
				is_enclosed |= rect_contains(
				    enclosure->rects[r], layout->nodes[i].x, layout->nodes[i].y);
				is_touched |=
				    rects_overlap(enclosure->rects[r],
				                  layout->nodes[i].symbol_box) ||
				    rects_overlap(enclosure->rects[r], layout->nodes[i].label_box);
			}
			if (is_member)
				CHECK(is_enclosed);
			else if (is_touched)
				fprintf(stderr, "  household %zu touches %s\n", h,
				        situation->nodes[i].id);
			if (!is_member)
				CHECK(!is_touched);
		}
	}
}

/* A household's name hides no symbol and no label. */
static void check_household_labels(const struct situation *situation, const struct layout *layout)
{
	for (size_t h = 0; h < situation->household_count; h++) {
		struct layout_rect box = layout->households[h].label_box;
		CHECK((box.w > 0) == (situation->households[h].label != NULL));
		for (size_t i = 0; box.w > 0 && i < situation->node_count; i++) {
			bool is_hiding = rects_overlap(box, layout->nodes[i].symbol_box) ||
			                 rects_overlap(box, layout->nodes[i].label_box);
			if (is_hiding)
				fprintf(stderr, "  %dx%d: household %zu's name over %s\n",
				        layout->width, layout->height, h, situation->nodes[i].id);
			CHECK(!is_hiding);
		}
	}
}

/* The family's rows are the genogram's: professionals and institution tags
 * stand around them, never among them. */
static void check_network_outside_family(const struct situation *situation,
                                         const struct layout *layout)
{
	for (size_t i = 0; i < situation->node_count; i++) {
		if (situation->nodes[i].kind == NODE_PERSON)
			continue;
		bool is_inside = rects_overlap(layout->nodes[i].symbol_box, layout->family_area);
		if (is_inside)
			fprintf(stderr, "  %s among the family\n", situation->nodes[i].id);
		CHECK(!is_inside);
	}
}

/* Professionals stand near those they work with: crossings stay well
 * under what the ring along the screen's edges alone gave (demo: 14 at
 * 1920x1080; generated-60: 413). */
static void check_crossings(const char *path, struct text_cache *text, size_t most)
{
	struct session session;
	CHECK(session_load(&session, path));
	struct layout_measure measure = draw_layout_measure(text);
	struct layout *layout =
	    session.situation ? layout_compute(session.situation, 1920, 1080, &measure) : NULL;
	CHECK(layout != NULL);
	if (layout) {
		struct layout_stats stats;
		layout_stats(session.situation, layout, &stats);
		printf("%s: %zu crossings at 1920x1080 (at most %zu)\n", path, stats.crossings,
		       most);
		CHECK(stats.crossings <= most);
	}
	layout_free(layout);
	session_free(&session);
}

static void check_file(const char *path, struct text_cache *text)
{
	struct session session;
	CHECK(session_load(&session, path));
	if (!session.situation) {
		session_free(&session);
		return;
	}
	const struct situation *situation = session.situation;
	struct layout_measure measure = draw_layout_measure(text);
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		struct layout *layout =
		    layout_compute(situation, sizes[s][0], sizes[s][1], &measure);
		CHECK(layout != NULL);
		if (!layout)
			continue;
		struct layout_stats stats;
		layout_stats(situation, layout, &stats);
		CHECK_INT_EQ(stats.node_overlaps, 0);
		CHECK_INT_EQ(stats.label_overlaps, 0);
		/* 22 px at 1080 lines for up to 60 nodes, scaled with the short side */
		int short_side = sizes[s][0] < sizes[s][1] ? sizes[s][0] : sizes[s][1];
		CHECK(stats.min_label_px >= (int)(22.0f * (float)short_side / 1080.0f));
		check_generations(situation, layout);
		check_partners(situation, layout);
		check_children(situation, layout);
		check_households(situation, layout);
		check_network_outside_family(situation, layout);
		check_household_labels(situation, layout);
		for (size_t i = 0; i < situation->node_count; i++) {
			const struct layout_node *node = &layout->nodes[i];
			if (node->symbol_box.x < 0 || node->symbol_box.y < 0)
				fprintf(stderr, "  %s off screen at %dx%d\n",
				        situation->nodes[i].id, sizes[s][0], sizes[s][1]);
			CHECK(node->symbol_box.x >= 0 && node->symbol_box.y >= 0);
			CHECK(node->symbol_box.x + node->symbol_box.w <= (float)sizes[s][0]);
			CHECK(node->label_box.y + node->label_box.h <= (float)sizes[s][1]);
		}
		struct layout *again =
		    layout_compute(situation, sizes[s][0], sizes[s][1], &measure);
		for (size_t i = 0; again && i < situation->node_count; i++)
			CHECK(again->nodes[i].x == layout->nodes[i].x &&
			      again->nodes[i].y == layout->nodes[i].y);
		layout_free(again);
		layout_free(layout);
	}
	session_free(&session);
}

/* Initials: the first letters of the first and last words, whole UTF-8
 * characters. */
static void check_initials(void)
{
	static const char *const cases[][2] = {{"Juge Lefèvre", "JL"},
	                                       {"Hà-Phạm Ngọc", "HN"},
	                                       {"Léa", "L"},
	                                       {"Élodie Dupont-Martin", "ÉM"},
	                                       {"Mme d'Arcy de la Tour", "MT"},
	                                       {"فاطمة (Fatima)", "فF"},
	                                       {"", ""}};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct node node = {.kind = NODE_PERSON, .name = cases[k][0]};
		char buffer[32];
		layout_node_name(NULL, &node, true, buffer, sizeof buffer);
		if (strcmp(buffer, cases[k][1]) != 0)
			fprintf(stderr, "  initials of \"%s\": \"%s\"\n", cases[k][0], buffer);
		CHECK(strcmp(buffer, cases[k][1]) == 0);
	}
	char tiny[3];
	struct node node = {.kind = NODE_PERSON, .name = "Élodie Martin"};
	layout_node_name(NULL, &node, true, tiny, sizeof tiny);
	CHECK(strcmp(tiny, "É") == 0); /* never half a character */
}

/* Parents above their children, whether or not a generation shares one
 * row (a folded family has a row per band). */
static void check_children_below(const struct situation *situation, const struct layout *layout)
{
	for (size_t f = 0; f < situation->filiation_count; f++) {
		const struct filiation *filiation = &situation->filiations[f];
		int parents[2] = {filiation->parent_a, filiation->parent_b};
		for (int p = 0; p < 2; p++) {
			if (parents[p] < 0)
				continue;
			bool is_below =
			    layout->nodes[filiation->child].y > layout->nodes[parents[p]].y;
			if (!is_below)
				fprintf(stderr, "  %s is not below its parent %s\n",
				        situation->nodes[filiation->child].id,
				        situation->nodes[parents[p]].id);
			CHECK(is_below);
		}
	}
}

/* Household names never cover one another, however crowded. */
static void check_household_names_apart(const struct layout *layout, int width, int height)
{
	for (size_t a = 0; a < layout->household_count; a++)
		for (size_t b = a + 1; b < layout->household_count; b++) {
			struct layout_rect ra = layout->households[a].label_box,
			                   rb = layout->households[b].label_box;
			bool is_apart = ra.w <= 0 || rb.w <= 0 || !rects_overlap(ra, rb);
			if (!is_apart)
				fprintf(stderr,
				        "  at %dx%d the names of households %zu and %zu overlap\n",
				        width, height, a, b);
			CHECK(is_apart);
		}
}

/* However crowded, every node stands on screen, within reach of a finger,
 * and nothing overlaps: a generation of fifty at 300 nodes used to run off
 * both edges, then (squeezed) overlapped in portrait; now it folds into
 * bands, which must keep partners side by side and children below. */
static void check_crowded(const char *path, struct text_cache *text, const int (*screens)[2],
                          size_t screen_count)
{
	struct session session;
	CHECK(session_load(&session, path));
	struct layout_measure measure = draw_layout_measure(text);
	for (size_t s = 0; session.situation && s < screen_count; s++) {
		const int *size = screens[s];
		struct layout *layout =
		    layout_compute(session.situation, size[0], size[1], &measure);
		CHECK(layout != NULL);
		if (!layout)
			continue;
		size_t off = 0;
		for (size_t i = 0; i < layout->node_count; i++) {
			const struct layout_rect *box = &layout->nodes[i].symbol_box;
			off += box->x < 0 || box->y < 0 || box->x + box->w > (float)size[0] ||
			       box->y + box->h > (float)size[1];
		}
		struct layout_stats stats;
		layout_stats(session.situation, layout, &stats);
		if (off || stats.node_overlaps || stats.label_overlaps)
			fprintf(stderr, "  %s at %dx%d: %zu off screen, %zu/%zu overlaps\n", path,
			        size[0], size[1], off, stats.node_overlaps, stats.label_overlaps);
		CHECK_INT_EQ(off, 0);
		CHECK_INT_EQ(stats.node_overlaps, 0);
		CHECK_INT_EQ(stats.label_overlaps, 0);
		CHECK(stats.min_label_px >=
		      (int)(14.0f * (float)fminf((float)size[0], (float)size[1]) / 1080.0f));
		for (size_t c = 0; c < session.situation->couple_count; c++) {
			const struct couple *couple = &session.situation->couples[c];
			CHECK(layout->nodes[couple->a].y == layout->nodes[couple->b].y);
		}
		check_children_below(session.situation, layout);
		check_household_names_apart(layout, size[0], size[1]);
		check_households(session.situation, layout);
		check_network_outside_family(session.situation, layout);
		layout_free(layout);
	}
	session_free(&session);
}

int main(void)
{
	check_initials();
	struct text_cache *text = text_cache_new(NULL);
	CHECK(text != NULL);
	check_file(CONCERTO_SOURCE_DIR "/assets/demo.situation", text);
	check_file(TESTS_DATA_DIR "/layout-family.situation", text);
	/* tests/gen/gen_situation 20 and 60 (seed 1), kept as files so this
	 * test does not depend on the generator. */
	check_file(TESTS_DATA_DIR "/generated-20.situation", text);
	check_file(TESTS_DATA_DIR "/generated-60.situation", text);
	check_crowded(TESTS_DATA_DIR "/generated-300.situation", text, sizes,
	              sizeof sizes / sizeof *sizes);
	/* gen_situation 300 13 and 300 14: at 720x1280 each needed its own way
	 * of staggering (slid into the width, or centred) for the
	 * professionals to find room. */
	static const int small_portrait[][2] = {{720, 1280}};
	check_crowded(TESTS_DATA_DIR "/generated-300-seed13.situation", text, small_portrait, 1);
	check_crowded(TESTS_DATA_DIR "/generated-300-seed14.situation", text, small_portrait, 1);
	check_crossings(CONCERTO_SOURCE_DIR "/assets/demo.situation", text, 4);
	check_crossings(TESTS_DATA_DIR "/generated-60.situation", text, 300);
	text_cache_free(text);
	return check_report("test_layout");
}
