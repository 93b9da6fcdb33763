/*
 * newcomer: the round's fade-in, as numbers for draw; see newcomer.h.
 */
#include "newcomer.h"

#include <math.h>

static const float newcomer_fade_steps = 16.0f;
static const float newcomer_start_scale = 0.6f;

float newcomer_fade_at(uint64_t elapsed_ms)
{
	if (elapsed_ms >= NEWCOMER_FADE_MS)
		return 0.0f;
	float t = (float)elapsed_ms / (float)NEWCOMER_FADE_MS;
	/* Ease out: quick to appear, gentle to settle. */
	float shown = 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t);
	return 1.0f - shown;
}

bool newcomer_is_reveal(const struct situation *situation, struct phase_position before,
                        struct phase_position after)
{
	return situation && after.phase == before.phase && after.step == before.step + 1 &&
	       after.phase < situation->phase_count &&
	       situation->phases[after.phase].type == PHASE_ROUND;
}

float newcomer_fade_of(const struct draw_context *context, const struct scene *scene, int node)
{
	if (node < 0 || node != scene->newest_node || !(context->newcomer_fade > 0.0f))
		return 0.0f;
	return context->newcomer_fade < 1.0f ? context->newcomer_fade : 1.0f;
}

float newcomer_fade_of_pair(const struct draw_context *context, const struct scene *scene, int a,
                            int b)
{
	float fade_a = newcomer_fade_of(context, scene, a);
	float fade_b = newcomer_fade_of(context, scene, b);
	return fade_a > fade_b ? fade_a : fade_b;
}

SDL_Color newcomer_faded(const struct draw_context *context, SDL_Color color, float fade)
{
	if (!(fade > 0.0f))
		return color;
	float amount = ceilf(fade * newcomer_fade_steps) / newcomer_fade_steps;
	if (amount > 1.0f)
		amount = 1.0f;
	SDL_Color paper = context->palette->background;
	return (SDL_Color){(Uint8)lroundf((float)color.r + (float)(paper.r - color.r) * amount),
	                   (Uint8)lroundf((float)color.g + (float)(paper.g - color.g) * amount),
	                   (Uint8)lroundf((float)color.b + (float)(paper.b - color.b) * amount),
	                   color.a};
}

float newcomer_scale(float fade)
{
	if (!(fade > 0.0f))
		return 1.0f;
	return 1.0f - (1.0f - newcomer_start_scale) * (fade < 1.0f ? fade : 1.0f);
}

bool newcomer_is(const struct scene *scene, int node)
{
	return node >= 0 && node == scene->newest_node;
}

bool newcomer_pass_draws(const struct draw_context *context, bool is_newcomers)
{
	switch (context->newcomer_pass) {
	case NEWCOMER_PASS_WITHOUT:
		return !is_newcomers;
	case NEWCOMER_PASS_ONLY:
		return is_newcomers;
	case NEWCOMER_PASS_ALL:
		break;
	}
	return true;
}

bool newcomer_pass_draws_shared(const struct draw_context *context, bool has_others,
                                bool has_newcomer)
{
	switch (context->newcomer_pass) {
	case NEWCOMER_PASS_WITHOUT:
		return has_others;
	case NEWCOMER_PASS_ONLY:
		return has_newcomer && !has_others;
	case NEWCOMER_PASS_ALL:
		break;
	}
	return has_others || has_newcomer;
}
