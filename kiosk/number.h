/*
 * number: checked conversions of the numbers and dates a situation holds.
 *
 * Every number from a file goes through number_parse_int (strtol with end
 * pointer, errno and range): no sign other than a leading '-', no spaces, no
 * trailing garbage, no overflow. Dates are YYYY or YYYY-MM-DD, real calendar
 * dates, years within SITUATION_YEAR_MIN..SITUATION_YEAR_MAX.
 */
#ifndef CONCERTO_NUMBER_H
#define CONCERTO_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

#include "situation.h"

enum { NUMBER_YEAR_MIN = 1850, NUMBER_YEAR_MAX = 2100 };

/* True when text[0..length) is a decimal integer within [min, max]. */
bool number_parse_int(const char *text, size_t length, long min, long max, long *out);

enum date_problem {
	DATE_OK,
	DATE_BAD_FORM,  /* not YYYY nor YYYY-MM-DD */
	DATE_BAD_YEAR,  /* outside NUMBER_YEAR_MIN..NUMBER_YEAR_MAX */
	DATE_BAD_MONTH, /* not 01..12 */
	DATE_BAD_DAY,   /* not a day of that month (leap years counted) */
};

enum date_problem number_parse_date(const char *text, size_t length, struct situation_date *out);
int number_days_in_month(int year, int month);

#endif
