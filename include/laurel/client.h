/*
 * client.h — the client API that laurel's CLI and TUI share.
 *
 * A connection talks to one laureld over its Unix socket.  After a login
 * it holds the user's secret key (derived from the password, in
 * sodium_malloc'd memory) and signs every command with it; the password
 * itself is wiped as soon as the key is derived and never leaves the
 * process.
 *
 * Lifecycle: lrl_connect or lrl_connect_store → lrl_login → lrl_call… →
 * lrl_close.  Replies are owned by the caller (lrl_reply_free).  The
 * program must have called sodium_init() first (keys live in
 * sodium_malloc'd memory).
 */
#ifndef LAUREL_CLIENT_H
#define LAUREL_CLIENT_H

#include <msgpack.h>
#include <stddef.h>
#include <stdint.h>

#include "laurel/action.h"
#include "laurel/msg.h"

typedef struct lrl_conn lrl_conn;

struct lrl_reply {
	int code;                    /* 0, or the LRL_E* the server sent */
	const msgpack_object *body;  /* the OK body (NULL for errors) */
	char field[64];              /* the field an error concerns, or "" */
	char message[1024];          /* the server's reason, or "" */
	int64_t retry_after;         /* seconds, for login back-off */
	char fmt[256];               /* the message's format, or "" */
	char args[MSG_ARGS_MAX][MSG_ARG_LEN];
	int nargs;
	msgpack_unpacked u;
	char *frame;
};

struct lrl_session {
	uint32_t user_id;
	char login[LRL_LOGIN_MAX + 1];
	char full_name[LRL_NAME_MAX * 4 + 1];
	int must_change;
};

/* Connects to the server socket at path.  LRL_ECONN when unreachable. */
int lrl_connect(const char *path, lrl_conn **out);

/*
 * The embedded default: connects to the private server of the store in
 * dir (dir/laureld.sock), starting one when none runs.  The server is the
 * laureld installed beside this program (or on PATH); it exits by itself
 * once no client has been connected for a while.
 */
int lrl_connect_store(const char *dir, lrl_conn **out);

/* Closes the connection and wipes the key.  NULL is safe. */
void lrl_close(lrl_conn *c);

/*
 * Logs in.  On LRL_EAUTH, *retry_after (if not NULL) is the wait the
 * server imposes before the next attempt (0: none).  The password is not
 * kept.
 */
int lrl_login(lrl_conn *c, const char *login, const char *password,
              struct lrl_session *s, int64_t *retry_after);

/*
 * Calls an action.  params is a packed MessagePack map (params_len bytes).
 * Commands are signed.  *out receives the reply (also for refusals: check
 * (*out)->code); the return value is 0 when a reply arrived, or
 * LRL_ECONN / LRL_EPROTO when none did.
 */
int lrl_call(lrl_conn *c, const char *action, const void *params,
             size_t params_len, struct lrl_reply **out);

void lrl_reply_free(struct lrl_reply *r);

/* The reply's message (a refusal's reason, or a result's "message") in
 * the user's language: the format is looked up in the "laurel" message
 * catalogue and the arguments put back.  Writes into out (size n). */
void lrl_reply_text(const struct lrl_reply *r, char *out, size_t n);

/* An argument of a message that is one of the server's words for a state,
 * scope or discipline level ("published", "province", "warning"), put in
 * the user's language in place (arg holds MSG_ARG_LEN bytes). */
void lrl_arg_word(char *arg);

/* Format fmt from the "laurel" catalogue with the nargs arguments put
 * back, each word of lrl_arg_word in the user's language: 0, or -1 when
 * the catalogue has no translation of fmt (out is then untouched). */
int lrl_msg_apply(const char *fmt, char args[][MSG_ARG_LEN], int nargs,
                  char *out, size_t n);

/* A message the server sent as its English text, its format and its
 * arguments (msg.h), in the user's language (lrl_msg_apply), or the text
 * as sent when the catalogue has no translation.  Writes into out (size
 * n); a missing text gives "". */
void lrl_msg_text(const msgpack_object *text, const msgpack_object *fmt,
                  const msgpack_object *args, char *out, size_t n);

/* Packs the derived parameters of a new temporary password (salt, pk,
 * ops, mem) for AF_NEWPASS actions: 4 map entries, appended to pk. */
int lrl_pack_newpass(lrl_conn *c, const char *password, msgpack_packer *pk);

/* Changes the logged-in user's password (user.passwd): derives the new
 * key, signs the change with both keys, and switches to the new key. */
int lrl_passwd(lrl_conn *c, const char *new_password, struct lrl_reply **out);

/* Asks the server for change notifications; afterwards lrl_changed()
 * reports (and clears) whether the log grew since the last call. */
int lrl_watch(lrl_conn *c);
int lrl_changed(lrl_conn *c);
/* The socket, for poll(2) in interactive programs. */
int lrl_fd(lrl_conn *c);
/* Reads pending notifications without blocking. */
void lrl_drain(lrl_conn *c);

/* The session established by lrl_login. */
const struct lrl_session *lrl_session_of(lrl_conn *c);

/* Sends a raw payload and reads the reply (tests and fuzzing only). */
int lrl_raw(lrl_conn *c, const void *payload, size_t len,
            struct lrl_reply **out);

/* Testing aid: the request counter, so tests can replay a request. */
uint64_t lrl_counter(lrl_conn *c);
void lrl_set_counter(lrl_conn *c, uint64_t v);

/* Signs arbitrary request bytes with the session key (tests only). */
int lrl_call_signed_with(lrl_conn *c, const void *req, size_t len,
                         const uint8_t *sig, struct lrl_reply **out);
/* Builds the request bytes this session would send for action. */
int lrl_build_request(lrl_conn *c, const char *action, const void *params,
                      size_t params_len, uint64_t counter, void *mpbuf);
/* Signs bytes with the session key into sig (LRL_SIG_LEN). */
void lrl_sign(lrl_conn *c, const void *msg, size_t len, uint8_t *sig);

/*
 * Casts a secret ballot: reads the round's public key (round.show),
 * seals choice ("yes", "no" or "abstain") for nomination on this side,
 * and sends ballot.cast with the sealed bytes only.  Returns as lrl_call;
 * LRL_EINVAL (no reply) when the choice is unknown or the round has no
 * ballot key.
 */
int lrl_ballot(lrl_conn *c, uint32_t round, const char *nomination,
               const char *choice, struct lrl_reply **out);

/* The same from a typed parameter map of an AF_BALLOT action (round,
 * nomination, choice), as the CLI and the forms collect it. */
int lrl_ballot_params(lrl_conn *c, const msgpack_object *params,
                      struct lrl_reply **out);

/*
 * Shows messages in lang ("vi" or "en"; anything else is "vi"): binds the
 * "laurel" catalogue beside the program (a build tree) or the installed
 * one, and makes gettext use it.  The TUI calls it at start and when the
 * user switches language; the CLI before it renders a report, which is a
 * document in the user's language.
 */
void lrl_use_language(const char *lang);

#endif
