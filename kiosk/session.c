/*
 * session: loading a situation with its diagnostics; see session.h.
 */
#include "session.h"

#include <stdio.h>
#include <string.h>

#include "assets.h"

bool session_load(struct session *session, const char *path)
{
	diag_list_init(&session->diags, path ? path : "demo.situation");
	session->file_error = 0;
	if (path) {
		/* The operator's own file: its diagnostics say what went wrong;
		 * file_error is for a key's files (media_key_load). */
		session->situation = situation_load_file(path, &session->diags);
	} else {
		struct asset demo = asset_demo_situation();
		session->situation =
		    situation_parse((const char *)demo.data, demo.size, &session->diags);
	}
	diag_list_sort(&session->diags);
	return session->situation != NULL;
}

void session_free(struct session *session)
{
	situation_free(session->situation);
	session->situation = NULL;
	session->file_error = 0;
	diag_list_free(&session->diags);
}

bool session_resolve_ids(const struct situation *situation, const char *ids, int *nodes,
                         size_t capacity, size_t *count, char *error, size_t error_size)
{
	*count = 0;
	char id[256];
	const char *cursor = ids;
	while (cursor && *cursor) {
		const char *comma = strchr(cursor, ',');
		size_t length = comma ? (size_t)(comma - cursor) : strlen(cursor);
		if (length > 0) {
			if (length >= sizeof id) {
				snprintf(error, error_size, "id too long in --touch");
				return false;
			}
			memcpy(id, cursor, length);
			id[length] = '\0';
			int node = situation_find_node(situation, id);
			if (node < 0) {
				snprintf(error, error_size, "--touch: unknown id \"%s\"", id);
				return false;
			}
			if (*count < capacity)
				nodes[(*count)++] = node;
		}
		cursor = comma ? comma + 1 : NULL;
	}
	return true;
}
