/* user.c — accounts: add, list, show, roles, lock, unlock, reset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/keys.h"
#include "laurel/wire.h"

int act_USER_ADD(struct lrl_ctx *c);
int act_USER_LIST(struct lrl_ctx *c);
int act_USER_SHOW(struct lrl_ctx *c);
int act_USER_GRANT(struct lrl_ctx *c);
int act_USER_REVOKE(struct lrl_ctx *c);
int act_USER_LOCK(struct lrl_ctx *c);
int act_USER_UNLOCK(struct lrl_ctx *c);
int act_USER_RESET(struct lrl_ctx *c);

/* Reads the derived key parameters of a new temporary password into u. */
static int take_key(struct lrl_ctx *c, struct user_rec *u)
{
	int64_t ops = 0, mem = 0;
	int rc;

	ctx_int(c, "ops", &ops);
	ctx_int(c, "mem", &mem);
	if ((rc = user_kdf_ok(c, ops, mem)) != 0)
		return rc;
	mp_get_bin_exact(ctx_param(c, "salt"), u->salt, LRL_SALT_LEN);
	mp_get_bin_exact(ctx_param(c, "pk"), u->pk, LRL_PK_LEN);
	u->ops = (uint64_t)ops;
	u->mem = (uint64_t)mem;
	u->must_change = 1;
	return 0;
}

/* Parses the role (and unit, for heads) parameters. */
static int take_role(struct lrl_ctx *c, int *role, uint32_t *unit)
{
	const msgpack_object *r = ctx_param(c, "role");
	int rc;

	*unit = 0;
	*role = action_role_find(r->via.str.ptr, r->via.str.size);
	if (*role == LRL_ROLE_HEAD) {
		if (ctx_param(c, "unit") == NULL)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "unit",
			                    "is required for the head role");
		if ((rc = unit_by_param(c, "unit", unit)) != 0)
			return rc;
	} else if (ctx_param(c, "unit") != NULL) {
		return lrl_fail_set(&c->fail, LRL_EINVAL, "unit",
		                    "applies only to the head role");
	}
	return 0;
}

/* Clears failed-login counters (operational state, not replayed). */
static void clear_failures(struct lrl_ctx *c, const char *login)
{
	store_del(c->txn, STORE_DB_LOGINS, login, strlen(login));
}

static int count_admins(store_txn *t, size_t *n)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	int rc;

	*n = 0;
	if ((rc = store_cursor_open(t, STORE_DB_USERS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct user_rec u;
		if (users_get(t, wire_get_be32(k), &u) == 0 && !u.locked &&
		    users_has_role(&u, LRL_ROLE_ADMIN, 0))
			(*n)++;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

int act_USER_ADD(struct lrl_ctx *c)
{
	struct user_rec u, other;
	char *name = NULL;
	int role = -1;
	uint32_t unit = 0;
	int rc;

	memset(&u, 0, sizeof u);
	ctx_strbuf(c, "login", u.login, sizeof u.login);
	if (users_find(c->txn, u.login, strlen(u.login), &other) == 0)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "login",
		                    "an account with the login '%s' already exists",
		                    u.login);
	if (ctx_param(c, "role") && (rc = take_role(c, &role, &unit)) != 0)
		return rc;
	if (ctx_param(c, "role") == NULL && ctx_param(c, "unit") != NULL)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "unit",
		                    "applies only to the head role");
	if ((rc = ctx_text(c, "full-name", &name)) != 0)
		return rc;
	snprintf(u.full_name, sizeof u.full_name, "%s", name);
	free(name);
	if ((rc = take_key(c, &u)) != 0)
		return rc;
	u.created = c->now;
	snprintf(u.lang, sizeof u.lang, "vi");
	if (role > LRL_ROLE_STAFF)
		users_add_role(&u, role, unit);
	if ((rc = users_put(c->txn, &u, 1)) != 0 ||
	    (rc = users_key_history(c->txn, u.id, c->seq, u.pk)) != 0)
		return rc;
	result_message(c->out,
	               "account %s created; it must choose a new password "
	               "at first login", u.login);
	return 0;
}

static const char *user_state(const struct user_rec *u)
{
	if (u->locked)
		return "locked";
	if (u->must_change)
		return "must change password";
	return "active";
}

int act_USER_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"login", "full-name", "roles",
	                                   "state"};
	char after[LRL_LOGIN_MAX + 1] = "", last[LRL_LOGIN_MAX + 1] = "";
	int64_t limit = LRL_PAGE_DEFAULT;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;
	mp_buf rows;
	int rc, more = 0;

	ctx_strbuf(c, "after", after, sizeof after);
	ctx_int(c, "limit", &limit);
	if ((rc = store_cursor_open(c->txn, STORE_DB_USER_NAMES, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	k = after;
	kl = strlen(after);
	rc = kl ? store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl)
	        : store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl);
	if (rc == 0 && kl == strlen(after) && memcmp(k, after, kl) == 0)
		rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl);
	for (; rc == 0; rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct user_rec u;
		char roles[512];
		if ((int64_t)n == limit) {
			more = 1;
			break;
		}
		if (vl != 4 || users_get(c->txn, wire_get_be32(v), &u) != 0) {
			rc = LRL_ECORRUPT;
			break;
		}
		user_roles_text(c->txn, &u, roles, sizeof roles);
		msgpack_pack_array(&rows.pk, 4);
		mp_pack_str(&rows.pk, u.login);
		mp_pack_str(&rows.pk, u.full_name);
		mp_pack_str(&rows.pk, roles);
		mp_pack_str(&rows.pk, user_state(&u));
		snprintf(last, sizeof last, "%s", u.login);
		n++;
	}
	store_cursor_close(cur);
	if (rc != 0 && rc != LRL_ENOENT) {
		mp_buf_free(&rows);
		return rc;
	}
	list_begin(c->out, cols, 4, n);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, more ? last : NULL);
	mp_buf_free(&rows);
	return 0;
}

int act_USER_SHOW(struct lrl_ctx *c)
{
	struct user_rec u;
	char roles[512], created[32];
	int rc;

	if ((rc = user_by_param(c, "login", &u)) != 0)
		return rc;
	if (c->scope != LRL_SC_A && c->actor && u.id != c->actor->id)
		return lrl_fail_set(&c->fail, LRL_EPERM, "login",
		                    "you may see only your own account");
	user_roles_text(c->txn, &u, roles, sizeof roles);
	date_format_time(u.created, created, sizeof created);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 6);
	mp_pack_kv_str(c->out, "login", u.login);
	mp_pack_kv_str(c->out, "full-name", u.full_name);
	mp_pack_kv_str(c->out, "roles", roles);
	mp_pack_kv_str(c->out, "state", user_state(&u));
	mp_pack_kv_str(c->out, "language", u.lang);
	mp_pack_kv_str(c->out, "created", created);
	return 0;
}

int act_USER_GRANT(struct lrl_ctx *c)
{
	struct user_rec u;
	int role, rc;
	uint32_t unit;

	if ((rc = user_by_param(c, "login", &u)) != 0 ||
	    (rc = take_role(c, &role, &unit)) != 0)
		return rc;
	if (role == LRL_ROLE_STAFF)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "role",
		                    "every account already holds the staff role");
	rc = users_add_role(&u, role, unit);
	if (rc == LRL_EEXIST)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "role",
		                    "%s already holds this role", u.login);
	if (rc != 0)
		return lrl_fail_set(&c->fail, rc, "role", "too many roles");
	if ((rc = users_put(c->txn, &u, 0)) != 0)
		return rc;
	result_message(c->out, "role %s granted to %s", action_role_name(role),
	               u.login);
	return 0;
}

int act_USER_REVOKE(struct lrl_ctx *c)
{
	struct user_rec u;
	int role, rc;
	uint32_t unit;
	size_t admins;

	if ((rc = user_by_param(c, "login", &u)) != 0 ||
	    (rc = take_role(c, &role, &unit)) != 0)
		return rc;
	if (role == LRL_ROLE_STAFF)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "role",
		                    "the staff role cannot be revoked");
	if (users_remove_role(&u, role, unit) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "role",
		                    "%s does not hold this role", u.login);
	if (role == LRL_ROLE_ADMIN) {
		if ((rc = count_admins(c->txn, &admins)) != 0)
			return rc;
		if (admins <= 1 && !u.locked)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "login",
			                    "at least one administrator must remain");
	}
	if ((rc = users_put(c->txn, &u, 0)) != 0)
		return rc;
	result_message(c->out, "role %s revoked from %s",
	               action_role_name(role), u.login);
	return 0;
}

static int set_locked(struct lrl_ctx *c, int locked)
{
	struct user_rec u;
	size_t admins;
	int rc;

	if ((rc = user_by_param(c, "login", &u)) != 0)
		return rc;
	if (locked && c->actor && u.id == c->actor->id)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "login",
		                    "you cannot lock your own account");
	if (locked && users_has_role(&u, LRL_ROLE_ADMIN, 0)) {
		if ((rc = count_admins(c->txn, &admins)) != 0)
			return rc;
		if (admins <= 1)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "login",
			                    "at least one administrator must remain");
	}
	if (locked && u.locked)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "login",
		                    "%s is already locked", u.login);
	if (!locked && !u.locked) {
		/* Not locked by an administrator: clearing the failed logins
		 * (a back-off or lock-out) is what is wanted. */
		clear_failures(c, u.login);
		result_message(c->out, "account %s was not locked; its failed "
		               "logins are cleared", u.login);
		return 0;
	}
	u.locked = locked;
	if ((rc = users_put(c->txn, &u, 0)) != 0)
		return rc;
	if (!locked)
		clear_failures(c, u.login);
	if (locked)
		result_message(c->out, "account %s locked", u.login);
	else
		result_message(c->out, "account %s unlocked", u.login);
	return 0;
}

int act_USER_LOCK(struct lrl_ctx *c)
{
	return set_locked(c, 1);
}

int act_USER_UNLOCK(struct lrl_ctx *c)
{
	return set_locked(c, 0);
}

int act_USER_RESET(struct lrl_ctx *c)
{
	struct user_rec u;
	int rc;

	if ((rc = user_by_param(c, "login", &u)) != 0)
		return rc;
	if ((rc = take_key(c, &u)) != 0)
		return rc;
	if ((rc = users_put(c->txn, &u, 0)) != 0 ||
	    (rc = users_key_history(c->txn, u.id, c->seq, u.pk)) != 0)
		return rc;
	clear_failures(c, u.login);
	result_message(c->out,
	               "password of %s reset; it must choose a new one at "
	               "next login", u.login);
	return 0;
}
