/*
 * keywords: the English and French spellings of every keyword, attribute key,
 * flag and enumerated value of FORMAT.md, as constant tables, and the
 * forgiving matcher the parser uses on them.
 *
 * Matching folds both sides: ASCII case, Latin accents (é→e, à→a, œ→oe,
 * ß→ss) and apostrophes (so `jusqu'à`, `jusqu’à` and `jusqua` are one word).
 * Adding an alias is one line in keywords.c.
 */
#ifndef CONCERTO_KEYWORDS_H
#define CONCERTO_KEYWORDS_H

#include <stdbool.h>
#include <stddef.h>

enum statement_kind {
	STATEMENT_SITUATION,
	STATEMENT_PERSON,
	STATEMENT_UNION,
	STATEMENT_CHILD,
	STATEMENT_HOUSEHOLD,
	STATEMENT_INSTITUTION,
	STATEMENT_PRO,
	STATEMENT_LINK,
	STATEMENT_FIELD,
	STATEMENT_PHASE,
	STATEMENT_COUNT
};

enum attribute_key {
	KEY_DATE,
	KEY_PLACE,
	KEY_LANG,
	KEY_NEXT,
	KEY_THEME,
	KEY_TYPE,
	KEY_TEXT,
	KEY_ORDER,
	KEY_SEX,
	KEY_BORN,
	KEY_DIED,
	KEY_ROLE,
	KEY_CIRCLE,
	KEY_STATUS,
	KEY_SINCE,
	KEY_UNTIL,
	KEY_AT,
	KEY_SECTOR,
	KEY_KIND,
	KEY_COUNT
};

enum flag {
	FLAG_DECEASED,
	FLAG_INDEX,
	FLAG_ABSENT,
	FLAG_ADOPTED,
	FLAG_FOSTER,
	FLAG_ARROW,
	FLAG_COUNT
};

struct keyword {
	const char *spelling; /* as shown in messages; the first of a value is English */
	int value;
};

struct keyword_set {
	const char *what; /* "keyword", "sex", "sector"... for messages */
	const struct keyword *items;
	size_t count;
};

extern const struct keyword_set keyword_statements;
extern const struct keyword_set keyword_of; /* `of` / `de` in child statements */
extern const struct keyword_set keyword_keys;
extern const struct keyword_set keyword_flags;
extern const struct keyword_set keyword_sexes;          /* enum sex */
extern const struct keyword_set keyword_circles;        /* enum circle */
extern const struct keyword_set keyword_union_statuses; /* enum union_status */
extern const struct keyword_set keyword_sectors;        /* enum sector */
extern const struct keyword_set keyword_link_kinds;     /* enum link_kind */
extern const struct keyword_set keyword_phase_types;    /* enum phase_type */
extern const struct keyword_set keyword_langs;          /* enum situation_lang */
extern const struct keyword_set keyword_themes;         /* enum situation_theme */

enum { KEYWORD_FOLD_MAX = 64 };

/* Folds text[0..length) into out (NUL-terminated, at most size-1 bytes).
 * False when it does not fit (then it matches no keyword). */
bool keyword_fold(const char *text, size_t length, char *out, size_t size);
/* The value of the word in the set, -1 when none. */
int keyword_lookup(const struct keyword_set *set, const char *text, size_t length);
/* The first spelling of a value (English), NULL when the value is not in the set. */
const char *keyword_name(const struct keyword_set *set, int value);
/* The nearest spelling by edit distance when close enough, else NULL.
 * `allowed_mask` limits the candidates to values whose bit is set (~0u: all). */
const char *keyword_suggest(const struct keyword_set *set, const char *text, size_t length,
                            unsigned allowed_mask);
/* "f, m (h), x": every value in table order, other spellings in parentheses,
 * limited to values whose bit is set in allowed_mask. Returns buffer. */
char *keyword_list(const struct keyword_set *set, unsigned allowed_mask, bool with_aliases,
                   char *buffer, size_t size);
/* Levenshtein distance of two byte strings (bounded inputs). */
size_t keyword_edit_distance(const char *a, size_t a_length, const char *b, size_t b_length);

#endif
