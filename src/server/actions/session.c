/* session.c — the store's genesis, who am I, and changing one's password. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/handler.h"
#include "laurel/keys.h"
#include "laurel/roster.h"
#include "laurel/wire.h"

int act_STORE_INIT(struct lrl_ctx *c);
int act_SESSION_WHOAMI(struct lrl_ctx *c);
int act_USER_PASSWD(struct lrl_ctx *c);
int act_USER_LANG(struct lrl_ctx *c);

int act_USER_LANG(struct lrl_ctx *c)
{
	struct user_rec u = *c->actor;
	int rc;

	ctx_strbuf(c, "language", u.lang, sizeof u.lang);
	if (strcmp(u.lang, c->actor->lang) == 0)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "language",
		                    "is already %s", u.lang);
	if ((rc = users_put(c->txn, &u, 0)) != 0)
		return rc;
	result_message(c->out, "language set to %s", u.lang);
	return 0;
}

#include "laurel/acthelp.h"
int user_kdf_ok(struct lrl_ctx *c, int64_t ops, int64_t mem)
{
	if (!c->ident->test_mode &&
	    ((uint64_t)ops < KEYS_OPS_PROD || (uint64_t)mem < KEYS_MEM_PROD))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "ops",
		                    "the key was derived with test parameters, "
		                    "which a production store refuses");
	return 0;
}

int act_STORE_INIT(struct lrl_ctx *c)
{
	struct user_rec u;
	char *name = NULL, *hospital = NULL;
	int64_t ops, mem;
	int rc;

	memset(&u, 0, sizeof u);
	if ((rc = ctx_strbuf(c, "login", u.login, sizeof u.login)) != 0 ||
	    (rc = ctx_text(c, "full-name", &name)) != 0 ||
	    (rc = ctx_text(c, "hospital", &hospital)) != 0)
		goto out;
	ctx_int(c, "ops", &ops);
	ctx_int(c, "mem", &mem);
	if ((rc = user_kdf_ok(c, ops, mem)) != 0)
		goto out;
	snprintf(u.full_name, sizeof u.full_name, "%s", name);
	mp_get_bin_exact(ctx_param(c, "salt"), u.salt, LRL_SALT_LEN);
	mp_get_bin_exact(ctx_param(c, "pk"), u.pk, LRL_PK_LEN);
	u.ops = (uint64_t)ops;
	u.mem = (uint64_t)mem;
	u.created = c->now;
	snprintf(u.lang, sizeof u.lang, "vi");
	users_add_role(&u, LRL_ROLE_ADMIN, 0);
	if ((rc = users_put(c->txn, &u, 1)) != 0 ||
	    (rc = users_key_history(c->txn, u.id, c->seq, u.pk)) != 0)
		goto out;
	rc = store_put(c->txn, STORE_DB_STATE, "hospital", 8, hospital,
	               strlen(hospital), 0);
	if (rc != 0)
		goto out;
	result_message(c->out, "store created; administrator %s", u.login);
out:
	free(name);
	free(hospital);
	return rc;
}

void user_roles_text(store_txn *t, const struct user_rec *u, char *buf,
                     size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	used += (size_t)snprintf(buf, n, "staff");
	for (unsigned i = 0; i < u->nroles && used < n; i++) {
		char code[LRL_CODE_MAX + 1] = "";
		if (u->roles[i].role == LRL_ROLE_STAFF)
			continue;
		if (u->roles[i].unit) {
			uint8_t key[4];
			const void *v;
			size_t vl;
			wire_put_be32(key, u->roles[i].unit);
			/* units: id → record whose field 1 is the code */
			if (store_get(t, STORE_DB_UNITS, key, 4, &v, &vl) == 0) {
				msgpack_unpacked up;
				msgpack_unpacked_init(&up);
				if (mp_decode(&up, v, vl) == 0)
					mp_get_strbuf(mp_map_geti(&up.data, 1), code,
					              sizeof code);
				msgpack_unpacked_destroy(&up);
			}
		}
		used += (size_t)snprintf(buf + used, n - used, ", %s%s%s",
		                         action_role_name(u->roles[i].role),
		                         code[0] ? ":" : "", code);
	}
}

int act_SESSION_WHOAMI(struct lrl_ctx *c)
{
	char roles[512], hospital[HOSPITAL_NAME_BUF];
	char staff[LRL_CODE_MAX + 1] = "", unit[ROSTER_TEXT_MAX] = "";

	if (c->actor == NULL)
		return LRL_EPERM;
	hospital_name(c->txn, hospital, sizeof hospital);
	user_roles_text(c->txn, c->actor, roles, sizeof roles);
	if (c->actor->staff_id) {
		struct staff_rec st;
		struct unit_rec un;
		if (staff_get(c->txn, c->actor->staff_id, &st) == 0) {
			snprintf(staff, sizeof staff, "%s", st.code);
			if (unit_get(c->txn, st.unit, &un) == 0)
				snprintf(unit, sizeof unit, "%s", un.name);
		}
	}
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 8);
	mp_pack_kv_str(c->out, "login", c->actor->login);
	mp_pack_kv_str(c->out, "staff", staff);
	mp_pack_kv_str(c->out, "unit", unit);
	mp_pack_kv_str(c->out, "full-name", c->actor->full_name);
	mp_pack_kv_str(c->out, "roles", roles);
	mp_pack_kv_str(c->out, "hospital", hospital);
	mp_pack_kv_str(c->out, "language", c->actor->lang);
	mp_pack_str(c->out, "must-change-password");
	c->actor->must_change ? msgpack_pack_true(c->out)
	                      : msgpack_pack_false(c->out);
	return 0;
}

int act_USER_PASSWD(struct lrl_ctx *c)
{
	struct user_rec u = *c->actor;
	uint8_t proof[LRL_SIG_LEN];
	int64_t ops, mem;
	mp_buf b;
	int rc;

	mp_get_bin_exact(ctx_param(c, "salt"), u.salt, LRL_SALT_LEN);
	mp_get_bin_exact(ctx_param(c, "pk"), u.pk, LRL_PK_LEN);
	mp_get_bin_exact(ctx_param(c, "proof"), proof, LRL_SIG_LEN);
	ctx_int(c, "ops", &ops);
	ctx_int(c, "mem", &mem);
	if ((rc = user_kdf_ok(c, ops, mem)) != 0)
		return rc;
	if (memcmp(u.pk, c->actor->pk, LRL_PK_LEN) == 0)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "password",
		                    "the new password must differ from the old one");
	mp_buf_init(&b);
	wire_rotate_message(&b, c->ident->server_id, u.id, u.pk, u.salt);
	rc = crypto_sign_verify_detached(proof, (const unsigned char *)b.sb.data,
	                                 b.sb.size, u.pk);
	mp_buf_free(&b);
	if (rc != 0)
		return lrl_fail_set(&c->fail, LRL_ESIG, "proof",
		                    "the new key did not sign the change");
	u.ops = (uint64_t)ops;
	u.mem = (uint64_t)mem;
	u.must_change = 0;
	if ((rc = users_put(c->txn, &u, 0)) != 0 ||
	    (rc = users_key_history(c->txn, u.id, c->seq, u.pk)) != 0)
		return rc;
	result_message(c->out, "password changed");
	return 0;
}
