/* evlog.c — appending to and reading the hash-chained event log. */
#include "laurel/evlog.h"

#include <sodium.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/wire.h"

void evlog_hash(const void *v, size_t vl, uint8_t out[LRL_HASH_LEN])
{
	crypto_generichash(out, LRL_HASH_LEN, v, vl, NULL, 0);
}

int evlog_head(store_txn *t, uint64_t *count, uint8_t hash[LRL_HASH_LEN])
{
	const void *v;
	size_t vl;
	int rc = store_get(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
	                   EVLOG_HEAD_KEY_LEN, &v, &vl);

	*count = 0;
	memset(hash, 0, LRL_HASH_LEN);
	if (rc == LRL_ENOENT)
		return 0;
	if (rc != 0)
		return rc;
	if (vl != 8 + LRL_HASH_LEN)
		return LRL_ECORRUPT;
	*count = wire_get_be64(v);
	memcpy(hash, (const uint8_t *)v + 8, LRL_HASH_LEN);
	return 0;
}

int evlog_encode(void *buf, const struct evlog_event *ev)
{
	mp_buf *b = buf;

	mp_buf_reset(b);
	msgpack_pack_array(&b->pk, ev->data ? 10 : 9);
	msgpack_pack_uint32(&b->pk, EVLOG_FORMAT);
	msgpack_pack_uint64(&b->pk, ev->seq);
	msgpack_pack_int64(&b->pk, ev->time);
	msgpack_pack_uint64(&b->pk, ev->actor);
	msgpack_pack_uint32(&b->pk, ev->origin_uid);
	msgpack_pack_int32(&b->pk, ev->origin_pid);
	mp_pack_bin(&b->pk, ev->req, ev->req_len);
	mp_pack_bin(&b->pk, ev->sig, LRL_SIG_LEN);
	mp_pack_bin(&b->pk, ev->prev, LRL_HASH_LEN);
	if (ev->data)
		mp_pack_bin(&b->pk, ev->data, ev->data_len);
	return 0;
}

int evlog_put(store_txn *t, const struct evlog_event *ev)
{
	uint8_t key[8], head[8 + LRL_HASH_LEN];
	mp_buf b;
	int rc;

	if (ev->seq == 0 || ev->seq == UINT64_MAX) /* the head's key */
		return LRL_ECORRUPT;
	mp_buf_init(&b);
	evlog_encode(&b, ev);
	wire_put_be64(key, ev->seq);
	rc = store_put(t, STORE_DB_EVENTS, key, sizeof key, b.sb.data,
	               b.sb.size, 1);
	if (rc == LRL_EEXIST)
		rc = LRL_ECORRUPT;
	if (rc == 0) {
		wire_put_be64(head, ev->seq);
		evlog_hash(b.sb.data, b.sb.size, head + 8);
		rc = store_put(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
		               EVLOG_HEAD_KEY_LEN, head, sizeof head, 0);
	}
	mp_buf_free(&b);
	return rc;
}

int evlog_get(store_txn *t, uint64_t seq, const void **v, size_t *vl)
{
	uint8_t key[8];

	if (seq == UINT64_MAX) /* the head's key, not an event */
		return LRL_ENOENT;
	wire_put_be64(key, seq);
	return store_get(t, STORE_DB_EVENTS, key, sizeof key, v, vl);
}

int evlog_decode(msgpack_unpacked *u, const void *v, size_t vl,
                 struct evlog_event *ev)
{
	const msgpack_object *a;
	uint64_t fmt, uid;
	int64_t pid;
	const uint8_t *p;
	size_t n;

	if (mp_decode(u, v, vl) != 0 || u->data.type != MSGPACK_OBJECT_ARRAY ||
	    (u->data.via.array.size != 9 && u->data.via.array.size != 10))
		return LRL_ECORRUPT;
	a = u->data.via.array.ptr;
	if (mp_get_u64(&a[0], &fmt) != 0 || fmt != EVLOG_FORMAT ||
	    mp_get_u64(&a[1], &ev->seq) != 0 ||
	    mp_get_i64(&a[2], &ev->time) != 0 ||
	    mp_get_u64(&a[3], &ev->actor) != 0 ||
	    mp_get_u64(&a[4], &uid) != 0 || mp_get_i64(&a[5], &pid) != 0 ||
	    mp_get_bin(&a[6], &ev->req, &ev->req_len) != 0 ||
	    mp_get_bin(&a[7], &ev->sig, &n) != 0 || n != LRL_SIG_LEN ||
	    mp_get_bin(&a[8], &p, &n) != 0 || n != LRL_HASH_LEN)
		return LRL_ECORRUPT;
	ev->data = NULL;
	ev->data_len = 0;
	if (u->data.via.array.size == 10 &&
	    mp_get_bin(&a[9], &ev->data, &ev->data_len) != 0)
		return LRL_ECORRUPT;
	ev->origin_uid = (uint32_t)uid;
	ev->origin_pid = (int32_t)pid;
	memcpy(ev->prev, p, LRL_HASH_LEN);
	return 0;
}
