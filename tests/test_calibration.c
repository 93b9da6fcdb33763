/*
 * test_calibration: the pure core of --calibrate (kiosk/calibration.c):
 * targets at the 10 % insets, a touch nearer another target starts again,
 * four touches under a known affine misalignment give the matrix that
 * undoes it, four touches no affine map fits are refused, and the line
 * printed for kiosk.conf reads back to the same matrix.
 */
#include <math.h>
#include <stdio.h>

#include "calibration.h"
#include "check.h"

static void test_targets(void)
{
	struct calibration calibration;
	calibration_init(&calibration, 1000, 500);
	const float expected[4][2] = {{100, 50}, {900, 50}, {900, 450}, {100, 450}};
	for (int k = 0; k < 4; k++) {
		float x, y;
		calibration_target(&calibration, k, &x, &y);
		CHECK(fabsf(x - expected[k][0]) < 0.01f && fabsf(y - expected[k][1]) < 0.01f);
	}
}

/* Screen point (pixels) to where a misaligned surface reports it. */
static void skewed(const float skew[6], float x, float y, float *out_x, float *out_y)
{
	float u = x / 1000, v = y / 500;
	*out_x = (skew[0] * u + skew[1] * v + skew[2]) * 1000;
	*out_y = (skew[3] * u + skew[4] * v + skew[5]) * 500;
}

static void test_solve(void)
{
	const float skew[6] = {0.9f, 0.06f, 0.04f, -0.05f, 1.08f, -0.03f};
	struct calibration calibration;
	calibration_init(&calibration, 1000, 500);
	enum calibration_outcome outcome = CALIBRATION_NEXT;
	float touched[4][2];
	for (int k = 0; k < 4; k++) {
		float x, y;
		calibration_target(&calibration, k, &x, &y);
		skewed(skew, x, y, &touched[k][0], &touched[k][1]);
		outcome = calibration_feed(&calibration, touched[k][0], touched[k][1]);
		CHECK_STR_EQ(calibration_outcome_to_str(outcome), k < 3 ? "next" : "done");
	}
	const float *m = calibration.matrix;
	for (int k = 0; k < 4; k++) {
		float u = touched[k][0] / 1000, v = touched[k][1] / 500, x, y;
		calibration_target(&calibration, k, &x, &y);
		CHECK(fabsf((m[0] * u + m[1] * v + m[2]) * 1000 - x) < 0.1f);
		CHECK(fabsf((m[3] * u + m[4] * v + m[5]) * 500 - y) < 0.1f);
	}
	/* The printed line reads back within the printed precision. */
	char line[CALIBRATION_LINE_MAX];
	CHECK(calibration_format(m, line, sizeof line) < (int)sizeof line);
	float read[6];
	CHECK(sscanf(line, "calibration = %f %f %f %f %f %f", &read[0], &read[1], &read[2],
	             &read[3], &read[4], &read[5]) == 6);
	for (int i = 0; i < 6; i++)
		CHECK(fabsf(read[i] - m[i]) < 1e-5f);
}

static void test_restarts(void)
{
	struct calibration calibration;
	calibration_init(&calibration, 1000, 500);
	/* Target 1 (top left) touched at the bottom right. */
	CHECK_STR_EQ(calibration_outcome_to_str(calibration_feed(&calibration, 880, 440)),
	             "too-far");
	CHECK_INT_EQ(calibration.index, 0);
	/* Target 2 after target 1, but touched near target 1 again. */
	CHECK_STR_EQ(calibration_outcome_to_str(calibration_feed(&calibration, 100, 50)), "next");
	CHECK_STR_EQ(calibration_outcome_to_str(calibration_feed(&calibration, 110, 60)),
	             "too-far");
	CHECK_INT_EQ(calibration.index, 0);
	CHECK_STR_EQ(calibration_outcome_to_str(calibration_feed(&calibration, NAN, 60)),
	             "too-far");
	/* A trapezoid: each touch nearest its target, no affine map fits. */
	const float trapezoid[4][2] = {{100, 50}, {900, 50}, {600, 450}, {400, 450}};
	enum calibration_outcome outcome = CALIBRATION_NEXT;
	for (int k = 0; k < 4; k++)
		outcome = calibration_feed(&calibration, trapezoid[k][0], trapezoid[k][1]);
	CHECK_STR_EQ(calibration_outcome_to_str(outcome), "degenerate");
	CHECK_INT_EQ(calibration.index, 0);
	CHECK(calibration.matrix[0] == 1 && calibration.matrix[4] == 1);
	/* Four touches crushed into a thin band: a matrix past kiosk.conf's range. */
	const float flat[4][2] = {{100, 249}, {900, 249}, {900, 251}, {100, 251}};
	for (int k = 0; k < 4; k++)
		outcome = calibration_feed(&calibration, flat[k][0], flat[k][1]);
	CHECK_STR_EQ(calibration_outcome_to_str(outcome), "degenerate");
}

int main(void)
{
	test_targets();
	test_solve();
	test_restarts();
	return check_report("test_calibration");
}
