/*
 * bench.c — laurel's benchmark: every figure README.md quotes, measured in
 * one run on one machine (see tests/bench/README.md for how to read it).
 *
 *   laurel-bench [--build DIR] [--dir DIR] [--seconds S] [--keep]
 *
 * It creates a fresh test store in a temporary directory, runs the real
 * laureld from DIR (default "build") on it, and measures:
 *
 *   1. signed writes per second through laureld with 1, 8 and 32 client
 *      processes, each its own connection and its own administrator
 *      account, alternately granting and revoking the council role on its
 *      own target account;
 *   2. raw LMDB commits per second with the same durability on the same
 *      disk (one small put + commit per write, through store.h);
 *   3. verify_store() events per second against raw Ed25519 verifications
 *      of a request of the same size;
 *   4. the round trip of one query (session.whoami): median and p99;
 *   5. laureld's resident memory with 100 idle connections.
 *
 * Beside each figure it shows the CPU time behind it, and each baseline
 * is measured twice (before and after what it is compared with) so that a
 * machine that was not quiet shows as a warning instead of a false ratio.
 *
 * It prints a table, then one "bench: NAME VALUE UNIT" line per figure.
 * A missed target is reported (MISS) but is not a failure: the exit status
 * is 0 when every figure was measured, 1 when one could not be.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "laurel/awards.h"
#include "laurel/builtin.h"
#include "laurel/client.h"
#include "laurel/err.h"
#include "laurel/limits.h"
#include "laurel/mp.h"
#include "laurel/rdoc.h"
#include "laurel/roster.h"
#include "laurel/store.h"
#include "laurel/verify.h"
#include "laurel/wire.h"

/* What is measured, and for how long. */
#define BENCH_WRITE_SECONDS 3.0   /* per client configuration (--seconds) */
#define BENCH_WARMUP_SECONDS 0.25 /* each client writes this long untimed */
#define BENCH_RAW_SECONDS 1.5 /* raw LMDB commits, twice: before and after */
#define BENCH_WRITERS_MAX 32  /* the largest configuration */
#define BENCH_VERIFY_EVENTS 20000 /* events verify_store() replays */
#define BENCH_TOPUP_SECONDS 40.0  /* at most this long to reach that many */
#define BENCH_SIGS 2048           /* distinct signatures in the raw loop */
#define BENCH_SIG_SECONDS 0.75    /* raw Ed25519 verify, before and after */
#define BENCH_QUERIES 20000       /* timed query round trips */
#define BENCH_QUERY_WARMUP 500
#define BENCH_IDLE_CONNS 100    /* connections held for the memory figure */
#define BENCH_IDLE_LOGGED_IN 20 /* of which this many are logged in */
#define BENCH_RAW_VALUE_LEN 256 /* bytes per raw LMDB put */

/* Waits. */
#define BENCH_START_WAIT_S 10.0 /* laureld to accept connections */
#define BENCH_READY_WAIT_S 30.0 /* client processes to log in */
#define BENCH_GRACE_S 30.0      /* a client run beyond its duration */
#define BENCH_STOP_WAIT_S 5.0   /* laureld to exit after SIGTERM */
#define BENCH_ACCEPT_WAIT_S 3.0 /* laureld to accept the idle connections */
#define BENCH_SETTLE_MS 200     /* then to settle before RSS is read */

/* Targets (README.md states them). */
#define TARGET_ONE_CLIENT_RATIO 0.70 /* 1 client / raw LMDB, at least */
#define TARGET_MANY_CLIENT_RATIO 3.0 /* 32 clients / raw LMDB, at least */
#define TARGET_VERIFY_RATIO 0.70     /* verify / raw Ed25519, at least */
#define TARGET_QUERY_MEDIAN_US 100.0 /* at most */
#define TARGET_RSS_ANON_MIB 32.0     /* at most, page cache excluded */
#define TARGET_REPORT_SCAN_RATIO 3.0 /* annual report / raw scan, at most */

/* The province-sized store of the report figures. */
#ifndef PROVINCE_STAFF
#define PROVINCE_STAFF 25000
#endif
#define PROVINCE_UNITS 50
#define PROVINCE_YEARS 5
#define PROVINCE_LAST_YEAR 2026
#define PROVINCE_BATCH 5000  /* records per filling transaction */
#define REPORT_RUNS 5        /* timed runs of each figure; the median */

/* When the two halves of a baseline differ by more than this factor, the
 * machine was not quiet and the report says the ratios are unreliable. */
#define BENCH_UNSTABLE 1.25

/* Accounts on the benchmark store. */
#define ADMIN_LOGIN "admin"
#define ADMIN_FULL_NAME "Quản trị"
#define ADMIN_PASSWORD "bench-admin-password"
#define WRITER_LOGIN "w%02d"
#define TARGET_LOGIN "t%02d"
#define TEMP_PASSWORD "bench-temp-pass-%02d"
#define FINAL_PASSWORD "bench-final-pass-%02d"
#define BENCH_ROLE "council"
#define NAME_LEN 64

static const int client_counts[] = {1, 8, BENCH_WRITERS_MAX};
#define NCONFIGS (sizeof client_counts / sizeof client_counts[0])

struct bench {
	char build[PATH_MAX];
	char laureld[PATH_MAX];
	char base[PATH_MAX];  /* the temporary directory; everything is in it */
	char store[PATH_MAX]; /* laurel's store */
	char raw[PATH_MAX];   /* the raw LMDB environment */
	char sock[PATH_MAX];
	char conf[PATH_MAX]; /* an empty laurel.conf: host settings stay out */
	char log[PATH_MAX];  /* laureld's output */
	char fstype[32];
	double write_seconds;
	int keep;
	pid_t server;
	lrl_conn *admin;
	uint64_t events; /* events written so far (an estimate; verify counts) */

	/* Results. */
	double raw_commits;
	uint64_t raw_n; /* raw commits so far, over raw_secs seconds */
	double raw_secs;
	double raw_half[2]; /* each half's rate */
	int raw_halves;
	double raw_cpu; /* CPU seconds (user + system) of those commits */
	double srv_cpu_us[NCONFIGS]; /* laureld's CPU time per write */
	double cli_cpu_us[NCONFIGS]; /* one client's CPU time per write */
	double writes[NCONFIGS];
	uint64_t verify_events;
	double verify_rate;
	double sig_rate;
	uint64_t sig_n; /* raw verifications so far, over sig_secs */
	double sig_secs;
	double sig_half[2];
	int sig_halves;
	size_t req_len;
	double q_median, q_p99, q_mean;
	double q1_median;    /* with client and laureld on one CPU; <0: n/a */
	char loadavg[2][64]; /* /proc/loadavg at the start and at the end */
	long base_anon_kb, rss_kb, anon_kb, file_kb, shmem_kb, hwm_kb;
	size_t idle_accepted;
	/* Reports on the province-sized store. */
	int reports_only;
	int server_only; /* no report figures */
	int reports_done;
	uint64_t scan_records;
	double report_ms, scan_ms, phase_ms, pdf_page_ms;
	double report_cpu_ms; /* laureld's CPU time per annual report */
	int pdf_pages;
};

/* ---- small helpers --------------------------------------------------- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The CPU time (user + system, all threads) process pid has used, in
 * seconds, to the nanosecond: an annual report takes a few milliseconds,
 * under the clock tick of proc(5)'s stat.  0 when it cannot be read. */
static double proc_cpu(pid_t pid)
{
	clockid_t id;
	struct timespec ts;

	if (clock_getcpuclockid(pid, &id) != 0 || clock_gettime(id, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double rusage_cpu(const struct rusage *ru)
{
	return (double)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) +
	       (double)(ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1e6;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void progress(const char *what)
{
	fprintf(stderr, "laurel-bench: %s\n", what);
}

/* Prints "laurel-bench: WHAT: WHY" for a laurel error code; returns rc. */
static int fail(const char *what, int rc)
{
	fprintf(stderr, "laurel-bench: %s: %s\n", what, lrl_strerror(rc));
	return rc;
}

/*
 * Calls action on c with the packed parameter map p and checks that the
 * server accepted it.  Returns 0, or the error (printed with what) when the
 * call failed or was refused.
 */
static int call_ok(lrl_conn *c, const char *action, const mp_buf *p,
                   const char *what)
{
	struct lrl_reply *r = NULL;
	int rc = lrl_call(c, action, p->sb.data, p->sb.size, &r);

	if (rc == 0 && r->code != 0)
		rc = r->code;
	if (rc != 0)
		fprintf(stderr, "laurel-bench: %s: %s%s%s\n", what,
		        lrl_strerror(rc), r && r->message[0] ? ": " : "",
		        r ? r->message : "");
	lrl_reply_free(r);
	return rc;
}

/* Logs in on a new connection.  The caller closes *out (lrl_close). */
static int connect_login(struct bench *b, const char *login,
                         const char *password, lrl_conn **out)
{
	char what[128];
	int rc;

	*out = NULL;
	if ((rc = lrl_connect(b->sock, out)) != 0)
		return fail("cannot connect to laureld", rc);
	if ((rc = lrl_login(*out, login, password, NULL, NULL)) != 0) {
		snprintf(what, sizeof what, "cannot log in as %s", login);
		lrl_close(*out);
		*out = NULL;
		return fail(what, rc);
	}
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Writes dir/name into dst (n bytes).  LRL_EINVAL when it does not fit. */
static int path_join(char *dst, size_t n, const char *dir, const char *name)
{
	int len = snprintf(dst, n, "%s/%s", dir, name);

	return len < 0 || (size_t)len >= n ? LRL_EINVAL : 0;
}

/* The file system type of dir, for the header: fsync costs nothing on a
 * tmpfs, and the write figures then mean nothing. */
static void fs_name(const char *dir, char *buf, size_t n)
{
	static const struct {
		unsigned long magic;
		const char *name;
	} known[] = {
		{0xEF53, "ext2/3/4"},
		{0x58465342, "xfs"},
		{0x9123683E, "btrfs"},
		{0x01021994, "tmpfs (no real fsync!)"},
		{0x794C7630, "overlayfs"},
		{0x2FC12FC1, "zfs"},
		{0xF2F52010, "f2fs"},
		{0x6969, "nfs"},
	};
	struct statfs sf;

	snprintf(buf, n, "unknown");
	if (statfs(dir, &sf) != 0)
		return;
	snprintf(buf, n, "fs 0x%lx", (unsigned long)sf.f_type);
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if ((unsigned long)sf.f_type == known[i].magic)
			snprintf(buf, n, "%s", known[i].name);
}

/* ---- laureld as a child process -------------------------------------- */

/* Runs laureld with argv, its output appended to the log; stdin_text (if
 * not NULL) is written to its standard input.  Returns the pid, or -1. */
static pid_t spawn_laureld(struct bench *b, char *const argv[],
                           const char *stdin_text)
{
	int in[2] = {-1, -1};
	pid_t pid;

	if (stdin_text && pipe2(in, O_CLOEXEC) != 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		if (in[0] >= 0) {
			close(in[0]);
			close(in[1]);
		}
		return -1;
	}
	if (pid == 0) {
		int log = open(b->log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		int nul = open("/dev/null", O_RDONLY);
		dup2(stdin_text ? in[0] : nul, 0);
		if (log >= 0) {
			dup2(log, 1);
			dup2(log, 2);
		}
		execv(b->laureld, argv);
		_exit(127);
	}
	if (stdin_text) {
		close(in[0]);
		/* A failed write shows in laureld's exit status. */
		ssize_t w = write(in[1], stdin_text, strlen(stdin_text));
		(void)w;
		close(in[1]);
	}
	return pid;
}

/* Copies laureld's log to stderr (after a failure). */
static void show_log(struct bench *b)
{
	char line[512];
	FILE *f = fopen(b->log, "r");
	int first = 1;

	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f)) {
		if (first)
			fprintf(stderr, "laurel-bench: laureld said:\n");
		fprintf(stderr, "  %s", line);
		first = 0;
	}
	fclose(f);
}

static int init_store(struct bench *b)
{
	char *argv[] = {
		"laureld",     "init",          "--config",         b->conf,
		"--store",     b->store,        "--admin",          ADMIN_LOGIN,
		"--full-name", ADMIN_FULL_NAME, "--password-stdin", "--test",
		NULL};
	int status = 0;
	pid_t pid = spawn_laureld(b, argv, ADMIN_PASSWORD "\n");

	if (pid < 0)
		return fail("cannot run laureld init", LRL_EIO);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "laurel-bench: laureld init failed (%s)\n",
		        WIFEXITED(status) && WEXITSTATUS(status) == 127
		                ? "laureld not found; build it first"
		                : "see below");
		show_log(b);
		return LRL_EIO;
	}
	b->events = 1; /* the genesis event */
	return 0;
}

static int start_server(struct bench *b)
{
	char *argv[] = {"laureld", "serve",    "--config", b->conf, "--store",
	                b->store,  "--socket", b->sock,    NULL};
	double t0 = now_s();

	if ((b->server = spawn_laureld(b, argv, NULL)) < 0)
		return fail("cannot run laureld serve", LRL_EIO);
	while (now_s() - t0 < BENCH_START_WAIT_S) {
		lrl_conn *c;
		int status;
		if (lrl_connect(b->sock, &c) == 0) {
			lrl_close(c);
			return 0;
		}
		if (waitpid(b->server, &status, WNOHANG) == b->server) {
			b->server = 0;
			fprintf(stderr, "laurel-bench: laureld exited at "
			                "start\n");
			show_log(b);
			return LRL_ECONN;
		}
		sleep_ms(10);
	}
	fprintf(stderr, "laurel-bench: laureld did not start listening\n");
	show_log(b);
	return LRL_ECONN;
}

static void stop_server(struct bench *b)
{
	double t0 = now_s();

	if (b->server <= 0)
		return;
	kill(b->server, SIGTERM);
	while (now_s() - t0 < BENCH_STOP_WAIT_S) {
		if (waitpid(b->server, NULL, WNOHANG) == b->server) {
			b->server = 0;
			return;
		}
		sleep_ms(10);
	}
	kill(b->server, SIGKILL);
	waitpid(b->server, NULL, 0);
	b->server = 0;
}

/* ---- accounts --------------------------------------------------------- */

/* Adds the account login (with role, when not NULL) whose temporary
 * password is password. */
static int add_user(struct bench *b, const char *login, const char *full,
                    const char *role, const char *password)
{
	char what[128];
	mp_buf p;
	int rc;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, role ? 7 : 6);
	mp_pack_kv_str(&p.pk, "login", login);
	mp_pack_kv_str(&p.pk, "full-name", full);
	if (role)
		mp_pack_kv_str(&p.pk, "role", role);
	snprintf(what, sizeof what, "user.add %s", login);
	if ((rc = lrl_pack_newpass(b->admin, password, &p.pk)) != 0)
		fail(what, rc);
	else
		rc = call_ok(b->admin, "user.add", &p, what);
	mp_buf_free(&p);
	if (rc == 0)
		b->events++;
	return rc;
}

/*
 * Creates, for each of the BENCH_WRITERS_MAX client slots, an
 * administrator wNN (its password already changed, so it may run
 * commands) and a target account tNN that holds only the staff role.
 */
static int setup_accounts(struct bench *b)
{
	char login[NAME_LEN], full[NAME_LEN], pw[NAME_LEN], pw2[NAME_LEN];
	int rc;

	if ((rc = connect_login(b, ADMIN_LOGIN, ADMIN_PASSWORD, &b->admin)) !=
	    0)
		return rc;
	for (int i = 0; i < BENCH_WRITERS_MAX; i++) {
		snprintf(pw, sizeof pw, TEMP_PASSWORD, i);
		snprintf(login, sizeof login, WRITER_LOGIN, i);
		snprintf(full, sizeof full, "Người ghi %02d", i);
		if ((rc = add_user(b, login, full, "admin", pw)) != 0)
			return rc;
		snprintf(login, sizeof login, TARGET_LOGIN, i);
		snprintf(full, sizeof full, "Tài khoản đích %02d", i);
		if ((rc = add_user(b, login, full, NULL, pw)) != 0)
			return rc;
	}
	for (int i = 0; i < BENCH_WRITERS_MAX; i++) {
		struct lrl_reply *r = NULL;
		lrl_conn *c;
		snprintf(login, sizeof login, WRITER_LOGIN, i);
		snprintf(pw, sizeof pw, TEMP_PASSWORD, i);
		snprintf(pw2, sizeof pw2, FINAL_PASSWORD, i);
		if ((rc = connect_login(b, login, pw, &c)) != 0)
			return rc;
		rc = lrl_passwd(c, pw2, &r);
		if (rc == 0 && r->code != 0)
			rc = r->code;
		lrl_reply_free(r);
		lrl_close(c);
		if (rc != 0)
			return fail("user.passwd", rc);
		b->events++;
	}
	return 0;
}

/* ---- 1. signed writes through laureld --------------------------------- */

/* The parameters of "user.grant/revoke tNN council". */
static void pack_role_params(mp_buf *p, int slot)
{
	char login[NAME_LEN];

	snprintf(login, sizeof login, TARGET_LOGIN, slot);
	mp_buf_init(p);
	msgpack_pack_map(&p->pk, 2);
	mp_pack_kv_str(&p->pk, "login", login);
	mp_pack_kv_str(&p->pk, "role", BENCH_ROLE);
}

/*
 * The body of one client process (slot = its account).  It logs in, says
 * it is ready on ready_fd, waits until go_fd is closed, then alternately
 * grants and revokes the council role on its target until seconds have
 * passed or count writes are done, whichever comes first.  When seconds
 * is set, BENCH_WARMUP_SECONDS of writes come first, untimed.  A final
 * revoke (outside the timing) leaves the target as it was.  It reports
 * "timed total elapsed" on result_fd.  Returns the process's exit status.
 */
static int writer_main(struct bench *b, int slot, double seconds, long count,
                       int ready_fd, int go_fd, int result_fd)
{
	char login[NAME_LEN], pw[NAME_LEN], line[128], go;
	mp_buf params;
	lrl_conn *c;
	long n = 0, warm = 0, total;
	double t0, elapsed;
	int len;

	snprintf(login, sizeof login, WRITER_LOGIN, slot);
	snprintf(pw, sizeof pw, FINAL_PASSWORD, slot);
	if (connect_login(b, login, pw, &c) != 0)
		return 1;
	pack_role_params(&params, slot);
	if (write(ready_fd, "r", 1) != 1)
		return 1;
	while (read(go_fd, &go, 1) < 0 && errno == EINTR)
		;
	/* Untimed warm-up: connections, caches and the server settle. */
	t0 = now_s();
	while (seconds > 0 && now_s() - t0 < BENCH_WARMUP_SECONDS) {
		if (call_ok(c, n % 2 ? "user.revoke" : "user.grant", &params,
		            "signed write") != 0)
			return 1;
		n++;
	}
	warm = n;
	t0 = now_s();
	for (;;) {
		elapsed = now_s() - t0;
		if ((seconds > 0 && elapsed >= seconds) ||
		    (count > 0 && n - warm >= count))
			break;
		if (call_ok(c, n % 2 ? "user.revoke" : "user.grant", &params,
		            "signed write") != 0)
			return 1;
		n++;
	}
	total = n;
	n -= warm;
	if (total % 2) {
		if (call_ok(c, "user.revoke", &params, "final revoke") != 0)
			return 1;
		total++;
	}
	lrl_close(c);
	mp_buf_free(&params);
	len = snprintf(line, sizeof line, "%ld %ld %.9f\n", n, total, elapsed);
	return write(result_fd, line, (size_t)len) == len ? 0 : 1;
}

static void kill_all(pid_t *pids, int n)
{
	for (int i = 0; i < n; i++)
		if (pids[i] > 0) {
			kill(pids[i], SIGKILL);
			waitpid(pids[i], NULL, 0);
			pids[i] = 0;
		}
}

/* Has one of the n processes in pids exited?  Reaps it if so. */
static int any_exited(pid_t *pids, int n)
{
	for (int i = 0; i < n; i++)
		if (pids[i] > 0 && waitpid(pids[i], NULL, WNOHANG) == pids[i]) {
			pids[i] = 0;
			return 1;
		}
	return 0;
}

/*
 * Runs nclients client processes (slots 0 … nclients-1) for seconds or
 * count writes each (see writer_main) and stores the combined rate of the
 * timed writes in *rate: their sum over the longest client's time.  When
 * srv_us and cli_us are not NULL they receive the CPU time laureld and the
 * clients spent per write, in microseconds (warm-up writes included, on
 * both sides of the division).
 */
static int run_writers(struct bench *b, int nclients, double seconds,
                       long count, double *rate, double *srv_us, double *cli_us)
{
	pid_t pids[BENCH_WRITERS_MAX] = {0};
	int ready[2] = {-1, -1}, go[2] = {-1, -1}, res[2] = {-1, -1};
	char buf[BENCH_WRITERS_MAX * 128 + 1];
	size_t got = 0;
	int nready = 0, rc = LRL_EIO, nlines = 0;
	long timed = 0, total = 0;
	double t0, longest = 0, limit, cpu0, cli_cpu = 0;

	if (pipe2(ready, O_CLOEXEC) || pipe2(go, O_CLOEXEC) ||
	    pipe2(res, O_CLOEXEC)) {
		fail("pipe", LRL_EIO);
		goto out;
	}
	fflush(NULL);
	for (int i = 0; i < nclients; i++) {
		pids[i] = fork();
		if (pids[i] < 0) {
			pids[i] = 0;
			fail("fork", LRL_EIO);
			goto out;
		}
		if (pids[i] == 0) {
			close(ready[0]);
			close(go[1]);
			close(res[0]);
			_exit(writer_main(b, i, seconds, count, ready[1], go[0],
			                  res[1]));
		}
	}
	close(ready[1]);
	close(go[0]);
	close(res[1]);
	ready[1] = go[0] = res[1] = -1;

	/* Everyone logged in; then all start at once. */
	t0 = now_s();
	while (nready < nclients) {
		struct pollfd p = {ready[0], POLLIN, 0};
		char tmp[BENCH_WRITERS_MAX];
		ssize_t n;
		if (now_s() - t0 > BENCH_READY_WAIT_S ||
		    any_exited(pids, nclients)) {
			fprintf(stderr, "laurel-bench: a client failed to log "
			                "in\n");
			goto out;
		}
		if (poll(&p, 1, 100) <= 0)
			continue;
		if ((n = read(ready[0], tmp, sizeof tmp)) > 0)
			nready += (int)n;
	}
	cpu0 = proc_cpu(b->server);
	close(go[1]);
	go[1] = -1;

	/* Results: one line per client, then end of file. */
	t0 = now_s();
	limit = (seconds > 0 ? seconds : BENCH_TOPUP_SECONDS) + BENCH_GRACE_S;
	for (;;) {
		struct pollfd p = {res[0], POLLIN, 0};
		ssize_t n;
		if (now_s() - t0 > limit) {
			fprintf(stderr, "laurel-bench: clients did not "
			                "finish\n");
			goto out;
		}
		if (poll(&p, 1, 200) <= 0)
			continue;
		n = read(res[0], buf + got, sizeof buf - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	if (srv_us)
		*srv_us = proc_cpu(b->server) - cpu0;
	for (char *save = NULL, *l = strtok_r(buf, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		long t, a;
		double e;
		if (sscanf(l, "%ld %ld %lf", &t, &a, &e) != 3)
			continue;
		timed += t;
		total += a;
		if (e > longest)
			longest = e;
		nlines++;
	}
	b->events += (uint64_t)total;
	rc = 0;
	for (int i = 0; i < nclients; i++) {
		struct rusage ru;
		int status = 0;
		if (pids[i] > 0 && wait4(pids[i], &status, 0, &ru) == pids[i]) {
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
				rc = LRL_EIO;
			cli_cpu += rusage_cpu(&ru);
		}
		pids[i] = 0;
	}
	if (rc != 0 || nlines != nclients || longest <= 0) {
		fprintf(stderr, "laurel-bench: %d of %d clients failed\n",
		        nclients - nlines, nclients);
		rc = LRL_EIO;
		goto out;
	}
	*rate = (double)timed / longest;
	if (srv_us)
		*srv_us = *srv_us * 1e6 / (double)total;
	if (cli_us)
		*cli_us = cli_cpu * 1e6 / (double)total;
out:
	kill_all(pids, nclients);
	for (int i = 0; i < 2; i++) {
		if (ready[i] >= 0)
			close(ready[i]);
		if (go[i] >= 0)
			close(go[i]);
		if (res[i] >= 0)
			close(res[i]);
	}
	return rc;
}

/* ---- 2. raw LMDB commits ---------------------------------------------- */

/* Adds BENCH_RAW_SECONDS of commits to the raw figure.  It runs twice,
 * just before and just after the write runs (laureld idle meanwhile), so
 * that a drift of the disk's speed shows, and weighs on both sides of the
 * ratios alike. */
static int bench_raw(struct bench *b)
{
	uint8_t key[8], val[BENCH_RAW_VALUE_LEN];
	struct rusage ru0, ru1;
	store *st = NULL;
	store_txn *t;
	uint64_t n = 0;
	double t0, el;
	int rc;

	if (mkdir(b->raw, 0700) != 0 && errno != EEXIST)
		return fail("cannot create the raw LMDB directory", LRL_EIO);
	if ((rc = store_open(b->raw, STORE_CREATE, &st)) != 0)
		return fail("cannot open the raw LMDB store", rc);
	randombytes_buf(val, sizeof val);
	getrusage(RUSAGE_SELF, &ru0);
	t0 = now_s();
	while ((el = now_s() - t0) < BENCH_RAW_SECONDS) {
		wire_put_be64(key, b->raw_n + n);
		if ((rc = store_begin(st, NULL, 1, &t)) != 0)
			break;
		if ((rc = store_put(t, STORE_DB_STATE, key, sizeof key, val,
		                    sizeof val, 0)) != 0) {
			store_abort(t);
			break;
		}
		if ((rc = store_commit(t)) != 0)
			break;
		n++;
	}
	getrusage(RUSAGE_SELF, &ru1);
	store_close(st);
	if (rc != 0)
		return fail("raw LMDB commit", rc);
	b->raw_cpu += rusage_cpu(&ru1) - rusage_cpu(&ru0);
	b->raw_n += n;
	b->raw_secs += el;
	if (b->raw_halves < 2)
		b->raw_half[b->raw_halves++] = (double)n / el;
	b->raw_commits = (double)b->raw_n / b->raw_secs;
	return 0;
}

/* ---- 3. verify --------------------------------------------------------- */

/* Writes with 32 clients until the store holds BENCH_VERIFY_EVENTS
 * events (or BENCH_TOPUP_SECONDS pass). */
static int top_up(struct bench *b)
{
	double rate;
	long each;

	if (b->events >= BENCH_VERIFY_EVENTS)
		return 0;
	each = (long)((BENCH_VERIFY_EVENTS - b->events + BENCH_WRITERS_MAX -
	               1) /
	              BENCH_WRITERS_MAX);
	progress("writing more events for verify");
	return run_writers(b, BENCH_WRITERS_MAX, BENCH_TOPUP_SECONDS, each + 1,
	                   &rate, NULL, NULL);
}

static int bench_verify(struct bench *b)
{
	struct verify_report rep;
	int rc = verify_store(b->store, NULL, &rep);

	if (rc != 0) {
		fprintf(stderr, "laurel-bench: verify_store: %s%s%s\n",
		        lrl_strerror(rc), rep.reason[0] ? ": " : "",
		        rep.reason);
		return rc;
	}
	if (rep.seconds <= 0)
		return fail("verify_store took no time", LRL_EINVAL);
	b->verify_events = rep.events;
	b->verify_rate = (double)rep.events / rep.seconds;
	return 0;
}

/* Adds BENCH_SIG_SECONDS of raw Ed25519 verifications, of messages as
 * long as a benchmark write's request, to the raw figure.  It runs before
 * and after verify_store, like bench_raw. */
static int bench_sig(struct bench *b)
{
	uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	uint8_t *msgs, *sigs;
	mp_buf params, req;
	uint64_t n = 0;
	double t0, el;
	int rc = 0;

	/* The exact bytes a client signs for one benchmark write. */
	pack_role_params(&params, 0);
	mp_buf_init(&req);
	lrl_build_request(b->admin, "user.grant", params.sb.data,
	                  params.sb.size, 1, &req);
	b->req_len = req.sb.size;
	mp_buf_free(&params);
	mp_buf_free(&req);

	msgs = malloc(BENCH_SIGS * b->req_len);
	sigs = malloc(BENCH_SIGS * (size_t)crypto_sign_BYTES);
	if (!msgs || !sigs) {
		free(msgs);
		free(sigs);
		return fail("raw signatures", LRL_ENOMEM);
	}
	crypto_sign_keypair(pk, sk);
	randombytes_buf(msgs, BENCH_SIGS * b->req_len);
	for (size_t i = 0; i < BENCH_SIGS; i++)
		crypto_sign_detached(sigs + i * crypto_sign_BYTES, NULL,
		                     msgs + i * b->req_len, b->req_len, sk);
	sodium_memzero(sk, sizeof sk);
	t0 = now_s();
	do {
		for (size_t i = 0; i < BENCH_SIGS; i++)
			if (crypto_sign_verify_detached(
				    sigs + i * crypto_sign_BYTES,
				    msgs + i * b->req_len, b->req_len, pk) != 0)
				rc = LRL_ECRYPTO;
		n += BENCH_SIGS;
	} while ((el = now_s() - t0) < BENCH_SIG_SECONDS);
	free(msgs);
	free(sigs);
	if (rc != 0)
		return fail("raw signatures", rc);
	b->sig_n += n;
	b->sig_secs += el;
	if (b->sig_halves < 2)
		b->sig_half[b->sig_halves++] = (double)n / el;
	b->sig_rate = (double)b->sig_n / b->sig_secs;
	return 0;
}

/* ---- 4. query round trip ------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Times BENCH_QUERIES session.whoami round trips on the admin's
 * connection; *mean may be NULL. */
static int query_run(struct bench *b, double *median, double *p99, double *mean)
{
	double *us = malloc(BENCH_QUERIES * sizeof *us), sum = 0;
	mp_buf none;
	int rc = 0;

	if (us == NULL)
		return fail("query", LRL_ENOMEM);
	mp_buf_init(&none);
	msgpack_pack_map(&none.pk, 0);
	for (int i = 0; i < BENCH_QUERY_WARMUP && rc == 0; i++)
		rc = call_ok(b->admin, "session.whoami", &none,
		             "session.whoami");
	for (size_t i = 0; i < BENCH_QUERIES && rc == 0; i++) {
		double t0 = now_s();
		rc = call_ok(b->admin, "session.whoami", &none,
		             "session.whoami");
		us[i] = (now_s() - t0) * 1e6;
		sum += us[i];
	}
	mp_buf_free(&none);
	if (rc == 0) {
		qsort(us, BENCH_QUERIES, sizeof *us, cmp_double);
		*median = us[BENCH_QUERIES / 2];
		*p99 = us[BENCH_QUERIES * 99 / 100];
		if (mean)
			*mean = sum / BENCH_QUERIES;
	}
	free(us);
	return rc;
}

/*
 * The query round trip as the scheduler places the two processes (the
 * figure compared with the target), then with this process and laureld
 * pinned to one CPU.  The second figure is for diagnosis: a round trip
 * wakes the other process twice, and waking a process on another CPU costs
 * far more on some virtual machines than the server's work does.
 */
static int bench_query(struct bench *b)
{
	cpu_set_t mine, theirs, one;
	double p99;
	size_t cpu = CPU_SETSIZE;
	int rc;

	if ((rc = query_run(b, &b->q_median, &b->q_p99, &b->q_mean)) != 0)
		return rc;
	b->q1_median = -1;
	if (sched_getaffinity(0, sizeof mine, &mine) != 0 ||
	    sched_getaffinity(b->server, sizeof theirs, &theirs) != 0 ||
	    CPU_COUNT(&mine) < 2)
		return 0;
	for (size_t i = 0; i < CPU_SETSIZE && cpu == CPU_SETSIZE; i++)
		if (CPU_ISSET(i, &mine) && CPU_ISSET(i, &theirs))
			cpu = i;
	if (cpu == CPU_SETSIZE)
		return 0;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (sched_setaffinity(b->server, sizeof one, &one) == 0 &&
	    sched_setaffinity(0, sizeof one, &one) == 0)
		rc = query_run(b, &b->q1_median, &p99, NULL);
	sched_setaffinity(0, sizeof mine, &mine);
	sched_setaffinity(b->server, sizeof theirs, &theirs);
	return rc;
}

/* ---- 5. resident memory ----------------------------------------------- */

/* Reads the named kB fields of /proc/PID/status. */
static int read_status(pid_t pid, long *rss, long *anon, long *file,
                       long *shmem, long *hwm)
{
	char path[64], line[256];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return LRL_EIO;
	while (fgets(line, sizeof line, f)) {
		static const char *names[] = {"VmRSS:", "RssAnon:", "RssFile:",
		                              "RssShmem:", "VmHWM:"};
		long *dst[] = {rss, anon, file, shmem, hwm};
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (!strncmp(line, names[i], strlen(names[i]))) {
				*dst[i] = strtol(line + strlen(names[i]), NULL,
				                 10);
				found++;
			}
	}
	fclose(f);
	return found == 5 ? 0 : LRL_EIO;
}

static size_t count_fds(pid_t pid)
{
	char path[64];
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	snprintf(path, sizeof path, "/proc/%ld/fd", (long)pid);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static int bench_memory(struct bench *b)
{
	lrl_conn *conns[BENCH_IDLE_CONNS] = {NULL};
	long dummy;
	size_t fds0;
	double t0;
	int rc;

	if ((rc = read_status(b->server, &dummy, &b->base_anon_kb, &dummy,
	                      &dummy, &dummy)) != 0)
		return fail("cannot read laureld's /proc status", rc);
	fds0 = count_fds(b->server);
	for (int i = 0; i < BENCH_IDLE_CONNS; i++) {
		if (i < BENCH_IDLE_LOGGED_IN) {
			char login[NAME_LEN], pw[NAME_LEN];
			snprintf(login, sizeof login, WRITER_LOGIN,
			         i % BENCH_WRITERS_MAX);
			snprintf(pw, sizeof pw, FINAL_PASSWORD,
			         i % BENCH_WRITERS_MAX);
			rc = connect_login(b, login, pw, &conns[i]);
		} else if ((rc = lrl_connect(b->sock, &conns[i])) != 0) {
			fail("idle connection", rc);
		}
		if (rc != 0)
			goto out;
	}
	/* connect() returns once the kernel queued the connection; wait
	 * until laureld has accepted every one. */
	t0 = now_s();
	while ((b->idle_accepted = count_fds(b->server) - fds0) <
	               BENCH_IDLE_CONNS &&
	       now_s() - t0 < BENCH_ACCEPT_WAIT_S)
		sleep_ms(10);
	sleep_ms(BENCH_SETTLE_MS);
	rc = read_status(b->server, &b->rss_kb, &b->anon_kb, &b->file_kb,
	                 &b->shmem_kb, &b->hwm_kb);
	if (rc != 0)
		fail("cannot read laureld's /proc status", rc);
	else if (b->idle_accepted < BENCH_IDLE_CONNS)
		rc = fail("laureld did not accept every idle connection",
		          LRL_EBUSY);
out:
	for (int i = 0; i < BENCH_IDLE_CONNS; i++)
		lrl_close(conns[i]);
	return rc;
}

/* ---- report ------------------------------------------------------------ */

static void row(const char *figure, double v, const char *unit,
                const char *target, int pass);

/* ---- reports on a province-sized store --------------------------------- */

/* A fictional province: 50 units, 25,000 staff, five years of ratings and
 * titles, this year's pledges and unit ratings, written straight into the
 * store (a real province's history would be imported, not typed).  The
 * figures compare the annual report against a raw cursor scan of the
 * records it rests on, in the same run. */

static const char *const family[] = {"Nguyễn", "Trần", "Lê", "Phạm",
                                     "Hoàng", "Huỳnh", "Võ", "Đặng"};
static const char *const middle[] = {"Thị", "Văn", "Minh", "Thu", "Đức",
                                     "Ngọc"};
static const char *const given[] = {"An", "Bình", "Hà", "Hương", "Lan",
                                    "Nam", "Phúc", "Quân", "Trang", "Vy"};
static const char *const ratings4[] = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};

static int pack_commit_retry(store *st, int (*fill)(store_txn *, uint32_t,
                                                   uint32_t),
                             uint32_t from, uint32_t to)
{
	for (;;) {
		store_txn *t;
		int rc = store_begin(st, NULL, 1, &t);
		if (rc != 0)
			return rc;
		rc = fill(t, from, to);
		if (rc == 0)
			rc = store_commit(t);
		else
			store_abort(t);
		if (rc != LRL_EFULL)
			return rc;
		if ((rc = store_grow(st)) != 0)
			return rc;
	}
}

static int fill_units(store_txn *t, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++) {
		struct unit_rec u;
		int rc;
		memset(&u, 0, sizeof u);
		snprintf(u.code, sizeof u.code, "DV%02u", i + 1);
		snprintf(u.name, sizeof u.name, "Trung tâm Y tế số %u", i + 1);
		snprintf(u.kind, sizeof u.kind, "%s", "station");
		if ((rc = unit_put(t, &u, 1)) != 0)
			return rc;
	}
	return 0;
}

static int fill_staff(store_txn *t, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++) {
		struct staff_rec s;
		int rc;
		memset(&s, 0, sizeof s);
		snprintf(s.code, sizeof s.code, "P%05u", i + 1);
		snprintf(s.full_name, sizeof s.full_name, "%s %s %s",
		         family[i % 8], middle[(i / 8) % 6], given[(i / 48) % 10]);
		snprintf(s.sex, sizeof s.sex, "%s", i % 3 ? "nữ" : "nam");
		s.unit = i % PROVINCE_UNITS + 1;
		snprintf(s.category, sizeof s.category, "%s",
		         i % 5 ? "viên chức" : "hợp đồng");
		s.birth = 7000 + (int32_t)(i % 9000);
		s.start = 15000;
		if ((rc = staff_put(t, &s, NULL)) != 0)
			return rc;
	}
	return 0;
}

static void ykey(uint8_t *k, int year, uint32_t id)
{
	k[0] = (uint8_t)(year >> 8);
	k[1] = (uint8_t)year;
	wire_put_be32(k + 2, id);
}

/* Ratings and titles of every person for every year; pledges of the
 * last year. */
static int fill_years(store_txn *t, uint32_t from, uint32_t to)
{
	mp_buf b;
	int rc = 0;

	mp_buf_init(&b);
	for (uint32_t i = from; i < to && rc == 0; i++) {
		uint32_t id = i + 1;
		for (int y = PROVINCE_LAST_YEAR - PROVINCE_YEARS + 1;
		     y <= PROVINCE_LAST_YEAR && rc == 0; y++) {
			uint8_t k[6], ak[64];
			const char *r = ratings4[(i * 7 + (uint32_t)y) % 23 == 0 ? 3
			                         : (i + (uint32_t)y) % 9 == 0   ? 2
			                         : (i + (uint32_t)y) % 6 == 0   ? 0
			                                                       : 1];
			ykey(k, y, id);
			mp_buf_reset(&b);
			msgpack_pack_map(&b.pk, 5);
			msgpack_pack_uint8(&b.pk, 1);
			mp_pack_str(&b.pk, r);
			msgpack_pack_uint8(&b.pk, 2);
			msgpack_pack_int64(&b.pk, 12);
			msgpack_pack_uint8(&b.pk, 3);
			mp_pack_str(&b.pk, "");
			msgpack_pack_uint8(&b.pk, 4);
			msgpack_pack_uint64(&b.pk, 1);
			msgpack_pack_uint8(&b.pk, 5);
			msgpack_pack_int64(&b.pk, 0);
			rc = store_put(t, STORE_DB_RATINGS, k, 6, b.sb.data, b.sb.size, 0);
			if (rc == 0 && r[0] == 'H' && r[2] != 'N') {
				size_t kl = subject_key(ak, y, 'S', id, "LDTT");
				mp_buf_reset(&b);
				msgpack_pack_map(&b.pk, 6);
				msgpack_pack_uint8(&b.pk, 1);
				mp_pack_str(&b.pk, "15/QĐ-SYT");
				msgpack_pack_uint8(&b.pk, 2);
				msgpack_pack_int64(&b.pk, 0);
				msgpack_pack_uint8(&b.pk, 3);
				mp_pack_str(&b.pk, "");
				msgpack_pack_uint8(&b.pk, 4);
				msgpack_pack_array(&b.pk, 0);
				msgpack_pack_uint8(&b.pk, 5);
				msgpack_pack_uint64(&b.pk, 1);
				msgpack_pack_uint8(&b.pk, 6);
				msgpack_pack_int64(&b.pk, 0);
				rc = store_put(t, STORE_DB_AWARDS, ak, kl, b.sb.data,
				               b.sb.size, 0);
			}
			if (rc == 0 && y == PROVINCE_LAST_YEAR && i % 10 != 0) {
				mp_buf_reset(&b);
				msgpack_pack_map(&b.pk, 4);
				msgpack_pack_uint8(&b.pk, 1);
				mp_pack_str(&b.pk, "LDTT");
				msgpack_pack_uint8(&b.pk, 2);
				mp_pack_str(&b.pk, "Hoàn thành tốt nhiệm vụ được giao");
				msgpack_pack_uint8(&b.pk, 3);
				msgpack_pack_uint64(&b.pk, 4);
				msgpack_pack_uint8(&b.pk, 4);
				msgpack_pack_int64(&b.pk, 0);
				rc = store_put(t, STORE_DB_PLEDGES, k, 6, b.sb.data,
				               b.sb.size, 0);
			}
		}
	}
	mp_buf_free(&b);
	return rc;
}

static int fill_province(struct bench *b)
{
	store *st = NULL;
	int rc;

	if ((rc = store_open(b->store, 0, &st)) != 0)
		return fail("cannot open the province store", rc);
	rc = pack_commit_retry(st, fill_units, 0, PROVINCE_UNITS);
	for (uint32_t i = 0; rc == 0 && i < PROVINCE_STAFF; i += PROVINCE_BATCH)
		rc = pack_commit_retry(st, fill_staff, i,
		                       i + PROVINCE_BATCH < PROVINCE_STAFF
		                               ? i + PROVINCE_BATCH
		                               : PROVINCE_STAFF);
	for (uint32_t i = 0; rc == 0 && i < PROVINCE_STAFF; i += PROVINCE_BATCH)
		rc = pack_commit_retry(st, fill_years, i,
		                       i + PROVINCE_BATCH < PROVINCE_STAFF
		                               ? i + PROVINCE_BATCH
		                               : PROVINCE_STAFF);
	store_close(st);
	return rc ? fail("cannot fill the province store", rc) : 0;
}

/* The records the annual report rests on, scanned with cursors and
 * nothing decoded: staff and units whole, the rest from the year's first
 * key to its last. */
static int raw_scan(store *st, uint64_t *records)
{
	static const enum store_db whole[] = {STORE_DB_UNITS, STORE_DB_STAFF,
	                                      STORE_DB_WORKS, STORE_DB_MOVEMENTS};
	static const enum store_db yearly[] = {
		STORE_DB_PLEDGES, STORE_DB_UNIT_PLEDGES, STORE_DB_RATINGS,
		STORE_DB_UNIT_RATINGS, STORE_DB_AWARDS, STORE_DB_NOMINATION_KEYS};
	store_txn *t = NULL;
	uint64_t n = 0, sum = 0;
	int rc;

	if ((rc = store_begin(st, NULL, 0, &t)) != 0)
		goto out;
	for (size_t i = 0; i < sizeof whole / sizeof whole[0] + sizeof yearly /
	                                                           sizeof yearly[0];
	     i++) {
		int is_whole = i < sizeof whole / sizeof whole[0];
		enum store_db db = is_whole ? whole[i]
		                            : yearly[i - sizeof whole / sizeof whole[0]];
		uint8_t lo[2] = {PROVINCE_LAST_YEAR >> 8, PROVINCE_LAST_YEAR & 0xff};
		const void *k = lo, *v;
		size_t kl = 2, vl;
		store_cursor *c;
		if ((rc = store_cursor_open(t, db, &c)) != 0)
			goto out;
		for (rc = store_cursor_get(c, is_whole ? STORE_FIRST : STORE_SET_RANGE,
		                           &k, &kl, &v, &vl);
		     rc == 0 && (is_whole || (kl >= 2 && !memcmp(k, lo, 2)));
		     rc = store_cursor_get(c, STORE_NEXT, &k, &kl, &v, &vl)) {
			/* Touch the value, as any reader must. */
			sum += vl ? ((const uint8_t *)v)[vl - 1] : 0;
			n++;
		}
		store_cursor_close(c);
		if (rc != 0 && rc != LRL_ENOENT)
			goto out;
	}
	rc = 0;
	*records = n + (sum & 0);
out:
	store_abort(t);
	return rc;
}

static double median_of(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

static int bench_reports(struct bench *b)
{
	char dir[PATH_MAX], pdf[PATH_MAX];
	double tr[REPORT_RUNS], ts[REPORT_RUNS], tp[REPORT_RUNS];
	double tc[REPORT_RUNS];
	mp_buf p;
	struct rdoc *d = NULL;
	struct lrl_reply *refusal = NULL;
	store *scan_store = NULL;
	int rc;

	if (path_join(dir, sizeof dir, b->base, "province") != 0 ||
	    path_join(b->sock, sizeof b->sock, b->base, "province.sock") != 0 ||
	    path_join(pdf, sizeof pdf, b->base, "annual.pdf") != 0)
		return fail("paths too long", LRL_EINVAL);
	snprintf(b->store, sizeof b->store, "%s", dir);
	{
		char what[128];
		snprintf(what, sizeof what, "reports: creating the province store "
		         "(%d staff, %d units, %d years)", PROVINCE_STAFF,
		         PROVINCE_UNITS, PROVINCE_YEARS);
		progress(what);
	}
	if ((rc = init_store(b)) != 0 || (rc = fill_province(b)) != 0 ||
	    (rc = start_server(b)) != 0)
		return rc;
	if ((rc = connect_login(b, ADMIN_LOGIN, ADMIN_PASSWORD, &b->admin)) != 0)
		return rc;
	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 2);
	mp_pack_kv_str(&p.pk, "version", BUILTIN_RULEBOOK_VERSION);
	mp_pack_str(&p.pk, "file");
	mp_pack_strn(&p.pk, (const char *)builtin_rulebook, builtin_rulebook_len);
	rc = call_ok(b->admin, "rulebook.load", &p, "rulebook.load");
	mp_buf_reset(&p);
	msgpack_pack_map(&p.pk, 5);
	mp_pack_kv_int(&p.pk, "year", PROVINCE_LAST_YEAR);
	mp_pack_kv_str(&p.pk, "rulebook", BUILTIN_RULEBOOK_VERSION);
	mp_pack_kv_int(&p.pk, "registration", 20463); /* 10/01/2026 */
	mp_pack_kv_int(&p.pk, "annual-report", 20807); /* 20/12/2026 */
	mp_pack_kv_int(&p.pk, "target-ldtt", 95);
	if (rc == 0)
		rc = call_ok(b->admin, "year.open", &p, "year.open");
	if (rc != 0)
		goto out;
	progress("reports: the annual report against a raw scan");
	if ((rc = store_open(b->store, STORE_READONLY, &scan_store)) != 0) {
		fail("cannot open the province store to scan it", rc);
		goto out;
	}
	for (int i = 0; i < REPORT_RUNS && rc == 0; i++) {
		struct lrl_reply *r = NULL;
		double t0, c0;
		mp_buf_reset(&p);
		msgpack_pack_map(&p.pk, 1);
		mp_pack_kv_int(&p.pk, "year", PROVINCE_LAST_YEAR);
		c0 = proc_cpu(b->server);
		t0 = now_s();
		rc = lrl_call(b->admin, "report.annual", p.sb.data, p.sb.size, &r);
		tr[i] = (now_s() - t0) * 1000;
		tc[i] = (proc_cpu(b->server) - c0) * 1000;
		if (rc == 0 && r->code != 0)
			rc = r->code;
		lrl_reply_free(r);
		t0 = now_s();
		if (rc == 0)
			rc = raw_scan(scan_store, &b->scan_records);
		ts[i] = (now_s() - t0) * 1000;
	}
	if (rc != 0) {
		fail("the annual report", rc);
		goto out;
	}
	b->report_ms = median_of(tr, REPORT_RUNS);
	b->report_cpu_ms = median_of(tc, REPORT_RUNS);
	b->scan_ms = median_of(ts, REPORT_RUNS);
	progress("reports: phase review over five years, PDF rendering");
	for (int i = 0; i < REPORT_RUNS && rc == 0; i++) {
		struct lrl_reply *r = NULL;
		double t0;
		mp_buf_reset(&p);
		msgpack_pack_map(&p.pk, 2);
		mp_pack_kv_int(&p.pk, "from", PROVINCE_LAST_YEAR - PROVINCE_YEARS + 1);
		mp_pack_kv_int(&p.pk, "to", PROVINCE_LAST_YEAR);
		t0 = now_s();
		rc = lrl_call(b->admin, "report.phase", p.sb.data, p.sb.size, &r);
		tr[i] = (now_s() - t0) * 1000;
		if (rc == 0 && r->code != 0)
			rc = r->code;
		lrl_reply_free(r);
	}
	if (rc == 0)
		b->phase_ms = median_of(tr, REPORT_RUNS);
	mp_buf_reset(&p);
	mp_pack_kv_int(&p.pk, "year", PROVINCE_LAST_YEAR);
	if (rc == 0)
		rc = rdoc_fetch(b->admin, action_find("report.annual", 13),
		                p.sb.data, p.sb.size, 1, &d, &refusal);
	for (int i = 0; i < REPORT_RUNS && rc == 0; i++) {
		double t0 = now_s();
		rc = rdoc_pdf(d, pdf, &b->pdf_pages);
		tp[i] = (now_s() - t0) * 1000 / (b->pdf_pages ? b->pdf_pages : 1);
	}
	if (rc != 0) {
		fail("the report PDF", rc);
		goto out;
	}
	b->pdf_page_ms = median_of(tp, REPORT_RUNS);
	b->reports_done = 1;
out:
	store_close(scan_store);
	rdoc_free(d);
	lrl_reply_free(refusal);
	mp_buf_free(&p);
	lrl_close(b->admin);
	b->admin = NULL;
	stop_server(b);
	return rc;
}

static void report_reports(struct bench *b)
{
	double ratio = b->scan_ms > 0 ? b->report_ms / b->scan_ms : 0;

	if (!b->reports_done)
		return;
	printf("\nReports on a province: %d staff, %d units, %d years\n",
	       PROVINCE_STAFF, PROVINCE_UNITS, PROVINCE_YEARS);
	printf("  %-44s %10s  %-9s %-9s %s\n", "figure", "value", "unit",
	       "target", "");
	row("report.annual, one year, round trip", b->report_ms, "ms", NULL, 0);
	row("  of which laureld's CPU time", b->report_cpu_ms, "ms", NULL, 0);
	row("raw LMDB cursor scan of its records", b->scan_ms, "ms", NULL, 0);
	printf("  %-44s %10llu  %-9s\n", "records scanned",
	       (unsigned long long)b->scan_records, "count");
	row("annual report / raw scan", ratio, "x", "<= 3.0",
	    ratio <= TARGET_REPORT_SCAN_RATIO);
	row("report.phase, five years, round trip", b->phase_ms, "ms", NULL, 0);
	row("PDF rendering per page (annual)", b->pdf_page_ms, "ms", NULL, 0);
	printf("  %-44s %10d  %-9s\n", "PDF pages (annual)", b->pdf_pages,
	       "count");
	printf("bench: report_annual %.2f ms\n", b->report_ms);
	printf("bench: report_annual_server_cpu %.2f ms\n", b->report_cpu_ms);
	printf("bench: report_raw_scan %.2f ms\n", b->scan_ms);
	printf("bench: report_scan_records %llu count\n",
	       (unsigned long long)b->scan_records);
	printf("bench: ratio_report_scan %.3f x\n", ratio);
	printf("bench: report_phase %.2f ms\n", b->phase_ms);
	printf("bench: report_pdf_page %.2f ms\n", b->pdf_page_ms);
	printf("bench: report_targets_missed %d count\n",
	       ratio > TARGET_REPORT_SCAN_RATIO);
}

static const char *verdict(int pass)
{
	return pass ? "PASS" : "MISS";
}

static void row(const char *figure, double v, const char *unit,
                const char *target, int pass)
{
	char val[32];

	snprintf(val, sizeof val, v >= 100 ? "%.0f" : "%.2f", v);
	printf("  %-44s %10s  %-9s %-9s %s\n", figure, val, unit,
	       target ? target : "", target ? verdict(pass) : "");
}

/* Do the two halves of a baseline differ by more than BENCH_UNSTABLE? */
static int unstable(const double half[2])
{
	double lo = half[0] < half[1] ? half[0] : half[1];
	double hi = half[0] < half[1] ? half[1] : half[0];

	return lo <= 0 || hi / lo > BENCH_UNSTABLE;
}

static void report(struct bench *b)
{
	struct utsname un;
	char fig[96], tgt[32];
	double r1 = b->writes[0] / b->raw_commits;
	double rn = b->writes[NCONFIGS - 1] / b->raw_commits;
	double rv = b->verify_rate / b->sig_rate;
	double raw_cpu_us = b->raw_cpu * 1e6 / (double)b->raw_n;
	double mib = 1024.0;

	uname(&un);
	printf("\nlaurel-bench: %s %s, %ld CPUs; stores in %s (%s)\n",
	       un.sysname, un.release, sysconf(_SC_NPROCESSORS_ONLN), b->base,
	       b->fstype);
	printf("load average at start: %s; at end: %s\n\n", b->loadavg[0],
	       b->loadavg[1]);
	printf("  %-44s %10s  %-9s %-9s %s\n", "figure", "value", "unit",
	       "target", "");
	printf("  %-44s %10s  %-9s %-9s %s\n",
	       "--------------------------------------------", "----------",
	       "---------", "---------", "----");
	row("raw LMDB: 1 put + synced commit", b->raw_commits, "commits/s",
	    NULL, 0);
	row("  before the write runs", b->raw_half[0], "commits/s", NULL, 0);
	row("  after the write runs", b->raw_half[1], "commits/s", NULL, 0);
	row("  CPU per commit (user + system)", raw_cpu_us, "us", NULL, 0);
	for (size_t i = 0; i < NCONFIGS; i++) {
		snprintf(fig, sizeof fig,
		         "signed writes via laureld, %d client%s",
		         client_counts[i], client_counts[i] > 1 ? "s" : "");
		row(fig, b->writes[i], "writes/s", NULL, 0);
		row("  laureld CPU per write", b->srv_cpu_us[i], "us", NULL, 0);
		row("  client CPU per write", b->cli_cpu_us[i], "us", NULL, 0);
	}
	snprintf(tgt, sizeof tgt, ">= %.2f", TARGET_ONE_CLIENT_RATIO);
	row("  1 client / raw LMDB", r1, "x", tgt,
	    r1 >= TARGET_ONE_CLIENT_RATIO);
	snprintf(tgt, sizeof tgt, ">= %.1f", TARGET_MANY_CLIENT_RATIO);
	snprintf(fig, sizeof fig, "  %d clients / raw LMDB", BENCH_WRITERS_MAX);
	row(fig, rn, "x", tgt, rn >= TARGET_MANY_CLIENT_RATIO);
	snprintf(fig, sizeof fig, "verify_store, %" PRIu64 " events",
	         b->verify_events);
	row(fig, b->verify_rate, "events/s", NULL, 0);
	snprintf(fig, sizeof fig, "raw Ed25519 verify, %zu-byte message",
	         b->req_len);
	row(fig, b->sig_rate, "checks/s", NULL, 0);
	snprintf(tgt, sizeof tgt, ">= %.2f", TARGET_VERIFY_RATIO);
	row("  before verify_store", b->sig_half[0], "checks/s", NULL, 0);
	row("  after verify_store", b->sig_half[1], "checks/s", NULL, 0);
	row("  verify / raw Ed25519", rv, "x", tgt, rv >= TARGET_VERIFY_RATIO);
	snprintf(tgt, sizeof tgt, "<= %.0f", TARGET_QUERY_MEDIAN_US);
	row("session.whoami round trip, median", b->q_median, "us", tgt,
	    b->q_median <= TARGET_QUERY_MEDIAN_US);
	row("session.whoami round trip, p99", b->q_p99, "us", NULL, 0);
	if (b->q1_median >= 0)
		row("  median, client and laureld on one CPU", b->q1_median,
		    "us", NULL, 0);
	snprintf(tgt, sizeof tgt, "<= %.0f", TARGET_RSS_ANON_MIB);
	snprintf(fig, sizeof fig, "laureld RssAnon, %d idle connections",
	         BENCH_IDLE_CONNS);
	row(fig, (double)b->anon_kb / mib, "MiB", tgt,
	    (double)b->anon_kb / mib <= TARGET_RSS_ANON_MIB);
	row("  RssAnon before they connected", (double)b->base_anon_kb / mib,
	    "MiB", NULL, 0);
	row("  VmRSS (adds file-backed LMDB map pages)",
	    (double)b->rss_kb / mib, "MiB", NULL, 0);
	row("  RssFile", (double)b->file_kb / mib, "MiB", NULL, 0);
	row("  RssShmem", (double)b->shmem_kb / mib, "MiB", NULL, 0);
	row("  VmHWM (peak VmRSS of the whole run)", (double)b->hwm_kb / mib,
	    "MiB", NULL, 0);
	printf("\n");
	if (unstable(b->raw_half))
		printf("WARNING: the disk's commit rate changed during the run "
		       "(%.0f, then %.0f commits/s):\nanother program was "
		       "using "
		       "it; the write ratios are unreliable.  Run again on a "
		       "quiet machine.\n\n",
		       b->raw_half[0], b->raw_half[1]);
	if (unstable(b->sig_half))
		printf("WARNING: the CPU's speed changed during the run (%.0f, "
		       "then %.0f checks/s):\nthe verify ratio is unreliable.  "
		       "Run again on a quiet machine.\n\n",
		       b->sig_half[0], b->sig_half[1]);

	/* One machine-readable line per figure. */
	printf("bench: raw_lmdb_commits %.1f commits/s\n", b->raw_commits);
	printf("bench: raw_lmdb_commits_before %.1f commits/s\n",
	       b->raw_half[0]);
	printf("bench: raw_lmdb_commits_after %.1f commits/s\n",
	       b->raw_half[1]);
	printf("bench: raw_lmdb_unstable %d flag\n", unstable(b->raw_half));
	printf("bench: raw_lmdb_cpu_per_commit %.1f us\n", raw_cpu_us);
	for (size_t i = 0; i < NCONFIGS; i++) {
		printf("bench: writes_%d_clients %.1f writes/s\n",
		       client_counts[i], b->writes[i]);
		printf("bench: laureld_cpu_per_write_%d_clients %.1f us\n",
		       client_counts[i], b->srv_cpu_us[i]);
		printf("bench: client_cpu_per_write_%d_clients %.1f us\n",
		       client_counts[i], b->cli_cpu_us[i]);
	}
	printf("bench: ratio_1_client_raw %.3f x\n", r1);
	printf("bench: ratio_%d_clients_raw %.3f x\n", BENCH_WRITERS_MAX, rn);
	printf("bench: verify_events %" PRIu64 " events\n", b->verify_events);
	printf("bench: verify_rate %.1f events/s\n", b->verify_rate);
	printf("bench: ed25519_verify_rate %.1f checks/s\n", b->sig_rate);
	printf("bench: ed25519_verify_before %.1f checks/s\n", b->sig_half[0]);
	printf("bench: ed25519_verify_after %.1f checks/s\n", b->sig_half[1]);
	printf("bench: ed25519_unstable %d flag\n", unstable(b->sig_half));
	printf("bench: ed25519_message_len %zu bytes\n", b->req_len);
	printf("bench: ratio_verify_raw %.3f x\n", rv);
	printf("bench: query_median %.1f us\n", b->q_median);
	printf("bench: query_p99 %.1f us\n", b->q_p99);
	printf("bench: query_mean %.1f us\n", b->q_mean);
	if (b->q1_median >= 0)
		printf("bench: query_median_one_cpu %.1f us\n", b->q1_median);
	printf("bench: rss_anon_idle %.2f MiB\n", (double)b->anon_kb / mib);
	printf("bench: rss_anon_before_idle %.2f MiB\n",
	       (double)b->base_anon_kb / mib);
	printf("bench: vm_rss_idle %.2f MiB\n", (double)b->rss_kb / mib);
	printf("bench: rss_file_idle %.2f MiB\n", (double)b->file_kb / mib);
	printf("bench: rss_shmem_idle %.2f MiB\n", (double)b->shmem_kb / mib);
	printf("bench: vm_hwm %.2f MiB\n", (double)b->hwm_kb / mib);
	printf("bench: targets_missed %d count\n",
	       (r1 < TARGET_ONE_CLIENT_RATIO) +
	               (rn < TARGET_MANY_CLIENT_RATIO) +
	               (rv < TARGET_VERIFY_RATIO) +
	               (b->q_median > TARGET_QUERY_MEDIAN_US) +
	               ((double)b->anon_kb / mib > TARGET_RSS_ANON_MIB));
}

/* The first three fields of /proc/loadavg: other work on the machine
 * during the run makes every figure here worse. */
static void read_loadavg(char *buf, size_t n)
{
	double l1 = 0, l5 = 0, l15 = 0;
	FILE *f = fopen("/proc/loadavg", "r");

	snprintf(buf, n, "unknown");
	if (f == NULL)
		return;
	if (fscanf(f, "%lf %lf %lf", &l1, &l5, &l15) == 3)
		snprintf(buf, n, "%.2f %.2f %.2f", l1, l5, l15);
	fclose(f);
}

/* ---- main ---------------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("usage: laurel-bench [--build DIR] [--dir DIR] [--seconds S] "
	      "[--keep]\n"
	      "  --build DIR   where laureld is (default: build)\n"
	      "  --dir DIR     where to make the temporary stores (default: "
	      "$TMPDIR or /tmp);\n"
	      "                put it on the disk the real store will use\n"
	      "  --seconds S   duration of each write configuration (default "
	      "3)\n"
	      "  --keep        keep the temporary directory\n"
	      "  --reports-only  only the report figures (province-sized "
	      "store)\n"
	      "  --server-only   only laureld's figures (no report figures)\n",
	      f);
}

static int run(struct bench *b)
{
	char what[64];
	int fd, rc;

	fs_name(b->base, b->fstype, sizeof b->fstype);
	if ((fd = open(b->conf, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		return fail("cannot write the empty laurel.conf", LRL_EIO);
	close(fd);

	read_loadavg(b->loadavg[0], sizeof b->loadavg[0]);
	if (b->reports_only) {
		if ((rc = bench_reports(b)) != 0)
			return rc;
		read_loadavg(b->loadavg[1], sizeof b->loadavg[1]);
		printf("laurel-bench: load average %s at the start, %s at the "
		       "end\n", b->loadavg[0], b->loadavg[1]);
		report_reports(b);
		return 0;
	}
	progress("creating the store and its accounts");
	if ((rc = init_store(b)) != 0 || (rc = start_server(b)) != 0 ||
	    (rc = setup_accounts(b)) != 0)
		return rc;
	progress("raw LMDB commits (first half)");
	if ((rc = bench_raw(b)) != 0)
		return rc;
	for (size_t i = 0; i < NCONFIGS; i++) {
		snprintf(what, sizeof what, "signed writes, %d client(s)",
		         client_counts[i]);
		progress(what);
		if ((rc = run_writers(b, client_counts[i], b->write_seconds, 0,
		                      &b->writes[i], &b->srv_cpu_us[i],
		                      &b->cli_cpu_us[i])) != 0)
			return rc;
	}
	progress("raw LMDB commits (second half)");
	if ((rc = bench_raw(b)) != 0 || (rc = top_up(b)) != 0)
		return rc;
	progress("verify_store, between two halves of raw Ed25519");
	if ((rc = bench_sig(b)) != 0 || (rc = bench_verify(b)) != 0 ||
	    (rc = bench_sig(b)) != 0)
		return rc;
	progress("query round trips");
	if ((rc = bench_query(b)) != 0)
		return rc;
	progress("resident memory with idle connections");
	if ((rc = bench_memory(b)) != 0)
		return rc;
	stop_server(b);
	if (!b->server_only && (rc = bench_reports(b)) != 0)
		return rc;
	read_loadavg(b->loadavg[1], sizeof b->loadavg[1]);
	report(b);
	if (!b->server_only)
		report_reports(b);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"build", required_argument, NULL, 'b'},
		{"dir", required_argument, NULL, 'd'},
		{"seconds", required_argument, NULL, 's'},
		{"keep", no_argument, NULL, 'k'},
		{"reports-only", no_argument, NULL, 'r'},
		{"server-only", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static struct bench bench;
	struct bench *b = &bench;
	const char *tmp = getenv("TMPDIR"), *build = "build";
	int c, rc;

	b->write_seconds = BENCH_WRITE_SECONDS;
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			build = optarg;
			break;
		case 'd':
			tmp = optarg;
			break;
		case 's':
			b->write_seconds = atof(optarg);
			break;
		case 'k':
			b->keep = 1;
			break;
		case 'r':
			b->reports_only = 1;
			break;
		case 'S':
			b->server_only = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc || b->write_seconds <= 0 ||
	    (b->reports_only && b->server_only)) {
		usage(stderr);
		return 2;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "laurel-bench: libsodium failed to start\n");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	if (realpath(build, b->build) == NULL) {
		fprintf(stderr, "laurel-bench: %s: %s\n", build,
		        strerror(errno));
		return 1;
	}
	if (path_join(b->laureld, sizeof b->laureld, b->build, "laureld") ||
	    path_join(b->base, sizeof b->base, tmp, "laurel-bench.XXXXXX")) {
		fprintf(stderr, "laurel-bench: path too long\n");
		return 1;
	}
	if (mkdtemp(b->base) == NULL) {
		fprintf(stderr,
		        "laurel-bench: cannot create a directory in %s: "
		        "%s\n",
		        tmp, strerror(errno));
		return 1;
	}
	if (path_join(b->store, sizeof b->store, b->base, "store") ||
	    path_join(b->raw, sizeof b->raw, b->base, "raw") ||
	    path_join(b->sock, sizeof b->sock, b->store, "b.sock") ||
	    path_join(b->conf, sizeof b->conf, b->base, "laurel.conf") ||
	    path_join(b->log, sizeof b->log, b->base, "laureld.log")) {
		fprintf(stderr, "laurel-bench: %s: path too long\n", b->base);
		rmdir(b->base);
		return 1;
	}

	rc = run(b);

	lrl_close(b->admin);
	stop_server(b);
	if (b->keep)
		fprintf(stderr, "laurel-bench: kept %s\n", b->base);
	else
		nftw(b->base, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc == 0 ? 0 : 1;
}
