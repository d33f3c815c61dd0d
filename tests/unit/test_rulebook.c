/* test_rulebook.c — the rulebook text format: the shipped 2026 defaults
 * parse to the values of DOMAIN.md §4, the text round-trips, and every
 * kind of mistake is reported on the right line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/builtin.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/rulebook.h"

#define DEFAULT_RULEBOOK "data/rulebook-2026.txt"

/* Reads a file of the repository (tests run from its root). */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s (run from the repository root)",
	              path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static struct rulebook *load_default(void)
{
	struct rulebook_error err;
	struct rulebook *rb;
	size_t len;
	char *text = slurp(DEFAULT_RULEBOOK, &len);
	int rc = rulebook_parse(text, len, &rb, &err);

	ck_assert_msg(rc == 0, "%s:%d:%d: %s", DEFAULT_RULEBOOK, err.line,
	              err.column, err.message);
	free(text);
	return rb;
}

static struct rulebook *parse_ok(const char *text)
{
	struct rulebook_error err;
	struct rulebook *rb;
	int rc = rulebook_parse(text, strlen(text), &rb, &err);

	ck_assert_msg(rc == 0, "line %d: %s", err.line, err.message);
	return rb;
}

static int32_t day(const char *s)
{
	int32_t d;

	ck_assert_int_eq(date_parse(s, &d), 0);
	return d;
}

/* ---- the shipped defaults ---------------------------------------------- */

/* What DOMAIN.md §4 says of each title, as the shipped file must have it. */
static const struct {
	const char *code, *name;
	enum rulebook_kind kind;
	int subjects;
	enum rulebook_decided decided;
	int vote_bp, coef_person, coef_unit, report;
} expected_titles[] = {
	{"LDTT", "Lao động tiên tiến", RB_TITLE, RB_PERSON, RB_DECIDED_HOSPITAL,
	 0, 300, 0, 0},
	{"CSTDCS", "Chiến sĩ thi đua cơ sở", RB_TITLE, RB_PERSON,
	 RB_DECIDED_HOSPITAL, 8000, 1000, 0, 1},
	{"CSTDT", "Chiến sĩ thi đua cấp tỉnh", RB_TITLE, RB_PERSON,
	 RB_DECIDED_FORWARDED, 9000, 3000, 0, 1},
	{"TTLDTT", "Tập thể lao động tiên tiến", RB_TITLE, RB_UNIT,
	 RB_DECIDED_HOSPITAL, 0, 0, 800, 0},
	{"TTLDXS", "Tập thể lao động xuất sắc", RB_TITLE, RB_UNIT,
	 RB_DECIDED_HOSPITAL, 0, 0, 1500, 1},
	{"CO", "Cờ thi đua của Ủy ban nhân dân tỉnh", RB_TITLE, RB_UNIT,
	 RB_DECIDED_FORWARDED, 8000, 0, 8000, 1},
	{"GK", "Giấy khen của Giám đốc", RB_HONOUR, RB_PERSON | RB_UNIT,
	 RB_DECIDED_HOSPITAL, 0, 300, 600, 0},
	{"BK", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", RB_HONOUR,
	 RB_PERSON | RB_UNIT, RB_DECIDED_FORWARDED, 0, 1500, 3000, 1},
};
#define NTITLES (sizeof expected_titles / sizeof expected_titles[0])

START_TEST(test_the_shipped_2026_rulebook_parses)
{
	struct rulebook *rb = load_default();

	ck_assert_int_eq(rulebook_year(rb), 2026);
	ck_assert_int_eq(rulebook_version(rb), 1);
	ck_assert_ptr_nonnull(strstr(rulebook_name(rb), "năm 2026"));
	ck_assert_uint_eq(rulebook_source_count(rb), 3);
	ck_assert_str_eq(rulebook_source(rb, 1), "Nghị định số 152/2025/NĐ-CP");
	ck_assert_ptr_null(rulebook_source(rb, 3));
	ck_assert_int_eq(rulebook_rounding(rb), 10000);
	ck_assert_uint_eq(rulebook_cap_count(rb), 0);
	ck_assert_uint_eq(rulebook_title_count(rb), NTITLES);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_each_shipped_title_has_the_values_of_the_domain)
{
	struct rulebook *rb = load_default();

	for (size_t i = 0; i < NTITLES; i++) {
		const struct rulebook_title *t = rulebook_title_at(rb, i);
		ck_assert_str_eq(t->code, expected_titles[i].code);
		ck_assert_ptr_eq(rulebook_title_find(rb, t->code), t);
		ck_assert_str_eq(t->name, expected_titles[i].name);
		ck_assert_int_eq(t->kind, expected_titles[i].kind);
		ck_assert_int_eq(t->subjects, expected_titles[i].subjects);
		ck_assert_int_eq(t->decided, expected_titles[i].decided);
		ck_assert_int_eq(t->vote_bp, expected_titles[i].vote_bp);
		ck_assert_int_eq(t->coef_person, expected_titles[i].coef_person);
		ck_assert_int_eq(t->coef_unit, expected_titles[i].coef_unit);
		ck_assert_int_eq(rulebook_coefficient(t, RB_UNIT),
		                 expected_titles[i].coef_unit);
		ck_assert_int_eq(t->report, expected_titles[i].report);
		ck_assert_uint_gt(t->nrules, 0);
	}
	ck_assert_ptr_null(rulebook_title_find(rb, "XYZ"));
	ck_assert_ptr_null(rulebook_title_at(rb, NTITLES));
	rulebook_free(rb);
}
END_TEST

START_TEST(test_the_criteria_become_a_tree_of_rules)
{
	struct rulebook *rb = load_default();
	const struct rulebook_title *ldtt = rulebook_title_find(rb, "LDTT");
	const struct rulebook_title *cs = rulebook_title_find(rb, "CSTDCS");
	const struct rulebook_title *cst = rulebook_title_find(rb, "CSTDT");
	const struct rulebook_title *xs = rulebook_title_find(rb, "TTLDXS");
	const struct rulebook_title *bk = rulebook_title_find(rb, "BK");
	const struct rulebook_rule *r;

	/* LDTT: rating >= HTTNV; no discipline >= reprimand; worked >= 10
	 * months including maternity-leave. */
	ck_assert_uint_eq(ldtt->nrules, 3);
	ck_assert_int_eq(ldtt->rules[0].kind, RB_RATING);
	ck_assert_int_eq(ldtt->rules[0].rating, RB_HTTNV);
	ck_assert_int_eq(ldtt->rules[0].years, 1);
	ck_assert_int_eq(ldtt->rules[1].kind, RB_NO_DISCIPLINE);
	ck_assert_int_eq(ldtt->rules[1].level, RB_DISC_REPRIMAND);
	ck_assert_int_eq(ldtt->rules[2].kind, RB_WORKED);
	ck_assert_int_eq(ldtt->rules[2].count, 10);
	ck_assert_int_eq(ldtt->rules[2].maternity, 1);
	ck_assert_int_eq(ldtt->rules[2].audience, RB_PERSON);

	/* CSTDCS: LDTT this year and one of three. */
	ck_assert_uint_eq(cs->nrules, 2);
	ck_assert_int_eq(cs->rules[0].kind, RB_HOLDS_TITLE);
	ck_assert_ptr_eq(cs->rules[0].ref, ldtt);
	r = &cs->rules[1];
	ck_assert_int_eq(r->kind, RB_ANY_OF);
	ck_assert_uint_eq(r->nchildren, 3);
	ck_assert_int_eq(r->children[0].kind, RB_RATING);
	ck_assert_int_eq(r->children[0].rating, RB_HTXSNV);
	ck_assert_int_eq(r->children[1].kind, RB_INITIATIVES);
	ck_assert_int_eq(r->children[1].count, 1);
	ck_assert_int_eq(r->children[1].scope, RB_SCOPE_HOSPITAL);
	ck_assert_int_eq(r->children[2].kind, RB_RESEARCH);

	/* CSTDT: CSTDCS 3 years in a row, a province-wide work in 3 years. */
	ck_assert_int_eq(cst->rules[0].years, 3);
	ck_assert_ptr_eq(cst->rules[0].ref, cs);
	ck_assert_int_eq(cst->rules[1].children[0].scope, RB_SCOPE_PROVINCE);
	ck_assert_int_eq(cst->rules[1].children[0].years, 3);

	/* TTLDXS: shares and counts of members. */
	ck_assert_uint_eq(xs->nrules, 5);
	ck_assert_int_eq(xs->rules[1].kind, RB_MEMBERS_RATING);
	ck_assert_int_eq(xs->rules[1].percent_bp, 10000);
	ck_assert_int_eq(xs->rules[1].rating, RB_HTNV);
	ck_assert_int_eq(xs->rules[2].kind, RB_MEMBERS_TITLE);
	ck_assert_int_eq(xs->rules[2].percent_bp, 7000);
	ck_assert_ptr_eq(xs->rules[2].ref, ldtt);
	ck_assert_int_eq(xs->rules[3].percent_bp, 0);
	ck_assert_int_eq(xs->rules[3].count, 1);
	ck_assert_int_eq(xs->rules[4].kind, RB_NO_MEMBER_DISCIPLINE);
	ck_assert_int_eq(xs->rules[4].level, RB_DISC_WARNING);

	/* BK: different criteria for persons and units. */
	ck_assert_uint_eq(bk->nrules, 2);
	ck_assert_int_eq(bk->rules[0].kind, RB_WHEN);
	ck_assert_int_eq(bk->rules[0].audience, RB_PERSON);
	ck_assert_int_eq(bk->rules[1].audience, RB_UNIT);
	r = &bk->rules[0].children[0];
	ck_assert_int_eq(r->kind, RB_ANY_OF);
	ck_assert_int_eq(r->children[1].kind, RB_ALL_OF);
	ck_assert_int_eq(r->children[1].children[0].years, 2);
	ck_assert_int_eq(r->children[1].children[1].count, 2);
	ck_assert_int_eq(r->children[1].children[1].years, 2);
	ck_assert_int_eq(r->children[1].children[1].audience, RB_PERSON);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_the_base_salary_in_force_follows_the_date)
{
	struct rulebook *rb = load_default();
	int64_t amount;
	int32_t from;

	ck_assert_uint_eq(rulebook_salary_count(rb), 2);
	ck_assert_int_eq(rulebook_salary_at(rb, 1, &from, &amount), 0);
	ck_assert_int_eq(from, day("01/07/2026"));
	ck_assert_int_eq(amount, 2530000);
	ck_assert_int_eq(rulebook_salary_at(rb, 2, &from, &amount), LRL_ENOENT);

	ck_assert_int_eq(rulebook_base_salary(rb, day("30/06/2026"), &amount,
	                                      &from), 0);
	ck_assert_int_eq(amount, 2340000);
	ck_assert_int_eq(from, day("01/07/2024"));
	ck_assert_int_eq(rulebook_base_salary(rb, day("01/07/2026"), &amount,
	                                      NULL), 0);
	ck_assert_int_eq(amount, 2530000);
	ck_assert_int_eq(rulebook_base_salary(rb, day("01/07/2024"), &amount,
	                                      NULL), 0);
	ck_assert_int_eq(amount, 2340000);
	ck_assert_int_eq(rulebook_base_salary(rb, day("30/06/2024"), &amount,
	                                      NULL), LRL_ENOENT);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_the_written_rulebook_parses_back_to_the_same_values)
{
	struct rulebook *rb = load_default(), *again;
	char *text, *text2;
	size_t len, len2;

	ck_assert_int_eq(rulebook_format(rb, &text, &len), 0);
	ck_assert_uint_eq(strlen(text), len);
	again = parse_ok(text);
	ck_assert_int_eq(rulebook_format(again, &text2, &len2), 0);
	ck_assert_str_eq(text, text2);
	/* The values themselves survived, not only the layout. */
	ck_assert_int_eq(rulebook_year(again), 2026);
	ck_assert_str_eq(rulebook_name(again), rulebook_name(rb));
	ck_assert_uint_eq(rulebook_title_count(again), NTITLES);
	for (size_t i = 0; i < NTITLES; i++) {
		const struct rulebook_title *a = rulebook_title_at(rb, i);
		const struct rulebook_title *b = rulebook_title_at(again, i);
		ck_assert_str_eq(a->code, b->code);
		ck_assert_str_eq(a->name, b->name);
		ck_assert_int_eq(a->coef_person, b->coef_person);
		ck_assert_int_eq(a->coef_unit, b->coef_unit);
		ck_assert_int_eq(a->vote_bp, b->vote_bp);
		ck_assert_uint_eq(a->nrules, b->nrules);
	}
	ck_assert_ptr_nonnull(strstr(text, "coefficient person 0.3\n"));
	ck_assert_ptr_nonnull(strstr(text, "coefficient 1.0\n"));
	ck_assert_ptr_nonnull(strstr(text, "vote 80% of members\n"));
	ck_assert_ptr_nonnull(strstr(text, "base-salary 01/07/2026 2530000\n"));
	ck_assert_ptr_nonnull(strstr(text, "initiatives >= 1 scope province "
	                                   "within 3 years\n"));
	free(text);
	free(text2);
	rulebook_free(again);
	rulebook_free(rb);
}
END_TEST

/* Every construct, with fractional values, quotes and escapes, caps. */
static const char every_construct[] =
	"\xEF\xBB\xBF# a byte order mark, CRLF line ends and odd values\r\n"
	"year 2027\r\n"
	"version 4\r\n"
	"name \"Quy \\\"định\\\" \\\\ 2027\"\r\n"
	"base-salary 2024-07-01 2340000\r\n"
	"base-salary 01/01/2027 2600000\r\n"
	"round-up 1000\r\n"
	"title A \"Một\"\r\n"
	"\tfor person\r\n"
	"\tdecided hospital\r\n"
	"\tvote 66.67% of members\r\n"
	"\tcoefficient 0.125\r\n"
	"\trating >= HTNV 4 years in a row   # trailing comment\r\n"
	"\tno discipline >= dismissal\r\n"
	"\tworked >= 1 month\r\n"
	"\tresearch >= 3 within 5 years scope national\r\n"
	"end\r\n"
	"title B-2 \"Hai\"\r\n"
	"\tfor unit\r\n"
	"\tdecided forwarded\r\n"
	"\tvote majority\r\n"
	"\tcoefficient unit 12\r\n"
	"\treport yes\r\n"
	"\tall-of\r\n"
	"\t\tmembers >= 2 with rating >= HTXSNV\r\n"
	"\t\tmembers >= 33.5% with title A\r\n"
	"\tend\r\n"
	"end\r\n"
	"honour C_3 \"Ba\"\r\n"
	"\tfor unit person\r\n"
	"\tdecided hospital\r\n"
	"\tvote 50% of members\r\n"
	"\tcoefficient 2.5\r\n"
	"\twhen unit\r\n"
	"\t\ttitle B-2 1 year in a row\r\n"
	"\tend\r\n"
	"\tachievement ad-hoc\r\n"
	"end\r\n"
	"cap A 12.5% of B-2\r\n";

START_TEST(test_every_construct_round_trips)
{
	struct rulebook *rb = parse_ok(every_construct), *again;
	const struct rulebook_title *a, *b, *c;
	const struct rulebook_cap *cap;
	char *text, *text2;
	size_t len, len2;

	ck_assert_int_eq(rulebook_version(rb), 4);
	ck_assert_str_eq(rulebook_name(rb), "Quy \"định\" \\ 2027");
	ck_assert_int_eq(rulebook_rounding(rb), 1000);
	a = rulebook_title_find(rb, "A");
	b = rulebook_title_find(rb, "B-2");
	c = rulebook_title_find(rb, "C_3");
	ck_assert_int_eq(a->vote_bp, 6667);
	ck_assert_int_eq(a->coef_person, 125);
	ck_assert_int_eq(a->rules[0].years, 4);
	ck_assert_int_eq(a->rules[1].level, RB_DISC_DISMISSAL);
	ck_assert_int_eq(a->rules[2].count, 1);
	ck_assert_int_eq(a->rules[2].maternity, 0);
	ck_assert_int_eq(a->rules[3].scope, RB_SCOPE_NATIONAL);
	ck_assert_int_eq(a->rules[3].years, 5);
	ck_assert_int_eq(a->rules[3].count, 3);
	ck_assert_int_eq(b->coef_unit, 12000);
	ck_assert_int_eq(b->coef_person, 0);
	ck_assert_int_eq(b->rules[0].children[1].percent_bp, 3350);
	ck_assert_int_eq(c->subjects, RB_PERSON | RB_UNIT);
	ck_assert_int_eq(c->coef_person, 2500);
	ck_assert_int_eq(c->coef_unit, 2500);
	ck_assert_int_eq(c->rules[1].audience, RB_PERSON | RB_UNIT);
	cap = rulebook_cap_find(rb, "A");
	ck_assert_ptr_nonnull(cap);
	ck_assert_ptr_eq(cap->of, b);
	ck_assert_int_eq(cap->percent_bp, 1250);
	ck_assert_ptr_null(rulebook_cap_find(rb, "B-2"));

	ck_assert_int_eq(rulebook_format(rb, &text, &len), 0);
	again = parse_ok(text);
	ck_assert_int_eq(rulebook_format(again, &text2, &len2), 0);
	ck_assert_str_eq(text, text2);
	ck_assert_ptr_nonnull(strstr(text, "name \"Quy \\\"định\\\" \\\\ 2027\"\n"));
	ck_assert_ptr_nonnull(strstr(text, "vote 66.67% of members\n"));
	ck_assert_ptr_nonnull(strstr(text, "coefficient 0.125\n"));
	ck_assert_ptr_nonnull(strstr(text, "members >= 33.5% with title A\n"));
	ck_assert_ptr_nonnull(strstr(text, "cap A 12.5% of B-2\n"));
	free(text);
	free(text2);
	rulebook_free(again);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_omitted_version_and_rounding_take_their_defaults)
{
	struct rulebook *rb = parse_ok("year 2026\n"
	                               "base-salary 01/07/2026 2530000\n"
	                               "honour X \"X\"\n"
	                               "  for person\n"
	                               "  decided hospital\n"
	                               "  vote majority\n"
	                               "  coefficient 1\n"
	                               "end\n");
	const struct rulebook_title *x = rulebook_title_find(rb, "X");

	ck_assert_int_eq(rulebook_version(rb), 1);
	ck_assert_int_eq(rulebook_rounding(rb), RULEBOOK_ROUNDING_DEFAULT);
	ck_assert_str_eq(rulebook_name(rb), "");
	ck_assert_int_eq(x->report, 0);
	ck_assert_int_eq(x->coef_person, 1000);
	ck_assert_uint_eq(x->nrules, 0);
	rulebook_free(rb);
}
END_TEST

/* ---- mistakes ------------------------------------------------------------ */

/* Two lines every case below starts with (unless it tests them). */
#define HEAD "year 2026\nbase-salary 01/07/2024 2340000\n"
/* A complete person title and unit title, lines 3–8 and 9–14. */
#define LDTT_BLOCK                                                             \
	"title LDTT \"Lao động tiên tiến\"\n  for person\n  decided hospital\n"  \
	"  vote majority\n  coefficient 0.3\nend\n"
#define TT_BLOCK                                                               \
	"title TT \"Tập thể\"\n  for unit\n  decided hospital\n"                \
	"  vote majority\n  coefficient 0.8\nend\n"
/* The opening of a person title at line 3; criteria start at line 8. */
#define OPEN_P                                                                 \
	"title P \"Person\"\n  for person\n  decided hospital\n"               \
	"  vote majority\n  coefficient 1\n"
/* The same for a unit title and for a title for both. */
#define OPEN_U                                                                 \
	"title U \"Unit\"\n  for unit\n  decided hospital\n"                   \
	"  vote majority\n  coefficient 1\n"
#define OPEN_B                                                                 \
	"title B \"Both\"\n  for person unit\n  decided hospital\n"            \
	"  vote majority\n  coefficient 1\n"

static const struct bad_case {
	const char *name;
	const char *text;
	int rc;
	int line;
	int column; /* -1: not checked */
	const char *message; /* a part of the message */
} bad_cases[] = {
	{"unknown keyword", HEAD "salary 1\n" LDTT_BLOCK, LRL_EINVAL, 3, 1,
	 "unknown keyword \"salary\""},
	{"unknown keyword inside a title", HEAD OPEN_P "  ratings >= HTTNV\nend\n",
	 LRL_EINVAL, 8, 3, "unknown keyword \"ratings\""},
	{"bad number (year)", "year 20x6\n", LRL_EINVAL, 1, 6,
	 "bad number \"20x6\""},
	{"year out of range", "year 1850\n", LRL_EINVAL, 1, 6,
	 "out of range (1900 to 2099)"},
	{"year given twice", HEAD "year 2027\n", LRL_EINVAL, 3, 1,
	 "\"year\" is already given at line 1"},
	{"bad number (salary with separators)",
	 "year 2026\nbase-salary 01/07/2024 2.340.000\n", LRL_EINVAL, 2, 24,
	 "bad number \"2.340.000\""},
	{"bad date", "year 2026\nbase-salary 31/02/2026 2530000\n", LRL_EINVAL,
	 2, 13, "bad date \"31/02/2026\""},
	{"base salaries not in date order",
	 HEAD "base-salary 01/07/2026 2530000\nbase-salary 01/01/2025 2400000\n",
	 LRL_EINVAL, 4, 13,
	 "must be in date order: 01/01/2025 does not come after 01/07/2026"},
	{"base salaries on the same date",
	 HEAD "base-salary 01/07/2024 2400000\n", LRL_EINVAL, 3, 13,
	 "date order"},
	{"salary missing", "year 2026\nbase-salary 01/07/2024\n", LRL_EINVAL, 2,
	 24, "the base salary is missing after \"01/07/2024\""},
	{"rounding of zero", HEAD "round-up 0\n", LRL_EINVAL, 3, 10,
	 "out of range"},
	{"unknown title code in a rule",
	 HEAD LDTT_BLOCK OPEN_P "  title LDTX\nend\n", LRL_EINVAL, 14, 9,
	 "unknown title code \"LDTX\""},
	{"title referred to before it is defined",
	 HEAD OPEN_P "  title LDTT\nend\n" LDTT_BLOCK, LRL_EINVAL, 8, 9,
	 "a title must be defined before it is referred to"},
	{"a title requiring itself", HEAD OPEN_P "  title P\nend\n", LRL_EINVAL,
	 8, 9, "P cannot require itself"},
	{"duplicate title code", HEAD LDTT_BLOCK "honour LDTT \"Again\"\n",
	 LRL_EINVAL, 9, 8, "title code \"LDTT\" is already defined at line 3"},
	{"bad title code", HEAD "title ldtt \"x\"\n", LRL_EINVAL, 3, 7,
	 "bad title code \"ldtt\""},
	{"unclosed title at the end", HEAD OPEN_P "  rating >= HTTNV\n",
	 LRL_EINVAL, 3, 0, "P is not closed with \"end\""},
	{"unclosed title before the next", HEAD OPEN_P LDTT_BLOCK, LRL_EINVAL, 3,
	 0, "P is not closed with \"end\" before the next title at line 8"},
	{"unclosed group at the end",
	 HEAD OPEN_P "  any-of\n    rating >= HTTNV\n", LRL_EINVAL, 8, 0,
	 "the any-of group is not closed"},
	{"end without a block", HEAD LDTT_BLOCK "end\n", LRL_EINVAL, 9, 1,
	 "\"end\" without an open"},
	{"rule outside a title", HEAD "rating >= HTTNV\n", LRL_EINVAL, 3, 1,
	 "\"rating\" must be inside a title or honour block"},
	{"property outside a title", HEAD "coefficient 0.3\n", LRL_EINVAL, 3, 1,
	 "must be inside a title"},
	{"rulebook statement inside a title",
	 HEAD OPEN_P "  base-salary 01/07/2026 2530000\nend\n", LRL_EINVAL, 8, 3,
	 "\"base-salary\" cannot be inside P"},
	{"percentage above 100", HEAD "title P \"P\"\n  for person\n"
	 "  vote 120% of members\n", LRL_EINVAL, 5, 8,
	 "percentage 120% is out of range"},
	{"percentage of zero", HEAD "title P \"P\"\n  for person\n"
	 "  vote 0% of members\n", LRL_EINVAL, 5, 8, "out of range"},
	{"members share above 100", HEAD OPEN_U "  members >= 100.01% with "
	 "rating >= HTNV\nend\n", LRL_EINVAL, 8, 14, "out of range"},
	{"cap above 100", HEAD LDTT_BLOCK TT_BLOCK "cap TT 150% of LDTT\n",
	 LRL_EINVAL, 15, 8, "percentage 150% is out of range"},
	{"percentage without %", HEAD "title P \"P\"\n  for person\n"
	 "  vote 80 of members\n", LRL_EINVAL, 5, 8,
	 "expected majority or a percentage like 80%"},
	{"percentage with three decimals", HEAD "title P \"P\"\n  for person\n"
	 "  vote 66.667% of members\n", LRL_EINVAL, 5, 8, "bad percentage"},
	{"for is not first", HEAD "title P \"P\"\n  decided hospital\n",
	 LRL_EINVAL, 4, 3, "the first line inside P must say whom it is for"},
	{"for given twice", HEAD OPEN_P "  for unit\nend\n", LRL_EINVAL, 8, 3,
	 "\"for\" is already given"},
	{"for something else", HEAD "title P \"P\"\n  for staff\n", LRL_EINVAL,
	 4, 7, "expected person or unit, not \"staff\""},
	{"missing coefficient", HEAD "title P \"P\"\n  for person\n"
	 "  decided hospital\n  vote majority\nend\n", LRL_EINVAL, 3, 0,
	 "P has no coefficient for persons"},
	{"missing unit coefficient", HEAD "title B \"B\"\n  for person unit\n"
	 "  decided hospital\n  vote majority\n  coefficient person 1\nend\n",
	 LRL_EINVAL, 3, 0, "B has no coefficient for units"},
	{"missing vote", HEAD "title P \"P\"\n  for person\n"
	 "  decided hospital\n  coefficient 1\nend\n", LRL_EINVAL, 3, 0,
	 "P has no \"vote\" line"},
	{"missing decided", HEAD "title P \"P\"\n  for person\n"
	 "  vote majority\n  coefficient 1\nend\n", LRL_EINVAL, 3, 0,
	 "P has no \"decided\" line"},
	{"vote given twice", HEAD OPEN_P "  vote 80% of members\nend\n",
	 LRL_EINVAL, 8, 3, "\"vote\" is already given at line 6"},
	{"coefficient given twice", HEAD OPEN_P "  coefficient 2\nend\n",
	 LRL_EINVAL, 8, 3, "already given at line 7"},
	{"unit coefficient for a person title",
	 HEAD "title P \"P\"\n  for person\n  coefficient unit 0.6\n",
	 LRL_EINVAL, 5, 15, "P is not for units"},
	{"bad coefficient (comma)", HEAD "title P \"P\"\n  for person\n"
	 "  coefficient 0,3\n", LRL_EINVAL, 5, 15, "bad coefficient \"0,3\""},
	{"coefficient with four decimals", HEAD "title P \"P\"\n  for person\n"
	 "  coefficient 0.3333\n", LRL_EINVAL, 5, 15, "bad coefficient"},
	{"coefficient of zero", HEAD "title P \"P\"\n  for person\n"
	 "  coefficient 0\n", LRL_EINVAL, 5, 15, "out of range"},
	{"decided elsewhere", HEAD "title P \"P\"\n  for person\n"
	 "  decided ministry\n", LRL_EINVAL, 5, 11,
	 "expected hospital or forwarded"},
	{"report maybe", HEAD OPEN_P "  report maybe\nend\n", LRL_EINVAL, 8, 10,
	 "expected yes or no"},
	{"unknown rating", HEAD OPEN_P "  rating >= HTT\nend\n", LRL_EINVAL, 8,
	 13, "unknown rating \"HTT\""},
	{"rating without >=", HEAD OPEN_P "  rating HTTNV\nend\n", LRL_EINVAL, 8,
	 10, "expected \">=\" here, not \"HTTNV\""},
	{"rating with a stray word", HEAD OPEN_P "  rating >= HTTNV please\nend\n",
	 LRL_EINVAL, 8, 19, "unexpected \"please\""},
	{"streak misspelt", HEAD LDTT_BLOCK OPEN_P "  title LDTT 3 years in "
	 "row\nend\n", LRL_EINVAL, 14, 25, "expected \"a\" here, not \"row\""},
	{"streak too long", HEAD LDTT_BLOCK OPEN_P "  title LDTT 30 years in a "
	 "row\nend\n", LRL_EINVAL, 14, 14, "out of range (1 to 20)"},
	{"unknown discipline level", HEAD OPEN_P "  no discipline >= fine\nend\n",
	 LRL_EINVAL, 8, 20, "unknown discipline level \"fine\""},
	{"no what", HEAD OPEN_P "  no complaint\nend\n", LRL_EINVAL, 8, 6,
	 "expected \"discipline\" or \"member\""},
	{"months out of range", HEAD OPEN_P "  worked >= 13 months\nend\n",
	 LRL_EINVAL, 8, 13, "out of range (1 to 12)"},
	{"maternity misspelt", HEAD OPEN_P "  worked >= 10 months including "
	 "maternity\nend\n", LRL_EINVAL, 8, 33, "expected \"maternity-leave\""},
	{"unknown scope", HEAD OPEN_P "  initiatives >= 1 scope district\nend\n",
	 LRL_EINVAL, 8, 26, "unknown scope \"district\""},
	{"unknown initiative option", HEAD OPEN_P "  initiatives >= 1 lately\n"
	 "end\n", LRL_EINVAL, 8, 20, "expected \"scope\" or \"within\""},
	{"unknown achievement", HEAD OPEN_P "  achievement heroism\nend\n",
	 LRL_EINVAL, 8, 15, "unknown achievement \"heroism\""},
	{"unit criterion in a person title", HEAD LDTT_BLOCK OPEN_P
	 "  members >= 70% with title LDTT\nend\n", LRL_EINVAL, 14, 3,
	 "\"members\" applies to units only, and P is not for units"},
	{"person criterion in a unit title", HEAD OPEN_U "  worked >= 10 "
	 "months\nend\n", LRL_EINVAL, 8, 3,
	 "\"worked\" applies to persons only, and U is not for persons"},
	{"person criterion for both without when", HEAD OPEN_B "  no discipline "
	 ">= reprimand\nend\n", LRL_EINVAL, 8, 3,
	 "put it inside \"when person\""},
	{"member rule naming a unit title", HEAD TT_BLOCK OPEN_U
	 "  members >= 1 with title TT\nend\n", LRL_EINVAL, 14, 27,
	 "TT is not for persons"},
	{"person title required of a unit", HEAD LDTT_BLOCK OPEN_U
	 "  title LDTT\nend\n", LRL_EINVAL, 14, 9, "LDTT is not for units"},
	{"person title required of both", HEAD LDTT_BLOCK OPEN_B
	 "  title LDTT\nend\n", LRL_EINVAL, 14, 9, "LDTT is not for units"},
	{"when for a subject the title is not for", HEAD OPEN_P "  when unit\n",
	 LRL_EINVAL, 8, 8, "P is not for units"},
	{"when inside the other when", HEAD OPEN_B "  when unit\n"
	 "    when person\n", LRL_EINVAL, 9, 10, "can never apply"},
	{"empty group", HEAD OPEN_P "  any-of\n  end\nend\n", LRL_EINVAL, 9, 3,
	 "the any-of group opened at line 8 is empty"},
	{"property inside a group", HEAD OPEN_P "  any-of\n    report yes\n",
	 LRL_EINVAL, 9, 5,
	 "\"report\" belongs to the title, not inside the any-of group"},
	{"groups nested too deep", HEAD OPEN_P "any-of\nall-of\nany-of\nall-of\n"
	 "any-of\nall-of\nany-of\n", LRL_EINVAL, 14, 1,
	 "nested more than 6 deep"},
	{"cap on an unknown title", HEAD LDTT_BLOCK "cap CSTDCS 15% of LDTT\n",
	 LRL_EINVAL, 9, 5, "unknown title code \"CSTDCS\""},
	{"cap of itself", HEAD LDTT_BLOCK "cap LDTT 15% of LDTT\n", LRL_EINVAL, 9,
	 17, "another title"},
	{"cap given twice", HEAD LDTT_BLOCK TT_BLOCK "cap TT 10% of LDTT\n"
	 "cap TT 20% of LDTT\n", LRL_EINVAL, 16, 5, "already has a cap at line 15"},
	{"name not quoted", HEAD "title P Person\n", LRL_EINVAL, 3, 9,
	 "the name must be written in double quotes"},
	{"quote not closed", HEAD "title P \"Person\n", LRL_EINVAL, 3, 9,
	 "not closed"},
	{"empty name", HEAD "title P \"  \"\n", LRL_EINVAL, 3, 9,
	 "the name is empty"},
	{"invalid UTF-8", HEAD "name \"B\xe1\xbb\"\n", LRL_EINVAL, 3, 0,
	 "not valid UTF-8"},
	{"control character", HEAD "name \"a\x1b[2Jb\"\n", LRL_EINVAL, 3, 0,
	 "control character"},
	{"column counts characters, not bytes",
	 HEAD "name \"Bệnh viện\" extra\n", LRL_EINVAL, 3, 18,
	 "unexpected \"extra\""},
	{"no year", "base-salary 01/07/2024 2340000\n" LDTT_BLOCK, LRL_EINVAL, 0,
	 0, "no \"year\" line"},
	{"no base salary", "year 2026\n" LDTT_BLOCK, LRL_EINVAL, 0, 0,
	 "no \"base-salary\" line"},
	{"no titles", HEAD, LRL_EINVAL, 0, 0, "defines no title or honour"},
	{"empty text", "", LRL_EINVAL, 0, 0, "no \"year\" line"},
};

START_TEST(test_each_mistake_is_reported_on_its_line)
{
	const struct bad_case *c = &bad_cases[_i];
	struct rulebook_error err;
	struct rulebook *rb = (struct rulebook *)1;
	int rc = rulebook_parse(c->text, strlen(c->text), &rb, &err);

	ck_assert_msg(rc == c->rc, "%s: rc %d, wanted %d (line %d: %s)", c->name,
	              rc, c->rc, err.line, err.message);
	ck_assert_ptr_null(rb);
	ck_assert_msg(err.line == c->line, "%s: line %d, wanted %d (%s)",
	              c->name, err.line, c->line, err.message);
	ck_assert_msg(c->column < 0 || err.column == c->column,
	              "%s: column %d, wanted %d (%s)", c->name, err.column,
	              c->column, err.message);
	ck_assert_msg(strstr(err.message, c->message) != NULL,
	              "%s: message \"%s\" lacks \"%s\"", c->name, err.message,
	              c->message);
}
END_TEST

START_TEST(test_error_messages_carry_their_arguments_for_translation)
{
	static const char text[] = HEAD "bogus 1\n";
	struct rulebook_error err;
	struct rulebook *rb;
	char out[RULEBOOK_ERROR_MAX];

	ck_assert_int_eq(rulebook_parse(text, strlen(text), &rb, &err),
	                 LRL_EINVAL);
	ck_assert_str_eq(err.msg.fmt, "unknown keyword \"%s\"");
	ck_assert_int_eq(err.msg.n, 1);
	ck_assert_str_eq(err.msg.arg[0], "bogus");
	msg_apply("từ khóa lạ \"%s\"", err.msg.arg, err.msg.n, out, sizeof out);
	ck_assert_str_eq(out, "từ khóa lạ \"bogus\"");
}
END_TEST

START_TEST(test_a_text_larger_than_the_limit_is_refused)
{
	size_t len = RULEBOOK_TEXT_MAX + 1;
	char *text = malloc(len);
	struct rulebook_error err;
	struct rulebook *rb;

	memset(text, '\n', len);
	ck_assert_int_eq(rulebook_parse(text, len, &rb, &err), LRL_ETOOBIG);
	ck_assert_ptr_null(rb);
	ck_assert_int_eq(err.line, 0);
	free(text);
}
END_TEST

START_TEST(test_a_line_longer_than_the_limit_is_refused)
{
	size_t n = strlen(HEAD) + RULEBOOK_LINE_MAX + 40;
	char *text = malloc(n + 1);
	struct rulebook_error err;
	struct rulebook *rb;

	snprintf(text, n + 1, "%s# %0*d\n", HEAD, RULEBOOK_LINE_MAX + 10, 0);
	ck_assert_int_eq(rulebook_parse(text, strlen(text), &rb, &err),
	                 LRL_EINVAL);
	ck_assert_int_eq(err.line, 3);
	ck_assert_ptr_nonnull(strstr(err.message, "longer than"));
	free(text);
}
END_TEST

START_TEST(test_enumeration_words_match_the_syntax)
{
	ck_assert_str_eq(rulebook_rating_name(RB_HTXSNV), "HTXSNV");
	ck_assert_int_eq(rulebook_rating_from_name("HTNV"), RB_HTNV);
	ck_assert_int_eq(rulebook_rating_from_name("none"), -1);
	ck_assert_int_eq(rulebook_rating_from_name("htnv"), -1);
	ck_assert_str_eq(rulebook_discipline_name(RB_DISC_WARNING), "warning");
	ck_assert_int_eq(rulebook_discipline_from_name("dismissal"),
	                 RB_DISC_DISMISSAL);
	ck_assert_str_eq(rulebook_scope_name(RB_SCOPE_PROVINCE), "province");
	ck_assert_str_eq(rulebook_achievement_name(RB_ACH_CLUSTER_LEADER),
	                 "cluster-leader");
	ck_assert_str_eq(rulebook_subject_name(RB_UNIT), "unit");
	ck_assert_str_eq(rulebook_rating_name(99), "?");
	/* The ratings and levels are ordered as the domain orders them. */
	ck_assert_int_lt(RB_KHTNV, RB_HTNV);
	ck_assert_int_lt(RB_HTNV, RB_HTTNV);
	ck_assert_int_lt(RB_HTTNV, RB_HTXSNV);
	ck_assert_int_lt(RB_DISC_REPRIMAND, RB_DISC_WARNING);
	ck_assert_int_lt(RB_DISC_WARNING, RB_DISC_DISMISSAL);
	rulebook_free(NULL);
}
END_TEST

/* laureld carries the default rulebook (laureld demo loads it without the
 * source tree): the same bytes as the data file. */
START_TEST(test_the_built_in_rulebook_is_the_data_file)
{
	size_t len;
	char *text = slurp(DEFAULT_RULEBOOK, &len);
	struct rulebook *rb = NULL;

	ck_assert_uint_eq(builtin_rulebook_len, len);
	ck_assert(memcmp(builtin_rulebook, text, len) == 0);
	ck_assert_int_eq(rulebook_parse((const char *)builtin_rulebook,
	                                builtin_rulebook_len, &rb, NULL), 0);
	rulebook_free(rb);
	free(text);
}
END_TEST

START_TEST(test_the_tie_break_line_is_read_and_written_back)
{
	static const char text[] = HEAD "tie-break women-first 70%\n" LDTT_BLOCK;
	struct rulebook *rb = parse_ok(text), *again, *none;
	char *out = NULL;
	size_t len;

	ck_assert_int_eq(rulebook_tiebreak_women_bp(rb), 7000);
	ck_assert_int_eq(rulebook_format(rb, &out, &len), 0);
	ck_assert_ptr_nonnull(strstr(out, "tie-break women-first 70%\n"));
	again = parse_ok(out);
	ck_assert_int_eq(rulebook_tiebreak_women_bp(again), 7000);
	none = parse_ok(HEAD LDTT_BLOCK);
	ck_assert_int_eq(rulebook_tiebreak_women_bp(none), 0);
	free(out);
	rulebook_free(rb);
	rulebook_free(again);
	rulebook_free(none);
	rb = load_default();
	ck_assert_int_eq(rulebook_tiebreak_women_bp(rb), 7000);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_a_bad_tie_break_line_is_refused_on_its_line)
{
	static const char *const bad[] = {
		HEAD "tie-break men-first 70%\n" LDTT_BLOCK,
		HEAD "tie-break women-first\n" LDTT_BLOCK,
		HEAD "tie-break women-first 0%\n" LDTT_BLOCK,
		HEAD "tie-break women-first 70%\ntie-break women-first 60%\n"
		     LDTT_BLOCK,
	};
	static const int line[] = {3, 3, 3, 4};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct rulebook_error err;
		struct rulebook *rb;
		ck_assert_int_eq(rulebook_parse(bad[i], strlen(bad[i]), &rb, &err),
		                 LRL_EINVAL);
		ck_assert_int_eq(err.line, line[i]);
	}
}
END_TEST

Suite *suite_rulebook(void)
{
	Suite *s = suite_create("rulebook");
	TCase *tc = tcase_create("rulebook");

	tcase_add_test(tc, test_the_shipped_2026_rulebook_parses);
	tcase_add_test(tc, test_each_shipped_title_has_the_values_of_the_domain);
	tcase_add_test(tc, test_the_criteria_become_a_tree_of_rules);
	tcase_add_test(tc, test_the_base_salary_in_force_follows_the_date);
	tcase_add_test(tc, test_the_written_rulebook_parses_back_to_the_same_values);
	tcase_add_test(tc, test_every_construct_round_trips);
	tcase_add_test(tc, test_the_tie_break_line_is_read_and_written_back);
	tcase_add_test(tc, test_a_bad_tie_break_line_is_refused_on_its_line);
	tcase_add_test(tc, test_omitted_version_and_rounding_take_their_defaults);
	tcase_add_loop_test(tc, test_each_mistake_is_reported_on_its_line, 0,
	                    (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, test_error_messages_carry_their_arguments_for_translation);
	tcase_add_test(tc, test_a_text_larger_than_the_limit_is_refused);
	tcase_add_test(tc, test_a_line_longer_than_the_limit_is_refused);
	tcase_add_test(tc, test_enumeration_words_match_the_syntax);
	tcase_add_test(tc, test_the_built_in_rulebook_is_the_data_file);
	suite_add_tcase(s, tc);
	return s;
}
