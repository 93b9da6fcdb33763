/*
 * config_command: where the configuration file's diagnostics go — stdout for
 * `concerto --check-config FILE`, stderr (the journal) for the kiosk, which
 * then runs with whatever was valid. The file holds no situation names.
 */
#ifndef CONCERTO_CONFIG_COMMAND_H
#define CONCERTO_CONFIG_COMMAND_H

#include <stdio.h>

#include "config.h"

/* --check-config: every problem on stdout; exit status 0 (valid), 1 (errors
 * or missing: a file asked for by name must exist). */
int config_check_command(const char *path);
/* The kiosk's start: loads `path` (missing = defaults, silently) and prints
 * any problem to `stream`. */
void config_load_reporting(const char *path, struct kiosk_config *config, FILE *stream);

#endif
