/*
 * test_diag: diagnostics format as file:line:col, sort stably in file order,
 * cap the list and the message length without cutting a character.
 */
#include "check.h"
#include "diag.h"

int main(void)
{
	struct diag_list list;
	diag_list_init(&list, "famille-m.situation");
	CHECK(!diag_list_has_errors(&list));
	diag_add(&list, DIAG_ERROR, 12, 17, "unknown id \"%s\"; ids defined so far: %s", "jul",
	         "jules, julie, mar, pau");
	diag_add(&list, DIAG_WARNING, 3, 1, "professional \"%s\" has no link", "sop");
	diag_add(&list, DIAG_WARNING, 12, 2, "second");
	diag_add(&list, DIAG_ERROR, 12, 17, "same place, later");
	CHECK(diag_list_has_errors(&list));
	CHECK_INT_EQ(list.error_count, 2);
	CHECK_INT_EQ(list.warning_count, 2);
	diag_list_sort(&list);
	char buffer[600];
	CHECK_STR_EQ(diag_format(&list, &list.items[0], buffer, sizeof buffer),
	             "famille-m.situation:3:1: warning: professional \"sop\" has no link");
	CHECK_STR_EQ(diag_format(&list, &list.items[1], buffer, sizeof buffer),
	             "famille-m.situation:12:2: warning: second");
	CHECK_STR_EQ(diag_format(&list, &list.items[2], buffer, sizeof buffer),
	             "famille-m.situation:12:17: error: unknown id \"jul\"; ids defined so far: "
	             "jules, julie, mar, pau");
	CHECK_STR_EQ(list.items[3].message, "same place, later"); /* stable */
	CHECK_STR_EQ(diag_format(&list, &list.items[0], buffer, 12), "famille-m.s");
	CHECK_STR_EQ(diag_severity_name(DIAG_WARNING), "warning");
	diag_list_free(&list);

	/* the cap: items stop, counts go on */
	diag_list_init(&list, NULL);
	for (int i = 0; i < DIAG_MAX_ITEMS + 50; i++)
		diag_add(&list, i % 2 ? DIAG_ERROR : DIAG_WARNING, i + 1, 1, "n%d", i);
	CHECK_INT_EQ(list.count, DIAG_MAX_ITEMS);
	CHECK(list.is_truncated);
	CHECK_INT_EQ(list.error_count + list.warning_count, DIAG_MAX_ITEMS + 50);
	CHECK_STR_EQ(list.file_name, "situation");
	diag_list_free(&list);

	/* a long message is cut at DIAG_MAX_MESSAGE, on a character boundary */
	diag_list_init(&list, "f");
	char long_text[2000];
	size_t used = 0;
	long_text[used++] = 'a';
	while (used + 2 < sizeof long_text) {
		long_text[used++] = '\xC3';
		long_text[used++] = '\xA9';
	}
	long_text[used] = '\0';
	diag_add(&list, DIAG_ERROR, 1, 1, "%s", long_text);
	size_t length = strlen(list.items[0].message);
	CHECK(length < DIAG_MAX_MESSAGE);
	CHECK(length >= DIAG_MAX_MESSAGE - 3);
	CHECK((length - 1) % 2 == 0); /* 'a' then whole "é" */
	diag_list_free(&list);
	return check_report("test_diag");
}
