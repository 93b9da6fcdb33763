/*
 * text_encoding: turns the bytes of a file written in any editor into clean
 * UTF-8 text with LF line ends.
 *
 * FORMAT.md allows UTF-8 with or without BOM, and falls back to Windows-1252
 * when the bytes are not valid UTF-8 (what Notepad saves as "ANSI"). Line
 * ends may be LF, CRLF or CR. The result is always valid UTF-8 (strict: no
 * overlong forms, no surrogates) and is NUL-terminated; it may still hold NUL
 * bytes, which the lexer reports.
 */
#ifndef CONCERTO_TEXT_ENCODING_H
#define CONCERTO_TEXT_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct decoded_text {
	char *text; /* in the arena, NUL-terminated, LF line ends */
	size_t length;
	bool had_bom;
	bool was_windows_1252;
};

/* Length in bytes (1..4) of the valid UTF-8 sequence at text, storing its code
 * point; 0 when the bytes there are not valid UTF-8 (or length is 0). */
size_t utf8_decode(const char *text, size_t length, uint32_t *code_point);
bool utf8_is_valid(const char *text, size_t length);
/* Number of code points in valid UTF-8 text. */
size_t utf8_count_chars(const char *text, size_t length);
/* The longest prefix of text, at most max_bytes long, that does not cut a
 * UTF-8 sequence. */
size_t utf8_prefix_length(const char *text, size_t length, size_t max_bytes);
/* Writes the UTF-8 form of code_point into out (4 bytes); returns its length. */
size_t utf8_encode(uint32_t code_point, char *out);

/* False only when out of memory. */
bool text_decode(struct arena *arena, const char *bytes, size_t length, struct decoded_text *out);

#endif
