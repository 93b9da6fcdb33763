/*
 * calibration: the pure core of `concerto --calibrate` — where the four
 * targets are, whether a touch is plausible for the target shown, and the
 * calibration matrix from the four touches (touch_calibration_solve), with
 * the line to put in kiosk.conf.
 *
 * Touches come in as screen pixels through the rotation and mirroring but
 * WITHOUT any calibration (the identity matrix), so pixel / screen size is
 * exactly the normalised point the kiosk's matrix will be applied to. No SDL,
 * no libevdev: the unit test drives it directly.
 */
#ifndef CONCERTO_CALIBRATION_H
#define CONCERTO_CALIBRATION_H

#include <stdbool.h>
#include <stddef.h>

enum { CALIBRATION_POINTS = 4, CALIBRATION_LINE_MAX = 160 };

/* Targets sit this far in from the edges (fraction of each side). */
#define CALIBRATION_INSET 0.1f
/* A fitted point further than this fraction of the screen's short side
 * from its target means the four touches do not agree (one was wrong). */
#define CALIBRATION_MAX_RESIDUAL 0.05f
/* Matrix entries beyond this are refused, as kiosk.conf refuses them. */
#define CALIBRATION_LIMIT 16.0f

enum calibration_outcome {
	CALIBRATION_NEXT,       /* recorded; show the next target */
	CALIBRATION_DONE,       /* the fourth one: matrix solved */
	CALIBRATION_TOO_FAR,    /* nearer another target: start again */
	CALIBRATION_DEGENERATE, /* no usable matrix from the four: start again */
};

struct calibration {
	int width; /* screen pixels */
	int height;
	int index;                            /* the target shown, 0..3 */
	float touched[CALIBRATION_POINTS][2]; /* normalised, uncalibrated */
	float matrix[6];
};

void calibration_init(struct calibration *calibration, int width, int height);
/* Target k (0 top left, 1 top right, 2 bottom right, 3 bottom left) in
 * screen pixels. */
void calibration_target(const struct calibration *calibration, int index, float *x, float *y);
/* One touch at uncalibrated screen pixels (x, y). TOO_FAR and DEGENERATE
 * have already started again from target 0. */
enum calibration_outcome calibration_feed(struct calibration *calibration, float x, float y);
/* "calibration = a b c d e f"; the number of characters, as snprintf. */
int calibration_format(const float matrix[6], char *line, size_t size);

const char *calibration_outcome_to_str(enum calibration_outcome outcome);

#endif
