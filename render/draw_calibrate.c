/*
 * draw_calibrate: the calibration screen; see calibrate_screen.h. Its
 * words live in one table, French and English.
 */
#include <stdio.h>

#include "calibrate_screen.h"

enum calibrate_word {
	CALIBRATE_WORD_TOUCH,
	CALIBRATE_WORD_CANCEL,
	CALIBRATE_WORD_TOO_FAR,
	CALIBRATE_WORD_DEGENERATE,
	CALIBRATE_WORD_DONE,
	CALIBRATE_WORD_WHERE,
	CALIBRATE_WORD_QUIT,
	CALIBRATE_WORD_COUNT
};

static const char *const calibrate_words[CALIBRATE_WORD_COUNT][2] = {
    [CALIBRATE_WORD_TOUCH] = {"Touchez le centre de la cible %d sur %d",
                              "Touch the centre of target %d of %d"},
    [CALIBRATE_WORD_CANCEL] = {"Échap ou F5 pour annuler", "Esc or F5 to cancel"},
    [CALIBRATE_WORD_TOO_FAR] = {"Touche trop loin de la cible : on recommence.",
                                "That touch was too far from the target: starting again."},
    [CALIBRATE_WORD_DEGENERATE] = {"Les quatre touches ne concordent pas : on recommence.",
                                   "The four touches do not agree: starting again."},
    [CALIBRATE_WORD_DONE] = {"Calibration terminée", "Calibration done"},
    [CALIBRATE_WORD_WHERE] = {"Ligne à mettre dans /etc/concerto/kiosk.conf :",
                              "Line to put in /etc/concerto/kiosk.conf:"},
    [CALIBRATE_WORD_QUIT] = {"Touchez ou appuyez sur une touche pour quitter",
                             "Touch or press a key to quit"},
};

static const char *calibrate_word(enum situation_lang lang, enum calibrate_word word)
{
	return calibrate_words[word][lang == LANG_EN ? 1 : 0];
}

static void calibrate_set_color(SDL_Renderer *renderer, SDL_Color color)
{
	SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, 255);
}

/* A ring as short chords, a few pixels thick. */
static void calibrate_ring(SDL_Renderer *renderer, float x, float y, float radius, float thickness)
{
	enum { SEGMENTS = 96 };
	for (float r = radius - thickness / 2; r <= radius + thickness / 2; r += 0.5f) {
		SDL_FPoint points[SEGMENTS + 1];
		for (int k = 0; k <= SEGMENTS; k++) {
			float angle = (float)k * 6.2831853f / SEGMENTS;
			points[k] = (SDL_FPoint){x + r * SDL_cosf(angle), y + r * SDL_sinf(angle)};
		}
		SDL_RenderDrawLinesF(renderer, points, SEGMENTS + 1);
	}
}

/* Crosshair through the centre, two rings, a dot: large enough to see from
 * across a table, precise enough to aim a fingertip at. */
static void calibrate_target(struct draw_context *context, float x, float y, int unit)
{
	SDL_Renderer *renderer = context->renderer;
	float arm = (float)unit / 12, thick = (float)(unit / 300 + 1);
	calibrate_set_color(renderer, context->palette->ink);
	SDL_RenderFillRectF(renderer, &(SDL_FRect){x - arm, y - thick / 2, 2 * arm, thick});
	SDL_RenderFillRectF(renderer, &(SDL_FRect){x - thick / 2, y - arm, thick, 2 * arm});
	calibrate_ring(renderer, x, y, arm * 0.6f, thick);
	calibrate_set_color(renderer, context->palette->error);
	calibrate_ring(renderer, x, y, arm * 0.25f, thick);
	SDL_RenderFillRectF(renderer, &(SDL_FRect){x - thick, y - thick, 2 * thick, 2 * thick});
}

void draw_calibrate_screen(struct draw_context *context, enum situation_lang lang,
                           const struct calibrate_screen *screen)
{
	const struct palette *palette = context->palette;
	draw_clear(context);
	int unit = context->width < context->height ? context->width : context->height;
	int centre_x = context->width / 2;
	float y = (float)context->height * 0.3f;
	SDL_FRect box = {(float)context->width * 0.15f, y, (float)context->width * 0.7f, 0};
	if (screen->is_done) {
		text_draw(context->text, calibrate_word(lang, CALIBRATE_WORD_DONE),
		          (struct text_style){unit / 14, TEXT_BOLD, palette->ink}, centre_x, (int)y,
		          1, 0);
		y += (float)unit / 8;
		text_draw(context->text, calibrate_word(lang, CALIBRATE_WORD_WHERE),
		          (struct text_style){unit / 30, TEXT_REGULAR, palette->muted_ink},
		          centre_x, (int)y, 1, 0);
		y += (float)unit / 16;
		text_draw(context->text, screen->result_line ? screen->result_line : "",
		          (struct text_style){unit / 28, TEXT_BOLD, palette->ink}, centre_x, (int)y,
		          1, 0);
		y += (float)unit / 8;
		text_draw(context->text, calibrate_word(lang, CALIBRATE_WORD_QUIT),
		          (struct text_style){unit / 30, TEXT_REGULAR, palette->muted_ink},
		          centre_x, (int)y, 1, 0);
		return;
	}
	char instruction[128];
	snprintf(instruction, sizeof instruction, calibrate_word(lang, CALIBRATE_WORD_TOUCH),
	         screen->target + 1, screen->target_count);
	box.y += (float)draw_wrapped_text(
	    context, instruction, (struct text_style){unit / 20, TEXT_BOLD, palette->ink}, box, 1);
	box.y += (float)unit / 30;
	if (screen->notice != CALIBRATE_NOTICE_NONE) {
		enum calibrate_word word = screen->notice == CALIBRATE_NOTICE_TOO_FAR
		                               ? CALIBRATE_WORD_TOO_FAR
		                               : CALIBRATE_WORD_DEGENERATE;
		box.y += (float)draw_wrapped_text(
		    context, calibrate_word(lang, word),
		    (struct text_style){unit / 30, TEXT_BOLD, palette->error}, box, 1);
		box.y += (float)unit / 40;
	}
	draw_wrapped_text(context, calibrate_word(lang, CALIBRATE_WORD_CANCEL),
	                  (struct text_style){unit / 36, TEXT_REGULAR, palette->muted_ink}, box, 1);
	calibrate_target(context, screen->x, screen->y, unit);
}
