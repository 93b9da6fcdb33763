/*
 * config_defaults: the settings a kiosk runs with when nothing is configured.
 */
#include <string.h>

#include "config.h"

void config_defaults(struct kiosk_config *config)
{
	memset(config, 0, sizeof *config);
	config->calibration.matrix[0] = 1;
	config->calibration.matrix[4] = 1;
	strcpy(config->media_roots[0], "/media");
	strcpy(config->media_roots[1], "/run/media");
	config->media_root_count = 2;
	strcpy(config->input_dir, "/dev/input");
	config->lang = LANG_FR;
	config->theme = THEME_LIGHT;
}
