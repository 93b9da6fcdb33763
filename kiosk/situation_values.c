/*
 * situation_values: attribute values (enumerated words, dates, years, texts)
 * with the diagnostics FORMAT.md asks for: the offending value's column and
 * the allowed values listed.
 */
#include <stdio.h>
#include <string.h>

#include "number.h"
#include "situation_parser.h"
#include "text_encoding.h"

bool parser_value_enum(struct parser *parser, const struct word *attribute,
                       const struct keyword_set *set, int *out)
{
	int value = keyword_lookup(set, attribute->value, attribute->value_length);
	if (value >= 0) {
		*out = value;
		return true;
	}
	if (parser_is_quiet(parser)) {
		parser_count_error(parser, attribute->value_col);
		return false;
	}
	char allowed[DIAG_MAX_MESSAGE];
	keyword_list(set, ~0u, true, allowed, sizeof allowed);
	const char *near = keyword_suggest(set, attribute->value, attribute->value_length, ~0u);
	if (near)
		diag_add(parser->diags, DIAG_ERROR, parser->line, attribute->value_col,
		         "unknown %s \"%.*s\"; did you mean \"%s\"? allowed: %s", set->what,
		         (int)attribute->value_length, attribute->value, near, allowed);
	else
		diag_add(parser->diags, DIAG_ERROR, parser->line, attribute->value_col,
		         "unknown %s \"%.*s\"; allowed: %s", set->what,
		         (int)attribute->value_length, attribute->value, allowed);
	return false;
}

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

bool parser_value_date(struct parser *parser, const struct word *attribute,
                       struct situation_date *out)
{
	const char *text = attribute->value;
	int length = (int)attribute->value_length;
	int key_length = (int)attribute->length;
	const char *key = attribute->text;
	struct situation_date date = {0, 0, 0};
	switch (number_parse_date(text, attribute->value_length, &date)) {
	case DATE_OK:
		*out = date;
		return true;
	case DATE_BAD_FORM:
		diag_add(parser->diags, DIAG_ERROR, parser->line, attribute->value_col,
		         "bad date \"%.*s\" for %.*s: write a year (YYYY, e.g. 1979) or a full "
		         "date (YYYY-MM-DD, e.g. 1979-04-23)",
		         length, text, key_length, key);
		return false;
	case DATE_BAD_YEAR:
		diag_add(parser->diags, DIAG_ERROR, parser->line, attribute->value_col,
		         "bad date \"%.*s\" for %.*s: the year must be between %d and %d", length,
		         text, key_length, key, NUMBER_YEAR_MIN, NUMBER_YEAR_MAX);
		return false;
	case DATE_BAD_MONTH:
		diag_add(parser->diags, DIAG_ERROR, parser->line, attribute->value_col,
		         "bad date \"%.*s\" for %.*s: the month must be 01 to 12 (YYYY-MM-DD)",
		         length, text, key_length, key);
		return false;
	case DATE_BAD_DAY: {
		long year = 0, month = 0;
		number_parse_int(text, 4, 0, 9999, &year);
		number_parse_int(text + 5, 2, 1, 12, &month);
		diag_add(parser->diags, DIAG_ERROR, parser->line, attribute->value_col,
		         "bad date \"%.*s\" for %.*s: %s %ld has %d days", length, text, key_length,
		         key, month_names[month - 1], year,
		         number_days_in_month((int)year, (int)month));
		return false;
	}
	}
	return false;
}

bool parser_value_year(struct parser *parser, const struct word *attribute, int *out)
{
	struct situation_date date;
	if (!parser_value_date(parser, attribute, &date))
		return false;
	*out = date.year;
	return true;
}

static const char *capped_copy(struct parser *parser, const char *text, size_t length, int col)
{
	if (utf8_count_chars(text, length) > SITUATION_MAX_LABEL_CHARS) {
		size_t chars = 0;
		size_t cut = 0;
		while (cut < length && chars <= SITUATION_MAX_LABEL_CHARS) {
			if (((unsigned char)text[cut] & 0xC0) != 0x80)
				chars++;
			if (chars > SITUATION_MAX_LABEL_CHARS)
				break;
			cut++;
		}
		diag_add(parser->diags, DIAG_WARNING, parser->line, col,
		         "text longer than %d characters: only the first %d are kept",
		         SITUATION_MAX_LABEL_CHARS, SITUATION_MAX_LABEL_CHARS);
		length = cut;
	}
	char *copy = parser_strndup(parser, text, length);
	if (!copy)
		parser_out_of_memory(parser, col);
	return copy;
}

const char *parser_value_text(struct parser *parser, const struct word *attribute)
{
	return capped_copy(parser, attribute->value, attribute->value_length, attribute->value_col);
}

const char *parser_string_word(struct parser *parser, const struct word *word)
{
	return capped_copy(parser, word->text, word->length, word->col);
}
