/*
 * config.h — laurel.conf, read by both programs (INI syntax; see
 * laurel.conf(5)).
 *
 *   [server]   socket, store, lockout_failures, lockout_minutes,
 *              backoff_max_seconds, max_connections, idle_exit_seconds
 *   [hospital] name, parent (the body above it, for reports' issuer
 *              block), place (the town on reports' date line)
 *   [client]   language (vi|en)
 */
#ifndef LAUREL_CONFIG_H
#define LAUREL_CONFIG_H

#include <stddef.h>

#include "laurel/limits.h"

#define LRL_CONFIG_DEFAULT SYSCONFDIR "/laurel/laurel.conf"
#define LRL_SOCKET_DEFAULT RUNDIR "/laureld.sock"
#define LRL_STORE_DEFAULT STATEDIR


struct lrl_config {
	char socket[LRL_PATH_MAX];
	char store[LRL_PATH_MAX];
	char hospital[256];
	char parent[256];
	char place[128];
	char language[8];
	int lockout_failures;
	int lockout_minutes;
	int backoff_max_seconds;
	int max_connections;
	int idle_exit_seconds; /* 0: never (a private server sets it) */
};

/* Fills c with the built-in defaults. */
void config_defaults(struct lrl_config *c);

/*
 * Reads path over the values already in c.  A missing file is not an error
 * unless must_exist.  On error returns LRL_EINVAL (or LRL_EIO) and writes
 * "PATH:LINE: reason" into err (size n); c may then hold some values from
 * the file but every one of them passed its checks.
 */
int config_load(struct lrl_config *c, const char *path, int must_exist,
                char *err, size_t n);

/* The same over text in memory (name labels messages). */
int config_load_string(struct lrl_config *c, const char *text,
                       const char *name, char *err, size_t n);

#endif
