/* test_store.c — the LMDB store: schema version, growth, the event log. */
#include <check.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/store.h"
#include "laurel/wire.h"

static char dir[256];

static void setup(void)
{
	snprintf(dir, sizeof dir, "%s/laurel-store.XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("LAUREL_MAP_SIZE");
}

START_TEST(test_a_new_store_records_its_schema_version)
{
	store *s;
	store_txn *t;
	const void *v;
	size_t vl;

	ck_assert_int_eq(store_open(dir, STORE_CREATE, &s), 0);
	ck_assert_int_eq(store_begin(s, NULL, 0, &t), 0);
	ck_assert_int_eq(store_get(t, STORE_DB_META, "schema", 6, &v, &vl), 0);
	ck_assert_uint_eq(wire_get_be32(v), STORE_SCHEMA_VERSION);
	store_abort(t);
	store_close(s);
}
END_TEST

START_TEST(test_a_store_from_a_newer_version_is_refused)
{
	store *s;
	store_txn *t;
	uint8_t v[4];

	ck_assert_int_eq(store_open(dir, STORE_CREATE, &s), 0);
	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	wire_put_be32(v, STORE_SCHEMA_VERSION + 1);
	ck_assert_int_eq(store_put(t, STORE_DB_META, "schema", 6, v, 4, 0), 0);
	ck_assert_int_eq(store_commit(t), 0);
	store_close(s);
	ck_assert_int_eq(store_open(dir, 0, &s), LRL_ESTATE);
}
END_TEST

/* A schema-1 store kept the log's head under the meta key "head"; opening
 * it migrates it to the current schema, which keeps the head beside the
 * events, unchanged.  Opened with STORE_NO_MIGRATE, it is refused and left
 * as it was. */
START_TEST(test_a_schema_1_store_is_migrated)
{
	store *s;
	store_txn *t;
	const void *v;
	size_t vl;
	uint8_t ver[4], old[8 + LRL_HASH_LEN], head[LRL_HASH_LEN];
	uint8_t req[3] = {1, 2, 3}, sig[LRL_SIG_LEN] = {0};
	struct evlog_event ev;
	uint64_t count;

	ck_assert_int_eq(store_open(dir, STORE_CREATE, &s), 0);
	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	memset(&ev, 0, sizeof ev);
	ev.req = req;
	ev.req_len = sizeof req;
	ev.sig = sig;
	ev.seq = 1;
	ck_assert_int_eq(evlog_put(t, &ev), 0);
	ck_assert_int_eq(evlog_get(t, 1, &v, &vl), 0);
	evlog_hash(v, vl, old + 8);
	/* Schema 1 kept the head in META only. */
	ck_assert_int_eq(store_del(t, STORE_DB_EVENTS, EVLOG_HEAD_KEY,
	                           EVLOG_HEAD_KEY_LEN),
	                 0);
	wire_put_be64(old, 1);
	ck_assert_int_eq(store_put(t, STORE_DB_META, "head", 4, old,
	                           sizeof old, 0), 0);
	wire_put_be32(ver, 1);
	ck_assert_int_eq(store_put(t, STORE_DB_META, "schema", 6, ver, 4, 0),
	                 0);
	ck_assert_int_eq(store_commit(t), 0);
	store_close(s);

	ck_assert_int_eq(store_open(dir, STORE_NO_MIGRATE, &s), LRL_ESTATE);
	ck_assert_int_eq(store_open(dir, 0, &s), 0);
	ck_assert_int_eq(store_begin(s, NULL, 0, &t), 0);
	ck_assert_int_eq(store_get(t, STORE_DB_META, "schema", 6, &v, &vl), 0);
	ck_assert_uint_eq(wire_get_be32(v), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(store_get(t, STORE_DB_META, "head", 4, &v, &vl),
	                 LRL_ENOENT);
	ck_assert_int_eq(evlog_head(t, &count, head), 0);
	ck_assert_uint_eq(count, 1);
	ck_assert_mem_eq(head, old + 8, LRL_HASH_LEN);
	store_abort(t);
	store_close(s);
}
END_TEST

START_TEST(test_store_files_are_private)
{
	store *s;
	char path[300];
	struct stat st;

	ck_assert_int_eq(store_open(dir, STORE_CREATE, &s), 0);
	store_close(s);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
}
END_TEST

START_TEST(test_a_full_map_grows_instead_of_failing)
{
	store *s;
	store_txn *t;
	char val[4000];
	size_t before;
	int rc = 0, grew = 0;

	setenv("LAUREL_MAP_SIZE", "1048576", 1);
	memset(val, 'x', sizeof val);
	ck_assert_int_eq(store_open(dir, STORE_CREATE, &s), 0);
	before = store_map_size(s);
	for (uint32_t i = 0; i < 2000; i++) {
		uint8_t k[4];
		wire_put_be32(k, i);
		ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
		rc = store_put(t, STORE_DB_STATE, k, 4, val, sizeof val, 0);
		if (rc == 0)
			rc = store_commit(t);
		else
			store_abort(t);
		if (rc == LRL_EFULL) {
			ck_assert_int_eq(store_grow(s), 0);
			grew++;
			i--;
			continue;
		}
		ck_assert_int_eq(rc, 0);
	}
	ck_assert_int_gt(grew, 0);
	ck_assert_uint_gt(store_map_size(s), before);
	store_close(s);
}
END_TEST

/* Appends ev after the head, as the executor does. */
static int append(store_txn *t, struct evlog_event *ev, uint64_t *seq)
{
	uint64_t count;
	int rc;

	if ((rc = evlog_head(t, &count, ev->prev)) != 0)
		return rc;
	ev->seq = *seq = count + 1;
	return evlog_put(t, ev);
}

START_TEST(test_events_chain_to_the_previous_hash)
{
	store *s;
	store_txn *t;
	uint8_t sig[LRL_SIG_LEN] = {0}, head[LRL_HASH_LEN], h1[LRL_HASH_LEN];
	const uint8_t req[] = {0x91, 0x01};
	struct evlog_event ev;
	uint64_t seq, count;
	const void *v;
	size_t vl;
	msgpack_unpacked u;

	ck_assert_int_eq(store_open(dir, STORE_CREATE, &s), 0);
	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	memset(&ev, 0, sizeof ev);
	ev.time = 1765000000;
	ev.req = req;
	ev.req_len = sizeof req;
	ev.sig = sig;
	ck_assert_int_eq(append(t, &ev, &seq), 0);
	ck_assert_uint_eq(seq, 1);
	ck_assert_int_eq(evlog_get(t, 1, &v, &vl), 0);
	evlog_hash(v, vl, h1);
	ck_assert_int_eq(append(t, &ev, &seq), 0);
	ck_assert_uint_eq(seq, 2);
	/* An event number already taken is refused. */
	ev.seq = 2;
	ck_assert_int_eq(evlog_put(t, &ev), LRL_ECORRUPT);
	ck_assert_int_eq(evlog_get(t, 2, &v, &vl), 0);
	msgpack_unpacked_init(&u);
	ck_assert_int_eq(evlog_decode(&u, v, vl, &ev), 0);
	ck_assert_mem_eq(ev.prev, h1, LRL_HASH_LEN);
	msgpack_unpacked_destroy(&u);
	ck_assert_int_eq(evlog_head(t, &count, head), 0);
	ck_assert_uint_eq(count, 2);
	evlog_hash(v, vl, h1);
	ck_assert_mem_eq(head, h1, LRL_HASH_LEN);
	ck_assert_int_eq(store_commit(t), 0);
	store_close(s);
}
END_TEST

/* ---- the commit gate (store_commit_gated) ---- */

struct gate_probe {
	store *s;
	int asked;
	int answer;
	int looked;     /* a reader could look when asked */
	int saw_record; /* the record was visible to it */
};

/* Notes the call and whether a reader already sees the record. */
static int probe_gate(void *arg)
{
	struct gate_probe *g = arg;
	store_txn *t;
	const void *v;
	size_t vl;

	g->asked++;
	if (store_begin(g->s, NULL, 0, &t) == 0) {
		g->looked = 1;
		g->saw_record = store_get(t, STORE_DB_STATE, "k", 1, &v, &vl) == 0;
		store_abort(t);
	}
	return g->answer;
}

static int has_record(store *s)
{
	store_txn *t;
	const void *v;
	size_t vl;
	int rc;

	ck_assert_int_eq(store_begin(s, NULL, 0, &t), 0);
	rc = store_get(t, STORE_DB_STATE, "k", 1, &v, &vl);
	store_abort(t);
	return rc == 0;
}

static int put_gated(store *s, struct gate_probe *g)
{
	store_txn *t;

	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	ck_assert_int_eq(store_put(t, STORE_DB_STATE, "k", 1, "v", 1, 0), 0);
	return store_commit_gated(t, probe_gate, g);
}

START_TEST(test_the_gate_is_asked_between_the_flushes)
{
	store *s;
	struct gate_probe g = {0};

	ck_assert_int_eq(store_open(dir, STORE_CREATE | STORE_GATED, &s), 0);
	/* The store's fdatasync() is the one LMDB calls. */
	ck_assert_int_eq(store_gate_overlaps(s), 1);
	g.s = s;
	ck_assert_int_eq(put_gated(s, &g), 0);
	ck_assert_int_eq(g.asked, 1);
	/* Asked before the commit took effect. */
	ck_assert_int_eq(g.looked, 1);
	ck_assert_int_eq(g.saw_record, 0);
	ck_assert(has_record(s));
	store_close(s);
	ck_assert_int_eq(store_open(dir, 0, &s), 0);
	ck_assert(has_record(s));
	store_close(s);
}
END_TEST

START_TEST(test_a_refusing_gate_leaves_the_store_as_it_was)
{
	store *s;
	store_txn *t;
	struct gate_probe g = {0};

	ck_assert_int_eq(store_open(dir, STORE_CREATE | STORE_GATED, &s), 0);
	g.s = s;
	g.answer = LRL_ESIG;
	ck_assert_int_eq(put_gated(s, &g), LRL_ESIG);
	ck_assert_int_eq(g.asked, 1);
	ck_assert(!has_record(s));
	/* The store goes on: the next commit works, and a reopened store
	 * has it and not the refused one. */
	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	ck_assert_int_eq(store_put(t, STORE_DB_STATE, "j", 1, "w", 1, 0), 0);
	ck_assert_int_eq(store_commit(t), 0);
	store_close(s);
	ck_assert_int_eq(store_open(dir, 0, &s), 0);
	ck_assert(!has_record(s));
	ck_assert_int_eq(store_begin(s, NULL, 0, &t), 0);
	{
		const void *v;
		size_t vl;
		ck_assert_int_eq(store_get(t, STORE_DB_STATE, "j", 1, &v, &vl), 0);
	}
	store_abort(t);
	store_close(s);
}
END_TEST

START_TEST(test_the_gate_is_asked_when_nothing_changed)
{
	store *s;
	store_txn *t;
	struct gate_probe g = {0};

	ck_assert_int_eq(store_open(dir, STORE_CREATE | STORE_GATED, &s), 0);
	g.s = s;
	g.answer = LRL_ESIG;
	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	ck_assert_int_eq(store_commit_gated(t, probe_gate, &g), LRL_ESIG);
	ck_assert_int_eq(g.asked, 1);
	g.answer = 0;
	ck_assert_int_eq(store_begin(s, NULL, 1, &t), 0);
	ck_assert_int_eq(store_commit_gated(t, probe_gate, &g), 0);
	ck_assert_int_eq(g.asked, 2);
	store_close(s);
}
END_TEST

/* A scratch store does not flush, and a store opened without STORE_GATED
 * did not check where its gate can be asked: the gate comes before the
 * commit. */
START_TEST(test_without_flushes_the_gate_is_asked_first)
{
	static const unsigned flags[] = {STORE_SCRATCH | STORE_GATED, 0};
	unsigned f = flags[_i];
	store *s;
	struct gate_probe g = {0};

	ck_assert_int_eq(store_open(dir, STORE_CREATE | f, &s), 0);
	ck_assert_int_eq(store_gate_overlaps(s), 0);
	g.s = s;
	g.answer = LRL_ESIG;
	ck_assert_int_eq(put_gated(s, &g), LRL_ESIG);
	ck_assert_int_eq(g.asked, 1);
	ck_assert(!has_record(s));
	g.answer = 0;
	ck_assert_int_eq(put_gated(s, &g), 0);
	ck_assert_int_eq(g.asked, 2);
	ck_assert(has_record(s));
	store_close(s);
}
END_TEST

Suite *suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_a_new_store_records_its_schema_version);
	tcase_add_test(tc, test_a_schema_1_store_is_migrated);
	tcase_add_test(tc, test_a_store_from_a_newer_version_is_refused);
	tcase_add_test(tc, test_store_files_are_private);
	tcase_add_test(tc, test_a_full_map_grows_instead_of_failing);
	tcase_add_test(tc, test_events_chain_to_the_previous_hash);
	tcase_add_test(tc, test_the_gate_is_asked_between_the_flushes);
	tcase_add_test(tc, test_a_refusing_gate_leaves_the_store_as_it_was);
	tcase_add_test(tc, test_the_gate_is_asked_when_nothing_changed);
	tcase_add_loop_test(tc, test_without_flushes_the_gate_is_asked_first, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
