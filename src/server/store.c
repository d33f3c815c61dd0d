/* store.c — the LMDB environment behind laureld (see store.h). */
#include "laurel/store.h"

#include <errno.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/limits.h"
#include "laurel/wire.h"

struct store {
	MDB_env *env;
	MDB_dbi dbi[STORE_DB_COUNT];
	size_t mapsize;
	unsigned flags;
	int gate_overlaps; /* see store_commit_gated */
};

struct store_txn {
	store *s;
	MDB_txn *txn;
};

struct store_cursor {
	MDB_cursor *cur;
};

static const char *const db_names[STORE_DB_COUNT] = {
#define STORE_X_DB(id, name, replayed) name,
	STORE_DBS(STORE_X_DB)
#undef STORE_X_DB
};

static const int db_replayed[STORE_DB_COUNT] = {
#define STORE_X_DB(id, name, replayed) replayed,
	STORE_DBS(STORE_X_DB)
#undef STORE_X_DB
};

const char *store_db_name(enum store_db db)
{
	return db_names[db];
}

int store_db_replayed(enum store_db db)
{
	return db_replayed[db];
}

/* Translates an LMDB result at the module boundary. */
static int xlate(int rc)
{
	switch (rc) {
	case MDB_SUCCESS:
		return 0;
	case MDB_NOTFOUND:
		return LRL_ENOENT;
	case MDB_KEYEXIST:
		return LRL_EEXIST;
	case MDB_MAP_FULL:
	case MDB_TXN_FULL:
		return LRL_EFULL;
	case ENOMEM:
		return LRL_ENOMEM;
	case ENOENT:
		return LRL_ENOENT;
	case EACCES:
	case EIO:
	case ENOSPC:
		return LRL_EIO;
	default:
		return LRL_ESTORE;
	}
}

/*
 * Migrations: migrations[v] upgrades a store at schema v to v + 1 inside
 * one write transaction, with the version's record.
 *
 * 1 → 2: the log's head moves from the meta key "head" into the events
 *        database, beside the newest event (evlog.h), unchanged.
 */
typedef int (*migration_fn)(store_txn *t);

static int move_head(store_txn *t)
{
	const void *v = NULL;
	size_t vl = 0;
	uint8_t head[8 + LRL_HASH_LEN];
	int rc = store_get(t, STORE_DB_META, "head", 4, &v, &vl);

	if (rc == LRL_ENOENT) /* an empty log: no head yet */
		return 0;
	if (rc != 0)
		return rc;
	if (vl != sizeof head)
		return LRL_ECORRUPT;
	memcpy(head, v, sizeof head);
	if ((rc = store_put(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
	                    EVLOG_HEAD_KEY_LEN, head, sizeof head, 0)) != 0)
		return rc;
	return store_del(t, STORE_DB_META, "head", 4);
}

static const migration_fn migrations[STORE_SCHEMA_VERSION] = {
	[1] = move_head,
};

static int schema_check(store *s, int create, int migrate)
{
	store_txn *t = NULL;
	const void *v = NULL;
	size_t vl = 0;
	uint32_t ver;
	uint8_t buf[4];
	int rc;

	if ((rc = store_begin(s, NULL, 1, &t)) != 0)
		return rc;
	rc = store_get(t, STORE_DB_META, "schema", 6, &v, &vl);
	if (rc == LRL_ENOENT && create) {
		wire_put_be32(buf, STORE_SCHEMA_VERSION);
		rc = store_put(t, STORE_DB_META, "schema", 6, buf, 4, 0);
		if (rc != 0)
			goto fail;
		return store_commit(t);
	}
	if (rc != 0 || vl != 4) {
		rc = rc ? rc : LRL_ECORRUPT;
		goto fail;
	}
	ver = wire_get_be32(v);
	if (ver > STORE_SCHEMA_VERSION ||
	    (ver < STORE_SCHEMA_VERSION && !migrate)) {
		rc = LRL_ESTATE;
		goto fail;
	}
	for (; ver < STORE_SCHEMA_VERSION; ver++) {
		if (migrations[ver] && (rc = migrations[ver](t)) != 0)
			goto fail;
		wire_put_be32(buf, ver + 1);
		if ((rc = store_put(t, STORE_DB_META, "schema", 6, buf, 4, 0)) != 0)
			goto fail;
	}
	return store_commit(t);
fail:
	store_abort(t);
	return rc;
}

/* The map a new environment starts with.  LAUREL_MAP_SIZE (bytes) lets
 * tests start small to exercise growth. */
static size_t initial_map(void)
{
	const char *e = getenv("LAUREL_MAP_SIZE");
	unsigned long long v = e ? strtoull(e, NULL, 10) : 0;

	return v >= 65536 ? (size_t)v : LRL_MAP_INITIAL;
}

/*
 * The commit gate.  LMDB makes a write transaction durable in two steps:
 * it writes the transaction's pages and flushes them with fdatasync(),
 * then writes the meta page that makes those pages the store's state
 * (through a descriptor opened O_DSYNC, so that write is flushed too).
 * Until the meta page is written, the store on disk and in memory is the
 * previous one, and a failure of the first flush abandons the commit:
 * LMDB aborts the transaction, exactly as after a crash at that point.
 *
 * LMDB has no hook between the two steps, so this module supplies the
 * fdatasync() that liblmdb calls (the executable's definition comes first
 * for the dynamic linker).  It flushes like the C library's, then, when
 * the calling thread is committing through store_commit_gated, asks the
 * gate; a refusal is reported to LMDB as a failed flush (ECANCELED).
 * Every other caller gets the plain flush.
 *
 * Whether the hook is in place (the dynamic linker honoured it, LMDB
 * flushes with fdatasync) is checked when a store opens with STORE_GATED
 * (laureld's serving store), by a commit whose gate refuses: the gate must
 * run, and the probe record must not be there afterwards.  Where the check fails, store_commit_gated asks
 * the gate before committing, and nothing is lost but the overlap.
 */
struct gate_call {
	store_gate_fn fn;
	void *arg;
	int asked;
	int answer;
};

static _Thread_local struct gate_call *gate_now;

int fdatasync(int fd)
{
	struct gate_call *g = gate_now;

	if (syscall(SYS_fdatasync, fd) != 0)
		return -1;
	if (g == NULL || g->asked)
		return 0;
	g->asked = 1;
	if ((g->answer = g->fn(g->arg)) != 0) {
		errno = ECANCELED;
		return -1;
	}
	return 0;
}

/* Commits txn with g asked between its flushes; LMDB's result. */
static int commit_through(MDB_txn *txn, struct gate_call *g)
{
	int rc;

	gate_now = g;
	rc = mdb_txn_commit(txn);
	gate_now = NULL;
	return rc;
}

/* The key of the probe record; it never becomes the store's state. */
#define GATE_PROBE_KEY "gate-probe"

static int gate_refuse(void *arg)
{
	(void)arg;
	return LRL_ESTATE;
}

/* Sets s->gate_overlaps: does a refusing gate, asked between the flushes,
 * leave the store as it was? */
static int gate_check(store *s)
{
	struct gate_call g = {gate_refuse, NULL, 0, 0};
	MDB_txn *txn;
	MDB_val k = {strlen(GATE_PROBE_KEY), GATE_PROBE_KEY}, v = {1, "1"};
	int rc;

	s->gate_overlaps = 0;
	if ((rc = mdb_txn_begin(s->env, NULL, 0, &txn)) != 0)
		return xlate(rc);
	if ((rc = mdb_put(txn, s->dbi[STORE_DB_META], &k, &v, 0)) != 0) {
		mdb_txn_abort(txn);
		return xlate(rc);
	}
	if ((rc = commit_through(txn, &g)) == 0) {
		/* The probe went through: take it out again. */
		if ((rc = mdb_txn_begin(s->env, NULL, 0, &txn)) != 0)
			return xlate(rc);
		mdb_del(txn, s->dbi[STORE_DB_META], &k, NULL);
		return xlate(mdb_txn_commit(txn));
	}
	if (!g.asked || rc != ECANCELED)
		return 0;
	if ((rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn)) != 0)
		return xlate(rc);
	rc = mdb_get(txn, s->dbi[STORE_DB_META], &k, &v);
	mdb_txn_abort(txn);
	if (rc == MDB_NOTFOUND)
		s->gate_overlaps = 1;
	return 0;
}

int store_open(const char *dir, unsigned flags, store **out)
{
	store *s;
	MDB_txn *txn = NULL;
	MDB_envinfo info;
	unsigned envflags = MDB_NOTLS;
	int rc;
	struct stat st;
	char path[LRL_PATH_MAX];

	*out = NULL;
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (!(flags & STORE_CREATE) && stat(path, &st) != 0)
		return LRL_ENOENT;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return LRL_ENOMEM;
	s->flags = flags;
	if ((rc = mdb_env_create(&s->env)) != 0)
		goto fail;
	mdb_env_set_maxdbs(s->env, LRL_MAX_DBS);
	mdb_env_set_maxreaders(s->env, LRL_MAX_READERS);
	if (flags & STORE_SCRATCH)
		envflags |= MDB_NOSYNC | MDB_WRITEMAP | MDB_MAPASYNC;
	if (flags & STORE_READONLY)
		envflags |= MDB_RDONLY;
	if ((rc = mdb_env_open(s->env, dir, envflags, 0600)) != 0)
		goto fail;
	mdb_env_info(s->env, &info);
	s->mapsize = info.me_mapsize;
	if (s->mapsize < initial_map() && !(flags & STORE_READONLY)) {
		if ((rc = mdb_env_set_mapsize(s->env, initial_map())) != 0)
			goto fail;
		s->mapsize = initial_map();
	}
	rc = mdb_txn_begin(s->env, NULL, (flags & STORE_READONLY) ? MDB_RDONLY : 0,
	                   &txn);
	if (rc != 0)
		goto fail;
	for (int i = 0; i < STORE_DB_COUNT; i++) {
		rc = mdb_dbi_open(txn, db_names[i],
		                  (flags & STORE_READONLY) ? 0 : MDB_CREATE,
		                  &s->dbi[i]);
		if (rc != 0)
			goto fail;
	}
	if ((rc = mdb_txn_commit(txn)) != 0) {
		txn = NULL;
		goto fail;
	}
	txn = NULL;
	if (!(flags & STORE_READONLY) &&
	    (rc = schema_check(s, (flags & STORE_CREATE) != 0,
	                       !(flags & STORE_NO_MIGRATE))) != 0) {
		store_close(s);
		return rc;
	}
	if ((flags & STORE_GATED) &&
	    !(flags & (STORE_READONLY | STORE_SCRATCH)) &&
	    (rc = gate_check(s)) != 0) {
		store_close(s);
		return rc;
	}
	*out = s;
	return 0;
fail:
	if (txn)
		mdb_txn_abort(txn);
	store_close(s);
	return xlate(rc);
}

void store_close(store *s)
{
	if (s == NULL)
		return;
	if (s->env)
		mdb_env_close(s->env);
	free(s);
}

int store_begin(store *s, store_txn *parent, int write, store_txn **out)
{
	store_txn *t;
	int rc;

	*out = NULL;
	if ((t = malloc(sizeof *t)) == NULL)
		return LRL_ENOMEM;
	t->s = s;
	for (int tries = 0; tries < 2; tries++) {
		rc = mdb_txn_begin(s->env, parent ? parent->txn : NULL,
		                   write ? 0 : MDB_RDONLY, &t->txn);
		if (rc != MDB_MAP_RESIZED)
			break;
		/* Another process grew the map: adopt its size. */
		mdb_env_set_mapsize(s->env, 0);
	}
	if (rc != 0) {
		free(t);
		return xlate(rc);
	}
	*out = t;
	return 0;
}

int store_commit(store_txn *t)
{
	int rc = mdb_txn_commit(t->txn);

	free(t);
	return xlate(rc);
}

int store_commit_gated(store_txn *t, store_gate_fn gate, void *arg)
{
	struct gate_call g = {gate, arg, 0, 0};
	int rc;

	if (!t->s->gate_overlaps) {
		if ((rc = gate(arg)) != 0) {
			store_abort(t);
			return rc;
		}
		return store_commit(t);
	}
	rc = commit_through(t->txn, &g);
	free(t);
	if (g.asked && g.answer != 0)
		return g.answer;
	if (rc != 0)
		return xlate(rc);
	/* Committed without a flush: the transaction changed nothing, and
	 * the gate's answer decides only what the caller reports. */
	return g.asked ? 0 : gate(arg);
}

int store_gate_overlaps(const store *s)
{
	return s->gate_overlaps;
}

void store_abort(store_txn *t)
{
	if (t == NULL)
		return;
	mdb_txn_abort(t->txn);
	free(t);
}

int store_get(store_txn *t, enum store_db db, const void *k, size_t kl,
              const void **v, size_t *vl)
{
	MDB_val key = {kl, (void *)k}, val;
	int rc = mdb_get(t->txn, t->s->dbi[db], &key, &val);

	if (rc != 0)
		return xlate(rc);
	*v = val.mv_data;
	*vl = val.mv_size;
	return 0;
}

int store_put(store_txn *t, enum store_db db, const void *k, size_t kl,
              const void *v, size_t vl, int no_overwrite)
{
	MDB_val key = {kl, (void *)k}, val = {vl, (void *)v};

	return xlate(mdb_put(t->txn, t->s->dbi[db], &key, &val,
	                     no_overwrite ? MDB_NOOVERWRITE : 0));
}

int store_del(store_txn *t, enum store_db db, const void *k, size_t kl)
{
	MDB_val key = {kl, (void *)k};

	return xlate(mdb_del(t->txn, t->s->dbi[db], &key, NULL));
}

int store_drop(store_txn *t, enum store_db db)
{
	return xlate(mdb_drop(t->txn, t->s->dbi[db], 0));
}

int store_count(store_txn *t, enum store_db db, size_t *n)
{
	MDB_stat st;
	int rc = mdb_stat(t->txn, t->s->dbi[db], &st);

	if (rc != 0)
		return xlate(rc);
	*n = st.ms_entries;
	return 0;
}

int store_cursor_open(store_txn *t, enum store_db db, store_cursor **out)
{
	store_cursor *c;
	int rc;

	*out = NULL;
	if ((c = malloc(sizeof *c)) == NULL)
		return LRL_ENOMEM;
	if ((rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c->cur)) != 0) {
		free(c);
		return xlate(rc);
	}
	*out = c;
	return 0;
}

void store_cursor_close(store_cursor *c)
{
	if (c == NULL)
		return;
	mdb_cursor_close(c->cur);
	free(c);
}

int store_cursor_get(store_cursor *c, enum store_op op, const void **k,
                     size_t *kl, const void **v, size_t *vl)
{
	static const MDB_cursor_op ops[] = {
		[STORE_FIRST] = MDB_FIRST, [STORE_LAST] = MDB_LAST,
		[STORE_NEXT] = MDB_NEXT,   [STORE_PREV] = MDB_PREV,
		[STORE_SET_RANGE] = MDB_SET_RANGE, [STORE_SET] = MDB_SET_KEY,
	};
	MDB_val key = {0, NULL}, val = {0, NULL};
	int rc;

	if (op == STORE_SET_RANGE || op == STORE_SET) {
		key.mv_data = (void *)*k;
		key.mv_size = *kl;
	}
	rc = mdb_cursor_get(c->cur, &key, &val, ops[op]);
	if (rc != 0)
		return xlate(rc);
	*k = key.mv_data;
	*kl = key.mv_size;
	if (v) {
		*v = val.mv_data;
		*vl = val.mv_size;
	}
	return 0;
}

int store_next_id(store_txn *t, enum store_db db, uint32_t *id)
{
	store_cursor *c;
	const void *k = NULL;
	size_t kl = 0;
	int rc;

	if ((rc = store_cursor_open(t, db, &c)) != 0)
		return rc;
	rc = store_cursor_get(c, STORE_LAST, &k, &kl, NULL, NULL);
	store_cursor_close(c);
	if (rc == LRL_ENOENT) {
		*id = 1;
		return 0;
	}
	if (rc != 0)
		return rc;
	if (kl != 4)
		return LRL_ECORRUPT;
	*id = wire_get_be32(k) + 1;
	return 0;
}

int store_grow(store *s)
{
	size_t next = s->mapsize * 2;
	int rc = mdb_env_set_mapsize(s->env, next);

	if (rc != 0)
		return xlate(rc);
	s->mapsize = next;
	return 0;
}

size_t store_map_size(store *s)
{
	return s->mapsize;
}

int store_copy(store *s, const char *dest)
{
	return xlate(mdb_env_copy2(s->env, dest, MDB_CP_COMPACT));
}

int store_data_size(store *s, uint64_t *bytes)
{
	MDB_envinfo info;
	MDB_stat st;

	if (mdb_env_info(s->env, &info) != 0 || mdb_env_stat(s->env, &st) != 0)
		return LRL_ESTORE;
	*bytes = (uint64_t)(info.me_last_pgno + 1) * st.ms_psize;
	return 0;
}
