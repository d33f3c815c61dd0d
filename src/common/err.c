/* err.c — the error table's lookups (see err.h). */
#include "laurel/err.h"

#include <string.h>

struct err_row {
	int code;
	const char *wire;
	int exit_status;
	const char *msg;
};

static const struct err_row err_rows[] = {
#define LRL_X_ROW(name, wire, ex, msg) {LRL_##name, wire, ex, msg},
	LRL_ERRORS(LRL_X_ROW)
#undef LRL_X_ROW
};

static const struct err_row *err_find(int code)
{
	for (size_t i = 0; i < sizeof err_rows / sizeof err_rows[0]; i++)
		if (err_rows[i].code == code)
			return &err_rows[i];
	return NULL;
}

const char *lrl_strerror(int code)
{
	const struct err_row *r;

	if (code == LRL_OK)
		return "success";
	r = err_find(code);
	return r ? r->msg : "unknown error";
}

const char *lrl_errname(int code)
{
	const struct err_row *r;

	if (code == LRL_OK)
		return "ok";
	r = err_find(code);
	return r ? r->wire : "unknown";
}

int lrl_errcode(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof err_rows / sizeof err_rows[0]; i++)
		if (strlen(err_rows[i].wire) == len &&
		    memcmp(err_rows[i].wire, name, len) == 0)
			return err_rows[i].code;
	return LRL_EPROTO;
}

int lrl_exit_status(int code)
{
	const struct err_row *r;

	if (code == LRL_OK)
		return 0;
	r = err_find(code);
	return r ? r->exit_status : 1;
}
