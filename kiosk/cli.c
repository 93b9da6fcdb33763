/*
 * cli: command-line parsing; see cli.h.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_usage(void)
{
	return "Usage:\n"
	       "  concerto [--windowed [--size WxH]] [--media DIR]... [FILE | --demo]\n"
	       "                                           run the kiosk (fullscreen by default,\n"
	       "                                           else a 1280x720 window);\n"
	       "                                           without FILE, wait for a USB key under\n"
	       "                                           /media and /run/media (or each DIR)\n"
	       "  concerto --check FILE...                 check situation files, print every "
	       "problem\n"
	       "  concerto --render FILE|--demo --out SHOT.bmp [--size WxH] [--phase N]\n"
	       "           [--step K] [--touch ID,...] [--theme dark|light]\n"
	       "                                           draw one state into a BMP, no display "
	       "needed\n"
	       "  concerto --check-config FILE             check a kiosk.conf, print every "
	       "problem\n"
	       "  concerto --layout-stats FILE|--demo [--size WxH] [--positions]\n"
	       "                                           one line of layout figures (overlaps, "
	       "crossings...);\n"
	       "                                           --positions adds a line per node: node "
	       "ID X Y\n"
	       "  concerto --calibrate [--windowed]        touch four targets, print the "
	       "calibration\n"
	       "                                           line for kiosk.conf\n"
	       "  concerto --help | --version\n"
	       "\n"
	       "--config FILE: the kiosk's settings (default " CLI_DEFAULT_CONFIG ";\n"
	       "a missing file means the defaults).\n"
	       "--input-dir DIR: where the kiosk finds touch surfaces and clickers\n"
	       "(default /dev/input, or input_dir= in the settings).\n"
	       "\n"
	       "--check exits 0 when no file has an error, 1 otherwise.\n"
	       "--render: phase N counts from 1; in a presentation round, K is the number of\n"
	       "persons already presented (default 0); --touch lights up nodes by id.\n";
}

bool cli_parse_int(const char *text, int minimum, int maximum, int *value)
{
	if (!text || !*text)
		return false;
	char *end = NULL;
	errno = 0;
	long parsed = strtol(text, &end, 10);
	if (errno != 0 || *end != '\0' || end == text || parsed < minimum || parsed > maximum)
		return false;
	*value = (int)parsed;
	return true;
}

static bool cli_parse_size(const char *text, int *width, int *height)
{
	const char *separator = text ? strchr(text, 'x') : NULL;
	if (!separator || (size_t)(separator - text) >= 16)
		return false;
	char width_text[16];
	memcpy(width_text, text, (size_t)(separator - text));
	width_text[separator - text] = '\0';
	return cli_parse_int(width_text, CLI_MIN_SIDE, CLI_MAX_SIDE, width) &&
	       cli_parse_int(separator + 1, CLI_MIN_SIDE, CLI_MAX_SIDE, height);
}

/* The option's value, or NULL (with the message) when it is missing. */
static const char *cli_value(int argc, char **argv, int *index, char *error, size_t error_size)
{
	if (*index + 1 >= argc) {
		snprintf(error, error_size, "%s needs a value", argv[*index]);
		return NULL;
	}
	return argv[++*index];
}

static bool cli_option(int argc, char **argv, int *index, struct cli_options *options, char *error,
                       size_t error_size)
{
	const char *arg = argv[*index];
	const char *value = NULL;
	if (strcmp(arg, "--check") == 0) {
		options->mode = CLI_CHECK;
	} else if (strcmp(arg, "--render") == 0) {
		options->mode = CLI_RENDER;
	} else if (strcmp(arg, "--layout-stats") == 0) {
		options->mode = CLI_LAYOUT_STATS;
	} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
		options->mode = CLI_HELP;
	} else if (strcmp(arg, "--version") == 0) {
		options->mode = CLI_VERSION;
	} else if (strcmp(arg, "--config") == 0 || strcmp(arg, "--check-config") == 0) {
		if (strcmp(arg, "--check-config") == 0)
			options->mode = CLI_CHECK_CONFIG;
		if (!(options->config_path = cli_value(argc, argv, index, error, error_size)))
			return false;
	} else if (strcmp(arg, "--calibrate") == 0) {
		options->mode = CLI_CALIBRATE;
	} else if (strcmp(arg, "--demo") == 0) {
		options->is_demo = true;
	} else if (strcmp(arg, "--windowed") == 0) {
		options->is_windowed = true;
	} else if (strcmp(arg, "--report-screens") == 0) {
		options->is_reporting_screens = true;
	} else if (strcmp(arg, "--positions") == 0) {
		options->is_printing_positions = true;
	} else if (strcmp(arg, "--report-state") == 0) {
		options->is_reporting_state = true;
	} else if (strcmp(arg, "--sys-dir") == 0) {
		if (!(options->sys_dir = cli_value(argc, argv, index, error, error_size)))
			return false;
	} else if (strcmp(arg, "--dev-dir") == 0) {
		if (!(options->dev_dir = cli_value(argc, argv, index, error, error_size)))
			return false;
	} else if (strcmp(arg, "--input-dir") == 0) {
		if (!(options->input_dir = cli_value(argc, argv, index, error, error_size)))
			return false;
	} else if (strcmp(arg, "--media") == 0) {
		if (!(value = cli_value(argc, argv, index, error, error_size)))
			return false;
		if (options->media_root_count == CLI_MAX_MEDIA_ROOTS) {
			snprintf(error, error_size, "at most %d --media folders",
			         CLI_MAX_MEDIA_ROOTS);
			return false;
		}
		options->media_roots[options->media_root_count++] = value;
	} else if (strcmp(arg, "--out") == 0) {
		if (!(options->out = cli_value(argc, argv, index, error, error_size)))
			return false;
	} else if (strcmp(arg, "--size") == 0) {
		if (!(value = cli_value(argc, argv, index, error, error_size)))
			return false;
		if (!cli_parse_size(value, &options->width, &options->height)) {
			snprintf(error, error_size,
			         "--size takes WIDTHxHEIGHT, each from %d to %d (e.g. 1920x1080)",
			         CLI_MIN_SIDE, CLI_MAX_SIDE);
			return false;
		}
		options->has_size = true;
	} else if (strcmp(arg, "--phase") == 0) {
		if (!(value = cli_value(argc, argv, index, error, error_size)))
			return false;
		if (!cli_parse_int(value, 1, SITUATION_MAX_PHASES, &options->phase)) {
			snprintf(error, error_size, "--phase takes a number from 1 to %d",
			         SITUATION_MAX_PHASES);
			return false;
		}
	} else if (strcmp(arg, "--step") == 0) {
		if (!(value = cli_value(argc, argv, index, error, error_size)))
			return false;
		if (!cli_parse_int(value, 0, SITUATION_MAX_NODES, &options->step)) {
			snprintf(error, error_size, "--step takes a number from 0 to %d",
			         SITUATION_MAX_NODES);
			return false;
		}
	} else if (strcmp(arg, "--touch") == 0) {
		if (!(options->touch = cli_value(argc, argv, index, error, error_size)))
			return false;
	} else if (strcmp(arg, "--theme") == 0) {
		if (!(value = cli_value(argc, argv, index, error, error_size)))
			return false;
		options->has_theme = true;
		if (strcmp(value, "dark") == 0) {
			options->theme = THEME_DARK;
		} else if (strcmp(value, "light") == 0) {
			options->theme = THEME_LIGHT;
		} else {
			snprintf(error, error_size, "--theme takes dark or light");
			return false;
		}
	} else {
		snprintf(error, error_size, "unknown option %s (see --help)", arg);
		return false;
	}
	return true;
}

bool cli_parse(int argc, char **argv, struct cli_options *options, char *error, size_t error_size)
{
	*options = (struct cli_options){.mode = CLI_KIOSK,
	                                .width = 1920,
	                                .height = 1080,
	                                .phase = 1,
	                                .config_path = CLI_DEFAULT_CONFIG};
	error[0] = '\0';
	for (int index = 1; index < argc; index++) {
		const char *arg = argv[index];
		if (arg[0] == '-' && arg[1] == '-') {
			if (!cli_option(argc, argv, &index, options, error, error_size))
				return false;
			continue;
		}
		if (options->file_count == CLI_MAX_FILES) {
			snprintf(error, error_size, "at most %d files at once", CLI_MAX_FILES);
			return false;
		}
		options->files[options->file_count++] = arg;
	}
	if (options->mode == CLI_HELP || options->mode == CLI_VERSION)
		return true;
	if (options->mode == CLI_CHECK && options->file_count == 0) {
		snprintf(error, error_size, "--check needs at least one file");
		return false;
	}
	if (options->mode == CLI_LAYOUT_STATS &&
	    options->file_count + (options->is_demo ? 1 : 0) != 1) {
		snprintf(error, error_size, "--layout-stats takes one FILE (or --demo)");
		return false;
	}
	if (options->mode == CLI_RENDER) {
		if (!options->out) {
			snprintf(error, error_size, "--render needs --out SHOT.bmp");
			return false;
		}
		if (options->file_count + (options->is_demo ? 1 : 0) != 1) {
			snprintf(error, error_size, "--render takes one FILE (or --demo)");
			return false;
		}
	}
	if (options->mode == CLI_CALIBRATE && (options->file_count || options->is_demo)) {
		snprintf(error, error_size, "--calibrate takes no FILE");
		return false;
	}
	if (options->mode == CLI_KIOSK && options->file_count + (options->is_demo ? 1 : 0) > 1) {
		snprintf(error, error_size,
		         "the kiosk shows one situation: give one FILE or --demo");
		return false;
	}
	return true;
}
