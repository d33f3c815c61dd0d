/*
 * tally.h — the council's arithmetic: weighted scores, vote thresholds,
 * and the ranking of candidates when a quota caps a title.
 *
 * The module is pure: no I/O, no clock, no global state.  Scores are
 * integers (points, weights); means are returned in hundredths so that
 * every result is exact and the same on every machine.
 */
#ifndef LAUREL_TALLY_H
#define LAUREL_TALLY_H

#include <stddef.h>
#include <stdint.h>

/* A criterion's "no score" (không chấm) in a list of points. */
#define TALLY_NO_SCORE (-1)

/* The counted ballots of one candidate.  spoiled: ballots that did not
 * open or named another candidate (counted, never yes). */
struct tally_votes {
	int yes, no, abstain, spoiled;
};

/*
 * The weighted total of one member's points for one candidate:
 * Σ weight[i] × points[i] over the n criteria, leaving out those scored
 * TALLY_NO_SCORE.  Returns the total, or -1 when a point is outside
 * 0..max[i] (or TALLY_NO_SCORE where nos[i] is 0).
 */
int64_t tally_weighted(const int *points, const int *weights, const int *max,
                       const int *nos, size_t n);

/* The highest weighted total possible (every criterion at its maximum). */
int64_t tally_weighted_max(const int *weights, const int *max, size_t n);

/* Mean and spread (minimum and maximum) of n weighted totals; the mean in
 * hundredths, rounded half up.  With n == 0 all three are 0. */
void tally_mean(const int64_t *totals, size_t n, int64_t *mean_x100,
                int64_t *min, int64_t *max);

/*
 * Whether a candidate passes the vote.  vote_bp 0: a majority of the
 * votes cast (more yes than no; abstentions and spoiled ballots count for
 * neither).  Otherwise yes must be at least vote_bp hundredths of a
 * percent of ALL the council's members (absent, abstaining and recused
 * members count in the denominator).  *yes_bp receives yes as a share of
 * all members in hundredths of a percent, rounded down (0 when members is
 * 0).  Returns 1 (passes) or 0.
 */
int tally_passes(const struct tally_votes *v, int members, int vote_bp,
                 int *yes_bp);

/* A candidate for a title capped by a quota. */
struct tally_cand {
	int yes;            /* yes votes */
	int64_t score_x100; /* mean weighted score in hundredths (0: none) */
	int tiebreak;       /* 1 when the rulebook's tie-break favours it */
	int cast;           /* 1 when the chair's casting vote went to it */
	int passes;         /* passed the vote (tally_passes) */
	/* Out: */
	int rank;   /* 1, 2, … among those that passed; 0 otherwise */
	int within; /* 1 when within the quota */
	int tie;    /* 1 when tied with a candidate across the quota's
	                       edge on every level: the chair must cast */
	int level;  /* what set it apart from the one ranked above:
	                       TALLY_BY_* */
};

enum {
	TALLY_BY_NONE = 0, /* first, or not ranked */
	TALLY_BY_VOTES,
	TALLY_BY_SCORE,
	TALLY_BY_TIEBREAK,
	TALLY_BY_CAST,
	TALLY_BY_ORDER, /* tied on every level (no casting vote yet) */
};

/*
 * Ranks the n candidates of one title that passed: by yes votes, then
 * mean score, then the rulebook's tie-break, then the chair's casting
 * vote; candidates still equal share the order they were given in.  The
 * first slots (slots < 0: no quota) are within the quota; when the
 * candidate in the last slot and the first one beyond it are equal on
 * every level, both get tie = 1.  Candidates that did not pass get
 * rank 0 and within 0.  Returns 0, or -1 when memory runs out.
 */
int tally_rank(struct tally_cand *c, size_t n, int slots);

/* Places a cap leaves: slots = floor(of × cap_bp / 10000). */
int tally_slots(int of, int cap_bp);

/* Does a unit count as "women" for the tie-break: women × 10000 ≥
 * share_bp × members (members > 0)? */
int tally_women_unit(int women, int members, int share_bp);

#endif
