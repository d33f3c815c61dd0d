/*
 * test_council.c — the council through a real laureld: terms, rounds,
 * attendance and quorum, recusal and declared conflicts, scores hidden
 * until the close, secret ballots counted once and never linkable after
 * the close, results, minutes, and a log that verifies.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "laurel/council.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/store.h"

#define PW "mật khẩu thử nghiệm 2026"
#define Y "2027"

struct world {
	struct h_env e;
	lrl_conn *admin, *chu, *thuky, *lan, *duc, *mai;
};

static void person(struct world *w, const char *code, const char *name,
                   const char *sex, const char *unit)
{
	ck_assert_int_eq(h_staff(w->admin, code, name, sex, unit), 0);
}

static lrl_conn *member(struct world *w, const char *login, const char *name,
                        const char *staff, const char *role)
{
	lrl_conn *c = h_account(w->admin, w->e.srv.sock, login, name, staff, PW,
	                        role, NULL);

	ck_assert_ptr_nonnull(c);
	return c;
}

static void propose(struct world *w, const char *who, const char *title,
                    int unit)
{
	ck_assert_int_eq(h_tcall(w->admin, "nomination.add", NULL, "year", Y,
	                         unit ? "unit" : "staff", who, "title", title,
	                         NULL),
	                 0);
}

/*
 * Khoa Khám bệnh: KB1 (DN-2027-001, CSTDCS), KB3 (DN-2027-002, LDTT),
 * KB2 = lan, a member (DN-2027-003, LDTT: her own), and the unit itself
 * (DN-2027-004, TTLDTT: her own collective).  Khoa Dược: the chair chu,
 * the secretary thuky, and the members duc and mai.  Five members.
 */
static void world_with(struct world *w, const char *rulebook)
{
	memset(w, 0, sizeof *w);
	ck_assert_int_eq(h_env_setup(&w->e), 0);
	ck_assert_int_eq(h_login(w->e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                         &w->admin),
	                 0);
	ck_assert_int_eq(h_rulebook_load(w->admin, "2026", rulebook), 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "KHAMBENH",
	                         "name", "Khoa Khám bệnh", "kind", "department",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w->admin, "unit.add", NULL, "code", "DUOC",
	                         "name", "Khoa Dược", "kind", "department",
	                         NULL),
	                 0);
	person(w, "KB1", "Nguyễn Thị Hà", "nữ", "KHAMBENH");
	person(w, "KB2", "Phạm Thu Lan", "nữ", "KHAMBENH");
	person(w, "KB3", "Đỗ Văn An", "nam", "KHAMBENH");
	person(w, "DU1", "Lê Minh Đức", "nam", "DUOC");
	person(w, "DU2", "Vũ Thị Mai", "nữ", "DUOC");
	person(w, "DU3", "Trần Quốc Chu", "nam", "DUOC");
	person(w, "DU4", "Hoàng Thu Thủy", "nữ", "DUOC");
	ck_assert_int_eq(h_tcall(w->admin, "year.open", NULL, "year", Y,
	                         "rulebook", "2026", "registration",
	                         "10/01/2027", "annual-report", "20/12/2027",
	                         NULL),
	                 0);
	propose(w, "KB1", "CSTDCS", 0);
	propose(w, "KB3", "LDTT", 0);
	propose(w, "KB2", "LDTT", 0);
	propose(w, "KHAMBENH", "TTLDTT", 1);
	w->chu = member(w, "chu", "Trần Quốc Chu", "DU3", "chair");
	w->thuky = member(w, "thuky", "Hoàng Thu Thủy", "DU4", "secretary");
	w->lan = member(w, "lan", "Phạm Thu Lan", "KB2", "council");
	w->duc = member(w, "duc", "Lê Minh Đức", "DU1", "council");
	w->mai = member(w, "mai", "Vũ Thị Mai", "DU2", "council");
	ck_assert_int_eq(h_tcall(w->admin, "term.open", NULL, "year", Y,
	                         "chair", "chu", "secretary", "thuky", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w->admin, "term.add", NULL, "year", Y, "login",
	                         "lan", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w->admin, "term.add", NULL, "year", Y, "login",
	                         "duc", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w->admin, "term.add", NULL, "year", Y, "login",
	                         "mai", NULL),
	                 0);
}

static void world_up(struct world *w)
{
	world_with(w, "data/rulebook-2026.txt");
}

static void world_down(struct world *w)
{
	char why[256];

	lrl_close(w->chu);
	lrl_close(w->thuky);
	lrl_close(w->lan);
	lrl_close(w->duc);
	lrl_close(w->mai);
	lrl_close(w->admin);
	ck_assert_msg(h_env_finish(&w->e, why, sizeof why) == 0, "%s", why);
}

#define ALL4 "DN-2027-001,DN-2027-002,DN-2027-003,DN-2027-004"
#define CRITERIA "Thành tích; 2; 10\nSáng kiến; 1; 5; no-score"

/* Round 1 for every candidate; the chair opens it. */
static void open_round(struct world *w, const char *written)
{
	ck_assert_int_eq(h_tcall(w->chu, "round.open", NULL, "year", Y,
	                         "nominations", ALL4, "mode", "both",
	                         "criteria", CRITERIA, "written", written,
	                         NULL),
	                 0);
}

static int vote(lrl_conn *c, const char *code, const char *choice)
{
	struct lrl_reply *r = NULL;
	int rc = lrl_ballot(c, 1, code, choice, &r);

	if (rc == 0 && r)
		rc = r->code;
	lrl_reply_free(r);
	return rc;
}

static int score(lrl_conn *c, const char *code, const char *points)
{
	return h_tcall(c, "score.set", NULL, "round", "1", "nomination", code,
	               "points", points, NULL);
}

/* Column col of the row whose first column is key, as text. */
static void cell(const struct lrl_reply *r, const char *key, int col, char *buf,
                 size_t n)
{
	const msgpack_object *rows = mp_map_get(r->body, "rows");

	buf[0] = '\0';
	for (uint32_t i = 0; rows && i < rows->via.array.size; i++) {
		const msgpack_object *row =
			rows->via.array.ptr[i].via.array.ptr;
		char got[64] = "";
		int64_t v;
		mp_get_strbuf(&row[0], got, sizeof got);
		if (strcmp(got, key) != 0)
			continue;
		if (mp_get_strbuf(&row[col], buf, n) != 0 &&
		    mp_get_i64(&row[col], &v) == 0)
			snprintf(buf, n, "%lld", (long long)v);
	}
}

/* Does any file under dir hold the len bytes at needle? */
static int tree_holds(const char *dir, const void *needle, size_t len)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	ck_assert_ptr_nonnull(d);
	while (!found && (e = readdir(d)) != NULL) {
		char path[H_PATH_MAX + 256];
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			found = tree_holds(path, needle, len);
		} else if (S_ISREG(st.st_mode) && st.st_size > 0) {
			FILE *f = fopen(path, "rb");
			char *b = malloc((size_t)st.st_size);
			ck_assert_ptr_nonnull(b);
			if (f && fread(b, 1, (size_t)st.st_size, f) ==
			                 (size_t)st.st_size)
				found = memmem(b, (size_t)st.st_size, needle,
				               len) != NULL;
			if (f)
				fclose(f);
			free(b);
		}
	}
	closedir(d);
	return found;
}

START_TEST(test_a_round_counts_ballots_of_all_members_and_verifies)
{
	struct world w;
	int rc;
	struct lrl_reply *r = NULL;
	char path[H_PATH_MAX + 64], buf[128];
	unsigned char key[64];
	FILE *f;

	world_up(&w);
	open_round(&w, "false");
	ck_assert_int_eq(h_tcall(w.thuky, "round.attend", NULL, "round", "1",
	                         "present", "chu, thuky, lan, duc", NULL),
	                 0);
	/* 001 CSTDCS needs 80% of all five members: four yes. */
	ck_assert_int_eq(vote(w.chu, "DN-2027-001", "yes"), 0);
	ck_assert_int_eq(vote(w.thuky, "DN-2027-001", "yes"), 0);
	ck_assert_int_eq(vote(w.lan, "DN-2027-001", "yes"), 0);
	ck_assert_int_eq(vote(w.duc, "DN-2027-001", "yes"), 0);
	/* 002 LDTT needs a majority of the votes cast. */
	ck_assert_int_eq(vote(w.chu, "DN-2027-002", "yes"), 0);
	/* The choice may be typed in Vietnamese. */
	ck_assert_int_eq(vote(w.thuky, "DN-2027-002", "Không đồng ý"), 0);
	ck_assert_int_eq(vote(w.lan, "DN-2027-002", "không biểu quyết"), 0);
	ck_assert_int_eq(vote(w.duc, "DN-2027-002", "yes"), 0);
	/* Nobody votes twice; the absent member has no written vote here. */
	ck_assert_int_eq(vote(w.chu, "DN-2027-001", "no"), LRL_EEXIST);
	ck_assert_int_eq(vote(w.mai, "DN-2027-001", "yes"), LRL_EPERM);
	ck_assert_int_eq(score(w.chu, "DN-2027-001", "8, 4"), 0);
	ck_assert_int_eq(score(w.thuky, "DN-2027-001", "10, -"), 0);
	ck_assert_int_eq(score(w.lan, "DN-2027-001", "6,5"), 0);
	ck_assert_int_eq(score(w.lan, "DN-2027-001", "11,5"), LRL_EINVAL);
	ck_assert_int_eq(score(w.lan, "DN-2027-001", "-,5"), LRL_EINVAL);
	/* The round's secret key is a file outside the store until close. */
	snprintf(path, sizeof path, "%s/ballot-keys/1.key", w.e.store);
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fread(key, 1, sizeof key, f), sizeof key);
	fclose(f);
	ck_assert_int_eq(h_tcall(w.admin, "round.results", NULL, "round", "1",
	                         NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.thuky, "round.close", NULL, "round", "1",
	                         NULL),
	                 LRL_EPERM);
	ck_assert_int_eq(h_tcall(w.chu, "round.close", NULL, "round", "1",
	                         NULL),
	                 0);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(vote(w.duc, "DN-2027-003", "yes"), LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.lan, "round.results", &r, "round", "1",
	                         NULL),
	                 0);
	cell(r, "DN-2027-001", 6, buf, sizeof buf);
	ck_assert_str_eq(buf, "4");
	cell(r, "DN-2027-001", 4, buf, sizeof buf);
	ck_assert_str_eq(buf, "80%");
	cell(r, "DN-2027-001", 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "≥ 80%");
	cell(r, "DN-2027-001", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "passed");
	/* Mean of the weighted totals 20, 20 and 17; spread min–max. */
	cell(r, "DN-2027-001", 9, buf, sizeof buf);
	ck_assert_str_eq(buf, "19");
	cell(r, "DN-2027-001", 10, buf, sizeof buf);
	ck_assert_str_eq(buf, "17–20");
	cell(r, "DN-2027-002", 6, buf, sizeof buf);
	ck_assert_str_eq(buf, "2");
	cell(r, "DN-2027-002", 7, buf, sizeof buf);
	ck_assert_str_eq(buf, "1");
	cell(r, "DN-2027-002", 8, buf, sizeof buf);
	ck_assert_str_eq(buf, "1");
	cell(r, "DN-2027-002", 4, buf, sizeof buf);
	ck_assert_str_eq(buf, "40%");
	cell(r, "DN-2027-002", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "passed");
	cell(r, "DN-2027-003", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "failed");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.thuky, "round.minutes", &r, "round", "1",
	                         NULL),
	                 0);
	{
		const msgpack_object *rows = mp_map_get(r->body, "rows");
		const msgpack_object *row =
			rows->via.array.ptr[0].via.array.ptr;
		char q[64] = "", p[16] = "";
		mp_get_strbuf(&row[4], p, sizeof p);
		mp_get_strbuf(&row[5], q, sizeof q);
		ck_assert_str_eq(p, "4");
		ck_assert_str_eq(q, "4 needed: reached");
	}
	lrl_reply_free(r);
	/* Nothing in the store directory holds the round's secret key or a
	 * ballot's plaintext after the close. */
	{
		static const unsigned char plain[] = {'L', 'R', 'L', 'B', 1,
		                                      0,   0,   0,   1,   11};
		ck_assert(!tree_holds(w.e.store, key, 32));
		ck_assert(!tree_holds(w.e.store, plain, sizeof plain));
	}
	/* The decision for the round takes the candidates it passed, once
	 * they are eligible; one it voted down is refused by name. */
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", Y, "staff",
	                         "KB3", "rating", "HTTNV", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", Y, "staff",
	                         "KB2", "rating", "HTTNV", NULL), 0);
	rc = h_tcall(w.admin, "decision.add", &r, "year", Y, "round", "1",
	             "date", "20/12/2027", NULL);
	ck_assert_msg(rc == LRL_ESTATE && !strcmp(r->field, "round") &&
	              strstr(r->message, "DN-2027-001 is not eligible"),
	              "%d %s: %s", rc, r->field, r->message);
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "rating.set", NULL, "year", Y, "staff",
	                         "KB1", "rating", "HTXSNV", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "nomination.report", NULL,
	                         "nomination", "DN-2027-001", "hometown",
	                         "Nam Định", "qualifications", "Bác sĩ",
	                         "duties", "Khám bệnh", "results",
	                         "Hoàn thành xuất sắc", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "decision.add", &r, "year", Y,
	                         "nominations", "DN-2027-003", "date",
	                         "20/12/2027", NULL), LRL_ESTATE);
	ck_assert_ptr_nonnull(strstr(r->message, "did not pass the council"));
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "decision.add", NULL, "year", Y,
	                         "round", "1", "date", "20/12/2027", NULL), 0);
	ck_assert_int_eq(h_tcall(w.admin, "decision.annex", &r, "decision",
	                         "QD-2027-001", NULL), 0);
	{
		const msgpack_object *rows = mp_map_get(r->body, "rows");
		char all[1024] = "";
		for (uint32_t i = 0; i < rows->via.array.size; i++)
			for (uint32_t j = 0; j < rows->via.array.ptr[i].via.array.size; j++) {
				char cellv[128] = "";
				mp_get_strbuf(&rows->via.array.ptr[i].via.array.ptr[j],
				              cellv, sizeof cellv);
				strncat(all, cellv, sizeof all - strlen(all) - 2);
				strcat(all, "|");
			}
		ck_assert_msg(strstr(all, "KB1") && strstr(all, "KB3") &&
		              !strstr(all, "KB2"), "annex: %s", all);
	}
	lrl_reply_free(r);
	/* Nothing left for a second one. */
	ck_assert_int_eq(h_tcall(w.admin, "decision.add", &r, "year", Y,
	                         "round", "1", "date", "20/12/2027", NULL),
	                 LRL_ESTATE);
	ck_assert_str_eq(r->field, "round");
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_members_are_recused_from_themselves_their_unit_and_conflicts)
{
	struct world w;

	world_up(&w);
	open_round(&w, "false");
	/* A choice in the clear never reaches a ballot. */
	ck_assert_int_eq(h_tcall(w.duc, "ballot.cast", NULL, "round", "1",
	                         "nomination", "DN-2027-001", "choice", "yes",
	                         NULL),
	                 LRL_EINVAL);
	ck_assert_int_eq(score(w.lan, "DN-2027-003", "5,5"), LRL_EPERM);
	ck_assert_int_eq(vote(w.lan, "DN-2027-003", "yes"), LRL_EPERM);
	ck_assert_int_eq(vote(w.lan, "DN-2027-004", "yes"), LRL_EPERM);
	ck_assert_int_eq(score(w.duc, "DN-2027-002", "5,5"), 0);
	ck_assert_int_eq(h_tcall(w.duc, "conflict.declare", NULL, "round", "1",
	                         "nomination", "DN-2027-002", "type",
	                         "relative", "reason", "Anh họ", NULL),
	                 0);
	ck_assert_int_eq(score(w.duc, "DN-2027-002", "5,5"), LRL_EPERM);
	ck_assert_int_eq(vote(w.duc, "DN-2027-002", "no"), LRL_EPERM);
	/* The council and the administrators see the declared conflicts;
	 * staff do not. */
	{
		struct lrl_reply *r = NULL;
		const msgpack_object *rows, *row;
		char buf[64];
		ck_assert_int_eq(h_tcall(w.chu, "conflict.list", &r, "round",
		                         "1", NULL),
		                 0);
		rows = mp_map_get(r->body, "rows");
		ck_assert_uint_eq(rows->via.array.size, 1);
		row = rows->via.array.ptr[0].via.array.ptr;
		mp_get_strbuf(&row[1], buf, sizeof buf);
		ck_assert_str_eq(buf, "DN-2027-002");
		mp_get_strbuf(&row[4], buf, sizeof buf);
		ck_assert_str_eq(buf, "duc");
		mp_get_strbuf(&row[6], buf, sizeof buf);
		ck_assert_str_eq(buf, "relative");
		mp_get_strbuf(&row[7], buf, sizeof buf);
		ck_assert_str_eq(buf, "Anh họ");
		lrl_reply_free(r);
		ck_assert_int_eq(h_tcall(w.admin, "conflict.list", &r, "round",
		                         "2", NULL),
		                 0);
		ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size,
		                  0);
		lrl_reply_free(r);
	}
	/* A vote cannot be taken back by declaring a conflict after it. */
	ck_assert_int_eq(vote(w.mai, "DN-2027-001", "yes"), 0);
	ck_assert_int_eq(h_tcall(w.mai, "conflict.declare", NULL, "round", "1",
	                         "nomination", "DN-2027-001", "type", "other",
	                         "reason", "Muộn", NULL),
	                 LRL_ESTATE);
	/* An account outside the term does not act in the round. */
	ck_assert_int_eq(h_tcall(w.admin, "term.remove", NULL, "year", Y,
	                         "login", "mai", "reason", "Nghỉ hưu", NULL),
	                 0);
	ck_assert_int_eq(vote(w.mai, "DN-2027-002", "yes"), LRL_EPERM);
	world_down(&w);
}
END_TEST

START_TEST(test_scores_stay_hidden_until_the_close)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char buf[128];

	world_up(&w);
	open_round(&w, "false");
	ck_assert_int_eq(score(w.lan, "DN-2027-001", "9,3"), 0);
	ck_assert_int_eq(h_tcall(w.lan, "score.show", &r, "round", "1",
	                         "nomination", "DN-2027-001", NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "total", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "21 / 25");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.duc, "score.show", &r, "round", "1",
	                         "nomination", "DN-2027-001", NULL),
	                 0);
	ck_assert_int_eq(h_record_str(r, "points", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");
	lrl_reply_free(r);
	ck_assert_int_eq(h_tcall(w.admin, "round.results", NULL, "round", "1",
	                         NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.chu, "round.minutes", NULL, "round", "1",
	                         NULL),
	                 LRL_ESTATE);
	/* The member's list shows their own progress only. */
	ck_assert_int_eq(h_tcall(w.lan, "round.candidates", &r, NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 4);
	{
		const msgpack_object *row = mp_map_get(r->body, "rows")
		                                    ->via.array.ptr[0]
		                                    .via.array.ptr;
		char p[64] = "";
		mp_get_strbuf(&row[8], p, sizeof p);
		ck_assert_str_eq(p, "1 of 2 scored, 0 of 2 voted");
	}
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_written_votes_only_where_the_round_allows_them)
{
	struct world w;
	struct lrl_reply *r = NULL;

	world_up(&w);
	open_round(&w, "true");
	/* Without attendance, no quorum: the round does not close. */
	ck_assert_int_eq(h_tcall(w.chu, "round.close", NULL, "round", "1",
	                         NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.thuky, "round.attend", NULL, "round", "1",
	                         "present", "chu,thuky,lan", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.chu, "round.close", NULL, "round", "1",
	                         NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.thuky, "round.attend", NULL, "round", "1",
	                         "present", "chu,thuky,lan,duc", NULL),
	                 0);
	ck_assert_int_eq(vote(w.mai, "DN-2027-002", "yes"), 0);
	ck_assert_int_eq(vote(w.chu, "DN-2027-002", "yes"), 0);
	ck_assert_int_eq(h_tcall(w.chu, "round.close", NULL, "round", "1",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.thuky, "round.minutes", &r, "round", "1",
	                         NULL),
	                 0);
	{
		const msgpack_object *row = mp_map_get(r->body, "rows")
		                                    ->via.array.ptr[0]
		                                    .via.array.ptr;
		char wv[16] = "";
		mp_get_strbuf(&row[6], wv, sizeof wv);
		ck_assert_str_eq(wv, "1");
	}
	lrl_reply_free(r);
	world_down(&w);
}
END_TEST

START_TEST(test_the_term_keeps_who_joined_and_left)
{
	struct world w;
	struct lrl_reply *r = NULL;
	char buf[128];

	world_up(&w);
	ck_assert_int_eq(h_tcall(w.admin, "term.add", NULL, "year", Y, "login",
	                         "duc", NULL),
	                 LRL_EEXIST);
	ck_assert_int_eq(h_tcall(w.admin, "term.remove", NULL, "year", Y,
	                         "login", "duc", "reason", "Chuyển công tác",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.admin, "term.add", NULL, "year", Y, "login",
	                         "duc", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.chu, "term.show", &r, "year", Y, NULL), 0);
	ck_assert_uint_eq(mp_map_get(r->body, "rows")->via.array.size, 6);
	cell(r, "chu", 2, buf, sizeof buf);
	ck_assert_str_eq(buf, "chair");
	lrl_reply_free(r);
	/* The chair's seat needs the chair role. */
	ck_assert_int_eq(h_tcall(w.admin, "term.open", NULL, "year", Y, "chair",
	                         "lan", "secretary", "thuky", NULL),
	                 LRL_EEXIST);
	world_down(&w);
}
END_TEST

/* The shipped rulebook with a cap: CSTĐCS at most 50% of LĐTT. */
static void capped_rulebook(char *path, size_t n)
{
	char dir[H_PATH_MAX];
	FILE *in = fopen("data/rulebook-2026.txt", "rb"), *out;
	char buf[4096];
	size_t got;

	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(h_tmpdir(dir, sizeof dir), 0);
	snprintf(path, n, "%s/capped.txt", dir);
	ck_assert_ptr_nonnull(out = fopen(path, "wb"));
	while ((got = fread(buf, 1, sizeof buf, in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, got, out), got);
	fputs("cap CSTDCS 50% of LDTT\n", out);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
}

START_TEST(test_a_quota_ranks_ties_by_the_chairs_casting_vote)
{
	struct world w;
	struct lrl_reply *r = NULL;
	lrl_conn *voters[4];
	char path[H_PATH_MAX + 16], buf[128];
	struct council_verdict v;
	store *st = NULL;
	store_txn *tx = NULL;

	capped_rulebook(path, sizeof path);
	world_with(&w, path);
	/* A second woman for CSTĐCS: DN-2027-005. */
	person(&w, "KB5", "Lê Thị Thu", "nữ", "KHAMBENH");
	propose(&w, "KB5", "CSTDCS", 0);
	ck_assert_int_eq(h_tcall(w.chu, "round.open", NULL, "year", Y,
	                         "nominations",
	                         "DN-2027-001,DN-2027-002,DN-2027-003,DN-2027-"
	                         "005",
	                         "mode", "ballot", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.thuky, "round.attend", NULL, "round", "1",
	                         "present", "chu,thuky,lan,duc,mai", NULL),
	                 0);
	voters[0] = w.chu;
	voters[1] = w.thuky;
	voters[2] = w.duc;
	voters[3] = w.mai;
	/* Two LĐTT pass (the base: one CSTĐCS place); both CSTĐCS get four
	 * yes of five, 80%, and are women: a tie at the quota's edge. */
	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(vote(voters[i], "DN-2027-002", "yes"), 0);
		ck_assert_int_eq(vote(voters[i], "DN-2027-003", "yes"), 0);
		ck_assert_int_eq(vote(voters[i], "DN-2027-001", "yes"), 0);
		ck_assert_int_eq(vote(voters[i], "DN-2027-005", "yes"), 0);
	}
	ck_assert_int_eq(h_tcall(w.chu, "round.cast", NULL, "round", "1",
	                         "nomination", "DN-2027-005", NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.chu, "round.close", NULL, "round", "1",
	                         NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.chu, "round.results", &r, "round", "1",
	                         NULL),
	                 0);
	cell(r, "DN-2027-001", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "tied: chair's vote");
	cell(r, "DN-2027-005", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "tied: chair's vote");
	cell(r, "DN-2027-002", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "passed");
	lrl_reply_free(r);
	/* Only the chair casts, and only on a tie. */
	ck_assert_int_eq(h_tcall(w.thuky, "round.cast", NULL, "round", "1",
	                         "nomination", "DN-2027-005", NULL),
	                 LRL_EPERM);
	ck_assert_int_eq(h_tcall(w.chu, "round.cast", NULL, "round", "1",
	                         "nomination", "DN-2027-002", NULL),
	                 LRL_ESTATE);
	ck_assert_int_eq(h_tcall(w.chu, "round.cast", NULL, "round", "1",
	                         "nomination", "DN-2027-005", NULL),
	                 0);
	ck_assert_int_eq(h_tcall(w.chu, "round.results", &r, "round", "1",
	                         NULL),
	                 0);
	cell(r, "DN-2027-005", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "passed");
	cell(r, "DN-2027-005", 11, buf, sizeof buf);
	ck_assert_str_eq(buf, "1");
	cell(r, "DN-2027-001", 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "over the quota");
	cell(r, "DN-2027-001", 11, buf, sizeof buf);
	ck_assert_str_eq(buf, "2");
	lrl_reply_free(r);
	/* What the decisions read: the verdict of a nomination (a reader
	 * beside the server). */
	ck_assert_int_eq(store_open(w.e.store, STORE_READONLY, &st), 0);
	ck_assert_int_eq(store_begin(st, NULL, 0, &tx), 0);
	ck_assert_int_eq(council_verdict(tx, "DN-2027-005", &v), 0);
	ck_assert_uint_eq(v.round, 1);
	ck_assert_int_eq(v.passed, 1);
	ck_assert_int_eq(v.yes_bp, 8000);
	ck_assert_int_eq(council_verdict(tx, "DN-2027-001", &v), 0);
	ck_assert_int_eq(v.passed, 0);
	ck_assert_int_eq(v.rank, 2);
	ck_assert_int_eq(council_verdict(tx, "DN-2027-004", &v), LRL_ENOENT);
	store_abort(tx);
	store_close(st);
	world_down(&w);
}
END_TEST

Suite *suite_council(void)
{
	Suite *s = suite_create("council");
	TCase *tc = tcase_create("council");

	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc,
	               test_a_round_counts_ballots_of_all_members_and_verifies);
	tcase_add_test(
		tc,
		test_members_are_recused_from_themselves_their_unit_and_conflicts);
	tcase_add_test(tc, test_scores_stay_hidden_until_the_close);
	tcase_add_test(tc, test_written_votes_only_where_the_round_allows_them);
	tcase_add_test(tc, test_the_term_keeps_who_joined_and_left);
	tcase_add_test(tc, test_a_quota_ranks_ties_by_the_chairs_casting_vote);
	suite_add_tcase(s, tc);
	return s;
}
