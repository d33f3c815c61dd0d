/*
 * test_report.c — printable reports on the demo hospital (laureld demo at
 * the pinned clock: the same data every time): `laurel report …` as
 * terminal text compared with the expected files in tests/data/, as CSV
 * parsed back with libcsv, and as PDF checked with poppler's tools
 * (pdfinfo: A4 and the page count; pdftotext: the Vietnamese text with
 * its diacritics; pdftoppm: page 1 is not blank).
 *
 * The expected files are rewritten only when LAUREL_REGEN_EXPECTED=1 is
 * set (and the test then fails, so that a regeneration is never taken
 * for a pass); a missing file fails.  The part compared ends before the
 * store checkpoint, whose hashes differ between stores; the checkpoint
 * is checked against the store's own event count instead.
 */
#include <check.h>
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/mp.h"

#define DEMO_PASSWORD "laurel-demo-2026\n"
#define DATA_DIR "tests/data"

static char demo_dir[H_PATH_MAX];
static char demo_store[H_PATH_MAX + 16];
static char demo_clock[H_PATH_MAX + 16];
static char demo_failure[1024];
/* English labels whatever the runner's locale. */
static const char *const english_env[] = {"LANGUAGE=en", "LC_ALL=C.UTF-8",
                                          NULL};

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
		         "laureld demo exited %d: %.400s%.400s", rc, o.out,
		         o.err);
		demo_store[0] = '\0';
	}
	h_output_free(&o);
}

static void fixture_setup(void)
{
	h_fixture_setup();
	demo_setup();
}

/* Each test serves its own copy of the demo store and clock, made in
 * its own directory: what one test writes, no other sees. */
struct world {
	struct h_server srv;
	char dir[H_PATH_MAX];
	char store[H_PATH_MAX + 16];
	char clock[H_PATH_MAX + 16];
	char sock[H_PATH_MAX + 16];
};

static void world_up(struct world *w)
{
	struct h_output o;

	memset(w, 0, sizeof *w);
	ck_assert_msg(demo_store[0], "no demo store: %s", demo_failure);
	ck_assert_int_eq(h_tmpdir(w->dir, sizeof w->dir), 0);
	snprintf(w->store, sizeof w->store, "%s/store", w->dir);
	snprintf(w->clock, sizeof w->clock, "%s/clock", w->dir);
	snprintf(w->sock, sizeof w->sock, "%s/s.sock", w->dir);
	ck_assert_msg(h_run((const char *const[]){"/bin/cp", "-a", demo_store,
	                                          demo_clock, w->dir, NULL},
	                    NULL, &o) == 0,
	              "cannot copy the demo store: %s", o.err);
	h_output_free(&o);
	ck_assert_int_eq(h_server_start(&w->srv, w->store, w->sock, w->clock),
	                 0);
	h_extra_env = english_env;
}

static void world_down(struct world *w)
{
	h_extra_env = NULL;
	ck_assert_int_eq(h_server_stop(&w->srv), 0);
}

/* `laurel report WORDS…` as user; up to 8 words; standard output on a
 * pseudo-terminal when tty is set, else a pipe. */
static int run_on(struct world *w, struct h_output *o, const char *user,
                  const char *const *words, int tty)
{
	const char *argv[24];
	size_t n = 0;
	char prog[H_PATH_MAX];

	h_program("laurel", prog, sizeof prog);
	argv[n++] = prog;
	argv[n++] = "--socket";
	argv[n++] = w->sock;
	argv[n++] = "--user";
	argv[n++] = user;
	argv[n++] = "--password-stdin";
	argv[n++] = "report";
	for (size_t i = 0; words[i] && n < 23; i++)
		argv[n++] = words[i];
	argv[n] = NULL;
	return tty ? h_run_tty(argv, DEMO_PASSWORD, o)
	           : h_run(argv, DEMO_PASSWORD, o);
}

static int run(struct world *w, struct h_output *o, const char *user,
               const char *const *words)
{
	return run_on(w, o, user, words, 0);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = (size_t)ftell(f);
	rewind(f);
	buf = malloc(n + 1);
	if (buf && fread(buf, 1, n, f) != n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	if (len)
		*len = n;
	return buf;
}

/* The text before the store checkpoint; checks the checkpoint names
 * events events. */
static void check_checkpoint(char *out, long events)
{
	char *cp = strstr(out, "Store checkpoint: ");

	ck_assert_msg(cp != NULL, "no checkpoint in:\n%.2000s", out);
	ck_assert_int_eq(strtol(cp + strlen("Store checkpoint: "), NULL, 10),
	                 events);
	ck_assert_ptr_nonnull(strstr(cp, "laurel-checkpoint 1 "));
	*cp = '\0';
}

static long events_of(struct world *w)
{
	lrl_conn *c = NULL;
	long n;

	ck_assert_int_eq(h_login(w->sock, "quantri", "laurel-demo-2026", &c),
	                 0);
	n = (long)h_event_count(c);
	lrl_close(c);
	return n;
}

/* The audit trail's "from uid" column holds the runner's uid: the
 * expected text holds "UID" in its place (a column 8 wide). */
static void mask_uid(char *out)
{
	for (char *v = strstr(out, "  verified"); v; v = strstr(v + 1, "  "
	                                                               "verifie"
	                                                               "d"))
		if (v - out >= 8)
			memcpy(v - 8, "     UID", 8);
}

/* Compares the report's text with tests/data/NAME.txt. */
static void expect_text(struct world *w, const char *name,
                        const char *const *words)
{
	struct h_output o;
	char path[256];
	char *want;

	ck_assert_int_eq(run(w, &o, "quantri", words), 0);
	check_checkpoint(o.out, events_of(w));
	mask_uid(o.out);
	snprintf(path, sizeof path, "%s/%s.txt", DATA_DIR, name);
	if (getenv("LAUREL_REGEN_EXPECTED") &&
	    !strcmp(getenv("LAUREL_REGEN_EXPECTED"), "1")) {
		FILE *f = fopen(path, "wb");
		ck_assert_ptr_nonnull(f);
		fputs(o.out, f);
		fclose(f);
		h_output_free(&o);
		ck_abort_msg("%s rewritten: check it, then run without "
		             "LAUREL_REGEN_EXPECTED",
		             path);
	}
	want = slurp(path, NULL);
	ck_assert_msg(want != NULL, "%s is missing", path);
	ck_assert_str_eq(o.out, want);
	free(want);
	h_output_free(&o);
}

START_TEST(test_report_list_names_the_reports_a_role_may_print)
{
	struct world w;
	struct h_output o;

	world_up(&w);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"list", NULL}),
	                 0);
	for (const char *const *n =
	             (const char *const[]){"roster", "review", "annual",
	                                   "phase", "stats", "tasks", "audit",
	                                   "minutes", "decision", "fund",
	                                   "submission", NULL};
	     *n; n++)
		ck_assert_msg(strstr(o.out, *n), "%s missing:\n%s", *n, o.out);
	h_output_free(&o);
	ck_assert_int_eq(run(&w, &o, "nhanvien",
	                     (const char *const[]){"list", NULL}),
	                 0);
	ck_assert_ptr_nonnull(strstr(o.out, "tasks"));
	ck_assert_ptr_null(strstr(o.out, "audit"));
	ck_assert_ptr_null(strstr(o.out, "annual"));
	/* Decisions are public once published; the fund, the minutes and
	 * the monthly submission are not for staff. */
	ck_assert_ptr_nonnull(strstr(o.out, "decision"));
	ck_assert_ptr_null(strstr(o.out, "fund"));
	ck_assert_ptr_null(strstr(o.out, "minutes"));
	ck_assert_ptr_null(strstr(o.out, "submission"));
	h_output_free(&o);
	/* A council member sees the minutes, not the fund. */
	ck_assert_int_eq(run(&w, &o, "truongkhoa",
	                     (const char *const[]){"list", NULL}),
	                 0);
	ck_assert_ptr_nonnull(strstr(o.out, "minutes"));
	ck_assert_ptr_null(strstr(o.out, "fund"));
	h_output_free(&o);
	world_down(&w);
}
END_TEST

START_TEST(test_a_staff_member_may_not_print_the_annual_report)
{
	struct world w;
	struct h_output o;

	world_up(&w);
	ck_assert_int_ne(run(&w, &o, "nhanvien",
	                     (const char *const[]){"annual", "2026", NULL}),
	                 0);
	ck_assert_ptr_null(strstr(o.out, "ANNUAL REPORT"));
	ck_assert_ptr_nonnull(strstr(o.err, "laurel: report annual"));
	h_output_free(&o);
	world_down(&w);
}
END_TEST

START_TEST(test_the_registration_roster_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-roster",
	            (const char *const[]){"roster", "2026", "--unit",
	                                  "KHAMBENH", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_review_sheet_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-review",
	            (const char *const[]){"review", "2026", "--unit",
	                                  "KHAMBENH", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_annual_report_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-annual",
	            (const char *const[]){"annual", "2026", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_six_month_report_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-six-month",
	            (const char *const[]){"annual", "2026", "--period",
	                                  "six-month", "--unit", "KHAMBENH",
	                                  NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_phase_review_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-phase",
	            (const char *const[]){"phase", "--from", "2024", "--to",
	                                  "2026", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_statistics_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-stats",
	            (const char *const[]){"stats", "2025", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_plan_tasks_status_text_is_as_expected)
{
	struct world w;
	lrl_conn *admin = NULL;

	world_up(&w);
	ck_assert_int_eq(h_login(w.sock, "quantri", "laurel-demo-2026", &admin),
	                 0);
	ck_assert_int_eq(h_tcall(admin, "task.add", NULL, "year", "2026",
	                         "content",
	                         "Tổ chức Hội nghị tổng kết công tác "
	                         "thi đua, khen thưởng năm 2026",
	                         "lead", "TCHC", "with", "KHTH, DIEUDUONG",
	                         "due", "20/12/2026", "period", "Quý IV/2026",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(admin, "task.add", NULL, "year", "2026",
	                         "content",
	                         "Đăng ký thi đua của cá nhân và tập thể",
	                         "lead", "TCHC", "due", "10/01/2026", NULL),
	                 0);
	lrl_close(admin);
	expect_text(&w, "report-tasks",
	            (const char *const[]){"tasks", "2026", NULL});
	world_down(&w);
}
END_TEST

/* It moves its store's clock on a day, so that the day it reports holds
 * exactly the event it makes (the demo's own events include the store's
 * creation at the wall clock's time). */
START_TEST(test_the_audit_trail_text_is_as_expected)
{
	struct world w;
	lrl_conn *admin = NULL;

	world_up(&w);
	ck_assert_int_eq(h_clock_write(w.clock, h_time("2026-12-16T02:00:"
	                                                  "00Z")),
	                 0);
	ck_assert_int_eq(h_login(w.sock, "quantri", "laurel-demo-2026", &admin),
	                 0);
	ck_assert_int_eq(h_tcall(admin, "user.lang", NULL, "language", "en",
	                         NULL),
	                 0);
	lrl_close(admin);
	expect_text(&w, "report-audit",
	            (const char *const[]){"audit", "--from", "16/12/2026",
	                                  "--to", "16/12/2026", NULL});
	world_down(&w);
}
END_TEST

/* CSV parsed back: rows of fields. */
struct csv_rows {
	size_t nrows, nfields;
	char row[16][256]; /* the current row's first fields */
	int in_audit;
	long audit_rows;
	int saw_total_300;
	/* A row holding both fields (any columns). */
	const char *find_a, *find_b;
	int saw_find;
};

static void on_field(void *s, size_t len, void *arg)
{
	struct csv_rows *c = arg;

	if (c->nfields < 16)
		snprintf(c->row[c->nfields], sizeof c->row[0], "%.*s", (int)len,
		         (const char *)s);
	c->nfields++;
}

static void on_row(int ch, void *arg)
{
	struct csv_rows *c = arg;

	(void)ch;
	if (c->nfields == 1 && !strcmp(c->row[0], "Events"))
		c->in_audit = 1;
	else if (c->nfields == 1 && c->row[0][0] == '\0')
		c->in_audit = 0;
	else if (c->in_audit && c->nfields == 7 && strcmp(c->row[0], "Event"))
		c->audit_rows++;
	if (c->nfields >= 2 && !strcmp(c->row[0], "Total") &&
	    !strcmp(c->row[1], "300"))
		c->saw_total_300 = 1;
	if (c->find_a) {
		int a = 0, b = 0;
		for (size_t i = 0; i < c->nfields && i < 16; i++) {
			a |= !strcmp(c->row[i], c->find_a);
			b |= !strcmp(c->row[i], c->find_b);
		}
		c->saw_find |= a && b;
	}
	c->nrows++;
	c->nfields = 0;
	memset(c->row, 0, sizeof c->row);
}

static void parse_csv_find(const char *text, size_t len, struct csv_rows *rows,
                           const char *a, const char *b)
{
	struct csv_parser p;

	memset(rows, 0, sizeof *rows);
	rows->find_a = a;
	rows->find_b = b;
	ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI |
	                                      CSV_APPEND_NULL),
	                 0);
	ck_assert_uint_eq(csv_parse(&p, text, len, on_field, on_row, rows),
	                  len);
	ck_assert_int_eq(csv_fini(&p, on_field, on_row, rows), 0);
	csv_free(&p);
}

static void parse_csv(const char *text, size_t len, struct csv_rows *rows)
{
	parse_csv_find(text, len, rows, NULL, NULL);
}

START_TEST(test_the_annual_report_as_csv_parses_back_with_a_bom)
{
	struct world w;
	struct h_output o;
	struct csv_rows rows;
	char path[H_PATH_MAX + 32];
	char *csv;
	size_t len;

	world_up(&w);
	snprintf(path, sizeof path, "%s/annual.csv", demo_dir);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"annual", "2026", "--format",
	                                           "csv", "--bom", "-o", path,
	                                           NULL}),
	                 0);
	h_output_free(&o);
	csv = slurp(path, &len);
	ck_assert_ptr_nonnull(csv);
	ck_assert_mem_eq(csv, "\xEF\xBB\xBF", 3);
	parse_csv(csv + 3, len - 3, &rows);
	ck_assert_uint_gt(rows.nrows, 40);
	ck_assert_int_eq(rows.saw_total_300, 1);
	ck_assert_ptr_nonnull(strstr(csv, "Khoa Khám bệnh"));
	free(csv);
	world_down(&w);
}
END_TEST

START_TEST(test_a_long_audit_trail_spans_pages_and_loses_no_row)
{
	struct world w;
	struct h_output o;
	struct csv_rows rows;
	long events;

	world_up(&w);
	events = events_of(&w);
	ck_assert_int_gt(events, 2000); /* more than one page of the model */
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"audit", "--from",
	                                           "01/01/2000", "--to",
	                                           "31/12/2099", "--format",
	                                           "csv", NULL}),
	                 0);
	ck_assert_mem_ne(o.out, "\xEF\xBB\xBF", 3);
	parse_csv(o.out, strlen(o.out), &rows);
	ck_assert_int_eq(rows.audit_rows, events);
	h_output_free(&o);
	world_down(&w);
}
END_TEST

/* Runs a program and returns its standard output (caller frees). */
static char *tool(const char *const *argv)
{
	struct h_output o;
	char *out;

	ck_assert_msg(h_run(argv, NULL, &o) == 0, "%s failed: %s", argv[0],
	              o.err);
	out = o.out;
	o.out = NULL;
	h_output_free(&o);
	return out;
}

START_TEST(test_the_annual_report_pdf_is_a4_in_vietnamese)
{
	struct world w;
	struct h_output o;
	char pdf[H_PATH_MAX + 32];
	char *info, *text;
	const char *pages;

	world_up(&w);
	snprintf(pdf, sizeof pdf, "%s/annual.pdf", demo_dir);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"annual", "2026", "--format",
	                                           "pdf", "-o", pdf, NULL}),
	                 0);
	h_output_free(&o);
	info = tool((const char *const[]){"pdfinfo", pdf, NULL});
	ck_assert_ptr_nonnull(strstr(info, "595.276 x 841.89 pts (A4)"));
	pages = strstr(info, "Pages:");
	ck_assert_ptr_nonnull(pages);
	ck_assert_int_ge(strtol(pages + 6, NULL, 10), 2);
	free(info);
	text = tool((const char *const[]){"pdftotext", "-enc", "UTF-8", pdf,
	                                  "-", NULL});
	for (const char *const *s =
	             (const char *const[]){"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	                                   "Độc lập - Tự do - Hạnh phúc",
	                                   "ngày 15 tháng 12 năm 2026",
	                                   "BỆNH VIỆN PHỤC HỒI CHỨC",
	                                   "Khoa Khám bệnh",
	                                   "Khoa Y học cổ truyền",
	                                   "Thi đua đổi mới", "Nơi nhận",
	                                   "Store checkpoint", NULL};
	     *s; s++)
		ck_assert_msg(strstr(text, *s), "'%s' not in the PDF's text",
		              *s);
	free(text);
	world_down(&w);
}
END_TEST

START_TEST(test_the_roster_pdf_repeats_the_table_over_many_pages)
{
	struct world w;
	struct h_output o;
	char pdf[H_PATH_MAX + 32];
	char *info, *text;
	const char *pages;

	world_up(&w);
	snprintf(pdf, sizeof pdf, "%s/roster.pdf", demo_dir);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"roster", "2026", "--format",
	                                           "pdf", "-o", pdf, NULL}),
	                 0);
	h_output_free(&o);
	info = tool((const char *const[]){"pdfinfo", pdf, NULL});
	pages = strstr(info, "Pages:");
	ck_assert_ptr_nonnull(pages);
	ck_assert_int_ge(strtol(pages + 6, NULL, 10), 5);
	free(info);
	/* The header row is on the last page too; page 2 carries its number
	 * at the top. */
	text = tool((const char *const[]){"pdftotext", "-enc", "UTF-8", "-f",
	                                  "2", "-l", "2", pdf, "-", NULL});
	ck_assert_ptr_nonnull(strstr(text, "Full name"));
	ck_assert_int_eq(strtol(text, NULL, 10), 2);
	free(text);
	world_down(&w);
}
END_TEST

START_TEST(test_page_one_of_the_pdf_is_not_blank)
{
	struct world w;
	struct h_output o;
	char pdf[H_PATH_MAX + 32], img[H_PATH_MAX + 32], ppm[H_PATH_MAX + 40];
	unsigned char *px;
	size_t len, dark = 0;
	int width = 0, height = 0, maxv = 0, off = 0;

	world_up(&w);
	snprintf(pdf, sizeof pdf, "%s/stats.pdf", demo_dir);
	snprintf(img, sizeof img, "%s/page", demo_dir);
	snprintf(ppm, sizeof ppm, "%s.pgm", img);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"stats", "2025", "--format",
	                                           "pdf", "-o", pdf, NULL}),
	                 0);
	h_output_free(&o);
	free(tool((const char *const[]){"pdftoppm", "-gray", "-r", "40",
	                                "-singlefile", "-f", "1", "-l", "1",
	                                pdf, img, NULL}));
	px = (unsigned char *)slurp(ppm, &len);
	ck_assert_ptr_nonnull(px);
	ck_assert_int_eq(sscanf((char *)px, "P5 %d %d %d%n", &width, &height,
	                        &maxv, &off),
	                 3);
	ck_assert_uint_eq(len,
	                  (size_t)off + 1 + (size_t)width * (size_t)height);
	for (size_t i = (size_t)off + 1; i < len; i++)
		dark += px[i] < 128;
	/* Text and table rules: far more than a few specks, far less than a
	 * black page. */
	ck_assert_uint_gt(dark, (size_t)width * (size_t)height / 200);
	ck_assert_uint_lt(dark, (size_t)width * (size_t)height / 2);
	free(px);
	world_down(&w);
}
END_TEST

START_TEST(test_a_pdf_goes_to_a_pipe_but_not_to_a_terminal_without_o)
{
	struct world w;
	struct h_output o;
	char pdf[H_PATH_MAX + 16], *got;

	world_up(&w);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"tasks", "2026", "--format",
	                                           "pdf", NULL}),
	                 0);
	ck_assert_mem_eq(o.out, "%PDF-", 5);
	h_output_free(&o);
	/* Standard output a terminal (standard input still the password's
	 * pipe): refused as a usage error, and no PDF reaches the screen. */
	ck_assert_int_eq(run_on(&w, &o, "quantri",
	                        (const char *const[]){"tasks", "2026",
	                                              "--format", "pdf", NULL},
	                        1),
	                 2);
	ck_assert_msg(strstr(o.err, "a PDF goes to a file: give -o FILE"), "%s",
	              o.err);
	ck_assert_ptr_null(strstr(o.out, "%PDF"));
	h_output_free(&o);
	/* With -o, the file takes it and nothing of it reaches the
	 * terminal. */
	snprintf(pdf, sizeof pdf, "%s/tasks-tty.pdf", demo_dir);
	ck_assert_int_eq(run_on(&w, &o, "quantri",
	                        (const char *const[]){"tasks", "2026",
	                                              "--format", "pdf", "-o",
	                                              pdf, NULL},
	                        1),
	                 0);
	ck_assert_ptr_null(strstr(o.out, "%PDF"));
	ck_assert_ptr_nonnull(strstr(o.err, "tasks-tty.pdf: "));
	h_output_free(&o);
	got = slurp(pdf, NULL);
	ck_assert_ptr_nonnull(got);
	ck_assert_mem_eq(got, "%PDF-", 5);
	free(got);
	ck_assert_int_ne(run(&w, &o, "quantri",
	                     (const char *const[]){"tasks", "2026", "--format",
	                                           "json", NULL}),
	                 0);
	ck_assert_ptr_nonnull(strstr(o.err, "text, csv or pdf"));
	h_output_free(&o);
	world_down(&w);
}
END_TEST

START_TEST(test_the_roster_is_a_document_and_its_csv_the_list)
{
	struct world w;
	struct h_output o;

	world_up(&w);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"roster", "2026", "--unit",
	                                           "KHAMBENH", NULL}),
	                 0);
	/* A document: the issuer, the title, the table, the checkpoint. */
	ck_assert_ptr_nonnull(strstr(o.out, "Bệnh viện"));
	ck_assert_ptr_nonnull(strstr(o.out, "Store checkpoint"));
	ck_assert_ptr_nonnull(strstr(o.out, "Commitments"));
	h_output_free(&o);
	/* Its CSV is the list itself, for a spreadsheet. */
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"roster", "2026", "--unit",
	                                           "KHAMBENH", "--format",
	                                           "csv", "--bom", NULL}),
	                 0);
	ck_assert_mem_eq(o.out, "\xEF\xBB\xBFunit,staff,", 14);
	h_output_free(&o);
	world_down(&w);
}
END_TEST

/* ---- the council's minutes, decisions, the fund, the monthly exemplar --- */

START_TEST(test_the_minutes_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-minutes",
	            (const char *const[]){"minutes", "--round", "1", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_signed_decision_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-decision",
	            (const char *const[]){"decision", "QD-2026-001", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_draft_decision_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-decision-draft",
	            (const char *const[]){"decision", "--decision",
	                                  "QD-2026-002", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_fund_ledger_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-fund",
	            (const char *const[]){"fund", "--year", "2026", NULL});
	world_down(&w);
}
END_TEST

START_TEST(test_the_monthly_exemplar_letter_text_is_as_expected)
{
	struct world w;

	world_up(&w);
	expect_text(&w, "report-submission",
	            (const char *const[]){"submission", "--month", "11/2026",
	                                  NULL});
	world_down(&w);
}
END_TEST

/* `laurel report WORDS… --format csv` as quantri, parsed back; a row
 * must hold both a and b. */
static void expect_csv_row(struct world *w, const char *const *words,
                           const char *a, const char *b)
{
	const char *argv[16];
	struct h_output o;
	struct csv_rows rows;
	size_t n = 0;

	for (; words[n] && n < 12; n++)
		argv[n] = words[n];
	argv[n++] = "--format";
	argv[n++] = "csv";
	argv[n] = NULL;
	ck_assert_int_eq(run(w, &o, "quantri", argv), 0);
	parse_csv_find(o.out, strlen(o.out), &rows, a, b);
	ck_assert_msg(rows.saw_find, "no row with '%s' and '%s' in:\n%.3000s",
	              a, b, o.out);
	h_output_free(&o);
}

START_TEST(test_the_new_reports_as_csv_parse_back)
{
	struct world w;

	world_up(&w);
	expect_csv_row(&w, (const char *const[]){"minutes", "1", NULL},
	               "DN-2026-011", "100%");
	expect_csv_row(&w,
	               (const char *const[]){"decision", "QD-2026-001", NULL},
	               "Tổng cộng", "11.140.000 đ");
	expect_csv_row(&w,
	               (const char *const[]){"decision", "QD-2026-001", NULL},
	               "Nguyễn Phương An", "760.000 đ");
	expect_csv_row(&w, (const char *const[]){"fund", "2026", NULL},
	               "1/QĐ-BV", "288.860.000 đ");
	expect_csv_row(&w, (const char *const[]){"fund", "2026", NULL}, "Total",
	               "300.000.000 đ");
	expect_csv_row(&w, (const char *const[]){"submission", "11/2026", NULL},
	               "DH-2026-002", "Phạm Ngọc Quang");
	world_down(&w);
}
END_TEST

/* Writes report WORDS… as a PDF, checks it is A4 with at least pages
 * pages, and returns its text (caller frees). */
static char *pdf_text(struct world *w, const char *file,
                      const char *const *words, long pages)
{
	const char *argv[16];
	char pdf[H_PATH_MAX + 32];
	struct h_output o;
	char *info, *text;
	const char *pg;
	size_t n = 0;

	snprintf(pdf, sizeof pdf, "%s/%s", demo_dir, file);
	for (; words[n] && n < 10; n++)
		argv[n] = words[n];
	argv[n++] = "--format";
	argv[n++] = "pdf";
	argv[n++] = "-o";
	argv[n++] = pdf;
	argv[n] = NULL;
	ck_assert_int_eq(run(w, &o, "quantri", argv), 0);
	h_output_free(&o);
	info = tool((const char *const[]){"pdfinfo", pdf, NULL});
	ck_assert_ptr_nonnull(strstr(info, "595.276 x 841.89 pts (A4)"));
	pg = strstr(info, "Pages:");
	ck_assert_ptr_nonnull(pg);
	ck_assert_int_ge(strtol(pg + 6, NULL, 10), pages);
	free(info);
	text = tool((const char *const[]){"pdftotext", "-enc", "UTF-8", pdf,
	                                  "-", NULL});
	return text;
}

static void expect_all(const char *text, const char *const *want)
{
	for (; *want; want++)
		ck_assert_msg(strstr(text, *want),
		              "'%s' not in the PDF:\n%.3000s", *want, text);
}

START_TEST(test_the_signed_decision_pdf_reads_as_a_vietnamese_decision)
{
	struct world w;
	char *text;

	world_up(&w);
	/* The decision, and its annex on a page of its own. */
	text = pdf_text(&w, "decision.pdf",
	                (const char *const[]){"decision", "QD-2026-001", NULL},
	                2);
	expect_all(text, (const char *const[]){"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
	                                       "NAM",
	                                       "Độc lập - Tự do - Hạnh phúc",
	                                       "Số: 1/QĐ-BV",
	                                       "ngày 15 tháng 12 năm 2026",
	                                       "QUYẾT ĐỊNH",
	                                       "Về việc tặng danh hiệu thi đua",
	                                       "Căn cứ Luật Thi đua, khen "
	                                       "thưởng",
	                                       "Điều 1.",
	                                       "Điều 2.",
	                                       "Điều 3.",
	                                       "Nơi nhận:",
	                                       "Như Điều 3;",
	                                       "GIÁM ĐỐC",
	                                       "Lê Thanh Ân",
	                                       "DANH SÁCH CÁ NHÂN, TẬP THỂ "
	                                       "ĐƯỢC KHEN THƯỞNG",
	                                       "Kèm theo Quyết định số 1/QĐ-BV",
	                                       "STT",
	                                       "Họ và tên",
	                                       "Chiến sĩ thi đua cơ sở",
	                                       "Tổng cộng",
	                                       "11.140.000 đ",
	                                       NULL});
	ck_assert_ptr_null(strstr(text, "DỰ THẢO"));
	free(text);
	world_down(&w);
}
END_TEST

START_TEST(test_a_draft_decision_pdf_is_stamped_and_has_no_number)
{
	struct world w;
	char *text;
	const char *so;

	world_up(&w);
	text = pdf_text(&w, "draft.pdf",
	                (const char *const[]){"decision", "QD-2026-002", NULL},
	                2);
	expect_all(text,
	           (const char *const[]){"DỰ THẢO", "QUYẾT ĐỊNH", "Điều 1.",
	                                 "Nơi nhận:", "4.050.000 đ", NULL});
	so = strstr(text, "Số:");
	ck_assert_ptr_nonnull(so);
	so += strlen("Số:");
	while (*so == ' ' || *so == '\n')
		so++;
	ck_assert_msg(*so == '/', "a draft carries a number: %.40s", so);
	free(text);
	world_down(&w);
}
END_TEST

START_TEST(test_the_minutes_fund_and_letter_pdfs_hold_their_facts)
{
	struct world w;
	char *text;

	world_up(&w);
	text = pdf_text(&w, "minutes.pdf",
	                (const char *const[]){"minutes", "1", NULL}, 1);
	expect_all(text, (const char *const[]){"MINUTES OF THE MEETING",
	                                       "Phiên họp thứ nhất xét danh "
	                                       "hiệu năm 2026",
	                                       "Nguyễn Đức Thành",
	                                       "Lê Thanh Ân", "DN-2026-006",
	                                       "Thành tích công tác chuyên môn",
	                                       "COUNCIL SECRETARY",
	                                       "COUNCIL CHAIR", NULL});
	ck_assert_ptr_null(strstr(text, "Nơi nhận"));
	free(text);
	text = pdf_text(&w, "fund.pdf",
	                (const char *const[]){"fund", "2026", NULL}, 1);
	expect_all(text, (const char *const[]){"REWARD FUND LEDGER", "1/QĐ-BV",
	                                       "QD-2026-001", "288.860.000 đ",
	                                       "Trích lập", NULL});
	free(text);
	text = pdf_text(&w, "letter.pdf",
	                (const char *const[]){"submission", "11/2026", NULL},
	                1);
	expect_all(text,
	           (const char *const[]){"Sở Y tế", "Phạm Ngọc Quang",
	                                 "bệnh án điện tử", "Nơi nhận:",
	                                 "ngày 03 tháng 11 năm 2026",
	                                 "/BV-TCHC", "11/2026", NULL});
	/* A letter: a subject line under the number, no title. */
	ck_assert_ptr_null(strstr(text, "INTRODUCTION OF AN ADVANCED"));
	free(text);
	world_down(&w);
}
END_TEST

/* Runs report WORDS… as user: it fails, and its message names param. */
static void expect_refusal(struct world *w, const char *user,
                           const char *const *words, const char *param)
{
	struct h_output o;

	ck_assert_int_ne(run(w, &o, user, words), 0);
	ck_assert_msg(strstr(o.err, param), "'%s' not in: %s", param, o.err);
	ck_assert_ptr_null(strstr(o.out, "Store checkpoint"));
	h_output_free(&o);
}

START_TEST(test_bad_input_to_the_new_reports_names_the_parameter)
{
	struct world w;

	world_up(&w);
	expect_refusal(&w, "quantri",
	               (const char *const[]){"minutes", "2", NULL},
	               "round: round 2 is open");
	expect_refusal(&w, "quantri",
	               (const char *const[]){"minutes", "99", NULL}, "round");
	expect_refusal(&w, "quantri",
	               (const char *const[]){"decision", "QD-2026-099", NULL},
	               "decision: there is no decision QD-2026-099");
	expect_refusal(&w, "quantri",
	               (const char *const[]){"submission", "12/2026", NULL},
	               "month: no exemplar was sent for 12/2026");
	expect_refusal(&w, "quantri",
	               (const char *const[]){"submission", "13/2026", NULL},
	               "month");
	expect_refusal(&w, "nhanvien",
	               (const char *const[]){"fund", "2026", NULL},
	               "report fund");
	expect_refusal(&w, "nhanvien",
	               (const char *const[]){"minutes", "1", NULL},
	               "report minutes");
	world_down(&w);
}
END_TEST

START_TEST(test_a_draft_letter_is_printed_for_a_named_exemplar)
{
	struct world w;
	struct h_output o;

	world_up(&w);
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"submission", "12/2026",
	                                           "--exemplar", "DH-2026-001",
	                                           NULL}),
	                 0);
	ck_assert_ptr_nonnull(strstr(o.out, "[ DRAFT ]"));
	ck_assert_ptr_nonnull(strstr(o.out, "DH-2026-001"));
	h_output_free(&o);
	world_down(&w);
}
END_TEST

/* Without LANGUAGE, a report is a document in the account's language:
 * Vietnamese for the demo's accounts. */
START_TEST(test_a_report_is_in_the_readers_language)
{
	static const char *const vi_env[] = {"LANGUAGE=", "LC_ALL=C.UTF-8",
	                                     NULL};
	struct world w;
	struct h_output o;

	world_up(&w);
	h_extra_env = vi_env;
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"tasks", "2026", NULL}),
	                 0);
	ck_assert_msg(strstr(o.out, "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KẾ HOẠCH") &&
	                  strstr(o.out, "Chủ trì") &&
	                  !strstr(o.out, "PLAN TASKS STATUS"),
	              "%s", o.out);
	h_output_free(&o);
	/* The review sheet's states, verdicts and failing criteria too. */
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"review", "2026", "--unit",
	                                           "KHAMBENH", NULL}),
	                 0);
	ck_assert_msg(strstr(o.out, "chưa đủ") && strstr(o.out, "không đạt") &&
	                  !strstr(o.out, "not-eligible") &&
	                  !strstr(o.out, "none of the"),
	              "%s", o.out);
	/* A discipline level inside a failing criterion reads in Vietnamese
	 * too ("khiển trách từ 14/08/2026 …"). */
	ck_assert_msg(strstr(o.out, "khiển") && !strstr(o.out, "reprimand"),
	              "%s", o.out);
	h_output_free(&o);
	h_extra_env = english_env;
	ck_assert_int_eq(run(&w, &o, "quantri",
	                     (const char *const[]){"tasks", "2026", NULL}),
	                 0);
	ck_assert_msg(strstr(o.out, "PLAN TASKS STATUS"), "%s", o.out);
	h_output_free(&o);
	world_down(&w);
}
END_TEST

Suite *suite_report(void);

Suite *suite_report(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_unchecked_fixture(tc, fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_report_list_names_the_reports_a_role_may_print);
	tcase_add_test(tc, test_a_staff_member_may_not_print_the_annual_report);
	tcase_add_test(tc, test_the_registration_roster_text_is_as_expected);
	tcase_add_test(tc, test_the_review_sheet_text_is_as_expected);
	tcase_add_test(tc, test_the_annual_report_text_is_as_expected);
	tcase_add_test(tc, test_the_six_month_report_text_is_as_expected);
	tcase_add_test(tc, test_the_phase_review_text_is_as_expected);
	tcase_add_test(tc, test_the_statistics_text_is_as_expected);
	tcase_add_test(tc,
	               test_the_annual_report_as_csv_parses_back_with_a_bom);
	tcase_add_test(tc,
	               test_a_long_audit_trail_spans_pages_and_loses_no_row);
	tcase_add_test(tc, test_the_annual_report_pdf_is_a4_in_vietnamese);
	tcase_add_test(tc,
	               test_the_roster_pdf_repeats_the_table_over_many_pages);
	tcase_add_test(tc, test_page_one_of_the_pdf_is_not_blank);
	tcase_add_test(
		tc, test_a_pdf_goes_to_a_pipe_but_not_to_a_terminal_without_o);
	tcase_add_test(tc, test_the_roster_is_a_document_and_its_csv_the_list);
	tcase_add_test(tc, test_the_minutes_text_is_as_expected);
	tcase_add_test(tc, test_the_signed_decision_text_is_as_expected);
	tcase_add_test(tc, test_the_draft_decision_text_is_as_expected);
	tcase_add_test(tc, test_the_fund_ledger_text_is_as_expected);
	tcase_add_test(tc,
	               test_the_monthly_exemplar_letter_text_is_as_expected);
	tcase_add_test(tc, test_the_new_reports_as_csv_parse_back);
	tcase_add_test(
		tc,
		test_the_signed_decision_pdf_reads_as_a_vietnamese_decision);
	tcase_add_test(tc,
	               test_a_draft_decision_pdf_is_stamped_and_has_no_number);
	tcase_add_test(tc,
	               test_the_minutes_fund_and_letter_pdfs_hold_their_facts);
	tcase_add_test(tc,
	               test_bad_input_to_the_new_reports_names_the_parameter);
	tcase_add_test(tc, test_a_draft_letter_is_printed_for_a_named_exemplar);
	tcase_add_test(tc, test_the_plan_tasks_status_text_is_as_expected);
	tcase_add_test(tc, test_a_report_is_in_the_readers_language);
	tcase_add_test(tc, test_the_audit_trail_text_is_as_expected);
	suite_add_tcase(s, tc);
	return s;
}
