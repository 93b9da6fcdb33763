/*
 * legend: the key to the diagram, in the band the layout reserves for it
 * (layout->legend_area): one tag per sector present in the situation, drawn
 * exactly as the institutions' tags are, and a short sample of each link
 * kind that appears, with its name in the situation's language.
 *
 * The legend depends on the situation only, not on the step of the round,
 * so it stays still while persons are presented. Rows that do not fit the
 * band are left out rather than shrunk below the layout's smallest text.
 */
#ifndef CONCERTO_LEGEND_H
#define CONCERTO_LEGEND_H

#include "draw.h"

enum { LEGEND_MOST_ROWS = 4 };

/* The height of the rows the legend takes across `width` with text of px
 * pixels, sectors and link kinds each starting a row, at most
 * LEGEND_MOST_ROWS; the layout reserves it (see layout_measure). text is
 * the struct text_cache the legend is drawn with. */
float legend_height_needed(void *text, const struct situation *situation, int px, float width);

/* Draws nothing when the band is empty (w or h is 0) or outside diagram phases. */
void draw_legend(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene);

#endif
