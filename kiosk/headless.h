/*
 * headless: the commands that need no display — --check and --render.
 * They return the process exit status.
 */
#ifndef CONCERTO_HEADLESS_H
#define CONCERTO_HEADLESS_H

#include "cli.h"

int headless_check(const struct cli_options *options);
int headless_render(const struct cli_options *options);
/* One line: nodes=N links=L node_overlaps=A label_overlaps=B crossings=C
 * min_label_px=P layout_ms=T */
int headless_layout_stats(const struct cli_options *options);

#endif
