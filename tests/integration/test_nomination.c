/*
 * test_nomination.c — nominations through a real laureld: each verdict
 * computed from what the store holds (ratings, disciplines, titles held,
 * open matters, the unit's members), the achievement report, withdrawal,
 * scope, and the department review sheet.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/verify.h"

#define PW "mật khẩu thử nghiệm 2026"
#define Y "2027"

struct world {
	struct h_env e;
	lrl_conn *admin, *head, *staff;
};

static lrl_conn *account(struct world *w, const char *login, const char *name,
                         const char *staff)
{
	lrl_conn *c = h_account(w->admin, w->e.srv.sock, login, name, staff, PW,
	                        NULL, NULL);

	ck_assert_ptr_nonnull(c);
	return c;
}

static void person(struct world *w, const char *code, const char *name,
                   const char *unit)
{
	ck_assert_int_eq(h_staff(w->admin, code, name, "nữ", unit), 0);
}

static void rate(struct world *w, const char *staff, const char *rating)
{
	ck_assert_int_eq(h_tcall(w->admin, "rating.set", NULL, "year", Y,
	                         "staff", staff, "rating", rating, NULL), 0);
}

/* Khoa Khám bệnh: KB1..KB4 (KB4 heads it); Khoa Dược: DU1. */
static void world_up(struct world *w)
{
	memset(w, 0, sizeof *w);
	ck_assert_int_eq(h_env_setup(&w->e), 0);
	ck_assert_int_eq(h_login(w->e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                         &w->admin), 0);
	ck_assert_int_eq(h_rulebook_load(w->admin, "2026",
	                                 "data/rulebook-2026.txt"), 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "KHAMBENH",
	                        "name", "Khoa Khám bệnh", "kind", "department",
	                        NULL), 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "DUOC",
	                        "name", "Khoa Dược", "kind", "department", NULL), 0);
	person(w, "KB1", "Nguyễn Thị Hà", "KHAMBENH");
	person(w, "KB2", "Phạm Thu Lan", "KHAMBENH");
	person(w, "KB3", "Đỗ Văn An", "KHAMBENH");
	person(w, "KB4", "Trần Văn Bình", "KHAMBENH");
	person(w, "DU1", "Lê Minh Đức", "DUOC");
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", Y,
	                         "rulebook", "2026", "registration", "10/01/2027",
	                         "annual-report", "20/12/2027", NULL), 0);
	w->head = account(w, "binh", "Trần Văn Bình", "KB4");
	ck_assert_int_eq(h_tcall(w->admin, "user.grant", NULL, "login", "binh",
	                        "role", "head", "unit", "KHAMBENH", NULL), 0);
	lrl_close(w->head);
	ck_assert_int_eq(h_login(w->e.srv.sock, "binh", PW, &w->head), 0);
	w->staff = account(w, "ha", "Nguyễn Thị Hà", "KB1");
}

static void world_down(struct world *w)
{
	char why[256];

	lrl_close(w->staff);
	lrl_close(w->head);
	lrl_close(w->admin);
	ck_assert_msg(h_env_finish(&w->e, why, sizeof why) == 0, "%s", why);
}

/* Proposes title for a person; returns the reply code and the new
 * nomination's code (from "DN-…: …" in the message). */
static int propose(lrl_conn *c, const char *staff, const char *title,
                   char *code, size_t n)
{
	struct lrl_reply *r = NULL;
	char msg[512] = "";
	int rc = h_tcall(c, "nomination.add", &r, "year", Y, "staff", staff,
	                 "title", title, NULL);

	if (rc == 0 && code) {
		mp_get_strbuf(mp_map_get(r->body, "message"), msg, sizeof msg);
		snprintf(code, n, "%.*s", (int)strcspn(msg, ":"), msg);
	}
	lrl_reply_free(r);
	return rc;
}

/* The verdict and failing text of a nomination as nomination.list shows
 * it. */
static void verdict(lrl_conn *c, const char *code, char *v, size_t vn,
                    char *failing, size_t fn)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;

	v[0] = failing[0] = '\0';
	ck_assert_int_eq(h_tcall(c, "nomination.list", &r, "year", Y, NULL), 0);
	rows = mp_map_get(r->body, "rows");
	for (uint32_t i = 0; i < rows->via.array.size; i++) {
		const msgpack_object *row = rows->via.array.ptr[i].via.array.ptr;
		char got[32] = "";
		mp_get_strbuf(&row[0], got, sizeof got);
		if (strcmp(got, code))
			continue;
		mp_get_strbuf(&row[2], v, vn);
		mp_get_strbuf(&row[8], failing, fn);
	}
	lrl_reply_free(r);
}

/* Does a nomination.show reply hold a criterion whose text has part? */
static int has_criterion(const struct lrl_reply *r, const char *part)
{
	const msgpack_object *cr = mp_map_get(mp_map_get(r->body, "record"),
	                                      "criteria");

	for (uint32_t i = 0; cr && i < cr->via.array.size; i++) {
		char text[320] = "";
		mp_get_strbuf(mp_map_get(&cr->via.array.ptr[i], "text"), text,
		              sizeof text);
		if (strstr(text, part))
			return 1;
	}
	return 0;
}

START_TEST(test_a_rated_person_is_eligible_for_ldtt_and_a_discipline_fails_it)
{
	struct world w;
	char code[32], v[32], fail[2048];

	world_up(&w);
	ck_assert_int_eq(propose(w.head, "KB1", "LDTT", code, sizeof code), 0);
	ck_assert_str_eq(code, "DN-2027-001");
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_nonnull(strstr(fail, "no rating for 2027 — needs HTTNV or better"));
	rate(&w, "KB1", "HTTNV");
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "eligible");
	ck_assert_str_eq(fail, "");
	ck_assert_int_eq(h_tcall(w.head, "discipline.add", NULL, "year", Y,
	                         "staff", "KB1", "level", "reprimand", "from",
	                         "01/03/2027", "to", "31/08/2027", "reason",
	                         "Quyết định 3/QĐ-BV", NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_nonnull(strstr(fail, "reprimand"));
	world_down(&w);
}
END_TEST

START_TEST(test_cstdcs_needs_its_report_and_an_outstanding_rating)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32], v[32], fail[2048], buf[256];

	world_up(&w);
	rate(&w, "KB2", "HTTNV");
	ck_assert_int_eq(propose(w.head, "KB2", "CSTDCS", code, sizeof code), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_nonnull(strstr(fail, "achievement report"));
	ck_assert_int_eq(h_tcall(w.head, "nomination.report", NULL, "nomination",
	                         code, "hometown", "Hải Dương", "qualifications",
	                         "Bác sĩ chuyên khoa I", "duties",
	                         "Khám và điều trị ngoại trú",
	                         "results", "Hoàn thành 100% chỉ tiêu", NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_null(strstr(fail, "achievement report"));
	rate(&w, "KB2", "HTXSNV");
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "eligible");
	/* show: every criterion, the report, the data behind it */
	ck_assert_int_eq(h_tcall(w.head, "nomination.show", &r, "nomination",
	                         code, NULL), 0);
	ck_assert_int_eq(h_record_str(r, "hometown", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Hải Dương");
	ck_assert_int_eq(h_record_str(r, "verdict", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "eligible");
	const msgpack_object *rec = mp_map_get(r->body, "record");
	const msgpack_object *cr = mp_map_get(rec, "criteria");
	ck_assert_ptr_nonnull(cr);
	ck_assert_uint_ge(cr->via.array.size, 3);
	ck_assert(has_criterion(r, "rating HTXSNV in 2027"));
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

/* Months on maternity leave are recorded with the rating: LĐTT counts
 * them as worked, and the criterion says how many there were. */
START_TEST(test_maternity_leave_counts_as_worked_for_ldtt)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32], v[32], fail[2048];

	world_up(&w);
	ck_assert_int_eq(propose(w.head, "KB1", "LDTT", code, sizeof code), 0);
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", Y, "staff",
	                         "KB1", "rating", "HTTNV", "months", "9", NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_nonnull(strstr(fail, "worked 9 months"));
	/* More maternity leave than months worked is refused, by name. */
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", &r, "year", Y, "staff",
	                         "KB1", "rating", "HTTNV", "months", "4",
	                         "maternity", "5", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "maternity");
	lrl_reply_free(r);
	r = NULL;
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", Y, "staff",
	                         "KB1", "rating", "HTTNV", "months", "12",
	                         "maternity", "4", NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "eligible");
	ck_assert_int_eq(h_tcall(w.admin, "nomination.show", &r, "nomination",
	                         code, NULL), 0);
	ck_assert(has_criterion(r, "worked 8 months plus 4 months of maternity leave"));
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_past_titles_count_for_years_in_a_row)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32], v[32], fail[2048];

	world_up(&w);
	rate(&w, "KB3", "HTXSNV");
	ck_assert_int_eq(h_tcall(w.admin, "award.add", NULL, "year", "2026",
	                         "title", "CSTDCS", "staff", "KB3", "decision",
	                         "15/QĐ-BV", "date", "20/12/2026", NULL), 0);
	/* the same award twice is refused */
	ck_assert_int_eq(h_tcall(w.admin, "award.add", &r, "year", "2026",
	                         "title", "CSTDCS", "staff", "KB3", "decision",
	                         "15/QĐ-BV", "date", "20/12/2026", NULL),
	                 LRL_EEXIST);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	/* a decision dated before its year is refused */
	ck_assert_int_eq(h_tcall(w.admin, "award.add", &r, "year", "2025",
	                         "title", "CSTDCS", "staff", "KB3", "decision",
	                         "9/QĐ-BV", "date", "20/12/2024", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "date");
	lrl_reply_free(r);
	ck_assert_int_eq(propose(w.head, "KB3", "BK", code, sizeof code), 0);
	ck_assert_int_eq(h_tcall(w.head, "nomination.report", NULL, "nomination",
	                         code, "duties", "Điều dưỡng trưởng", "results",
	                         "Không có sự cố y khoa", NULL), 0);
	/* BK: CSTDCS 2 years in a row — 2026 held, 2027 met now */
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "eligible");
	/* the report's past titles come from the awards */
	ck_assert_int_eq(h_tcall(w.admin, "nomination.show", &r, "nomination",
	                         code, NULL), 0);
	const msgpack_object *past = mp_map_get(mp_map_get(r->body, "record"),
	                                        "past-titles");
	ck_assert_uint_eq(past->via.array.size, 1);
	char line[256];
	mp_get_strbuf(&past->via.array.ptr[0], line, sizeof line);
	ck_assert_ptr_nonnull(strstr(line, "2026 CSTDCS — 15/QĐ-BV, 20/12/2026"));
	lrl_reply_free(r);
	/* award.list shows it */
	ck_assert_int_eq(h_tcall(w.admin, "award.list", &r, "staff", "KB3", NULL),
	                 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_an_open_complaint_blocks_until_closed)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32], v[32], fail[2048], msg[256];

	world_up(&w);
	rate(&w, "KB1", "HTTNV");
	ck_assert_int_eq(propose(w.head, "KB1", "LDTT", code, sizeof code), 0);
	ck_assert_int_eq(h_tcall(w.admin, "matter.open", &r, "kind", "complaint",
	                         "staff", "KB1", "note", "Đơn khiếu nại ngày 2/11",
	                         NULL), 0);
	mp_get_strbuf(mp_map_get(r->body, "message"), msg, sizeof msg);
	lrl_reply_free(r);
	int64_t number = strtoll(msg + strlen("matter "), NULL, 10);
	ck_assert_int_gt(number, 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "blocked");
	ck_assert_ptr_nonnull(strstr(fail, "complaint"));
	snprintf(msg, sizeof msg, "%lld", (long long)number);
	ck_assert_int_eq(h_tcall(w.admin, "matter.close", NULL, "matter", msg,
	                         "resolution", "Đã trả lời, không có cơ sở",
	                         NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "matter.close", &r, "matter", msg,
	                         "resolution", "lần nữa", NULL), LRL_ESTATE);
	lrl_reply_free(r);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "eligible");
	ck_assert_int_eq(h_tcall(w.admin, "matter.list", &r, "open", "true",
	                         NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 0);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_collective_title_counts_its_members)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32], c1[32], v[32], fail[2048];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "rating.unit", NULL, "year", Y, "unit",
	                         "KHAMBENH", "rating", "HTTNV", NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "nomination.add", &r, "year", Y, "unit",
	                         "KHAMBENH", "title", "TTLDTT", NULL), 0);
	lrl_reply_free(r);
	snprintf(code, sizeof code, "DN-2027-001");
	/* 0 of 4 members LĐTT */
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_nonnull(strstr(fail, "LDTT"));
	/* 3 of 4 (75%) proposed and eligible */
	const char *people[] = {"KB1", "KB2", "KB3"};
	for (int i = 0; i < 3; i++) {
		rate(&w, people[i], "HTTNV");
		ck_assert_int_eq(propose(w.head, people[i], "LDTT", c1, sizeof c1), 0);
	}
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_msg(!strcmp(v, "eligible"), "%s: %s", v, fail);
	/* a member disciplined with a warning fails it */
	ck_assert_int_eq(h_tcall(w.admin, "discipline.add", NULL, "year", Y,
	                         "staff", "KB4", "level", "warning", "from",
	                         "01/05/2027", "reason", "Quyết định 7/QĐ-BV",
	                         NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_ptr_nonnull(strstr(fail, "warning"));
	world_down(&w);
}
END_TEST

START_TEST(test_duplicates_scope_and_withdrawal)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32];

	world_up(&w);
	ck_assert_int_eq(propose(w.head, "KB1", "LDTT", code, sizeof code), 0);
	ck_assert_int_eq(h_tcall(w.head, "nomination.add", &r, "year", Y, "staff",
	                         "KB1", "title", "LDTT", NULL), LRL_EEXIST);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	/* another unit's person: refused for the head */
	ck_assert_int_eq(propose(w.head, "DU1", "LDTT", NULL, 0), LRL_EPERM);
	/* staff may not propose */
	ck_assert_int_eq(propose(w.staff, "KB1", "GK", NULL, 0), LRL_EPERM);
	/* a unit title for a person */
	ck_assert_int_eq(h_tcall(w.head, "nomination.add", &r, "year", Y, "staff",
	                         "KB1", "title", "TTLDTT", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	/* neither staff nor unit */
	ck_assert_int_eq(h_tcall(w.head, "nomination.add", &r, "year", Y,
	                         "title", "LDTT", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "staff");
	lrl_reply_free(r);
	/* the staff member sees their own nomination, not others' */
	ck_assert_int_eq(propose(w.head, "KB2", "LDTT", NULL, 0), 0);
	ck_assert_int_eq(h_tcall(w.staff, "nomination.list", &r, "year", Y, NULL),
	                 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	lrl_reply_free(r);
	/* withdraw, then propose again */
	ck_assert_int_eq(h_tcall(w.head, "nomination.withdraw", NULL,
	                         "nomination", code, "reason", "Nhầm đối tượng",
	                         NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "nomination.withdraw", &r,
	                         "nomination", code, "reason", "lần nữa", NULL),
	                 LRL_ESTATE);
	lrl_reply_free(r);
	ck_assert_int_eq(propose(w.head, "KB1", "LDTT", code, sizeof code), 0);
	ck_assert_str_eq(code, "DN-2027-003");
	world_down(&w);
}
END_TEST

START_TEST(test_the_review_sheet_lists_units_people_and_verdicts)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	char code[32];

	world_up(&w);
	rate(&w, "KB1", "HTTNV");
	rate(&w, "KB2", "HTNV");
	ck_assert_int_eq(propose(w.head, "KB1", "LDTT", code, sizeof code), 0);
	ck_assert_int_eq(propose(w.head, "KB2", "LDTT", code, sizeof code), 0);
	ck_assert_int_eq(h_tcall(w.head, "report.review", &r, "year", Y, NULL), 0);
	rows = mp_map_get(r->body, "rows");
	/* the head sees Khám bệnh only: the unit and its four people */
	ck_assert_uint_eq(rows->via.array.size, 5);
	const msgpack_object *first = rows->via.array.ptr[0].via.array.ptr;
	char cell[256];
	mp_get_strbuf(&first[2], cell, sizeof cell);
	ck_assert_str_eq(cell, "Khoa Khám bệnh");
	int eligible = 0, failing = 0;
	for (uint32_t i = 0; i < rows->via.array.size; i++) {
		const msgpack_object *row = rows->via.array.ptr[i].via.array.ptr;
		mp_get_strbuf(&row[7], cell, sizeof cell);
		eligible += !strcmp(cell, "eligible");
		failing += !strcmp(cell, "not-eligible");
	}
	ck_assert_int_eq(eligible, 1);
	ck_assert_int_eq(failing, 1);
	lrl_reply_free(r);
	/* people in name order (tên): An, Bình, Hà, Lan */
	ck_assert_int_eq(h_tcall(w.admin, "report.review", &r, "year", Y, "unit",
	                         "KHAMBENH", NULL), 0);
	rows = mp_map_get(r->body, "rows");
	const char *order[] = {"KB3", "KB4", "KB1", "KB2"};
	for (int i = 0; i < 4; i++) {
		mp_get_strbuf(&rows->via.array.ptr[i + 1].via.array.ptr[1], cell,
		              sizeof cell);
		ck_assert_str_eq(cell, order[i]);
	}
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_an_initiative_is_the_basis_of_one_award_only)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32], v[32], fail[2048];

	world_up(&w);
	rate(&w, "KB1", "HTTNV");
	ck_assert_int_eq(h_tcall(w.staff, "work.add", NULL, "year", Y, "kind",
	                         "initiative", "name",
	                         "Quy trình tập vận động sớm sau đột quỵ",
	                         "authors", "KB1", NULL), 0);
	ck_assert_int_eq(propose(w.head, "KB1", "CSTDCS", code, sizeof code), 0);
	ck_assert_int_eq(h_tcall(w.head, "nomination.report", NULL, "nomination",
	                         code, "duties", "Kỹ thuật viên vật lý trị liệu",
	                         "results", "Áp dụng sáng kiến cho 120 người bệnh",
	                         NULL), 0);
	/* registered, not yet recognised: it does not count */
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_msg(strstr(fail, "none of the following") != NULL, "%s", fail);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", NULL, "code",
	                         "SK-2027-001", "result", "recognised", "scope",
	                         "hospital", "decision", "21/QĐ-HĐSK", "date",
	                         "15/10/2027", NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_msg(!strcmp(v, "eligible"), "%s", fail);
	/* the initiative becomes the basis of the GK nomination … */
	ck_assert_int_eq(h_tcall(w.head, "nomination.add", NULL, "year", Y,
	                         "staff", "KB1", "title", "GK", "movement", "yes",
	                         "basis", "SK-2027-001", NULL), 0);
	/* … so it no longer counts for CSTDCS */
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "not-eligible");
	ck_assert_msg(strstr(fail, "1 already the basis of another honour") != NULL, "%s: %s", v, fail);
	/* and nothing else may rest on it */
	ck_assert_int_eq(h_tcall(w.admin, "award.add", &r, "year", Y, "title",
	                         "LDTT", "staff", "KB1", "decision", "30/QĐ-BV",
	                         "date", "20/12/2027", "basis", "SK-2027-001",
	                         NULL), LRL_EEXIST);
	ck_assert_str_eq(r->field, "basis");
	ck_assert_ptr_nonnull(strstr(r->message, "DN-2027-002"));
	lrl_reply_free(r);
	/* withdrawing the GK nomination frees it */
	ck_assert_int_eq(h_tcall(w.head, "nomination.withdraw", NULL,
	                         "nomination", "DN-2027-002", "reason",
	                         "Đề nghị CSTĐCS thay thế", NULL), 0);
	verdict(w.admin, code, v, sizeof v, fail, sizeof fail);
	ck_assert_str_eq(v, "eligible");
	/* a basis must be the person's own, recognised work */
	ck_assert_int_eq(h_tcall(w.head, "nomination.add", &r, "year", Y,
	                         "staff", "KB2", "title", "GK", "movement", "yes",
	                         "basis", "SK-2027-001", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "basis");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

Suite *suite_nomination(void)
{
	Suite *s = suite_create("nomination");
	TCase *tc = tcase_create("nominations");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_a_rated_person_is_eligible_for_ldtt_and_a_discipline_fails_it);
	tcase_add_test(tc, test_cstdcs_needs_its_report_and_an_outstanding_rating);
	tcase_add_test(tc, test_maternity_leave_counts_as_worked_for_ldtt);
	tcase_add_test(tc, test_past_titles_count_for_years_in_a_row);
	tcase_add_test(tc, test_an_open_complaint_blocks_until_closed);
	tcase_add_test(tc, test_a_collective_title_counts_its_members);
	tcase_add_test(tc, test_an_initiative_is_the_basis_of_one_award_only);
	tcase_add_test(tc, test_duplicates_scope_and_withdrawal);
	tcase_add_test(tc, test_the_review_sheet_lists_units_people_and_verdicts);
	suite_add_tcase(s, tc);
	return s;
}
