/* audit.c — the event log as users see it: checkpoint, verify, log. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/checkpoint.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/text.h"
#include "laurel/wire.h"

int act_AUDIT_CHECKPOINT(struct lrl_ctx *c);
int act_AUDIT_VERIFY(struct lrl_ctx *c);
int act_AUDIT_LOG(struct lrl_ctx *c);

int act_AUDIT_CHECKPOINT(struct lrl_ctx *c)
{
	struct checkpoint cp;
	char line[512], head[2 * LRL_HASH_LEN + 1], when[32];
	int rc;

	if (c->ident->server_sk == NULL)
		return LRL_ESTATE;
	memset(&cp, 0, sizeof cp);
	memcpy(cp.server_id, c->ident->server_id, LRL_SERVER_ID_LEN);
	if ((rc = evlog_head(c->txn, &cp.count, cp.head)) != 0)
		return rc;
	cp.time = c->now;
	checkpoint_sign(&cp, c->ident->server_sk);
	checkpoint_format(&cp, line, sizeof line);
	hex_encode(cp.head, LRL_HASH_LEN, head);
	date_format_time(cp.time, when, sizeof when);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 4);
	mp_pack_kv_int(c->out, "events", (int64_t)cp.count);
	mp_pack_kv_str(c->out, "head", head);
	mp_pack_kv_str(c->out, "time", when);
	mp_pack_kv_str(c->out, "checkpoint", line);
	return 0;
}

int act_AUDIT_VERIFY(struct lrl_ctx *c)
{
	/* Replaying a large log takes a while: the server runs it in a
	 * separate process and answers when it is done. */
	c->defer_verify = 1;
	return 0;
}

/* Does name match the filter ("noun.verb" exactly, or "noun")? */
static int action_matches(const char *filter, const char *name)
{
	size_t fl = strlen(filter);

	if (strcmp(filter, name) == 0)
		return 1;
	return strchr(filter, '.') == NULL && strncmp(name, filter, fl) == 0 &&
	       name[fl] == '.';
}

int act_AUDIT_LOG(struct lrl_ctx *c)
{
	static const char *const cols[] = {"event", "time", "user", "action",
	                                   "record", "from-uid", "signature"};
	char filt_action[80] = "", next[24] = "";
	int64_t after = 0, limit = LRL_PAGE_DEFAULT, since = LRL_DATE_MIN,
	        until = LRL_DATE_MAX;
	uint32_t only_user = 0;
	uint64_t last = 0;
	struct user_rec fu;
	size_t n = 0;
	mp_buf rows;
	int more = 0, rc;

	if (ctx_param(c, "user")) {
		if ((rc = user_by_param(c, "user", &fu)) != 0)
			return rc;
		only_user = fu.id;
	}
	ctx_strbuf(c, "action", filt_action, sizeof filt_action);
	ctx_int(c, "after", &after);
	ctx_int(c, "limit", &limit);
	ctx_int(c, "since", &since);
	ctx_int(c, "until", &until);
	mp_buf_init(&rows);
	for (uint64_t seq = (uint64_t)after + 1;; seq++) {
		const void *v;
		size_t vl;
		msgpack_unpacked ue, ur;
		struct evlog_event ev;
		struct wire_req r;
		const struct lrl_action *a = NULL;
		char when[32], who[LRL_LOGIN_MAX + 1] = "(server)", subj[128] = "";
		char aname[64] = "?";
		const char *sig = "bad";
		uint8_t pk[LRL_PK_LEN];
		int32_t day;

		rc = evlog_get(c->txn, seq, &v, &vl);
		if (rc == LRL_ENOENT) {
			rc = 0;
			break;
		}
		if (rc != 0)
			break;
		if ((int64_t)n == limit) {
			more = 1;
			break;
		}
		msgpack_unpacked_init(&ue);
		msgpack_unpacked_init(&ur);
		if (evlog_decode(&ue, v, vl, &ev) != 0 ||
		    wire_req_decode(&ur, ev.req, ev.req_len, &r) != 0) {
			msgpack_unpacked_destroy(&ue);
			msgpack_unpacked_destroy(&ur);
			rc = LRL_ECORRUPT;
			break;
		}
		day = date_of_time(ev.time);
		a = action_find(r.action, r.action_len);
		snprintf(aname, sizeof aname, "%.*s",
		         (int)(r.action_len > 60 ? 60 : r.action_len), r.action);
		if ((only_user && ev.actor != only_user) || day < since ||
		    day > until ||
		    (filt_action[0] && !action_matches(filt_action, aname))) {
			msgpack_unpacked_destroy(&ue);
			msgpack_unpacked_destroy(&ur);
			last = seq;
			continue;
		}
		if (ev.actor == 0) {
			memcpy(pk, c->ident->server_pk, LRL_PK_LEN);
		} else {
			struct user_rec u;
			if (users_get(c->txn, (uint32_t)ev.actor, &u) == 0)
				snprintf(who, sizeof who, "%s", u.login);
			if (users_key_at(c->txn, (uint32_t)ev.actor, seq, pk) != 0)
				memset(pk, 0, sizeof pk);
		}
		if (crypto_sign_verify_detached(ev.sig, ev.req, ev.req_len, pk) == 0)
			sig = "valid";
		if (a)
			action_subject_text(a, r.params, subj, sizeof subj);
		date_format_time(ev.time, when, sizeof when);
		msgpack_pack_array(&rows.pk, 7);
		msgpack_pack_uint64(&rows.pk, seq);
		mp_pack_str(&rows.pk, when);
		mp_pack_str(&rows.pk, who);
		mp_pack_str(&rows.pk, aname);
		mp_pack_str(&rows.pk, subj);
		msgpack_pack_uint32(&rows.pk, ev.origin_uid);
		mp_pack_str(&rows.pk, sig);
		msgpack_unpacked_destroy(&ue);
		msgpack_unpacked_destroy(&ur);
		n++;
		last = seq;
	}
	if (rc != 0) {
		mp_buf_free(&rows);
		return rc;
	}
	snprintf(next, sizeof next, "%" PRIu64, last);
	list_begin(c->out, cols, 7, n);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, more ? next : NULL);
	mp_buf_free(&rows);
	return 0;
}
