/*
 * text_encoding: BOM, strict UTF-8 validation, the Windows-1252 fallback and
 * line-end normalisation; see text_encoding.h.
 */
#include "text_encoding.h"

#include <string.h>

/* Windows-1252 bytes 0x80..0x9F; the five holes become U+FFFD. */
static const uint16_t windows_1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

size_t utf8_decode(const char *text, size_t length, uint32_t *code_point)
{
	if (length == 0)
		return 0;
	const unsigned char *s = (const unsigned char *)text;
	if (s[0] < 0x80) {
		*code_point = s[0];
		return 1;
	}
	size_t need;
	uint32_t value;
	uint32_t minimum;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
		value = s[0] & 0x1F;
		minimum = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		value = s[0] & 0x0F;
		minimum = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		value = s[0] & 0x07;
		minimum = 0x10000;
	} else {
		return 0;
	}
	if (length < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		value = (value << 6) | (s[i] & 0x3F);
	}
	if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
		return 0;
	*code_point = value;
	return need;
}

bool utf8_is_valid(const char *text, size_t length)
{
	size_t at = 0;
	while (at < length) {
		uint32_t code_point;
		size_t step = utf8_decode(text + at, length - at, &code_point);
		if (step == 0)
			return false;
		at += step;
	}
	return true;
}

size_t utf8_count_chars(const char *text, size_t length)
{
	size_t count = 0;
	for (size_t i = 0; i < length; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			count++;
	return count;
}

size_t utf8_prefix_length(const char *text, size_t length, size_t max_bytes)
{
	if (length <= max_bytes)
		return length;
	size_t cut = max_bytes;
	while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

size_t utf8_encode(uint32_t code_point, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (code_point < 0x80) {
		o[0] = (unsigned char)code_point;
		return 1;
	}
	if (code_point < 0x800) {
		o[0] = (unsigned char)(0xC0 | (code_point >> 6));
		o[1] = (unsigned char)(0x80 | (code_point & 0x3F));
		return 2;
	}
	if (code_point < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (code_point >> 12));
		o[1] = (unsigned char)(0x80 | ((code_point >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (code_point & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (code_point >> 18));
	o[1] = (unsigned char)(0x80 | ((code_point >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((code_point >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (code_point & 0x3F));
	return 4;
}

static uint32_t windows_1252_to_code_point(unsigned char byte)
{
	if (byte >= 0x80 && byte <= 0x9F)
		return windows_1252_high[byte - 0x80];
	return byte;
}

bool text_decode(struct arena *arena, const char *bytes, size_t length, struct decoded_text *out)
{
	memset(out, 0, sizeof *out);
	if (length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
		out->had_bom = true;
		bytes += 3;
		length -= 3;
	}
	out->was_windows_1252 = !utf8_is_valid(bytes, length);
	/* Windows-1252 grows at most 3 times (U+20AC is 3 bytes); +1 for NUL. */
	size_t capacity = out->was_windows_1252 ? length * 3 + 1 : length + 1;
	char *text = arena_alloc(arena, capacity);
	if (!text)
		return false;
	size_t used = 0;
	for (size_t i = 0; i < length; i++) {
		unsigned char byte = (unsigned char)bytes[i];
		if (byte == '\r') {
			text[used++] = '\n';
			if (i + 1 < length && bytes[i + 1] == '\n')
				i++;
		} else if (out->was_windows_1252 && byte >= 0x80) {
			used += utf8_encode(windows_1252_to_code_point(byte), text + used);
		} else {
			text[used++] = (char)byte;
		}
	}
	text[used] = '\0';
	out->text = text;
	out->length = used;
	return true;
}
