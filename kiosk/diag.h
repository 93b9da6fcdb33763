/*
 * diag: diagnostics as values.
 *
 * The parser never prints and never exits: it appends diagnostics here, and
 * only main (or the on-screen error list) decides where they go. Lines and
 * columns are 1-based; columns count characters (UTF-8 code points), not
 * bytes, so they match what a text editor shows. The list is capped
 * (DIAG_MAX_ITEMS) so a file of random bytes cannot flood memory or screen.
 */
#ifndef CONCERTO_DIAG_H
#define CONCERTO_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { DIAG_MAX_ITEMS = 200, DIAG_MAX_MESSAGE = 512 };

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_severity severity;
	int line;
	int col;
	char *message; /* heap, owned by the list */
};

struct diag_list {
	char *file_name; /* heap copy, shown in front of every line */
	struct diag *items;
	size_t count;
	size_t capacity;
	size_t error_count;
	size_t warning_count;
	bool is_truncated; /* more than DIAG_MAX_ITEMS were reported */
};

void diag_list_init(struct diag_list *list, const char *file_name);
void diag_list_free(struct diag_list *list);
/* printf-style; silently drops past the cap (is_truncated tells). */
void diag_add(struct diag_list *list, enum diag_severity severity, int line, int col,
              const char *format, ...) __attribute__((format(printf, 5, 6)));
bool diag_list_has_errors(const struct diag_list *list);
const char *diag_severity_name(enum diag_severity severity);
/* "file:line:col: error: message" into buffer; returns buffer. */
char *diag_format(const struct diag_list *list, const struct diag *item, char *buffer, size_t size);
/* Every item, one diag_format line each, then a line saying so if the list
 * was cut at DIAG_MAX_ITEMS: what --check and --check-config print. */
void diag_list_print(const struct diag_list *list, FILE *stream);
/* Stable sort by line then column, so output reads in file order. */
void diag_list_sort(struct diag_list *list);

#endif
