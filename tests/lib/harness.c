/* harness.c — temp stores, real servers and programs for tests (harness.h). */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "laurel/action.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/verify.h"

#define H_REGISTRY_MAX 64
#define H_POLL_STEP_MS 5
#define H_STOP_TIMEOUT_MS 20000

extern char **environ;

const char *h_config = "/dev/null";
const char *h_hospital = H_HOSPITAL;
const char *const *h_extra_env = NULL;

/* The servers to kill when the process that started them exits. */
static struct {
	pid_t owner;
	pid_t servers[H_REGISTRY_MAX];
} reg;

/* The test case's directory (h_fixture_setup), or "". */
static char base[H_PATH_MAX];

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void h_sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void kill_servers_at_exit(void)
{
	if (getpid() != reg.owner)
		return;
	for (size_t i = 0; i < H_REGISTRY_MAX; i++)
		if (reg.servers[i] > 0) {
			kill(reg.servers[i], SIGKILL);
			waitpid(reg.servers[i], NULL, 0);
			reg.servers[i] = 0;
		}
}

/* Once per process: libsodium (the client API needs it started, as
 * laurel's main does), servers killed at exit, and no death by SIGPIPE
 * when a server closes a connection the test is still writing to. */
static void h_init(void)
{
	if (reg.owner == getpid())
		return;
	if (sodium_init() < 0)
		abort();
	memset(&reg, 0, sizeof reg);
	reg.owner = getpid();
	atexit(kill_servers_at_exit);
	signal(SIGPIPE, SIG_IGN);
}

static void reg_server(pid_t pid, int add)
{
	for (size_t i = 0; i < H_REGISTRY_MAX; i++)
		if (add ? reg.servers[i] == 0 : reg.servers[i] == pid) {
			reg.servers[i] = add ? pid : 0;
			return;
		}
}

static const char *tmp_root(void)
{
	const char *tmp = getenv("TMPDIR");

	return tmp && *tmp ? tmp : "/tmp";
}

void h_fixture_setup(void)
{
	if (snprintf(base, sizeof base, "%s/laurel-tests.XXXXXX", tmp_root()) >=
	            (int)sizeof base ||
	    mkdtemp(base) == NULL) {
		fprintf(stderr, "harness: cannot create a directory in %s\n",
		        tmp_root());
		base[0] = '\0';
	}
}

void h_fixture_teardown(void)
{
	if (base[0])
		h_rmtree(base);
	base[0] = '\0';
}

const char *h_build(void)
{
	const char *b = getenv("LAUREL_BUILD");

	return b && *b ? b : "build";
}

void h_program(const char *name, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s", h_build(), name);
}

int h_tmpdir(char *buf, size_t n)
{
	h_init();
	if (snprintf(buf, n, "%s/laurel-test.XXXXXX",
	             base[0] ? base : tmp_root()) >= (int)n ||
	    mkdtemp(buf) == NULL)
		return -1;
	return 0;
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int h_rmtree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

int h_clock_write(const char *path, int64_t t)
{
	char tmp[H_PATH_MAX + 8];
	FILE *f;
	int ok;

	snprintf(tmp, sizeof tmp, "%s.new", path);
	if ((f = fopen(tmp, "w")) == NULL)
		return -1;
	ok = fprintf(f, "%lld\n", (long long)t) > 0;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

int64_t h_time(const char *iso)
{
	int64_t t;

	return date_parse_time(iso, &t) == 0 ? t : -1;
}

/* Whether environment entry e ("NAME=value") sets a name that one of
 * h_extra_env's entries sets. */
static int overridden(const char *e)
{
	size_t nl = strcspn(e, "=");

	for (size_t i = 0; h_extra_env && h_extra_env[i]; i++)
		if (strncmp(h_extra_env[i], e, nl) == 0 &&
		    h_extra_env[i][nl] == '=')
			return 1;
	return 0;
}

/* A copy of the environment with LAUREL_CONFIG=h_config, inside a test
 * case TMPDIR=its directory, and h_extra_env's entries, made before fork
 * so that the child calls nothing but exec.  Free with child_env_free. */
static char **child_env(void)
{
	static const char conf_var[] = "LAUREL_CONFIG=", tmp_var[] = "TMPDIR=";
	size_t n = 0, j = 0, extra = 0;
	char **env;

	while (environ[n])
		n++;
	while (h_extra_env && h_extra_env[extra])
		extra++;
	if ((env = calloc(n + extra + 3, sizeof *env)) == NULL)
		return NULL;
	env[j] = malloc(sizeof conf_var + strlen(h_config));
	if (env[j] == NULL)
		goto fail;
	sprintf(env[j++], "%s%s", conf_var, h_config);
	if (base[0]) {
		if ((env[j] = malloc(sizeof tmp_var + strlen(base))) == NULL)
			goto fail;
		sprintf(env[j++], "%s%s", tmp_var, base);
	}
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], conf_var, sizeof conf_var - 1) != 0 &&
		    (!base[0] ||
		     strncmp(environ[i], tmp_var, sizeof tmp_var - 1) != 0) &&
		    !overridden(environ[i]))
			env[j++] = environ[i];
	/* Not copied: child_env_free frees only the first one or two. */
	for (size_t i = 0; i < extra; i++)
		env[j++] = (char *)h_extra_env[i];
	env[j] = NULL;
	return env;
fail:
	free(env[0]);
	free(env);
	return NULL;
}

static void child_env_free(char **env)
{
	if (env == NULL)
		return;
	free(env[0]);
	if (base[0])
		free(env[1]);
	free(env);
}

/* In a child between fork and exec: default signal handling again (an
 * ignored SIGPIPE would be inherited across exec). */
static void child_exec(const char *const argv[], char **env)
{
	struct sigaction sa;
	sigset_t none;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execvpe(argv[0], (char *const *)argv, env);
	_exit(127);
}

static int status_of(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return -1;
}

/* Appends n bytes to a growing NUL-terminated buffer. */
static int append(char **buf, size_t *len, size_t *cap, const char *p,
                  size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = *cap ? *cap : 4096;
		char *q;
		while (c < *len + n + 1)
			c *= 2;
		if ((q = realloc(*buf, c)) == NULL)
			return -1;
		*buf = q;
		*cap = c;
	}
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

/* h_run, with standard output on a pipe, or (tty) on the slave side of
 * a pseudo-terminal whose master the parent reads. */
static int run_io(const char *const argv[], const char *input,
                  struct h_output *out, int tty)
{
	int in[2] = {-1, -1}, o[2] = {-1, -1}, e[2] = {-1, -1};
	size_t in_len = input ? strlen(input) : 0, in_off = 0;
	size_t olen = 0, ocap = 0, elen = 0, ecap = 0;
	char **env;
	int64_t deadline;
	pid_t pid;
	int ws = 0;

	h_init();
	memset(out, 0, sizeof *out);
	out->status = -1;
	if ((env = child_env()) == NULL)
		return -1;
	if (tty) {
		if (openpty(&o[0], &o[1], NULL, NULL, NULL) != 0)
			goto fail;
		fcntl(o[0], F_SETFD, FD_CLOEXEC);
		fcntl(o[1], F_SETFD, FD_CLOEXEC);
	} else if (pipe2(o, O_CLOEXEC) != 0) {
		goto fail;
	}
	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(e, O_CLOEXEC) != 0)
		goto fail;
	pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(o[1], 1);
		dup2(e[1], 2);
		child_exec(argv, env);
	}
	child_env_free(env);
	env = NULL;
	close(in[0]);
	close(o[1]);
	close(e[1]);
	in[0] = o[1] = e[1] = -1;
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	if (in_len == 0) {
		close(in[1]);
		in[1] = -1;
	}
	append(&out->out, &olen, &ocap, "", 0);
	append(&out->err, &elen, &ecap, "", 0);
	deadline = mono_ms() + H_RUN_TIMEOUT_MS;
	while (o[0] >= 0 || e[0] >= 0) {
		struct pollfd p[3] = {{o[0], POLLIN, 0}, {e[0], POLLIN, 0},
		                      {in[1], POLLOUT, 0}};
		int64_t left = deadline - mono_ms();
		char buf[4096];

		if (left <= 0) {
			kill(pid, SIGKILL);
			break;
		}
		if (poll(p, 3, (int)left) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < 2; i++) {
			int *fd = i == 0 ? &o[0] : &e[0];
			ssize_t n;
			if (*fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(*fd, buf, sizeof buf);
			if (n > 0) {
				if (i == 0)
					append(&out->out, &olen, &ocap, buf, (size_t)n);
				else
					append(&out->err, &elen, &ecap, buf, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(*fd);
				*fd = -1;
			}
		}
		if (in[1] >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t n = write(in[1], input + in_off, in_len - in_off);
			if (n > 0)
				in_off += (size_t)n;
			if ((n < 0 && errno != EINTR && errno != EAGAIN) ||
			    in_off == in_len) {
				close(in[1]);
				in[1] = -1;
			}
		}
	}
	if (in[1] >= 0)
		close(in[1]);
	if (o[0] >= 0)
		close(o[0]);
	if (e[0] >= 0)
		close(e[0]);
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	out->status = status_of(ws);
	return out->status;
fail:
	child_env_free(env);
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (o[i] >= 0)
			close(o[i]);
		if (e[i] >= 0)
			close(e[i]);
	}
	return -1;
}

int h_run(const char *const argv[], const char *input, struct h_output *out)
{
	return run_io(argv, input, out, 0);
}

int h_run_tty(const char *const argv[], const char *input,
              struct h_output *out)
{
	return run_io(argv, input, out, 1);
}

void h_output_free(struct h_output *out)
{
	free(out->out);
	free(out->err);
	out->out = out->err = NULL;
}

#define H_ARGS_MAX 64

static int run_program(const char *name, struct h_output *out,
                       const char *input, va_list ap)
{
	const char *argv[H_ARGS_MAX + 2];
	char prog[H_PATH_MAX];
	size_t n = 0;
	const char *a;

	h_program(name, prog, sizeof prog);
	argv[n++] = prog;
	while ((a = va_arg(ap, const char *)) != NULL && n <= H_ARGS_MAX)
		argv[n++] = a;
	argv[n] = NULL;
	return h_run(argv, input, out);
}

int h_laureld(struct h_output *out, const char *input, ...)
{
	va_list ap;
	int rc;

	va_start(ap, input);
	rc = run_program("laureld", out, input, ap);
	va_end(ap);
	return rc;
}

int h_laurel(struct h_output *out, const char *input, ...)
{
	va_list ap;
	int rc;

	va_start(ap, input);
	rc = run_program("laurel", out, input, ap);
	va_end(ap);
	return rc;
}

int h_store_init(const char *store, const char *admin, const char *full_name,
                 const char *password)
{
	struct h_output out;
	char input[LRL_PASSWORD_MAX * 4 + 2];
	int rc;

	snprintf(input, sizeof input, "%s\n", password);
	rc = h_laureld(&out, input, "init", "--store", store, "--admin", admin,
	               "--full-name", full_name, "--hospital", h_hospital,
	               "--password-stdin", "--test", (const char *)NULL);
	if (rc != 0)
		fprintf(stderr, "harness: laureld init exited %d: %s%s", rc,
		        out.out, out.err);
	h_output_free(&out);
	return rc;
}

static int can_connect(const char *path)
{
	struct sockaddr_un sa;
	int fd, ok;

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return 0;
	ok = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
	close(fd);
	return ok;
}

int h_server_start(struct h_server *s, const char *store, const char *sock,
                   const char *clock)
{
	struct h_server n;
	char prog[H_PATH_MAX];
	const char *argv[9];
	char **env;
	pid_t parent = getpid(), pid;
	int64_t deadline;
	int nul;

	h_init();
	/* The arguments may point into *s (a restart): copy them first. */
	memset(&n, 0, sizeof n);
	snprintf(n.store, sizeof n.store, "%s", store);
	if (sock)
		snprintf(n.sock, sizeof n.sock, "%s", sock);
	else
		snprintf(n.sock, sizeof n.sock, "%s/s.sock", store);
	snprintf(n.clock, sizeof n.clock, "%s", clock);
	*s = n;
	if (strlen(s->sock) >= sizeof ((struct sockaddr_un *)0)->sun_path) {
		fprintf(stderr, "harness: socket path too long: %s\n", s->sock);
		return -1;
	}
	h_program("laureld", prog, sizeof prog);
	argv[0] = prog;
	argv[1] = "serve";
	argv[2] = "--store";
	argv[3] = s->store;
	argv[4] = "--socket";
	argv[5] = s->sock;
	argv[6] = "--clock-file";
	argv[7] = s->clock;
	argv[8] = NULL;
	if ((env = child_env()) == NULL)
		return -1;
	pid = fork();
	if (pid < 0) {
		child_env_free(env);
		return -1;
	}
	if (pid == 0) {
		/* The server dies with the test, even when the test is killed
		 * (a Check timeout) before it could stop the server. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		if ((nul = open("/dev/null", O_RDWR)) >= 0) {
			dup2(nul, 0);
			dup2(nul, 1);
		}
		child_exec(argv, env);
	}
	child_env_free(env);
	s->pid = pid;
	reg_server(pid, 1);
	deadline = mono_ms() + H_START_TIMEOUT_MS;
	while (mono_ms() < deadline) {
		int ws;
		if (waitpid(pid, &ws, WNOHANG) == pid) {
			fprintf(stderr, "harness: laureld serve exited (%d)\n",
			        status_of(ws));
			reg_server(pid, 0);
			s->pid = 0;
			return -1;
		}
		if (can_connect(s->sock))
			return 0;
		h_sleep_ms(H_POLL_STEP_MS);
	}
	fprintf(stderr, "harness: laureld did not listen on %s\n", s->sock);
	h_server_kill(s);
	return -1;
}

int h_server_stop(struct h_server *s)
{
	int64_t deadline = mono_ms() + H_STOP_TIMEOUT_MS;
	int ws = 0;

	if (s->pid <= 0)
		return -1;
	kill(s->pid, SIGTERM);
	for (;;) {
		pid_t r = waitpid(s->pid, &ws, WNOHANG);
		if (r == s->pid)
			break;
		if (r < 0 && errno != EINTR) {
			ws = -1;
			break;
		}
		if (mono_ms() > deadline) {
			fprintf(stderr, "harness: laureld ignored SIGTERM\n");
			kill(s->pid, SIGKILL);
			waitpid(s->pid, NULL, 0);
			ws = -1;
			break;
		}
		h_sleep_ms(H_POLL_STEP_MS);
	}
	reg_server(s->pid, 0);
	s->pid = 0;
	return ws == -1 ? -1 : status_of(ws);
}

void h_server_kill(struct h_server *s)
{
	if (s->pid <= 0)
		return;
	kill(s->pid, SIGKILL);
	while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
		;
	reg_server(s->pid, 0);
	s->pid = 0;
}

int h_env_setup(struct h_env *e)
{
	memset(e, 0, sizeof *e);
	if (h_tmpdir(e->dir, sizeof e->dir) != 0)
		return -1;
	if (snprintf(e->store, sizeof e->store, "%s/store", e->dir) >=
	            (int)sizeof e->store ||
	    snprintf(e->clock, sizeof e->clock, "%s/clock", e->dir) >=
	            (int)sizeof e->clock)
		return -1;
	e->now = h_time(H_CLOCK_START);
	if (h_clock_write(e->clock, e->now) != 0 ||
	    h_store_init(e->store, H_ADMIN, H_ADMIN_NAME, H_ADMIN_PASSWORD) != 0)
		return -1;
	return h_server_start(&e->srv, e->store, NULL, e->clock);
}

int h_env_advance(struct h_env *e, int64_t seconds)
{
	e->now += seconds;
	return h_clock_write(e->clock, e->now);
}

int h_env_done(struct h_env *e)
{
	int rc = 0;

	if (e->srv.pid > 0)
		rc = h_server_stop(&e->srv);
	if (e->dir[0])
		h_rmtree(e->dir);
	e->dir[0] = '\0';
	return rc;
}

int h_login_retry(const char *sock, const char *login, const char *password,
                  lrl_conn **out, int64_t *retry_after)
{
	lrl_conn *c = NULL;
	int rc;

	h_init();
	*out = NULL;
	if (retry_after)
		*retry_after = 0;
	if ((rc = lrl_connect(sock, &c)) != 0)
		return rc;
	if ((rc = lrl_login(c, login, password, NULL, retry_after)) != 0) {
		lrl_close(c);
		return rc;
	}
	*out = c;
	return 0;
}

int h_login(const char *sock, const char *login, const char *password,
            lrl_conn **out)
{
	return h_login_retry(sock, login, password, out, NULL);
}

/* Sends params (a packed map) and returns the transport error or the
 * reply's code; see h_call for out. */
static int call_packed(lrl_conn *c, const char *action, const mp_buf *params,
                       struct lrl_reply **out)
{
	struct lrl_reply *r = NULL;
	int rc = lrl_call(c, action, params->sb.data, params->sb.size, &r);

	if (rc == 0)
		rc = r->code;
	if (out)
		*out = r;
	else
		lrl_reply_free(r);
	return rc;
}

int h_call(lrl_conn *c, const char *action, struct lrl_reply **out, ...)
{
	va_list ap;
	mp_buf params;
	uint32_t n = 0;
	int rc;

	if (out)
		*out = NULL;
	va_start(ap, out);
	while (va_arg(ap, const char *) != NULL) {
		(void)va_arg(ap, const char *);
		n++;
	}
	va_end(ap);
	mp_buf_init(&params);
	msgpack_pack_map(&params.pk, n);
	va_start(ap, out);
	for (uint32_t i = 0; i < n; i++) {
		const char *k = va_arg(ap, const char *);
		const char *v = va_arg(ap, const char *);
		mp_pack_kv_str(&params.pk, k, v);
	}
	va_end(ap);
	rc = call_packed(c, action, &params, out);
	mp_buf_free(&params);
	return rc;
}

int h_env_finish(struct h_env *e, char *why, size_t n)
{
	struct verify_report rep;
	char store[H_PATH_MAX];

	snprintf(store, sizeof store, "%s", e->store);
	if (h_server_stop(&e->srv) != 0) {
		snprintf(why, n, "the server did not stop cleanly");
		return -1;
	}
	if (verify_store(store, NULL, &rep) != 0) {
		snprintf(why, n, "verify: %s", rep.reason);
		return -1;
	}
	if (h_env_done(e) != 0) {
		snprintf(why, n, "the test directory could not be removed");
		return -1;
	}
	return 0;
}

int h_tcall(lrl_conn *c, const char *action, struct lrl_reply **out, ...)
{
	const struct lrl_action *a = action_find(action, strlen(action));
	const char *names[32], *vals[32];
	uint32_t n = 0;
	mp_buf params;
	va_list ap;
	int rc = 0;

	if (out)
		*out = NULL;
	if (a == NULL)
		return LRL_EUSAGE;
	va_start(ap, out);
	while (n < 32 && (names[n] = va_arg(ap, const char *)) != NULL)
		vals[n++] = va_arg(ap, const char *);
	va_end(ap);
	mp_buf_init(&params);
	msgpack_pack_map(&params.pk, n);
	for (uint32_t i = 0; i < n && rc == 0; i++) {
		const struct lrl_param *p =
		        action_param(a, names[i], strlen(names[i]));
		struct lrl_fail f;
		mp_pack_str(&params.pk, names[i]);
		if (p == NULL || action_pack_text(p, vals[i], &params.pk, &f) != 0)
			rc = LRL_EUSAGE;
	}
	if (rc == 0)
		rc = call_packed(c, action, &params, out);
	mp_buf_free(&params);
	return rc;
}

lrl_conn *h_account(lrl_conn *admin, const char *sock, const char *login,
                    const char *full_name, const char *staff,
                    const char *password, const char *role, const char *unit)
{
	static const char temp[] = "tạm thời 123456";
	lrl_conn *c = NULL;

	if (h_user_add(admin, login, full_name, temp) != 0 ||
	    h_user_activate(sock, login, temp, password) != 0 ||
	    h_call(admin, "staff.edit", NULL, "code", staff, "login", login,
	           NULL) != 0)
		return NULL;
	if (role && (unit ? h_call(admin, "user.grant", NULL, "login", login,
	                           "role", role, "unit", unit, NULL)
	                  : h_call(admin, "user.grant", NULL, "login", login,
	                           "role", role, NULL)) != 0)
		return NULL;
	return h_login(sock, login, password, &c) == 0 ? c : NULL;
}

int h_rulebook_load(lrl_conn *admin, const char *version, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t len = 0, cap = 0, got;
	mp_buf params;
	int rc;

	if (f == NULL)
		return LRL_EIO;
	do {
		if (len + 4096 > cap) {
			char *p = realloc(text, cap = cap * 2 + 8192);
			if (p == NULL) {
				free(text);
				fclose(f);
				return LRL_ENOMEM;
			}
			text = p;
		}
		got = fread(text + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	fclose(f);
	mp_buf_init(&params);
	msgpack_pack_map(&params.pk, 2);
	mp_pack_kv_str(&params.pk, "version", version);
	mp_pack_str(&params.pk, "file");
	mp_pack_strn(&params.pk, text, len);
	rc = call_packed(admin, "rulebook.load", &params, NULL);
	mp_buf_free(&params);
	free(text);
	return rc;
}

int h_user_add(lrl_conn *admin, const char *login, const char *full_name,
               const char *temp_password)
{
	mp_buf params;
	int rc;

	mp_buf_init(&params);
	/* Two typed parameters and the four derived by lrl_pack_newpass. */
	msgpack_pack_map(&params.pk, 2 + 4);
	mp_pack_kv_str(&params.pk, "login", login);
	mp_pack_kv_str(&params.pk, "full-name", full_name);
	rc = lrl_pack_newpass(admin, temp_password, &params.pk);
	if (rc == 0)
		rc = call_packed(admin, "user.add", &params, NULL);
	mp_buf_free(&params);
	return rc;
}

int h_user_activate(const char *sock, const char *login,
                    const char *temp_password, const char *new_password)
{
	struct lrl_reply *r = NULL;
	lrl_conn *c;
	int rc;

	if ((rc = h_login(sock, login, temp_password, &c)) != 0)
		return rc;
	rc = lrl_passwd(c, new_password, &r);
	if (rc == 0)
		rc = r->code;
	lrl_reply_free(r);
	lrl_close(c);
	return rc;
}

static const msgpack_object *record_get(const struct lrl_reply *r,
                                        const char *key)
{
	if (r == NULL || r->body == NULL)
		return NULL;
	return mp_map_get(mp_map_get(r->body, "record"), key);
}

int h_record_str(const struct lrl_reply *r, const char *key, char *buf,
                 size_t n)
{
	return mp_get_strbuf(record_get(r, key), buf, n) == 0 ? 0 : -1;
}

int64_t h_event_count(lrl_conn *admin)
{
	struct lrl_reply *r = NULL;
	int64_t n = -1;

	if (h_call(admin, "audit.checkpoint", &r, (const char *)NULL) == 0 &&
	    mp_get_i64(record_get(r, "events"), &n) != 0)
		n = -1;
	lrl_reply_free(r);
	return n;
}

int h_unit(lrl_conn *admin, const char *code, const char *name,
           const char *kind, const char *parent)
{
	if (parent)
		return h_tcall(admin, "unit.add", NULL, "code", code, "name", name,
		               "kind", kind, "parent", parent, NULL);
	return h_tcall(admin, "unit.add", NULL, "code", code, "name", name,
	               "kind", kind, NULL);
}

int h_staff(lrl_conn *admin, const char *code, const char *name,
            const char *sex, const char *unit)
{
	return h_tcall(admin, "staff.add", NULL, "code", code, "full-name",
	               name, "sex", sex, "birth-date", "01/02/1985", "unit",
	               unit, "start-date", "01/03/2010", NULL);
}
