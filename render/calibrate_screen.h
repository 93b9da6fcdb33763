/*
 * calibrate_screen: what `concerto --calibrate` shows — one large target
 * (crosshair and ring) with the instruction, a "starting again" notice, and
 * the result with the line for kiosk.conf. Drawing only; where the target
 * is and what the touches mean is kiosk/calibration's business.
 */
#ifndef CONCERTO_CALIBRATE_SCREEN_H
#define CONCERTO_CALIBRATE_SCREEN_H

#include "draw.h"
#include "situation.h"

enum calibrate_notice {
	CALIBRATE_NOTICE_NONE,
	CALIBRATE_NOTICE_TOO_FAR,    /* the last touch was nowhere near */
	CALIBRATE_NOTICE_DEGENERATE, /* the four touches did not agree */
};

struct calibrate_screen {
	bool is_done;
	int target;       /* 0..3 while not done */
	float x, y;       /* the target's centre, pixels */
	int target_count; /* 4 */
	enum calibrate_notice notice;
	const char *result_line; /* when done: "calibration = ..." */
};

void draw_calibrate_screen(struct draw_context *context, enum situation_lang lang,
                           const struct calibrate_screen *screen);

#endif
