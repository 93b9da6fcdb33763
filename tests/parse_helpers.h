/*
 * parse_helpers: small helpers the parser tests share: parse a text, look for
 * one exact formatted diagnostic, dump the list when an expectation fails.
 */
#ifndef CONCERTO_TESTS_PARSE_HELPERS_H
#define CONCERTO_TESTS_PARSE_HELPERS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "situation.h"

#define TEST_FILE_NAME "t.situation"

static inline struct situation *parse_text(const char *text, struct diag_list *diags)
{
	diag_list_init(diags, TEST_FILE_NAME);
	struct situation *situation = situation_parse(text, strlen(text), diags);
	diag_list_sort(diags);
	return situation;
}

static inline void dump_diags(const struct diag_list *diags)
{
	char buffer[DIAG_MAX_MESSAGE + 256];
	for (size_t i = 0; i < diags->count; i++)
		fprintf(stderr, "    | %s\n",
		        diag_format(diags, &diags->items[i], buffer, sizeof buffer));
}

/* True when the list holds a diagnostic whose formatted form starts with
 * `expected` (pass the whole line for an exact match of the message). */
static inline bool has_diag(const struct diag_list *diags, const char *expected, bool is_exact)
{
	char buffer[DIAG_MAX_MESSAGE + 256];
	for (size_t i = 0; i < diags->count; i++) {
		diag_format(diags, &diags->items[i], buffer, sizeof buffer);
		if (is_exact ? strcmp(buffer, expected) == 0
		             : strncmp(buffer, expected, strlen(expected)) == 0)
			return true;
	}
	return false;
}

/* Parses text and checks that `expected` is among its diagnostics (exact
 * line when is_exact, else a prefix such as "t.situation:3:9: error: "),
 * and that a file with an error gives no model. */
static inline bool expect_diag(const char *text, const char *expected, bool is_exact)
{
	struct diag_list diags;
	struct situation *situation = parse_text(text, &diags);
	bool is_found = has_diag(&diags, expected, is_exact);
	bool is_model_right = (situation == NULL) == diag_list_has_errors(&diags);
	if (!is_found || !is_model_right) {
		fprintf(stderr, "  expected %s\n  in:\n%s\n  got:\n", expected, text);
		dump_diags(&diags);
	}
	situation_free(situation);
	diag_list_free(&diags);
	return is_found && is_model_right;
}

/* Parses text that must give a model with no diagnostic at all. */
static inline struct situation *parse_clean(const char *text, struct diag_list *diags)
{
	struct situation *situation = parse_text(text, diags);
	if (!situation || diags->count != 0) {
		fprintf(stderr, "  expected a clean parse of:\n%s\n  got:\n", text);
		dump_diags(diags);
	}
	return situation;
}

#endif
