/*
 * nominations.h — what other areas may ask about a nomination
 * (nomination.c owns the records; their layout is described there).
 *
 * Decisions and forwarded dossiers read a nomination's subject, title
 * and its eligibility verdict as it stands now, and mark it settled
 * through their own index (decisions.h): a nomination record itself is
 * never rewritten by them.
 */
#ifndef LAUREL_NOMINATIONS_H
#define LAUREL_NOMINATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/awards.h"
#include "laurel/eligibility.h"
#include "laurel/rulebook.h"
#include "laurel/store.h"

struct nomination_info {
	char code[LRL_CODE_MAX + 1];
	int year;
	char title[RULEBOOK_CODE_MAX + 1];
	char kind; /* 'S' or 'U' */
	uint32_t id, unit;
	int withdrawn;
	int has_report;
	char basis[AWARD_BASIS_MAX][LRL_CODE_MAX + 1];
	size_t nbasis;
	/* The verdict, when a rulebook was given and the nomination is not
	 * withdrawn; else eligible = blocked = 0 and verdict "". */
	int eligible, blocked;
	char verdict[ELIG_TEXT_MAX];
	char duties[512], results[512]; /* from the achievement report, cut */
};

/*
 * The nomination with code (len bytes).  With rb (the year's rulebook),
 * also evaluates it against the store as it is now.  Returns 0,
 * LRL_ENOENT when there is none, or the evaluation's error.
 */
int nomination_info(store_txn *t, const struct rulebook *rb, const char *code,
                    size_t len, struct nomination_info *out);

/* When a stored nomination (value v, vl bytes) was made (time; 0 when
 * not recorded). */
int64_t nomination_made(const void *v, size_t vl);

#endif
