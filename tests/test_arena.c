/*
 * test_arena: the arena hands out zeroed, aligned memory and frees it all.
 */
#include <stdint.h>

#include "arena.h"
#include "check.h"

int main(void)
{
	struct arena arena;
	arena_init(&arena);
	CHECK(arena_alloc(&arena, 0) == NULL);
	unsigned char *small = arena_alloc(&arena, 3);
	CHECK(small != NULL && small[0] == 0 && small[2] == 0);
	CHECK(((uintptr_t)small % 16) == 0);
	unsigned char *big = arena_alloc(&arena, 100000); /* larger than a chunk */
	CHECK(big != NULL && big[99999] == 0);
	char *copy = arena_strndup(&arena, "Léa et Noah", 4);
	CHECK_STR_EQ(copy, "Léa");
	CHECK(arena_alloc_array(&arena, SIZE_MAX / 2, 8) == NULL);
	CHECK(arena.bytes_used >= 100000);
	arena_free(&arena);
	CHECK(arena.head == NULL);
	CHECK_INT_EQ(arena.bytes_used, 0);
	return check_report("test_arena");
}
