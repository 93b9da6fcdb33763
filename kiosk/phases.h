/*
 * phases: where the session stands (which phase, which step of the round)
 * and how "next" and "previous" move it, as FORMAT.md describes.
 *
 * Plain C over the model: the clicker, the keyboard, touch and --render all
 * go through these functions, so a session replays the same everywhere.
 * A round phase's step counts the persons already presented (0 = the
 * diagram is still empty); "next" at the end of the round goes to the next
 * phase and "previous" at step 0 to the previous one, so a presenter can
 * walk back over the whole session.
 */
#ifndef CONCERTO_PHASES_H
#define CONCERTO_PHASES_H

#include <stdbool.h>
#include <stddef.h>

#include "situation.h"

struct phase_position {
	size_t phase; /* 0-based index into situation->phases */
	size_t step;  /* round phases: persons presented, 0..order_count */
};

struct phase_position phase_first(const struct situation *situation);
/* The last phase, fully shown (a round at its end). */
struct phase_position phase_last(const struct situation *situation);
/* Each returns true when the position changed. */
bool phase_next(const struct situation *situation, struct phase_position *position);
bool phase_previous(const struct situation *situation, struct phase_position *position);
/* Steps a phase has beyond its first view (order_count for a round, else 0). */
size_t phase_step_count(const struct situation *situation, size_t phase);
/* Clamps a position given from outside (--phase, --step) into range. */
struct phase_position phase_clamp(const struct situation *situation,
                                  struct phase_position position);

#endif
