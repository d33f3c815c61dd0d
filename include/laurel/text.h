/*
 * text.h — Unicode text for laurel: validation, normalisation, Vietnamese
 * collation keys, tone- and case-insensitive search keys, display width and
 * the display sanitiser.
 *
 * Every string that enters the store passes text_clean() (valid UTF-8, NFC,
 * length-limited).  Every string that came from a user passes
 * text_sanitize() before it reaches a terminal, a CSV file or a report.
 *
 * Ownership: functions that return a char * return a NUL-terminated UTF-8
 * string allocated with malloc(); the caller frees it with free().  They
 * return NULL only when memory runs out (or as documented).
 */
#ifndef LAUREL_TEXT_H
#define LAUREL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Returns 1 when the len bytes at s are well-formed UTF-8 (no overlongs,
 * no surrogates, nothing above U+10FFFF, no NUL byte), else 0. */
int text_utf8_valid(const char *s, size_t len);

/* Number of Unicode code points in the well-formed UTF-8 string s. */
size_t text_codepoints(const char *s, size_t len);

/*
 * Validates and normalises one field value for storage.
 * Checks: well-formed UTF-8; no control characters (C0 except none, C1,
 * DEL) unless allow_newlines and the character is '\n' (CR LF and lone CR
 * become '\n'); then trims leading and trailing white space, converts to
 * NFC and checks the length in code points is within [min_cp, max_cp].
 * On success *out receives the cleaned string (caller frees) and 0 is
 * returned.  On failure returns a negative LRL_E* code (LRL_EINVAL) and, if
 * reason is not NULL, *reason points to a static English message naming
 * the problem ("is not valid UTF-8", "contains a control character",
 * "is too long (at most %d characters)" rendered without the number: use
 * the limits yourself).  Nothing is allocated on failure.
 */
int text_clean(const char *s, size_t len, size_t min_cp, size_t max_cp,
               int allow_newlines, char **out, const char **reason);

/* NFC form of the UTF-8 string s (caller frees), NULL on invalid input. */
char *text_nfc(const char *s);

/*
 * Search key: the string with tones and other diacritics removed, đ/Đ
 * folded to d, case folded to lower, white space runs collapsed to one
 * space.  "Nguyễn Thị Hà" -> "nguyen thi ha"; "Đức" -> "duc".  The caller
 * frees.  A query matches a record when the query's key is a substring of
 * the record's key (text_search_match does exactly this).
 */
char *text_fold(const char *s);
int text_search_match(const char *folded_haystack, const char *query);

/*
 * Vietnamese personal-name sort key: compares names by tên (the last word)
 * first, then by họ and đệm (the words before it, in order), using ICU's
 * "vi" collation (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x
 * y; tones after letters).  Returns a malloc'd byte string (NUL-terminated,
 * comparable with strcmp/memcmp) and stores its length without the NUL in
 * *len.  Keys from the same ICU version compare consistently; they are
 * derived data and are rebuilt, never typed.
 */
unsigned char *text_name_key(const char *full_name, size_t *len);

/* General Vietnamese collation key for any text (unit names, titles). */
unsigned char *text_sort_key(const char *s, size_t *len);

/* Compare two full names in Vietnamese name order (<0, 0, >0). */
int text_name_cmp(const char *a, const char *b);

/*
 * Display sanitiser: returns a copy of s safe to write to a terminal or a
 * report.  Invalid UTF-8 bytes become "\xHH"; C0 controls (except '\n'
 * when keep_newlines), DEL and C1 controls become "\xHH" (ESC -> "\x1b");
 * bidirectional controls (U+200E U+200F U+202A–U+202E U+2066–U+2069,
 * U+061C) become "\u{XXXX}".  Everything else is kept.  Caller frees.
 */
char *text_sanitize(const char *s, size_t len, int keep_newlines);

/* Terminal columns the (sanitised, valid) UTF-8 string occupies
 * (wcwidth-based: combining marks 0, wide CJK 2).  Does not depend on the
 * process locale. */
size_t text_width(const char *s);

/*
 * Writes s into buf (size bufsz, always NUL-terminated) padded with spaces
 * or truncated so that it occupies exactly cols columns; a truncated
 * string ends with "…" (U+2026).  align_right pads on the left.  Returns
 * the number of bytes written without the NUL.
 */
size_t text_fit(char *buf, size_t bufsz, const char *s, size_t cols,
                int align_right);

#endif
