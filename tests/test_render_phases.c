/*
 * test_render_phases: `concerto --render` of the demo, in every phase and
 * every step of the presentation round, shows every node and every link of
 * that phase — looked for in the pixels of the real binary's BMP, at the
 * places the layout puts them, in the colour each is drawn in — and nothing
 * of the diagram before the first person is presented.
 */
#include <stdio.h>

#include "check.h"
#include "draw.h"
#include "layout.h"
#include "render_check.h"
#include "scene.h"
#include "session.h"

enum { WIDTH = 1280, HEIGHT = 720, TOLERANCE = 40 };

static SDL_Color node_color(const struct palette *palette, const struct node *node)
{
	if (node->kind == NODE_INSTITUTION)
		return palette->sectors[node->sector];
	return node->kind == NODE_PRO ? palette->work : palette->ink;
}

static bool node_is_drawn(const SDL_Surface *shot, const struct palette *palette,
                          const struct layout *layout, const struct node *node, size_t index)
{
	const struct layout_node *placed = &layout->nodes[index];
	return render_check_count_near(shot, placed->x, placed->y, placed->size * 0.75f,
	                               node_color(palette, node), TOLERANCE) >= 8;
}

/* The link's colour along its middle stretch, where no symbol stands. */
static bool link_is_drawn(const SDL_Surface *shot, const struct palette *palette,
                          const struct situation *situation, const struct layout *layout,
                          const struct link *link)
{
	SDL_Color color = draw_link_color(palette, situation, link);
	const struct layout_node *a = &layout->nodes[link->a], *b = &layout->nodes[link->b];
	float line = layout->line_width;
	int hits = 0;
	for (int k = 3; k <= 7; k++) {
		float t = (float)k / 10.0f;
		float x = a->x + (b->x - a->x) * t, y = a->y + (b->y - a->y) * t;
		if (render_check_count_near(shot, x, y, line * 2.5f + 2, color, TOLERANCE) > 0)
			hits++;
	}
	return hits >= 2;
}

static SDL_Surface *render(const char *extra, const char *name)
{
	char command[1024], path[512];
	snprintf(path, sizeof path, "%s/%s.bmp", TESTS_OUTPUT_DIR, name);
	snprintf(command, sizeof command,
	         "'%s' --render --demo --out '%s' --size %dx%d %s >/dev/null 2>&1", CONCERTO_BINARY,
	         path, WIDTH, HEIGHT, extra);
	int status = render_check_run(command);
	CHECK_INT_EQ(status, 0);
	return status == 0 ? render_check_load(path) : NULL;
}

static void check_phase(const struct situation *situation, const struct layout *layout,
                        size_t phase, size_t step)
{
	char extra[64], name[64];
	snprintf(extra, sizeof extra, "--phase %zu --step %zu", phase + 1, step);
	snprintf(name, sizeof name, "demo-phase%zu-step%zu", phase + 1, step);
	SDL_Surface *shot = render(extra, name);
	CHECK(shot != NULL);
	if (!shot)
		return;
	CHECK_INT_EQ(shot->w, WIDTH);
	CHECK_INT_EQ(shot->h, HEIGHT);
	const struct palette *palette = palette_for_theme(situation->theme);
	struct scene *scene = scene_build(situation, (struct phase_position){phase, step}, NULL, 0);
	for (size_t i = 0; i < situation->node_count; i++) {
		if (!scene->is_node_visible[i])
			continue;
		bool is_drawn = node_is_drawn(shot, palette, layout, &situation->nodes[i], i);
		if (!is_drawn)
			fprintf(stderr, "  %s: node %s not found\n", name, situation->nodes[i].id);
		CHECK(is_drawn);
	}
	for (size_t l = 0; l < situation->link_count; l++) {
		if (!scene->is_link_visible[l])
			continue;
		const struct link *link = &situation->links[l];
		bool is_drawn = link_is_drawn(shot, palette, situation, layout, link);
		if (!is_drawn)
			fprintf(stderr, "  %s: link %s-%s not found\n", name,
			        situation->nodes[link->a].id, situation->nodes[link->b].id);
		CHECK(is_drawn);
	}
	scene_free(scene);
	SDL_FreeSurface(shot);
}

/* Before anyone is presented, the diagram area (above the legend) is empty
 * paper. */
static void check_empty_round(const struct situation *situation, const struct layout *layout,
                              size_t round_phase)
{
	char extra[64];
	snprintf(extra, sizeof extra, "--phase %zu --step 0", round_phase + 1);
	SDL_Surface *shot = render(extra, "demo-round-empty");
	if (!shot)
		return;
	SDL_Color paper = palette_for_theme(situation->theme)->background;
	int inked = 0;
	for (int y = HEIGHT / 6; y < (int)layout->legend_area.y; y += 2)
		for (int x = 0; x < WIDTH; x += 2)
			inked += !render_check_close(render_check_pixel(shot, x, y), paper, 8);
	CHECK_INT_EQ(inked, 0);
	SDL_FreeSurface(shot);
}

/* The legend keys the arrows' colours: those the demo uses (between
 * professionals, family to professional) are in the legend band, the
 * others (among the family, professional to family) are not. */
/* At width x height: a portrait screen needs a third legend row for the
 * arrows, which the layout must reserve. */
static void check_legend_arrows(const struct situation *situation, struct layout_measure *measure,
                                size_t network_phase, int width, int height)
{
	char extra[96], name[64];
	snprintf(extra, sizeof extra, "--phase %zu --size %dx%d", network_phase + 1, width, height);
	snprintf(name, sizeof name, "demo-legend-%dx%d", width, height);
	SDL_Surface *shot = render(extra, name);
	struct layout *layout = layout_compute(situation, width, height, measure);
	if (!shot || !layout) {
		CHECK(shot && layout);
		layout_free(layout);
		SDL_FreeSurface(shot);
		return;
	}
	const struct palette *palette = palette_for_theme(situation->theme);
	bool is_used[ARROW_DIRECTION_COUNT] = {false};
	for (size_t l = 0; l < situation->link_count; l++)
		if (situation->links[l].has_arrow)
			is_used[palette_arrow_direction(situation, &situation->links[l])] = true;
	const struct layout_rect *band = &layout->legend_area;
	for (int a = 0; a < ARROW_DIRECTION_COUNT; a++) {
		int found = 0;
		for (int y = (int)band->y; y < (int)(band->y + band->h) && y < height; y++)
			for (int x = (int)band->x; x < (int)(band->x + band->w) && x < width; x++)
				found += render_check_close(render_check_pixel(shot, x, y),
				                            palette->arrows[a], 12);
		if (is_used[a] != (found >= 20))
			fprintf(stderr, "  legend at %dx%d: arrow colour %d: %d pixels, used %d\n",
			        width, height, a, found, is_used[a]);
		CHECK(is_used[a] == (found >= 20));
	}
	CHECK(is_used[ARROW_PRO_TO_PRO] && is_used[ARROW_FAMILY_TO_PRO]);
	layout_free(layout);
	SDL_FreeSurface(shot);
}

int main(void)
{
	struct session session;
	CHECK(session_load(&session, NULL));
	const struct situation *situation = session.situation;
	if (!situation)
		return check_report("test_render_phases");
	/* The same text measures as the binary, so positions match its own. */
	struct text_cache *text = text_cache_new(NULL);
	struct layout_measure measure = draw_layout_measure(text);
	struct layout *layout = layout_compute(situation, WIDTH, HEIGHT, &measure);
	size_t round_phase = situation->phase_count, network_phase = situation->phase_count;
	for (size_t phase = 0; phase < situation->phase_count; phase++) {
		size_t steps = phase_step_count(situation, phase);
		if (situation->phases[phase].type == PHASE_ROUND)
			round_phase = phase;
		if (situation->phases[phase].type == PHASE_NETWORK)
			network_phase = phase;
		for (size_t step = 0; step <= steps; step++)
			check_phase(situation, layout, phase, step);
	}
	CHECK(round_phase < situation->phase_count);
	if (round_phase < situation->phase_count)
		check_empty_round(situation, layout, round_phase);
	CHECK(network_phase < situation->phase_count);
	if (network_phase < situation->phase_count) {
		check_legend_arrows(situation, &measure, network_phase, WIDTH, HEIGHT);
		check_legend_arrows(situation, &measure, network_phase, 1080, 1920);
	}
	layout_free(layout);
	text_cache_free(text);
	session_free(&session);
	return check_report("test_render_phases");
}
