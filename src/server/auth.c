/* auth.c — challenge-response logins with back-off (see auth.h). */
#include "laurel/auth.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "laurel/err.h"
#include "laurel/text.h"
#include "laurel/users.h"
#include "laurel/wire.h"

struct fail_state {
	uint32_t failures;
	int64_t until; /* no attempt accepted before this time */
};

struct unknown_slot {
	uint8_t tag[16]; /* keyed hash of the name */
	struct fail_state st;
	int64_t touched;
};

struct auth {
	uint8_t secret[32];
	int failures_max;
	int64_t lockout_s;
	int64_t backoff_max_s;
	struct unknown_slot *unknown;
	size_t nunknown;
	uint8_t dummy_pk[LRL_PK_LEN];
};

int auth_new(const struct lrl_config *cfg, const uint8_t *secret, auth **out)
{
	auth *a = calloc(1, sizeof *a);
	uint8_t sk[LRL_SK_LEN];

	*out = NULL;
	if (a == NULL)
		return LRL_ENOMEM;
	a->unknown = calloc(LRL_UNKNOWN_NAMES_TRACKED, sizeof *a->unknown);
	if (a->unknown == NULL) {
		free(a);
		return LRL_ENOMEM;
	}
	a->nunknown = LRL_UNKNOWN_NAMES_TRACKED;
	memcpy(a->secret, secret, sizeof a->secret);
	a->failures_max = cfg->lockout_failures;
	a->lockout_s = (int64_t)cfg->lockout_minutes * 60;
	a->backoff_max_s = cfg->backoff_max_seconds;
	/* A key nobody holds: unknown names are checked against it so that
	 * they cost the same as known ones. */
	crypto_sign_keypair(a->dummy_pk, sk);
	sodium_memzero(sk, sizeof sk);
	*out = a;
	return 0;
}

void auth_free(auth *a)
{
	if (a == NULL)
		return;
	sodium_memzero(a->secret, sizeof a->secret);
	free(a->unknown);
	free(a);
}

static void name_tag(auth *a, const char *name, size_t len, uint8_t *out,
                     size_t outlen)
{
	crypto_generichash(out, outlen, (const unsigned char *)name, len,
	                   a->secret, sizeof a->secret);
}

int auth_challenge(auth *a, store *st, const struct srv_ident *id,
                   const char *name, size_t len, uint8_t *salt,
                   uint64_t *ops, uint64_t *mem)
{
	store_txn *t;
	struct user_rec u;
	int rc;

	if ((rc = store_begin(st, NULL, 0, &t)) != 0)
		return rc;
	rc = users_find(t, name, len, &u);
	store_abort(t);
	if (rc == 0) {
		memcpy(salt, u.salt, LRL_SALT_LEN);
		*ops = u.ops;
		*mem = u.mem;
		return 0;
	}
	if (rc != LRL_ENOENT)
		return rc;
	name_tag(a, name, len, salt, LRL_SALT_LEN);
	*ops = id->kdf_ops;
	*mem = id->kdf_mem;
	return 0;
}

static struct unknown_slot *unknown_slot(auth *a, const char *name,
                                         size_t len, int64_t now)
{
	uint8_t tag[16];
	size_t oldest = 0;

	name_tag(a, name, len, tag, sizeof tag);
	for (size_t i = 0; i < a->nunknown; i++) {
		if (sodium_memcmp(a->unknown[i].tag, tag, sizeof tag) == 0)
			return &a->unknown[i];
		if (a->unknown[i].touched < a->unknown[oldest].touched)
			oldest = i;
	}
	memset(&a->unknown[oldest], 0, sizeof a->unknown[oldest]);
	memcpy(a->unknown[oldest].tag, tag, sizeof tag);
	a->unknown[oldest].touched = now;
	return &a->unknown[oldest];
}

static void state_load(store_txn *t, const char *name, size_t len,
                       struct fail_state *s)
{
	const void *v;
	size_t vl;

	memset(s, 0, sizeof *s);
	if (store_get(t, STORE_DB_LOGINS, name, len, &v, &vl) == 0 && vl == 12) {
		s->failures = wire_get_be32(v);
		s->until = (int64_t)wire_get_be64((const uint8_t *)v + 4);
	}
}

static int state_save(store_txn *t, const char *name, size_t len,
                      const struct fail_state *s)
{
	uint8_t v[12];

	if (s->failures == 0 && s->until == 0) {
		int rc = store_del(t, STORE_DB_LOGINS, name, len);
		return rc == LRL_ENOENT ? 0 : rc;
	}
	wire_put_be32(v, s->failures);
	wire_put_be64(v + 4, (uint64_t)s->until);
	return store_put(t, STORE_DB_LOGINS, name, len, v, sizeof v, 0);
}

static void log_event(const char *what, const char *name, size_t len,
                      uid_t uid, int64_t extra)
{
	char *safe = text_sanitize(name, len > 64 ? 64 : len, 0);

	syslog(LOG_AUTHPRIV | LOG_NOTICE, "%s user=\"%s\" uid=%u%s%lld", what,
	       safe ? safe : "?", (unsigned)uid, extra ? " wait_s=" : "",
	       extra ? (long long)extra : 0LL);
	free(safe);
}

int auth_prove(auth *a, store *st, const struct srv_ident *id, int64_t now,
               const char *name, size_t len, const uint8_t *nonce,
               const uint8_t *sig, uid_t peer_uid, uint32_t *user_id,
               int64_t *retry_after)
{
	store_txn *t = NULL;
	struct user_rec u;
	struct fail_state s, *sp;
	struct unknown_slot *slot = NULL;
	int known, ok, rc;
	mp_buf msg;
	char login[LRL_LOGIN_MAX + 1];

	*retry_after = 0;
	if ((rc = store_begin(st, NULL, 1, &t)) != 0)
		return rc;
	known = users_find(t, name, len, &u) == 0;
	if (known) {
		state_load(t, name, len, &s);
		sp = &s;
	} else {
		slot = unknown_slot(a, name, len, now);
		slot->touched = now;
		sp = &slot->st;
	}
	if (now < sp->until) {
		*retry_after = sp->until - now;
		log_event("login refused during back-off", name, len, peer_uid,
		          *retry_after);
		store_abort(t);
		return LRL_EAUTH;
	}
	/* The signed message names the login exactly as it was sent. */
	memset(login, 0, sizeof login);
	memcpy(login, name, len > LRL_LOGIN_MAX ? LRL_LOGIN_MAX : len);
	mp_buf_init(&msg);
	wire_login_message(&msg, id->server_id, nonce, login);
	ok = crypto_sign_verify_detached(sig, (const unsigned char *)msg.sb.data,
	                                 msg.sb.size,
	                                 known ? u.pk : a->dummy_pk) == 0;
	mp_buf_free(&msg);
	if (ok && known && !u.locked) {
		memset(sp, 0, sizeof *sp);
		rc = state_save(t, name, len, sp);
		if (rc == 0)
			rc = store_commit(t);
		else
			store_abort(t);
		if (rc == 0) {
			*user_id = u.id;
			syslog(LOG_AUTHPRIV | LOG_INFO, "login user=\"%s\" uid=%u",
			       u.login, (unsigned)peer_uid);
		}
		return rc;
	}
	sp->failures++;
	if ((int)sp->failures >= a->failures_max) {
		sp->until = now + a->lockout_s;
		sp->failures = 0;
		log_event("login failed; locked out", name, len, peer_uid,
		          a->lockout_s);
	} else {
		int64_t wait = 0;
		if (sp->failures >= 2) {
			wait = (int64_t)1 << (sp->failures - 2 > 20 ? 20 : sp->failures - 2);
			if (wait > a->backoff_max_s)
				wait = a->backoff_max_s;
		}
		sp->until = wait ? now + wait : 0;
		log_event(known && u.locked && ok ? "login refused: account locked"
		                                  : "login failed",
		          name, len, peer_uid, wait);
	}
	*retry_after = sp->until > now ? sp->until - now : 0;
	if (known && (rc = state_save(t, name, len, sp)) == 0)
		rc = store_commit(t);
	else
		store_abort(t), rc = 0;
	return rc == 0 ? LRL_EAUTH : rc;
}
