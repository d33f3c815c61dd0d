/*
 * test_demo.c — laureld demo: the demo hospital holds a living emulation
 * year (the default rulebook, deadlines and targets, movements, pledges in
 * every state, ratings, works, titles held, nominations with every verdict
 * and an open complaint), made through the same signed commands users
 * send, so that the store verifies like any other.
 *
 * The fixture makes one demo store at the pinned clock (15/12/2026, after
 * the registration deadline); each test starts its own server on it and
 * only reads.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/verify.h"

#define DEMO_PASSWORD "laurel-demo-2026"
#define Y "2026" /* the year of H_CLOCK_START */

static char demo_dir[H_PATH_MAX];
static char demo_store[H_PATH_MAX + 16];
static char demo_clock[H_PATH_MAX + 16];
static char demo_failure[1024];

/* Makes the demo store (in the runner process, once for the case). */
static void demo_setup(void)
{
	struct h_output o;
	int rc;

	demo_store[0] = '\0';
	if (h_tmpdir(demo_dir, sizeof demo_dir) != 0) {
		snprintf(demo_failure, sizeof demo_failure, "no directory");
		return;
	}
	snprintf(demo_clock, sizeof demo_clock, "%s/clock", demo_dir);
	if (h_clock_write(demo_clock, h_time(H_CLOCK_START)) != 0) {
		snprintf(demo_failure, sizeof demo_failure, "no clock");
		return;
	}
	snprintf(demo_store, sizeof demo_store, "%s/store", demo_dir);
	rc = h_laureld(&o, NULL, "demo", "--store", demo_store, "--clock-file",
	               demo_clock, (const char *)NULL);
	if (rc != 0) {
		snprintf(demo_failure, sizeof demo_failure,
		         "laureld demo exited %d: %.400s%.400s", rc, o.out, o.err);
		demo_store[0] = '\0';
	}
	h_output_free(&o);
}

struct world {
	struct h_server srv;
	char sock[H_PATH_MAX + 16];
};

static void world_up(struct world *w)
{
	memset(w, 0, sizeof *w);
	ck_assert_msg(demo_store[0], "no demo store: %s", demo_failure);
	snprintf(w->sock, sizeof w->sock, "%s/s.sock", demo_dir);
	ck_assert_int_eq(h_server_start(&w->srv, demo_store, w->sock,
	                                demo_clock), 0);
}

static void world_down(struct world *w)
{
	ck_assert_int_eq(h_server_stop(&w->srv), 0);
}

static lrl_conn *login(struct world *w, const char *user)
{
	lrl_conn *c = NULL;

	ck_assert_int_eq(h_login(w->sock, user, DEMO_PASSWORD, &c), 0);
	return c;
}

/* The rows of a list reply. */
static const msgpack_object *rows_of(const struct lrl_reply *r)
{
	const msgpack_object *rows = mp_map_get(r->body, "rows");

	ck_assert_ptr_nonnull(rows);
	ck_assert_int_eq(rows->type, MSGPACK_OBJECT_ARRAY);
	return rows;
}

/* Copies cell col of row i into buf. */
static const char *cell(const struct lrl_reply *r, uint32_t i, uint32_t col,
                        char *buf, size_t n)
{
	const msgpack_object *row = &rows_of(r)->via.array.ptr[i];

	buf[0] = '\0';
	if (row->type == MSGPACK_OBJECT_ARRAY && col < row->via.array.size)
		mp_get_strbuf(&row->via.array.ptr[col], buf, n);
	return buf;
}

/* How many rows have value in column col (any value when NULL). */
static uint32_t count(const struct lrl_reply *r, uint32_t col,
                      const char *value)
{
	uint32_t n = 0;
	char buf[4096];

	for (uint32_t i = 0; i < rows_of(r)->via.array.size; i++)
		if (value == NULL || !strcmp(cell(r, i, col, buf, sizeof buf), value))
			n++;
	return n;
}

static uint32_t nrows(const struct lrl_reply *r)
{
	return rows_of(r)->via.array.size;
}

START_TEST(test_the_demo_opens_the_year_with_the_built_in_rulebook)
{
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *admin;
	char buf[512], *file;
	const msgpack_object *rec;
	const char *text;
	size_t tl, fl;
	FILE *f;

	world_up(&w);
	admin = login(&w, "quantri");
	ck_assert_int_eq(h_tcall(admin, "year.show", &r, "year", Y, NULL), 0);
	ck_assert_int_eq(h_record_str(r, "rulebook", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "2026");
	ck_assert_int_eq(h_record_str(r, "registration", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "10/01/2026");
	ck_assert_int_eq(h_record_str(r, "six-month-report", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "20/06/2026");
	ck_assert_int_eq(h_record_str(r, "annual-report", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "20/12/2026");
	ck_assert_int_eq(h_record_str(r, "ratings", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026");
	rec = mp_map_get(r->body, "record");
	{
		int64_t v = 0;
		ck_assert_int_eq(mp_get_i64(mp_map_get(rec, "target-ldtt"), &v), 0);
		ck_assert_int_eq(v, 95);
		ck_assert_int_eq(mp_get_i64(mp_map_get(rec, "target-cstdcs"), &v), 0);
		ck_assert_int_eq(v, 15);
		ck_assert_int_eq(mp_get_i64(mp_map_get(rec, "target-gk-units"), &v), 0);
		ck_assert_int_eq(v, 40);
		ck_assert_int_eq(mp_get_i64(mp_map_get(rec, "exemplar-day"), &v), 0);
		ck_assert_int_eq(v, 5);
	}
	lrl_reply_free(r);
	/* The rulebook is the one in data/, compiled into laureld. */
	ck_assert_int_eq(h_tcall(admin, "rulebook.show", &r, "version", "2026",
	                         NULL), 0);
	rec = mp_map_get(r->body, "record");
	ck_assert_int_eq(mp_get_str(mp_map_get(rec, "text"), &text, &tl), 0);
	ck_assert_ptr_nonnull(f = fopen("data/rulebook-2026.txt", "rb"));
	file = malloc(tl + 2);
	ck_assert_ptr_nonnull(file);
	fl = fread(file, 1, tl + 1, f);
	fclose(f);
	ck_assert_uint_eq(fl, tl);
	ck_assert(memcmp(file, text, tl) == 0);
	free(file);
	lrl_reply_free(r);
	/* The director's movements, the 2026–2030 theme first among them. */
	ck_assert_int_eq(h_tcall(admin, "movement.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_ge(nrows(r), 2);
	{
		int theme = 0;
		for (uint32_t i = 0; i < nrows(r); i++)
			theme |= strncmp(cell(r, i, 1, buf, sizeof buf),
			                 "Thi đua đổi mới, sáng tạo, tăng tốc", 30) == 0;
		ck_assert_msg(theme, "no movement with the 2026–2030 theme");
	}
	lrl_reply_free(r);
	lrl_close(admin);
	world_down(&w);
}
END_TEST

START_TEST(test_the_demo_has_pledges_in_every_state_and_some_missing)
{
	static const char *const states[] = {"draft", "submitted", "endorsed",
	                                     "accepted", "returned"};
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *admin;
	uint32_t total = 0;
	char buf[4096];

	world_up(&w);
	admin = login(&w, "quantri");
	for (size_t k = 0; k < 5; k++) {
		ck_assert_int_eq(h_tcall(admin, "pledge.list", &r, "year", Y,
		                         "state", states[k], NULL), 0);
		ck_assert_msg(nrows(r) > 0, "no pledge is %s", states[k]);
		total += nrows(r);
		if (!strcmp(states[k], "returned"))
			/* A returned pledge shows the head's reason. */
			ck_assert_msg(strlen(cell(r, 0, 7, buf, sizeof buf)) > 20,
			              "returned without a reason: '%s'", buf);
		lrl_reply_free(r);
	}
	/* Most of the 300 have pledged; a few have not. */
	ck_assert_uint_gt(total, 240);
	ck_assert_int_eq(h_tcall(admin, "pledge.missing", &r, "year", Y, NULL), 0);
	ck_assert_uint_gt(count(r, 3, "none"), 0);
	lrl_reply_free(r);
	/* Most units registered a collective pledge and a model. */
	ck_assert_int_eq(h_tcall(admin, "report.roster", &r, "year", Y, NULL), 0);
	ck_assert_uint_ge(count(r, 4, "collective"), 12);
	lrl_reply_free(r);
	lrl_close(admin);
	world_down(&w);
}
END_TEST

START_TEST(test_the_demo_rates_most_staff_and_records_disciplines)
{
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *admin;
	uint32_t disciplined = 0;
	char buf[64];

	world_up(&w);
	admin = login(&w, "quantri");
	ck_assert_int_eq(h_tcall(admin, "rating.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_gt(nrows(r), 270);
	ck_assert_uint_gt(count(r, 3, "HTTNV"), count(r, 3, "HTXSNV"));
	ck_assert_uint_gt(count(r, 3, "HTXSNV"), 0);
	ck_assert_uint_gt(count(r, 3, "HTNV"), 0);
	for (uint32_t i = 0; i < nrows(r); i++)
		disciplined += cell(r, i, 5, buf, sizeof buf)[0] != '\0';
	ck_assert_uint_ge(disciplined, 1);
	lrl_reply_free(r);
	/* Initiatives and topics: recognised at hospital and province
	 * scope, some not recognised, some still waiting. */
	ck_assert_int_eq(h_tcall(admin, "work.list", &r, "year", Y, "state",
	                         "recognised", NULL), 0);
	ck_assert_uint_gt(nrows(r), 3);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(admin, "work.list", &r, "year", Y, "state",
	                         "not-recognised", NULL), 0);
	ck_assert_uint_gt(nrows(r), 0);
	lrl_reply_free(r);
	/* Titles held in the two previous years. */
	ck_assert_int_eq(h_tcall(admin, "award.list", &r, "year", "2025", NULL), 0);
	ck_assert_uint_gt(count(r, 1, "LDTT"), 200);
	ck_assert_uint_gt(count(r, 1, "CSTDCS"), 10);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(admin, "award.list", &r, "year", "2024", NULL), 0);
	ck_assert_uint_gt(count(r, 1, "LDTT"), 200);
	lrl_reply_free(r);
	lrl_close(admin);
	world_down(&w);
}
END_TEST

START_TEST(test_the_demo_nominations_are_eligible_failing_and_blocked)
{
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *admin;
	char buf[2048];

	world_up(&w);
	admin = login(&w, "quantri");
	ck_assert_int_eq(h_tcall(admin, "nomination.list", &r, "year", Y, NULL),
	                 0);
	ck_assert_uint_gt(count(r, 2, "eligible"), 200);
	ck_assert_uint_gt(count(r, 2, "not-eligible"), 5);
	/* One by the open complaint of the year, one by the complaint about
	 * a recipient of the published draft decision. */
	ck_assert_uint_eq(count(r, 2, "blocked"), 2);
	/* Every title of the year is proposed, for persons and units. */
	ck_assert_uint_gt(count(r, 1, "LDTT"), 200);
	ck_assert_uint_gt(count(r, 1, "CSTDCS"), 20);
	ck_assert_uint_gt(count(r, 1, "GK"), 10);
	ck_assert_uint_gt(count(r, 1, "TTLDTT"), 5);
	ck_assert_uint_gt(count(r, 7, "unit"), 10);
	/* A failing verdict names what fails. */
	for (uint32_t i = 0; i < nrows(r); i++)
		if (!strcmp(cell(r, i, 7, buf, sizeof buf), "not-eligible"))
			ck_assert_msg(cell(r, i, 8, buf, sizeof buf)[0],
			              "row %u fails without saying why", i);
	lrl_reply_free(r);
	/* The complaints that block them are open. */
	ck_assert_int_eq(h_tcall(admin, "matter.list", &r, "open", "true", NULL),
	                 0);
	ck_assert_uint_eq(nrows(r), 2);
	lrl_reply_free(r);
	lrl_close(admin);
	world_down(&w);
}
END_TEST

START_TEST(test_each_demo_account_sees_its_own_part_of_the_year)
{
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *c;
	char buf[64];

	world_up(&w);
	/* nhanvien: their own pledge, waiting for the head, … */
	c = login(&w, "nhanvien");
	ck_assert_int_eq(h_tcall(c, "pledge.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(nrows(r), 1);
	ck_assert_str_eq(cell(r, 0, 4, buf, sizeof buf), "submitted");
	lrl_reply_free(r);
	/* … their rating, and the head's proposal of LĐTT. */
	ck_assert_int_eq(h_tcall(c, "rating.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(nrows(r), 1);
	ck_assert_str_eq(cell(r, 0, 3, buf, sizeof buf), "HTTNV");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(c, "nomination.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(count(r, 1, "LDTT"), 1);
	lrl_reply_free(r);
	lrl_close(c);
	/* truongkhoa: pledges of Khoa Khám bệnh to endorse, and its
	 * nominations, one of them blocked. */
	c = login(&w, "truongkhoa");
	ck_assert_int_eq(h_tcall(c, "pledge.list", &r, "year", Y, "state",
	                         "submitted", NULL), 0);
	ck_assert_uint_ge(nrows(r), 2);
	ck_assert_uint_eq(count(r, 2, "KHAMBENH"), nrows(r));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(c, "nomination.list", &r, "year", Y, "unit",
	                         "KHAMBENH", NULL), 0);
	ck_assert_uint_gt(nrows(r), 15);
	ck_assert_uint_eq(count(r, 2, "blocked"), 1);
	ck_assert_uint_gt(count(r, 2, "not-eligible"), 0);
	lrl_reply_free(r);
	lrl_close(c);
	/* quantri: endorsed pledges to accept. */
	c = login(&w, "quantri");
	ck_assert_int_eq(h_tcall(c, "pledge.list", &r, "year", Y, "state",
	                         "endorsed", NULL), 0);
	ck_assert_uint_gt(nrows(r), 10);
	lrl_reply_free(r);
	lrl_close(c);
	/* giamdoc: the movements they launched. */
	c = login(&w, "giamdoc");
	ck_assert_int_eq(h_tcall(c, "movement.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_ge(nrows(r), 2);
	lrl_reply_free(r);
	lrl_close(c);
	/* thuky heads TCHC: its pledges, and the head of another unit's
	 * are out of reach. */
	c = login(&w, "thuky");
	ck_assert_int_eq(h_tcall(c, "pledge.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_gt(nrows(r), 10);
	ck_assert_uint_eq(count(r, 2, "TCHC"), nrows(r));
	lrl_reply_free(r);
	lrl_close(c);
	/* Every staff member with an account logs in with their staff code
	 * in lower case. */
	c = login(&w, "nv00004");
	ck_assert_int_eq(h_tcall(c, "session.whoami", &r, NULL), 0);
	lrl_reply_free(r);
	lrl_close(c);
	world_down(&w);
}
END_TEST

START_TEST(test_the_demo_store_verifies)
{
	struct verify_report rep;

	ck_assert_msg(demo_store[0], "no demo store: %s", demo_failure);
	ck_assert_msg(verify_store(demo_store, NULL, &rep) == 0, "verify: %s",
	              rep.reason);
	ck_assert_uint_gt(rep.events, 2000);
}
END_TEST

/* Before the registration deadline the year needs no reopened window, and
 * no pledge is late. */
START_TEST(test_a_demo_made_in_january_pledges_on_time)
{
	char dir[H_PATH_MAX], store[H_PATH_MAX + 16], clock[H_PATH_MAX + 16];
	char sock[H_PATH_MAX + 16];
	struct h_server srv;
	struct h_output o;
	struct lrl_reply *r = NULL;
	lrl_conn *c = NULL;
	int rc;

	ck_assert_int_eq(h_tmpdir(dir, sizeof dir), 0);
	snprintf(store, sizeof store, "%s/store", dir);
	snprintf(clock, sizeof clock, "%s/clock", dir);
	snprintf(sock, sizeof sock, "%s/s.sock", dir);
	ck_assert_int_eq(h_clock_write(clock, h_time("2027-01-05T02:00:00Z")), 0);
	rc = h_laureld(&o, NULL, "demo", "--store", store, "--clock-file", clock,
	               "--staff", "120", (const char *)NULL);
	ck_assert_msg(rc == 0, "laureld demo exited %d: %s%s", rc, o.out, o.err);
	h_output_free(&o);
	ck_assert_int_eq(h_server_start(&srv, store, sock, clock), 0);
	ck_assert_int_eq(h_login(sock, "quantri", DEMO_PASSWORD, &c), 0);
	ck_assert_int_eq(h_tcall(c, "pledge.list", &r, "year", "2027", NULL), 0);
	ck_assert_uint_gt(nrows(r), 80);
	ck_assert_uint_eq(count(r, 6, ""), nrows(r));
	lrl_reply_free(r);
	/* Titles held are those of 2025 and 2026. */
	ck_assert_int_eq(h_tcall(c, "award.list", &r, "year", "2026", NULL), 0);
	ck_assert_uint_gt(nrows(r), 50);
	lrl_reply_free(r);
	lrl_close(c);
	ck_assert_int_eq(h_server_stop(&srv), 0);
	h_rmtree(dir);
}
END_TEST

START_TEST(test_the_demo_signs_a_decision_publishes_a_draft_and_forwards_a_dossier)
{
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *c;
	char buf[256];

	world_up(&w);
	c = login(&w, "giamdoc");
	ck_assert_int_eq(h_tcall(c, "decision.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(count(r, 3, "signed"), 1);
	ck_assert_uint_eq(count(r, 3, "published"), 1);
	ck_assert_str_eq(cell(r, 0, 1, buf, sizeof buf), "1/QĐ-BV");
	lrl_reply_free(r);
	/* the fund: the deposit, and the signed decision's payment */
	ck_assert_int_eq(h_tcall(c, "fund.ledger", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(count(r, 0, "deposit"), 1);
	ck_assert_uint_eq(count(r, 0, "payment"), 1);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(c, "dossier.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(count(r, 3, "forwarded"), 1);
	lrl_reply_free(r);
	lrl_close(c);
	/* nhanvien: their complaint about the published draft, and the
	 * title of the signed decision on their record */
	c = login(&w, "nhanvien");
	ck_assert_int_eq(h_tcall(c, "complaint.list", &r, NULL), 0);
	ck_assert_uint_eq(count(r, 7, "pending"), 1);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(c, "nomination.list", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(count(r, 6, "decided"), 1);
	lrl_reply_free(r);
	lrl_close(c);
	world_down(&w);
}
END_TEST

Suite *suite_demo(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("demo");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_add_unchecked_fixture(tc, demo_setup, NULL);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_the_demo_opens_the_year_with_the_built_in_rulebook);
	tcase_add_test(tc, test_the_demo_has_pledges_in_every_state_and_some_missing);
	tcase_add_test(tc, test_the_demo_rates_most_staff_and_records_disciplines);
	tcase_add_test(tc, test_the_demo_nominations_are_eligible_failing_and_blocked);
	tcase_add_test(tc, test_each_demo_account_sees_its_own_part_of_the_year);
	tcase_add_test(tc, test_the_demo_signs_a_decision_publishes_a_draft_and_forwards_a_dossier);
	tcase_add_test(tc, test_the_demo_store_verifies);
	tcase_add_test(tc, test_a_demo_made_in_january_pledges_on_time);
	suite_add_tcase(s, tc);
	return s;
}
