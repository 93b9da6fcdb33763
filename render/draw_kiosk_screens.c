/*
 * draw_kiosk_screens: the idle screen, the empty-key screen and the chooser;
 * see kiosk_screens.h. Their words live in one table here, French and
 * English, picked by the kiosk's language.
 */
#include <stdio.h>

#include "kiosk_screens.h"
#include "words.h"

enum kiosk_word {
	KIOSK_WORD_INSERT,
	KIOSK_WORD_INSERT_HINT,
	KIOSK_WORD_EMPTY,
	KIOSK_WORD_EMPTY_HINT,
	KIOSK_WORD_UNREADABLE,
	KIOSK_WORD_UNREADABLE_HINT,
	KIOSK_WORD_UNOPENED,
	KIOSK_WORD_UNOPENED_HINT,
	KIOSK_WORD_READ_ERRORS,
	KIOSK_WORD_READ_ERRORS_HINT,
	KIOSK_WORD_TOO_FULL,
	KIOSK_WORD_TOO_FULL_HINT,
	KIOSK_WORD_CHOOSE,
	KIOSK_WORD_CHOOSE_HINT,
	KIOSK_WORD_ERRORS,
	KIOSK_WORD_NOTICE_NOT_LISTED,
	KIOSK_WORD_NOTICE_READ_ERRORS,
	KIOSK_WORD_NOTICE_TOO_FULL,
	KIOSK_WORD_COUNT
};

static const char *const kiosk_words[KIOSK_WORD_COUNT][2] = {
    [KIOSK_WORD_INSERT] = {"Insérez la clé USB de la situation",
                           "Insert the USB key of the situation"},
    [KIOSK_WORD_INSERT_HINT] = {"Rien n'est enregistré sur cet appareil.",
                                "Nothing is stored on this device."},
    [KIOSK_WORD_EMPTY] = {"Aucune situation sur cette clé", "No situation on this key"},
    /* One folder down is looked at, no further (media_scan). */
    [KIOSK_WORD_EMPTY_HINT] = {"Enregistrez le fichier sous un nom qui finit par .situation, à "
                               "la racine de la clé ou dans un dossier à la racine, pas dans un "
                               "sous-dossier.",
                               "Save the file with a name ending in .situation, at the top of "
                               "the key or in a folder at the top, not in a subfolder."},
    [KIOSK_WORD_UNREADABLE] = {"Cette clé ne peut pas être lue", "This key cannot be read"},
    [KIOSK_WORD_UNREADABLE_HINT] = {"Retirez-la, puis rebranchez-la. Si cela recommence, "
                                    "vérifiez-la sur un ordinateur ou copiez la situation sur "
                                    "une autre clé.",
                                    "Take it out and plug it in again. If it happens again, "
                                    "check it on a computer or copy the situation onto another "
                                    "key."},
    [KIOSK_WORD_UNOPENED] = {"Cette clé ne peut pas être ouverte", "This key cannot be opened"},
    /* FAT32 and exFAT: what both Windows and macOS write, and every
     * kernel the kiosk runs on mounts. */
    [KIOSK_WORD_UNOPENED_HINT] = {"Elle est peut-être chiffrée (BitLocker, VeraCrypt…) ou "
                                  "formatée pour un autre système. Copiez la situation sur une "
                                  "clé non chiffrée, formatée en FAT32 ou exFAT.",
                                  "It may be encrypted (BitLocker, VeraCrypt…) or formatted for "
                                  "another system. Copy the situation onto an unencrypted key "
                                  "formatted as FAT32 or exFAT."},
    [KIOSK_WORD_READ_ERRORS] = {"Clé en partie illisible", "Key partly unreadable"},
    [KIOSK_WORD_READ_ERRORS_HINT] = {"Aucune situation dans ce qui a pu être lu. Retirez la clé, "
                                     "puis rebranchez-la ; si cela recommence, copiez la "
                                     "situation sur une autre clé.",
                                     "No situation in what could be read. Take the key out and "
                                     "plug it in again; if it happens again, copy the situation "
                                     "onto another key."},
    [KIOSK_WORD_TOO_FULL] = {"Trop de fichiers sur cette clé", "Too many files on this key"},
    /* The root's files are looked at first: a situation there is found. */
    [KIOSK_WORD_TOO_FULL_HINT] = {"Elle n'a pas pu être parcourue en entier, et aucune situation "
                                  "n'a été trouvée. Enregistrez la situation à la racine de la "
                                  "clé, ou sur une clé moins remplie.",
                                  "It could not be looked through in full, and no situation was "
                                  "found. Save the situation at the top of the key, or on a key "
                                  "with fewer files."},
    [KIOSK_WORD_CHOOSE] = {"Choisissez la situation", "Choose the situation"},
    [KIOSK_WORD_CHOOSE_HINT] = {"Suivant / précédent pour choisir, Entrée, F5 ou toucher pour "
                                "ouvrir",
                                "Next / previous to choose, Enter, F5 or a tap to open"},
    [KIOSK_WORD_ERRORS] = {"%zu erreur(s) : ouvrir pour les voir",
                           "%zu error(s): open to see them"},
    [KIOSK_WORD_NOTICE_NOT_LISTED] = {"Seuls les %zu premiers fichiers sur %zu sont affichés : "
                                      "gardez sur la clé seulement les situations de la séance.",
                                      "Only the first %zu of %zu files are shown: keep only "
                                      "this session's situations on the key."},
    [KIOSK_WORD_NOTICE_READ_ERRORS] = {"Une partie de la clé n'a pas pu être lue : une situation "
                                       "peut manquer dans cette liste.",
                                       "Part of the key could not be read: a situation may be "
                                       "missing from this list."},
    [KIOSK_WORD_NOTICE_TOO_FULL] = {"Clé trop remplie pour être parcourue en entier : une "
                                    "situation peut manquer dans cette liste.",
                                    "Too many files to look through the whole key: a situation "
                                    "may be missing from this list."},
};

/* What each problem makes the key screens say. */
static const struct {
	const char *name;
	enum kiosk_word headline, hint; /* the empty-key screen */
	enum kiosk_word notice;         /* under the chooser; KIOSK_WORD_COUNT: none */
} kiosk_problems[KIOSK_KEY_PROBLEM_COUNT] = {
    [KIOSK_KEY_FINE] = {"fine", KIOSK_WORD_EMPTY, KIOSK_WORD_EMPTY_HINT, KIOSK_WORD_COUNT},
    [KIOSK_KEY_UNREADABLE] = {"unreadable", KIOSK_WORD_UNREADABLE, KIOSK_WORD_UNREADABLE_HINT,
                              KIOSK_WORD_NOTICE_READ_ERRORS},
    [KIOSK_KEY_NOT_LISTED] = {"not-listed", KIOSK_WORD_EMPTY, KIOSK_WORD_EMPTY_HINT,
                              KIOSK_WORD_NOTICE_NOT_LISTED},
    [KIOSK_KEY_READ_ERRORS] = {"read-errors", KIOSK_WORD_READ_ERRORS, KIOSK_WORD_READ_ERRORS_HINT,
                               KIOSK_WORD_NOTICE_READ_ERRORS},
    [KIOSK_KEY_TOO_FULL] = {"too-full", KIOSK_WORD_TOO_FULL, KIOSK_WORD_TOO_FULL_HINT,
                            KIOSK_WORD_NOTICE_TOO_FULL},
    /* Never a chooser: such a key offers no file. */
    [KIOSK_KEY_UNOPENED] = {"unopened", KIOSK_WORD_UNOPENED, KIOSK_WORD_UNOPENED_HINT,
                            KIOSK_WORD_COUNT},
};

static const char *kiosk_word(enum situation_lang lang, enum kiosk_word word)
{
	return kiosk_words[word][lang == LANG_EN ? 1 : 0];
}

static enum kiosk_key_problem kiosk_problem_checked(enum kiosk_key_problem problem)
{
	return (unsigned)problem < KIOSK_KEY_PROBLEM_COUNT ? problem : KIOSK_KEY_FINE;
}

const char *kiosk_key_problem_to_str(enum kiosk_key_problem problem)
{
	return kiosk_problems[kiosk_problem_checked(problem)].name;
}

void kiosk_key_words(enum situation_lang lang, bool is_key_in, enum kiosk_key_problem problem,
                     const char **headline, const char **hint)
{
	problem = kiosk_problem_checked(problem);
	*headline =
	    kiosk_word(lang, is_key_in ? kiosk_problems[problem].headline : KIOSK_WORD_INSERT);
	*hint = kiosk_word(lang, is_key_in ? kiosk_problems[problem].hint : KIOSK_WORD_INSERT_HINT);
}

bool kiosk_chooser_notice(enum situation_lang lang, const struct kiosk_chooser *chooser,
                          char *buffer, size_t size)
{
	enum kiosk_word notice = kiosk_problems[kiosk_problem_checked(chooser->problem)].notice;
	if (size)
		buffer[0] = '\0';
	if (notice == KIOSK_WORD_COUNT || size == 0)
		return false;
	snprintf(buffer, size, kiosk_word(lang, notice), chooser->count, chooser->found);
	return true;
}

static int kiosk_short_side(int width, int height)
{
	return width < height ? width : height;
}

void draw_idle_screen(struct draw_context *context, enum situation_lang lang, bool is_key_in,
                      enum kiosk_key_problem problem)
{
	const struct palette *palette = context->palette;
	draw_clear(context);
	const char *headline, *hint;
	kiosk_key_words(lang, is_key_in, problem, &headline, &hint);
	int unit = kiosk_short_side(context->width, context->height);
	float left = (float)context->width * 0.1f, width = (float)context->width * 0.8f;
	float y = (float)context->height * 0.3f;
	text_draw(context->text, words_get(lang, WORD_METHOD),
	          (struct text_style){unit / 28, TEXT_REGULAR, palette->work}, context->width / 2,
	          (int)y, 1, 0);
	y += (float)unit / 10;
	y += (float)draw_wrapped_text(
	    context, headline,
	    (struct text_style){unit / 14, TEXT_BOLD, is_key_in ? palette->error : palette->ink},
	    (SDL_FRect){left, y, width, 0}, 1);
	y += (float)unit / 20;
	draw_wrapped_text(context, hint,
	                  (struct text_style){unit / 30, TEXT_REGULAR, palette->muted_ink},
	                  (SDL_FRect){left, y, width, 0}, 1);
}

struct chooser_geometry {
	int margin;
	int list_top;
	int row_height;
	size_t first; /* first row shown */
	size_t visible;
	int notice_top; /* the notice's band, below the rows, to the foot; 0 without one */
};

static struct chooser_geometry chooser_geometry(int width, int height,
                                                const struct kiosk_chooser *chooser)
{
	int unit = kiosk_short_side(width, height);
	struct chooser_geometry geometry = {.margin = unit / 18};
	geometry.list_top = geometry.margin + unit / 13 + unit / 12;
	geometry.row_height = unit / 8 > 1 ? unit / 8 : 1;
	/* The notice's band (two lines of it, and air) takes the bottom
	 * margin's place; the rows stop a little above it. */
	int notice = chooser->problem != KIOSK_KEY_FINE ? unit / 7 : 0;
	int foot = notice ? notice + unit / 80 : geometry.margin;
	int room = (height - geometry.list_top - foot) / geometry.row_height;
	geometry.visible = room > 1 ? (size_t)room : 1;
	geometry.notice_top = notice ? height - notice : 0;
	size_t count = chooser->count, selected = chooser->selected;
	if (count > geometry.visible && selected >= geometry.visible / 2) {
		geometry.first = selected - geometry.visible / 2;
		if (geometry.first > count - geometry.visible)
			geometry.first = count - geometry.visible;
	}
	return geometry;
}

int kiosk_chooser_row_at(int width, int height, const struct kiosk_chooser *chooser, float x,
                         float y)
{
	struct chooser_geometry geometry = chooser_geometry(width, height, chooser);
	if (x < (float)geometry.margin || x > (float)(width - geometry.margin) ||
	    y < (float)geometry.list_top ||
	    (geometry.notice_top && y >= (float)geometry.notice_top))
		return -1;
	size_t row =
	    geometry.first + (size_t)((y - (float)geometry.list_top) / (float)geometry.row_height);
	if (row >= chooser->count || row >= geometry.first + geometry.visible)
		return -1;
	return (int)row;
}

/* The notice's band across the foot of the chooser: what the list lacks. */
static void draw_chooser_notice(struct draw_context *context, enum situation_lang lang,
                                const struct kiosk_chooser *chooser,
                                const struct chooser_geometry *geometry, int unit)
{
	char notice[512];
	if (!geometry->notice_top || !kiosk_chooser_notice(lang, chooser, notice, sizeof notice))
		return;
	const struct palette *palette = context->palette;
	SDL_Color tint = palette_with_alpha(palette->error, 28);
	SDL_SetRenderDrawColor(context->renderer, tint.r, tint.g, tint.b, tint.a);
	SDL_Rect area = {0, geometry->notice_top, context->width,
	                 context->height - geometry->notice_top};
	SDL_RenderFillRect(context->renderer, &area);
	SDL_SetRenderDrawColor(context->renderer, palette->error.r, palette->error.g,
	                       palette->error.b, 255);
	SDL_Rect rule = {0, geometry->notice_top, context->width, unit / 240 > 1 ? unit / 240 : 1};
	SDL_RenderFillRect(context->renderer, &rule);
	/* As large as two lines allow, down to the size of the hint above. */
	float width = (float)(context->width - 2 * geometry->margin);
	int band = context->height - geometry->notice_top;
	struct text_style style = {unit / 28, TEXT_BOLD, palette->error};
	int line_width = 0, line_height = 0;
	while (text_measure(context->text, notice, style, &line_width, &line_height) == 0 &&
	       style.px > unit / 34 && (float)line_width > width * 1.8f)
		style.px--;
	int lines = 1 + (int)((float)line_width / width);
	int top = geometry->notice_top + (band - lines * line_height) / 2;
	if (top < geometry->notice_top)
		top = geometry->notice_top;
	draw_wrapped_text(
	    context, notice, style,
	    (SDL_FRect){(float)geometry->margin, (float)top, width, (float)(context->height - top)},
	    0);
}

void draw_chooser_screen(struct draw_context *context, enum situation_lang lang,
                         const struct kiosk_chooser *chooser)
{
	const struct palette *palette = context->palette;
	draw_clear(context);
	int unit = kiosk_short_side(context->width, context->height);
	struct chooser_geometry geometry =
	    chooser_geometry(context->width, context->height, chooser);
	int margin = geometry.margin;
	text_draw(context->text, kiosk_word(lang, KIOSK_WORD_CHOOSE),
	          (struct text_style){unit / 20, TEXT_BOLD, palette->ink}, margin, margin, 0, 0);
	text_draw(context->text, kiosk_word(lang, KIOSK_WORD_CHOOSE_HINT),
	          (struct text_style){unit / 34, TEXT_REGULAR, palette->muted_ink}, margin,
	          margin + unit / 13, 0, 0);
	struct text_style title_style = {unit / 24, TEXT_BOLD, palette->ink};
	struct text_style detail_style = {unit / 38, TEXT_REGULAR, palette->muted_ink};
	struct text_style error_style = {unit / 38, TEXT_BOLD, palette->error};
	size_t count = chooser->count;
	for (size_t k = geometry.first; k < count && k < geometry.first + geometry.visible; k++) {
		const struct kiosk_chooser_item *item = &chooser->items[k];
		int top = geometry.list_top + (int)(k - geometry.first) * geometry.row_height;
		if (k == chooser->selected) {
			SDL_Color mark = palette_with_alpha(palette->highlight, 90);
			SDL_SetRenderDrawColor(context->renderer, mark.r, mark.g, mark.b, mark.a);
			SDL_Rect row = {margin / 2, top, context->width - margin,
			                geometry.row_height - unit / 80};
			SDL_RenderFillRect(context->renderer, &row);
		}
		int x = margin, y = top + unit / 60;
		text_draw(context->text, item->title ? item->title : item->file_name, title_style,
		          x, y, 0, 0);
		y += unit / 18;
		char detail[600];
		if (item->title) {
			char date[64];
			words_format_date(lang, item->date, date, sizeof date);
			snprintf(detail, sizeof detail, "%s%s%s", date, date[0] ? "  ·  " : "",
			         item->file_name);
			text_draw(context->text, detail, detail_style, x, y, 0, 0);
		} else {
			snprintf(detail, sizeof detail, kiosk_word(lang, KIOSK_WORD_ERRORS),
			         item->error_count);
			text_draw(context->text, detail, error_style, x, y, 0, 0);
		}
	}
	draw_chooser_notice(context, lang, chooser, &geometry, unit);
}
