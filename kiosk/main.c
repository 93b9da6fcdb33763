/*
 * main: parses the command line and hands over to the kiosk loop or to a
 * headless command. The only place that decides what reaches stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "calibrate.h"
#include "cli.h"
#include "config_command.h"
#include "headless.h"
#include "kiosk.h"

#ifndef CONCERTO_VERSION
#define CONCERTO_VERSION "0"
#endif

/* What the kiosk shows must not outlive it: no core dump may hold names. */
static void main_forbid_core_dumps(void)
{
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/* Large blocks (the frame cache, text textures, a situation's arena) are
 * mapped and unmapped on their own: glibc's sliding threshold would
 * otherwise, once one is freed at a key's removal, keep the next ones in
 * the heap, where they stay resident after free (soak test: 33 MiB instead
 * of 25). A fixed threshold keeps the kiosk's memory flat, key after key. */
static void main_return_large_blocks(void)
{
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
}

int main(int argc, char **argv)
{
	main_forbid_core_dumps();
	main_return_large_blocks();
	/* Mesa would otherwise write a shader cache under $HOME. */
	setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
	struct cli_options options;
	char error[256];
	if (!cli_parse(argc, argv, &options, error, sizeof error)) {
		fprintf(stderr, "concerto: %s\n%s", error, cli_usage());
		return 2;
	}
	switch (options.mode) {
	case CLI_HELP:
		fputs(cli_usage(), stdout);
		return 0;
	case CLI_CHECK_CONFIG:
		return config_check_command(options.config_path);
	case CLI_CALIBRATE:
		return calibrate_run(&options);
	case CLI_VERSION:
		printf("concerto %s\n", CONCERTO_VERSION);
		return 0;
	case CLI_CHECK:
		return headless_check(&options);
	case CLI_RENDER:
		return headless_render(&options);
	case CLI_LAYOUT_STATS:
		return headless_layout_stats(&options);
	case CLI_KIOSK:
		break;
	}
	return kiosk_run(&options);
}
