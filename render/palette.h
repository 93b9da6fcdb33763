/*
 * palette: the colours of the two themes, as tables.
 *
 * Light is the method's paper poster (those who live together in black,
 * those who work together in green, arrows coloured by direction); dark is
 * for dim rooms. Sector colours come from the Okabe-Ito colour-blind-safe
 * palette.
 */
#ifndef CONCERTO_PALETTE_H
#define CONCERTO_PALETTE_H

#include <SDL.h>

#include "situation.h"

enum arrow_direction {
	ARROW_FAMILY_TO_FAMILY,
	ARROW_PRO_TO_PRO,
	ARROW_FAMILY_TO_PRO,
	ARROW_PRO_TO_FAMILY,
	ARROW_DIRECTION_COUNT
};

struct palette {
	SDL_Color background;
	SDL_Color ink;       /* text, family symbols and their links */
	SDL_Color muted_ink; /* roles, ages, progress */
	SDL_Color work;      /* professionals' outlines and links */
	SDL_Color label_backing;
	SDL_Color arrows[ARROW_DIRECTION_COUNT];
	SDL_Color sectors[SECTOR_COUNT];
	SDL_Color sector_text; /* text on a sector-coloured tag */
	/* Overlap fields: an opaque tint (the field's colour already blended
	 * with the paper, so overlapping bands do not darken), an outline in
	 * the field's colour that stands out from the paper from the back of a
	 * room, and a shade of it that reads as text for the field's name. */
	SDL_Color field_fill;
	SDL_Color field_outline;
	SDL_Color field_name;
	SDL_Color household;
	SDL_Color highlight; /* the newcomer of the round, spotlights */
	SDL_Color error;
};

const struct palette *palette_for_theme(enum situation_theme theme);
/* Which of the arrows' colours a link with an arrow takes: among those who
 * live together, among those who work together, or from one group to the
 * other (a link goes from a to b). */
enum arrow_direction palette_arrow_direction(const struct situation *situation,
                                             const struct link *link);
SDL_Color palette_with_alpha(SDL_Color color, Uint8 alpha);

#endif
