/*
 * test_view: the pinch-and-pan view — clamping, hit-testing through it with
 * the 9 mm minimum target, and the transformed copy of the layout drawn,
 * household names following their outlines.
 */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "view.h"

static bool near(float a, float b)
{
	return fabsf(a - b) < 0.01f;
}

int main(void)
{
	struct layout_node nodes[2] = {
	    {.x = 100,
	     .y = 100,
	     .size = 20,
	     .symbol_box = {90, 90, 20, 20},
	     .label_box = {60, 115, 80, 20}},
	    {.x = 300,
	     .y = 200,
	     .size = 20,
	     .symbol_box = {290, 190, 20, 20},
	     .label_box = {260, 215, 80, 20}},
	};
	/* Node 1's household, named just above its top edge; one of two rows
	 * named across the bottom edge of the lower row; an unnamed one. */
	struct layout_household households[3] = {
	    {.rects = {{250, 180, 100, 60}}, .rect_count = 1, .label_box = {260, 162, 60, 16}},
	    {.rects = {{20, 20, 60, 40}, {20, 60, 160, 60}},
	     .rect_count = 2,
	     .label_box = {100, 115, 50, 16}},
	    {.rects = {{80, 80, 40, 40}}, .rect_count = 1},
	};
	struct layout layout = {.width = 400,
	                        .height = 300,
	                        .nodes = nodes,
	                        .node_count = 2,
	                        .households = households,
	                        .household_count = 3};

	struct view view = view_identity();
	CHECK(view_is_identity(view));
	CHECK_INT_EQ(view_hit_test(&layout, NULL, view, 105, 100, 0), 0);
	CHECK_INT_EQ(view_hit_test(&layout, NULL, view, 125, 100, 0), -1);
	/* The 9 mm target: a 30 px radius reaches past the small symbol. */
	CHECK_INT_EQ(view_hit_test(&layout, NULL, view, 125, 100, 30), 0);
	bool only_second[2] = {false, true};
	CHECK_INT_EQ(view_hit_test(&layout, only_second, view, 100, 100, 0), -1);

	/* Spread 2x about (100, 100): node 0 stays, node 1 moves away. */
	struct input_message pinch = {.kind = INPUT_MESSAGE_VIEW,
	                              .scale = 2,
	                              .from_x = 100,
	                              .from_y = 100,
	                              .to_x = 100,
	                              .to_y = 100};
	view = view_pinch(view, &pinch, 400, 300);
	CHECK(near(view.scale, 2) && near(view.dx, -100) && near(view.dy, -100));
	CHECK_INT_EQ(view_hit_test(&layout, NULL, view, 100, 100, 0), 0);
	CHECK_INT_EQ(view_hit_test(&layout, NULL, view, 500, 300, 0), 1);
	/* Panning past the edge is held at the edge. */
	struct input_message pan = {.kind = INPUT_MESSAGE_VIEW, .scale = 1, .to_x = 500};
	struct view held = view_pinch(view, &pan, 400, 300);
	CHECK(near(held.dx, 0));
	/* Never smaller than the screen, never past the largest scale. */
	pinch.scale = 0.1f;
	CHECK(near(view_pinch(view, &pinch, 400, 300).scale, 1));
	pinch.scale = 100;
	CHECK(near(view_pinch(view, &pinch, 400, 300).scale, VIEW_MAX_SCALE));

	struct layout *shown = NULL;
	CHECK(view_layout_through(&shown, &layout, view_identity()) == &layout);
	const struct layout *drawn = view_layout_through(&shown, &layout, view);
	CHECK(drawn == shown && shown != NULL);
	CHECK(near(drawn->nodes[1].x, 500) && near(drawn->nodes[1].y, 300));
	CHECK(near(drawn->nodes[1].size, 40));
	CHECK(near(drawn->nodes[1].label_box.w, 80)); /* text keeps its size */
	CHECK(near(drawn->nodes[1].label_box.y, 300 + 20 + 5));
	CHECK(near(layout.nodes[1].x, 300)); /* the original is untouched */
	/* The outline doubles about (100, 100); its name keeps its size and
	 * stays 2 px above the top edge, over the same point of it. */
	const struct layout_household *named = &drawn->households[0];
	CHECK(near(named->rects[0].x, 400) && near(named->rects[0].y, 260));
	CHECK(near(named->rects[0].w, 200) && near(named->rects[0].h, 120));
	CHECK(near(named->label_box.w, 60) && near(named->label_box.h, 16));
	CHECK(near(named->label_box.x + named->label_box.w / 2, 290 * 2 - 100));
	CHECK(near(named->label_box.y + named->label_box.h, named->rects[0].y - 2));
	CHECK(near(layout.households[0].label_box.x, 260)); /* the original is untouched */
	const struct layout_household *rows = &drawn->households[1];
	CHECK(near(rows->label_box.y, rows->rects[1].y + rows->rects[1].h - 5));
	CHECK(near(rows->label_box.x + rows->label_box.w / 2, 125 * 2 - 100));
	CHECK(drawn->households[2].label_box.w == 0); /* unnamed: still no name */
	/* Back at 1x, everything is where the layout put it. */
	view_layout_update(shown, &layout, view_identity());
	CHECK(near(shown->households[0].label_box.x, 260) &&
	      near(shown->households[0].label_box.y, 162));
	view_layout_free(shown);
	return check_report("test_view");
}
