/*
 * test_situation_limits: the limits of FORMAT.md (file, line, nodes, links,
 * phases), a 2,000-generation child cycle, and hostile input (random bytes,
 * NUL bytes, floods of errors): never a crash, never a hang, always an error
 * that names the limit.
 */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "parse_helpers.h"
#include "situation.h"

#define HEAD                   "situation \"T\" date=2026-12-03\n"
#define ERR(line_col, message) TEST_FILE_NAME ":" line_col ": error: " message

/* Appends to a growing heap buffer (tests only). */
struct buffer {
	char *data;
	size_t length;
	size_t capacity;
};

static void append(struct buffer *buffer, const char *text)
{
	size_t length = strlen(text);
	if (buffer->length + length + 1 > buffer->capacity) {
		buffer->capacity = (buffer->length + length + 1) * 2;
		buffer->data = realloc(buffer->data, buffer->capacity);
	}
	memcpy(buffer->data + buffer->length, text, length + 1);
	buffer->length += length;
}

static void test_limits(void)
{
	/* 2 MiB: refused before anything else, naming the limit */
	size_t big = 2 * 1024 * 1024;
	char *bytes = malloc(big + 1);
	memset(bytes, 'a', big);
	struct diag_list diags;
	diag_list_init(&diags, TEST_FILE_NAME);
	CHECK(situation_parse(bytes, big, &diags) == NULL);
	CHECK(has_diag(&diags, ERR("1:1", "file too large: 2097152 bytes, the limit is 1 MiB"),
	               false));
	CHECK_INT_EQ(diags.count, 1);
	diag_list_free(&diags);
	char path[] = "/tmp/concerto-test-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd >= 0) {
		FILE *file = fdopen(fd, "wb");
		fwrite(bytes, 1, big, file);
		fclose(file);
		diag_list_init(&diags, TEST_FILE_NAME);
		CHECK(situation_load_file(path, &diags) == NULL);
		CHECK(has_diag(&diags, ERR("1:1", "file too large: more than the limit of 1 MiB"),
		               false));
		diag_list_free(&diags);
		remove(path);
	}
	free(bytes);
	diag_list_init(&diags, TEST_FILE_NAME);
	CHECK(situation_load_file("/nonexistent/x.situation", &diags) == NULL);
	CHECK(has_diag(&diags, ERR("1:1", "cannot open the file: "), false));
	diag_list_free(&diags);

	/* 4096 bytes per line: 4096 is fine, 4097 is not */
	for (size_t extra = 0; extra < 2; extra++) {
		struct buffer text = {0};
		append(&text, HEAD "person a \"");
		size_t name = SITUATION_MAX_LINE_BYTES - strlen("person a \"\"") + extra;
		char *x = malloc(name + 1);
		memset(x, 'x', name);
		x[name] = '\0';
		append(&text, x);
		append(&text, "\"\nperson b \"B\"\nlink a b\n");
		struct situation *s = parse_text(text.data, &diags);
		if (extra == 0) {
			CHECK(s != NULL); /* with the label warning */
			CHECK_INT_EQ(diags.error_count, 0);
		} else {
			CHECK(s == NULL);
			CHECK(has_diag(&diags,
			               ERR("2:4097", "line too long: 4097 bytes, the limit "
			                             "is 4096 bytes per line"),
			               false));
		}
		situation_free(s);
		diag_list_free(&diags);
		free(x);
		free(text.data);
	}

	/* 2000 nodes pass, the 2001st stops the parse at its line */
	for (size_t extra = 0; extra < 2; extra++) {
		struct buffer text = {0};
		append(&text, HEAD);
		char line[64];
		for (size_t i = 0; i < SITUATION_MAX_NODES + extra; i++) {
			snprintf(line, sizeof line, "person n%zu \"N\"\n", i);
			append(&text, line);
		}
		append(&text, "field \"All\" n0 n1\n");
		if (extra == 1)
			append(&text, "this line is never read\n");
		struct situation *s = parse_text(text.data, &diags);
		if (extra == 0) {
			CHECK(s && s->node_count == SITUATION_MAX_NODES);
			CHECK_INT_EQ(diags.error_count, 0);
			CHECK(has_diag(&diags, ERR("2004:1", "unknown keyword \"this\""), false) ==
			      false);
		} else {
			CHECK(s == NULL);
			CHECK_INT_EQ(diags.error_count, 1);
			CHECK(has_diag(&diags,
			               ERR("2002:1", "too many nodes: the limit is 2000 "
			                             "persons, professionals and "
			                             "institutions per file"),
			               false));
		}
		situation_free(s);
		diag_list_free(&diags);
		free(text.data);
	}

	/* 10000 links pass, the 10001st does not */
	for (size_t extra = 0; extra < 2; extra++) {
		struct buffer text = {0};
		append(&text, HEAD "person a \"A\"\nperson b \"B\"\n");
		for (size_t i = 0; i < SITUATION_MAX_LINKS + extra; i++)
			append(&text, "link a b\n");
		append(&text, "nonsense\n");
		struct situation *s = parse_text(text.data, &diags);
		if (extra == 0) {
			CHECK(s == NULL); /* only the nonsense line */
			CHECK_INT_EQ(diags.error_count, 1);
		} else {
			CHECK(s == NULL);
			CHECK_INT_EQ(diags.error_count, 1);
			CHECK(has_diag(&diags,
			               ERR("10004:1", "too many links: the limit is 10000 "
			                              "links per file"),
			               false));
		}
		situation_free(s);
		diag_list_free(&diags);
		free(text.data);
	}

	/* 64 phases pass, the 65th does not */
	for (size_t extra = 0; extra < 2; extra++) {
		struct buffer text = {0};
		append(&text, HEAD);
		for (size_t i = 0; i < SITUATION_MAX_PHASES + extra; i++)
			append(&text, "phase \"P\" type=network\n");
		struct situation *s = parse_text(text.data, &diags);
		if (extra == 0) {
			CHECK(s && s->phase_count == SITUATION_MAX_PHASES);
		} else {
			CHECK(s == NULL);
			CHECK(has_diag(&diags,
			               ERR("66:1", "too many phases: the limit is 64 "
			                           "phases per file"),
			               false));
		}
		situation_free(s);
		diag_list_free(&diags);
		free(text.data);
	}
}

/* A chain of 2000 generations, closed into one cycle: found without
 * recursion, reported once, at the closing line. */
static void test_deep_cycle(void)
{
	struct buffer text = {0};
	append(&text, HEAD);
	char line[96];
	for (size_t i = 0; i < SITUATION_MAX_NODES; i++) {
		snprintf(line, sizeof line, "person p%zu \"P\"\n", i);
		append(&text, line);
	}
	for (size_t i = 1; i < SITUATION_MAX_NODES; i++) {
		snprintf(line, sizeof line, "child p%zu of p%zu\n", i, i - 1);
		append(&text, line);
	}
	struct diag_list diags;
	struct situation *s = parse_clean(text.data, &diags);
	CHECK(s != NULL);
	situation_free(s);
	diag_list_free(&diags);
	append(&text, "child p0 of p1999\n");
	s = parse_text(text.data, &diags);
	CHECK(s == NULL);
	CHECK_INT_EQ(diags.error_count, 1);
	CHECK(has_diag(&diags, ERR("4001:1", "cycle of child statements: p0 → p1 → p2"), false));
	situation_free(s);
	diag_list_free(&diags);
	free(text.data);
}

static uint32_t next_random(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Random bytes, and random mixes of real words: never a crash or a hang. */
static void test_hostile_input(void)
{
	static const char *const pieces[] = {
	    "situation ", "person ",    "pro ",         "link ",
	    "child ",     " of ",       "union ",       "field ",
	    "phase ",     "household ", "institution ", "a ",
	    "b ",         "c ",         "\"x\" ",       "\"",
	    "sex=f ",     "born=2000 ", "type=round ",  "order=a,b,c ",
	    "at=a ",      "\n",         "\r",           "\r\n",
	    "#",          "=",          "\\",           "é",
	    "\xff",       "\0",         "sector=aid ",  "kind=work ",
	};
	uint32_t state = 12345;
	int crashes_avoided = 0;
	for (int iteration = 0; iteration < 3000; iteration++) {
		size_t length = next_random(&state) % 3000;
		char *bytes = malloc(length + 1);
		size_t used = 0;
		bool is_words = iteration % 2 == 1;
		while (used < length) {
			if (is_words) {
				const char *piece = pieces[next_random(&state) %
				                           (sizeof pieces / sizeof pieces[0])];
				size_t piece_length = piece[0] ? strlen(piece) : 1;
				if (used + piece_length > length)
					break;
				memcpy(bytes + used, piece, piece_length);
				used += piece_length;
			} else {
				bytes[used++] = (char)(next_random(&state) & 0xFF);
			}
		}
		struct diag_list diags;
		diag_list_init(&diags, TEST_FILE_NAME);
		struct situation *s = situation_parse(bytes, used, &diags);
		CHECK(diags.count <= DIAG_MAX_ITEMS);
		CHECK((s == NULL) == diag_list_has_errors(&diags));
		for (size_t i = 0; i < diags.count; i++)
			CHECK(diags.items[i].line >= 1 && diags.items[i].col >= 1);
		crashes_avoided++;
		situation_free(s);
		diag_list_free(&diags);
		free(bytes);
	}
	CHECK_INT_EQ(crashes_avoided, 3000);

	/* NUL bytes */
	static const char nul_text[] = "situation \"T\"\nperson a \"A\0B\"\n";
	struct diag_list diags;
	diag_list_init(&diags, TEST_FILE_NAME);
	CHECK(situation_parse(nul_text, sizeof nul_text - 1, &diags) == NULL);
	CHECK(has_diag(&diags, ERR("2:12", "NUL byte in a string"), false));
	diag_list_free(&diags);
	diag_list_init(&diags, TEST_FILE_NAME);
	CHECK(situation_parse("\0\0\0", 3, &diags) == NULL);
	CHECK(has_diag(&diags, ERR("1:1", "NUL byte"), false));
	diag_list_free(&diags);
	/* zero bytes, even with a NULL pointer */
	diag_list_init(&diags, TEST_FILE_NAME);
	CHECK(situation_parse(NULL, 0, &diags) == NULL);
	CHECK(has_diag(&diags, ERR("1:1", "the file has no statement"), false));
	diag_list_free(&diags);

	/* many errors: the list is capped, the count is not */
	struct buffer text = {0};
	append(&text, HEAD);
	for (int i = 0; i < 1000; i++)
		append(&text, "nonsense\n");
	diag_list_init(&diags, TEST_FILE_NAME);
	CHECK(situation_parse(text.data, text.length, &diags) == NULL);
	CHECK_INT_EQ(diags.count, DIAG_MAX_ITEMS);
	CHECK(diags.is_truncated);
	CHECK_INT_EQ(diags.error_count, 1000);
	diag_list_free(&diags);
	free(text.data);

	/* one enormous line of a string that never closes */
	struct buffer line = {0};
	append(&line, HEAD "person a \"");
	for (int i = 0; i < 4000; i++)
		append(&line, "\\");
	CHECK(expect_diag(line.data, ERR("2:10", "unterminated string"), false));
	free(line.data);
}

int main(void)
{
	test_limits();
	test_deep_cycle();
	test_hostile_input();
	return check_report("test_situation_limits");
}
