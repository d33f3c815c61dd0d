/*
 * test_tui.c — the terminal interface as a person meets it: tmux runs the
 * real build/laurel against a real laureld on a demo store (pinned clock),
 * keys go in with `tmux send-keys`, and the tests read the screen with
 * `tmux capture-pane -p`.
 *
 * Every test has its own tmux server (tmux -S, a socket in a directory the
 * test case's fixture makes and, afterwards, empties of servers), so that
 * parallel runs or sessions left by a failed test never meet.  Nothing
 * waits a fixed time: wait_screen() (WAIT_FOR, SEES, …) polls the screen
 * every POLL_MS until what is expected shows, and fails with the last
 * screen otherwise.
 *
 * The TUI runs with LANG=C.UTF-8 and speaks Vietnamese (the catalogue in
 * BUILD/locale); the strings asserted are those of po/vi.po.  Messages the
 * catalogue does not translate yet are matched on a stable part only, or
 * looked up in the catalogue as the TUI does (vi()).
 */
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "laurel/client.h"
#include "laurel/err.h"
#include "laurel/text.h"

#define DEMO_PASSWORD "laurel-demo-2026"
/* How long a screen may take to show what a test waits for.  A wait ends
 * as soon as it shows; the margin is for a machine busy with other
 * builds (5 s once ran out there). */
#define WAIT_MS 15000
#define POLL_MS 50
#define SCREEN_MAX 65536

/* Strings of po/vi.po. */
#define VI_USER_NAME "Tên đăng nhập"
#define VI_PASSWORD "Mật khẩu"
#define VI_LOGIN_HINT "Enter: đăng nhập   Tab: ô kế tiếp   Esc: thoát"
#define VI_WRONG "Sai tên đăng nhập hoặc mật khẩu."
#define VI_WAIT_1S "Chờ 1 giây rồi thử lại."
#define VI_HOME "Trang chủ"
#define VI_STAFF "Nhân sự"
#define VI_UNITS "Đơn vị"
#define VI_HELLO "Xin chào, "
#define VI_ROLES "Vai trò: "
#define VI_HEAD_KHAMBENH "Trưởng khoa/phòng (KHAMBENH)"
#define VI_COUNCIL "Thành viên Hội đồng"
#define VI_STATUS_END "? giúp  q thoát"
#define VI_FORCED "Hãy đặt mật khẩu mới trước khi tiếp tục"
#define VI_NEW_PASSWORD "Mật khẩu mới"
#define VI_AGAIN "Nhập lại"
#define VI_PASSWORD_CHANGED "Đã đổi mật khẩu."
#define VI_FULL_NAME "Họ và tên"
#define VI_BIRTH_DATE "Ngày sinh"
#define VI_START_DATE "Ngày vào làm"
#define VI_KEYS "Phím tắt"

/* Strings of po/vi.po for the pledge scenario. */
#define VI_PLEDGES_LIST "Liệt kê các bản đăng ký thi đua trong năm"
#define VI_ROSTER_LIST "Bảng đăng ký thi đua theo đơn vị"
#define VI_SAVE_PLEDGE "Lưu bản nháp đăng ký thi đua của năm"
#define VI_SUBMIT_PLEDGE "Nộp bản đăng ký thi đua cho trưởng đơn vị"
#define VI_ENDORSE_PLEDGE "Xác nhận bản đăng ký thi đua đã nộp của nhân viên"
#define VI_RETURN_PLEDGE "Trả lại bản đăng ký thi đua cho người đăng ký, kèm lý do"
#define VI_ACCEPT_PLEDGE "Duyệt bản đăng ký thi đua đã xác nhận"
#define VI_ACTIONS "Tác vụ"
#define VI_TITLE "Danh hiệu"
#define VI_COMMITMENTS "Cam kết"
#define VI_STATE "Trạng thái"
#define VI_YOUR_PLEDGE "Đăng ký thi đua năm 2027 của bạn: "
#define VI_NOT_SUBMITTED "chưa nộp"
#define VI_ENDORSED "đã xác nhận"
#define VI_ACCEPTED "đã duyệt"
#define VI_TO_ENDORSE "1 bản đăng ký chờ xác nhận (Đăng ký thi đua)"
#define VI_TO_ACCEPT "1 bản đã xác nhận chờ duyệt (Đăng ký thi đua)"

/* The demo hospital (laureld demo: the same data every time) and the head
 * of its KHAMBENH unit, as the title bar shows them. */
#define HEAD_NAME "Nguyễn Ngọc Vân"
#define HEAD_TITLE                                                             \
	" laurel · Bệnh viện Phục hồi chức năng tỉnh · " HEAD_NAME " (truongkhoa)"

/* The demo's staff account nhanvien: a member of the head's unit. */
#define STAFF_CODE "NV00045"
#define STAFF_NAME "Nguyễn Thanh Hải"

/* The test case's directory of tmux sockets (made in the runner process by
 * the fixture, so every test's process knows it). */
static char tmux_dir[H_PATH_MAX];

/* The demo store every test starts from a copy of (laureld demo at the
 * pinned clock, made once by the fixture), or "" when it could not be
 * made. */
static char demo_template[H_PATH_MAX];
static char demo_failure[1024];

/* One test's world: a demo store, its server, a tmux server. */
struct tx {
	char dir[H_PATH_MAX];
	char store[H_PATH_MAX];
	char clock[H_PATH_MAX];
	char sock[H_PATH_MAX];
	char tmux[H_PATH_MAX];
	struct h_server srv;
	char screen[SCREEN_MAX]; /* the last capture */
	const char *cur;         /* of this session */
};

/* ---- the fixture ------------------------------------------------------- */

static void tmux_kill(const char *sock)
{
	struct h_output o;
	const char *argv[] = {"tmux", "-S", sock, "kill-server", NULL};

	h_run(argv, NULL, &o);
	h_output_free(&o);
}

/* Makes demo_template: the demo hospital with its year, on the date the
 * tests' clock starts at. */
static void demo_template_make(void)
{
	char dir[H_PATH_MAX], clock[H_PATH_MAX + 16];
	struct h_output o;
	int rc;

	demo_template[0] = '\0';
	if (h_tmpdir(dir, sizeof dir) != 0) {
		snprintf(demo_failure, sizeof demo_failure, "no directory");
		return;
	}
	snprintf(clock, sizeof clock, "%.480s/clock", dir);
	snprintf(demo_template, sizeof demo_template, "%.480s/store", dir);
	if (h_clock_write(clock, h_time(H_CLOCK_START)) != 0) {
		snprintf(demo_failure, sizeof demo_failure, "cannot write %s", clock);
		demo_template[0] = '\0';
		return;
	}
	rc = h_laureld(&o, NULL, "demo", "--store", demo_template, "--clock-file",
	               clock, (const char *)NULL);
	if (rc != 0) {
		snprintf(demo_failure, sizeof demo_failure,
		         "laureld demo exited %d: %.400s%.400s", rc, o.out, o.err);
		demo_template[0] = '\0';
	}
	h_output_free(&o);
}

static void tx_fixture_setup(void)
{
	const char *tmp = getenv("TMPDIR");

	/* A short path: a socket's path must fit in sun_path. */
	snprintf(tmux_dir, sizeof tmux_dir, "%s/laurel-tmux.XXXXXX",
	         tmp && *tmp && strlen(tmp) < 60 ? tmp : "/tmp");
	if (mkdtemp(tmux_dir) == NULL) {
		fprintf(stderr, "test_tui: cannot create %s: %s\n", tmux_dir,
		        strerror(errno));
		tmux_dir[0] = '\0';
	}
	demo_template_make();
}

/* Kills the tmux servers every test of the case started (a test that
 * failed did not reach its own clean-up) and removes the directory. */
static void tx_fixture_teardown(void)
{
	DIR *d;
	struct dirent *e;

	if (!tmux_dir[0])
		return;
	if ((d = opendir(tmux_dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			char path[H_PATH_MAX * 2];
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", tmux_dir, e->d_name);
			tmux_kill(path);
		}
		closedir(d);
	}
	h_rmtree(tmux_dir);
	tmux_dir[0] = '\0';
}

/* ---- tmux ---------------------------------------------------------------- */

/* Runs `tmux -u -S SOCK -f /dev/null ARGS…` (NULL-terminated); returns
 * its exit status, output in *o (freed by the caller) when o is not NULL. */
static int tmux(struct tx *t, struct h_output *o, ...)
{
	const char *argv[40];
	struct h_output mine;
	const char *a;
	va_list ap;
	size_t n = 0;
	int rc;

	argv[n++] = "tmux";
	argv[n++] = "-u";
	argv[n++] = "-S";
	argv[n++] = t->tmux;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	va_start(ap, o);
	while ((a = va_arg(ap, const char *)) != NULL && n < 39)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	rc = h_run(argv, NULL, o ? o : &mine);
	if (!o)
		h_output_free(&mine);
	return rc;
}

/* The screen of session s, into t->screen. */
static const char *capture(struct tx *t, const char *s)
{
	struct h_output o;

	t->screen[0] = '\0';
	t->cur = s;
	if (tmux(t, &o, "capture-pane", "-p", "-t", s, (const char *)NULL) == 0)
		snprintf(t->screen, sizeof t->screen, "%s", o.out);
	else
		snprintf(t->screen, sizeof t->screen, "(capture-pane failed: %s)",
		         o.err ? o.err : "");
	h_output_free(&o);
	return t->screen;
}

/* Line i (from 0) of the last capture, into buf. */
static const char *screen_line(const struct tx *t, int i, char *buf, size_t n)
{
	const char *p = t->screen, *nl;

	for (; i > 0 && p; i--)
		p = (nl = strchr(p, '\n')) ? nl + 1 : NULL;
	if (p == NULL) {
		buf[0] = '\0';
		return buf;
	}
	nl = strchr(p, '\n');
	snprintf(buf, n, "%.*s", (int)(nl ? (size_t)(nl - p) : strlen(p)), p);
	return buf;
}

static int screen_lines(const struct tx *t)
{
	int n = 0;

	for (const char *p = t->screen; *p; p++)
		n += *p == '\n';
	return n;
}

static int has(const struct tx *t, const char *text)
{
	return strstr(t->screen, text) != NULL;
}

typedef int (*screen_pred)(struct tx *t, const void *arg);

static int pred_has(struct tx *t, const void *arg)
{
	return has(t, arg);
}

static int pred_lacks(struct tx *t, const void *arg)
{
	return !has(t, arg);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Polls session s's screen until pred holds, for up to ms milliseconds;
 * fails the test (naming the caller's line and what was awaited, and
 * showing the last screen) otherwise.  Returns the milliseconds waited. */
static int64_t wait_screen(struct tx *t, const char *s, screen_pred pred,
                           const void *arg, int64_t ms, const char *what,
                           int line)
{
	int64_t t0 = now_ms(), left;

	for (;;) {
		capture(t, s);
		if (pred(t, arg))
			return now_ms() - t0;
		left = t0 + ms - now_ms();
		if (left <= 0)
			break;
		h_sleep_ms(left < POLL_MS ? left : POLL_MS);
	}
	ck_abort_msg("line %d: after %lld ms, still no %s on the screen of "
	             "session %s:\n%s",
	             line, (long long)ms, what, s, t->screen);
	return -1;
}

#define WAIT_FOR(t, s, text)                                                   \
	wait_screen((t), (s), pred_has, (text), WAIT_MS, "\"" text "\"", __LINE__)
#define WAIT_FOR_STR(t, s, text)                                               \
	wait_screen((t), (s), pred_has, (text), WAIT_MS, (text), __LINE__)
#define WAIT_GONE(t, s, text)                                                  \
	wait_screen((t), (s), pred_lacks, (text), WAIT_MS,                      \
	            "disappearance of \"" text "\"", __LINE__)

/* Sends tmux key names (Enter, Tab, Escape, C-u, F10, j, …). */
#define KEYS(t, s, ...)                                                        \
	ck_assert_int_eq(tmux((t), NULL, "send-keys", "-t", (s), __VA_ARGS__,  \
	                      (const char *)NULL),                              \
	                 0)

/* Types text literally. */
static void type(struct tx *t, const char *s, const char *text)
{
	ck_assert_int_eq(tmux(t, NULL, "send-keys", "-t", s, "-l", text,
	                      (const char *)NULL),
	                 0);
}

/* The screen last read (its session's) has, or has not, text — perhaps
 * after a moment: the terminal may receive a redraw in pieces. */
#define SEES(t, text)                                                          \
	wait_screen((t), (t)->cur, pred_has, (text), WAIT_MS, (text), __LINE__)
#define NOT_SEES(t, text)                                                      \
	wait_screen((t), (t)->cur, pred_lacks, (text), WAIT_MS,                 \
	            "absence of that text", __LINE__)

/* Line `line` of the screen has needle (at its start when at_start). */
struct line_want {
	int line;
	const char *needle;
	int at_start;
};

static int pred_line(struct tx *t, const void *arg)
{
	const struct line_want *w = arg;
	char buf[4096];
	const char *p = strstr(screen_line(t, w->line, buf, sizeof buf), w->needle);

	return p && (!w->at_start || p == buf);
}

#define LINE_HAS(t, i, text)                                                   \
	wait_screen((t), (t)->cur, pred_line, &(struct line_want){(i), (text), 0}, \
	            WAIT_MS, "line " #i " with \"" text "\"", __LINE__)
#define LINE_STARTS(t, i, text)                                                \
	wait_screen((t), (t)->cur, pred_line, &(struct line_want){(i), (text), 1}, \
	            WAIT_MS, "line " #i " starting with \"" text "\"", __LINE__)

/* Some line has every one of the NULL-terminated needles. */
static int pred_row(struct tx *t, const void *arg)
{
	const char *const *needles = arg;
	char buf[4096];

	for (int i = 0; i < screen_lines(t); i++) {
		int all = 1;
		screen_line(t, i, buf, sizeof buf);
		for (size_t k = 0; needles[k] && all; k++)
			all = strstr(buf, needles[k]) != NULL;
		if (all)
			return 1;
	}
	return 0;
}

/* The first line of the last capture that has needle, into buf (empty
 * when none). */
static const char *line_with(const struct tx *t, const char *needle, char *buf,
                             size_t n)
{
	for (int i = 0; i < screen_lines(t); i++)
		if (strstr(screen_line(t, i, buf, n), needle))
			return buf;
	buf[0] = '\0';
	return buf;
}

/*
 * What the TUI shows for msgid: its translation in the catalogue it reads
 * (BUILD/locale, made from po/vi.po), or msgid itself while po/vi.po has
 * none.  For words the catalogue is still to receive.  The result is
 * static (the catalogue's) or msgid.
 */
static const char *vi(const char *msgid)
{
	char dir[H_PATH_MAX], abs[PATH_MAX], *old_lang, *old_loc;
	const char *out;

	snprintf(dir, sizeof dir, "%s/locale", h_build());
	if (realpath(dir, abs) == NULL)
		return msgid;
	bindtextdomain("laurel", abs);
	bind_textdomain_codeset("laurel", "UTF-8");
	/* Only for the lookup: programs the test runs keep the runner's. */
	old_lang = getenv("LANGUAGE") ? strdup(getenv("LANGUAGE")) : NULL;
	old_loc = strdup(setlocale(LC_MESSAGES, NULL));
	setenv("LANGUAGE", "vi", 1);
	setlocale(LC_MESSAGES, "C.UTF-8");
	out = dgettext("laurel", msgid);
	if (old_lang)
		setenv("LANGUAGE", old_lang, 1);
	else
		unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, old_loc ? old_loc : "C");
	free(old_lang);
	free(old_loc);
	return out;
}

/* ---- the world ------------------------------------------------------------ */

static void tx_up(struct tx *t)
{
	struct h_output o;
	int rc;

	memset(t, 0, sizeof *t);
	ck_assert_msg(tmux_dir[0], "no directory for tmux sockets");
	ck_assert_int_eq(h_tmpdir(t->dir, sizeof t->dir), 0);
	ck_assert_int_lt(strlen(t->dir) + 16, sizeof t->store);
	ck_assert_int_lt(strlen(tmux_dir) + 16, sizeof t->tmux);
	snprintf(t->store, sizeof t->store, "%.480s/store", t->dir);
	snprintf(t->clock, sizeof t->clock, "%.480s/clock", t->dir);
	snprintf(t->sock, sizeof t->sock, "%.480s/s.sock", t->dir);
	snprintf(t->tmux, sizeof t->tmux, "%.480s/t%ld", tmux_dir, (long)getpid());
	ck_assert_int_eq(h_clock_write(t->clock, h_time(H_CLOCK_START)), 0);
	ck_assert_msg(demo_template[0], "no demo store: %s", demo_failure);
	{
		const char *argv[] = {"cp", "-R", demo_template, t->store, NULL};
		rc = h_run(argv, NULL, &o);
		ck_assert_msg(rc == 0, "cp -R %s %s: %s", demo_template, t->store,
		              o.err);
		h_output_free(&o);
	}
	ck_assert_msg(h_server_start(&t->srv, t->store, t->sock, t->clock) == 0,
	              "could not start laureld on the demo store (LAUREL_BUILD=%s)",
	              h_build());
}

/* Ends every laurel the test started with SIGTERM while its terminal is
 * still there, and waits (a while) for each to go: a program built with
 * the leak checker checks at exit, and a terminal hung up under it then
 * would leave it spinning. */
static void tui_stop_all(struct tx *t)
{
	DIR *d = opendir(t->dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char path[H_PATH_MAX * 2];
		size_t n = strlen(e->d_name);
		long pid = 0;
		FILE *f;
		if (n < 5 || strcmp(e->d_name + n - 4, ".pid") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", t->dir, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fscanf(f, "%ld", &pid) == 1 && pid > 1 &&
		    kill((pid_t)pid, SIGTERM) == 0) {
			int64_t t0 = now_ms();
			while (kill((pid_t)pid, 0) == 0 && now_ms() - t0 < WAIT_MS)
				h_sleep_ms(POLL_MS);
		}
		fclose(f);
	}
	closedir(d);
}

static void tx_down(struct tx *t)
{
	tui_stop_all(t);
	tmux_kill(t->tmux);
	unlink(t->tmux);
	ck_assert_int_eq(h_server_stop(&t->srv), 0);
	h_rmtree(t->dir);
}

/* Starts session s: a cols×rows window running laurel (--user user, or
 * no --user when NULL) under /bin/sh, which, when laurel ends, prints
 * "EXITED <status>" and whether the terminal was left in raw mode, then
 * waits (so that the pane stays to be read).  The pid of laurel itself is
 * written to DIR/s.pid. */
static void tui_start(struct tx *t, const char *s, int cols, int rows,
                      const char *user)
{
	char script[H_PATH_MAX * 8], path[H_PATH_MAX + 16], laurel[H_PATH_MAX];
	char cwd[H_PATH_MAX], xs[16], ys[16];
	FILE *f;

	h_program("laurel", laurel, sizeof laurel);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_msg(!strchr(t->dir, '\'') && !strchr(laurel, '\'') &&
	                  !strchr(cwd, '\'') && !strchr(h_config, '\''),
	              "a path with a quote");
	snprintf(script, sizeof script,
	         "sh -c 'echo $$ > \"$0\"; exec \"$@\"' '%s/%s.pid' \\\n"
	         "  env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES -u LANGUAGE \\\n"
	         "  LANG=C.UTF-8 LAUREL_CONFIG='%s' \\\n"
	         "  '%s' --socket '%s'%s%s%s\n"
	         "echo \"EXITED $?\"\n"
	         "if stty -a | grep -Eq -- '(^| )-(icanon|echo|isig)( |;|$)'\n"
	         "then echo 'TTY RAW'; else echo 'TTY SANE'; fi\n"
	         "exec sleep 120\n",
	         t->dir, s, h_config, laurel, t->sock, user ? " --user '" : "",
	         user ? user : "", user ? "'" : "");
	snprintf(path, sizeof path, "%s/%s.sh", t->dir, s);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(script, f);
	ck_assert_int_eq(fclose(f), 0);
	snprintf(xs, sizeof xs, "%d", cols);
	snprintf(ys, sizeof ys, "%d", rows);
	ck_assert_int_eq(tmux(t, NULL, "new-session", "-d", "-s", s, "-x", xs,
	                      "-y", ys, "-c", cwd, "/bin/sh", path,
	                      (const char *)NULL),
	                 0);
}

/* The pid of session s's laurel. */
static pid_t tui_pid(struct tx *t, const char *s)
{
	char path[H_PATH_MAX + 16];
	long pid = 0;
	int64_t t0 = now_ms();

	snprintf(path, sizeof path, "%s/%s.pid", t->dir, s);
	while (now_ms() - t0 < WAIT_MS) {
		FILE *f = fopen(path, "r");
		if (f) {
			int ok = fscanf(f, "%ld", &pid) == 1;
			fclose(f);
			if (ok && pid > 0)
				return (pid_t)pid;
		}
		h_sleep_ms(POLL_MS);
	}
	ck_abort_msg("no pid file %s", path);
	return -1;
}

/* Starts session s as user and logs in with password; returns when the
 * home screen shows. */
static void tui_login(struct tx *t, const char *s, int cols, int rows,
                      const char *user, const char *password)
{
	tui_start(t, s, cols, rows, user);
	WAIT_FOR(t, s, VI_USER_NAME);
	WAIT_FOR_STR(t, s, user);
	type(t, s, password);
	KEYS(t, s, "Enter");
	WAIT_FOR(t, s, VI_HELLO);
}

/* From the home screen: the menu's second section (staff). */
static void open_staff(struct tx *t, const char *s)
{
	KEYS(t, s, "Tab");
	KEYS(t, s, "j");
	WAIT_FOR(t, s, VI_FULL_NAME);
}

/* Runs the CLI as the demo administrator with the NULL-terminated
 * arguments; input follows the password line.  Returns the status; the
 * output is in *o. */
static int cli_va(struct tx *t, struct h_output *o, const char *user,
                  const char *more_input, va_list ap)
{
	const char *argv[40];
	char prog[H_PATH_MAX], input[1024];
	const char *a;
	size_t n = 0;

	h_program("laurel", prog, sizeof prog);
	argv[n++] = prog;
	argv[n++] = "--socket";
	argv[n++] = t->sock;
	argv[n++] = "--user";
	argv[n++] = user;
	argv[n++] = "--password-stdin";
	while ((a = va_arg(ap, const char *)) != NULL && n < 39)
		argv[n++] = a;
	argv[n] = NULL;
	snprintf(input, sizeof input, "%s\n%s", DEMO_PASSWORD,
	         more_input ? more_input : "");
	return h_run(argv, input, o);
}

static int cli_admin(struct tx *t, struct h_output *o, const char *more_input,
                     ...)
{
	va_list ap;
	int rc;

	va_start(ap, more_input);
	rc = cli_va(t, o, "quantri", more_input, ap);
	va_end(ap);
	return rc;
}

/* The same as another demo account. */
static int cli_as(struct tx *t, struct h_output *o, const char *user, ...)
{
	va_list ap;
	int rc;

	va_start(ap, user);
	rc = cli_va(t, o, user, NULL, ap);
	va_end(ap);
	return rc;
}

/* Every line of the last capture fits in cols display columns, and there
 * are rows of them. */
static void assert_fits(struct tx *t, int cols, int rows)
{
	char line[4096];

	ck_assert_msg(screen_lines(t) == rows, "%d lines, not %d:\n%s",
	              screen_lines(t), rows, t->screen);
	for (int i = 0; i < rows; i++) {
		size_t w = text_width(screen_line(t, i, line, sizeof line));
		ck_assert_msg(w <= (size_t)cols,
		              "line %d is %zu columns wide (of %d):\n%s", i, w, cols,
		              t->screen);
	}
}

/* The screen is a whole layout of cols×rows: the title bar on the first
 * line (hospital and user), the status line (key hints) second to last. */
struct layout_want {
	int cols, rows;
	const char *must; /* also on the screen, or NULL */
};

static int pred_layout(struct tx *t, const void *arg)
{
	const struct layout_want *w = arg;
	char line[4096];

	if (screen_lines(t) != w->rows)
		return 0;
	for (int i = 0; i < w->rows; i++)
		if (text_width(screen_line(t, i, line, sizeof line)) > (size_t)w->cols)
			return 0;
	screen_line(t, 0, line, sizeof line);
	if (strncmp(line, HEAD_TITLE, strlen(HEAD_TITLE)) != 0)
		return 0;
	screen_line(t, w->rows - 2, line, sizeof line);
	if (strncmp(line, " Enter ", 7) != 0 || !strstr(line, VI_STATUS_END))
		return 0;
	return w->must == NULL || has(t, w->must);
}

/* ---- tests ---------------------------------------------------------------- */

START_TEST(test_login_shows_home_with_full_name_and_roles)
{
	struct tx t;

	tx_up(&t);
	tui_start(&t, "a", 100, 30, "truongkhoa");
	WAIT_FOR(&t, "a", VI_USER_NAME);
	SEES(&t, VI_PASSWORD);
	SEES(&t, "truongkhoa");
	NOT_SEES(&t, VI_HELLO);
	type(&t, "a", DEMO_PASSWORD);
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", VI_HELLO HEAD_NAME);
	/* The roles, translated, with the unit of the head role. */
	SEES(&t, VI_ROLES);
	SEES(&t, VI_HEAD_KHAMBENH);
	SEES(&t, VI_COUNCIL);
	/* The title bar names the hospital and the user; the menu offers
	 * what the roles allow. */
	LINE_STARTS(&t, 0, HEAD_TITLE);
	SEES(&t, VI_HOME);
	SEES(&t, VI_STAFF);
	SEES(&t, VI_UNITS);
	tx_down(&t);
}
END_TEST

START_TEST(test_failed_login_shows_generic_message_then_the_wait)
{
	struct tx t;

	tx_up(&t);
	tui_start(&t, "a", 100, 30, "nhanvien");
	WAIT_FOR(&t, "a", VI_USER_NAME);
	type(&t, "a", "not the password at all");
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", VI_WRONG);
	/* The first failure: the generic message and no wait yet; the user
	 * name stays in its field for the next try. */
	NOT_SEES(&t, "Chờ");
	SEES(&t, VI_USER_NAME "    nhanvien");
	/* The second: the server backs off (the clock is pinned: the second
	 * stays) and the screen says how long. */
	type(&t, "a", "still not the password");
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", VI_WRONG " " VI_WAIT_1S);
	NOT_SEES(&t, VI_HELLO);
	tx_down(&t);
}
END_TEST

START_TEST(test_new_account_must_choose_a_password_before_home)
{
	struct tx t;
	struct h_output o;
	lrl_conn *c = NULL;
	int rc;

	tx_up(&t);
	rc = cli_admin(&t, &o, "mật khẩu tạm thời 01\n", "user", "add", "nguoimoi",
	               "--full-name", "Lê Văn Mới", (const char *)NULL);
	ck_assert_msg(rc == 0, "user add exited %d: %s%s", rc, o.out, o.err);
	h_output_free(&o);
	/* The name typed this time, and seen as it is typed. */
	tui_start(&t, "a", 100, 30, "");
	WAIT_FOR(&t, "a", VI_USER_NAME);
	type(&t, "a", "nguoimoi");
	SEES(&t, VI_USER_NAME "    nguoimoi");
	KEYS(&t, "a", "Tab");
	type(&t, "a", "mật khẩu tạm thời 01");
	KEYS(&t, "a", "Enter");
	/* Nothing but the new password until it is chosen. */
	WAIT_FOR(&t, "a", VI_FORCED);
	SEES(&t, VI_NEW_PASSWORD);
	SEES(&t, VI_AGAIN);
	NOT_SEES(&t, VI_HELLO);
	type(&t, "a", "mật khẩu mới của tôi 2026");
	KEYS(&t, "a", "Enter");
	type(&t, "a", "mật khẩu mới của tôi 2026");
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", VI_HELLO "Lê Văn Mới");
	SEES(&t, VI_PASSWORD_CHANGED);
	NOT_SEES(&t, VI_FORCED);
	/* The new password is the account's password now. */
	rc = h_login(t.sock, "nguoimoi", "mật khẩu mới của tôi 2026", &c);
	ck_assert_msg(rc == 0, "login with the new password: %s",
	              lrl_strerror(rc));
	lrl_close(c);
	tx_down(&t);
}
END_TEST

START_TEST(test_staff_search_ignores_tones)
{
	struct tx t;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	open_staff(&t, "a");
	/* The head sees the 22 people of KHAMBENH. */
	WAIT_FOR(&t, "a", "22/22");
	SEES(&t, "Hoàng Minh An");
	SEES(&t, "Lâm Văn Vinh");
	KEYS(&t, "a", "/");
	type(&t, "a", "ha");
	WAIT_FOR(&t, "a", "/ha");
	/* Hải, Hằng: tones ignored; An and Vinh have no "ha" in their names
	 * (their unit code, KHAMBENH, does not count). */
	WAIT_GONE(&t, "a", "Hoàng Minh An");
	SEES(&t, "Nguyễn Thanh Hải");
	SEES(&t, "Nguyễn Hồng Hằng");
	SEES(&t, "Võ Thanh Hằng");
	NOT_SEES(&t, "Lâm Văn Vinh");
	NOT_SEES(&t, "22/22");
	/* Esc ends the search: everyone again. */
	KEYS(&t, "a", "Escape");
	WAIT_FOR(&t, "a", "Hoàng Minh An");
	SEES(&t, "22/22");
	tx_down(&t);
}
END_TEST

START_TEST(test_add_staff_with_a_wrong_date_corrected)
{
	struct tx t;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	open_staff(&t, "a");
	WAIT_FOR(&t, "a", "22/22");
	NOT_SEES(&t, "Trần Thị Hà");
	KEYS(&t, "a", "a");
	WAIT_FOR(&t, "a", VI_START_DATE " *");
	type(&t, "a", "NV90001");
	KEYS(&t, "a", "Enter");
	type(&t, "a", "Trần Thị Hà");
	KEYS(&t, "a", "Enter");
	/* Sex: a choice; Enter opens the popup, choosing moves on. */
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", "─Giới tính─");
	KEYS(&t, "a", "j");
	KEYS(&t, "a", "Enter");
	WAIT_GONE(&t, "a", "─Giới tính─");
	type(&t, "a", "31/02/1990");
	KEYS(&t, "a", "Enter");
	type(&t, "a", "KHAMBENH");
	KEYS(&t, "a", "Enter", "Enter", "Enter"); /* to position, job title, category */
	KEYS(&t, "a", "Tab");                     /* category left empty */
	type(&t, "a", "01/03/2020");
	KEYS(&t, "a", "F10");
	/* Refused, named by its label; the form stays with what was typed. */
	LINE_STARTS(&t, 29, " " VI_BIRTH_DATE ": ");
	SEES(&t, "31/02/1990");
	SEES(&t, "Trần Thị Hà");
	/* The cursor is on the date: clear it, type the right one, save. */
	KEYS(&t, "a", "C-u");
	type(&t, "a", "28/02/1990");
	KEYS(&t, "a", "C-s");
	WAIT_FOR(&t, "a", "23/23");
	SEES(&t, "NV90001");
	SEES(&t, "Trần Thị Hà");
	SEES(&t, "28/02/1990");
	NOT_SEES(&t, VI_START_DATE " *");
	tx_down(&t);
}
END_TEST

START_TEST(test_resize_redraws_title_and_status)
{
	struct tx t;
	struct layout_want small = {80, 24, "Lâm Mai Hồng"};
	struct layout_want big = {100, 30, "Chức vụ"};

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	open_staff(&t, "a");
	WAIT_FOR(&t, "a", "22/22");
	wait_screen(&t, "a", pred_layout, &big, WAIT_MS, "100×30 layout", __LINE__);
	/* No key is pressed: the resize alone redraws. */
	ck_assert_int_eq(tmux(&t, NULL, "resize-window", "-t", "a", "-x", "80", "-y",
	                      "24", (const char *)NULL),
	                 0);
	wait_screen(&t, "a", pred_layout, &small, WAIT_MS, "80×24 layout", __LINE__);
	ck_assert_int_eq(tmux(&t, NULL, "resize-window", "-t", "a", "-x", "100",
	                      "-y", "30", (const char *)NULL),
	                 0);
	wait_screen(&t, "a", pred_layout, &big, WAIT_MS, "100×30 layout again",
	            __LINE__);
	SEES(&t, "Lâm Văn Vinh");
	tx_down(&t);
}
END_TEST

START_TEST(test_help_lists_the_keymap)
{
	/* The keys column of the keymap table in tui.c. */
	static const char *const keys[] = {
	    "↑↓ j k", "← h  → l", "PgUp PgDn", "Home End g G", "Enter", "Esc", "Tab", "o O",
	    "F10 Ctrl-S", "? F1", "Ctrl-L R", "< >",
	};
	struct tx t;
	char line[4096];
	int rows = 0;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	KEYS(&t, "a", "?");
	WAIT_FOR(&t, "a", "─" VI_KEYS "─");
	WAIT_FOR(&t, "a", "└─"); /* the whole box */
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char k[64];
		snprintf(k, sizeof k, "│%s ", keys[i]);
		ck_assert_msg(has(&t, k), "no key %s in the help:\n%s", keys[i],
		              t.screen);
	}
	/* One row per entry of the table: 18 lines with the box's two
	 * borders besides the menu's. */
	for (int i = 0; i < 30; i++) {
		int bars = 0;
		for (const char *p = screen_line(&t, i, line, sizeof line);
		     (p = strstr(p, "│")) != NULL; p += strlen("│"))
			bars++;
		rows += bars >= 3;
	}
	ck_assert_msg(rows == 18, "%d rows in the help box:\n%s", rows, t.screen);
	/* Translated descriptions beside them. */
	SEES(&t, "lưu biểu mẫu");
	SEES(&t, "thoát");
	KEYS(&t, "a", "Escape");
	WAIT_GONE(&t, "a", VI_KEYS);
	SEES(&t, VI_HELLO HEAD_NAME);
	/* Again: the popup comes over the screen, which stays drawn around
	 * it. */
	KEYS(&t, "a", "?");
	WAIT_FOR(&t, "a", "─" VI_KEYS "─");
	SEES(&t, VI_HELLO HEAD_NAME);
	SEES(&t, VI_STATUS_END);
	LINE_STARTS(&t, 0, " laurel · ");
	KEYS(&t, "a", "Escape");
	WAIT_GONE(&t, "a", VI_KEYS);
	tx_down(&t);
}
END_TEST

START_TEST(test_second_session_sees_a_new_unit_without_a_key)
{
	struct tx t;
	int64_t waited;

	tx_up(&t);
	/* b: the head, on the list of units. */
	tui_login(&t, "b", 100, 30, "truongkhoa", DEMO_PASSWORD);
	KEYS(&t, "b", "Tab");
	KEYS(&t, "b", "j", "j");
	WAIT_FOR(&t, "b", "Phòng Vật tư – Thiết bị y tế");
	NOT_SEES(&t, "VLTL2");
	/* a: the administrator adds a unit through its own TUI. */
	tui_login(&t, "a", 100, 30, "quantri", DEMO_PASSWORD);
	KEYS(&t, "a", "Tab");
	KEYS(&t, "a", "j", "j");
	WAIT_FOR(&t, "a", "Phòng Vật tư – Thiết bị y tế");
	KEYS(&t, "a", "a");
	WAIT_FOR(&t, "a", "Loại hình *");
	type(&t, "a", "VLTL2");
	KEYS(&t, "a", "Enter");
	type(&t, "a", "Khoa Vật lý trị liệu 2");
	KEYS(&t, "a", "Enter");
	KEYS(&t, "a", "Enter"); /* the kind: hospital, then department */
	WAIT_FOR(&t, "a", "─Loại hình─");
	KEYS(&t, "a", "j");
	KEYS(&t, "a", "Enter");
	WAIT_GONE(&t, "a", "─Loại hình─");
	/* The field reads the word chosen; the server gets its code. */
	WAIT_FOR(&t, "a", "▾ Khoa");
	NOT_SEES(&t, "department");
	type(&t, "a", "BV");
	KEYS(&t, "a", "F10");
	WAIT_FOR(&t, "a", "Khoa Vật lý trị liệu 2");
	/* b shows it by itself, within about two seconds. */
	waited = wait_screen(&t, "b", pred_has, "Khoa Vật lý trị liệu 2", 2500,
	                     "the new unit (no key pressed)", __LINE__);
	ck_assert_int_le(waited, 2500);
	SEES(&t, "VLTL2");
	tx_down(&t);
}
END_TEST

START_TEST(test_control_characters_in_a_name_show_escaped)
{
	static const char head[] =
	    "code,full-name,sex,birth-date,unit,position,job-title,category,"
	    "start-date,login\n";
	struct tx t;
	struct h_output o;
	char csv[H_PATH_MAX + 16], title[256] = "";
	const char *shown = NULL;
	FILE *f;
	int rc;

	tx_up(&t);
	/* First a name with ESC (clear the screen, retitle the terminal). */
	snprintf(csv, sizeof csv, "%s/esc.csv", t.dir);
	ck_assert_ptr_nonnull(f = fopen(csv, "w"));
	fprintf(f, "%sNV91001,Lê \033[2J\033]2;pwned\007Văn Độc,nam,01/01/1990,"
	           "KHAMBENH,,,viên chức,01/01/2020,\n",
	        head);
	ck_assert_int_eq(fclose(f), 0);
	rc = cli_admin(&t, &o, NULL, "staff", "import", csv, (const char *)NULL);
	if (rc == 0) {
		shown = "Lê \\x1b[2J\\x1b]2;pwned\\x07Văn Độc";
	} else {
		/* Refused (a control character): a right-to-left override,
		 * which the server takes, instead. */
		ck_assert_msg(strstr(o.err, "control") || strstr(o.out, "control"),
		              "import refused for another reason: %s%s", o.out, o.err);
		h_output_free(&o);
		snprintf(csv, sizeof csv, "%s/bidi.csv", t.dir);
		ck_assert_ptr_nonnull(f = fopen(csv, "w"));
		fprintf(f, "%sNV91002,Lê \xE2\x80\xAEVăn Ngược,nam,01/01/1990,"
		           "KHAMBENH,,,viên chức,01/01/2020,\n",
		        head);
		ck_assert_int_eq(fclose(f), 0);
		rc = cli_admin(&t, &o, NULL, "staff", "import", csv,
		               (const char *)NULL);
		ck_assert_msg(rc == 0, "import exited %d: %s%s", rc, o.out, o.err);
		shown = "Lê \\u{202E}Văn Ngược";
	}
	h_output_free(&o);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	open_staff(&t, "a");
	WAIT_FOR(&t, "a", "23/23");
	SEES(&t, shown);
	/* Nothing moved: the row keeps its columns, title and status lines
	 * are where they belong, the terminal's title is untouched. */
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){shown, " nam ", "01/01/1990", "KHAMBENH",
	                                  NULL},
	            WAIT_MS, "the row whole", __LINE__);
	wait_screen(&t, "a", pred_layout, &(struct layout_want){100, 30, shown},
	            WAIT_MS, "intact layout", __LINE__);
	/* The raw characters never reached the terminal. */
	ck_assert_msg(!has(&t, "\xE2\x80\xAE") && !has(&t, "\033"),
	              "a raw control character on the screen:\n%s", t.screen);
	ck_assert_int_eq(tmux(&t, &o, "display-message", "-p", "-t", "a",
	                      "#{pane_title}", (const char *)NULL),
	                 0);
	snprintf(title, sizeof title, "%s", o.out);
	h_output_free(&o);
	ck_assert_msg(strstr(title, "pwned") == NULL, "pane title: %s", title);
	tx_down(&t);
}
END_TEST

START_TEST(test_login_and_home_fit_80x24)
{
	struct tx t;

	tx_up(&t);
	tui_start(&t, "a", 80, 24, "truongkhoa");
	WAIT_FOR(&t, "a", VI_LOGIN_HINT);
	assert_fits(&t, 80, 24);
	SEES(&t, VI_USER_NAME "    truongkhoa");
	SEES(&t, VI_PASSWORD);
	SEES(&t, "Thi đua – Khen thưởng");
	type(&t, "a", DEMO_PASSWORD);
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", VI_HELLO HEAD_NAME);
	WAIT_FOR(&t, "a", "21/22"); /* the last line of the home screen */
	LINE_HAS(&t, 22, "Tab menu");
	LINE_HAS(&t, 22, VI_STATUS_END);
	assert_fits(&t, 80, 24);
	LINE_STARTS(&t, 0, HEAD_TITLE);
	SEES(&t, VI_HEAD_KHAMBENH);
	SEES(&t, VI_HOME);
	SEES(&t, VI_STAFF);
	SEES(&t, VI_UNITS);
	SEES(&t, "Khoa Khám bệnh");
	tx_down(&t);
}
END_TEST

START_TEST(test_the_admin_home_names_overdue_plan_tasks)
{
	struct tx t;
	struct h_output o;

	tx_up(&t);
	/* The demo's year is 2026.  Today is 15/12/2026: the first task is
	 * late, the second is not. */
	ck_assert_int_eq(cli_admin(&t, &o, NULL, "task", "add", "2026",
	                           "--content", "Báo cáo sơ kết 6 tháng đầu năm",
	                           "--lead", "TCHC", "--due", "31/07/2026",
	                           (const char *)NULL), 0);
	h_output_free(&o);
	ck_assert_int_eq(cli_admin(&t, &o, NULL, "task", "add", "2026",
	                           "--content", "Xét công nhận các danh hiệu",
	                           "--lead", "TCHC", "--due", "31/12/2026",
	                           (const char *)NULL), 0);
	h_output_free(&o);
	tui_login(&t, "a", 100, 30, "quantri", DEMO_PASSWORD);
	WAIT_FOR(&t, "a", "KH-2026-001");
	SEES(&t, "31/07/2026");
	NOT_SEES(&t, "KH-2026-002");
	tx_down(&t);
}
END_TEST

START_TEST(test_q_quits_and_restores_the_terminal)
{
	struct tx t;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	KEYS(&t, "a", "q");
	WAIT_FOR(&t, "a", "EXITED 0");
	WAIT_FOR(&t, "a", "TTY SANE");
	/* Back on the shell's screen: nothing of the interface is left. */
	NOT_SEES(&t, VI_HELLO);
	NOT_SEES(&t, VI_STATUS_END);
	tx_down(&t);
}
END_TEST

START_TEST(test_sigterm_quits_and_restores_the_terminal)
{
	struct tx t;
	pid_t pid;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	pid = tui_pid(&t, "a");
	ck_assert_int_eq(kill(pid, SIGTERM), 0);
	WAIT_FOR(&t, "a", "EXITED ");
	WAIT_FOR(&t, "a", "TTY SANE");
	NOT_SEES(&t, VI_HELLO);
	NOT_SEES(&t, VI_STATUS_END);
	ck_assert_msg(kill(pid, 0) != 0, "laurel (%ld) still runs", (long)pid);
	tx_down(&t);
}
END_TEST

/* Opens the year 2027 of the demo hospital with the 2026 rulebook, as the
 * administrator does at the console; the pinned clock (15/12/2026) is
 * before its registration deadline (10/01/2027). */
static void open_year_2027(struct tx *t)
{
	struct h_output o;
	int rc;

	rc = cli_admin(t, &o, NULL, "rulebook", "load", "2026",
	               "data/rulebook-2026.txt", (const char *)NULL);
	ck_assert_msg(rc == 0, "rulebook load exited %d: %s%s", rc, o.out, o.err);
	h_output_free(&o);
	rc = cli_admin(t, &o, NULL, "year", "open", "2027", "--rulebook", "2026",
	               "--registration", "10/01/2027", "--annual-report",
	               "20/12/2027", (const char *)NULL);
	ck_assert_msg(rc == 0, "year open exited %d: %s%s", rc, o.out, o.err);
	h_output_free(&o);
}

/* From the home screen: section n of the menu (0 is the home), whose
 * screen shows title. */
static void open_section_n(struct tx *t, const char *s, int n, const char *title)
{
	KEYS(t, s, "Tab");
	for (int i = 0; i < n; i++)
		KEYS(t, s, "j");
	KEYS(t, s, "Tab"); /* back to the pane */
	WAIT_FOR_STR(t, s, title);
}

#define COMMIT1 "Hoàn thành xuất sắc nhiệm vụ được giao"
#define COMMIT2 "Không để xảy ra sai sót chuyên môn; viết một sáng kiến cải tiến quy trình đón tiếp người bệnh"

/* A staff member pledges, their head endorses, the administrator accepts,
 * each in their own terminal, and the roster shows the pledge accepted. */
START_TEST(test_a_pledge_is_submitted_endorsed_and_accepted_in_the_tui)
{
	struct tx t;
	char line[4096];

	tx_up(&t);
	open_year_2027(&t);

	/* 1. The staff member: home, then Pledges (Home, Staff, Units,
	 * Pledges), where nothing is pledged yet. */
	tui_login(&t, "a", 100, 30, "nhanvien", DEMO_PASSWORD);
	WAIT_FOR(&t, "a", VI_YOUR_PLEDGE VI_NOT_SUBMITTED);
	open_section_n(&t, "a", 3, VI_PLEDGES_LIST);
	WAIT_FOR(&t, "a", "— 0/0");
	/* a: a pledge is saved or submitted, not added: the two commands. */
	KEYS(&t, "a", "a");
	WAIT_FOR(&t, "a", "─" VI_ACTIONS "─");
	SEES(&t, VI_SAVE_PLEDGE);
	SEES(&t, VI_SUBMIT_PLEDGE);
	KEYS(&t, "a", "j", "Enter");
	WAIT_FOR(&t, "a", VI_COMMITMENTS);
	SEES(&t, VI_SUBMIT_PLEDGE);
	wait_screen(&t, "a", pred_row, (const char *const[]){"Năm *", "2027", NULL},
	            WAIT_MS, "the year, filled in", __LINE__);
	/* The cursor is on the title, the first empty field: a choice of the
	 * year's titles for a person, with their names; none for units. */
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", "─" VI_TITLE "─");
	SEES(&t, "LDTT — Lao động tiên tiến");
	SEES(&t, "CSTDCS — Chiến sĩ thi đua cơ sở");
	NOT_SEES(&t, "TTLDTT");
	KEYS(&t, "a", "j", "Enter"); /* past "(none)": LDTT */
	WAIT_GONE(&t, "a", "─" VI_TITLE "─");
	SEES(&t, "LDTT — Lao động tiên tiến");
	/* The commitments, on two lines. */
	type(&t, "a", COMMIT1);
	KEYS(&t, "a", "Enter");
	type(&t, "a", COMMIT2);
	WAIT_FOR(&t, "a", "đón tiếp người bệnh");
	KEYS(&t, "a", "F10");
	/* Submitted: the server's answer, and the row, in Vietnamese. */
	WAIT_FOR(&t, "a", "đã nộp bản đăng ký thi đua năm 2027: Lao động tiên tiến");
	WAIT_FOR(&t, "a", "— 1/1");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){STAFF_CODE, STAFF_NAME, "KHAMBENH",
	                                  "LDTT", vi("submitted"), "15/12/2026",
	                                  NULL},
	            WAIT_MS, "the submitted pledge's row", __LINE__);
	/* The state is a word, not the "submitted" column's label. */
	ck_assert_msg(strcmp(vi("submitted"), "Ngày nộp") != 0,
	              "the state reads as the date's column");
	/* Enter shows the row whole: the commitments with their two lines. */
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", STAFF_CODE " · " STAFF_NAME);
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){VI_COMMITMENTS, COMMIT1, NULL}, WAIT_MS,
	            "the first line of the commitments", __LINE__);
	ck_assert_msg(!strstr(line_with(&t, COMMIT1, line, sizeof line), "Không"),
	              "the commitments lost their line break:\n%s", t.screen);
	SEES(&t, "Không để xảy ra sai sót chuyên môn");
	KEYS(&t, "a", "Escape");
	/* The home says it too. */
	KEYS(&t, "a", "Tab", "k", "k", "k");
	WAIT_FOR_STR(&t, "a", VI_YOUR_PLEDGE);
	{
		char want[256];
		snprintf(want, sizeof want, "%s%s", VI_YOUR_PLEDGE, vi("submitted"));
		WAIT_FOR_STR(&t, "a", want);
	}

	/* 2. The head of KHAMBENH: the home names the pledge waiting. */
	tui_login(&t, "b", 100, 30, "truongkhoa", DEMO_PASSWORD);
	WAIT_FOR(&t, "b", VI_TO_ENDORSE);
	SEES(&t, STAFF_CODE " " STAFF_NAME " — LDTT");
	/* Pledges (Home, Staff, Units, Pledges): the row, submitted. */
	open_section_n(&t, "b", 3, VI_PLEDGES_LIST);
	wait_screen(&t, "b", pred_row,
	            (const char *const[]){STAFF_CODE, STAFF_NAME, "LDTT",
	                                  vi("submitted"), NULL},
	            WAIT_MS, "the pledge to endorse", __LINE__);
	/* The head reads the pledge whole, then takes the row's actions
	 * there: endorse or return.  Endorsing needs nothing more: a
	 * question (yes first) instead of a form. */
	KEYS(&t, "b", "Enter");
	WAIT_FOR(&t, "b", STAFF_CODE " · " STAFF_NAME);
	SEES(&t, "Không để xảy ra sai sót chuyên môn");
	KEYS(&t, "b", "m");
	WAIT_FOR(&t, "b", "─" VI_ACTIONS "─");
	SEES(&t, VI_ENDORSE_PLEDGE);
	SEES(&t, VI_RETURN_PLEDGE);
	NOT_SEES(&t, VI_ACCEPT_PLEDGE);
	KEYS(&t, "b", "Enter");
	WAIT_FOR(&t, "b", VI_ENDORSE_PLEDGE ": " STAFF_CODE " · " STAFF_NAME "?");
	KEYS(&t, "b", "Enter");
	WAIT_FOR(&t, "b", "đã xác nhận bản đăng ký thi đua của " STAFF_CODE);
	wait_screen(&t, "b", pred_row,
	            (const char *const[]){VI_STATE, VI_ENDORSED, NULL}, WAIT_MS,
	            "the pledge endorsed, in its record", __LINE__);
	/* Back on the list, which changed under the record. */
	KEYS(&t, "b", "Escape");
	wait_screen(&t, "b", pred_row,
	            (const char *const[]){STAFF_CODE, "LDTT", VI_ENDORSED, NULL},
	            WAIT_MS, "the endorsed pledge in the list", __LINE__);
	/* The staff member's home follows by itself. */
	WAIT_FOR(&t, "a", VI_YOUR_PLEDGE VI_ENDORSED);

	/* 3. The administrator: Pledges is the fifth section (Home, Staff,
	 * Units, Accounts, Pledges). */
	tui_login(&t, "c", 100, 30, "quantri", DEMO_PASSWORD);
	WAIT_FOR(&t, "c", VI_TO_ACCEPT);
	SEES(&t, STAFF_CODE " " STAFF_NAME " — LDTT");
	open_section_n(&t, "c", 4, VI_PLEDGES_LIST);
	wait_screen(&t, "c", pred_row,
	            (const char *const[]){STAFF_CODE, "LDTT", VI_ENDORSED, NULL},
	            WAIT_MS, "the pledge to accept", __LINE__);
	KEYS(&t, "c", "m");
	WAIT_FOR(&t, "c", "─" VI_ACTIONS "─");
	SEES(&t, VI_RETURN_PLEDGE);
	SEES(&t, VI_ACCEPT_PLEDGE);
	NOT_SEES(&t, VI_ENDORSE_PLEDGE);
	KEYS(&t, "c", "j", "Enter");
	WAIT_FOR(&t, "c", VI_ACCEPT_PLEDGE ": " STAFF_CODE " · " STAFF_NAME "?");
	KEYS(&t, "c", "Enter");
	WAIT_FOR(&t, "c", "đã duyệt bản đăng ký thi đua của " STAFF_CODE);
	wait_screen(&t, "c", pred_row,
	            (const char *const[]){STAFF_CODE, "LDTT", VI_ACCEPTED, NULL},
	            WAIT_MS, "the accepted pledge", __LINE__);

	/* 4. The registration roster, the section after Pledges: every
	 * unit and person; searched by name, the pledge accepted. */
	KEYS(&t, "c", "Tab", "j", "Tab");
	WAIT_FOR(&t, "c", VI_ROSTER_LIST);
	KEYS(&t, "c", "/");
	type(&t, "c", STAFF_NAME);
	KEYS(&t, "c", "Enter");
	wait_screen(&t, "c", pred_row,
	            (const char *const[]){"KHAMBENH", STAFF_CODE, STAFF_NAME,
	                                  "LDTT", VI_ACCEPTED, NULL},
	            WAIT_MS, "the pledge in the roster", __LINE__);
	/* The row whole: title, state and both lines of the commitments. */
	KEYS(&t, "c", "Enter");
	WAIT_FOR(&t, "c", "KHAMBENH · " STAFF_NAME);
	wait_screen(&t, "c", pred_row,
	            (const char *const[]){VI_STATE, VI_ACCEPTED, NULL}, WAIT_MS,
	            "the state", __LINE__);
	wait_screen(&t, "c", pred_row,
	            (const char *const[]){VI_TITLE, "LDTT", NULL}, WAIT_MS,
	            "the title", __LINE__);
	wait_screen(&t, "c", pred_row,
	            (const char *const[]){VI_COMMITMENTS, COMMIT1, NULL}, WAIT_MS,
	            "the commitments", __LINE__);
	SEES(&t, "Không để xảy ra sai sót chuyên môn");
	tx_down(&t);
}
END_TEST

/* Enumerated values read as words (the unit's kind), names and codes as
 * they are; sorting orders what is read. */
START_TEST(test_unit_kinds_read_as_words_and_sort_as_read)
{
	struct tx t;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	open_section_n(&t, "a", 2, "Khoa Khám bệnh"); /* Home, Staff, Units */
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"BV ", "Bệnh viện Phục hồi chức năng tỉnh",
	                                  " Bệnh viện ", NULL},
	            WAIT_MS, "the hospital, of kind Bệnh viện", __LINE__);
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"KHAMBENH", "Khoa Khám bệnh", " Khoa ",
	                                  " BV", NULL},
	            WAIT_MS, "a department, of kind Khoa", __LINE__);
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"TCHC", "Phòng Tổ chức – Hành chính",
	                                  " Phòng ", NULL},
	            WAIT_MS, "an office, of kind Phòng", __LINE__);
	NOT_SEES(&t, "department");
	NOT_SEES(&t, "hospital");
	/* Sorted by the kind (o: code, name, kind): Bệnh viện, Khoa, Phòng
	 * as read; by the codes, "department" would come before
	 * "hospital".  The header shows the arrow. */
	KEYS(&t, "a", "o", "o", "o");
	WAIT_FOR(&t, "a", "Loại hình▲");
	LINE_HAS(&t, 3, "│ BV ");
	LINE_HAS(&t, 4, " Khoa ");
	KEYS(&t, "a", "O");
	WAIT_FOR(&t, "a", "Loại hình▼");
	LINE_HAS(&t, 3, " Phòng ");
	tx_down(&t);
}
END_TEST

/* The accounts list names each role in the user's language, with the
 * unit a head heads. */
START_TEST(test_roles_read_as_words_in_the_accounts_list)
{
	struct tx t;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "quantri", DEMO_PASSWORD);
	open_section_n(&t, "a", 3, "Danh sách tài khoản"); /* Home, Staff, Units, Accounts */
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"giamdoc", "Nhân viên, Giám đốc, Chủ tịch Hội đồng",
	                                  NULL},
	            WAIT_MS, "the director's roles as words", __LINE__);
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"nv00004", "Trưởng khoa/phòng (VLTL)",
	                                  NULL},
	            WAIT_MS, "a head's role and unit", __LINE__);
	NOT_SEES(&t, "director");
	NOT_SEES(&t, "head:");
	tx_down(&t);
}
END_TEST

/* A list wider than the screen scrolls sideways with > and <, keeping
 * its first column; ▸ and ◂ say there is more. */
START_TEST(test_a_wide_list_scrolls_sideways)
{
	struct tx t;

	tx_up(&t);
	tui_login(&t, "a", 100, 30, "quantri", DEMO_PASSWORD);
	open_section_n(&t, "a", 4, "Liệt kê các bản đăng ký thi đua"); /* Pledges */
	WAIT_FOR(&t, "a", "Ngày nộp▸");
	NOT_SEES(&t, "Cam kết");
	NOT_SEES(&t, "◂");
	KEYS(&t, "a", ">", ">", ">", ">");
	WAIT_FOR(&t, "a", "Cam kết");
	SEES(&t, "◂");
	SEES(&t, "NV00178"); /* the first column stays */
	NOT_SEES(&t, "Dương Minh An");
	KEYS(&t, "a", "<", "<", "<", "<");
	WAIT_FOR(&t, "a", "Dương Minh An");
	NOT_SEES(&t, "◂");
	tx_down(&t);
}
END_TEST

/* A discipline recorded at the console reads as its Vietnamese word in
 * the head's list of ratings. */
START_TEST(test_a_discipline_reads_as_a_word_in_the_ratings)
{
	struct tx t;
	struct h_output o;
	int rc;

	tx_up(&t);
	open_year_2027(&t);
	rc = cli_admin(&t, &o, NULL, "discipline", "add", "2027", STAFF_CODE,
	               "--level", "reprimand", "--from", "01/03/2027", "--reason",
	               "Quyết định số 3/QĐ-BV", (const char *)NULL);
	ck_assert_msg(rc == 0, "discipline add exited %d: %s%s", rc, o.out, o.err);
	h_output_free(&o);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	/* Home, Staff, Units, Pledges, Roster, Ratings. */
	open_section_n(&t, "a", 5, STAFF_NAME);
	KEYS(&t, "a", "/");
	type(&t, "a", STAFF_NAME);
	KEYS(&t, "a", "Enter");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){STAFF_CODE, STAFF_NAME, "khiển tr", NULL},
	            WAIT_MS, "the discipline as a word (cut by the pane's edge)",
	            __LINE__);
	NOT_SEES(&t, "reprimand");
	/* And in the row's record. */
	KEYS(&t, "a", "Enter");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"Kỷ luật", "khiển trách", NULL}, WAIT_MS,
	            "the discipline in the record", __LINE__);
	tx_down(&t);
}
END_TEST

/* A head reads the nominations of the unit with their verdicts, finds the
 * failing ones by searching the verdict's words, and opens one: each
 * criterion in Vietnamese, marked ✓ or ✗. */
START_TEST(test_a_head_reads_why_a_nomination_fails)
{
	struct tx t;
	struct h_output o;
	char code[32] = "";
	const char *row;

	tx_up(&t);
	/* The first nomination of the demo that fails a criterion (not one
	 * blocked), as the CLI lists it. */
	ck_assert_int_eq(cli_admin(&t, &o, NULL, "nomination", "list", "2026",
	                           "--failing", "--format", "csv",
	                           (const char *)NULL), 0);
	row = strstr(o.out, ",not-eligible,");
	ck_assert_ptr_nonnull(row);
	while (row > o.out && row[-1] != '\n')
		row--;
	snprintf(code, sizeof code, "%.*s", (int)strcspn(row, ","), row);
	h_output_free(&o);
	ck_assert_msg(!strncmp(code, "DN-2026-", 8), "%s", code);
	tui_login(&t, "a", 100, 30, "truongkhoa", DEMO_PASSWORD);
	/* Home, Staff, Units, Pledges, Roster, Ratings, Initiatives,
	 * Movements, Nominations. */
	open_section_n(&t, "a", 8,
	               "Danh sách đề nghị khen thưởng kèm kết quả xét điều kiện");
	SEES(&t, "đủ điều kiện");
	NOT_SEES(&t, "not-eligible");
	KEYS(&t, "a", "/");
	type(&t, "a", code);
	KEYS(&t, "a", "Enter");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){code, "chưa đủ điều kiện", NULL},
	            WAIT_MS, "the failing nomination", __LINE__);
	KEYS(&t, "a", "Enter");
	WAIT_FOR(&t, "a", "Tiêu chuẩn");
	SEES(&t, "✗ ");
	SEES(&t, "Kết quả xét");
	NOT_SEES(&t, "[fail]");
	tx_down(&t);
}
END_TEST

/* The administrator opens the Reports section of the menu,
 * runs the annual report with the year the form offers, scrolls its
 * preview and saves it as CSV. */
START_TEST(test_a_report_is_previewed_and_saved_as_csv)
{
	struct tx t;
	char path[H_PATH_MAX + 16];
	FILE *f;
	char buf[4096] = "";
	size_t n;

	tx_up(&t);
	snprintf(path, sizeof path, "%s/annual.csv", t.dir);
	tui_login(&t, "a", 100, 45, "quantri", DEMO_PASSWORD);
	/* Down the menu to the Reports section: as many steps as it is
	 * below Home on the screen (tall enough to show the whole menu). */
	{
		char line[512];
		int home = -1, reports = -1;
		WAIT_FOR_STR(&t, "a", vi("Reports"));
		for (int i = 0; i < screen_lines(&t); i++) {
			screen_line(&t, i, line, sizeof line);
			if (home < 0 && strstr(line, vi("Home")) == line + 1)
				home = i;
			if (strstr(line, vi("Reports")) == line + 1)
				reports = i;
		}
		ck_assert_msg(home >= 0 && reports > home, "no Reports in the menu");
		KEYS(&t, "a", "Tab");
		for (int i = home; i < reports; i++)
			KEYS(&t, "a", "j");
	}
	KEYS(&t, "a", "Tab");
	WAIT_FOR_STR(&t, "a", vi("List the reports you may print"));
	KEYS(&t, "a", "/");
	type(&t, "a", "annual");
	KEYS(&t, "a", "Enter");
	KEYS(&t, "a", "Enter");
	WAIT_FOR_STR(&t, "a", vi("Year"));
	SEES(&t, "2026");
	KEYS(&t, "a", "F10");
	WAIT_FOR_STR(&t, "a", vi("ANNUAL REPORT ON EMULATION AND COMMENDATION"));
	SEES(&t, "ngày 15 tháng 12 năm 2026");
	/* Page down to the chart: bars of block characters. */
	for (int i = 0; i < 10; i++) {
		capture(&t, "a");
		if (has(&t, vi("Staff rated HTTNV or better, by unit")))
			break;
		KEYS(&t, "a", "NPage");
	}
	SEES(&t, vi("Staff rated HTTNV or better, by unit"));
	SEES(&t, "█");
	KEYS(&t, "a", "c");
	type(&t, "a", path);
	KEYS(&t, "a", "Enter");
	SEES(&t, "annual.csv");
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s was not written", path);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	ck_assert_mem_eq(buf, "\xEF\xBB\xBF", 3);
	ck_assert_ptr_nonnull(strstr(buf, "Khoa Khám bệnh"));
	/* Esc leaves the preview for the list of reports, and the program
	 * goes on. */
	KEYS(&t, "a", "Escape");
	WAIT_GONE(&t, "a", "█");
	KEYS(&t, "a", "Escape");
	KEYS(&t, "a", "j");
	SEES(&t, vi("Reports"));
	tx_down(&t);
}
END_TEST

/* The director finds a draft among the year's decisions and signs it
 * after a confirmation that shows its total and the fund's balance; the
 * staff member reads the title of the demo's signed decision, with its
 * number and date, on their own record. */
START_TEST(test_the_director_signs_a_decision_and_the_title_is_on_the_record)
{
	struct tx t;
	struct h_output o;
	char code[32] = "";
	const char *row;

	tx_up(&t);
	/* A draft, made at the console, for the first eligible LĐTT that no
	 * decision holds yet. */
	ck_assert_int_eq(cli_admin(&t, &o, NULL, "nomination", "list", "2026",
	                           "--title", "LDTT", "--format", "csv",
	                           (const char *)NULL), 0);
	for (row = o.out; (row = strstr(row, ",LDTT,eligible,")) != NULL; row++) {
		const char *start = row, *end = strchr(row, '\n');
		while (start > o.out && start[-1] != '\n')
			start--;
		if (end && memmem(start, (size_t)(end - start), ",proposed,", 10)) {
			snprintf(code, sizeof code, "%.*s", (int)strcspn(start, ","),
			         start);
			break;
		}
	}
	h_output_free(&o);
	ck_assert_msg(!strncmp(code, "DN-2026-", 8), "no free LDTT: %s", code);
	ck_assert_int_eq(cli_admin(&t, &o, NULL, "decision", "add", "2026",
	                           "--nominations", code, (const char *)NULL), 0);
	ck_assert_ptr_nonnull(strstr(o.out, "QD-2026-003"));
	h_output_free(&o);
	tui_login(&t, "a", 100, 30, "giamdoc", DEMO_PASSWORD);
	/* Home, Staff, Units, Pledges, Roster, Ratings, Initiatives,
	 * Movements, Nominations, Review sheet, Titles held, Complaints and
	 * reviews, Decisions. */
	open_section_n(&t, "a", 12, "1/QĐ-BV");
	KEYS(&t, "a", "/");
	type(&t, "a", "QD-2026-003");
	KEYS(&t, "a", "Enter");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"QD-2026-003", "760.000 đ", NULL},
	            WAIT_MS, "the draft", __LINE__);
	/* m: correct, publish, cancel or sign. */
	KEYS(&t, "a", "m");
	WAIT_FOR(&t, "a", "─" VI_ACTIONS "─");
	SEES(&t, vi("Sign a draft decision: number it, pay from the fund, "
	            "record the titles"));
	KEYS(&t, "a", "j", "j", "j", "Enter");
	WAIT_FOR_STR(&t, "a", "QD-2026-003");
	KEYS(&t, "a", "F10");
	/* The confirmation names the total and the balance; No is first. */
	WAIT_FOR(&t, "a", "760.000 đ");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"QD-2026-003", "760.000 đ", "đ?", NULL},
	            WAIT_MS, "the question with the total and the balance",
	            __LINE__);
	KEYS(&t, "a", "j", "Enter");
	WAIT_FOR(&t, "a", "2/QĐ-BV");
	KEYS(&t, "a", "Escape");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){"QD-2026-003", "2/QĐ-BV", NULL},
	            WAIT_MS, "the signed decision in the list", __LINE__);

	/* The staff member: Staff holds their own record. */
	tui_login(&t, "b", 100, 30, "nhanvien", DEMO_PASSWORD);
	open_section_n(&t, "b", 1, STAFF_NAME);
	KEYS(&t, "b", "Enter");
	WAIT_FOR(&t, "b", "2026 LDTT — 1/QĐ-BV, 15/12/2026");
	tx_down(&t);
}
END_TEST

/* The exemplars' web pages are written from the terminal too: the export
 * is among the section's actions, and the pages land in the directory
 * typed in its form. */
START_TEST(test_the_admin_exports_the_web_pages_from_the_tui)
{
	struct tx t;
	char dir[H_PATH_MAX + 16], path[H_PATH_MAX + 32];
	struct stat st;

	tx_up(&t);
	snprintf(dir, sizeof dir, "%s/web", t.dir);
	tui_login(&t, "a", 100, 30, "quantri", DEMO_PASSWORD);
	open_section_n(&t, "a", 18,
	               vi("List the exemplars of a year and their stages"));
	KEYS(&t, "a", "m");
	WAIT_FOR_STR(&t, "a", vi("Write a web page per exemplar and model, and "
	                         "an index, into a directory"));
	/* The export is the last of the row's actions. */
	for (int i = 0; i < 6; i++)
		KEYS(&t, "a", "Down");
	KEYS(&t, "a", "Enter");
	WAIT_FOR_STR(&t, "a", vi("Directory"));
	type(&t, "a", dir);
	KEYS(&t, "a", "C-s");
	snprintf(path, sizeof path, "%s/index.html", dir);
	for (int i = 0; i < 50 && stat(path, &st) != 0; i++)
		h_sleep_ms(100);
	ck_assert_msg(stat(path, &st) == 0, "no %s", path);
	tx_down(&t);
}
END_TEST

/* The administrator's home names the month's missing submission to the
 * Department of Health; an exemplar's record shows its stage history and
 * its publicity. */
START_TEST(test_the_admin_reads_an_exemplars_stages_and_publicity)
{
	struct tx t;
	struct h_output o;
	char code[32] = "", stage4[64];
	const char *p;

	tx_up(&t);
	/* A replicated exemplar with publicity: the stage is the third
	 * column, the number of publicity items the last. */
	ck_assert_int_eq(cli_admin(&t, &o, NULL, "exemplar", "list", "2026",
	                           "--stage", "replicated", "--format", "csv",
	                           (const char *)NULL), 0);
	for (p = strchr(o.out, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
		const char *end = strchr(p + 1, '\n');
		size_t len = end ? (size_t)(end - p - 1) : strlen(p + 1);
		while (len && (p[len] == '\r'))
			len--;
		if (len > 2 && strncmp(p + 1 + len - 2, ",0", 2) != 0) {
			snprintf(code, sizeof code, "%.*s", (int)strcspn(p + 1, ","),
			         p + 1);
			break;
		}
	}
	h_output_free(&o);
	ck_assert_msg(!strncmp(code, "DH-2026-", 8), "no replicated exemplar "
	                                             "with publicity");
	tui_login(&t, "a", 100, 30, "quantri", DEMO_PASSWORD);
	/* 15/12/2026: December's exemplar is late (due before the 5th). */
	WAIT_FOR(&t, "a", "12/2026");
	SEES(&t, "05/12/2026");
	/* Home, Staff, Units, Accounts, Pledges, Roster, Ratings, Initiatives,
	 * Movements, Nominations, Review sheet, Titles held, Complaints, four
	 * sections of decisions, Plan tasks, Exemplars. */
	open_section_n(&t, "a", 18,
	               vi("List the exemplars of a year and their stages"));
	SEES(&t, vi("replicated"));
	NOT_SEES(&t, "replicated,");
	KEYS(&t, "a", "/");
	type(&t, "a", code);
	KEYS(&t, "a", "Enter");
	wait_screen(&t, "a", pred_row,
	            (const char *const[]){code, vi("replicated"), NULL}, WAIT_MS,
	            "the replicated exemplar", __LINE__);
	KEYS(&t, "a", "Enter");
	snprintf(stage4, sizeof stage4, "%s 4", vi("Stage"));
	WAIT_FOR_STR(&t, "a", stage4);
	SEES(&t, vi("Found by"));
	SEES(&t, " · summarised — ");
	SEES(&t, " · replicated — ");
	/* The publicity follows the history: the record scrolls. */
	KEYS(&t, "a", "NPage");
	SEES(&t, "https://");
	tx_down(&t);
}
END_TEST

/* From the pane: moves the menu down until the screen whose key hints
 * are hint shows, and comes back to the pane. */
static void open_section_by_hint(struct tx *t, const char *s, const char *hint)
{
	KEYS(t, s, "Tab");
	for (int i = 0; i < 30; i++) {
		capture(t, s);
		if (has(t, hint))
			break;
		KEYS(t, s, "j");
		h_sleep_ms(POLL_MS);
	}
	KEYS(t, s, "Tab");
	WAIT_FOR_STR(t, s, hint);
}

/* Two of the demo's nominations of people of Khoa Khám bệnh other than
 * its head, not yet in a round (after the demo's first twelve): a, an
 * eligible LĐTT not decided yet of someone with a login (their staff code
 * in staff), and b, any other. */
static void council_candidates(struct tx *t, char *a, char *b, size_t n,
                               char *staff, size_t sn)
{
	struct h_output o, u;
	char *line, *save = NULL;

	a[0] = b[0] = staff[0] = '\0';
	ck_assert_int_eq(cli_admin(t, &o, NULL, "nomination", "list", "2026",
	                           "--unit", "KHAMBENH", "--format", "csv",
	                           (const char *)NULL), 0);
	for (line = strtok_r(o.out, "\n", &save); line && (!a[0] || !b[0]);
	     line = strtok_r(NULL, "\n", &save)) {
		char code[32], who[32], login[32];
		const char *f = line;
		snprintf(code, sizeof code, "%.*s", (int)strcspn(line, ","), line);
		if (strncmp(code, "DN-2026-", 8) != 0 || atoi(code + 8) <= 30 ||
		    !strstr(line, ",person,") || strstr(line, ",withdrawn,") ||
		    strstr(line, "NV00003"))
			continue;
		/* nomination,title,verdict,code,…: the staff code is the
		 * fourth field. */
		for (int k = 0; k < 3 && f; k++)
			f = (f = strchr(f, ',')) ? f + 1 : NULL;
		snprintf(who, sizeof who, "%.*s", f ? (int)strcspn(f, ",") : 0,
		         f ? f : "");
		for (size_t k = 0; k <= strlen(who); k++)
			login[k] = (char)tolower((unsigned char)who[k]);
		if (!a[0] && strstr(line, ",LDTT,eligible,") &&
		    strstr(line, ",proposed,")) {
			int has_login = cli_admin(t, &u, NULL, "user", "show",
			                          login, (const char *)NULL) == 0;
			h_output_free(&u);
			if (has_login) {
				snprintf(a, n, "%s", code);
				snprintf(staff, sn, "%s", who);
				continue;
			}
		}
		if (!b[0])
			snprintf(b, n, "%s", code);
	}
	h_output_free(&o);
	ck_assert_msg(a[0] && b[0], "two nominations for the round");
}

/* "1 of 2 scored, 0 of 2 voted" as the screen reads it. */
static const char *progress(char *buf, size_t n, int scored, int voted)
{
	char a[64], b[64];

	snprintf(a, sizeof a, vi("%d of %d scored"), scored, 2);
	snprintf(b, sizeof b, vi("%d of %d voted"), voted, 2);
	snprintf(buf, n, "%s, %s", a, b);
	return buf;
}

/* Three council members score and vote, each in their own terminal at
 * the same time; the chair closes the round and reads its results. */
START_TEST(test_three_members_score_and_vote_at_once_and_the_chair_closes)
{
	static const char *const member[] = {"phogiamdoc", "truongkhoa",
	                                     "thuky"};
	static const char *const sess[] = {"a", "b", "c"};
	const char *cand_hint = vi("Enter dossier  s score  v vote  c conflict  Tab menu");
	const char *round_hint = vi("Enter open/results  i round  a attendance  x conflicts  C close  m minutes  n new");
	char x[32], y[32], list[80], staff[32], login[32], qd[32] = "";
	char prog[160];
	struct tx t;
	struct h_output o;
	const char *p;

	tx_up(&t);
	council_candidates(&t, x, y, sizeof x, staff, sizeof staff);
	snprintf(list, sizeof list, "%s,%s", x, y);
	/* The secretary opens round 3 (the demo holds two) and records
	 * everyone present. */
	ck_assert_msg(cli_as(&t, &o, "thuky", "round", "open", "2026",
	                     "--nominations", list, "--mode", "both",
	                     "--criteria", "Thành tích; 2; 10\nSáng kiến; 1; 5",
	                     (const char *)NULL) == 0, "%s", o.err);
	h_output_free(&o);
	ck_assert_msg(cli_as(&t, &o, "thuky", "round", "attend", "3",
	                     "--present", "giamdoc,thuky,phogiamdoc,truongkhoa",
	                     (const char *)NULL) == 0, "%s", o.err);
	h_output_free(&o);
	for (int i = 0; i < 3; i++) {
		tui_login(&t, sess[i], 100, 30, member[i], DEMO_PASSWORD);
		open_section_by_hint(&t, sess[i], cand_hint);
		WAIT_FOR_STR(&t, sess[i], x);
		/* Round 2's six candidates come first. */
		for (int k = 0; k < 6; k++)
			KEYS(&t, sess[i], "j");
	}
	/* Each scores the first candidate of round 3, all at once. */
	for (int i = 0; i < 3; i++)
		KEYS(&t, sess[i], "s");
	for (int i = 0; i < 3; i++)
		WAIT_FOR_STR(&t, sess[i], "×2, 0–10");
	for (int i = 0; i < 3; i++) {
		type(&t, sess[i], i == 2 ? "7" : "9");
		KEYS(&t, sess[i], "Down");
		type(&t, sess[i], "4");
	}
	for (int i = 0; i < 3; i++) {
		char total[160];
		snprintf(total, sizeof total, vi("Weighted total: %ld of %ld%s"),
		         i == 2 ? 18L : 22L, 25L, "");
		WAIT_FOR_STR(&t, sess[i], total);
	}
	for (int i = 0; i < 3; i++)
		KEYS(&t, sess[i], "F10");
	for (int i = 0; i < 3; i++)
		WAIT_FOR_STR(&t, sess[i], progress(prog, sizeof prog, 1, 0));
	/* Then each votes yes on it, all at once. */
	for (int i = 0; i < 3; i++)
		KEYS(&t, sess[i], "v");
	for (int i = 0; i < 3; i++)
		WAIT_FOR_STR(&t, sess[i], vi("Abstain"));
	for (int i = 0; i < 3; i++)
		KEYS(&t, sess[i], "Enter");
	for (int i = 0; i < 3; i++)
		WAIT_FOR_STR(&t, sess[i], progress(prog, sizeof prog, 1, 1));
	/* A second ballot on it is refused. */
	KEYS(&t, "a", "v");
	WAIT_FOR_STR(&t, "a", vi("Abstain"));
	KEYS(&t, "a", "Enter");
	WAIT_FOR_STR(&t, "a", x);
	{
		char refusal[160];
		snprintf(refusal, sizeof refusal, vi("you have already voted on %s"),
		         x);
		WAIT_FOR_STR(&t, "a", refusal);
	}
	/* The chair closes round 3 and reads the results. */
	tui_login(&t, "d", 100, 30, "giamdoc", DEMO_PASSWORD);
	open_section_by_hint(&t, "d", round_hint);
	KEYS(&t, "d", "j", "j");
	KEYS(&t, "d", "C");
	WAIT_FOR_STR(&t, "d", vi("Yes"));
	KEYS(&t, "d", "j", "Enter");
	{
		char closed[200];
		snprintf(closed, sizeof closed,
		         vi("Round %u is closed; its results are frozen "
		            "(laurel round results %u)"), 3u, 3u);
		WAIT_FOR_STR(&t, "d", closed);
	}
	KEYS(&t, "d", "Enter");
	wait_screen(&t, "d", pred_row, (const char *const[]){x, "75%", NULL},
	            WAIT_MS, "the candidate with its three yes votes", __LINE__);
	/* Three yes of four members; the mean of 22, 22 and 18. */
	ck_assert_int_eq(cli_as(&t, &o, "giamdoc", "round", "results", "3",
	                        "--format", "csv", (const char *)NULL), 0);
	ck_assert_ptr_nonnull(strstr(o.out, x));
	ck_assert_msg(strstr(o.out, ",75%,") &&
	                  strstr(o.out, ",3,0,0,\"20,67\",18–22,"),
	              "%s", o.out);
	h_output_free(&o);
	/* The director decides for the round and signs; the candidate reads
	 * the title on their own record. */
	ck_assert_msg(cli_as(&t, &o, "giamdoc", "decision", "add", "2026",
	                     "--round", "3", (const char *)NULL) == 0, "%s%s",
	              o.out, o.err);
	p = strstr(o.out, "QD-2026-");
	ck_assert_ptr_nonnull(p);
	snprintf(qd, sizeof qd, "%.11s", p);
	h_output_free(&o);
	ck_assert_msg(cli_as(&t, &o, "giamdoc", "decision", "sign", qd,
	                     (const char *)NULL) == 0, "%s%s", o.out, o.err);
	h_output_free(&o);
	for (size_t k = 0; k <= strlen(staff); k++)
		login[k] = (char)tolower((unsigned char)staff[k]);
	tui_login(&t, "e", 100, 30, login, DEMO_PASSWORD);
	KEYS(&t, "e", "Tab", "j", "Tab"); /* Staff: their own record */
	WAIT_FOR_STR(&t, "e", staff);
	KEYS(&t, "e", "Enter");
	WAIT_FOR(&t, "e", "2026 LDTT — 2/QĐ-BV");
	tx_down(&t);
}
END_TEST

Suite *suite_tui(void)
{
	Suite *s = suite_create("tui");
	TCase *tc;

	tc = tcase_create("screens");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_add_unchecked_fixture(tc, tx_fixture_setup, tx_fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_login_shows_home_with_full_name_and_roles);
	tcase_add_test(tc, test_failed_login_shows_generic_message_then_the_wait);
	tcase_add_test(tc, test_new_account_must_choose_a_password_before_home);
	tcase_add_test(tc, test_staff_search_ignores_tones);
	tcase_add_test(tc, test_add_staff_with_a_wrong_date_corrected);
	tcase_add_test(tc, test_resize_redraws_title_and_status);
	tcase_add_test(tc, test_help_lists_the_keymap);
	tcase_add_test(tc, test_second_session_sees_a_new_unit_without_a_key);
	tcase_add_test(tc, test_control_characters_in_a_name_show_escaped);
	tcase_add_test(tc, test_login_and_home_fit_80x24);
	tcase_add_test(tc, test_the_admin_home_names_overdue_plan_tasks);
	tcase_add_test(tc, test_q_quits_and_restores_the_terminal);
	tcase_add_test(tc, test_sigterm_quits_and_restores_the_terminal);
	tcase_add_test(tc, test_a_pledge_is_submitted_endorsed_and_accepted_in_the_tui);
	tcase_add_test(tc, test_unit_kinds_read_as_words_and_sort_as_read);
	tcase_add_test(tc, test_roles_read_as_words_in_the_accounts_list);
	tcase_add_test(tc, test_a_wide_list_scrolls_sideways);
	tcase_add_test(tc, test_a_discipline_reads_as_a_word_in_the_ratings);
	tcase_add_test(tc, test_a_head_reads_why_a_nomination_fails);
	tcase_add_test(tc, test_a_report_is_previewed_and_saved_as_csv);
	tcase_add_test(tc, test_the_director_signs_a_decision_and_the_title_is_on_the_record);
	tcase_add_test(tc, test_the_admin_reads_an_exemplars_stages_and_publicity);
	tcase_add_test(tc, test_the_admin_exports_the_web_pages_from_the_tui);
	tcase_add_test(tc, test_three_members_score_and_vote_at_once_and_the_chair_closes);
	suite_add_tcase(s, tc);
	return s;
}
