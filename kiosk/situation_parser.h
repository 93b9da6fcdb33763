/*
 * situation_parser: the parser's internal state and the helpers its modules
 * share (not for use outside kiosk/situation_*.c and overlap.c).
 *
 * One `struct parser` lives on situation_parse()'s stack; model memory comes
 * from the situation's arena, the scratch word arrays from the heap. Nothing
 * here is global.
 */
#ifndef CONCERTO_SITUATION_PARSER_H
#define CONCERTO_SITUATION_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "keywords.h"
#include "situation.h"
#include "situation_lexer.h"

/* Power of two, more than twice SITUATION_MAX_NODES: short probe chains. */
enum { PARSER_ID_TABLE_SIZE = 8192 };

struct statement {
	enum statement_kind kind;
	const struct word *keyword;
	const struct word **bares; /* in line order, keyword excluded */
	size_t bare_count;
	const struct word **strings;
	size_t string_count;
	const struct word *attributes[KEY_COUNT]; /* NULL when absent */
};

struct parser {
	struct situation *situation;
	struct arena *arena;
	struct diag_list *diags;
	int line;
	bool is_stopped; /* a fatal limit was passed */
	bool is_out_of_memory;
	int statement_count;
	int situation_line;   /* 0 until the situation statement */
	size_t errors_before; /* diags->error_count when parsing began */
	int *id_table;        /* node index + 1, 0 when empty */
	size_t node_capacity, couple_capacity, filiation_capacity, household_capacity;
	size_t link_capacity, field_capacity, phase_capacity;
	bool phase_has_order[SITUATION_MAX_PHASES]; /* parallel to phases */
	struct word *words;                         /* LEXER_MAX_WORDS, one line at a time */
	const struct word **bare_scratch;
	const struct word **string_scratch;
};

/* Grows an arena array to hold count + 1 items; NULL when out of memory. */
void *parser_grow(struct parser *parser, void *items, size_t count, size_t *capacity,
                  size_t item_size);
void parser_out_of_memory(struct parser *parser, int col);
/* True once the diagnostic list is full: later messages are counted but not
 * kept, so the costly ones (lists of ids, suggestions) are not built. */
bool parser_is_quiet(const struct parser *parser);
/* Counts an error without building its message (when quiet). */
void parser_count_error(struct parser *parser, int col);
char *parser_strndup(struct parser *parser, const char *text, size_t length);

/* Ids (situation_ids.c). */
int parser_find_id(const struct parser *parser, const char *id, size_t length);
/* Declares a node from an id word; -1 after reporting (bad id, duplicate,
 * limit: the limit also stops the parser). */
int parser_define_node(struct parser *parser, const struct word *id, const struct word *keyword,
                       enum node_kind kind);
/* An id that must already be defined; -1 after reporting. */
int parser_resolve_id(struct parser *parser, const char *text, size_t length, int col);
int parser_resolve_word(struct parser *parser, const struct word *word);
const char *node_kind_noun(enum node_kind kind);

/* Attribute values (situation_values.c). All report at the value's column
 * and return false on a bad value. */
bool parser_value_enum(struct parser *parser, const struct word *attribute,
                       const struct keyword_set *set, int *out);
bool parser_value_date(struct parser *parser, const struct word *attribute,
                       struct situation_date *out);
bool parser_value_year(struct parser *parser, const struct word *attribute, int *out);
/* A string value (quoted or bare), copied into the arena and capped to
 * SITUATION_MAX_LABEL_CHARS characters with a warning. */
const char *parser_value_text(struct parser *parser, const struct word *attribute);
const char *parser_string_word(struct parser *parser, const struct word *word);

#define ERROR_AT(parser, col, ...)                                                                 \
	diag_add((parser)->diags, DIAG_ERROR, (parser)->line, (col), __VA_ARGS__)
#define WARNING_AT(parser, col, ...)                                                               \
	diag_add((parser)->diags, DIAG_WARNING, (parser)->line, (col), __VA_ARGS__)
#define FLAG_BIT(flag) (1u << (flag))

/* Statements (situation_statements.c). */
void parser_statement(struct parser *parser, const struct statement *statement);
void parser_report_missing(struct parser *parser, const struct statement *statement,
                           const char *what);
/* Reads bares[first..] as flags allowed by the mask of FLAG_BIT()s; false
 * after reporting the others. */
bool parser_take_flags(struct parser *parser, const struct statement *statement, size_t first,
                       unsigned allowed, unsigned *flags);
/* At most `max` strings; reports the extra ones. */
bool parser_check_strings(struct parser *parser, const struct statement *statement, size_t max);
const struct word *parser_attribute(const struct statement *statement, enum attribute_key key);
/* A person id at `word`; -1 after reporting. */
int parser_resolve_person(struct parser *parser, const struct word *word, const char *statement);

/* Relations and phases (situation_relations.c). */
void statement_union(struct parser *parser, const struct statement *statement);
void statement_child(struct parser *parser, const struct statement *statement);
void statement_household(struct parser *parser, const struct statement *statement);
void statement_link(struct parser *parser, const struct statement *statement);
void statement_field(struct parser *parser, const struct statement *statement);
void statement_phase(struct parser *parser, const struct statement *statement);

/* After the last line (situation_finish.c): child cycles, nodes without
 * relation, and, when there is no error, default phases and round orders. */
void parser_finish(struct parser *parser);

/* Computed overlap fields (overlap.c); false when out of memory. */
bool overlap_compute(struct situation *situation);

#endif
