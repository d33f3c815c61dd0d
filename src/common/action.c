/* action.c — the action table's rows and parameter checks (see action.h). */
#include "laurel/action.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/text.h"

#define P(name, type, flags, min, max, choices, help)                          \
	{name, LRL_PT_##type, flags, min, max, choices, help},
#define X(id, name, kind, flags, pol, help)                                    \
	static const struct lrl_param params_##id[] = {                        \
		LRL_PARAMS_##id(P){NULL, LRL_PT_STR, 0, 0, 0, NULL, NULL}};
LRL_ACTIONS(X)
#undef X
#undef P

#define POL(a, b, c, d, e, f, g)                                               \
	{                                                                      \
		LRL_SC_##a, LRL_SC_##b, LRL_SC_##c, LRL_SC_##d, LRL_SC_##e,    \
		    LRL_SC_##f, LRL_SC_##g                                     \
	}
const struct lrl_action lrl_actions[LRL_ACTION_COUNT] = {
#define X(id, name, kind, flags, pol, help)                                    \
	{LRL_A_##id, name, LRL_##kind, flags, pol, help, params_##id},
	LRL_ACTIONS(X)
#undef X
};
#undef POL

static const char *const role_names[LRL_ROLE_COUNT] = {
#define LRL_X_ROLE(id, name, vi) name,
	LRL_ROLES(LRL_X_ROLE)
#undef LRL_X_ROLE
};

static const char *const role_labels_vi[LRL_ROLE_COUNT] = {
#define LRL_X_ROLE(id, name, vi) vi,
	LRL_ROLES(LRL_X_ROLE)
#undef LRL_X_ROLE
};

const struct lrl_action *action_find(const char *name, size_t len)
{
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++)
		if (strlen(lrl_actions[i].name) == len &&
		    memcmp(lrl_actions[i].name, name, len) == 0)
			return &lrl_actions[i];
	return NULL;
}

int action_role_find(const char *name, size_t len)
{
	for (int i = 0; i < LRL_ROLE_COUNT; i++)
		if (strlen(role_names[i]) == len &&
		    memcmp(role_names[i], name, len) == 0)
			return i;
	return -1;
}

const char *action_role_name(int role)
{
	return role >= 0 && role < LRL_ROLE_COUNT ? role_names[role] : "?";
}

const char *action_role_label_vi(int role)
{
	return role >= 0 && role < LRL_ROLE_COUNT ? role_labels_vi[role] : "?";
}

enum lrl_scope action_scope(const struct lrl_action *a, unsigned roles)
{
	enum lrl_scope best = LRL_SC_N;

	roles |= 1u << LRL_ROLE_STAFF;
	for (int r = 0; r < LRL_ROLE_COUNT; r++)
		if ((roles & (1u << r)) && a->policy[r] > best)
			best = (enum lrl_scope)a->policy[r];
	return best;
}

const struct lrl_param *action_param(const struct lrl_action *a,
                                     const char *name, size_t len)
{
	for (const struct lrl_param *p = a->params; p->name; p++)
		if (strlen(p->name) == len && memcmp(p->name, name, len) == 0)
			return p;
	return NULL;
}

size_t action_nparams(const struct lrl_action *a)
{
	size_t n = 0;

	while (a->params[n].name)
		n++;
	return n;
}

int lrl_fail_set(struct lrl_fail *f, int code, const char *field,
                 const char *fmt, ...)
{
	va_list ap;

	if (f == NULL)
		return code;
	f->field = field;
	va_start(ap, fmt);
	vsnprintf(f->reason, sizeof f->reason, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	msg_capture(&f->m, fmt, ap);
	va_end(ap);
	return code;
}

/* Is [s, s+n) one of the '|'-separated choices? */
static int choice_ok(const char *choices, const char *s, size_t n)
{
	const char *c = choices;

	while (c && *c) {
		const char *bar = strchr(c, '|');
		size_t cl = bar ? (size_t)(bar - c) : strlen(c);
		if (cl == n && memcmp(c, s, n) == 0)
			return 1;
		c = bar ? bar + 1 : NULL;
	}
	return 0;
}

static int login_ok(const char *s, size_t n)
{
	if (n == 0 || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

static int code_ok(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* Checks one value against its parameter's type and limits. */
static int check_value(const struct lrl_param *p, const msgpack_object *v,
                       struct lrl_fail *f)
{
	const char *s;
	size_t n;
	int64_t i;
	char *clean = NULL;
	const char *why = NULL;
	int rc;

	switch (p->type) {
	case LRL_PT_STR:
	case LRL_PT_TEXT:
		if (mp_get_str(v, &s, &n) != 0)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be text");
		rc = text_clean(s, n, (size_t)p->min, (size_t)p->max,
		                p->type == LRL_PT_TEXT, &clean, &why);
		free(clean);
		if (rc != 0) {
			if (why && strstr(why, "long"))
				return lrl_fail_set(f, LRL_EINVAL, p->name,
				                    "is too long (at most %lld characters)",
				                    (long long)p->max);
			if (why && (strstr(why, "short") || strstr(why, "empty")))
				return lrl_fail_set(f, LRL_EINVAL, p->name,
				                    "must not be empty");
			return lrl_fail_set(f, LRL_EINVAL, p->name, "%s",
			                    why ? why : "is not valid text");
		}
		return 0;
	case LRL_PT_LOGIN:
		if (mp_get_str(v, &s, &n) != 0 || !login_ok(s, n))
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be a login name: lower-case letters, "
			                    "digits, '.', '_' or '-', starting with a letter");
		if ((int64_t)n > p->max)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "is too long (at most %lld characters)",
			                    (long long)p->max);
		return 0;
	case LRL_PT_CODE:
		if (mp_get_str(v, &s, &n) != 0 || !code_ok(s, n))
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be a code of capital letters A-Z, "
			                    "digits, '_' or '-' (e.g. KHAMBENH)");
		if ((int64_t)n > p->max)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "is too long (at most %lld characters)",
			                    (long long)p->max);
		return 0;
	case LRL_PT_INT:
		if (mp_get_i64(v, &i) != 0)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be a whole number");
		if (i < p->min || i > p->max)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be between %lld and %lld",
			                    (long long)p->min, (long long)p->max);
		return 0;
	case LRL_PT_DATE:
		if (mp_get_i64(v, &i) != 0 || i < LRL_DATE_MIN ||
		    i > LRL_DATE_MAX)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be a date between 01/01/1900 and 31/12/2099");
		return 0;
	case LRL_PT_ENUM:
		if (mp_get_str(v, &s, &n) != 0 || !choice_ok(p->choices, s, n))
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be one of: %s", p->choices);
		return 0;
	case LRL_PT_BOOL:
		if (v->type != MSGPACK_OBJECT_BOOLEAN)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be yes or no");
		return 0;
	case LRL_PT_BIN:
		if (v->type != MSGPACK_OBJECT_BIN ||
		    (int64_t)v->via.bin.size != p->max)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be %lld bytes", (long long)p->max);
		return 0;
	case LRL_PT_DOC:
		if (mp_get_str(v, &s, &n) != 0 || !text_utf8_valid(s, n))
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be a UTF-8 text file");
		if ((int64_t)n > p->max)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "is too large (at most %lld bytes)",
			                    (long long)p->max);
		return 0;
	case LRL_PT_ROWS:
		if (v->type != MSGPACK_OBJECT_ARRAY)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be the rows of a file");
		if ((int64_t)v->via.array.size > p->max)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "has too many rows (at most %lld)",
			                    (long long)p->max);
		for (uint32_t r = 0; r < v->via.array.size; r++) {
			const msgpack_object *row = &v->via.array.ptr[r];
			if (row->type != MSGPACK_OBJECT_ARRAY ||
			    row->via.array.size < 1 ||
			    row->via.array.ptr[0].type !=
			            MSGPACK_OBJECT_POSITIVE_INTEGER)
				return lrl_fail_set(f, LRL_EINVAL, p->name,
				                    "row %u is malformed", r + 1);
			for (uint32_t c = 1; c < row->via.array.size; c++)
				if (row->via.array.ptr[c].type != MSGPACK_OBJECT_STR)
					return lrl_fail_set(f, LRL_EINVAL, p->name,
					                    "row %u is malformed", r + 1);
		}
		return 0;
	}
	return lrl_fail_set(f, LRL_EINVAL, p->name, "has an unknown type");
}

/* The Vietnamese words HR files and people write for some choices: a
 * choice matches its own word or, when it is one of these, these words. */
static const char *const choice_words[][2] = {
	{"reprimand", "khiển trách"},
	{"warning", "cảnh cáo"},
	{"dismissal", "cách chức"},
	{"dismissal", "buộc thôi việc"},
	{"HTXSNV", "hoàn thành xuất sắc nhiệm vụ"},
	{"HTTNV", "hoàn thành tốt nhiệm vụ"},
	{"HTNV", "hoàn thành nhiệm vụ"},
	{"KHTNV", "không hoàn thành nhiệm vụ"},
	{"quality-of-care", "chất lượng khám chữa bệnh"},
	{"medical-ethics", "y đức"},
	{"digital-transformation", "chuyển đổi số"},
	{"research", "nghiên cứu khoa học"},
	{"prevention", "y tế dự phòng"},
	{"administrative-reform", "cải cách hành chính"},
	{"charity", "từ thiện"},
	{"other", "khác"},
	{"found", "phát hiện"},
	{"nurtured", "bồi dưỡng"},
	{"summarised", "tổng kết"},
	{"replicated", "nhân rộng"},
	{"dropped", "dừng"},
	{"training", "đào tạo"},
	{"resources", "nguồn lực"},
	{"mentoring", "kèm cặp"},
	{"newspaper", "báo"},
	{"radio", "phát thanh"},
	{"talk", "báo cáo điển hình"},
	{"visit", "tham quan"},
	{"contest", "thi viết"},
	{"mid-term-review", "sơ kết"},
	{"final-review", "tổng kết"},
	{"praise", "biểu dương"},
	{"yes", "đồng ý"},
	{"no", "không đồng ý"},
	{"abstain", "không biểu quyết"},
};

/* Finds the folded word want among choices; 1 with the choice in out. */
static int choice_among(const char *choices, const char *want, char *out,
                        size_t n)
{
	const char *c = choices;
	int found = 0;

	while (c && *c && !found) {
		const char *bar = strchr(c, '|');
		size_t cl = bar ? (size_t)(bar - c) : strlen(c);
		char *one = strndup(c, cl), *folded = one ? text_fold(one) : NULL;
		if (folded && strcmp(folded, want) == 0 && cl < n) {
			memcpy(out, c, cl);
			out[cl] = '\0';
			found = 1;
		}
		free(one);
		free(folded);
		c = bar ? bar + 1 : NULL;
	}
	return found;
}

int action_choice(const char *choices, const char *text, char *out,
                  size_t n)
{
	char *want = text_fold(text);
	int found;

	if (want == NULL)
		return 0;
	found = choice_among(choices, want, out, n);
	/* One Vietnamese word may stand for choices of different lists
	 * ("tổng kết": a summarised exemplar, a final review): the first
	 * that is among these choices. */
	for (size_t i = 0; !found && i < sizeof choice_words / sizeof choice_words[0];
	     i++) {
		char *w = text_fold(choice_words[i][1]), *canon;
		if (w && strcmp(w, want) == 0 &&
		    (canon = text_fold(choice_words[i][0])) != NULL) {
			found = choice_among(choices, canon, out, n);
			free(canon);
		}
		free(w);
	}
	free(want);
	return found;
}

static int check_params(const struct lrl_action *a,
                        const msgpack_object *params, struct lrl_fail *f,
                        int client_side)
{
	if (params == NULL || params->type != MSGPACK_OBJECT_MAP)
		return lrl_fail_set(f, LRL_EINVAL, NULL,
		                    "parameters must be a map");
	for (uint32_t i = 0; i < params->via.map.size; i++) {
		const msgpack_object *k = &params->via.map.ptr[i].key;
		const msgpack_object *v = &params->via.map.ptr[i].val;
		const struct lrl_param *p;
		int rc;

		if (k->type != MSGPACK_OBJECT_STR)
			return lrl_fail_set(f, LRL_EINVAL, NULL,
			                    "parameter names must be text");
		p = action_param(a, k->via.str.ptr, k->via.str.size);
		if (p == NULL)
			return lrl_fail_set(f, LRL_EINVAL, NULL,
			                    "unknown parameter '%.*s' for %s",
			                    (int)(k->via.str.size > 64 ? 64 : k->via.str.size),
			                    k->via.str.ptr, a->name);
		for (uint32_t j = 0; j < i; j++) {
			const msgpack_object *k2 = &params->via.map.ptr[j].key;
			if (k2->via.str.size == k->via.str.size &&
			    memcmp(k2->via.str.ptr, k->via.str.ptr,
			           k->via.str.size) == 0)
				return lrl_fail_set(f, LRL_EINVAL, p->name,
				                    "is given twice");
		}
		if (!client_side && (p->flags & PF_SEALED))
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "is sealed by the client and must "
			                    "never be sent");
		if (v->type == MSGPACK_OBJECT_NIL && !(p->flags & PF_REQ))
			continue;
		if ((rc = check_value(p, v, f)) != 0)
			return rc;
	}
	for (const struct lrl_param *p = a->params; p->name; p++) {
		const msgpack_object *v;
		if (!(p->flags & PF_REQ) ||
		    (client_side && (p->flags & PF_DERIVED)) ||
		    (!client_side && (p->flags & PF_SEALED)))
			continue;
		v = mp_map_get(params, p->name);
		if (v == NULL || v->type == MSGPACK_OBJECT_NIL)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "is required");
	}
	return 0;
}

int action_check_params(const struct lrl_action *a,
                        const msgpack_object *params, struct lrl_fail *f)
{
	return check_params(a, params, f, 0);
}

int action_check_typed(const struct lrl_action *a,
                       const msgpack_object *params, struct lrl_fail *f)
{
	return check_params(a, params, f, 1);
}

int action_pack_text(const struct lrl_param *p, const char *text,
                     msgpack_packer *pk, struct lrl_fail *f)
{
	char *end;
	long long v;
	int32_t days;

	switch (p->type) {
	case LRL_PT_STR:
	case LRL_PT_TEXT:
	case LRL_PT_LOGIN:
	case LRL_PT_CODE:
		mp_pack_str(pk, text);
		return 0;
	case LRL_PT_ENUM: {
		char canon[128];
		if (!action_choice(p->choices, text, canon, sizeof canon))
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be one of: %s", p->choices);
		mp_pack_str(pk, canon);
		return 0;
	}
	case LRL_PT_ROWS:
	case LRL_PT_DOC:
		return lrl_fail_set(f, LRL_EINVAL, p->name,
		                    "must be read from a file");
	case LRL_PT_INT:
		v = strtoll(text, &end, 10);
		if (end == text || *end != '\0')
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be a whole number");
		msgpack_pack_int64(pk, v);
		return 0;
	case LRL_PT_DATE:
		if (date_parse(text, &days) != 0)
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "'%s' is not a date: write dd/mm/yyyy, "
			                    "a day that exists, between 1900 and 2099",
			                    text);
		msgpack_pack_int32(pk, days);
		return 0;
	case LRL_PT_BOOL:
		if (!strcmp(text, "yes") || !strcmp(text, "true") ||
		    !strcmp(text, "1") || !strcmp(text, "có"))
			msgpack_pack_true(pk);
		else if (!strcmp(text, "no") || !strcmp(text, "false") ||
		         !strcmp(text, "0") || !strcmp(text, "không"))
			msgpack_pack_false(pk);
		else
			return lrl_fail_set(f, LRL_EINVAL, p->name,
			                    "must be yes or no");
		return 0;
	case LRL_PT_BIN:
		return lrl_fail_set(f, LRL_EINVAL, p->name,
		                    "is computed by laurel and cannot be typed");
	}
	return lrl_fail_set(f, LRL_EINVAL, p->name, "has an unknown type");
}
