/*
 * draw: turns a scene into SDL draw calls.
 *
 * Reads the model, the layout and the scene; keeps no state of its own
 * besides the text cache it is given, and never decides what is visible
 * (the scene did). Works on any SDL_Renderer, including the software one
 * used headless by --render and the tests.
 */
#ifndef CONCERTO_DRAW_H
#define CONCERTO_DRAW_H

#include <SDL.h>

#include "diag.h"
#include "layout.h"
#include "palette.h"
#include "scene.h"
#include "situation.h"
#include "text.h"

/* Which part of a diagram draw_frame makes. The round's fade-in draws the
 * picture without the newcomer once (kept by frame_cache) and only the
 * newcomer over a copy of it at each frame of the fade. */
enum newcomer_pass {
	NEWCOMER_PASS_ALL,     /* the whole frame (the zero-initialised default) */
	NEWCOMER_PASS_WITHOUT, /* the whole frame but the newcomer and what joins it */
	NEWCOMER_PASS_ONLY,    /* over what is there: the newcomer, its links, unions,
	                        * children's lines, household; no background or title */
};

struct draw_context {
	SDL_Renderer *renderer;
	struct text_cache *text;
	const struct palette *palette;
	int width;
	int height;
	/* The round's newcomer still to fade in: 1 = not shown yet, 0 (the
	 * zero-initialised default) = drawn fully; see newcomer.h. */
	float newcomer_fade;
	enum newcomer_pass newcomer_pass;
};

/* The whole frame of one phase position: background, title band, diagram
 * (or title or text screen), progress mark; or the part of it the
 * context's newcomer_pass asks for. */
void draw_frame(struct draw_context *context, const struct situation *situation,
                const struct layout *layout, const struct scene *scene);

/* Text widths from the text cache, for layout_compute. */
struct layout_measure draw_layout_measure(struct text_cache *text);

/* The colour of a link: black among the family, green where a professional
 * is involved, arrows by direction (tests look for it in the renders). */
SDL_Color draw_link_color(const struct palette *palette, const struct situation *situation,
                          const struct link *link);

/* A short arrow in the given colour, for the legend's key to the arrows. */
void draw_arrow_sample(struct draw_context *context, SDL_FPoint from, SDL_FPoint to, float width,
                       SDL_Color color);

/* A short stroke in a link kind's own style, for the legend. */
void draw_link_sample(struct draw_context *context, enum link_kind kind, SDL_FPoint from,
                      SDL_FPoint to, float width, SDL_Color color);

/* The large-print list of a file's errors, for the presenter to fix. */
void draw_error_screen(struct draw_context *context, const struct diag_list *diags,
                       enum situation_lang lang);

/* Screens without a diagram (draw_screens.c). */
void draw_title_screen(struct draw_context *context, const struct situation *situation,
                       const struct scene *scene);
void draw_text_screen(struct draw_context *context, const struct situation *situation,
                      const struct scene *scene);
/* The whole screen in the palette's paper colour, blending on for what is
 * drawn over it: where every full screen starts. */
void draw_clear(struct draw_context *context);
/* Word-wrapped text in the box's width from its top, centred (align 1) or
 * from the left (align 0); returns the height used. A box of height 0 has
 * no foot; otherwise the lines that do not fit go, and the last one shown
 * ends with "…" (so does the twelfth line when words are left over). */
int draw_wrapped_text(struct draw_context *context, const char *utf8, struct text_style style,
                      SDL_FRect box, int align);
/* One line in max_width: the largest size from style.px down to min_px at
 * which utf8 fits, and at min_px what fits of it, cut on a character
 * boundary and ended with "…". Writes the text to draw into buffer (cut
 * to its size too) and returns the size to draw it at. */
int draw_fit_line(struct draw_context *context, const char *utf8, struct text_style style,
                  int min_px, float max_width, char *buffer, size_t size);

#endif
