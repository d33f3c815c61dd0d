/* rdoc.c — joining report pages into a document (see rdoc.h). */
#include "laurel/rdoc.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/client.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/msg.h"
#include "laurel/text.h"

/* The sanitised copy of a string object ("" for anything else). */
static char *str_of(const msgpack_object *o)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return strdup("");
	return text_sanitize(o->via.str.ptr, o->via.str.size, 0);
}

/* The translation of an English label (sanitised). */
static char *label_of(const msgpack_object *o)
{
	char *s = str_of(o), *t;

	if (s == NULL || *s == '\0')
		return s;
	t = strdup(dgettext("laurel", s));
	free(s);
	return t;
}

/* A message (its text, format and arguments) in the reader's language,
 * sanitised (lrl_msg_text). */
static char *msg_of(const msgpack_object *text, const msgpack_object *fmt,
                    const msgpack_object *args)
{
	char out[4096];

	lrl_msg_text(text, fmt, args, out, sizeof out);
	return text_sanitize(out, strlen(out), 0);
}

struct rdoc *rdoc_new(void)
{
	return calloc(1, sizeof(struct rdoc));
}

static void free_row(char **row, size_t n)
{
	for (size_t i = 0; row && i < n; i++)
		free(row[i]);
	free(row);
}

void rdoc_free(struct rdoc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->nblocks; i++) {
		struct rdoc_block *b = &d->blocks[i];
		free(b->text);
		for (size_t j = 0; j < b->ncols; j++)
			free(b->cols[j].name);
		free(b->cols);
		for (size_t j = 0; j < b->nrows; j++)
			free_row(b->rows[j], b->ncols);
		free(b->rows);
		free_row(b->total, b->ncols);
		free(b->unit);
		for (size_t j = 0; j < b->nbars; j++)
			free(b->bars[j].label);
		free(b->bars);
	}
	free(d->blocks);
	free(d->name);
	free(d->title);
	free(d->subtitle);
	free(d->abstract);
	free(d->hospital);
	free(d->parent);
	free(d->place);
	free(d->number);
	free(d->signer);
	for (size_t i = 0; i < d->nsigners; i++) {
		free(d->signers[i].title);
		free(d->signers[i].name);
	}
	free(d->signers);
	for (size_t i = 0; i < d->ncopies; i++)
		free(d->copies[i]);
	free(d->copies);
	free(d->mark);
	free(d->head);
	free(d->checkpoint);
	free(d);
}

static struct rdoc_block *new_block(struct rdoc *d, enum rdoc_kind kind)
{
	if (d->nblocks == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct rdoc_block *p = realloc(d->blocks, cap * sizeof *p);
		if (p == NULL)
			return NULL;
		d->blocks = p;
		d->cap = cap;
	}
	memset(&d->blocks[d->nblocks], 0, sizeof d->blocks[0]);
	d->blocks[d->nblocks].kind = kind;
	return &d->blocks[d->nblocks++];
}

/* A cell of explained lines (report.h, rpt_cell_lines) in the reader's
 * language: "a; b (c; d)". */
static char *lines_of(const msgpack_object *a)
{
	char *out = strdup("");
	size_t len = 0;
	int open = 0;

	for (uint32_t i = 0; out && i < a->via.array.size; i++) {
		const msgpack_object *e = &a->via.array.ptr[i];
		int child = 0;
		char *m, *p;
		const char *sep;
		size_t ml;
		if (e->type != MSGPACK_OBJECT_MAP)
			continue;
		mp_get_bool(mp_map_get(e, "child"), &child);
		m = msg_of(mp_map_get(e, "text"), mp_map_get(e, "fmt"),
		           mp_map_get(e, "args"));
		sep = child ? (open ? "; " : " (")
		            : (open ? "); " : (len ? "; " : ""));
		ml = m ? strlen(m) : 0;
		if ((p = realloc(out, len + strlen(sep) + ml + 2)) == NULL) {
			free(m);
			free(out);
			return NULL;
		}
		out = p;
		len += (size_t)sprintf(out + len, "%s%s", sep, m ? m : "");
		open = child;
		free(m);
	}
	if (out && open)
		strcat(out, ")");
	return out;
}

/* A row of ncols cells; l10n[i] translates cell i. */
static char **row_of(const msgpack_object *o, size_t ncols, const int *l10n)
{
	char **row = calloc(ncols ? ncols : 1, sizeof *row);

	if (row == NULL)
		return NULL;
	for (size_t i = 0; i < ncols; i++) {
		const msgpack_object *v =
			o->type == MSGPACK_OBJECT_ARRAY && i < o->via.array.size
				? &o->via.array.ptr[i]
				: NULL;
		row[i] = v && v->type == MSGPACK_OBJECT_ARRAY ? lines_of(v)
		         : l10n[i]                           ? label_of(v)
		                                             : str_of(v);
		if (row[i] == NULL) {
			free_row(row, i);
			return NULL;
		}
	}
	return row;
}

static int add_table(struct rdoc *d, const msgpack_object *a)
{
	const msgpack_object *cols = &a->via.array.ptr[3];
	const msgpack_object *rows = &a->via.array.ptr[4];
	const msgpack_object *total = &a->via.array.ptr[5];
	struct rdoc_block *b = NULL;
	int64_t id = 0;
	int l10n[64] = {0};

	mp_get_i64(&a->via.array.ptr[1], &id);
	if (cols->type != MSGPACK_OBJECT_ARRAY ||
	    rows->type != MSGPACK_OBJECT_ARRAY || cols->via.array.size > 64)
		return LRL_EPROTO;
	/* A table cut by a page boundary continues the last block. */
	if (d->nblocks && d->blocks[d->nblocks - 1].kind == RDOC_TABLE &&
	    d->blocks[d->nblocks - 1].id == (int)id)
		b = &d->blocks[d->nblocks - 1];
	for (uint32_t i = 0; i < cols->via.array.size; i++) {
		const msgpack_object *c = &cols->via.array.ptr[i];
		int v = 0;
		if (c->type == MSGPACK_OBJECT_ARRAY && c->via.array.size == 3)
			mp_get_bool(&c->via.array.ptr[2], &v);
		l10n[i] = v;
	}
	if (b == NULL) {
		if ((b = new_block(d, RDOC_TABLE)) == NULL)
			return LRL_ENOMEM;
		b->id = (int)id;
		b->text = label_of(&a->via.array.ptr[2]);
		b->ncols = cols->via.array.size;
		b->cols = calloc(b->ncols ? b->ncols : 1, sizeof *b->cols);
		if (b->cols == NULL)
			return LRL_ENOMEM;
		for (size_t i = 0; i < b->ncols; i++) {
			const msgpack_object *c = &cols->via.array.ptr[i];
			char al[4] = "";
			if (c->type != MSGPACK_OBJECT_ARRAY ||
			    c->via.array.size != 3)
				return LRL_EPROTO;
			b->cols[i].name = label_of(&c->via.array.ptr[0]);
			mp_get_strbuf(&c->via.array.ptr[1], al, sizeof al);
			b->cols[i].right = al[0] == 'r';
		}
	}
	for (uint32_t i = 0; i < rows->via.array.size; i++) {
		if (b->nrows == b->caprows) {
			size_t cap = b->caprows ? b->caprows * 2 : 64;
			char ***p = realloc(b->rows, cap * sizeof *p);
			if (p == NULL)
				return LRL_ENOMEM;
			b->rows = p;
			b->caprows = cap;
		}
		if ((b->rows[b->nrows] = row_of(&rows->via.array.ptr[i],
		                                b->ncols, l10n)) == NULL)
			return LRL_ENOMEM;
		b->nrows++;
	}
	if (total->type == MSGPACK_OBJECT_ARRAY) {
		int no[64] = {0};
		free_row(b->total, b->ncols);
		no[0] = 1; /* "Total" */
		if ((b->total = row_of(total, b->ncols, no)) == NULL)
			return LRL_ENOMEM;
	}
	return 0;
}

static int add_chart(struct rdoc *d, const msgpack_object *a)
{
	const msgpack_object *bars = &a->via.array.ptr[3];
	struct rdoc_block *b = new_block(d, RDOC_CHART);

	if (b == NULL)
		return LRL_ENOMEM;
	b->text = label_of(&a->via.array.ptr[1]);
	b->unit = str_of(&a->via.array.ptr[2]);
	if (bars->type != MSGPACK_OBJECT_ARRAY)
		return LRL_EPROTO;
	b->bars = calloc(bars->via.array.size + 1, sizeof *b->bars);
	if (b->bars == NULL)
		return LRL_ENOMEM;
	for (uint32_t i = 0; i < bars->via.array.size; i++) {
		const msgpack_object *e = &bars->via.array.ptr[i];
		struct rdoc_bar *r = &b->bars[b->nbars];
		if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size != 3)
			return LRL_EPROTO;
		r->label = str_of(&e->via.array.ptr[0]);
		r->value = e->via.array.ptr[1].type == MSGPACK_OBJECT_FLOAT64 ||
		                           e->via.array.ptr[1].type ==
		                                   MSGPACK_OBJECT_FLOAT32
		                   ? e->via.array.ptr[1].via.f64
		                   : 0;
		r->target =
			e->via.array.ptr[2].type == MSGPACK_OBJECT_FLOAT64 ||
					e->via.array.ptr[2].type ==
						MSGPACK_OBJECT_FLOAT32
				? e->via.array.ptr[2].via.f64
				: -1;
		b->nbars++;
	}
	return 0;
}

/* The signers and the copies of the first page (report.h). */
static int add_signers(struct rdoc *d, const msgpack_object *signers,
                       const msgpack_object *copies)
{
	if (signers && signers->type == MSGPACK_OBJECT_ARRAY &&
	    signers->via.array.size) {
		uint32_t n = signers->via.array.size;
		if ((d->signers = calloc(n, sizeof *d->signers)) == NULL)
			return LRL_ENOMEM;
		for (uint32_t i = 0; i < n; i++) {
			const msgpack_object *e = &signers->via.array.ptr[i];
			struct rdoc_signer *s = &d->signers[d->nsigners];
			if (e->type != MSGPACK_OBJECT_ARRAY ||
			    e->via.array.size != 2)
				return LRL_EPROTO;
			s->title = label_of(&e->via.array.ptr[0]);
			s->name = str_of(&e->via.array.ptr[1]);
			d->nsigners++;
			if (s->title == NULL || s->name == NULL)
				return LRL_ENOMEM;
		}
	}
	if (copies && copies->type == MSGPACK_OBJECT_ARRAY) {
		uint32_t n = copies->via.array.size;
		d->has_copies = 1;
		if ((d->copies = calloc(n ? n : 1, sizeof *d->copies)) == NULL)
			return LRL_ENOMEM;
		for (uint32_t i = 0; i < n; i++)
			if ((d->copies[d->ncopies++] =
			             str_of(&copies->via.array.ptr[i])) == NULL)
				return LRL_ENOMEM;
	}
	return 0;
}

int rdoc_add_page(struct rdoc *d, const msgpack_object *rep)
{
	const msgpack_object *blocks, *sub;
	int first = d->title == NULL, rc;

	if (rep == NULL || rep->type != MSGPACK_OBJECT_MAP ||
	    (blocks = mp_map_get(rep, "blocks")) == NULL ||
	    blocks->type != MSGPACK_OBJECT_ARRAY)
		return LRL_EPROTO;
	if (first) {
		d->name = str_of(mp_map_get(rep, "name"));
		d->title = label_of(mp_map_get(rep, "title"));
		sub = mp_map_get(rep, "subtitle");
		d->subtitle = sub && sub->type == MSGPACK_OBJECT_ARRAY &&
		                              sub->via.array.size == 3
		                      ? msg_of(&sub->via.array.ptr[0],
		                               &sub->via.array.ptr[1],
		                               &sub->via.array.ptr[2])
		                      : strdup("");
		d->hospital = str_of(mp_map_get(rep, "hospital"));
		d->parent = str_of(mp_map_get(rep, "parent"));
		d->place = str_of(mp_map_get(rep, "place"));
		d->number = str_of(mp_map_get(rep, "number"));
		sub = mp_map_get(rep, "abstract");
		d->abstract = sub && sub->type == MSGPACK_OBJECT_ARRAY &&
		                              sub->via.array.size == 3
		                      ? msg_of(&sub->via.array.ptr[0],
		                               &sub->via.array.ptr[1],
		                               &sub->via.array.ptr[2])
		                      : strdup("");
		d->signer = label_of(mp_map_get(rep, "signer"));
		d->mark = label_of(mp_map_get(rep, "mark"));
		if ((rc = add_signers(d, mp_map_get(rep, "signers"),
		                      mp_map_get(rep, "copies"))) != 0)
			return rc;
		d->head = str_of(mp_map_get(rep, "head"));
		d->checkpoint = str_of(mp_map_get(rep, "checkpoint"));
		{
			int64_t v = 0;
			mp_get_i64(mp_map_get(rep, "date"), &v);
			d->date = (int32_t)v;
			mp_get_i64(mp_map_get(rep, "events"), &d->events);
		}
	}
	for (uint32_t i = 0; i < blocks->via.array.size; i++) {
		const msgpack_object *a = &blocks->via.array.ptr[i];
		char kind[4] = "";
		struct rdoc_block *b;
		if (a->type != MSGPACK_OBJECT_ARRAY || a->via.array.size < 2 ||
		    mp_get_strbuf(&a->via.array.ptr[0], kind, sizeof kind) != 0)
			return LRL_EPROTO;
		if (!strcmp(kind, "t") && a->via.array.size == 6)
			rc = add_table(d, a);
		else if (!strcmp(kind, "c") && a->via.array.size == 4)
			rc = add_chart(d, a);
		else if (!strcmp(kind, "h")) {
			char al[4] = "";
			if ((b = new_block(d, RDOC_HEADING)) == NULL)
				return LRL_ENOMEM;
			if (a->via.array.size >= 3)
				mp_get_strbuf(&a->via.array.ptr[2], al,
				              sizeof al);
			b->centred = al[0] == 'c';
			rc = (b->text = label_of(&a->via.array.ptr[1]))
			             ? 0
			             : LRL_ENOMEM;
		} else if (!strcmp(kind, "s") || !strcmp(kind, "b")) {
			rc = new_block(d, kind[0] == 's' ? RDOC_SIGNATURE
			                                 : RDOC_BREAK)
			             ? 0
			             : LRL_ENOMEM;
		} else if (!strcmp(kind, "p") && a->via.array.size == 4) {
			if ((b = new_block(d, RDOC_PARA)) == NULL)
				return LRL_ENOMEM;
			b->text = msg_of(&a->via.array.ptr[1],
			                 &a->via.array.ptr[2],
			                 &a->via.array.ptr[3]);
			rc = b->text ? 0 : LRL_ENOMEM;
		} else
			rc = LRL_EPROTO;
		if (rc != 0)
			return rc;
	}
	return 0;
}

int rdoc_fetch(lrl_conn *c, const struct lrl_action *a, const void *entries,
               size_t entries_len, size_t count, struct rdoc **out,
               struct lrl_reply **reply)
{
	struct rdoc *d = rdoc_new();
	mp_buf params;
	char *after = NULL;
	int rc = 0;

	*out = NULL;
	*reply = NULL;
	if (d == NULL)
		return LRL_ENOMEM;
	mp_buf_init(&params);
	for (;;) {
		struct lrl_reply *r = NULL;
		const msgpack_object *rep, *next;
		int list = (a->flags & AF_LIST) != 0;
		mp_buf_reset(&params);
		msgpack_pack_map(&params.pk,
		                 count + (after ? 1 : 0) + (list ? 1 : 0));
		mp_pack_raw(&params.pk, entries, entries_len);
		if (after) {
			mp_pack_str(&params.pk, "after");
			msgpack_pack_int64(&params.pk,
			                   strtoll(after, NULL, 10));
		}
		if (list) {
			mp_pack_str(&params.pk, "model");
			msgpack_pack_true(&params.pk);
		}
		if ((rc = lrl_call(c, a->name, params.sb.data, params.sb.size,
		                   &r)) != 0)
			break;
		if (r->code != 0) {
			rc = r->code;
			*reply = r;
			break;
		}
		rep = mp_map_get(r->body, "report");
		if ((rc = rdoc_add_page(d, rep)) != 0) {
			lrl_reply_free(r);
			break;
		}
		next = mp_map_get(rep, "next");
		free(after);
		after = next && next->type == MSGPACK_OBJECT_STR
		                ? mp_strdup(next)
		                : NULL;
		lrl_reply_free(r);
		if (after == NULL)
			break;
	}
	free(after);
	mp_buf_free(&params);
	if (rc != 0) {
		rdoc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void rdoc_date_line(const struct rdoc *d, char *buf, size_t n)
{
	int y, m, dd;

	date_to_ymd(d->date, &y, &m, &dd);
	snprintf(buf, n, "%s, ngày %02d tháng %02d năm %d",
	         d->place && d->place[0] ? d->place : "……………", dd, m, y);
}
