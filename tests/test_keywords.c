/*
 * test_keywords: every spelling of every keyword, key, flag and value is
 * found, in any case and with or without accents; near misses get the
 * nearest spelling; lists read "f, m (h), x".
 */
#include <ctype.h>

#include "check.h"
#include "keywords.h"
#include "situation.h"

static const struct keyword_set *const sets[] = {
    &keyword_statements, &keyword_of,          &keyword_keys,           &keyword_flags,
    &keyword_sexes,      &keyword_circles,     &keyword_union_statuses, &keyword_sectors,
    &keyword_link_kinds, &keyword_phase_types, &keyword_langs,          &keyword_themes,
};

/* Removes the accents the way a hurried typist would: é → e, à → a... */
static void strip_accents(const char *in, char *out, size_t size)
{
	static const struct {
		const char *accented;
		char plain;
	} map[] = {{"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"à", 'a'}, {"ô", 'o'}, {"ç", 'c'}};
	size_t used = 0;
	while (*in && used + 1 < size) {
		bool is_mapped = false;
		for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
			size_t length = strlen(map[i].accented);
			if (strncmp(in, map[i].accented, length) == 0) {
				out[used++] = map[i].plain;
				in += length;
				is_mapped = true;
				break;
			}
		}
		if (!is_mapped)
			out[used++] = *in++;
	}
	out[used] = '\0';
}

static void upper_ascii(const char *in, char *out, size_t size)
{
	size_t i = 0;
	for (; in[i] && i + 1 < size; i++)
		out[i] = (char)toupper((unsigned char)in[i]);
	out[i] = '\0';
}

static void test_every_spelling(void)
{
	for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
		const struct keyword_set *set = sets[s];
		for (size_t i = 0; i < set->count; i++) {
			const char *spelling = set->items[i].spelling;
			int value = set->items[i].value;
			char variant[64];
			CHECK_INT_EQ(keyword_lookup(set, spelling, strlen(spelling)), value);
			upper_ascii(spelling, variant, sizeof variant);
			CHECK_INT_EQ(keyword_lookup(set, variant, strlen(variant)), value);
			strip_accents(spelling, variant, sizeof variant);
			CHECK_INT_EQ(keyword_lookup(set, variant, strlen(variant)), value);
			upper_ascii(variant, variant, sizeof variant);
			CHECK_INT_EQ(keyword_lookup(set, variant, strlen(variant)), value);
		}
	}
}

/* FORMAT.md's table, English then French, checked one by one. */
static void test_format_table(void)
{
	static const struct {
		const struct keyword_set *set;
		const char *word;
		int value;
	} table[] = {
	    {&keyword_statements, "situation", STATEMENT_SITUATION},
	    {&keyword_statements, "person", STATEMENT_PERSON},
	    {&keyword_statements, "personne", STATEMENT_PERSON},
	    {&keyword_statements, "union", STATEMENT_UNION},
	    {&keyword_statements, "child", STATEMENT_CHILD},
	    {&keyword_statements, "enfant", STATEMENT_CHILD},
	    {&keyword_statements, "ENFANT", STATEMENT_CHILD},
	    {&keyword_statements, "Enfant", STATEMENT_CHILD},
	    {&keyword_statements, "household", STATEMENT_HOUSEHOLD},
	    {&keyword_statements, "foyer", STATEMENT_HOUSEHOLD},
	    {&keyword_statements, "institution", STATEMENT_INSTITUTION},
	    {&keyword_statements, "pro", STATEMENT_PRO},
	    {&keyword_statements, "professionnel", STATEMENT_PRO},
	    {&keyword_statements, "professionnelle", STATEMENT_PRO},
	    {&keyword_statements, "link", STATEMENT_LINK},
	    {&keyword_statements, "lien", STATEMENT_LINK},
	    {&keyword_statements, "field", STATEMENT_FIELD},
	    {&keyword_statements, "champ", STATEMENT_FIELD},
	    {&keyword_statements, "phase", STATEMENT_PHASE},
	    {&keyword_of, "of", 0},
	    {&keyword_of, "de", 0},
	    {&keyword_of, "DE", 0},
	    {&keyword_keys, "date", KEY_DATE},
	    {&keyword_keys, "place", KEY_PLACE},
	    {&keyword_keys, "lieu", KEY_PLACE},
	    {&keyword_keys, "lang", KEY_LANG},
	    {&keyword_keys, "langue", KEY_LANG},
	    {&keyword_keys, "next", KEY_NEXT},
	    {&keyword_keys, "suite", KEY_NEXT},
	    {&keyword_keys, "theme", KEY_THEME},
	    {&keyword_keys, "thème", KEY_THEME},
	    {&keyword_keys, "type", KEY_TYPE},
	    {&keyword_keys, "text", KEY_TEXT},
	    {&keyword_keys, "texte", KEY_TEXT},
	    {&keyword_keys, "order", KEY_ORDER},
	    {&keyword_keys, "ordre", KEY_ORDER},
	    {&keyword_keys, "sex", KEY_SEX},
	    {&keyword_keys, "sexe", KEY_SEX},
	    {&keyword_keys, "born", KEY_BORN},
	    {&keyword_keys, "né", KEY_BORN},
	    {&keyword_keys, "née", KEY_BORN},
	    {&keyword_keys, "Née", KEY_BORN},
	    {&keyword_keys, "NÉE", KEY_BORN},
	    {&keyword_keys, "ne", KEY_BORN},
	    {&keyword_keys, "nee", KEY_BORN},
	    {&keyword_keys, "died", KEY_DIED},
	    {&keyword_keys, "décès", KEY_DIED},
	    {&keyword_keys, "deces", KEY_DIED},
	    {&keyword_keys, "DÉCÈS", KEY_DIED},
	    {&keyword_keys, "role", KEY_ROLE},
	    {&keyword_keys, "rôle", KEY_ROLE},
	    {&keyword_keys, "circle", KEY_CIRCLE},
	    {&keyword_keys, "cercle", KEY_CIRCLE},
	    {&keyword_keys, "status", KEY_STATUS},
	    {&keyword_keys, "statut", KEY_STATUS},
	    {&keyword_keys, "since", KEY_SINCE},
	    {&keyword_keys, "depuis", KEY_SINCE},
	    {&keyword_keys, "until", KEY_UNTIL},
	    {&keyword_keys, "jusqua", KEY_UNTIL},
	    {&keyword_keys, "jusqu'à", KEY_UNTIL},
	    {&keyword_keys, "jusqu’à", KEY_UNTIL},
	    {&keyword_keys, "JUSQU'A", KEY_UNTIL},
	    {&keyword_keys, "at", KEY_AT},
	    {&keyword_keys, "chez", KEY_AT},
	    {&keyword_keys, "sector", KEY_SECTOR},
	    {&keyword_keys, "secteur", KEY_SECTOR},
	    {&keyword_keys, "kind", KEY_KIND},
	    {&keyword_keys, "nature", KEY_KIND},
	    {&keyword_flags, "deceased", FLAG_DECEASED},
	    {&keyword_flags, "décédé", FLAG_DECEASED},
	    {&keyword_flags, "décédée", FLAG_DECEASED},
	    {&keyword_flags, "decedee", FLAG_DECEASED},
	    {&keyword_flags, "index", FLAG_INDEX},
	    {&keyword_flags, "absent", FLAG_ABSENT},
	    {&keyword_flags, "absente", FLAG_ABSENT},
	    {&keyword_flags, "adopted", FLAG_ADOPTED},
	    {&keyword_flags, "adopté", FLAG_ADOPTED},
	    {&keyword_flags, "adoptée", FLAG_ADOPTED},
	    {&keyword_flags, "adopte", FLAG_ADOPTED},
	    {&keyword_flags, "foster", FLAG_FOSTER},
	    {&keyword_flags, "accueil", FLAG_FOSTER},
	    {&keyword_flags, "arrow", FLAG_ARROW},
	    {&keyword_flags, "flèche", FLAG_ARROW},
	    {&keyword_flags, "fleche", FLAG_ARROW},
	    {&keyword_flags, "FLÈCHE", FLAG_ARROW},
	    {&keyword_sexes, "f", SEX_F},
	    {&keyword_sexes, "m", SEX_M},
	    {&keyword_sexes, "h", SEX_M},
	    {&keyword_sexes, "x", SEX_X},
	    {&keyword_sexes, "F", SEX_F},
	    {&keyword_circles, "family", CIRCLE_FAMILY},
	    {&keyword_circles, "famille", CIRCLE_FAMILY},
	    {&keyword_circles, "friend", CIRCLE_FRIEND},
	    {&keyword_circles, "ami", CIRCLE_FRIEND},
	    {&keyword_circles, "neighbour", CIRCLE_NEIGHBOUR},
	    {&keyword_circles, "voisin", CIRCLE_NEIGHBOUR},
	    {&keyword_circles, "other", CIRCLE_OTHER},
	    {&keyword_circles, "autre", CIRCLE_OTHER},
	    {&keyword_union_statuses, "married", UNION_MARRIED},
	    {&keyword_union_statuses, "marie", UNION_MARRIED},
	    {&keyword_union_statuses, "marié", UNION_MARRIED},
	    {&keyword_union_statuses, "together", UNION_TOGETHER},
	    {&keyword_union_statuses, "ensemble", UNION_TOGETHER},
	    {&keyword_union_statuses, "separated", UNION_SEPARATED},
	    {&keyword_union_statuses, "separe", UNION_SEPARATED},
	    {&keyword_union_statuses, "divorced", UNION_DIVORCED},
	    {&keyword_union_statuses, "divorce", UNION_DIVORCED},
	    {&keyword_union_statuses, "widowed", UNION_WIDOWED},
	    {&keyword_union_statuses, "veuf", UNION_WIDOWED},
	    {&keyword_sectors, "aid", SECTOR_AID},
	    {&keyword_sectors, "aide", SECTOR_AID},
	    {&keyword_sectors, "care", SECTOR_CARE},
	    {&keyword_sectors, "soin", SECTOR_CARE},
	    {&keyword_sectors, "education", SECTOR_EDUCATION},
	    {&keyword_sectors, "control", SECTOR_CONTROL},
	    {&keyword_sectors, "controle", SECTOR_CONTROL},
	    {&keyword_sectors, "culture", SECTOR_CULTURE},
	    {&keyword_sectors, "other", SECTOR_OTHER},
	    {&keyword_sectors, "autre", SECTOR_OTHER},
	    {&keyword_link_kinds, "work", LINK_WORK},
	    {&keyword_link_kinds, "travail", LINK_WORK},
	    {&keyword_link_kinds, "close", LINK_CLOSE},
	    {&keyword_link_kinds, "proche", LINK_CLOSE},
	    {&keyword_link_kinds, "support", LINK_SUPPORT},
	    {&keyword_link_kinds, "soutien", LINK_SUPPORT},
	    {&keyword_link_kinds, "conflict", LINK_CONFLICT},
	    {&keyword_link_kinds, "conflit", LINK_CONFLICT},
	    {&keyword_link_kinds, "distant", LINK_DISTANT},
	    {&keyword_link_kinds, "cutoff", LINK_CUTOFF},
	    {&keyword_link_kinds, "rupture", LINK_CUTOFF},
	    {&keyword_link_kinds, "mandate", LINK_MANDATE},
	    {&keyword_link_kinds, "mandat", LINK_MANDATE},
	    {&keyword_phase_types, "title", PHASE_TITLE},
	    {&keyword_phase_types, "titre", PHASE_TITLE},
	    {&keyword_phase_types, "round", PHASE_ROUND},
	    {&keyword_phase_types, "tour", PHASE_ROUND},
	    {&keyword_phase_types, "network", PHASE_NETWORK},
	    {&keyword_phase_types, "reseau", PHASE_NETWORK},
	    {&keyword_phase_types, "fields", PHASE_FIELDS},
	    {&keyword_phase_types, "champs", PHASE_FIELDS},
	    {&keyword_phase_types, "text", PHASE_TEXT},
	    {&keyword_phase_types, "texte", PHASE_TEXT},
	    {&keyword_langs, "fr", LANG_FR},
	    {&keyword_langs, "en", LANG_EN},
	    {&keyword_themes, "dark", THEME_DARK},
	    {&keyword_themes, "light", THEME_LIGHT},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		int value = keyword_lookup(table[i].set, table[i].word, strlen(table[i].word));
		if (value != table[i].value)
			fprintf(stderr, "  word: %s\n", table[i].word);
		CHECK_INT_EQ(value, table[i].value);
	}
	/* not keywords */
	static const char *const misses[] = {"",
	                                     "persons",
	                                     "élève",
	                                     "enfants",
	                                     "li en",
	                                     "link\xff",
	                                     "personne_",
	                                     "situationsituationsituation"
	                                     "situationsituationsituation"
	                                     "situationsituation"};
	for (size_t i = 0; i < sizeof misses / sizeof misses[0]; i++)
		CHECK_INT_EQ(keyword_lookup(&keyword_statements, misses[i], strlen(misses[i])), -1);
}

static void test_fold(void)
{
	char out[KEYWORD_FOLD_MAX];
	CHECK(keyword_fold("ÉLÈVE", strlen("ÉLÈVE"), out, sizeof out));
	CHECK_STR_EQ(out, "eleve");
	CHECK(keyword_fold("Jusqu’À", strlen("Jusqu’À"), out, sizeof out));
	CHECK_STR_EQ(out, "jusqua");
	CHECK(keyword_fold("Cœur ß", strlen("Cœur ß"), out, sizeof out));
	CHECK_STR_EQ(out, "coeur ss");
	CHECK(keyword_fold("李", strlen("李"), out, sizeof out));
	CHECK_STR_EQ(out, "李");
	CHECK(!keyword_fold("\xC3", 1, out, sizeof out)); /* cut sequence */
	CHECK(!keyword_fold("abcdefgh", 8, out, 4));      /* too long */
}

static void test_suggestions(void)
{
	static const struct {
		const struct keyword_set *set;
		const char *typo;
		const char *expected; /* NULL: no suggestion */
	} table[] = {
	    {&keyword_statements, "personn", "personne"},
	    {&keyword_statements, "persn", "person"},
	    {&keyword_statements, "lein", "lien"},
	    {&keyword_statements, "enfnat", "enfant"},
	    {&keyword_statements, "chil", "child"},
	    {&keyword_statements, "foyre", "foyer"},
	    {&keyword_statements, "institutoin", "institution"},
	    {&keyword_statements, "situaton", "situation"},
	    {&keyword_statements, "phse", "phase"},
	    {&keyword_statements, "xyz", NULL},
	    {&keyword_statements, "q", NULL},
	    {&keyword_statements, "zzzzzzzzzzzz", NULL},
	    {&keyword_keys, "secter", "secteur"},
	    {&keyword_keys, "natur", "nature"},
	    {&keyword_sexes, "y", NULL},
	    {&keyword_sectors, "educaton", "education"},
	    {&keyword_link_kinds, "soutient", "soutien"},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const char *near =
		    keyword_suggest(table[i].set, table[i].typo, strlen(table[i].typo), ~0u);
		if (table[i].expected)
			CHECK_STR_EQ(near, table[i].expected);
		else
			CHECK(near == NULL);
	}
	/* limited to the allowed values */
	CHECK(keyword_suggest(&keyword_flags, "arow", 4, 1u << FLAG_INDEX) == NULL);
	CHECK_STR_EQ(keyword_suggest(&keyword_flags, "arow", 4, ~0u), "arrow");
	CHECK_INT_EQ(keyword_edit_distance("abc", 3, "abc", 3), 0);
	CHECK_INT_EQ(keyword_edit_distance("abc", 3, "acb", 3), 1);
	CHECK_INT_EQ(keyword_edit_distance("", 0, "abc", 3), 3);
	CHECK_INT_EQ(keyword_edit_distance("kitten", 6, "sitting", 7), 3);
}

static void test_lists(void)
{
	char buffer[512];
	CHECK_STR_EQ(keyword_list(&keyword_sexes, ~0u, true, buffer, sizeof buffer), "f, m (h), x");
	CHECK_STR_EQ(keyword_list(&keyword_themes, ~0u, true, buffer, sizeof buffer),
	             "light (clair), dark (sombre)");
	CHECK_STR_EQ(keyword_list(&keyword_keys, (1u << KEY_AT) | (1u << KEY_ROLE), false, buffer,
	                          sizeof buffer),
	             "role, at");
	CHECK_STR_EQ(keyword_list(&keyword_sexes, ~0u, true, buffer, 5), "f, m");
	CHECK_STR_EQ(keyword_name(&keyword_link_kinds, LINK_CUTOFF), "cutoff");
	CHECK(keyword_name(&keyword_link_kinds, 99) == NULL);
}

int main(void)
{
	test_every_spelling();
	test_format_table();
	test_fold();
	test_suggestions();
	test_lists();
	return check_report("test_keywords");
}
