/*
 * test_server.c — laureld as its clients and its auditors meet it: logins
 * and their back-off, signed requests, malformed frames, tampering found
 * by `laureld verify`, many writers at once, crashes and hot backups.
 *
 * Every test starts the real build/laureld on a store of its own in a
 * temporary directory, with the clock pinned (tests/lib/harness.h).
 */
#include <check.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "laurel/client.h"
#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/limits.h"
#include "laurel/mp.h"
#include "laurel/store.h"
#include "laurel/wire.h"

#define TEMP_PASSWORD "mật khẩu tạm thời 01"
#define USER_PASSWORD "mật khẩu riêng của tôi"
#define WRONG_PASSWORD "không phải mật khẩu này"

/* ---- helpers --------------------------------------------------------- */

static void env_up(struct h_env *e)
{
	ck_assert_msg(h_env_setup(e) == 0, "could not start laureld on a "
	                                   "test store (LAUREL_BUILD=%s)",
	              h_build());
}

static lrl_conn *login_ok(const char *sock, const char *login,
                          const char *password)
{
	lrl_conn *c = NULL;
	int rc = h_login(sock, login, password, &c);

	ck_assert_msg(rc == 0, "login as %s: %s", login, lrl_strerror(rc));
	return c;
}

/* An account that has chosen its own password (USER_PASSWORD). */
static void add_active_user(const struct h_env *e, lrl_conn *admin,
                            const char *login)
{
	ck_assert_int_eq(h_user_add(admin, login, "Người dùng thử", TEMP_PASSWORD),
	                 0);
	ck_assert_int_eq(h_user_activate(e->srv.sock, login, TEMP_PASSWORD,
	                                 USER_PASSWORD),
	                 0);
}

/* The whole user list (one page of up to LRL_PAGE_MAX rows). */
static struct lrl_reply *list_users(lrl_conn *admin)
{
	struct lrl_reply *r = NULL;
	mp_buf p;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_int(&p.pk, "limit", LRL_PAGE_MAX);
	ck_assert_int_eq(lrl_call(admin, "user.list", p.sb.data, p.sb.size, &r),
	                 0);
	mp_buf_free(&p);
	ck_assert_msg(r->code == 0, "user.list: %s", r->message);
	return r;
}

static int list_has(const struct lrl_reply *r, const char *login)
{
	const msgpack_object *rows = mp_map_get(r->body, "rows");
	size_t n = strlen(login);

	for (uint32_t i = 0; rows && i < rows->via.array.size; i++) {
		const char *s;
		size_t len;
		if (mp_get_str(&rows->via.array.ptr[i].via.array.ptr[0], &s,
		               &len) == 0 &&
		    len == n && memcmp(s, login, n) == 0)
			return 1;
	}
	return 0;
}

static size_t list_len(const struct lrl_reply *r)
{
	const msgpack_object *rows = mp_map_get(r->body, "rows");

	return rows ? rows->via.array.size : 0;
}

/* The bytes a session would send to grant role council to login, with
 * counter, and their signature by signer's key. */
static void grant_request(lrl_conn *session, lrl_conn *signer,
                          const char *login, uint64_t counter, mp_buf *req,
                          uint8_t sig[LRL_SIG_LEN])
{
	mp_buf p;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 2);
	mp_pack_kv_str(&p.pk, "login", login);
	mp_pack_kv_str(&p.pk, "role", "council");
	mp_buf_reset(req);
	lrl_build_request(session, "user.grant", p.sb.data, p.sb.size, counter,
	                  req);
	lrl_sign(signer, req->sb.data, req->sb.size, sig);
	mp_buf_free(&p);
}

/* Sends request bytes and returns the reply's code. */
static int send_signed(lrl_conn *c, const mp_buf *req,
                       const uint8_t sig[LRL_SIG_LEN])
{
	struct lrl_reply *r = NULL;
	int rc = lrl_call_signed_with(c, req->sb.data, req->sb.size, sig, &r);

	if (rc == 0)
		rc = r->code;
	lrl_reply_free(r);
	return rc;
}

/* The CALL message carrying request bytes and their signature. */
static void call_message(mp_buf *b, const mp_buf *req,
                         const uint8_t sig[LRL_SIG_LEN])
{
	mp_buf_reset(b);
	wire_begin(b, WIRE_CALL);
	msgpack_pack_map(&b->pk, 2);
	mp_pack_str(&b->pk, "req");
	mp_pack_bin(&b->pk, req->sb.data, req->sb.size);
	mp_pack_str(&b->pk, "sig");
	mp_pack_bin(&b->pk, sig, LRL_SIG_LEN);
}

/* Reads one frame from fd and returns its type; *code receives the
 * error's code for ERR frames (else 0). */
static enum wire_type read_message(int fd, int *code)
{
	msgpack_unpacked u;
	enum wire_type type;
	const msgpack_object *body;
	const char *name;
	char *frame = NULL;
	size_t len, nlen;
	int rc = wire_read_frame(fd, &frame, &len);

	ck_assert_msg(rc == 0, "no reply: %s", lrl_strerror(rc));
	msgpack_unpacked_init(&u);
	ck_assert_int_eq(wire_decode(&u, frame, len, &type, &body), 0);
	*code = 0;
	if (type == WIRE_ERR) {
		ck_assert_int_eq(mp_get_str(mp_map_get(body, "code"), &name,
		                            &nlen),
		                 0);
		*code = lrl_errcode(name, nlen);
	}
	msgpack_unpacked_destroy(&u);
	free(frame);
	return type;
}

static int raw_connect(const char *path)
{
	struct sockaddr_un sa;
	struct timeval tv = {2 * LRL_FRAME_TIMEOUT_S, 0};
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	ck_assert_int_ge(fd, 0);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	ck_assert_int_lt(snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path),
	                 (int)sizeof sa.sun_path);
	ck_assert_int_eq(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	/* A server that neither answers nor closes fails the test, not
	 * hangs it. */
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	return fd;
}

static void write_all(int fd, const void *p, size_t n)
{
	const uint8_t *b = p;

	while (n > 0) {
		ssize_t w = write(fd, b, n);
		ck_assert_msg(w > 0, "write: %s", strerror(errno));
		b += w;
		n -= (size_t)w;
	}
}

/* A one-line description of a message body's shape: its keys in order,
 * each with its type and (for bytes) its size. */
static void shape_of(const msgpack_object *o, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	ck_assert_int_eq(o->type, MSGPACK_OBJECT_MAP);
	for (uint32_t i = 0; i < o->via.map.size && used < n; i++) {
		const msgpack_object_kv *kv = &o->via.map.ptr[i];
		const char *type = kv->val.type == MSGPACK_OBJECT_BIN ? "bin"
		                   : kv->val.type == MSGPACK_OBJECT_STR ? "str"
		                   : kv->val.type == MSGPACK_OBJECT_NIL ? "nil"
		                                                        : "int";
		used += (size_t)snprintf(buf + used, n - used, "%.*s:%s%u ",
		                         (int)kv->key.via.str.size,
		                         kv->key.via.str.ptr, type,
		                         kv->val.type == MSGPACK_OBJECT_BIN
		                             ? kv->val.via.bin.size
		                             : 0);
	}
}

/* Sends LOGIN for user on a fresh connection; the reply is the
 * challenge.  *c receives the connection. */
static struct lrl_reply *raw_challenge(const struct h_env *e, const char *user,
                                       lrl_conn **c)
{
	struct lrl_reply *r = NULL;
	mp_buf b;

	ck_assert_int_eq(lrl_connect(e->srv.sock, c), 0);
	mp_buf_init(&b);
	wire_begin(&b, WIRE_LOGIN);
	msgpack_pack_map(&b.pk, 1);
	mp_pack_kv_str(&b.pk, "user", user);
	ck_assert_int_eq(lrl_raw(*c, b.sb.data, b.sb.size, &r), 0);
	mp_buf_free(&b);
	ck_assert_msg(r->code == 0 && r->body, "LOGIN %s: %s", user,
	              r->message);
	return r;
}

/* Sends PROVE with a signature nobody made; the reply is the refusal. */
static struct lrl_reply *raw_bad_proof(lrl_conn *c)
{
	struct lrl_reply *r = NULL;
	uint8_t sig[LRL_SIG_LEN] = {0};
	mp_buf b;

	mp_buf_init(&b);
	wire_begin(&b, WIRE_PROVE);
	msgpack_pack_map(&b.pk, 1);
	mp_pack_str(&b.pk, "sig");
	mp_pack_bin(&b.pk, sig, sizeof sig);
	ck_assert_int_eq(lrl_raw(c, b.sb.data, b.sb.size, &r), 0);
	mp_buf_free(&b);
	return r;
}

/* ---- logins ---------------------------------------------------------- */

START_TEST(test_login_with_the_right_password_opens_a_session)
{
	struct h_env e;
	struct lrl_session s;
	struct lrl_reply *r = NULL;
	lrl_conn *c;
	int64_t retry = -1;
	char buf[256];

	env_up(&e);
	ck_assert_int_eq(lrl_connect(e.srv.sock, &c), 0);
	ck_assert_int_eq(lrl_login(c, H_ADMIN, H_ADMIN_PASSWORD, &s, &retry), 0);
	ck_assert_str_eq(s.login, H_ADMIN);
	ck_assert_str_eq(s.full_name, H_ADMIN_NAME);
	ck_assert_int_eq(s.must_change, 0);
	ck_assert_int_eq(retry, 0);
	ck_assert_int_eq(h_call(c, "session.whoami", &r, NULL), 0);
	ck_assert_int_eq(h_record_str(r, "login", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, H_ADMIN);
	ck_assert_int_eq(h_record_str(r, "hospital", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, H_HOSPITAL);
	lrl_reply_free(r);
	lrl_close(c);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_login_with_a_wrong_password_is_refused)
{
	struct h_env e;
	lrl_conn *c = NULL;
	int64_t retry = -1;

	env_up(&e);
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, WRONG_PASSWORD, &c,
	                               &retry),
	                 LRL_EAUTH);
	ck_assert_ptr_null(c);
	/* One failure costs no wait. */
	ck_assert_int_eq(retry, 0);
	lrl_close(login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD));
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_login_of_an_unknown_user_is_refused_like_a_wrong_password)
{
	struct h_env e;
	lrl_conn *c = NULL, *known, *unknown, *again;
	struct lrl_reply *rk, *ru, *ra, *pk, *pu;
	char sk[256], su[256];
	int64_t retry = -1;

	env_up(&e);
	ck_assert_int_eq(h_login_retry(e.srv.sock, "khongcoai", H_ADMIN_PASSWORD,
	                               &c, &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(retry, 0);

	/* The challenge for a name nobody has looks like a real one.  (A
	 * name that has not failed yet either, so that the back-off the two
	 * refusals below carry is comparable.) */
	rk = raw_challenge(&e, H_ADMIN, &known);
	ru = raw_challenge(&e, "nguoila", &unknown);
	shape_of(rk->body, sk, sizeof sk);
	shape_of(ru->body, su, sizeof su);
	ck_assert_str_eq(sk, "salt:bin16 ops:int0 mem:int0 nonce:bin32 "
	                     "server:bin32 ");
	ck_assert_str_eq(su, sk);
	ck_assert_uint_eq(mp_map_get(ru->body, "ops")->via.u64,
	                  mp_map_get(rk->body, "ops")->via.u64);
	ck_assert_uint_eq(mp_map_get(ru->body, "mem")->via.u64,
	                  mp_map_get(rk->body, "mem")->via.u64);
	/* …and its salt is as stable as a real account's, so asking twice
	 * does not tell the names apart. */
	ra = raw_challenge(&e, "nguoila", &again);
	ck_assert_mem_eq(mp_map_get(ra->body, "salt")->via.bin.ptr,
	                 mp_map_get(ru->body, "salt")->via.bin.ptr, LRL_SALT_LEN);

	/* A wrong proof gets the same refusal for both names. */
	pk = raw_bad_proof(known);
	pu = raw_bad_proof(unknown);
	ck_assert_int_eq(pk->code, LRL_EAUTH);
	ck_assert_int_eq(pu->code, LRL_EAUTH);
	ck_assert_str_eq(pu->message, pk->message);
	ck_assert_str_eq(pu->field, pk->field);
	ck_assert_int_eq(pu->retry_after, pk->retry_after);

	lrl_reply_free(rk);
	lrl_reply_free(ru);
	lrl_reply_free(ra);
	lrl_reply_free(pk);
	lrl_reply_free(pu);
	lrl_close(known);
	lrl_close(unknown);
	lrl_close(again);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_login_during_backoff_is_refused_even_with_the_right_password)
{
	struct h_env e;
	lrl_conn *c = NULL;
	int64_t retry = -1;

	env_up(&e);
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, WRONG_PASSWORD, &c,
	                               &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, WRONG_PASSWORD, &c,
	                               &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(retry, 1);
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                               &c, &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(retry, 1);
	ck_assert_int_eq(h_env_advance(&e, 1), 0);
	lrl_close(login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD));
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_five_failures_lock_the_account_out_for_fifteen_minutes)
{
	struct h_env e;
	lrl_conn *c = NULL;
	int64_t retry = -1;

	env_up(&e);
	/* After failure n (n ≥ 2) the next attempt waits 2^(n-2) s; the
	 * clock is moved past each wait so that every attempt counts. */
	for (int n = 1; n < LRL_LOCKOUT_FAILURES; n++) {
		int64_t wait = n >= 2 ? (int64_t)1 << (n - 2) : 0;
		ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN,
		                               WRONG_PASSWORD, &c, &retry),
		                 LRL_EAUTH);
		ck_assert_msg(retry == wait, "after failure %d: wait %lld s, "
		                             "expected %lld", n,
		              (long long)retry, (long long)wait);
		ck_assert_int_eq(h_env_advance(&e, wait), 0);
	}
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, WRONG_PASSWORD, &c,
	                               &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(retry, LRL_LOCKOUT_MINUTES * 60);

	/* Locked out: even the right password is refused… */
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                               &c, &retry),
	                 LRL_EAUTH);
	ck_assert_int_gt(retry, 0);
	ck_assert_int_eq(h_env_advance(&e, LRL_LOCKOUT_MINUTES * 60 - 1), 0);
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                               &c, &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(retry, 1);
	/* …until the lock-out has run its course. */
	ck_assert_int_eq(h_env_advance(&e, 1), 0);
	lrl_close(login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD));
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_unknown_name_backs_off_like_a_real_account)
{
	struct h_env e;
	lrl_conn *c = NULL;
	int64_t known = -1, unknown = -1;

	env_up(&e);
	for (int n = 1; n <= LRL_LOCKOUT_FAILURES; n++) {
		ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN,
		                               WRONG_PASSWORD, &c, &known),
		                 LRL_EAUTH);
		ck_assert_int_eq(h_login_retry(e.srv.sock, "khongcoai",
		                               WRONG_PASSWORD, &c, &unknown),
		                 LRL_EAUTH);
		ck_assert_msg(known == unknown, "after failure %d: %lld s for "
		                                "the account, %lld s for the "
		                                "unknown name",
		              n, (long long)known, (long long)unknown);
		ck_assert_int_eq(h_env_advance(&e, known), 0);
	}
	ck_assert_int_eq(known, LRL_LOCKOUT_MINUTES * 60);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_lockout_survives_a_server_restart)
{
	struct h_env e;
	lrl_conn *c = NULL;
	int64_t retry = -1;

	env_up(&e);
	for (int n = 1; n <= LRL_LOCKOUT_FAILURES; n++) {
		ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN,
		                               WRONG_PASSWORD, &c, &retry),
		                 LRL_EAUTH);
		ck_assert_int_eq(h_env_advance(&e, n < LRL_LOCKOUT_FAILURES
		                                       ? retry
		                                       : 60),
		                 0);
	}
	ck_assert_int_eq(h_server_stop(&e.srv), 0);
	ck_assert_int_eq(h_server_start(&e.srv, e.store, NULL, e.clock), 0);
	ck_assert_int_eq(h_login_retry(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
	                               &c, &retry),
	                 LRL_EAUTH);
	ck_assert_int_eq(retry, (LRL_LOCKOUT_MINUTES - 1) * 60);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* ---- signed requests ------------------------------------------------- */

START_TEST(test_replayed_request_is_refused_and_adds_no_event)
{
	struct h_env e;
	lrl_conn *admin;
	uint8_t sig[LRL_SIG_LEN];
	uint64_t counter;
	int64_t events;
	mp_buf req;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	mp_buf_init(&req);
	counter = lrl_counter(admin) + 1;
	grant_request(admin, admin, H_ADMIN, counter, &req, sig);
	ck_assert_int_eq(send_signed(admin, &req, sig), 0);
	lrl_set_counter(admin, counter);
	events = h_event_count(admin);
	ck_assert_int_eq(events, 2);

	ck_assert_int_eq(send_signed(admin, &req, sig), LRL_EREPLAY);
	ck_assert_int_eq(h_event_count(admin), events);
	mp_buf_free(&req);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_request_of_another_session_is_refused)
{
	struct h_env e;
	lrl_conn *first, *second;
	uint8_t sig[LRL_SIG_LEN];
	mp_buf req;

	env_up(&e);
	first = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	second = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	mp_buf_init(&req);
	/* Same user, same key, a counter the second session has not used:
	 * only the session differs. */
	grant_request(first, first, H_ADMIN, lrl_counter(second) + 1, &req, sig);
	ck_assert_int_eq(send_signed(second, &req, sig), LRL_EREPLAY);
	ck_assert_int_eq(h_event_count(first), 1);
	mp_buf_free(&req);
	lrl_close(first);
	lrl_close(second);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_request_signed_with_another_users_key_is_refused)
{
	struct h_env e;
	lrl_conn *admin, *bob;
	uint8_t sig[LRL_SIG_LEN];
	uint64_t counter;
	int64_t events;
	mp_buf req;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	add_active_user(&e, admin, "bob");
	bob = login_ok(e.srv.sock, "bob", USER_PASSWORD);
	events = h_event_count(admin);

	/* The administrator's request, signed by Bob. */
	mp_buf_init(&req);
	counter = lrl_counter(admin) + 1;
	grant_request(admin, bob, "bob", counter, &req, sig);
	ck_assert_int_eq(send_signed(admin, &req, sig), LRL_ESIG);
	lrl_set_counter(admin, counter);
	ck_assert_int_eq(h_event_count(admin), events);
	mp_buf_free(&req);
	lrl_close(bob);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* A command with a bad signature learns nothing from its handler: the
 * answer is the same whether the command would have worked or failed. */
START_TEST(test_a_bad_signature_gets_no_other_answer)
{
	struct h_env e;
	lrl_conn *admin, *bob;
	uint8_t sig[LRL_SIG_LEN];
	uint64_t counter;
	int64_t events;
	mp_buf req;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	add_active_user(&e, admin, "bob");
	bob = login_ok(e.srv.sock, "bob", USER_PASSWORD);
	events = h_event_count(admin);
	mp_buf_init(&req);
	/* Signed rightly, granting a role to nobody fails in the handler. */
	counter = lrl_counter(admin) + 1;
	grant_request(admin, admin, "nobody", counter, &req, sig);
	ck_assert_int_eq(send_signed(admin, &req, sig), LRL_ENOENT);
	lrl_set_counter(admin, counter);
	/* Signed by Bob, the same failing command and a working one get
	 * only "bad signature", and neither leaves an event. */
	counter = lrl_counter(admin) + 1;
	grant_request(admin, bob, "nobody", counter, &req, sig);
	ck_assert_int_eq(send_signed(admin, &req, sig), LRL_ESIG);
	lrl_set_counter(admin, counter);
	counter = lrl_counter(admin) + 1;
	grant_request(admin, bob, "bob", counter, &req, sig);
	ck_assert_int_eq(send_signed(admin, &req, sig), LRL_ESIG);
	lrl_set_counter(admin, counter);
	ck_assert_int_eq(h_event_count(admin), events);
	/* And the server goes on: the same grant, rightly signed. */
	counter = lrl_counter(admin) + 1;
	grant_request(admin, admin, "bob", counter, &req, sig);
	ck_assert_int_eq(send_signed(admin, &req, sig), 0);
	lrl_set_counter(admin, counter);
	ck_assert_int_eq(h_event_count(admin), events + 1);
	mp_buf_free(&req);
	lrl_close(bob);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_pipelined_requests_are_answered_in_order)
{
	struct h_env e;
	lrl_conn *admin;
	uint8_t sig[LRL_SIG_LEN];
	uint64_t counter;
	mp_buf req, both, one;
	int code;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	add_active_user(&e, admin, "bob");
	/* Grant twice in one write: the second must wait for the first's
	 * commit, so it finds the role already granted. */
	mp_buf_init(&req);
	mp_buf_init(&one);
	mp_buf_init(&both);
	counter = lrl_counter(admin);
	for (int i = 1; i <= 2; i++) {
		uint8_t hdr[LRL_FRAME_HDR];
		grant_request(admin, admin, "bob", counter + (uint64_t)i, &req, sig);
		call_message(&one, &req, sig);
		wire_put_be32(hdr, (uint32_t)one.sb.size);
		mp_pack_raw(&both.pk, hdr, sizeof hdr);
		mp_pack_raw(&both.pk, one.sb.data, one.sb.size);
	}
	write_all(lrl_fd(admin), both.sb.data, both.sb.size);
	ck_assert_int_eq(read_message(lrl_fd(admin), &code), WIRE_OK);
	ck_assert_int_eq(read_message(lrl_fd(admin), &code), WIRE_ERR);
	ck_assert_int_eq(code, LRL_EEXIST);
	lrl_set_counter(admin, counter + 2);
	ck_assert_int_eq(h_call(admin, "session.whoami", NULL, NULL), 0);
	mp_buf_free(&req);
	mp_buf_free(&one);
	mp_buf_free(&both);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_new_account_may_only_see_itself_until_it_changes_password)
{
	struct h_env e;
	struct lrl_session s;
	struct lrl_reply *r = NULL;
	lrl_conn *admin, *nurse;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	ck_assert_int_eq(h_user_add(admin, "nurse", "Điều dưỡng Lan",
	                            TEMP_PASSWORD),
	                 0);
	ck_assert_int_eq(lrl_connect(e.srv.sock, &nurse), 0);
	ck_assert_int_eq(lrl_login(nurse, "nurse", TEMP_PASSWORD, &s, NULL), 0);
	ck_assert_int_eq(s.must_change, 1);

	ck_assert_int_eq(h_call(nurse, "session.whoami", NULL, NULL), 0);
	ck_assert_int_eq(h_call(nurse, "user.show", NULL, "login", "nurse",
	                        NULL),
	                 LRL_EMUSTCHANGE);
	ck_assert_int_eq(h_call(nurse, "audit.checkpoint", NULL, NULL),
	                 LRL_EMUSTCHANGE);
	ck_assert_int_eq(h_call(nurse, "user.grant", NULL, "login", "nurse",
	                        "role", "council", NULL),
	                 LRL_EMUSTCHANGE);

	ck_assert_int_eq(lrl_passwd(nurse, USER_PASSWORD, &r), 0);
	ck_assert_msg(r->code == 0, "passwd: %s", r->message);
	lrl_reply_free(r);
	ck_assert_int_eq(h_call(nurse, "user.show", NULL, "login", "nurse",
	                        NULL),
	                 0);
	ck_assert_int_eq(h_call(nurse, "audit.checkpoint", NULL, NULL), 0);
	lrl_close(nurse);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_changed_password_replaces_the_temporary_one)
{
	struct h_env e;
	struct lrl_session s;
	lrl_conn *admin, *c = NULL;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	add_active_user(&e, admin, "nurse");
	ck_assert_int_eq(h_login(e.srv.sock, "nurse", TEMP_PASSWORD, &c),
	                 LRL_EAUTH);
	ck_assert_int_eq(lrl_connect(e.srv.sock, &c), 0);
	ck_assert_int_eq(lrl_login(c, "nurse", USER_PASSWORD, &s, NULL), 0);
	ck_assert_int_eq(s.must_change, 0);
	lrl_close(c);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* ---- malformed frames ------------------------------------------------ */

enum bad_kind { BK_PAYLOAD, BK_TOO_LARGE, BK_TRUNCATED, BK_EMPTY };

static const struct bad_frame {
	const char *what;
	enum bad_kind kind;
	const char *payload; /* BK_PAYLOAD: the frame's bytes */
	size_t len;
	int code;            /* the error expected */
} bad_frames[] = {
	{"length above the limit", BK_TOO_LARGE, NULL, 0, LRL_ETOOBIG},
	{"truncated frame", BK_TRUNCATED, NULL, 0, LRL_EPROTO},
	{"zero-length frame", BK_EMPTY, NULL, 0, LRL_EPROTO},
	{"bytes that are not MessagePack", BK_PAYLOAD, "\xc1\xc1\xc1\xc1", 4,
	 LRL_EPROTO},
	{"MessagePack cut short", BK_PAYLOAD, "\x93\x01", 2, LRL_EPROTO},
	{"a bare integer", BK_PAYLOAD, "\x2a", 1, LRL_EPROTO},
	{"an array of two", BK_PAYLOAD, "\x92\x01\x02", 3, LRL_EPROTO},
	{"protocol version 99", BK_PAYLOAD, "\x93\x63\x02\x80", 4,
	 LRL_EVERSION},
	{"an unknown message type", BK_PAYLOAD, "\x93\x01\x2a\x80", 4,
	 LRL_EPROTO},
	{"a message only servers send", BK_PAYLOAD, "\x93\x01\x00\x80", 4,
	 LRL_EPROTO},
	{"a body that is not a map", BK_PAYLOAD, "\x93\x01\x02\x05", 4,
	 LRL_EPROTO},
};

START_TEST(test_malformed_frame_gets_an_error_and_only_its_connection_closes)
{
	const struct bad_frame *bf = &bad_frames[_i];
	struct h_env e;
	lrl_conn *other;
	uint8_t hdr[LRL_FRAME_HDR], junk[10] = {0};
	char byte;
	int fd, code;

	env_up(&e);
	other = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	fd = raw_connect(e.srv.sock);
	switch (bf->kind) {
	case BK_TOO_LARGE:
		wire_put_be32(hdr, LRL_FRAME_MAX + 1);
		write_all(fd, hdr, sizeof hdr);
		break;
	case BK_TRUNCATED:
		wire_put_be32(hdr, 100);
		write_all(fd, hdr, sizeof hdr);
		write_all(fd, junk, sizeof junk);
		ck_assert_int_eq(shutdown(fd, SHUT_WR), 0);
		break;
	case BK_EMPTY:
		wire_put_be32(hdr, 0);
		write_all(fd, hdr, sizeof hdr);
		break;
	case BK_PAYLOAD:
		wire_put_be32(hdr, (uint32_t)bf->len);
		write_all(fd, hdr, sizeof hdr);
		write_all(fd, bf->payload, bf->len);
		break;
	}

	ck_assert_msg(read_message(fd, &code) == WIRE_ERR,
	              "%s: not answered with an error", bf->what);
	ck_assert_msg(code == bf->code, "%s: error %s, expected %s", bf->what,
	              lrl_errname(code), lrl_errname(bf->code));
	ck_assert_msg(read(fd, &byte, 1) == 0,
	              "%s: the connection stayed open", bf->what);
	close(fd);

	ck_assert_int_eq(h_call(other, "session.whoami", NULL, NULL), 0);
	lrl_close(other);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_frame_left_unfinished_times_out)
{
	struct h_env e;
	uint8_t hdr[LRL_FRAME_HDR], part[10] = {0};
	struct timespec t0, t1;
	char byte;
	int fd, code;

	env_up(&e);
	fd = raw_connect(e.srv.sock);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	wire_put_be32(hdr, 100);
	write_all(fd, hdr, sizeof hdr);
	write_all(fd, part, sizeof part);
	ck_assert_int_eq(read_message(fd, &code), WIRE_ERR);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ck_assert_int_eq(code, LRL_EPROTO);
	ck_assert_int_ge(t1.tv_sec - t0.tv_sec, LRL_FRAME_TIMEOUT_S - 1);
	ck_assert_int_eq(read(fd, &byte, 1), 0);
	close(fd);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_frame_arriving_byte_by_byte_is_understood)
{
	struct h_env e;
	uint8_t hdr[LRL_FRAME_HDR];
	mp_buf b;
	int fd, code;

	env_up(&e);
	fd = raw_connect(e.srv.sock);
	mp_buf_init(&b);
	wire_begin(&b, WIRE_LOGIN);
	msgpack_pack_map(&b.pk, 1);
	mp_pack_kv_str(&b.pk, "user", H_ADMIN);
	wire_put_be32(hdr, (uint32_t)b.sb.size);
	for (size_t i = 0; i < sizeof hdr + b.sb.size; i++) {
		write_all(fd, i < sizeof hdr ? &hdr[i]
		                             : (uint8_t *)b.sb.data + i - sizeof hdr,
		          1);
		h_sleep_ms(1);
	}
	ck_assert_int_eq(read_message(fd, &code), WIRE_CHALLENGE);
	mp_buf_free(&b);
	close(fd);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* ---- tampering ------------------------------------------------------- */

#define MARKED_NAME "Trần Thị Bích Ngọc"

/*
 * A store with five events: 1 its creation, 2 and 3 two accounts (the
 * second named MARKED_NAME), 4 and 5 a role granted to the first and
 * revoked again — so the state after event 3 equals the state after 5.
 * The server's checkpoint of the five events is saved in DIR/checkpoint,
 * whose path goes to cp (size n).  The server is stopped on return.
 */
static void five_events(struct h_env *e, char *cp, size_t n)
{
	struct lrl_reply *r = NULL;
	lrl_conn *admin;
	char line[512];
	FILE *f;

	env_up(e);
	admin = login_ok(e->srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	ck_assert_int_eq(h_user_add(admin, "lan", "Nguyễn Thị Lan",
	                            TEMP_PASSWORD),
	                 0);
	ck_assert_int_eq(h_user_add(admin, "ngoc", MARKED_NAME, TEMP_PASSWORD),
	                 0);
	ck_assert_int_eq(h_call(admin, "user.grant", NULL, "login", "lan",
	                        "role", "council", NULL),
	                 0);
	ck_assert_int_eq(h_call(admin, "user.revoke", NULL, "login", "lan",
	                        "role", "council", NULL),
	                 0);
	ck_assert_int_eq(h_event_count(admin), 5);
	ck_assert_int_eq(h_call(admin, "audit.checkpoint", &r, NULL), 0);
	ck_assert_int_eq(h_record_str(r, "checkpoint", line, sizeof line), 0);
	lrl_reply_free(r);
	snprintf(cp, n, "%s/checkpoint", e->dir);
	ck_assert_ptr_nonnull(f = fopen(cp, "w"));
	fprintf(f, "%s\n", line);
	ck_assert_int_eq(fclose(f), 0);
	lrl_close(admin);
	ck_assert_int_eq(h_server_stop(&e->srv), 0);
}

/* Opens the stopped server's store for writing. */
static store_txn *tamper_begin(const struct h_env *e, store **st)
{
	store_txn *t = NULL;

	ck_assert_int_eq(store_open(e->store, 0, st), 0);
	ck_assert_int_eq(store_begin(*st, NULL, 1, &t), 0);
	return t;
}

static void tamper_end(store *st, store_txn *t)
{
	ck_assert_int_eq(store_commit(t), 0);
	store_close(st);
}

static void del_event(store_txn *t, uint64_t seq)
{
	uint8_t key[8];

	wire_put_be64(key, seq);
	ck_assert_int_eq(store_del(t, STORE_DB_EVENTS, key, sizeof key), 0);
}

/* Runs laureld verify (with cpfile unless NULL); returns the status. */
static int verify(const struct h_env *e, const char *cpfile,
                  struct h_output *out)
{
	if (cpfile)
		return h_laureld(out, NULL, "verify", "--store", e->store,
		                 "--checkpoint", cpfile, NULL);
	return h_laureld(out, NULL, "verify", "--store", e->store, NULL);
}

/* Verify fails, and its output names what went wrong: want. */
static void verify_fails_with(const struct h_env *e, const char *want)
{
	struct h_output out;

	ck_assert_int_ne(verify(e, NULL, &out), 0);
	ck_assert_msg(strstr(out.out, want) != NULL, "%s", out.out);
	h_output_free(&out);
}

/* A copy of the stored bytes of event seq (*vl bytes; the caller frees
 * it), decoded into ev, whose pointers point into the copy; u holds the
 * decoding (the caller destroys it). */
static uint8_t *event_copy(store_txn *t, uint64_t seq, size_t *vl,
                           msgpack_unpacked *u, struct evlog_event *ev)
{
	const void *v;
	uint8_t *copy;

	ck_assert_int_eq(evlog_get(t, seq, &v, vl), 0);
	ck_assert_ptr_nonnull(copy = malloc(*vl));
	memcpy(copy, v, *vl);
	msgpack_unpacked_init(u);
	ck_assert_int_eq(evlog_decode(u, copy, *vl, ev), 0);
	return copy;
}

/* Overwrites event seq's stored bytes, as someone with the file could. */
static void event_overwrite(store_txn *t, uint64_t seq, const void *v,
                            size_t vl)
{
	uint8_t key[8];

	wire_put_be64(key, seq);
	ck_assert_int_eq(store_put(t, STORE_DB_EVENTS, key, sizeof key, v, vl,
	                           0),
	                 0);
}

START_TEST(test_untouched_store_passes_verify_with_and_without_checkpoint)
{
	struct h_env e;
	struct h_output out;
	char cp[H_PATH_MAX + 16];

	five_events(&e, cp, sizeof cp);

	ck_assert_msg(verify(&e, NULL, &out) == 0, "%s%s", out.out, out.err);
	ck_assert_ptr_nonnull(strstr(out.out, "PASSED: 5 events"));
	h_output_free(&out);
	ck_assert_msg(verify(&e, cp, &out) == 0, "%s%s", out.out, out.err);
	ck_assert_ptr_nonnull(strstr(out.out, "checkpoint matches"));
	h_output_free(&out);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_audit_verify_query_reports_a_passing_store)
{
	struct h_env e;
	struct lrl_reply *r = NULL;
	lrl_conn *admin;
	const char *msg;
	size_t len;

	env_up(&e);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	ck_assert_int_eq(h_user_add(admin, "lan", "Nguyễn Thị Lan",
	                            TEMP_PASSWORD),
	                 0);
	ck_assert_int_eq(h_call(admin, "audit.verify", &r, NULL), 0);
	ck_assert_int_eq(mp_get_str(mp_map_get(r->body, "message"), &msg, &len),
	                 0);
	ck_assert_msg(memmem(msg, len, "PASSED: 2 events", 16) != NULL, "%.*s",
	              (int)len, msg);
	lrl_reply_free(r);
	lrl_close(admin);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_verify_names_an_event_with_a_flipped_byte)
{
	struct h_env e;
	struct evlog_event ev;
	msgpack_unpacked u;
	store *st;
	store_txn *t;
	size_t vl;
	uint8_t *copy, *mark;
	char cp[H_PATH_MAX + 16];

	five_events(&e, cp, sizeof cp);
	t = tamper_begin(&e, &st);
	copy = event_copy(t, 3, &vl, &u, &ev);
	/* One letter of the name inside the signed request: "T" → "t", so
	 * the request still decodes and only its signature is wrong. */
	mark = memmem(copy + (ev.req - copy), ev.req_len, MARKED_NAME,
	              strlen(MARKED_NAME));
	ck_assert_ptr_nonnull(mark);
	mark[0] ^= 0x20;
	msgpack_unpacked_destroy(&u);
	event_overwrite(t, 3, copy, vl);
	free(copy);
	tamper_end(st, t);

	verify_fails_with(&e, "at event 3:");
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* An event deleted from the middle breaks the numbering; the last one,
 * which no later link covers, is vouched for by the head. */
static const struct {
	uint64_t seq;
	const char *want;
} deletions[] = {
	{3, "at event 3:"},
	{5, "at event 5: the store records 5 events but event 5 is missing"},
};

START_TEST(test_verify_names_a_deleted_event)
{
	struct h_env e;
	store *st;
	store_txn *t;
	char cp[H_PATH_MAX + 16];

	five_events(&e, cp, sizeof cp);
	t = tamper_begin(&e, &st);
	del_event(t, deletions[_i].seq);
	tamper_end(st, t);

	verify_fails_with(&e, deletions[_i].want);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_verify_and_backup_leave_an_older_store_alone)
{
	struct h_env e;
	struct h_output out;
	store *st;
	store_txn *t;
	const void *v;
	size_t vl;
	uint8_t head[8 + LRL_HASH_LEN], ver[4];
	char cp[H_PATH_MAX + 16], dest[H_PATH_MAX + 16];

	five_events(&e, cp, sizeof cp);
	t = tamper_begin(&e, &st);
	ck_assert_int_eq(store_get(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
	                           EVLOG_HEAD_KEY_LEN, &v, &vl),
	                 0);
	memcpy(head, v, sizeof head);
	ck_assert_int_eq(store_del(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
	                           EVLOG_HEAD_KEY_LEN),
	                 0);
	ck_assert_int_eq(store_put(t, STORE_DB_META, "head", 4, head,
	                           sizeof head, 0),
	                 0);
	wire_put_be32(ver, 1);
	ck_assert_int_eq(store_put(t, STORE_DB_META, "schema", 6, ver, 4, 0),
	                 0);
	tamper_end(st, t);

	verify_fails_with(&e, "restart the laureld service first");
	snprintf(dest, sizeof dest, "%s/copy", e.dir);
	ck_assert_int_ne(h_laureld(&out, NULL, "backup", "--store", e.store,
	                           dest, NULL),
	                 0);
	ck_assert_msg(strstr(out.err, "restart the laureld service first"),
	              "%s", out.err);
	h_output_free(&out);
	/* Untouched: still schema 1, the head still under META (read only:
	 * an ordinary open would migrate it). */
	ck_assert_int_eq(store_open(e.store, STORE_READONLY, &st), 0);
	ck_assert_int_eq(store_begin(st, NULL, 0, &t), 0);
	ck_assert_int_eq(store_get(t, STORE_DB_META, "head", 4, &v, &vl), 0);
	ck_assert_int_eq(store_get(t, STORE_DB_META, "schema", 6, &v, &vl), 0);
	ck_assert_uint_eq(wire_get_be32(v), 1);
	store_abort(t);
	store_close(st);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_verify_names_a_last_event_with_another_time)
{
	struct h_env e;
	struct evlog_event ev;
	msgpack_unpacked u;
	store *st;
	store_txn *t;
	size_t vl;
	uint8_t *copy;
	mp_buf b;
	char cp[H_PATH_MAX + 16];

	five_events(&e, cp, sizeof cp);
	t = tamper_begin(&e, &st);
	copy = event_copy(t, 5, &vl, &u, &ev);
	/* The server's time is not signed by the author: a month later. */
	ev.time += 30 * 86400;
	mp_buf_init(&b);
	evlog_encode(&b, &ev);
	event_overwrite(t, 5, b.sb.data, b.sb.size);
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&u);
	free(copy);
	tamper_end(st, t);

	verify_fails_with(&e, "at event 5: event 5 differs from the head "
	                      "recorded in the store");
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_truncated_log_passes_plain_verify_but_not_the_checkpoint)
{
	struct h_env e;
	struct h_output out;
	store *st;
	store_txn *t;
	const void *v;
	size_t vl;
	uint8_t head[8 + LRL_HASH_LEN];
	char cp[H_PATH_MAX + 16];

	five_events(&e, cp, sizeof cp);
	t = tamper_begin(&e, &st);
	del_event(t, 5);
	del_event(t, 4);
	/* The head rewritten to match: nothing in the store tells. */
	ck_assert_int_eq(evlog_get(t, 3, &v, &vl), 0);
	wire_put_be64(head, 3);
	evlog_hash(v, vl, head + 8);
	ck_assert_int_eq(store_put(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
	                           EVLOG_HEAD_KEY_LEN, head, sizeof head, 0),
	                 0);
	tamper_end(st, t);

	/* Events 4 and 5 cancelled each other: without the checkpoint the
	 * shorter log is consistent. */
	ck_assert_msg(verify(&e, NULL, &out) == 0, "%s", out.out);
	ck_assert_ptr_nonnull(strstr(out.out, "PASSED: 3 events"));
	h_output_free(&out);
	ck_assert_int_ne(verify(&e, cp, &out), 0);
	ck_assert_msg(strstr(out.out, "truncated or rolled back") != NULL, "%s",
	              out.out);
	h_output_free(&out);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* ---- load, crashes, backups ------------------------------------------ */

#define N_CLIENTS 32
#define N_WRITES 20

struct writer {
	const char *sock;
	int id;
	int login_rc;
	int rc[N_WRITES];
};

static void *concurrent_writer(void *arg)
{
	struct writer *w = arg;
	lrl_conn *c = NULL;
	char login[LRL_LOGIN_MAX + 1];

	for (int i = 0; i < N_WRITES; i++)
		w->rc[i] = LRL_ECONN;
	if ((w->login_rc = h_login(w->sock, H_ADMIN, H_ADMIN_PASSWORD, &c)) != 0)
		return NULL;
	for (int i = 0; i < N_WRITES; i++) {
		snprintf(login, sizeof login, "c%02dn%02d", w->id, i);
		w->rc[i] = h_user_add(c, login, "Nhân viên thử", TEMP_PASSWORD);
	}
	lrl_close(c);
	return NULL;
}

START_TEST(test_concurrent_writers_lose_no_acknowledged_write)
{
	static struct writer w[N_CLIENTS];
	pthread_t th[N_CLIENTS];
	struct h_env e;
	struct h_output out;
	struct lrl_reply *list;
	lrl_conn *admin;
	char login[LRL_LOGIN_MAX + 1];
	int acked = 0;

	env_up(&e);
	for (int i = 0; i < N_CLIENTS; i++) {
		w[i].sock = e.srv.sock;
		w[i].id = i;
		ck_assert_int_eq(pthread_create(&th[i], NULL, concurrent_writer,
		                                &w[i]),
		                 0);
	}
	for (int i = 0; i < N_CLIENTS; i++)
		pthread_join(th[i], NULL);

	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	list = list_users(admin);
	for (int i = 0; i < N_CLIENTS; i++) {
		ck_assert_msg(w[i].login_rc == 0, "client %d: login: %s", i,
		              lrl_strerror(w[i].login_rc));
		for (int j = 0; j < N_WRITES; j++) {
			snprintf(login, sizeof login, "c%02dn%02d", i, j);
			ck_assert_msg(w[i].rc[j] == 0, "%s: %s", login,
			              lrl_strerror(w[i].rc[j]));
			ck_assert_msg(list_has(list, login), "%s was acknowledged "
			              "but is missing", login);
			acked++;
		}
	}
	ck_assert_uint_eq(list_len(list), 1 + (size_t)acked);
	ck_assert_int_eq(h_event_count(admin), 1 + acked);
	lrl_reply_free(list);
	lrl_close(admin);
	ck_assert_int_eq(h_server_stop(&e.srv), 0);
	ck_assert_msg(h_laureld(&out, NULL, "verify", "--store", e.store, NULL) ==
	                  0,
	              "%s", out.out);
	h_output_free(&out);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

/* One client adding accounts PREFIXnnnn until it fails or is told to
 * stop; acked counts the acknowledged ones (a prefix of those sent). */
struct stream {
	const char *sock;
	char prefix[8];
	atomic_int acked;
	atomic_int stop;
	atomic_int done;
	int rc; /* why it ended: 0 when told to stop */
};

static void stream_login(const struct stream *s, int i, char *buf, size_t n)
{
	snprintf(buf, n, "%s%04d", s->prefix, i);
}

static void *stream_writer(void *arg)
{
	struct stream *s = arg;
	lrl_conn *c = NULL;
	char login[LRL_LOGIN_MAX + 1];

	s->rc = h_login(s->sock, H_ADMIN, H_ADMIN_PASSWORD, &c);
	for (int i = 0; s->rc == 0 && !atomic_load(&s->stop); i++) {
		stream_login(s, i, login, sizeof login);
		s->rc = h_user_add(c, login, "Nhân viên thử", TEMP_PASSWORD);
		if (s->rc == 0)
			atomic_store(&s->acked, i + 1);
	}
	lrl_close(c);
	atomic_store(&s->done, 1);
	return NULL;
}

static void stream_start(struct stream *s, pthread_t *th, const char *sock,
                         const char *prefix)
{
	memset(s, 0, sizeof *s);
	s->sock = sock;
	snprintf(s->prefix, sizeof s->prefix, "%s", prefix);
	ck_assert_int_eq(pthread_create(th, NULL, stream_writer, s), 0);
}

/* Waits until the stream has n acknowledged writes (or has ended). */
static void stream_wait(struct stream *s, int n)
{
	for (int waited = 0; atomic_load(&s->acked) < n && !atomic_load(&s->done);
	     waited++) {
		ck_assert_msg(waited < 20000, "the writer made no progress");
		h_sleep_ms(1);
	}
	ck_assert_msg(atomic_load(&s->acked) >= n, "the writer stopped: %s",
	              lrl_strerror(s->rc));
}

#define KILL_ROUNDS 20
#define KILL_DELAY_MAX_MS 30

START_TEST(test_killed_server_keeps_every_acknowledged_write)
{
	struct h_env e;
	struct h_output out;
	struct stream s[KILL_ROUNDS];
	struct lrl_reply *list;
	lrl_conn *admin;
	pthread_t th;
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	char prefix[8], login[LRL_LOGIN_MAX + 1];
	int64_t events;

	env_up(&e);
	for (int round = 0; round < KILL_ROUNDS; round++) {
		if (round > 0)
			ck_assert_int_eq(h_server_start(&e.srv, e.store, NULL,
			                                e.clock),
			                 0);
		snprintf(prefix, sizeof prefix, "k%02dn", round);
		stream_start(&s[round], &th, e.srv.sock, prefix);
		stream_wait(&s[round], 1);
		h_sleep_ms(rand_r(&seed) % (KILL_DELAY_MAX_MS + 1));
		h_server_kill(&e.srv);
		pthread_join(th, NULL);
		ck_assert_msg(s[round].rc == LRL_ECONN,
		              "round %d: the writer stopped for another reason: %s",
		              round, lrl_strerror(s[round].rc));
	}

	ck_assert_int_eq(h_server_start(&e.srv, e.store, NULL, e.clock), 0);
	admin = login_ok(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD);
	list = list_users(admin);
	for (int round = 0; round < KILL_ROUNDS; round++)
		for (int i = 0; i < atomic_load(&s[round].acked); i++) {
			stream_login(&s[round], i, login, sizeof login);
			ck_assert_msg(list_has(list, login), "%s was acknowledged "
			              "but is missing", login);
		}
	/* Every account is one whole event: nothing half-written. */
	events = h_event_count(admin);
	ck_assert_int_eq(events, (int64_t)list_len(list));
	lrl_reply_free(list);
	lrl_close(admin);
	ck_assert_int_eq(h_server_stop(&e.srv), 0);
	ck_assert_msg(h_laureld(&out, NULL, "verify", "--store", e.store, NULL) ==
	                  0,
	              "%s", out.out);
	h_output_free(&out);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

START_TEST(test_hot_backup_during_writes_is_a_verified_working_store)
{
	struct h_env e;
	struct h_server copy;
	struct h_output out;
	struct stream s;
	struct lrl_reply *list;
	lrl_conn *admin;
	pthread_t th;
	char dest[H_PATH_MAX + 16], login[LRL_LOGIN_MAX + 1];
	int before;

	env_up(&e);
	snprintf(dest, sizeof dest, "%s/backup", e.dir);
	stream_start(&s, &th, e.srv.sock, "b");
	stream_wait(&s, 5);
	before = atomic_load(&s.acked);
	ck_assert_msg(h_laureld(&out, NULL, "backup", "--store", e.store, dest,
	                        NULL) == 0,
	              "%s%s", out.out, out.err);
	h_output_free(&out);
	/* The writes went on while the copy was made. */
	ck_assert_int_eq(atomic_load(&s.done), 0);
	atomic_store(&s.stop, 1);
	pthread_join(th, NULL);
	ck_assert_msg(s.rc == 0, "a write failed during the backup: %s",
	              lrl_strerror(s.rc));

	ck_assert_msg(h_laureld(&out, NULL, "verify", "--store", dest, NULL) == 0,
	              "%s", out.out);
	h_output_free(&out);
	ck_assert_int_eq(h_server_start(&copy, dest, NULL, e.clock), 0);
	admin = login_ok(copy.sock, H_ADMIN, H_ADMIN_PASSWORD);
	list = list_users(admin);
	for (int i = 0; i < before; i++) {
		stream_login(&s, i, login, sizeof login);
		ck_assert_msg(list_has(list, login), "%s was acknowledged before "
		              "the backup began but is not in it", login);
	}
	lrl_reply_free(list);
	lrl_close(admin);
	ck_assert_int_eq(h_server_stop(&copy), 0);
	ck_assert_int_eq(h_env_done(&e), 0);
}
END_TEST

Suite *suite_server(void)
{
	Suite *s = suite_create("server");
	TCase *tc;

	tc = tcase_create("login");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_login_with_the_right_password_opens_a_session);
	tcase_add_test(tc, test_login_with_a_wrong_password_is_refused);
	tcase_add_test(tc,
	               test_login_of_an_unknown_user_is_refused_like_a_wrong_password);
	tcase_add_test(tc,
	               test_login_during_backoff_is_refused_even_with_the_right_password);
	tcase_add_test(tc, test_five_failures_lock_the_account_out_for_fifteen_minutes);
	tcase_add_test(tc, test_unknown_name_backs_off_like_a_real_account);
	tcase_add_test(tc, test_lockout_survives_a_server_restart);
	suite_add_tcase(s, tc);

	tc = tcase_create("requests");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_replayed_request_is_refused_and_adds_no_event);
	tcase_add_test(tc, test_request_of_another_session_is_refused);
	tcase_add_test(tc, test_request_signed_with_another_users_key_is_refused);
	tcase_add_test(tc, test_a_bad_signature_gets_no_other_answer);
	tcase_add_test(tc, test_pipelined_requests_are_answered_in_order);
	tcase_add_test(tc,
	               test_new_account_may_only_see_itself_until_it_changes_password);
	tcase_add_test(tc, test_changed_password_replaces_the_temporary_one);
	suite_add_tcase(s, tc);

	tc = tcase_create("frames");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(
	    tc, test_malformed_frame_gets_an_error_and_only_its_connection_closes,
	    0, (int)(sizeof bad_frames / sizeof bad_frames[0]));
	tcase_add_test(tc, test_frame_arriving_byte_by_byte_is_understood);
	tcase_add_test(tc, test_frame_left_unfinished_times_out);
	suite_add_tcase(s, tc);

	tc = tcase_create("tamper");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc,
	               test_untouched_store_passes_verify_with_and_without_checkpoint);
	tcase_add_test(tc, test_audit_verify_query_reports_a_passing_store);
	tcase_add_test(tc, test_verify_names_an_event_with_a_flipped_byte);
	tcase_add_loop_test(tc, test_verify_names_a_deleted_event, 0,
	                    sizeof deletions / sizeof deletions[0]);
	tcase_add_test(tc, test_verify_and_backup_leave_an_older_store_alone);
	tcase_add_test(tc, test_verify_names_a_last_event_with_another_time);
	tcase_add_test(tc,
	               test_truncated_log_passes_plain_verify_but_not_the_checkpoint);
	suite_add_tcase(s, tc);

	tc = tcase_create("load");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 240);
	tcase_add_test(tc, test_concurrent_writers_lose_no_acknowledged_write);
	tcase_add_test(tc, test_killed_server_keeps_every_acknowledged_write);
	tcase_add_test(tc, test_hot_backup_during_writes_is_a_verified_working_store);
	suite_add_tcase(s, tc);
	return s;
}
