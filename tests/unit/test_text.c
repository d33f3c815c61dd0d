/*
 * test_text.c — Unicode text: validation, NFC, Vietnamese name order,
 * tone-insensitive search, the display sanitiser and column widths.
 *
 * ICU's "vi" collation orders tones as: no tone < huyền (à) < hỏi (ả) <
 * ngã (ã) < sắc (á) < nặng (ạ), after the letters a ă â b c d đ e ê g h i
 * k l m n o ô ơ p q r s t u ư v x y.  Name order compares the tên word by
 * word before the họ and đệm, so every "Hà" precedes every "Hạ".
 */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/text.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The expected order, worked out by hand: tên first (An, Anh, Ánh, Ân,
 * Châu, Cường, Dũng, Duy, Đức, Giang, Hà, Hạ, Hải, Hằng, Ổn, Ơn, Uyên,
 * Ước), then họ and đệm word by word (Lê < Nguyễn < Trần; "Lê An" has
 * fewer words than any other An). */
static const char *const names_sorted[] = {
	"Lê An",           "Nguyễn Thị An",   "Trần Văn An",
	"Hoàng Văn Anh",   "Phạm Thị Ánh",    "Nguyễn Thiên Ân",
	"Ngô Bảo Châu",    "Lâm Văn Cường",   "Võ Tiến Dũng",
	"Đặng Quốc Duy",   "Nguyễn Minh Đức", "Trần Thu Giang",
	"Trần Thị Hà",     "Nguyễn Thị Hạ",   "Lê Văn Hải",
	"Đỗ Thị Hằng",     "Trương Công Ổn",  "Bùi Văn Ơn",
	"Phan Thị Uyên",   "Tạ Văn Ước",
};

/* The same names as a clerk might have entered them. */
static const char *const names_entered[] = {
	"Tạ Văn Ước",      "Lê Văn Hải",      "Bùi Văn Ơn",
	"Nguyễn Thị Hạ",   "Trần Văn An",     "Đặng Quốc Duy",
	"Phan Thị Uyên",   "Nguyễn Minh Đức", "Ngô Bảo Châu",
	"Trần Thị Hà",     "Phạm Thị Ánh",    "Lê An",
	"Trương Công Ổn",  "Võ Tiến Dũng",    "Nguyễn Thiên Ân",
	"Đỗ Thị Hằng",     "Hoàng Văn Anh",   "Trần Thu Giang",
	"Lâm Văn Cường",   "Nguyễn Thị An",
};

static int cmp_by_name(const void *a, const void *b)
{
	return text_name_cmp(*(const char *const *)a, *(const char *const *)b);
}

struct keyed {
	const char *name;
	unsigned char *key;
	size_t len;
};

static int cmp_by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	/* Including the terminating NUL makes a prefix sort first. */
	return memcmp(x->key, y->key, (x->len < y->len ? x->len : y->len) + 1);
}

static int sort_key_cmp(const char *a, const char *b)
{
	size_t la, lb;
	unsigned char *ka = text_sort_key(a, &la), *kb = text_sort_key(b, &lb);
	int r;

	ck_assert_ptr_nonnull(ka);
	ck_assert_ptr_nonnull(kb);
	r = memcmp(ka, kb, (la < lb ? la : lb) + 1);
	free(ka);
	free(kb);
	return r;
}

static int name_key_cmp(const char *a, const char *b)
{
	size_t la, lb;
	unsigned char *ka = text_name_key(a, &la), *kb = text_name_key(b, &lb);
	int r;

	ck_assert_ptr_nonnull(ka);
	ck_assert_ptr_nonnull(kb);
	r = strcmp((const char *)ka, (const char *)kb);
	free(ka);
	free(kb);
	return r;
}

static void assert_fold(const char *in, const char *want)
{
	char *got = text_fold(in);

	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

static void assert_sanitize(const char *in, size_t len, int keep_newlines,
                            const char *want)
{
	char *got = text_sanitize(in, len, keep_newlines);

	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

/* text_clean must refuse in with reason and leave *out NULL. */
static void assert_refused(const char *in, size_t len, size_t min_cp,
                           size_t max_cp, int allow_newlines,
                           const char *reason)
{
	char *out = (char *)"untouched";
	const char *why = NULL;

	ck_assert_int_eq(text_clean(in, len, min_cp, max_cp, allow_newlines,
	                            &out, &why),
	                 LRL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, reason);
}

static void assert_cleaned(const char *in, size_t min_cp, size_t max_cp,
                           int allow_newlines, const char *want)
{
	char *out = NULL;
	const char *why = "untouched";

	ck_assert_int_eq(text_clean(in, strlen(in), min_cp, max_cp,
	                            allow_newlines, &out, &why),
	                 0);
	ck_assert_ptr_null(why);
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, want);
	free(out);
}

static void assert_fit(const char *in, size_t cols, int right,
                       const char *want)
{
	char buf[128];
	size_t n = text_fit(buf, sizeof buf, in, cols, right);

	ck_assert_str_eq(buf, want);
	ck_assert_uint_eq(n, strlen(want));
	ck_assert_uint_eq(text_width(buf), cols);
}

/* ---------------------------------------------------------------- */
/* Name order                                                        */

START_TEST(test_names_sort_by_ten_then_ho_dem_with_name_cmp)
{
	const char *v[N_OF(names_entered)];

	ck_assert_uint_eq(N_OF(names_entered), N_OF(names_sorted));
	memcpy(v, names_entered, sizeof v);
	qsort(v, N_OF(v), sizeof v[0], cmp_by_name);
	for (size_t i = 0; i < N_OF(v); i++)
		ck_assert_str_eq(v[i], names_sorted[i]);
}
END_TEST

START_TEST(test_name_keys_sort_in_the_same_order_under_memcmp)
{
	struct keyed v[N_OF(names_entered)];

	for (size_t i = 0; i < N_OF(v); i++) {
		v[i].name = names_entered[i];
		v[i].key = text_name_key(v[i].name, &v[i].len);
		ck_assert_ptr_nonnull(v[i].key);
	}
	qsort(v, N_OF(v), sizeof v[0], cmp_by_key);
	for (size_t i = 0; i < N_OF(v); i++) {
		ck_assert_str_eq(v[i].name, names_sorted[i]);
		free(v[i].key);
	}
}
END_TEST

START_TEST(test_name_keys_are_nul_terminated_without_inner_nuls)
{
	for (size_t i = 0; i < N_OF(names_sorted); i++) {
		size_t len = 0;
		unsigned char *k = text_name_key(names_sorted[i], &len);

		ck_assert_ptr_nonnull(k);
		ck_assert_uint_gt(len, 0);
		ck_assert_uint_eq(strlen((const char *)k), len);
		free(k);
	}
}
END_TEST

START_TEST(test_name_keys_compare_with_strcmp_like_name_cmp)
{
	for (size_t i = 0; i + 1 < N_OF(names_sorted); i++) {
		ck_assert_int_lt(name_key_cmp(names_sorted[i],
		                              names_sorted[i + 1]),
		                 0);
		ck_assert_int_gt(name_key_cmp(names_sorted[i + 1],
		                              names_sorted[i]),
		                 0);
	}
}
END_TEST

START_TEST(test_ten_decides_before_ho_even_on_tone_alone)
{
	/* Hà < Hạ although Nguyễn < Trần. */
	ck_assert_int_lt(text_name_cmp("Trần Thị Hà", "Nguyễn Thị Hạ"), 0);
	/* Hải < Hằng although Đỗ < Lê. */
	ck_assert_int_lt(text_name_cmp("Lê Văn Hải", "Đỗ Thị Hằng"), 0);
}
END_TEST

START_TEST(test_same_ten_sorts_by_ho_then_dem)
{
	ck_assert_int_lt(text_name_cmp("Nguyễn Thị An", "Trần Văn An"), 0);
	ck_assert_int_lt(text_name_cmp("Nguyễn Thị An", "Nguyễn Văn An"), 0);
	ck_assert_int_lt(text_name_cmp("Nguyễn Thị Thu Hà", "Nguyễn Thu Hà"),
	                 0);
}
END_TEST

START_TEST(test_shorter_name_with_same_words_sorts_first)
{
	ck_assert_int_lt(text_name_cmp("An", "Lê An"), 0);
	ck_assert_int_lt(text_name_cmp("Lê An", "Lê Văn An"), 0);
	ck_assert_int_lt(text_name_cmp("Lê Văn An", "Lê Văn Bình An"), 0);
}
END_TEST

START_TEST(test_name_order_ignores_extra_white_space)
{
	ck_assert_int_eq(text_name_cmp("  Nguyễn   Thị\tHà ", "Nguyễn Thị Hà"),
	                 0);
}
END_TEST

START_TEST(test_decomposed_name_collates_like_precomposed)
{
	ck_assert_int_eq(text_name_cmp("Nguye\u0302\u0303n Thi\u0323 Ha\u0300",
	                               "Nguyễn Thị Hà"),
	                 0);
}
END_TEST

START_TEST(test_empty_name_has_empty_key_and_sorts_first)
{
	size_t len = 99;
	unsigned char *k = text_name_key("   ", &len);

	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(k[0], 0);
	free(k);
	ck_assert_int_lt(text_name_cmp("", "An"), 0);
}
END_TEST

/* ---------------------------------------------------------------- */
/* General collation                                                 */

START_TEST(test_letters_follow_the_vietnamese_alphabet)
{
	static const char *const alphabet[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i",
		"k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t",
		"u", "ư", "v", "x", "y",
	};
	static const char *const upper[] = {
		"A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I",
		"K", "L", "M", "N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T",
		"U", "Ư", "V", "X", "Y",
	};

	for (size_t i = 0; i + 1 < N_OF(alphabet); i++) {
		ck_assert_int_lt(sort_key_cmp(alphabet[i], alphabet[i + 1]), 0);
		ck_assert_int_lt(sort_key_cmp(upper[i], upper[i + 1]), 0);
		/* A letter in either case comes before the next letter. */
		ck_assert_int_lt(sort_key_cmp(upper[i], alphabet[i + 1]), 0);
	}
}
END_TEST

START_TEST(test_tones_sort_after_letters_in_icu_vi_order)
{
	/* ICU vi: none < huyền < hỏi < ngã < sắc < nặng. */
	static const char *const tones[] = {"ha", "hà", "hả", "hã", "há", "hạ"};

	for (size_t i = 0; i + 1 < N_OF(tones); i++)
		ck_assert_int_lt(sort_key_cmp(tones[i], tones[i + 1]), 0);
	/* The letters decide before any tone does. */
	ck_assert_int_lt(sort_key_cmp("hạ", "hai"), 0);
	ck_assert_int_lt(sort_key_cmp("hạnh", "hăng"), 0);
	ck_assert_int_lt(sort_key_cmp("hằng", "hân"), 0);
}
END_TEST

START_TEST(test_digraphs_ch_and_gi_sort_as_two_letters)
{
	/* c-h before c-ư, and g-i before g-ư: no separate ch or gi letter. */
	ck_assert_int_lt(sort_key_cmp("Châu", "Cường"), 0);
	ck_assert_int_lt(sort_key_cmp("Giang", "Gương"), 0);
	ck_assert_int_lt(sort_key_cmp("Cường", "Dũng"), 0);
}
END_TEST

START_TEST(test_sort_key_length_excludes_the_nul)
{
	size_t len = 0;
	unsigned char *k = text_sort_key("Khoa Y học cổ truyền", &len);

	ck_assert_ptr_nonnull(k);
	ck_assert_uint_gt(len, 0);
	ck_assert_uint_eq(strlen((const char *)k), len);
	free(k);
	ck_assert_int_lt(sort_key_cmp("Khoa Dược", "Khoa Khám bệnh"), 0);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Search keys                                                       */

START_TEST(test_fold_removes_tones_and_case)
{
	assert_fold("Nguyễn Thị Hà", "nguyen thi ha");
	assert_fold("PHẠM NGỌC ÁNH", "pham ngoc anh");
}
END_TEST

START_TEST(test_fold_maps_d_with_stroke_to_d)
{
	assert_fold("Đức", "duc");
	assert_fold("đinh", "dinh");
}
END_TEST

START_TEST(test_fold_removes_breve_circumflex_and_horn)
{
	assert_fold("Ăn Âu Ê Ô Ơ Ư", "an au e o o u");
	assert_fold("Trương Thị Hằng", "truong thi hang");
}
END_TEST

START_TEST(test_fold_collapses_and_trims_white_space)
{
	assert_fold("  Trần \t Minh\n\n Đức  ", "tran minh duc");
	assert_fold("   ", "");
}
END_TEST

START_TEST(test_fold_treats_decomposed_input_like_precomposed)
{
	assert_fold("Nguye\u0302\u0303n Thi\u0323 Ha\u0300", "nguyen thi ha");
}
END_TEST

START_TEST(test_search_without_tones_finds_name_with_tones)
{
	char *hay = text_fold("Nguyễn Thị Hà");

	ck_assert_ptr_nonnull(hay);
	ck_assert_int_eq(text_search_match(hay, "nguyen thi ha"), 1);
	ck_assert_int_eq(text_search_match(hay, "thi h"), 1);
	free(hay);
}
END_TEST

START_TEST(test_search_duc_finds_d_with_stroke)
{
	char *hay = text_fold("Trần Minh Đức");

	ck_assert_ptr_nonnull(hay);
	ck_assert_int_eq(text_search_match(hay, "duc"), 1);
	ck_assert_int_eq(text_search_match(hay, "Đức"), 1);
	free(hay);
}
END_TEST

START_TEST(test_search_query_with_tones_is_folded_too)
{
	char *hay = text_fold("Nguyễn Thị Hà");

	ck_assert_ptr_nonnull(hay);
	ck_assert_int_eq(text_search_match(hay, "hà"), 1);
	ck_assert_int_eq(text_search_match(hay, "HẠ"), 1);
	ck_assert_int_eq(text_search_match(hay, "  thị   hà "), 1);
	free(hay);
}
END_TEST

START_TEST(test_search_misses_different_name)
{
	char *hay = text_fold("Nguyễn Thị Hà");

	ck_assert_ptr_nonnull(hay);
	ck_assert_int_eq(text_search_match(hay, "hai"), 0);
	ck_assert_int_eq(text_search_match(hay, "tran"), 0);
	free(hay);
}
END_TEST

START_TEST(test_empty_query_matches_everything)
{
	ck_assert_int_eq(text_search_match("nguyen thi ha", ""), 1);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Validation and NFC                                                */

START_TEST(test_clean_stores_combining_marks_as_nfc)
{
	/* e + circumflex + tilde becomes the single U+1EC5 ễ. */
	assert_cleaned("Nguye\u0302\u0303n", 1, 128, 0, "Nguy\u1ec5n");
	assert_cleaned("Nguye\u0302\u0303n", 1, 128, 0, "Nguyễn");
}
END_TEST

START_TEST(test_nfc_composes_combining_marks)
{
	char *s = text_nfc("Nguye\u0302\u0303n Thi\u0323 Ha\u0300");

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "Nguyễn Thị Hà");
	free(s);
	ck_assert_ptr_null(text_nfc("\xff"));
}
END_TEST

START_TEST(test_clean_trims_leading_and_trailing_white_space)
{
	assert_cleaned("  \tNguyễn Thị Hà \u00a0", 1, 128, 1, "Nguyễn Thị Hà");
	assert_cleaned("  Hà  ", 1, 2, 0, "Hà");
}
END_TEST

START_TEST(test_clean_refuses_invalid_utf8)
{
	static const char *const bad[] = {
		"H\xff",        /* never valid */
		"\xc0\x80",     /* overlong NUL */
		"\xe0\x80\xaf", /* overlong '/' */
		"\xed\xa0\x80", /* surrogate U+D800 */
		"\xf4\x90\x80\x80", /* above U+10FFFF */
		"Nguy\xe1\xbb", /* truncated ễ */
		"\x80",         /* stray continuation */
	};

	for (size_t i = 0; i < N_OF(bad); i++)
		assert_refused(bad[i], strlen(bad[i]), 0, 128, 1,
		               "is not valid UTF-8");
}
END_TEST

START_TEST(test_clean_refuses_nul_byte)
{
	assert_refused("H\0a", 3, 0, 128, 1, "is not valid UTF-8");
}
END_TEST

START_TEST(test_clean_refuses_control_characters)
{
	assert_refused("Hà\x1b[31m", 8, 0, 128, 1,
	               "contains a control character");
	assert_refused("Hà\x7f", 4, 0, 128, 1, "contains a control character");
	assert_refused("Hà\xc2\x85", 5, 0, 128, 1,
	               "contains a control character");
	assert_refused("Hà\xc2\x9b", 5, 0, 128, 1,
	               "contains a control character");
}
END_TEST

START_TEST(test_clean_refuses_newline_and_tab_in_single_line_field)
{
	assert_refused("Nguyễn\nHà", strlen("Nguyễn\nHà"), 0, 128, 0,
	               "contains a control character");
	assert_refused("Nguyễn\tHà", strlen("Nguyễn\tHà"), 0, 128, 0,
	               "contains a control character");
	assert_refused("Nguyễn\rHà", strlen("Nguyễn\rHà"), 0, 128, 0,
	               "contains a control character");
}
END_TEST

START_TEST(test_clean_keeps_newlines_and_tabs_in_multiline_text)
{
	assert_cleaned("Dòng 1\r\nDòng 2\rDòng 3\n\tDòng 4", 1, 4000, 1,
	               "Dòng 1\nDòng 2\nDòng 3\n\tDòng 4");
}
END_TEST

START_TEST(test_clean_refuses_too_long)
{
	assert_refused("Nguyễn", strlen("Nguyễn"), 1, 5, 0, "is too long");
}
END_TEST

START_TEST(test_clean_counts_length_after_nfc_and_trim)
{
	/* 8 code points as typed, 6 once composed, 10 before trimming. */
	assert_cleaned(" Nguye\u0302\u0303n ", 6, 6, 0, "Nguyễn");
}
END_TEST

START_TEST(test_clean_refuses_empty_after_trim)
{
	assert_refused(" \t ", 3, 1, 128, 1, "is empty");
	assert_refused("", 0, 1, 128, 0, "is empty");
}
END_TEST

START_TEST(test_clean_refuses_too_short)
{
	assert_refused("Hà", strlen("Hà"), 3, 128, 0, "is too short");
}
END_TEST

START_TEST(test_clean_accepts_empty_when_minimum_is_zero)
{
	assert_cleaned("   ", 0, 128, 0, "");
}
END_TEST

START_TEST(test_clean_reason_may_be_null)
{
	char *out = NULL;

	ck_assert_int_eq(text_clean("\xff", 1, 0, 10, 0, &out, NULL),
	                 LRL_EINVAL);
	ck_assert_ptr_null(out);
}
END_TEST

START_TEST(test_utf8_validity_and_code_point_count)
{
	ck_assert_int_eq(text_utf8_valid("Nguyễn 漢 😀", strlen("Nguyễn 漢 😀")),
	                 1);
	ck_assert_int_eq(text_utf8_valid("", 0), 1);
	ck_assert_int_eq(text_utf8_valid("a\0b", 3), 0);
	ck_assert_int_eq(text_utf8_valid("\xed\x9f\xbf", 3), 1); /* U+D7FF */
	ck_assert_int_eq(text_utf8_valid("\xf4\x8f\xbf\xbf", 4), 1);
	ck_assert_uint_eq(text_codepoints("Nguyễn", strlen("Nguyễn")), 6);
	ck_assert_uint_eq(text_codepoints("😀", 4), 1);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Sanitiser                                                         */

START_TEST(test_sanitize_shows_escape_as_four_characters)
{
	assert_sanitize("Nguyễn\x1b[31mHà", strlen("Nguyễn\x1b[31mHà"), 0,
	                "Nguyễn\\x1b[31mHà");
}
END_TEST

START_TEST(test_sanitize_shows_c1_and_del)
{
	assert_sanitize("a\xc2\x9b" "b", 4, 0, "a\\x9bb");
	assert_sanitize("a\x7f", 2, 0, "a\\x7f");
	assert_sanitize("a\rb", 3, 1, "a\\x0db");
}
END_TEST

START_TEST(test_sanitize_shows_bidi_controls)
{
	assert_sanitize("abc\u202Edef", strlen("abc\u202Edef"), 0,
	                "abc\\u{202E}def");
	assert_sanitize("\u061C\u200F\u2066", strlen("\u061C\u200F\u2066"), 0,
	                "\\u{061C}\\u{200F}\\u{2066}");
}
END_TEST

START_TEST(test_sanitize_shows_invalid_bytes_in_hex)
{
	assert_sanitize("H\xff\xc0", 3, 0, "H\\xff\\xc0");
	assert_sanitize("Nguy\xe1\xbb", 6, 0, "Nguy\\xe1\\xbb");
	assert_sanitize("a\0b", 3, 0, "a\\x00b");
}
END_TEST

START_TEST(test_sanitize_keeps_newline_only_when_asked)
{
	assert_sanitize("a\nb\tc", 5, 1, "a\nb\\x09c");
	assert_sanitize("a\nb", 3, 0, "a\\x0ab");
}
END_TEST

START_TEST(test_sanitize_leaves_vietnamese_untouched)
{
	const char *s = "Khoa Vật lý trị liệu – Phục hồi chức năng: 760.000 đ";

	assert_sanitize(s, strlen(s), 0, s);
	assert_sanitize("Nguye\u0302\u0303n 漢字 😀", strlen("Nguye\u0302\u0303n 漢字 😀"),
	                0, "Nguye\u0302\u0303n 漢字 😀");
}
END_TEST

START_TEST(test_sanitize_never_emits_control_bytes)
{
	/* Every byte value, alone and after a lead byte, in every state. */
	for (unsigned lead = 0; lead < 256; lead++) {
		for (unsigned b = 0; b < 256; b++) {
			char in[3] = {(char)lead, (char)b, 'x'};
			char *out = text_sanitize(in, sizeof in, 0);
			size_t n;

			ck_assert_ptr_nonnull(out);
			n = strlen(out);
			ck_assert_int_eq(text_utf8_valid(out, n), 1);
			for (size_t i = 0; i < n; i++) {
				unsigned char c = (unsigned char)out[i];

				ck_assert(c >= 0x20 && c != 0x7f);
				/* no C1: U+0080–U+009F are C2 80–C2 9F */
				ck_assert(!(c == 0xc2 && i + 1 < n &&
				            (unsigned char)out[i + 1] < 0xa0));
			}
			free(out);
		}
	}
}
END_TEST

/* ---------------------------------------------------------------- */
/* Width and fitting                                                 */

START_TEST(test_width_counts_vietnamese_letters_once)
{
	ck_assert_uint_eq(text_width("Nguyễn"), 6);
	ck_assert_uint_eq(text_width("Nguye\u0302\u0303n"), 6);
	ck_assert_uint_eq(text_width("Nguyễn Thị Hà"), 13);
}
END_TEST

START_TEST(test_width_counts_wide_characters_twice)
{
	ck_assert_uint_eq(text_width("漢"), 2);
	ck_assert_uint_eq(text_width("漢字 ab"), 7);
	ck_assert_uint_eq(text_width("\uff21"), 2); /* fullwidth A */
	ck_assert_uint_eq(text_width("a\u200db"), 2); /* ZWJ takes none */
}
END_TEST

START_TEST(test_width_does_not_depend_on_locale)
{
	setlocale(LC_ALL, "C");
	ck_assert_uint_eq(text_width("Nguyễn 漢"), 9);
}
END_TEST

START_TEST(test_fit_pads_to_exact_columns)
{
	assert_fit("Hà", 5, 0, "Hà   ");
	assert_fit("Hà", 5, 1, "   Hà");
	assert_fit("Nguye\u0302\u0303n", 8, 0, "Nguye\u0302\u0303n  ");
	assert_fit("漢", 3, 0, "漢 ");
}
END_TEST

START_TEST(test_fit_keeps_text_that_fits_exactly)
{
	assert_fit("Nguyễn", 6, 0, "Nguyễn");
}
END_TEST

START_TEST(test_fit_truncates_with_ellipsis)
{
	assert_fit("Nguyễn Thị Hà", 9, 0, "Nguyễn T…");
	assert_fit("Nguyễn Thị Hà", 9, 1, "Nguyễn T…");
	assert_fit("Nguyễn", 1, 0, "…");
}
END_TEST

START_TEST(test_fit_keeps_tone_marks_with_their_letter)
{
	assert_fit("Ha\u0300 No\u0323\u0302i", 3, 0, "Ha\u0300…");
}
END_TEST

START_TEST(test_fit_pads_where_a_wide_character_would_straddle)
{
	assert_fit("漢字漢字", 4, 0, "漢… ");
	assert_fit("漢字漢字", 4, 1, " 漢…");
}
END_TEST

START_TEST(test_fit_zero_columns_is_empty)
{
	char buf[8];

	ck_assert_uint_eq(text_fit(buf, sizeof buf, "Hà", 0, 0), 0);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(test_fit_never_splits_a_character_in_a_short_buffer)
{
	char buf[6];

	/* "Nguy" is 4 bytes; ễ needs 3 more and the NUL one. */
	ck_assert_uint_eq(text_fit(buf, sizeof buf, "Nguyễn", 6, 0), 4);
	ck_assert_str_eq(buf, "Nguy");
	ck_assert_uint_eq(text_fit(buf, 0, "Nguyễn", 6, 0), 0);
}
END_TEST

START_TEST(test_fit_shows_invalid_bytes_as_replacement_character)
{
	assert_fit("a\xff", 3, 0, "a\uFFFD ");
}
END_TEST

Suite *suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *names = tcase_create("names");
	TCase *coll = tcase_create("collation");
	TCase *search = tcase_create("search");
	TCase *clean = tcase_create("clean");
	TCase *san = tcase_create("sanitize");
	TCase *width = tcase_create("width");

	tcase_add_test(names, test_names_sort_by_ten_then_ho_dem_with_name_cmp);
	tcase_add_test(names, test_name_keys_sort_in_the_same_order_under_memcmp);
	tcase_add_test(names, test_name_keys_are_nul_terminated_without_inner_nuls);
	tcase_add_test(names, test_name_keys_compare_with_strcmp_like_name_cmp);
	tcase_add_test(names, test_ten_decides_before_ho_even_on_tone_alone);
	tcase_add_test(names, test_same_ten_sorts_by_ho_then_dem);
	tcase_add_test(names, test_shorter_name_with_same_words_sorts_first);
	tcase_add_test(names, test_name_order_ignores_extra_white_space);
	tcase_add_test(names, test_decomposed_name_collates_like_precomposed);
	tcase_add_test(names, test_empty_name_has_empty_key_and_sorts_first);
	suite_add_tcase(s, names);

	tcase_add_test(coll, test_letters_follow_the_vietnamese_alphabet);
	tcase_add_test(coll, test_tones_sort_after_letters_in_icu_vi_order);
	tcase_add_test(coll, test_digraphs_ch_and_gi_sort_as_two_letters);
	tcase_add_test(coll, test_sort_key_length_excludes_the_nul);
	suite_add_tcase(s, coll);

	tcase_add_test(search, test_fold_removes_tones_and_case);
	tcase_add_test(search, test_fold_maps_d_with_stroke_to_d);
	tcase_add_test(search, test_fold_removes_breve_circumflex_and_horn);
	tcase_add_test(search, test_fold_collapses_and_trims_white_space);
	tcase_add_test(search, test_fold_treats_decomposed_input_like_precomposed);
	tcase_add_test(search, test_search_without_tones_finds_name_with_tones);
	tcase_add_test(search, test_search_duc_finds_d_with_stroke);
	tcase_add_test(search, test_search_query_with_tones_is_folded_too);
	tcase_add_test(search, test_search_misses_different_name);
	tcase_add_test(search, test_empty_query_matches_everything);
	suite_add_tcase(s, search);

	tcase_add_test(clean, test_clean_stores_combining_marks_as_nfc);
	tcase_add_test(clean, test_nfc_composes_combining_marks);
	tcase_add_test(clean, test_clean_trims_leading_and_trailing_white_space);
	tcase_add_test(clean, test_clean_refuses_invalid_utf8);
	tcase_add_test(clean, test_clean_refuses_nul_byte);
	tcase_add_test(clean, test_clean_refuses_control_characters);
	tcase_add_test(clean, test_clean_refuses_newline_and_tab_in_single_line_field);
	tcase_add_test(clean, test_clean_keeps_newlines_and_tabs_in_multiline_text);
	tcase_add_test(clean, test_clean_refuses_too_long);
	tcase_add_test(clean, test_clean_counts_length_after_nfc_and_trim);
	tcase_add_test(clean, test_clean_refuses_empty_after_trim);
	tcase_add_test(clean, test_clean_refuses_too_short);
	tcase_add_test(clean, test_clean_accepts_empty_when_minimum_is_zero);
	tcase_add_test(clean, test_clean_reason_may_be_null);
	tcase_add_test(clean, test_utf8_validity_and_code_point_count);
	suite_add_tcase(s, clean);

	tcase_add_test(san, test_sanitize_shows_escape_as_four_characters);
	tcase_add_test(san, test_sanitize_shows_c1_and_del);
	tcase_add_test(san, test_sanitize_shows_bidi_controls);
	tcase_add_test(san, test_sanitize_shows_invalid_bytes_in_hex);
	tcase_add_test(san, test_sanitize_keeps_newline_only_when_asked);
	tcase_add_test(san, test_sanitize_leaves_vietnamese_untouched);
	tcase_add_test(san, test_sanitize_never_emits_control_bytes);
	suite_add_tcase(s, san);

	tcase_add_test(width, test_width_counts_vietnamese_letters_once);
	tcase_add_test(width, test_width_counts_wide_characters_twice);
	tcase_add_test(width, test_width_does_not_depend_on_locale);
	tcase_add_test(width, test_fit_pads_to_exact_columns);
	tcase_add_test(width, test_fit_keeps_text_that_fits_exactly);
	tcase_add_test(width, test_fit_truncates_with_ellipsis);
	tcase_add_test(width, test_fit_keeps_tone_marks_with_their_letter);
	tcase_add_test(width, test_fit_pads_where_a_wide_character_would_straddle);
	tcase_add_test(width, test_fit_zero_columns_is_empty);
	tcase_add_test(width, test_fit_never_splits_a_character_in_a_short_buffer);
	tcase_add_test(width, test_fit_shows_invalid_bytes_as_replacement_character);
	suite_add_tcase(s, width);
	return s;
}
