/*
 * overlap: the computed overlap fields of FORMAT.md. For every person linked
 * by work, support or mandate links to professionals of two or more
 * different institutions, one field holds that person and those
 * professionals. A named field with the same members replaces it (it is then
 * simply not added). Named fields come first in situation->fields.
 *
 * Linear in links (plus a sort); memory from the situation's arena, scratch
 * from the heap.
 */
#include <stdlib.h>
#include <string.h>

#include "situation_parser.h"

struct pair {
	int person;
	int pro;
};

static int compare_pairs(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return (x->pro > y->pro) - (x->pro < y->pro);
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static bool is_overlap_kind(enum link_kind kind)
{
	return kind == LINK_WORK || kind == LINK_SUPPORT || kind == LINK_MANDATE;
}

/* Has a named field exactly these (sorted) members? `scratch` holds count. */
static bool is_named(const struct situation *situation, size_t named_count, const int *sorted,
                     size_t count, int *scratch)
{
	for (size_t i = 0; i < named_count; i++) {
		const struct field *field = &situation->fields[i];
		if (field->member_count != count)
			continue;
		memcpy(scratch, field->members, count * sizeof *scratch);
		qsort(scratch, count, sizeof *scratch, compare_ints);
		if (memcmp(scratch, sorted, count * sizeof *scratch) == 0)
			return true;
	}
	return false;
}

static size_t count_institutions(const struct situation *situation, const int *pros, size_t count)
{
	size_t distinct = 0;
	for (size_t i = 0; i < count; i++) {
		int institution = situation->nodes[pros[i]].institution;
		bool is_new = true;
		for (size_t j = 0; j < i && is_new; j++)
			is_new = situation->nodes[pros[j]].institution != institution;
		distinct += is_new;
	}
	return distinct;
}

/* Appends one computed field (members copied into the arena). */
static bool add_field(struct situation *situation, size_t *capacity, const int *members,
                      size_t count)
{
	struct field *fields = situation->fields;
	if (situation->field_count == *capacity) {
		*capacity = *capacity ? *capacity * 2 : 8;
		fields = arena_alloc_array(&situation->arena, *capacity, sizeof *fields);
		if (!fields)
			return false;
		if (situation->field_count > 0)
			memcpy(fields, situation->fields, situation->field_count * sizeof *fields);
		situation->fields = fields;
	}
	int *copy = arena_alloc_array(&situation->arena, count, sizeof *copy);
	if (!copy)
		return false;
	memcpy(copy, members, count * sizeof *copy);
	fields[situation->field_count++] = (struct field){
	    .label = NULL,
	    .members = copy,
	    .member_count = count,
	    .is_computed = true,
	};
	return true;
}

bool overlap_compute(struct situation *situation)
{
	size_t pair_count = 0;
	size_t node_slots = situation->node_count + 1;
	struct pair *pairs = malloc((situation->link_count + 1) * sizeof *pairs);
	int *members = malloc(node_slots * sizeof *members);
	int *sorted = malloc(node_slots * sizeof *sorted);
	int *scratch = malloc(node_slots * sizeof *scratch);
	bool is_ok = pairs && members && sorted && scratch;
	for (size_t i = 0; is_ok && i < situation->link_count; i++) {
		const struct link *link = &situation->links[i];
		const struct node *a = &situation->nodes[link->a];
		const struct node *b = &situation->nodes[link->b];
		if (!is_overlap_kind(link->kind))
			continue;
		if (a->kind == NODE_PERSON && b->kind == NODE_PRO && b->institution >= 0)
			pairs[pair_count++] = (struct pair){link->a, link->b};
		else if (b->kind == NODE_PERSON && a->kind == NODE_PRO && a->institution >= 0)
			pairs[pair_count++] = (struct pair){link->b, link->a};
	}
	if (is_ok)
		qsort(pairs, pair_count, sizeof *pairs, compare_pairs);
	size_t named_count = situation->field_count;
	size_t capacity = named_count;
	size_t from = 0;
	while (is_ok && from < pair_count) {
		/* pairs[from..to): one person, pros sorted (repeats side by side). */
		size_t to = from;
		size_t count = 0;
		members[count++] = pairs[from].person;
		for (; to < pair_count && pairs[to].person == pairs[from].person; to++)
			if (to == from || pairs[to].pro != pairs[to - 1].pro)
				members[count++] = pairs[to].pro;
		from = to;
		if (count_institutions(situation, members + 1, count - 1) < 2)
			continue;
		memcpy(sorted, members, count * sizeof *sorted);
		qsort(sorted, count, sizeof *sorted, compare_ints);
		if (!is_named(situation, named_count, sorted, count, scratch))
			is_ok = add_field(situation, &capacity, members, count);
	}
	free(pairs);
	free(members);
	free(sorted);
	free(scratch);
	return is_ok;
}
