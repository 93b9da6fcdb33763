/*
 * check: the few assertion macros the unit tests share.
 *
 * A failed CHECK prints file:line and the expression, counts the failure and
 * lets the test go on, so one run shows every broken expectation. Each test
 * program ends with `return check_report("name");`, which prints
 * "name: N passed, N failed" and returns the exit code for ctest.
 */
#ifndef CONCERTO_TESTS_CHECK_H
#define CONCERTO_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

struct check_counts {
	int passed;
	int failed;
};

static struct check_counts check_counts;

#define CHECK(expression)                                                                          \
	do {                                                                                       \
		if (expression) {                                                                  \
			check_counts.passed++;                                                     \
		} else {                                                                           \
			check_counts.failed++;                                                     \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,           \
			        #expression);                                                      \
		}                                                                                  \
	} while (0)

#define CHECK_INT_EQ(actual, expected)                                                             \
	do {                                                                                       \
		long long check_a_ = (long long)(actual), check_e_ = (long long)(expected);        \
		if (check_a_ == check_e_) {                                                        \
			check_counts.passed++;                                                     \
		} else {                                                                           \
			check_counts.failed++;                                                     \
			fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n",          \
			        __FILE__, __LINE__, #actual, #expected, check_a_, check_e_);       \
		}                                                                                  \
	} while (0)

#define CHECK_STR_EQ(actual, expected)                                                             \
	do {                                                                                       \
		const char *check_a_ = (actual), *check_e_ = (expected);                           \
		if (check_a_ && check_e_ && strcmp(check_a_, check_e_) == 0) {                     \
			check_counts.passed++;                                                     \
		} else {                                                                           \
			check_counts.failed++;                                                     \
			fprintf(stderr,                                                            \
			        "%s:%d: CHECK failed: %s == %s\n  actual:   %s\n  expected: %s\n", \
			        __FILE__, __LINE__, #actual, #expected,                            \
			        check_a_ ? check_a_ : "(null)", check_e_ ? check_e_ : "(null)");   \
		}                                                                                  \
	} while (0)

static inline int check_report(const char *suite)
{
	printf("%s: %d passed, %d failed\n", suite, check_counts.passed, check_counts.failed);
	return check_counts.failed == 0 && check_counts.passed > 0 ? 0 : 1;
}

#endif
