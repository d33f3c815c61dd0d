/*
 * test_year.c — the emulation year through a real laureld: rulebooks,
 * opening a year, the pledge flow in both directions, the registration
 * deadline and its reopening (pinned clock), collective pledges, who has
 * not pledged, and the registration roster.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/action.h"
#include "laurel/csvin.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/verify.h"

#define PW "mật khẩu thử nghiệm 2026"


struct world {
	struct h_env e;
	lrl_conn *admin, *ha, *head, *du;
};


/* rulebook.load with the text itself (h_call packs only typed values). */
static int load_rulebook(lrl_conn *admin, const char *version,
                         const char *text, size_t len,
                         struct lrl_reply **out)
{
	mp_buf p;
	int rc;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 2);
	mp_pack_kv_str(&p.pk, "version", version);
	mp_pack_str(&p.pk, "file");
	mp_pack_strn(&p.pk, text, len);
	rc = lrl_call(admin, "rulebook.load", p.sb.data, p.sb.size, out);
	mp_buf_free(&p);
	return rc ? rc : (*out)->code;
}

static lrl_conn *account(struct world *w, const char *login, const char *name,
                         const char *staff)
{
	lrl_conn *c = h_account(w->admin, w->e.srv.sock, login, name, staff, PW,
	                        NULL, NULL);

	ck_assert_ptr_nonnull(c);
	return c;
}

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
	ck_assert_int_eq(h_tcall(w->admin, "staff.add", NULL, "code", "KB1",
	                        "full-name", "Nguyễn Thị Hà", "sex", "nữ",
	                        "birth-date", "01/02/1985", "unit", "KHAMBENH",
	                        "start-date", "01/03/2010", NULL), 0);
	ck_assert_int_eq(h_tcall(w->admin, "staff.add", NULL, "code", "KB2",
	                        "full-name", "Trần Văn Bình", "sex", "nam",
	                        "birth-date", "01/02/1975", "unit", "KHAMBENH",
	                        "start-date", "01/03/2000", NULL), 0);
	ck_assert_int_eq(h_tcall(w->admin, "staff.add", NULL, "code", "DU1",
	                        "full-name", "Lê Minh Đức", "sex", "nam",
	                        "birth-date", "01/02/1990", "unit", "DUOC",
	                        "start-date", "01/03/2015", NULL), 0);
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", "2027",
	                        "rulebook", "2026", "registration", "10/01/2027",
	                        "annual-report", "20/12/2027", NULL), 0);
	w->ha = account(w, "ha", "Nguyễn Thị Hà", "KB1");
	w->head = account(w, "binh", "Trần Văn Bình", "KB2");
	ck_assert_int_eq(h_tcall(w->admin, "user.grant", NULL, "login", "binh",
	                        "role", "head", "unit", "KHAMBENH", NULL), 0);
	/* A new role takes effect at the next login. */
	lrl_close(w->head);
	ck_assert_int_eq(h_login(w->e.srv.sock, "binh", PW, &w->head), 0);
	w->du = account(w, "duc", "Lê Minh Đức", "DU1");
}

static void world_down(struct world *w)
{
	char why[256];

	lrl_close(w->ha);
	lrl_close(w->head);
	lrl_close(w->du);
	lrl_close(w->admin);
	ck_assert_msg(h_env_finish(&w->e, why, sizeof why) == 0, "%s", why);
}

static int submit(lrl_conn *c, struct lrl_reply **r)
{
	return h_tcall(c, "pledge.submit", r, "year", "2027", "title", "LDTT",
	              "commitments", "Hoàn thành xuất sắc nhiệm vụ; không vi phạm",
	              NULL);
}

/* The state of a staff member's pledge as pledge.list shows it. */
static void pledge_state(lrl_conn *c, const char *staff, char *state, size_t n)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;

	state[0] = '\0';
	ck_assert_int_eq(h_tcall(c, "pledge.list", &r, "year", "2027", NULL), 0);
	rows = mp_map_get(r->body, "rows");
	for (uint32_t i = 0; rows && i < rows->via.array.size; i++) {
		const msgpack_object *row = &rows->via.array.ptr[i];
		char code[32];
		mp_get_strbuf(&row->via.array.ptr[0], code, sizeof code);
		if (!strcmp(code, staff))
			mp_get_strbuf(&row->via.array.ptr[4], state, n);
	}
	lrl_reply_free(r);
}

START_TEST(test_a_pledge_goes_from_submitted_through_endorsed_to_accepted)
{
	struct world w;
	char st[32];

	world_up(&w);
	ck_assert_int_eq(submit(w.ha, NULL), 0);
	pledge_state(w.ha, "KB1", st, sizeof st);
	ck_assert_str_eq(st, "submitted");
	ck_assert_int_eq(h_tcall(w.head, "pledge.endorse", NULL, "year", "2027",
	                        "staff", "KB1", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "pledge.accept", NULL, "year", "2027",
	                        "staff", "KB1", NULL), 0);
	pledge_state(w.admin, "KB1", st, sizeof st);
	ck_assert_str_eq(st, "accepted");
	world_down(&w);
}
END_TEST

START_TEST(test_a_returned_pledge_is_resubmitted)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char st[32];

	world_up(&w);
	ck_assert_int_eq(submit(w.ha, NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "pledge.return", NULL, "year", "2027",
	                        "staff", "KB1", "reason",
	                        "Ghi rõ chỉ tiêu chuyên môn", NULL), 0);
	pledge_state(w.ha, "KB1", st, sizeof st);
	ck_assert_str_eq(st, "returned");
	/* Accepting a returned pledge is refused: it must come back first. */
	ck_assert_int_eq(h_tcall(w.admin, "pledge.accept", &r, "year", "2027",
	                        "staff", "KB1", NULL), LRL_ESTATE);
	lrl_reply_free(r);
	ck_assert_int_eq(submit(w.ha, NULL), 0);
	pledge_state(w.ha, "KB1", st, sizeof st);
	ck_assert_str_eq(st, "submitted");
	world_down(&w);
}
END_TEST

START_TEST(test_a_pledge_after_the_deadline_is_refused_until_reopened)
{
	struct world w;
	struct lrl_reply *r = NULL;

	world_up(&w);
	/* From 15/12/2026 to 15/01/2027: past the 10/01 deadline. */
	ck_assert_int_eq(h_env_advance(&w.e, 31 * 86400), 0);
	ck_assert_int_eq(submit(w.ha, &r), LRL_ESTATE);
	ck_assert_ptr_nonnull(strstr(r->message, "10/01/2027"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "year.reopen", NULL, "year", "2027",
	                        "unit", "KHAMBENH", "until", "20/01/2027", NULL), 0);
	ck_assert_int_eq(submit(w.ha, NULL), 0);
	/* The window is for KHAMBENH only. */
	ck_assert_int_eq(submit(w.du, NULL), LRL_ESTATE);
	/* And it ends. */
	ck_assert_int_eq(h_env_advance(&w.e, 7 * 86400), 0);
	ck_assert_int_eq(h_tcall(w.admin, "pledge.list", &r, "year", "2027",
	                        "state", "submitted", NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_head_cannot_endorse_another_units_pledge)
{
	struct world w;

	world_up(&w);
	ck_assert_int_eq(submit(w.du, NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "pledge.endorse", NULL, "year", "2027",
	                        "staff", "DU1", NULL), LRL_EPERM);
	world_down(&w);
}
END_TEST

/* Nobody endorses their own pledge; the director endorses a head's, and
 * the director's own pledge, with nobody above it, is accepted as
 * submitted by the personnel office. */
START_TEST(test_the_director_endorses_a_heads_pledge_and_the_office_accepts_the_directors)
{
	struct world w;
	lrl_conn *dir;
	char st[32];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "staff.add", NULL, "code", "GD1",
	                        "full-name", "Phạm Quốc Hùng", "sex", "nam",
	                        "birth-date", "01/02/1970", "unit", "DUOC",
	                        "start-date", "01/03/1995", NULL), 0);
	dir = account(&w, "hung", "Phạm Quốc Hùng", "GD1");
	ck_assert_int_eq(h_tcall(w.admin, "user.grant", NULL, "login", "hung",
	                        "role", "director", NULL), 0);
	lrl_close(dir);
	ck_assert_int_eq(h_login(w.e.srv.sock, "hung", PW, &dir), 0);

	ck_assert_int_eq(submit(w.head, NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "pledge.endorse", NULL, "year", "2027",
	                        "staff", "KB2", NULL), LRL_EPERM);
	pledge_state(w.admin, "KB2", st, sizeof st);
	ck_assert_str_eq(st, "submitted");
	ck_assert_int_eq(h_tcall(dir, "pledge.endorse", NULL, "year", "2027",
	                        "staff", "KB2", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "pledge.accept", NULL, "year", "2027",
	                        "staff", "KB2", NULL), 0);
	pledge_state(w.admin, "KB2", st, sizeof st);
	ck_assert_str_eq(st, "accepted");

	/* A submitted pledge of anyone else still needs its endorsement. */
	ck_assert_int_eq(submit(w.ha, NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "pledge.accept", NULL, "year", "2027",
	                        "staff", "KB1", NULL), LRL_ESTATE);
	/* The director's own goes straight to the personnel office. */
	ck_assert_int_eq(submit(dir, NULL), 0);
	ck_assert_int_eq(h_tcall(dir, "pledge.endorse", NULL, "year", "2027",
	                        "staff", "GD1", NULL), LRL_EPERM);
	ck_assert_int_eq(h_tcall(w.admin, "pledge.accept", NULL, "year", "2027",
	                        "staff", "GD1", NULL), 0);
	pledge_state(w.admin, "GD1", st, sizeof st);
	ck_assert_str_eq(st, "accepted");
	lrl_close(dir);
	world_down(&w);
}
END_TEST

START_TEST(test_a_title_not_in_the_rulebook_is_refused)
{
	struct world w;
	struct lrl_reply *r = NULL;

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.ha, "pledge.submit", &r, "year", "2027",
	                        "title", "XYZ", "commitments", "…", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	/* A collective title is not a person's. */
	ck_assert_int_eq(h_tcall(w.ha, "pledge.submit", &r, "year", "2027",
	                        "title", "TTLDTT", "commitments", "…", NULL),
	                 LRL_EINVAL);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_missing_lists_who_has_not_pledged)
{
	struct world w;
	struct lrl_reply *r = NULL;

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.head, "pledge.missing", &r, "year", "2027",
	                        NULL), 0);
	/* The head sees the two people of KHAMBENH, not DUOC's. */
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 2);
	lrl_reply_free(r);
	ck_assert_int_eq(submit(w.ha, NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "pledge.missing", &r, "year", "2027",
	                        NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_an_unopened_year_is_refused)
{
	struct world w;
	struct lrl_reply *r = NULL;

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.ha, "pledge.submit", &r, "year", "2030",
	                        "title", "LDTT", "commitments", "…", NULL),
	                 LRL_ENOENT);
	ck_assert_ptr_nonnull(strstr(r->message, "2030"));
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_bad_rulebook_is_refused_with_its_line)
{
	struct world w;
	struct lrl_reply *r = NULL;
	static const char bad[] = "# a rulebook\n\nnonsense here\n";

	world_up(&w);
	ck_assert_int_eq(load_rulebook(w.admin, "BAD", bad, sizeof bad - 1, &r),
	                 LRL_EINVAL);
	ck_assert_ptr_nonnull(strstr(r->message, "line 3"));
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_unit_pledge_names_its_model_and_exemplars)
{
	struct world w;
	struct lrl_reply *r = NULL;

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.head, "unit.pledge", &r, "year", "2027",
	                        "unit", "KHAMBENH", "title", "TTLDTT", "model",
	                        "Khám bệnh không chờ đợi", "exemplars", "DU1",
	                        NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "exemplars");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.head, "unit.pledge", NULL, "year", "2027",
	                        "unit", "KHAMBENH", "title", "TTLDTT", "model",
	                        "Khám bệnh không chờ đợi", "exemplars", "KB1",
	                        NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "report.roster", &r, "year", "2027",
	                        "unit", "KHAMBENH", NULL), 0);
	/* The unit's row, then its two people. */
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 3);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

/* The row of staff in rating.list: its rating and discipline columns. */
static void rating_of(lrl_conn *c, const char *staff, char *rating,
                      char *disc, size_t n)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;

	rating[0] = disc[0] = '\0';
	ck_assert_int_eq(h_tcall(c, "rating.list", &r, "year", "2027", NULL), 0);
	rows = mp_map_get(r->body, "rows");
	for (uint32_t i = 0; rows && i < rows->via.array.size; i++) {
		const msgpack_object *row = &rows->via.array.ptr[i];
		char code[32];
		mp_get_strbuf(&row->via.array.ptr[0], code, sizeof code);
		if (strcmp(code, staff))
			continue;
		mp_get_strbuf(&row->via.array.ptr[3], rating, n);
		mp_get_strbuf(&row->via.array.ptr[5], disc, n);
	}
	lrl_reply_free(r);
}

START_TEST(test_a_head_rates_the_people_of_their_unit_only)
{
	struct world w;
	char rating[32], disc[32];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.head, "rating.set", NULL, "year", "2027",
	                        "staff", "KB1", "rating", "HTXSNV", "months", "11",
	                        NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "rating.set", NULL, "year", "2027",
	                        "staff", "DU1", "rating", "HTTNV", NULL), LRL_EPERM);
	rating_of(w.head, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(rating, "HTXSNV");
	ck_assert_str_eq(disc, "");
	/* The person sees their own rating; the head of another unit's
	 * people are not listed to them. */
	rating_of(w.ha, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(rating, "HTXSNV");
	rating_of(w.ha, "KB2", rating, disc, sizeof rating);
	ck_assert_str_eq(rating, "");
	ck_assert_int_eq(h_tcall(w.head, "rating.unit", NULL, "year", "2027",
	                        "unit", "KHAMBENH", "rating", "HTTNV", NULL), 0);
	ck_assert_int_eq(h_tcall(w.head, "rating.unit", NULL, "year", "2027",
	                        "unit", "DUOC", "rating", "HTTNV", NULL), LRL_EPERM);
	world_down(&w);
}
END_TEST

START_TEST(test_the_most_serious_discipline_of_the_year_shows)
{
	struct world w;
	char rating[32], disc[32];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.head, "discipline.add", NULL, "year", "2027",
	                        "staff", "KB1", "level", "reprimand", "from",
	                        "01/03/2027", "to", "31/08/2027", "reason",
	                        "Quyết định số 5/QĐ-BV", NULL), 0);
	rating_of(w.admin, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(disc, "reprimand");
	ck_assert_int_eq(h_tcall(w.admin, "discipline.add", NULL, "year", "2027",
	                        "staff", "KB1", "level", "warning", "from",
	                        "01/09/2027", "reason", "Quyết định số 9/QĐ-BV",
	                        NULL), 0);
	rating_of(w.admin, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(disc, "warning");
	/* A period that ends before it starts is refused. */
	ck_assert_int_eq(h_tcall(w.admin, "discipline.add", NULL, "year", "2027",
	                        "staff", "KB2", "level", "reprimand", "from",
	                        "01/09/2027", "to", "01/08/2027", "reason", "…",
	                        NULL), LRL_EINVAL);
	world_down(&w);
}
END_TEST

/* rating.import (or its -check) of CSV text. */
static int import_file(lrl_conn *c, const char *action, const char *csv,
                          struct lrl_reply **out)
{
	mp_buf p;
	size_t rows;
	char err[256];
	int rc;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 2);
	mp_pack_kv_int(&p.pk, "year", 2027);
	mp_pack_str(&p.pk, "file");
	ck_assert_int_eq(csvin_parse(csv, strlen(csv), "r.csv", &p.pk, &rows, err,
	                             sizeof err), 0);
	rc = lrl_call(c, action, p.sb.data, p.sb.size, out);
	mp_buf_free(&p);
	return rc ? rc : (*out)->code;
}

START_TEST(test_a_ratings_file_imports_every_row_or_none)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char rating[32], disc[32];
	static const char bad[] =
		"\xEF\xBB\xBFMã nhân viên;Xếp loại;Số tháng làm việc;Nghỉ thai sản\r\n"
		"KB1;HTXSNV;12;\r\n"
		"KB9;HTTNV;12;\r\n"       /* no such person */
		"KB2;XUẤT SẮC;12;\r\n"    /* not a rating */
		"KB1;HTNV;13;\r\n"        /* 13 months, and KB1 again */
		"DU1;HTNV;3;4\r\n";       /* more maternity leave than months */
	static const char good[] =
		"Mã nhân viên,Xếp loại,Số tháng làm việc,Số tháng nghỉ thai sản,Ghi chú\n"
		"KB1,HTXSNV,12,,\n"
		"KB2,htnv,10,2,nghỉ thai sản 2 tháng\n";

	world_up(&w);
	ck_assert_int_eq(import_file(w.admin, "rating.import-check", bad, &r), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 4);
	lrl_reply_free(r);
	ck_assert_int_eq(import_file(w.admin, "rating.import", bad, &r),
	                 LRL_EINVAL);
	lrl_reply_free(r);
	rating_of(w.admin, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(rating, ""); /* nothing was written */
	ck_assert_int_eq(import_file(w.admin, "rating.import", good, &r), 0);
	lrl_reply_free(r);
	rating_of(w.admin, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(rating, "HTXSNV");
	rating_of(w.admin, "KB2", rating, disc, sizeof rating);
	ck_assert_str_eq(rating, "HTNV");
	/* The maternity months show beside the rating (the last column). */
	ck_assert_int_eq(h_tcall(w.admin, "rating.list", &r, "year", "2027",
	                        NULL), 0);
	{
		const msgpack_object *rows = mp_map_get(r->body, "rows");
		int seen = 0;
		for (uint32_t i = 0; i < rows->via.array.size; i++) {
			const msgpack_object *row = rows->via.array.ptr[i].via.array.ptr;
			char code[32] = "";
			int64_t m = -1;
			mp_get_strbuf(&row[0], code, sizeof code);
			if (strcmp(code, "KB2"))
				continue;
			ck_assert_int_eq(mp_get_i64(&row[7], &m), 0);
			ck_assert_int_eq(m, 2);
			seen = 1;
		}
		ck_assert(seen);
	}
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_year_shows_its_titles_and_whom_they_are_for)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *titles;
	int person_ldtt = 0, unit_ttldtt = 0, gk_both = 0;

	world_up(&w);
	/* Anyone may read the year: the staff member's form offers them. */
	ck_assert_int_eq(h_tcall(w.ha, "year.show", &r, "year", "2027", NULL), 0);
	titles = mp_map_get(r->body, "titles");
	ck_assert_ptr_nonnull(titles);
	ck_assert_int_eq(titles->type, MSGPACK_OBJECT_ARRAY);
	for (uint32_t i = 0; i < titles->via.array.size; i++) {
		const msgpack_object *t = &titles->via.array.ptr[i];
		char code[32] = "", name[256] = "", whom[32] = "";
		ck_assert_int_eq(t->type, MSGPACK_OBJECT_ARRAY);
		ck_assert_uint_eq(t->via.array.size, 3);
		mp_get_strbuf(&t->via.array.ptr[0], code, sizeof code);
		mp_get_strbuf(&t->via.array.ptr[1], name, sizeof name);
		mp_get_strbuf(&t->via.array.ptr[2], whom, sizeof whom);
		person_ldtt |= !strcmp(code, "LDTT") &&
		               !strcmp(name, "Lao động tiên tiến") &&
		               !strcmp(whom, "person");
		unit_ttldtt |= !strcmp(code, "TTLDTT") && !strcmp(whom, "unit");
		gk_both |= !strcmp(code, "GK") && !strcmp(whom, "person unit");
	}
	ck_assert(person_ldtt);
	ck_assert(unit_ttldtt);
	ck_assert(gk_both);
	/* The record itself is unchanged. */
	ck_assert_ptr_nonnull(mp_map_get(r->body, "record"));
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_disciplines_file_imports_every_row_or_none)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char rating[32], disc[32];
	static const char bad[] =
		"Mã nhân viên;Hình thức kỷ luật;Từ ngày;Đến ngày;Quyết định, lý do\r\n"
		"KB1;khiển trách;01/03/2027;31/08/2027;QĐ 3/QĐ-BV\r\n"
		"KB2;phạt tiền;01/03/2027;;QĐ 4/QĐ-BV\r\n"       /* not a level */
		"DU1;cảnh cáo;31/02/2027;;QĐ 5/QĐ-BV\r\n"        /* no such day */
		"KB9;cảnh cáo;01/05/2027;;QĐ 6/QĐ-BV\r\n";       /* no such person */
	static const char good[] =
		"Mã nhân viên,Hình thức kỷ luật,Từ ngày,Đến ngày,\"Quyết định, lý do\"\n"
		"KB1,khiển trách,01/03/2027,31/08/2027,QĐ 3/QĐ-BV\n"
		"DU1,cảnh cáo,01/05/2027,,QĐ 5/QĐ-BV\n";

	world_up(&w);
	ck_assert_int_eq(import_file(w.admin, "discipline.import-check", bad, &r), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 3);
	lrl_reply_free(r);
	ck_assert_int_eq(import_file(w.admin, "discipline.import", bad, &r),
	                 LRL_EINVAL);
	lrl_reply_free(r);
	rating_of(w.admin, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(disc, ""); /* nothing was written */
	ck_assert_int_eq(import_file(w.admin, "discipline.import", good, &r), 0);
	lrl_reply_free(r);
	rating_of(w.admin, "KB1", rating, disc, sizeof rating);
	ck_assert_str_eq(disc, "reprimand");
	rating_of(w.admin, "DU1", rating, disc, sizeof rating);
	ck_assert_str_eq(disc, "warning");
	world_down(&w);
}
END_TEST

Suite *suite_year(void)
{
	Suite *s = suite_create("year");
	TCase *tc = tcase_create("pledges");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_a_pledge_goes_from_submitted_through_endorsed_to_accepted);
	tcase_add_test(tc, test_a_returned_pledge_is_resubmitted);
	tcase_add_test(tc, test_a_pledge_after_the_deadline_is_refused_until_reopened);
	tcase_add_test(tc, test_a_head_cannot_endorse_another_units_pledge);
	tcase_add_test(tc, test_the_director_endorses_a_heads_pledge_and_the_office_accepts_the_directors);
	tcase_add_test(tc, test_a_title_not_in_the_rulebook_is_refused);
	tcase_add_test(tc, test_missing_lists_who_has_not_pledged);
	tcase_add_test(tc, test_an_unopened_year_is_refused);
	tcase_add_test(tc, test_a_bad_rulebook_is_refused_with_its_line);
	tcase_add_test(tc, test_a_unit_pledge_names_its_model_and_exemplars);
	tcase_add_test(tc, test_a_head_rates_the_people_of_their_unit_only);
	tcase_add_test(tc, test_the_most_serious_discipline_of_the_year_shows);
	tcase_add_test(tc, test_a_ratings_file_imports_every_row_or_none);
	tcase_add_test(tc, test_a_disciplines_file_imports_every_row_or_none);
	tcase_add_test(tc, test_a_year_shows_its_titles_and_whom_they_are_for);
	suite_add_tcase(s, tc);
	return s;
}
