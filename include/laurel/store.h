/*
 * store.h — laureld's LMDB store.  Only src/server/store.c includes lmdb.h.
 *
 * One environment in a directory (data.mdb, lock.mdb, mode 0600) with the
 * named databases below.  "Replayed" databases hold state that the event
 * log rebuilds: verify compares them, key by key, with a replay.  The
 * others hold the log itself (events), store metadata (meta) and
 * operational state that is not part of the record (logins: failure
 * counters and lock-outs).
 *
 * Keys are big-endian integers or composite keys that sort usefully;
 * values are MessagePack with small integer field ids.
 *
 * Lifecycles: store_open/store_close; store_begin/(store_commit |
 * store_abort).  A child transaction (parent != NULL) isolates one request
 * inside a group commit.  Pointers returned by store_get and cursors point
 * into the map and are valid until the transaction ends.
 */
#ifndef LAUREL_STORE_H
#define LAUREL_STORE_H

#include <stddef.h>
#include <stdint.h>

/* X(ID, "name", replayed) */
#define STORE_DBS(X)                                                           \
	X(META, "meta", 0)                                                     \
	X(EVENTS, "events", 0)                                                 \
	X(LOGINS, "logins", 0)                                                 \
	X(STATE, "state", 1)                                                   \
	X(USERS, "users", 1)                                                   \
	X(USER_NAMES, "user_names", 1)                                         \
	X(USER_KEYS, "user_keys", 1)                                           \
	X(UNITS, "units", 1)                                                   \
	X(UNIT_CODES, "unit_codes", 1)                                         \
	X(STAFF, "staff", 1)                                                   \
	X(STAFF_CODES, "staff_codes", 1)                                       \
	X(STAFF_BY_NAME, "staff_by_name", 1)                                   \
	X(STAFF_BY_UNIT, "staff_by_unit", 1)                                   \
	X(RULEBOOKS, "rulebooks", 1)                                           \
	X(YEARS, "years", 1)                                                   \
	X(WINDOWS, "windows", 1)                                               \
	X(MOVEMENTS, "movements", 1)                                           \
	X(PLEDGES, "pledges", 1)                                               \
	X(UNIT_PLEDGES, "unit_pledges", 1)                                     \
	X(RATINGS, "ratings", 1)                                               \
	X(UNIT_RATINGS, "unit_ratings", 1)                                     \
	X(DISCIPLINES, "disciplines", 1)                                       \
	X(WORKS, "works", 1)                                                   \
	X(WORK_AUTHORS, "work_authors", 1)                                     \
	X(TASKS, "tasks", 1)                                                   \
	X(AWARDS, "awards", 1)                                                 \
	X(MATTERS, "matters", 1)                                               \
	X(NOMINATIONS, "nominations", 1)                                       \
	X(NOMINATION_KEYS, "nomination_keys", 1)                               \
	X(WORK_BASIS, "work_basis", 1)                                         \
	X(DECISIONS, "decisions", 1)                                           \
	X(DECISION_KEYS, "decision_keys", 1)                                   \
	X(FUND, "fund", 1)                                                     \
	X(COMPLAINTS, "complaints", 1)                                         \
	X(DOSSIERS, "dossiers", 1)                                             \
	X(EXEMPLARS, "exemplars", 1)                                           \
	X(MODEL_INFO, "model_info", 1)                                         \
	X(SUBMISSIONS, "submissions", 1)                                       \
	X(CEREMONIES, "ceremonies", 1)                                         \
	X(COUNCIL_TERMS, "council_terms", 1)                                   \
	X(COUNCIL_MEMBERS, "council_members", 1)                               \
	X(COUNCIL_ROUNDS, "council_rounds", 1)                                 \
	X(COUNCIL_SCORES, "council_scores", 1)                                 \
	X(COUNCIL_VOTERS, "council_voters", 1)                                 \
	X(COUNCIL_BALLOTS, "council_ballots", 1)                               \
	X(COUNCIL_CONFLICTS, "council_conflicts", 1)

enum store_db {
#define STORE_X_DB(id, name, replayed) STORE_DB_##id,
	STORE_DBS(STORE_X_DB)
#undef STORE_X_DB
	STORE_DB_COUNT
};

/* The schema version this build writes; older stores are migrated. */
#define STORE_SCHEMA_VERSION 2

/* Open flags. */
#define STORE_CREATE 1u  /* create the directory's environment */
#define STORE_SCRATCH 2u /* no fsync: replay targets and benchmarks */
#define STORE_READONLY 4u
#define STORE_GATED 8u   /* commits go through store_commit_gated: check,
                            with one refused commit, that its gate can be
                            asked inside the commit (store_gate_overlaps) */
#define STORE_NO_MIGRATE 16u /* an older schema is refused (LRL_ESTATE), not
                               migrated: for tools that may run beside a
                               laureld of the older version */

/* What to tell someone whose store store_open refused as another
 * version's (LRL_ESTATE). */
#define STORE_OTHER_VERSION                                                    \
	"the store was written by another version of laureld; one from an "   \
	"older version is upgraded when this version serves it: restart the " \
	"laureld service first"

typedef struct store store;
typedef struct store_txn store_txn;
typedef struct store_cursor store_cursor;

enum store_op { STORE_FIRST, STORE_LAST, STORE_NEXT, STORE_PREV,
	        STORE_SET_RANGE, STORE_SET };

/* Opens (or with STORE_CREATE creates) the environment in dir and its
 * databases, then checks the schema version and runs migrations.  Returns
 * 0, LRL_ENOENT (no store there), LRL_ESTATE (store made by a newer
 * version, or by an older one with STORE_NO_MIGRATE), LRL_ESTORE.  Free
 * with store_close (NULL is safe). */
int store_open(const char *dir, unsigned flags, store **out);
void store_close(store *s);

/* Begins a transaction (write when write != 0).  With parent, a nested
 * write transaction. */
int store_begin(store *s, store_txn *parent, int write, store_txn **out);
int store_commit(store_txn *t);  /* frees t, whatever the result */

/*
 * Commits t like store_commit, and asks gate(arg) on the way whether it
 * may take effect.  Where the store allows it (store_gate_overlaps), the
 * question comes once the transaction's pages are on disk and before the
 * meta page that makes them the store's state is written, so that the
 * gate's work overlaps the disk's; otherwise it comes before the commit
 * starts.  A non-zero answer abandons the commit — the store stays as it
 * was, on disk and in memory — and is returned.  When the commit
 * succeeds, the gate was asked and said 0.  The gate runs on the calling
 * thread.  Frees t, whatever the result.
 */
typedef int (*store_gate_fn)(void *arg);
int store_commit_gated(store_txn *t, store_gate_fn gate, void *arg);

/* 1 when store_commit_gated asks its gate between the two flushes of the
 * commit, 0 when it asks before the commit (checked when the store opens
 * with STORE_GATED; 0 without it). */
int store_gate_overlaps(const store *s);
void store_abort(store_txn *t); /* frees t; NULL is safe */

/* LRL_ENOENT when the key is absent. */
int store_get(store_txn *t, enum store_db db, const void *k, size_t kl,
              const void **v, size_t *vl);
/* With no_overwrite, LRL_EEXIST when the key exists.  LRL_EFULL when the
 * map is full: abort, store_grow, and retry. */
int store_put(store_txn *t, enum store_db db, const void *k, size_t kl,
              const void *v, size_t vl, int no_overwrite);
/* LRL_ENOENT when absent. */
int store_del(store_txn *t, enum store_db db, const void *k, size_t kl);
/* Deletes every record of db. */
int store_drop(store_txn *t, enum store_db db);
int store_count(store_txn *t, enum store_db db, size_t *n);

int store_cursor_open(store_txn *t, enum store_db db, store_cursor **out);
void store_cursor_close(store_cursor *c);
/* For STORE_SET_RANGE / STORE_SET, *k and *kl give the key sought.
 * LRL_ENOENT at the end. */
int store_cursor_get(store_cursor *c, enum store_op op, const void **k,
                     size_t *kl, const void **v, size_t *vl);

/* The next id of a database keyed by u32 BE ids: the last key + 1, or 1
 * when empty. */
int store_next_id(store_txn *t, enum store_db db, uint32_t *id);

/* Doubles the map.  No transaction may be open. */
int store_grow(store *s);
size_t store_map_size(store *s);

/* Hot, compacted copy of the environment into the empty directory dest. */
int store_copy(store *s, const char *dest);

const char *store_db_name(enum store_db db);
int store_db_replayed(enum store_db db);

/* Number of bytes the data file occupies (for stats). */
int store_data_size(store *s, uint64_t *bytes);

#endif
