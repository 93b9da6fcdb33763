/*
 * situation_lexer: cuts one line of a situation file into words (FORMAT.md,
 * "Lines"): bare words (ids, keywords, flags), quoted strings with \" and \\
 * escapes, and key=value attributes. `#` outside a string ends the line.
 *
 * Columns are 1-based and count characters (UTF-8 code points). Decoded
 * strings are written to the arena; bare words point into the line.
 * The lexer reports its own errors (unterminated string, bad escape, NUL
 * byte, attribute without value) and skips the rest of the line on them.
 */
#ifndef CONCERTO_SITUATION_LEXER_H
#define CONCERTO_SITUATION_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum word_kind { WORD_BARE, WORD_STRING, WORD_ATTRIBUTE };

struct word {
	enum word_kind kind;
	const char *text; /* bare: the word; string: decoded text; attribute: the key */
	size_t length;
	int col;
	/* attributes: the value (decoded when it was quoted) */
	const char *value;
	size_t value_length;
	bool is_value_quoted;
	int value_col;
};

/* At most one word per two bytes of a line, plus one. */
enum { LEXER_MAX_WORDS = 4096 / 2 + 2 };

/* Lexes line[0..length) (no line end) into words (capacity LEXER_MAX_WORDS).
 * Returns false when the line had a lexical error (already reported);
 * *count then holds the words before the error. */
bool lexer_split_line(const char *line, size_t length, int line_number, struct arena *arena,
                      struct diag_list *diags, struct word *words, size_t capacity, size_t *count);

/* True when the text is a valid id: letters (any non-ASCII character counts
 * as a letter), digits, '_' and '-', starting with a letter or digit. */
bool lexer_is_id(const char *text, size_t length);

#endif
