/*
 * evlog.h — the signed event log inside the store.
 *
 * Event n (n = 1, 2, …) is stored under its big-endian u64 number in the
 * events database as the MessagePack array
 *   [1, seq, time, actor, origin-uid, origin-pid, request(bin), sig(bin),
 *    prev(bin32)]
 * or, when the server added data of its own to the event, the same array
 * with a tenth element data(bin):
 *   [1, seq, …, prev(bin32), data(bin)]
 * where request is the exact signed request bytes, sig the author's
 * Ed25519 signature of them, and prev the hash of event n-1's stored bytes
 * (32 zero bytes for event 1).  data is what the handler decided that the
 * request alone cannot determine (a council round's ballot public key made
 * at its opening, the ballot tally counted at its close): a replay reads it
 * back from the event instead of deciding again.  It is not signed by the
 * author but is covered by the chain of hashes.  An event's hash is BLAKE2b-256 of its
 * stored bytes.
 *
 * The log's head, [count u64 BE ‖ hash of the last event], is kept in the
 * events database too, under EVLOG_HEAD_KEY (eight 0xff bytes, after every
 * event's key), updated in the same transaction as each event.  Kept
 * beside the newest event, it shares its page: appending writes to the
 * events database alone.  It vouches for the last event, which no later
 * event's link covers, and verify checks it; the head is not signed, so
 * against someone who rewrites it too, a signed checkpoint is the proof
 * (checkpoint.h).
 */
#ifndef LAUREL_EVLOG_H
#define LAUREL_EVLOG_H

#include <msgpack.h>
#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/store.h"

#define EVLOG_FORMAT 1

/* The head record's key in the events database; no event has it. */
#define EVLOG_HEAD_KEY "\xff\xff\xff\xff\xff\xff\xff\xff"
#define EVLOG_HEAD_KEY_LEN 8

struct evlog_event {
	uint64_t seq;
	int64_t time;
	uint64_t actor; /* user id; 0 is the server itself */
	uint32_t origin_uid;
	int32_t origin_pid;
	const uint8_t *req;
	size_t req_len;
	const uint8_t *sig; /* LRL_SIG_LEN bytes */
	uint8_t prev[LRL_HASH_LEN];
	const uint8_t *data; /* server data (MessagePack), NULL when none */
	size_t data_len;
};

/* Count of events and hash of the last one (zeros when empty). */
int evlog_head(store_txn *t, uint64_t *count, uint8_t hash[LRL_HASH_LEN]);

/* Writes ev as event ev->seq, chained to ev->prev, and makes it the head:
 * the caller read the head (evlog_head) in the same transaction, and
 * ev->seq is its count + 1.  LRL_ECORRUPT when that event exists. */
int evlog_put(store_txn *t, const struct evlog_event *ev);

/* The stored bytes of event seq (LRL_ENOENT when absent). */
int evlog_get(store_txn *t, uint64_t seq, const void **v, size_t *vl);

/* Decodes stored event bytes; pointers in ev point into v.  u must be
 * initialised; the caller destroys it.  0 or LRL_ECORRUPT. */
int evlog_decode(msgpack_unpacked *u, const void *v, size_t vl,
                 struct evlog_event *ev);

/* Encodes ev into b (reset first) exactly as evlog_put stores it. */
int evlog_encode(void *b, const struct evlog_event *ev);

void evlog_hash(const void *v, size_t vl, uint8_t out[LRL_HASH_LEN]);

#endif
