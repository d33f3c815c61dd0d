/*
 * test_money.c — amounts of money as the decisions, the annex and the fund
 * ledger show them: dots between thousands, "đ" after a space.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "laurel/money.h"

static const struct {
	int64_t vnd;
	const char *text;
} cases[] = {
	{0, "0 đ"},
	{999, "999 đ"},
	{1000, "1.000 đ"},
	{760000, "760.000 đ"},
	{2530000, "2.530.000 đ"},
	{300000000, "300.000.000 đ"},
	{-260000, "-260.000 đ"},
	{-5, "-5 đ"},
	{INT64_MAX, "9.223.372.036.854.775.807 đ"},
	{INT64_MIN, "-9.223.372.036.854.775.808 đ"},
};

START_TEST(test_amounts_read_with_dots_between_thousands)
{
	char buf[48];

	money_format(cases[_i].vnd, buf, sizeof buf);
	ck_assert_str_eq(buf, cases[_i].text);
}
END_TEST

START_TEST(test_a_short_buffer_is_cut_not_overrun)
{
	char buf[8];

	memset(buf, 'x', sizeof buf);
	money_format(760000, buf, 5);
	ck_assert_str_eq(buf, "760.");
	ck_assert_int_eq(buf[5], 'x');
	ck_assert_int_eq(buf[6], 'x');
}
END_TEST

Suite *suite_money(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("format");

	tcase_add_loop_test(tc, test_amounts_read_with_dots_between_thousands,
	                    0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_a_short_buffer_is_cut_not_overrun);
	suite_add_tcase(s, tc);
	return s;
}
