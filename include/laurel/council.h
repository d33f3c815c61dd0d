/*
 * council.h — the council (Hội đồng Thi đua – Khen thưởng): terms,
 * rounds, scores, secret ballots and results, as laureld keeps them.
 *
 * council_terms:     u16 BE year → {1 name, 2 opened (time), 3 by}
 * council_members:   u16 BE year ‖ u64 BE event ‖ u32 BE user → {1 user,
 *                    2 position
 *                    ("chair"|"secretary"|"member"), 3 added (time),
 *                    4 added by, 5 removed (time, 0 while a member),
 *                    6 reason, 7 removed by}
 * council_rounds:    u32 BE round → {1 year, 2 name, 3 mode, 4 criteria
 *                    [[name, weight, max, no-score], …], 5 closes (day,
 *                    0: none), 6 quorum numerator, 7 denominator,
 *                    8 written votes allowed, 9 ballot public key (bin32,
 *                    ballot rounds), 10 state ("open"|"closed"),
 *                    11 opened (time), 12 by, 13 closed (time), 14 members
 *                    at close, 15 present (user ids, nil: not recorded),
 *                    16 nominations (codes), 17 chair's casting votes
 *                    (codes), 18 tally [[code, yes, no, abstain,
 *                    spoiled], …] (at close), 19 frozen at close
 *                    [[code, tie-break favours it, quota places of its
 *                    title or -1], …]}
 * council_scores:    u32 BE round ‖ u32 BE user ‖ nomination code →
 *                    {1 points (array, -1 = no score), 2 time}
 * council_voters:    u32 BE round ‖ u32 BE user ‖ nomination code →
 *                    {1 written (absent member), 2 time}
 * council_ballots:   u32 BE round ‖ code length ‖ nomination code ‖
 *                    BLAKE2b-256 of the sealed bytes → sealed bytes;
 *                    deleted at close
 * council_conflicts: u32 BE round ‖ u32 BE user ‖ nomination code →
 *                    {1 type, 2 reason, 3 time}
 *
 * Secret ballots (laureld(8), SECRET BALLOTS): a ballot round gets an
 * X25519 key pair at its opening; the public key is in the round record
 * (and in the opening event), the secret key only in the file
 * STOREDIR/ballot-keys/<round>.key (mode 0600), never in the store.  A
 * member seals a BALLOT_LEN-byte plaintext (ballot.h) with crypto_box_seal;
 * the server records that the member voted (council_voters) and keeps the
 * sealed bytes apart, keyed by their hash.  At close the server opens the
 * ballots, records the tally in the closing event, deletes the sealed
 * ballots, and then overwrites and unlinks the key file.
 */
#ifndef LAUREL_COUNCIL_H
#define LAUREL_COUNCIL_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/ballot.h"
#include "laurel/limits.h"
#include "laurel/store.h"

#define COUNCIL_KEY_DIR "ballot-keys"

/* What a closed round decided for a nomination. */
struct council_verdict {
	uint32_t round;     /* the latest closed round that had it */
	int has_ballot;     /* the round voted on it */
	int passed;         /* passed the vote and, under a quota, within it */
	int yes_bp;         /* yes votes as a share of all members (1/100 %) */
	int64_t score_x100; /* mean weighted score, in hundredths (0: none) */
	int rank;           /* among the passed candidates of its title */
};

/*
 * Whether a closed round passed the nomination code: fills v from the
 * latest closed round that had it.  Returns 0, LRL_ENOENT when no closed
 * round had it, or another LRL_E* code.
 */
int council_verdict(store_txn *t, const char *code, struct council_verdict *v);

/*
 * The verdicts of many nominations in one transaction: each closed
 * round's results are computed once, at the first lookup that needs them,
 * where council_verdict computes them again for every nomination.  The
 * handle holds what it read, so it stays right only while the rounds,
 * scores and nominations of t do not change.
 *
 * council_verdicts_open returns 0 or LRL_ENOMEM; the caller frees the
 * handle with council_verdicts_close (NULL is safe).
 * council_verdicts_get answers as council_verdict does.
 */
typedef struct council_verdicts council_verdicts;

int council_verdicts_open(store_txn *t, council_verdicts **out);
int council_verdicts_get(council_verdicts *vs, const char *code,
                         struct council_verdict *v);
void council_verdicts_close(council_verdicts *vs);

/*
 * Round id: its year, whether it is closed, and its nominations' codes (at
 * most max, in the round's order) in codes; *n their count.  Returns 0,
 * LRL_ENOENT when there is no such round, or another LRL_E* code.
 */
int council_round_info(store_txn *t, uint32_t id, int *year, int *closed,
                       char (*codes)[LRL_CODE_MAX + 1], size_t max,
                       size_t *n);

/*
 * Overwrites and unlinks the ballot key files in dir/ballot-keys of every
 * round that is not open in the store (closed, or never committed).
 * laureld calls it after each commit and when it starts.  Returns the
 * number of files removed, or a negative LRL_E* code.
 */
int council_keys_sweep(store *s, const char *dir);

#endif
