/*
 * palette: constant colour tables; see palette.h.
 */
#include "palette.h"

static const struct palette palette_light = {
    .background = {250, 248, 242, 255},
    .ink = {20, 20, 20, 255},
    .muted_ink = {60, 60, 60, 255},
    .work = {0, 90, 45, 255},
    .label_backing = {250, 248, 242, 255},
    .arrows = {[ARROW_FAMILY_TO_FAMILY] = {0, 75, 155, 255},
               [ARROW_PRO_TO_PRO] = {0, 90, 45, 255},
               [ARROW_FAMILY_TO_PRO] = {135, 58, 0, 255},
               [ARROW_PRO_TO_FAMILY] = {160, 0, 20, 255}},
    /* Okabe-Ito: orange, sky blue, bluish green, vermillion, reddish purple, grey;
     * green, vermillion and purple a little lighter (same hue) so black tag
     * text keeps 7:1. Text colours are dark enough for 7:1 on the paper
     * (tests/test_palette_contrast.c), which is why orange is burnt. */
    .sectors = {[SECTOR_AID] = {230, 159, 0, 255},
                [SECTOR_CARE] = {86, 180, 233, 255},
                [SECTOR_EDUCATION] = {0, 175, 128, 255},
                [SECTOR_CONTROL] = {240, 120, 30, 255},
                [SECTOR_CULTURE] = {210, 128, 172, 255},
                [SECTOR_OTHER] = {153, 153, 153, 255}},
    .sector_text = {0, 0, 0, 255},
    /* Okabe-Ito blue {0, 114, 178} at 25 % over the paper; the outline is
     * that blue itself. */
    .field_fill = {187, 214, 226, 255},
    .field_outline = {0, 114, 178, 255},
    .field_name = {0, 58, 104, 255},
    .household = {60, 60, 60, 255},
    .highlight = {240, 190, 0, 255},
    .error = {155, 15, 15, 255},
};

static const struct palette palette_dark = {
    .background = {18, 20, 26, 255},
    .ink = {242, 242, 242, 255},
    .muted_ink = {205, 205, 205, 255},
    .work = {110, 215, 150, 255},
    .label_backing = {18, 20, 26, 255},
    .arrows = {[ARROW_FAMILY_TO_FAMILY] = {110, 170, 255, 255},
               [ARROW_PRO_TO_PRO] = {110, 215, 150, 255},
               [ARROW_FAMILY_TO_PRO] = {255, 170, 60, 255},
               [ARROW_PRO_TO_FAMILY] = {255, 125, 115, 255}},
    .sectors = {[SECTOR_AID] = {230, 159, 0, 255},
                [SECTOR_CARE] = {86, 180, 233, 255},
                [SECTOR_EDUCATION] = {0, 175, 128, 255},
                [SECTOR_CONTROL] = {240, 120, 30, 255},
                [SECTOR_CULTURE] = {210, 128, 172, 255},
                [SECTOR_OTHER] = {153, 153, 153, 255}},
    .sector_text = {0, 0, 0, 255},
    /* Okabe-Ito sky blue {86, 180, 233} at about 31 % over the paper. */
    .field_fill = {39, 70, 91, 255},
    .field_outline = {86, 180, 233, 255},
    .field_name = {180, 225, 250, 255},
    .household = {200, 200, 200, 255},
    .highlight = {240, 200, 40, 255},
    .error = {255, 130, 120, 255},
};

const struct palette *palette_for_theme(enum situation_theme theme)
{
	return theme == THEME_DARK ? &palette_dark : &palette_light;
}

enum arrow_direction palette_arrow_direction(const struct situation *situation,
                                             const struct link *link)
{
	bool is_pro_a = situation->nodes[link->a].kind != NODE_PERSON;
	bool is_pro_b = situation->nodes[link->b].kind != NODE_PERSON;
	return !is_pro_a && !is_pro_b ? ARROW_FAMILY_TO_FAMILY
	       : is_pro_a && is_pro_b ? ARROW_PRO_TO_PRO
	       : is_pro_a             ? ARROW_PRO_TO_FAMILY
	                              : ARROW_FAMILY_TO_PRO;
}

SDL_Color palette_with_alpha(SDL_Color color, Uint8 alpha)
{
	color.a = (Uint8)(color.a * alpha / 255);
	return color;
}
