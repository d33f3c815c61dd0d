/*
 * test_policy.c — the role × action × scope matrix, checked through the
 * server's real executor: every action, for every role, is either allowed
 * or refused with a reason a person can read.
 */
#include <check.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "laurel/action.h"
#include "laurel/err.h"
#include "laurel/handler.h"
#include "laurel/mp.h"
#include "laurel/roster.h"
#include "laurel/store.h"
#include "laurel/users.h"
#include "laurel/wire.h"

static char dir[256];
static store *st;
static struct srv_ident ident;
static unsigned char sks[LRL_ROLE_COUNT][LRL_SK_LEN];
static uint32_t uids[LRL_ROLE_COUNT];
static uint32_t unit_kb, unit_duoc;
static uint64_t counter;
static const uint8_t nonce[LRL_NONCE_LEN] = {7};

static void must(int rc, const char *what)
{
	if (rc != 0)
		ck_abort_msg("%s: %s", what, lrl_strerror(rc));
}

static uint32_t add_unit(store_txn *t, const char *code)
{
	struct unit_rec u;

	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "%s", code);
	snprintf(u.name, sizeof u.name, "Khoa %s", code);
	snprintf(u.kind, sizeof u.kind, "department");
	must(unit_put(t, &u, 1), "unit_put");
	return u.id;
}

static void add_staff(store_txn *t, const char *code, uint32_t unit)
{
	struct staff_rec s;

	memset(&s, 0, sizeof s);
	snprintf(s.code, sizeof s.code, "%s", code);
	snprintf(s.full_name, sizeof s.full_name, "Nguyễn Văn %s", code);
	snprintf(s.sex, sizeof s.sex, "nam");
	s.birth = 4000;
	s.start = 15000;
	s.unit = unit;
	must(staff_put(t, &s, NULL), "staff_put");
}

/* A store with one account per role (each holding only that role). */
static void setup(void)
{
	const char *build = getenv("LAUREL_BUILD");
	char cmd[1024];
	store_txn *t;
	FILE *p;

	snprintf(dir, sizeof dir, "%s/laurel-policy.XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	rmdir(dir);
	snprintf(cmd, sizeof cmd,
	         "%s/laureld init --store %s --admin root --full-name 'Quản trị' "
	         "--password-stdin --test >/dev/null",
	         build ? build : "build", dir);
	p = popen(cmd, "w");
	ck_assert_ptr_nonnull(p);
	fputs("correct horse battery\n", p);
	ck_assert_int_eq(pclose(p), 0);
	must(store_open(dir, 0, &st), "store_open");
	must(store_begin(st, NULL, 1, &t), "begin");
	must(ident_load(t, dir, &ident), "ident");
	unit_kb = add_unit(t, "KHAMBENH");
	unit_duoc = add_unit(t, "DUOC");
	add_staff(t, "KB1", unit_kb);
	add_staff(t, "DU1", unit_duoc);
	for (int r = 0; r < LRL_ROLE_COUNT; r++) {
		struct user_rec u;
		memset(&u, 0, sizeof u);
		snprintf(u.login, sizeof u.login, "r-%s", action_role_name(r));
		snprintf(u.full_name, sizeof u.full_name, "Người %d", r);
		crypto_sign_keypair(u.pk, sks[r]);
		u.ops = 1;
		u.mem = 8192;
		snprintf(u.lang, sizeof u.lang, "vi");
		if (r != LRL_ROLE_STAFF)
			users_add_role(&u, r, r == LRL_ROLE_HEAD ? unit_kb : 0);
		must(users_put(t, &u, 1), "users_put");
		uids[r] = u.id;
	}
	must(store_commit(t), "commit");
}

static void teardown(void)
{
	char cmd[512];

	store_close(st);
	st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Runs action as the account of role with params (a packed map) and
 * returns the result code; the transaction is always rolled back. */
static int run_as(int role, const struct lrl_action *a, const mp_buf *params,
                  struct lrl_fail *f)
{
	store_txn *t;
	mp_buf req, out;
	msgpack_unpacked u;
	uint8_t sig[LRL_SIG_LEN];
	struct exec_origin origin = {.uid = 0};
	int rc;

	memset(f, 0, sizeof *f);
	mp_buf_init(&req);
	mp_buf_init(&out);
	msgpack_unpacked_init(&u);
	must(store_begin(st, NULL, 1, &t), "begin");
	wire_req_encode(&req, ident.server_id, nonce, ++counter, uids[role],
	                a->name, params->sb.data, params->sb.size);
	if (a->kind == LRL_CMD) {
		crypto_sign_detached(sig, NULL, (const unsigned char *)req.sb.data,
		                     req.sb.size, sks[role]);
		rc = exec_command(t, &ident, (const uint8_t *)req.sb.data,
		                  req.sb.size, sig, 1765000000, origin, &out.pk,
		                  NULL, f);
	} else {
		int defer = 0;
		mp_decode(&u, params->sb.data, params->sb.size);
		rc = exec_query(t, &ident, a, &u.data, uids[role], 1765000000,
		                &out.pk, f, &defer);
	}
	store_abort(t);
	msgpack_unpacked_destroy(&u);
	mp_buf_free(&req);
	mp_buf_free(&out);
	return rc;
}

START_TEST(test_every_action_for_every_role_is_allowed_or_refused_readably)
{
	mp_buf empty;

	mp_buf_init(&empty);
	msgpack_pack_map(&empty.pk, 0);
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		if (a->flags & AF_INTERNAL)
			continue;
		for (int r = 0; r < LRL_ROLE_COUNT; r++) {
			struct lrl_fail f;
			/* Staff is held by every account. */
			int allowed = a->policy[r] != LRL_SC_N ||
			              a->policy[LRL_ROLE_STAFF] != LRL_SC_N;
			int rc = run_as(r, a, &empty, &f);
			if (allowed) {
				ck_assert_msg(!(rc == LRL_EPERM &&
				                strstr(f.reason, "do not allow")),
				              "%s refused for %s: %s", a->name,
				              action_role_name(r), f.reason);
			} else {
				ck_assert_msg(rc == LRL_EPERM, "%s not refused for %s (%s)",
				              a->name, action_role_name(r),
				              lrl_strerror(rc));
				ck_assert_msg(strstr(f.reason, a->name) &&
				                      strstr(f.reason, action_role_name(r)),
				              "unreadable refusal of %s for %s: '%s'",
				              a->name, action_role_name(r), f.reason);
			}
		}
	}
	mp_buf_free(&empty);
}
END_TEST

START_TEST(test_the_store_creation_cannot_be_called_by_a_user)
{
	mp_buf empty;
	struct lrl_fail f;

	mp_buf_init(&empty);
	msgpack_pack_map(&empty.pk, 0);
	ck_assert_int_eq(run_as(LRL_ROLE_ADMIN,
	                        &lrl_actions[LRL_A_STORE_INIT], &empty, &f),
	                 LRL_EPERM);
	mp_buf_free(&empty);
}
END_TEST

static void edit_params(mp_buf *b, const char *code)
{
	mp_buf_init(b);
	msgpack_pack_map(&b->pk, 2);
	mp_pack_kv_str(&b->pk, "code", code);
	mp_pack_kv_str(&b->pk, "position", "Điều dưỡng trưởng");
}

START_TEST(test_head_of_khambenh_cannot_edit_staff_of_duoc)
{
	mp_buf p;
	struct lrl_fail f;

	edit_params(&p, "DU1");
	ck_assert_int_eq(run_as(LRL_ROLE_HEAD, &lrl_actions[LRL_A_STAFF_EDIT],
	                        &p, &f),
	                 LRL_EPERM);
	ck_assert_ptr_nonnull(strstr(f.reason, "own unit"));
	mp_buf_free(&p);
}
END_TEST

START_TEST(test_head_of_khambenh_edits_staff_of_khambenh)
{
	mp_buf p;
	struct lrl_fail f;

	edit_params(&p, "KB1");
	ck_assert_int_eq(run_as(LRL_ROLE_HEAD, &lrl_actions[LRL_A_STAFF_EDIT],
	                        &p, &f),
	                 0);
	mp_buf_free(&p);
}
END_TEST

START_TEST(test_head_cannot_move_own_staff_into_another_unit)
{
	mp_buf p;
	struct lrl_fail f;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 2);
	mp_pack_kv_str(&p.pk, "code", "KB1");
	mp_pack_kv_str(&p.pk, "unit", "DUOC");
	ck_assert_int_eq(run_as(LRL_ROLE_HEAD, &lrl_actions[LRL_A_STAFF_EDIT],
	                        &p, &f),
	                 LRL_EPERM);
	ck_assert_str_eq(f.field, "unit");
	mp_buf_free(&p);
}
END_TEST

START_TEST(test_staff_see_only_their_own_account)
{
	mp_buf p;
	struct lrl_fail f;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_str(&p.pk, "login", "r-admin");
	ck_assert_int_eq(run_as(LRL_ROLE_STAFF, &lrl_actions[LRL_A_USER_SHOW],
	                        &p, &f),
	                 LRL_EPERM);
	mp_buf_reset(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_str(&p.pk, "login", "r-staff");
	ck_assert_int_eq(run_as(LRL_ROLE_STAFF, &lrl_actions[LRL_A_USER_SHOW],
	                        &p, &f),
	                 0);
	mp_buf_free(&p);
}
END_TEST

START_TEST(test_staff_cannot_see_another_staff_record)
{
	mp_buf p;
	struct lrl_fail f;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_str(&p.pk, "code", "KB1");
	ck_assert_int_eq(run_as(LRL_ROLE_STAFF, &lrl_actions[LRL_A_STAFF_SHOW],
	                        &p, &f),
	                 LRL_EPERM);
	ck_assert_int_eq(run_as(LRL_ROLE_HEAD, &lrl_actions[LRL_A_STAFF_SHOW],
	                        &p, &f),
	                 0);
	mp_buf_free(&p);
}
END_TEST

Suite *suite_policy(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("matrix");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_every_action_for_every_role_is_allowed_or_refused_readably);
	tcase_add_test(tc, test_the_store_creation_cannot_be_called_by_a_user);
	tcase_add_test(tc, test_head_of_khambenh_cannot_edit_staff_of_duoc);
	tcase_add_test(tc, test_head_of_khambenh_edits_staff_of_khambenh);
	tcase_add_test(tc, test_head_cannot_move_own_staff_into_another_unit);
	tcase_add_test(tc, test_staff_see_only_their_own_account);
	tcase_add_test(tc, test_staff_cannot_see_another_staff_record);
	suite_add_tcase(s, tc);
	return s;
}
