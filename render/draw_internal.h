/*
 * draw_internal: what draw.c and draw_enclosures.c share. Not part of the
 * API.
 */
#ifndef CONCERTO_DRAW_INTERNAL_H
#define CONCERTO_DRAW_INTERNAL_H

#include "draw.h"

static inline SDL_FPoint at(const struct layout *layout, int node)
{
	return (SDL_FPoint){layout->nodes[node].x, layout->nodes[node].y};
}

static inline float line_width(const struct layout *layout)
{
	return layout->line_width;
}

/* draw_enclosures.c: overlap fields as translucent bands along their
 * members, households as one dotted outline; is_label_pass: their names,
 * drawn over the links that may cross them. */
void draw_fields(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene, bool is_label_pass);
void draw_households(struct draw_context *context, const struct situation *situation,
                     const struct layout *layout, const struct scene *scene, bool is_label_pass);

#endif
