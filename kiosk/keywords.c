/*
 * keywords: spelling tables and the accent- and case-insensitive matcher;
 * see keywords.h. The first spelling of each value is the English one, the
 * others are French (and a few forms FORMAT.md implies: feminine, plural).
 */
#include "keywords.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "situation.h"
#include "text_encoding.h"

#define KEYWORD_SET(name, what_text, table)                                                        \
	const struct keyword_set name = {what_text, table, sizeof table / sizeof table[0]}

static const struct keyword statements[] = {
    {"situation", STATEMENT_SITUATION},
    {"person", STATEMENT_PERSON},
    {"personne", STATEMENT_PERSON},
    {"union", STATEMENT_UNION},
    {"child", STATEMENT_CHILD},
    {"enfant", STATEMENT_CHILD},
    {"household", STATEMENT_HOUSEHOLD},
    {"foyer", STATEMENT_HOUSEHOLD},
    {"institution", STATEMENT_INSTITUTION},
    {"pro", STATEMENT_PRO},
    {"professionnel", STATEMENT_PRO},
    {"professionnelle", STATEMENT_PRO},
    {"link", STATEMENT_LINK},
    {"lien", STATEMENT_LINK},
    {"field", STATEMENT_FIELD},
    {"champ", STATEMENT_FIELD},
    {"phase", STATEMENT_PHASE},
};
KEYWORD_SET(keyword_statements, "keyword", statements);

static const struct keyword of_words[] = {{"of", 0}, {"de", 0}};
KEYWORD_SET(keyword_of, "word", of_words);

static const struct keyword keys[] = {
    {"date", KEY_DATE},     {"place", KEY_PLACE},   {"lieu", KEY_PLACE},    {"lang", KEY_LANG},
    {"langue", KEY_LANG},   {"next", KEY_NEXT},     {"suite", KEY_NEXT},    {"theme", KEY_THEME},
    {"thème", KEY_THEME},   {"type", KEY_TYPE},     {"text", KEY_TEXT},     {"texte", KEY_TEXT},
    {"order", KEY_ORDER},   {"ordre", KEY_ORDER},   {"sex", KEY_SEX},       {"sexe", KEY_SEX},
    {"born", KEY_BORN},     {"né", KEY_BORN},       {"née", KEY_BORN},      {"died", KEY_DIED},
    {"décès", KEY_DIED},    {"role", KEY_ROLE},     {"rôle", KEY_ROLE},     {"circle", KEY_CIRCLE},
    {"cercle", KEY_CIRCLE}, {"status", KEY_STATUS}, {"statut", KEY_STATUS}, {"since", KEY_SINCE},
    {"depuis", KEY_SINCE},  {"until", KEY_UNTIL},   {"jusqu'à", KEY_UNTIL}, {"jusqua", KEY_UNTIL},
    {"at", KEY_AT},         {"chez", KEY_AT},       {"sector", KEY_SECTOR}, {"secteur", KEY_SECTOR},
    {"kind", KEY_KIND},     {"nature", KEY_KIND},
};
KEYWORD_SET(keyword_keys, "attribute", keys);

static const struct keyword flags[] = {
    {"deceased", FLAG_DECEASED}, {"décédé", FLAG_DECEASED}, {"décédée", FLAG_DECEASED},
    {"index", FLAG_INDEX},       {"absent", FLAG_ABSENT},   {"absente", FLAG_ABSENT},
    {"adopted", FLAG_ADOPTED},   {"adopté", FLAG_ADOPTED},  {"adoptée", FLAG_ADOPTED},
    {"foster", FLAG_FOSTER},     {"accueil", FLAG_FOSTER},  {"arrow", FLAG_ARROW},
    {"flèche", FLAG_ARROW},
};
KEYWORD_SET(keyword_flags, "flag", flags);

static const struct keyword sexes[] = {
    {"f", SEX_F},
    {"m", SEX_M},
    {"h", SEX_M},
    {"x", SEX_X},
};
KEYWORD_SET(keyword_sexes, "sex", sexes);

static const struct keyword circles[] = {
    {"family", CIRCLE_FAMILY},      {"famille", CIRCLE_FAMILY},   {"friend", CIRCLE_FRIEND},
    {"ami", CIRCLE_FRIEND},         {"amie", CIRCLE_FRIEND},      {"neighbour", CIRCLE_NEIGHBOUR},
    {"neighbor", CIRCLE_NEIGHBOUR}, {"voisin", CIRCLE_NEIGHBOUR}, {"voisine", CIRCLE_NEIGHBOUR},
    {"other", CIRCLE_OTHER},        {"autre", CIRCLE_OTHER},
};
KEYWORD_SET(keyword_circles, "circle", circles);

static const struct keyword union_statuses[] = {
    {"together", UNION_TOGETHER},   {"ensemble", UNION_TOGETHER}, {"married", UNION_MARRIED},
    {"marié", UNION_MARRIED},       {"mariée", UNION_MARRIED},    {"mariés", UNION_MARRIED},
    {"separated", UNION_SEPARATED}, {"séparé", UNION_SEPARATED},  {"séparée", UNION_SEPARATED},
    {"séparés", UNION_SEPARATED},   {"divorced", UNION_DIVORCED}, {"divorcé", UNION_DIVORCED},
    {"divorcée", UNION_DIVORCED},   {"divorcés", UNION_DIVORCED}, {"widowed", UNION_WIDOWED},
    {"veuf", UNION_WIDOWED},        {"veuve", UNION_WIDOWED},
};
KEYWORD_SET(keyword_union_statuses, "status", union_statuses);

static const struct keyword sectors[] = {
    {"aid", SECTOR_AID},
    {"aide", SECTOR_AID},
    {"care", SECTOR_CARE},
    {"soin", SECTOR_CARE},
    {"soins", SECTOR_CARE},
    {"education", SECTOR_EDUCATION},
    {"éducation", SECTOR_EDUCATION},
    {"control", SECTOR_CONTROL},
    {"contrôle", SECTOR_CONTROL},
    {"culture", SECTOR_CULTURE},
    {"other", SECTOR_OTHER},
    {"autre", SECTOR_OTHER},
};
KEYWORD_SET(keyword_sectors, "sector", sectors);

static const struct keyword link_kinds[] = {
    {"work", LINK_WORK},         {"travail", LINK_WORK},     {"close", LINK_CLOSE},
    {"proche", LINK_CLOSE},      {"support", LINK_SUPPORT},  {"soutien", LINK_SUPPORT},
    {"conflict", LINK_CONFLICT}, {"conflit", LINK_CONFLICT}, {"distant", LINK_DISTANT},
    {"cutoff", LINK_CUTOFF},     {"rupture", LINK_CUTOFF},   {"mandate", LINK_MANDATE},
    {"mandat", LINK_MANDATE},
};
KEYWORD_SET(keyword_link_kinds, "kind", link_kinds);

static const struct keyword phase_types[] = {
    {"title", PHASE_TITLE},   {"titre", PHASE_TITLE},     {"round", PHASE_ROUND},
    {"tour", PHASE_ROUND},    {"network", PHASE_NETWORK}, {"réseau", PHASE_NETWORK},
    {"fields", PHASE_FIELDS}, {"champs", PHASE_FIELDS},   {"text", PHASE_TEXT},
    {"texte", PHASE_TEXT},
};
KEYWORD_SET(keyword_phase_types, "phase type", phase_types);

static const struct keyword langs[] = {
    {"fr", LANG_FR},      {"en", LANG_EN},      {"français", LANG_FR},
    {"english", LANG_EN}, {"anglais", LANG_EN},
};
KEYWORD_SET(keyword_langs, "lang", langs);

static const struct keyword themes[] = {
    {"light", THEME_LIGHT},
    {"clair", THEME_LIGHT},
    {"dark", THEME_DARK},
    {"sombre", THEME_DARK},
};
KEYWORD_SET(keyword_themes, "theme", themes);

/* Folded form of a code point: ASCII lower case, Latin letters without their
 * accents; "" for apostrophes; NULL when the code point has no folded form. */
static const char *fold_code_point(uint32_t c)
{
	/* U+00C0..U+00FF, upper and lower case share the table. */
	static const char *const latin1[64] = {
	    "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i",
	    "d", "n", "o", "o", "o", "o", "o",  NULL, "o", "u", "u", "u", "u", "y", NULL, "ss",
	    "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i",
	    "d", "n", "o", "o", "o", "o", "o",  NULL, "o", "u", "u", "u", "u", "y", NULL, "y",
	};
	if (c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC)
		return "";
	if (c >= 0xC0 && c <= 0xFF)
		return latin1[c - 0xC0];
	if (c == 0x152 || c == 0x153)
		return "oe";
	return NULL;
}

bool keyword_fold(const char *text, size_t length, char *out, size_t size)
{
	size_t used = 0;
	size_t at = 0;
	if (size == 0)
		return false;
	while (at < length) {
		uint32_t c;
		size_t step = utf8_decode(text + at, length - at, &c);
		if (step == 0)
			return false;
		char ascii[2] = {0, 0};
		const char *piece;
		size_t piece_length;
		if (c < 0x80) {
			ascii[0] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			piece = ascii;
			piece_length = 1;
		} else if ((piece = fold_code_point(c)) != NULL) {
			piece_length = strlen(piece);
		} else {
			piece = text + at; /* kept as is: matches no keyword */
			piece_length = step;
		}
		if (used + piece_length >= size)
			return false;
		memcpy(out + used, piece, piece_length);
		used += piece_length;
		at += step;
	}
	out[used] = '\0';
	return true;
}

int keyword_lookup(const struct keyword_set *set, const char *text, size_t length)
{
	char folded[KEYWORD_FOLD_MAX];
	char candidate[KEYWORD_FOLD_MAX];
	if (!keyword_fold(text, length, folded, sizeof folded))
		return -1;
	for (size_t i = 0; i < set->count; i++) {
		const char *spelling = set->items[i].spelling;
		if (keyword_fold(spelling, strlen(spelling), candidate, sizeof candidate) &&
		    strcmp(folded, candidate) == 0)
			return set->items[i].value;
	}
	return -1;
}

const char *keyword_name(const struct keyword_set *set, int value)
{
	for (size_t i = 0; i < set->count; i++)
		if (set->items[i].value == value)
			return set->items[i].spelling;
	return NULL;
}

size_t keyword_edit_distance(const char *a, size_t a_length, const char *b, size_t b_length)
{
	/* Optimal string alignment (Levenshtein plus adjacent transposition),
	 * on the first KEYWORD_FOLD_MAX bytes: enough to rank near words. */
	enum { MAX = KEYWORD_FOLD_MAX };
	if (a_length > MAX)
		a_length = MAX;
	if (b_length > MAX)
		b_length = MAX;
	size_t rows[3][MAX + 1];
	size_t *before = rows[0], *previous = rows[1], *current = rows[2];
	for (size_t j = 0; j <= b_length; j++)
		previous[j] = j;
	for (size_t i = 1; i <= a_length; i++) {
		current[0] = i;
		for (size_t j = 1; j <= b_length; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = previous[j] + 1;
			if (current[j - 1] + 1 < best)
				best = current[j - 1] + 1;
			if (previous[j - 1] + cost < best)
				best = previous[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    before[j - 2] + 1 < best)
				best = before[j - 2] + 1;
			current[j] = best;
		}
		size_t *recycled = before;
		before = previous;
		previous = current;
		current = recycled;
	}
	return previous[b_length];
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

const char *keyword_suggest(const struct keyword_set *set, const char *text, size_t length,
                            unsigned allowed_mask)
{
	char folded[KEYWORD_FOLD_MAX];
	char candidate[KEYWORD_FOLD_MAX];
	if (!keyword_fold(text, length, folded, sizeof folded))
		return NULL;
	size_t folded_length = strlen(folded);
	/* One- and two-letter words share too little with anything to guess. */
	size_t limit = folded_length <= 2 ? 0 : folded_length <= 3 ? 1 : folded_length <= 6 ? 2 : 3;
	const char *best = NULL;
	size_t best_distance = limit + 1;
	size_t best_prefix = 0;
	for (size_t i = 0; i < set->count; i++) {
		const struct keyword *item = &set->items[i];
		if (item->value < 32 && !(allowed_mask & (1u << item->value)))
			continue;
		if (!keyword_fold(item->spelling, strlen(item->spelling), candidate,
		                  sizeof candidate))
			continue;
		size_t distance =
		    keyword_edit_distance(folded, folded_length, candidate, strlen(candidate));
		size_t prefix = common_prefix(folded, candidate);
		if (distance >= strlen(candidate))
			continue; /* nothing in common */
		/* Ties go to the longer shared prefix: "personn" → "personne". */
		if (distance < best_distance ||
		    (distance == best_distance && prefix > best_prefix)) {
			best = item->spelling;
			best_distance = distance;
			best_prefix = prefix;
		}
	}
	return best;
}

static void append(char *buffer, size_t size, size_t *used, const char *text)
{
	int written = snprintf(buffer + *used, size - *used, "%s", text);
	if (written > 0)
		*used = *used + (size_t)written >= size ? size - 1 : *used + (size_t)written;
}

char *keyword_list(const struct keyword_set *set, unsigned allowed_mask, bool with_aliases,
                   char *buffer, size_t size)
{
	size_t used = 0;
	if (size == 0)
		return buffer;
	buffer[0] = '\0';
	for (size_t i = 0; i < set->count; i++) {
		int value = set->items[i].value;
		if (value < 32 && !(allowed_mask & (1u << value)))
			continue;
		if (keyword_name(set, value) != set->items[i].spelling)
			continue; /* an alias, listed with its first spelling */
		if (used > 0)
			append(buffer, size, &used, ", ");
		append(buffer, size, &used, set->items[i].spelling);
		if (!with_aliases)
			continue;
		bool has_open = false;
		for (size_t j = i + 1; j < set->count; j++) {
			if (set->items[j].value != value)
				continue;
			append(buffer, size, &used, has_open ? ", " : " (");
			append(buffer, size, &used, set->items[j].spelling);
			has_open = true;
		}
		if (has_open)
			append(buffer, size, &used, ")");
	}
	return buffer;
}
