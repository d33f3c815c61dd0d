/*
 * test_exemplar.c — exemplars and models through a real laureld: the
 * stages found → nurtured → summarised → replicated (or dropped) and the
 * moves refused; models' plans, evaluations, assessment and adoption; the
 * per-unit shortfalls against the plans' targets on a fixed dataset; the
 * monthly submission and its reminder with the pinned clock across a
 * month boundary; honouring events; and the web pages the CLI exports:
 * every stored string escaped, every link of the index pointing at a file
 * that exists, unrelated files left alone.
 */
#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "laurel/action.h"
#include "laurel/err.h"
#include "laurel/mp.h"

#define PW "mật khẩu thử nghiệm 2026"

struct world {
	struct h_env e;
	lrl_conn *admin, *binh, *duc;
};

static void unit(struct world *w, const char *code, const char *name,
                 const char *kind, const char *parent)
{
	ck_assert_int_eq(h_unit(w->admin, code, name, kind, parent), 0);
}

static void staff(struct world *w, const char *code, const char *name,
                  const char *unit_code)
{
	ck_assert_int_eq(h_staff(w->admin, code, name, "nữ", unit_code), 0);
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
	staff(w, "KB1", "Nguyễn Thị Thu Hà", "KHAMBENH");
	staff(w, "KB2", "Trần Văn Bình", "KHAMBENH");
	staff(w, "KB3", "Phạm Thị Lan", "PKNGOAI");
	staff(w, "DU1", "Lê Minh Đức", "DUOC");
	staff(w, "DU2", "Hoàng Thị Mai", "DUOC");
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", "2026",
	                         "rulebook", "2026", "registration", "10/01/2026",
	                         "annual-report", "20/12/2026", "exemplar-day",
	                         "5", NULL), 0);
	w->binh = h_account(w->admin, w->e.srv.sock, "binh", "Trần Văn Bình",
	                    "KB2", PW, "head", "KHAMBENH");
	ck_assert_ptr_nonnull(w->binh);
	w->duc = h_account(w->admin, w->e.srv.sock, "duc", "Lê Minh Đức", "DU1",
	                   PW, "head", "DUOC");
	ck_assert_ptr_nonnull(w->duc);
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

/* Moves the pinned clock to iso, a UTC time: the monthly submission's
 * tests step it across the days that matter in Vietnam (UTC+7). */
static void clock_at(struct world *w, const char *iso)
{
	ck_assert_int_eq(h_clock_write(w->e.clock, h_time(iso)), 0);
}

/* exemplar.add of a person (staff) or a collective (unit) of 2026, as c;
 * asserts it is accepted. */
static void exemplar(lrl_conn *c, const char *staff_code, const char *unit_code,
                     const char *field)
{
	int rc;

	if (staff_code)
		rc = h_tcall(c, "exemplar.add", NULL, "year", "2026", "staff",
		             staff_code, "field", field, "achievements",
		             "03/2026: giảm thời gian chờ khám 30%", NULL);
	else
		rc = h_tcall(c, "exemplar.add", NULL, "year", "2026", "unit",
		             unit_code, "field", field, "achievements",
		             "Cả năm 2026: không có sự cố y khoa", NULL);
	ck_assert_int_eq(rc, 0);
}

/* work.add of a model of unit_code in 2026, named name, as c; asserts it
 * is accepted. */
static void model(lrl_conn *c, const char *name, const char *unit_code)
{
	ck_assert_int_eq(h_tcall(c, "work.add", NULL, "year", "2026", "kind",
	                         "model", "name", name, "unit", unit_code,
	                         NULL),
	                 0);
}

/* Takes a found exemplar through its next two stages as c: nurtured with
 * support (and note), then summarised.  A summarised exemplar is the one
 * proposed first for the monthly submission, and the one that can be
 * replicated. */
static void nurture_and_summarise(lrl_conn *c, const char *code,
                                  const char *support, const char *note,
                                  const char *summary)
{
	ck_assert_int_eq(h_tcall(c, "exemplar.nurture", NULL, "exemplar", code,
	                         "support", support, "note", note, NULL),
	                 0);
	ck_assert_int_eq(h_tcall(c, "exemplar.summarise", NULL, "exemplar",
	                         code, "summary", summary, NULL),
	                 0);
}

/* The reply's refusal reason contains sub. */
static void refused(lrl_conn *c, int code, const char *field, const char *sub,
                    const char *action, ...)
{
	struct lrl_reply *r = NULL;
	const char *k[8], *v[8];
	size_t n = 0;
	va_list ap;
	int rc;

	va_start(ap, action);
	while (n < 8 && (k[n] = va_arg(ap, const char *)) != NULL)
		v[n] = va_arg(ap, const char *), n++;
	va_end(ap);
	switch (n) {
	case 1: rc = h_tcall(c, action, &r, k[0], v[0], NULL); break;
	case 2: rc = h_tcall(c, action, &r, k[0], v[0], k[1], v[1], NULL); break;
	case 3:
		rc = h_tcall(c, action, &r, k[0], v[0], k[1], v[1], k[2], v[2],
		             NULL);
		break;
	case 4:
		rc = h_tcall(c, action, &r, k[0], v[0], k[1], v[1], k[2], v[2],
		             k[3], v[3], NULL);
		break;
	case 5:
		rc = h_tcall(c, action, &r, k[0], v[0], k[1], v[1], k[2], v[2],
		             k[3], v[3], k[4], v[4], NULL);
		break;
	default:
		rc = h_tcall(c, action, &r, k[0], v[0], k[1], v[1], k[2], v[2],
		             k[3], v[3], k[4], v[4], k[5], v[5], NULL);
		break;
	}
	ck_assert_int_eq(rc, code);
	if (field)
		ck_assert_str_eq(r->field, field);
	ck_assert_msg(strstr(r->message, sub) != NULL, "'%s' not in '%s'", sub,
	              r->message);
	lrl_reply_free(r);
}

/* The rows of a list action with its parameters (NULL-terminated pairs):
 * column col of each row into out (at most max rows); returns the count. */
static size_t column(lrl_conn *c, const char *action, size_t col,
                     char out[][128], size_t max, const char *k1,
                     const char *v1, const char *k2, const char *v2)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	size_t n = 0;
	int rc;

	if (k2)
		rc = h_tcall(c, action, &r, k1, v1, k2, v2, NULL);
	else
		rc = h_tcall(c, action, &r, k1, v1, NULL);
	ck_assert_int_eq(rc, 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_ptr_nonnull(rows);
	for (uint32_t i = 0; i < rows->via.array.size && n < max; i++, n++) {
		const msgpack_object *cell = &rows->via.array.ptr[i].via.array.ptr[col];
		uint64_t u;
		if (cell->type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
		    mp_get_u64(cell, &u) == 0)
			snprintf(out[n], 128, "%llu", (unsigned long long)u);
		else if (mp_get_strbuf(cell, out[n], 128) != 0)
			out[n][0] = '\0';
	}
	lrl_reply_free(r);
	return n;
}

/* Does some row of exemplar.warnings 2026 start with what, subject? */
static int warned(lrl_conn *c, const char *what, const char *subject)
{
	char kinds[32][128], subjects[32][128];
	size_t n = column(c, "exemplar.warnings", 0, kinds, 32, "year", "2026",
	                  NULL, NULL);

	column(c, "exemplar.warnings", 1, subjects, 32, "year", "2026", NULL,
	       NULL);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(kinds[i], what) && !strcmp(subjects[i], subject))
			return 1;
	return 0;
}

START_TEST(test_stages_follow_each_other_and_impossible_moves_are_refused)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char buf[512];

	world_up(&w);
	exemplar(w.binh, "KB1", NULL, "quality-of-care");
	refused(w.admin, LRL_ESTATE, "exemplar", "summarise it first",
	        "exemplar.replicate", "exemplar", "DH-2026-001", "where", "DUOC",
	        NULL);
	refused(w.admin, LRL_ESTATE, "exemplar", "nurture it first",
	        "exemplar.summarise", "exemplar", "DH-2026-001", "summary",
	        "Kết quả", NULL);
	ck_assert_int_eq(h_tcall(w.binh, "exemplar.nurture", NULL, "exemplar",
	                         "DH-2026-001", "support", "training", "note",
	                         "Cử đi học lớp quản lý chất lượng", NULL), 0);
	/* More support while nurtured. */
	ck_assert_int_eq(h_tcall(w.binh, "exemplar.nurture", NULL, "exemplar",
	                         "DH-2026-01", "support", "mentoring", "note",
	                         "Trưởng khoa kèm cặp", NULL), 0);
	refused(w.admin, LRL_ESTATE, "exemplar", "summarise it first",
	        "exemplar.replicate", "exemplar", "DH-2026-001", "where", "DUOC",
	        NULL);
	ck_assert_int_eq(h_tcall(w.binh, "exemplar.summarise", NULL, "exemplar",
	                         "DH-2026-001", "summary",
	                         "Thời gian chờ khám giảm từ 45 xuống 30 phút",
	                         NULL), 0);
	refused(w.admin, LRL_ESTATE, "exemplar", "only a found or nurtured",
	        "exemplar.nurture", "exemplar", "DH-2026-001", "support",
	        "resources", "note", "Thêm máy", NULL);
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.replicate", NULL, "exemplar",
	                         "DH-2026-001", "where", "Khoa Dược – Vật tư",
	                         NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.drop", NULL, "exemplar",
	                         "DH-2026-001", "reason", "Chuyển công tác",
	                         NULL), 0);
	refused(w.admin, LRL_ESTATE, "exemplar", "already dropped",
	        "exemplar.drop", "exemplar", "DH-2026-001", "reason", "lần nữa",
	        NULL);
	refused(w.admin, LRL_ENOENT, "exemplar", "DH-2026-009",
	        "exemplar.nurture", "exemplar", "DH-2026-009", "support",
	        "training", "note", "x", NULL);
	/* The history names who, the stage, the support and the note. */
	ck_assert_int_eq(h_tcall(w.duc, "exemplar.show", &r, "exemplar",
	                         "DH-2026-001", NULL), 0);
	ck_assert_int_eq(h_record_str(r, "stage", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "dropped");
	ck_assert_int_eq(h_record_str(r, "stage-1", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · binh · found");
	ck_assert_int_eq(h_record_str(r, "stage-2", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · binh · nurtured (training)"
	                      " — Cử đi học lớp quản lý chất lượng");
	ck_assert_int_eq(h_record_str(r, "stage-4", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · binh · summarised — Thời "
	                      "gian chờ khám giảm từ 45 xuống 30 phút");
	ck_assert_int_eq(h_record_str(r, "stage-6", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "15/12/2026 08:00:00 · admin · dropped — Chuyển "
	                      "công tác");
	ck_assert_int_eq(h_record_str(r, "summary", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Thời gian chờ khám giảm từ 45 xuống 30 phút");
	ck_assert_int_eq(h_record_str(r, "found-by", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "binh");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_bad_input_and_other_units_are_refused)
{
	struct world w;

	world_up(&w);
	refused(w.admin, LRL_EINVAL, "staff", "either", "exemplar.add", "year",
	        "2026", "staff", "KB1", "unit", "KHAMBENH", "field", "charity",
	        "achievements", "x", NULL);
	refused(w.admin, LRL_EINVAL, "found", "after today", "exemplar.add",
	        "year", "2026", "unit", "DUOC", "field", "charity", "found",
	        "16/12/2026", "achievements", "x", NULL);
	refused(w.admin, LRL_ENOENT, "through", "NOPE", "exemplar.add", "year",
	        "2026", "unit", "DUOC", "field", "charity", "through", "NOPE",
	        "achievements", "x", NULL);
	/* A head records exemplars of their own unit only. */
	refused(w.duc, LRL_EPERM, NULL, "own unit", "exemplar.add", "year",
	        "2026", "staff", "KB1", "field", "charity", "achievements", "x",
	        NULL);
	exemplar(w.duc, "DU2", NULL, "charity");
	refused(w.binh, LRL_EPERM, NULL, "own unit", "exemplar.nurture",
	        "exemplar", "DH-2026-001", "support", "training", "note", "x",
	        NULL);
	world_down(&w);
}
END_TEST

START_TEST(test_publicity_links_must_be_http_or_https)
{
	struct world w;
	struct lrl_reply *r = NULL;
	static const char *const bad[] = {"javascript:alert(1)",
	                                  "ftp://benhvien.vn/a",
	                                  "https://benhvien.vn/a\"onclick=x",
	                                  "http:///path", "https://a b"};
	char buf[512];

	world_up(&w);
	exemplar(w.duc, "DU2", NULL, "charity");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(h_tcall(w.duc, "exemplar.publicise", &r, "exemplar",
		                         "DH-2026-001", "kind", "facebook", "date",
		                         "01/12/2026", "channel", "Fanpage bệnh viện",
		                         "title", "Bài viết", "link", bad[i], NULL),
		                 LRL_EINVAL);
		ck_assert_str_eq(r->field, "link");
		lrl_reply_free(r);
	}
	ck_assert_int_eq(h_tcall(w.duc, "exemplar.publicise", NULL, "exemplar",
	                         "DH-2026-001", "kind", "newspaper", "date",
	                         "02/12/2026", "channel", "Báo Sức khỏe & Đời sống",
	                         "title", "Người điều dưỡng tận tụy", "link",
	                         "https://suckhoedoisong.vn/bai-viet?id=1&p=2",
	                         NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.show", &r, "exemplar",
	                         "DH-2026-001", NULL), 0);
	ck_assert_int_eq(h_record_str(r, "publicity-1", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "02/12/2026 · newspaper · Báo Sức khỏe & Đời sống "
	                      "· Người điều dưỡng tận tụy · "
	                      "https://suckhoedoisong.vn/bai-viet?id=1&p=2");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_models_are_planned_evaluated_assessed_and_adopted)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char buf[512], codes[8][128], cells[8][128];

	world_up(&w);
	model(w.binh, "Khám bệnh không chờ đợi", "KHAMBENH");
	ck_assert_int_eq(h_tcall(w.binh, "work.add", NULL, "year", "2026", "kind",
	                         "initiative", "name", "Phiếu hẹn điện tử",
	                         "authors", "KB2", NULL), 0);
	refused(w.admin, LRL_EINVAL, "code", "not a model", "model.plan", "code",
	        "SK-2026-001", "plan", "x", NULL);
	refused(w.duc, LRL_EPERM, NULL, "own unit", "model.plan", "code",
	        "MH-2026-001", "plan", "x", NULL);
	ck_assert_int_eq(h_tcall(w.binh, "model.plan", NULL, "code",
	                         "MH-2026-001", "plan",
	                         "Quý I: khảo sát; Quý II: triển khai",
	                         "participants", "KB1, kb3", NULL), 0);
	refused(w.admin, LRL_ESTATE, "code", "no evaluation", "model.assess",
	        "code", "MH-2026-001", "assessment", "Tốt", NULL);
	ck_assert_int_eq(h_tcall(w.binh, "model.evaluate", NULL, "code",
	                         "MH-2026-001", "date", "30/06/2026", "result",
	                         "Giảm 20% thời gian chờ", "evidence",
	                         "Số liệu HIS quý II", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "model.assess", NULL, "code",
	                         "MH-2026-001", "assessment",
	                         "Hiệu quả, đề nghị nhân rộng", NULL), 0);
	refused(w.admin, LRL_EINVAL, "units", "--body", "model.adopt", "code",
	        "MH-2026-001", "date", "01/10/2026", NULL);
	refused(w.admin, LRL_EINVAL, "units", "own unit", "model.adopt", "code",
	        "MH-2026-001", "date", "01/10/2026", "units", "KHAMBENH", NULL);
	ck_assert_int_eq(h_tcall(w.admin, "model.adopt", NULL, "code",
	                         "MH-2026-001", "date", "01/10/2026", "units",
	                         "DUOC", "body", "Trung tâm Y tế huyện Phú Lộc",
	                         NULL), 0);
	ck_assert_int_eq(h_tcall(w.duc, "model.show", &r, "code", "MH-2026-001",
	                         NULL), 0);
	ck_assert_int_eq(h_record_str(r, "participants", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "KB1 Nguyễn Thị Thu Hà, KB3 Phạm Thị Lan");
	ck_assert_int_eq(h_record_str(r, "evaluation-1", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "30/06/2026 · Giảm 20% thời gian chờ — Số liệu HIS "
	                      "quý II");
	ck_assert_int_eq(h_record_str(r, "adopted-1", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "01/10/2026 · DUOC; Trung tâm Y tế huyện Phú Lộc");
	ck_assert_int_eq(h_record_str(r, "assessment", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Hiệu quả, đề nghị nhân rộng");
	lrl_reply_free(r);
	/* The list holds models only. */
	ck_assert_uint_eq(column(w.duc, "model.list", 0, codes, 8, "year", "2026",
	                         NULL, NULL), 1);
	ck_assert_str_eq(codes[0], "MH-2026-001");
	column(w.duc, "model.list", 5, cells, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(cells[0], "1");
	column(w.duc, "model.list", 7, cells, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(cells[0], "DUOC; Trung tâm Y tế huyện Phú Lộc");
	world_down(&w);
}
END_TEST

/*
 * The fixed dataset: KHAMBENH (with its sub-unit PKNGOAI) has a model, a
 * collective exemplar (PKNGOAI's, counted for KHAMBENH) and two
 * individuals (one of PKNGOAI); DUOC has one individual and a dropped
 * collective; TCHC has nothing.
 */
START_TEST(test_target_shortfalls_per_unit)
{
	struct world w;
	char units[8][128], ms[8][128], cs[8][128], is[8][128];
	size_t n;

	world_up(&w);
	model(w.binh, "Khám bệnh không chờ đợi", "KHAMBENH");
	exemplar(w.admin, NULL, "PKNGOAI", "medical-ethics");  /* DH-2026-001 */
	exemplar(w.admin, "KB1", NULL, "quality-of-care");     /* 002 */
	exemplar(w.admin, "KB3", NULL, "digital-transformation"); /* 003 */
	exemplar(w.admin, "DU2", NULL, "charity");             /* 004 */
	exemplar(w.admin, NULL, "DUOC", "prevention");         /* 005 */
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.drop", NULL, "exemplar",
	                         "DH-2026-005", "reason", "Không đạt", NULL), 0);
	n = column(w.admin, "exemplar.targets", 0, units, 8, "year", "2026", NULL,
	           NULL);
	column(w.admin, "exemplar.targets", 5, ms, 8, "year", "2026", NULL, NULL);
	column(w.admin, "exemplar.targets", 6, cs, 8, "year", "2026", NULL, NULL);
	column(w.admin, "exemplar.targets", 7, is, 8, "year", "2026", NULL, NULL);
	/* Units in id order; the sub-unit is not a row of its own. */
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(units[0], "TCHC");
	ck_assert_str_eq(ms[0], "1");
	ck_assert_str_eq(cs[0], "1");
	ck_assert_str_eq(is[0], "2");
	ck_assert_str_eq(units[1], "KHAMBENH");
	ck_assert_str_eq(ms[1], "0");
	ck_assert_str_eq(cs[1], "0");
	ck_assert_str_eq(is[1], "0");
	ck_assert_str_eq(units[2], "DUOC");
	ck_assert_str_eq(ms[2], "1");
	ck_assert_str_eq(cs[2], "1");
	ck_assert_str_eq(is[2], "1");
	/* Only the short ones; a head sees their own unit. */
	n = column(w.admin, "exemplar.targets", 0, units, 8, "year", "2026",
	           "short", "yes");
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(units[0], "TCHC");
	ck_assert_str_eq(units[1], "DUOC");
	n = column(w.duc, "exemplar.targets", 0, units, 8, "year", "2026", NULL,
	           NULL);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(units[0], "DUOC");
	/* The warnings name the same units, and the cluster (plan 002). */
	ck_assert(warned(w.admin, "unit-short", "DUOC"));
	ck_assert(warned(w.admin, "unit-short", "TCHC"));
	ck_assert(!warned(w.admin, "unit-short", "KHAMBENH"));
	ck_assert(warned(w.admin, "cluster-short", "2026"));
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.introduce", NULL, "exemplar",
	                         "DH-2026-001", "date", "10/12/2026", "cluster",
	                         "Cụm thi đua các bệnh viện tuyến tỉnh", NULL), 0);
	ck_assert(warned(w.admin, "cluster-short", "2026"));
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.introduce", NULL, "exemplar",
	                         "DH-2026-002", "date", "10/12/2026", NULL), 0);
	ck_assert(!warned(w.admin, "cluster-short", "2026"));
	/* A year without an honouring event is warned about. */
	ck_assert(warned(w.admin, "no-ceremony", "2026"));
	refused(w.admin, LRL_ENOENT, "honoured", "DH-2026-077", "ceremony.add",
	        "year", "2026", "kind", "praise", "date", "12/12/2026",
	        "honoured", "DH-2026-077", "name", "Biểu dương", NULL);
	ck_assert_int_eq(h_tcall(w.admin, "ceremony.add", NULL, "year", "2026",
	                         "kind", "biểu dương", "date", "12/12/2026",
	                         "name", "Biểu dương điển hình tiên tiến 2026",
	                         "honoured", "DH-2026-001, dh-2026-002", NULL),
	                 0);
	ck_assert(!warned(w.admin, "no-ceremony", "2026"));
	column(w.admin, "ceremony.list", 4, units, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(units[0], "DH-2026-001, DH-2026-002");
	column(w.admin, "ceremony.list", 2, units, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(units[0], "praise");
	world_down(&w);
}
END_TEST

START_TEST(test_monthly_submission_across_a_month_boundary)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char cells[16][128], buf[512];

	world_up(&w);
	exemplar(w.admin, "KB1", NULL, "quality-of-care");  /* 001, found */
	exemplar(w.admin, "DU2", NULL, "charity");          /* 002 */
	nurture_and_summarise(w.admin, "DH-2026-002", "resources", "Kinh phí",
	                      "Vận động 200 triệu đồng cho bệnh nhân nghèo");
	/* 30/11/2026 17:00: November's submission is late. */
	clock_at(&w, "2026-11-30T10:00:00Z");
	ck_assert(warned(w.admin, "submission-late", "11/2026"));
	/* The summarised exemplar is proposed first. */
	column(w.admin, "submission.propose", 0, cells, 16, "year", "2026", NULL,
	       NULL);
	ck_assert_str_eq(cells[0], "DH-2026-002");
	ck_assert_str_eq(cells[1], "DH-2026-001");
	ck_assert_int_eq(h_tcall(w.admin, "submission.show", &r, "month",
	                         "11/2026", NULL), 0);
	ck_assert_int_eq(h_record_str(r, "status", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "draft");
	ck_assert_int_eq(h_record_str(r, "exemplar", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "DH-2026-002");
	ck_assert_int_eq(h_record_str(r, "summary", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Vận động 200 triệu đồng cho bệnh nhân nghèo");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "submission.send", NULL, "month",
	                         "11/2026", "exemplar", "DH-2026-002", NULL),
	                 0);
	ck_assert(!warned(w.admin, "submission-late", "11/2026"));
	refused(w.admin, LRL_EEXIST, "month", "already sent", "submission.send",
	        "month", "11/2026", "exemplar", "DH-2026-001", NULL);
	refused(w.admin, LRL_EINVAL, "month", "mm/yyyy", "submission.send",
	        "month", "13/2026", "exemplar", "DH-2026-001", NULL);
	refused(w.admin, LRL_EINVAL, "date", "after today", "submission.send",
	        "month", "12/2026", "exemplar", "DH-2026-001", "date",
	        "02/12/2026", NULL);
	/* 01/12/2026 08:00: December's is due, before 05/12. */
	clock_at(&w, "2026-12-01T01:00:00Z");
	ck_assert(warned(w.admin, "submission-due", "12/2026"));
	ck_assert(!warned(w.admin, "submission-late", "12/2026"));
	/* The next year, opened in December, is warned about December's
	 * submission too. */
	{
		struct lrl_reply *y = NULL;
		int rc = h_tcall(w.admin, "year.open", &y, "year", "2027",
		                 "rulebook", "2026", "registration", "10/01/2027",
		                 "annual-report", "20/12/2027", NULL);
		ck_assert_msg(rc == 0, "%s: %s", y->field, y->message);
		lrl_reply_free(y);
	}
	{
		char kinds[16][128], subjects[16][128];
		size_t n = column(w.admin, "exemplar.warnings", 0, kinds, 16,
		                  "year", "2027", NULL, NULL);
		column(w.admin, "exemplar.warnings", 1, subjects, 16, "year",
		       "2027", NULL, NULL);
		ck_assert_uint_ge(n, 1);
		ck_assert_str_eq(kinds[0], "submission-due");
		ck_assert_str_eq(subjects[0], "12/2026");
	}
	column(w.admin, "exemplar.warnings", 5, cells, 16, "year", "2026", NULL,
	       NULL);
	ck_assert_str_eq(cells[0], "05/12/2026");
	/* The one sent is not proposed again, nor accepted again. */
	ck_assert_uint_eq(column(w.admin, "submission.propose", 0, cells, 16,
	                         "year", "2026", NULL, NULL), 1);
	ck_assert_str_eq(cells[0], "DH-2026-001");
	refused(w.admin, LRL_EEXIST, "exemplar", "already sent in 11/2026",
	        "submission.send", "month", "12/2026", "exemplar",
	        "DH-2026-002", NULL);
	/* 06/12/2026: late. */
	clock_at(&w, "2026-12-06T01:00:00Z");
	ck_assert(warned(w.admin, "submission-late", "12/2026"));
	ck_assert_int_eq(h_tcall(w.admin, "submission.send", NULL, "month",
	                         "12/2026", "exemplar", "DH-2026-001",
	                         "summary", "Tóm tắt thành tích tháng 12", NULL),
	                 0);
	ck_assert(!warned(w.admin, "submission-late", "12/2026"));
	ck_assert_uint_eq(column(w.admin, "submission.list", 2, cells, 16,
	                         "year", "2026", NULL, NULL),
	                  12);
	ck_assert_str_eq(cells[9], "missing");
	ck_assert_str_eq(cells[10], "sent");
	ck_assert_str_eq(cells[11], "sent");
	ck_assert_uint_eq(column(w.admin, "submission.list", 6, cells, 16,
	                         "year", "2026", NULL, NULL),
	                  12);
	ck_assert_str_eq(cells[11], "admin");
	ck_assert_int_eq(h_tcall(w.admin, "submission.show", &r, "month",
	                         "12/2026", NULL), 0);
	ck_assert_int_eq(h_record_str(r, "status", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "sent");
	ck_assert_int_eq(h_record_str(r, "sent", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "06/12/2026");
	ck_assert_int_eq(h_record_str(r, "summary", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "Tóm tắt thành tích tháng 12");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

/* The status of month m (1–12) in submission.list 2026 into buf. */
static void month_status(struct world *w, int m, char *buf, size_t n)
{
	char cells[16][128];

	ck_assert_uint_eq(column(w->admin, "submission.list", 2, cells, 16,
	                         "year", "2026", NULL, NULL),
	                  12);
	snprintf(buf, n, "%s", cells[m - 1]);
}

/* The reminder follows the day in Vietnam (UTC+7): the month turns at
 * 17:00 UTC of the month's last day, and "before the 5th" ends at 17:00
 * UTC on the 4th, when 05/12 begins and the submission is late. */
START_TEST(test_the_monthly_reminder_turns_at_vietnam_midnight_and_on_the_5th)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char cells[16][128], buf[128];

	world_up(&w);
	/* 30/11/2026 23:59:59 in Vietnam: still November, and late. */
	clock_at(&w, "2026-11-30T16:59:59Z");
	exemplar(w.admin, "KB1", NULL, "quality-of-care"); /* DH-2026-001 */
	ck_assert(warned(w.admin, "submission-late", "11/2026"));
	ck_assert(!warned(w.admin, "submission-due", "12/2026"));
	month_status(&w, 11, buf, sizeof buf);
	ck_assert_str_eq(buf, "missing");
	month_status(&w, 12, buf, sizeof buf);
	ck_assert_str_eq(buf, "upcoming");
	/* 01/12/2026 00:00:00 in Vietnam (still 30/11 in UTC): December's
	 * submission is due by 05/12. */
	clock_at(&w, "2026-11-30T17:00:00Z");
	ck_assert(warned(w.admin, "submission-due", "12/2026"));
	ck_assert(!warned(w.admin, "submission-late", "12/2026"));
	ck_assert(!warned(w.admin, "submission-late", "11/2026"));
	column(w.admin, "exemplar.warnings", 5, cells, 16, "year", "2026", NULL,
	       NULL);
	ck_assert_str_eq(cells[0], "05/12/2026");
	month_status(&w, 12, buf, sizeof buf);
	ck_assert_str_eq(buf, "due");
	/* 04/12/2026 23:59:59 in Vietnam: the last moment before the 5th. */
	clock_at(&w, "2026-12-04T16:59:59Z");
	ck_assert(warned(w.admin, "submission-due", "12/2026"));
	ck_assert(!warned(w.admin, "submission-late", "12/2026"));
	month_status(&w, 12, buf, sizeof buf);
	ck_assert_str_eq(buf, "due");
	/* 05/12/2026 00:00:00 in Vietnam (still the 4th in UTC): the 5th
	 * itself is no longer before the 5th. */
	clock_at(&w, "2026-12-04T17:00:00Z");
	ck_assert(warned(w.admin, "submission-late", "12/2026"));
	ck_assert(!warned(w.admin, "submission-due", "12/2026"));
	month_status(&w, 12, buf, sizeof buf);
	ck_assert_str_eq(buf, "missing");
	/* Sent now, it is dated the 5th, the day in Vietnam. */
	ck_assert_int_eq(h_tcall(w.admin, "submission.send", NULL, "month",
	                         "12/2026", "exemplar", "DH-2026-001", NULL),
	                 0);
	ck_assert(!warned(w.admin, "submission-late", "12/2026"));
	ck_assert_int_eq(h_tcall(w.admin, "submission.show", &r, "month",
	                         "12/2026", NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "sent", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "05/12/2026");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_the_list_filters_by_unit_stage_and_field_and_reads_vietnamese)
{
	struct world w;
	char codes[8][128], cells[8][128];
	size_t n;

	world_up(&w);
	/* Fields and stages may be given in Vietnamese, tones optional. */
	ck_assert_int_eq(h_tcall(w.binh, "exemplar.add", NULL, "year", "2026",
	                         "staff", "KB3", "field", "y duc", "achievements",
	                         "Tận tụy", NULL), 0);
	ck_assert_int_eq(h_tcall(w.duc, "exemplar.add", NULL, "year", "2026",
	                         "unit", "DUOC", "field", "Chuyển đổi số",
	                         "achievements", "Kê đơn điện tử", NULL), 0);
	ck_assert_int_eq(h_tcall(w.duc, "exemplar.add", NULL, "year", "2026",
	                         "staff", "DU2", "field", "từ thiện",
	                         "achievements", "Quỹ bệnh nhân nghèo", NULL), 0);
	ck_assert_int_eq(h_tcall(w.duc, "exemplar.nurture", NULL, "exemplar",
	                         "DH-2026-003", "support", "kèm cặp", "note",
	                         "Trưởng khoa kèm", NULL), 0);
	/* The stage third, then the field, unit and kind. */
	n = column(w.admin, "exemplar.list", 0, codes, 8, "year", "2026", NULL,
	           NULL);
	ck_assert_uint_eq(n, 3);
	column(w.admin, "exemplar.list", 2, cells, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(cells[0], "found");
	ck_assert_str_eq(cells[2], "nurtured");
	column(w.admin, "exemplar.list", 3, cells, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(cells[0], "medical-ethics");
	ck_assert_str_eq(cells[1], "digital-transformation");
	ck_assert_str_eq(cells[2], "charity");
	column(w.admin, "exemplar.list", 4, cells, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(cells[0], "PKNGOAI");
	column(w.admin, "exemplar.list", 5, cells, 8, "year", "2026", NULL, NULL);
	ck_assert_str_eq(cells[1], "collective");
	/* A unit's list holds its sub-units'. */
	n = column(w.admin, "exemplar.list", 0, codes, 8, "year", "2026", "unit",
	           "KHAMBENH");
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(codes[0], "DH-2026-001");
	n = column(w.admin, "exemplar.list", 0, codes, 8, "year", "2026", "stage",
	           "bồi dưỡng");
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(codes[0], "DH-2026-003");
	n = column(w.admin, "exemplar.list", 0, codes, 8, "year", "2026", "field",
	           "digital-transformation");
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(codes[0], "DH-2026-002");
	/* Another year has none. */
	refused(w.admin, LRL_ENOENT, "year", "2027", "exemplar.list", "year",
	        "2027", NULL);
	world_down(&w);
}
END_TEST

/* ---- the web pages ------------------------------------------------------ */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)len + 1);
	if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Runs laurel exemplar export as the administrator. */
static int export_to(struct world *w, const char *dir, struct h_output *o)
{
	char prog[H_PATH_MAX];
	const char *argv[] = {prog, "--socket", w->e.srv.sock, "--user",
	                      H_ADMIN, "--password-stdin", "exemplar", "export",
	                      "--dir", dir, NULL};

	h_program("laurel", prog, sizeof prog);
	return h_run(argv, H_ADMIN_PASSWORD "\n", o);
}

/* Exports the pages as the administrator into "web" in a fresh directory
 * (into dir; the pages' directory into out) and checks that all four were
 * written: the index, the two exemplars and the model. */
static void export_fresh(struct world *w, char *dir, size_t dir_n, char *out,
                         size_t out_n)
{
	struct h_output o;

	ck_assert_int_eq(h_tmpdir(dir, dir_n), 0);
	snprintf(out, out_n, "%s/web", dir);
	ck_assert_int_eq(export_to(w, out, &o), 0);
	ck_assert_ptr_nonnull(strstr(o.out, "4 pages written"));
	h_output_free(&o);
}

/* Every href="…" of the page at dir/name that is not an http(s) link
 * names a file in dir; returns how many were checked. */
static int hrefs_resolve(const char *dir, const char *name)
{
	char path[H_PATH_MAX * 2];
	char *page, *p;
	int n = 0;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	page = slurp(path);
	ck_assert_ptr_nonnull(page);
	for (p = strstr(page, "href=\""); p; p = strstr(p, "href=\"")) {
		char *end, target[256];
		struct stat st;
		p += 6;
		end = strchr(p, '"');
		ck_assert_ptr_nonnull(end);
		snprintf(target, sizeof target, "%.*s", (int)(end - p), p);
		if (!strncmp(target, "http://", 7) || !strncmp(target, "https://", 8))
			continue;
		ck_assert_msg(strchr(target, '/') == NULL, "%s", target);
		snprintf(path, sizeof path, "%s/%s", dir, target);
		ck_assert_msg(stat(path, &st) == 0, "%s links to missing %s", name,
		              target);
		n++;
	}
	free(page);
	return n;
}

START_TEST(test_the_web_pages_escape_every_string_and_their_links_work)
{
	struct world w;
	struct h_output o;
	char dir[H_PATH_MAX], out[H_PATH_MAX + 16], path[H_PATH_MAX * 2];
	char *page;

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "staff.add", NULL, "code", "KB9",
	                         "full-name", "<script>alert(1)</script> Lê \"Thị\" & 'Na'",
	                         "sex", "nữ", "birth-date", "01/02/1990", "unit",
	                         "KHAMBENH", "start-date", "01/03/2012", NULL), 0);
	exemplar(w.admin, "KB9", NULL, "medical-ethics");
	exemplar(w.admin, NULL, "DUOC", "charity");
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.publicise", NULL, "exemplar",
	                         "DH-2026-001", "kind", "website", "date",
	                         "03/12/2026", "channel", "<i>Cổng</i>", "title",
	                         "<img src=x onerror=alert(2)>", "link",
	                         "https://benhvien.vn/tin?id=1&x=<b>", NULL),
	                 LRL_EINVAL);
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.publicise", NULL, "exemplar",
	                         "DH-2026-001", "kind", "website", "date",
	                         "03/12/2026", "channel", "<i>Cổng</i>", "title",
	                         "<img src=x onerror=alert(2)>", "link",
	                         "https://benhvien.vn/tin?id=1&x=2", NULL), 0);
	model(w.admin, "Mô hình <b>một cửa</b>", "DUOC");
	ck_assert_int_eq(h_tcall(w.admin, "model.evaluate", NULL, "code",
	                         "MH-2026-001", "date", "30/06/2026", "result",
	                         "</li><script>x</script>", NULL), 0);
	export_fresh(&w, dir, sizeof dir, out, sizeof out);
	snprintf(path, sizeof path, "%s/DH-2026-001.html", out);
	page = slurp(path);
	ck_assert_ptr_nonnull(page);
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_ptr_null(strstr(page, "<img"));
	ck_assert_ptr_null(strstr(page, "<i>"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt; "
	                                   "Lê &quot;Thị&quot; &amp; &#39;Na&#39;"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;img src=x onerror=alert(2)&gt;"));
	ck_assert_ptr_nonnull(
		strstr(page, "href=\"https://benhvien.vn/tin?id=1&amp;x=2\""));
	ck_assert_ptr_nonnull(strstr(page, "<meta charset=\"utf-8\">"));
	free(page);
	snprintf(path, sizeof path, "%s/index.html", out);
	page = slurp(path);
	ck_assert_ptr_nonnull(page);
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_ptr_nonnull(strstr(page, "Khoa Dược – Vật tư"));
	free(page);
	ck_assert_int_eq(hrefs_resolve(out, "index.html"), 3);
	ck_assert_int_eq(hrefs_resolve(out, "DH-2026-001.html"), 1);
	ck_assert_int_eq(hrefs_resolve(out, "DH-2026-002.html"), 1);
	ck_assert_int_eq(hrefs_resolve(out, "MH-2026-001.html"), 1);
	snprintf(path, sizeof path, "%s/MH-2026-001.html", out);
	page = slurp(path);
	ck_assert_ptr_nonnull(page);
	ck_assert_ptr_null(strstr(page, "<b>"));
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_ptr_nonnull(strstr(page, "Mô hình &lt;b&gt;một cửa&lt;/b&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;/li&gt;&lt;script&gt;"));
	free(page);
	/* Exporting again over its own pages is fine. */
	ck_assert_int_eq(export_to(&w, out, &o), 0);
	h_output_free(&o);
	/* An unrelated index.html is never overwritten, and nothing is
	 * written beside it. */
	snprintf(out, sizeof out, "%s/site", dir);
	ck_assert_int_eq(mkdir(out, 0755), 0);
	snprintf(path, sizeof path, "%s/index.html", out);
	{
		FILE *f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs("<html>trang chủ</html>\n", f);
		fclose(f);
	}
	ck_assert_int_ne(export_to(&w, out, &o), 0);
	ck_assert_ptr_nonnull(strstr(o.err, "not written by an export"));
	h_output_free(&o);
	page = slurp(path);
	ck_assert_str_eq(page, "<html>trang chủ</html>\n");
	free(page);
	snprintf(path, sizeof path, "%s/DH-2026-001.html", out);
	ck_assert_ptr_null(slurp(path));
	world_down(&w);
}
END_TEST

/* Markup, an ampersand and both quotes, told apart by id (page_escapes
 * knows how each must read on a page). */
#define MARK(id) "<script>x" id "</script> \"q" id "\" 'a" id "' & b" id

/* Every field the pages show that a user typed: the hospital (at init),
 * unit and staff names, an exemplar's achievements, support note,
 * summary, where and how it was replicated, its introduction (cluster,
 * note) and publicity (channel, title); a model's name, plan,
 * evaluation (result, evidence), assessment, adoption (body, note) and
 * publicity.  The movement ("through") and the adopting units are shown
 * by code, where no markup gets in; UNITB, the adopting unit's name, is
 * checked only for never appearing raw. */
static const char *const mark_ids[] = {
	"HOSP",  "UNITA", "UNITB", "STAFF", "ACH1", "ACH2", "NURT", "SUMM",
	"WHERE", "HOW",   "CLUS",  "INTRO", "CHAN", "TITL", "MNAM", "PLAN",
	"RES",   "EVID",  "ASSE",  "BODY",  "ADOP", "MCHA", "MTIT",
};

/* The page dir/name: every id of want reads escaped; no mark of any id
 * and no tag of them is left raw anywhere. */
static void page_escapes(const char *dir, const char *name,
                         const char *const *want)
{
	char path[H_PATH_MAX * 2], raw[64];
	char *page;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	page = slurp(path);
	ck_assert_ptr_nonnull(page);
	ck_assert_msg(strstr(page, "<script") == NULL, "%s: raw <script", name);
	ck_assert_msg(strstr(page, "</script") == NULL, "%s: raw </script",
	              name);
	for (size_t i = 0; i < sizeof mark_ids / sizeof mark_ids[0]; i++) {
		const char *id = mark_ids[i];
		snprintf(raw, sizeof raw, "\"q%s\"", id);
		ck_assert_msg(!strstr(page, raw), "%s: raw %s", name, raw);
		snprintf(raw, sizeof raw, "'a%s'", id);
		ck_assert_msg(!strstr(page, raw), "%s: raw %s", name, raw);
		snprintf(raw, sizeof raw, "& b%s", id);
		ck_assert_msg(!strstr(page, raw), "%s: raw %s", name, raw);
	}
	for (size_t i = 0; want[i]; i++) {
		char esc[256];
		snprintf(esc, sizeof esc,
		         "&lt;script&gt;x%s&lt;/script&gt; &quot;q%s&quot; "
		         "&#39;a%s&#39; &amp; b%s",
		         want[i], want[i], want[i], want[i]);
		ck_assert_msg(strstr(page, esc) != NULL,
		              "%s does not show %s escaped", name, want[i]);
	}
	free(page);
}

START_TEST(test_the_web_pages_escape_markup_in_every_field_they_show)
{
	struct world w;
	char dir[H_PATH_MAX], out[H_PATH_MAX + 16];

	h_hospital = MARK("HOSP");
	world_up(&w);
	h_hospital = H_HOSPITAL;
	unit(&w, "EVILA", MARK("UNITA"), "department", NULL);
	unit(&w, "EVILB", MARK("UNITB"), "department", NULL);
	ck_assert_int_eq(h_tcall(w.admin, "staff.add", NULL, "code", "EV1",
	                         "full-name", MARK("STAFF"), "sex", "nữ",
	                         "birth-date", "01/02/1990", "unit", "EVILA",
	                         "start-date", "01/03/2012", NULL),
	                 0);
	/* DH-2026-001, a person, through every stage */
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.add", NULL, "year", "2026",
	                         "staff", "EV1", "field", "other",
	                         "achievements", MARK("ACH1"), NULL),
	                 0);
	nurture_and_summarise(w.admin, "DH-2026-001", "other", MARK("NURT"),
	                      MARK("SUMM"));
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.replicate", NULL,
	                         "exemplar", "DH-2026-001", "where",
	                         MARK("WHERE"), "note", MARK("HOW"), NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.introduce", NULL,
	                         "exemplar", "DH-2026-001", "date",
	                         "10/12/2026", "cluster", MARK("CLUS"), "note",
	                         MARK("INTRO"), NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.publicise", NULL,
	                         "exemplar", "DH-2026-001", "kind", "website",
	                         "date", "03/12/2026", "channel", MARK("CHAN"),
	                         "title", MARK("TITL"), "link",
	                         "https://benhvien.vn/tin?id=1&x=2", NULL),
	                 0);
	/* DH-2026-002, the collective */
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.add", NULL, "year", "2026",
	                         "unit", "EVILA", "field", "other",
	                         "achievements", MARK("ACH2"), NULL),
	                 0);
	/* MH-2026-001, a model of the unit, adopted by the other */
	model(w.admin, MARK("MNAM"), "EVILA");
	ck_assert_int_eq(h_tcall(w.admin, "model.plan", NULL, "code",
	                         "MH-2026-001", "plan", MARK("PLAN"), NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "model.evaluate", NULL, "code",
	                         "MH-2026-001", "date", "30/06/2026", "result",
	                         MARK("RES"), "evidence", MARK("EVID"), NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "model.assess", NULL, "code",
	                         "MH-2026-001", "assessment", MARK("ASSE"),
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "model.adopt", NULL, "code",
	                         "MH-2026-001", "date", "01/10/2026", "units",
	                         "EVILB", "body", MARK("BODY"), "note",
	                         MARK("ADOP"), NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "model.publicise", NULL, "code",
	                         "MH-2026-001", "kind", "newspaper", "date",
	                         "04/12/2026", "channel", MARK("MCHA"), "title",
	                         MARK("MTIT"), "link",
	                         "https://baoyte.vn/a?b=1&c=2", NULL),
	                 0);
	export_fresh(&w, dir, sizeof dir, out, sizeof out);
	page_escapes(out, "index.html",
	             (const char *const[]){"HOSP", "STAFF", "UNITA", "MNAM",
	                                   NULL});
	page_escapes(out, "DH-2026-001.html",
	             (const char *const[]){"HOSP", "STAFF", "UNITA", "ACH1",
	                                   "NURT", "SUMM", "WHERE", "HOW",
	                                   "CLUS", "INTRO", "CHAN", "TITL",
	                                   NULL});
	page_escapes(out, "DH-2026-002.html",
	             (const char *const[]){"HOSP", "UNITA", "ACH2", NULL});
	{
		char path[H_PATH_MAX * 2], *page;
		snprintf(path, sizeof path, "%s/MH-2026-001.html", out);
		page = slurp(path);
		ck_assert_ptr_nonnull(page);
		ck_assert_ptr_nonnull(strstr(page, "href=\"https://baoyte.vn/"
		                                   "a?b=1&amp;c=2\""));
		free(page);
	}
	page_escapes(out, "MH-2026-001.html",
	             (const char *const[]){"HOSP", "MNAM", "UNITA", "PLAN",
	                                   "RES", "EVID", "ASSE", "BODY",
	                                   "ADOP", "MCHA", "MTIT", NULL});
	world_down(&w);
}
END_TEST

/* The candidates a unit names in its collective pledge are listed with
 * the exemplar recorded for each; --missing leaves the recorded ones out;
 * a head sees their own units only. */
START_TEST(test_the_candidates_of_unit_pledges_show_what_is_recorded)
{
	struct world w;
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	char buf[64];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "year.reopen", NULL, "year", "2026",
	                         "unit", "KHAMBENH", "until", "20/12/2026",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.binh, "unit.pledge", NULL, "year", "2026",
	                         "unit", "KHAMBENH", "title", "TTLDTT", "model",
	                         "Đón tiếp không chờ đợi", "exemplars",
	                         "KB1, KB3", NULL),
	                 0);
	exemplar(w.admin, "KB1", NULL, "quality-of-care");
	ck_assert_int_eq(h_tcall(w.admin, "exemplar.candidates", &r, "year",
	                         "2026", NULL),
	                 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_uint_eq(rows->via.array.size, 2);
	mp_get_strbuf(&rows->via.array.ptr[0].via.array.ptr[1], buf, sizeof buf);
	ck_assert_str_eq(buf, "KB1");
	mp_get_strbuf(&rows->via.array.ptr[0].via.array.ptr[3], buf, sizeof buf);
	ck_assert_str_eq(buf, "DH-2026-001");
	mp_get_strbuf(&rows->via.array.ptr[0].via.array.ptr[4], buf, sizeof buf);
	ck_assert_str_eq(buf, "found");
	mp_get_strbuf(&rows->via.array.ptr[1].via.array.ptr[3], buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.binh, "exemplar.candidates", &r, "year",
	                         "2026", "missing", "true", NULL),
	                 0);
	rows = mp_map_get(r->body, "rows");
	ck_assert_uint_eq(rows->via.array.size, 1);
	mp_get_strbuf(&rows->via.array.ptr[0].via.array.ptr[1], buf, sizeof buf);
	ck_assert_str_eq(buf, "KB3");
	lrl_reply_free(r);
	/* the head of Khoa Dược sees nothing of Khoa Khám bệnh */
	ck_assert_int_eq(h_tcall(w.duc, "exemplar.candidates", &r, "year",
	                         "2026", NULL),
	                 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 0);
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

Suite *suite_exemplar(void);
Suite *suite_exemplar(void)
{
	Suite *s = suite_create("exemplar");
	TCase *tc = tcase_create("exemplars and models");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_stages_follow_each_other_and_impossible_moves_are_refused);
	tcase_add_test(tc, test_bad_input_and_other_units_are_refused);
	tcase_add_test(tc, test_publicity_links_must_be_http_or_https);
	tcase_add_test(tc, test_models_are_planned_evaluated_assessed_and_adopted);
	tcase_add_test(tc, test_the_list_filters_by_unit_stage_and_field_and_reads_vietnamese);
	tcase_add_test(tc, test_target_shortfalls_per_unit);
	tcase_add_test(tc, test_monthly_submission_across_a_month_boundary);
	tcase_add_test(tc, test_the_monthly_reminder_turns_at_vietnam_midnight_and_on_the_5th);
	tcase_add_test(tc, test_the_web_pages_escape_every_string_and_their_links_work);
	tcase_add_test(tc, test_the_web_pages_escape_markup_in_every_field_they_show);
	tcase_add_test(tc, test_the_candidates_of_unit_pledges_show_what_is_recorded);
	suite_add_tcase(s, tc);
	return s;
}
