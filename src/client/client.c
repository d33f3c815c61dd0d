/* client.c — connection, login and signed calls (see client.h). */
#include "laurel/client.h"
#include "laurel/action.h"

#include "laurel/ballot.h"

#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/keys.h"
#include "laurel/mp.h"
#include "laurel/wire.h"

#define PRIVATE_IDLE_EXIT "60"
#define SPAWN_WAIT_MS 10000

struct lrl_conn {
	int fd;
	uint8_t server_id[LRL_SERVER_ID_LEN];
	uint8_t nonce[LRL_NONCE_LEN];
	uint64_t counter;
	uint64_t kdf_ops, kdf_mem;
	unsigned char *sk; /* sodium_malloc'd, LRL_SK_LEN */
	uint8_t pk[LRL_PK_LEN];
	struct lrl_session session;
	int logged_in;
	int changed;
	int asleep; /* queries left to await asleep (see await_query_reply) */
	int one_cpu; /* the client has one processor: never awake */
	mp_buf buf;
	mp_buf req;
};

static int connect_path(const char *path, int *fd_out)
{
	struct sockaddr_un sa;
	int fd;

	if (strlen(path) >= sizeof sa.sun_path)
		return LRL_EINVAL;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path));
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return LRL_ECONN;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return LRL_ECONN;
	}
	*fd_out = fd;
	return 0;
}

/* Has this process a single processor to run on (asked once per
 * connection, not at every query)? */
static int one_cpu(void)
{
	cpu_set_t cpus;

	return sched_getaffinity(0, sizeof cpus, &cpus) != 0 ||
	       CPU_COUNT(&cpus) < 2;
}

int lrl_connect(const char *path, lrl_conn **out)
{
	lrl_conn *c;
	int fd, rc;

	*out = NULL;
	if ((rc = connect_path(path, &fd)) != 0)
		return rc;
	if ((c = calloc(1, sizeof *c)) == NULL) {
		close(fd);
		return LRL_ENOMEM;
	}
	c->fd = fd;
	c->one_cpu = one_cpu();
	mp_buf_init(&c->buf);
	mp_buf_init(&c->req);
	*out = c;
	return 0;
}

/* The laureld beside this program, else the one on PATH. */
static void find_laureld(char *buf, size_t n)
{
	char self[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);

	if (len > 0) {
		char *slash;
		self[len] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, n, "%s/laureld", self);
			if (access(buf, X_OK) == 0)
				return;
			snprintf(buf, n, "%s/../sbin/laureld", self);
			if (access(buf, X_OK) == 0)
				return;
		}
	}
	snprintf(buf, n, "laureld");
}

int lrl_connect_store(const char *dir, lrl_conn **out)
{
	char sock[PATH_MAX + 16], exe[PATH_MAX + 32], data[PATH_MAX + 16];
	struct stat st;
	pid_t pid;
	int rc;

	snprintf(sock, sizeof sock, "%s/laureld.sock", dir);
	if (lrl_connect(sock, out) == 0)
		return 0;
	snprintf(data, sizeof data, "%s/data.mdb", dir);
	if (stat(data, &st) != 0)
		return LRL_ENOENT;
	find_laureld(exe, sizeof exe);
	pid = fork();
	if (pid < 0)
		return LRL_ECONN;
	if (pid == 0) {
		/* Detach: the private server outlives this client briefly and
		 * must not receive its terminal's signals. */
		int nul = open("/dev/null", O_RDWR);
		setsid();
		if (nul >= 0) {
			dup2(nul, 0);
			dup2(nul, 1);
			dup2(nul, 2);
		}
		if (fork() == 0) {
			execlp(exe, "laureld", "serve", "--store", dir, "--socket",
			       sock, "--idle-exit", PRIVATE_IDLE_EXIT, (char *)NULL);
			_exit(127);
		}
		_exit(0);
	}
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	for (int waited = 0; waited < SPAWN_WAIT_MS; waited += 20) {
		struct timespec ts = {0, 20 * 1000000L};
		if ((rc = lrl_connect(sock, out)) == 0)
			return 0;
		nanosleep(&ts, NULL);
	}
	return LRL_ECONN;
}

void lrl_close(lrl_conn *c)
{
	if (c == NULL)
		return;
	close(c->fd);
	if (c->sk)
		sodium_free(c->sk);
	mp_buf_free(&c->buf);
	mp_buf_free(&c->req);
	free(c);
}

void lrl_reply_free(struct lrl_reply *r)
{
	if (r == NULL)
		return;
	msgpack_unpacked_destroy(&r->u);
	free(r->frame);
	free(r);
}

/* Reads frames until one that is not a notification. */
/* A message's arguments (the array a, or none) into out: how many.  An
 * argument it cannot read stays in its place, empty. */
static int read_args(const msgpack_object *a, char out[][MSG_ARG_LEN])
{
	int n = 0;

	if (a == NULL || a->type != MSGPACK_OBJECT_ARRAY)
		return 0;
	for (; n < (int)a->via.array.size && n < MSG_ARGS_MAX; n++)
		if (mp_get_strbuf(&a->via.array.ptr[n], out[n], MSG_ARG_LEN) != 0)
			out[n][0] = '\0';
	return n;
}

static int read_reply(lrl_conn *c, struct lrl_reply **out, int *type_out)
{
	for (;;) {
		struct lrl_reply *r = calloc(1, sizeof *r);
		enum wire_type type;
		const msgpack_object *body;
		size_t len;
		int rc;

		if (r == NULL)
			return LRL_ENOMEM;
		msgpack_unpacked_init(&r->u);
		if ((rc = wire_read_frame(c->fd, &r->frame, &len)) != 0 ||
		    (rc = wire_decode(&r->u, r->frame, len, &type, &body)) != 0) {
			lrl_reply_free(r);
			return rc == LRL_EPROTO || rc == LRL_EVERSION ? rc : LRL_ECONN;
		}
		if (type == WIRE_NOTIFY) {
			c->changed = 1;
			lrl_reply_free(r);
			continue;
		}
		if (type == WIRE_ERR) {
			const char *s;
			size_t n;
			int64_t retry = 0;
			r->code = LRL_EPROTO;
			if (mp_get_str(mp_map_get(body, "code"), &s, &n) == 0)
				r->code = lrl_errcode(s, n);
			mp_get_strbuf(mp_map_get(body, "field"), r->field,
			              sizeof r->field);
			if (mp_get_str(mp_map_get(body, "message"), &s, &n) == 0)
				snprintf(r->message, sizeof r->message, "%.*s", (int)n, s);
			if (mp_get_i64(mp_map_get(body, "retry"), &retry) == 0)
				r->retry_after = retry;
		} else {
			r->body = body;
		}
		if (body->type == MSGPACK_OBJECT_MAP) {
			const msgpack_object *a = mp_map_get(body, "args");
			mp_get_strbuf(mp_map_get(body, "fmt"), r->fmt, sizeof r->fmt);
			r->nargs = read_args(a, r->args);
		}
		*type_out = (int)type;
		*out = r;
		return 0;
	}
}

/*
 * A query's answer usually comes back within tens of microseconds, less
 * than it takes a sleeping processor to wake up again on a virtual
 * machine.  So the client waits for it awake, for at most this long,
 * before it sleeps in read(); a command's answer waits for the disk and
 * is awaited asleep.  When an answer takes longer than that (laureld is
 * busy: many sessions asking at once), the next QUERY_ASLEEP_AFTER_MISS
 * queries are awaited asleep, leaving the processors to laureld.  With a
 * single processor to share with laureld, waiting awake would only delay
 * the answer, so the client does not.
 */
#define QUERY_AWAKE_NS 100000L
#define QUERY_ASLEEP_AFTER_MISS 32

static void await_query_reply(lrl_conn *c)
{
	struct timespec t0, t;
	char b;

	if (c->one_cpu)
		return;
	if (c->asleep > 0) {
		c->asleep--;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		ssize_t r = recv(c->fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
		if (r >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK &&
		               errno != EINTR))
			return;
		clock_gettime(CLOCK_MONOTONIC, &t);
		if ((t.tv_sec - t0.tv_sec) * 1000000000L +
		            (t.tv_nsec - t0.tv_nsec) >
		    QUERY_AWAKE_NS) {
			c->asleep = QUERY_ASLEEP_AFTER_MISS;
			return;
		}
	}
}

/* Sends a frame and reads its answer; query says it is a query's. */
static int exchange(lrl_conn *c, const void *payload, size_t len,
                    struct lrl_reply **out, int *type, int query)
{
	int rc;

	*out = NULL;
	if ((rc = wire_write_frame(c->fd, payload, len)) != 0)
		return rc;
	if (query)
		await_query_reply(c);
	return read_reply(c, out, type);
}

static int roundtrip(lrl_conn *c, const void *payload, size_t len,
                     struct lrl_reply **out, int *type)
{
	return exchange(c, payload, len, out, type, 0);
}

/* The words the server puts into messages as arguments; the catalogue
 * has them all. */
#define N_(s) (s)
static const char *const arg_words[] = {
	N_("draft"),      N_("published"),  N_("signed"),
	N_("cancelled"),  N_("forwarded"),  N_("granted"),
	N_("refused"),    N_("open"),       N_("closed"),
	N_("found"),      N_("nurtured"),   N_("summarised"),
	N_("replicated"), N_("dropped"),    N_("submitted"),
	N_("endorsed"),   N_("accepted"),   N_("returned"),
	N_("hospital"),   N_("province"),   N_("national"),
	N_("reprimand"),  N_("warning"),    N_("dismissal"),
};

void lrl_arg_word(char *arg)
{
	for (size_t i = 0; i < sizeof arg_words / sizeof arg_words[0]; i++)
		if (!strcmp(arg, arg_words[i])) {
			snprintf(arg, MSG_ARG_LEN, "%s",
			         dgettext("laurel", arg_words[i]));
			return;
		}
}

int lrl_msg_apply(const char *fmt, char args[][MSG_ARG_LEN], int nargs,
                  char *out, size_t n)
{
	char a[MSG_ARGS_MAX][MSG_ARG_LEN];
	const char *tr;

	if (fmt == NULL || fmt[0] == '\0')
		return -1;
	tr = dgettext("laurel", fmt);
	if (tr == fmt || strcmp(tr, fmt) == 0)
		return -1;
	if (nargs > MSG_ARGS_MAX)
		nargs = MSG_ARGS_MAX;
	for (int i = 0; i < nargs; i++) {
		memcpy(a[i], args[i], MSG_ARG_LEN);
		lrl_arg_word(a[i]);
	}
	msg_apply(tr, a, nargs, out, n);
	return 0;
}

void lrl_msg_text(const msgpack_object *text, const msgpack_object *fmt,
                  const msgpack_object *args, char *out, size_t n)
{
	char f[512], a[MSG_ARGS_MAX][MSG_ARG_LEN];
	int nargs;

	if (n == 0)
		return;
	if (mp_get_strbuf(fmt, f, sizeof f) == 0) {
		nargs = read_args(args, a);
		if (lrl_msg_apply(f, a, nargs, out, n) == 0)
			return;
	}
	if (text && text->type == MSGPACK_OBJECT_STR)
		snprintf(out, n, "%.*s", (int)text->via.str.size,
		         text->via.str.ptr);
	else
		out[0] = '\0';
}

void lrl_reply_text(const struct lrl_reply *r, char *out, size_t n)
{
	const char *plain = r->message;
	char msg[1024] = "";

	if (r->code == 0 && r->body) {
		mp_get_strbuf(mp_map_get(r->body, "message"), msg, sizeof msg);
		plain = msg;
	}
	if (lrl_msg_apply(r->fmt, (char (*)[MSG_ARG_LEN])r->args, r->nargs,
	                  out, n) == 0)
		return;
	snprintf(out, n, "%s", plain[0] ? plain : lrl_strerror(r->code));
}

int lrl_raw(lrl_conn *c, const void *payload, size_t len,
            struct lrl_reply **out)
{
	int type;

	return roundtrip(c, payload, len, out, &type);
}

int lrl_login(lrl_conn *c, const char *login, const char *password,
              struct lrl_session *s, int64_t *retry_after)
{
	struct lrl_reply *r = NULL;
	uint8_t salt[LRL_SALT_LEN], pk[LRL_PK_LEN], sig[LRL_SIG_LEN];
	uint64_t ops, mem;
	unsigned char *sk = NULL;
	int type, rc;

	if (retry_after)
		*retry_after = 0;
	mp_buf_reset(&c->buf);
	wire_begin(&c->buf, WIRE_LOGIN);
	msgpack_pack_map(&c->buf.pk, 1);
	mp_pack_kv_str(&c->buf.pk, "user", login);
	if ((rc = roundtrip(c, c->buf.sb.data, c->buf.sb.size, &r, &type)) != 0)
		return rc;
	if (r->code != 0 || type != WIRE_CHALLENGE) {
		rc = r->code ? r->code : LRL_EPROTO;
		goto out;
	}
	if (mp_get_bin_exact(mp_map_get(r->body, "salt"), salt, sizeof salt) ||
	    mp_get_bin_exact(mp_map_get(r->body, "nonce"), c->nonce,
	                     sizeof c->nonce) ||
	    mp_get_bin_exact(mp_map_get(r->body, "server"), c->server_id,
	                     sizeof c->server_id) ||
	    mp_get_u64(mp_map_get(r->body, "ops"), &ops) ||
	    mp_get_u64(mp_map_get(r->body, "mem"), &mem)) {
		rc = LRL_EPROTO;
		goto out;
	}
	lrl_reply_free(r);
	r = NULL;
	if ((sk = sodium_malloc(LRL_SK_LEN)) == NULL)
		return LRL_ENOMEM;
	if ((rc = keys_derive(password, strlen(password), salt, ops, mem, pk,
	                      sk)) != 0)
		goto out;
	mp_buf_reset(&c->req);
	wire_login_message(&c->req, c->server_id, c->nonce, login);
	crypto_sign_detached(sig, NULL, (const unsigned char *)c->req.sb.data,
	                     c->req.sb.size, sk);
	mp_buf_reset(&c->buf);
	wire_begin(&c->buf, WIRE_PROVE);
	msgpack_pack_map(&c->buf.pk, 1);
	mp_pack_str(&c->buf.pk, "sig");
	mp_pack_bin(&c->buf.pk, sig, sizeof sig);
	if ((rc = roundtrip(c, c->buf.sb.data, c->buf.sb.size, &r, &type)) != 0)
		goto out;
	if (r->code != 0) {
		rc = r->code;
		if (retry_after)
			*retry_after = r->retry_after;
		goto out;
	}
	memset(&c->session, 0, sizeof c->session);
	{
		uint64_t id = 0;
		int mc = 0;
		mp_get_u64(mp_map_get(r->body, "id"), &id);
		mp_get_bool(mp_map_get(r->body, "must-change-password"), &mc);
		mp_get_u64(mp_map_get(r->body, "ops"), &c->kdf_ops);
		mp_get_u64(mp_map_get(r->body, "mem"), &c->kdf_mem);
		mp_get_strbuf(mp_map_get(r->body, "login"), c->session.login,
		              sizeof c->session.login);
		mp_get_strbuf(mp_map_get(r->body, "full-name"),
		              c->session.full_name, sizeof c->session.full_name);
		c->session.user_id = (uint32_t)id;
		c->session.must_change = mc;
	}
	if (c->sk)
		sodium_free(c->sk);
	c->sk = sk;
	sk = NULL;
	memcpy(c->pk, pk, sizeof pk);
	c->counter = 0;
	c->logged_in = 1;
	if (s)
		*s = c->session;
out:
	if (sk)
		sodium_free(sk);
	lrl_reply_free(r);
	return rc;
}

const struct lrl_session *lrl_session_of(lrl_conn *c)
{
	return &c->session;
}

int lrl_build_request(lrl_conn *c, const char *action, const void *params,
                      size_t params_len, uint64_t counter, void *mpbuf)
{
	wire_req_encode(mpbuf, c->server_id, c->nonce, counter,
	                c->session.user_id, action, params, params_len);
	return 0;
}

void lrl_sign(lrl_conn *c, const void *msg, size_t len, uint8_t *sig)
{
	crypto_sign_detached(sig, NULL, msg, len, c->sk);
}

int lrl_call_signed_with(lrl_conn *c, const void *req, size_t len,
                         const uint8_t *sig, struct lrl_reply **out)
{
	int type;

	mp_buf_reset(&c->buf);
	wire_begin(&c->buf, WIRE_CALL);
	msgpack_pack_map(&c->buf.pk, 2);
	mp_pack_str(&c->buf.pk, "req");
	mp_pack_bin(&c->buf.pk, req, len);
	mp_pack_str(&c->buf.pk, "sig");
	if (sig)
		mp_pack_bin(&c->buf.pk, sig, LRL_SIG_LEN);
	else
		msgpack_pack_nil(&c->buf.pk);
	return exchange(c, c->buf.sb.data, c->buf.sb.size, out, &type,
	                sig == NULL);
}

int lrl_call(lrl_conn *c, const char *action, const void *params,
             size_t params_len, struct lrl_reply **out)
{
	const struct lrl_action *a = action_find(action, strlen(action));
	uint8_t sig[LRL_SIG_LEN];
	int is_cmd = a == NULL || a->kind == LRL_CMD;

	*out = NULL;
	if (!c->logged_in)
		return LRL_EAUTH;
	c->counter++;
	lrl_build_request(c, action, params, params_len, c->counter, &c->req);
	if (is_cmd)
		lrl_sign(c, c->req.sb.data, c->req.sb.size, sig);
	return lrl_call_signed_with(c, c->req.sb.data, c->req.sb.size,
	                            is_cmd ? sig : NULL, out);
}

int lrl_pack_newpass(lrl_conn *c, const char *password, msgpack_packer *pk)
{
	uint8_t salt[LRL_SALT_LEN], pub[LRL_PK_LEN];
	unsigned char *sk = sodium_malloc(LRL_SK_LEN);
	int rc;

	if (sk == NULL)
		return LRL_ENOMEM;
	randombytes_buf(salt, sizeof salt);
	rc = keys_derive(password, strlen(password), salt, c->kdf_ops,
	                 c->kdf_mem, pub, sk);
	sodium_free(sk);
	if (rc != 0)
		return rc;
	mp_pack_str(pk, "salt");
	mp_pack_bin(pk, salt, sizeof salt);
	mp_pack_str(pk, "pk");
	mp_pack_bin(pk, pub, sizeof pub);
	mp_pack_kv_int(pk, "ops", (int64_t)c->kdf_ops);
	mp_pack_kv_int(pk, "mem", (int64_t)c->kdf_mem);
	return 0;
}

int lrl_passwd(lrl_conn *c, const char *new_password, struct lrl_reply **out)
{
	uint8_t pub[LRL_PK_LEN];
	unsigned char *sk = sodium_malloc(LRL_SK_LEN);
	mp_buf params;
	int rc;

	*out = NULL;
	if (sk == NULL)
		return LRL_ENOMEM;
	mp_buf_init(&params);
	rc = keys_rotation(new_password, c->server_id, c->session.user_id,
	                   c->kdf_ops, c->kdf_mem, &params.pk, pub, sk);
	if (rc == 0)
		rc = lrl_call(c, "user.passwd", params.sb.data, params.sb.size, out);
	mp_buf_free(&params);
	if (rc == 0 && (*out)->code == 0) {
		sodium_free(c->sk);
		c->sk = sk;
		memcpy(c->pk, pub, sizeof pub);
		c->session.must_change = 0;
	} else {
		sodium_free(sk);
	}
	return rc;
}

int lrl_watch(lrl_conn *c)
{
	struct lrl_reply *r = NULL;
	int type, rc;

	mp_buf_reset(&c->buf);
	wire_begin(&c->buf, WIRE_WATCH);
	msgpack_pack_map(&c->buf.pk, 0);
	rc = roundtrip(c, c->buf.sb.data, c->buf.sb.size, &r, &type);
	if (rc == 0)
		rc = r->code;
	lrl_reply_free(r);
	return rc;
}

void lrl_drain(lrl_conn *c)
{
	struct pollfd p = {c->fd, POLLIN, 0};

	while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
		char *frame = NULL;
		size_t len;
		msgpack_unpacked u;
		enum wire_type type;
		const msgpack_object *body;

		if (wire_read_frame(c->fd, &frame, &len) != 0)
			return;
		msgpack_unpacked_init(&u);
		if (wire_decode(&u, frame, len, &type, &body) == 0 &&
		    type == WIRE_NOTIFY)
			c->changed = 1;
		msgpack_unpacked_destroy(&u);
		free(frame);
	}
}

int lrl_changed(lrl_conn *c)
{
	int ch;

	lrl_drain(c);
	ch = c->changed;
	c->changed = 0;
	return ch;
}

int lrl_fd(lrl_conn *c)
{
	return c->fd;
}

uint64_t lrl_counter(lrl_conn *c)
{
	return c->counter;
}

void lrl_set_counter(lrl_conn *c, uint64_t v)
{
	c->counter = v;
}

int lrl_ballot(lrl_conn *c, uint32_t round, const char *nomination,
               const char *choice, struct lrl_reply **out)
{
	struct lrl_reply *r = NULL;
	uint8_t pk[BALLOT_KEY_LEN], sealed[BALLOT_SEALED_LEN];
	const msgpack_object *rec, *hex;
	char word[16] = "", ch;
	size_t bl = 0;
	mp_buf params;
	int rc;

	*out = NULL;
	/* The choice as the member typed it: "yes", "đồng ý", "khong" … */
	if (!action_choice("yes|no|abstain", choice, word, sizeof word))
		return LRL_EINVAL;
	ch = !strcmp(word, "yes") ? 'Y' : !strcmp(word, "no") ? 'N' : 'A';
	mp_buf_init(&params);
	msgpack_pack_map(&params.pk, 1);
	mp_pack_kv_int(&params.pk, "round", round);
	rc = lrl_call(c, "round.show", params.sb.data, params.sb.size, &r);
	if (rc != 0 || r->code != 0) {
		*out = r;
		goto out;
	}
	rec = mp_map_get(r->body, "record");
	hex = mp_map_get(rec, "ballot-key");
	if (hex == NULL || hex->type != MSGPACK_OBJECT_STR ||
	    sodium_hex2bin(pk, sizeof pk, hex->via.str.ptr, hex->via.str.size,
	                   NULL, &bl, NULL) != 0 ||
	    bl != sizeof pk) {
		lrl_reply_free(r);
		rc = LRL_EINVAL;
		goto out;
	}
	lrl_reply_free(r);
	if (ballot_seal(sealed, pk, round, nomination, ch) != 0) {
		rc = LRL_EINVAL;
		goto out;
	}
	mp_buf_reset(&params);
	msgpack_pack_map(&params.pk, 3);
	mp_pack_kv_int(&params.pk, "round", round);
	mp_pack_kv_str(&params.pk, "nomination", nomination);
	mp_pack_str(&params.pk, "sealed");
	mp_pack_bin(&params.pk, sealed, sizeof sealed);
	rc = lrl_call(c, "ballot.cast", params.sb.data, params.sb.size, out);
out:
	ch = 0;
	mp_buf_free(&params);
	return rc;
}

int lrl_ballot_params(lrl_conn *c, const msgpack_object *params,
                      struct lrl_reply **out)
{
	char code[LRL_CODE_MAX + 1] = "", choice[16] = "";
	uint64_t round = 0;

	*out = NULL;
	if (mp_get_u64(mp_map_get(params, "round"), &round) != 0 ||
	    mp_get_strbuf(mp_map_get(params, "nomination"), code,
	                  sizeof code) != 0 ||
	    mp_get_strbuf(mp_map_get(params, "choice"), choice,
	                  sizeof choice) != 0)
		return LRL_EINVAL;
	return lrl_ballot(c, (uint32_t)round, code, choice, out);
}

void lrl_use_language(const char *lang)
{
	char dir[4096];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 16);
	char *slash = NULL;

	if (n > 0) {
		dir[n] = '\0';
		slash = strrchr(dir, '/');
	}
	if (slash) {
		strcpy(slash, "/locale");
		bindtextdomain("laurel", access(dir, R_OK) == 0 ? dir : LOCALEDIR);
	} else {
		bindtextdomain("laurel", LOCALEDIR);
	}
	bind_textdomain_codeset("laurel", "UTF-8");
	textdomain("laurel");
	setenv("LANGUAGE", lang && strcmp(lang, "en") == 0 ? "en" : "vi", 1);
	/* Make gettext notice the change of language. */
	setlocale(LC_MESSAGES, "");
}
