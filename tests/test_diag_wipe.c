/*
 * test_diag_wipe: freeing a diagnostic list leaves nothing of the file in
 * freed memory. Messages quote ids and names from the situation, and the
 * file name is often the family's; the kiosk frees the list when the key
 * goes. Linked with -Wl,--wrap=free, so every free() made by diag.c passes
 * through __wrap_free, which looks for the marker in the block first.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"

static const char marker[] = "marie-dupont";
static int blocks_with_marker;

void __real_free(void *block);
void __wrap_free(void *block);

void __wrap_free(void *block)
{
	if (block) {
		size_t size = malloc_usable_size(block);
		if (memmem(block, size, marker, sizeof marker - 1))
			blocks_with_marker++;
	}
	__real_free(block);
}

int main(void)
{
	struct diag_list list;
	diag_list_init(&list, "marie-dupont.situation");
	diag_add(&list, DIAG_ERROR, 3, 7, "unknown id \"%s\"; ids defined so far: %s", marker,
	         "lea, paul");
	diag_add(&list, DIAG_WARNING, 4, 1, "person \"%s\" has no relation", marker);
	CHECK_INT_EQ(list.count, 2);
	diag_list_free(&list);
	CHECK_INT_EQ(blocks_with_marker, 0);
	CHECK_INT_EQ(list.count, 0);
	return check_report("test_diag_wipe");
}
