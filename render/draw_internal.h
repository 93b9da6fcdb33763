/*
 * draw_internal: what draw.c, draw_enclosures.c and draw_arrow_tip.c share.
 * Not part of the API.
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

/* draw_enclosures.c: overlap fields as tinted, outlined bands along their
 * members, households as one dotted outline; is_label_pass: their names,
 * drawn over the links that may cross them. */
void draw_fields(struct draw_context *context, const struct situation *situation,
                 const struct layout *layout, const struct scene *scene, bool is_label_pass);
void draw_households(struct draw_context *context, const struct situation *situation,
                     const struct layout *layout, const struct scene *scene, bool is_label_pass);

/* draw_arrow_tip.c: the texts draw_node_labels shows under a symbol: the
 * name, in full under a spotlight even where initials stand, and the detail
 * line (empty when none is shown); both buffers of `size` bytes. */
void draw_node_label_texts(const struct situation *situation, const struct layout *layout,
                           const struct scene *scene, size_t index, char *name, char *detail,
                           size_t size);
/* draw.c: the styles of those two texts (dimmed, fading in with the
 * round's newcomer), the same for drawing and measuring them: colour is
 * part of the text cache's key. */
void draw_node_label_styles(const struct draw_context *context, const struct layout *layout,
                            const struct scene *scene, size_t index, struct text_style *name,
                            struct text_style *detail);
/* How far from the centre of node `index` the tip of an arrow pointing at it
 * goes, so the whole head shows beside the symbol, name and tag drawn over
 * the links. back: unit vector from the node towards the link's other end;
 * head: the head's size (draw_arrow_head's). */
float draw_arrow_tip_distance(struct draw_context *context, const struct situation *situation,
                              const struct layout *layout, const struct scene *scene, size_t index,
                              SDL_FPoint back, float head);

#endif
