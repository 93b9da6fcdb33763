/*
 * touch_map: rotation, mirroring and calibration of touch points; see
 * touch_map.h.
 */
#include "touch_map.h"

#include <math.h>

void touch_map_init(struct touch_map *map, int screen_width, int screen_height)
{
	*map = (struct touch_map){.matrix = {1, 0, 0, 0, 1, 0},
	                          .screen_width = screen_width,
	                          .screen_height = screen_height};
}

static float touch_axis_normalise(const struct touch_axis *axis, int raw)
{
	int span = axis->maximum - axis->minimum;
	if (span <= 0)
		return 0;
	float value = (float)(raw - axis->minimum) / (float)span;
	return value < 0 ? 0 : value > 1 ? 1 : value;
}

void touch_map_to_screen(const struct touch_map *map, const struct touch_axis *x_axis,
                         const struct touch_axis *y_axis, int raw_x, int raw_y, float *screen_x,
                         float *screen_y)
{
	float u = touch_axis_normalise(x_axis, raw_x);
	float v = touch_axis_normalise(y_axis, raw_y);
	float ru = u, rv = v;
	switch (map->rotation) {
	case 90:
		ru = 1 - v;
		rv = u;
		break;
	case 180:
		ru = 1 - u;
		rv = 1 - v;
		break;
	case 270:
		ru = v;
		rv = 1 - u;
		break;
	default:
		break;
	}
	if (map->is_mirrored_x)
		ru = 1 - ru;
	if (map->is_mirrored_y)
		rv = 1 - rv;
	const float *m = map->matrix;
	*screen_x = (m[0] * ru + m[1] * rv + m[2]) * (float)map->screen_width;
	*screen_y = (m[3] * ru + m[4] * rv + m[5]) * (float)map->screen_height;
}

float touch_axis_to_mm(const struct touch_axis *axis, int raw, int fallback_mm)
{
	if (axis->resolution > 0)
		return (float)(raw - axis->minimum) / (float)axis->resolution;
	return touch_axis_normalise(axis, raw) * (float)fallback_mm;
}

float touch_map_pixels_per_mm(const struct touch_map *map, const struct touch_axis *x_axis,
                              const struct touch_axis *y_axis)
{
	float width_mm = touch_axis_to_mm(x_axis, x_axis->maximum, TOUCH_MAP_FALLBACK_WIDTH_MM);
	float height_mm = touch_axis_to_mm(y_axis, y_axis->maximum, TOUCH_MAP_FALLBACK_HEIGHT_MM);
	bool is_turned = map->rotation == 90 || map->rotation == 270;
	float across = is_turned ? height_mm : width_mm; /* what spans the screen's width */
	float down = is_turned ? width_mm : height_mm;
	if (across <= 0 || down <= 0)
		return 1;
	float x = (float)map->screen_width * fabsf(map->matrix[0]) / across;
	float y = (float)map->screen_height * fabsf(map->matrix[4]) / down;
	return x < y ? x : y;
}

/* Solves the 3x3 normal equations A^T A p = A^T b by Cramer's rule. */
static bool touch_solve_row(const float touched[4][2], const float targets[4][2], int column,
                            float row[3])
{
	double ata[3][3] = {{0}}, atb[3] = {0};
	for (int k = 0; k < 4; k++) {
		double a[3] = {touched[k][0], touched[k][1], 1};
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++)
				ata[i][j] += a[i] * a[j];
			atb[i] += a[i] * targets[k][column];
		}
	}
	double det = ata[0][0] * (ata[1][1] * ata[2][2] - ata[1][2] * ata[2][1]) -
	             ata[0][1] * (ata[1][0] * ata[2][2] - ata[1][2] * ata[2][0]) +
	             ata[0][2] * (ata[1][0] * ata[2][1] - ata[1][1] * ata[2][0]);
	if (fabs(det) < 1e-9)
		return false;
	for (int c = 0; c < 3; c++) {
		double m[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++)
				m[i][j] = j == c ? atb[i] : ata[i][j];
		double d = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
		           m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
		           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
		row[c] = (float)(d / det);
	}
	return true;
}

bool touch_calibration_solve(const float touched[4][2], const float targets[4][2], float matrix[6])
{
	return touch_solve_row(touched, targets, 0, matrix) &&
	       touch_solve_row(touched, targets, 1, matrix + 3);
}
