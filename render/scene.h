/*
 * scene: what the screen shows at one position of the session.
 *
 * Given the model, the phase position and the spotlights (nodes touched on
 * the table), says which nodes, links and fields are drawn and which are
 * dimmed. Plain C: draw only reads it, tests check it directly.
 */
#ifndef CONCERTO_SCENE_H
#define CONCERTO_SCENE_H

#include <stdbool.h>
#include <stddef.h>

#include "phases.h"
#include "situation.h"

struct scene {
	const struct phase *phase;
	size_t phase_index;
	size_t phase_count;
	size_t step;       /* round: persons presented so far */
	size_t step_count; /* round: persons in the round */
	bool has_diagram;  /* round, network and fields phases */
	int newest_node;   /* round: the person who just joined, else -1 */

	bool *is_node_visible;  /* node_count */
	bool *is_node_dimmed;   /* node_count: spotlights on, not theirs */
	bool *is_spotlit;       /* node_count */
	bool *is_link_visible;  /* link_count */
	bool *is_link_dimmed;   /* link_count */
	bool *is_field_visible; /* field_count */
	size_t spotlight_count;
	size_t visible_node_count;
	size_t visible_link_count;
};

/* spotlights: node indices (out-of-range ones are ignored). NULL when out of
 * memory. The position is clamped into range. */
struct scene *scene_build(const struct situation *situation, struct phase_position position,
                          const int *spotlights, size_t spotlight_count);
void scene_free(struct scene *scene);

#endif
