/*
 * test_decision.c — the director's decisions through a real laureld: money
 * on both sides of 01/07/2026 and the same-period rule, numbering that is
 * never reused, refusals, the fund and its override, complaints during a
 * published draft's window, forwarded dossiers, and the titles on a
 * person's record.  Every test ends by replaying the log (verify).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/err.h"
#include "laurel/mp.h"

#define PW "mật khẩu thử nghiệm 2026"
#define Y "2026"

struct world {
	struct h_env e;
	lrl_conn *admin, *director, *staff;
};

static void person(struct world *w, const char *code, const char *name,
                   const char *unit)
{
	ck_assert_int_eq(h_staff(w->admin, code, name, "nữ", unit), 0);
}

static void rate(struct world *w, const char *staff, const char *rating)
{
	ck_assert_int_eq(h_tcall(w->admin, "rating.set", NULL, "year", Y,
	                         "staff", staff, "rating", rating, NULL),
	                 0);
}

/* Khoa Khám bệnh: KB1..KB4 rated HTTNV; Khoa Dược: DU1 (not rated) and
 * GD1, the director.  KB4 ("tam") is a staff account. */
static void world_up(struct world *w)
{
	memset(w, 0, sizeof *w);
	ck_assert_int_eq(h_env_setup(&w->e), 0);
	ck_assert_int_eq(h_login(w->e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                         &w->admin),
	                 0);
	ck_assert_int_eq(h_rulebook_load(w->admin, "2026",
	                                 "data/rulebook-2026.txt"),
	                 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "KHAMBENH",
	                         "name", "Khoa Khám bệnh", "kind", "department",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "DUOC",
	                         "name", "Khoa Dược", "kind", "department",
	                         NULL),
	                 0);
	person(w, "KB1", "Nguyễn Thị Hà", "KHAMBENH");
	person(w, "KB2", "Phạm Thu Lan", "KHAMBENH");
	person(w, "KB3", "Đỗ Văn An", "KHAMBENH");
	person(w, "KB4", "Trần Thị Tâm", "KHAMBENH");
	person(w, "DU1", "Lê Minh Đức", "DUOC");
	person(w, "GD1", "Hoàng Văn Giang", "DUOC");
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", Y,
	                         "rulebook", "2026", "registration",
	                         "10/01/2026", "annual-report", "20/12/2026",
	                         NULL),
	                 0);
	rate(w, "KB1", "HTTNV");
	rate(w, "KB2", "HTTNV");
	rate(w, "KB3", "HTTNV");
	rate(w, "KB4", "HTTNV");
	w->director = h_account(w->admin, w->e.srv.sock, "giamdoc",
	                        "Hoàng Văn Giang", "GD1", PW, "director", NULL);
	ck_assert_ptr_nonnull(w->director);
	w->staff = h_account(w->admin, w->e.srv.sock, "tam", "Trần Thị Tâm",
	                     "KB4", PW, NULL, NULL);
	ck_assert_ptr_nonnull(w->staff);
}

static void world_down(struct world *w)
{
	char why[256];

	lrl_close(w->staff);
	lrl_close(w->director);
	lrl_close(w->admin);
	ck_assert_msg(h_env_finish(&w->e, why, sizeof why) == 0, "%s", why);
}

/* The text before ':' of a reply's message into code (the new record's
 * code). */
static void code_of(const struct lrl_reply *r, char *code, size_t n)
{
	char msg[512] = "";

	mp_get_strbuf(mp_map_get(r->body, "message"), msg, sizeof msg);
	snprintf(code, n, "%.*s", (int)strcspn(msg, ": "), msg);
}

/* Proposes title for a person (extra flag: "movement" or NULL). */
static void propose(struct world *w, const char *staff, const char *title,
                    const char *flag, char *code, size_t n)
{
	struct lrl_reply *r = NULL;

	ck_assert_int_eq(h_tcall(w->admin, "nomination.add", &r, "year", Y,
	                         "staff", staff, "title", title,
	                         flag ? flag : NULL, "yes", NULL),
	                 0);
	code_of(r, code, n);
	lrl_reply_free(r);
}

/* Drafts a decision as the director; returns the reply code and the
 * draft's code. */
static int draft(struct world *w, const char *noms, const char *date,
                 char *code, size_t n)
{
	struct lrl_reply *r = NULL;
	int rc = h_tcall(w->director, "decision.add", &r, "year", Y,
	                 "nominations", noms, "date", date, NULL);

	if (rc == 0 && code)
		code_of(r, code, n);
	lrl_reply_free(r);
	return rc;
}

/* Cell col of the annex row for nomination (or of the total row when
 * nomination is "") into buf. */
static void annex_cell(lrl_conn *c, const char *decision, const char *nom,
                       int col, char *buf, size_t n)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;

	buf[0] = '\0';
	ck_assert_int_eq(h_tcall(c, "decision.annex", &r, "decision", decision,
	                         NULL),
	                 0);
	rows = mp_map_get(r->body, "rows");
	for (uint32_t i = 0; i < rows->via.array.size; i++) {
		const msgpack_object *row =
			rows->via.array.ptr[i].via.array.ptr;
		char got[32] = "", name[64] = "";
		mp_get_strbuf(&row[1], got, sizeof got);
		mp_get_strbuf(&row[3], name, sizeof name);
		if ((nom[0] && !strcmp(got, nom)) ||
		    (!nom[0] && !strcmp(name, "Tổng cộng")))
			mp_get_strbuf(&row[col], buf, n);
	}
	lrl_reply_free(r);
}

/* The number given at signing ("Số: 1/QĐ-BV" in the message). */
static int sign(lrl_conn *c, const char *decision, const char *override,
                char *number, size_t n, struct lrl_reply **out)
{
	struct lrl_reply *r = NULL;
	int rc = override ? h_tcall(c, "decision.sign", &r, "decision",
	                            decision, "override", override, NULL)
	                  : h_tcall(c, "decision.sign", &r, "decision",
	                            decision, NULL);

	if (rc == 0 && number) {
		char msg[512] = "";
		const char *p;
		mp_get_strbuf(mp_map_get(r->body, "message"), msg, sizeof msg);
		p = strstr(msg, "Số: ");
		ck_assert_ptr_nonnull(p);
		p += strlen("Số: ");
		snprintf(number, n, "%.*s", (int)strcspn(p, " "), p);
	}
	if (out)
		*out = r;
	else
		lrl_reply_free(r);
	return rc;
}

/* The director signs decision without an override and it is given
 * number: the tests check the numbering at each signing, since a number
 * once given is never given again. */
static void sign_numbered(struct world *w, const char *decision,
                          const char *number)
{
	char num[32];

	ck_assert_int_eq(sign(w->director, decision, NULL, num, sizeof num,
	                      NULL),
	                 0);
	ck_assert_str_eq(num, number);
}

/* Proposes LDTT for staff and has the director draft a decision of that
 * nomination alone, dated today (15/12/2026): the single draft many tests
 * start from.  The nomination's code goes into nom, the draft's into d. */
static void propose_and_draft(struct world *w, const char *staff, char *nom,
                              size_t nom_n, char *d, size_t d_n)
{
	propose(w, staff, "LDTT", NULL, nom, nom_n);
	ck_assert_int_eq(draft(w, nom, "15/12/2026", d, d_n), 0);
}

/* The administrator publishes a draft: staff may then read it and
 * complain about it until 20/12/2026, five days from today. */
static void publish(struct world *w, const char *decision)
{
	ck_assert_int_eq(h_tcall(w->admin, "decision.publish", NULL, "decision",
	                         decision, "until", "20/12/2026", NULL),
	                 0);
}

static void deposit(struct world *w, const char *amount)
{
	ck_assert_int_eq(h_tcall(w->admin, "fund.deposit", NULL, "year", Y,
	                         "amount", amount, "date", "02/01/2026",
	                         "source", "Trích từ Quỹ phúc lợi", NULL),
	                 0);
}

/* Does the string array key of a record hold a line containing what? */
static int record_has(const struct lrl_reply *r, const char *key,
                      const char *what)
{
	const msgpack_object *rec = mp_map_get(r->body, "record");
	const msgpack_object *a = rec ? mp_map_get(rec, key) : NULL;

	if (a == NULL || a->type != MSGPACK_OBJECT_ARRAY)
		return 0;
	for (uint32_t i = 0; i < a->via.array.size; i++) {
		char line[512] = "";
		mp_get_strbuf(&a->via.array.ptr[i], line, sizeof line);
		if (strstr(line, what))
			return 1;
	}
	return 0;
}

START_TEST(test_money_uses_the_base_salary_of_the_decision_date)
{
	struct world w;
	char n1[32], n2[32], n3[32], d1[32], d2[32], d3[32], buf[64];

	world_up(&w);
	propose(&w, "KB1", "LDTT", NULL, n1, sizeof n1);
	propose(&w, "KB2", "LDTT", NULL, n2, sizeof n2);
	propose(&w, "KB3", "LDTT", NULL, n3, sizeof n3);
	/* 0.3 × 2,340,000 = 702,000 → 710,000 before 01/07/2026 */
	ck_assert_int_eq(draft(&w, n1, "30/06/2026", d1, sizeof d1), 0);
	annex_cell(w.director, d1, n1, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "710.000 đ");
	/* 0.3 × 2,530,000 = 759,000 → 760,000 from 01/07/2026 */
	ck_assert_int_eq(draft(&w, n2, "01/07/2026", d2, sizeof d2), 0);
	annex_cell(w.director, d2, n2, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "760.000 đ");
	ck_assert_int_eq(draft(&w, n3, "15/12/2026", d3, sizeof d3), 0);
	annex_cell(w.director, d3, n3, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "760.000 đ");
	annex_cell(w.director, d3, "", 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "760.000 đ");
	world_down(&w);
}
END_TEST

/* The fund ledger row at index i: column col into buf. */
static void ledger_cell(lrl_conn *c, uint32_t i, int col, char *buf, size_t n)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;

	buf[0] = '\0';
	ck_assert_int_eq(h_tcall(c, "fund.ledger", &r, "year", Y, NULL), 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_uint_gt(rows->via.array.size, i);
	mp_get_strbuf(&rows->via.array.ptr[i].via.array.ptr[col], buf, n);
	lrl_reply_free(r);
}

/* Signed months after 01/07/2026, a decision dated before it pays the
 * base salary of its own date: the ledger takes 0.3 × 2,340,000 =
 * 702,000 → 710,000, and the one dated 01/07/2026 0.3 × 2,530,000 =
 * 759,000 → 760,000. */
START_TEST(test_a_signed_decision_before_july_2026_pays_the_old_base_salary)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char n1[32], n2[32], d1[32], d2[32], num[32], buf[256];

	world_up(&w);
	deposit(&w, "10000000");
	propose(&w, "KB1", "LDTT", NULL, n1, sizeof n1);
	propose(&w, "KB2", "LDTT", NULL, n2, sizeof n2);
	/* drafted today (15/12/2026), then dated back to 30/06/2026 */
	ck_assert_int_eq(draft(&w, n1, "15/12/2026", d1, sizeof d1), 0);
	ck_assert_int_eq(h_tcall(w.director, "decision.edit", NULL, "decision",
	                         d1, "date", "30/06/2026", NULL),
	                 0);
	ck_assert_int_eq(sign(w.director, d1, NULL, num, sizeof num, &r), 0);
	ck_assert_str_eq(num, "1/QĐ-BV");
	mp_get_strbuf(mp_map_get(r->body, "message"), buf, sizeof buf);
	ck_assert_msg(strstr(buf, "710.000 đ from the fund"), "%s", buf);
	lrl_reply_free(r);
	ledger_cell(w.director, 1, 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "payment");
	ledger_cell(w.director, 1, 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "30/06/2026");
	ledger_cell(w.director, 1, 2, buf, sizeof buf);
	ck_assert_str_eq(buf, "-710.000 đ");
	ledger_cell(w.director, 1, 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "9.290.000 đ");
	ledger_cell(w.director, 1, 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "1/QĐ-BV");
	/* the signed decision keeps the amount it paid */
	annex_cell(w.director, d1, n1, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "710.000 đ");
	ck_assert_int_eq(h_tcall(w.director, "decision.show", &r, "decision",
	                         d1, NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "total", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "710.000 đ");
	lrl_reply_free(r);
	/* the first day of the new base salary */
	ck_assert_int_eq(draft(&w, n2, "01/07/2026", d2, sizeof d2), 0);
	sign_numbered(&w, d2, "2/QĐ-BV");
	ledger_cell(w.director, 2, 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "01/07/2026");
	ledger_cell(w.director, 2, 2, buf, sizeof buf);
	ck_assert_str_eq(buf, "-760.000 đ");
	ledger_cell(w.director, 2, 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "8.530.000 đ");
	world_down(&w);
}
END_TEST

/* A draft not yet published is corrected in place; the money follows a
 * new date.  A published draft is not. */
START_TEST(test_a_draft_is_corrected_before_it_is_published)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char n1[32], d[32], buf[512];

	world_up(&w);
	propose_and_draft(&w, "KB1", n1, sizeof n1, d, sizeof d);
	annex_cell(w.director, d, n1, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "760.000 đ");
	/* nothing to correct, and staff may not */
	ck_assert_int_eq(h_tcall(w.director, "decision.edit", NULL, "decision",
	                         d, NULL),
	                 LRL_EINVAL);
	ck_assert_int_eq(h_tcall(w.staff, "decision.edit", NULL, "decision", d,
	                         "copies", "x", NULL),
	                 LRL_EPERM);
	ck_assert_int_eq(h_tcall(w.director, "decision.edit", NULL, "decision",
	                         d, "date", "30/06/2026", "subject-line",
	                         "tặng danh hiệu Lao động tiên tiến",
	                         "grounds", "Căn cứ Luật Thi đua, khen thưởng;",
	                         NULL),
	                 0);
	/* the base salary before 01/07/2026 */
	annex_cell(w.director, d, n1, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "710.000 đ");
	ck_assert_int_eq(h_tcall(w.director, "decision.show", &r, "decision", d,
	                         NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "subject-line", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Về việc tặng danh hiệu Lao động tiên tiến");
	ck_assert_int_eq(h_record_str(r, "grounds", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Căn cứ Luật Thi đua, khen thưởng;");
	ck_assert_int_eq(h_record_str(r, "date", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "30/06/2026");
	lrl_reply_free(r);
	/* before the year begins: refused, naming the date */
	ck_assert_int_eq(h_tcall(w.director, "decision.edit", &r, "decision", d,
	                         "date", "31/12/2025", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "date");
	lrl_reply_free(r);
	/* once published, staff have seen it: cancel and draft again */
	publish(&w, d);
	ck_assert_int_eq(h_tcall(w.director, "decision.edit", NULL, "decision",
	                         d, "copies", "Như Điều 3;", NULL),
	                 LRL_ESTATE);
	world_down(&w);
}
END_TEST

START_TEST(test_same_period_only_the_highest_title_pays_and_an_honour_pays_too)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char ldtt[32], cstdcs[32], gk[32], list[128], d[32], buf[64];

	world_up(&w);
	rate(&w, "KB1", "HTXSNV");
	propose(&w, "KB1", "LDTT", NULL, ldtt, sizeof ldtt);
	propose(&w, "KB1", "CSTDCS", NULL, cstdcs, sizeof cstdcs);
	propose(&w, "KB1", "GK", "movement", gk, sizeof gk);
	ck_assert_int_eq(h_tcall(w.admin, "nomination.report", NULL,
	                         "nomination", cstdcs, "duties",
	                         "Khám bệnh ngoại trú", "results",
	                         "Hoàn thành xuất sắc", NULL),
	                 0);
	snprintf(list, sizeof list, "%s,%s,%s", ldtt, cstdcs, gk);
	ck_assert_int_eq(draft(&w, list, "15/12/2026", d, sizeof d), 0);
	annex_cell(w.director, d, ldtt, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "0 đ");
	annex_cell(w.director, d, ldtt, 8, buf, sizeof buf);
	ck_assert_ptr_nonnull(strstr(buf, "same period"));
	/* 1.0 × 2,530,000 needs no rounding */
	annex_cell(w.director, d, cstdcs, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "2.530.000 đ");
	annex_cell(w.director, d, gk, 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "760.000 đ");
	annex_cell(w.director, d, "", 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "3.290.000 đ");
	ck_assert_int_eq(h_tcall(w.director, "decision.show", &r, "decision", d,
	                         NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "total", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "3.290.000 đ");
	{
		char art[1024];
		ck_assert_int_eq(h_record_str(r, "article-1", art, sizeof art), 0);
		ck_assert_ptr_nonnull(strstr(art, "cho 1 cá nhân có tên"));
	}
	{
		char grounds[2048];
		ck_assert_int_eq(h_record_str(r, "grounds", grounds,
		                              sizeof grounds),
		                 0);
		ck_assert_ptr_nonnull(strstr(grounds, "Căn cứ Luật Thi đua"));
	}
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_numbers_are_never_reused_when_a_draft_is_cancelled)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char n1[32], n2[32], d1[32], d2[32], d3[32];

	world_up(&w);
	deposit(&w, "10000000");
	propose(&w, "KB1", "LDTT", NULL, n1, sizeof n1);
	propose(&w, "KB2", "LDTT", NULL, n2, sizeof n2);
	ck_assert_int_eq(draft(&w, n1, "15/12/2026", d1, sizeof d1), 0);
	sign_numbered(&w, d1, "1/QĐ-BV");
	ck_assert_int_eq(draft(&w, n2, "15/12/2026", d2, sizeof d2), 0);
	/* the nomination is taken while its draft lives */
	ck_assert_int_eq(draft(&w, n2, "15/12/2026", NULL, 0), LRL_EEXIST);
	/* a complaint about a cancelled draft's recipient ends with it */
	publish(&w, d2);
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", NULL, "decision",
	                         d2, "nomination", n2, "text",
	                         "Chưa đủ điều kiện", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "decision.cancel", NULL, "decision",
	                         d2, "reason", "Soạn lại", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.staff, "complaint.list", &r, "open", "true",
	                         NULL),
	                 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 0);
	lrl_reply_free(r);
	/* a cancelled draft cannot be signed */
	ck_assert_int_eq(sign(w.director, d2, NULL, NULL, 0, NULL), LRL_ESTATE);
	ck_assert_int_eq(draft(&w, n2, "15/12/2026", d3, sizeof d3), 0);
	ck_assert_str_ne(d3, d2);
	sign_numbered(&w, d3, "2/QĐ-BV");
	/* the issuer suffix is the hospital's setting */
	ck_assert_int_eq(h_tcall(w.admin, "decision.setup", NULL, "suffix",
	                         "BVPHCN", NULL),
	                 0);
	propose_and_draft(&w, "KB3", n1, sizeof n1, d1, sizeof d1);
	sign_numbered(&w, d1, "3/QĐ-BVPHCN");
	/* signed decisions are frozen */
	ck_assert_int_eq(h_tcall(w.admin, "decision.cancel", &r, "decision", d1,
	                         "reason", "Nhầm", NULL),
	                 LRL_ESTATE);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(
	test_ineligible_blocked_withdrawn_and_duplicate_recipients_are_refused)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char du1[32], kb3[32], kb2[32], kb1[32], both[80], d[32];

	world_up(&w);
	deposit(&w, "10000000");
	propose(&w, "DU1", "LDTT", NULL, du1, sizeof du1);
	propose(&w, "KB3", "LDTT", NULL, kb3, sizeof kb3);
	propose(&w, "KB2", "LDTT", NULL, kb2, sizeof kb2);
	propose(&w, "KB1", "LDTT", NULL, kb1, sizeof kb1);
	/* not eligible: no rating */
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "nominations", du1, NULL),
	                 LRL_ESTATE);
	ck_assert_str_eq(r->field, "nominations");
	ck_assert_ptr_nonnull(strstr(r->message, "not eligible"));
	lrl_reply_free(r);
	/* blocked: an open matter */
	ck_assert_int_eq(h_tcall(w.admin, "matter.open", NULL, "kind",
	                         "investigation", "staff", "KB3", "note",
	                         "Thanh tra", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "nominations", kb3, NULL),
	                 LRL_ESTATE);
	ck_assert_ptr_nonnull(strstr(r->message, "blocked"));
	lrl_reply_free(r);
	/* withdrawn */
	ck_assert_int_eq(h_tcall(w.admin, "nomination.withdraw", NULL,
	                         "nomination", kb2, "reason", "Chuyển công tác",
	                         NULL),
	                 0);
	ck_assert_int_eq(draft(&w, kb2, "15/12/2026", NULL, 0), LRL_ESTATE);
	/* listed twice, and nothing is half-written */
	snprintf(both, sizeof both, "%s,%s", kb1, kb1);
	ck_assert_int_eq(draft(&w, both, "15/12/2026", NULL, 0), LRL_EINVAL);
	/* already decided */
	ck_assert_int_eq(draft(&w, kb1, "15/12/2026", d, sizeof d), 0);
	ck_assert_str_eq(d, "QD-2026-001");
	/* a nomination a draft holds is not withdrawn from under it */
	ck_assert_int_eq(h_tcall(w.admin, "nomination.withdraw", &r,
	                         "nomination", kb1, "reason", "x", NULL),
	                 LRL_ESTATE);
	ck_assert_ptr_nonnull(strstr(r->message, "QD-2026-001"));
	lrl_reply_free(r);
	ck_assert_int_eq(sign(w.director, d, NULL, NULL, 0, NULL), 0);
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "nominations", kb1, NULL),
	                 LRL_EEXIST);
	ck_assert_ptr_nonnull(strstr(r->message, "already holds LDTT"));
	lrl_reply_free(r);
	/* ad-hoc awards follow the same rules */
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "staff", "KB1", "title", "LDTT", "reason",
	                         "Đột xuất", NULL),
	                 LRL_EEXIST);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "staff", "KB3", "title", "GK", "reason",
	                         "Cứu người bị nạn", NULL),
	                 LRL_ESTATE);
	lrl_reply_free(r);
	/* the province's honours are not the hospital's to decide */
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "staff", "KB4", "title", "BK", "reason",
	                         "Thành tích", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	/* who may: staff may not draft, the administrator may not sign */
	ck_assert_int_eq(h_tcall(w.staff, "decision.add", NULL, "year", Y,
	                         "staff", "KB4", "title", "GK", "reason", "x",
	                         NULL),
	                 LRL_EPERM);
	ck_assert_int_eq(h_tcall(w.admin, "decision.add", &r, "year", Y,
	                         "staff", "KB4", "title", "GK", "reason",
	                         "Cứu người bị nạn", NULL),
	                 0);
	lrl_reply_free(r);
	ck_assert_int_eq(sign(w.admin, "QD-2026-002", NULL, NULL, 0, NULL),
	                 LRL_EPERM);
	ck_assert_int_eq(sign(w.director, "QD-2026-002", NULL, NULL, 0, NULL),
	                 0);
	world_down(&w);
}
END_TEST

START_TEST(test_overdrawing_the_fund_needs_an_override_that_the_ledger_shows)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *rows, *last;
	char n1[32], d[32], buf[256];

	world_up(&w);
	deposit(&w, "500000");
	propose_and_draft(&w, "KB1", n1, sizeof n1, d, sizeof d);
	ck_assert_int_eq(h_tcall(w.director, "decision.show", &r, "decision", d,
	                         NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "fund-balance", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "500.000 đ");
	lrl_reply_free(r);
	ck_assert_int_eq(sign(w.director, d, NULL, NULL, 0, &r), LRL_ESTATE);
	ck_assert_str_eq(r->field, "override");
	ck_assert_ptr_nonnull(strstr(r->message, "500.000 đ"));
	lrl_reply_free(r);
	ck_assert_int_eq(sign(w.director, d, "Tạm ứng, bổ sung quỹ quý I/2027",
	                      buf, sizeof buf, NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.director, "fund.ledger", &r, "year", Y,
	                         NULL),
	                 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_uint_eq(rows->via.array.size, 2);
	last = rows->via.array.ptr[1].via.array.ptr;
	mp_get_strbuf(&last[0], buf, sizeof buf);
	ck_assert_str_eq(buf, "payment");
	mp_get_strbuf(&last[2], buf, sizeof buf);
	ck_assert_str_eq(buf, "-760.000 đ");
	mp_get_strbuf(&last[3], buf, sizeof buf);
	ck_assert_str_eq(buf, "-260.000 đ");
	mp_get_strbuf(&last[5], buf, sizeof buf);
	ck_assert_str_eq(buf, "1/QĐ-BV");
	mp_get_strbuf(&last[7], buf, sizeof buf);
	ck_assert_str_eq(buf, "Tạm ứng, bổ sung quỹ quý I/2027");
	lrl_reply_free(r);
	/* the ledger is not for staff */
	ck_assert_int_eq(h_tcall(w.staff, "fund.ledger", NULL, "year", Y, NULL),
	                 LRL_EPERM);
	world_down(&w);
}
END_TEST

START_TEST(test_a_complaint_in_the_window_blocks_signing_until_answered)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	char n1[32], n2[32], list[80], d[32], hidden[32];
	char cnum[32] = "", other[32];

	world_up(&w);
	deposit(&w, "10000000");
	propose(&w, "KB1", "LDTT", NULL, n1, sizeof n1);
	propose(&w, "KB2", "LDTT", NULL, n2, sizeof n2);
	snprintf(list, sizeof list, "%s,%s", n1, n2);
	ck_assert_int_eq(draft(&w, list, "15/12/2026", d, sizeof d), 0);
	propose_and_draft(&w, "KB3", n1, sizeof n1, hidden, sizeof hidden);
	/* before publication staff cannot complain, nor see the draft */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", NULL, "decision", d,
	                         "staff", "KB1", "text", "x", NULL),
	                 LRL_ENOENT);
	publish(&w, d);
	ck_assert_int_eq(h_tcall(w.staff, "decision.list", &r, "year", Y, NULL),
	                 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_uint_eq(rows->via.array.size, 1);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.staff, "decision.show", NULL, "decision",
	                         hidden, NULL),
	                 LRL_ENOENT);
	/* someone not in the decision is not complained about here */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", NULL, "decision", d,
	                         "staff", "DU1", "text", "x", NULL),
	                 LRL_EINVAL);
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", &r, "decision", d,
	                         "staff", "KB1", "text",
	                         "Chưa đủ 10 tháng công tác", NULL),
	                 0);
	{
		char msg[256] = "";
		mp_get_strbuf(mp_map_get(r->body, "message"), msg, sizeof msg);
		snprintf(cnum, sizeof cnum, "%.*s",
		         (int)strcspn(msg + strlen("complaint "), " "),
		         msg + strlen("complaint "));
	}
	lrl_reply_free(r);
	/* the staff member sees their own complaint */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.list", &r, NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	lrl_reply_free(r);
	/* it blocks the award it is about, not KB1's other awards */
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "staff", "KB1", "title", "GK", "reason",
	                         "Cứu người bị nạn", NULL),
	                 0);
	code_of(r, other, sizeof other);
	lrl_reply_free(r);
	sign_numbered(&w, other, "1/QĐ-BV");
	/* the window is open: no signing yet */
	ck_assert_int_eq(sign(w.director, d, NULL, NULL, 0, &r), LRL_ESTATE);
	ck_assert_ptr_nonnull(strstr(r->message, "20/12/2026"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_env_advance(&w.e, 6 * 86400), 0);
	/* the window has closed: no more complaints */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", NULL, "decision", d,
	                         "staff", "KB2", "text", "x", NULL),
	                 LRL_ESTATE);
	/* the open complaint blocks KB1's award in d */
	ck_assert_int_eq(sign(w.director, d, NULL, NULL, 0, &r), LRL_ESTATE);
	ck_assert_ptr_nonnull(strstr(r->message, "KB1 LDTT is blocked"));
	ck_assert_ptr_nonnull(strstr(r->message, cnum));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.staff, "complaint.answer", NULL, "complaint",
	                         cnum, "answer", "x", NULL),
	                 LRL_EPERM);
	ck_assert_int_eq(h_tcall(w.admin, "complaint.answer", NULL, "complaint",
	                         cnum, "answer",
	                         "Đã xác minh: đủ 12 tháng công tác", NULL),
	                 0);
	sign_numbered(&w, d, "2/QĐ-BV");
	ck_assert_int_eq(h_tcall(w.staff, "complaint.list", &r, NULL), 0);
	rows = mp_map_get(r->body, "rows");
	{
		char state[32] = "";
		mp_get_strbuf(&rows->via.array.ptr[0].via.array.ptr[7], state,
		              sizeof state);
		ck_assert_str_eq(state, "answered");
	}
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

/* A complaint is about one award: a person with two in the draft must
 * say which, and signing names that one. */
START_TEST(test_a_complaint_names_one_of_a_persons_awards)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *row;
	char n1[32], d[32], buf[256];

	world_up(&w);
	deposit(&w, "10000000");
	propose(&w, "KB1", "LDTT", NULL, n1, sizeof n1);
	ck_assert_int_eq(h_tcall(w.director, "decision.add", &r, "year", Y,
	                         "nominations", n1, "staff", "KB1", "title",
	                         "GK", "reason", "Cứu người bị nạn", "date",
	                         "15/12/2026", NULL),
	                 0);
	code_of(r, d, sizeof d);
	lrl_reply_free(r);
	publish(&w, d);
	/* the person alone does not say which award */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", &r, "decision", d,
	                         "staff", "KB1", "text", "x", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "title");
	ck_assert_msg(strstr(r->message, "2 awards") &&
	                  strstr(r->message, "LDTT, GK"),
	              "%s", r->message);
	lrl_reply_free(r);
	/* a title the person has not in the draft, or not of the nomination */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", &r, "decision", d,
	                         "staff", "KB1", "title", "CSTDCS", "text", "x",
	                         NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", NULL, "decision", d,
	                         "nomination", n1, "title", "GK", "text", "x",
	                         NULL),
	                 LRL_EINVAL);
	/* a title longer than any title code is refused, not dropped */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", &r, "decision", d,
	                         "staff", "KB1", "title", "ABCDEFGHIJKLMNOPQR",
	                         "text", "x", NULL),
	                 LRL_EINVAL);
	ck_assert_str_eq(r->field, "title");
	lrl_reply_free(r);
	/* the ad-hoc award, by its title */
	ck_assert_int_eq(h_tcall(w.staff, "complaint.file", &r, "decision", d,
	                         "staff", "KB1", "title", "GK", "text",
	                         "Chưa xác minh được sự việc", NULL),
	                 0);
	mp_get_strbuf(mp_map_get(r->body, "message"), buf, sizeof buf);
	ck_assert_msg(strstr(buf, "award of GK to KB1"), "%s", buf);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.staff, "complaint.list", &r, NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 1);
	row = mp_map_get(r->body, "rows")->via.array.ptr[0].via.array.ptr;
	mp_get_strbuf(&row[2], buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	mp_get_strbuf(&row[5], buf, sizeof buf);
	ck_assert_str_eq(buf, "GK");
	lrl_reply_free(r);
	/* the open matter it makes says what it is about, in Vietnamese */
	ck_assert_int_eq(h_tcall(w.admin, "matter.list", &r, NULL), 0);
	row = mp_map_get(r->body, "rows")->via.array.ptr[0].via.array.ptr;
	mp_get_strbuf(&row[7], buf, sizeof buf);
	ck_assert_msg(strstr(buf, "Khiếu nại về khen thưởng GK trong ") &&
	                  strstr(buf, d),
	              "%s", buf);
	lrl_reply_free(r);
	/* the nomination's award is not blocked by it; the ad-hoc one is */
	ck_assert_int_eq(h_tcall(w.admin, "nomination.show", &r, "nomination",
	                         n1, NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "verdict", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "eligible");
	lrl_reply_free(r);
	ck_assert_int_eq(h_env_advance(&w.e, 6 * 86400), 0);
	ck_assert_int_eq(sign(w.director, d, NULL, NULL, 0, &r), LRL_ESTATE);
	ck_assert_msg(strstr(r->message, "KB1 GK is blocked"), "%s",
	              r->message);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_forwarded_dossier_is_recorded_when_the_province_grants_it)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char co[32], x[32], buf[256];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "nomination.add", &r, "year", Y,
	                         "unit", "KHAMBENH", "title", "CO",
	                         "cluster-leader", "yes", NULL),
	                 0);
	code_of(r, co, sizeof co);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "nomination.report", NULL,
	                         "nomination", co, "duties", "Khám bệnh",
	                         "results", "Dẫn đầu cụm thi đua", NULL),
	                 0);
	/* the hospital does not decide a Cờ */
	ck_assert_int_eq(draft(&w, co, "15/12/2026", NULL, 0), LRL_EINVAL);
	ck_assert_int_eq(h_tcall(w.admin, "dossier.add", &r, "year", Y,
	                         "nominations", co, "memo", "25/TTr-BV", "date",
	                         "10/12/2026", NULL),
	                 0);
	code_of(r, x, sizeof x);
	ck_assert_str_eq(x, "TT-2026-001");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "nomination.show", &r, "nomination",
	                         co, NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "state", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "forwarded");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.director, "dossier.show", &r, "dossier", x,
	                         NULL),
	                 0);
	ck_assert(record_has(r, "nominations", "Dẫn đầu cụm thi đua"));
	lrl_reply_free(r);
	/* forwarded once only */
	ck_assert_int_eq(h_tcall(w.admin, "dossier.add", NULL, "year", Y,
	                         "nominations", co, "memo", "26/TTr-BV", "date",
	                         "11/12/2026", NULL),
	                 LRL_EEXIST);
	ck_assert_int_eq(h_tcall(w.admin, "dossier.result", &r, "dossier", x,
	                         "result", "granted", NULL),
	                 LRL_EINVAL);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "dossier.result", NULL, "dossier", x,
	                         "result", "granted", "decision", "123/QĐ-UBND",
	                         "date", "14/12/2026", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "dossier.result", NULL, "dossier", x,
	                         "result", "refused", NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.admin, "unit.show", &r, "code", "KHAMBENH",
	                         NULL),
	                 0);
	ck_assert(record_has(r, "titles",
	                     "2026 CO — 123/QĐ-UBND, 14/12/2026, Ủy ban nhân "
	                     "dân tỉnh"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "nomination.show", &r, "nomination",
	                         co, NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "state", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "granted");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_a_person_record_shows_the_title_with_its_decision)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char n[32], d[32], num[32], buf[128];

	world_up(&w);
	deposit(&w, "10000000");
	ck_assert_int_eq(h_tcall(w.admin, "award.add", NULL, "year", "2025",
	                         "title", "LDTT", "staff", "KB4", "decision",
	                         "20/QĐ-BV", "date", "18/12/2025", NULL),
	                 0);
	propose_and_draft(&w, "KB4", n, sizeof n, d, sizeof d);
	ck_assert_int_eq(sign(w.director, d, NULL, num, sizeof num, NULL), 0);
	/* the staff member reads it on their own record, year after year */
	ck_assert_int_eq(h_tcall(w.staff, "staff.show", &r, "code", "KB4",
	                         NULL),
	                 0);
	ck_assert(record_has(r, "titles",
	                     "2026 LDTT — 1/QĐ-BV, 15/12/2026, " H_HOSPITAL));
	ck_assert(record_has(r, "titles", "2025 LDTT — 20/QĐ-BV, 18/12/2025"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.staff, "nomination.show", &r, "nomination",
	                         n, NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "state", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "decided");
	ck_assert_int_eq(h_record_str(r, "decision", buf, sizeof buf), 0);
	ck_assert_ptr_nonnull(strstr(buf, "1/QĐ-BV"));
	lrl_reply_free(r);
	/* the signed decision is public */
	ck_assert_int_eq(h_tcall(w.staff, "decision.show", &r, "decision", d,
	                         NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "number", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "1/QĐ-BV");
	ck_assert_int_ne(h_record_str(r, "fund-balance", buf, sizeof buf), 0);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_the_cli_writes_the_annex_as_csv)
{
	struct world w;
	struct h_output o;
	char n[32], d[32];

	world_up(&w);
	propose_and_draft(&w, "KB1", n, sizeof n, d, sizeof d);
	lrl_close(w.director);
	w.director = NULL;
	ck_assert_int_eq(h_laurel(&o, PW "\n", "--socket", w.e.srv.sock,
	                          "--user", "giamdoc", "--password-stdin",
	                          "--format", "csv", "decision", "annex", d,
	                          (const char *)NULL),
	                 0);
	ck_assert_ptr_nonnull(strstr(o.out, "Nguyễn Thị Hà"));
	ck_assert_ptr_nonnull(strstr(o.out, "order,nomination,code,name,unit,"
	                                    "title,"
	                                    "title-name,amount,note\r\n"));
	ck_assert_ptr_nonnull(strstr(o.out, ",LDTT,Lao động tiên tiến,760.000 "
	                                    "đ,"));
	ck_assert_ptr_nonnull(strstr(o.out, "Tổng cộng"));
	h_output_free(&o);
	ck_assert_int_eq(h_login(w.e.srv.sock, "giamdoc", PW, &w.director), 0);
	world_down(&w);
}
END_TEST

Suite *suite_decision(void)
{
	Suite *s = suite_create("decision");
	TCase *tc = tcase_create("decisions");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc,
	               test_money_uses_the_base_salary_of_the_decision_date);
	tcase_add_test(
		tc,
		test_a_signed_decision_before_july_2026_pays_the_old_base_salary);
	tcase_add_test(tc, test_a_draft_is_corrected_before_it_is_published);
	tcase_add_test(
		tc,
		test_same_period_only_the_highest_title_pays_and_an_honour_pays_too);
	tcase_add_test(tc,
	               test_numbers_are_never_reused_when_a_draft_is_cancelled);
	tcase_add_test(
		tc,
		test_ineligible_blocked_withdrawn_and_duplicate_recipients_are_refused);
	tcase_add_test(
		tc,
		test_overdrawing_the_fund_needs_an_override_that_the_ledger_shows);
	tcase_add_test(
		tc,
		test_a_complaint_in_the_window_blocks_signing_until_answered);
	tcase_add_test(tc, test_a_complaint_names_one_of_a_persons_awards);
	tcase_add_test(
		tc,
		test_a_forwarded_dossier_is_recorded_when_the_province_grants_it);
	tcase_add_test(tc,
	               test_a_person_record_shows_the_title_with_its_decision);
	tcase_add_test(tc, test_the_cli_writes_the_annex_as_csv);
	suite_add_tcase(s, tc);
	return s;
}
