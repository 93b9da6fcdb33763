/*
 * draw_screens: the screens without a diagram — the welcome (title) phase,
 * large text phases and the error list — and word wrapping for them.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "geometry.h"
#include "words.h"

enum { WRAP_MAX_LINE_BYTES = 1024, WRAP_MAX_LINES = 12 };

static const char ellipsis[] = "\xe2\x80\xa6"; /* … */

static int short_side(const struct draw_context *context)
{
	return context->width < context->height ? context->width : context->height;
}

static int text_width(struct draw_context *context, const char *utf8, struct text_style style)
{
	int w = 0, h = 0;
	text_measure(context->text, utf8, style, &w, &h);
	return w;
}

/* Whether a cut may fall before text[at]: not inside a UTF-8 sequence, nor
 * between a letter and the combining accent that follows it. */
static bool is_cut_point(const char *text, size_t at)
{
	unsigned char byte = (unsigned char)text[at];
	if (byte == '\0')
		return true;
	if ((byte & 0xC0) == 0x80)
		return false;
	unsigned char next = (unsigned char)text[at + 1];
	/* U+0300..U+036F, combining diacritical marks: CC 80..CD AF. */
	return !(byte == 0xCC && next >= 0x80) && !(byte == 0xCD && next >= 0x80 && next <= 0xAF);
}

/* The longest start of utf8 (cut on a character boundary, trailing spaces
 * dropped) that fits in max_width followed by "…", into buffer. */
static void cut_to_width(struct draw_context *context, const char *utf8, struct text_style style,
                         float max_width, char *buffer, size_t size)
{
	if (size < sizeof ellipsis) {
		if (size > 0)
			buffer[0] = '\0';
		return;
	}
	size_t length = 0;
	while (length < size - sizeof ellipsis && utf8[length])
		length++;
	while (length > 0 && !is_cut_point(utf8, length))
		length--;
	/* The longest that fits, by halves: lengths up to `fits` do. */
	size_t fits = 0, fails = length + 1;
	while (fails - fits > 1) {
		size_t at = fits + (fails - fits) / 2;
		while (at > fits && !is_cut_point(utf8, at))
			at--;
		if (at == fits) { /* no boundary between: look above */
			at = fits + (fails - fits) / 2;
			while (at < fails && !is_cut_point(utf8, at))
				at++;
			if (at >= fails)
				break;
		}
		size_t kept = at;
		while (kept > 0 && utf8[kept - 1] == ' ')
			kept--;
		memcpy(buffer, utf8, kept);
		memcpy(buffer + kept, ellipsis, sizeof ellipsis);
		if ((float)text_width(context, buffer, style) <= max_width)
			fits = at;
		else
			fails = at;
	}
	while (fits > 0 && utf8[fits - 1] == ' ')
		fits--;
	memcpy(buffer, utf8, fits);
	memcpy(buffer + fits, ellipsis, sizeof ellipsis);
}

int draw_fit_line(struct draw_context *context, const char *utf8, struct text_style style,
                  int min_px, float max_width, char *buffer, size_t size)
{
	if (size == 0)
		return style.px;
	snprintf(buffer, size, "%s", utf8);
	if ((float)text_width(context, utf8, style) <= max_width && strlen(utf8) < size)
		return style.px;
	/* The largest size between that fits, by halves: fits <= px < fails. */
	int fails = style.px, fits = min_px < style.px ? min_px : style.px;
	style.px = fits;
	if ((float)text_width(context, utf8, style) > max_width || strlen(utf8) >= size) {
		cut_to_width(context, utf8, style, max_width, buffer, size);
		return fits;
	}
	while (fails - fits > 1) {
		style.px = fits + (fails - fits) / 2;
		if ((float)text_width(context, utf8, style) <= max_width)
			fits = style.px;
		else
			fails = style.px;
	}
	return fits;
}

struct wrapped {
	char lines[WRAP_MAX_LINES][WRAP_MAX_LINE_BYTES];
	int count;
	int line_height;
	bool is_cut; /* words left over past the last line */
};

/* Greedy word wrap: spaces are the only break points, which suits the
 * French and English sentences the kiosk shows. A word wider than the box
 * stands alone on its line. */
static void wrap_text(struct draw_context *context, const char *utf8, struct text_style style,
                      float width, struct wrapped *wrapped)
{
	char(*lines)[WRAP_MAX_LINE_BYTES] = wrapped->lines;
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
		if ((float)w <= width || used == 0) {
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
	wrapped->count = line_count;
	wrapped->line_height = line_height;
	wrapped->is_cut = *cursor != '\0';
}

/* The lines of draw_wrapped_text: as many as the box's height holds (at
 * least one), when it has one. */
static void wrap_in_box(struct draw_context *context, const char *utf8, struct text_style style,
                        SDL_FRect box, struct wrapped *wrapped)
{
	wrap_text(context, utf8, style, box.w, wrapped);
	if (box.h > 0 && wrapped->line_height > 0 &&
	    (float)(wrapped->count * wrapped->line_height) > box.h) {
		int room = (int)(box.h / (float)wrapped->line_height);
		wrapped->count = room > 1 ? room : 1;
		wrapped->is_cut = true;
	}
}

static int wrapped_height(struct draw_context *context, const char *utf8, struct text_style style,
                          SDL_FRect box)
{
	struct wrapped wrapped;
	wrap_in_box(context, utf8, style, box, &wrapped);
	return wrapped.count * wrapped.line_height;
}

int draw_wrapped_text(struct draw_context *context, const char *utf8, struct text_style style,
                      SDL_FRect box, int align)
{
	struct wrapped wrapped;
	wrap_in_box(context, utf8, style, box, &wrapped);
	if (wrapped.is_cut && wrapped.count > 0) {
		char *last = wrapped.lines[wrapped.count - 1];
		char cut[WRAP_MAX_LINE_BYTES];
		cut_to_width(context, last, style, box.w, cut, sizeof cut);
		memcpy(last, cut, strlen(cut) + 1);
	}
	for (int k = 0; k < wrapped.count; k++)
		text_draw(context->text, wrapped.lines[k], style,
		          (int)(align == 1 ? box.x + box.w / 2 : box.x),
		          (int)box.y + k * wrapped.line_height, align == 1 ? 1 : 0, 0);
	return wrapped.count * wrapped.line_height;
}

/* The largest size from style.px down to min_px at which utf8 wraps into
 * box without being cut. */
static int fit_wrapped_px(struct draw_context *context, const char *utf8, struct text_style style,
                          int min_px, SDL_FRect box)
{
	struct wrapped wrapped;
	int fits = min_px, fails = style.px + 1;
	while (fails - fits > 1) {
		style.px = fits + (fails - fits) / 2;
		wrap_text(context, utf8, style, box.w, &wrapped);
		if (!wrapped.is_cut && (float)(wrapped.count * wrapped.line_height) <= box.h)
			fits = style.px;
		else
			fails = style.px;
	}
	return fits;
}

/* One block of the title screen: wrapped, centred, shrunk when its box is
 * too short, down to min_px, then cut. `gap` goes above it. */
struct title_block {
	const char *text;
	struct text_style style;
	int min_px;
	float gap;
	float max_height; /* its share of the screen at most */
};

void draw_title_screen(struct draw_context *context, const struct situation *situation,
                       const struct scene *scene)
{
	const struct palette *palette = context->palette;
	int unit = short_side(context);
	float width = (float)context->width * 0.8f, left = (float)context->width * 0.1f;
	float foot = (float)(context->height - unit / 18), height = (float)context->height;
	char date[64];
	words_format_date(situation->lang, situation->date, date, sizeof date);
	char where[600];
	snprintf(where, sizeof where, "%s%s%s", date, date[0] && situation->place ? " — " : "",
	         situation->place ? situation->place : "");
	/* The title, the date and place, the phase's text. Floors: the title no
	 * smaller than a text phase's title, the rest no smaller than the
	 * method's name above them. */
	struct title_block blocks[3] = {
	    {situation->title, {unit / 11, TEXT_BOLD, palette->ink}, unit / 18, 0, height * 0.4f},
	    {where[0] ? where : NULL,
	     {unit / 24, TEXT_REGULAR, palette->muted_ink},
	     unit / 28,
	     (float)unit / 40,
	     height * 0.2f},
	    {scene->phase->text,
	     {unit / 26, TEXT_REGULAR, palette->ink},
	     unit / 28,
	     (float)unit / 12,
	     height},
	};
	/* Everything at full size from a fifth of the way down when it fits;
	 * a long title first rises into the room above it, then each block
	 * shrinks within its share of what is left, then is cut ("…"), so
	 * nothing passes the screen's foot. */
	float needed = (float)unit / 14;
	for (int k = 0; k < 3; k++)
		if (blocks[k].text)
			needed += blocks[k].gap +
			          (float)wrapped_height(context, blocks[k].text, blocks[k].style,
			                                (SDL_FRect){left, 0, width, 0});
	float y = fmaxf((float)(unit / 18), fminf(height * 0.22f, foot - needed));
	text_draw(context->text, words_get(situation->lang, WORD_METHOD),
	          (struct text_style){unit / 28, TEXT_REGULAR, palette->work}, context->width / 2,
	          (int)y, 1, 0);
	y += (float)unit / 14;
	for (int k = 0; k < 3; k++) {
		const struct title_block *block = &blocks[k];
		if (!block->text)
			continue;
		/* Room kept below for one line of each block still to come. */
		float kept = 0;
		for (int next = k + 1; next < 3; next++)
			if (blocks[next].text)
				kept += blocks[next].gap + (float)blocks[next].min_px * 1.2f;
		y += block->gap;
		SDL_FRect box = {left, y, width, fminf(block->max_height, foot - y - kept)};
		if (box.h < (float)block->min_px) {
			box.h = foot - y;
			if (box.h < (float)block->min_px)
				break;
		}
		struct text_style style = block->style;
		style.px = fit_wrapped_px(context, block->text, style, block->min_px, box);
		if (k == 2)
			geometry_line(
			    context->renderer,
			    (SDL_FPoint){(float)context->width * 0.35f, y - (float)unit / 24},
			    (SDL_FPoint){(float)context->width * 0.65f, y - (float)unit / 24}, 2,
			    palette->work);
		y += (float)draw_wrapped_text(context, block->text, style, box, 1);
	}
}

void draw_text_screen(struct draw_context *context, const struct situation *situation,
                      const struct scene *scene)
{
	const struct palette *palette = context->palette;
	int unit = short_side(context);
	float width = (float)context->width * 0.8f, left = (float)context->width * 0.1f;
	float top = (float)context->height * 0.25f, gap = (float)unit / 10;
	float foot = (float)(context->height - unit / 18);
	/* At most a quarter of the screen for the title: the text comes first. */
	struct text_style title = {unit / 18, TEXT_BOLD, palette->work};
	SDL_FRect title_box = {left, top, width, (float)context->height / 4};
	struct text_style style = {unit / 13, TEXT_BOLD, palette->ink};
	const char *text = scene->phase->text ? scene->phase->text : situation->next;
	/* A long text never passes the screen's foot: it first rises into the
	 * room above it, then gets smaller (down to what the back of the room
	 * still reads), then is cut. */
	if (text) {
		float needed =
		    (float)wrapped_height(context, scene->phase->title, title, title_box) + gap +
		    (float)wrapped_height(context, text, style, (SDL_FRect){left, 0, width, 0});
		title_box.y = fmaxf((float)(unit / 18), fminf(top, foot - needed));
	}
	float y = title_box.y +
	          (float)draw_wrapped_text(context, scene->phase->title, title, title_box, 1) + gap;
	if (!text || foot - y <= 0)
		return;
	SDL_FRect box = {left, y, width, foot - y};
	style.px = fit_wrapped_px(context, text, style, unit / 24, box);
	draw_wrapped_text(context, text, style, box, 1);
}

void draw_clear(struct draw_context *context)
{
	const SDL_Color paper = context->palette->background;
	SDL_SetRenderDrawBlendMode(context->renderer, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(context->renderer, paper.r, paper.g, paper.b, 255);
	SDL_RenderClear(context->renderer);
}

void draw_error_screen(struct draw_context *context, const struct diag_list *diags,
                       enum situation_lang lang)
{
	const struct palette *palette = context->palette;
	draw_clear(context);
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
