/*
 * html.c — the exemplars' static web pages (htmlexport.h).
 *
 * The pages are documents for the public, in Vietnamese whatever the
 * user's language, like the reports sent to the Department of Health.
 */
#include "laurel/htmlexport.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/mp.h"

/* The most exemplars one export writes (one page each). */
#define HTML_PAGES_MAX 100000

/* Vietnamese words for the stored words of fields, stages, kinds and
 * publicity channels. */
static const char *const words_vi[][2] = {
	{"person", "Cá nhân"},
	{"collective", "Tập thể"},
	{"quality-of-care", "Chất lượng khám, chữa bệnh"},
	{"medical-ethics", "Y đức"},
	{"digital-transformation", "Chuyển đổi số"},
	{"research", "Nghiên cứu khoa học, sáng kiến"},
	{"prevention", "Y tế dự phòng"},
	{"administrative-reform", "Cải cách hành chính"},
	{"charity", "Từ thiện, nhân đạo"},
	{"other", "Lĩnh vực khác"},
	{"found", "Phát hiện"},
	{"nurtured", "Bồi dưỡng"},
	{"summarised", "Tổng kết"},
	{"replicated", "Nhân rộng"},
	{"dropped", "Dừng theo dõi"},
	{"registered", "Đã đăng ký"},
	{"recognised", "Đã được công nhận"},
	{"training", "đào tạo, tập huấn"},
	{"resources", "hỗ trợ nguồn lực"},
	{"mentoring", "kèm cặp"},
	{"website", "Trang thông tin điện tử"},
	{"newspaper", "Báo in"},
	{"radio", "Phát thanh"},
	{"zalo", "Zalo"},
	{"facebook", "Facebook"},
	{"youtube", "YouTube"},
	{"talk", "Báo cáo điển hình"},
	{"visit", "Tham quan, học tập"},
	{"contest", "Thi viết"},
};

static const char *vi(const char *s, size_t len, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof words_vi / sizeof words_vi[0]; i++)
		if (strlen(words_vi[i][0]) == len &&
		    memcmp(words_vi[i][0], s, len) == 0)
			return words_vi[i][1];
	snprintf(buf, n, "%.*s", (int)len, s);
	return buf;
}

void htmlexport_escape(FILE *f, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			fputc(s[i], f);
		}
	}
}

/* Escaped text of a str object ("" when it is not one). */
static void esc_obj(FILE *f, const msgpack_object *o)
{
	const char *s;
	size_t len;

	if (o && mp_get_str(o, &s, &len) == 0)
		htmlexport_escape(f, s, len);
}

/* Escaped text with each line ending in <br>. */
static void esc_lines(FILE *f, const msgpack_object *o)
{
	const char *s, *nl;
	size_t len;

	if (o == NULL || mp_get_str(o, &s, &len) != 0)
		return;
	while (len && (nl = memchr(s, '\n', len)) != NULL) {
		htmlexport_escape(f, s, (size_t)(nl - s));
		fputs("<br>\n", f);
		len -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
	htmlexport_escape(f, s, len);
}

/* Is s a name a page may have: letters, digits and '-' only? */
static int safe_name(const char *s, size_t len)
{
	if (len == 0 || len > 64)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

static int http_link(const char *s, size_t len)
{
	return (len > 7 && strncasecmp(s, "http://", 7) == 0) ||
	       (len > 8 && strncasecmp(s, "https://", 8) == 0);
}

/* May path be (over)written: absent, or a page an export wrote? */
static int ours_or_absent(const char *path)
{
	char buf[4096];
	size_t got;
	FILE *f = fopen(path, "rb");
	int ours;

	if (f == NULL)
		return errno == ENOENT;
	got = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[got] = '\0';
	ours = strstr(buf, HTMLEXPORT_MARK) != NULL;
	return ours;
}

static void head(FILE *f, const char *title, size_t tl,
                 const msgpack_object *hospital)
{
	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n" HTMLEXPORT_MARK "\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n<title>",
	      f);
	htmlexport_escape(f, title, tl);
	fputs(" — ", f);
	esc_obj(f, hospital);
	fputs("</title>\n<style>body{font-family:serif;max-width:48em;"
	      "margin:2em auto;padding:0 1em;line-height:1.5}"
	      "th{text-align:left;padding-right:1em;vertical-align:top}"
	      "</style>\n</head>\n<body>\n",
	      f);
}

/* The publicity items of pub ([date, kind, channel, title, link] each),
 * linked when the link is an http or https address. */
static void publicity(FILE *f, const msgpack_object *pub)
{
	const char *s;
	size_t len;
	char buf[64];

	if (pub == NULL || pub->type != MSGPACK_OBJECT_ARRAY ||
	    pub->via.array.size == 0)
		return;
	fputs("<h2>Tuyên truyền</h2>\n<ul>\n", f);
	for (uint32_t i = 0; i < pub->via.array.size; i++) {
		const msgpack_object *p = &pub->via.array.ptr[i];
		const char *link = "";
		size_t ll = 0;
		if (p->type != MSGPACK_OBJECT_ARRAY || p->via.array.size < 5)
			continue;
		fputs("<li>", f);
		esc_obj(f, &p->via.array.ptr[1]);
		fputs(" · ", f);
		if (mp_get_str(&p->via.array.ptr[0], &s, &len) == 0) {
			const char *w = vi(s, len, buf, sizeof buf);
			htmlexport_escape(f, w, strlen(w));
		}
		fputs(" · ", f);
		esc_obj(f, &p->via.array.ptr[2]);
		fputs(" · ", f);
		mp_get_str(&p->via.array.ptr[4], &link, &ll);
		if (http_link(link, ll)) {
			fputs("<a href=\"", f);
			htmlexport_escape(f, link, ll);
			fputs("\" rel=\"noopener\">", f);
			esc_obj(f, &p->via.array.ptr[3]);
			fputs("</a>", f);
		} else {
			esc_obj(f, &p->via.array.ptr[3]);
		}
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
}

/* A heading and the lines of the array o (strings), when it has any. */
static void line_list(FILE *f, const char *heading, const msgpack_object *o)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_ARRAY ||
	    o->via.array.size == 0)
		return;
	fprintf(f, "<h2>%s</h2>\n<ul>\n", heading);
	for (uint32_t i = 0; i < o->via.array.size; i++) {
		fputs("<li>", f);
		esc_lines(f, &o->via.array.ptr[i]);
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
}

/* A heading and the text of the str object o, when it has any. */
static void text_block(FILE *f, const char *heading, const msgpack_object *o)
{
	const char *s;
	size_t len;

	if (o == NULL || mp_get_str(o, &s, &len) != 0 || len == 0)
		return;
	fprintf(f, "<h2>%s</h2>\n<p>", heading);
	esc_lines(f, o);
	fputs("</p>\n", f);
}

/* The stages an exemplar went through: [day, stage, support, note]
 * each, as "dd/mm/yyyy · Bồi dưỡng (kèm cặp) — note". */
static void history(FILE *f, const msgpack_object *o)
{
	char buf[64];

	if (o == NULL || o->type != MSGPACK_OBJECT_ARRAY ||
	    o->via.array.size == 0)
		return;
	fputs("<h2>Quá trình phát hiện, bồi dưỡng, nhân rộng</h2>\n<ul>\n", f);
	for (uint32_t i = 0; i < o->via.array.size; i++) {
		const msgpack_object *e = &o->via.array.ptr[i];
		const char *s;
		size_t len;
		if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size < 4)
			continue;
		fputs("<li>", f);
		esc_obj(f, &e->via.array.ptr[0]);
		fputs(" · ", f);
		if (mp_get_str(&e->via.array.ptr[1], &s, &len) == 0) {
			const char *w = vi(s, len, buf, sizeof buf);
			htmlexport_escape(f, w, strlen(w));
		}
		if (mp_get_str(&e->via.array.ptr[2], &s, &len) == 0 && len) {
			const char *w = vi(s, len, buf, sizeof buf);
			fputs(" (", f);
			htmlexport_escape(f, w, strlen(w));
			fputs(")", f);
		}
		if (mp_get_str(&e->via.array.ptr[3], &s, &len) == 0 && len) {
			fputs(" — ", f);
			esc_lines(f, &e->via.array.ptr[3]);
		}
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
}

static void page(FILE *f, const msgpack_object *e,
                 const msgpack_object *hospital)
{
	static const struct {
		const char *key, *label;
		int word;
	} rows[] = {{"kind", "Đối tượng", 1},
	            {"unit-name", "Đơn vị", 0},
	            {"field", "Lĩnh vực", 1},
	            {"stage", "Giai đoạn", 1},
	            {"found", "Ngày phát hiện", 0},
	            {"through", "Phong trào thi đua", 0}};
	const msgpack_object *name = mp_map_get(e, "name");
	const char *s;
	size_t len;
	char buf[64];

	if (mp_get_str(name, &s, &len) != 0) {
		s = "";
		len = 0;
	}
	head(f, s, len, hospital);
	fputs("<p><a href=\"index.html\">Mô hình, sáng kiến, kinh nghiệm"
	      "</a></p>\n<h1>",
	      f);
	esc_obj(f, name);
	fputs("</h1>\n<table>\n", f);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const msgpack_object *v = mp_map_get(e, rows[i].key);
		if (v == NULL || mp_get_str(v, &s, &len) != 0 || len == 0)
			continue;
		fprintf(f, "<tr><th>%s</th><td>", rows[i].label);
		if (rows[i].word) {
			const char *w = vi(s, len, buf, sizeof buf);
			htmlexport_escape(f, w, strlen(w));
		} else {
			htmlexport_escape(f, s, len);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n<h2>Thành tích</h2>\n<p>", f);
	esc_lines(f, mp_map_get(e, "achievements"));
	fputs("</p>\n", f);
	if (mp_get_str(mp_map_get(e, "summary"), &s, &len) == 0 && len) {
		fputs("<h2>Kết quả tổng kết</h2>\n<p>", f);
		esc_lines(f, mp_map_get(e, "summary"));
		fputs("</p>\n", f);
	}
	history(f, mp_map_get(e, "history"));
	line_list(f, "Giới thiệu với cụm thi đua", mp_map_get(e, "introduced"));
	publicity(f, mp_map_get(e, "publicity"));
	fputs("</body>\n</html>\n", f);
}

/* The page of a model. */
static void model_page(FILE *f, const msgpack_object *e,
                       const msgpack_object *hospital)
{
	const msgpack_object *name = mp_map_get(e, "name");
	const char *s;
	size_t len;
	char buf[64];

	if (mp_get_str(name, &s, &len) != 0) {
		s = "";
		len = 0;
	}
	head(f, s, len, hospital);
	fputs("<p><a href=\"index.html\">Mô hình, sáng kiến, kinh nghiệm"
	      "</a></p>\n<h1>",
	      f);
	esc_obj(f, name);
	fputs("</h1>\n<table>\n<tr><th>Mã</th><td>", f);
	esc_obj(f, mp_map_get(e, "code"));
	fputs("</td></tr>\n<tr><th>Đơn vị</th><td>", f);
	esc_obj(f, mp_map_get(e, "unit-name"));
	fputs("</td></tr>\n<tr><th>Trạng thái</th><td>", f);
	if (mp_get_str(mp_map_get(e, "state"), &s, &len) == 0) {
		const char *w = vi(s, len, buf, sizeof buf);
		htmlexport_escape(f, w, strlen(w));
	}
	fputs("</td></tr>\n</table>\n", f);
	text_block(f, "Kế hoạch triển khai", mp_map_get(e, "plan"));
	line_list(f, "Đánh giá định kỳ", mp_map_get(e, "evaluations"));
	text_block(f, "Đánh giá cuối kỳ", mp_map_get(e, "assessment"));
	line_list(f, "Nơi áp dụng, nhân rộng", mp_map_get(e, "adopted"));
	publicity(f, mp_map_get(e, "publicity"));
	fputs("</body>\n</html>\n", f);
}

/* Writes the word for the str field key of e. */
static void word_cell(FILE *f, const msgpack_object *e, const char *key)
{
	const char *s;
	size_t len;
	char buf[64];

	if (mp_get_str(mp_map_get(e, key), &s, &len) == 0) {
		const char *w = vi(s, len, buf, sizeof buf);
		htmlexport_escape(f, w, strlen(w));
	}
}

/* The index: the exemplars, then the models, each linked to its page. */
static void index_page(FILE *f, const msgpack_object *exemplars,
                       const msgpack_object *models,
                       const msgpack_object *hospital)
{
	static const char title[] = "Mô hình, sáng kiến, kinh nghiệm";

	head(f, title, strlen(title), hospital);
	fprintf(f, "<h1>%s</h1>\n<p>", title);
	esc_obj(f, hospital);
	fputs("</p>\n<h2>Điển hình tiên tiến</h2>\n<table>\n<tr><th>Năm</th>"
	      "<th>Điển hình</th><th>Đơn vị</th><th>Lĩnh vực</th>"
	      "<th>Giai đoạn</th></tr>\n",
	      f);
	for (uint32_t i = 0; i < exemplars->via.array.size; i++) {
		const msgpack_object *e = &exemplars->via.array.ptr[i];
		const char *code;
		size_t cl;
		uint64_t year = 0;
		if (mp_get_str(mp_map_get(e, "exemplar"), &code, &cl) != 0 ||
		    !safe_name(code, cl))
			continue;
		mp_get_u64(mp_map_get(e, "year"), &year);
		fprintf(f, "<tr><td>%llu</td><td><a href=\"%.*s.html\">",
		        (unsigned long long)year, (int)cl, code);
		esc_obj(f, mp_map_get(e, "name"));
		fputs("</a></td><td>", f);
		esc_obj(f, mp_map_get(e, "unit-name"));
		fputs("</td><td>", f);
		word_cell(f, e, "field");
		fputs("</td><td>", f);
		word_cell(f, e, "stage");
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n", f);
	if (models && models->type == MSGPACK_OBJECT_ARRAY &&
	    models->via.array.size) {
		fputs("<h2>Mô hình mới, cách làm hay</h2>\n<table>\n<tr><th>Năm"
		      "</th><th>Mô hình</th><th>Đơn vị</th><th>Trạng thái</th>"
		      "</tr>\n",
		      f);
		for (uint32_t i = 0; i < models->via.array.size; i++) {
			const msgpack_object *e = &models->via.array.ptr[i];
			const char *code;
			size_t cl;
			uint64_t year = 0;
			if (mp_get_str(mp_map_get(e, "code"), &code, &cl) !=
			            0 ||
			    !safe_name(code, cl))
				continue;
			mp_get_u64(mp_map_get(e, "year"), &year);
			fprintf(f,
			        "<tr><td>%llu</td><td><a href=\"%.*s.html\">",
			        (unsigned long long)year, (int)cl, code);
			esc_obj(f, mp_map_get(e, "name"));
			fputs("</a></td><td>", f);
			esc_obj(f, mp_map_get(e, "unit-name"));
			fputs("</td><td>", f);
			word_cell(f, e, "state");
			fputs("</td></tr>\n", f);
		}
		fputs("</table>\n", f);
	}
	fputs("</body>\n</html>\n", f);
}

enum page_kind { PAGE_EXEMPLAR, PAGE_MODEL, PAGE_INDEX };

/* Writes one page to dir/name through a temporary file: e's page, or the
 * index of body. */
static int write_page(const char *dir, const char *name, enum page_kind kind,
                      const msgpack_object *e, const msgpack_object *body,
                      char *err, size_t n)
{
	const msgpack_object *hospital = mp_map_get(body, "hospital");
	char path[4096], tmp[4200];
	FILE *f;
	int bad;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	if ((f = fopen(tmp, "wx")) == NULL) {
		snprintf(err, n, "cannot write %s: %s", tmp, strerror(errno));
		return LRL_EIO;
	}
	if (kind == PAGE_EXEMPLAR)
		page(f, e, hospital);
	else if (kind == PAGE_MODEL)
		model_page(f, e, hospital);
	else
		index_page(f, mp_map_get(body, "exemplars"),
		           mp_map_get(body, "models"), hospital);
	bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
		snprintf(err, n, "cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		return LRL_EIO;
	}
	return 0;
}

/* The page name of entry e (its code key + ".html") into name; 0, or
 * LRL_EPROTO when the code is not a safe file name. */
static int page_name(const msgpack_object *e, const char *key, char *name,
                     size_t n)
{
	const char *code;
	size_t cl;

	if (mp_get_str(mp_map_get(e, key), &code, &cl) != 0 ||
	    !safe_name(code, cl))
		return LRL_EPROTO;
	snprintf(name, n, "%.*s.html", (int)cl, code);
	return 0;
}

/* May the file name be written in dir?  Sets err when not. */
static int may_write(const char *dir, const char *name, char *err, size_t n)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (ours_or_absent(path))
		return 0;
	snprintf(err, n,
	         "%s exists and was not written by an export; choose "
	         "another directory",
	         path);
	return LRL_EEXIST;
}

int htmlexport_write(const char *dir, const msgpack_object *body, size_t *pages,
                     char *err, size_t n)
{
	const msgpack_object *lists[2] = {mp_map_get(body, "exemplars"),
	                                  mp_map_get(body, "models")};
	static const char *const keys[2] = {"exemplar", "code"};
	struct stat st;
	char name[80];
	int rc;

	*pages = 0;
	for (int k = 0; k < 2; k++)
		if (lists[k] == NULL ||
		    lists[k]->type != MSGPACK_OBJECT_ARRAY ||
		    lists[k]->via.array.size > HTML_PAGES_MAX) {
			snprintf(err, n, "unexpected reply");
			return LRL_EPROTO;
		}
	if (stat(dir, &st) != 0) {
		if (errno != ENOENT || mkdir(dir, 0755) != 0) {
			snprintf(err, n, "cannot create %s: %s", dir,
			         strerror(errno));
			return LRL_EIO;
		}
	} else if (!S_ISDIR(st.st_mode)) {
		snprintf(err, n, "%s is not a directory", dir);
		return LRL_EEXIST;
	}
	/* First make sure nothing unrelated is in the way: then write. */
	if ((rc = may_write(dir, "index.html", err, n)) != 0)
		return rc;
	for (int k = 0; k < 2; k++)
		for (uint32_t i = 0; i < lists[k]->via.array.size; i++) {
			if (page_name(&lists[k]->via.array.ptr[i], keys[k],
			              name, sizeof name) != 0) {
				snprintf(err, n,
				         "unexpected code in the reply");
				return LRL_EPROTO;
			}
			if ((rc = may_write(dir, name, err, n)) != 0)
				return rc;
		}
	for (int k = 0; k < 2; k++)
		for (uint32_t i = 0; i < lists[k]->via.array.size; i++) {
			const msgpack_object *e = &lists[k]->via.array.ptr[i];
			page_name(e, keys[k], name, sizeof name);
			if ((rc = write_page(dir, name,
			                     k == 0 ? PAGE_EXEMPLAR
			                            : PAGE_MODEL,
			                     e, body, err, n)) != 0)
				return rc;
			(*pages)++;
		}
	if ((rc = write_page(dir, "index.html", PAGE_INDEX, NULL, body, err,
	                     n)) != 0)
		return rc;
	(*pages)++;
	return 0;
}
