/* report.c — the report model builder (see report.h). */
#include "laurel/report.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/checkpoint.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/mp.h"
#include "laurel/msg.h"

#define RPT_TEXT_MAX 512

struct rpt {
	struct lrl_ctx *c;
	int64_t after, pos;
	int full;
	char title[RPT_TEXT_MAX];
	char subtitle[RPT_TEXT_MAX];
	struct msg_args subtitle_m;
	char number[RPT_TEXT_MAX];
	char abstract[RPT_TEXT_MAX];
	struct msg_args abstract_m;
	char signer[64];
	/* Who signs, left to right (report.h); none: the role signer. */
	char sign_title[RPT_SIGNERS][RPT_TEXT_MAX];
	char sign_name[RPT_SIGNERS][RPT_TEXT_MAX];
	size_t nsigners;
	char *copies; /* NULL: the default recipients */
	int32_t date;
	int has_date;
	char issuer[RPT_TEXT_MAX], place[RPT_TEXT_MAX];
	int issuer_under_hospital; /* the hospital becomes the parent body */
	char mark[64];
	mp_buf blocks;
	size_t nblocks;
	/* The table being built. */
	int tid;
	char ttitle[RPT_TEXT_MAX];
	const struct rpt_col *cols;
	size_t ncols;
	int table_in_page; /* some position of it falls in the page */
	mp_buf rows;       /* its rows in this page */
	size_t nrows;
	mp_buf total;
	int has_total;
	int in_row; /* 1: cells go to rows, 2: to total, 0: dropped */
	/* The chart being built. */
	int chart_in_page;
	char ctitle[RPT_TEXT_MAX], cunit[32];
	mp_buf bars;
	size_t nbars;
};

/* Claims the next position: 1 when it falls in the page. */
static int take(rpt *r)
{
	int64_t p = r->pos++;

	if (p >= r->after + REPORT_PAGE) {
		r->full = 1;
		return 0;
	}
	return p >= r->after;
}

int rpt_begin(struct lrl_ctx *c, const char *title, rpt **out)
{
	rpt *r = calloc(1, sizeof *r);

	*out = NULL;
	if (r == NULL)
		return LRL_ENOMEM;
	r->c = c;
	ctx_int(c, "after", &r->after);
	if (r->after < 0)
		r->after = 0;
	snprintf(r->title, sizeof r->title, "%s", title);
	snprintf(r->signer, sizeof r->signer, "%s", "DIRECTOR");
	mp_buf_init(&r->blocks);
	mp_buf_init(&r->rows);
	mp_buf_init(&r->total);
	mp_buf_init(&r->bars);
	*out = r;
	return 0;
}

void rpt_free(rpt *r)
{
	if (r == NULL)
		return;
	mp_buf_free(&r->blocks);
	mp_buf_free(&r->rows);
	mp_buf_free(&r->total);
	mp_buf_free(&r->bars);
	free(r->copies);
	free(r);
}

/* Formats a line into buf (size n) and keeps its format and arguments
 * in m for translation. */
static void set_line(char *buf, size_t n, struct msg_args *m,
                     const char *fmt, va_list ap)
{
	va_list aq;

	va_copy(aq, ap);
	vsnprintf(buf, n, fmt, ap);
	msg_capture(m, fmt, aq);
	va_end(aq);
}

void rpt_subtitle(rpt *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_line(r->subtitle, sizeof r->subtitle, &r->subtitle_m, fmt, ap);
	va_end(ap);
}

void rpt_abstract(rpt *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_line(r->abstract, sizeof r->abstract, &r->abstract_m, fmt, ap);
	va_end(ap);
}

/* Packs text, then its format and arguments (msg.h) for translation. */
static void pack_msg(msgpack_packer *pk, const char *text,
                     const struct msg_args *m)
{
	mp_pack_str(pk, text);
	mp_pack_str(pk, m->fmt ? m->fmt : "");
	msgpack_pack_array(pk, (uint32_t)m->n);
	for (int i = 0; i < m->n; i++)
		mp_pack_str(pk, m->arg[i]);
}

void rpt_number(rpt *r, const char *number)
{
	snprintf(r->number, sizeof r->number, "%s", number);
}

void rpt_signer(rpt *r, const char *role)
{
	snprintf(r->signer, sizeof r->signer, "%s", role);
}

void rpt_sign(rpt *r, const char *title, const char *name)
{
	if (r->nsigners >= RPT_SIGNERS)
		return;
	snprintf(r->sign_title[r->nsigners], RPT_TEXT_MAX, "%s", title);
	snprintf(r->sign_name[r->nsigners], RPT_TEXT_MAX, "%s",
	         name ? name : "");
	r->nsigners++;
}

void rpt_copies(rpt *r, const char *lines)
{
	free(r->copies);
	r->copies = strdup(lines ? lines : "");
}

void rpt_date(rpt *r, int32_t day)
{
	r->date = day;
	r->has_date = 1;
}

void rpt_issuer(rpt *r, const char *issuer)
{
	snprintf(r->issuer, sizeof r->issuer, "%s", issuer ? issuer : "");
}

void rpt_issuer_within(rpt *r, const char *body)
{
	rpt_issuer(r, body);
	r->issuer_under_hospital = 1;
}

void rpt_place(rpt *r, const char *place)
{
	snprintf(r->place, sizeof r->place, "%s", place ? place : "");
}

void rpt_mark(rpt *r, const char *word)
{
	snprintf(r->mark, sizeof r->mark, "%s", word ? word : "");
}

/* The copies, one string per non-empty line. */
static void pack_copies(msgpack_packer *pk, const char *lines)
{
	uint32_t n = 0;

	for (int pass = 0; pass < 2; pass++) {
		const char *s = lines;
		if (pass)
			msgpack_pack_array(pk, n);
		while (*s) {
			size_t len = strcspn(s, "\n");
			if (len && pass)
				mp_pack_strn(pk, s, len);
			else if (len)
				n++;
			s += len;
			if (*s)
				s++;
		}
	}
}

static void text_block(rpt *r, const char *kind, const char *text)
{
	if (!take(r))
		return;
	msgpack_pack_array(&r->blocks.pk, 2);
	mp_pack_str(&r->blocks.pk, kind);
	mp_pack_str(&r->blocks.pk, text);
	r->nblocks++;
}

void rpt_heading_centred(rpt *r, const char *text)
{
	if (!take(r))
		return;
	msgpack_pack_array(&r->blocks.pk, 3);
	mp_pack_str(&r->blocks.pk, "h");
	mp_pack_str(&r->blocks.pk, text);
	mp_pack_str(&r->blocks.pk, "c");
	r->nblocks++;
}

void rpt_heading(rpt *r, const char *text)
{
	text_block(r, "h", text);
}

void rpt_signature(rpt *r)
{
	text_block(r, "s", "");
}

void rpt_page_break(rpt *r)
{
	text_block(r, "b", "");
}

void rpt_para(rpt *r, const char *fmt, ...)
{
	char *buf;
	struct msg_args m;
	va_list ap, aq, az;
	int len;

	/* A paragraph may hold a whole text (an exemplar's achievements):
	 * measured, then written, never cut. */
	va_start(ap, fmt);
	va_copy(aq, ap);
	va_copy(az, ap);
	len = vsnprintf(NULL, 0, fmt, az);
	va_end(az);
	buf = malloc(len > 0 ? (size_t)len + 1 : 1);
	if (buf)
		vsnprintf(buf, len > 0 ? (size_t)len + 1 : 1, fmt, ap);
	msg_capture(&m, fmt, aq);
	va_end(aq);
	va_end(ap);
	if (buf == NULL || !take(r)) {
		free(buf);
		return;
	}
	msgpack_pack_array(&r->blocks.pk, 4);
	mp_pack_str(&r->blocks.pk, "p");
	pack_msg(&r->blocks.pk, buf, &m);
	r->nblocks++;
	free(buf);
}

void rpt_table(rpt *r, const char *title, const struct rpt_col *cols,
               size_t ncols)
{
	r->tid++;
	snprintf(r->ttitle, sizeof r->ttitle, "%s", title);
	r->cols = cols;
	r->ncols = ncols;
	r->table_in_page = take(r);
	mp_buf_reset(&r->rows);
	mp_buf_reset(&r->total);
	r->nrows = 0;
	r->has_total = 0;
	r->in_row = 0;
}

int rpt_row(rpt *r)
{
	if (take(r)) {
		r->table_in_page = 1;
		r->in_row = 1;
		msgpack_pack_array(&r->rows.pk, (uint32_t)r->ncols);
		r->nrows++;
		return 1;
	}
	r->in_row = 0;
	return 0;
}

void rpt_total(rpt *r)
{
	/* The total belongs to the table's last position: it is shown where
	 * the table ends. */
	if (r->pos > r->after && r->pos <= r->after + REPORT_PAGE) {
		r->in_row = 2;
		r->has_total = 1;
		mp_buf_reset(&r->total);
		msgpack_pack_array(&r->total.pk, (uint32_t)r->ncols);
	} else {
		r->in_row = 0;
	}
}

static msgpack_packer *cell_pk(rpt *r)
{
	return r->in_row == 1   ? &r->rows.pk
	       : r->in_row == 2 ? &r->total.pk
	                        : NULL;
}

void rpt_cell(rpt *r, const char *s)
{
	msgpack_packer *pk = cell_pk(r);

	if (pk)
		mp_pack_str(pk, s ? s : "");
}

void rpt_cell_lines(rpt *r, const msgpack_object *lines)
{
	msgpack_packer *pk = cell_pk(r);

	if (pk)
		msgpack_pack_object(pk, *lines);
}

void rpt_cellf(rpt *r, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	if (cell_pk(r) == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	rpt_cell(r, buf);
}

void rpt_cell_int(rpt *r, int64_t v)
{
	if (cell_pk(r))
		rpt_cellf(r, "%" PRId64, v);
}

void rpt_pct_text(int64_t num, int64_t den, char *buf, size_t n)
{
	int64_t tenths;

	if (den <= 0) {
		snprintf(buf, n, "%s", "–");
		return;
	}
	tenths = (num * 1000 + den / 2) / den;
	snprintf(buf, n, "%" PRId64 ",%" PRId64 "%%", tenths / 10, tenths % 10);
}

void rpt_cell_pct(rpt *r, int64_t num, int64_t den)
{
	char buf[32];

	if (cell_pk(r) == NULL)
		return;
	rpt_pct_text(num, den, buf, sizeof buf);
	rpt_cell(r, buf);
}

void rpt_table_end(rpt *r)
{
	msgpack_packer *pk = &r->blocks.pk;

	r->in_row = 0;
	if (!r->table_in_page)
		return;
	msgpack_pack_array(pk, 6);
	mp_pack_str(pk, "t");
	msgpack_pack_int(pk, r->tid);
	mp_pack_str(pk, r->ttitle);
	msgpack_pack_array(pk, (uint32_t)r->ncols);
	for (size_t i = 0; i < r->ncols; i++) {
		msgpack_pack_array(pk, 3);
		mp_pack_str(pk, r->cols[i].name);
		mp_pack_str(pk, r->cols[i].right ? "r" : "l");
		r->cols[i].l10n ? msgpack_pack_true(pk)
				: msgpack_pack_false(pk);
	}
	msgpack_pack_array(pk, (uint32_t)r->nrows);
	mp_pack_raw(pk, r->rows.sb.data, r->rows.sb.size);
	if (r->has_total)
		mp_pack_raw(pk, r->total.sb.data, r->total.sb.size);
	else
		msgpack_pack_nil(pk);
	r->nblocks++;
	r->table_in_page = 0;
}

void rpt_chart(rpt *r, const char *title, const char *unit)
{
	snprintf(r->ctitle, sizeof r->ctitle, "%s", title);
	snprintf(r->cunit, sizeof r->cunit, "%s", unit);
	r->chart_in_page = take(r);
	mp_buf_reset(&r->bars);
	r->nbars = 0;
}

void rpt_bar(rpt *r, const char *label, double value, double target)
{
	if (!r->chart_in_page)
		return;
	msgpack_pack_array(&r->bars.pk, 3);
	mp_pack_str(&r->bars.pk, label);
	msgpack_pack_double(&r->bars.pk, value);
	if (target < 0)
		msgpack_pack_nil(&r->bars.pk);
	else
		msgpack_pack_double(&r->bars.pk, target);
	r->nbars++;
}

void rpt_chart_end(rpt *r)
{
	msgpack_packer *pk = &r->blocks.pk;

	if (!r->chart_in_page)
		return;
	msgpack_pack_array(pk, 4);
	mp_pack_str(pk, "c");
	mp_pack_str(pk, r->ctitle);
	mp_pack_str(pk, r->cunit);
	msgpack_pack_array(pk, (uint32_t)r->nbars);
	mp_pack_raw(pk, r->bars.sb.data, r->bars.sb.size);
	r->nblocks++;
	r->chart_in_page = 0;
}

int rpt_full(const rpt *r)
{
	return r->full;
}

int rpt_end(rpt *r)
{
	struct lrl_ctx *c = r->c;
	msgpack_packer *pk = c->out;
	struct checkpoint cp;
	char hospital[HOSPITAL_NAME_BUF], head[2 * LRL_HASH_LEN + 1];
	char line[512] = "", next[32], parent[LRL_NAME_MAX * 4 + 1];
	int rc;

	memset(&cp, 0, sizeof cp);
	memcpy(cp.server_id, c->ident->server_id, LRL_SERVER_ID_LEN);
	if ((rc = evlog_head(c->txn, &cp.count, cp.head)) != 0) {
		rpt_free(r);
		return rc;
	}
	cp.time = c->now;
	if (c->ident->server_sk) {
		checkpoint_sign(&cp, c->ident->server_sk);
		checkpoint_format(&cp, line, sizeof line);
	}
	hex_encode(cp.head, LRL_HASH_LEN, head);
	hospital_name(c->txn, hospital, sizeof hospital);
	/* A body within the hospital (its council) issues under it: the
	 * hospital stands where the parent body would. */
	if (r->issuer_under_hospital)
		snprintf(parent, sizeof parent, "%s", hospital);
	else
		snprintf(parent, sizeof parent, "%s", c->ident->parent);
	if (r->issuer[0])
		snprintf(hospital, sizeof hospital, "%s", r->issuer);
	snprintf(next, sizeof next, "%" PRId64, r->after + REPORT_PAGE);
	msgpack_pack_map(pk, 1);
	mp_pack_str(pk, "report");
	msgpack_pack_map(pk, 20);
	mp_pack_kv_str(pk, "name", c->action->name);
	mp_pack_kv_str(pk, "title", r->title);
	mp_pack_str(pk, "subtitle");
	msgpack_pack_array(pk, 3);
	pack_msg(pk, r->subtitle, &r->subtitle_m);
	mp_pack_kv_str(pk, "hospital", hospital);
	mp_pack_kv_str(pk, "parent", parent);
	mp_pack_kv_str(pk, "place", r->place[0] ? r->place : c->ident->place);
	mp_pack_kv_int(pk, "date",
	               r->has_date ? r->date : date_of_time(c->now));
	mp_pack_kv_str(pk, "number", r->number);
	mp_pack_str(pk, "abstract");
	msgpack_pack_array(pk, 3);
	pack_msg(pk, r->abstract, &r->abstract_m);
	mp_pack_kv_str(pk, "signer", r->signer);
	mp_pack_kv_int(pk, "events", (int64_t)cp.count);
	mp_pack_kv_str(pk, "head", head);
	mp_pack_kv_str(pk, "checkpoint", line);
	mp_pack_str(pk, "blocks");
	msgpack_pack_array(pk, (uint32_t)r->nblocks);
	mp_pack_raw(pk, r->blocks.sb.data, r->blocks.sb.size);
	mp_pack_kv_str(pk, "next", r->full ? next : NULL);
	mp_pack_kv_int(pk, "page-size", REPORT_PAGE);
	mp_pack_kv_int(pk, "after", r->after);
	mp_pack_str(pk, "signers");
	if (r->nsigners) {
		msgpack_pack_array(pk, (uint32_t)r->nsigners);
		for (size_t i = 0; i < r->nsigners; i++) {
			msgpack_pack_array(pk, 2);
			mp_pack_str(pk, r->sign_title[i]);
			mp_pack_str(pk, r->sign_name[i]);
		}
	} else {
		msgpack_pack_nil(pk);
	}
	mp_pack_str(pk, "copies");
	if (r->copies)
		pack_copies(pk, r->copies);
	else
		msgpack_pack_nil(pk);
	mp_pack_kv_str(pk, "mark", r->mark);
	rpt_free(r);
	return 0;
}

/* Columns of a wrapped list whose cells are words the client translates,
 * and the words of those lists that are not named elsewhere. */
static const char *const wrap_l10n[] = {"state", "late", "verdict",
                                        "discipline"};
static const char *const wrap_words[] __attribute__((unused)) = {
	N_("Proposal"), N_("Failing"), N_("not-eligible")};

int rpt_wrap_list(struct lrl_ctx *c, lrl_handler h, const char *title)
{
	msgpack_sbuffer sb;
	msgpack_packer tmp, *out = c->out;
	msgpack_unpacked up;
	const msgpack_object *cols, *rows;
	struct rpt_col *rc_cols = NULL;
	rpt *r = NULL;
	int rc;

	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&tmp, &sb, msgpack_sbuffer_write);
	msgpack_unpacked_init(&up);
	c->out = &tmp;
	rc = h(c);
	c->out = out;
	if (rc != 0)
		goto out;
	rc = LRL_ECORRUPT;
	if (mp_decode(&up, sb.data, sb.size) != 0 ||
	    (cols = mp_map_get(&up.data, "columns")) == NULL ||
	    cols->type != MSGPACK_OBJECT_ARRAY ||
	    (rows = mp_map_get(&up.data, "rows")) == NULL ||
	    rows->type != MSGPACK_OBJECT_ARRAY)
		goto out;
	rc = LRL_ENOMEM;
	if ((rc_cols = calloc(cols->via.array.size + 1, sizeof *rc_cols)) ==
	    NULL)
		goto out;
	for (uint32_t i = 0; i < cols->via.array.size; i++) {
		const msgpack_object *o = &cols->via.array.ptr[i];
		char *name = o->type == MSGPACK_OBJECT_STR
		                     ? strndup(o->via.str.ptr, o->via.str.size)
		                     : strdup("");
		if (name == NULL)
			goto out;
		for (size_t w = 0; w < sizeof wrap_l10n / sizeof wrap_l10n[0];
		     w++)
			if (!strcmp(name, wrap_l10n[w]))
				rc_cols[i].l10n = 1;
		/* A list's column "full-name" heads a document as "Full name". */
		if (name[0] >= 'a' && name[0] <= 'z')
			name[0] = (char)(name[0] - 'a' + 'A');
		for (char *d = strchr(name, '-'); d; d = strchr(d, '-'))
			*d = ' ';
		rc_cols[i].name = name;
	}
	if ((rc = rpt_begin(c, title, &r)) != 0)
		goto out;
	{
		int64_t year = 0;
		if (ctx_int(c, "year", &year) == 0 && year)
			rpt_subtitle(r, "%" PRId64, year);
	}
	/* The document's title names the table already. */
	rpt_table(r, "", rc_cols, cols->via.array.size);
	for (uint32_t i = 0; i < rows->via.array.size && !rpt_full(r); i++) {
		const msgpack_object *row = &rows->via.array.ptr[i];
		rpt_row(r);
		for (uint32_t j = 0; j < cols->via.array.size; j++) {
			const msgpack_object *v =
				row->type == MSGPACK_OBJECT_ARRAY &&
						j < row->via.array.size
					? &row->via.array.ptr[j]
					: NULL;
			if (v && v->type == MSGPACK_OBJECT_STR) {
				char *s = strndup(v->via.str.ptr,
				                  v->via.str.size);
				rpt_cell(r, s ? s : "");
				free(s);
			} else if (v &&
			           v->type == MSGPACK_OBJECT_POSITIVE_INTEGER)
				rpt_cellf(r, "%" PRIu64, v->via.u64);
			else if (v && v->type == MSGPACK_OBJECT_ARRAY)
				rpt_cell_lines(r, v);
			else
				rpt_cell(r, "");
		}
	}
	rpt_table_end(r);
	rc = rpt_end(r);
	r = NULL;
out:
	rpt_free(r);
	if (rc_cols)
		for (uint32_t i = 0; rc_cols[i].name; i++)
			free((char *)rc_cols[i].name);
	free(rc_cols);
	msgpack_unpacked_destroy(&up);
	msgpack_sbuffer_destroy(&sb);
	return rc;
}
