/*
 * situation_finish: what can only be checked or filled in once the whole file
 * is read: cycles of child statements (iterative depth-first search, linear
 * in nodes + filiations, so 2,000 nested persons cannot blow the stack),
 * nodes with no relation at all, and, when the file has no error, the
 * computed overlap fields, the default phases and the default round order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "situation_parser.h"

enum { FINISH_MAX_CYCLES_REPORTED = 20 };

struct edge {
	int child;
	int filiation;
};

struct frame {
	int node;
	size_t next;   /* next edge to follow, index into the edge array */
	int filiation; /* the edge that led here, -1 for a root */
};

static void report_cycle(struct parser *parser, const struct frame *stack, size_t from,
                         size_t depth, int closing_filiation)
{
	const struct situation *situation = parser->situation;
	char path[DIAG_MAX_MESSAGE];
	size_t used = 0;
	const struct filiation *latest = &situation->filiations[closing_filiation];
	path[0] = '\0';
	for (size_t i = from; i <= depth; i++) {
		int node = i < depth ? stack[i].node : stack[from].node;
		int written = snprintf(path + used, sizeof path - used, "%s%s",
		                       i > from ? " \xE2\x86\x92 " : "", situation->nodes[node].id);
		if (written < 0 || (size_t)written >= sizeof path - used)
			break;
		used += (size_t)written;
		if (i > from && i < depth) {
			const struct filiation *via = &situation->filiations[stack[i].filiation];
			if (via->line > latest->line)
				latest = via;
		}
	}
	diag_add(parser->diags, DIAG_ERROR, latest->line, latest->col,
	         "cycle of child statements: %s (each one a parent of the next); a person "
	         "cannot be their own ancestor, so fix one of these child lines",
	         path);
}

static void check_child_cycles(struct parser *parser)
{
	const struct situation *situation = parser->situation;
	size_t node_count = situation->node_count;
	size_t edge_count = 0;
	for (size_t i = 0; i < situation->filiation_count; i++)
		edge_count += situation->filiations[i].parent_b >= 0 ? 2 : 1;
	if (edge_count == 0)
		return;
	size_t *first = calloc(node_count + 1, sizeof *first);
	struct edge *edges = malloc(edge_count * sizeof *edges);
	unsigned char *colour = calloc(node_count, 1);
	struct frame *stack = malloc(node_count * sizeof *stack);
	size_t *fill = calloc(node_count + 1, sizeof *fill);
	if (!first || !edges || !colour || !stack || !fill) {
		parser_out_of_memory(parser, 1);
		goto out;
	}
	/* Edges parent → child, grouped by parent (counting sort). */
	for (size_t i = 0; i < situation->filiation_count; i++) {
		const struct filiation *f = &situation->filiations[i];
		first[f->parent_a + 1]++;
		if (f->parent_b >= 0)
			first[f->parent_b + 1]++;
	}
	for (size_t i = 0; i < node_count; i++)
		first[i + 1] += first[i];
	memcpy(fill, first, (node_count + 1) * sizeof *fill);
	for (size_t i = 0; i < situation->filiation_count; i++) {
		const struct filiation *f = &situation->filiations[i];
		edges[fill[f->parent_a]++] = (struct edge){f->child, (int)i};
		if (f->parent_b >= 0)
			edges[fill[f->parent_b]++] = (struct edge){f->child, (int)i};
	}
	/* colour: 0 unseen, 1 on the current path, 2 done. */
	size_t *position = fill; /* reused: depth of a node on the current path */
	int reported = 0;
	for (size_t root = 0; root < node_count; root++) {
		if (colour[root] != 0)
			continue;
		size_t depth = 0;
		stack[depth++] = (struct frame){(int)root, first[root], -1};
		colour[root] = 1;
		position[root] = 0;
		while (depth > 0) {
			struct frame *top = &stack[depth - 1];
			if (top->next == first[top->node + 1]) {
				colour[top->node] = 2;
				depth--;
				continue;
			}
			const struct edge *edge = &edges[top->next++];
			if (colour[edge->child] == 0) {
				colour[edge->child] = 1;
				position[edge->child] = depth;
				stack[depth++] = (struct frame){edge->child, first[edge->child],
				                                edge->filiation};
			} else if (colour[edge->child] == 1 &&
			           reported++ < FINISH_MAX_CYCLES_REPORTED) {
				report_cycle(parser, stack, position[edge->child], depth,
				             edge->filiation);
			}
		}
	}
out:
	free(first);
	free(edges);
	free(colour);
	free(stack);
	free(fill);
}

static void warn_lone_nodes(struct parser *parser)
{
	const struct situation *situation = parser->situation;
	size_t count = situation->node_count;
	if (count == 0)
		return;
	bool *has_link = calloc(count, sizeof *has_link);
	bool *is_related = calloc(count, sizeof *is_related);
	if (!has_link || !is_related) {
		parser_out_of_memory(parser, 1);
		goto out;
	}
	for (size_t i = 0; i < situation->link_count; i++) {
		has_link[situation->links[i].a] = has_link[situation->links[i].b] = true;
		is_related[situation->links[i].a] = is_related[situation->links[i].b] = true;
	}
	for (size_t i = 0; i < situation->couple_count; i++)
		is_related[situation->couples[i].a] = is_related[situation->couples[i].b] = true;
	for (size_t i = 0; i < situation->filiation_count; i++) {
		const struct filiation *f = &situation->filiations[i];
		is_related[f->child] = is_related[f->parent_a] = true;
		if (f->parent_b >= 0)
			is_related[f->parent_b] = true;
	}
	for (size_t i = 0; i < situation->household_count; i++)
		for (size_t j = 0; j < situation->households[i].member_count; j++)
			is_related[situation->households[i].members[j]] = true;
	for (size_t i = 0; i < situation->field_count; i++)
		for (size_t j = 0; j < situation->fields[i].member_count; j++)
			is_related[situation->fields[i].members[j]] = true;
	/* An institution with professionals is related through them. */
	for (size_t i = 0; i < count; i++)
		if (situation->nodes[i].kind == NODE_PRO && situation->nodes[i].institution >= 0)
			is_related[situation->nodes[i].institution] = true;
	for (size_t i = 0; i < count; i++) {
		const struct node *node = &situation->nodes[i];
		if (is_related[i])
			continue;
		if (node->kind == NODE_PRO)
			diag_add(parser->diags, DIAG_WARNING, node->line, node->col,
			         "professional \"%s\" has no link", node->id);
		else if (node->kind == NODE_INSTITUTION)
			diag_add(parser->diags, DIAG_WARNING, node->line, node->col,
			         "institution \"%s\" has no professional and no link", node->id);
		else
			diag_add(parser->diags, DIAG_WARNING, node->line, node->col,
			         "person \"%s\" has no relation: no link, union, child, household "
			         "or field",
			         node->id);
	}
out:
	free(has_link);
	free(is_related);
}

/* Default phase titles, by situation_lang, in phase_type order. */
static const char *const default_titles[2][5] = {
    [LANG_FR] = {"Accueil", "Tour de présentation", "Le réseau", "Champs de recouvrement",
                 "Prochaine rencontre"},
    [LANG_EN] = {"Welcome", "Round of introductions", "The network", "Overlap fields",
                 "Next meeting"},
};

static bool add_default_phases(struct parser *parser)
{
	struct situation *situation = parser->situation;
	size_t count = situation->next ? 5 : 4;
	struct phase *phases = arena_alloc_array(parser->arena, count, sizeof *phases);
	if (!phases)
		return false;
	for (size_t i = 0; i < count; i++) {
		phases[i] = (struct phase){
		    .title = default_titles[situation->lang][i],
		    .type = (enum phase_type)i,
		    .text = i == PHASE_TEXT ? situation->next : NULL,
		};
		parser->phase_has_order[i] = false;
	}
	situation->phases = phases;
	situation->phase_count = count;
	return true;
}

/* Default round order: professionals in file order, then persons. */
static bool fill_round_orders(struct parser *parser)
{
	struct situation *situation = parser->situation;
	int *order = NULL;
	size_t count = 0;
	for (size_t p = 0; p < situation->phase_count; p++) {
		struct phase *phase = &situation->phases[p];
		if (phase->type != PHASE_ROUND || parser->phase_has_order[p])
			continue;
		if (!order) {
			order = arena_alloc_array(parser->arena,
			                          situation->node_count ? situation->node_count : 1,
			                          sizeof *order);
			if (!order)
				return false;
			for (size_t i = 0; i < situation->node_count; i++)
				if (situation->nodes[i].kind == NODE_PRO)
					order[count++] = (int)i;
			for (size_t i = 0; i < situation->node_count; i++)
				if (situation->nodes[i].kind == NODE_PERSON)
					order[count++] = (int)i;
		}
		phase->order = order;
		phase->order_count = count;
	}
	return true;
}

void parser_finish(struct parser *parser)
{
	check_child_cycles(parser);
	warn_lone_nodes(parser);
	if (parser->diags->error_count > parser->errors_before)
		return;
	struct situation *situation = parser->situation;
	bool is_ok = overlap_compute(situation) &&
	             (situation->phase_count > 0 || add_default_phases(parser)) &&
	             fill_round_orders(parser);
	if (!is_ok)
		parser_out_of_memory(parser, 1);
}
