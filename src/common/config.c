/* config.c — laurel.conf parsing with inih (see config.h). */
#include "laurel/config.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/limits.h"

struct load_ctx {
	struct lrl_config *c;
	char *err;
	size_t n;
	int line;
	int failed;
};

void config_defaults(struct lrl_config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->socket, sizeof c->socket, "%s", LRL_SOCKET_DEFAULT);
	snprintf(c->store, sizeof c->store, "%s", LRL_STORE_DEFAULT);
	snprintf(c->language, sizeof c->language, "vi");
	c->lockout_failures = LRL_LOCKOUT_FAILURES;
	c->lockout_minutes = LRL_LOCKOUT_MINUTES;
	c->backoff_max_seconds = LRL_BACKOFF_MAX_S;
	c->max_connections = LRL_MAX_CONNS;
	c->idle_exit_seconds = 0;
}

static int set_int(struct load_ctx *x, const char *key, const char *value,
                   int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno || end == value || *end != '\0' || v < lo || v > hi) {
		snprintf(x->err, x->n, "%s must be a whole number from %d to %d",
		         key, lo, hi);
		return 0;
	}
	*out = (int)v;
	return 1;
}

static int set_str(struct load_ctx *x, const char *key, const char *value,
                   char *out, size_t n)
{
	if (strlen(value) >= n || value[0] == '\0') {
		snprintf(x->err, x->n, "%s must be 1 to %zu characters", key,
		         n - 1);
		return 0;
	}
	memcpy(out, value, strlen(value) + 1);
	return 1;
}

static int on_entry(void *user, const char *section, const char *name,
                    const char *value)
{
	struct load_ctx *x = user;
	struct lrl_config *c = x->c;

	if (!strcmp(section, "server")) {
		if (!strcmp(name, "socket"))
			return set_str(x, name, value, c->socket, sizeof c->socket);
		if (!strcmp(name, "store"))
			return set_str(x, name, value, c->store, sizeof c->store);
		if (!strcmp(name, "lockout_failures"))
			return set_int(x, name, value, 1, 100, &c->lockout_failures);
		if (!strcmp(name, "lockout_minutes"))
			return set_int(x, name, value, 1, 24 * 60, &c->lockout_minutes);
		if (!strcmp(name, "backoff_max_seconds"))
			return set_int(x, name, value, 0, 3600, &c->backoff_max_seconds);
		if (!strcmp(name, "max_connections"))
			return set_int(x, name, value, 1, LRL_MAX_CONNS, &c->max_connections);
		if (!strcmp(name, "idle_exit_seconds"))
			return set_int(x, name, value, 0, 86400, &c->idle_exit_seconds);
	} else if (!strcmp(section, "hospital")) {
		if (!strcmp(name, "name"))
			return set_str(x, name, value, c->hospital, sizeof c->hospital);
		if (!strcmp(name, "parent"))
			return set_str(x, name, value, c->parent, sizeof c->parent);
		if (!strcmp(name, "place"))
			return set_str(x, name, value, c->place, sizeof c->place);
	} else if (!strcmp(section, "client")) {
		if (!strcmp(name, "language")) {
			if (strcmp(value, "vi") && strcmp(value, "en")) {
				snprintf(x->err, x->n, "language must be vi or en");
				return 0;
			}
			return set_str(x, name, value, c->language, sizeof c->language);
		}
	} else {
		snprintf(x->err, x->n, "unknown section [%s]", section);
		return 0;
	}
	snprintf(x->err, x->n, "unknown key '%s' in [%s]", name, section);
	return 0;
}

int config_load(struct lrl_config *c, const char *path, int must_exist,
                char *err, size_t n)
{
	struct load_ctx x = {c, NULL, 0, 0, 0};
	char why[256] = "";
	FILE *f;
	int line;

	f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		snprintf(err, n, "%s: %s", path, strerror(errno));
		return LRL_EIO;
	}
	x.err = why;
	x.n = sizeof why;
	line = ini_parse_file(f, on_entry, &x);
	fclose(f);
	if (line != 0) {
		snprintf(err, n, "%s:%d: %s", path, line,
		         why[0] ? why : "syntax error (expected key = value or [section])");
		return LRL_EINVAL;
	}
	return 0;
}

int config_load_string(struct lrl_config *c, const char *text,
                       const char *name, char *err, size_t n)
{
	struct load_ctx x = {c, NULL, 0, 0, 0};
	char why[256] = "";
	int line;

	x.err = why;
	x.n = sizeof why;
	line = ini_parse_string(text, on_entry, &x);
	if (line != 0) {
		snprintf(err, n, "%s:%d: %s", name, line,
		         why[0] ? why : "syntax error (expected key = value or [section])");
		return LRL_EINVAL;
	}
	return 0;
}
