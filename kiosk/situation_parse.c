/*
 * situation_parse: from a file's bytes to a situation (FORMAT.md).
 *
 * The driver: checks the file limit, decodes the text, cuts it into lines
 * (checking the line limit), lexes each line, sorts the words of a statement
 * into ids, strings and attributes, checks that every attribute exists and is
 * allowed on that statement, then hands the statement to
 * situation_statements.c. After the last line, situation_finish.c checks the
 * whole (cycles, lone nodes) and fills in defaults.
 *
 * Guarantees: never reads past `len`, never prints, never exits; after an
 * error the model is freed and NULL returned, with every diagnostic in the
 * list; the work is linear in the file size (bounded by the limits).
 */
#include <stdlib.h>
#include <string.h>

#include "situation_parser.h"
#include "text_encoding.h"

/* Keys allowed on each statement (bit = enum attribute_key). */
#define KEY_BIT(key) (1u << (key))
static const unsigned allowed_keys[STATEMENT_COUNT] = {
    [STATEMENT_SITUATION] = KEY_BIT(KEY_DATE) | KEY_BIT(KEY_PLACE) | KEY_BIT(KEY_LANG) |
                            KEY_BIT(KEY_NEXT) | KEY_BIT(KEY_THEME),
    [STATEMENT_PERSON] = KEY_BIT(KEY_SEX) | KEY_BIT(KEY_BORN) | KEY_BIT(KEY_DIED) |
                         KEY_BIT(KEY_ROLE) | KEY_BIT(KEY_CIRCLE),
    [STATEMENT_UNION] = KEY_BIT(KEY_STATUS) | KEY_BIT(KEY_SINCE) | KEY_BIT(KEY_UNTIL),
    [STATEMENT_CHILD] = 0,
    [STATEMENT_HOUSEHOLD] = 0,
    [STATEMENT_INSTITUTION] = KEY_BIT(KEY_SECTOR),
    [STATEMENT_PRO] = KEY_BIT(KEY_ROLE) | KEY_BIT(KEY_AT) | KEY_BIT(KEY_SECTOR),
    [STATEMENT_LINK] = KEY_BIT(KEY_KIND),
    [STATEMENT_FIELD] = 0,
    [STATEMENT_PHASE] = KEY_BIT(KEY_TYPE) | KEY_BIT(KEY_TEXT) | KEY_BIT(KEY_ORDER),
};

void *parser_grow(struct parser *parser, void *items, size_t count, size_t *capacity,
                  size_t item_size)
{
	if (count < *capacity)
		return items;
	size_t grown = *capacity ? *capacity * 2 : 16;
	void *bigger = arena_alloc_array(parser->arena, grown, item_size);
	if (!bigger)
		return NULL;
	if (count > 0)
		memcpy(bigger, items, count * item_size);
	*capacity = grown;
	return bigger;
}

void parser_out_of_memory(struct parser *parser, int col)
{
	if (!parser->is_out_of_memory)
		diag_add(parser->diags, DIAG_ERROR, parser->line, col,
		         "out of memory while reading the file");
	parser->is_out_of_memory = true;
	parser->is_stopped = true;
}

bool parser_is_quiet(const struct parser *parser)
{
	return parser->diags->count >= DIAG_MAX_ITEMS;
}

void parser_count_error(struct parser *parser, int col)
{
	diag_add(parser->diags, DIAG_ERROR, parser->line, col, "(not shown)");
}

char *parser_strndup(struct parser *parser, const char *text, size_t length)
{
	return arena_strndup(parser->arena, text, length);
}

static void report_unknown_keyword(struct parser *parser, const struct word *word)
{
	if (word->kind != WORD_BARE) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
		         "a line must start with a keyword (situation, person, union, child, "
		         "household, institution, pro, link, field or phase), not with %s",
		         word->kind == WORD_STRING ? "a string" : "an attribute");
		return;
	}
	if (parser_is_quiet(parser)) {
		parser_count_error(parser, word->col);
		return;
	}
	const char *near = keyword_suggest(&keyword_statements, word->text, word->length, ~0u);
	if (near)
		diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
		         "unknown keyword \"%.*s\"; did you mean \"%s\"?", (int)word->length,
		         word->text, near);
	else
		diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
		         "unknown keyword \"%.*s\"; a line starts with one of: situation, person "
		         "(personne), union, child (enfant), household (foyer), institution, pro, "
		         "link (lien), field (champ), phase",
		         (int)word->length, word->text);
}

/* Records one attribute, or reports it when it is unknown or not allowed on
 * this statement. */
static void take_attribute(struct parser *parser, struct statement *statement,
                           const struct word *word)
{
	unsigned allowed = allowed_keys[statement->kind];
	const char *statement_name = keyword_name(&keyword_statements, (int)statement->kind);
	int key = keyword_lookup(&keyword_keys, word->text, word->length);
	if (key >= 0 && (allowed & KEY_BIT(key))) {
		if (statement->attributes[key])
			diag_add(parser->diags, DIAG_WARNING, parser->line, word->col,
			         "attribute \"%.*s\" given twice on this line; the last one counts",
			         (int)word->length, word->text);
		statement->attributes[key] = word;
		return;
	}
	if (parser_is_quiet(parser)) {
		parser_count_error(parser, word->col);
		return;
	}
	char list[DIAG_MAX_MESSAGE];
	if (allowed == 0)
		strcpy(list, "none");
	else
		keyword_list(&keyword_keys, allowed, false, list, sizeof list);
	if (key < 0) {
		const char *near = keyword_suggest(&keyword_keys, word->text, word->length,
		                                   allowed ? allowed : ~0u);
		if (near && allowed)
			diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
			         "unknown attribute \"%.*s\"; did you mean \"%s\"? allowed on %s: "
			         "%s",
			         (int)word->length, word->text, near, statement_name, list);
		else
			diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
			         "unknown attribute \"%.*s\"; allowed on %s: %s", (int)word->length,
			         word->text, statement_name, list);
		return;
	}
	diag_add(parser->diags, DIAG_ERROR, parser->line, word->col,
	         "attribute \"%.*s\" is not allowed on %s; allowed on %s: %s", (int)word->length,
	         word->text, statement_name, statement_name, list);
}

static void check_first_statement(struct parser *parser, const struct statement *statement)
{
	parser->statement_count++;
	bool is_situation = statement->kind == STATEMENT_SITUATION;
	if (parser->statement_count == 1 && !is_situation) {
		diag_add(parser->diags, DIAG_ERROR, parser->line, statement->keyword->col,
		         "the file must start with a \"situation\" statement, e.g. situation "
		         "\"Famille Martin\" date=2026-12-03; add it as the first line");
	} else if (parser->statement_count > 1 && is_situation && parser->situation_line == 0)
		diag_add(parser->diags, DIAG_ERROR, parser->line, statement->keyword->col,
		         "\"situation\" must be the first statement of the file; move this line "
		         "to the top");
}

static void parse_line(struct parser *parser, const char *line, size_t length)
{
	size_t count = 0;
	bool is_clean = lexer_split_line(line, length, parser->line, parser->arena, parser->diags,
	                                 parser->words, LEXER_MAX_WORDS, &count);
	if (!is_clean || count == 0)
		return;
	const struct word *keyword = &parser->words[0];
	int kind = keyword->kind == WORD_BARE
	               ? keyword_lookup(&keyword_statements, keyword->text, keyword->length)
	               : -1;
	if (kind < 0) {
		/* The keyword error says it all, even for a misspelt "situation". */
		parser->statement_count++;
		report_unknown_keyword(parser, keyword);
		return;
	}
	struct statement statement = {
	    .kind = (enum statement_kind)kind,
	    .keyword = keyword,
	    .bares = parser->bare_scratch,
	    .strings = parser->string_scratch,
	};
	check_first_statement(parser, &statement);
	for (size_t i = 1; i < count; i++) {
		const struct word *word = &parser->words[i];
		if (word->kind == WORD_BARE)
			parser->bare_scratch[statement.bare_count++] = word;
		else if (word->kind == WORD_STRING)
			parser->string_scratch[statement.string_count++] = word;
		else
			take_attribute(parser, &statement, word);
	}
	/* Even with a bad attribute, so its id exists for the lines below. */
	parser_statement(parser, &statement);
}

static void check_line_limit(struct parser *parser, const char *line, size_t length)
{
	/* Column of the first character past the limit. */
	int col = (int)utf8_count_chars(line, SITUATION_MAX_LINE_BYTES) + 1;
	diag_add(parser->diags, DIAG_ERROR, parser->line, col,
	         "line too long: %zu bytes, the limit is %d bytes per line; split the "
	         "statement or shorten its texts",
	         length, SITUATION_MAX_LINE_BYTES);
}

static bool parser_init(struct parser *parser, struct situation *situation, struct diag_list *diags)
{
	memset(parser, 0, sizeof *parser);
	parser->situation = situation;
	parser->arena = &situation->arena;
	parser->diags = diags;
	parser->errors_before = diags->error_count;
	parser->id_table =
	    arena_alloc_array(parser->arena, PARSER_ID_TABLE_SIZE, sizeof *parser->id_table);
	parser->words = malloc(LEXER_MAX_WORDS * sizeof *parser->words);
	parser->bare_scratch = malloc(LEXER_MAX_WORDS * sizeof *parser->bare_scratch);
	parser->string_scratch = malloc(LEXER_MAX_WORDS * sizeof *parser->string_scratch);
	return parser->id_table && parser->words && parser->bare_scratch && parser->string_scratch;
}

static void parser_release(struct parser *parser)
{
	free(parser->words);
	free(parser->bare_scratch);
	free(parser->string_scratch);
}

static struct situation *situation_new(void)
{
	struct arena arena;
	arena_init(&arena);
	struct situation *situation = arena_alloc(&arena, sizeof *situation);
	if (!situation) {
		arena_free(&arena);
		return NULL;
	}
	situation->arena = arena;
	situation->lang = LANG_FR;
	situation->theme = THEME_LIGHT;
	return situation;
}

static void parse_text(struct parser *parser, const char *text, size_t length)
{
	size_t start = 0;
	int line_number = 0;
	while (start <= length && !parser->is_stopped) {
		const char *newline = memchr(text + start, '\n', length - start);
		size_t end = newline ? (size_t)(newline - text) : length;
		line_number++;
		parser->line = line_number;
		if (end - start > SITUATION_MAX_LINE_BYTES)
			check_line_limit(parser, text + start, end - start);
		else
			parse_line(parser, text + start, end - start);
		if (!newline)
			break;
		start = end + 1;
	}
	parser->line = line_number;
}

struct situation *situation_parse(const char *bytes, size_t len, struct diag_list *diags)
{
	if (len > SITUATION_MAX_FILE_BYTES) {
		diag_add(diags, DIAG_ERROR, 1, 1,
		         "file too large: %zu bytes, the limit is 1 MiB (%d bytes) per file; is "
		         "this really a situation file?",
		         len, SITUATION_MAX_FILE_BYTES);
		return NULL;
	}
	struct situation *situation = situation_new();
	struct parser parser;
	if (!situation || !parser_init(&parser, situation, diags)) {
		diag_add(diags, DIAG_ERROR, 1, 1, "out of memory while reading the file");
		if (situation) {
			parser_release(&parser);
			situation_free(situation);
		}
		return NULL;
	}
	struct decoded_text decoded;
	if (!text_decode(parser.arena, bytes ? bytes : "", bytes ? len : 0, &decoded)) {
		parser_out_of_memory(&parser, 1);
	} else {
		if (decoded.was_windows_1252)
			diag_add(diags, DIAG_WARNING, 1, 1,
			         "the file is not valid UTF-8: it was read as Windows-1252; if "
			         "accents look wrong, save it again as UTF-8");
		parse_text(&parser, decoded.text, decoded.length);
		if (!parser.is_stopped && parser.statement_count == 0)
			diag_add(diags, DIAG_ERROR, 1, 1,
			         "the file has no statement: it must start with a \"situation\" "
			         "line, e.g. situation \"Famille Martin\" date=2026-12-03");
		if (!parser.is_stopped)
			parser_finish(&parser);
	}
	parser_release(&parser);
	if (diags->error_count > parser.errors_before) {
		situation_free(situation);
		return NULL;
	}
	return situation;
}
