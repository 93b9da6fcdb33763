/*
 * view: the pinch-and-pan transform of the diagram, and touch hit-testing
 * through it.
 *
 * A point of the layout is shown at layout * scale + (dx, dy). The view
 * never shows less than the whole screen's worth of diagram: scale stays in
 * [1, VIEW_MAX_SCALE] and the offset keeps the layout's rectangle over the
 * screen, so nobody loses the diagram off an edge. Drawing uses a
 * transformed copy of the layout (symbols and positions scale, text keeps
 * its size); taps are inverted through the same transform. Plain C, no SDL.
 */
#ifndef CONCERTO_VIEW_H
#define CONCERTO_VIEW_H

#include <stdbool.h>

#include "input_message.h"
#include "layout.h"

#define VIEW_MAX_SCALE 6.0f

struct view {
	float scale;
	float dx;
	float dy;
};

struct view view_identity(void);
bool view_is_identity(struct view view);

/* Applies a two-finger change (INPUT_MESSAGE_VIEW): the layout point under
 * the old centroid ends under the new one, spread scaled, then clamped. */
struct view view_pinch(struct view view, const struct input_message *change, int width, int height);

/* The node under a screen point, -1 when none. The reach is the symbol's
 * (as layout_hit_test) or min_radius pixels, whichever is larger: touch
 * targets stay at least 9 mm on the surface however small the symbol. */
int view_hit_test(const struct layout *layout, const bool *is_candidate, struct view view, float x,
                  float y, float min_radius);

/* A copy of `layout` owning its node, link-label and household arrays (the rest is
 * shared with the original), to receive view_layout_update; NULL when out of
 * memory. */
struct layout *view_layout_new(const struct layout *layout);
void view_layout_update(struct layout *shown, const struct layout *layout, struct view view);
void view_layout_free(struct layout *shown);
/* The layout to draw: `layout` itself when the view is the identity, else
 * *shown (made on first use, kept for the next frames) updated through the
 * view; `layout` again when out of memory. */
const struct layout *view_layout_through(struct layout **shown, const struct layout *layout,
                                         struct view view);

#endif
