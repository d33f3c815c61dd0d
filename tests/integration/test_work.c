/*
 * test_work.c — initiatives, research topics and models through a real
 * laureld: who may register what, the codes the server gives, the
 * recognition decision (once, with a scope when recognised), the list's
 * filters (the staff filter reads the authors index that works_of_staff
 * walks) and the record that work.show returns.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/action.h"
#include "laurel/err.h"
#include "laurel/date.h"
#include "laurel/mp.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/store.h"
#include "laurel/verify.h"
#include "laurel/works.h"

#define PW "mật khẩu thử nghiệm 2026"


struct world {
	struct h_env e;
	lrl_conn *admin, *ha, *head, *du;
};



static lrl_conn *account(struct world *w, const char *login, const char *name,
                         const char *staff)
{
	lrl_conn *c = h_account(w->admin, w->e.srv.sock, login, name, staff, PW,
	                        NULL, NULL);

	ck_assert_ptr_nonnull(c);
	return c;
}

static void add_staff(struct world *w, const char *code, const char *name,
                      const char *unit)
{
	ck_assert_int_eq(h_tcall(w->admin, "staff.add", NULL, "code", code,
	                        "full-name", name, "sex", "nữ", "birth-date",
	                        "01/02/1985", "unit", unit, "start-date",
	                        "01/03/2010", NULL), 0);
}

/*
 * Khoa Khám bệnh (KHAMBENH) with its clinic PKNGOAI below it, and Khoa
 * Dược (DUOC).  ha (KB1) is staff, binh (KB2) heads KHAMBENH, duc (DU1)
 * is staff of DUOC; KB3 of the clinic has no account.  Years 2026 and
 * 2027 are open.
 */
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
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "PKNGOAI",
	                        "name", "Phòng khám ngoài giờ", "kind", "office",
	                        "parent", "KHAMBENH", NULL), 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "DUOC",
	                        "name", "Khoa Dược", "kind", "department", NULL), 0);
	add_staff(w, "KB1", "Nguyễn Thị Hà", "KHAMBENH");
	add_staff(w, "KB2", "Trần Văn Bình", "KHAMBENH");
	add_staff(w, "KB3", "Phạm Thu Cúc", "PKNGOAI");
	add_staff(w, "DU1", "Lê Minh Đức", "DUOC");
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", "2026",
	                        "rulebook", "2026", "registration", "10/01/2026",
	                        "annual-report", "20/12/2026", NULL), 0);
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

/* The result message of an OK reply. */
static void message_of(const struct lrl_reply *r, char *buf, size_t n)
{
	buf[0] = '\0';
	ck_assert_ptr_nonnull(r->body);
	mp_get_strbuf(mp_map_get(r->body, "message"), buf, n);
}

/* work.add of a work by authors (NULL: none) and unit (NULL: none);
 * returns the result code and, on success, the code the server gave. */
static int add_work(lrl_conn *c, const char *year, const char *kind,
                    const char *authors, const char *unit, char *code,
                    size_t n)
{
	struct lrl_reply *r = NULL;
	char msg[256];
	int rc;

	if (authors && unit)
		rc = h_tcall(c, "work.add", &r, "year", year, "kind", kind, "name",
		            "Cải tiến quy trình tiếp đón người bệnh", "authors",
		            authors, "unit", unit, NULL);
	else if (authors)
		rc = h_tcall(c, "work.add", &r, "year", year, "kind", kind, "name",
		            "Cải tiến quy trình tiếp đón người bệnh", "authors",
		            authors, NULL);
	else
		rc = h_tcall(c, "work.add", &r, "year", year, "kind", kind, "name",
		            "Mô hình phòng khám thân thiện", "unit", unit, NULL);
	if (code)
		code[0] = '\0';
	if (rc == 0 && code) {
		/* "initiative SK-2026-001 registered": the second word. */
		const char *sp, *end;
		message_of(r, msg, sizeof msg);
		ck_assert_ptr_nonnull(strstr(msg, " registered"));
		end = strstr(msg, " registered");
		for (sp = end; sp > msg && sp[-1] != ' '; sp--)
			;
		snprintf(code, n, "%.*s", (int)(end - sp), sp);
	}
	lrl_reply_free(r);
	return rc;
}

/* The codes work.list gives, space-separated, for up to two filters
 * (name, value pairs; NULL ends them early). */
static void list_codes(lrl_conn *c, char *out, size_t n, const char *k1,
                       const char *v1, const char *k2, const char *v2)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;

	out[0] = '\0';
	ck_assert_int_eq(h_tcall(c, "work.list", &r, k1, v1, k2, v2, NULL), 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_ptr_nonnull(rows);
	for (uint32_t i = 0; i < rows->via.array.size; i++) {
		char code[32];
		mp_get_strbuf(&rows->via.array.ptr[i].via.array.ptr[0], code,
		              sizeof code);
		snprintf(out + strlen(out), n - strlen(out), "%s%s",
		         out[0] ? " " : "", code);
	}
	lrl_reply_free(r);
}

START_TEST(test_a_staff_member_registers_their_own_initiative)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char msg[256], v[256];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.ha, "work.add", &r, "year", "2026", "kind",
	                        "initiative", "name", "Sổ tay tiếp đón",
	                        "authors", "KB1", "summary", "Giảm thời gian chờ",
	                        NULL), 0);
	message_of(r, msg, sizeof msg);
	ck_assert_str_eq(msg, "initiative SK-2026-001 registered");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.ha, "work.show", &r, "code", "SK-2026-001",
	                        NULL), 0);
	ck_assert_int_eq(h_record_str(r, "authors", v, sizeof v), 0);
	ck_assert_str_eq(v, "KB1");
	ck_assert_int_eq(h_record_str(r, "state", v, sizeof v), 0);
	ck_assert_str_eq(v, "registered");
	ck_assert_int_eq(h_record_str(r, "registered-by", v, sizeof v), 0);
	ck_assert_str_eq(v, "ha");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_staff_member_cannot_register_someone_elses_work)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char out[256];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.ha, "work.add", &r, "year", "2026", "kind",
	                        "initiative", "name", "Của người khác", "authors",
	                        "KB2", NULL), LRL_EPERM);
	ck_assert_str_eq(r->field, "authors");
	lrl_reply_free(r);
	/* An author, but for a unit that is not theirs. */
	ck_assert_int_eq(h_tcall(w.ha, "work.add", &r, "year", "2026", "kind",
	                        "model", "name", "Mô hình", "authors", "KB1",
	                        "unit", "DUOC", NULL), LRL_EPERM);
	ck_assert_str_eq(r->field, "unit");
	lrl_reply_free(r);
	/* With a co-author from another unit, for their own unit: fine. */
	ck_assert_int_eq(add_work(w.ha, "2026", "initiative", "KB1, DU1",
	                          "KHAMBENH", NULL, 0), 0);
	list_codes(w.admin, out, sizeof out, NULL, NULL, NULL, NULL);
	ck_assert_str_eq(out, "SK-2026-001");
	world_down(&w);
}
END_TEST

START_TEST(test_a_head_registers_works_only_within_their_units)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char code[32];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.head, "work.add", &r, "year", "2026", "kind",
	                        "research", "name", "Đề tài", "authors", "DU1",
	                        NULL), LRL_EPERM);
	ck_assert_str_eq(r->field, "authors");
	ck_assert_ptr_nonnull(strstr(r->message, "DU1"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.head, "work.add", &r, "year", "2026", "kind",
	                        "model", "name", "Mô hình", "unit", "DUOC", NULL),
	                 LRL_EPERM);
	ck_assert_str_eq(r->field, "unit");
	lrl_reply_free(r);
	/* People of the unit and of the clinic below it. */
	ck_assert_int_eq(add_work(w.head, "2026", "research", "KB1,KB3",
	                          "KHAMBENH", code, sizeof code), 0);
	ck_assert_str_eq(code, "DT-2026-001");
	ck_assert_int_eq(add_work(w.head, "2026", "model", NULL, "PKNGOAI", code,
	                          sizeof code), 0);
	ck_assert_str_eq(code, "MH-2026-001");
	/* As an author a head may have co-authors from elsewhere. */
	ck_assert_int_eq(add_work(w.head, "2026", "initiative", "KB2,DU1", NULL,
	                          code, sizeof code), 0);
	ck_assert_str_eq(code, "SK-2026-001");
	world_down(&w);
}
END_TEST

START_TEST(test_codes_are_numbered_per_kind_and_year)
{
	struct world w;
	char code[32];

	world_up(&w);
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "KB1", NULL,
	                          code, sizeof code), 0);
	ck_assert_str_eq(code, "SK-2026-001");
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "KB2", NULL,
	                          code, sizeof code), 0);
	ck_assert_str_eq(code, "SK-2026-002");
	ck_assert_int_eq(add_work(w.admin, "2026", "research", "DU1", NULL, code,
	                          sizeof code), 0);
	ck_assert_str_eq(code, "DT-2026-001");
	ck_assert_int_eq(add_work(w.admin, "2026", "model", NULL, "DUOC", code,
	                          sizeof code), 0);
	ck_assert_str_eq(code, "MH-2026-001");
	ck_assert_int_eq(add_work(w.admin, "2027", "initiative", "KB1", NULL,
	                          code, sizeof code), 0);
	ck_assert_str_eq(code, "SK-2027-001");
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "KB3", NULL,
	                          code, sizeof code), 0);
	ck_assert_str_eq(code, "SK-2026-003");
	world_down(&w);
}
END_TEST

START_TEST(test_bad_authors_are_refused_naming_the_field_and_nothing_is_written)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char out[256];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "work.add", &r, "year", "2026", "kind",
	                        "initiative", "name", "Sáng kiến", "authors",
	                        "KB1, NOPE9", NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "authors");
	ck_assert_ptr_nonnull(strstr(r->message, "NOPE9"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.add", &r, "year", "2026", "kind",
	                        "initiative", "name", "Sáng kiến", "authors",
	                        "KB1, KB2, KB1", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "authors");
	ck_assert_ptr_nonnull(strstr(r->message, "KB1"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.add", &r, "year", "2026", "kind",
	                        "initiative", "name", "Sáng kiến", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "authors");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.add", &r, "year", "2026", "kind",
	                        "model", "name", "Mô hình", "unit", "NOPE", NULL),
	                 LRL_ENOENT);
	ck_assert_str_eq(r->field, "unit");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.add", &r, "year", "2030", "kind",
	                        "initiative", "name", "Sáng kiến", "authors", "KB1",
	                        NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "year");
	lrl_reply_free(r);
	list_codes(w.admin, out, sizeof out, NULL, NULL, NULL, NULL);
	ck_assert_str_eq(out, "");
	world_down(&w);
}
END_TEST

START_TEST(test_recognising_needs_a_scope_and_happens_only_once)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char msg[256], v[256];

	world_up(&w);
	ck_assert_int_eq(add_work(w.ha, "2026", "initiative", "KB1", NULL, NULL,
	                          0), 0);
	ck_assert_int_eq(h_tcall(w.head, "work.recognise", &r, "code",
	                        "SK-2026-001", "result", "recognised", "scope",
	                        "hospital", "decision", "12/QĐ-BV", "date",
	                        "15/11/2026", NULL), LRL_EPERM);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "SK-2026-001", "result", "recognised", "decision",
	                        "12/QĐ-BV", "date", "15/11/2026", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "scope");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "SK-2026-001", "result", "recognised", "scope",
	                        "hospital", "decision", "12/QĐ-BV", "date",
	                        "31/12/2025", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "date");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "SK-2026-009", "result", "recognised", "scope",
	                        "hospital", "decision", "12/QĐ-BV", "date",
	                        "15/11/2026", NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "code");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "SK-2026-001", "result", "recognised", "scope",
	                        "province", "decision", "12/QĐ-BV", "date",
	                        "15/11/2026", NULL), 0);
	message_of(r, msg, sizeof msg);
	ck_assert_ptr_nonnull(strstr(msg, "SK-2026-001 recognised"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "SK-2026-001", "result", "not-recognised",
	                        "decision", "13/QĐ-BV", "date", "16/11/2026",
	                        NULL), LRL_ESTATE);
	ck_assert_str_eq(r->field, "code");
	ck_assert_ptr_nonnull(strstr(r->message, "12/QĐ-BV"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.ha, "work.show", &r, "code", "SK-2026-001",
	                        NULL), 0);
	ck_assert_int_eq(h_record_str(r, "scope", v, sizeof v), 0);
	ck_assert_str_eq(v, "province");
	ck_assert_int_eq(h_record_str(r, "decision", v, sizeof v), 0);
	ck_assert_str_eq(v, "12/QĐ-BV");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_work_not_recognised_takes_no_scope)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char v[256];

	world_up(&w);
	ck_assert_int_eq(add_work(w.admin, "2026", "model", NULL, "DUOC", NULL,
	                          0), 0);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "MH-2026-001", "result", "not-recognised", "scope",
	                        "hospital", "decision", "14/QĐ-BV", "date",
	                        "20/11/2026", NULL), LRL_EINVAL);
	ck_assert_str_eq(r->field, "scope");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", &r, "code",
	                        "MH-2026-001", "result", "not-recognised",
	                        "decision", "14/QĐ-BV", "date", "20/11/2026",
	                        "note", "Chưa đủ minh chứng hiệu quả", NULL), 0);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.du, "work.show", &r, "code", "MH-2026-001",
	                        NULL), 0);
	ck_assert_int_eq(h_record_str(r, "state", v, sizeof v), 0);
	ck_assert_str_eq(v, "not-recognised");
	ck_assert_int_eq(h_record_str(r, "scope", v, sizeof v), 0);
	ck_assert_str_eq(v, "");
	ck_assert_int_eq(h_record_str(r, "note", v, sizeof v), 0);
	ck_assert_str_eq(v, "Chưa đủ minh chứng hiệu quả");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_the_list_filters_by_year_kind_state_staff_and_unit)
{
	struct world w;
	char out[256];

	world_up(&w);
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "KB1", NULL,
	                          NULL, 0), 0); /* SK-2026-001 */
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "DU1,KB3", NULL,
	                          NULL, 0), 0); /* SK-2026-002 */
	ck_assert_int_eq(add_work(w.admin, "2026", "research", "DU1", NULL, NULL,
	                          0), 0); /* DT-2026-001 */
	ck_assert_int_eq(add_work(w.admin, "2026", "model", NULL, "DUOC", NULL,
	                          0), 0); /* MH-2026-001 */
	ck_assert_int_eq(add_work(w.admin, "2027", "initiative", "KB1", NULL,
	                          NULL, 0), 0); /* SK-2027-001 */
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", NULL, "code",
	                        "SK-2026-002", "result", "recognised", "scope",
	                        "hospital", "decision", "12/QĐ-BV", "date",
	                        "15/11/2026", NULL), 0);
	list_codes(w.ha, out, sizeof out, NULL, NULL, NULL, NULL);
	ck_assert_str_eq(out, "DT-2026-001 MH-2026-001 SK-2026-001 SK-2026-002 "
	                      "SK-2027-001");
	list_codes(w.ha, out, sizeof out, "year", "2027", NULL, NULL);
	ck_assert_str_eq(out, "SK-2027-001");
	list_codes(w.ha, out, sizeof out, "kind", "initiative", "year", "2026");
	ck_assert_str_eq(out, "SK-2026-001 SK-2026-002");
	list_codes(w.ha, out, sizeof out, "state", "recognised", NULL, NULL);
	ck_assert_str_eq(out, "SK-2026-002");
	list_codes(w.ha, out, sizeof out, "state", "registered", "kind",
	           "initiative");
	ck_assert_str_eq(out, "SK-2026-001 SK-2027-001");
	/* The staff filter walks the authors index (works_of_staff). */
	list_codes(w.ha, out, sizeof out, "staff", "DU1", NULL, NULL);
	ck_assert_str_eq(out, "DT-2026-001 SK-2026-002");
	list_codes(w.ha, out, sizeof out, "staff", "KB1", "year", "2026");
	ck_assert_str_eq(out, "SK-2026-001");
	list_codes(w.ha, out, sizeof out, "staff", "KB2", NULL, NULL);
	ck_assert_str_eq(out, "");
	/* A unit: its own works and its people's, sub-units included. */
	list_codes(w.ha, out, sizeof out, "unit", "KHAMBENH", NULL, NULL);
	ck_assert_str_eq(out, "SK-2026-001 SK-2026-002 SK-2027-001");
	list_codes(w.ha, out, sizeof out, "unit", "DUOC", NULL, NULL);
	ck_assert_str_eq(out, "DT-2026-001 MH-2026-001 SK-2026-002");
	list_codes(w.ha, out, sizeof out, "unit", "PKNGOAI", NULL, NULL);
	ck_assert_str_eq(out, "SK-2026-002");
	world_down(&w);
}
END_TEST

START_TEST(test_the_list_names_the_authors_and_the_decision)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *cols, *row;
	char v[256];

	world_up(&w);
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "KB1,DU1",
	                          "KHAMBENH", NULL, 0), 0);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", NULL, "code",
	                        "SK-2026-001", "result", "recognised", "scope",
	                        "national", "decision", "12/QĐ-BV", "date",
	                        "15/11/2026", NULL), 0);
	ck_assert_int_eq(h_tcall(w.du, "work.list", &r, NULL), 0);
	cols = mp_map_get(r->body, "columns");
	ck_assert_uint_eq(cols->via.array.size, 10);
	mp_get_strbuf(&cols->via.array.ptr[0], v, sizeof v);
	ck_assert_str_eq(v, "code");
	row = &mp_map_get(r->body, "rows")->via.array.ptr[0];
	mp_get_strbuf(&row->via.array.ptr[4], v, sizeof v);
	ck_assert_str_eq(v, "Nguyễn Thị Hà; Lê Minh Đức");
	mp_get_strbuf(&row->via.array.ptr[5], v, sizeof v);
	ck_assert_str_eq(v, "KHAMBENH");
	mp_get_strbuf(&row->via.array.ptr[7], v, sizeof v);
	ck_assert_str_eq(v, "national");
	mp_get_strbuf(&row->via.array.ptr[9], v, sizeof v);
	ck_assert_str_eq(v, "15/11/2026");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_show_returns_every_field_of_the_work)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char v[512];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.head, "work.add", NULL, "year", "2026", "kind",
	                        "research", "name", "Đánh giá hiệu quả tập vận động",
	                        "authors", "kb1, KB3", "unit", "KHAMBENH",
	                        "summary", "Nghiên cứu trên 120 người bệnh", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", NULL, "code",
	                        "DT-2026-001", "result", "recognised", "scope",
	                        "province", "decision", "45/QĐ-SYT", "date",
	                        "01/12/2026", NULL), 0);
	ck_assert_int_eq(h_tcall(w.du, "work.show", &r, "code", "DT-2026-001",
	                        NULL), 0);
	ck_assert_int_eq(h_record_str(r, "code", v, sizeof v), 0);
	ck_assert_str_eq(v, "DT-2026-001");
	ck_assert_int_eq(h_record_str(r, "name", v, sizeof v), 0);
	ck_assert_str_eq(v, "Đánh giá hiệu quả tập vận động");
	ck_assert_int_eq(h_record_str(r, "authors", v, sizeof v), 0);
	ck_assert_str_eq(v, "KB1, KB3");
	ck_assert_int_eq(h_record_str(r, "author-names", v, sizeof v), 0);
	ck_assert_str_eq(v, "Nguyễn Thị Hà; Phạm Thu Cúc");
	ck_assert_int_eq(h_record_str(r, "unit", v, sizeof v), 0);
	ck_assert_str_eq(v, "KHAMBENH");
	ck_assert_int_eq(h_record_str(r, "unit-name", v, sizeof v), 0);
	ck_assert_str_eq(v, "Khoa Khám bệnh");
	ck_assert_int_eq(h_record_str(r, "summary", v, sizeof v), 0);
	ck_assert_str_eq(v, "Nghiên cứu trên 120 người bệnh");
	ck_assert_int_eq(h_record_str(r, "state", v, sizeof v), 0);
	ck_assert_str_eq(v, "recognised");
	ck_assert_int_eq(h_record_str(r, "scope", v, sizeof v), 0);
	ck_assert_str_eq(v, "province");
	ck_assert_int_eq(h_record_str(r, "decision", v, sizeof v), 0);
	ck_assert_str_eq(v, "45/QĐ-SYT");
	ck_assert_int_eq(h_record_str(r, "date", v, sizeof v), 0);
	ck_assert_str_eq(v, "01/12/2026");
	ck_assert_int_eq(h_record_str(r, "registered-by", v, sizeof v), 0);
	ck_assert_str_eq(v, "binh");
	ck_assert_int_eq(h_record_str(r, "decided-by", v, sizeof v), 0);
	ck_assert_str_eq(v, H_ADMIN);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.du, "work.show", &r, "code", "DT-2026-002",
	                        NULL), LRL_ENOENT);
	ck_assert_str_eq(r->field, "code");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

/* works_of_staff's callback: appends each work's code and state. */
static int collect(const struct work_rec *w, void *arg)
{
	char *out = arg;

	snprintf(out + strlen(out), 256 - strlen(out), "%s%s:%d", out[0] ? " " : "",
	         w->code, w->state);
	return 0;
}

static int stop_at_first(const struct work_rec *w, void *arg)
{
	(void)w;
	(void)arg;
	return 7;
}

/* What another module reads through works.h: the scope as RB_SCOPE_*, the
 * decision date in days, the authors as staff ids. */
START_TEST(test_the_store_functions_give_a_persons_works_with_scope_and_date)
{
	struct world w;
	struct staff_rec kb1, du1;
	struct work_rec wr;
	store *st = NULL;
	store_txn *t = NULL;
	char out[256] = "";

	world_up(&w);
	ck_assert_int_eq(add_work(w.admin, "2026", "initiative", "KB1,DU1", NULL,
	                          NULL, 0), 0);
	ck_assert_int_eq(add_work(w.admin, "2026", "research", "KB1", NULL, NULL,
	                          0), 0);
	ck_assert_int_eq(add_work(w.admin, "2026", "model", NULL, "KHAMBENH",
	                          NULL, 0), 0);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", NULL, "code",
	                        "SK-2026-001", "result", "recognised", "scope",
	                        "province", "decision", "12/QĐ-BV", "date",
	                        "15/11/2026", NULL), 0);
	ck_assert_int_eq(store_open(w.e.store, STORE_READONLY, &st), 0);
	ck_assert_int_eq(store_begin(st, NULL, 0, &t), 0);
	ck_assert_int_eq(staff_find(t, "KB1", 3, &kb1), 0);
	ck_assert_int_eq(staff_find(t, "DU1", 3, &du1), 0);
	ck_assert_int_eq(work_get(t, "SK-2026-001", 11, &wr), 0);
	ck_assert_str_eq(wr.code, "SK-2026-001");
	ck_assert_int_eq(wr.kind, WORK_INITIATIVE);
	ck_assert_int_eq(wr.year, 2026);
	ck_assert_int_eq(wr.state, WORK_RECOGNISED);
	ck_assert_int_eq(wr.scope, RB_SCOPE_PROVINCE);
	ck_assert_str_eq(wr.decision, "12/QĐ-BV");
	ck_assert_int_eq(wr.decision_date, date_from_ymd(2026, 11, 15));
	ck_assert_uint_eq(wr.nauthors, 2);
	ck_assert_uint_eq(wr.authors[0], kb1.id);
	ck_assert_uint_eq(wr.authors[1], du1.id);
	ck_assert_uint_eq(wr.unit, 0);
	ck_assert_int_eq(work_get(t, "MH-2026-001", 11, &wr), 0);
	ck_assert_int_eq(wr.state, WORK_REGISTERED);
	ck_assert_int_eq(wr.scope, 0);
	ck_assert_int_eq(wr.decision_date, 0);
	ck_assert_uint_eq(wr.nauthors, 0);
	ck_assert_uint_ne(wr.unit, 0);
	ck_assert_int_eq(work_get(t, "SK-2026-002", 11, &wr), LRL_ENOENT);
	ck_assert_int_eq(works_of_staff(t, kb1.id, collect, out), 0);
	ck_assert_str_eq(out, "DT-2026-001:1 SK-2026-001:2");
	out[0] = '\0';
	ck_assert_int_eq(works_of_staff(t, du1.id, collect, out), 0);
	ck_assert_str_eq(out, "SK-2026-001:2");
	ck_assert_int_eq(works_of_staff(t, kb1.id, stop_at_first, NULL), 7);
	store_abort(t);
	store_close(st);
	world_down(&w);
}
END_TEST

/* Does any string in o contain needle? */
static int has_text(const msgpack_object *o, const char *needle)
{
	if (o->type == MSGPACK_OBJECT_STR) {
		char buf[1024];
		snprintf(buf, sizeof buf, "%.*s", (int)o->via.str.size,
		         o->via.str.ptr);
		return strstr(buf, needle) != NULL;
	}
	if (o->type == MSGPACK_OBJECT_ARRAY) {
		for (uint32_t i = 0; i < o->via.array.size; i++)
			if (has_text(&o->via.array.ptr[i], needle))
				return 1;
	} else if (o->type == MSGPACK_OBJECT_MAP) {
		for (uint32_t i = 0; i < o->via.map.size; i++)
			if (has_text(&o->via.map.ptr[i].val, needle))
				return 1;
	}
	return 0;
}

/* The cells of the first row (an array) whose first cell is first,
 * joined with spaces into buf. */
static int row_text(const msgpack_object *o, const char *first, char *buf,
                    size_t n)
{
	if (o->type == MSGPACK_OBJECT_ARRAY && o->via.array.size > 1 &&
	    o->via.array.ptr[0].type == MSGPACK_OBJECT_STR &&
	    o->via.array.ptr[0].via.str.size == strlen(first) &&
	    !memcmp(o->via.array.ptr[0].via.str.ptr, first, strlen(first))) {
		buf[0] = '\0';
		for (uint32_t i = 1; i < o->via.array.size; i++) {
			const msgpack_object *c = &o->via.array.ptr[i];
			size_t l = strlen(buf);
			if (c->type == MSGPACK_OBJECT_STR)
				snprintf(buf + l, n - l, "%s%.*s", i > 1 ? " " : "",
				         (int)c->via.str.size, c->via.str.ptr);
		}
		return 1;
	}
	if (o->type == MSGPACK_OBJECT_ARRAY) {
		for (uint32_t i = 0; i < o->via.array.size; i++)
			if (row_text(&o->via.array.ptr[i], first, buf, n))
				return 1;
	} else if (o->type == MSGPACK_OBJECT_MAP) {
		for (uint32_t i = 0; i < o->via.map.size; i++)
			if (row_text(&o->via.map.ptr[i].val, first, buf, n))
				return 1;
	}
	return 0;
}

/* The six-month report counts what stood on 30/6: works registered by
 * then (recognised only if decided by then) and ratings recorded by
 * then; the annual report counts everything. */
START_TEST(test_the_six_month_report_counts_what_stood_on_30_june)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char first[32], row[128];

	world_up(&w);
	/* 15/12/2026 → 01/03/2027 */
	ck_assert_int_eq(h_env_advance(&w.e, 76 * 86400), 0);
	ck_assert_int_eq(add_work(w.ha, "2027", "initiative", "KB1", NULL,
	                          first, sizeof first), 0);
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", "2027",
	                        "staff", "KB1", "rating", "HTTNV", NULL), 0);
	/* → 01/08/2027 */
	ck_assert_int_eq(h_env_advance(&w.e, 153 * 86400), 0);
	ck_assert_int_eq(h_tcall(w.admin, "work.recognise", NULL, "code",
	                        first, "result", "recognised", "scope",
	                        "hospital", "decision", "5/QĐ-BV", "date",
	                        "15/07/2027", NULL), 0);
	ck_assert_int_eq(add_work(w.ha, "2027", "initiative", "KB1", NULL,
	                          NULL, 0), 0);
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", "2027",
	                        "staff", "KB2", "rating", "HTTNV", NULL), 0);

	ck_assert_int_eq(h_tcall(w.admin, "report.annual", &r, "year", "2027",
	                        "period", "six-month", NULL), 0);
	ck_assert(row_text(r->body, "initiatives", row, sizeof row));
	ck_assert_str_eq(row, "1 0 0 1");
	ck_assert(has_text(r->body, "1 staff rated"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "report.annual", &r, "year", "2027",
	                        NULL), 0);
	ck_assert(row_text(r->body, "initiatives", row, sizeof row));
	ck_assert_str_eq(row, "1 1 0 2");
	ck_assert(has_text(r->body, "2 staff rated"));
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

Suite *suite_work(void)
{
	Suite *s = suite_create("work");
	TCase *tc = tcase_create("works");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_a_staff_member_registers_their_own_initiative);
	tcase_add_test(tc, test_a_staff_member_cannot_register_someone_elses_work);
	tcase_add_test(tc, test_a_head_registers_works_only_within_their_units);
	tcase_add_test(tc, test_codes_are_numbered_per_kind_and_year);
	tcase_add_test(tc, test_bad_authors_are_refused_naming_the_field_and_nothing_is_written);
	tcase_add_test(tc, test_recognising_needs_a_scope_and_happens_only_once);
	tcase_add_test(tc, test_a_work_not_recognised_takes_no_scope);
	tcase_add_test(tc, test_the_list_filters_by_year_kind_state_staff_and_unit);
	tcase_add_test(tc, test_the_list_names_the_authors_and_the_decision);
	tcase_add_test(tc, test_show_returns_every_field_of_the_work);
	tcase_add_test(tc, test_the_store_functions_give_a_persons_works_with_scope_and_date);
	tcase_add_test(tc, test_the_six_month_report_counts_what_stood_on_30_june);
	suite_add_tcase(s, tc);
	return s;
}
