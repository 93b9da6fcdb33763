/*
 * arena: one place where all the memory of a situation lives.
 *
 * Every string and array of a parsed situation is carved out of one arena, so
 * freeing a situation is one call and wiping every name it held (when the USB
 * key is pulled out) is one explicit_bzero per chunk before release.
 * Allocation failure returns NULL; callers turn it into a diagnostic.
 */
#ifndef CONCERTO_ARENA_H
#define CONCERTO_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t bytes_used; /* total handed out, for caps and statistics */
};

void arena_init(struct arena *arena);
/* Zero-filled, aligned for any type. NULL when out of memory or size is 0. */
void *arena_alloc(struct arena *arena, size_t size);
void *arena_alloc_array(struct arena *arena, size_t count, size_t item_size);
char *arena_strndup(struct arena *arena, const char *text, size_t length);
char *arena_strdup(struct arena *arena, const char *text);
/* Wipes every byte ever handed out, then releases all chunks. */
void arena_free(struct arena *arena);

#endif
