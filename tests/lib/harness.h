/*
 * harness.h — helpers for tests that drive a real laureld.
 *
 * Integration, CLI and TUI suites start the laureld built beside the test
 * runner ($LAUREL_BUILD, default "build") on a store in a temporary
 * directory, with a pinned clock, and talk to it through the client API or
 * by running the programs.  A typical test:
 *
 *   struct h_env e;
 *   lrl_conn *admin;
 *
 *   ck_assert_int_eq(h_env_setup(&e), 0);
 *   ck_assert_int_eq(h_login(e.srv.sock, H_ADMIN, H_ADMIN_PASSWORD,
 *                            &admin), 0);
 *   …
 *   lrl_close(admin);
 *   ck_assert_int_eq(h_env_done(&e), 0);
 *
 * Every test case that uses the harness registers its fixture, so that
 * what a test leaves behind when it fails or times out (Check ends the
 * test's process at once) is removed all the same:
 *
 *   tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
 *
 * Servers die with the test's process: they are started with the
 * parent-death signal set to SIGKILL (so start them from the test's main
 * thread: the signal follows the thread that forked), and those still
 * running when the process exits normally are killed.  Processes forked by
 * a test must leave with _exit(), never exit().
 *
 * Every program the harness runs sees LAUREL_CONFIG set to h_config (by
 * default /dev/null: the built-in settings), so no laurel.conf on the
 * machine changes a test's result.
 */
#ifndef LAUREL_TEST_HARNESS_H
#define LAUREL_TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "laurel/client.h"
#include "laurel/limits.h"

#define H_PATH_MAX 512

/* The store's first administrator, as h_env_setup creates it. */
#define H_ADMIN "admin"
#define H_ADMIN_NAME "Quản trị viên"
#define H_ADMIN_PASSWORD "mật khẩu quản trị 2026"
#define H_HOSPITAL "Bệnh viện Test"

/* The pinned clock every test starts at. */
#define H_CLOCK_START "2026-12-15T01:00:00Z"

/* How long h_server_start waits for the socket, and h_run for a program. */
#define H_START_TIMEOUT_MS 15000
#define H_RUN_TIMEOUT_MS 60000

/* The configuration file every program the harness runs reads; a test
 * may point it elsewhere (the string must outlive the runs). */
extern const char *h_config;

/* The hospital name h_store_init gives a new store (by default
 * H_HOSPITAL); a test may point it elsewhere (the string must outlive
 * the init) and set it back. */
extern const char *h_hospital;

/* Extra environment entries ("NAME=value", NULL-terminated) that every
 * program the harness starts sees in place of the runner's own NAME
 * while this is set; NULL (the default) adds none.  A test sets it around
 * the starts it concerns (say LAUREL_MAP_SIZE for one store's init and
 * server) and clears it again; the array must outlive those starts. */
extern const char *const *h_extra_env;

/* The test case's fixture, run by Check in the runner process: makes a
 * directory under $TMPDIR (or /tmp) that holds every directory h_tmpdir
 * makes during the case and is the TMPDIR of every program the harness
 * runs; removes it and all it holds afterwards. */
void h_fixture_setup(void);
void h_fixture_teardown(void);

/* The build directory: $LAUREL_BUILD, or "build". */
const char *h_build(void);

/* Writes "BUILD/name" into buf (size n). */
void h_program(const char *name, char *buf, size_t n);

/* Creates a fresh directory (mkdtemp in the fixture's directory, else
 * under $TMPDIR or /tmp) and writes its path into buf (size n).  Returns
 * 0 or -1. */
int h_tmpdir(char *buf, size_t n);

/* Removes path and everything under it (absent is fine).  0 or -1. */
int h_rmtree(const char *path);

/* Writes the pinned clock file (Unix seconds), atomically: the server
 * never reads a half-written file.  0 or -1. */
int h_clock_write(const char *path, int64_t t);

/* Unix seconds of "YYYY-MM-DDTHH:MM:SSZ", or -1 when malformed. */
int64_t h_time(const char *iso);

/*
 * Runs `laureld init --store STORE --admin LOGIN --full-name NAME
 * --hospital h_hospital --password-stdin --test` with password on stdin.
 * Returns the program's exit status (0 on success).
 */
int h_store_init(const char *store, const char *admin, const char *full_name,
                 const char *password);

/* A laureld serving one store. */
struct h_server {
	pid_t pid; /* 0 when not running */
	char store[H_PATH_MAX];
	char sock[H_PATH_MAX];
	char clock[H_PATH_MAX];
};

/*
 * Starts `laureld serve --store STORE --socket SOCK --clock-file CLOCK`
 * (sock NULL: STORE/s.sock) and waits until the socket accepts a
 * connection.  Returns 0, or -1 when the server exited or did not listen
 * within H_START_TIMEOUT_MS (it is then killed).
 */
int h_server_start(struct h_server *s, const char *store, const char *sock,
                   const char *clock);

/* Sends SIGTERM and waits.  Returns the exit status (0 for a clean stop),
 * 128 + signal if a signal ended it, or -1 when none was running. */
int h_server_stop(struct h_server *s);

/* Sends SIGKILL and waits (a crash).  Safe when none is running. */
void h_server_kill(struct h_server *s);

/* A temporary directory with a test store, its clock and its server. */
struct h_env {
	char dir[H_PATH_MAX];   /* the temporary directory */
	char store[H_PATH_MAX]; /* DIR/store */
	char clock[H_PATH_MAX]; /* DIR/clock */
	int64_t now;            /* the pinned time */
	struct h_server srv;
};

/* Creates the directory, the store (administrator H_ADMIN with
 * H_ADMIN_PASSWORD), the clock at H_CLOCK_START, and starts the server.
 * Returns 0 or -1. */
int h_env_setup(struct h_env *e);

/* Moves the pinned clock forward by seconds.  0 or -1. */
int h_env_advance(struct h_env *e, int64_t seconds);

/* Stops the server (if running) and removes the directory.  Returns the
 * server's exit status as h_server_stop does, or 0 when it was not
 * running, so that a test can assert the server ended cleanly. */
int h_env_done(struct h_env *e);

/* Stops e's server, replays its store's whole log against the store
 * (verify_store) and removes it.  0, or -1 with the reason in why. */
int h_env_finish(struct h_env *e, char *why, size_t n);

/*
 * Connects to sock and logs in.  Returns 0 with *out set, or the failure
 * (LRL_ECONN, LRL_EAUTH, …) with *out NULL.  The caller closes *out with
 * lrl_close.  h_login_retry also stores the server's back-off (seconds
 * before the next attempt is accepted) in *retry_after when not NULL.
 */
int h_login(const char *sock, const char *login, const char *password,
            lrl_conn **out);
int h_login_retry(const char *sock, const char *login, const char *password,
                  lrl_conn **out, int64_t *retry_after);

/*
 * Calls action with parameters given as NULL-terminated pairs of strings
 * ("login", "lan", "role", "council", NULL).  Returns the transport error
 * (LRL_ECONN, LRL_EPROTO) or the reply's code (0 = OK).  When out is not
 * NULL it receives the reply (the caller frees it with lrl_reply_free);
 * otherwise the reply is freed.
 */
int h_call(lrl_conn *c, const char *action, struct lrl_reply **out, ...);

/*
 * As h_call, but each value is text converted to its parameter's type by
 * the action table, as the CLI does ("2027" an integer, "15/12/2027" a
 * date, "true" a flag).  LRL_EUSAGE when the action or a parameter is
 * unknown or a value does not convert.
 */
int h_tcall(lrl_conn *c, const char *action, struct lrl_reply **out, ...);

/* The administrator adds a unit (parent may be NULL), and a staff member
 * of sex "nam" or "nữ" born 01/02/1985 who started on 01/03/2010; both
 * return h_tcall's result. */
int h_unit(lrl_conn *admin, const char *code, const char *name,
           const char *kind, const char *parent);
int h_staff(lrl_conn *admin, const char *code, const char *name,
            const char *sex, const char *unit);

/* Loads the rulebook file at path (relative to the source tree) as
 * version.  Returns as h_call. */
int h_rulebook_load(lrl_conn *admin, const char *version, const char *path);

/*
 * Creates an account through an administrator's connection: user.add with
 * login and full name, the derived key of temp_password (the account must
 * change it at its first login).  Returns as h_call.
 */
int h_user_add(lrl_conn *admin, const char *login, const char *full_name,
               const char *temp_password);

/*
 * An account for a staff member, ready to use: user.add with a temporary
 * password, the first login choosing password, the staff record linked,
 * then (when role is not NULL) the role granted (for unit, when not NULL)
 * and a fresh login that carries it.  Returns the logged-in connection,
 * or NULL at the first failure.
 */
lrl_conn *h_account(lrl_conn *admin, const char *sock, const char *login,
                    const char *full_name, const char *staff,
                    const char *password, const char *role, const char *unit);

/* Logs login in with its temporary password and chooses new_password.
 * Returns 0 or the first failure. */
int h_user_activate(const char *sock, const char *login,
                    const char *temp_password, const char *new_password);

/* The number of events in the log, from the audit.checkpoint query
 * (-1 on failure). */
int64_t h_event_count(lrl_conn *admin);

/* Copies the string field key of an OK reply's "record" map into buf
 * (size n).  0, or -1 when absent. */
int h_record_str(const struct lrl_reply *r, const char *key, char *buf,
                 size_t n);

/* The output of a program run by h_run. */
struct h_output {
	int status; /* exit status; 128 + signal if killed; -1 if not run */
	char *out;  /* standard output, NUL-terminated (malloc'd) */
	char *err;  /* standard error, NUL-terminated (malloc'd) */
};

/*
 * Runs argv (argv[0] a path or a name on PATH), feeding input (may be
 * NULL: empty) on standard input, and captures both outputs.  A program
 * still running after H_RUN_TIMEOUT_MS is killed.  Returns out->status,
 * or -1 when the program could not be started.  Free with h_output_free.
 */
int h_run(const char *const argv[], const char *input, struct h_output *out);
void h_output_free(struct h_output *out);

/* As h_run, but standard output is a pseudo-terminal (isatty(1) holds in
 * the program) whose output, with the terminal's "\r\n" line ends, is
 * captured in out->out; standard input and error stay pipes. */
int h_run_tty(const char *const argv[], const char *input,
              struct h_output *out);

/* h_run of BUILD/laureld or BUILD/laurel with the NULL-terminated
 * arguments that follow input. */
int h_laureld(struct h_output *out, const char *input, ...);
int h_laurel(struct h_output *out, const char *input, ...);

/* Sleeps ms milliseconds. */
void h_sleep_ms(long ms);

#endif
