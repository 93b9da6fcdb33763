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

/* Draws nothing when the band is empty (w or h is 0) or outside diagram phases. */
void draw_legend(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene);

#endif
