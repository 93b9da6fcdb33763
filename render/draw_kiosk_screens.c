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
	KIOSK_WORD_CHOOSE,
	KIOSK_WORD_CHOOSE_HINT,
	KIOSK_WORD_ERRORS,
	KIOSK_WORD_COUNT
};

static const char *const kiosk_words[KIOSK_WORD_COUNT][2] = {
    [KIOSK_WORD_INSERT] = {"Insérez la clé USB de la situation",
                           "Insert the USB key of the situation"},
    [KIOSK_WORD_INSERT_HINT] = {"Rien n'est enregistré sur cet appareil.",
                                "Nothing is stored on this device."},
    [KIOSK_WORD_EMPTY] = {"Aucune situation sur cette clé", "No situation on this key"},
    [KIOSK_WORD_EMPTY_HINT] = {"Enregistrez le fichier sous un nom qui finit par .situation, à "
                               "la racine de la clé ou dans un dossier.",
                               "Save the file with a name ending in .situation, at the top of "
                               "the key or in a folder."},
    [KIOSK_WORD_CHOOSE] = {"Choisissez la situation", "Choose the situation"},
    [KIOSK_WORD_CHOOSE_HINT] = {"Suivant / précédent pour choisir, Entrée, F5 ou toucher pour "
                                "ouvrir",
                                "Next / previous to choose, Enter, F5 or a tap to open"},
    [KIOSK_WORD_ERRORS] = {"%zu erreur(s) : ouvrir pour les voir",
                           "%zu error(s): open to see them"},
};

static const char *kiosk_word(enum situation_lang lang, enum kiosk_word word)
{
	return kiosk_words[word][lang == LANG_EN ? 1 : 0];
}

static int kiosk_short_side(int width, int height)
{
	return width < height ? width : height;
}

static void kiosk_clear(struct draw_context *context)
{
	const SDL_Color background = context->palette->background;
	SDL_SetRenderDrawBlendMode(context->renderer, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(context->renderer, background.r, background.g, background.b, 255);
	SDL_RenderClear(context->renderer);
}

void draw_idle_screen(struct draw_context *context, enum situation_lang lang, bool is_key_empty)
{
	const struct palette *palette = context->palette;
	kiosk_clear(context);
	int unit = kiosk_short_side(context->width, context->height);
	float left = (float)context->width * 0.1f, width = (float)context->width * 0.8f;
	float y = (float)context->height * 0.3f;
	text_draw(context->text, words_get(lang, WORD_METHOD),
	          (struct text_style){unit / 28, TEXT_REGULAR, palette->work}, context->width / 2,
	          (int)y, 1, 0);
	y += (float)unit / 10;
	y += (float)draw_wrapped_text(
	    context, kiosk_word(lang, is_key_empty ? KIOSK_WORD_EMPTY : KIOSK_WORD_INSERT),
	    (struct text_style){unit / 14, TEXT_BOLD, is_key_empty ? palette->error : palette->ink},
	    (SDL_FRect){left, y, width, 0}, 1);
	y += (float)unit / 20;
	draw_wrapped_text(
	    context,
	    kiosk_word(lang, is_key_empty ? KIOSK_WORD_EMPTY_HINT : KIOSK_WORD_INSERT_HINT),
	    (struct text_style){unit / 30, TEXT_REGULAR, palette->muted_ink},
	    (SDL_FRect){left, y, width, 0}, 1);
}

struct chooser_geometry {
	int margin;
	int list_top;
	int row_height;
	size_t first; /* first row shown */
	size_t visible;
};

static struct chooser_geometry chooser_geometry(int width, int height, size_t count,
                                                size_t selected)
{
	int unit = kiosk_short_side(width, height);
	struct chooser_geometry geometry = {.margin = unit / 18};
	geometry.list_top = geometry.margin + unit / 13 + unit / 12;
	geometry.row_height = unit / 8 > 1 ? unit / 8 : 1;
	int room = (height - geometry.list_top - geometry.margin) / geometry.row_height;
	geometry.visible = room > 1 ? (size_t)room : 1;
	if (count > geometry.visible && selected >= geometry.visible / 2) {
		geometry.first = selected - geometry.visible / 2;
		if (geometry.first > count - geometry.visible)
			geometry.first = count - geometry.visible;
	}
	return geometry;
}

int kiosk_chooser_row_at(int width, int height, size_t count, size_t selected, float x, float y)
{
	struct chooser_geometry geometry = chooser_geometry(width, height, count, selected);
	if (x < (float)geometry.margin || x > (float)(width - geometry.margin) ||
	    y < (float)geometry.list_top)
		return -1;
	size_t row =
	    geometry.first + (size_t)((y - (float)geometry.list_top) / (float)geometry.row_height);
	if (row >= count || row >= geometry.first + geometry.visible)
		return -1;
	return (int)row;
}

void draw_chooser_screen(struct draw_context *context, enum situation_lang lang,
                         const struct kiosk_chooser_item *items, size_t count, size_t selected)
{
	const struct palette *palette = context->palette;
	kiosk_clear(context);
	int unit = kiosk_short_side(context->width, context->height);
	struct chooser_geometry geometry =
	    chooser_geometry(context->width, context->height, count, selected);
	int margin = geometry.margin;
	text_draw(context->text, kiosk_word(lang, KIOSK_WORD_CHOOSE),
	          (struct text_style){unit / 20, TEXT_BOLD, palette->ink}, margin, margin, 0, 0);
	text_draw(context->text, kiosk_word(lang, KIOSK_WORD_CHOOSE_HINT),
	          (struct text_style){unit / 34, TEXT_REGULAR, palette->muted_ink}, margin,
	          margin + unit / 13, 0, 0);
	struct text_style title_style = {unit / 24, TEXT_BOLD, palette->ink};
	struct text_style detail_style = {unit / 38, TEXT_REGULAR, palette->muted_ink};
	struct text_style error_style = {unit / 38, TEXT_BOLD, palette->error};
	for (size_t k = geometry.first; k < count && k < geometry.first + geometry.visible; k++) {
		const struct kiosk_chooser_item *item = &items[k];
		int top = geometry.list_top + (int)(k - geometry.first) * geometry.row_height;
		if (k == selected) {
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
}
