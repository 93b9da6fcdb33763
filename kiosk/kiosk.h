/*
 * kiosk: the windowed or fullscreen program — one sleeping SDL loop that
 * draws the current situation only when something changed.
 */
#ifndef CONCERTO_KIOSK_H
#define CONCERTO_KIOSK_H

#include "cli.h"

int kiosk_run(const struct cli_options *options);

#endif
