/*
 * layout_internal: what the layout's modules share while one layout is
 * computed (layout.c runs the attempts, layout_family.c places the
 * genogram, layout_ring.c the professionals, layout_check.c verifies and
 * separates, layout_untangle.c moves professionals to where their links
 * cross least). Not part of the API.
 */
#ifndef CONCERTO_LAYOUT_INTERNAL_H
#define CONCERTO_LAYOUT_INTERNAL_H

#include "layout.h"

/* A node's footprint around its centre: the symbol and the label under it. */
struct layout_cell {
	float half_width; /* of the wider of symbol and label */
	float up;         /* from the centre to the top of the symbol */
	float down;       /* from the centre to the bottom of the label */
	float label_width;
	float label_height;
};

/* How crowded rows may be staggered (layout_stagger.c): the share of the
 * screen's width they may take (0: all) and whether a line may slide off
 * its centres to fit it. */
struct layout_stagger_settings {
	float share;
	bool may_slide;
};

struct layout_work {
	const struct situation *situation;
	const struct layout_measure *measure;
	struct layout *layout;
	float unit;                    /* short side / 1080 */
	struct layout_rect screen;     /* where nodes may go */
	struct layout_cell *cells;     /* node_count */
	int *generation;               /* node_count, -1 outside the genogram */
	bool *is_placed;               /* node_count */
	struct layout_rect family_box; /* bounding box of the placed family */
	bool may_stagger;              /* the last resort: the smallest text, initials */
	struct layout_stagger_settings stagger;
};

static inline float layout_max(float a, float b)
{
	return a > b ? a : b;
}

static inline float layout_min(float a, float b)
{
	return a < b ? a : b;
}

static inline bool layout_is_family(const struct node *node)
{
	return node->kind == NODE_PERSON && node->circle == CIRCLE_FAMILY;
}

static inline bool layout_rects_overlap(struct layout_rect a, struct layout_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Whether segments ab and cd cross at a point inside both (touching or
 * collinear pairs do not count), as layout_stats counts crossings. */
static inline bool layout_segments_cross(float ax, float ay, float bx, float by, float cx, float cy,
                                         float dx, float dy)
{
	float d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
	float d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
	/* Most pairs tested do not cross: a and b on one side of cd settles it. */
	if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)))
		return false;
	float d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	float d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
	return (d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0);
}

/* The node's whole footprint (symbol and label) at its current position
 * (inline: the searches for free places ask it millions of times). */
static inline struct layout_rect layout_cell_rect(const struct layout_work *work, size_t node,
                                                  float margin)
{
	const struct layout_node *placed = &work->layout->nodes[node];
	const struct layout_cell *cell = &work->cells[node];
	return (struct layout_rect){placed->x - cell->half_width - margin,
	                            placed->y - cell->up - margin, 2 * (cell->half_width + margin),
	                            cell->up + cell->down + 2 * margin};
}
/* Isotonic regression with minimum gaps: x keeps the order of `desired`,
 * x[k+1] - x[k] >= gap[k], and the sum of (x - desired)^2 is least. The
 * scratch arrays hold count entries. */
void layout_isotonic(float *x, const float *desired, const float *gap, size_t count,
                     float *scratch_value, size_t *scratch_size);
int layout_text_width(const struct layout_work *work, const char *utf8, int px, bool is_bold);

/* layout_family.c: rows of the genogram, partners side by side, children
 * under their union; fills work->family_box. */
bool layout_family_place(struct layout_work *work);
/* layout_stagger.c: when the family is wider than the screen, squeezes
 * its rows and puts crowded ones on staggered lines; false when even six
 * lines per row would not keep persons apart. */
bool layout_family_stagger(struct layout_work *work);
/* layout_ring.c: professionals and institutions around the family, grouped
 * by sector and institution, near those they work with. false when they do
 * not fit at this scale. */
bool layout_ring_place(struct layout_work *work);
/* layout_check.c: pushes the ring apart where footprints still touch, then
 * fills symbol/label boxes, link labels and household enclosures. */
void layout_separate(struct layout_work *work);
/* Moves professionals still overlapping something to the nearest free place. */
void layout_unstick(struct layout_work *work);
void layout_finish(struct layout_work *work);
/* Whether rect hides no symbol, label or household name, nor any of
 * taken[0 .. link_count), and lies on screen. */
bool layout_rect_is_free(const struct layout *layout, struct layout_rect rect, size_t link_count,
                         const struct layout_rect *taken);
/* layout_households.c: household enclosures and where their names go. */
void layout_households_finish(struct layout_work *work);
/* layout_untangle.c: professionals, then institution tags, move to the free
 * places where their links cross fewest others. */
void layout_untangle(struct layout_work *work);

#endif
