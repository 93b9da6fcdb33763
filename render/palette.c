/*
 * palette: constant colour tables; see palette.h.
 */
#include "palette.h"

static const struct palette palette_light = {
    .background = {250, 248, 242, 255},
    .ink = {20, 20, 20, 255},
    .muted_ink = {60, 60, 60, 255},
    .work = {0, 110, 55, 255},
    .label_backing = {250, 248, 242, 225},
    .arrows = {[ARROW_FAMILY_TO_FAMILY] = {0, 84, 166, 255},
	       [ARROW_PRO_TO_PRO] = {0, 110, 55, 255},
	       [ARROW_FAMILY_TO_PRO] = {200, 100, 0, 255},
	       [ARROW_PRO_TO_FAMILY] = {190, 20, 30, 255}},
    /* Okabe-Ito: orange, sky blue, bluish green, vermillion, reddish purple, grey. */
    .sectors = {[SECTOR_AID] = {230, 159, 0, 255},
		[SECTOR_CARE] = {86, 180, 233, 255},
		[SECTOR_EDUCATION] = {0, 158, 115, 255},
		[SECTOR_CONTROL] = {213, 94, 0, 255},
		[SECTOR_CULTURE] = {204, 121, 167, 255},
		[SECTOR_OTHER] = {153, 153, 153, 255}},
    .sector_text = {0, 0, 0, 255},
    .field_fill = {0, 114, 178, 40},
    .field_outline = {0, 90, 150, 200},
    .household = {60, 60, 60, 255},
    .highlight = {240, 190, 0, 255},
    .error = {170, 20, 20, 255},
};

static const struct palette palette_dark = {
    .background = {18, 20, 26, 255},
    .ink = {242, 242, 242, 255},
    .muted_ink = {205, 205, 205, 255},
    .work = {110, 215, 150, 255},
    .label_backing = {18, 20, 26, 225},
    .arrows = {[ARROW_FAMILY_TO_FAMILY] = {110, 170, 255, 255},
	       [ARROW_PRO_TO_PRO] = {110, 215, 150, 255},
	       [ARROW_FAMILY_TO_PRO] = {255, 170, 60, 255},
	       [ARROW_PRO_TO_FAMILY] = {255, 105, 100, 255}},
    .sectors = {[SECTOR_AID] = {230, 159, 0, 255},
		[SECTOR_CARE] = {86, 180, 233, 255},
		[SECTOR_EDUCATION] = {0, 158, 115, 255},
		[SECTOR_CONTROL] = {213, 94, 0, 255},
		[SECTOR_CULTURE] = {204, 121, 167, 255},
		[SECTOR_OTHER] = {153, 153, 153, 255}},
    .sector_text = {0, 0, 0, 255},
    .field_fill = {86, 180, 233, 48},
    .field_outline = {130, 200, 240, 220},
    .household = {200, 200, 200, 255},
    .highlight = {240, 200, 40, 255},
    .error = {255, 110, 100, 255},
};

const struct palette *palette_for_theme(enum situation_theme theme)
{
	return theme == THEME_DARK ? &palette_dark : &palette_light;
}

SDL_Color palette_with_alpha(SDL_Color color, Uint8 alpha)
{
	color.a = (Uint8)(color.a * alpha / 255);
	return color;
}
