/*
 * auth.h — logins: challenges, proofs, back-off and lock-out.
 *
 * A login is two messages.  LOGIN names the account; the answer carries
 * the account's salt and KDF cost and a fresh nonce — for an unknown name,
 * a salt derived from the name with a server secret, so that the answer
 * has the same shape and timing.  PROVE carries the signature of
 * wire_login_message(); it is checked against the account's key.
 *
 * Failures count per login name (accounts in the store's logins database,
 * unknown names in a bounded in-memory table).  After failure n the next
 * attempt waits 2^(n-2) seconds (n ≥ 2, at most backoff_max_seconds);
 * at lockout_failures the name is locked out for lockout_minutes.  Every
 * failure and lock-out goes to syslog (LOG_AUTHPRIV) with escaped fields.
 */
#ifndef LAUREL_AUTH_H
#define LAUREL_AUTH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "laurel/config.h"
#include "laurel/handler.h"
#include "laurel/store.h"

typedef struct auth auth;

/* secret: 32 bytes the fake salts are derived with. */
int auth_new(const struct lrl_config *cfg, const uint8_t *secret,
             auth **out);
void auth_free(auth *a);

/* The salt and KDF cost to send for name (real or derived). */
int auth_challenge(auth *a, store *st, const struct srv_ident *id,
                   const char *name, size_t len, uint8_t *salt,
                   uint64_t *ops, uint64_t *mem);

/*
 * Checks a login proof.  On success returns 0 and *user_id.  On failure
 * returns LRL_EAUTH and *retry_after (seconds until the next attempt is
 * accepted; 0 when it may be made at once).
 */
int auth_prove(auth *a, store *st, const struct srv_ident *id, int64_t now,
               const char *name, size_t len, const uint8_t *nonce,
               const uint8_t *sig, uid_t peer_uid, uint32_t *user_id,
               int64_t *retry_after);

#endif
