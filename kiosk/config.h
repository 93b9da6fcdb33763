/*
 * config: the kiosk's settings (/etc/concerto/kiosk.conf, then command-line
 * options on top). Plain data with defaults; config.c reads and validates
 * the file, every problem a diagnostic with line and column.
 */
#ifndef CONCERTO_CONFIG_H
#define CONCERTO_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "situation.h"

enum { CONFIG_MAX_MEDIA_ROOTS = 8, CONFIG_MAX_PATH = 256 };

struct touch_calibration {
	/* screen = matrix * (touch_x, touch_y, 1), touch coordinates normalised
	 * to 0..1 after rotation and mirroring; identity by default. */
	float matrix[6];
};

struct kiosk_config {
	int rotation; /* 0, 90, 180, 270: touch surface vs screen */
	bool is_mirrored_x;
	bool is_mirrored_y;
	struct touch_calibration calibration;
	char media_roots[CONFIG_MAX_MEDIA_ROOTS][CONFIG_MAX_PATH]; /* default /media, /run/media */
	size_t media_root_count;
	char input_dir[CONFIG_MAX_PATH]; /* default /dev/input */
	enum situation_lang lang;        /* the kiosk's own words before a key is read */
	bool has_theme;                  /* theme= overrides the situation's */
	enum situation_theme theme;
};

void config_defaults(struct kiosk_config *config);

/* config.c: the `key = value` file. Caps: CONFIG_MAX_BYTES per file,
 * CONFIG_MAX_LINE per line. Both functions start from the defaults, apply
 * every valid line, skip (and report) every bad one, and return false when
 * `diags` holds an error. `diags` is initialised here; the caller frees it.
 * A missing file is not an error: defaults, no diagnostic, true. */
enum { CONFIG_MAX_BYTES = 64 * 1024, CONFIG_MAX_LINE = 1024 };
bool config_load(const char *path, struct kiosk_config *config, struct diag_list *diags);
bool config_parse(const char *text, size_t size, const char *name, struct kiosk_config *config,
                  struct diag_list *diags);

#endif
