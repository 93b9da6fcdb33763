/*
 * test_newcomer: the round's newcomer fades and grows in over
 * NEWCOMER_FADE_MS, and only the newcomer: the fade's curve, the reveal
 * that starts it, and the pixels of the demo's first presented person drawn
 * at the start, the middle and the end of the fade (software renderer, the
 * real draw_frame), with everyone else untouched. A zero-initialised draw
 * context draws the finished picture.
 *
 * NEWCOMER_SHOT=/tmp/half.bmp saves the half-way frame for a look.
 */
#include <SDL.h>
#include <stdlib.h>

#include "check.h"
#include "draw.h"
#include "newcomer.h"
#include "render_check.h"
#include "session.h"

enum { WIDTH = 1280, HEIGHT = 720 };

static void check_curve(void)
{
	CHECK(newcomer_fade_at(0) == 1.0f);
	CHECK(newcomer_fade_at(NEWCOMER_FADE_MS) == 0.0f);
	CHECK(newcomer_fade_at(10 * NEWCOMER_FADE_MS) == 0.0f);
	float previous = 1.0f;
	for (uint64_t ms = 10; ms < NEWCOMER_FADE_MS; ms += 10) {
		float fade = newcomer_fade_at(ms);
		CHECK(fade < previous && fade > 0.0f);
		previous = fade;
	}
	CHECK(newcomer_scale(0.0f) == 1.0f);
	CHECK(newcomer_scale(1.0f) > 0.5f && newcomer_scale(1.0f) < 0.7f);
	CHECK(newcomer_scale(2.0f) == newcomer_scale(1.0f));
}

static void check_reveal(const struct situation *situation)
{
	size_t round = 0;
	while (round < situation->phase_count && situation->phases[round].type != PHASE_ROUND)
		round++;
	CHECK(round < situation->phase_count);
	struct phase_position at = {round, 2};
	CHECK(newcomer_is_reveal(situation, at, (struct phase_position){round, 3}));
	CHECK(!newcomer_is_reveal(situation, at, (struct phase_position){round, 1}));
	CHECK(!newcomer_is_reveal(situation, at, (struct phase_position){round, 4}));
	CHECK(!newcomer_is_reveal(situation, (struct phase_position){round - 1, 0},
	                          (struct phase_position){round, 0}));
	/* Steps of a phase that is not a round never fade anyone in. */
	CHECK(!newcomer_is_reveal(situation, (struct phase_position){round + 1, 0},
	                          (struct phase_position){round + 1, 1}));
}

/* Pixels of the newcomer's symbol area that are not paper. */
static int inked(const SDL_Surface *surface, const struct layout_node *placed, SDL_Color paper)
{
	return (int)((placed->size * 1.6f + 1) * (placed->size * 1.6f + 1)) -
	       render_check_count_near(surface, placed->x, placed->y, placed->size * 0.8f, paper,
	                               6);
}

static void check_pixels(const struct situation *situation)
{
	SDL_Surface *surface =
	    SDL_CreateRGBSurfaceWithFormat(0, WIDTH, HEIGHT, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	struct text_cache *text = renderer ? text_cache_new(renderer) : NULL;
	CHECK(text != NULL);
	if (!text) {
		SDL_DestroyRenderer(renderer);
		SDL_FreeSurface(surface);
		return;
	}
	struct layout_measure measure = draw_layout_measure(text);
	struct layout *layout = layout_compute(situation, WIDTH, HEIGHT, &measure);
	size_t round = 0;
	while (situation->phases[round].type != PHASE_ROUND)
		round++;
	struct scene *scene = scene_build(situation, (struct phase_position){round, 2}, NULL, 0);
	CHECK(layout && scene && scene->newest_node >= 0);
	if (layout && scene && scene->newest_node >= 0) {
		const struct palette *palette = palette_for_theme(THEME_LIGHT);
		struct draw_context context = {0};
		context.renderer = renderer, context.text = text, context.palette = palette;
		context.width = WIDTH, context.height = HEIGHT;
		const struct layout_node *newest = &layout->nodes[scene->newest_node];
		/* The other person presented, who must not fade. */
		int other = situation->phases[round].order[0];
		const struct layout_node *before = &layout->nodes[other];
		int counts[3], others[3];
		const float fades[3] = {0.0f, 0.5f, 1.0f};
		for (int f = 0; f < 3; f++) {
			context.newcomer_fade = fades[f];
			draw_frame(&context, situation, layout, scene);
			SDL_RenderPresent(renderer);
			counts[f] = inked(surface, newest, palette->background);
			others[f] = inked(surface, before, palette->background);
			/* NEWCOMER_SHOT=/tmp/x.bmp: the half-way frame, to look at. */
			if (f == 1 && getenv("NEWCOMER_SHOT"))
				SDL_SaveBMP(surface, getenv("NEWCOMER_SHOT"));
		}
		/* Fully drawn, half-way and not yet shown. */
		CHECK(counts[0] > 50);
		CHECK(counts[1] < counts[0] && counts[1] > counts[2]);
		CHECK(counts[2] < counts[0] / 20);
		/* Only a link between them may fade across the other's square. */
		for (int f = 1; f < 3; f++)
			CHECK(abs(others[f] - others[0]) <= others[0] / 20);
	}
	scene_free(scene);
	layout_free(layout);
	text_cache_free(text);
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(surface);
}

/* The union line between the newcomer and a partner already shown fades in
 * with the newcomer: none of its ink before, all of it at the end. */
static void check_union_fades(const struct situation *situation)
{
	SDL_Surface *surface =
	    SDL_CreateRGBSurfaceWithFormat(0, WIDTH, HEIGHT, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	struct text_cache *text = renderer ? text_cache_new(renderer) : NULL;
	struct layout_measure measure = draw_layout_measure(text);
	struct layout *layout = text ? layout_compute(situation, WIDTH, HEIGHT, &measure) : NULL;
	CHECK(layout != NULL);
	size_t round = 0;
	while (situation->phases[round].type != PHASE_ROUND)
		round++;
	const struct palette *palette = palette_for_theme(THEME_LIGHT);
	bool is_checked = false;
	for (size_t step = 1; layout && !is_checked && step <= phase_step_count(situation, round);
	     step++) {
		struct scene *scene =
		    scene_build(situation, (struct phase_position){round, step}, NULL, 0);
		for (size_t c = 0; scene && c < situation->couple_count && !is_checked; c++) {
			const struct couple *couple = &situation->couples[c];
			int partner = couple->a == scene->newest_node   ? couple->b
			              : couple->b == scene->newest_node ? couple->a
			                                                : -1;
			if (partner < 0 || !scene->is_node_visible[partner])
				continue;
			const struct layout_node *shown = &layout->nodes[partner],
			                         *newest = &layout->nodes[scene->newest_node];
			/* Nearer the partner shown: clear of the newcomer's highlight
			 * and of the children's line from the middle. */
			float x = shown->x + (newest->x - shown->x) * 0.3f;
			float y = (shown->y + newest->y) / 2;
			int ink[2];
			for (int f = 0; f < 2; f++) {
				struct draw_context context = {0};
				context.renderer = renderer, context.text = text,
				context.palette = palette;
				context.width = WIDTH, context.height = HEIGHT;
				context.newcomer_fade = (float)f;
				draw_frame(&context, situation, layout, scene);
				SDL_RenderPresent(renderer); /* the software renderer draws here */
				ink[f] =
				    render_check_count_near(surface, x, y, 2, palette->ink, 40);
				/* NEWCOMER_UNION_SHOT=/tmp/x.bmp: the finished frame. */
				if (f == 0 && getenv("NEWCOMER_UNION_SHOT"))
					SDL_SaveBMP(surface, getenv("NEWCOMER_UNION_SHOT"));
			}
			printf("union %s-%s at step %zu (%.0f, %.0f): %d ink pixels shown, %d "
			       "before\n",
			       situation->nodes[couple->a].id, situation->nodes[couple->b].id, step,
			       x, y, ink[0], ink[1]);
			CHECK(ink[0] > 0);
			CHECK_INT_EQ(ink[1], 0);
			is_checked = true;
		}
		scene_free(scene);
	}
	CHECK(is_checked);
	layout_free(layout);
	text_cache_free(text);
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(surface);
}

int main(void)
{
	check_curve();
	struct session session;
	CHECK(session_load(&session, NULL));
	if (session.situation) {
		check_reveal(session.situation);
		check_pixels(session.situation);
		check_union_fades(session.situation);
	}
	session_free(&session);
	return check_report("test_newcomer");
}
