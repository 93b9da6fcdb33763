/*
 * mountinfo: the lines of /proc/self/mountinfo, as the key watcher and the
 * USB disk check read them (proc(5)):
 *
 *     36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw
 *     id parent major:minor root mount-point options [optional...] - type source ...
 *
 * Plain C, no allocation; the text is not changed.
 */
#ifndef CONCERTO_MOUNTINFO_H
#define CONCERTO_MOUNTINFO_H

#include <stdbool.h>

enum { MOUNTINFO_MAX_PATH = 1024, MOUNTINFO_MAX_DEV = 32 };

struct mountinfo_entry {
	long id;
	char dev[MOUNTINFO_MAX_DEV]; /* "8:17" */
	/* Escapes undone (\040 is a space); only when is_mount_point_whole is
	 * the whole mount point here, not cut at MOUNTINFO_MAX_PATH. */
	char mount_point[MOUNTINFO_MAX_PATH];
	bool is_mount_point_whole;
	char source[MOUNTINFO_MAX_PATH]; /* after " - type ", escapes undone; "" without */
};

/*
 * Reads the line that starts at `line` into `entry`, and returns where the
 * next line starts (NULL after the last). `*is_read` is false for a line
 * with fewer than five fields or a major:minor too long: `entry` then holds
 * nothing to use.
 */
const char *mountinfo_next(const char *line, struct mountinfo_entry *entry, bool *is_read);

#endif
