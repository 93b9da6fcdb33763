/*
 * config_command: prints the configuration file's diagnostics; see
 * config_command.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "config_command.h"

#include <unistd.h>

int config_check_command(const char *path)
{
	if (access(path, F_OK) != 0) {
		fprintf(stdout, "%s: error: no such file\n", path);
		return 1;
	}
	struct kiosk_config config;
	struct diag_list diags;
	bool is_valid = config_load(path, &config, &diags);
	diag_list_print(&diags, stdout);
	diag_list_free(&diags);
	return is_valid ? 0 : 1;
}

void config_load_reporting(const char *path, struct kiosk_config *config, FILE *stream)
{
	struct diag_list diags;
	if (!config_load(path, config, &diags))
		fprintf(stream, "concerto: %s: %zu error(s); those lines are ignored\n",
		        diags.file_name, diags.error_count);
	diag_list_print(&diags, stream);
	diag_list_free(&diags);
}
