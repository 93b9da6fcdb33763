/*
 * touch_map: from a touch surface's raw coordinates to screen pixels, and
 * from screen pixels back to millimetres on the surface.
 *
 * The raw point is normalised to 0..1 over the axis range, rotated
 * (0/90/180/270 degrees clockwise: how far the surface is turned from the
 * screen), mirrored, then passed through the calibration matrix
 * (screen = M * (u, v, 1), libinput's convention) and scaled to the screen.
 * Millimetres come from the axis resolution (units per mm); a surface that
 * reports no resolution is taken to be a 1920x1080 screen at 96 dpi
 * (508 x 286 mm), the size of a typical touch monitor, so thresholds stay
 * sensible rather than collapsing to zero.
 */
#ifndef CONCERTO_INPUT_TOUCH_MAP_H
#define CONCERTO_INPUT_TOUCH_MAP_H

#include <stdbool.h>

enum { TOUCH_MAP_FALLBACK_WIDTH_MM = 508, TOUCH_MAP_FALLBACK_HEIGHT_MM = 286 };

struct touch_axis {
	int minimum;
	int maximum;
	int resolution; /* units per mm, 0 when the device does not say */
};

struct touch_map {
	int rotation; /* 0, 90, 180, 270; anything else is treated as 0 */
	bool is_mirrored_x;
	bool is_mirrored_y;
	float matrix[6];
	int screen_width;
	int screen_height;
};

/* Identity calibration, no rotation, for a screen of the given size. */
void touch_map_init(struct touch_map *map, int screen_width, int screen_height);

/* Raw device coordinates to screen pixels. */
void touch_map_to_screen(const struct touch_map *map, const struct touch_axis *x_axis,
                         const struct touch_axis *y_axis, int raw_x, int raw_y, float *screen_x,
                         float *screen_y);

/* Raw units to millimetres along one axis (resolution or the fallback). */
float touch_axis_to_mm(const struct touch_axis *axis, int raw, int fallback_mm);

/* Screen pixels per millimetre on the surface (the smaller of the two
 * axes), to turn the 9 mm touch target into a hit radius. */
float touch_map_pixels_per_mm(const struct touch_map *map, const struct touch_axis *x_axis,
                              const struct touch_axis *y_axis);

/* The calibration matrix that sends the four touched points (normalised,
 * after rotation and mirroring) onto the four target points (normalised
 * screen), least squares. false when the touches are degenerate. */
bool touch_calibration_solve(const float touched[4][2], const float targets[4][2], float matrix[6]);

#endif
