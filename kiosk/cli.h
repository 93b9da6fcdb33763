/*
 * cli: the command line, parsed into options; no side effects.
 *
 *   concerto --check FILE...
 *   concerto --render FILE|--demo --out SHOT.bmp [--size WxH] [--phase N]
 *            [--step K] [--touch ID,...] [--theme dark|light]
 *   concerto [--windowed] [--media DIR]... [FILE | --demo]
 *   concerto [--config FILE] ...   |   concerto --check-config FILE
 *   concerto --calibrate [--windowed] [--config FILE] [--input-dir DIR]
 *   concerto --help | --version
 */
#ifndef CONCERTO_CLI_H
#define CONCERTO_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "situation.h"

enum { CLI_MAX_FILES = 64, CLI_MAX_SIDE = 8192, CLI_MIN_SIDE = 64 };
enum { CLI_MAX_MEDIA_ROOTS = 8 };

enum cli_mode {
	CLI_KIOSK,
	CLI_CHECK,
	CLI_RENDER,
	CLI_LAYOUT_STATS,
	CLI_HELP,
	CLI_VERSION,
	CLI_CHECK_CONFIG,
	CLI_CALIBRATE /* --calibrate: the touch calibration screen (calibrate.h) */
};

#define CLI_DEFAULT_CONFIG "/etc/concerto/kiosk.conf"

struct cli_options {
	enum cli_mode mode;
	const char *files[CLI_MAX_FILES]; /* point into argv */
	size_t file_count;
	bool is_demo;
	bool is_windowed;
	const char *out;
	int width;
	int height;
	bool has_size; /* --size given: also the kiosk's window with --windowed */
	int phase;     /* 1-based as typed */
	int step;
	const char *touch; /* comma-separated ids, resolved once the file is read */
	bool has_theme;
	enum situation_theme theme;
	const char *config_path; /* --config or --check-config; CLI_DEFAULT_CONFIG */
	/* --media DIR (repeatable): where keys are mounted, instead of the
	 * configured roots. */
	const char *media_roots[CLI_MAX_MEDIA_ROOTS];
	size_t media_root_count;
	bool is_reporting_screens; /* hidden --report-screens, for tests: no names */
	const char *input_dir;     /* --input-dir DIR: evdev nodes, instead of the configured one */
	bool is_reporting_state;   /* hidden --report-state: phase, spotlights, view; no names */
	bool is_printing_positions; /* --layout-stats --positions: id x y per node */
	/* Hidden --sys-dir and --dev-dir, for tests: where the kiosk looks for
	 * USB disks that were not mounted, instead of /sys and /dev. */
	const char *sys_dir;
	const char *dev_dir;
};

/* false on a usage error, with a one-line message in `error`. */
bool cli_parse(int argc, char **argv, struct cli_options *options, char *error, size_t error_size);
/* Checked decimal conversion: the whole string, within [minimum, maximum]. */
bool cli_parse_int(const char *text, int minimum, int maximum, int *value);
const char *cli_usage(void);

#endif
