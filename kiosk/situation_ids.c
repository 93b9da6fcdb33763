/*
 * situation_ids: the ids of a situation: declaration (syntax, uniqueness, the
 * node limit), lookup through an open-addressing table in the arena, and the
 * "unknown id" message that lists the ids defined so far, nearest first when
 * there are many.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "situation_parser.h"
#include "text_encoding.h"

enum {
	IDS_LISTED_MAX = 10, /* ids named in an "unknown id" message */
	IDS_SHOWN_BYTES = 40 /* of each id, so long ids keep the list readable */
};

static uint32_t hash_id(const char *id, size_t length)
{
	uint32_t hash = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < length; i++) {
		hash ^= (unsigned char)id[i];
		hash *= 16777619u;
	}
	return hash;
}

static bool id_equals(const char *id, const char *text, size_t length)
{
	return strncmp(id, text, length) == 0 && id[length] == '\0';
}

int parser_find_id(const struct parser *parser, const char *id, size_t length)
{
	if (!parser->id_table)
		return -1;
	size_t slot = hash_id(id, length) & (PARSER_ID_TABLE_SIZE - 1);
	for (size_t probe = 0; probe < PARSER_ID_TABLE_SIZE; probe++) {
		int entry = parser->id_table[slot];
		if (entry == 0)
			return -1;
		if (id_equals(parser->situation->nodes[entry - 1].id, id, length))
			return entry - 1;
		slot = (slot + 1) & (PARSER_ID_TABLE_SIZE - 1);
	}
	return -1;
}

static void remember_id(struct parser *parser, const char *id, size_t length, int index)
{
	size_t slot = hash_id(id, length) & (PARSER_ID_TABLE_SIZE - 1);
	while (parser->id_table[slot] != 0)
		slot = (slot + 1) & (PARSER_ID_TABLE_SIZE - 1);
	parser->id_table[slot] = index + 1;
}

const char *node_kind_noun(enum node_kind kind)
{
	switch (kind) {
	case NODE_PERSON:
		return "person";
	case NODE_PRO:
		return "professional";
	case NODE_INSTITUTION:
		return "institution";
	}
	return "node";
}

int parser_define_node(struct parser *parser, const struct word *id, const struct word *keyword,
                       enum node_kind kind)
{
	struct situation *situation = parser->situation;
	if (id->kind != WORD_BARE || !lexer_is_id(id->text, id->length)) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, id->col,
		         "\"%.*s\" is not a valid id: an id is one word of letters, digits, _ "
		         "and -, starting with a letter or digit (e.g. lea, m-dupont, juge_2)",
		         (int)id->length, id->text);
		return -1;
	}
	int existing = parser_find_id(parser, id->text, id->length);
	if (existing >= 0) {
		const struct node *first = &situation->nodes[existing];
		diag_add(parser->diags, DIAG_ERROR, parser->line, id->col,
		         "duplicate id \"%s\": already used by the %s at line %d; give each "
		         "person, professional and institution its own id",
		         first->id, node_kind_noun(first->kind), first->line);
		return -1;
	}
	if (situation->node_count >= SITUATION_MAX_NODES) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, keyword->col,
		         "too many nodes: the limit is %d persons, professionals and institutions "
		         "per file; the rest of the file is not read",
		         SITUATION_MAX_NODES);
		parser->is_stopped = true;
		return -1;
	}
	struct node *nodes = parser_grow(parser, situation->nodes, situation->node_count,
	                                 &parser->node_capacity, sizeof *nodes);
	char *copy = parser_strndup(parser, id->text, id->length);
	if (!nodes || !copy) {
		parser_out_of_memory(parser, id->col);
		return -1;
	}
	situation->nodes = nodes;
	int index = (int)situation->node_count++;
	nodes[index] = (struct node){
	    .kind = kind,
	    .id = copy,
	    .line = parser->line,
	    .col = keyword->col,
	    .sex = SEX_X,
	    .circle = CIRCLE_FAMILY,
	    .household = -1,
	    .institution = -1,
	    .sector = SECTOR_OTHER,
	};
	remember_id(parser, id->text, id->length, index);
	return index;
}

struct id_rank {
	const char *id;
	size_t distance;
};

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct id_rank *)a)->id, ((const struct id_rank *)b)->id);
}

static int by_distance_then_id(const void *a, const void *b)
{
	const struct id_rank *x = a, *y = b;
	if (x->distance != y->distance)
		return x->distance < y->distance ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void report_unknown_id(struct parser *parser, const char *text, size_t length, int col)
{
	const struct situation *situation = parser->situation;
	size_t count = situation->node_count;
	if (parser_is_quiet(parser)) {
		parser_count_error(parser, col);
		return;
	}
	if (count == 0) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, col,
		         "unknown id \"%.*s\": no id is defined yet; declare it first with "
		         "person, pro or institution on an earlier line",
		         (int)length, text);
		return;
	}
	struct id_rank *ranks = malloc(count * sizeof *ranks);
	if (!ranks) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, col, "unknown id \"%.*s\"",
		         (int)length, text);
		return;
	}
	for (size_t i = 0; i < count; i++) {
		const char *id = situation->nodes[i].id;
		ranks[i].id = id;
		/* Only ranked when there are too many to list; the first bytes
		 * are enough to rank. */
		ranks[i].distance = count <= IDS_LISTED_MAX
		                        ? 0
		                        : keyword_edit_distance(text, length < 12 ? length : 12, id,
		                                                strnlen(id, 12));
	}
	size_t shown = count;
	if (count > IDS_LISTED_MAX) {
		qsort(ranks, count, sizeof *ranks, by_distance_then_id);
		shown = IDS_LISTED_MAX;
	}
	qsort(ranks, shown, sizeof *ranks, by_id);
	char list[DIAG_MAX_MESSAGE];
	size_t used = 0;
	list[0] = '\0';
	for (size_t i = 0; i < shown && used < sizeof list; i++) {
		int shown_bytes =
		    (int)utf8_prefix_length(ranks[i].id, strlen(ranks[i].id), IDS_SHOWN_BYTES);
		int written = snprintf(list + used, sizeof list - used, "%s%.*s", i ? ", " : "",
		                       shown_bytes, ranks[i].id);
		if (written < 0)
			break;
		used += (size_t)written;
	}
	free(ranks);
	if (count > shown)
		diag_add(parser->diags, DIAG_ERROR, parser->line, col,
		         "unknown id \"%.*s\"; nearest ids defined so far: %s (and %zu more)",
		         (int)length, text, list, count - shown);
	else
		diag_add(parser->diags, DIAG_ERROR, parser->line, col,
		         "unknown id \"%.*s\"; ids defined so far: %s", (int)length, text, list);
}

int parser_resolve_id(struct parser *parser, const char *text, size_t length, int col)
{
	int index = parser_find_id(parser, text, length);
	if (index < 0)
		report_unknown_id(parser, text, length, col);
	return index;
}

int parser_resolve_word(struct parser *parser, const struct word *word)
{
	if (word->kind != WORD_BARE) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
		         "expected an id here, found %s",
		         word->kind == WORD_STRING ? "a string" : "an attribute");
		return -1;
	}
	return parser_resolve_id(parser, word->text, word->length, word->col);
}
