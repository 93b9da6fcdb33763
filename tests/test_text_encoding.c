/*
 * test_text_encoding: BOM, strict UTF-8, the Windows-1252 fallback, line
 * ends; and the checked number and date conversions the parser relies on.
 */
#include <limits.h>

#include "arena.h"
#include "check.h"
#include "number.h"
#include "text_encoding.h"

static void test_decode(void)
{
	static const struct {
		const char *in;
		size_t length;
		const char *out;
		bool is_1252;
		bool has_bom;
	} cases[] = {
	    {"abc", 3, "abc", false, false},
	    {"\xEF\xBB\xBF"
	     "abc",
	     6, "abc", false, true},
	    {"a\r\nb\rc\nd", 8, "a\nb\nc\nd", false, false},
	    {"\r\r\n\n", 4, "\n\n\n", false, false},
	    {"L\xe9"
	     "a",
	     3, "Léa", true, false},
	    {"\x80\x93\x9d", 3, "€“\xEF\xBF\xBD", true, false},
	    {"\xEF\xBB\xBF"
	     "L\xe9"
	     "a\r\n",
	     7, "Léa\n", true, true},
	    {"Léa", 4, "Léa", false, false},
	    {"\xC0\x80", 2, "À€", true, false},             /* overlong: not UTF-8 */
	    {"\xED\xA0\x80", 3, "í\xC2\xA0€", true, false}, /* surrogate: not UTF-8 */
	    {"", 0, "", false, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct arena arena;
		arena_init(&arena);
		struct decoded_text text;
		CHECK(text_decode(&arena, cases[i].in, cases[i].length, &text));
		CHECK_STR_EQ(text.text, cases[i].out);
		CHECK_INT_EQ(text.length, strlen(cases[i].out));
		CHECK_INT_EQ(text.was_windows_1252, cases[i].is_1252);
		CHECK_INT_EQ(text.had_bom, cases[i].has_bom);
		CHECK(utf8_is_valid(text.text, text.length));
		arena_free(&arena);
	}
}

static void test_utf8(void)
{
	static const struct {
		const char *bytes;
		size_t length;
		size_t step; /* 0: invalid */
		uint32_t code_point;
	} cases[] = {
	    {"A", 1, 1, 'A'},
	    {"\xC3\xA9", 2, 2, 0xE9},
	    {"\xE2\x82\xAC", 3, 3, 0x20AC},
	    {"\xF0\x9F\x98\x80", 4, 4, 0x1F600},
	    {"\xC3", 1, 0, 0},             /* cut */
	    {"\xC1\xBF", 2, 0, 0},         /* overlong */
	    {"\xE0\x80\xAF", 3, 0, 0},     /* overlong */
	    {"\xED\xB0\x80", 3, 0, 0},     /* surrogate */
	    {"\xF4\x90\x80\x80", 4, 0, 0}, /* past U+10FFFF */
	    {"\x80", 1, 0, 0},             /* lone continuation */
	    {"\xFF", 1, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t code_point = 0;
		CHECK_INT_EQ(utf8_decode(cases[i].bytes, cases[i].length, &code_point),
		             cases[i].step);
		if (cases[i].step) {
			CHECK_INT_EQ(code_point, cases[i].code_point);
			char out[4];
			CHECK_INT_EQ(utf8_encode(code_point, out), cases[i].step);
			CHECK(memcmp(out, cases[i].bytes, cases[i].step) == 0);
		}
	}
	CHECK_INT_EQ(utf8_count_chars("Léa 李", strlen("Léa 李")), 5);
	CHECK_INT_EQ(utf8_prefix_length("aé", 3, 2), 1);
	CHECK_INT_EQ(utf8_prefix_length("aé", 3, 3), 3);
	CHECK_INT_EQ(utf8_prefix_length("abc", 3, 10), 3);
}

static void test_numbers(void)
{
	static const struct {
		const char *text;
		long min, max;
		bool is_ok;
		long value;
	} cases[] = {
	    {"0", 0, 10, true, 0},
	    {"10", 0, 10, true, 10},
	    {"11", 0, 10, false, 0},
	    {"-1", -5, 5, true, -1},
	    {"-1", 0, 5, false, 0},
	    {"2024", 0, 9999, true, 2024},
	    {"007", 0, 10, true, 7},
	    {"", 0, 10, false, 0},
	    {" 1", 0, 10, false, 0},
	    {"1 ", 0, 10, false, 0},
	    {"+1", 0, 10, false, 0},
	    {"1a", 0, 10, false, 0},
	    {"0x10", 0, 100, false, 0},
	    {"-", -10, 10, false, 0},
	    {"1.5", 0, 10, false, 0},
	    {"99999999999999999999", LONG_MIN, LONG_MAX, false, 0},
	    {"9223372036854775807", LONG_MIN, LONG_MAX, sizeof(long) == 8, LONG_MAX},
	    {"123456789012345678901234567890", LONG_MIN, LONG_MAX, false, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long value = -12345;
		bool is_ok = number_parse_int(cases[i].text, strlen(cases[i].text), cases[i].min,
		                              cases[i].max, &value);
		if (is_ok != cases[i].is_ok)
			fprintf(stderr, "  number: \"%s\"\n", cases[i].text);
		CHECK_INT_EQ(is_ok, cases[i].is_ok);
		if (cases[i].is_ok)
			CHECK_INT_EQ(value, cases[i].value);
		else
			CHECK_INT_EQ(value, -12345); /* untouched */
	}
	/* the length is honoured: no read past it */
	long value = 0;
	CHECK(number_parse_int("12345", 2, 0, 100, &value) && value == 12);
}

static void test_dates(void)
{
	static const struct {
		const char *text;
		enum date_problem problem;
		int year, month, day;
	} cases[] = {
	    {"1979", DATE_OK, 1979, 0, 0},
	    {"1979-04-23", DATE_OK, 1979, 4, 23},
	    {"2000-02-29", DATE_OK, 2000, 2, 29},
	    {"2024-02-29", DATE_OK, 2024, 2, 29},
	    {"1850", DATE_OK, 1850, 0, 0},
	    {"2100-12-31", DATE_OK, 2100, 12, 31},
	    {"1900-02-29", DATE_BAD_DAY, 0, 0, 0},
	    {"2023-02-29", DATE_BAD_DAY, 0, 0, 0},
	    {"2023-04-31", DATE_BAD_DAY, 0, 0, 0},
	    {"2023-01-00", DATE_BAD_DAY, 0, 0, 0},
	    {"2023-00-10", DATE_BAD_MONTH, 0, 0, 0},
	    {"2023-13-10", DATE_BAD_MONTH, 0, 0, 0},
	    {"1849", DATE_BAD_YEAR, 0, 0, 0},
	    {"2101", DATE_BAD_YEAR, 0, 0, 0},
	    {"0000", DATE_BAD_YEAR, 0, 0, 0},
	    {"79", DATE_BAD_FORM, 0, 0, 0},
	    {"19790", DATE_BAD_FORM, 0, 0, 0},
	    {"1979-4-23", DATE_BAD_FORM, 0, 0, 0},
	    {"1979/04/23", DATE_BAD_FORM, 0, 0, 0},
	    {"23-04-1979", DATE_BAD_FORM, 0, 0, 0},
	    {"-979", DATE_BAD_FORM, 0, 0, 0},
	    {"+979", DATE_BAD_FORM, 0, 0, 0},
	    {"1979-+4-23", DATE_BAD_FORM, 0, 0, 0},
	    {"1979-04- 3", DATE_BAD_FORM, 0, 0, 0},
	    {"", DATE_BAD_FORM, 0, 0, 0},
	    {"abcd", DATE_BAD_FORM, 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct situation_date date = {0, 0, 0};
		enum date_problem problem =
		    number_parse_date(cases[i].text, strlen(cases[i].text), &date);
		if (problem != cases[i].problem)
			fprintf(stderr, "  date: \"%s\"\n", cases[i].text);
		CHECK_INT_EQ(problem, cases[i].problem);
		if (problem == DATE_OK) {
			CHECK_INT_EQ(date.year, cases[i].year);
			CHECK_INT_EQ(date.month, cases[i].month);
			CHECK_INT_EQ(date.day, cases[i].day);
		}
	}
}

int main(void)
{
	test_decode();
	test_utf8();
	test_numbers();
	test_dates();
	return check_report("test_text_encoding");
}
