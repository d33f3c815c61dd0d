/*
 * wire.h — laurel's protocol between laurel (client) and laureld (server).
 *
 * Transport: a Unix stream socket carrying frames.  A frame is a 4-byte
 * big-endian payload length (1 … LRL_FRAME_MAX) followed by the payload,
 * one MessagePack array [version, type, body]:
 *
 *   client → server
 *     LOGIN   {"user": name}
 *     PROVE   {"sig": bin64}            sig over wire_login_message()
 *     CALL    {"req": bin, "sig": bin64|nil}   req = a signed request
 *     WATCH   {}                        ask for NOTIFY pushes
 *   server → client
 *     CHALLENGE {"salt","ops","mem","nonce","server"}
 *     OK      result (any object; shapes in action.h)
 *     ERR     {"code": wire-name, "field": str|nil, "message": str,
 *              "retry": seconds (only for login back-off)}
 *     NOTIFY  {"seq": n}                the log grew to n events
 *
 * A signed request (the bytes inside CALL, kept verbatim in the event log)
 * is the MessagePack array
 *     ["laurel/req/1", server-id bin32, session-nonce bin32, counter,
 *      user-id, action-name, params-map]
 * signed (Ed25519, detached) by the user.  Commands must be signed;
 * queries may carry nil.  The counter must grow within a session.
 */
#ifndef LAUREL_WIRE_H
#define LAUREL_WIRE_H

#include <msgpack.h>
#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/mp.h"
#include "laurel/msg.h"

enum wire_type {
	WIRE_OK = 0,
	WIRE_ERR = 1,
	WIRE_LOGIN = 2,
	WIRE_CHALLENGE = 3,
	WIRE_PROVE = 4,
	WIRE_CALL = 5,
	WIRE_WATCH = 6,
	WIRE_NOTIFY = 7,
	WIRE_TYPE_END_
};

#define WIRE_REQ_DOMAIN "laurel/req/1"
#define WIRE_LOGIN_DOMAIN "laurel/login/1"
#define WIRE_ROTATE_DOMAIN "laurel/rotate/1"
#define WIRE_CHECKPOINT_DOMAIN "laurel/checkpoint/1"

/* Starts a message of type in b: packs the array header, version and type.
 * The caller then packs exactly one body object. */
void wire_begin(mp_buf *b, enum wire_type type);

/* Builds a complete ERR message in b (b is reset first).  With m, the
 * message's format and arguments go along ("fmt", "args") so that the
 * client can translate it. */
void wire_error(mp_buf *b, int code, const char *field, const char *message,
                int64_t retry_after);
void wire_error_m(mp_buf *b, int code, const char *field,
                  const char *message, int64_t retry_after,
                  const struct msg_args *m);
/* Packs "fmt" and "args" entries (2 map entries) for m. */
void wire_pack_msg(msgpack_packer *pk, const struct msg_args *m);

/*
 * Decodes one payload: checks it is MessagePack, an array of three, a known
 * version and type.  On success *type and *body are set (body points into
 * u).  Returns 0, LRL_EPROTO or LRL_EVERSION.  u must be initialised; the
 * caller destroys it.
 */
int wire_decode(msgpack_unpacked *u, const void *payload, size_t len,
                enum wire_type *type, const msgpack_object **body);

/* Blocking frame I/O for clients and tools.  wire_write_frame writes the
 * header and payload.  wire_read_frame reads one frame into *buf
 * (malloc'd, caller frees) and its length into *len.  Both return 0,
 * LRL_ECONN (peer closed / I/O error), LRL_ETOOBIG or LRL_EPROTO. */
int wire_write_frame(int fd, const void *payload, size_t len);
int wire_read_frame(int fd, char **buf, size_t *len);

/* Big-endian helpers used by frames and store keys. */
void wire_put_be32(uint8_t *p, uint32_t v);
uint32_t wire_get_be32(const uint8_t *p);
void wire_put_be64(uint8_t *p, uint64_t v);
uint64_t wire_get_be64(const uint8_t *p);

/* A decoded signed request; pointers point into the msgpack object. */
struct wire_req {
	const uint8_t *server_id;  /* LRL_SERVER_ID_LEN bytes */
	const uint8_t *nonce;      /* LRL_NONCE_LEN bytes */
	uint64_t counter;
	uint64_t user_id;
	const char *action;
	size_t action_len;
	const msgpack_object *params; /* a map */
};

/* Packs a signed request's bytes into b (b is reset first). params is the
 * packed MessagePack map of parameters (params_len bytes). */
void wire_req_encode(mp_buf *b, const uint8_t *server_id,
                     const uint8_t *nonce, uint64_t counter, uint64_t user_id,
                     const char *action, const void *params,
                     size_t params_len);

/* Decodes signed request bytes into r (pointing into u).  Returns 0 or
 * LRL_EPROTO. */
int wire_req_decode(msgpack_unpacked *u, const void *bytes, size_t len,
                    struct wire_req *r);

/* The bytes a user signs to log in: domain ‖ server-id ‖ nonce ‖ name.
 * Writes into b (reset first). */
void wire_login_message(mp_buf *b, const uint8_t *server_id,
                        const uint8_t *nonce, const char *name);

/* The bytes a new key signs to prove possession during a password change:
 * [domain, server-id, user-id, new-pk, salt]. */
void wire_rotate_message(mp_buf *b, const uint8_t *server_id,
                         uint64_t user_id, const uint8_t *new_pk,
                         const uint8_t *salt);

#endif
