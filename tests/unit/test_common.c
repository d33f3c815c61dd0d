/* test_common.c — dates, parameter checks, output formats, the demo
 * generator. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/action.h"
#include "laurel/date.h"
#include "laurel/demo.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/msg.h"
#include "laurel/text.h"
#include "laurel/render.h"

START_TEST(test_dates_parse_in_both_written_forms)
{
	int32_t a, b;
	char buf[16];

	ck_assert_int_eq(date_parse("15/12/2026", &a), 0);
	ck_assert_int_eq(date_parse("2026-12-15", &b), 0);
	ck_assert_int_eq(a, b);
	date_format(a, buf, sizeof buf);
	ck_assert_str_eq(buf, "15/12/2026");
	ck_assert_int_eq(date_parse("1/3/2024", &a), 0);
	date_format(a, buf, sizeof buf);
	ck_assert_str_eq(buf, "01/03/2024");
}
END_TEST

START_TEST(test_impossible_dates_are_refused)
{
	int32_t d;

	ck_assert_int_eq(date_parse("31/02/2026", &d), LRL_EINVAL);
	ck_assert_int_eq(date_parse("29/02/2025", &d), LRL_EINVAL);
	ck_assert_int_eq(date_parse("29/02/2024", &d), 0);
	ck_assert_int_eq(date_parse("01/13/2026", &d), LRL_EINVAL);
	ck_assert_int_eq(date_parse("01/01/1899", &d), LRL_EINVAL);
	ck_assert_int_eq(date_parse("12/2026", &d), LRL_EINVAL);
	ck_assert_int_eq(date_parse("aa/bb/cccc", &d), LRL_EINVAL);
	ck_assert_int_eq(date_parse("", &d), LRL_EINVAL);
}
END_TEST

START_TEST(test_event_times_are_dated_in_vietnam)
{
	int64_t t;
	char buf[32];

	/* 17:30 UTC is already the next day in Vietnam (UTC+7). */
	ck_assert_int_eq(date_parse_time("2026-12-14T17:30:00Z", &t), 0);
	date_format_time(t, buf, sizeof buf);
	ck_assert_str_eq(buf, "15/12/2026 00:30:00");
}
END_TEST

static int check(const char *action, void (*fill)(msgpack_packer *),
                 struct lrl_fail *f)
{
	const struct lrl_action *a = action_find(action, strlen(action));
	mp_buf b;
	msgpack_unpacked u;
	int rc;

	mp_buf_init(&b);
	fill(&b.pk);
	msgpack_unpacked_init(&u);
	ck_assert_int_eq(mp_decode(&u, b.sb.data, b.sb.size), 0);
	memset(f, 0, sizeof *f);
	rc = action_check_params(a, &u.data, f);
	msgpack_unpacked_destroy(&u);
	mp_buf_free(&b);
	return rc;
}

static void unit_ok(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 3);
	mp_pack_kv_str(pk, "code", "KHAMBENH");
	mp_pack_kv_str(pk, "name", "Khoa Khám bệnh");
	mp_pack_kv_str(pk, "kind", "department");
}

static void unit_bad_code(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 3);
	mp_pack_kv_str(pk, "code", "kham benh");
	mp_pack_kv_str(pk, "name", "Khoa Khám bệnh");
	mp_pack_kv_str(pk, "kind", "department");
}

static void unit_missing_name(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 2);
	mp_pack_kv_str(pk, "code", "KHAMBENH");
	mp_pack_kv_str(pk, "kind", "department");
}

static void unit_unknown_param(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 4);
	mp_pack_kv_str(pk, "code", "KHAMBENH");
	mp_pack_kv_str(pk, "name", "Khoa Khám bệnh");
	mp_pack_kv_str(pk, "kind", "department");
	mp_pack_kv_str(pk, "colour", "red");
}

static void unit_control_char(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 3);
	mp_pack_kv_str(pk, "code", "KHAMBENH");
	mp_pack_kv_str(pk, "name", "Khoa\x1b[2J");
	mp_pack_kv_str(pk, "kind", "department");
}

static void unit_bad_kind(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 3);
	mp_pack_kv_str(pk, "code", "KHAMBENH");
	mp_pack_kv_str(pk, "name", "Khoa Khám bệnh");
	mp_pack_kv_str(pk, "kind", "ward");
}

START_TEST(test_valid_parameters_pass)
{
	struct lrl_fail f;

	ck_assert_int_eq(check("unit.add", unit_ok, &f), 0);
}
END_TEST

START_TEST(test_each_bad_parameter_is_named_with_its_reason)
{
	struct lrl_fail f;

	ck_assert_int_eq(check("unit.add", unit_bad_code, &f), LRL_EINVAL);
	ck_assert_str_eq(f.field, "code");
	ck_assert_ptr_nonnull(strstr(f.reason, "capital letters"));
	ck_assert_int_eq(check("unit.add", unit_missing_name, &f), LRL_EINVAL);
	ck_assert_str_eq(f.field, "name");
	ck_assert_str_eq(f.reason, "is required");
	ck_assert_int_eq(check("unit.add", unit_unknown_param, &f), LRL_EINVAL);
	ck_assert_ptr_nonnull(strstr(f.reason, "colour"));
	ck_assert_int_eq(check("unit.add", unit_control_char, &f), LRL_EINVAL);
	ck_assert_str_eq(f.field, "name");
	ck_assert_int_eq(check("unit.add", unit_bad_kind, &f), LRL_EINVAL);
	ck_assert_str_eq(f.field, "kind");
	ck_assert_ptr_nonnull(strstr(f.reason, "department"));
}
END_TEST

START_TEST(test_choices_ignore_tones_and_case)
{
	char out[32];

	ck_assert_int_eq(action_choice(LRL_SEXES, "NU", out, sizeof out), 1);
	ck_assert_str_eq(out, "nữ");
	ck_assert_int_eq(action_choice(LRL_CATEGORIES, "Hop dong", out,
	                               sizeof out), 1);
	ck_assert_str_eq(out, "hợp đồng");
	ck_assert_int_eq(action_choice(LRL_SEXES, "x", out, sizeof out), 0);
}
END_TEST

START_TEST(test_one_vietnamese_word_finds_the_choice_of_each_list)
{
	char out[32];

	/* "tổng kết": a summarised exemplar, or a final review. */
	ck_assert_int_eq(action_choice(LRL_EXEMPLAR_STAGES, "tong ket", out,
	                               sizeof out), 1);
	ck_assert_str_eq(out, "summarised");
	ck_assert_int_eq(action_choice(LRL_CEREMONY_KINDS, "Tổng kết", out,
	                               sizeof out), 1);
	ck_assert_str_eq(out, "final-review");
	ck_assert_int_eq(action_choice(LRL_EXEMPLAR_FIELDS, "Y ĐỨC", out,
	                               sizeof out), 1);
	ck_assert_str_eq(out, "medical-ethics");
	/* A word of another list is no choice of this one. */
	ck_assert_int_eq(action_choice(LRL_EXEMPLAR_FIELDS, "khiển trách", out,
	                               sizeof out), 0);
	ck_assert_int_eq(action_choice(LRL_DISCIPLINES, "khiển trách", out,
	                               sizeof out), 1);
	ck_assert_str_eq(out, "reprimand");
}
END_TEST

START_TEST(test_every_action_row_is_well_formed)
{
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		ck_assert_int_eq(a->id, (int)i);
		ck_assert_ptr_nonnull(strchr(a->name, '.'));
		ck_assert_ptr_eq(action_find(a->name, strlen(a->name)), a);
		ck_assert(strlen(a->help) > 10);
		for (const struct lrl_param *p = a->params; p->name; p++)
			ck_assert(p->help && strlen(p->help) > 2);
	}
}
END_TEST

static char *render_to_string(void (*fill)(msgpack_packer *),
                              enum render_format fmt)
{
	mp_buf b;
	msgpack_unpacked u;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	mp_buf_init(&b);
	fill(&b.pk);
	msgpack_unpacked_init(&u);
	ck_assert_int_eq(mp_decode(&u, b.sb.data, b.sb.size), 0);
	ck_assert_int_eq(render_result(f, &u.data, fmt), 0);
	fclose(f);
	msgpack_unpacked_destroy(&u);
	mp_buf_free(&b);
	return out;
}

static void list_tricky(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 3);
	mp_pack_str(pk, "columns");
	msgpack_pack_array(pk, 2);
	mp_pack_str(pk, "code");
	mp_pack_str(pk, "full-name");
	mp_pack_str(pk, "rows");
	msgpack_pack_array(pk, 2);
	msgpack_pack_array(pk, 2);
	mp_pack_str(pk, "NV1");
	mp_pack_str(pk, "Nguyễn \"Út\", Hà");
	msgpack_pack_array(pk, 2);
	mp_pack_str(pk, "NV2");
	mp_pack_str(pk, "Lê\x1b[31mAn");
	mp_pack_kv_str(pk, "next", NULL);
}

START_TEST(test_csv_output_quotes_per_rfc4180)
{
	char *s = render_to_string(list_tricky, RENDER_CSV);

	ck_assert_str_eq(s, "code,full-name\r\n"
	                    "NV1,\"Nguyễn \"\"Út\"\", Hà\"\r\n"
	                    "NV2,Lê\\x1b[31mAn\r\n");
	free(s);
}
END_TEST

START_TEST(test_text_output_aligns_and_shows_escapes_visibly)
{
	char *s = render_to_string(list_tricky, RENDER_TEXT);

	ck_assert_ptr_null(strchr(s, '\x1b'));
	ck_assert_ptr_nonnull(strstr(s, "Lê\\x1b[31mAn"));
	/* "Nguyễn" takes 6 columns however it is encoded: the second
	 * column starts at the same place on every line. */
	ck_assert_ptr_nonnull(strstr(s, "code  full-name\n"));
	ck_assert_ptr_nonnull(strstr(s, "NV1   Nguyễn"));
	free(s);
}
END_TEST

START_TEST(test_json_output_is_one_object_per_record)
{
	char *s = render_to_string(list_tricky, RENDER_JSON);

	ck_assert_str_eq(s, "{\"code\":\"NV1\",\"full-name\":\"Nguyễn \\\"Út\\\", Hà\"}\n"
	                    "{\"code\":\"NV2\",\"full-name\":\"Lê\\u001b[31mAn\"}\n");
	free(s);
}
END_TEST

START_TEST(test_demo_generator_is_seeded_and_realistic)
{
	struct demo_person a, b, c;
	size_t women = 0;

	demo_person(7, 42, 300, &a);
	demo_person(7, 42, 300, &b);
	demo_person(8, 42, 300, &c);
	ck_assert_str_eq(a.full_name, b.full_name);
	ck_assert(strcmp(a.full_name, c.full_name) != 0 ||
	          a.birth != c.birth);
	for (size_t i = 0; i < 300; i++) {
		demo_person(1, i, 300, &a);
		ck_assert_int_lt(a.birth, a.start);
		ck_assert_int_eq(strchr(a.full_name, ' ') != NULL, 1);
		women += strcmp(a.sex, "nữ") == 0;
	}
	ck_assert_int_gt(women, 120);
	ck_assert_int_lt(women, 240);
	ck_assert_uint_eq(demo_unit_count(300), 15);
	/* Pinned values: the same seed gives the same people whatever the
	 * compiler (the order of a call's arguments must not matter). */
	demo_person(2026, 0, 300, &a);
	ck_assert_str_eq(a.full_name, "Lê Thanh Ân");
	ck_assert_int_eq(a.birth, 8730);
	demo_person(2026, 2, 300, &a);
	ck_assert_str_eq(a.full_name, "Nguyễn Ngọc Vân");
	ck_assert_int_eq(a.start, 16613);
	ck_assert_uint_eq(demo_unit_count(25000), 1000);
}
END_TEST

/* The demo's year: the same seed gives the same year; most people
 * pledge, in every state; ratings are mostly HTTNV; each work has its own
 * author; a large demo gives a year to its first units only. */
START_TEST(test_demo_year_is_seeded_and_covers_every_state)
{
	struct demo_year_person a, b;
	struct demo_year_unit u;
	size_t states[6] = {0}, httnv = 0, rated = 0, ldtt = 0, people = 0;
	size_t authors[64];

	demo_year_person(7, 42, 300, 2026, &a);
	demo_year_person(7, 42, 300, 2026, &b);
	ck_assert_int_eq(a.pledge, b.pledge);
	ck_assert_str_eq(a.commitments, b.commitments);
	for (size_t i = 0; i < 300; i++) {
		demo_year_person(2026, i, 300, 2026, &a);
		if (!a.takes_part)
			continue;
		people++;
		states[a.pledge]++;
		rated += a.rating != NULL;
		httnv += a.rating && !strcmp(a.rating, "HTTNV");
		for (size_t k = 0; a.nominate[k]; k++)
			ldtt += !strcmp(a.nominate[k], "LDTT");
		ck_assert(a.pledge != DEMO_PLEDGE_RETURNED || a.returned != NULL);
		ck_assert_int_le(a.months, 12);
		ck_assert_int_ge(a.months, 1);
	}
	ck_assert_uint_eq(people, 300);
	for (int s = 0; s < 6; s++)
		ck_assert_msg(states[s] > 0, "no pledge in state %d", s);
	ck_assert_uint_gt(states[DEMO_PLEDGE_ACCEPTED], 100);
	ck_assert_uint_lt(states[DEMO_PLEDGE_NONE], 40);
	ck_assert_uint_gt(rated, 280);
	ck_assert_uint_gt(httnv, rated / 2);
	ck_assert_uint_gt(ldtt, 250);
	/* Works: as many as the lists allow at this size, one per author. */
	ck_assert_uint_gt(demo_work_count(300), 10);
	ck_assert_uint_le(demo_work_count(300), 64);
	for (size_t k = 0; k < demo_work_count(300); k++) {
		struct demo_work w;
		demo_work(2026, k, 300, 2026, &w);
		ck_assert_uint_lt(w.author, 300);
		ck_assert_ptr_nonnull(w.name);
		for (size_t j = 0; j < k; j++)
			ck_assert_uint_ne(authors[j], w.author);
		authors[k] = w.author;
	}
	/* Khoa Khám bệnh registers a collective pledge with two exemplar
	 * candidates of its own. */
	demo_year_unit(2026, 1, 300, 2026, &u);
	ck_assert_ptr_nonnull(u.pledge_title);
	ck_assert_uint_eq(demo_unit_of(u.exemplars[0], 300), 1);
	ck_assert_uint_eq(demo_unit_of(u.exemplars[1], 300), 1);
	ck_assert_uint_ne(u.exemplars[0], u.exemplars[1]);
	/* 25,000 staff: the year is told through the first units only. */
	demo_year_person(2026, 24999, 25000, 2026, &a);
	ck_assert_int_eq(demo_unit_of(24999, 25000) >= DEMO_YEAR_UNITS,
	                 !a.takes_part);
	demo_year_unit(2026, 999, 25000, 2026, &u);
	ck_assert_int_eq(u.takes_part, 0);
	ck_assert_uint_eq(demo_staff_index(1, 0, 300), 2);
	ck_assert_uint_eq(demo_staff_index(0, 2, 300), 300);
}
END_TEST

static void capture(struct msg_args *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_capture(m, fmt, ap);
	va_end(ap);
}

START_TEST(test_messages_carry_their_arguments_for_translation)
{
	struct msg_args m;
	char out[256];

	capture(&m, "must be between %lld and %lld, not %.*s (%zu%%)",
	        (long long)1, (long long)9, 3, "abcdef", (size_t)42);
	ck_assert_int_eq(m.n, 4);
	ck_assert_str_eq(m.arg[0], "1");
	ck_assert_str_eq(m.arg[2], "abc");
	ck_assert_str_eq(m.arg[3], "42");
	msg_apply("phải từ %lld đến %lld, không phải %.*s (%zu%%)", m.arg, m.n,
	          out, sizeof out);
	ck_assert_str_eq(out, "phải từ 1 đến 9, không phải abc (42%)");
	/* A translation may drop an argument it does not need. */
	msg_apply("%lld lỗi%.0s", m.arg, 2, out, sizeof out);
	ck_assert_str_eq(out, "1 lỗi");
	/* A translation may reorder its arguments. */
	msg_apply("%2$lld … %1$lld", m.arg, m.n, out, sizeof out);
	ck_assert_str_eq(out, "9 … 1");
}
END_TEST

/* An argument too long to carry is cut at a character's start and marked
 * "…"; a precision in the format cuts it as printf would. */
START_TEST(test_a_long_message_argument_is_cut_between_characters)
{
	struct msg_args m;
	char name[400] = "a"; /* so that the cut falls inside a character */

	for (int i = 0; i < 100; i++)
		strcat(name, "Ễ"); /* 3 bytes each */
	capture(&m, "%s already exists (%.5s)", name, "abcdefgh");
	ck_assert_int_eq(m.n, 2);
	ck_assert_uint_lt(strlen(m.arg[0]), MSG_ARG_LEN);
	ck_assert_uint_gt(strlen(m.arg[0]), MSG_ARG_LEN - 8);
	ck_assert_int_eq(text_utf8_valid(m.arg[0], strlen(m.arg[0])), 1);
	ck_assert_str_eq(m.arg[0] + strlen(m.arg[0]) - 3, "…");
	ck_assert_int_eq(strncmp(m.arg[0], name, strlen(m.arg[0]) - 3), 0);
	ck_assert_str_eq(m.arg[1], "abcde");
	/* Text cut by a precision need not end within it. */
	{
		char unterminated[4] = {'x', 'y', 'z', 'w'};
		capture(&m, "%.*s", 3, unterminated);
		ck_assert_str_eq(m.arg[0], "xyz");
	}
	capture(&m, "%s", "Lê Thị Ánh");
	ck_assert_str_eq(m.arg[0], "Lê Thị Ánh");
}
END_TEST

START_TEST(test_a_message_claiming_more_than_it_holds_is_refused)
{
	/* An array of 2^30 elements in five bytes, a map of 2^32-1 pairs,
	 * a string longer than the buffer, and trailing bytes. */
	static const uint8_t huge_array[] = {0xdd, 0x40, 0x00, 0x00, 0x00};
	static const uint8_t huge_map[] = {0xdf, 0xff, 0xff, 0xff, 0xff, 0x01};
	static const uint8_t long_str[] = {0xda, 0x10, 0x00, 'a'};
	static const uint8_t trailing[] = {0x01, 0x02};
	static const uint8_t fine[] = {0x92, 0x01, 0xa1, 'x'};
	msgpack_unpacked u;

	msgpack_unpacked_init(&u);
	ck_assert_int_eq(mp_decode(&u, huge_array, sizeof huge_array), LRL_EPROTO);
	ck_assert_int_eq(mp_decode(&u, huge_map, sizeof huge_map), LRL_EPROTO);
	ck_assert_int_eq(mp_decode(&u, long_str, sizeof long_str), LRL_EPROTO);
	ck_assert_int_eq(mp_decode(&u, trailing, sizeof trailing), LRL_EPROTO);
	ck_assert_int_eq(mp_decode(&u, fine, sizeof fine), 0);
	msgpack_unpacked_destroy(&u);
}
END_TEST

Suite *suite_common(void)
{
	Suite *s = suite_create("common");
	TCase *tc = tcase_create("common");

	tcase_add_test(tc, test_dates_parse_in_both_written_forms);
	tcase_add_test(tc, test_impossible_dates_are_refused);
	tcase_add_test(tc, test_event_times_are_dated_in_vietnam);
	tcase_add_test(tc, test_valid_parameters_pass);
	tcase_add_test(tc, test_each_bad_parameter_is_named_with_its_reason);
	tcase_add_test(tc, test_choices_ignore_tones_and_case);
	tcase_add_test(tc, test_one_vietnamese_word_finds_the_choice_of_each_list);
	tcase_add_test(tc, test_every_action_row_is_well_formed);
	tcase_add_test(tc, test_csv_output_quotes_per_rfc4180);
	tcase_add_test(tc, test_text_output_aligns_and_shows_escapes_visibly);
	tcase_add_test(tc, test_json_output_is_one_object_per_record);
	tcase_add_test(tc, test_demo_generator_is_seeded_and_realistic);
	tcase_add_test(tc, test_demo_year_is_seeded_and_covers_every_state);
	tcase_add_test(tc, test_messages_carry_their_arguments_for_translation);
	tcase_add_test(tc, test_a_long_message_argument_is_cut_between_characters);
	tcase_add_test(tc, test_a_message_claiming_more_than_it_holds_is_refused);
	suite_add_tcase(s, tc);
	return s;
}
