/*
 * fake_keys: what tests need to give the real kiosk a USB key — a private
 * mount namespace (a tmpfs mounted there shows nowhere else and goes with
 * the test) and a plain file copy onto the key. Static functions returning
 * success, so each test counts failures its own way.
 */
#ifndef CONCERTO_TESTS_FAKE_KEYS_H
#define CONCERTO_TESTS_FAKE_KEYS_H

#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/mount.h>
#include <unistd.h>

/* This process's own mount namespace, changes private; needs root. */
static inline bool fake_key_enter_mount_namespace(void)
{
	return geteuid() == 0 && unshare(CLONE_NEWNS) == 0 &&
	       mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

static inline bool fake_key_copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char chunk[8192];
	size_t got;
	bool is_copied = in && out;
	while (is_copied && (got = fread(chunk, 1, sizeof chunk, in)) > 0)
		is_copied = fwrite(chunk, 1, got, out) == got;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		is_copied = false;
	return is_copied;
}

#endif
