/*
 * server.h — laureld's event loop.
 *
 * One thread serves every client with poll(2).  Logins and queries are
 * answered as they arrive.  Commands are gathered: every command that has
 * arrived when the loop comes round is applied in one LMDB write
 * transaction, each inside its own child transaction, and committed with
 * one fsync (group commit).  Replies go out only after the commit, so an
 * acknowledged write is durable.  A frame that is too large, truncated,
 * not MessagePack or of the wrong shape gets an error reply and its
 * connection is closed; the others go on.
 */
#ifndef LAUREL_SERVER_H
#define LAUREL_SERVER_H

#include "laurel/config.h"

struct server_opts {
	const char *store_dir;
	const char *socket_path;
	const char *clock_file; /* pinned clock (test stores only), or NULL */
	const char *self_exe;   /* this program, for background verification */
	struct lrl_config cfg;
	int foreground_notice;  /* print "ready" on stdout when listening */
};

/* Serves until SIGTERM or SIGINT (or, with cfg.idle_exit_seconds, until
 * no client has been connected for that long).  Returns 0 on a clean stop
 * or a negative LRL_E* code with a message on stderr. */
int server_run(const struct server_opts *o);

/* The store's identity and the server key, shared by laureld's commands.
 * Reads DIR/server.key into sodium_malloc'd memory (*sk, LRL_SK_LEN). */
int server_key_load(const char *dir, unsigned char **sk);
int server_key_write(const char *dir, const unsigned char *sk);
void server_key_free(unsigned char *sk);

/* Reads the pinned clock file: 0 and *t, or LRL_EINVAL. */
int server_clock_read(const char *path, long long *t);

#endif
