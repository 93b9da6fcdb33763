/*
 * situation_lexer: words of one line; see situation_lexer.h.
 */
#include "situation_lexer.h"

#include <string.h>

struct cursor {
	const char *line;
	size_t length;
	size_t at;
	int col; /* of line[at] */
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* Ends a bare word: space, quote, comment, '='. */
static bool ends_bare(char c)
{
	return is_space(c) || c == '"' || c == '#' || c == '=';
}

static void advance(struct cursor *cursor)
{
	cursor->at++;
	/* A new column starts at every byte that is not a UTF-8 continuation. */
	if (cursor->at >= cursor->length ||
	    ((unsigned char)cursor->line[cursor->at] & 0xC0) != 0x80)
		cursor->col++;
}

static bool at_end(const struct cursor *cursor)
{
	return cursor->at >= cursor->length;
}

static char peek(const struct cursor *cursor)
{
	return at_end(cursor) ? '\0' : cursor->line[cursor->at];
}

static void read_bare(struct cursor *cursor, const char **text, size_t *length)
{
	size_t start = cursor->at;
	while (!at_end(cursor) && !ends_bare(peek(cursor)) && peek(cursor) != '\0')
		advance(cursor);
	*text = cursor->line + start;
	*length = cursor->at - start;
}

/* At an opening quote. Decodes into the arena. False on error (reported). */
static bool read_string(struct cursor *cursor, int line_number, struct arena *arena,
                        struct diag_list *diags, const char **text, size_t *length)
{
	int open_col = cursor->col;
	advance(cursor); /* the quote */
	size_t start = cursor->at;
	/* The decoded string is never longer than the rest of the line. */
	char *out = arena_alloc(arena, cursor->length - start + 1);
	if (!out) {
		diag_add(diags, DIAG_ERROR, line_number, open_col, "out of memory");
		return false;
	}
	size_t used = 0;
	for (;;) {
		if (at_end(cursor)) {
			diag_add(diags, DIAG_ERROR, line_number, open_col,
			         "unterminated string: add the closing \" on the same line (a "
			         "string cannot run over two lines; write \\\" for a quote inside "
			         "it)");
			return false;
		}
		char c = peek(cursor);
		if (c == '"') {
			advance(cursor);
			break;
		}
		if (c == '\0') {
			diag_add(diags, DIAG_ERROR, line_number, cursor->col,
			         "NUL byte in a string: the file is damaged or not a text file");
			return false;
		}
		if (c == '\\') {
			int escape_col = cursor->col;
			advance(cursor);
			char next = peek(cursor);
			if (next != '"' && next != '\\') {
				diag_add(
				    diags, DIAG_ERROR, line_number, escape_col,
				    "unknown escape in string: only \\\" (a quote) and \\\\ (a "
				    "backslash) are allowed; write \\\\ for a lone backslash");
				return false;
			}
			out[used++] = next;
			advance(cursor);
			continue;
		}
		out[used++] = c;
		advance(cursor);
	}
	out[used] = '\0';
	*text = out;
	*length = used;
	return true;
}

bool lexer_split_line(const char *line, size_t length, int line_number, struct arena *arena,
                      struct diag_list *diags, struct word *words, size_t capacity, size_t *count)
{
	struct cursor cursor = {line, length, 0, 1};
	*count = 0;
	for (;;) {
		while (!at_end(&cursor) && is_space(peek(&cursor)))
			advance(&cursor);
		if (at_end(&cursor) || peek(&cursor) == '#')
			return true;
		if (*count == capacity) {
			diag_add(diags, DIAG_ERROR, line_number, cursor.col,
			         "too many words on one line");
			return false;
		}
		struct word *word = &words[*count];
		memset(word, 0, sizeof *word);
		word->col = cursor.col;
		char c = peek(&cursor);
		if (c == '\0') {
			diag_add(diags, DIAG_ERROR, line_number, cursor.col,
			         "NUL byte: the file is damaged or not a text file");
			return false;
		}
		if (c == '"') {
			word->kind = WORD_STRING;
			if (!read_string(&cursor, line_number, arena, diags, &word->text,
			                 &word->length))
				return false;
			(*count)++;
			continue;
		}
		if (c == '=') {
			diag_add(diags, DIAG_ERROR, line_number, cursor.col,
			         "\"=\" without a key before it: write key=value with no spaces "
			         "around \"=\"");
			return false;
		}
		read_bare(&cursor, &word->text, &word->length);
		if (peek(&cursor) == '\0' && !at_end(&cursor)) {
			diag_add(diags, DIAG_ERROR, line_number, cursor.col,
			         "NUL byte: the file is damaged or not a text file");
			return false;
		}
		if (peek(&cursor) != '=') {
			word->kind = WORD_BARE;
			(*count)++;
			continue;
		}
		word->kind = WORD_ATTRIBUTE;
		advance(&cursor); /* '=' */
		word->value_col = cursor.col;
		char first = peek(&cursor);
		if (at_end(&cursor) || is_space(first) || first == '#' || first == '=') {
			diag_add(diags, DIAG_ERROR, line_number, word->col,
			         "attribute \"%.*s\" has no value: write %.*s=value with no space "
			         "after \"=\"",
			         (int)word->length, word->text, (int)word->length, word->text);
			return false;
		}
		if (first == '"') {
			word->is_value_quoted = true;
			if (!read_string(&cursor, line_number, arena, diags, &word->value,
			                 &word->value_length))
				return false;
		} else {
			read_bare(&cursor, &word->value, &word->value_length);
			if (peek(&cursor) == '\0' && !at_end(&cursor)) {
				diag_add(diags, DIAG_ERROR, line_number, cursor.col,
				         "NUL byte: the file is damaged or not a text file");
				return false;
			}
		}
		(*count)++;
	}
}

bool lexer_is_id(const char *text, size_t length)
{
	if (length == 0)
		return false;
	for (size_t i = 0; i < length; i++) {
		unsigned char c = (unsigned char)text[i];
		bool is_ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		             (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '-'));
		if (!is_ok)
			return false;
	}
	return true;
}
