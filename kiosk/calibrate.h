/*
 * calibrate: `concerto --calibrate [--windowed] [--config FILE]
 * [--input-dir DIR]` — four targets one after another, touched through the
 * kiosk's own input path (the libevdev thread, with the configured rotation
 * and mirroring but not the configured calibration), then the
 * `calibration = a b c d e f` line for kiosk.conf on stdout. A touch counts
 * where the finger lifts, however long it was held on the target or far it
 * slid onto it; one lifted nearer another target starts again, with a
 * notice on the screen and on stderr.
 *
 * Exit status 0 with the line printed; 1 when cancelled (Esc or F5 on a
 * clicker or keyboard, or the window closed), nothing on stdout; 2 when
 * there is no display. Progress goes to stderr: target numbers and pixel
 * positions only.
 */
#ifndef CONCERTO_CALIBRATE_H
#define CONCERTO_CALIBRATE_H

#include "cli.h"

int calibrate_run(const struct cli_options *options);

#endif
