/* server.c — laureld's event loop and group commit (see server.h). */
#include "laurel/server.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "laurel/auth.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/council.h"
#include "laurel/evlog.h"
#include "laurel/handler.h"
#include "laurel/mp.h"
#include "laurel/store.h"
#include "laurel/users.h"
#include "laurel/wire.h"

#define KEY_MAGIC "LAUREL-SERVER-KEY-1\n"
#define READ_CHUNK 65536

enum conn_state { CS_NEW, CS_CHALLENGED, CS_AUTHED };

struct conn {
	int fd;
	uid_t uid;
	pid_t pid;
	uint8_t *in;
	size_t in_len, in_cap;
	int64_t in_since_ms; /* when the unfinished frame began */
	uint8_t *out;
	size_t out_len, out_cap;
	int closing; /* close once out is flushed */
	int dead;    /* close now */
	int pending; /* a command is waiting for the group commit */
	int watch;
	enum conn_state state;
	char login[LRL_LOGIN_MAX + 1];
	size_t login_len;
	uint8_t nonce[LRL_NONCE_LEN];
	uint32_t user_id;
	uint64_t counter;
};

struct batch_item {
	struct conn *c;
	uid_t uid; /* the peer's credentials, copied for the writer */
	pid_t pid;
	uint8_t *req;
	size_t req_len;
	uint8_t sig[LRL_SIG_LEN];
	uint8_t pk[LRL_PK_LEN]; /* the author's key when the batch began */
	int sig_ok;             /* the signature checks against pk */
	uint32_t user_id;       /* the author (the session's account) */
	int keys;               /* the action makes or retires a ballot key */
};

struct verify_job {
	pid_t pid;
	int fd;
	struct conn *c;
	char *text;
	size_t len, cap;
};

/* The writer thread and the batch in flight (see "group commit"). */
struct item_result;
struct writer {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int started;
	int go;   /* under mu: a batch is handed over */
	int quit; /* under mu: no more batches */
	int done[2]; /* pipe: the writer writes a byte when a batch is done */
	/* Owned by the writer while busy, by the main thread otherwise. */
	int busy;
	struct batch_item *items;
	size_t n;
	struct item_result *res;
	int64_t now;
	uint64_t last_seq;
	int rc;
	int grown;
	/* A lone command whose signature the writer checks while the main
	 * thread applies it (see dispatch); under mu. */
	const struct batch_item *check;
	int check_done, check_ok;
	pthread_cond_t check_cv;
};

struct srv {
	const struct server_opts *o;
	store *st;
	struct srv_ident ident;
	unsigned char *sk;
	auth *auth;
	int lfd;
	struct conn **conns;
	size_t nconns;
	struct batch_item *batch; /* commands waiting for the next commit */
	size_t nbatch;
	size_t nverified; /* batch[0 .. nverified) have their signatures checked */
	struct writer w;
	struct verify_job vj;
	mp_buf reply;
	int64_t idle_since_ms;
};

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int server_clock_read(const char *path, long long *t)
{
	char buf[64];
	int64_t v;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return LRL_EIO;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return LRL_EINVAL;
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	if (date_parse_time(buf, &v) != 0)
		return LRL_EINVAL;
	*t = v;
	return 0;
}

/* Server time: the pinned clock on a test store, else the system's. */
static int64_t srv_now(struct srv *s)
{
	long long t;

	if (s->o->clock_file && server_clock_read(s->o->clock_file, &t) == 0)
		return t;
	return (int64_t)time(NULL);
}

int server_key_write(const char *dir, const unsigned char *sk)
{
	char path[LRL_PATH_MAX];
	int fd, rc = 0;

	snprintf(path, sizeof path, "%s/server.key", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return LRL_EIO;
	if (write(fd, KEY_MAGIC, strlen(KEY_MAGIC)) != (ssize_t)strlen(KEY_MAGIC) ||
	    write(fd, sk, LRL_SK_LEN) != LRL_SK_LEN || fsync(fd) != 0)
		rc = LRL_EIO;
	close(fd);
	return rc;
}

int server_key_load(const char *dir, unsigned char **out)
{
	char path[LRL_PATH_MAX], magic[sizeof KEY_MAGIC];
	unsigned char *sk;
	int fd, rc = 0;

	*out = NULL;
	snprintf(path, sizeof path, "%s/server.key", dir);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return errno == ENOENT ? LRL_ENOENT : LRL_EIO;
	if ((sk = sodium_malloc(LRL_SK_LEN)) == NULL) {
		close(fd);
		return LRL_ENOMEM;
	}
	if (read(fd, magic, strlen(KEY_MAGIC)) != (ssize_t)strlen(KEY_MAGIC) ||
	    memcmp(magic, KEY_MAGIC, strlen(KEY_MAGIC)) != 0 ||
	    read(fd, sk, LRL_SK_LEN) != LRL_SK_LEN)
		rc = LRL_ECORRUPT;
	close(fd);
	if (rc != 0) {
		sodium_free(sk);
		return rc;
	}
	*out = sk;
	return 0;
}

void server_key_free(unsigned char *sk)
{
	if (sk)
		sodium_free(sk);
}

/* ---- output ---------------------------------------------------------- */

static void conn_queue(struct conn *c, const void *payload, size_t len)
{
	size_t need = c->out_len + LRL_FRAME_HDR + len;

	if (c->dead)
		return;
	if (need > c->out_cap) {
		size_t cap = c->out_cap ? c->out_cap : 4096;
		uint8_t *p;
		while (cap < need)
			cap *= 2;
		if ((p = realloc(c->out, cap)) == NULL) {
			c->dead = 1;
			return;
		}
		c->out = p;
		c->out_cap = cap;
	}
	wire_put_be32(c->out + c->out_len, (uint32_t)len);
	memcpy(c->out + c->out_len + LRL_FRAME_HDR, payload, len);
	c->out_len = need;
}

static void conn_flush(struct conn *c)
{
	size_t off = 0;

	while (off < c->out_len) {
		ssize_t w = send(c->fd, c->out + off, c->out_len - off,
		                 MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (w <= 0) {
			c->dead = 1;
			return;
		}
		off += (size_t)w;
	}
	memmove(c->out, c->out + off, c->out_len - off);
	c->out_len -= off;
	if (c->out_len == 0 && c->out_cap > 65536) {
		free(c->out);
		c->out = NULL;
		c->out_cap = 0;
	}
}

static void reply_error(struct srv *s, struct conn *c, int code,
                        const char *field, const char *msg, int64_t retry)
{
	wire_error(&s->reply, code, field, msg, retry);
	conn_queue(c, s->reply.sb.data, s->reply.sb.size);
}

/* A refusal with its reason, translatable by the client. */
static void reply_fail(struct srv *s, struct conn *c, int code,
                       const struct lrl_fail *f)
{
	wire_error_m(&s->reply, code, f->field,
	             f->reason[0] ? f->reason : NULL, 0, &f->m);
	conn_queue(c, s->reply.sb.data, s->reply.sb.size);
}

/* A malformed frame: answer, then close this connection only. */
static void proto_error(struct srv *s, struct conn *c, int code,
                        const char *msg)
{
	reply_error(s, c, code, NULL, msg, 0);
	c->closing = 1;
}

/* ---- messages -------------------------------------------------------- */

static void on_login(struct srv *s, struct conn *c, const msgpack_object *b)
{
	const char *name;
	size_t len;
	uint8_t salt[LRL_SALT_LEN];
	uint64_t ops, mem;
	int rc;

	if (mp_get_str(mp_map_get(b, "user"), &name, &len) != 0 || len == 0) {
		proto_error(s, c, LRL_EPROTO, "LOGIN needs a user name");
		return;
	}
	if (c->state == CS_AUTHED) {
		reply_error(s, c, LRL_ESTATE, NULL, "already logged in", 0);
		return;
	}
	if (len > LRL_LOGIN_MAX)
		len = LRL_LOGIN_MAX; /* longer names cannot exist; answer alike */
	rc = auth_challenge(s->auth, s->st, &s->ident, name, len, salt, &ops,
	                    &mem);
	if (rc != 0) {
		reply_error(s, c, rc, NULL, NULL, 0);
		return;
	}
	memcpy(c->login, name, len);
	c->login[len] = '\0';
	c->login_len = len;
	randombytes_buf(c->nonce, sizeof c->nonce);
	c->state = CS_CHALLENGED;
	mp_buf_reset(&s->reply);
	wire_begin(&s->reply, WIRE_CHALLENGE);
	msgpack_pack_map(&s->reply.pk, 5);
	mp_pack_str(&s->reply.pk, "salt");
	mp_pack_bin(&s->reply.pk, salt, sizeof salt);
	mp_pack_kv_int(&s->reply.pk, "ops", (int64_t)ops);
	mp_pack_kv_int(&s->reply.pk, "mem", (int64_t)mem);
	mp_pack_str(&s->reply.pk, "nonce");
	mp_pack_bin(&s->reply.pk, c->nonce, sizeof c->nonce);
	mp_pack_str(&s->reply.pk, "server");
	mp_pack_bin(&s->reply.pk, s->ident.server_id, LRL_SERVER_ID_LEN);
	conn_queue(c, s->reply.sb.data, s->reply.sb.size);
}

static void on_prove(struct srv *s, struct conn *c, const msgpack_object *b)
{
	uint8_t sig[LRL_SIG_LEN];
	uint32_t uid = 0;
	int64_t retry = 0;
	struct user_rec u;
	store_txn *t;
	int rc;

	if (mp_get_bin_exact(mp_map_get(b, "sig"), sig, sizeof sig) != 0) {
		proto_error(s, c, LRL_EPROTO, "PROVE needs a 64-byte signature");
		return;
	}
	if (c->state != CS_CHALLENGED) {
		reply_error(s, c, LRL_ESTATE, NULL, "send LOGIN first", 0);
		return;
	}
	c->state = CS_NEW;
	rc = auth_prove(s->auth, s->st, &s->ident, srv_now(s), c->login,
	                c->login_len, c->nonce, sig, c->uid, &uid, &retry);
	if (rc != 0) {
		reply_error(s, c, LRL_EAUTH, NULL, NULL, retry);
		return;
	}
	if ((rc = store_begin(s->st, NULL, 0, &t)) != 0 ||
	    (rc = users_get(t, uid, &u)) != 0) {
		store_abort(t);
		reply_error(s, c, rc, NULL, NULL, 0);
		return;
	}
	store_abort(t);
	c->state = CS_AUTHED;
	c->user_id = uid;
	c->counter = 0;
	mp_buf_reset(&s->reply);
	wire_begin(&s->reply, WIRE_OK);
	msgpack_pack_map(&s->reply.pk, 6);
	mp_pack_kv_int(&s->reply.pk, "id", uid);
	mp_pack_kv_str(&s->reply.pk, "login", u.login);
	mp_pack_kv_str(&s->reply.pk, "full-name", u.full_name);
	mp_pack_str(&s->reply.pk, "must-change-password");
	u.must_change ? msgpack_pack_true(&s->reply.pk)
	              : msgpack_pack_false(&s->reply.pk);
	mp_pack_kv_int(&s->reply.pk, "ops", (int64_t)s->ident.kdf_ops);
	mp_pack_kv_int(&s->reply.pk, "mem", (int64_t)s->ident.kdf_mem);
	conn_queue(c, s->reply.sb.data, s->reply.sb.size);
}

static void start_verify(struct srv *s, struct conn *c)
{
	int p[2];
	pid_t pid;

	if (s->vj.pid > 0) {
		reply_error(s, c, LRL_EBUSY, NULL,
		            "a verification is already running; try again later", 0);
		return;
	}
	if (pipe2(p, O_CLOEXEC) != 0) {
		reply_error(s, c, LRL_EIO, NULL, NULL, 0);
		return;
	}
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		reply_error(s, c, LRL_EIO, NULL, NULL, 0);
		return;
	}
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		execl(s->o->self_exe, "laureld", "verify", "--store",
		      s->o->store_dir, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	memset(&s->vj, 0, sizeof s->vj);
	s->vj.pid = pid;
	s->vj.fd = p[0];
	s->vj.c = c;
	c->pending = 1;
}

static void finish_verify(struct srv *s)
{
	int status = 0;
	struct conn *c = s->vj.c;

	close(s->vj.fd);
	waitpid(s->vj.pid, &status, 0);
	if (c) {
		const char *text = s->vj.text ? s->vj.text : "";
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			mp_buf_reset(&s->reply);
			wire_begin(&s->reply, WIRE_OK);
			msgpack_pack_map(&s->reply.pk, 1);
			mp_pack_kv_str(&s->reply.pk, "message", text);
			conn_queue(c, s->reply.sb.data, s->reply.sb.size);
		} else {
			reply_error(s, c, LRL_ECORRUPT, NULL, text, 0);
		}
		c->pending = 0;
	}
	free(s->vj.text);
	memset(&s->vj, 0, sizeof s->vj);
	s->vj.fd = -1;
}

static void read_verify(struct srv *s)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(s->vj.fd, buf, sizeof buf)) > 0) {
		if (s->vj.len + (size_t)n + 1 > s->vj.cap) {
			size_t cap = (s->vj.cap ? s->vj.cap * 2 : 8192) + (size_t)n;
			char *p = realloc(s->vj.text, cap);
			if (p == NULL)
				break;
			s->vj.text = p;
			s->vj.cap = cap;
		}
		memcpy(s->vj.text + s->vj.len, buf, (size_t)n);
		s->vj.len += (size_t)n;
		s->vj.text[s->vj.len] = '\0';
	}
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
		finish_verify(s);
}

static void on_call(struct srv *s, struct conn *c, const msgpack_object *b)
{
	const uint8_t *req, *sig = NULL;
	size_t req_len, sig_len = 0;
	const msgpack_object *so;
	msgpack_unpacked u;
	struct wire_req r;
	const struct lrl_action *a;
	struct lrl_fail f;
	store_txn *t;
	int rc, defer = 0;

	if (mp_get_bin(mp_map_get(b, "req"), &req, &req_len) != 0) {
		proto_error(s, c, LRL_EPROTO, "CALL needs the request bytes");
		return;
	}
	so = mp_map_get(b, "sig");
	if (so && so->type != MSGPACK_OBJECT_NIL &&
	    (mp_get_bin(so, &sig, &sig_len) != 0 || sig_len != LRL_SIG_LEN)) {
		proto_error(s, c, LRL_EPROTO, "a signature has 64 bytes");
		return;
	}
	if (c->state != CS_AUTHED) {
		reply_error(s, c, LRL_EAUTH, NULL, "log in first", 0);
		return;
	}
	msgpack_unpacked_init(&u);
	if (wire_req_decode(&u, req, req_len, &r) != 0) {
		proto_error(s, c, LRL_EPROTO, "malformed request");
		goto out;
	}
	if (memcmp(r.server_id, s->ident.server_id, LRL_SERVER_ID_LEN) != 0 ||
	    memcmp(r.nonce, c->nonce, LRL_NONCE_LEN) != 0 ||
	    r.user_id != c->user_id) {
		reply_error(s, c, LRL_EREPLAY, NULL,
		            "request refused: it belongs to another session", 0);
		goto out;
	}
	if (r.counter <= c->counter) {
		reply_error(s, c, LRL_EREPLAY, NULL, NULL, 0);
		goto out;
	}
	c->counter = r.counter;
	a = action_find(r.action, r.action_len);
	if (a == NULL || (a->flags & AF_INTERNAL)) {
		reply_error(s, c, LRL_EINVAL, "action", "unknown action", 0);
		goto out;
	}
	if (a->kind == LRL_CMD) {
		struct batch_item *it;
		if (sig == NULL) {
			reply_error(s, c, LRL_ESIG, NULL,
			            "commands must be signed", 0);
			goto out;
		}
		it = &s->batch[s->nbatch];
		if ((it->req = malloc(req_len)) == NULL) {
			reply_error(s, c, LRL_ENOMEM, NULL, NULL, 0);
			goto out;
		}
		memcpy(it->req, req, req_len);
		it->req_len = req_len;
		memcpy(it->sig, sig, LRL_SIG_LEN);
		it->c = c;
		it->uid = c->uid;
		it->pid = c->pid;
		it->user_id = (uint32_t)r.user_id;
		it->keys = (a->flags & AF_KEYS) != 0;
		s->nbatch++;
		c->pending = 1;
		goto out;
	}
	memset(&f, 0, sizeof f);
	if ((rc = store_begin(s->st, NULL, 0, &t)) != 0) {
		reply_error(s, c, rc, NULL, NULL, 0);
		goto out;
	}
	mp_buf_reset(&s->reply);
	wire_begin(&s->reply, WIRE_OK);
	rc = exec_query(t, &s->ident, a, r.params, c->user_id, srv_now(s),
	                &s->reply.pk, &f, &defer);
	store_abort(t);
	if (rc != 0)
		reply_fail(s, c, rc, &f);
	else if (defer)
		start_verify(s, c);
	else
		conn_queue(c, s->reply.sb.data, s->reply.sb.size);
out:
	msgpack_unpacked_destroy(&u);
}

static void handle_frame(struct srv *s, struct conn *c, const uint8_t *p,
                         size_t len)
{
	msgpack_unpacked u;
	enum wire_type type;
	const msgpack_object *body;
	int rc;

	msgpack_unpacked_init(&u);
	rc = wire_decode(&u, p, len, &type, &body);
	if (rc != 0) {
		proto_error(s, c, rc,
		            rc == LRL_EVERSION ? "unsupported protocol version"
		                               : "malformed message");
		goto out;
	}
	if (body->type != MSGPACK_OBJECT_MAP) {
		proto_error(s, c, LRL_EPROTO, "the message body must be a map");
		goto out;
	}
	switch (type) {
	case WIRE_LOGIN:
		on_login(s, c, body);
		break;
	case WIRE_PROVE:
		on_prove(s, c, body);
		break;
	case WIRE_CALL:
		on_call(s, c, body);
		break;
	case WIRE_WATCH:
		if (c->state != CS_AUTHED) {
			reply_error(s, c, LRL_EAUTH, NULL, "log in first", 0);
			break;
		}
		c->watch = 1;
		mp_buf_reset(&s->reply);
		wire_begin(&s->reply, WIRE_OK);
		msgpack_pack_map(&s->reply.pk, 0);
		conn_queue(c, s->reply.sb.data, s->reply.sb.size);
		break;
	default:
		proto_error(s, c, LRL_EPROTO, "a client may not send this message");
	}
out:
	msgpack_unpacked_destroy(&u);
}

/* Handles every complete frame in c's input, unless a command is pending
 * (its reply must go first). */
static void conn_process(struct srv *s, struct conn *c)
{
	size_t off = 0;

	while (!c->pending && !c->closing && !c->dead &&
	       s->nbatch < LRL_BATCH_MAX) {
		uint32_t len;
		if (c->in_len - off < LRL_FRAME_HDR)
			break;
		len = wire_get_be32(c->in + off);
		if (len == 0) {
			proto_error(s, c, LRL_EPROTO, "empty frame");
			break;
		}
		if (len > LRL_FRAME_MAX) {
			proto_error(s, c, LRL_ETOOBIG, "frame too large");
			break;
		}
		if (c->in_len - off < LRL_FRAME_HDR + (size_t)len)
			break;
		handle_frame(s, c, c->in + off + LRL_FRAME_HDR, len);
		off += LRL_FRAME_HDR + len;
	}
	if (off) {
		memmove(c->in, c->in + off, c->in_len - off);
		c->in_len -= off;
		c->in_since_ms = c->in_len ? mono_ms() : 0;
	}
	if (c->in_len == 0 && c->in_cap > 65536) {
		free(c->in);
		c->in = NULL;
		c->in_cap = 0;
	}
}

static void conn_read(struct srv *s, struct conn *c)
{
	for (;;) {
		ssize_t n;
		size_t want = c->in_len + READ_CHUNK;
		if (want > LRL_FRAME_HDR + LRL_FRAME_MAX + READ_CHUNK)
			want = LRL_FRAME_HDR + LRL_FRAME_MAX + READ_CHUNK;
		if (c->in_len >= want) {
			/* The buffer holds a whole frame already. */
			break;
		}
		if (want > c->in_cap) {
			uint8_t *p = realloc(c->in, want);
			if (p == NULL) {
				c->dead = 1;
				return;
			}
			c->in = p;
			c->in_cap = want;
		}
		n = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n <= 0) {
			/* Peer closed (possibly only its writing half). */
			conn_process(s, c);
			if (c->in_len > 0 && !c->pending && !c->closing)
				proto_error(s, c, LRL_EPROTO, "truncated frame");
			else if (!c->pending)
				c->closing = 1;
			if (n < 0)
				c->dead = 1;
			return;
		}
		if (c->in_len == 0)
			c->in_since_ms = mono_ms();
		c->in_len += (size_t)n;
		if (c->in_len >= LRL_FRAME_HDR &&
		    wire_get_be32(c->in) > LRL_FRAME_MAX)
			break;
		/* A short read emptied the socket: poll says when more
		 * comes (or the peer closes). */
		if (c->in_len < c->in_cap)
			break;
	}
	conn_process(s, c);
}

static void conn_free(struct conn *c)
{
	close(c->fd);
	free(c->in);
	free(c->out);
	sodium_memzero(c->nonce, sizeof c->nonce);
	free(c);
}

static void accept_clients(struct srv *s)
{
	for (;;) {
		struct ucred cred;
		socklen_t cl = sizeof cred;
		struct conn *c;
		int fd = accept4(s->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0)
			return;
		if (s->nconns >= (size_t)s->o->cfg.max_connections) {
			mp_buf b;
			mp_buf_init(&b);
			wire_error(&b, LRL_EBUSY, NULL, "too many connections", 0);
			wire_write_frame(fd, b.sb.data, b.sb.size);
			mp_buf_free(&b);
			close(fd);
			continue;
		}
		if ((c = calloc(1, sizeof *c)) == NULL) {
			close(fd);
			continue;
		}
		c->fd = fd;
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &cl) == 0) {
			c->uid = cred.uid;
			c->pid = cred.pid;
		}
		s->conns[s->nconns++] = c;
	}
}

/* ---- group commit ---------------------------------------------------- */

/*
 * Commands are applied by a pipeline of two threads.  The main thread
 * reads frames, answers queries and checks the signatures of the commands
 * waiting for the next commit; the writer thread owns every write
 * transaction of the command log: it applies a batch and commits it (the
 * commit waits for the disk).  While one batch is being flushed, the next
 * one fills up and has its signatures checked, so the processors work
 * while the disk does.
 *
 * The main thread hands a batch over only when the writer is idle; the
 * writer reports back through a pipe that the main loop polls.  Replies
 * go out only after the commit, so an acknowledged write is durable.
 */

struct item_result {
	int rc;
	struct lrl_fail f;
	mp_buf out;
};

/* Batches at least this large have their signatures checked on two
 * threads; smaller ones are not worth starting a thread for. */
#define PARALLEL_VERIFY_MIN 4

struct verify_span {
	struct batch_item *items;
	size_t from, to;
};

static void verify_items(struct batch_item *items, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		items[i].sig_ok = crypto_sign_verify_detached(
			items[i].sig, items[i].req, items[i].req_len,
			items[i].pk) == 0;
}

static void *verify_thread(void *arg)
{
	struct verify_span *sp = arg;

	verify_items(sp->items, sp->from, sp->to);
	return NULL;
}

/* Copies the key of the author of it, as t has it, into it->pk; 1 when
 * found. */
static int author_key(store_txn *t, struct batch_item *it)
{
	struct user_rec user;

	memset(it->pk, 0, sizeof it->pk);
	if (t == NULL || it->user_id == 0 ||
	    users_get(t, it->user_id, &user) != 0)
		return 0;
	memcpy(it->pk, user.pk, LRL_PK_LEN);
	return 1;
}

/*
 * Checks the signatures of the commands that arrived since the last call,
 * against each author's key in the last committed state, on both
 * processors when there are several.  The writer checks again only where
 * a key changed since (a password change in an earlier batch or earlier
 * in the same one).
 */
static void preverify(struct srv *s)
{
	pthread_t th;
	struct verify_span half;
	size_t from = s->nverified, n = s->nbatch - s->nverified, mid;
	store_txn *t = NULL;
	int threaded = 0;

	if (n == 0)
		return;
	if (store_begin(s->st, NULL, 0, &t) != 0)
		t = NULL;
	for (size_t i = from; i < s->nbatch; i++) {
		s->batch[i].sig_ok = 0;
		author_key(t, &s->batch[i]);
	}
	store_abort(t);
	mid = from + n / 2;
	if (n >= PARALLEL_VERIFY_MIN) {
		half.items = s->batch;
		half.from = from;
		half.to = mid;
		threaded = pthread_create(&th, NULL, verify_thread, &half) == 0;
	}
	if (threaded) {
		verify_items(s->batch, mid, s->nbatch);
		pthread_join(th, NULL);
	} else {
		verify_items(s->batch, from, s->nbatch);
	}
	s->nverified = s->nbatch;
}

/* Hands the signature of it to the writer thread to check (see
 * dispatch). */
static void check_start(struct writer *w, const struct batch_item *it)
{
	pthread_mutex_lock(&w->mu);
	w->check = it;
	w->check_done = 0;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

/* Waits for the writer's check; 1 when the signature is good. */
static int check_wait(struct writer *w)
{
	int ok;

	pthread_mutex_lock(&w->mu);
	while (!w->check_done)
		pthread_cond_wait(&w->check_cv, &w->mu);
	ok = w->check_ok;
	pthread_mutex_unlock(&w->mu);
	return ok;
}

/* The commit gate of a lone command: it takes effect only with a good
 * signature. */
static int check_gate(void *arg)
{
	return check_wait(arg) ? 0 : LRL_ESIG;
}

/*
 * Applies the n commands at items in one transaction, each in a nested
 * one so that a refused command leaves no trace, and commits.  Returns 0,
 * LRL_EFULL when the map is full (nothing is written; grow the map and
 * apply the same batch again: handlers are deterministic), or another
 * store error (nothing is written).  Runs on the writer thread, or for a
 * lone command on the main thread.
 *
 * With checking (a lone command whose signature the writer thread is
 * checking against items[0].pk), the executor leaves the signature to that
 * check and sets *deferred, and the commit waits for it between its two
 * flushes: it returns LRL_ESIG, nothing written, when the check fails.
 */
static int apply_batch(store *st, const struct srv_ident *ident,
                       struct batch_item *items, size_t n,
                       struct item_result *res, int64_t now,
                       uint64_t *last_seq, struct writer *checking,
                       int *deferred)
{
	store_txn *top = NULL;
	int rc, keys = 0;

	*last_seq = 0;
	if ((rc = store_begin(st, NULL, 1, &top)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct batch_item *it = &items[i];
		struct exec_origin origin = {
			.uid = it->uid,
			.pid = it->pid,
			.verified_pk = it->sig_ok ? it->pk : NULL,
			.deferred_pk = checking ? it->pk : NULL,
			.deferred = deferred,
		};
		store_txn *child;

		mp_buf_reset(&res[i].out);
		memset(&res[i].f, 0, sizeof res[i].f);
		wire_begin(&res[i].out, WIRE_OK);
		if ((rc = store_begin(st, top, 1, &child)) != 0)
			goto fail;
		rc = exec_command(child, ident, it->req, it->req_len, it->sig,
		                  now, origin, &res[i].out.pk, last_seq,
		                  &res[i].f);
		if (rc == 0)
			rc = store_commit(child);
		else
			store_abort(child);
		if (rc == LRL_EFULL)
			goto fail;
		res[i].rc = rc;
		keys |= it->keys;
	}
	if (checking && *deferred)
		rc = store_commit_gated(top, check_gate, checking);
	else
		rc = store_commit(top);
	if (rc != 0)
		*last_seq = 0;
	if (keys)
		/* A closed round's ballot key goes only once the close is
		 * on disk, and a key made for a round that was not
		 * committed goes too. */
		council_keys_sweep(st, ident->store_dir);
	return rc;
fail:
	store_abort(top);
	*last_seq = 0;
	return rc;
}

static void *writer_main(void *arg)
{
	struct srv *s = arg;
	struct writer *w = &s->w;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->go && !w->quit && !w->check)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->check) {
			const struct batch_item *it = w->check;
			int ok;
			w->check = NULL;
			pthread_mutex_unlock(&w->mu);
			ok = crypto_sign_verify_detached(it->sig, it->req,
			                                 it->req_len,
			                                 it->pk) == 0;
			pthread_mutex_lock(&w->mu);
			w->check_ok = ok;
			w->check_done = 1;
			pthread_cond_signal(&w->check_cv);
			continue;
		}
		if (!w->go)
			break;
		pthread_mutex_unlock(&w->mu);
		w->rc = apply_batch(s->st, &s->ident, w->items, w->n, w->res,
		                    w->now, &w->last_seq, NULL, NULL);
		pthread_mutex_lock(&w->mu);
		w->go = 0;
		/* One byte says "done"; the main loop polls the pipe. */
		while (write(w->done[1], "", 1) < 0 && errno == EINTR)
			;
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static void writer_start_batch(struct writer *w)
{
	pthread_mutex_lock(&w->mu);
	w->go = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

static void finish_batch(struct srv *s, int rc);

/* Doubles the map after a batch found it full (at most 8 times a batch,
 * and only while no transaction is open); 1 when it grew. */
static int grow_map(struct srv *s)
{
	if (s->w.grown++ >= 8 || store_grow(s->st) != 0)
		return 0;
	syslog(LOG_DAEMON | LOG_NOTICE, "store map grown to %zu MiB",
	       store_map_size(s->st) >> 20);
	return 1;
}

/* Hands the waiting commands to the writer when it is idle (a lone one
 * is applied here). */
static void dispatch(struct srv *s)
{
	struct batch_item *t;
	struct writer *w = &s->w;

	if (w->busy || s->nbatch == 0)
		return;
	if (s->nbatch > 1)
		preverify(s);
	else
		s->batch[0].sig_ok = 0;
	if ((w->res = calloc(s->nbatch, sizeof *w->res)) == NULL) {
		for (size_t i = 0; i < s->nbatch; i++) {
			reply_error(s, s->batch[i].c, LRL_ENOMEM, NULL, NULL, 0);
			s->batch[i].c->pending = 0;
			free(s->batch[i].req);
		}
		s->nbatch = s->nverified = 0;
		return;
	}
	for (size_t i = 0; i < s->nbatch; i++)
		mp_buf_init(&w->res[i].out);
	t = w->items;
	w->items = s->batch;
	s->batch = t;
	w->n = s->nbatch;
	s->nbatch = s->nverified = 0;
	w->now = srv_now(s);
	w->grown = 0;
	w->busy = 1;
	if (w->n == 1) {
		/*
		 * A lone command, the writer idle: applying it here spares
		 * two wake-ups of another thread, which cost as much as the
		 * handler on a small machine.  Nothing else can commit
		 * meanwhile, and no transaction is open when the map grows.
		 *
		 * Its signature is checked on the writer thread meanwhile,
		 * against the author's key as last committed: the handler
		 * runs and the pages are written while it is, and the commit
		 * takes effect only once it says yes (store_commit_gated).
		 * Neither the command's result nor its effects reach anyone
		 * before that: a bad signature gets the same answer as when
		 * it is checked first.
		 */
		struct batch_item *it = &w->items[0];
		store_txn *rt = NULL;
		int rc, deferred = 0, checking = 0;

		if (store_begin(s->st, NULL, 0, &rt) == 0) {
			checking = author_key(rt, it);
			store_abort(rt);
		}
		if (checking)
			check_start(w, it);
		do
			rc = apply_batch(s->st, &s->ident, w->items, w->n,
			                 w->res, w->now, &w->last_seq,
			                 checking ? w : NULL, &deferred);
		while (rc == LRL_EFULL && grow_map(s));
		if (checking && !check_wait(w) && deferred) {
			/* Nothing was committed (the gate said no) or
			 * nothing was to be: answer as a bad signature. */
			if (rc == LRL_ESIG)
				rc = 0;
			mp_buf_reset(&w->res[0].out);
			w->res[0].rc = lrl_fail_set(
				&w->res[0].f, LRL_ESIG, NULL,
				"the signature does not match the account's "
				"key");
		}
		finish_batch(s, rc);
		return;
	}
	writer_start_batch(w);
}

/* Sends the replies of the batch the writer finished.  Runs when the
 * writer's pipe is readable, and so never while the writer works. */
static void complete(struct srv *s)
{
	struct writer *w = &s->w;
	char buf[16];
	int rc, going;

	while (read(w->done[0], buf, sizeof buf) < 0 && errno == EINTR)
		;
	/* The lock orders the writer's results before what follows. */
	pthread_mutex_lock(&w->mu);
	going = w->go;
	rc = w->rc;
	pthread_mutex_unlock(&w->mu);
	if (!w->busy || going)
		return;
	if (rc == LRL_EFULL) {
		/* No transaction is open anywhere now: double the map and
		 * apply the same batch again. */
		if (grow_map(s)) {
			writer_start_batch(w);
			return;
		}
	}
	finish_batch(s, rc);
}

/* Sends the replies of the batch in w (applied with result rc) and makes
 * the writer idle. */
static void finish_batch(struct srv *s, int rc)
{
	struct writer *w = &s->w;

	if (rc != 0)
		syslog(LOG_DAEMON | LOG_ERR, "group commit failed: %s",
		       lrl_strerror(rc));
	for (size_t i = 0; i < w->n; i++) {
		struct conn *c = w->items[i].c;
		if (rc != 0)
			reply_error(s, c, LRL_ESTORE, NULL, NULL, 0);
		else if (w->res[i].rc == 0)
			conn_queue(c, w->res[i].out.sb.data, w->res[i].out.sb.size);
		else
			reply_fail(s, c, w->res[i].rc, &w->res[i].f);
		c->pending = 0;
		free(w->items[i].req);
		mp_buf_free(&w->res[i].out);
	}
	free(w->res);
	w->res = NULL;
	w->n = 0;
	w->busy = 0;
	if (rc == 0 && w->last_seq) {
		mp_buf_reset(&s->reply);
		wire_begin(&s->reply, WIRE_NOTIFY);
		msgpack_pack_map(&s->reply.pk, 1);
		mp_pack_kv_int(&s->reply.pk, "seq", (int64_t)w->last_seq);
		for (size_t i = 0; i < s->nconns; i++)
			if (s->conns[i]->watch)
				conn_queue(s->conns[i], s->reply.sb.data,
				           s->reply.sb.size);
	}
}

/* Waits for the batch in flight, if any, and sends its replies. */
static void drain(struct srv *s)
{
	struct pollfd p;

	while (s->w.busy) {
		p = (struct pollfd){s->w.done[0], POLLIN, 0};
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			break;
		if (p.revents & POLLIN)
			complete(s);
	}
}

static int writer_init(struct srv *s)
{
	struct writer *w = &s->w;

	w->done[0] = w->done[1] = -1;
	w->items = calloc(LRL_BATCH_MAX, sizeof *w->items);
	if (w->items == NULL)
		return LRL_ENOMEM;
	if (pipe2(w->done, O_CLOEXEC | O_NONBLOCK) != 0)
		return LRL_EIO;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	pthread_cond_init(&w->check_cv, NULL);
	if (pthread_create(&w->th, NULL, writer_main, s) != 0) {
		pthread_cond_destroy(&w->check_cv);
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		return LRL_ENOMEM;
	}
	w->started = 1;
	return 0;
}

static void writer_stop(struct srv *s)
{
	struct writer *w = &s->w;

	if (w->started) {
		drain(s);
		pthread_mutex_lock(&w->mu);
		w->quit = 1;
		pthread_cond_signal(&w->cv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->th, NULL);
		pthread_cond_destroy(&w->check_cv);
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		w->started = 0;
	}
	for (int i = 0; i < 2; i++)
		if (w->done[i] >= 0)
			close(w->done[i]);
	free(w->items);
}

/* ---- setup and loop -------------------------------------------------- */

static int listen_on(const char *path, int *out)
{
	struct sockaddr_un sa;
	int fd, probe;

	if (strlen(path) >= sizeof sa.sun_path) {
		fprintf(stderr, "laureld: socket path too long: %s\n", path);
		return LRL_EINVAL;
	}
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path));
	/* A socket file left by a server that died is removed; a live one
	 * means another laureld serves this store. */
	probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (probe >= 0 && connect(probe, (struct sockaddr *)&sa, sizeof sa) == 0) {
		close(probe);
		fprintf(stderr, "laureld: another server is listening on %s\n",
		        path);
		return LRL_EEXIST;
	}
	if (probe >= 0)
		close(probe);
	unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    listen(fd, 512) != 0) {
		fprintf(stderr, "laureld: cannot listen on %s: %s\n", path,
		        strerror(errno));
		if (fd >= 0)
			close(fd);
		return LRL_EIO;
	}
	chmod(path, 0666);
	*out = fd;
	return 0;
}

int server_run(const struct server_opts *o)
{
	struct srv s;
	struct sigaction sa;
	struct pollfd *pfds = NULL;
	store_txn *t;
	uint8_t secret[32];
	int rc;

	memset(&s, 0, sizeof s);
	s.o = o;
	s.lfd = -1;
	s.vj.fd = -1;
	s.w.done[0] = s.w.done[1] = -1;
	mp_buf_init(&s.reply);
	rc = store_open(o->store_dir, STORE_GATED, &s.st);
	if (rc != 0) {
		fprintf(stderr, "laureld: cannot open the store in %s: %s\n",
		        o->store_dir,
		        rc == LRL_ENOENT ? "no store there (run laureld init)"
		        : rc == LRL_ESTATE ? "it was made by a newer laureld"
		                           : lrl_strerror(rc));
		goto out;
	}
	if ((rc = store_begin(s.st, NULL, 0, &t)) == 0) {
		rc = ident_load(t, o->store_dir, &s.ident);
		store_abort(t);
	}
	snprintf(s.ident.parent, sizeof s.ident.parent, "%s", o->cfg.parent);
	snprintf(s.ident.place, sizeof s.ident.place, "%s", o->cfg.place);
	if (rc != 0) {
		fprintf(stderr, "laureld: the store's identity is unreadable: %s\n",
		        lrl_strerror(rc));
		goto out;
	}
	/* Keys of rounds closed just before a crash, or never committed. */
	council_keys_sweep(s.st, o->store_dir);
	if (o->clock_file && !s.ident.test_mode) {
		fprintf(stderr, "laureld: a pinned clock is refused: this is a "
		                "production store\n");
		rc = LRL_EPERM;
		goto out;
	}
	if (!s.ident.test_mode && (s.ident.kdf_ops < 2 ||
	                           s.ident.kdf_mem < 64ull * 1024 * 1024)) {
		fprintf(stderr, "laureld: the store's key cost is below the "
		                "production minimum\n");
		rc = LRL_EPERM;
		goto out;
	}
	if ((rc = server_key_load(o->store_dir, &s.sk)) != 0) {
		fprintf(stderr, "laureld: cannot read %s/server.key: %s\n",
		        o->store_dir, lrl_strerror(rc));
		goto out;
	}
	s.ident.server_sk = s.sk;
	crypto_generichash(secret, sizeof secret,
	                   (const unsigned char *)"laurel/auth-secret", 18, s.sk,
	                   32);
	rc = auth_new(&o->cfg, secret, &s.auth);
	sodium_memzero(secret, sizeof secret);
	if (rc != 0)
		goto out;
	s.conns = calloc(LRL_MAX_CONNS, sizeof *s.conns);
	s.batch = calloc(LRL_BATCH_MAX, sizeof *s.batch);
	pfds = calloc(LRL_MAX_CONNS + 3, sizeof *pfds);
	if (!s.conns || !s.batch || !pfds) {
		rc = LRL_ENOMEM;
		goto out;
	}
	if ((rc = writer_init(&s)) != 0)
		goto out;
	if ((rc = listen_on(o->socket_path, &s.lfd)) != 0)
		goto out;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	openlog("laureld", LOG_PID, LOG_DAEMON);
	syslog(LOG_DAEMON | LOG_INFO, "serving %s on %s", o->store_dir,
	       o->socket_path);
	if (o->foreground_notice) {
		printf("laureld: serving %s on %s\n", o->store_dir, o->socket_path);
		fflush(stdout);
	}
	s.idle_since_ms = mono_ms();

	while (!stop_requested) {
		size_t np = 0, base, polled, done_at;
		int64_t now_ms;
		int vj_polled = 0;

		pfds[np++] = (struct pollfd){s.lfd, POLLIN, 0};
		if (s.vj.fd >= 0) {
			pfds[np++] = (struct pollfd){s.vj.fd, POLLIN, 0};
			vj_polled = 1;
		}
		pfds[np++] = (struct pollfd){s.w.done[0], POLLIN, 0};
		done_at = np - 1;
		base = np;
		polled = s.nconns;
		for (size_t i = 0; i < s.nconns; i++) {
			short ev = POLLIN;
			if (s.conns[i]->out_len)
				ev |= POLLOUT;
			pfds[np++] = (struct pollfd){s.conns[i]->fd, ev, 0};
		}
		if (poll(pfds, np, 1000) < 0 && errno != EINTR)
			break;
		if (stop_requested)
			break;
		now_ms = mono_ms();
		for (size_t i = 0; i < polled; i++) {
			struct conn *c = s.conns[i];
			if (c->closing || c->dead)
				continue;
			if (pfds[base + i].revents & (POLLIN | POLLHUP | POLLERR))
				conn_read(&s, c);
			if (c->in_len && c->in_since_ms &&
			    now_ms - c->in_since_ms > LRL_FRAME_TIMEOUT_S * 1000 &&
			    !c->pending)
				proto_error(&s, c, LRL_EPROTO,
				            "incomplete frame (timed out)");
		}
		if (vj_polled && (pfds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			read_verify(&s);
		if (pfds[done_at].revents & POLLIN)
			complete(&s);
		if (pfds[0].revents & POLLIN)
			accept_clients(&s);
		/* Frames held back while a command was pending. */
		for (size_t i = 0; i < s.nconns; i++)
			if (!s.conns[i]->pending && s.conns[i]->in_len)
				conn_process(&s, s.conns[i]);
		/* Check the waiting commands while the writer flushes, and
		 * hand them over when it is idle. */
		if (s.w.busy)
			preverify(&s);
		dispatch(&s);
		for (size_t i = 0; i < s.nconns;) {
			struct conn *c = s.conns[i];
			if (c->out_len)
				conn_flush(c);
			if (c->dead || (c->closing && c->out_len == 0 && !c->pending)) {
				if (s.vj.c == c)
					s.vj.c = NULL;
				conn_free(c);
				s.conns[i] = s.conns[--s.nconns];
				continue;
			}
			i++;
		}
		if (s.nconns > 0)
			s.idle_since_ms = now_ms;
		else if (o->cfg.idle_exit_seconds > 0 &&
		         now_ms - s.idle_since_ms >
		                 (int64_t)o->cfg.idle_exit_seconds * 1000)
			break;
	}
	/* Finish what was acknowledged as received: the batch in flight and
	 * the commands waiting for it. */
	drain(&s);
	dispatch(&s);
	drain(&s);
	for (size_t i = 0; i < s.nconns; i++)
		if (s.conns[i]->out_len)
			conn_flush(s.conns[i]);
	syslog(LOG_DAEMON | LOG_INFO, "stopping");
	rc = 0;
out:
	writer_stop(&s);
	for (size_t i = 0; i < s.nbatch; i++)
		free(s.batch[i].req);
	for (size_t i = 0; i < s.nconns; i++)
		conn_free(s.conns[i]);
	if (s.vj.pid > 0) {
		kill(s.vj.pid, SIGTERM);
		close(s.vj.fd);
		waitpid(s.vj.pid, NULL, 0);
		free(s.vj.text);
	}
	if (s.lfd >= 0) {
		close(s.lfd);
		unlink(o->socket_path);
	}
	free(pfds);
	free(s.conns);
	free(s.batch);
	auth_free(s.auth);
	server_key_free(s.sk);
	store_close(s.st);
	mp_buf_free(&s.reply);
	return rc;
}
