/*
 * diag: the list of diagnostics; see diag.h.
 *
 * Guarantees: a message never exceeds DIAG_MAX_MESSAGE bytes and is cut on a
 * UTF-8 character boundary; the list never holds more than DIAG_MAX_ITEMS
 * items; the error and warning counts include the items dropped past the cap,
 * so diag_list_has_errors() stays true even when the list is full of warnings.
 */
#define _DEFAULT_SOURCE
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *list, const char *file_name)
{
	memset(list, 0, sizeof *list);
	list->file_name = strdup(file_name ? file_name : "situation");
}

/* Messages quote the file (ids, names, values) and the file name is often
 * the family's: wiped before freeing, like the model, so nothing of a key
 * outlives its removal in freed memory. */
static void free_wiped(char *text)
{
	if (text) {
		explicit_bzero(text, strlen(text));
		free(text);
	}
}

void diag_list_free(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free_wiped(list->items[i].message);
	free(list->items);
	free_wiped(list->file_name);
	memset(list, 0, sizeof *list);
}

/* Cuts `text` (NUL-terminated, length bytes) back to the start of a UTF-8
 * sequence that vsnprintf may have split. */
static void trim_partial_utf8(char *text, size_t length)
{
	size_t lead_at = length;
	while (lead_at > 0 && length - lead_at < 4 &&
	       ((unsigned char)text[lead_at - 1] & 0xC0) == 0x80)
		lead_at--;
	if (lead_at == 0)
		return;
	unsigned char lead = (unsigned char)text[lead_at - 1];
	if (lead < 0xC0)
		return;
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
	if (length - (lead_at - 1) < need)
		text[lead_at - 1] = '\0';
}

void diag_add(struct diag_list *list, enum diag_severity severity, int line, int col,
              const char *format, ...)
{
	if (severity == DIAG_ERROR)
		list->error_count++;
	else
		list->warning_count++;
	if (list->count >= DIAG_MAX_ITEMS) {
		list->is_truncated = true;
		return;
	}
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? list->capacity * 2 : 16;
		struct diag *items = realloc(list->items, capacity * sizeof *items);
		if (!items) {
			list->is_truncated = true;
			return;
		}
		list->items = items;
		list->capacity = capacity;
	}
	char buffer[DIAG_MAX_MESSAGE];
	va_list args;
	va_start(args, format);
	int written = vsnprintf(buffer, sizeof buffer, format, args);
	va_end(args);
	if (written < 0)
		buffer[0] = '\0';
	else if ((size_t)written >= sizeof buffer)
		trim_partial_utf8(buffer, sizeof buffer - 1);
	char *message = strdup(buffer);
	if (!message) {
		list->is_truncated = true;
		return;
	}
	list->items[list->count++] =
	    (struct diag){.severity = severity, .line = line, .col = col, .message = message};
}

bool diag_list_has_errors(const struct diag_list *list)
{
	return list->error_count > 0;
}

const char *diag_severity_name(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}

char *diag_format(const struct diag_list *list, const struct diag *item, char *buffer, size_t size)
{
	if (size == 0)
		return buffer;
	snprintf(buffer, size, "%s:%d:%d: %s: %s", list->file_name ? list->file_name : "situation",
	         item->line, item->col, diag_severity_name(item->severity), item->message);
	return buffer;
}

void diag_list_print(const struct diag_list *list, FILE *stream)
{
	char line[DIAG_MAX_MESSAGE + 512];
	for (size_t k = 0; k < list->count; k++)
		fprintf(stream, "%s\n", diag_format(list, &list->items[k], line, sizeof line));
	if (list->is_truncated)
		fprintf(stream, "%s: too many problems, only the first %d are listed\n",
		        list->file_name, DIAG_MAX_ITEMS);
}

static bool comes_before(const struct diag *a, const struct diag *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

void diag_list_sort(struct diag_list *list)
{
	/* Insertion sort: stable, and the list is capped at DIAG_MAX_ITEMS. */
	for (size_t i = 1; i < list->count; i++) {
		struct diag item = list->items[i];
		size_t j = i;
		while (j > 0 && comes_before(&item, &list->items[j - 1])) {
			list->items[j] = list->items[j - 1];
			j--;
		}
		list->items[j] = item;
	}
}
