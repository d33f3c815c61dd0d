/* test_manpage.c — laurel(1)'s command list is generated from the action
 * table: every command a user can run is in it. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/action.h"

START_TEST(test_the_manual_lists_every_command_of_the_action_table)
{
	const char *build = getenv("LAUREL_BUILD");
	char cmd[512], *text = NULL;
	size_t cap = 0, len = 0;
	FILE *p;

	snprintf(cmd, sizeof cmd, "%s/laurel help --roff",
	         build ? build : "build");
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	for (;;) {
		if (len + 4096 > cap)
			text = realloc(text, cap = cap * 2 + 65536);
		size_t n = fread(text + len, 1, cap - len - 1, p);
		if (n == 0)
			break;
		len += n;
	}
	text[len] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		const char *dot = strchr(a->name, '.');
		char want[128];
		size_t n = strlen(a->name);
		if ((a->flags & AF_INTERNAL) || !strcmp(a->name, "session.whoami") ||
		    !strcmp(a->name, "user.passwd") ||
		    (n > 6 && !strcmp(a->name + n - 6, "-check")))
			continue;
		snprintf(want, sizeof want, ".B laurel %.*s %s", (int)(dot - a->name),
		         a->name, dot + 1);
		ck_assert_msg(strstr(text, want) != NULL, "%s is not in laurel(1)",
		              a->name);
	}
	free(text);
}
END_TEST

Suite *suite_manpage(void)
{
	Suite *s = suite_create("manpage");
	TCase *tc = tcase_create("commands");

	tcase_add_test(tc, test_the_manual_lists_every_command_of_the_action_table);
	suite_add_tcase(s, tc);
	return s;
}
