/*
 * newcomer: the fade-in of the person who just joined the presentation
 * round. For about NEWCOMER_FADE_MS the newcomer, its labels and its links
 * come up from the paper colour while its symbol grows to full size; every
 * other node is drawn as usual.
 *
 * The fade is a number in the draw context (newcomer_fade): 1 = not shown
 * yet, 0 = drawn fully. Zero is the default, so a zero-initialised context
 * (--render, tests) always draws the finished picture. The main loop turns
 * elapsed time into that number with newcomer_fade_at and asks for frames
 * only while it is above 0.
 */
#ifndef CONCERTO_NEWCOMER_H
#define CONCERTO_NEWCOMER_H

#include <stdint.h>

#include "draw.h"
#include "phases.h"

enum { NEWCOMER_FADE_MS = 300 };

/* The fade still to come after elapsed_ms, eased: 1 at 0 ms, 0 from
 * NEWCOMER_FADE_MS on. */
float newcomer_fade_at(uint64_t elapsed_ms);

/* Whether moving from `before` to `after` brought a new person into a
 * round (one step forward in the same round phase): the moment to fade. */
bool newcomer_is_reveal(const struct situation *situation, struct phase_position before,
                        struct phase_position after);

/* The context's fade for the scene's newest node, 0 for any other node. */
float newcomer_fade_of(const struct draw_context *context, const struct scene *scene, int node);

/* The larger fade of two nodes: a link comes up with its newer end. */
float newcomer_fade_of_pair(const struct draw_context *context, const struct scene *scene, int a,
                            int b);

/* The colour moved towards the paper by `fade` (alpha kept). Fades are
 * rounded to sixteenths so a fade-in makes a few label textures, not one
 * per frame. */
SDL_Color newcomer_faded(const struct draw_context *context, SDL_Color color, float fade);

/* The symbol's scale: from 60 % to full size. */
float newcomer_scale(float fade);

/* Whether node (-1: none) is the scene's newcomer. */
bool newcomer_is(const struct scene *scene, int node);

/* Whether the context's newcomer_pass draws a part of the diagram that
 * involves the newcomer (is_newcomers) or one that does not. */
bool newcomer_pass_draws(const struct draw_context *context, bool is_newcomers);

/* The same for a part shared by several nodes that is drawn once (a
 * household's enclosure): the newcomer's pass draws it only when the
 * newcomer is its only member shown, the other pass when anyone else is. */
bool newcomer_pass_draws_shared(const struct draw_context *context, bool has_others,
                                bool has_newcomer);

#endif
