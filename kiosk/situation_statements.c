/*
 * situation_statements: the statements that declare things (situation,
 * person, institution, pro), the helpers every statement shares (flags,
 * extra strings, missing words) and the dispatch table. The relations and
 * phases are in situation_relations.c. Attributes were already checked
 * against the statement (situation_parse.c); here come the positional ids
 * and strings, the flags and the values.
 */
#include <string.h>

#include "situation_parser.h"

/* How each statement is written, for messages. */
static const char *const usages[STATEMENT_COUNT] = {
    [STATEMENT_SITUATION] = "situation \"Title\" [date=YYYY-MM-DD] [place=\"...\"] [lang=fr|en] "
                            "[next=\"...\"] [theme=dark|light]",
    [STATEMENT_PERSON] = "person ID \"Name\" [sex=...] [born=...] [died=...] [role=\"...\"] "
                         "[circle=...] [index] [absent] [deceased]",
    [STATEMENT_UNION] = "union A B [status=...] [since=YEAR] [until=YEAR]",
    [STATEMENT_CHILD] = "child C of A [B] [adopted|foster]",
    [STATEMENT_HOUSEHOLD] = "household A B C ... [\"Label\"]",
    [STATEMENT_INSTITUTION] = "institution ID \"Name\" sector=SECTOR",
    [STATEMENT_PRO] = "pro ID \"Name\" [role=\"...\"] [at=INSTITUTION] [sector=SECTOR] [absent]",
    [STATEMENT_LINK] = "link A B [\"label\"] [kind=KIND] [arrow]",
    [STATEMENT_FIELD] = "field \"Label\" A B C ...",
    [STATEMENT_PHASE] = "phase \"Title\" type=TYPE [text=\"...\"] [order=ID,ID,...]",
};

static const char *statement_name(const struct statement *statement)
{
	return keyword_name(&keyword_statements, (int)statement->kind);
}

void parser_report_missing(struct parser *parser, const struct statement *statement,
                           const char *what)
{
	ERROR_AT(parser, statement->keyword->col, "%s needs %s; write: %s",
	         statement_name(statement), what, usages[statement->kind]);
}

/* Reads bares[first..] as flags allowed by `allowed`; false after reporting. */
bool parser_take_flags(struct parser *parser, const struct statement *statement, size_t first,
                       unsigned allowed, unsigned *flags)
{
	bool is_ok = true;
	for (size_t i = first; i < statement->bare_count; i++) {
		const struct word *word = statement->bares[i];
		int flag = keyword_lookup(&keyword_flags, word->text, word->length);
		if (flag >= 0 && (allowed & FLAG_BIT(flag))) {
			*flags |= FLAG_BIT(flag);
			continue;
		}
		is_ok = false;
		if (parser_is_quiet(parser)) {
			parser_count_error(parser, word->col);
			continue;
		}
		char list[DIAG_MAX_MESSAGE];
		keyword_list(&keyword_flags, allowed, true, list, sizeof list);
		if (keyword_lookup(&keyword_keys, word->text, word->length) >= 0) {
			ERROR_AT(parser, word->col,
			         "\"%.*s\" needs a value: write %.*s=VALUE with no spaces around "
			         "\"=\"",
			         (int)word->length, word->text, (int)word->length, word->text);
		} else if (allowed == 0) {
			ERROR_AT(parser, word->col, "unexpected word \"%.*s\"; write: %s",
			         (int)word->length, word->text, usages[statement->kind]);
		} else if (flag >= 0) {
			ERROR_AT(parser, word->col,
			         "flag \"%.*s\" is not allowed on %s; allowed flags: %s",
			         (int)word->length, word->text, statement_name(statement), list);
		} else {
			const char *near =
			    keyword_suggest(&keyword_flags, word->text, word->length, allowed);
			if (near)
				ERROR_AT(parser, word->col,
				         "unknown flag \"%.*s\"; did you mean \"%s\"? allowed on "
				         "%s: %s",
				         (int)word->length, word->text, near,
				         statement_name(statement), list);
			else
				ERROR_AT(
				    parser, word->col, "unknown flag \"%.*s\"; allowed on %s: %s",
				    (int)word->length, word->text, statement_name(statement), list);
		}
	}
	return is_ok;
}

/* At most `max` strings; reports the extra ones. */
bool parser_check_strings(struct parser *parser, const struct statement *statement, size_t max)
{
	for (size_t i = max; i < statement->string_count; i++)
		ERROR_AT(parser, statement->strings[i]->col,
		         "unexpected string: %s takes %s; write: %s", statement_name(statement),
		         max == 0 ? "no string" : "only one string", usages[statement->kind]);
	return statement->string_count <= max;
}

const struct word *parser_attribute(const struct statement *statement, enum attribute_key key)
{
	return statement->attributes[key];
}

static void statement_situation(struct parser *parser, const struct statement *statement)
{
	struct situation *situation = parser->situation;
	if (parser->situation_line != 0) {
		ERROR_AT(parser, statement->keyword->col,
		         "a second \"situation\" statement: the file already has one at line %d; "
		         "keep only one",
		         parser->situation_line);
		return;
	}
	parser->situation_line = parser->line;
	unsigned flags = 0;
	parser_take_flags(parser, statement, 0, 0, &flags);
	parser_check_strings(parser, statement, 1);
	if (statement->string_count == 0)
		parser_report_missing(parser, statement, "a title in quotes");
	else
		situation->title = parser_string_word(parser, statement->strings[0]);
	const struct word *value;
	if ((value = parser_attribute(statement, KEY_DATE)))
		parser_value_date(parser, value, &situation->date);
	if ((value = parser_attribute(statement, KEY_PLACE)))
		situation->place = parser_value_text(parser, value);
	if ((value = parser_attribute(statement, KEY_NEXT)))
		situation->next = parser_value_text(parser, value);
	int number;
	if ((value = parser_attribute(statement, KEY_LANG)) &&
	    parser_value_enum(parser, value, &keyword_langs, &number))
		situation->lang = (enum situation_lang)number;
	if ((value = parser_attribute(statement, KEY_THEME)) &&
	    parser_value_enum(parser, value, &keyword_themes, &number))
		situation->theme = (enum situation_theme)number;
}

/* person, pro, institution: `KEYWORD ID "Name"`; the node index or -1. */
static int define_named_node(struct parser *parser, const struct statement *statement,
                             enum node_kind kind)
{
	if (statement->bare_count == 0) {
		parser_report_missing(parser, statement, "an id and a name");
		return -1;
	}
	int index = parser_define_node(parser, statement->bares[0], statement->keyword, kind);
	parser_check_strings(parser, statement, 1);
	if (statement->string_count == 0) {
		parser_report_missing(parser, statement, "a name in quotes after its id");
		return -1;
	}
	if (index >= 0)
		parser->situation->nodes[index].name =
		    parser_string_word(parser, statement->strings[0]);
	return index;
}

static void statement_person(struct parser *parser, const struct statement *statement)
{
	int index = define_named_node(parser, statement, NODE_PERSON);
	unsigned flags = 0;
	parser_take_flags(parser, statement, 1,
	                  FLAG_BIT(FLAG_INDEX) | FLAG_BIT(FLAG_ABSENT) | FLAG_BIT(FLAG_DECEASED),
	                  &flags);
	if (index < 0)
		return;
	struct node *node = &parser->situation->nodes[index];
	node->is_index = flags & FLAG_BIT(FLAG_INDEX);
	node->is_absent = flags & FLAG_BIT(FLAG_ABSENT);
	node->is_deceased = flags & FLAG_BIT(FLAG_DECEASED);
	const struct word *value;
	int number;
	if ((value = parser_attribute(statement, KEY_SEX)) &&
	    parser_value_enum(parser, value, &keyword_sexes, &number))
		node->sex = (enum sex)number;
	if ((value = parser_attribute(statement, KEY_CIRCLE)) &&
	    parser_value_enum(parser, value, &keyword_circles, &number))
		node->circle = (enum circle)number;
	if ((value = parser_attribute(statement, KEY_ROLE)))
		node->role = parser_value_text(parser, value);
	if ((value = parser_attribute(statement, KEY_BORN)))
		parser_value_date(parser, value, &node->born);
	if ((value = parser_attribute(statement, KEY_DIED)) &&
	    parser_value_date(parser, value, &node->died)) {
		node->is_deceased = true;
		if (node->born.year != 0 && node->died.year < node->born.year)
			WARNING_AT(parser, value->value_col,
			           "\"%s\" died (%d) before being born (%d); check the dates",
			           node->id, node->died.year, node->born.year);
	}
}

static void statement_institution(struct parser *parser, const struct statement *statement)
{
	int index = define_named_node(parser, statement, NODE_INSTITUTION);
	unsigned flags = 0;
	parser_take_flags(parser, statement, 1, 0, &flags);
	const struct word *value = parser_attribute(statement, KEY_SECTOR);
	if (!value) {
		char list[DIAG_MAX_MESSAGE];
		keyword_list(&keyword_sectors, ~0u, true, list, sizeof list);
		ERROR_AT(parser, statement->keyword->col,
		         "institution needs sector=SECTOR; allowed: %s", list);
		return;
	}
	int number;
	if (parser_value_enum(parser, value, &keyword_sectors, &number) && index >= 0)
		parser->situation->nodes[index].sector = (enum sector)number;
}

static void statement_pro(struct parser *parser, const struct statement *statement)
{
	int index = define_named_node(parser, statement, NODE_PRO);
	unsigned flags = 0;
	parser_take_flags(parser, statement, 1, FLAG_BIT(FLAG_ABSENT), &flags);
	const struct word *at = parser_attribute(statement, KEY_AT);
	const struct word *sector = parser_attribute(statement, KEY_SECTOR);
	if (!at && !sector) {
		ERROR_AT(parser, statement->keyword->col,
		         "pro needs at=INSTITUTION or sector=SECTOR (its field of intervention: "
		         "aid, care, education, control, culture or other)");
		return;
	}
	if (index < 0)
		return;
	struct node *node = &parser->situation->nodes[index];
	node->is_absent = flags & FLAG_BIT(FLAG_ABSENT);
	const struct word *role = parser_attribute(statement, KEY_ROLE);
	if (role)
		node->role = parser_value_text(parser, role);
	if (at) {
		int institution =
		    parser_resolve_id(parser, at->value, at->value_length, at->value_col);
		if (institution >= 0 &&
		    parser->situation->nodes[institution].kind != NODE_INSTITUTION) {
			const struct node *other = &parser->situation->nodes[institution];
			ERROR_AT(parser, at->value_col,
			         "\"%s\" is a %s, not an institution; at= names an institution "
			         "declared earlier (institution ID \"Name\" sector=SECTOR)",
			         other->id, node_kind_noun(other->kind));
		} else if (institution >= 0) {
			node->institution = institution;
			node->sector = parser->situation->nodes[institution].sector;
		}
	}
	int number;
	if (sector && parser_value_enum(parser, sector, &keyword_sectors, &number))
		node->sector = (enum sector)number;
}

/* A person id at `word`; -1 after reporting. */
void parser_statement(struct parser *parser, const struct statement *statement)
{
	static void (*const handlers[STATEMENT_COUNT])(struct parser *,
	                                               const struct statement *) = {
	    [STATEMENT_SITUATION] = statement_situation,
	    [STATEMENT_PERSON] = statement_person,
	    [STATEMENT_UNION] = statement_union,
	    [STATEMENT_CHILD] = statement_child,
	    [STATEMENT_HOUSEHOLD] = statement_household,
	    [STATEMENT_INSTITUTION] = statement_institution,
	    [STATEMENT_PRO] = statement_pro,
	    [STATEMENT_LINK] = statement_link,
	    [STATEMENT_FIELD] = statement_field,
	    [STATEMENT_PHASE] = statement_phase,
	};
	handlers[statement->kind](parser, statement);
}
