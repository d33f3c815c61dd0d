/* tally.c — weighted scores, thresholds and quota ranking (tally.h). */
#include "laurel/tally.h"

#include <stdlib.h>

int64_t tally_weighted(const int *points, const int *weights, const int *max,
                       const int *nos, size_t n)
{
	int64_t total = 0;

	for (size_t i = 0; i < n; i++) {
		if (points[i] == TALLY_NO_SCORE) {
			if (!nos[i])
				return -1;
			continue;
		}
		if (points[i] < 0 || points[i] > max[i])
			return -1;
		total += (int64_t)weights[i] * points[i];
	}
	return total;
}

int64_t tally_weighted_max(const int *weights, const int *max, size_t n)
{
	int64_t total = 0;

	for (size_t i = 0; i < n; i++)
		total += (int64_t)weights[i] * max[i];
	return total;
}

void tally_mean(const int64_t *totals, size_t n, int64_t *mean_x100,
                int64_t *min, int64_t *max)
{
	int64_t sum = 0;

	*mean_x100 = *min = *max = 0;
	if (n == 0)
		return;
	*min = *max = totals[0];
	for (size_t i = 0; i < n; i++) {
		sum += totals[i];
		if (totals[i] < *min)
			*min = totals[i];
		if (totals[i] > *max)
			*max = totals[i];
	}
	*mean_x100 = (sum * 200 + (int64_t)n) / (2 * (int64_t)n);
}

int tally_passes(const struct tally_votes *v, int members, int vote_bp,
                 int *yes_bp)
{
	*yes_bp = members > 0 ? (int)((int64_t)v->yes * 10000 / members) : 0;
	if (vote_bp <= 0)
		return v->yes > v->no;
	if (members <= 0)
		return 0;
	return (int64_t)v->yes * 10000 >= (int64_t)vote_bp * members;
}

int tally_slots(int of, int cap_bp)
{
	if (of <= 0 || cap_bp <= 0)
		return 0;
	return (int)((int64_t)of * cap_bp / 10000);
}

int tally_women_unit(int women, int members, int share_bp)
{
	return members > 0 &&
	       (int64_t)women * 10000 >= (int64_t)share_bp * members;
}

/* Which level first tells a from b apart (0: none), and its sign:
 * negative when a ranks before b. */
static int compare(const struct tally_cand *a, const struct tally_cand *b,
                   int *level)
{
	*level = TALLY_BY_VOTES;
	if (a->yes != b->yes)
		return a->yes > b->yes ? -1 : 1;
	*level = TALLY_BY_SCORE;
	if (a->score_x100 != b->score_x100)
		return a->score_x100 > b->score_x100 ? -1 : 1;
	*level = TALLY_BY_TIEBREAK;
	if (a->tiebreak != b->tiebreak)
		return a->tiebreak > b->tiebreak ? -1 : 1;
	*level = TALLY_BY_CAST;
	if (a->cast != b->cast)
		return a->cast > b->cast ? -1 : 1;
	*level = TALLY_BY_ORDER;
	return 0;
}

int tally_rank(struct tally_cand *c, size_t n, int slots)
{
	size_t *order, m = 0;

	order = malloc((n ? n : 1) * sizeof *order);
	if (order == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		c[i].rank = 0;
		c[i].within = 0;
		c[i].tie = 0;
		c[i].level = TALLY_BY_NONE;
		if (c[i].passes)
			order[m++] = i;
	}
	/* Insertion sort: stable, and n is the size of one round. */
	for (size_t i = 1; i < m; i++) {
		size_t k = order[i], j = i;
		int lv;
		while (j > 0 && compare(&c[k], &c[order[j - 1]], &lv) < 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
	for (size_t i = 0; i < m; i++) {
		struct tally_cand *x = &c[order[i]];
		x->rank = (int)i + 1;
		x->within = slots < 0 || (int)i < slots;
		if (i > 0)
			compare(&c[order[i - 1]], x, &x->level);
	}
	if (slots >= 1 && (size_t)slots < m) {
		struct tally_cand *in = &c[order[slots - 1]];
		struct tally_cand *out = &c[order[slots]];
		if (out->level == TALLY_BY_ORDER) {
			/* Everyone equal to the edge shares the tie. */
			for (size_t i = 0; i < m; i++) {
				int lv;
				if (compare(&c[order[i]], in, &lv) == 0)
					c[order[i]].tie = 1;
			}
		}
	}
	free(order);
	return 0;
}
