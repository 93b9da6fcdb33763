/*
 * words: the kiosk's own words, in French and English, as one table.
 * Adding a sentence is one row; the situation's lang= picks the column.
 */
#ifndef CONCERTO_WORDS_H
#define CONCERTO_WORDS_H

#include <stddef.h>

#include "situation.h"

enum word {
	WORD_METHOD, /* the method's protected name, written exactly so */
	WORD_PHASE_OF,
	WORD_PRESENTED_OF,
	WORD_ERRORS_TITLE,
	WORD_ERRORS_HINT,
	WORD_MORE_ERRORS,
	WORD_NEXT_MEETING,
	WORD_YEARS_OLD,
	WORD_ABSENT,
	/* the legend: sectors, then link kinds, in their enums' order, then
	 * the arrows' colours */
	WORD_SECTOR_FIRST,
	WORD_SECTOR_LAST = WORD_SECTOR_FIRST + SECTOR_COUNT - 1,
	WORD_LINK_FIRST,
	WORD_LINK_LAST = WORD_LINK_FIRST + LINK_KIND_COUNT - 1,
	WORD_ARROW_FIRST, /* arrow colours, in enum arrow_direction's order */
	WORD_ARROW_LAST = WORD_ARROW_FIRST + 3,
	WORD_COUNT
};

const char *words_get(enum situation_lang lang, enum word word);
/* "3 décembre 2026" / "3 December 2026"; "2026" when only the year is known. */
void words_format_date(enum situation_lang lang, struct situation_date date, char *buffer,
                       size_t size);

#endif
