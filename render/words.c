/*
 * words: the French and English strings of the interface; see words.h.
 */
#include "words.h"

#include <stdio.h>

static const char *const words_table[WORD_COUNT][2] = {
    [WORD_METHOD] = {"Clinique de Concertation", "Clinique de Concertation"},
    [WORD_PHASE_OF] = {"phase %zu / %zu", "phase %zu / %zu"},
    [WORD_PRESENTED_OF] = {"· présentation %zu sur %zu", "· introduction %zu of %zu"},
    [WORD_ERRORS_TITLE] = {"Le fichier de la situation contient des erreurs",
                           "The situation file has errors"},
    [WORD_ERRORS_HINT] = {"Corrigez ces lignes sur un ordinateur, puis rebranchez la clé.",
                          "Fix these lines on a computer, then plug the key in again."},
    [WORD_MORE_ERRORS] = {"… et %zu autres", "… and %zu more"},
    [WORD_NEXT_MEETING] = {"Prochaine rencontre", "Next meeting"},
    [WORD_YEARS_OLD] = {"%d ans", "%d years"},
    [WORD_ABSENT] = {"absent·e aujourd'hui", "not here today"},
    [WORD_SECTOR_FIRST + SECTOR_AID] = {"Aide sociale", "Social aid"},
    [WORD_SECTOR_FIRST + SECTOR_CARE] = {"Soin", "Care"},
    [WORD_SECTOR_FIRST + SECTOR_EDUCATION] = {"Éducation", "Education"},
    [WORD_SECTOR_FIRST + SECTOR_CONTROL] = {"Contrôle / justice", "Control / justice"},
    [WORD_SECTOR_FIRST + SECTOR_CULTURE] = {"Culture", "Culture"},
    [WORD_SECTOR_FIRST + SECTOR_OTHER] = {"Autre", "Other"},
    [WORD_LINK_FIRST + LINK_WORK] = {"Travail", "Work"},
    [WORD_LINK_FIRST + LINK_CLOSE] = {"Proche", "Close"},
    [WORD_LINK_FIRST + LINK_SUPPORT] = {"Soutien", "Support"},
    [WORD_LINK_FIRST + LINK_CONFLICT] = {"Conflit", "Conflict"},
    [WORD_LINK_FIRST + LINK_DISTANT] = {"Distant", "Distant"},
    [WORD_LINK_FIRST + LINK_CUTOFF] = {"Rupture", "Cut-off"},
    [WORD_LINK_FIRST + LINK_MANDATE] = {"Mandat", "Mandate"},
    /* enum arrow_direction's order (palette.h; legend.c checks it) */
    [WORD_ARROW_FIRST + 0] = {"Entre proches", "Among family"},
    [WORD_ARROW_FIRST + 1] = {"Entre professionnels", "Among professionals"},
    [WORD_ARROW_FIRST + 2] = {"Famille → professionnel", "Family → professional"},
    [WORD_ARROW_FIRST + 3] = {"Professionnel → famille", "Professional → family"},
};

static const char *const words_months[12][2] = {
    {"janvier", "January"}, {"février", "February"},  {"mars", "March"},
    {"avril", "April"},     {"mai", "May"},           {"juin", "June"},
    {"juillet", "July"},    {"août", "August"},       {"septembre", "September"},
    {"octobre", "October"}, {"novembre", "November"}, {"décembre", "December"},
};

const char *words_get(enum situation_lang lang, enum word word)
{
	if (word < 0 || word >= WORD_COUNT)
		return "";
	return words_table[word][lang == LANG_EN ? 1 : 0];
}

void words_format_date(enum situation_lang lang, struct situation_date date, char *buffer,
                       size_t size)
{
	int column = lang == LANG_EN ? 1 : 0;
	if (date.year <= 0)
		snprintf(buffer, size, "%s", "");
	else if (date.month < 1 || date.month > 12)
		snprintf(buffer, size, "%d", date.year);
	else if (date.day < 1)
		snprintf(buffer, size, "%s %d", words_months[date.month - 1][column], date.year);
	else
		snprintf(buffer, size, "%d %s %d", date.day, words_months[date.month - 1][column],
		         date.year);
}
