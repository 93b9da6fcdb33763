/*
 * calibration: targets, plausibility and the solved matrix; see
 * calibration.h.
 */
#include "calibration.h"

#include <math.h>
#include <stdio.h>

#include "touch_map.h"

/* Target corners as fractions of the screen, in the order they are shown. */
static const float calibration_corners[CALIBRATION_POINTS][2] = {
    {CALIBRATION_INSET, CALIBRATION_INSET},
    {1 - CALIBRATION_INSET, CALIBRATION_INSET},
    {1 - CALIBRATION_INSET, 1 - CALIBRATION_INSET},
    {CALIBRATION_INSET, 1 - CALIBRATION_INSET},
};

void calibration_init(struct calibration *calibration, int width, int height)
{
	*calibration = (struct calibration){.width = width > 0 ? width : 1,
	                                    .height = height > 0 ? height : 1,
	                                    .matrix = {1, 0, 0, 0, 1, 0}};
}

void calibration_target(const struct calibration *calibration, int index, float *x, float *y)
{
	int k = index >= 0 && index < CALIBRATION_POINTS ? index : 0;
	*x = calibration_corners[k][0] * (float)calibration->width;
	*y = calibration_corners[k][1] * (float)calibration->height;
}

/* Plausible: the touch is nearer the target shown than any other one (a
 * surface is never so far off that its corners swap: rotation and
 * mirroring are configured apart). */
static bool calibration_is_plausible(const struct calibration *calibration, float x, float y)
{
	float best = INFINITY;
	int nearest = -1;
	for (int k = 0; k < CALIBRATION_POINTS; k++) {
		float tx, ty;
		calibration_target(calibration, k, &tx, &ty);
		float distance = hypotf(x - tx, y - ty);
		if (distance < best) {
			best = distance;
			nearest = k;
		}
	}
	return nearest == calibration->index;
}

/* The matrix is usable: finite, within kiosk.conf's range, not flat, and
 * it sends every touch within CALIBRATION_MAX_RESIDUAL of its target. */
static bool calibration_is_consistent(const struct calibration *calibration,
                                      const float targets[CALIBRATION_POINTS][2])
{
	const float *m = calibration->matrix;
	for (int i = 0; i < 6; i++)
		if (!isfinite(m[i]) || fabsf(m[i]) > CALIBRATION_LIMIT)
			return false;
	if (fabsf(m[0] * m[4] - m[1] * m[3]) < 1e-3f)
		return false;
	float width = (float)calibration->width, height = (float)calibration->height;
	float limit = CALIBRATION_MAX_RESIDUAL * (width < height ? width : height);
	for (int k = 0; k < CALIBRATION_POINTS; k++) {
		float u = calibration->touched[k][0], v = calibration->touched[k][1];
		float x = (m[0] * u + m[1] * v + m[2]) * width;
		float y = (m[3] * u + m[4] * v + m[5]) * height;
		if (hypotf(x - targets[k][0] * width, y - targets[k][1] * height) > limit)
			return false;
	}
	return true;
}

enum calibration_outcome calibration_feed(struct calibration *calibration, float x, float y)
{
	if (!isfinite(x) || !isfinite(y) || !calibration_is_plausible(calibration, x, y)) {
		calibration->index = 0;
		return CALIBRATION_TOO_FAR;
	}
	calibration->touched[calibration->index][0] = x / (float)calibration->width;
	calibration->touched[calibration->index][1] = y / (float)calibration->height;
	if (++calibration->index < CALIBRATION_POINTS)
		return CALIBRATION_NEXT;
	calibration->index = 0;
	if (!touch_calibration_solve((const float(*)[2])calibration->touched, calibration_corners,
	                             calibration->matrix) ||
	    !calibration_is_consistent(calibration, calibration_corners)) {
		float identity[6] = {1, 0, 0, 0, 1, 0};
		for (int i = 0; i < 6; i++)
			calibration->matrix[i] = identity[i];
		return CALIBRATION_DEGENERATE;
	}
	return CALIBRATION_DONE;
}

int calibration_format(const float matrix[6], char *line, size_t size)
{
	double m[6];
	for (int i = 0; i < 6; i++) /* no "-0" in the file */
		m[i] = fabs(matrix[i]) < 5e-7f ? 0.0 : (double)matrix[i];
	return snprintf(line, size, "calibration = %.6f %.6f %.6f %.6f %.6f %.6f", m[0], m[1], m[2],
	                m[3], m[4], m[5]);
}

const char *calibration_outcome_to_str(enum calibration_outcome outcome)
{
	static const char *const names[] = {"next", "done", "too-far", "degenerate"};
	return (unsigned)outcome < sizeof names / sizeof *names ? names[outcome] : "?";
}
