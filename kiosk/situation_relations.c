/*
 * situation_relations: the statements that relate nodes (union, child,
 * household, link, field) and the phases. Ids must be declared on an earlier
 * line; each relation checks the kinds it joins (a union joins persons, a
 * link joins any two different nodes) and the caps of FORMAT.md.
 */
#include <string.h>

#include "situation_parser.h"

/* False (after a fatal error) when one more `what` would pass the cap. */
static bool has_room(struct parser *parser, const struct statement *statement, size_t count,
                     const char *what)
{
	if (count < SITUATION_MAX_RELATIONS)
		return true;
	ERROR_AT(parser, statement->keyword->col,
	         "too many %s: the limit is %d per file; the rest of the file is not read", what,
	         SITUATION_MAX_RELATIONS);
	parser->is_stopped = true;
	return false;
}

int parser_resolve_person(struct parser *parser, const struct word *word, const char *statement)
{
	int index = parser_resolve_word(parser, word);
	if (index < 0)
		return -1;
	const struct node *node = &parser->situation->nodes[index];
	if (node->kind != NODE_PERSON) {
		ERROR_AT(parser, word->col, "\"%s\" is a%s %s; %s joins persons only", node->id,
		         node->kind == NODE_INSTITUTION ? "n" : "", node_kind_noun(node->kind),
		         statement);
		return -1;
	}
	return index;
}

static int find_couple(const struct situation *situation, int a, int b)
{
	for (size_t i = 0; i < situation->couple_count; i++) {
		const struct couple *couple = &situation->couples[i];
		if ((couple->a == a && couple->b == b) || (couple->a == b && couple->b == a))
			return (int)i;
	}
	return -1;
}

void statement_union(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (!has_room(parser, statement, situation->couple_count, "unions"))
		return;
	parser_check_strings(parser, statement, 0);
	if (statement->bare_count < 2) {
		parser_report_missing(parser, statement, "two ids");
		return;
	}
	unsigned flags = 0;
	parser_take_flags(parser, statement, 2, 0, &flags);
	int a = parser_resolve_person(parser, statement->bares[0], "a union");
	int b = parser_resolve_person(parser, statement->bares[1], "a union");
	if (a < 0 || b < 0)
		return;
	if (a == b) {
		ERROR_AT(parser, statement->bares[1]->col,
		         "a union of \"%s\" with itself; a union joins two different persons",
		         situation->nodes[a].id);
		return;
	}
	struct couple couple = {.a = a, .b = b, .status = UNION_TOGETHER};
	const struct word *value;
	int number;
	if ((value = parser_attribute(statement, KEY_STATUS)) &&
	    parser_value_enum(parser, value, &keyword_union_statuses, &number))
		couple.status = (enum union_status)number;
	if ((value = parser_attribute(statement, KEY_SINCE)))
		parser_value_year(parser, value, &couple.since);
	if ((value = parser_attribute(statement, KEY_UNTIL)) &&
	    parser_value_year(parser, value, &couple.until) && couple.since != 0 &&
	    couple.until < couple.since)
		WARNING_AT(parser, value->value_col, "the union ends (%d) before it starts (%d)",
		           couple.until, couple.since);
	if (find_couple(situation, a, b) >= 0) {
		WARNING_AT(parser, statement->keyword->col,
		           "a second union of \"%s\" and \"%s\"; only the first one is kept",
		           situation->nodes[a].id, situation->nodes[b].id);
		return;
	}
	struct couple *couples = parser_grow(parser, situation->couples, situation->couple_count,
	                                     &parser->couple_capacity, sizeof *couples);
	if (!couples) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	situation->couples = couples;
	couples[situation->couple_count++] = couple;
}

void statement_child(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (!has_room(parser, statement, situation->filiation_count, "child statements"))
		return;
	parser_check_strings(parser, statement, 0);
	if (statement->bare_count < 3) {
		parser_report_missing(parser, statement,
		                      "the child's id, \"of\" (\"de\") and a parent");
		return;
	}
	const struct word *of = statement->bares[1];
	if (keyword_lookup(&keyword_of, of->text, of->length) < 0) {
		ERROR_AT(parser, of->col,
		         "expected \"of\" (French \"de\") after the child's id, found \"%.*s\"; "
		         "write: child noah of karim sandrine",
		         (int)of->length, of->text);
		return;
	}
	const struct word *second_parent = NULL;
	enum filiation_kind kind = FILIATION_BIRTH;
	bool is_ok = true;
	for (size_t i = 3; i < statement->bare_count; i++) {
		const struct word *word = statement->bares[i];
		int flag = keyword_lookup(&keyword_flags, word->text, word->length);
		if (flag == FLAG_ADOPTED || flag == FLAG_FOSTER) {
			if (kind != FILIATION_BIRTH) {
				ERROR_AT(parser, word->col, "give adopted or foster, not both");
				is_ok = false;
			}
			kind = flag == FLAG_ADOPTED ? FILIATION_ADOPTED : FILIATION_FOSTER;
		} else if (!second_parent && flag < 0) {
			second_parent = word;
		} else {
			unsigned flags = 0;
			struct statement rest = *statement;
			rest.bares = &statement->bares[i];
			rest.bare_count = 1;
			parser_take_flags(parser, &rest, 0,
			                  FLAG_BIT(FLAG_ADOPTED) | FLAG_BIT(FLAG_FOSTER), &flags);
			is_ok = false;
		}
	}
	int child = parser_resolve_person(parser, statement->bares[0], "child");
	int a = parser_resolve_person(parser, statement->bares[2], "child");
	int b = second_parent ? parser_resolve_person(parser, second_parent, "child") : -1;
	if (!is_ok || child < 0 || a < 0 || (second_parent && b < 0))
		return;
	if (child == a || child == b) {
		const struct word *word = child == a ? statement->bares[2] : second_parent;
		ERROR_AT(parser, word->col,
		         "\"%s\" cannot be their own child; check the ids on this line",
		         situation->nodes[child].id);
		return;
	}
	if (a == b) {
		ERROR_AT(parser, second_parent->col,
		         "\"%s\" is given twice as a parent; give two different parents or one",
		         situation->nodes[a].id);
		return;
	}
	for (size_t i = 0; i < situation->filiation_count; i++) {
		const struct filiation *other = &situation->filiations[i];
		if (other->child == child && ((other->parent_a == a && other->parent_b == b) ||
		                              (other->parent_a == b && other->parent_b == a))) {
			WARNING_AT(parser, statement->keyword->col,
			           "\"%s\" is already a child of the same parents (line %d); this "
			           "line is ignored",
			           situation->nodes[child].id, other->line);
			return;
		}
	}
	struct filiation *filiations =
	    parser_grow(parser, situation->filiations, situation->filiation_count,
	                &parser->filiation_capacity, sizeof *filiations);
	if (!filiations) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	situation->filiations = filiations;
	filiations[situation->filiation_count++] = (struct filiation){
	    .child = child,
	    .parent_a = a,
	    .parent_b = b,
	    .couple = b >= 0 ? find_couple(situation, a, b) : -1,
	    .kind = kind,
	    .line = parser->line,
	    .col = statement->keyword->col,
	};
}

/* Resolves every bare word from `first` as an id, without repeats; returns
 * the count written to `out` (arena, bare_count entries), -1 on error. */
static long resolve_members(struct parser *parser, const struct statement *statement, size_t first,
                            int **out)
{
	size_t capacity = statement->bare_count - first;
	int *members = arena_alloc_array(parser->arena, capacity ? capacity : 1, sizeof *members);
	if (!members) {
		parser_out_of_memory(parser, statement->keyword->col);
		return -1;
	}
	size_t count = 0;
	bool is_ok = true;
	for (size_t i = first; i < statement->bare_count; i++) {
		int index = parser_resolve_word(parser, statement->bares[i]);
		if (index < 0) {
			is_ok = false;
			continue;
		}
		bool is_repeat = false;
		for (size_t j = 0; j < count; j++)
			is_repeat = is_repeat || members[j] == index;
		if (is_repeat) {
			WARNING_AT(parser, statement->bares[i]->col,
			           "\"%s\" is given twice on this line; the repeat is ignored",
			           parser->situation->nodes[index].id);
			continue;
		}
		members[count++] = index;
	}
	*out = members;
	return is_ok ? (long)count : -1;
}

void statement_household(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (!has_room(parser, statement, situation->household_count, "households"))
		return;
	parser_check_strings(parser, statement, 1);
	if (statement->bare_count == 0) {
		parser_report_missing(parser, statement,
		                      "the ids of the persons who live together");
		return;
	}
	int *members = arena_alloc_array(parser->arena, statement->bare_count, sizeof *members);
	if (!members) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	size_t kept = 0;
	bool is_ok = true;
	for (size_t i = 0; i < statement->bare_count; i++) {
		const struct word *word = statement->bares[i];
		int index = parser_resolve_person(parser, word, "a household");
		if (index < 0) {
			is_ok = false;
			continue;
		}
		const struct node *node = &situation->nodes[index];
		bool is_repeat = false;
		for (size_t j = 0; j < kept; j++)
			is_repeat = is_repeat || members[j] == index;
		if (is_repeat)
			WARNING_AT(parser, word->col,
			           "\"%s\" is given twice on this line; the repeat is ignored",
			           node->id);
		else if (node->household >= 0)
			WARNING_AT(parser, word->col,
			           "\"%s\" is already in the household of line %d; a person lives "
			           "in one household, so this mention is ignored",
			           node->id, situation->households[node->household].line);
		else
			members[kept++] = index;
	}
	if (!is_ok)
		return;
	struct household *households =
	    parser_grow(parser, situation->households, situation->household_count,
	                &parser->household_capacity, sizeof *households);
	if (!households) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	situation->households = households;
	int index = (int)situation->household_count++;
	households[index] = (struct household){
	    .label = statement->string_count > 0 ? parser_string_word(parser, statement->strings[0])
	                                         : NULL,
	    .members = members,
	    .member_count = kept,
	    .line = parser->line,
	};
	for (size_t i = 0; i < kept; i++)
		situation->nodes[members[i]].household = index;
}

void statement_link(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (situation->link_count >= SITUATION_MAX_LINKS) {
		ERROR_AT(parser, statement->keyword->col,
		         "too many links: the limit is %d links per file; the rest of the file "
		         "is not read",
		         SITUATION_MAX_LINKS);
		parser->is_stopped = true;
		return;
	}
	parser_check_strings(parser, statement, 1);
	if (statement->bare_count < 2) {
		parser_report_missing(parser, statement, "two ids");
		return;
	}
	unsigned flags = 0;
	parser_take_flags(parser, statement, 2, FLAG_BIT(FLAG_ARROW), &flags);
	int a = parser_resolve_word(parser, statement->bares[0]);
	int b = parser_resolve_word(parser, statement->bares[1]);
	if (a < 0 || b < 0)
		return;
	if (a == b) {
		ERROR_AT(parser, statement->bares[1]->col,
		         "a link from \"%s\" to itself; a link joins two different ids",
		         situation->nodes[a].id);
		return;
	}
	bool are_persons =
	    situation->nodes[a].kind == NODE_PERSON && situation->nodes[b].kind == NODE_PERSON;
	struct link link = {
	    .a = a,
	    .b = b,
	    .kind = are_persons ? LINK_CLOSE : LINK_WORK,
	    .has_arrow = flags & FLAG_BIT(FLAG_ARROW),
	};
	if (statement->string_count > 0)
		link.label = parser_string_word(parser, statement->strings[0]);
	const struct word *value = parser_attribute(statement, KEY_KIND);
	int number;
	if (value && parser_value_enum(parser, value, &keyword_link_kinds, &number))
		link.kind = (enum link_kind)number;
	struct link *links = parser_grow(parser, situation->links, situation->link_count,
	                                 &parser->link_capacity, sizeof *links);
	if (!links) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	situation->links = links;
	links[situation->link_count++] = link;
}

void statement_field(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (!has_room(parser, statement, situation->field_count, "fields"))
		return;
	parser_check_strings(parser, statement, 1);
	if (statement->string_count == 0) {
		parser_report_missing(parser, statement, "a label in quotes");
		return;
	}
	int *members;
	long count = resolve_members(parser, statement, 0, &members);
	if (count < 0)
		return;
	if (count < 2) {
		parser_report_missing(parser, statement, "at least two different ids");
		return;
	}
	struct field *fields = parser_grow(parser, situation->fields, situation->field_count,
	                                   &parser->field_capacity, sizeof *fields);
	if (!fields) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	situation->fields = fields;
	fields[situation->field_count++] = (struct field){
	    .label = parser_string_word(parser, statement->strings[0]),
	    .members = members,
	    .member_count = (size_t)count,
	};
}

/* order=ID,ID,...: ids resolved at their own column. */
static bool parse_order(struct parser *parser, const struct word *value, struct phase *phase)
{
	size_t capacity = 1;
	for (size_t i = 0; i < value->value_length; i++)
		capacity += value->value[i] == ',';
	int *order = arena_alloc_array(parser->arena, capacity, sizeof *order);
	if (!order) {
		parser_out_of_memory(parser, value->value_col);
		return false;
	}
	size_t count = 0;
	size_t start = 0;
	int col = value->value_col;
	bool is_ok = true;
	while (start <= value->value_length) {
		const char *item = value->value + start;
		const char *comma = memchr(item, ',', value->value_length - start);
		size_t length = comma ? (size_t)(comma - item) : value->value_length - start;
		if (length == 0) {
			ERROR_AT(parser, col,
			         "empty id in order=; write order=ID,ID,... with no "
			         "spaces");
			is_ok = false;
		} else {
			int index = parser_resolve_id(parser, item, length, col);
			bool is_repeat = false;
			for (size_t j = 0; index >= 0 && j < count; j++)
				is_repeat = is_repeat || order[j] == index;
			if (index < 0)
				is_ok = false;
			else if (is_repeat)
				WARNING_AT(parser, col,
				           "\"%s\" is given twice in order=; the repeat is ignored",
				           parser->situation->nodes[index].id);
			else
				order[count++] = index;
		}
		for (size_t i = 0; i < length; i++)
			col += ((unsigned char)item[i] & 0xC0) != 0x80;
		col++; /* the comma */
		start += length + 1;
		if (!comma)
			break;
	}
	phase->order = order;
	phase->order_count = count;
	return is_ok;
}

void statement_phase(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (situation->phase_count >= SITUATION_MAX_PHASES) {
		ERROR_AT(parser, statement->keyword->col,
		         "too many phases: the limit is %d phases per file; the rest of the file "
		         "is not read",
		         SITUATION_MAX_PHASES);
		parser->is_stopped = true;
		return;
	}
	unsigned flags = 0;
	parser_take_flags(parser, statement, 0, 0, &flags);
	parser_check_strings(parser, statement, 1);
	struct phase phase = {.type = PHASE_NETWORK};
	if (statement->string_count == 0)
		parser_report_missing(parser, statement, "a title in quotes");
	else
		phase.title = parser_string_word(parser, statement->strings[0]);
	const struct word *value = parser_attribute(statement, KEY_TYPE);
	int number;
	if (!value) {
		char list[DIAG_MAX_MESSAGE];
		keyword_list(&keyword_phase_types, ~0u, true, list, sizeof list);
		ERROR_AT(parser, statement->keyword->col, "phase needs type=TYPE; allowed: %s",
		         list);
	} else if (parser_value_enum(parser, value, &keyword_phase_types, &number)) {
		phase.type = (enum phase_type)number;
	}
	if ((value = parser_attribute(statement, KEY_TEXT)))
		phase.text = parser_value_text(parser, value);
	bool has_order = false;
	if ((value = parser_attribute(statement, KEY_ORDER))) {
		if (phase.type != PHASE_ROUND)
			WARNING_AT(parser, value->col,
			           "order= is only used by a round phase (type=round); ignored "
			           "here");
		else
			has_order = parse_order(parser, value, &phase);
	}
	struct phase *phases = parser_grow(parser, situation->phases, situation->phase_count,
	                                   &parser->phase_capacity, sizeof *phases);
	if (!phases) {
		parser_out_of_memory(parser, statement->keyword->col);
		return;
	}
	situation->phases = phases;
	parser->phase_has_order[situation->phase_count] = has_order;
	phases[situation->phase_count++] = phase;
}
