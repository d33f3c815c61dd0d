/* exec.c — checking and running actions; the handler table (handler.h). */
#include "laurel/handler.h"
#include "laurel/report.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/text.h"
#include "laurel/wire.h"

#define X(id, name, kind, flags, pol, help) int act_##id(struct lrl_ctx *c);
LRL_ACTIONS(X)
#undef X

static const lrl_handler handlers[LRL_ACTION_COUNT] = {
#define X(id, name, kind, flags, pol, help) [LRL_A_##id] = act_##id,
	LRL_ACTIONS(X)
#undef X
};

lrl_handler handler_for(int action_id)
{
	if (action_id < 0 || action_id >= LRL_ACTION_COUNT)
		return NULL;
	return handlers[action_id];
}

int ident_load(store_txn *t, const char *dir, struct srv_ident *id)
{
	const void *v;
	size_t vl;
	int rc;

	memset(id, 0, sizeof *id);
	snprintf(id->store_dir, sizeof id->store_dir, "%s", dir);
	if ((rc = store_get(t, STORE_DB_META, "server_id", 9, &v, &vl)) != 0 ||
	    vl != LRL_SERVER_ID_LEN)
		return rc ? rc : LRL_ECORRUPT;
	memcpy(id->server_id, v, vl);
	if ((rc = store_get(t, STORE_DB_META, "server_pk", 9, &v, &vl)) != 0 ||
	    vl != LRL_PK_LEN)
		return rc ? rc : LRL_ECORRUPT;
	memcpy(id->server_pk, v, vl);
	if ((rc = store_get(t, STORE_DB_META, "test_mode", 9, &v, &vl)) != 0 ||
	    vl != 1)
		return rc ? rc : LRL_ECORRUPT;
	id->test_mode = *(const uint8_t *)v != 0;
	if ((rc = store_get(t, STORE_DB_META, "kdf", 3, &v, &vl)) != 0 ||
	    vl != 16)
		return rc ? rc : LRL_ECORRUPT;
	id->kdf_ops = wire_get_be64(v);
	id->kdf_mem = wire_get_be64((const uint8_t *)v + 8);
	return 0;
}

const msgpack_object *ctx_param(struct lrl_ctx *c, const char *name)
{
	const msgpack_object *v = mp_map_get(c->params, name);

	return v && v->type != MSGPACK_OBJECT_NIL ? v : NULL;
}

int ctx_text(struct lrl_ctx *c, const char *name, char **out)
{
	const msgpack_object *v = ctx_param(c, name);
	const struct lrl_param *p = action_param(c->action, name, strlen(name));
	const char *why = NULL;

	*out = NULL;
	if (v == NULL || p == NULL)
		return LRL_ENOENT;
	if (text_clean(v->via.str.ptr, v->via.str.size, (size_t)p->min,
	               (size_t)p->max, p->type == LRL_PT_TEXT, out, &why) != 0)
		return lrl_fail_set(&c->fail, LRL_EINVAL, p->name, "%s",
		                    why ? why : "is not valid text");
	return 0;
}

int ctx_strbuf(struct lrl_ctx *c, const char *name, char *buf, size_t n)
{
	const msgpack_object *v = ctx_param(c, name);

	if (v == NULL)
		return LRL_ENOENT;
	if (mp_get_strbuf(v, buf, n) != 0)
		return lrl_fail_set(&c->fail, LRL_EINVAL, name,
		                    "at most %zu bytes", n - 1);
	return 0;
}

int ctx_int(struct lrl_ctx *c, const char *name, int64_t *v)
{
	const msgpack_object *o = ctx_param(c, name);

	if (o == NULL)
		return LRL_ENOENT;
	return mp_get_i64(o, v);
}

void result_message(msgpack_packer *pk, const char *fmt, ...)
{
	char buf[512];
	struct msg_args m;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	msg_capture(&m, fmt, ap);
	va_end(ap);
	msgpack_pack_map(pk, 3);
	mp_pack_kv_str(pk, "message", buf);
	wire_pack_msg(pk, &m);
}

/* Fills the actor part of c; refuses locked accounts and, while a new
 * password is due, anything but choosing one. */
static int load_actor(struct lrl_ctx *c, struct user_rec *u, uint64_t actor,
                      struct lrl_fail *f)
{
	int rc;

	c->actor_id = actor;
	if (actor == 0) {
		c->actor = NULL;
		c->scope = LRL_SC_A;
		return 0;
	}
	rc = users_get(c->txn, (uint32_t)actor, u);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(f, LRL_EAUTH, NULL, "no such account");
	if (rc != 0)
		return rc;
	if (u->locked)
		return lrl_fail_set(f, LRL_EPERM, NULL,
		                    "this account is locked");
	if (u->must_change && !(c->action->flags & AF_MUSTCHANGE))
		return lrl_fail_set(f, LRL_EMUSTCHANGE, NULL,
		                    "choose a new password first "
		                    "(laurel passwd)");
	c->actor = u;
	c->scope = action_scope(c->action, users_role_bits(u));
	if (c->scope == LRL_SC_N) {
		char roles[160] = "";
		unsigned bits = users_role_bits(u);
		for (int r = 0; r < LRL_ROLE_COUNT; r++)
			if (bits & (1u << r)) {
				if (roles[0])
					strcat(roles, ", ");
				strcat(roles, action_role_name(r));
			}
		return lrl_fail_set(f, LRL_EPERM, NULL,
		                    "your roles (%s) do not allow %s", roles,
		                    c->action->name);
	}
	return 0;
}

int exec_command(store_txn *t, const struct srv_ident *id, const uint8_t *req,
                 size_t req_len, const uint8_t *sig, int64_t now,
                 struct exec_origin origin, msgpack_packer *out,
                 uint64_t *seq_out, struct lrl_fail *f)
{
	msgpack_unpacked u;
	struct wire_req r;
	struct lrl_ctx c;
	struct user_rec actor;
	struct evlog_event ev;
	uint8_t head[LRL_HASH_LEN];
	const uint8_t *pk;
	uint64_t count;
	msgpack_unpacked ud;
	mp_buf data;
	int rc;

	memset(&c, 0, sizeof c);
	msgpack_unpacked_init(&u);
	msgpack_unpacked_init(&ud);
	mp_buf_init(&data);
	c.data = &data;
	c.replaying = origin.replay;
	if (origin.data) {
		if (mp_decode(&ud, origin.data, origin.data_len) != 0) {
			rc = lrl_fail_set(f, LRL_ECORRUPT, NULL,
			                  "the event's server data cannot be decoded");
			goto out;
		}
		c.recorded = &ud.data;
	}
	if ((rc = wire_req_decode(&u, req, req_len, &r)) != 0) {
		rc = lrl_fail_set(f, LRL_EPROTO, NULL, "malformed request");
		goto out;
	}
	if (memcmp(r.server_id, id->server_id, LRL_SERVER_ID_LEN) != 0) {
		rc = lrl_fail_set(f, LRL_ESIG, NULL,
		                  "request signed for another server");
		goto out;
	}
	c.action = action_find(r.action, r.action_len);
	if (c.action == NULL || c.action->kind != LRL_CMD) {
		rc = lrl_fail_set(f, LRL_EINVAL, "action",
		                  "unknown command '%.*s'",
		                  (int)(r.action_len > 64 ? 64 : r.action_len),
		                  r.action);
		goto out;
	}
	c.txn = t;
	c.ident = id;
	c.params = r.params;
	c.now = now;
	c.out = out;
	if ((rc = evlog_head(t, &count, head)) != 0)
		goto out;
	c.seq = count + 1;
	/* The server's own key signs only the store's first event. */
	if ((r.user_id == 0) != (c.action->id == LRL_A_STORE_INIT) ||
	    (r.user_id == 0 && count != 0)) {
		rc = lrl_fail_set(f, LRL_EPERM, NULL,
		                  "only the store's creation is signed by the server");
		goto out;
	}
	if (r.user_id == 0) {
		pk = id->server_pk;
	} else {
		rc = users_get(t, (uint32_t)r.user_id, &actor);
		if (rc != 0) {
			rc = lrl_fail_set(f, LRL_EAUTH, NULL, "no such account");
			goto out;
		}
		pk = actor.pk;
	}
	if (origin.deferred_pk &&
	    sodium_memcmp(origin.deferred_pk, pk, LRL_PK_LEN) == 0)
		*origin.deferred = 1;
	else if (!(origin.verified_pk &&
	           sodium_memcmp(origin.verified_pk, pk, LRL_PK_LEN) == 0) &&
	         crypto_sign_verify_detached(sig, req, req_len, pk) != 0) {
		rc = lrl_fail_set(f, LRL_ESIG, NULL,
		                  "the signature does not match the account's key");
		goto out;
	}
	if ((rc = load_actor(&c, &actor, r.user_id, f)) != 0)
		goto out;
	if ((rc = action_check_params(c.action, r.params, f)) != 0)
		goto out;
	rc = handlers[c.action->id](&c);
	if (rc != 0) {
		if (c.fail.reason[0] || c.fail.field)
			*f = c.fail;
		else
			lrl_fail_set(f, rc, NULL, "%s", lrl_strerror(rc));
		goto out;
	}
	memset(&ev, 0, sizeof ev);
	ev.time = now;
	ev.actor = r.user_id;
	ev.origin_uid = origin.uid;
	ev.origin_pid = origin.pid;
	ev.req = req;
	ev.req_len = req_len;
	ev.sig = sig;
	if (c.has_data) {
		ev.data = (const uint8_t *)data.sb.data;
		ev.data_len = data.sb.size;
	}
	/* Chained to the head read above, in this transaction. */
	ev.seq = c.seq;
	memcpy(ev.prev, head, LRL_HASH_LEN);
	if ((rc = evlog_put(t, &ev)) != 0)
		goto out;
	if (seq_out)
		*seq_out = ev.seq;
out:
	msgpack_unpacked_destroy(&u);
	msgpack_unpacked_destroy(&ud);
	mp_buf_free(&data);
	return rc;
}

int exec_query(store_txn *t, const struct srv_ident *id,
               const struct lrl_action *a, const msgpack_object *params,
               uint64_t actor, int64_t now, msgpack_packer *out,
               struct lrl_fail *f, int *defer_verify)
{
	struct lrl_ctx c;
	struct user_rec u;
	int rc;

	memset(&c, 0, sizeof c);
	c.txn = t;
	c.ident = id;
	c.action = a;
	c.params = params;
	c.now = now;
	c.out = out;
	if (a->kind != LRL_QRY)
		return lrl_fail_set(f, LRL_EINVAL, "action",
		                    "%s changes data and must be signed", a->name);
	if ((rc = load_actor(&c, &u, actor, f)) != 0)
		return rc;
	if ((rc = action_check_params(a, params, f)) != 0)
		return rc;
	{
		int model = 0;
		/* A list that is also a report answers with the report model
		 * when asked for it (report.h). */
		mp_get_bool(mp_map_get(params, "model"), &model);
		if ((a->flags & AF_REPORT) && (a->flags & AF_LIST) && model)
			rc = rpt_wrap_list(&c, handlers[a->id], a->help);
		else
			rc = handlers[a->id](&c);
	}
	if (rc != 0) {
		if (c.fail.reason[0] || c.fail.field)
			*f = c.fail;
		else
			lrl_fail_set(f, rc, NULL, "%s", lrl_strerror(rc));
	}
	if (defer_verify)
		*defer_verify = c.defer_verify;
	return rc;
}
