/*
 * session: one situation as the kiosk holds it — the parsed model, or the
 * diagnostics that stopped it — loaded from a file or the built-in demo.
 * Both the kiosk loop and the headless commands go through here.
 */
#ifndef CONCERTO_SESSION_H
#define CONCERTO_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "situation.h"

struct session {
	struct diag_list diags;
	struct situation *situation; /* NULL when the file has errors */
	/* Why the file could not be used as a whole, as an errno value (EIO
	 * on a worn key, EFBIG past SITUATION_MAX_FILE_BYTES, EINVAL for
	 * anything but a regular file, ELOOP for a link, ENOENT, ...); 0 when
	 * its bytes were read, so that its errors, if any, are about its
	 * lines. The diagnostics say the same in words either way. Set for a
	 * key's files (media_key_load); a FILE given on the command line
	 * keeps 0, its diagnostics alone tell the operator. */
	int file_error;
};

/* path NULL loads the demo. Returns true when a situation was loaded. */
bool session_load(struct session *session, const char *path);
void session_free(struct session *session);

/* Resolves "id,id,..." into node indices; false with a message naming the
 * first unknown id. */
bool session_resolve_ids(const struct situation *situation, const char *ids, int *nodes,
                         size_t capacity, size_t *count, char *error, size_t error_size);

#endif
