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
 * Checks, in this order: the len bytes at s are well-formed UTF-8 (a NUL
 * byte is not); there is no control character — C0 (U+0000–U+001F), DEL
 * or C1 (U+0080–U+009F) — except that when allow_newlines '\n', '\t' and
 * CR are allowed (CR LF and lone CR become '\n').  Then converts to NFC,
 * trims leading and trailing white space (Unicode White_Space, so also
 * U+00A0 and U+3000) and checks the length in code points, counted after
 * NFC and trimming, is within [min_cp, max_cp].  Inner white space is kept.
 * On success *out receives the cleaned string (caller frees with free()),
 * *reason (if reason is not NULL) is set to NULL and 0 is returned.
 * On failure *out is set to NULL, nothing stays allocated, and LRL_EINVAL
 * is returned (LRL_ENOMEM if memory ran out); if reason is not NULL,
 * *reason points to a static English phrase to follow the field's name:
 * "is not valid UTF-8", "contains a control character", "is too long",
 * "is too short", "is empty" (nothing left after trimming while min_cp > 0)
 * or "out of memory".  The phrases carry no numbers: the caller knows the
 * limits it passed and adds them to its message.
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
 * Precisely: NFKD, case fold, NFKD again (so fullwidth letters and
 * ligatures fold too: "Ｈà" -> "ha", "ﬁ" -> "fi"), then combining marks and
 * default-ignorable characters (zero-width space, joiners, bidi marks) are
 * dropped, đ and ð (often typed for Đ) become d, and leading and trailing
 * white space vanish.  Ill-formed UTF-8 counts as U+FFFD.  NULL only when
 * memory runs out.
 *
 * text_search_match() folds query itself (so "hà" and "HA" both match
 * "ha") and returns 1 when it occurs in folded_haystack, which must be a
 * text_fold() result; an empty query matches everything.  0 otherwise.
 */
char *text_fold(const char *s);
int text_search_match(const char *folded_haystack, const char *query);

/*
 * Vietnamese personal-name sort key: compares names by tên (the last word)
 * first, then by họ and đệm (the words before it, in order), using ICU's
 * "vi" collation (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x
 * y; tones after letters: none < huyền < hỏi < ngã < sắc < nặng; case
 * decides last).  Returns a malloc'd byte string (NUL-terminated,
 * comparable with strcmp/memcmp) and stores its length without the NUL in
 * *len.  Keys from the same ICU version compare consistently; they are
 * derived data and are rebuilt, never typed.
 * Words are separated by Unicode white space and compared whole, one at a
 * time: every "Hà" sorts before every "Hạ" whatever their họ, and when all
 * words agree the name with fewer words comes first ("Lê An" < "Lê Văn
 * An").  The key is the ICU key of each word (tên first) joined by 0x01,
 * a byte below every ICU weight byte; it contains no other NUL, and
 * memcmp callers compare min(len_a, len_b) + 1 bytes.  A name without
 * words gets the empty key (sorts first).  Ill-formed UTF-8 counts as
 * U+FFFD.  NULL only when memory runs out or ICU cannot open its "vi"
 * data.
 */
unsigned char *text_name_key(const char *full_name, size_t *len);

/* General Vietnamese collation key for any text (unit names, titles):
 * ICU "vi" at tertiary strength over the whole string.  Same conventions
 * as text_name_key (malloc'd, NUL-terminated, *len without the NUL). */
unsigned char *text_sort_key(const char *s, size_t *len);

/* Compare two full names in Vietnamese name order: -1, 0 or 1, exactly
 * as strcmp of their text_name_key()s would order them. */
int text_name_cmp(const char *a, const char *b);

/*
 * Display sanitiser: returns a copy of s safe to write to a terminal or a
 * report.  Invalid UTF-8 bytes become "\xHH"; C0 controls (except '\n'
 * when keep_newlines), DEL and C1 controls become "\xHH" (ESC -> "\x1b");
 * bidirectional controls (U+200E U+200F U+202A–U+202E U+2066–U+2069,
 * U+061C) become "\u{XXXX}".  Everything else is kept.  Caller frees.
 * A C1 control shows its code point ("\x9b" for U+009B), an invalid byte
 * its value ("\xff").  The result is always valid UTF-8 and contains no
 * control byte other than a kept '\n'.  s may be NULL when len is 0.
 */
char *text_sanitize(const char *s, size_t len, int keep_newlines);

/* Terminal columns the (sanitised, valid) UTF-8 string occupies
 * (wcwidth-like, from ICU properties: East Asian Wide and Fullwidth 2;
 * combining marks, format and zero-width characters and control
 * characters 0; everything else 1, so "Nguyễn" is 6 whether or not its
 * marks are precomposed).  An invalid byte counts 1, as text_fit() shows
 * it.  Does not depend on the process locale. */
size_t text_width(const char *s);

/*
 * Writes s into buf (size bufsz, always NUL-terminated) padded with spaces
 * or truncated so that it occupies exactly cols columns; a truncated
 * string ends with "…" (U+2026).  align_right pads on the left.  Returns
 * the number of bytes written without the NUL.
 * A wide character that would straddle the cut becomes a space of
 * padding; tone marks stay with their letter.  Invalid bytes are written
 * as U+FFFD and control characters are left out, but s should already be
 * sanitised.  When buf is too small the output stops before the first
 * character (or space) that does not fit; a character is never split.
 */
size_t text_fit(char *buf, size_t bufsz, const char *s, size_t cols,
                int align_right);

#endif
