/*
 * text_bidi: sanitising UTF-8, bidirectional levels (GNU FriBidi), font and
 * script runs, and the visual order of the runs (rule L2 of UAX #9 applied to
 * whole runs; HarfBuzz reverses the glyphs inside a right-to-left run and
 * mirrors its brackets).
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "text_bidi.h"

#include <string.h>

#define TEXT_REPLACEMENT 0xFFFDu
#define TEXT_ELLIPSIS    0x2026u

struct text_script_range {
	uint32_t first;
	uint32_t last;
	enum text_script script;
};

/* Scripts that change the font or the shaping; everything else is Latin. */
static const struct text_script_range text_script_ranges[] = {
    {0x0370, 0x03FF, TEXT_SCRIPT_GREEK},  {0x0400, 0x052F, TEXT_SCRIPT_CYRILLIC},
    {0x0590, 0x05FF, TEXT_SCRIPT_HEBREW}, {0x0600, 0x06FF, TEXT_SCRIPT_ARABIC},
    {0x0750, 0x077F, TEXT_SCRIPT_ARABIC}, {0x08A0, 0x08FF, TEXT_SCRIPT_ARABIC},
    {0x1F00, 0x1FFF, TEXT_SCRIPT_GREEK},  {0xFB1D, 0xFB4F, TEXT_SCRIPT_HEBREW},
    {0xFB50, 0xFDFF, TEXT_SCRIPT_ARABIC}, {0xFE70, 0xFEFF, TEXT_SCRIPT_ARABIC},
};

static const char *const text_script_tags[TEXT_SCRIPT_COUNT] = {
    [TEXT_SCRIPT_LATIN] = "Latn", [TEXT_SCRIPT_ARABIC] = "Arab",   [TEXT_SCRIPT_HEBREW] = "Hebr",
    [TEXT_SCRIPT_GREEK] = "Grek", [TEXT_SCRIPT_CYRILLIC] = "Cyrl",
};

const char *text_script_tag(enum text_script script)
{
	return script < TEXT_SCRIPT_COUNT ? text_script_tags[script] : "Latn";
}

/*
 * Decodes one character of s[0..avail). Returns the bytes used; an invalid or
 * incomplete sequence uses one byte and gives U+FFFD.
 */
static size_t text_utf8_next(const unsigned char *s, size_t avail, uint32_t *out)
{
	uint32_t c = s[0];
	size_t need;
	uint32_t min;

	if (c < 0x80) {
		*out = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 1, min = 0x80, c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2, min = 0x800, c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3, min = 0x10000, c &= 0x07;
	} else {
		*out = TEXT_REPLACEMENT;
		return 1;
	}
	if (need >= avail) {
		*out = TEXT_REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*out = TEXT_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*out = TEXT_REPLACEMENT;
		return 1;
	}
	*out = c;
	return need + 1;
}

/* Line breaks, tabs and other controls would show as boxes or split lines. */
static bool text_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

size_t text_utf8_decode(const char *utf8, size_t length, uint32_t *out)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t end = 0;
	bool is_cut = false;
	size_t count = 0;

	while (end < length && s[end] != '\0' && end <= TEXT_LABEL_MAX_BYTES)
		end++;
	if (end > TEXT_LABEL_MAX_BYTES) {
		/* Room for the 3 bytes of "…", cut before a split character. */
		end = TEXT_LABEL_MAX_BYTES - 3;
		for (int back = 0; back < 3 && end > 0 && (s[end] & 0xC0) == 0x80; back++)
			end--;
		is_cut = true;
	}
	for (size_t i = 0; i < end && count < TEXT_LABEL_MAX_CHARS - 1;) {
		uint32_t c;
		i += text_utf8_next(s + i, end - i, &c);
		out[count++] = text_is_control(c) ? ' ' : c;
	}
	if (is_cut)
		out[count++] = TEXT_ELLIPSIS;
	return count;
}

size_t text_utf8_encode(const uint32_t *chars, size_t count, char *out)
{
	unsigned char *o = (unsigned char *)out;
	size_t n = 0;

	for (size_t i = 0; i < count; i++) {
		uint32_t c = chars[i];
		if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			c = TEXT_REPLACEMENT;
		if (c < 0x80) {
			o[n++] = (unsigned char)c;
		} else if (c < 0x800) {
			o[n++] = (unsigned char)(0xC0 | (c >> 6));
			o[n++] = (unsigned char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			o[n++] = (unsigned char)(0xE0 | (c >> 12));
			o[n++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
			o[n++] = (unsigned char)(0x80 | (c & 0x3F));
		} else {
			o[n++] = (unsigned char)(0xF0 | (c >> 18));
			o[n++] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
			o[n++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
			o[n++] = (unsigned char)(0x80 | (c & 0x3F));
		}
	}
	o[n] = '\0';
	return n;
}

static enum text_script text_script_of(uint32_t c)
{
	for (size_t i = 0; i < sizeof text_script_ranges / sizeof text_script_ranges[0]; i++) {
		if (c >= text_script_ranges[i].first && c <= text_script_ranges[i].last)
			return text_script_ranges[i].script;
	}
	return TEXT_SCRIPT_LATIN;
}

/*
 * Picks font and script per character. Letters choose by script (Arabic
 * script prefers Noto Sans Arabic: DejaVu Sans has basic Arabic letters too,
 * but Noto's are the well-made ones); everything else (spaces, digits,
 * punctuation, combining marks) stays with the character before it when its
 * font has the glyph, so a space between two Arabic words does not split the
 * run. DejaVu Sans is the last resort, showing its missing-glyph box.
 */
static void text_label_assign_fonts(struct text_label *label, text_has_glyph_fn has_glyph,
                                    void *context)
{
	for (size_t i = 0; i < label->length; i++) {
		uint32_t c = label->chars[i];
		enum text_script script = text_script_of(c);
		bool is_common = !FRIBIDI_IS_LETTER(label->types[i]) && script == TEXT_SCRIPT_LATIN;
		enum text_family family;

		if (is_common && i > 0 && has_glyph(context, label->families[i - 1], c)) {
			family = label->families[i - 1];
			script = label->scripts[i - 1];
		} else {
			if (is_common && i > 0)
				script = label->scripts[i - 1];
			if (script == TEXT_SCRIPT_ARABIC &&
			    has_glyph(context, TEXT_FAMILY_ARABIC, c))
				family = TEXT_FAMILY_ARABIC;
			else if (has_glyph(context, TEXT_FAMILY_SANS, c))
				family = TEXT_FAMILY_SANS;
			else if (has_glyph(context, TEXT_FAMILY_ARABIC, c))
				family = TEXT_FAMILY_ARABIC;
			else
				family = TEXT_FAMILY_SANS;
		}
		label->families[i] = family;
		label->scripts[i] = script;
	}
}

static void text_runs_reverse(struct text_run *runs, size_t from, size_t to)
{
	while (from + 1 < to) {
		struct text_run t = runs[from];
		runs[from] = runs[to - 1];
		runs[to - 1] = t;
		from++;
		to--;
	}
}

/* Rule L2 on whole runs: from the highest level down to the lowest odd one,
 * reverse every maximal sequence of runs at that level or higher. */
static void text_runs_to_visual(struct text_run *runs, size_t count)
{
	int highest = 0, lowest_odd = FRIBIDI_BIDI_MAX_RESOLVED_LEVELS + 1;

	for (size_t i = 0; i < count; i++) {
		if (runs[i].level > highest)
			highest = runs[i].level;
		if ((runs[i].level & 1) && runs[i].level < lowest_odd)
			lowest_odd = runs[i].level;
	}
	for (int level = highest; level >= lowest_odd; level--) {
		for (size_t i = 0; i < count;) {
			if (runs[i].level < level) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < count && runs[j].level >= level)
				j++;
			text_runs_reverse(runs, i, j);
			i = j;
		}
	}
}

void text_label_build(struct text_label *label, const char *utf8, size_t length,
                      text_has_glyph_fn has_glyph, void *context)
{
	FriBidiParType base = FRIBIDI_PAR_ON;
	FriBidiStrIndex n;

	label->length = text_utf8_decode(utf8, length, label->chars);
	label->run_count = 0;
	label->is_rtl = false;
	if (label->length == 0)
		return;
	n = (FriBidiStrIndex)label->length;
	fribidi_get_bidi_types(label->chars, n, label->types);
	fribidi_get_bracket_types(label->chars, n, label->types, label->brackets);
	if (fribidi_get_par_embedding_levels_ex(label->types, label->brackets, n, &base,
	                                        label->levels) == 0 ||
	    fribidi_reorder_line(0, label->types, n, 0, base, label->levels, NULL, NULL) == 0) {
		/* Out of memory inside FriBidi: show the label left to right. */
		memset(label->levels, 0, label->length * sizeof label->levels[0]);
		base = FRIBIDI_PAR_LTR;
	}
	label->is_rtl = FRIBIDI_IS_RTL(base);
	text_label_assign_fonts(label, has_glyph, context);

	for (size_t i = 0; i < label->length; i++) {
		struct text_run *last =
		    label->run_count ? &label->runs[label->run_count - 1] : NULL;
		if (last && last->level == label->levels[i] && last->family == label->families[i] &&
		    last->script == label->scripts[i]) {
			last->length++;
			continue;
		}
		label->runs[label->run_count++] = (struct text_run){
		    .start = i,
		    .length = 1,
		    .level = label->levels[i],
		    .family = label->families[i],
		    .script = label->scripts[i],
		};
	}
	text_runs_to_visual(label->runs, label->run_count);
}

void text_label_wipe(struct text_label *label)
{
	explicit_bzero(label->chars, label->length * sizeof label->chars[0]);
	label->length = 0;
	label->run_count = 0;
}
