/*
 * text_bidi: turns a UTF-8 label into shaping runs in visual order, with no
 * SDL in sight (the font coverage question is asked through a callback).
 *
 * Guarantees: any byte string is accepted (invalid UTF-8 becomes U+FFFD,
 * control characters become spaces, long labels are cut on a character
 * boundary and end with U+2026); a run has one embedding level, one font
 * family and one script; runs come out left to right as they appear on
 * screen, each holding its characters in logical order, to be shaped with the
 * direction of its level.
 */
#ifndef CONCERTO_TEXT_BIDI_H
#define CONCERTO_TEXT_BIDI_H

#include <fribidi.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* A cut label holds at most this many characters (the last one "…"). */
#define TEXT_LABEL_MAX_CHARS (TEXT_LABEL_MAX_BYTES + 1)

enum text_family { TEXT_FAMILY_SANS, TEXT_FAMILY_ARABIC, TEXT_FAMILY_COUNT };

enum text_script {
	TEXT_SCRIPT_LATIN,
	TEXT_SCRIPT_ARABIC,
	TEXT_SCRIPT_HEBREW,
	TEXT_SCRIPT_GREEK,
	TEXT_SCRIPT_CYRILLIC,
	TEXT_SCRIPT_COUNT
};

struct text_run {
	size_t start;
	size_t length;
	FriBidiLevel level;
	enum text_family family;
	enum text_script script;
};

/* Does the font of this family have a glyph for the character? */
typedef bool (*text_has_glyph_fn)(void *context, enum text_family family, uint32_t codepoint);

/* Scratch space for one label (large: allocate it once and reuse it). */
struct text_label {
	uint32_t chars[TEXT_LABEL_MAX_CHARS];
	size_t length;
	bool is_rtl;
	FriBidiCharType types[TEXT_LABEL_MAX_CHARS];
	FriBidiBracketType brackets[TEXT_LABEL_MAX_CHARS];
	FriBidiLevel levels[TEXT_LABEL_MAX_CHARS];
	enum text_family families[TEXT_LABEL_MAX_CHARS];
	enum text_script scripts[TEXT_LABEL_MAX_CHARS];
	struct text_run runs[TEXT_LABEL_MAX_CHARS];
	size_t run_count;
};

/*
 * Decodes the first `length` bytes of utf8 (stopping at a NUL) into
 * out[0..TEXT_LABEL_MAX_CHARS), sanitised and cut as described above.
 * Returns the number of characters.
 */
size_t text_utf8_decode(const char *utf8, size_t length, uint32_t *out);

/*
 * Encodes characters as UTF-8 with a final NUL; out must hold 4 * count + 1
 * bytes. Returns the number of bytes before the NUL.
 */
size_t text_utf8_encode(const uint32_t *chars, size_t count, char *out);

/* Fills label with the characters and runs of utf8. */
void text_label_build(struct text_label *label, const char *utf8, size_t length,
                      text_has_glyph_fn has_glyph, void *context);

/* Wipes the label's characters (names must not linger in memory). */
void text_label_wipe(struct text_label *label);

/* ISO 15924 tag for TTF_SetFontScriptName ("Latn", "Arab", ...). */
const char *text_script_tag(enum text_script script);

#endif
