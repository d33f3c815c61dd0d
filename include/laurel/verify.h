/*
 * verify.h — replaying the event log to prove the store is what its
 * signed history says.
 *
 * verify_store() opens the store in dir (read-only snapshot; the server
 * may keep running), replays every event in order into a scratch store
 * through the same executor the server uses, and checks: event numbers
 * without gaps; each event's link to the previous event's hash; each
 * signature against the key its author had at that moment; the session
 * counter growing within each session; each permission; that re-executing
 * the request yields the very bytes stored; the head recorded in the
 * store; and finally that every replayed table equals the live one, key by
 * key.  With a checkpoint it also proves that the store still holds the
 * checkpoint's events (no truncation or rollback).
 */
#ifndef LAUREL_VERIFY_H
#define LAUREL_VERIFY_H

#include <stdint.h>

#include "laurel/checkpoint.h"

struct verify_report {
	uint64_t events;  /* events checked */
	uint64_t bad_seq; /* first bad event, or 0 */
	double seconds;
	char reason[512]; /* empty when the store passed */
};

/* Returns 0 when the store passed, LRL_ECORRUPT with the report saying
 * why when it did not, or another LRL_E* when it could not be checked. */
int verify_store(const char *dir, const struct checkpoint *cp,
                 struct verify_report *rep);

#endif
