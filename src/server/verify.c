/* verify.c — replay and compare (see verify.h). */
#include "laurel/verify.h"

#include <ftw.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/handler.h"
#include "laurel/store.h"
#include "laurel/wire.h"

#define COMMIT_EVERY 20000

/* Last counter seen per session nonce (open addressing). */
struct sess {
	uint8_t nonce[LRL_NONCE_LEN];
	uint64_t counter;
	int used;
};

struct sessions {
	struct sess *slot;
	size_t cap, n;
};

static struct sess *sess_find(struct sessions *ss, const uint8_t *nonce)
{
	size_t h;

	if (ss->n * 2 >= ss->cap) {
		struct sessions bigger = {NULL, ss->cap ? ss->cap * 2 : 1024, 0};
		bigger.slot = calloc(bigger.cap, sizeof *bigger.slot);
		if (bigger.slot == NULL)
			return NULL;
		for (size_t i = 0; i < ss->cap; i++)
			if (ss->slot[i].used) {
				struct sess *d = sess_find(&bigger, ss->slot[i].nonce);
				d->counter = ss->slot[i].counter;
			}
		free(ss->slot);
		*ss = bigger;
	}
	memcpy(&h, nonce, sizeof h);
	for (size_t i = h % ss->cap;; i = (i + 1) % ss->cap) {
		if (!ss->slot[i].used) {
			ss->slot[i].used = 1;
			memcpy(ss->slot[i].nonce, nonce, LRL_NONCE_LEN);
			ss->n++;
			return &ss->slot[i];
		}
		if (memcmp(ss->slot[i].nonce, nonce, LRL_NONCE_LEN) == 0)
			return &ss->slot[i];
	}
}

static int bad(struct verify_report *rep, uint64_t seq, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int bad(struct verify_report *rep, uint64_t seq, const char *fmt, ...)
{
	va_list ap;

	rep->bad_seq = seq;
	va_start(ap, fmt);
	vsnprintf(rep->reason, sizeof rep->reason, fmt, ap);
	va_end(ap);
	return LRL_ECORRUPT;
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Copies the store's identity into the scratch store. */
static int copy_meta(store_txn *from, store_txn *to)
{
	static const char *const keys[] = {"server_id", "server_pk",
	                                   "test_mode", "kdf"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const void *v;
		size_t vl;
		int rc = store_get(from, STORE_DB_META, keys[i], strlen(keys[i]),
		                   &v, &vl);
		if (rc == 0)
			rc = store_put(to, STORE_DB_META, keys[i], strlen(keys[i]),
			               v, vl, 0);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Compares one replayed table, key by key. */
static int compare_db(store_txn *live, store_txn *replay, enum store_db db,
                      struct verify_report *rep)
{
	store_cursor *a = NULL, *b = NULL;
	const void *ka, *va, *kb, *vb;
	size_t kal, val, kbl, vbl;
	int ra, rb, rc = 0;

	if ((rc = store_cursor_open(live, db, &a)) != 0 ||
	    (rc = store_cursor_open(replay, db, &b)) != 0)
		goto out;
	ra = store_cursor_get(a, STORE_FIRST, &ka, &kal, &va, &val);
	rb = store_cursor_get(b, STORE_FIRST, &kb, &kbl, &vb, &vbl);
	for (;;) {
		if (ra == LRL_ENOENT && rb == LRL_ENOENT)
			break;
		if (ra == LRL_ENOENT || rb == LRL_ENOENT || ra || rb ||
		    kal != kbl || memcmp(ka, kb, kal) != 0) {
			rc = bad(rep, 0,
			         "table %s has %s the replay of the log does not",
			         store_db_name(db),
			         ra == LRL_ENOENT ? "fewer records than"
			                          : "a record that");
			goto out;
		}
		if (val != vbl || memcmp(va, vb, val) != 0) {
			rc = bad(rep, 0,
			         "table %s: a record differs from the replay of "
			         "the log (changed outside laurel)",
			         store_db_name(db));
			goto out;
		}
		ra = store_cursor_get(a, STORE_NEXT, &ka, &kal, &va, &val);
		rb = store_cursor_get(b, STORE_NEXT, &kb, &kbl, &vb, &vbl);
	}
out:
	store_cursor_close(a);
	store_cursor_close(b);
	return rc;
}

int verify_store(const char *dir, const struct checkpoint *cp,
                 struct verify_report *rep)
{
	char scratch[LRL_PATH_MAX];
	const char *tmp = getenv("TMPDIR");
	store *live = NULL, *sc = NULL;
	store_txn *lt = NULL, *st = NULL;
	struct srv_ident ident;
	struct sessions ss = {NULL, 0, 0};
	uint8_t hash[LRL_HASH_LEN], head[LRL_HASH_LEN], cp_hash[LRL_HASH_LEN];
	uint64_t count, seq;
	mp_buf out;
	struct timespec t0, t1;
	int rc, have_scratch = 0;

	memset(rep, 0, sizeof *rep);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	mp_buf_init(&out);
	snprintf(scratch, sizeof scratch, "%s/laurel-verify.XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	/* Not migrated here: a laureld of the store's own version may be
	 * serving it, and would not know the new layout. */
	if ((rc = store_open(dir, STORE_NO_MIGRATE, &live)) != 0) {
		if (rc == LRL_ESTATE)
			snprintf(rep->reason, sizeof rep->reason, "%s",
			         STORE_OTHER_VERSION);
		goto out;
	}
	if (mkdtemp(scratch) == NULL) {
		rc = LRL_EIO;
		goto out;
	}
	have_scratch = 1;
	if ((rc = store_open(scratch, STORE_CREATE | STORE_SCRATCH, &sc)) != 0)
		goto out;
	/* The replay writes about what the live store holds, in
	 * transactions of up to COMMIT_EVERY events that a full map could
	 * not be grown under: give the scratch store twice the live map
	 * from the start (the live map may have grown past the initial
	 * size the scratch store starts with). */
	while (store_map_size(sc) < 2 * store_map_size(live))
		if ((rc = store_grow(sc)) != 0)
			goto out;
	if ((rc = store_begin(live, NULL, 0, &lt)) != 0)
		goto out;
	if ((rc = ident_load(lt, dir, &ident)) != 0) {
		rc = bad(rep, 0, "the store's identity is missing or damaged");
		goto out;
	}
	if ((rc = store_begin(sc, NULL, 1, &st)) != 0 ||
	    (rc = copy_meta(lt, st)) != 0)
		goto out;
	memset(hash, 0, sizeof hash);
	memset(cp_hash, 0, sizeof cp_hash);
	for (seq = 1;; seq++) {
		const void *v, *v2;
		size_t vl, vl2;
		msgpack_unpacked ue, ur;
		struct evlog_event ev;
		struct wire_req r;
		struct lrl_fail f;
		struct exec_origin origin;
		uint64_t newseq = 0;
		struct sess *se;

		rc = evlog_get(lt, seq, &v, &vl);
		if (rc == LRL_ENOENT)
			break;
		if (rc != 0)
			goto out;
		msgpack_unpacked_init(&ue);
		msgpack_unpacked_init(&ur);
		if (evlog_decode(&ue, v, vl, &ev) != 0 || ev.seq != seq) {
			rc = bad(rep, seq, "event %" PRIu64 " cannot be decoded", seq);
			goto ev_out;
		}
		if (memcmp(ev.prev, hash, LRL_HASH_LEN) != 0) {
			rc = seq > 1 ? bad(rep, seq - 1,
			                   "event %" PRIu64 " was altered after it "
			                   "was written (event %" PRIu64
			                   " does not link to it)",
			                   seq - 1, seq)
			             : bad(rep, seq, "event 1 does not start the chain");
			goto ev_out;
		}
		if (wire_req_decode(&ur, ev.req, ev.req_len, &r) != 0) {
			rc = bad(rep, seq, "event %" PRIu64 ": its request cannot be "
			                   "decoded", seq);
			goto ev_out;
		}
		if ((se = sess_find(&ss, r.nonce)) == NULL) {
			rc = LRL_ENOMEM;
			goto ev_out;
		}
		if (r.counter <= se->counter) {
			rc = bad(rep, seq, "event %" PRIu64 " replays an earlier "
			                   "request of its session", seq);
			goto ev_out;
		}
		se->counter = r.counter;
		memset(&f, 0, sizeof f);
		mp_buf_reset(&out);
		memset(&origin, 0, sizeof origin);
		origin.uid = ev.origin_uid;
		origin.pid = ev.origin_pid;
		origin.verified_pk = NULL; /* replay checks every signature */
		origin.replay = 1;
		origin.data = ev.data;
		origin.data_len = ev.data_len;
		rc = exec_command(st, &ident, ev.req, ev.req_len, ev.sig, ev.time,
		                  origin, &out.pk, &newseq, &f);
		if (rc != 0) {
			rc = bad(rep, seq, "event %" PRIu64 " (%.*s) is not valid: %s%s%s",
			         seq, (int)(r.action_len > 40 ? 40 : r.action_len),
			         r.action, f.field ? f.field : "",
			         f.field ? ": " : "", f.reason[0] ? f.reason : lrl_strerror(rc));
			goto ev_out;
		}
		if (newseq != seq || evlog_get(st, seq, &v2, &vl2) != 0 ||
		    vl2 != vl || memcmp(v, v2, vl) != 0) {
			rc = bad(rep, seq, "event %" PRIu64 ": its stored bytes differ "
			                   "from its replay", seq);
			goto ev_out;
		}
		evlog_hash(v, vl, hash);
		if (cp && seq == cp->count)
			memcpy(cp_hash, hash, LRL_HASH_LEN);
		rep->events = seq;
		rc = 0;
ev_out:
		msgpack_unpacked_destroy(&ue);
		msgpack_unpacked_destroy(&ur);
		if (rc != 0)
			goto out;
		if (seq % COMMIT_EVERY == 0) {
			if ((rc = store_commit(st)) != 0) {
				st = NULL;
				goto out;
			}
			if ((rc = store_begin(sc, NULL, 1, &st)) != 0)
				goto out;
		}
	}
	/* The replay stopped at the first missing number; the head says
	 * how many events there are and vouches for the last one. */
	if ((rc = evlog_head(lt, &count, head)) != 0)
		goto out;
	if (count != rep->events) {
		rc = count > rep->events
		         ? bad(rep, rep->events + 1,
		               "the store records %" PRIu64 " events but event %" PRIu64
		               " is missing", count, rep->events + 1)
		         : bad(rep, count + 1,
		               "events after %" PRIu64 " are not in the recorded head",
		               count);
		goto out;
	}
	if (memcmp(head, hash, LRL_HASH_LEN) != 0) {
		rc = bad(rep, count, "event %" PRIu64 " differs from the head "
		                     "recorded in the store", count);
		goto out;
	}
	for (int db = 0; db < STORE_DB_COUNT; db++)
		if (store_db_replayed((enum store_db)db) &&
		    (rc = compare_db(lt, st, (enum store_db)db, rep)) != 0)
			goto out;
	if (cp) {
		if (memcmp(cp->server_id, ident.server_id, LRL_SERVER_ID_LEN) != 0) {
			rc = bad(rep, 0, "the checkpoint belongs to another store");
			goto out;
		}
		if (checkpoint_verify(cp, ident.server_pk) != 0) {
			rc = bad(rep, 0, "the checkpoint's signature is not the "
			                 "server's");
			goto out;
		}
		if (cp->count > rep->events) {
			rc = bad(rep, rep->events + 1,
			         "the store has %" PRIu64 " events but the checkpoint "
			         "recorded %" PRIu64 ": the log was truncated or "
			         "rolled back", rep->events, cp->count);
			goto out;
		}
		if (cp->count > 0 && memcmp(cp_hash, cp->head, LRL_HASH_LEN) != 0) {
			rc = bad(rep, cp->count,
			         "event %" PRIu64 " differs from the checkpoint: the log "
			         "was rewritten", cp->count);
			goto out;
		}
	}
	rc = 0;
out:
	store_abort(lt);
	store_abort(st);
	store_close(live);
	store_close(sc);
	if (have_scratch)
		nftw(scratch, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(ss.slot);
	mp_buf_free(&out);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rep->seconds = (double)(t1.tv_sec - t0.tv_sec) +
	               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return rc;
}
