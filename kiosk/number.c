/*
 * number: checked integer and date conversions; see number.h.
 */
#include "number.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { NUMBER_MAX_DIGITS = 24 };

bool number_parse_int(const char *text, size_t length, long min, long max, long *out)
{
	if (length == 0 || length > NUMBER_MAX_DIGITS)
		return false;
	char buffer[NUMBER_MAX_DIGITS + 1];
	memcpy(buffer, text, length);
	buffer[length] = '\0';
	/* strtol skips spaces and takes '+': refuse both, we want the exact word. */
	size_t first = buffer[0] == '-' ? 1 : 0;
	if (buffer[first] < '0' || buffer[first] > '9')
		return false;
	char *end = NULL;
	errno = 0;
	long value = strtol(buffer, &end, 10);
	if (errno != 0 || end != buffer + length || value < min || value > max)
		return false;
	*out = value;
	return true;
}

int number_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	bool is_leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && is_leap ? 29 : days[month - 1];
}

static bool all_digits(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return length > 0;
}

enum date_problem number_parse_date(const char *text, size_t length, struct situation_date *out)
{
	long year, month = 0, day = 0;
	if (length != 4 && length != 10)
		return DATE_BAD_FORM;
	if (!all_digits(text, 4) || !number_parse_int(text, 4, 0, 9999, &year))
		return DATE_BAD_FORM;
	if (length == 10) {
		if (text[4] != '-' || text[7] != '-' || !all_digits(text + 5, 2) ||
		    !all_digits(text + 8, 2) || !number_parse_int(text + 5, 2, 0, 99, &month) ||
		    !number_parse_int(text + 8, 2, 0, 99, &day))
			return DATE_BAD_FORM;
	}
	if (year < NUMBER_YEAR_MIN || year > NUMBER_YEAR_MAX)
		return DATE_BAD_YEAR;
	if (length == 10) {
		if (month < 1 || month > 12)
			return DATE_BAD_MONTH;
		if (day < 1 || day > number_days_in_month((int)year, (int)month))
			return DATE_BAD_DAY;
	}
	*out = (struct situation_date){.year = (int)year, .month = (int)month, .day = (int)day};
	return DATE_OK;
}
