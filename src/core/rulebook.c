/* rulebook.c — the rulebook text format: parser, accessors and writer
 * (see rulebook.h and laurel-rulebook(5)). */
#include "laurel/rulebook.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/text.h"

struct salary {
	int32_t from;
	int64_t amount;
};

struct rulebook {
	int year;
	int version;
	char *name;
	char *sources[RULEBOOK_SOURCES_MAX];
	size_t nsources;
	struct salary salaries[RULEBOOK_SALARIES_MAX];
	size_t nsalaries;
	int64_t rounding;
	/* Titles are allocated one by one so that rules may point at them
	 * while the array is still growing. */
	struct rulebook_title *titles[RULEBOOK_TITLES_MAX];
	size_t ntitles;
	struct rulebook_cap caps[RULEBOOK_TITLES_MAX];
	size_t ncaps;
	int women_bp; /* tie-break women-first: the unit share; 0 = none */
};

/* ---- names of the enumerations ------------------------------------ */

static const char *const rating_names[RB_RATING_COUNT] = {
	[RB_RATING_NONE] = "none", [RB_KHTNV] = "KHTNV", [RB_HTNV] = "HTNV",
	[RB_HTTNV] = "HTTNV",      [RB_HTXSNV] = "HTXSNV",
};
static const char *const discipline_names[RB_DISC_COUNT] = {
	[RB_DISC_NONE] = "none",
	[RB_DISC_REPRIMAND] = "reprimand",
	[RB_DISC_WARNING] = "warning",
	[RB_DISC_DISMISSAL] = "dismissal",
};
static const char *const scope_names[RB_SCOPE_COUNT] = {
	[RB_SCOPE_HOSPITAL] = "hospital",
	[RB_SCOPE_PROVINCE] = "province",
	[RB_SCOPE_NATIONAL] = "national",
};
static const char *const achievement_names[RB_ACH_COUNT] = {
	[RB_ACH_MOVEMENT] = "movement",
	[RB_ACH_ADHOC] = "ad-hoc",
	[RB_ACH_CLUSTER_LEADER] = "cluster-leader",
};

static int name_index(const char *const *names, int n, int first,
                      const char *word)
{
	for (int i = first; i < n; i++)
		if (names[i] && !strcmp(names[i], word))
			return i;
	return -1;
}

const char *rulebook_rating_name(int rating)
{
	return rating >= 0 && rating < RB_RATING_COUNT ? rating_names[rating]
	                                               : "?";
}

int rulebook_rating_from_name(const char *word)
{
	return name_index(rating_names, RB_RATING_COUNT, RB_KHTNV, word);
}

const char *rulebook_discipline_name(int level)
{
	return level >= 0 && level < RB_DISC_COUNT ? discipline_names[level]
	                                           : "?";
}

int rulebook_discipline_from_name(const char *word)
{
	return name_index(discipline_names, RB_DISC_COUNT, RB_DISC_REPRIMAND,
	                  word);
}

const char *rulebook_scope_name(int scope)
{
	return scope >= RB_SCOPE_HOSPITAL && scope < RB_SCOPE_COUNT
	               ? scope_names[scope]
	               : "?";
}

const char *rulebook_achievement_name(int achievement)
{
	return achievement >= 0 && achievement < RB_ACH_COUNT
	               ? achievement_names[achievement]
	               : "?";
}

const char *rulebook_subject_name(int subject)
{
	return subject == RB_PERSON ? "person" : subject == RB_UNIT ? "unit" : "?";
}

int rulebook_coefficient(const struct rulebook_title *t, int subject)
{
	if (!(t->subjects & subject))
		return 0;
	return subject == RB_PERSON ? t->coef_person
	       : subject == RB_UNIT ? t->coef_unit
	                            : 0;
}

/* ---- freeing ---------------------------------------------------------- */

static void rules_free(struct rulebook_rule *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rules_free((struct rulebook_rule *)r[i].children, r[i].nchildren);
	free(r);
}

static void title_free(struct rulebook_title *t)
{
	if (t == NULL)
		return;
	rules_free((struct rulebook_rule *)t->rules, t->nrules);
	free((char *)t->name);
	free(t);
}

void rulebook_free(struct rulebook *rb)
{
	if (rb == NULL)
		return;
	free(rb->name);
	for (size_t i = 0; i < rb->nsources; i++)
		free(rb->sources[i]);
	for (size_t i = 0; i < rb->ntitles; i++)
		title_free(rb->titles[i]);
	free(rb);
}

/* ---- the parser ------------------------------------------------------ */

struct tok {
	const char *s; /* the word, or for a quoted string its unescaped text */
	size_t len;
	size_t off;    /* byte offset of the word in the line */
	size_t end;    /* byte offset just after it */
	int quoted;
};

/* An open group of criteria: the title's own list, or an any-of, all-of
 * or when block inside it. */
struct frame {
	enum rulebook_rule_kind kind; /* 0 for the title's own list */
	int line;
	int audience;
	struct rulebook_rule *rules;
	size_t n, cap;
};

struct parser {
	struct rulebook *rb;
	struct rulebook_error *err;
	int lineno;
	const char *line;
	size_t linelen;
	struct tok tok[RULEBOOK_WORDS_MAX];
	int ntok;
	char strbuf[RULEBOOK_LINE_MAX + 1]; /* unescaped quoted strings */
	char words[RULEBOOK_LINE_MAX + 1];  /* NUL-terminated copies of words */
	/* The open title, if any, and what it has said so far. */
	struct rulebook_title *title;
	int decided_line, vote_line, report_line, coef_line[3];
	struct frame stack[RULEBOOK_DEPTH_MAX + 1];
	int depth; /* frames in use; 0 when no title is open */
	/* Lines of the top-level statements given once. */
	int year_line, version_line, name_line, rounding_line, tiebreak_line;
};

static size_t column_of(const struct parser *p, size_t off)
{
	return text_codepoints(p->line, off) + 1;
}

static void set_error(struct parser *p, int line, size_t column,
                      const char *fmt, va_list ap)
{
	va_list aq;

	if (p->err == NULL)
		return;
	va_copy(aq, ap);
	p->err->line = line;
	p->err->column = (int)column;
	vsnprintf(p->err->message, sizeof p->err->message, fmt, aq);
	va_end(aq);
	msg_capture(&p->err->msg, fmt, ap);
}

/* Records a mistake at word i of the current line (i < 0: the whole
 * line; i == ntok: just after the last word) and returns LRL_EINVAL. */
__attribute__((format(printf, 3, 4))) static int fail(struct parser *p, int i,
                                                      const char *fmt, ...)
{
	va_list ap;
	size_t col = 0;

	if (i >= 0 && i < p->ntok)
		col = column_of(p, p->tok[i].off);
	else if (i >= 0 && p->ntok > 0)
		col = column_of(p, p->tok[p->ntok - 1].end) + 1;
	va_start(ap, fmt);
	set_error(p, p->lineno, col, fmt, ap);
	va_end(ap);
	return LRL_EINVAL;
}

/* Records a mistake at a given line (0: the whole text). */
__attribute__((format(printf, 3, 4))) static int fail_at(struct parser *p,
                                                         int line,
                                                         const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_error(p, line, 0, fmt, ap);
	va_end(ap);
	return LRL_EINVAL;
}

static int oom(struct parser *p)
{
	fail_at(p, 0, "out of memory");
	return LRL_ENOMEM;
}

static const char *w(const struct parser *p, int i)
{
	return i < p->ntok ? p->tok[i].s : "";
}

static int is(const struct parser *p, int i, const char *word)
{
	return i < p->ntok && !p->tok[i].quoted && !strcmp(p->tok[i].s, word);
}

/* Splits the current line into words.  Words are separated by spaces or
 * tabs; "…" is one word (with \" and \\ escapes); # starts a comment. */
static int tokenize(struct parser *p)
{
	const char *s = p->line;
	size_t n = p->linelen, i = 0, so = 0, wo = 0;

	p->ntok = 0;
	if (n > RULEBOOK_LINE_MAX)
		return fail(p, -1, "the line is longer than %d bytes",
		            RULEBOOK_LINE_MAX);
	if (!text_utf8_valid(s, n))
		return fail(p, -1, "the line is not valid UTF-8");
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(p, -1, "the line contains a control character");
	}
	for (;;) {
		struct tok *t;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n || s[i] == '#')
			return 0;
		if (p->ntok == RULEBOOK_WORDS_MAX)
			return fail(p, -1, "more than %d words on one line",
			            RULEBOOK_WORDS_MAX);
		t = &p->tok[p->ntok++];
		t->off = i;
		if (s[i] == '"') {
			t->quoted = 1;
			t->s = p->strbuf + so;
			for (i++;; i++) {
				if (i >= n)
					return fail(p, p->ntok - 1,
					            "the quoted text is not closed with \"");
				if (s[i] == '"')
					break;
				if (s[i] == '\\' && i + 1 < n &&
				    (s[i + 1] == '"' || s[i + 1] == '\\'))
					i++;
				p->strbuf[so++] = s[i];
			}
			t->len = (size_t)(p->strbuf + so - t->s);
			p->strbuf[so++] = '\0';
			i++;
			t->end = i;
			if (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '#')
				return fail(p, p->ntok - 1,
				            "a space must follow the closing quote");
		} else {
			size_t b = i;
			t->quoted = 0;
			while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '#')
				i++;
			if (memchr(s + b, '"', i - b))
				return fail(p, p->ntok - 1,
				            "a quote may only start a word");
			t->len = i - b;
			t->end = i;
			memcpy(p->words + wo, s + b, t->len);
			t->s = p->words + wo;
			wo += t->len;
			p->words[wo++] = '\0';
		}
	}
}

/* ---- words ----------------------------------------------------------- */

static int no_more(struct parser *p, int i)
{
	if (i < p->ntok)
		return fail(p, i, "unexpected \"%s\" after \"%s\"", w(p, i),
		            w(p, i - 1));
	return 0;
}

static int need_word(struct parser *p, int i, const char *word)
{
	if (i >= p->ntok)
		return fail(p, i, "\"%s\" is missing after \"%s\"", word, w(p, i - 1));
	if (!is(p, i, word))
		return fail(p, i, "expected \"%s\" here, not \"%s\"", word, w(p, i));
	return 0;
}

static int need_present(struct parser *p, int i, const char *what)
{
	if (i >= p->ntok)
		return fail(p, i, "%s is missing after \"%s\"", what, w(p, i - 1));
	return 0;
}

/* A whole number in [min, max], digits only. */
static int get_int(struct parser *p, int i, const char *what, long long min,
                   long long max, long long *out)
{
	const struct tok *t = &p->tok[i];
	long long v = 0;
	int rc;

	if ((rc = need_present(p, i, what)))
		return rc;
	if (t->quoted || t->len == 0 || t->len > 12)
		goto bad;
	for (size_t k = 0; k < t->len; k++) {
		if (t->s[k] < '0' || t->s[k] > '9')
			goto bad;
		v = v * 10 + (t->s[k] - '0');
	}
	if (v < min || v > max)
		return fail(p, i, "%s %lld is out of range (%lld to %lld)", what,
		            v, min, max);
	*out = v;
	return 0;
bad:
	return fail(p, i, "bad number \"%s\": %s must be written in digits only",
	            t->s, what);
}

/* A decimal with at most `places` decimals, returned scaled by 10^places
 * ("0.3" with 3 places -> 300).  A comma is refused: it is ambiguous
 * with Vietnamese thousands separators. */
static int get_decimal(const struct tok *t, size_t len, int places,
                       long long *out)
{
	long long v = 0;
	int frac = -1;

	if (t->quoted || len == 0 || len > 12)
		return -1;
	for (size_t k = 0; k < len; k++) {
		char c = t->s[k];
		if (c == '.' && frac < 0 && k > 0 && k + 1 < len) {
			frac = 0;
			continue;
		}
		if (c < '0' || c > '9' || frac == places)
			return -1;
		v = v * 10 + (c - '0');
		if (frac >= 0)
			frac++;
	}
	for (int k = frac < 0 ? 0 : frac; k < places; k++)
		v *= 10;
	*out = v;
	return 0;
}

/* "70%" or "66.67%" -> hundredths of a percent, in (0, 100%]. */
static int get_percent(struct parser *p, int i, const char *what, int *bp)
{
	const struct tok *t = &p->tok[i];
	long long v;
	int rc;

	if ((rc = need_present(p, i, what)))
		return rc;
	if (t->quoted || t->len < 2 || t->s[t->len - 1] != '%')
		return fail(p, i, "expected %s like 80%%, not \"%s\"", what, t->s);
	if (get_decimal(t, t->len - 1, 2, &v))
		return fail(p, i, "bad percentage \"%s\": write it like 70%% or "
		            "66.67%%", t->s);
	if (v <= 0 || v > 10000)
		return fail(p, i, "percentage %s is out of range: it must be more "
		            "than 0%% and at most 100%%", t->s);
	*bp = (int)v;
	return 0;
}

static int get_coefficient(struct parser *p, int i, int *milli)
{
	const struct tok *t = &p->tok[i];
	long long v;
	int rc;

	if ((rc = need_present(p, i, "a coefficient")))
		return rc;
	if (get_decimal(t, t->len, 3, &v))
		return fail(p, i, "bad coefficient \"%s\": write it like 0.3 or "
		            "1.5 (a dot, at most three decimals)", t->s);
	if (v <= 0 || v > RULEBOOK_COEF_MAX)
		return fail(p, i, "coefficient %s is out of range: it must be "
		            "more than 0 and at most %d", t->s,
		            RULEBOOK_COEF_MAX / 1000);
	*milli = (int)v;
	return 0;
}

static int get_quoted(struct parser *p, int i, const char *what, char **out)
{
	const char *reason = NULL;
	int rc;

	if ((rc = need_present(p, i, what)))
		return rc;
	if (!p->tok[i].quoted)
		return fail(p, i, "%s must be written in double quotes, not %s",
		            what, w(p, i));
	rc = text_clean(p->tok[i].s, p->tok[i].len, 1, RULEBOOK_NAME_MAX, 0,
	                out, &reason);
	if (rc == LRL_ENOMEM)
		return oom(p);
	if (rc && reason && !strcmp(reason, "is too long"))
		return fail(p, i, "%s is too long (at most %d characters)", what,
		            RULEBOOK_NAME_MAX);
	if (rc)
		return fail(p, i, "%s %s", what, reason ? reason : "is invalid");
	return 0;
}

static int get_choice(struct parser *p, int i, const char *what,
                      const char *const *names, int n, int first,
                      const char *hint, int *out)
{
	int rc, v;

	if ((rc = need_present(p, i, what)))
		return rc;
	v = p->tok[i].quoted ? -1 : name_index(names, n, first, w(p, i));
	if (v < 0)
		return fail(p, i, "unknown %s \"%s\" (use %s)", what, w(p, i), hint);
	*out = v;
	return 0;
}

static int get_rating(struct parser *p, int i, int *out)
{
	return get_choice(p, i, "rating", rating_names, RB_RATING_COUNT,
	                  RB_KHTNV, "HTXSNV, HTTNV, HTNV or KHTNV", out);
}

static int get_level(struct parser *p, int i, int *out)
{
	return get_choice(p, i, "discipline level", discipline_names,
	                  RB_DISC_COUNT, RB_DISC_REPRIMAND,
	                  "reprimand, warning or dismissal", out);
}

static int valid_code(const char *s, size_t len)
{
	if (len == 0 || len > RULEBOOK_CODE_MAX || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (size_t k = 0; k < len; k++)
		if (!((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') ||
		      s[k] == '-' || s[k] == '_'))
			return 0;
	return 1;
}

/* A reference to a title defined earlier, which must be for every
 * subject in `audience`. */
static int get_ref(struct parser *p, int i, int audience,
                   const struct rulebook_title **out)
{
	const struct rulebook_title *t;
	int rc;

	if ((rc = need_present(p, i, "a title code")))
		return rc;
	if (p->tok[i].quoted || !valid_code(p->tok[i].s, p->tok[i].len))
		return fail(p, i, "bad title code \"%s\": use capital letters, "
		            "digits, - and _ (at most %d)", w(p, i),
		            RULEBOOK_CODE_MAX);
	t = rulebook_title_find(p->rb, w(p, i));
	if (t == NULL)
		return fail(p, i, "unknown title code \"%s\" (a title must be "
		            "defined before it is referred to)", w(p, i));
	if (t == p->title)
		return fail(p, i, "%s cannot require itself", t->code);
	for (int s = RB_PERSON; s <= RB_UNIT; s <<= 1)
		if ((audience & s) && !(t->subjects & s))
			return fail(p, i, "%s is not for %ss, so it cannot be "
			            "required of one", t->code,
			            rulebook_subject_name(s));
	*out = t;
	return 0;
}

/* Optional "N years in a row" from word i; *years stays 1 without it. */
static int get_streak(struct parser *p, int i, int *years)
{
	long long n;
	int rc;

	*years = 1;
	if (i >= p->ntok)
		return 0;
	if (p->tok[i].quoted || p->tok[i].s[0] < '0' || p->tok[i].s[0] > '9')
		return fail(p, i, "unexpected \"%s\": expected the end of the "
		            "line or \"N years in a row\"", w(p, i));
	if ((rc = get_int(p, i, "the number of years", 1, RULEBOOK_YEARS_MAX,
	                  &n)))
		return rc;
	if (!is(p, i + 1, n == 1 ? "year" : "years"))
		return need_word(p, i + 1, n == 1 ? "year" : "years");
	if ((rc = need_word(p, i + 2, "in")) || (rc = need_word(p, i + 3, "a")) ||
	    (rc = need_word(p, i + 4, "row")) || (rc = no_more(p, i + 5)))
		return rc;
	*years = (int)n;
	return 0;
}

/* ---- the rulebook level ------------------------------------------------ */

static int once(struct parser *p, int *line, const char *what)
{
	if (*line)
		return fail(p, 0, "\"%s\" is already given at line %d", what, *line);
	*line = p->lineno;
	return 0;
}

static int kw_year(struct parser *p)
{
	long long v;
	int rc;

	if ((rc = once(p, &p->year_line, "year")) ||
	    (rc = get_int(p, 1, "the year", 1900, 2099, &v)) ||
	    (rc = no_more(p, 2)))
		return rc;
	p->rb->year = (int)v;
	return 0;
}

static int kw_version(struct parser *p)
{
	long long v;
	int rc;

	if ((rc = once(p, &p->version_line, "version")) ||
	    (rc = get_int(p, 1, "the version", 1, 1000000, &v)) ||
	    (rc = no_more(p, 2)))
		return rc;
	p->rb->version = (int)v;
	return 0;
}

static int kw_name(struct parser *p)
{
	int rc;

	if ((rc = once(p, &p->name_line, "name")) ||
	    (rc = get_quoted(p, 1, "the name", &p->rb->name)) ||
	    (rc = no_more(p, 2)))
		return rc;
	return 0;
}

static int kw_source(struct parser *p)
{
	char *s = NULL;
	int rc;

	if (p->rb->nsources == RULEBOOK_SOURCES_MAX)
		return fail(p, 0, "more than %d \"source\" lines",
		            RULEBOOK_SOURCES_MAX);
	if ((rc = get_quoted(p, 1, "the source", &s)))
		return rc;
	p->rb->sources[p->rb->nsources++] = s;
	return no_more(p, 2);
}

static int kw_salary(struct parser *p)
{
	struct rulebook *rb = p->rb;
	int32_t from;
	long long amount;
	int rc;

	if (rb->nsalaries == RULEBOOK_SALARIES_MAX)
		return fail(p, 0, "more than %d \"base-salary\" lines",
		            RULEBOOK_SALARIES_MAX);
	if ((rc = need_present(p, 1, "the date it takes effect")))
		return rc;
	if (p->tok[1].quoted || date_parse(w(p, 1), &from))
		return fail(p, 1, "bad date \"%s\": write it as dd/mm/yyyy, "
		            "a day that exists between 1900 and 2099", w(p, 1));
	if ((rc = get_int(p, 2, "the base salary", 1, RULEBOOK_SALARY_MAX,
	                  &amount)) ||
	    (rc = no_more(p, 3)))
		return rc;
	if (rb->nsalaries > 0 && from <= rb->salaries[rb->nsalaries - 1].from) {
		char prev[16];
		date_format(rb->salaries[rb->nsalaries - 1].from, prev, sizeof prev);
		return fail(p, 1, "base salaries must be in date order: %s does "
		            "not come after %s", w(p, 1), prev);
	}
	rb->salaries[rb->nsalaries].from = from;
	rb->salaries[rb->nsalaries].amount = amount;
	rb->nsalaries++;
	return 0;
}

static int kw_rounding(struct parser *p)
{
	long long v;
	int rc;

	if ((rc = once(p, &p->rounding_line, "round-up")) ||
	    (rc = get_int(p, 1, "the rounding multiple", 1, RULEBOOK_SALARY_MAX,
	                  &v)) ||
	    (rc = no_more(p, 2)))
		return rc;
	p->rb->rounding = v;
	return 0;
}

/* tie-break women-first N% */
static int kw_tiebreak(struct parser *p)
{
	int rc;

	if ((rc = once(p, &p->tiebreak_line, "tie-break")) ||
	    (rc = need_word(p, 1, "women-first")) ||
	    (rc = get_percent(p, 2, "the share of women that makes a unit "
	                      "count first", &p->rb->women_bp)) ||
	    (rc = no_more(p, 3)))
		return rc;
	if (p->rb->women_bp <= 0)
		return fail(p, 2, "the share of women must be more than 0%%");
	return 0;
}

/* cap CODE N% of CODE */
static int kw_cap(struct parser *p)
{
	struct rulebook *rb = p->rb;
	struct rulebook_cap c = {0};
	int rc;

	if ((rc = get_ref(p, 1, 0, &c.code)) ||
	    (rc = get_percent(p, 2, "a percentage", &c.percent_bp)) ||
	    (rc = need_word(p, 3, "of")) || (rc = get_ref(p, 4, 0, &c.of)) ||
	    (rc = no_more(p, 5)))
		return rc;
	if (c.code == c.of)
		return fail(p, 4, "a cap on %s must be a share of another title",
		            c.code->code);
	if (rulebook_cap_find(rb, c.code->code))
		return fail(p, 1, "%s already has a cap at line %d", c.code->code,
		            rulebook_cap_find(rb, c.code->code)->line);
	c.line = p->lineno;
	rb->caps[rb->ncaps++] = c;
	return 0;
}

/* title CODE "Name" / honour CODE "Name" */
static int kw_title(struct parser *p)
{
	struct rulebook *rb = p->rb;
	const struct rulebook_title *old;
	struct rulebook_title *t;
	int rc;

	if ((rc = need_present(p, 1, "a title code")))
		return rc;
	if (p->tok[1].quoted || !valid_code(p->tok[1].s, p->tok[1].len))
		return fail(p, 1, "bad title code \"%s\": use capital letters, "
		            "digits, - and _ (at most %d)", w(p, 1),
		            RULEBOOK_CODE_MAX);
	if ((old = rulebook_title_find(rb, w(p, 1))) != NULL)
		return fail(p, 1, "title code \"%s\" is already defined at line %d",
		            w(p, 1), old->line);
	if (rb->ntitles == RULEBOOK_TITLES_MAX)
		return fail(p, 0, "more than %d titles and honours",
		            RULEBOOK_TITLES_MAX);
	if ((t = calloc(1, sizeof *t)) == NULL)
		return oom(p);
	rb->titles[rb->ntitles++] = t;
	memcpy(t->code, p->tok[1].s, p->tok[1].len);
	t->kind = is(p, 0, "title") ? RB_TITLE : RB_HONOUR;
	t->line = p->lineno;
	if ((rc = get_quoted(p, 2, "the name", (char **)&t->name)) ||
	    (rc = no_more(p, 3)))
		return rc;
	p->title = t;
	p->decided_line = p->vote_line = p->report_line = 0;
	memset(p->coef_line, 0, sizeof p->coef_line);
	memset(&p->stack[0], 0, sizeof p->stack[0]);
	p->stack[0].line = p->lineno;
	p->depth = 1;
	return 0;
}

/* ---- title properties ------------------------------------------------ */

static int kw_for(struct parser *p)
{
	int subjects = 0;

	if (p->ntok < 2)
		return fail(p, 1, "\"for\" needs person, unit or both");
	for (int i = 1; i < p->ntok; i++) {
		int s = is(p, i, "person") ? RB_PERSON : is(p, i, "unit") ? RB_UNIT : 0;
		if (s == 0)
			return fail(p, i, "expected person or unit, not \"%s\"",
			            w(p, i));
		if (subjects & s)
			return fail(p, i, "\"%s\" is given twice", w(p, i));
		subjects |= s;
	}
	p->title->subjects = subjects;
	p->stack[0].audience = subjects;
	return 0;
}

static int kw_decided(struct parser *p)
{
	int rc;

	if ((rc = once(p, &p->decided_line, "decided")) ||
	    (rc = need_present(p, 1, "hospital or forwarded")))
		return rc;
	if (is(p, 1, "hospital"))
		p->title->decided = RB_DECIDED_HOSPITAL;
	else if (is(p, 1, "forwarded"))
		p->title->decided = RB_DECIDED_FORWARDED;
	else
		return fail(p, 1, "expected hospital or forwarded, not \"%s\"",
		            w(p, 1));
	return no_more(p, 2);
}

static int kw_vote(struct parser *p)
{
	int rc;

	if ((rc = once(p, &p->vote_line, "vote")) ||
	    (rc = need_present(p, 1, "majority or a share of members")))
		return rc;
	if (is(p, 1, "majority")) {
		p->title->vote_bp = 0;
		return no_more(p, 2);
	}
	if ((rc = get_percent(p, 1, "majority or a percentage",
	                      &p->title->vote_bp)) ||
	    (rc = need_word(p, 2, "of")) || (rc = need_word(p, 3, "members")) ||
	    (rc = no_more(p, 4)))
		return rc;
	return 0;
}

static int kw_coefficient(struct parser *p)
{
	struct rulebook_title *t = p->title;
	int subjects = t->subjects, milli = 0, rc, i = 1;

	if (is(p, 1, "person") || is(p, 1, "unit")) {
		subjects = is(p, 1, "person") ? RB_PERSON : RB_UNIT;
		if (!(t->subjects & subjects))
			return fail(p, 1, "%s is not for %ss", t->code, w(p, 1));
		i = 2;
	}
	for (int s = RB_PERSON; s <= RB_UNIT; s <<= 1)
		if ((subjects & s) && p->coef_line[s])
			return fail(p, 0, "the coefficient for %ss is already given "
			            "at line %d", rulebook_subject_name(s),
			            p->coef_line[s]);
	if ((rc = get_coefficient(p, i, &milli)) || (rc = no_more(p, i + 1)))
		return rc;
	if (subjects & RB_PERSON) {
		t->coef_person = milli;
		p->coef_line[RB_PERSON] = p->lineno;
	}
	if (subjects & RB_UNIT) {
		t->coef_unit = milli;
		p->coef_line[RB_UNIT] = p->lineno;
	}
	return 0;
}

static int kw_report(struct parser *p)
{
	int rc;

	if ((rc = once(p, &p->report_line, "report")) ||
	    (rc = need_present(p, 1, "yes or no")))
		return rc;
	if (!is(p, 1, "yes") && !is(p, 1, "no"))
		return fail(p, 1, "expected yes or no, not \"%s\"", w(p, 1));
	p->title->report = is(p, 1, "yes");
	return no_more(p, 2);
}

/* ---- criteria --------------------------------------------------------- */

static struct frame *top(struct parser *p)
{
	return &p->stack[p->depth - 1];
}

/* Appends a rule to the innermost open group; returns NULL (with the
 * error recorded) when memory runs out. */
static struct rulebook_rule *add_rule(struct parser *p,
                                      enum rulebook_rule_kind kind)
{
	struct frame *f = top(p);
	struct rulebook_rule *r;

	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 4;
		r = realloc(f->rules, cap * sizeof *r);
		if (r == NULL) {
			oom(p);
			return NULL;
		}
		f->rules = r;
		f->cap = cap;
	}
	r = &f->rules[f->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->line = p->lineno;
	r->audience = f->audience;
	r->years = 1;
	return r;
}

/* A criterion that only makes sense for one kind of subject. */
static int only_for(struct parser *p, int subject)
{
	int aud = top(p)->audience;

	if (aud == subject)
		return 0;
	if (!(p->title->subjects & subject))
		return fail(p, 0, "\"%s\" applies to %ss only, and %s is not for "
		            "%ss", w(p, 0), rulebook_subject_name(subject),
		            p->title->code, rulebook_subject_name(subject));
	return fail(p, 0, "\"%s\" applies to %ss only: put it inside "
	            "\"when %s\"", w(p, 0), rulebook_subject_name(subject),
	            rulebook_subject_name(subject));
}

#define ADD(p, r, kind)                                                        \
	do {                                                                   \
		if (((r) = add_rule((p), (kind))) == NULL)                     \
			return LRL_ENOMEM;                                     \
	} while (0)

/* rating >= R [N years in a row] */
static int kw_rating(struct parser *p)
{
	struct rulebook_rule *r;
	int rating, years, rc;

	if ((rc = need_word(p, 1, ">=")) || (rc = get_rating(p, 2, &rating)) ||
	    (rc = get_streak(p, 3, &years)))
		return rc;
	ADD(p, r, RB_RATING);
	r->rating = rating;
	r->years = years;
	return 0;
}

/* title CODE [N years in a row] */
static int kw_holds_title(struct parser *p)
{
	const struct rulebook_title *ref;
	struct rulebook_rule *r;
	int years, rc;

	if ((rc = get_ref(p, 1, top(p)->audience, &ref)) ||
	    (rc = get_streak(p, 2, &years)))
		return rc;
	ADD(p, r, RB_HOLDS_TITLE);
	r->ref = ref;
	r->years = years;
	return 0;
}

/* no discipline >= L / no member discipline >= L */
static int kw_no(struct parser *p)
{
	struct rulebook_rule *r;
	int member = is(p, 1, "member"), level, rc;

	if (!member && !is(p, 1, "discipline")) {
		if (p->ntok < 2)
			return fail(p, 1, "\"no\" needs \"discipline\" or \"member "
			            "discipline\"");
		return fail(p, 1, "expected \"discipline\" or \"member\" after "
		            "\"no\", not \"%s\"", w(p, 1));
	}
	if ((member && (rc = need_word(p, 2, "discipline"))) ||
	    (rc = need_word(p, 2 + member, ">=")) ||
	    (rc = get_level(p, 3 + member, &level)) ||
	    (rc = no_more(p, 4 + member)) ||
	    (rc = only_for(p, member ? RB_UNIT : RB_PERSON)))
		return rc;
	ADD(p, r, member ? RB_NO_MEMBER_DISCIPLINE : RB_NO_DISCIPLINE);
	r->level = level;
	return 0;
}

/* worked >= N months [including maternity-leave] */
static int kw_worked(struct parser *p)
{
	struct rulebook_rule *r;
	long long months;
	int maternity = 0, rc;

	if ((rc = need_word(p, 1, ">=")) ||
	    (rc = get_int(p, 2, "the number of months", 1, 12, &months)) ||
	    (rc = need_word(p, 3, months == 1 ? "month" : "months")))
		return rc;
	if (p->ntok > 4) {
		if ((rc = need_word(p, 4, "including")) ||
		    (rc = need_word(p, 5, "maternity-leave")) ||
		    (rc = no_more(p, 6)))
			return rc;
		maternity = 1;
	}
	if ((rc = only_for(p, RB_PERSON)))
		return rc;
	ADD(p, r, RB_WORKED);
	r->count = (int)months;
	r->maternity = maternity;
	return 0;
}

/* initiatives|research >= N [scope S] [within N years] */
static int kw_works(struct parser *p)
{
	struct rulebook_rule *r;
	long long count, years = 1;
	int scope = RB_SCOPE_HOSPITAL, seen_scope = 0, seen_within = 0, rc;

	if ((rc = need_word(p, 1, ">=")) ||
	    (rc = get_int(p, 2, "the count", 1, RULEBOOK_COUNT_MAX, &count)))
		return rc;
	for (int i = 3; i < p->ntok;) {
		if (is(p, i, "scope") && !seen_scope) {
			if ((rc = get_choice(p, i + 1, "scope", scope_names,
			                     RB_SCOPE_COUNT, RB_SCOPE_HOSPITAL,
			                     "hospital, province or national",
			                     &scope)))
				return rc;
			seen_scope = 1;
			i += 2;
		} else if (is(p, i, "within") && !seen_within) {
			if ((rc = get_int(p, i + 1, "the number of years", 1,
			                  RULEBOOK_YEARS_MAX, &years)) ||
			    (rc = need_word(p, i + 2, years == 1 ? "year" : "years")))
				return rc;
			seen_within = 1;
			i += 3;
		} else {
			return fail(p, i, "unexpected \"%s\": expected \"scope\" or "
			            "\"within\"", w(p, i));
		}
	}
	if ((rc = only_for(p, RB_PERSON)))
		return rc;
	ADD(p, r, is(p, 0, "initiatives") ? RB_INITIATIVES : RB_RESEARCH);
	r->count = (int)count;
	r->scope = scope;
	r->years = (int)years;
	return 0;
}

/* members >= N[%] with title CODE / members >= N[%] with rating >= R */
static int kw_members(struct parser *p)
{
	const struct rulebook_title *ref = NULL;
	struct rulebook_rule *r;
	long long count = 0;
	int bp = 0, rating = 0, rc;

	if ((rc = need_word(p, 1, ">=")) ||
	    (rc = need_present(p, 2, "a count or a percentage")))
		return rc;
	if (p->tok[2].len > 0 && p->tok[2].s[p->tok[2].len - 1] == '%')
		rc = get_percent(p, 2, "a percentage", &bp);
	else
		rc = get_int(p, 2, "the number of members", 1,
		             RULEBOOK_COUNT_MAX, &count);
	if (rc || (rc = need_word(p, 3, "with")) ||
	    (rc = need_present(p, 4, "\"title\" or \"rating\"")))
		return rc;
	if (is(p, 4, "title")) {
		rc = get_ref(p, 5, RB_PERSON, &ref);
		if (rc == 0)
			rc = no_more(p, 6);
	} else if (is(p, 4, "rating")) {
		if ((rc = need_word(p, 5, ">=")) == 0 &&
		    (rc = get_rating(p, 6, &rating)) == 0)
			rc = no_more(p, 7);
	} else {
		rc = fail(p, 4, "expected \"title\" or \"rating\", not \"%s\"",
		          w(p, 4));
	}
	if (rc || (rc = only_for(p, RB_UNIT)))
		return rc;
	ADD(p, r, ref ? RB_MEMBERS_TITLE : RB_MEMBERS_RATING);
	r->ref = ref;
	r->rating = rating;
	r->count = (int)count;
	r->percent_bp = bp;
	return 0;
}

/* achievement KIND */
static int kw_achievement(struct parser *p)
{
	struct rulebook_rule *r;
	int a, rc;

	if ((rc = get_choice(p, 1, "achievement", achievement_names,
	                     RB_ACH_COUNT, 0,
	                     "movement, ad-hoc or cluster-leader", &a)) ||
	    (rc = no_more(p, 2)))
		return rc;
	ADD(p, r, RB_ACHIEVEMENT);
	r->achievement = a;
	return 0;
}

/* any-of / all-of / when person|unit: opens a group. */
static int kw_group(struct parser *p)
{
	int audience = top(p)->audience, rc;
	enum rulebook_rule_kind kind = is(p, 0, "any-of")   ? RB_ANY_OF
	                               : is(p, 0, "all-of") ? RB_ALL_OF
	                                                    : RB_WHEN;
	struct rulebook_rule *r;
	struct frame *f;

	if (kind == RB_WHEN) {
		if ((rc = need_present(p, 1, "person or unit")))
			return rc;
		if (!is(p, 1, "person") && !is(p, 1, "unit"))
			return fail(p, 1, "expected person or unit, not \"%s\"",
			            w(p, 1));
		audience = is(p, 1, "person") ? RB_PERSON : RB_UNIT;
		if (!(top(p)->audience & audience)) {
			if (!(p->title->subjects & audience))
				return fail(p, 1, "%s is not for %ss", p->title->code,
				            w(p, 1));
			return fail(p, 1, "\"when %s\" inside \"when %s\" can "
			            "never apply", w(p, 1),
			            rulebook_subject_name(top(p)->audience));
		}
		if ((rc = no_more(p, 2)))
			return rc;
	} else if ((rc = no_more(p, 1))) {
		return rc;
	}
	if (p->depth > RULEBOOK_DEPTH_MAX)
		return fail(p, 0, "groups are nested more than %d deep",
		            RULEBOOK_DEPTH_MAX);
	ADD(p, r, kind);
	r->audience = audience;
	f = &p->stack[p->depth++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->line = p->lineno;
	f->audience = audience;
	return 0;
}

static const char *group_word(enum rulebook_rule_kind kind)
{
	return kind == RB_ANY_OF ? "any-of" : kind == RB_ALL_OF ? "all-of"
	                                                        : "when";
}

/* end: closes the innermost group, or the title. */
static int kw_end(struct parser *p)
{
	struct rulebook_title *t = p->title;
	struct frame *f = top(p);
	int rc;

	if ((rc = no_more(p, 1)))
		return rc;
	if (p->depth > 1) {
		struct frame *parent = &p->stack[p->depth - 2];
		struct rulebook_rule *g = &parent->rules[parent->n - 1];
		if (f->n == 0)
			return fail(p, 0, "the %s group opened at line %d is empty",
			            group_word(f->kind), f->line);
		g->children = f->rules;
		g->nchildren = f->n;
		f->rules = NULL;
		p->depth--;
		return 0;
	}
	if (!p->decided_line)
		return fail_at(p, t->line, "%s has no \"decided\" line (decided "
		               "hospital or decided forwarded)", t->code);
	if (!p->vote_line)
		return fail_at(p, t->line, "%s has no \"vote\" line (vote "
		               "majority or vote N%% of members)", t->code);
	for (int s = RB_PERSON; s <= RB_UNIT; s <<= 1)
		if ((t->subjects & s) && !p->coef_line[s])
			return fail_at(p, t->line, "%s has no coefficient for %ss",
			               t->code, rulebook_subject_name(s));
	t->rules = f->rules;
	t->nrules = f->n;
	f->rules = NULL;
	p->title = NULL;
	p->depth = 0;
	return 0;
}

/* ---- dispatch ----------------------------------------------------------- */

typedef int (*kw_fn)(struct parser *p);

struct keyword {
	const char *word;
	kw_fn fn;
};

/* Statements of the rulebook itself, outside any block. */
static const struct keyword top_keywords[] = {
	{"year", kw_year},       {"version", kw_version},
	{"name", kw_name},       {"source", kw_source},
	{"base-salary", kw_salary}, {"round-up", kw_rounding},
	{"cap", kw_cap},         {"tie-break", kw_tiebreak},         {"title", kw_title},
	{"honour", kw_title},    {NULL, NULL},
};

/* Properties of a title: only at its top level, never inside a group. */
static const struct keyword property_keywords[] = {
	{"for", kw_for},         {"decided", kw_decided},
	{"vote", kw_vote},       {"coefficient", kw_coefficient},
	{"report", kw_report},   {NULL, NULL},
};

/* Criteria and groups, anywhere inside a title. */
static const struct keyword rule_keywords[] = {
	{"rating", kw_rating},           {"title", kw_holds_title},
	{"no", kw_no},                   {"worked", kw_worked},
	{"initiatives", kw_works},       {"research", kw_works},
	{"members", kw_members},         {"achievement", kw_achievement},
	{"any-of", kw_group},            {"all-of", kw_group},
	{"when", kw_group},              {"end", kw_end},
	{NULL, NULL},
};

static kw_fn lookup(const struct keyword *table, const char *word)
{
	for (const struct keyword *k = table; k->word; k++)
		if (!strcmp(k->word, word))
			return k->fn;
	return NULL;
}

static int statement(struct parser *p)
{
	const char *word = w(p, 0);
	kw_fn fn;

	if (p->tok[0].quoted)
		return fail(p, 0, "a line must start with a keyword, not with "
		            "quoted text");
	if (p->title == NULL) {
		if ((fn = lookup(top_keywords, word)) != NULL)
			return fn(p);
		if (!strcmp(word, "end"))
			return fail(p, 0, "\"end\" without an open title, honour or "
			            "group");
		if (lookup(property_keywords, word) || lookup(rule_keywords, word))
			return fail(p, 0, "\"%s\" must be inside a title or honour "
			            "block", word);
		return fail(p, 0, "unknown keyword \"%s\"", word);
	}
	/* "title X \"name\"" or "honour X" inside a block: the block above
	 * was not closed. */
	if (!strcmp(word, "honour") ||
	    (!strcmp(word, "title") && p->ntok > 2 && p->tok[2].quoted))
		return fail_at(p, p->title->line, "%s is not closed with \"end\" "
		               "before the next %s at line %d", p->title->code,
		               word, p->lineno);
	if (p->title->subjects == 0 && strcmp(word, "for"))
		return fail(p, 0, "the first line inside %s must say whom it is "
		            "for: \"for person\", \"for unit\" or \"for person "
		            "unit\"", p->title->code);
	if ((fn = lookup(property_keywords, word)) != NULL) {
		if (p->depth > 1)
			return fail(p, 0, "\"%s\" belongs to the title, not inside "
			            "the %s group opened at line %d", word,
			            group_word(top(p)->kind), top(p)->line);
		if (!strcmp(word, "for") && p->title->subjects)
			return fail(p, 0, "\"for\" is already given for %s",
			            p->title->code);
		return fn(p);
	}
	if ((fn = lookup(rule_keywords, word)) != NULL)
		return fn(p);
	if (lookup(top_keywords, word))
		return fail(p, 0, "\"%s\" cannot be inside %s: close it with "
		            "\"end\" first", word, p->title->code);
	return fail(p, 0, "unknown keyword \"%s\"", word);
}

/* After the last line: blocks closed, required lines present. */
static int finish(struct parser *p)
{
	struct rulebook *rb = p->rb;

	if (p->title != NULL) {
		if (p->depth > 1)
			return fail_at(p, top(p)->line, "the %s group is not closed "
			               "with \"end\"", group_word(top(p)->kind));
		return fail_at(p, p->title->line, "%s is not closed with \"end\"",
		               p->title->code);
	}
	if (!p->year_line)
		return fail_at(p, 0, "the rulebook has no \"year\" line");
	if (rb->nsalaries == 0)
		return fail_at(p, 0, "the rulebook has no \"base-salary\" line");
	if (rb->ntitles == 0)
		return fail_at(p, 0, "the rulebook defines no title or honour");
	return 0;
}

int rulebook_parse(const char *text, size_t len, struct rulebook **out,
                   struct rulebook_error *err)
{
	struct parser *p;
	size_t pos = 0;
	int rc = 0;

	*out = NULL;
	if (err)
		memset(err, 0, sizeof *err);
	if ((p = calloc(1, sizeof *p)) == NULL) {
		if (err)
			snprintf(err->message, sizeof err->message, "out of memory");
		return LRL_ENOMEM;
	}
	p->err = err;
	if (len > RULEBOOK_TEXT_MAX) {
		fail_at(p, 0, "the rulebook is larger than %u bytes",
		        RULEBOOK_TEXT_MAX);
		free(p);
		return LRL_ETOOBIG;
	}
	if ((p->rb = calloc(1, sizeof *p->rb)) == NULL) {
		rc = oom(p);
		goto fail;
	}
	p->rb->version = 1;
	p->rb->rounding = RULEBOOK_ROUNDING_DEFAULT;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3; /* a byte order mark some editors add */
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;

		p->lineno++;
		p->line = text + pos;
		p->linelen = end - pos;
		if (p->linelen > 0 && p->line[p->linelen - 1] == '\r')
			p->linelen--;
		pos = nl ? end + 1 : len;
		if ((rc = tokenize(p)))
			goto fail;
		if (p->ntok == 0)
			continue;
		if ((rc = statement(p)))
			goto fail;
	}
	if ((rc = finish(p)))
		goto fail;
	*out = p->rb;
	free(p);
	return 0;
fail:
	for (int i = 0; i < p->depth; i++)
		rules_free(p->stack[i].rules, p->stack[i].n);
	rulebook_free(p->rb);
	free(p);
	return rc;
}

/* ---- accessors -------------------------------------------------------- */

int rulebook_year(const struct rulebook *rb)
{
	return rb->year;
}

int rulebook_version(const struct rulebook *rb)
{
	return rb->version;
}

const char *rulebook_name(const struct rulebook *rb)
{
	return rb->name ? rb->name : "";
}

size_t rulebook_source_count(const struct rulebook *rb)
{
	return rb->nsources;
}

const char *rulebook_source(const struct rulebook *rb, size_t i)
{
	return i < rb->nsources ? rb->sources[i] : NULL;
}

size_t rulebook_salary_count(const struct rulebook *rb)
{
	return rb->nsalaries;
}

int rulebook_salary_at(const struct rulebook *rb, size_t i, int32_t *from,
                       int64_t *amount)
{
	if (i >= rb->nsalaries)
		return LRL_ENOENT;
	*from = rb->salaries[i].from;
	*amount = rb->salaries[i].amount;
	return 0;
}

int rulebook_base_salary(const struct rulebook *rb, int32_t date,
                         int64_t *amount, int32_t *from)
{
	size_t i = rb->nsalaries;

	while (i > 0 && rb->salaries[i - 1].from > date)
		i--;
	if (i == 0)
		return LRL_ENOENT;
	*amount = rb->salaries[i - 1].amount;
	if (from)
		*from = rb->salaries[i - 1].from;
	return 0;
}

int rulebook_tiebreak_women_bp(const struct rulebook *rb)
{
	return rb->women_bp;
}

int64_t rulebook_rounding(const struct rulebook *rb)
{
	return rb->rounding;
}

size_t rulebook_title_count(const struct rulebook *rb)
{
	return rb->ntitles;
}

const struct rulebook_title *rulebook_title_at(const struct rulebook *rb,
                                               size_t i)
{
	return i < rb->ntitles ? rb->titles[i] : NULL;
}

const struct rulebook_title *rulebook_title_find(const struct rulebook *rb,
                                                 const char *code)
{
	for (size_t i = 0; i < rb->ntitles; i++)
		if (!strcmp(rb->titles[i]->code, code))
			return rb->titles[i];
	return NULL;
}

size_t rulebook_cap_count(const struct rulebook *rb)
{
	return rb->ncaps;
}

const struct rulebook_cap *rulebook_cap_at(const struct rulebook *rb,
                                           size_t i)
{
	return i < rb->ncaps ? &rb->caps[i] : NULL;
}

const struct rulebook_cap *rulebook_cap_find(const struct rulebook *rb,
                                             const char *code)
{
	for (size_t i = 0; i < rb->ncaps; i++)
		if (!strcmp(rb->caps[i].code->code, code))
			return &rb->caps[i];
	return NULL;
}

/* ---- the writer ---------------------------------------------------------- */

struct sbuf {
	char *s;
	size_t len, cap;
	int failed;
};

__attribute__((format(printf, 2, 3))) static void put(struct sbuf *b,
                                                      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->failed)
		return;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL,
		              b->s ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->failed = 1;
			return;
		}
		if (b->s && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = (b->cap + (size_t)n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (s == NULL) {
			b->failed = 1;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
}

static void put_quoted(struct sbuf *b, const char *s)
{
	put(b, "\"");
	for (; *s; s++)
		put(b, "%s%c", (*s == '"' || *s == '\\') ? "\\" : "", *s);
	put(b, "\"");
}

/* Scaled integer as a decimal without trailing zeros, keeping at least
 * min_places decimals. */
static void put_decimal(struct sbuf *b, long long v, int places,
                        int min_places)
{
	long long scale = 1;
	char frac[8];
	int n = places;

	for (int i = 0; i < places; i++)
		scale *= 10;
	snprintf(frac, sizeof frac, "%0*lld", places, v % scale);
	while (n > min_places && frac[n - 1] == '0')
		n--;
	frac[n] = '\0';
	put(b, "%lld%s%s", v / scale, n ? "." : "", frac);
}

static void put_streak(struct sbuf *b, int years)
{
	if (years > 1)
		put(b, " %d years in a row", years);
}

static void put_rules(struct sbuf *b, const struct rulebook_rule *r, size_t n,
                      int indent)
{
	for (size_t i = 0; i < n; i++, r++) {
		put(b, "%*s", indent * 4, "");
		switch (r->kind) {
		case RB_ALL_OF:
		case RB_ANY_OF:
		case RB_WHEN:
			if (r->kind == RB_WHEN)
				put(b, "when %s\n", rulebook_subject_name(r->audience));
			else
				put(b, "%s\n", group_word(r->kind));
			put_rules(b, r->children, r->nchildren, indent + 1);
			put(b, "%*send\n", indent * 4, "");
			continue;
		case RB_RATING:
			put(b, "rating >= %s", rulebook_rating_name(r->rating));
			put_streak(b, r->years);
			break;
		case RB_HOLDS_TITLE:
			put(b, "title %s", r->ref->code);
			put_streak(b, r->years);
			break;
		case RB_NO_DISCIPLINE:
		case RB_NO_MEMBER_DISCIPLINE:
			put(b, "no %sdiscipline >= %s",
			    r->kind == RB_NO_MEMBER_DISCIPLINE ? "member " : "",
			    rulebook_discipline_name(r->level));
			break;
		case RB_WORKED:
			put(b, "worked >= %d month%s%s", r->count,
			    r->count == 1 ? "" : "s",
			    r->maternity ? " including maternity-leave" : "");
			break;
		case RB_INITIATIVES:
		case RB_RESEARCH:
			put(b, "%s >= %d",
			    r->kind == RB_INITIATIVES ? "initiatives" : "research",
			    r->count);
			if (r->scope != RB_SCOPE_HOSPITAL)
				put(b, " scope %s", rulebook_scope_name(r->scope));
			if (r->years > 1)
				put(b, " within %d years", r->years);
			break;
		case RB_MEMBERS_TITLE:
		case RB_MEMBERS_RATING:
			put(b, "members >= ");
			if (r->percent_bp) {
				put_decimal(b, r->percent_bp, 2, 0);
				put(b, "%%");
			} else {
				put(b, "%d", r->count);
			}
			if (r->kind == RB_MEMBERS_TITLE)
				put(b, " with title %s", r->ref->code);
			else
				put(b, " with rating >= %s",
				    rulebook_rating_name(r->rating));
			break;
		case RB_ACHIEVEMENT:
			put(b, "achievement %s",
			    rulebook_achievement_name(r->achievement));
			break;
		}
		put(b, "\n");
	}
}

static void put_title(struct sbuf *b, const struct rulebook_title *t)
{
	put(b, "\n%s %s ", t->kind == RB_TITLE ? "title" : "honour", t->code);
	put_quoted(b, t->name);
	put(b, "\n    for%s%s\n", (t->subjects & RB_PERSON) ? " person" : "",
	    (t->subjects & RB_UNIT) ? " unit" : "");
	put(b, "    decided %s\n",
	    t->decided == RB_DECIDED_HOSPITAL ? "hospital" : "forwarded");
	if (t->vote_bp == 0) {
		put(b, "    vote majority\n");
	} else {
		put(b, "    vote ");
		put_decimal(b, t->vote_bp, 2, 0);
		put(b, "%% of members\n");
	}
	if (t->subjects != (RB_PERSON | RB_UNIT) || t->coef_person == t->coef_unit) {
		put(b, "    coefficient ");
		put_decimal(b, t->subjects & RB_PERSON ? t->coef_person
		                                       : t->coef_unit,
		            3, 1);
		put(b, "\n");
	} else {
		put(b, "    coefficient person ");
		put_decimal(b, t->coef_person, 3, 1);
		put(b, "\n    coefficient unit ");
		put_decimal(b, t->coef_unit, 3, 1);
		put(b, "\n");
	}
	put(b, "    report %s\n", t->report ? "yes" : "no");
	put_rules(b, t->rules, t->nrules, 1);
	put(b, "end\n");
}

int rulebook_format(const struct rulebook *rb, char **out, size_t *len)
{
	struct sbuf b = {0};
	char date[16];

	put(&b, "# laurel rulebook (see laurel-rulebook(5))\n");
	put(&b, "year %d\nversion %d\n", rb->year, rb->version);
	if (rb->name) {
		put(&b, "name ");
		put_quoted(&b, rb->name);
		put(&b, "\n");
	}
	for (size_t i = 0; i < rb->nsources; i++) {
		put(&b, "source ");
		put_quoted(&b, rb->sources[i]);
		put(&b, "\n");
	}
	put(&b, "\n");
	for (size_t i = 0; i < rb->nsalaries; i++) {
		date_format(rb->salaries[i].from, date, sizeof date);
		put(&b, "base-salary %s %lld\n", date,
		    (long long)rb->salaries[i].amount);
	}
	put(&b, "round-up %lld\n", (long long)rb->rounding);
	if (rb->women_bp) {
		put(&b, "tie-break women-first ");
		put_decimal(&b, rb->women_bp, 2, 0);
		put(&b, "%%\n");
	}
	for (size_t i = 0; i < rb->ntitles; i++)
		put_title(&b, rb->titles[i]);
	if (rb->ncaps)
		put(&b, "\n");
	for (size_t i = 0; i < rb->ncaps; i++) {
		put(&b, "cap %s ", rb->caps[i].code->code);
		put_decimal(&b, rb->caps[i].percent_bp, 2, 0);
		put(&b, "%% of %s\n", rb->caps[i].of->code);
	}
	if (b.failed) {
		free(b.s);
		*out = NULL;
		return LRL_ENOMEM;
	}
	*out = b.s;
	*len = b.len;
	return 0;
}
