/*
 * test_tally.c — the council's arithmetic on fixed cases: weighted
 * scores, thresholds against all members (with absentees, abstentions and
 * recusals), and quota ranking at each tie-break level.
 */
#include <check.h>
#include <string.h>

#include "laurel/tally.h"

START_TEST(test_weighted_totals_leave_out_no_score_and_refuse_bad_points)
{
	const int w[] = {2, 1, 3}, mx[] = {10, 5, 4}, nos[] = {0, 1, 0};
	const int p1[] = {8, 4, 2}, p2[] = {10, TALLY_NO_SCORE, 4};
	const int bad1[] = {11, 0, 0}, bad2[] = {TALLY_NO_SCORE, 0, 0};

	ck_assert_int_eq(tally_weighted(p1, w, mx, nos, 3), 16 + 4 + 6);
	ck_assert_int_eq(tally_weighted(p2, w, mx, nos, 3), 20 + 12);
	ck_assert_int_eq(tally_weighted(bad1, w, mx, nos, 3), -1);
	ck_assert_int_eq(tally_weighted(bad2, w, mx, nos, 3), -1);
	ck_assert_int_eq(tally_weighted_max(w, mx, 3), 20 + 5 + 12);
}
END_TEST

START_TEST(test_the_mean_is_over_submitted_scores_in_hundredths)
{
	const int64_t t[] = {20, 20, 17};
	const int64_t u[] = {10, 11, 11};
	int64_t mean, lo, hi;

	tally_mean(t, 3, &mean, &lo, &hi);
	ck_assert_int_eq(mean, 1900);
	ck_assert_int_eq(lo, 17);
	ck_assert_int_eq(hi, 20);
	tally_mean(u, 3, &mean, &lo, &hi);
	ck_assert_int_eq(mean, 1067); /* 10.666… rounds half up */
	tally_mean(t, 0, &mean, &lo, &hi);
	ck_assert_int_eq(mean, 0);
}
END_TEST

struct vote_case {
	const char *name;
	struct tally_votes v;
	int members, vote_bp;
	int passes, yes_bp;
};

static const struct vote_case vote_cases[] = {
	/* 80% of ALL members: absentees and recused members still count. */
	{"8 yes of 10 members", {8, 0, 0, 0}, 10, 8000, 1, 8000},
	{"7 yes, 3 absent", {7, 0, 0, 0}, 10, 8000, 0, 7000},
	{"7 yes, 1 abstains, 2 recused", {7, 0, 1, 0}, 10, 8000, 0, 7000},
	{"4 of 5 is 80%", {4, 1, 0, 0}, 5, 8000, 1, 8000},
	{"12 of 15 with 3 absent", {12, 0, 0, 0}, 15, 8000, 1, 8000},
	{"11 of 15 falls short", {11, 1, 0, 0}, 15, 8000, 0, 7333},
	{"90% of 11 needs 10", {9, 0, 0, 0}, 11, 9000, 0, 8181},
	{"90% of 11 with 10", {10, 1, 0, 0}, 11, 9000, 1, 9090},
	/* Majority: more yes than no among the votes cast. */
	{"majority 2 yes 1 no 1 abstain", {2, 1, 1, 0}, 5, 0, 1, 4000},
	{"majority tie fails", {2, 2, 1, 0}, 9, 0, 0, 2222},
	{"majority: abstentions do not count", {1, 0, 6, 0}, 9, 0, 1, 1111},
	{"majority: spoiled is not yes", {1, 1, 0, 3}, 9, 0, 0, 1111},
	{"no members", {0, 0, 0, 0}, 0, 8000, 0, 0},
};

START_TEST(test_thresholds_on_fixed_cases)
{
	const struct vote_case *c = &vote_cases[_i];
	int bp = -1;
	int got = tally_passes(&c->v, c->members, c->vote_bp, &bp);

	ck_assert_msg(got == c->passes, "%s: passes %d", c->name, got);
	ck_assert_msg(bp == c->yes_bp, "%s: yes %d bp", c->name, bp);
}
END_TEST

START_TEST(test_quota_slots_round_down)
{
	ck_assert_int_eq(tally_slots(96, 1500), 14);
	ck_assert_int_eq(tally_slots(6, 1500), 0);
	ck_assert_int_eq(tally_slots(20, 1500), 3);
	ck_assert_int_eq(tally_women_unit(7, 10, 7000), 1);
	ck_assert_int_eq(tally_women_unit(6, 10, 7000), 0);
	ck_assert_int_eq(tally_women_unit(0, 0, 7000), 0);
}
END_TEST

static struct tally_cand cand(int yes, int64_t score, int tb, int cast)
{
	struct tally_cand c;

	memset(&c, 0, sizeof c);
	c.yes = yes;
	c.score_x100 = score;
	c.tiebreak = tb;
	c.cast = cast;
	c.passes = 1;
	return c;
}

START_TEST(test_votes_rank_first)
{
	struct tally_cand c[3] = {cand(7, 9000, 1, 0), cand(9, 100, 0, 0),
	                          cand(8, 100, 0, 0)};

	ck_assert_int_eq(tally_rank(c, 3, 2), 0);
	ck_assert_int_eq(c[1].rank, 1);
	ck_assert_int_eq(c[2].rank, 2);
	ck_assert_int_eq(c[0].rank, 3);
	ck_assert_int_eq(c[0].within, 0);
	ck_assert_int_eq(c[2].within, 1);
	ck_assert_int_eq(c[0].level, TALLY_BY_VOTES);
	ck_assert_int_eq(c[0].tie, 0);
}
END_TEST

START_TEST(test_then_the_score)
{
	struct tally_cand c[2] = {cand(8, 1750, 1, 0), cand(8, 1800, 0, 0)};

	ck_assert_int_eq(tally_rank(c, 2, 1), 0);
	ck_assert_int_eq(c[1].rank, 1);
	ck_assert_int_eq(c[0].rank, 2);
	ck_assert_int_eq(c[0].level, TALLY_BY_SCORE);
	ck_assert_int_eq(c[0].within, 0);
}
END_TEST

START_TEST(test_then_the_rulebooks_tie_break)
{
	struct tally_cand c[2] = {cand(8, 1800, 0, 0), cand(8, 1800, 1, 0)};

	ck_assert_int_eq(tally_rank(c, 2, 1), 0);
	ck_assert_int_eq(c[1].rank, 1);
	ck_assert_int_eq(c[1].within, 1);
	ck_assert_int_eq(c[0].level, TALLY_BY_TIEBREAK);
	ck_assert_int_eq(c[0].tie, 0);
}
END_TEST

START_TEST(test_then_the_chairs_casting_vote)
{
	struct tally_cand c[2] = {cand(8, 1800, 1, 0), cand(8, 1800, 1, 0)};

	/* Equal on every level across the quota's edge: a tie. */
	ck_assert_int_eq(tally_rank(c, 2, 1), 0);
	ck_assert_int_eq(c[0].tie, 1);
	ck_assert_int_eq(c[1].tie, 1);
	ck_assert_int_eq(c[1].level, TALLY_BY_ORDER);
	/* The chair's vote separates them. */
	c[1].cast = 1;
	ck_assert_int_eq(tally_rank(c, 2, 1), 0);
	ck_assert_int_eq(c[1].rank, 1);
	ck_assert_int_eq(c[1].within, 1);
	ck_assert_int_eq(c[0].within, 0);
	ck_assert_int_eq(c[0].level, TALLY_BY_CAST);
	ck_assert_int_eq(c[0].tie, 0);
}
END_TEST

START_TEST(test_failed_candidates_are_not_ranked_and_no_quota_keeps_all)
{
	struct tally_cand c[3] = {cand(3, 0, 0, 0), cand(5, 0, 0, 0),
	                          cand(5, 0, 0, 0)};

	c[0].passes = 0;
	ck_assert_int_eq(tally_rank(c, 3, -1), 0);
	ck_assert_int_eq(c[0].rank, 0);
	ck_assert_int_eq(c[0].within, 0);
	ck_assert_int_eq(c[1].within, 1);
	ck_assert_int_eq(c[2].within, 1);
	ck_assert_int_eq(c[1].tie + c[2].tie, 0);
}
END_TEST

Suite *suite_tally(void)
{
	Suite *s = suite_create("tally");
	TCase *tc = tcase_create("tally");

	tcase_add_test(
		tc,
		test_weighted_totals_leave_out_no_score_and_refuse_bad_points);
	tcase_add_test(tc,
	               test_the_mean_is_over_submitted_scores_in_hundredths);
	tcase_add_loop_test(tc, test_thresholds_on_fixed_cases, 0,
	                    (int)(sizeof vote_cases / sizeof vote_cases[0]));
	tcase_add_test(tc, test_quota_slots_round_down);
	tcase_add_test(tc, test_votes_rank_first);
	tcase_add_test(tc, test_then_the_score);
	tcase_add_test(tc, test_then_the_rulebooks_tie_break);
	tcase_add_test(tc, test_then_the_chairs_casting_vote);
	tcase_add_test(
		tc,
		test_failed_candidates_are_not_ranked_and_no_quota_keeps_all);
	suite_add_tcase(s, tc);
	return s;
}
