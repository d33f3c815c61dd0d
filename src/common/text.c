/*
 * text.c — Unicode text for laurel (see text.h).
 *
 * UTF-8 validation, the sanitiser and the column counting decode the
 * bytes themselves; normalisation, case folding, character properties and
 * collation come from ICU, so nothing here depends on the process locale.
 *
 * ICU objects are opened lazily and kept for the life of the process in
 * static variables.  Opening takes no lock, so a forked child simply
 * inherits them as ordinary memory and can keep using them; the first call
 * must not race with another thread's first call.
 */
#include "laurel/text.h"

#include "laurel/err.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* Separates the per-word collation keys inside a name key.  ICU sort keys
 * never contain 0x00 (terminator), 0x01 (level separator) or 0x02 (merge
 * separator) inside their weights, so 0x01 sorts below every byte that can
 * follow a key that is a proper prefix of another: "Lê An" < "Lê Văn An". */
#define KEY_WORD_SEP 0x01

/* What a truncated text_fit() field ends with, and what an invalid UTF-8
 * byte is shown as there. */
#define ELLIPSIS "\xE2\x80\xA6"
#define REPLACEMENT "\xEF\xBF\xBD"

/* Longest expansion of one input byte by text_sanitize(): "\xHH" for one
 * byte, or "\u{061C}" (8) for the two bytes of U+061C. */
#define SANITIZE_GROWTH 4

/* Reasons text_clean() reports. */
static const char reason_utf8[] = "is not valid UTF-8";
static const char reason_control[] = "contains a control character";
static const char reason_long[] = "is too long";
static const char reason_short[] = "is too short";
static const char reason_empty[] = "is empty";
static const char reason_nomem[] = "out of memory";

/* Bidirectional formatting characters: they reorder what a terminal shows,
 * so the sanitiser names them instead of passing them on. */
static const struct {
	uint32_t lo, hi;
} bidi_controls[] = {
	{0x061C, 0x061C}, /* ARABIC LETTER MARK */
	{0x200E, 0x200F}, /* LRM, RLM */
	{0x202A, 0x202E}, /* LRE, RLE, PDF, LRO, RLO */
	{0x2066, 0x2069}, /* LRI, RLI, FSI, PDI */
};

static const char hex_lower[] = "0123456789abcdef";
static const char hex_upper[] = "0123456789ABCDEF";

static UCollator *vi_collator;
static const UNormalizer2 *nfc_norm;
static const UNormalizer2 *nfkd_norm;

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

/*
 * Decodes one code point from the n > 0 bytes at p into *cp.  Returns the
 * sequence length (1–4), or 0 when the bytes there are not a well-formed
 * sequence (stray continuation, overlong form, surrogate, above U+10FFFF,
 * truncated).  NUL decodes like any other character.
 */
static size_t utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned b = p[0], lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t c;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b < 0xC2)
		return 0;
	if (b < 0xE0) {
		need = 1;
		c = b & 0x1F;
	} else if (b < 0xF0) {
		need = 2;
		c = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0; /* overlong */
		else if (b == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (b < 0xF5) {
		need = 3;
		c = b & 0x07;
		if (b == 0xF0)
			lo = 0x90; /* overlong */
		else if (b == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return 0;
	}
	if (n <= need)
		return 0;
	for (size_t i = 1; i <= need; i++) {
		unsigned t = p[i];

		if (t < lo || t > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
		c = (c << 6) | (t & 0x3F);
	}
	*cp = c;
	return need + 1;
}

int text_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = utf8_next(p + i, len - i, &cp);

		if (k == 0 || cp == 0)
			return 0;
		i += k;
	}
	return 1;
}

size_t text_codepoints(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* C0 controls, DEL and the C1 controls U+0080–U+009F. */
static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static int is_bidi_control(uint32_t cp)
{
	for (size_t i = 0; i < sizeof bidi_controls / sizeof bidi_controls[0];
	     i++)
		if (cp >= bidi_controls[i].lo && cp <= bidi_controls[i].hi)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* ICU plumbing                                                        */

/* ICU's objects, opened once on first use: laureld's main and writer
 * threads may both ask for them at the same time.  ICU's collators and
 * normalisers are safe to share between threads for const operations. */
static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

static void icu_open(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollator *c = ucol_open("vi", &st);

	/* Normalisation is on in CLDR's "vi" already; say so anyway, since
	 * decomposed tone marks are common in typed names. */
	ucol_setAttribute(c, UCOL_NORMALIZATION_MODE, UCOL_ON, &st);
	if (U_FAILURE(st))
		ucol_close(c);
	else
		vi_collator = c;
	st = U_ZERO_ERROR;
	nfc_norm = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st))
		nfc_norm = NULL;
	st = U_ZERO_ERROR;
	nfkd_norm = unorm2_getNFKDInstance(&st);
	if (U_FAILURE(st))
		nfkd_norm = NULL;
}

/* The "vi" collator; NULL if ICU cannot open it. */
static const UCollator *collator(void)
{
	pthread_once(&icu_once, icu_open);
	return vi_collator;
}

/* ICU's normaliser singletons (owned by ICU, never closed); NULL if ICU
 * cannot give them. */
static const UNormalizer2 *normalizer(int compat_decompose)
{
	pthread_once(&icu_once, icu_open);
	return compat_decompose ? nfkd_norm : nfc_norm;
}

/*
 * UTF-16 copy of the len bytes at s; *n receives its length in code units.
 * Ill-formed sequences become U+FFFD, or make the call fail when strict.
 * Returns NULL on failure (also when len does not fit ICU's int32_t
 * lengths).  The caller frees the result with free().
 */
static UChar *u16_from_utf8(const char *s, size_t len, int strict,
                            int32_t *n)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u;

	if (len >= INT32_MAX)
		return NULL;
	u = malloc((len + 1) * sizeof *u); /* never more units than bytes */
	if (u == NULL)
		return NULL;
	u_strFromUTF8WithSub(u, (int32_t)len + 1, n, len ? s : "",
	                     (int32_t)len, strict ? U_SENTINEL : 0xFFFD, NULL,
	                     &st);
	if (U_FAILURE(st)) {
		free(u);
		return NULL;
	}
	return u;
}

/* NUL-terminated UTF-8 copy of the n UTF-16 units at u, or NULL.  The
 * caller frees the result with free(). */
static char *utf8_from_u16(const UChar *u, int32_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	char *s;

	if (n > (INT32_MAX - 1) / 3)
		return NULL;
	/* One unit yields at most 3 bytes; a surrogate pair 4 for 2 units. */
	s = malloc((size_t)n * 3 + 1);
	if (s == NULL)
		return NULL;
	u_strToUTF8(s, n * 3 + 1, NULL, u, n, &st);
	if (U_FAILURE(st)) {
		free(s);
		return NULL;
	}
	return s;
}

enum u16_op { U16_NFC, U16_NFKD, U16_FOLD };

/*
 * Applies op to the n units at src into a new buffer (caller frees with
 * free()); *outn receives the result's length.  Guesses the size, and asks
 * ICU for the exact one when the guess is short.  NULL on failure.
 */
static UChar *u16_apply(enum u16_op op, const UChar *src, int32_t n,
                        int32_t *outn)
{
	const UNormalizer2 *nf = NULL;
	int32_t cap;

	if (op != U16_FOLD && (nf = normalizer(op == U16_NFKD)) == NULL)
		return NULL;
	if (n > INT32_MAX / 2)
		return NULL;
	cap = n + n / 2 + 8;
	for (int tries = 0; tries < 2; tries++) {
		UErrorCode st = U_ZERO_ERROR;
		UChar *dst = malloc((size_t)cap * sizeof *dst);
		int32_t m;

		if (dst == NULL)
			return NULL;
		if (op == U16_FOLD)
			m = u_strFoldCase(dst, cap, src, n, U_FOLD_CASE_DEFAULT,
			                  &st);
		else
			m = unorm2_normalize(nf, src, n, dst, cap, &st);
		if (U_SUCCESS(st) && m <= cap) {
			*outn = m;
			return dst;
		}
		free(dst);
		if (st != U_BUFFER_OVERFLOW_ERROR)
			return NULL;
		cap = m;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Validation and normalisation                                        */

/* 1 if the well-formed UTF-8 at s holds a control character that
 * text_clean() refuses. */
static int has_refused_control(const char *s, size_t len, int allow_newlines)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len; i++) {
		unsigned b = p[i];

		if (b < 0x20 || b == 0x7F) {
			if (!(allow_newlines &&
			      (b == '\n' || b == '\r' || b == '\t')))
				return 1;
		} else if (b == 0xC2 && i + 1 < len && p[i + 1] < 0xA0) {
			return 1; /* C1: U+0080–U+009F are C2 80–C2 9F */
		}
	}
	return 0;
}

/* Rewrites CR LF and lone CR as LF in place; returns the new length. */
static int32_t unify_newlines(UChar *u, int32_t n)
{
	int32_t w = 0;

	for (int32_t r = 0; r < n; r++) {
		if (u[r] == '\r') {
			if (r + 1 < n && u[r + 1] == '\n')
				r++;
			u[w++] = '\n';
		} else {
			u[w++] = u[r];
		}
	}
	return w;
}

int text_clean(const char *s, size_t len, size_t min_cp, size_t max_cp,
               int allow_newlines, char **out, const char **reason)
{
	const char *why = NULL;
	UChar *u = NULL, *nfc = NULL;
	int32_t n, m, a, b;
	size_t ncp;
	int rc = LRL_EINVAL;

	*out = NULL;
	if (s == NULL ? len > 0 : !text_utf8_valid(s, len)) {
		why = reason_utf8;
		goto done;
	}
	if (has_refused_control(s, len, allow_newlines)) {
		why = reason_control;
		goto done;
	}
	if ((u = u16_from_utf8(s, len, 1, &n)) == NULL ||
	    (nfc = u16_apply(U16_NFC, u, unify_newlines(u, n), &m)) == NULL) {
		rc = LRL_ENOMEM;
		why = reason_nomem;
		goto done;
	}
	/* White space is all in the BMP, so unit-wise trimming is exact. */
	for (a = 0; a < m && u_isUWhiteSpace(nfc[a]); a++)
		;
	for (b = m; b > a && u_isUWhiteSpace(nfc[b - 1]); b--)
		;
	ncp = (size_t)u_countChar32(nfc + a, b - a);
	if (ncp > max_cp) {
		why = reason_long;
	} else if (ncp < min_cp) {
		why = ncp == 0 ? reason_empty : reason_short;
	} else if ((*out = utf8_from_u16(nfc + a, b - a)) == NULL) {
		rc = LRL_ENOMEM;
		why = reason_nomem;
	} else {
		rc = 0;
	}
done:
	free(u);
	free(nfc);
	if (reason != NULL)
		*reason = why;
	return rc;
}

char *text_nfc(const char *s)
{
	size_t len = strlen(s);
	UChar *u = NULL, *nfc = NULL;
	char *res = NULL;
	int32_t n, m;

	if (!text_utf8_valid(s, len))
		return NULL;
	if ((u = u16_from_utf8(s, len, 1, &n)) == NULL)
		goto done;
	if ((nfc = u16_apply(U16_NFC, u, n, &m)) == NULL)
		goto done;
	res = utf8_from_u16(nfc, m);
done:
	free(u);
	free(nfc);
	return res;
}

/* ------------------------------------------------------------------ */
/* Search keys                                                         */

/* Characters a search key leaves out: combining marks (tones, the
 * circumflex, breve and horn of â ă ê ô ơ ư) and invisible format
 * characters such as ZERO WIDTH SPACE pasted in from elsewhere. */
static int fold_drops(UChar32 c)
{
	int8_t gc = u_charType(c);

	return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK ||
	       u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/* Drops marks, maps đ (and ð, often typed for it) to d and collapses
 * white space in the case-folded, decomposed u in place; returns the new
 * length.  Leading and trailing white space vanish. */
static int32_t fold_filter(UChar *u, int32_t n)
{
	int32_t r = 0, w = 0;
	int space = 0;

	while (r < n) {
		UChar32 c = u[r++];

		if (c >= 0xD800 && c <= 0xDBFF && r < n && u[r] >= 0xDC00 &&
		    u[r] <= 0xDFFF)
			c = 0x10000 + ((c - 0xD800) << 10) + (u[r++] - 0xDC00);
		if (u_isUWhiteSpace(c)) {
			space = w > 0;
			continue;
		}
		if (fold_drops(c))
			continue;
		if (c == 0x0111 || c == 0x00F0) /* đ, ð */
			c = 'd';
		if (space) {
			u[w++] = ' ';
			space = 0;
		}
		U16_APPEND_UNSAFE(u, w, c);
	}
	return w;
}

char *text_fold(const char *s)
{
	UChar *u = NULL, *d1 = NULL, *f = NULL, *d2 = NULL;
	char *res = NULL;
	int32_t n, m;

	/* Compatibility caseless form NFKD(fold(NFKD(s))): the second
	 * decomposition catches the few foldings that yield composed
	 * characters, and NFKD maps fullwidth and ligature letters. */
	if ((u = u16_from_utf8(s, strlen(s), 0, &n)) == NULL)
		goto done;
	if ((d1 = u16_apply(U16_NFKD, u, n, &m)) == NULL)
		goto done;
	if ((f = u16_apply(U16_FOLD, d1, m, &n)) == NULL)
		goto done;
	if ((d2 = u16_apply(U16_NFKD, f, n, &m)) == NULL)
		goto done;
	res = utf8_from_u16(d2, fold_filter(d2, m));
done:
	free(u);
	free(d1);
	free(f);
	free(d2);
	return res;
}

int text_search_match(const char *folded_haystack, const char *query)
{
	char *q;
	int hit;

	if (folded_haystack == NULL || query == NULL)
		return 0;
	if ((q = text_fold(query)) == NULL)
		return 0;
	hit = strstr(folded_haystack, q) != NULL;
	free(q);
	return hit;
}

/* ------------------------------------------------------------------ */
/* Collation keys                                                      */

/* A growing byte string holding a collation key; buf[len] is 0 whenever
 * a piece has been appended. */
struct key_buf {
	unsigned char *buf;
	size_t len, cap;
};

static int key_reserve(struct key_buf *k, size_t more)
{
	size_t want = k->len + more;
	unsigned char *p;

	if (want <= k->cap)
		return 0;
	want += want / 2 + 16;
	if ((p = realloc(k->buf, want)) == NULL)
		return -1;
	k->buf = p;
	k->cap = want;
	return 0;
}

/* Appends the collation key of the n units at w (and its NUL, which the
 * next piece overwrites).  0 or -1. */
static int key_append(struct key_buf *k, const UCollator *c, const UChar *w,
                      int32_t n)
{
	/* A tertiary key takes about three bytes per character. */
	if (key_reserve(k, (size_t)n * 3 + 16) < 0)
		return -1;
	for (int tries = 0; tries < 2; tries++) {
		size_t room = k->cap - k->len;
		int32_t need = ucol_getSortKey(
			c, w, n, k->buf + k->len,
			room > INT32_MAX ? INT32_MAX : (int32_t)room);

		if (need <= 0)
			return -1;
		if ((size_t)need <= room) {
			k->len += (size_t)need - 1;
			return 0;
		}
		if (key_reserve(k, (size_t)need) < 0)
			return -1;
	}
	return -1;
}

static int key_append_sep(struct key_buf *k)
{
	if (key_reserve(k, 2) < 0)
		return -1;
	k->buf[k->len++] = KEY_WORD_SEP;
	k->buf[k->len] = 0;
	return 0;
}

/* Hands the finished key to the caller, or frees it on failure. */
static unsigned char *key_finish(struct key_buf *k, int failed, size_t *len)
{
	if (!failed && key_reserve(k, 1) == 0) {
		k->buf[k->len] = 0;
		if (len != NULL)
			*len = k->len;
		return k->buf;
	}
	free(k->buf);
	return NULL;
}

/* Start of the word ending at end (exclusive) in u. */
static int32_t word_start(const UChar *u, int32_t end)
{
	while (end > 0 && !u_isUWhiteSpace(u[end - 1]))
		end--;
	return end;
}

unsigned char *text_name_key(const char *full_name, size_t *len)
{
	const UCollator *c = collator();
	struct key_buf k = {NULL, 0, 0};
	UChar *u = NULL;
	int32_t n, last_start, last_end, i;
	int failed = 1;

	if (c == NULL)
		return NULL;
	if ((u = u16_from_utf8(full_name, strlen(full_name), 0, &n)) == NULL)
		goto done;
	/* The tên (last word) first, then each earlier word in order. */
	for (last_end = n; last_end > 0 && u_isUWhiteSpace(u[last_end - 1]);
	     last_end--)
		;
	last_start = word_start(u, last_end);
	if (last_end > last_start && key_append(&k, c, u + last_start,
	                                        last_end - last_start) < 0)
		goto done;
	for (i = 0; i < last_start;) {
		int32_t end;

		if (u_isUWhiteSpace(u[i])) {
			i++;
			continue;
		}
		for (end = i; end < last_start && !u_isUWhiteSpace(u[end]);
		     end++)
			;
		if (key_append_sep(&k) < 0 ||
		    key_append(&k, c, u + i, end - i) < 0)
			goto done;
		i = end;
	}
	failed = 0;
done:
	free(u);
	return key_finish(&k, failed, len);
}

unsigned char *text_sort_key(const char *s, size_t *len)
{
	const UCollator *c = collator();
	struct key_buf k = {NULL, 0, 0};
	UChar *u;
	int32_t n;
	int failed = 1;

	if (c == NULL)
		return NULL;
	if ((u = u16_from_utf8(s, strlen(s), 0, &n)) != NULL)
		failed = key_append(&k, c, u, n) < 0;
	free(u);
	return key_finish(&k, failed, len);
}

int text_name_cmp(const char *a, const char *b)
{
	size_t la, lb;
	unsigned char *ka = text_name_key(a, &la);
	unsigned char *kb = text_name_key(b, &lb);
	int r;

	if (ka == NULL || kb == NULL)
		r = strcmp(a, b); /* out of memory: still a total order */
	else
		r = memcmp(ka, kb, (la < lb ? la : lb) + 1);
	free(ka);
	free(kb);
	return (r > 0) - (r < 0);
}

/* ------------------------------------------------------------------ */
/* Display                                                             */

static char *put_hex_byte(char *o, unsigned b)
{
	*o++ = '\\';
	*o++ = 'x';
	*o++ = hex_lower[(b >> 4) & 0xF];
	*o++ = hex_lower[b & 0xF];
	return o;
}

/* "\u{XXXX}" for a BMP code point. */
static char *put_u_escape(char *o, uint32_t cp)
{
	*o++ = '\\';
	*o++ = 'u';
	*o++ = '{';
	for (int shift = 12; shift >= 0; shift -= 4)
		*o++ = hex_upper[(cp >> shift) & 0xF];
	*o++ = '}';
	return o;
}

char *text_sanitize(const char *s, size_t len, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o, *shrunk;
	size_t i = 0;

	if (s == NULL)
		len = 0;
	if (len > (SIZE_MAX - 1) / SANITIZE_GROWTH)
		return NULL;
	if ((out = malloc(len * SANITIZE_GROWTH + 1)) == NULL)
		return NULL;
	o = out;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_next(p + i, len - i, &cp);

		if (k == 0) {
			o = put_hex_byte(o, p[i]);
			k = 1;
		} else if (is_control(cp) && !(keep_newlines && cp == '\n')) {
			o = put_hex_byte(o, cp);
		} else if (is_bidi_control(cp)) {
			o = put_u_escape(o, cp);
		} else {
			memcpy(o, p + i, k);
			o += k;
		}
		i += k;
	}
	*o++ = '\0';
	shrunk = realloc(out, (size_t)(o - out));
	return shrunk ? shrunk : out;
}

/* Terminal columns of one code point, as wcwidth() would count it in a
 * UTF-8 locale but from ICU's properties.  Control characters count 0:
 * they must have been sanitised away before display. */
static size_t cp_width(uint32_t cp)
{
	UChar32 c = (UChar32)cp;
	int8_t gc;
	int32_t ea, hst;

	if (is_control(cp))
		return 0;
	if (cp == 0x00AD) /* SOFT HYPHEN: terminals draw it */
		return 1;
	gc = u_charType(c);
	if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK ||
	    gc == U_FORMAT_CHAR ||
	    u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
		return 0;
	/* Hangul medial vowels and final consonants join the syllable. */
	hst = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
	if (hst == U_HST_VOWEL_JAMO || hst == U_HST_TRAILING_JAMO)
		return 0;
	ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH)
		return 2;
	return 1;
}

size_t text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, w = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = utf8_next(p + i, len - i, &cp);

		if (k == 0) { /* shown as U+FFFD by text_fit() */
			w++;
			k = 1;
		} else {
			w += cp_width(cp);
		}
		i += k;
	}
	return w;
}

/* Output cursor for text_fit(): appends whole pieces only, and stops for
 * good at the first one that does not fit with the final NUL. */
struct fit_out {
	char *buf;
	size_t size, len;
	int full;
};

static void fit_put(struct fit_out *o, const void *bytes, size_t n)
{
	if (o->full || n >= o->size - o->len) {
		o->full = 1;
		return;
	}
	memcpy(o->buf + o->len, bytes, n);
	o->len += n;
}

static void fit_spaces(struct fit_out *o, size_t n)
{
	while (n-- > 0)
		fit_put(o, " ", 1);
}

/*
 * Copies the characters of s that fit in limit columns to o and returns
 * the columns they take; with o NULL only measures.  Invalid bytes become
 * U+FFFD and control characters are left out.  Zero-width characters after
 * the last one that fits (its tone marks) are kept with it.
 */
static size_t fit_text(struct fit_out *o, const char *s, size_t limit)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, used = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = utf8_next(p + i, len - i, &cp);
		size_t w = k == 0 ? 1 : cp_width(cp);

		if (used + w > limit)
			break;
		used += w;
		if (k == 0) {
			if (o != NULL)
				fit_put(o, REPLACEMENT, sizeof REPLACEMENT - 1);
			k = 1;
		} else if (o != NULL && !is_control(cp)) {
			fit_put(o, p + i, k);
		}
		i += k;
	}
	return used;
}

size_t text_fit(char *buf, size_t bufsz, const char *s, size_t cols,
                int align_right)
{
	struct fit_out o = {buf, bufsz, 0, 0};
	/* A truncated text keeps one column for the ellipsis; a wide
	 * character that would straddle the edge becomes padding. */
	int cut = cols > 0 && text_width(s) > cols;
	size_t limit = cut ? cols - 1 : cols;
	size_t pad = limit - fit_text(NULL, s, limit);

	if (bufsz == 0)
		return 0;
	if (align_right)
		fit_spaces(&o, pad);
	fit_text(&o, s, limit);
	if (cut)
		fit_put(&o, ELLIPSIS, sizeof ELLIPSIS - 1);
	if (!align_right)
		fit_spaces(&o, pad);
	buf[o.len] = '\0';
	return o.len;
}
