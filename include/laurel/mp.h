/*
 * mp.h — small helpers over msgpack-c for building and reading laurel's
 * messages and stored values.
 *
 * Building: an mp_buf owns a growing buffer and a packer writing to it.
 * Reading: the mp_get_* functions look inside an msgpack_object without
 * copying; returned pointers point into the object's zone and live as long
 * as it does.
 */
#ifndef LAUREL_MP_H
#define LAUREL_MP_H

#include <msgpack.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mp_buf {
	msgpack_sbuffer sb;
	msgpack_packer pk;
} mp_buf;

/* Initialises b (empty).  Free with mp_buf_free (safe twice). */
void mp_buf_init(mp_buf *b);
void mp_buf_free(mp_buf *b);
/* Empties b for reuse, keeping its memory. */
void mp_buf_reset(mp_buf *b);

/* Packers for the common shapes (return msgpack's 0 / -1). */
int mp_pack_str(msgpack_packer *pk, const char *s);
int mp_pack_strn(msgpack_packer *pk, const char *s, size_t len);
int mp_pack_bin(msgpack_packer *pk, const void *p, size_t len);
int mp_pack_kv_str(msgpack_packer *pk, const char *key, const char *val);
int mp_pack_kv_int(msgpack_packer *pk, const char *key, int64_t val);
/* Appends already-packed MessagePack bytes. */
int mp_pack_raw(msgpack_packer *pk, const void *p, size_t len);
/* Packs a string or nil when s is NULL. */
int mp_pack_str_or_nil(msgpack_packer *pk, const char *s);
/* Packs o when it is a string (a stored text field), else "". */
int mp_pack_str_obj(msgpack_packer *pk, const msgpack_object *o);

/* Value of key in map o (string keys), or NULL if o is not a map or the
 * key is absent. */
const msgpack_object *mp_map_get(const msgpack_object *o, const char *key);
/* Value of integer key in map o (small integer field ids), or NULL. */
const msgpack_object *mp_map_geti(const msgpack_object *o, uint64_t key);

/* Typed reads: return 0, or LRL_EPROTO when o is NULL or of another type. */
int mp_get_str(const msgpack_object *o, const char **s, size_t *len);
int mp_get_bin(const msgpack_object *o, const uint8_t **p, size_t *len);
/* Exactly len bytes of bin into dst. */
int mp_get_bin_exact(const msgpack_object *o, void *dst, size_t len);
int mp_get_u64(const msgpack_object *o, uint64_t *v);
int mp_get_i64(const msgpack_object *o, int64_t *v);
int mp_get_bool(const msgpack_object *o, int *v);

/* Copies a str object into a new NUL-terminated malloc'd string (caller
 * frees); NULL if o is not a str or memory runs out. */
char *mp_strdup(const msgpack_object *o);

/* Copies a str object into buf (size n, NUL-terminated).  Returns 0, or
 * LRL_EPROTO (not a str) / LRL_EINVAL (does not fit). */
int mp_get_strbuf(const msgpack_object *o, char *buf, size_t n);

/* The integer value of field key of the map encoded in v (vl bytes),
 * decoding it; 0 when v is no map or the field is absent or not an
 * integer. */
int64_t mp_value_i64(const void *v, size_t vl, uint64_t key);

/*
 * Fast reads of a stored value without decoding it, for records read by
 * the thousand: v (vl bytes) must be a map of at most 15 entries (a
 * fixmap) with integer keys.  The entries are read in order; a value
 * that is not a string, an integer, nil or a boolean stops the reading
 * with LRL_EPROTO, and the caller decodes the value instead (mp_decode).
 *
 * mp_peek_ints reads the integer values of the n fields keys[] into
 * vals[] (a field absent, or not an integer, leaves its value as it is).
 * Returns 0, or LRL_EPROTO when any entry has another shape.
 *
 * mp_peek_str finds field key: *s (pointing into v) and *len when it is a
 * string.  Returns 0; LRL_ENOENT when the field is absent or not a
 * string; LRL_EPROTO when an entry before it has another shape.
 */
int mp_peek_ints(const void *v, size_t vl, const uint64_t *keys, int64_t *vals,
                 size_t n);
int mp_peek_str(const void *v, size_t vl, uint64_t key, const char **s,
                size_t *len);

/* Decodes exactly one object filling [data, data+len).  u must have been
 * initialised with msgpack_unpacked_init; the caller destroys it.  Returns
 * 0 or LRL_EPROTO (not MessagePack, truncated, or trailing bytes). */
int mp_decode(msgpack_unpacked *u, const void *data, size_t len);

#endif
