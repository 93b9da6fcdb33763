/*
 * test_phases_scene: next and previous walk the demo's phases and round as
 * FORMAT.md says, and the scene shows, dims and spotlights the right nodes.
 */
#include "check.h"
#include "layout.h"
#include "phases.h"
#include "scene.h"
#include "session.h"

static size_t round_phase_of(const struct situation *situation)
{
	for (size_t p = 0; p < situation->phase_count; p++)
		if (situation->phases[p].type == PHASE_ROUND)
			return p;
	return situation->phase_count;
}

static void test_walk(const struct situation *situation)
{
	size_t round = round_phase_of(situation);
	size_t presented = situation->phases[round].order_count;
	struct phase_position position = phase_first(situation);
	size_t moves = 0;
	while (phase_next(situation, &position))
		moves++;
	/* one move per phase change, one per person of the round */
	CHECK_INT_EQ(moves, situation->phase_count - 1 + presented);
	struct phase_position last = phase_last(situation);
	CHECK_INT_EQ(position.phase, last.phase);
	CHECK_INT_EQ(position.step, last.step);
	CHECK(!phase_next(situation, &position));
	size_t back = 0;
	while (phase_previous(situation, &position))
		back++;
	CHECK_INT_EQ(back, moves);
	CHECK_INT_EQ(position.phase, 0);
	CHECK_INT_EQ(position.step, 0);

	/* Into the round: empty first, then one person per "next". */
	position = (struct phase_position){round, 0};
	struct scene *scene = scene_build(situation, position, NULL, 0);
	CHECK_INT_EQ(scene->visible_node_count, 0);
	CHECK(scene->has_diagram);
	scene_free(scene);
	phase_next(situation, &position);
	scene = scene_build(situation, position, NULL, 0);
	int first = situation->phases[round].order[0];
	CHECK(scene->is_node_visible[first]);
	CHECK_INT_EQ(scene->newest_node, first);
	/* The round starts with the professionals; their institution shows too. */
	CHECK_INT_EQ(situation->nodes[first].kind, NODE_PRO);
	CHECK(scene->is_node_visible[situation->nodes[first].institution]);
	CHECK_INT_EQ(scene->visible_node_count, 2);
	scene_free(scene);
	/* "previous" at the start of the round goes back to the phase before. */
	phase_previous(situation, &position);
	phase_previous(situation, &position);
	CHECK_INT_EQ(position.phase, round - 1);
}

static void test_spotlight(const struct situation *situation)
{
	size_t network = 0;
	while (situation->phases[network].type != PHASE_NETWORK)
		network++;
	int lea = situation_find_node(situation, "lea");
	int jeanne = situation_find_node(situation, "jeanne");
	int benali = situation_find_node(situation, "benali");
	CHECK(lea >= 0 && jeanne >= 0 && benali >= 0);
	int spot[] = {lea, lea, 99999};
	struct scene *scene = scene_build(situation, (struct phase_position){network, 0}, spot, 3);
	CHECK_INT_EQ(scene->spotlight_count, 1); /* duplicates and bad ids ignored */
	CHECK(scene->is_spotlit[lea]);
	CHECK(!scene->is_node_dimmed[lea]);
	CHECK(!scene->is_node_dimmed[benali]); /* linked to Léa */
	CHECK(scene->is_node_dimmed[jeanne]);  /* not linked to Léa */
	for (size_t l = 0; l < situation->link_count; l++) {
		const struct link *link = &situation->links[l];
		bool is_leas = link->a == lea || link->b == lea;
		CHECK_INT_EQ(scene->is_link_dimmed[l], !is_leas);
	}
	/* Léa's overlap field surfaces even outside the fields phase. */
	bool has_field = false;
	for (size_t f = 0; f < situation->field_count; f++)
		if (scene->is_field_visible[f])
			has_field = true;
	CHECK(has_field);
	scene_free(scene);
}

static void test_layout_genogram(const struct situation *situation)
{
	struct layout *layout = layout_compute(situation, 1920, 1080, NULL);
	CHECK(layout != NULL);
	int marcel = situation_find_node(situation, "marcel");
	int jeanne = situation_find_node(situation, "jeanne");
	int sandrine = situation_find_node(situation, "sandrine");
	int lea = situation_find_node(situation, "lea");
	CHECK_INT_EQ(layout->nodes[marcel].generation, 0);
	CHECK_INT_EQ(layout->nodes[sandrine].generation, 1);
	CHECK_INT_EQ(layout->nodes[lea].generation, 2);
	CHECK(layout->nodes[marcel].y < layout->nodes[sandrine].y);
	CHECK(layout->nodes[sandrine].y < layout->nodes[lea].y);
	CHECK(layout->nodes[marcel].y == layout->nodes[jeanne].y);
	for (size_t i = 0; i < situation->node_count; i++) {
		CHECK(layout->nodes[i].x > 0 && layout->nodes[i].x < 1920);
		CHECK(layout->nodes[i].y > 0 && layout->nodes[i].y < 1080);
	}
	bool is_all[256];
	for (size_t i = 0; i < 256; i++)
		is_all[i] = true;
	CHECK_INT_EQ(layout_hit_test(layout, is_all, layout->nodes[lea].x, layout->nodes[lea].y),
	             lea);
	CHECK_INT_EQ(layout_hit_test(layout, is_all, 2, 2), -1);
	/* Same input, same picture. */
	struct layout *again = layout_compute(situation, 1920, 1080, NULL);
	for (size_t i = 0; i < situation->node_count; i++) {
		CHECK(again->nodes[i].x == layout->nodes[i].x);
		CHECK(again->nodes[i].y == layout->nodes[i].y);
	}
	layout_free(again);
	layout_free(layout);
}

int main(void)
{
	struct session session;
	CHECK(session_load(&session, NULL));
	if (session.situation) {
		test_walk(session.situation);
		test_spotlight(session.situation);
		test_layout_genogram(session.situation);
	}
	session_free(&session);
	return check_report("test_phases_scene");
}
