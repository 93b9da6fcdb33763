/*
 * test_gen_situation: the generated situations the benchmarks and the fuzzer
 * rely on parse with no error and no warning, have the size asked for, use
 * what gen_situation promises (six sectors, divorces, adoptions,
 * households, friends, named fields, both phase styles) and are reproducible.
 */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parse_helpers.h"
#include "situation.h"

enum { GEN_OUTPUT_MAX = 2 * 1024 * 1024 };

/* Runs the generator; returns a heap buffer (caller frees) or NULL. */
static char *generate(int nodes, int seed, size_t *len)
{
	char command[512];
	snprintf(command, sizeof command, "'%s' %d %d", GEN_SITUATION_BINARY, nodes, seed);
	FILE *pipe = popen(command, "r");
	if (!pipe)
		return NULL;
	char *buffer = malloc(GEN_OUTPUT_MAX);
	size_t used = buffer ? fread(buffer, 1, GEN_OUTPUT_MAX, pipe) : 0;
	int status = pclose(pipe);
	if (!buffer || status != 0 || used == 0 || used == GEN_OUTPUT_MAX) {
		free(buffer);
		return NULL;
	}
	*len = used;
	return buffer;
}

static void check_size(int nodes, int seed)
{
	size_t len = 0;
	char *bytes = generate(nodes, seed, &len);
	CHECK(bytes != NULL);
	if (!bytes)
		return;
	struct diag_list diags;
	diag_list_init(&diags, "generated.situation");
	struct situation *situation = situation_parse(bytes, len, &diags);
	CHECK(situation != NULL);
	CHECK_INT_EQ(diags.error_count, 0);
	CHECK_INT_EQ(diags.warning_count, 0);
	if (diags.count) {
		fprintf(stderr, "  gen_situation %d %d:\n", nodes, seed);
		dump_diags(&diags);
	}
	if (situation) {
		CHECK_INT_EQ(situation->node_count, nodes);
		int sectors[SECTOR_COUNT] = {0};
		int pros = 0, friends = 0, non_birth = 0, single_parent = 0, apart = 0;
		for (size_t i = 0; i < situation->node_count; i++) {
			const struct node *node = &situation->nodes[i];
			if (node->kind != NODE_PERSON)
				sectors[node->sector]++;
			pros += node->kind == NODE_PRO;
			friends += node->kind == NODE_PERSON && node->circle != CIRCLE_FAMILY;
		}
		for (size_t i = 0; i < situation->filiation_count; i++) {
			non_birth += situation->filiations[i].kind != FILIATION_BIRTH;
			single_parent += situation->filiations[i].parent_b < 0;
		}
		for (size_t i = 0; i < situation->couple_count; i++)
			apart += situation->couples[i].status == UNION_DIVORCED ||
			         situation->couples[i].status == UNION_SEPARATED;
		for (int s = 0; s < SECTOR_COUNT; s++)
			CHECK(sectors[s] > 0);
		CHECK(pros >= nodes * 2 / 5 && pros <= nodes / 2 + 1);
		CHECK(friends >= 1);
		CHECK(non_birth >= 1);
		CHECK(single_parent >= 1);
		CHECK(apart >= 1);
		CHECK(situation->household_count >= 1 && situation->household_count <= 3);
		CHECK(situation->link_count >= (size_t)nodes);
		bool kinds[LINK_KIND_COUNT] = {false};
		for (size_t i = 0; i < situation->link_count; i++)
			kinds[situation->links[i].kind] = true;
		for (int k = 0; k < LINK_KIND_COUNT; k++)
			CHECK(kinds[k]);
		size_t named = 0;
		for (size_t i = 0; i < situation->field_count; i++)
			named += !situation->fields[i].is_computed;
		CHECK_INT_EQ(named, 2);
		/* Odd seeds write the phases, even seeds leave the default ones. */
		CHECK_INT_EQ(situation->phase_count, 5);
		CHECK_STR_EQ(situation->phases[2].title,
		             seed % 2 ? "Le sociogénogramme" : "Le réseau");
	}
	situation_free(situation);
	diag_list_free(&diags);

	size_t again_len = 0;
	char *again = generate(nodes, seed, &again_len);
	CHECK(again && again_len == len && memcmp(again, bytes, len) == 0);
	free(again);
	free(bytes);
}

int main(void)
{
	static const int sizes[] = {20, 60, 120, 300};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		for (int seed = 1; seed <= 2; seed++)
			check_size(sizes[i], seed);
	return check_report("test_gen_situation");
}
