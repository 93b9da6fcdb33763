/*
 * fuzz_replay: a main() for the fuzz harness without libFuzzer, so any
 * compiler and the ordinary asan build can replay inputs through exactly the
 * code the fuzzer runs.
 *
 *     test_fuzz_regressions [FILE|DIR]...
 *
 * With no argument it replays TESTS_DATA_DIR/fuzz-regressions, the inputs
 * that once crashed or leaked (test_fuzz_regressions in ctest). A crash,
 * sanitizer report or leak fails the test; an unreadable file or an empty
 * directory fails it too, so the test cannot pass by replaying nothing.
 */
#define _POSIX_C_SOURCE 200809L /* opendir, fdopen */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { REPLAY_MAX_BYTES = 2 * 1024 * 1024 };

static int replay_file(const char *path)
{
	FILE *file = fopen(path, "rb");
	if (!file)
		return -1;
	uint8_t *bytes = malloc(REPLAY_MAX_BYTES);
	size_t size = bytes ? fread(bytes, 1, REPLAY_MAX_BYTES, file) : 0;
	int is_bad = !bytes || ferror(file);
	fclose(file);
	if (!is_bad)
		LLVMFuzzerTestOneInput(bytes, size);
	free(bytes);
	return is_bad ? -1 : 0;
}

/* Replays a file or every regular file of a directory; returns how many. */
static int replay_path(const char *path)
{
	struct stat info;
	if (stat(path, &info) != 0)
		return -1;
	if (!S_ISDIR(info.st_mode))
		return replay_file(path) == 0 ? 1 : -1;
	DIR *dir = opendir(path);
	if (!dir)
		return -1;
	int count = 0;
	struct dirent *entry;
	while ((entry = readdir(dir)) != NULL) {
		char child[4096];
		if (entry->d_name[0] == '.')
			continue;
		snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
		if (stat(child, &info) != 0 || !S_ISREG(info.st_mode))
			continue;
		CHECK(replay_file(child) == 0);
		count++;
	}
	closedir(dir);
	return count;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		int count = replay_path(TESTS_DATA_DIR "/fuzz-regressions");
		CHECK(count > 0);
		printf("replayed %d regression inputs\n", count);
	}
	for (int i = 1; i < argc; i++) {
		int count = replay_path(argv[i]);
		CHECK(count > 0);
	}
	return check_report("test_fuzz_regressions");
}
