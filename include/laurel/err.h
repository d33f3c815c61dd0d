/*
 * err.h — laurel's error codes.
 *
 * Every function that can fail returns int: 0 on success, or a negative
 * LRL_E* code.  The one table below yields the enum, the stable wire names
 * (sent in error replies and printed by the CLI) and the messages.  Codes
 * from LMDB, errno and libsodium are translated at the module boundary.
 */
#ifndef LAUREL_ERR_H
#define LAUREL_ERR_H

#include <stddef.h>

/* X(name, wire-name, CLI exit status, English message) */
#define LRL_ERRORS(X)                                                          \
	X(EINVAL, "invalid", 1, "invalid value")                               \
	X(EPERM, "refused", 1, "not permitted")                                \
	X(ENOENT, "not-found", 1, "not found")                                 \
	X(EEXIST, "exists", 1, "already exists")                               \
	X(ESTATE, "state", 1, "not allowed in the current state")              \
	X(EMUSTCHANGE, "must-change-password", 1,                              \
	  "a new password must be chosen first")                               \
	X(EAUTH, "auth", 3, "login failed: wrong user name or password")       \
	X(EREPLAY, "replay", 1, "request refused: replayed or out of order")   \
	X(ESIG, "signature", 1, "request refused: bad signature")              \
	X(EPROTO, "protocol", 1, "malformed message")                          \
	X(ETOOBIG, "too-big", 1, "message too large")                          \
	X(EVERSION, "version", 1, "unsupported protocol version")              \
	X(ECONN, "unreachable", 4, "server unreachable")                       \
	X(EUSAGE, "usage", 2, "usage error")                                   \
	X(ENOMEM, "no-memory", 1, "out of memory")                             \
	X(EIO, "io", 1, "input/output error")                                  \
	X(ESTORE, "store", 1, "store error")                                   \
	X(ECORRUPT, "corrupt", 1, "store verification failed")                 \
	X(EBUSY, "busy", 1, "server busy")                                     \
	X(ECRYPTO, "crypto", 1, "cryptographic failure")                      \
	X(EFULL, "full", 1, "store map full")

enum {
	LRL_OK = 0,
	LRL_ERR_BASE_ = -1000,
#define LRL_X_ENUM(name, wire, ex, msg) LRL_##name,
	LRL_ERRORS(LRL_X_ENUM)
#undef LRL_X_ENUM
	LRL_ERR_END_
};

/* English message for code (static storage; "unknown error" if unknown). */
const char *lrl_strerror(int code);

/* Stable wire name for code ("invalid", "refused", …). */
const char *lrl_errname(int code);

/* Code for a wire name, or LRL_EPROTO if unknown. */
int lrl_errcode(const char *name, size_t len);

/* CLI exit status documented in laurel(1) for code (0 for LRL_OK). */
int lrl_exit_status(int code);

#endif
