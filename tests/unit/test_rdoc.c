/*
 * test_rdoc.c — the client's report document (rdoc.h): pages joined into
 * one table, terminal text aligned by display width (combining marks take
 * no column, wide characters two), long cells wrapped inside their
 * column, CSV quoted as RFC 4180 asks.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/mp.h"
#include "laurel/rdoc.h"
#include "laurel/text.h"

/* Packs one page: a table with id 1 holding the given rows (two text
 * columns and a number), and a total when last. */
static void pack_page(mp_buf *b, const char *const rows[][3], size_t n,
                      int last, const char *next)
{
	msgpack_packer *pk = &b->pk;

	msgpack_pack_map(pk, 12);
	mp_pack_kv_str(pk, "name", "report.test");
	mp_pack_kv_str(pk, "title", "TEST REPORT");
	mp_pack_str(pk, "subtitle");
	msgpack_pack_array(pk, 3);
	mp_pack_str(pk, "2026");
	mp_pack_str(pk, "%d");
	msgpack_pack_array(pk, 1);
	mp_pack_str(pk, "2026");
	mp_pack_kv_str(pk, "hospital", "Bệnh viện Test");
	mp_pack_kv_str(pk, "parent", "");
	mp_pack_kv_str(pk, "place", "Hà Nội");
	mp_pack_kv_int(pk, "date", 20802); /* 15/12/2026 */
	mp_pack_kv_str(pk, "signer", "DIRECTOR");
	mp_pack_kv_int(pk, "events", 42);
	mp_pack_kv_str(pk, "head", "abcd");
	mp_pack_str(pk, "blocks");
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 6);
	mp_pack_str(pk, "t");
	msgpack_pack_int(pk, 1);
	mp_pack_str(pk, "People");
	msgpack_pack_array(pk, 3);
	for (int i = 0; i < 3; i++) {
		msgpack_pack_array(pk, 3);
		mp_pack_str(pk, i == 0 ? "Name" : i == 1 ? "Note" : "N");
		mp_pack_str(pk, i == 2 ? "r" : "l");
		msgpack_pack_false(pk);
	}
	msgpack_pack_array(pk, (uint32_t)n);
	for (size_t r = 0; r < n; r++) {
		msgpack_pack_array(pk, 3);
		for (int i = 0; i < 3; i++)
			mp_pack_str(pk, rows[r][i]);
	}
	if (last) {
		msgpack_pack_array(pk, 3);
		mp_pack_str(pk, "Total");
		mp_pack_str(pk, "");
		mp_pack_str(pk, "3");
	} else {
		msgpack_pack_nil(pk);
	}
	mp_pack_kv_str(pk, "next", next);
}

static struct rdoc *two_pages(void)
{
	/* "Nguyễn" with its marks decomposed (NFD), a wide name, a quote. */
	static const char *const p1[][3] = {{"Nguye\xCC\x82\xCC\x83n "
	                                     "Va\xCC\x86n A",
	                                     "ok", "1"},
	                                    {"\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98"
	                                     "\x8E",
	                                     "said \"yes\", then", "1"}};
	static const char *const p2[][3] = {{"Trần Thị B",
	                                     "a long note that must wrap "
	                                     "inside its own column "
	                                     "without spilling into the next "
	                                     "one",
	                                     "1"}};
	struct rdoc *d = rdoc_new();
	mp_buf b;
	msgpack_unpacked u;

	ck_assert_ptr_nonnull(d);
	for (int page = 0; page < 2; page++) {
		mp_buf_init(&b);
		msgpack_unpacked_init(&u);
		if (page == 0)
			pack_page(&b, p1, 2, 0, "2000");
		else
			pack_page(&b, p2, 1, 1, NULL);
		ck_assert_int_eq(mp_decode(&u, b.sb.data, b.sb.size), 0);
		ck_assert_int_eq(rdoc_add_page(d, &u.data), 0);
		msgpack_unpacked_destroy(&u);
		mp_buf_free(&b);
	}
	return d;
}

static char *render_text(const struct rdoc *d, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(rdoc_text(d, f, width), 0);
	fclose(f);
	return buf;
}

START_TEST(test_pages_join_into_one_table_with_its_total)
{
	struct rdoc *d = two_pages();

	ck_assert_uint_eq(d->nblocks, 1);
	ck_assert_uint_eq(d->blocks[0].nrows, 3);
	ck_assert_ptr_nonnull(d->blocks[0].total);
	ck_assert_str_eq(d->blocks[0].total[2], "3");
	rdoc_free(d);
}
END_TEST

/* The display column where the number of a row starts. */
static size_t column_of(const char *text, const char *row_start)
{
	const char *line = strstr(text, row_start), *end, *one;
	char buf[512];

	ck_assert_ptr_nonnull(line);
	end = strchr(line, '\n');
	one = end;
	while (one > line && one[-1] != '1')
		one--;
	ck_assert(one > line);
	snprintf(buf, sizeof buf, "%.*s", (int)(one - 1 - line), line);
	return text_width(buf);
}

START_TEST(test_text_columns_align_by_display_width)
{
	struct rdoc *d = two_pages();
	char *t = render_text(d, 100);
	size_t a = column_of(t, "Nguye"), b = column_of(t, "\xE7\x8E\x8B");

	/* The numbers line up although the first name has four more bytes
	 * of marks and the second takes two columns a character. */
	ck_assert_uint_eq(a, b);
	ck_assert_uint_eq(a, column_of(t, "Trần"));
	free(t);
	rdoc_free(d);
}
END_TEST

START_TEST(test_text_wraps_a_long_cell_within_its_column)
{
	struct rdoc *d = two_pages();
	char *t = render_text(d, 40);
	char *save = NULL;
	int lines = 0;

	for (char *line = strtok_r(t, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), lines++)
		ck_assert_msg(text_width(line) <= 40, "too wide: '%s'", line);
	/* Something was printed, on more lines than one. */
	ck_assert_int_gt(lines, 1);
	free(t);
	rdoc_free(d);
}
END_TEST

START_TEST(test_csv_quotes_what_it_must_and_starts_with_a_bom)
{
	struct rdoc *d = two_pages();
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(rdoc_csv(d, f, 1), 0);
	fclose(f);
	ck_assert_mem_eq(buf, "\xEF\xBB\xBF", 3);
	ck_assert_ptr_nonnull(strstr(buf, "\"said \"\"yes\"\", then\""));
	ck_assert_ptr_nonnull(strstr(buf, "Name,Note,N\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "Total,,3\r\n"));
	free(buf);
	rdoc_free(d);
}
END_TEST

START_TEST(test_the_date_line_is_written_the_official_way)
{
	struct rdoc *d = two_pages();
	char line[128];

	rdoc_date_line(d, line, sizeof line);
	ck_assert_str_eq(line, "Hà Nội, ngày 15 tháng 12 năm 2026");
	rdoc_free(d);
}
END_TEST

Suite *suite_rdoc(void);

Suite *suite_rdoc(void)
{
	Suite *s = suite_create("rdoc");
	TCase *tc = tcase_create("rdoc");

	tcase_add_test(tc, test_pages_join_into_one_table_with_its_total);
	tcase_add_test(tc, test_text_columns_align_by_display_width);
	tcase_add_test(tc, test_text_wraps_a_long_cell_within_its_column);
	tcase_add_test(tc, test_csv_quotes_what_it_must_and_starts_with_a_bom);
	tcase_add_test(tc, test_the_date_line_is_written_the_official_way);
	suite_add_tcase(s, tc);
	return s;
}
