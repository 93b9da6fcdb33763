/*
 * scene: visibility and dimming rules of each phase type; see scene.h.
 */
#include "scene.h"

#include <stdlib.h>

/* An institution shows as soon as one of its professionals does. */
static void scene_show_institutions(const struct situation *situation, struct scene *scene)
{
	for (size_t i = 0; i < situation->node_count; i++) {
		const struct node *node = &situation->nodes[i];
		if (node->kind == NODE_PRO && scene->is_node_visible[i] && node->institution >= 0)
			scene->is_node_visible[node->institution] = true;
	}
}

static void scene_reveal(const struct situation *situation, struct scene *scene)
{
	const struct phase *phase = scene->phase;
	switch (phase->type) {
	case PHASE_ROUND:
		for (size_t k = 0; k < scene->step && k < phase->order_count; k++)
			scene->is_node_visible[phase->order[k]] = true;
		if (scene->step > 0 && scene->step <= phase->order_count)
			scene->newest_node = phase->order[scene->step - 1];
		scene_show_institutions(situation, scene);
		break;
	case PHASE_NETWORK:
	case PHASE_FIELDS:
		for (size_t i = 0; i < situation->node_count; i++)
			scene->is_node_visible[i] = true;
		break;
	case PHASE_TITLE:
	case PHASE_TEXT:
		break;
	}
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		scene->is_link_visible[l] =
		    scene->is_node_visible[link->a] && scene->is_node_visible[link->b];
	}
	if (phase->type == PHASE_FIELDS)
		for (size_t f = 0; f < situation->field_count; f++)
			scene->is_field_visible[f] = true;
}

static bool scene_field_has_spotlight(const struct field *field, const struct scene *scene)
{
	for (size_t m = 0; m < field->member_count; m++)
		if (scene->is_spotlit[field->members[m]])
			return true;
	return false;
}

/* A spotlight keeps its own links strong and dims the rest, and surfaces
 * the overlap fields its node takes part in. */
static void scene_apply_spotlights(const struct situation *situation, struct scene *scene)
{
	if (scene->spotlight_count == 0)
		return;
	for (size_t i = 0; i < situation->node_count; i++)
		scene->is_node_dimmed[i] = !scene->is_spotlit[i];
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		bool is_theirs = scene->is_spotlit[link->a] || scene->is_spotlit[link->b];
		scene->is_link_dimmed[l] = !is_theirs;
		if (is_theirs && scene->is_link_visible[l]) {
			scene->is_node_dimmed[link->a] = false;
			scene->is_node_dimmed[link->b] = false;
		}
	}
	for (size_t f = 0; f < situation->field_count; f++)
		if (scene_field_has_spotlight(&situation->fields[f], scene))
			scene->is_field_visible[f] = true;
}

struct scene *scene_build(const struct situation *situation, struct phase_position position,
                          const int *spotlights, size_t spotlight_count)
{
	size_t nodes = situation->node_count, links = situation->link_count,
	       fields = situation->field_count;
	struct scene *scene = calloc(1, sizeof *scene);
	/* One block for every flag array: one free, nothing to forget. */
	bool *flags = calloc(3 * nodes + 2 * links + fields + 1, sizeof *flags);
	if (!scene || !flags || situation->phase_count == 0) {
		free(scene);
		free(flags);
		return NULL;
	}
	position = phase_clamp(situation, position);
	scene->phase = &situation->phases[position.phase];
	scene->phase_index = position.phase;
	scene->phase_count = situation->phase_count;
	scene->step = position.step;
	scene->step_count = phase_step_count(situation, position.phase);
	scene->newest_node = -1;
	scene->is_node_visible = flags;
	scene->is_node_dimmed = flags + nodes;
	scene->is_spotlit = flags + 2 * nodes;
	scene->is_link_visible = flags + 3 * nodes;
	scene->is_link_dimmed = flags + 3 * nodes + links;
	scene->is_field_visible = flags + 3 * nodes + 2 * links;
	enum phase_type type = scene->phase->type;
	scene->has_diagram = type == PHASE_ROUND || type == PHASE_NETWORK || type == PHASE_FIELDS;

	scene_reveal(situation, scene);
	for (size_t s = 0; s < spotlight_count; s++) {
		int node = spotlights[s];
		if (node >= 0 && (size_t)node < nodes && scene->is_node_visible[node] &&
		    !scene->is_spotlit[node]) {
			scene->is_spotlit[node] = true;
			scene->spotlight_count++;
		}
	}
	scene_apply_spotlights(situation, scene);
	for (size_t i = 0; i < nodes; i++)
		scene->visible_node_count += scene->is_node_visible[i];
	for (size_t l = 0; l < links; l++)
		scene->visible_link_count += scene->is_link_visible[l];
	return scene;
}

void scene_free(struct scene *scene)
{
	if (!scene)
		return;
	free(scene->is_node_visible);
	free(scene);
}
