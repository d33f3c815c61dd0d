/*
 * test_task.c — plan tasks (the plan 004 appendix) through a real laureld:
 * adding them with every field, their codes numbered per year, refused
 * units naming their field, who may record progress, the overdue flag
 * against the pinned clock, the list's filters and order (the "Plan tasks
 * status" report) and the history task.show gives.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/action.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/verify.h"

#define PW "mật khẩu thử nghiệm 2026"


struct world {
	struct h_env e;
	lrl_conn *admin, *binh, *duc;
};


/* An account linked to staff, holding the head role of unit. */
static lrl_conn *head(struct world *w, const char *login, const char *name,
                      const char *staff, const char *unit)
{
	lrl_conn *c = h_account(w->admin, w->e.srv.sock, login, name, staff, PW,
	                        "head", unit);

	ck_assert_ptr_nonnull(c);
	return c;
}

static void unit(struct world *w, const char *code, const char *name,
                 const char *kind, const char *parent)
{
	ck_assert_int_eq(h_unit(w->admin, code, name, kind, parent), 0);
}

static void staff(struct world *w, const char *code, const char *name,
                  const char *unit_code)
{
	ck_assert_int_eq(h_staff(w->admin, code, name, "nam", unit_code), 0);
}

/* The clock starts at 15/12/2026 08:00 (Vietnam). */
static void world_up(struct world *w)
{
	memset(w, 0, sizeof *w);
	ck_assert_int_eq(h_env_setup(&w->e), 0);
	ck_assert_int_eq(h_login(w->e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                         &w->admin), 0);
	ck_assert_int_eq(h_rulebook_load(w->admin, "2026",
	                                 "data/rulebook-2026.txt"), 0);
	unit(w, "TCHC", "Phòng Tổ chức – Hành chính", "office", NULL);
	unit(w, "KHAMBENH", "Khoa Khám bệnh", "department", NULL);
	unit(w, "PKNGOAI", "Phòng khám Ngoại", "department", "KHAMBENH");
	unit(w, "DUOC", "Khoa Dược – Vật tư", "department", NULL);
	staff(w, "KB2", "Trần Văn Bình", "KHAMBENH");
	staff(w, "DU1", "Lê Minh Đức", "DUOC");
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", "2026",
	                       "rulebook", "2026", "registration", "10/01/2026",
	                       "annual-report", "20/12/2026", NULL), 0);
	w->binh = head(w, "binh", "Trần Văn Bình", "KB2", "KHAMBENH");
	w->duc = head(w, "duc", "Lê Minh Đức", "DU1", "DUOC");
}

/* Stops the server and checks that replaying the log rebuilds the store. */
static void world_down(struct world *w)
{
	char why[256];

	lrl_close(w->binh);
	lrl_close(w->duc);
	lrl_close(w->admin);
	ck_assert_msg(h_env_finish(&w->e, why, sizeof why) == 0, "%s", why);
}

/* task.add of the 2026 plan; the new code into code (may be NULL). */
static void add(struct world *w, const char *lead, const char *with,
                const char *due, char *code, size_t n)
{
	struct lrl_reply *r = NULL;
	const char *msg;
	size_t len;

	if (with)
		ck_assert_int_eq(h_tcall(w->admin, "task.add", &r, "year", "2026",
		                       "content", "Báo cáo tổng kết công tác thi đua",
		                       "lead", lead, "with", with, "due", due, NULL),
		                 0);
	else
		ck_assert_int_eq(h_tcall(w->admin, "task.add", &r, "year", "2026",
		                       "content", "Báo cáo tổng kết công tác thi đua",
		                       "lead", lead, "due", due, NULL),
		                 0);
	ck_assert_int_eq(mp_get_str(mp_map_get(r->body, "message"), &msg, &len), 0);
	if (code) {
		const char *k = memchr(msg, 'K', len);
		ck_assert_ptr_nonnull(k);
		snprintf(code, n, "%.11s", k);
	}
	lrl_reply_free(r);
}

/* The list's rows: column col of each row into out[i] (at most max). */
static size_t column(lrl_conn *c, size_t col, char out[][64], size_t max,
                     ...)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	const char *names[8], *vals[8];
	size_t n = 0, k = 0;
	va_list ap;
	int rc;

	va_start(ap, max);
	while (k < 8 && (names[k] = va_arg(ap, const char *)) != NULL)
		vals[k++] = va_arg(ap, const char *);
	va_end(ap);
	switch (k) {
	case 0:
		rc = h_tcall(c, "task.list", &r, "year", "2026", NULL);
		break;
	case 1:
		rc = h_tcall(c, "task.list", &r, "year", "2026", names[0], vals[0],
		           NULL);
		break;
	default:
		rc = h_tcall(c, "task.list", &r, "year", "2026", names[0], vals[0],
		           names[1], vals[1], NULL);
		break;
	}
	ck_assert_int_eq(rc, 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_ptr_nonnull(rows);
	for (uint32_t i = 0; i < rows->via.array.size && n < max; i++, n++) {
		out[n][0] = '\0';
		mp_get_strbuf(&rows->via.array.ptr[i].via.array.ptr[col], out[n], 64);
	}
	lrl_reply_free(r);
	return n;
}

START_TEST(test_a_task_is_added_with_every_field)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *cols;
	char buf[256];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "task.add", &r, "year", "2026",
	                       "content",
	                       "Hoàn thiện thủ tục trình khen thưởng cấp sở, cấp tỉnh\n"
	                       "Gửi hồ sơ về Sở Y tế",
	                       "lead", "TCHC", "with", "KHAMBENH, duoc", "due",
	                       "31/12/2026", "period", "Quý 4/2026", "status",
	                       "in-progress", NULL), 0);
	ck_assert_ptr_nonnull(strstr(mp_map_get(r->body, "message")->via.str.ptr,
	                             "KH-2026-001"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.duc, "task.show", &r, "code", "KH-2026-001",
	                       NULL), 0);
	ck_assert_int_eq(h_record_str(r, "lead", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "TCHC");
	ck_assert_int_eq(h_record_str(r, "lead-name", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Phòng Tổ chức – Hành chính");
	ck_assert_int_eq(h_record_str(r, "with", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "KHAMBENH, DUOC");
	ck_assert_int_eq(h_record_str(r, "due", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "31/12/2026");
	ck_assert_int_eq(h_record_str(r, "period", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Quý 4/2026");
	ck_assert_int_eq(h_record_str(r, "status", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "in-progress");
	ck_assert_int_eq(h_record_str(r, "content", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Hoàn thiện thủ tục trình khen thưởng cấp sở, cấp tỉnh\n"
	                      "Gửi hồ sơ về Sở Y tế");
	ck_assert_int_eq(h_record_str(r, "added-by", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "admin");
	ck_assert_int_eq(h_record_str(r, "change-1", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · admin · in-progress");
	lrl_reply_free(r);
	/* The list: code first, then the content's first line. */
	ck_assert_int_eq(h_tcall(w.duc, "task.list", &r, "year", "2026", NULL), 0);
	cols = mp_map_get(r->body, "columns");
	ck_assert_uint_eq(cols->via.array.size, 9);
	ck_assert_int_eq(mp_get_strbuf(&cols->via.array.ptr[0], buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "code");
	mp_get_strbuf(&mp_map_get(r->body, "rows")->via.array.ptr[0].via.array.ptr[1],
	              buf, sizeof buf);
	ck_assert_str_eq(buf, "Hoàn thiện thủ tục trình khen thưởng cấp sở, cấp tỉnh");
	lrl_reply_free(r);
	/* A plain task is planned, with no cooperating unit. */
	add(&w, "DUOC", NULL, "30/06/2026", buf, sizeof buf);
	ck_assert_str_eq(buf, "KH-2026-002");
	ck_assert_int_eq(h_tcall(w.admin, "task.show", &r, "code", "KH-2026-002",
	                       NULL), 0);
	ck_assert_int_eq(h_record_str(r, "status", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "planned");
	ck_assert_int_eq(h_record_str(r, "with", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");
	lrl_reply_free(r);
	/* Leading zeros may be left out. */
	ck_assert_int_eq(h_tcall(w.admin, "task.show", &r, "code", "KH-2026-2",
	                       NULL), 0);
	ck_assert_int_eq(h_record_str(r, "code", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "KH-2026-002");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_codes_are_numbered_within_each_year)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[64];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "year.open", NULL, "year", "2027",
	                       "rulebook", "2026", "registration", "10/01/2027",
	                       "annual-report", "20/12/2027", NULL), 0);
	add(&w, "TCHC", NULL, "31/01/2026", code, sizeof code);
	ck_assert_str_eq(code, "KH-2026-001");
	add(&w, "TCHC", NULL, "31/03/2026", code, sizeof code);
	ck_assert_str_eq(code, "KH-2026-002");
	ck_assert_int_eq(h_tcall(w.admin, "task.add", &r, "year", "2027",
	                       "content", "Ban hành Kế hoạch năm 2027", "lead",
	                       "TCHC", "due", "31/03/2027", NULL), 0);
	ck_assert_ptr_nonnull(strstr(mp_map_get(r->body, "message")->via.str.ptr,
	                             "KH-2027-001"));
	lrl_reply_free(r);
	add(&w, "TCHC", NULL, "30/06/2026", code, sizeof code);
	ck_assert_str_eq(code, "KH-2026-003");
	/* Each year's list holds its own tasks. */
	ck_assert_int_eq(h_tcall(w.admin, "task.list", &r, "year", "2027", NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	lrl_reply_free(r);
	/* A year that is not open has no plan. */
	ck_assert_int_eq(h_tcall(w.admin, "task.add", &r, "year", "2030",
	                       "content", "…", "lead", "TCHC", "due",
	                       "31/03/2030", NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "year");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

/* task.add with lead and with; returns the code and keeps the reply's
 * field in field. */
static int add_refused(struct world *w, const char *lead, const char *with,
                       const char *due, char *field)
{
	struct lrl_reply *r = NULL;
	int rc = h_tcall(w->admin, "task.add", &r, "year", "2026", "content",
	               "Hướng dẫn tổng kết công tác thi đua", "lead", lead, "with",
	               with, "due", due, NULL);

	snprintf(field, 64, "%s", r ? r->field : "");
	lrl_reply_free(r);
	return rc;
}

START_TEST(test_bad_units_are_refused_naming_their_field)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char field[64];
	int64_t events;

	world_up(&w);
	events = h_event_count(w.admin);
	ck_assert_int_eq(add_refused(&w, "KHONGCO", "DUOC", "30/11/2026", field),
	                 LRL_ENOENT);
	ck_assert_str_eq(field, "lead");
	ck_assert_int_eq(add_refused(&w, "TCHC", "DUOC, KHONGCO", "30/11/2026",
	                             field), LRL_ENOENT);
	ck_assert_str_eq(field, "with");
	/* The lead unit does not cooperate with itself. */
	ck_assert_int_eq(add_refused(&w, "TCHC", "DUOC,TCHC", "30/11/2026", field),
	                 LRL_EINVAL);
	ck_assert_str_eq(field, "with");
	ck_assert_int_eq(add_refused(&w, "TCHC", "DUOC, KHAMBENH, DUOC",
	                             "30/11/2026", field), LRL_EINVAL);
	ck_assert_str_eq(field, "with");
	/* A due date far from the plan's year is a typing mistake. */
	ck_assert_int_eq(add_refused(&w, "TCHC", "DUOC", "30/11/2036", field),
	                 LRL_EINVAL);
	ck_assert_str_eq(field, "due");
	/* Nothing was written. */
	ck_assert_int_eq(h_event_count(w.admin), events);
	ck_assert_int_eq(h_tcall(w.admin, "task.list", &r, "year", "2026", NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 0);
	lrl_reply_free(r);
	/* Only the personnel office adds tasks to the plan. */
	ck_assert_int_eq(h_tcall(w.binh, "task.add", NULL, "year", "2026",
	                       "content", "…", "lead", "KHAMBENH", "due",
	                       "30/11/2026", NULL), LRL_EPERM);
	/* An unknown code names the code. */
	ck_assert_int_eq(h_tcall(w.admin, "task.show", &r, "code", "KH-2026-009",
	                       NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "code");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "task.update", &r, "code", "KHAMBENH",
	                       "status", "done", NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "code");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_the_admin_and_the_lead_units_head_record_progress)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char kb[64], ngoai[64], duoc[64], buf[256];

	world_up(&w);
	add(&w, "KHAMBENH", "DUOC", "30/11/2026", kb, sizeof kb);
	add(&w, "PKNGOAI", NULL, "30/11/2026", ngoai, sizeof ngoai);
	add(&w, "DUOC", "KHAMBENH", "30/11/2026", duoc, sizeof duoc);
	ck_assert_int_eq(h_tcall(w.admin, "task.update", NULL, "code", kb, "status",
	                       "in-progress", "note", "Đã phân công", NULL), 0);
	/* The head of KHAMBENH reports on what KHAMBENH and its sub-units
	 * lead… */
	ck_assert_int_eq(h_tcall(w.binh, "task.update", NULL, "code", kb, "status",
	                       "done", "note", "Hoàn thành 20/11", NULL), 0);
	ck_assert_int_eq(h_tcall(w.binh, "task.update", NULL, "code", ngoai,
	                       "status", "in-progress", NULL), 0);
	/* …not on what it only cooperates in, nor on another unit's. */
	ck_assert_int_eq(h_tcall(w.binh, "task.update", &r, "code", duoc, "status",
	                       "done", NULL), LRL_EPERM);
	ck_assert_ptr_nonnull(strstr(r->message, "own unit"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.duc, "task.update", NULL, "code", kb, "status",
	                       "cancelled", NULL), LRL_EPERM);
	/* The same status again needs a note to say something new. */
	ck_assert_int_eq(h_tcall(w.binh, "task.update", &r, "code", ngoai,
	                       "status", "in-progress", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "status");
	lrl_reply_free(r);
	/* DUOC's head reports on what DUOC leads. */
	ck_assert_int_eq(h_tcall(w.duc, "task.update", NULL, "code", duoc, "status",
	                       "in-progress", NULL), 0);
	/* The history, oldest first, with who and when. */
	ck_assert_int_eq(h_env_advance(&w.e, 3600), 0);
	ck_assert_int_eq(h_tcall(w.duc, "task.show", &r, "code", kb, NULL), 0);
	ck_assert_int_eq(h_record_str(r, "status", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "done");
	ck_assert_int_eq(h_record_str(r, "note", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Hoàn thành 20/11");
	ck_assert_int_eq(h_record_str(r, "change-1", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · admin · planned");
	ck_assert_int_eq(h_record_str(r, "change-2", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · admin · in-progress — Đã phân công");
	ck_assert_int_eq(h_record_str(r, "change-3", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · binh · done — Hoàn thành 20/11");
	ck_assert_int_eq(h_record_str(r, "change-4", buf, sizeof buf), -1);
	lrl_reply_free(r);
	/* A change without a note keeps the last note given. */
	ck_assert_int_eq(h_tcall(w.admin, "task.update", NULL, "code", kb, "status",
	                       "in-progress", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "task.show", &r, "code", kb, NULL), 0);
	ck_assert_int_eq(h_record_str(r, "note", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Hoàn thành 20/11");
	ck_assert_int_eq(h_record_str(r, "change-4", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 09:00:00 · admin · in-progress");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_overdue_follows_the_servers_date)
{
	struct world w;
	char col[8][64];

	world_up(&w);
	/* Today is 15/12/2026. */
	add(&w, "TCHC", NULL, "20/12/2026", NULL, 0);   /* 001 */
	add(&w, "DUOC", NULL, "15/12/2026", NULL, 0);   /* 002: due today */
	add(&w, "KHAMBENH", NULL, "01/12/2026", NULL, 0); /* 003: past */
	add(&w, "TCHC", NULL, "10/12/2026", NULL, 0);   /* 004: past, done */
	ck_assert_int_eq(h_tcall(w.admin, "task.update", NULL, "code", "KH-2026-004",
	                       "status", "done", NULL), 0);
	ck_assert_uint_eq(column(w.admin, 0, col, 8, "overdue", "yes", NULL), 1);
	ck_assert_str_eq(col[0], "KH-2026-003");
	/* 16/12: the task due on the 15th is late too. */
	ck_assert_int_eq(h_env_advance(&w.e, 86400), 0);
	ck_assert_uint_eq(column(w.admin, 0, col, 8, "overdue", "yes", NULL), 2);
	ck_assert_str_eq(col[0], "KH-2026-003");
	ck_assert_str_eq(col[1], "KH-2026-002");
	/* 21/12: and the one due on the 20th, while it is in progress. */
	ck_assert_int_eq(h_env_advance(&w.e, 5 * 86400), 0);
	ck_assert_int_eq(h_tcall(w.admin, "task.update", NULL, "code", "KH-2026-001",
	                       "status", "in-progress", NULL), 0);
	ck_assert_uint_eq(column(w.admin, 7, col, 8, NULL), 4);
	ck_assert_str_eq(col[0], "yes");
	ck_assert_str_eq(col[1], "yes");
	ck_assert_str_eq(col[2], "yes");
	ck_assert_str_eq(col[3], "");
	/* A cancelled task is no longer late. */
	ck_assert_int_eq(h_tcall(w.admin, "task.update", NULL, "code", "KH-2026-003",
	                       "status", "cancelled", "note",
	                       "Gộp vào nhiệm vụ KH-2026-001", NULL), 0);
	ck_assert_uint_eq(column(w.admin, 0, col, 8, "overdue", "yes", NULL), 2);
	ck_assert_str_eq(col[0], "KH-2026-002");
	ck_assert_str_eq(col[1], "KH-2026-001");
	world_down(&w);
}
END_TEST

START_TEST(test_the_list_filters_by_unit_and_status_and_puts_overdue_first)
{
	struct world w;
	char col[8][64];

	world_up(&w);
	add(&w, "TCHC", "KHAMBENH", "31/12/2026", NULL, 0); /* 001 */
	add(&w, "TCHC", "DUOC", "20/12/2026", NULL, 0);     /* 002 */
	add(&w, "PKNGOAI", NULL, "30/11/2026", NULL, 0);    /* 003: overdue */
	add(&w, "DUOC", NULL, "20/12/2026", NULL, 0);       /* 004 */
	add(&w, "TCHC", NULL, "01/12/2026", NULL, 0);       /* 005: done */
	add(&w, "TCHC", NULL, "01/11/2026", NULL, 0);       /* 006: overdue */
	ck_assert_int_eq(h_tcall(w.admin, "task.update", NULL, "code", "KH-2026-005",
	                       "status", "done", NULL), 0);
	/* Overdue first, then by due date, then by code. */
	ck_assert_uint_eq(column(w.duc, 0, col, 8, NULL), 6);
	ck_assert_str_eq(col[0], "KH-2026-006");
	ck_assert_str_eq(col[1], "KH-2026-003");
	ck_assert_str_eq(col[2], "KH-2026-005");
	ck_assert_str_eq(col[3], "KH-2026-002");
	ck_assert_str_eq(col[4], "KH-2026-004");
	ck_assert_str_eq(col[5], "KH-2026-001");
	/* KHAMBENH: what it (or PKNGOAI) leads or cooperates in. */
	ck_assert_uint_eq(column(w.duc, 0, col, 8, "unit", "KHAMBENH", NULL), 2);
	ck_assert_str_eq(col[0], "KH-2026-003");
	ck_assert_str_eq(col[1], "KH-2026-001");
	ck_assert_uint_eq(column(w.duc, 0, col, 8, "unit", "DUOC", NULL), 2);
	ck_assert_str_eq(col[0], "KH-2026-002");
	ck_assert_str_eq(col[1], "KH-2026-004");
	ck_assert_uint_eq(column(w.duc, 0, col, 8, "status", "done", NULL), 1);
	ck_assert_str_eq(col[0], "KH-2026-005");
	ck_assert_uint_eq(column(w.duc, 0, col, 8, "status", "planned", "unit",
	                         "TCHC", NULL), 3);
	/* The other columns: lead, with, due. */
	ck_assert_uint_eq(column(w.duc, 2, col, 8, "unit", "KHAMBENH", NULL), 2);
	ck_assert_str_eq(col[0], "PKNGOAI");
	ck_assert_str_eq(col[1], "TCHC");
	ck_assert_uint_eq(column(w.duc, 3, col, 8, "unit", "KHAMBENH", NULL), 2);
	ck_assert_str_eq(col[1], "KHAMBENH");
	ck_assert_uint_eq(column(w.duc, 4, col, 8, "unit", "KHAMBENH", NULL), 2);
	ck_assert_str_eq(col[0], "30/11/2026");
	world_down(&w);
}
END_TEST

START_TEST(test_the_cli_prints_the_plan_tasks_status_as_csv)
{
	struct world w;
	struct h_output o;

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "task.add", NULL, "year", "2026",
	                       "content", "Báo cáo sơ kết 6 tháng đầu năm 2026",
	                       "lead", "TCHC", "with", "KHAMBENH,DUOC", "due",
	                       "31/07/2026", "period", "Tháng 7/2026", NULL), 0);
	ck_assert_int_eq(h_laurel(&o, H_ADMIN_PASSWORD "\n", "--socket",
	                          w.e.srv.sock, "--user", H_ADMIN,
	                          "--password-stdin", "--format", "csv", "task",
	                          "list", "2026", (const char *)NULL), 0);
	ck_assert_ptr_nonnull(strstr(o.out,
	                             "code,content,lead,with,due,period,status,"
	                             "overdue,note\r\n"));
	ck_assert_ptr_nonnull(strstr(o.out,
	                             "KH-2026-001,Báo cáo sơ kết 6 tháng đầu năm "
	                             "2026,TCHC,\"KHAMBENH, DUOC\",31/07/2026,"
	                             "Tháng 7/2026,planned,yes,\r\n"));
	h_output_free(&o);
	world_down(&w);
}
END_TEST

Suite *suite_task(void)
{
	Suite *s = suite_create("task");
	TCase *tc = tcase_create("plan tasks");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_a_task_is_added_with_every_field);
	tcase_add_test(tc, test_codes_are_numbered_within_each_year);
	tcase_add_test(tc, test_bad_units_are_refused_naming_their_field);
	tcase_add_test(tc, test_the_admin_and_the_lead_units_head_record_progress);
	tcase_add_test(tc, test_overdue_follows_the_servers_date);
	tcase_add_test(tc, test_the_list_filters_by_unit_and_status_and_puts_overdue_first);
	tcase_add_test(tc, test_the_cli_prints_the_plan_tasks_status_as_csv);
	suite_add_tcase(s, tc);
	return s;
}
