/* test_err.c — the error table gives names, messages and exit statuses. */
#include <check.h>
#include <string.h>

#include "laurel/err.h"

START_TEST(test_error_names_round_trip)
{
	ck_assert_int_eq(lrl_errcode("refused", 7), LRL_EPERM);
	ck_assert_str_eq(lrl_errname(LRL_EAUTH), "auth");
	ck_assert_int_eq(lrl_errcode("nonsense", 8), LRL_EPROTO);
}
END_TEST

START_TEST(test_exit_statuses_follow_the_manual)
{
	ck_assert_int_eq(lrl_exit_status(LRL_OK), 0);
	ck_assert_int_eq(lrl_exit_status(LRL_EINVAL), 1);
	ck_assert_int_eq(lrl_exit_status(LRL_EPERM), 1);
	ck_assert_int_eq(lrl_exit_status(LRL_EUSAGE), 2);
	ck_assert_int_eq(lrl_exit_status(LRL_EAUTH), 3);
	ck_assert_int_eq(lrl_exit_status(LRL_ECONN), 4);
}
END_TEST

Suite *suite_err(void)
{
	Suite *s = suite_create("err");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_error_names_round_trip);
	tcase_add_test(tc, test_exit_statuses_follow_the_manual);
	suite_add_tcase(s, tc);
	return s;
}
