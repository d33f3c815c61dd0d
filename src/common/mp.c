/* mp.c — msgpack helpers (see mp.h). */
#include "laurel/mp.h"

#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"

void mp_buf_init(mp_buf *b)
{
	msgpack_sbuffer_init(&b->sb);
	msgpack_packer_init(&b->pk, &b->sb, msgpack_sbuffer_write);
}

void mp_buf_free(mp_buf *b)
{
	msgpack_sbuffer_destroy(&b->sb);
	memset(&b->sb, 0, sizeof b->sb);
}

void mp_buf_reset(mp_buf *b)
{
	b->sb.size = 0;
}

int mp_pack_strn(msgpack_packer *pk, const char *s, size_t len)
{
	if (msgpack_pack_str(pk, len) != 0)
		return -1;
	return msgpack_pack_str_body(pk, s, len);
}

int mp_pack_str(msgpack_packer *pk, const char *s)
{
	return mp_pack_strn(pk, s, strlen(s));
}

int mp_pack_raw(msgpack_packer *pk, const void *p, size_t len)
{
	return pk->callback(pk->data, p, len);
}

int mp_pack_str_or_nil(msgpack_packer *pk, const char *s)
{
	return s ? mp_pack_str(pk, s) : msgpack_pack_nil(pk);
}

int mp_pack_str_obj(msgpack_packer *pk, const msgpack_object *o)
{
	if (o && o->type == MSGPACK_OBJECT_STR)
		return msgpack_pack_object(pk, *o);
	return mp_pack_str(pk, "");
}

int mp_pack_bin(msgpack_packer *pk, const void *p, size_t len)
{
	if (msgpack_pack_bin(pk, len) != 0)
		return -1;
	return msgpack_pack_bin_body(pk, p, len);
}

int mp_pack_kv_str(msgpack_packer *pk, const char *key, const char *val)
{
	if (mp_pack_str(pk, key) != 0)
		return -1;
	return mp_pack_str_or_nil(pk, val);
}

int mp_pack_kv_int(msgpack_packer *pk, const char *key, int64_t val)
{
	if (mp_pack_str(pk, key) != 0)
		return -1;
	return msgpack_pack_int64(pk, val);
}

const msgpack_object *mp_map_get(const msgpack_object *o, const char *key)
{
	size_t n = strlen(key);

	if (o == NULL || o->type != MSGPACK_OBJECT_MAP)
		return NULL;
	for (uint32_t i = 0; i < o->via.map.size; i++) {
		const msgpack_object *k = &o->via.map.ptr[i].key;
		if (k->type == MSGPACK_OBJECT_STR && k->via.str.size == n &&
		    memcmp(k->via.str.ptr, key, n) == 0)
			return &o->via.map.ptr[i].val;
	}
	return NULL;
}

const msgpack_object *mp_map_geti(const msgpack_object *o, uint64_t key)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_MAP)
		return NULL;
	for (uint32_t i = 0; i < o->via.map.size; i++) {
		const msgpack_object *k = &o->via.map.ptr[i].key;
		if (k->type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
		    k->via.u64 == key)
			return &o->via.map.ptr[i].val;
	}
	return NULL;
}

int mp_get_str(const msgpack_object *o, const char **s, size_t *len)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return LRL_EPROTO;
	*s = o->via.str.ptr;
	*len = o->via.str.size;
	return 0;
}

int mp_get_bin(const msgpack_object *o, const uint8_t **p, size_t *len)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_BIN)
		return LRL_EPROTO;
	*p = (const uint8_t *)o->via.bin.ptr;
	*len = o->via.bin.size;
	return 0;
}

int mp_get_bin_exact(const msgpack_object *o, void *dst, size_t len)
{
	const uint8_t *p;
	size_t n;

	if (mp_get_bin(o, &p, &n) != 0 || n != len)
		return LRL_EPROTO;
	memcpy(dst, p, len);
	return 0;
}

int mp_get_u64(const msgpack_object *o, uint64_t *v)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_POSITIVE_INTEGER)
		return LRL_EPROTO;
	*v = o->via.u64;
	return 0;
}

int mp_get_i64(const msgpack_object *o, int64_t *v)
{
	if (o == NULL)
		return LRL_EPROTO;
	if (o->type == MSGPACK_OBJECT_NEGATIVE_INTEGER) {
		*v = o->via.i64;
		return 0;
	}
	if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
	    o->via.u64 <= INT64_MAX) {
		*v = (int64_t)o->via.u64;
		return 0;
	}
	return LRL_EPROTO;
}

int mp_get_bool(const msgpack_object *o, int *v)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_BOOLEAN)
		return LRL_EPROTO;
	*v = o->via.boolean ? 1 : 0;
	return 0;
}

char *mp_strdup(const msgpack_object *o)
{
	char *s;

	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return NULL;
	s = malloc(o->via.str.size + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, o->via.str.ptr, o->via.str.size);
	s[o->via.str.size] = '\0';
	return s;
}

int mp_get_strbuf(const msgpack_object *o, char *buf, size_t n)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return LRL_EPROTO;
	if (o->via.str.size >= n)
		return LRL_EINVAL;
	memcpy(buf, o->via.str.ptr, o->via.str.size);
	buf[o->via.str.size] = '\0';
	return 0;
}

int64_t mp_value_i64(const void *v, size_t vl, uint64_t key)
{
	msgpack_unpacked up;
	int64_t x = 0;

	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0)
		mp_get_i64(mp_map_geti(&up.data, key), &x);
	msgpack_unpacked_destroy(&up);
	return x;
}

/* Length of the MessagePack object at p (n bytes available) when it is
 * a string, an integer, nil or a boolean; 0 for anything else or when
 * it runs past the end.  *iv receives an integer's value. */
static inline __attribute__((always_inline)) size_t
scalar_len(const uint8_t *p, size_t n, int64_t *iv, int *is_int)
{
	size_t len = 0, hdr = 0;

	*is_int = 0;
	if (n == 0)
		return 0;
	if (p[0] <= 0x7f || p[0] >= 0xe0) { /* positive or negative fixint */
		*iv = p[0] <= 0x7f ? (int64_t)p[0] : (int64_t)(int8_t)p[0];
		*is_int = 1;
		return 1;
	}
	if ((p[0] & 0xe0) == 0xa0)
		len = p[0] & 0x1f, hdr = 1;
	else if (p[0] == 0xd9 && n >= 2)
		len = p[1], hdr = 2;
	else if (p[0] == 0xda && n >= 3)
		len = (size_t)p[1] << 8 | p[2], hdr = 3;
	else if (p[0] == 0xc0 || p[0] == 0xc2 || p[0] == 0xc3)
		return 1;
	else if (p[0] >= 0xcc && p[0] <= 0xd3) {
		static const size_t w[] = {1, 2, 4, 8, 1, 2, 4, 8};
		size_t b = w[p[0] - 0xcc];
		uint64_t u = 0;
		if (n < 1 + b)
			return 0;
		for (size_t i = 0; i < b; i++)
			u = u << 8 | p[1 + i];
		if (p[0] >= 0xd0 && b < 8 && (u >> (8 * b - 1)))
			u |= ~(uint64_t)0 << (8 * b); /* sign-extend */
		*iv = (int64_t)u;
		*is_int = 1;
		return 1 + b;
	} else
		return 0;
	return hdr + len <= n ? hdr + len : 0;
}

/*
 * A walk over the entries of a fixmap: each has an integer key and a
 * scalar value at val (vlen bytes; an integer's value in ival, with
 * is_int).  It runs for every record a report scans (a pledge is read
 * 25,000 times for a province), so it decodes nothing it need not.
 */
struct peek {
	const uint8_t *p;
	size_t n, off;
	int left;
	int64_t key, ival;
	const uint8_t *val;
	size_t vlen;
	int is_int;
};

/* Starts a walk over v (vl bytes): 0, or LRL_EPROTO when v is not a
 * fixmap. */
static inline int peek_begin(struct peek *w, const void *v, size_t vl)
{
	w->p = v;
	w->n = vl;
	w->off = 1;
	if (vl == 0 || (w->p[0] & 0xf0) != 0x80)
		return LRL_EPROTO;
	w->left = w->p[0] & 0x0f;
	return 0;
}

/* Reads the next entry into w: 1, 0 after the last, or LRL_EPROTO when
 * the entry has another shape. */
static inline int peek_next(struct peek *w)
{
	int ki;
	size_t l;

	if (w->left == 0)
		return 0;
	w->left--;
	l = scalar_len(w->p + w->off, w->n - w->off, &w->key, &ki);
	if (l == 0 || !ki)
		return LRL_EPROTO;
	w->off += l;
	l = scalar_len(w->p + w->off, w->n - w->off, &w->ival, &w->is_int);
	if (l == 0)
		return LRL_EPROTO;
	w->val = w->p + w->off;
	w->vlen = l;
	w->off += l;
	return 1;
}

int mp_peek_ints(const void *v, size_t vl, const uint64_t *keys, int64_t *vals,
                 size_t n)
{
	struct peek w;
	int rc;

	if (peek_begin(&w, v, vl) != 0)
		return LRL_EPROTO;
	while ((rc = peek_next(&w)) > 0)
		for (size_t j = 0; w.is_int && j < n; j++)
			if (w.key == (int64_t)keys[j]) {
				vals[j] = w.ival;
				break;
			}
	return rc;
}

int mp_peek_str(const void *v, size_t vl, uint64_t key, const char **s,
                size_t *len)
{
	struct peek w;
	size_t hdr; /* a string's header bytes */
	int rc;

	if (peek_begin(&w, v, vl) != 0)
		return LRL_EPROTO;
	while ((rc = peek_next(&w)) > 0) {
		if (w.key != (int64_t)key)
			continue;
		if ((w.val[0] & 0xe0) == 0xa0)
			hdr = 1;
		else if (w.val[0] == 0xd9)
			hdr = 2;
		else if (w.val[0] == 0xda)
			hdr = 3;
		else
			return LRL_ENOENT;
		*s = (const char *)w.val + hdr;
		*len = w.vlen - hdr;
		return 0;
	}
	return rc < 0 ? rc : LRL_ENOENT;
}

static uint64_t be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/*
 * Walks the encoding without allocating and checks that it is exactly one
 * complete object in which no array, map, string or binary claims more
 * elements or bytes than remain.  msgpack-c sizes its allocations from the
 * declared counts, so a few hostile bytes could otherwise ask for
 * gigabytes.
 */
static int sane(const uint8_t *p, size_t len)
{
	size_t pos = 0;
	uint64_t pending = 1;

	while (pending > 0) {
		uint8_t t;
		uint64_t skip = 0, items = 0;
		size_t hdr = 0;

		if (pos >= len)
			return 0;
		t = p[pos++];
		if (t <= 0x7f || t >= 0xe0 || t == 0xc0 || t == 0xc2 || t == 0xc3)
			;
		else if (t >= 0x80 && t <= 0x8f)
			items = 2u * (t & 0x0f);
		else if (t >= 0x90 && t <= 0x9f)
			items = t & 0x0f;
		else if (t >= 0xa0 && t <= 0xbf)
			skip = t & 0x1f;
		else
			switch (t) {
			case 0xc4: case 0xd9: hdr = 1; break;
			case 0xc5: case 0xda: hdr = 2; break;
			case 0xc6: case 0xdb: hdr = 4; break;
			case 0xc7: hdr = 1; skip = 1; break;
			case 0xc8: hdr = 2; skip = 1; break;
			case 0xc9: hdr = 4; skip = 1; break;
			case 0xca: case 0xce: case 0xd2: skip = 4; break;
			case 0xcb: case 0xcf: case 0xd3: skip = 8; break;
			case 0xcc: case 0xd0: skip = 1; break;
			case 0xcd: case 0xd1: skip = 2; break;
			case 0xd4: skip = 2; break;
			case 0xd5: skip = 3; break;
			case 0xd6: skip = 5; break;
			case 0xd7: skip = 9; break;
			case 0xd8: skip = 17; break;
			case 0xdc: hdr = 2; items = 1; break;
			case 0xdd: hdr = 4; items = 1; break;
			case 0xde: hdr = 2; items = 2; break;
			case 0xdf: hdr = 4; items = 2; break;
			default:
				return 0; /* 0xc1: never used */
			}
		if (hdr) {
			uint64_t n;
			if (len - pos < hdr)
				return 0;
			n = be(p + pos, hdr);
			pos += hdr;
			if (t >= 0xdc && t <= 0xdf)
				items *= n; /* arrays: n, maps: 2n */
			else
				skip += n;
		}
		if (skip > len - pos)
			return 0;
		pos += (size_t)skip;
		pending = pending - 1 + items;
		/* Every element takes at least one byte. */
		if (pending > len - pos)
			return 0;
	}
	return pos == len;
}

int mp_decode(msgpack_unpacked *u, const void *data, size_t len)
{
	size_t off = 0;
	msgpack_unpack_return r;

	if (!sane(data, len))
		return LRL_EPROTO;
	r = msgpack_unpack_next(u, data, len, &off);
	if (r != MSGPACK_UNPACK_SUCCESS || off != len)
		return LRL_EPROTO;
	return 0;
}
