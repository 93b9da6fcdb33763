/*
 * situation: the model's small services: loading a file from disk (capped at
 * SITUATION_MAX_FILE_BYTES), freeing (one wipe of the arena), lookup by id,
 * ages, and the English names of enumerated values.
 */
#define _DEFAULT_SOURCE
#include "situation.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void situation_free(struct situation *situation)
{
	if (!situation)
		return;
	/* The situation lives in its own arena: copy the handle out first. */
	struct arena arena = situation->arena;
	arena_free(&arena);
}

struct situation *situation_load_file(const char *path, struct diag_list *diags)
{
	FILE *file = fopen(path, "rb");
	if (!file) {
		diag_add(diags, DIAG_ERROR, 1, 1, "cannot open the file: %s", strerror(errno));
		return NULL;
	}
	/* One byte more than the limit tells a file that is too large. */
	size_t capacity = SITUATION_MAX_FILE_BYTES + 1;
	char *bytes = malloc(capacity);
	if (!bytes) {
		fclose(file);
		diag_add(diags, DIAG_ERROR, 1, 1, "out of memory while reading the file");
		return NULL;
	}
	size_t length = fread(bytes, 1, capacity, file);
	bool has_failed = ferror(file);
	int read_errno = errno;
	fclose(file);
	struct situation *situation = NULL;
	if (has_failed)
		diag_add(diags, DIAG_ERROR, 1, 1, "cannot read the file: %s", strerror(read_errno));
	else if (length > SITUATION_MAX_FILE_BYTES)
		diag_add(diags, DIAG_ERROR, 1, 1,
		         "file too large: more than the limit of 1 MiB (%d bytes) per file; is "
		         "this really a situation file?",
		         SITUATION_MAX_FILE_BYTES);
	else
		situation = situation_parse(bytes, length, diags);
	explicit_bzero(bytes, length);
	free(bytes);
	return situation;
}

int situation_find_node(const struct situation *situation, const char *id)
{
	if (!situation || !id)
		return -1;
	for (size_t i = 0; i < situation->node_count; i++)
		if (strcmp(situation->nodes[i].id, id) == 0)
			return (int)i;
	return -1;
}

int situation_age(const struct situation *situation, const struct node *node)
{
	if (!node || node->kind != NODE_PERSON || node->born.year == 0)
		return -1;
	/* The deceased keep the age they died at. */
	struct situation_date none = {0, 0, 0};
	struct situation_date at = node->died.year != 0 ? node->died
	                           : situation          ? situation->date
	                                                : none;
	if (at.year == 0)
		return -1;
	int age = at.year - node->born.year;
	bool are_days_known = at.month != 0 && node->born.month != 0;
	if (are_days_known && (at.month < node->born.month ||
	                       (at.month == node->born.month && at.day < node->born.day)))
		age--;
	return age < 0 ? -1 : age;
}

const char *sector_name(enum sector sector)
{
	static const char *const names[SECTOR_COUNT] = {"aid",     "care",    "education",
	                                                "control", "culture", "other"};
	return (unsigned)sector < SECTOR_COUNT ? names[sector] : "?";
}

const char *link_kind_name(enum link_kind kind)
{
	static const char *const names[LINK_KIND_COUNT] = {
	    "work", "close", "support", "conflict", "distant", "cutoff", "mandate"};
	return (unsigned)kind < LINK_KIND_COUNT ? names[kind] : "?";
}

const char *phase_type_name(enum phase_type type)
{
	static const char *const names[] = {"title", "round", "network", "fields", "text"};
	return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : "?";
}
