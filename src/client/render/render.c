/* render.c — text, CSV and JSON output of results (see render.h). */
#include "laurel/render.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/text.h"

#define CELL_MAX_COLS 60

static int to_terminal = 1;

void render_set_terminal(int is_terminal)
{
	to_terminal = is_terminal;
}

/* The display text of a value (sanitised for text output); caller frees. */
static char *item_text(const msgpack_object *v, int sanitize);
static char *array_text(const msgpack_object *v, int sanitize);

static char *value_text(const msgpack_object *v, int sanitize)
{
	char buf[64];

	switch (v->type) {
	case MSGPACK_OBJECT_STR:
		if (sanitize)
			return text_sanitize(v->via.str.ptr, v->via.str.size,
			                     sanitize == 2);
		return strndup(v->via.str.ptr, v->via.str.size);
	case MSGPACK_OBJECT_POSITIVE_INTEGER:
		snprintf(buf, sizeof buf, "%" PRIu64, v->via.u64);
		return strdup(buf);
	case MSGPACK_OBJECT_NEGATIVE_INTEGER:
		snprintf(buf, sizeof buf, "%" PRId64, v->via.i64);
		return strdup(buf);
	case MSGPACK_OBJECT_BOOLEAN:
		return strdup(v->via.boolean ? "yes" : "no");
	case MSGPACK_OBJECT_FLOAT32:
	case MSGPACK_OBJECT_FLOAT64:
		snprintf(buf, sizeof buf, "%g", v->via.f64);
		return strdup(buf);
	case MSGPACK_OBJECT_ARRAY:
		return array_text(v, sanitize);
	case MSGPACK_OBJECT_MAP:
		return item_text(v, sanitize);
	default:
		return strdup("");
	}
}

/* A map with "text" (an explained line: a criterion and whether it
 * holds, at its depth): "[pass] …" indented two spaces a level. */
static char *item_text(const msgpack_object *v, int sanitize)
{
	const msgpack_object *t = mp_map_get(v, "text");
	const msgpack_object *pass = mp_map_get(v, "pass");
	int64_t depth = 0;
	char *s, *out;
	size_t len;

	if (t == NULL || (s = value_text(t, sanitize)) == NULL)
		return strdup("");
	mp_get_i64(mp_map_get(v, "depth"), &depth);
	if (depth < 0 || depth > 16)
		depth = 0;
	len = strlen(s) + 2 * (size_t)depth + 8;
	if ((out = malloc(len)) != NULL)
		snprintf(out, len, "%*s%s%s", 2 * (int)depth, "",
		         pass == NULL ? ""
		         : pass->type == MSGPACK_OBJECT_BOOLEAN && pass->via.boolean
		                 ? "[pass] "
		                 : "[fail] ",
		         s);
	free(s);
	return out;
}

/* The elements of an array, a line each. */
static char *array_text(const msgpack_object *v, int sanitize)
{
	char *out = strdup("");
	size_t len = 0;

	for (uint32_t i = 0; out && i < v->via.array.size; i++) {
		char *e = value_text(&v->via.array.ptr[i], sanitize), *p;
		size_t el = e ? strlen(e) : 0;
		if ((p = realloc(out, len + el + 2)) == NULL) {
			free(e);
			free(out);
			return NULL;
		}
		out = p;
		if (i)
			out[len++] = '\n';
		memcpy(out + len, e ? e : "", el);
		len += el;
		out[len] = '\0';
		free(e);
	}
	return out;
}

void render_csv_field(FILE *f, const char *s, size_t len)
{
	int quote = 0;

	for (size_t i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r' ||
		    s[i] == ';')
			quote = 1;
	if (!quote) {
		fwrite(s, 1, len, f);
		return;
	}
	fputc('"', f);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			fputc('"', f);
		fputc(s[i], f);
	}
	fputc('"', f);
}

void render_json_string(FILE *f, const char *s, size_t len)
{
	fputc('"', f);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", f);
		else if (ch < 0x20 || ch == 0x7f)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

static void json_value(FILE *f, const msgpack_object *v)
{
	switch (v->type) {
	case MSGPACK_OBJECT_STR:
		render_json_string(f, v->via.str.ptr, v->via.str.size);
		break;
	case MSGPACK_OBJECT_POSITIVE_INTEGER:
		fprintf(f, "%" PRIu64, v->via.u64);
		break;
	case MSGPACK_OBJECT_NEGATIVE_INTEGER:
		fprintf(f, "%" PRId64, v->via.i64);
		break;
	case MSGPACK_OBJECT_BOOLEAN:
		fputs(v->via.boolean ? "true" : "false", f);
		break;
	case MSGPACK_OBJECT_FLOAT32:
	case MSGPACK_OBJECT_FLOAT64:
		fprintf(f, "%g", v->via.f64);
		break;
	case MSGPACK_OBJECT_ARRAY:
		fputc('[', f);
		for (uint32_t i = 0; i < v->via.array.size; i++) {
			if (i)
				fputc(',', f);
			json_value(f, &v->via.array.ptr[i]);
		}
		fputc(']', f);
		break;
	case MSGPACK_OBJECT_MAP:
		fputc('{', f);
		for (uint32_t i = 0; i < v->via.map.size; i++) {
			if (i)
				fputc(',', f);
			json_value(f, &v->via.map.ptr[i].key);
			fputc(':', f);
			json_value(f, &v->via.map.ptr[i].val);
		}
		fputc('}', f);
		break;
	default:
		fputs("null", f);
	}
}

static void csv_value(FILE *f, const msgpack_object *v)
{
	char *s = value_text(v, to_terminal ? 2 : 0);

	if (s) {
		render_csv_field(f, s, strlen(s));
		free(s);
	}
}

static int render_record(FILE *f, const msgpack_object *rec,
                         enum render_format fmt)
{
	size_t keyw = 0;

	if (rec->type != MSGPACK_OBJECT_MAP)
		return LRL_EPROTO;
	if (fmt == RENDER_JSON) {
		fputc('{', f);
		for (uint32_t i = 0; i < rec->via.map.size; i++) {
			const msgpack_object_kv *kv = &rec->via.map.ptr[i];
			if (i)
				fputc(',', f);
			json_value(f, &kv->key);
			fputc(':', f);
			json_value(f, &kv->val);
		}
		fputs("}\n", f);
		return 0;
	}
	if (fmt == RENDER_CSV) {
		for (uint32_t i = 0; i < rec->via.map.size; i++) {
			if (i)
				fputc(',', f);
			csv_value(f, &rec->via.map.ptr[i].key);
		}
		fputs("\r\n", f);
		for (uint32_t i = 0; i < rec->via.map.size; i++) {
			if (i)
				fputc(',', f);
			csv_value(f, &rec->via.map.ptr[i].val);
		}
		fputs("\r\n", f);
		return 0;
	}
	for (uint32_t i = 0; i < rec->via.map.size; i++) {
		char *k = value_text(&rec->via.map.ptr[i].key, 1);
		size_t w = k ? text_width(k) : 0;
		if (w > keyw)
			keyw = w;
		free(k);
	}
	for (uint32_t i = 0; i < rec->via.map.size; i++) {
		char *k = value_text(&rec->via.map.ptr[i].key, 1);
		char *v = value_text(&rec->via.map.ptr[i].val, 2);
		char pad[256];
		const char *line = v ? v : "";
		text_fit(pad, sizeof pad, k ? k : "", keyw + 1, 0);
		/* Continuation lines of a multi-line value line up under its
		 * first line. */
		for (int first = 1;; first = 0) {
			size_t n = strcspn(line, "\n");
			fprintf(f, "%*s%s %.*s\n", first ? 0 : (int)keyw + 1, "",
			        first ? pad : "", (int)n, line);
			if (line[n] == '\0')
				break;
			line += n + 1;
		}
		free(k);
		free(v);
	}
	return 0;
}

/* The text of a row's cell c; with a depth column, the name (column 1)
 * is indented by it.  Caller frees. */
static char *cell_text(const msgpack_object *row, size_t c, int dcol)
{
	char *s = value_text(&row->via.array.ptr[c], 1), *out;
	int64_t depth = 0;

	if (dcol < 0 || c != 1 || s == NULL ||
	    mp_get_i64(&row->via.array.ptr[dcol], &depth) != 0 || depth <= 0)
		return s;
	if (depth > 32)
		depth = 32;
	if ((out = malloc(strlen(s) + 2 * (size_t)depth + 1)) == NULL) {
		free(s);
		return NULL;
	}
	memset(out, ' ', 2 * (size_t)depth);
	strcpy(out + 2 * depth, s);
	free(s);
	return out;
}

static int render_list(FILE *f, const msgpack_object *body,
                       enum render_format fmt)
{
	const msgpack_object *cols = mp_map_get(body, "columns");
	const msgpack_object *rows = mp_map_get(body, "rows");
	size_t nc, *width = NULL;
	int dcol = -1;

	if (!cols || !rows || cols->type != MSGPACK_OBJECT_ARRAY ||
	    rows->type != MSGPACK_OBJECT_ARRAY)
		return LRL_EPROTO;
	nc = cols->via.array.size;
	for (uint32_t r = 0; r < rows->via.array.size; r++)
		if (rows->via.array.ptr[r].type != MSGPACK_OBJECT_ARRAY ||
		    rows->via.array.ptr[r].via.array.size != nc)
			return LRL_EPROTO;
	if (fmt == RENDER_JSON) {
		for (uint32_t r = 0; r < rows->via.array.size; r++) {
			const msgpack_object *row = &rows->via.array.ptr[r];
			fputc('{', f);
			for (size_t c = 0; c < nc; c++) {
				if (c)
					fputc(',', f);
				json_value(f, &cols->via.array.ptr[c]);
				fputc(':', f);
				json_value(f, &row->via.array.ptr[c]);
			}
			fputs("}\n", f);
		}
		return 0;
	}
	if (fmt == RENDER_CSV) {
		for (size_t c = 0; c < nc; c++) {
			if (c)
				fputc(',', f);
			csv_value(f, &cols->via.array.ptr[c]);
		}
		fputs("\r\n", f);
		for (uint32_t r = 0; r < rows->via.array.size; r++) {
			const msgpack_object *row = &rows->via.array.ptr[r];
			for (size_t c = 0; c < nc; c++) {
				if (c)
					fputc(',', f);
				csv_value(f, &row->via.array.ptr[c]);
			}
			fputs("\r\n", f);
		}
		return 0;
	}
	/* A tree list carries each row's depth: text shows it as the
	 * indentation of the name (the column after the code), not as a
	 * column. */
	for (size_t c = 0; c < nc; c++) {
		const msgpack_object *h = &cols->via.array.ptr[c];
		if (h->type == MSGPACK_OBJECT_STR && h->via.str.size == 5 &&
		    !memcmp(h->via.str.ptr, "depth", 5))
			dcol = (int)c;
	}
	if ((width = calloc(nc ? nc : 1, sizeof *width)) == NULL)
		return LRL_ENOMEM;
	for (size_t c = 0; c < nc; c++) {
		char *s = value_text(&cols->via.array.ptr[c], 1);
		width[c] = s ? text_width(s) : 0;
		free(s);
	}
	for (uint32_t r = 0; r < rows->via.array.size; r++)
		for (size_t c = 0; c < nc; c++) {
			char *s = cell_text(&rows->via.array.ptr[r], c, dcol);
			size_t w = s ? text_width(s) : 0;
			if (w > CELL_MAX_COLS)
				w = CELL_MAX_COLS;
			if (w > width[c])
				width[c] = w;
			free(s);
		}
	for (int32_t r = -1; r < (int32_t)rows->via.array.size; r++) {
		char line[8192];
		size_t used = 0;
		/* The last column shown (a trailing depth column is not). */
		size_t last = dcol == (int)nc - 1 && nc > 1 ? nc - 2 : nc - 1;
		for (size_t c = 0; c < nc; c++) {
			const msgpack_object *v =
				r < 0 ? &cols->via.array.ptr[c]
				      : &rows->via.array.ptr[r].via.array.ptr[c];
			char *s;
			if ((int)c == dcol)
				continue;
			s = r < 0 ? value_text(v, 1)
			          : cell_text(&rows->via.array.ptr[r], c, dcol);
			int right = v->type == MSGPACK_OBJECT_POSITIVE_INTEGER ||
			            v->type == MSGPACK_OBJECT_NEGATIVE_INTEGER;
			if (c == last && !right) {
				/* No trailing padding on the last column. */
				char cell[1024];
				text_fit(cell, sizeof cell, s ? s : "",
				         text_width(s ? s : "") > CELL_MAX_COLS
				                 ? CELL_MAX_COLS
				                 : text_width(s ? s : ""),
				         0);
				used += (size_t)snprintf(line + used, sizeof line - used,
				                         "%s", cell);
			} else {
				used += text_fit(line + used, sizeof line - used,
				                 s ? s : "", width[c], right);
				if (c < last && used + 2 < sizeof line) {
					line[used++] = ' ';
					line[used++] = ' ';
					line[used] = '\0';
				}
			}
			free(s);
			if (used >= sizeof line)
				used = sizeof line - 1;
		}
		fprintf(f, "%s\n", line);
	}
	free(width);
	return 0;
}

int render_result(FILE *f, const msgpack_object *body, enum render_format fmt)
{
	const msgpack_object *v;

	if (body == NULL || body->type != MSGPACK_OBJECT_MAP)
		return LRL_EPROTO;
	if ((v = mp_map_get(body, "record")) != NULL)
		return render_record(f, v, fmt);
	if (mp_map_get(body, "columns") != NULL)
		return render_list(f, body, fmt);
	if ((v = mp_map_get(body, "message")) != NULL) {
		char *s = value_text(v, 2);
		if (fmt == RENDER_JSON) {
			fputs("{\"message\":", f);
			json_value(f, v);
			fputs("}\n", f);
		} else if (fmt == RENDER_CSV) {
			fputs("message\r\n", f);
			csv_value(f, v);
			fputs("\r\n", f);
		} else {
			fprintf(f, "%s\n", s ? s : "");
		}
		free(s);
		return 0;
	}
	return LRL_EPROTO;
}
