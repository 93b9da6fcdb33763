/*
 * arena: bump allocator in linked chunks; see arena.h.
 */
#define _DEFAULT_SOURCE
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_CHUNK_MIN = 16 * 1024, ARENA_ALIGN = 16 };

struct arena_chunk {
	struct arena_chunk *next;
	size_t capacity;
	size_t used;
	_Alignas(16) unsigned char data[];
};

void arena_init(struct arena *arena)
{
	arena->head = NULL;
	arena->bytes_used = 0;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	if (size == 0 || size > SIZE_MAX / 2)
		return NULL;
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct arena_chunk *chunk = arena->head;
	if (!chunk || chunk->capacity - chunk->used < rounded) {
		size_t capacity = rounded > ARENA_CHUNK_MIN ? rounded : ARENA_CHUNK_MIN;
		chunk = calloc(1, sizeof *chunk + capacity);
		if (!chunk)
			return NULL;
		chunk->capacity = capacity;
		chunk->next = arena->head;
		arena->head = chunk;
	}
	void *memory = chunk->data + chunk->used;
	chunk->used += rounded;
	arena->bytes_used += rounded;
	return memory;
}

void *arena_alloc_array(struct arena *arena, size_t count, size_t item_size)
{
	if (item_size != 0 && count > SIZE_MAX / 4 / item_size)
		return NULL;
	return arena_alloc(arena, count * item_size);
}

char *arena_strndup(struct arena *arena, const char *text, size_t length)
{
	char *copy = arena_alloc(arena, length + 1);
	if (!copy)
		return NULL;
	memcpy(copy, text, length);
	copy[length] = '\0';
	return copy;
}

char *arena_strdup(struct arena *arena, const char *text)
{
	return arena_strndup(arena, text, strlen(text));
}

void arena_free(struct arena *arena)
{
	struct arena_chunk *chunk = arena->head;
	while (chunk) {
		struct arena_chunk *next = chunk->next;
		/* Names of children and diagnoses must not linger in freed pages. */
		explicit_bzero(chunk->data, chunk->used);
		free(chunk);
		chunk = next;
	}
	arena->head = NULL;
	arena->bytes_used = 0;
}
