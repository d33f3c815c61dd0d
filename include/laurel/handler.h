/*
 * handler.h — how laureld runs an action: the executor and the contract
 * every handler (src/server/actions/<area>.c) follows.
 *
 * A handler is `int act_<ID>(struct lrl_ctx *c)` for each row of the action
 * table.  It reads parameters from c->params (already checked against the
 * table), reads and writes the store through c->txn, and packs exactly one
 * result object into c->out on success.  On failure it returns a negative
 * LRL_E* code with c->fail naming the field and the reason, and must not
 * have packed anything; the executor aborts its transaction.
 *
 * Handlers are deterministic: time comes only from c->now (the event's
 * time), never from the clock, so replaying the log rebuilds the state.
 */
#ifndef LAUREL_HANDLER_H
#define LAUREL_HANDLER_H

#include <msgpack.h>
#include <stdint.h>

#include "laurel/action.h"
#include "laurel/limits.h"
#include "laurel/mp.h"
#include "laurel/store.h"
#include "laurel/users.h"

/* Facts about the server and its store that handlers may need. */
struct srv_ident {
	uint8_t server_id[LRL_SERVER_ID_LEN];
	uint8_t server_pk[LRL_PK_LEN];
	int test_mode;
	uint64_t kdf_ops, kdf_mem;
	char store_dir[LRL_PATH_MAX];
	/* The server's secret key for signing checkpoints (sodium_malloc'd);
	 * NULL where no signing is done (verify). */
	const uint8_t *server_sk;
	/* laurel.conf's [hospital] parent and place: the issuer block and
	 * the date line of reports ("" when not set). */
	char parent[256];
	char place[128];
};

struct lrl_ctx {
	store_txn *txn;
	const struct srv_ident *ident;
	const struct lrl_action *action;
	const msgpack_object *params;
	uint64_t seq;  /* the event this command becomes (0 for queries) */
	int64_t now;   /* event time (commands) or server time (queries) */
	uint64_t actor_id;            /* 0: the server itself */
	const struct user_rec *actor; /* NULL for the server */
	enum lrl_scope scope;         /* widest scope the actor's roles give */
	msgpack_packer *out;
	struct lrl_fail fail;
	/* Filled by audit.verify's handler to ask the server to run the
	 * verification outside the event loop. */
	int defer_verify;
	/* Server data of the event (evlog.h).  Live, a handler that decides
	 * something the request does not carry packs exactly one object into
	 * data and sets has_data; the executor records it in the event.
	 * Replaying, recorded holds what the event recorded (NULL when
	 * nothing) and the handler must take its decision from there, and
	 * pack the same object again. */
	mp_buf *data;
	int has_data;
	const msgpack_object *recorded;
	int replaying;
};

typedef int (*lrl_handler)(struct lrl_ctx *c);

/* The handler bound to an action id. */
lrl_handler handler_for(int action_id);

/* Where a command came from (server-attested, not signed), and the key
 * its signature was already checked against by the caller (NULL: check
 * it here).  The executor trusts that check only when the key is still
 * the author's current key. */
struct exec_origin {
	uint32_t uid;
	int32_t pid;
	const uint8_t *verified_pk;
	/* Replaying an event (verify): 1, and the server data it recorded
	 * (NULL when none). */
	int replay;
	const uint8_t *data;
	size_t data_len;
	/* Set by a caller that has the signature checked elsewhere and keeps
	 * the commit from taking effect until that check says yes (see
	 * store_commit_gated): the key it is checked against.  When that is
	 * still the author's current key, the executor leaves the signature
	 * to the caller and sets *deferred to 1. */
	const uint8_t *deferred_pk;
	int *deferred;
};

/*
 * Runs one signed command inside t (the caller's transaction, normally a
 * child of the group commit): decodes the request, checks the server id,
 * the action, the signature with the actor's current key (the server's key
 * for actor 0, which may only create the store), the account's state, the
 * parameters and the permission; runs the handler; appends the event.
 * On success the handler's result is in out and *seq_out is the event
 * number.  On failure f says why and nothing must be kept from t.
 */
int exec_command(store_txn *t, const struct srv_ident *id, const uint8_t *req,
                 size_t req_len, const uint8_t *sig, int64_t now,
                 struct exec_origin origin, msgpack_packer *out,
                 uint64_t *seq_out, struct lrl_fail *f);

/* Runs a query for actor inside the read transaction t. */
int exec_query(store_txn *t, const struct srv_ident *id,
               const struct lrl_action *a, const msgpack_object *params,
               uint64_t actor, int64_t now, msgpack_packer *out,
               struct lrl_fail *f, int *defer_verify);

/* Loads the server identity from the store's meta database. */
int ident_load(store_txn *t, const char *dir, struct srv_ident *id);

/* Parameter helpers for handlers: the value, or NULL/0 when absent. */
const msgpack_object *ctx_param(struct lrl_ctx *c, const char *name);
/* Copies a text parameter, cleaned (NFC, trimmed) into a malloc'd string;
 * returns 0, LRL_ENOENT when absent, or LRL_EINVAL with c->fail set. */
int ctx_text(struct lrl_ctx *c, const char *name, char **out);
/* Copies a short string parameter into buf. */
int ctx_strbuf(struct lrl_ctx *c, const char *name, char *buf, size_t n);
int ctx_int(struct lrl_ctx *c, const char *name, int64_t *v);

/* Packs the standard result shapes (see action.h). */
void result_message(msgpack_packer *pk, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
