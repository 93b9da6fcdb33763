/*
 * mountinfo: one line of /proc/self/mountinfo at a time; see mountinfo.h.
 */
#include "mountinfo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static void mountinfo_unescape(const char *field, size_t length, char *out, size_t size)
{
	size_t used = 0;
	for (size_t k = 0; k < length && used + 1 < size; k++) {
		if (field[k] == '\\' && k + 3 < length && field[k + 1] >= '0' &&
		    field[k + 1] <= '3' && field[k + 2] >= '0' && field[k + 2] <= '7' &&
		    field[k + 3] >= '0' && field[k + 3] <= '7') {
			out[used++] = (char)((field[k + 1] - '0') * 64 + (field[k + 2] - '0') * 8 +
			                     (field[k + 3] - '0'));
			k += 3;
		} else {
			out[used++] = field[k];
		}
	}
	out[used] = '\0';
}

const char *mountinfo_next(const char *line, struct mountinfo_entry *entry, bool *is_read)
{
	const char *end = strchr(line, '\n');
	size_t line_length = end ? (size_t)(end - line) : strlen(line);
	const char *next = end && end[1] ? end + 1 : NULL;
	/* Fields: id parent major:minor root mount-point ... */
	const char *fields[5];
	size_t lengths[5];
	size_t found = 0, k = 0;
	while (found < 5 && k < line_length) {
		while (k < line_length && line[k] == ' ')
			k++;
		size_t start = k;
		while (k < line_length && line[k] != ' ')
			k++;
		if (k > start) {
			fields[found] = line + start;
			lengths[found++] = k - start;
		}
	}
	*is_read = found == 5 && lengths[2] < sizeof entry->dev;
	if (!*is_read)
		return next;
	entry->id = strtol(fields[0], NULL, 10);
	snprintf(entry->dev, sizeof entry->dev, "%.*s", (int)lengths[2], fields[2]);
	entry->is_mount_point_whole = lengths[4] < sizeof entry->mount_point;
	mountinfo_unescape(fields[4], lengths[4], entry->mount_point, sizeof entry->mount_point);
	/* " - type source options": the source is the second field after the
	 * separator (spaces inside fields are escaped, so the first " - " is
	 * it). */
	entry->source[0] = '\0';
	const char *dash = strstr(line, " - ");
	if (dash && dash < line + line_length) {
		const char *type = dash + 3;
		const char *type_end = memchr(type, ' ', (size_t)(line + line_length - type));
		if (type_end) {
			const char *source = type_end + 1;
			const char *source_end =
			    memchr(source, ' ', (size_t)(line + line_length - source));
			size_t source_length = source_end ? (size_t)(source_end - source)
			                                  : (size_t)(line + line_length - source);
			mountinfo_unescape(source, source_length, entry->source,
			                   sizeof entry->source);
		}
	}
	return next;
}
