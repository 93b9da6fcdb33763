/*
 * draw_screens: the screens without a diagram — the welcome (title) phase,
 * large text phases and the error list — and word wrapping for them.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "geometry.h"
#include "words.h"

enum { WRAP_MAX_LINE_BYTES = 1024, WRAP_MAX_LINES = 12 };

static int short_side(const struct draw_context *context)
{
	return context->width < context->height ? context->width : context->height;
}

/* Greedy word wrap: spaces are the only break points, which suits the
 * French and English sentences the kiosk shows. A word wider than the box
 * stands alone on its line. */
int draw_wrapped_text(struct draw_context *context, const char *utf8, struct text_style style,
                      SDL_FRect box, int align)
{
	char lines[WRAP_MAX_LINES][WRAP_MAX_LINE_BYTES];
	int line_count = 0, line_height = 0;
	const char *cursor = utf8;
	lines[0][0] = '\0';
	while (*cursor && line_count < WRAP_MAX_LINES) {
		const char *word_end = strchr(cursor, ' ');
		size_t word_length = word_end ? (size_t)(word_end - cursor) : strlen(cursor);
		char candidate[WRAP_MAX_LINE_BYTES];
		size_t used = strlen(lines[line_count]);
		if (word_length > WRAP_MAX_LINE_BYTES / 2)
			word_length = WRAP_MAX_LINE_BYTES / 2; /* text_draw cuts it anyway */
		if (used + 1 + word_length >= WRAP_MAX_LINE_BYTES)
			used = 0; /* an over-long line: start afresh rather than overflow */
		memcpy(candidate, lines[line_count], used);
		size_t length = used;
		if (used)
			candidate[length++] = ' ';
		memcpy(candidate + length, cursor, word_length);
		candidate[length + word_length] = '\0';
		int w = 0, h = 0;
		text_measure(context->text, candidate, style, &w, &h);
		line_height = h > line_height ? h : line_height;
		if ((float)w <= box.w || used == 0) {
			memcpy(lines[line_count], candidate, strlen(candidate) + 1);
		} else {
			if (++line_count == WRAP_MAX_LINES)
				break;
			memcpy(lines[line_count], cursor, word_length);
			lines[line_count][word_length] = '\0';
		}
		cursor = word_end ? word_end : cursor + strlen(cursor);
		while (*cursor == ' ')
			cursor++;
	}
	if (line_count < WRAP_MAX_LINES && lines[line_count][0])
		line_count++;
	for (int k = 0; k < line_count; k++)
		text_draw(context->text, lines[k], style,
		          (int)(align == 1 ? box.x + box.w / 2 : box.x),
		          (int)box.y + k * line_height, align == 1 ? 1 : 0, 0);
	return line_count * line_height;
}

void draw_title_screen(struct draw_context *context, const struct situation *situation,
                       const struct scene *scene)
{
	const struct palette *palette = context->palette;
	int unit = short_side(context);
	float width = (float)context->width * 0.8f, left = (float)context->width * 0.1f;
	float y = (float)context->height * 0.22f;
	text_draw(context->text, words_get(situation->lang, WORD_METHOD),
	          (struct text_style){unit / 28, TEXT_REGULAR, palette->work}, context->width / 2,
	          (int)y, 1, 0);
	y += (float)unit / 14;
	y += (float)draw_wrapped_text(context, situation->title,
	                              (struct text_style){unit / 11, TEXT_BOLD, palette->ink},
	                              (SDL_FRect){left, y, width, 0}, 1);
	char date[64];
	words_format_date(situation->lang, situation->date, date, sizeof date);
	char where[600];
	snprintf(where, sizeof where, "%s%s%s", date, date[0] && situation->place ? " — " : "",
	         situation->place ? situation->place : "");
	if (where[0]) {
		y += (float)unit / 40;
		y += (float)draw_wrapped_text(
		    context, where,
		    (struct text_style){unit / 24, TEXT_REGULAR, palette->muted_ink},
		    (SDL_FRect){left, y, width, 0}, 1);
	}
	if (scene->phase->text) {
		y += (float)unit / 12;
		geometry_line(context->renderer,
		              (SDL_FPoint){(float)context->width * 0.35f, y - (float)unit / 24},
		              (SDL_FPoint){(float)context->width * 0.65f, y - (float)unit / 24}, 2,
		              palette->work);
		draw_wrapped_text(context, scene->phase->text,
		                  (struct text_style){unit / 26, TEXT_REGULAR, palette->ink},
		                  (SDL_FRect){left, y, width, 0}, 1);
	}
}

void draw_text_screen(struct draw_context *context, const struct situation *situation,
                      const struct scene *scene)
{
	const struct palette *palette = context->palette;
	int unit = short_side(context);
	float width = (float)context->width * 0.8f, left = (float)context->width * 0.1f;
	float y = (float)context->height * 0.25f;
	y += (float)draw_wrapped_text(context, scene->phase->title,
	                              (struct text_style){unit / 18, TEXT_BOLD, palette->work},
	                              (SDL_FRect){left, y, width, 0}, 1);
	const char *text = scene->phase->text ? scene->phase->text : situation->next;
	if (text)
		draw_wrapped_text(context, text,
		                  (struct text_style){unit / 13, TEXT_BOLD, palette->ink},
		                  (SDL_FRect){left, y + (float)unit / 10, width, 0}, 1);
}

void draw_error_screen(struct draw_context *context, const struct diag_list *diags,
                       enum situation_lang lang)
{
	const struct palette *palette = context->palette;
	SDL_SetRenderDrawBlendMode(context->renderer, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(context->renderer, palette->background.r, palette->background.g,
	                       palette->background.b, 255);
	SDL_RenderClear(context->renderer);
	int unit = short_side(context);
	int margin = unit / 18;
	float width = (float)(context->width - 2 * margin);
	int y = margin;
	text_draw(context->text, words_get(lang, WORD_ERRORS_TITLE),
	          (struct text_style){unit / 20, TEXT_BOLD, palette->error}, margin, y, 0, 0);
	y += unit / 13;
	text_draw(context->text, words_get(lang, WORD_ERRORS_HINT),
	          (struct text_style){unit / 32, TEXT_REGULAR, palette->ink}, margin, y, 0, 0);
	y += unit / 14;
	struct text_style line_style = {unit / 30, TEXT_REGULAR, palette->ink};
	size_t shown = 0, errors = 0;
	for (size_t k = 0; k < diags->count; k++) {
		const struct diag *item = &diags->items[k];
		if (item->severity != DIAG_ERROR)
			continue;
		errors++;
		if (y > context->height - margin - unit / 12)
			continue;
		char line[DIAG_MAX_MESSAGE + 256];
		/* The name the presenter sees on the key, not the mount path. */
		const char *slash = strrchr(diags->file_name, '/');
		const char *file = slash ? slash + 1 : diags->file_name;
		if (lang == LANG_EN)
			snprintf(line, sizeof line, "%s, line %d, column %d: %s", file, item->line,
			         item->col, item->message);
		else
			snprintf(line, sizeof line, "%s, ligne %d, colonne %d : %s", file,
			         item->line, item->col, item->message);
		SDL_FRect box = {(float)margin, (float)y, width, 0};
		int used = draw_wrapped_text(context, line, line_style, box, 0);
		y += used + unit / 60;
		shown++;
	}
	if (shown < errors) {
		char more[96];
		snprintf(more, sizeof more, words_get(lang, WORD_MORE_ERRORS), errors - shown);
		text_draw(context->text, more, line_style, margin, context->height - margin, 0, 2);
	}
}
