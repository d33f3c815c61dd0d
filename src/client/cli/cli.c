/*
 * cli.c — `laurel NOUN VERB [--param value …]`, generated from the action
 * table: parsing, help, login, the call and the output.  See laurel(1).
 */
#include "laurel/cli.h"

#include <getopt.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "laurel/action.h"
#include "laurel/client.h"
#include "laurel/csvin.h"
#include "laurel/config.h"
#include "laurel/err.h"
#include "laurel/htmlexport.h"
#include "laurel/keys.h"
#include "laurel/mp.h"
#include "laurel/rdoc.h"
#include "laurel/render.h"
#include "laurel/text.h"
#include "laurel/tui.h"

#define EXIT_USAGE 2
#define MAX_ARGS 64

static const char *const scope_words[] = {"-", "own", "unit", "all"};

static const char *type_word(const struct lrl_param *p)
{
	switch (p->type) {
	case LRL_PT_STR: return "TEXT";
	case LRL_PT_TEXT: return "TEXT";
	case LRL_PT_LOGIN: return "LOGIN";
	case LRL_PT_CODE: return "CODE";
	case LRL_PT_INT: return "N";
	case LRL_PT_DATE: return "DD/MM/YYYY";
	case LRL_PT_ENUM: return p->choices;
	case LRL_PT_BOOL: return "yes|no";
	case LRL_PT_BIN: return "";
	case LRL_PT_ROWS: return "FILE.csv";
	case LRL_PT_DOC: return "FILE";
	}
	return "";
}

/* Length of the noun in "noun.verb". */
static size_t noun_len(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot ? (size_t)(dot - name) : strlen(name);
}

static int visible(const struct lrl_action *a)
{
	size_t n = strlen(a->name);

	return !(a->flags & AF_INTERNAL) && strcmp(a->name, "session.whoami") &&
	       strcmp(a->name, "user.passwd") &&
	       !(n > 6 && strcmp(a->name + n - 6, "-check") == 0);
}

/* "noun verb" for "noun.verb" (static buffer). */
static const char *noun_verb(const char *name, size_t nl)
{
	static char buf[96];

	snprintf(buf, sizeof buf, "%.*s %s", (int)nl, name, name + nl + 1);
	return buf;
}

static void help_all(FILE *f)
{
	const char *prev = NULL;
	size_t prevlen = 0;

	fputs("usage: laurel [--store DIR | --socket PATH] [--user LOGIN] "
	      "[--password-stdin]\n"
	      "              [--format text|csv|json] NOUN VERB [--param value …]\n"
	      "\n"
	      "  laurel                  open the terminal interface\n"
	      "  laurel help [NOUN [VERB]]\n"
	      "  laurel whoami           who you are logged in as\n"
	      "  laurel passwd           choose a new password\n"
	      "  laurel roles matrix     which role may do what\n"
	      "  laurel report list      the reports you may print\n"
	      "  laurel report NAME [--year Y] [--unit CODE] …\n"
	      "                          [--format text|csv|pdf] [-o FILE] [--bom]\n"
	      "\nCommands:\n",
	      f);
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		size_t nl = noun_len(a->name);
		if (!visible(a))
			continue;
		if (!prev || nl != prevlen || strncmp(prev, a->name, nl) != 0)
			fputc('\n', f);
		prev = a->name;
		prevlen = nl;
		fprintf(f, "  laurel %-*s %s\n", 22,
		        noun_verb(a->name, nl), a->help);
	}
	fputs("\nRun 'laurel NOUN VERB --help' for a command's parameters; "
	      "see laurel(1).\n", f);
}

static int help_noun(FILE *f, const char *noun)
{
	int any = 0;

	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		size_t nl = noun_len(a->name);
		if (!visible(a) || strlen(noun) != nl ||
		    strncmp(noun, a->name, nl) != 0)
			continue;
		if (!any)
			fprintf(f, "usage: laurel %s VERB [--param value …]\n\n", noun);
		any = 1;
		fprintf(f, "  %-16s %s\n", a->name + nl + 1, a->help);
	}
	return any;
}

static void help_action(FILE *f, const struct lrl_action *a)
{
	size_t nl = noun_len(a->name);
	int first = 1;

	fprintf(f, "usage: laurel %.*s %s", (int)nl, a->name, a->name + nl + 1);
	for (const struct lrl_param *p = a->params; p->name; p++) {
		if (p->flags & PF_DERIVED)
			continue;
		if (p->flags & PF_POS)
			fprintf(f, (p->flags & PF_REQ) ? " %s" : " [%s]", p->name);
		else
			fprintf(f, (p->flags & PF_REQ) ? " --%s %s" : " [--%s %s]",
			        p->name, type_word(p));
	}
	fprintf(f, "\n\n%s.\n", a->help);
	for (const struct lrl_param *p = a->params; p->name; p++) {
		char lim[64] = "";
		if (p->flags & PF_DERIVED)
			continue;
		if (first)
			fputs("\nParameters:\n", f);
		first = 0;
		if (p->type == LRL_PT_STR || p->type == LRL_PT_TEXT ||
		    p->type == LRL_PT_LOGIN || p->type == LRL_PT_CODE)
			snprintf(lim, sizeof lim, ", %lld–%lld characters",
			         (long long)p->min, (long long)p->max);
		else if (p->type == LRL_PT_INT)
			snprintf(lim, sizeof lim, ", %lld–%lld", (long long)p->min,
			         (long long)p->max);
		fprintf(f, "  --%-14s %s (%s%s%s)\n", p->name, p->help,
		        type_word(p), lim, (p->flags & PF_REQ) ? ", required" : "");
	}
	if (a->flags & AF_NEWPASS)
		fputs("\nYou will be asked for the account's temporary password "
		      "(with --password-stdin:\nthe second line of standard "
		      "input).\n", f);
	if (a->flags & AF_REPORT)
		fputs(a->flags & AF_LIST
		              ? "\nA document: --format text (paged on a terminal) "
		                "or pdf (-o FILE); csv\ngives the list itself (--bom "
		                "for spreadsheets); see REPORTS in laurel(1).\n"
		              : "\nA document: --format text (paged on a terminal), "
		                "csv (--bom for\nspreadsheets) or pdf (-o FILE); see "
		                "REPORTS in laurel(1).\n",
		      f);
	fputs("\nAllowed for:", f);
	for (int r = 0; r < LRL_ROLE_COUNT; r++)
		if (a->policy[r])
			fprintf(f, " %s (%s)", action_role_name(r),
			        scope_words[a->policy[r]]);
	fputc('\n', f);
}

/* Headings for the nouns of the action table (man page and help). */
static const char *noun_heading(const char *noun, size_t nl)
{
	static const char *const h[][2] = {
		{"user", "Accounts"},      {"unit", "Units"},
		{"staff", "Staff"},        {"audit", "Audit"},
		{"rulebook", "Rulebooks"}, {"year", "Emulation years"},
		{"movement", "Movements"}, {"pledge", "Pledges"},
		{"report", "Reports"},     {"exemplar", "Exemplars"},
		{"model", "Models"},
		{"submission", "Monthly exemplar submission"},
		{"ceremony", "Honouring events"},
	};
	for (size_t i = 0; i < sizeof h / sizeof h[0]; i++)
		if (strlen(h[i][0]) == nl && !strncmp(h[i][0], noun, nl))
			return h[i][1];
	return NULL;
}

/* Writes s as roff text: backslashes and hyphens escaped, non-ASCII as
 * \[uXXXX] (groff reads it without preconv). */
static void roff_text(FILE *f, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c == '\\')
				fputs("\\e", f);
			else if (c == '-')
				fputs("\\-", f);
			else if ((c == '.' || c == '\'') && i == 0)
				fprintf(f, "\\&%c", c);
			else
				fputc(c, f);
			i++;
			continue;
		}
		{
			unsigned cp = 0;
			int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
			for (int k = 1; k < len && i + (size_t)k < n; k++)
				cp = cp << 6 | ((unsigned char)s[i + (size_t)k] & 0x3F);
			fprintf(f, "\\[u%04X]", cp);
			i += (size_t)len;
		}
	}
}

/* The COMMANDS section of laurel(1), generated from the action table. */
static void help_roff(FILE *f)
{
	const char *prev = NULL;
	size_t prevlen = 0;

	fputs(".\\\" Generated from the action table by `laurel help --roff`.\n", f);
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		size_t nl = noun_len(a->name);
		int any = 0;
		if (!visible(a))
			continue;
		if (!prev || nl != prevlen || strncmp(prev, a->name, nl) != 0) {
			const char *hd = noun_heading(a->name, nl);
			fprintf(f, ".SS ");
			if (hd)
				fputs(hd, f);
			else
				fprintf(f, "%.*s", (int)nl, a->name);
			fputc('\n', f);
		}
		prev = a->name;
		prevlen = nl;
		fprintf(f, ".TP\n.B laurel %.*s %s", (int)nl, a->name, a->name + nl + 1);
		for (const struct lrl_param *p = a->params; p->name; p++) {
			if (p->flags & PF_DERIVED)
				continue;
			fputs(" ", f);
			if (p->flags & PF_POS)
				fprintf(f, (p->flags & PF_REQ) ? "\\fI%s\\fP" : "[\\fI%s\\fP]",
				        p->name);
			else {
				fputs((p->flags & PF_REQ) ? "\\-\\-" : "[\\-\\-", f);
				roff_text(f, p->name);
				fputs((p->flags & PF_REQ) ? "" : "]", f);
			}
		}
		fputs("\n", f);
		roff_text(f, a->help);
		fputs(".\n", f);
		for (const struct lrl_param *p = a->params; p->name; p++) {
			if (p->flags & PF_DERIVED)
				continue;
			if (!any)
				fputs(".RS\n", f);
			any = 1;
			fputs(".TP 16\n.B \\-\\-", f);
			roff_text(f, p->name);
			fputc('\n', f);
			roff_text(f, p->help);
			fputs(" (", f);
			roff_text(f, type_word(p));
			fputs((p->flags & PF_REQ) ? "; required)\n" : ")\n", f);
		}
		if (any)
			fputs(".RE\n.IP\n", f);
		if (a->flags & AF_NEWPASS)
			fputs("The account's temporary password is asked for after "
			      "your own (with \\-\\-password\\-stdin: the next line).\n", f);
		if (a->flags & AF_CSV)
			fputs("Every row is checked first; every bad row is reported "
			      "with its line, column and reason, and then nothing is "
			      "written.\n.B \\-\\-dry\\-run\nonly checks.\n", f);
		if (a->flags & AF_CSVOUT)
			fputs("Writes CSV unless \\-\\-format says otherwise.\n", f);
		if (a->flags & AF_HTMLDIR)
			fputs("laurel itself writes the pages into the directory, "
			      "from what the server sends.\n", f);
		if (a->flags & AF_REPORT)
			fputs("A printable report (see\n.BR REPORTS ).\n", f);
		fputs("Allowed:", f);
		for (int r = 0, first = 1; r < LRL_ROLE_COUNT; r++)
			if (a->policy[r]) {
				fprintf(f, "%s %s (%s)", first ? "" : ",",
				        action_role_name(r), scope_words[a->policy[r]]);
				first = 0;
			}
		fputs(".\n", f);
	}
}

static void roles_matrix(FILE *f)
{
	fprintf(f, "%-20s", "action");
	for (int r = 0; r < LRL_ROLE_COUNT; r++)
		fprintf(f, " %-9s", action_role_name(r));
	fputc('\n', f);
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		if (!visible(a))
			continue;
		fprintf(f, "%-20s", a->name);
		for (int r = 0; r < LRL_ROLE_COUNT; r++)
			fprintf(f, " %-9s", scope_words[a->policy[r]]);
		fputc('\n', f);
	}
	fputs("\nown: the user's own records; unit: the records of the units "
	      "the user heads\n(and their sub-units); all: every record; -: "
	      "refused.  Every account is staff.\n", f);
}

static void err_usage(const char *what, const char *fmt, const char *arg)
{
	fprintf(stderr, "laurel: %s: ", what);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
}

struct opts {
	const char *store;
	const char *socket;
	const char *config;
	const char *user;
	int password_stdin;
	enum render_format format;
	int format_set;
	int pdf;            /* --format pdf (reports only) */
	const char *output; /* -o FILE */
	int bom;            /* --bom: CSV starts with a byte order mark */
	int dry_run;
};

static const char *default_user(void)
{
	const char *u = getenv("LAUREL_USER");
	struct passwd *pw;

	if (u && *u)
		return u;
	pw = getpwuid(getuid());
	return pw ? pw->pw_name : "";
}

static int open_conn(const struct opts *o, lrl_conn **c)
{
	struct lrl_config cfg;
	char err[LRL_PATH_MAX + 256];
	const char *conf = o->config ? o->config : getenv("LAUREL_CONFIG");
	int rc;

	if (o->store) {
		rc = lrl_connect_store(o->store, c);
		if (rc == LRL_ENOENT) {
			fprintf(stderr, "laurel: --store: no store in %s (create one "
			                "with laureld init)\n", o->store);
			return LRL_EUSAGE;
		}
		if (rc != 0)
			fprintf(stderr, "laurel: cannot start or reach the server "
			                "of %s\n", o->store);
		return rc == 0 ? 0 : LRL_ECONN;
	}
	config_defaults(&cfg);
	if (config_load(&cfg, conf ? conf : LRL_CONFIG_DEFAULT, conf != NULL,
	                err, sizeof err) != 0) {
		fprintf(stderr, "laurel: %s\n", err);
		return LRL_EUSAGE;
	}
	{
		const char *path = o->socket ? o->socket : cfg.socket;
		rc = lrl_connect(path, c);
		if (rc != 0)
			fprintf(stderr, "laurel: cannot reach the server at %s "
			                "(is laureld running?)\n", path);
	}
	return rc;
}

/* Reads a new password: twice on a terminal, once from stdin. */
static int read_new(const char *for_login, int from_stdin, const char *prompt,
                    char **out)
{
	char *p1 = NULL, *p2 = NULL;
	const char *why;

	*out = NULL;
	if (keys_read_password(prompt, from_stdin, &p1) != 0) {
		fprintf(stderr, "laurel: no new password given\n");
		return LRL_EUSAGE;
	}
	if (keys_password_ok(for_login, p1, &why) != 0) {
		fprintf(stderr, "laurel: password: %s\n", why);
		keys_password_free(p1);
		return LRL_EINVAL;
	}
	if (!from_stdin) {
		if (keys_read_password("Nhập lại / again: ", 0, &p2) != 0 ||
		    strcmp(p1, p2) != 0) {
			fprintf(stderr, "laurel: password: the two entries differ\n");
			keys_password_free(p1);
			keys_password_free(p2);
			return LRL_EINVAL;
		}
		keys_password_free(p2);
	}
	*out = p1;
	return 0;
}

static int login(const struct opts *o, lrl_conn *c)
{
	char prompt[128];
	char *pw = NULL;
	const char *user = o->user ? o->user : default_user();
	int64_t retry = 0;
	int rc;

	snprintf(prompt, sizeof prompt, "Mật khẩu / password for %s: ", user);
	if (keys_read_password(prompt, o->password_stdin, &pw) != 0) {
		fprintf(stderr, "laurel: no password given\n");
		return LRL_EAUTH;
	}
	rc = lrl_login(c, user, pw, NULL, &retry);
	keys_password_free(pw);
	if (rc == LRL_EAUTH) {
		if (retry > 0)
			fprintf(stderr, "laurel: login failed: wrong user name or "
			                "password; wait %lld s before trying again\n",
			        (long long)retry);
		else
			fprintf(stderr, "laurel: login failed: wrong user name or "
			                "password\n");
	} else if (rc != 0) {
		fprintf(stderr, "laurel: login: %s\n", lrl_strerror(rc));
	}
	return rc;
}

/* --bom: CSV starts with a UTF-8 byte order mark, for spreadsheets. */
static void bom(const struct opts *o)
{
	if (o->bom && o->format == RENDER_CSV)
		fputs("\xEF\xBB\xBF", stdout);
}

/* Reports and messages are in their reader's language: LANGUAGE when
 * the environment sets it, else the account's choice (user lang), else
 * the configuration's (laurel.conf [client] language, Vietnamese by
 * default).  Chosen once, when first needed. */
static void reader_language(const struct opts *o, lrl_conn *c)
{
	static int chosen;
	struct lrl_config cfg;
	struct lrl_reply *r = NULL;
	char lang[8] = "", err[LRL_PATH_MAX + 256];
	const char *conf = o->config ? o->config : getenv("LAUREL_CONFIG");
	const char *env = getenv("LANGUAGE");
	void (*pipe_was)(int);

	if (chosen++)
		return;
	if (env && *env) {
		lrl_use_language(strncmp(env, "en", 2) == 0 ? "en" : "vi");
		return;
	}

	config_defaults(&cfg);
	if (config_load(&cfg, conf ? conf : LRL_CONFIG_DEFAULT, conf != NULL,
	                err, sizeof err) == 0)
		snprintf(lang, sizeof lang, "%s", cfg.language);
	/* The server may have closed the connection after a refusal: a
	 * write to it must not end the program. */
	pipe_was = signal(SIGPIPE, SIG_IGN);
	if (c && lrl_call(c, "session.whoami", "\x80", 1, &r) == 0 &&
	    r->code == 0) {
		char mine[8] = "";
		mp_get_strbuf(mp_map_get(mp_map_get(r->body, "record"),
		                         "language"),
		              mine, sizeof mine);
		if (mine[0])
			snprintf(lang, sizeof lang, "%s", mine);
	}
	signal(SIGPIPE, pipe_was);
	lrl_reply_free(r);
	lrl_use_language(lang);
}

/* Prints reply r of command what: a refusal on stderr, a message or a
 * result on stdout; r's code.  Messages are in the reader's language. */
static int report(const char *what, struct lrl_reply *r,
                  const struct opts *o, lrl_conn *c)
{
	char text[2048], *msg;

	if (r->code != 0) {
		/* A reason may quote stored text ("… already exists (name)"):
		 * sanitise it like any other text from the server. */
		char *field = text_sanitize(r->field, strlen(r->field), 0);
		if (r->fmt[0])
			reader_language(o, c);
		lrl_reply_text(r, text, sizeof text);
		msg = text_sanitize(text, strlen(text), 0);
		fprintf(stderr, "laurel: %s: %s%s%s\n", what,
		        field && *field ? field : "", field && *field ? ": " : "",
		        msg && *msg ? msg : lrl_strerror(r->code));
		free(field);
		free(msg);
		return r->code;
	}
	if (o->format == RENDER_TEXT && r->fmt[0] && r->body &&
	    mp_map_get(r->body, "message") && !mp_map_get(r->body, "record") &&
	    !mp_map_get(r->body, "columns")) {
		reader_language(o, c);
		lrl_reply_text(r, text, sizeof text);
		if ((msg = text_sanitize(text, strlen(text), 1)) != NULL) {
			printf("%s\n", msg);
			free(msg);
			return 0;
		}
	}
	bom(o);
	if (render_result(stdout, r->body, o->format) != 0) {
		fprintf(stderr, "laurel: %s: unexpected reply\n", what);
		return LRL_EPROTO;
	}
	if (o->format == RENDER_TEXT) {
		const msgpack_object *next = mp_map_get(r->body, "next");
		if (next && next->type == MSGPACK_OBJECT_STR)
			fprintf(stderr, "(more: add --after %.*s)\n",
			        (int)next->via.str.size, next->via.str.ptr);
	}
	return 0;
}

/* A value refused before anything was sent, in the reader's language
 * (as LANGUAGE or laurel.conf choose: nobody is logged in yet). */
static void print_fail(const struct opts *o, const char *what,
                       const struct lrl_fail *f)
{
	char text[1024], args[MSG_ARGS_MAX][MSG_ARG_LEN];

	reader_language(o, NULL);
	memcpy(args, f->m.arg, sizeof args);
	if (f->m.fmt == NULL ||
	    lrl_msg_apply(f->m.fmt, args, f->m.n, text, sizeof text) != 0)
		snprintf(text, sizeof text, "%s", f->reason);
	fprintf(stderr, "laurel: %s: %s%s%s\n", what, f->field ? f->field : "",
	        f->field ? ": " : "", text);
}

static int do_passwd(const struct opts *o)
{
	lrl_conn *c = NULL;
	struct lrl_reply *r = NULL;
	char *np = NULL;
	int rc;

	if ((rc = open_conn(o, &c)) != 0 || (rc = login(o, c)) != 0)
		goto out;
	if ((rc = read_new(lrl_session_of(c)->login, o->password_stdin,
	                   "Mật khẩu mới / new password: ", &np)) != 0)
		goto out;
	rc = lrl_passwd(c, np, &r);
	if (rc == 0)
		rc = report("passwd", r, o, c);
	else
		fprintf(stderr, "laurel: passwd: %s\n", lrl_strerror(rc));
out:
	keys_password_free(np);
	lrl_reply_free(r);
	lrl_close(c);
	return rc;
}

static int has_param(const msgpack_object *map, const char *name)
{
	return mp_map_get(map, name) != NULL;
}

/* Runs the "-check" query of a CSV import: prints every problem.  Returns
 * 0 when the file is clean. */
static int check_file(const struct opts *o, lrl_conn *c,
                      const struct lrl_action *a, mp_buf *params,
                      const char *what)
{
	char name[96];
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	int rc;

	snprintf(name, sizeof name, "%s-check", a->name);
	rc = lrl_call(c, name, params->sb.data, params->sb.size, &r);
	if (rc != 0) {
		fprintf(stderr, "laurel: %s: the server did not answer\n", what);
		return LRL_ECONN;
	}
	if (r->code != 0) {
		rc = report(what, r, o, c);
		lrl_reply_free(r);
		return rc;
	}
	rows = mp_map_get(r->body, "rows");
	if (rows && rows->type == MSGPACK_OBJECT_ARRAY && rows->via.array.size) {
		fprintf(stderr, "laurel: %s: %u problem%s found; %s\n", what,
		        rows->via.array.size, rows->via.array.size == 1 ? "" : "s",
		        o->dry_run ? "fix them and try again"
		                   : "nothing was imported");
		render_result(stderr, r->body, RENDER_TEXT);
		lrl_reply_free(r);
		return LRL_EINVAL;
	}
	if (o->dry_run)
		printf("the file is valid: nothing was imported (dry run)\n");
	lrl_reply_free(r);
	return 0;
}

/* Calls a list action page after page and renders all rows at once. */
static int call_all_pages(const struct opts *o, lrl_conn *c,
                          const struct lrl_action *a, mp_buf *entries,
                          size_t count, const char *what)
{
	mp_buf params, rows, body;
	struct lrl_reply *r = NULL, *first = NULL;
	char *after = NULL;
	size_t nrows = 0;
	msgpack_unpacked u;
	int rc = 0;

	mp_buf_init(&params);
	mp_buf_init(&rows);
	mp_buf_init(&body);
	for (;;) {
		const msgpack_object *rs, *next;
		mp_buf_reset(&params);
		msgpack_pack_map(&params.pk, count + (after ? 1 : 0));
		mp_pack_raw(&params.pk, entries->sb.data, entries->sb.size);
		if (after)
			mp_pack_kv_str(&params.pk, "after", after);
		rc = lrl_call(c, a->name, params.sb.data, params.sb.size, &r);
		if (rc != 0) {
			fprintf(stderr, "laurel: %s: the server did not answer\n", what);
			rc = LRL_ECONN;
			goto out;
		}
		if (r->code != 0) {
			rc = report(what, r, o, c);
			goto out;
		}
		rs = mp_map_get(r->body, "rows");
		if (rs == NULL || rs->type != MSGPACK_OBJECT_ARRAY) {
			rc = report(what, r, o, c);
			goto out;
		}
		for (uint32_t i = 0; i < rs->via.array.size; i++)
			msgpack_pack_object(&rows.pk, rs->via.array.ptr[i]);
		nrows += rs->via.array.size;
		next = mp_map_get(r->body, "next");
		free(after);
		after = next && next->type == MSGPACK_OBJECT_STR ? mp_strdup(next)
		                                                 : NULL;
		if (first == NULL)
			first = r;
		else
			lrl_reply_free(r);
		r = NULL;
		if (after == NULL)
			break;
	}
	msgpack_pack_map(&body.pk, 3);
	mp_pack_str(&body.pk, "columns");
	msgpack_pack_object(&body.pk, *mp_map_get(first->body, "columns"));
	mp_pack_str(&body.pk, "rows");
	msgpack_pack_array(&body.pk, (uint32_t)nrows);
	mp_pack_raw(&body.pk, rows.sb.data, rows.sb.size);
	mp_pack_kv_str(&body.pk, "next", NULL);
	msgpack_unpacked_init(&u);
	bom(o);
	if (mp_decode(&u, body.sb.data, body.sb.size) == 0)
		rc = render_result(stdout, &u.data, o->format);
	else
		rc = LRL_EPROTO;
	msgpack_unpacked_destroy(&u);
out:
	free(after);
	lrl_reply_free(r);
	lrl_reply_free(first);
	mp_buf_free(&params);
	mp_buf_free(&rows);
	mp_buf_free(&body);
	return rc;
}

/* Is word a value a flag may take ("--open no")? */
static int bool_word(const char *word)
{
	static const char *const words[] = {"yes", "no", "true", "false", "1",
	                                    "0", "có", "không"};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(word, words[i]))
			return 1;
	return 0;
}

/* Parses the action's arguments into a params map. */
static int parse_args(const struct opts *o, const struct lrl_action *a,
                      int argc, char **argv, mp_buf *params, size_t *count,
                      const char *what)
{
	const char *name[MAX_ARGS], *val[MAX_ARGS];
	const struct lrl_param *pp[MAX_ARGS];
	size_t n = 0;
	const struct lrl_param *pos = a->params;
	struct lrl_fail f;

	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *eq;
		const struct lrl_param *p;
		if (n == MAX_ARGS) {
			err_usage(what, "%s", "too many arguments");
			return LRL_EUSAGE;
		}
		if (strncmp(arg, "--", 2) == 0) {
			size_t len;
			eq = strchr(arg, '=');
			len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			p = action_param(a, arg + 2, len);
			if (p == NULL || (p->flags & PF_DERIVED)) {
				fprintf(stderr, "laurel: %s: unknown option %s (see "
				                "'laurel %s --help')\n",
				        what, arg, what);
				return LRL_EUSAGE;
			}
			if (eq)
				val[n] = eq + 1;
			else if (p->type == LRL_PT_BOOL &&
			         (i + 1 == argc || !bool_word(argv[i + 1])))
				val[n] = "yes"; /* a flag: --movement */
			else if (i + 1 < argc)
				val[n] = argv[++i];
			else {
				err_usage(what, "--%s needs a value", p->name);
				return LRL_EUSAGE;
			}
		} else {
			while (pos->name && !(pos->flags & PF_POS))
				pos++;
			if (!pos->name) {
				err_usage(what, "unexpected argument '%s'", arg);
				return LRL_EUSAGE;
			}
			p = pos++;
			val[n] = arg;
		}
		for (size_t j = 0; j < n; j++)
			if (pp[j] == p) {
				err_usage(what, "%s is given twice", p->name);
				return LRL_EUSAGE;
			}
		pp[n] = p;
		name[n] = p->name;
		n++;
	}
	for (const struct lrl_param *p = a->params; p->name; p++) {
		int given = 0;
		if (!(p->flags & PF_REQ) || (p->flags & PF_DERIVED))
			continue;
		for (size_t j = 0; j < n; j++)
			given |= pp[j] == p;
		if (!given) {
			err_usage(what, "--%s is required", p->name);
			return LRL_EUSAGE;
		}
	}
	*count = n;
	for (size_t j = 0; j < n; j++) {
		mp_pack_str(&params->pk, name[j]);
		if (pp[j]->type == LRL_PT_DOC) {
			char *doc = NULL;
			size_t dl = 0;
			FILE *df = fopen(val[j], "rb");
			int ok = 0;
			if (df) {
				char buf[65536];
				size_t got;
				FILE *mem = open_memstream(&doc, &dl);
				while (mem && (got = fread(buf, 1, sizeof buf, df)) > 0)
					fwrite(buf, 1, got, mem);
				ok = mem && !ferror(df);
				if (mem)
					fclose(mem);
				fclose(df);
			}
			if (!ok) {
				fprintf(stderr, "laurel: %s: cannot read %s\n", what, val[j]);
				free(doc);
				return LRL_EUSAGE;
			}
			mp_pack_strn(&params->pk, doc, dl);
			free(doc);
			continue;
		}
		if (pp[j]->type == LRL_PT_ROWS) {
			char err[LRL_PATH_MAX + 256];
			size_t nrows;
			int rc = csvin_read(val[j], &params->pk, &nrows, err,
			                    sizeof err);
			if (rc != 0) {
				fprintf(stderr, "laurel: %s: %s\n", what, err);
				return rc == LRL_EIO ? LRL_EUSAGE : rc;
			}
			continue;
		}
		memset(&f, 0, sizeof f);
		if (action_pack_text(pp[j], val[j], &params->pk, &f) != 0) {
			print_fail(o, what, &f);
			return LRL_EINVAL;
		}
	}
	return 0;
}

/* Columns of the terminal on standard output (0 when not a terminal). */
static int terminal_width(void)
{
	struct winsize ws;

	if (!isatty(1) || ioctl(1, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
		return 0;
	return ws.ws_col;
}

/* Text to a terminal goes through $PAGER (default "less -R"); when no
 * pager starts, straight to the terminal. */
static int page_text(const struct rdoc *d)
{
	const char *pager = getenv("PAGER");
	int width = terminal_width();
	FILE *f;
	int rc;

	if (width == 0)
		return rdoc_text(d, stdout, 0);
	if (pager == NULL || *pager == '\0')
		pager = "less -R";
	fflush(stdout);
	if (strcmp(pager, "cat") == 0 || (f = popen(pager, "w")) == NULL)
		return rdoc_text(d, stdout, width);
	signal(SIGPIPE, SIG_IGN);
	/* A reader who quits the pager before the end is no failure. */
	rdoc_text(d, f, width);
	rc = 0;
	/* A pager that could not run ends at once with status 127. */
	if (pclose(f) == 127 << 8)
		rc = rdoc_text(d, stdout, width);
	signal(SIGPIPE, SIG_DFL);
	return rc;
}

/* A printable report: fetched page by page into one document, then
 * rendered as text (paged on a terminal), CSV or PDF. */
static int do_report(const struct opts *o, lrl_conn *c,
                     const struct lrl_action *a, const mp_buf *entries,
                     size_t count, const char *what)
{
	struct rdoc *d = NULL;
	struct lrl_reply *r = NULL;
	FILE *f = stdout;
	int rc;

	if (o->format == RENDER_JSON) {
		err_usage(what, "%s", "reports are written as text, csv or pdf");
		return LRL_EUSAGE;
	}
	if (o->pdf && o->output == NULL && isatty(1)) {
		err_usage(what, "%s", "a PDF goes to a file: give -o FILE");
		return LRL_EUSAGE;
	}
	reader_language(o, c);
	rc = rdoc_fetch(c, a, entries->sb.data, entries->sb.size, count, &d, &r);
	if (r) {
		rc = report(what, r, o, c);
		lrl_reply_free(r);
		return rc;
	}
	if (rc != 0) {
		fprintf(stderr, "laurel: %s: %s\n", what, lrl_strerror(rc));
		return rc;
	}
	if (o->pdf) {
		int pages = 0;
		rc = rdoc_pdf(d, o->output ? o->output : "/dev/stdout", &pages);
		if (rc != 0)
			fprintf(stderr, "laurel: %s: cannot write %s\n", what,
			        o->output ? o->output : "the PDF");
		else if (o->output)
			fprintf(stderr, "%s: %d %s\n", o->output, pages,
			        pages == 1 ? "page" : "pages");
		rdoc_free(d);
		return rc;
	}
	if (o->output && (f = fopen(o->output, "wb")) == NULL) {
		fprintf(stderr, "laurel: %s: cannot write %s\n", what, o->output);
		rdoc_free(d);
		return LRL_EIO;
	}
	if (o->format == RENDER_CSV)
		rc = rdoc_csv(d, f, o->bom);
	else if (f == stdout)
		rc = page_text(d);
	else
		rc = rdoc_text(d, f, 0);
	if (f != stdout && fclose(f) != 0)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "laurel: %s: cannot write the report\n", what);
		rc = LRL_EIO;
	}
	rdoc_free(d);
	return rc;
}

static int do_action(const struct opts *o, const struct lrl_action *a,
                     int argc, char **argv)
{
	char what[80];
	mp_buf entries, params;
	size_t count = 0;
	msgpack_unpacked u;
	struct lrl_fail f;
	lrl_conn *c = NULL;
	struct lrl_reply *r = NULL;
	char *np = NULL;
	size_t nl = noun_len(a->name);
	int rc;

	snprintf(what, sizeof what, "%.*s %s", (int)nl, a->name,
	         a->name + nl + 1);
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help_action(stdout, a);
			return 0;
		}
	mp_buf_init(&entries);
	mp_buf_init(&params);
	msgpack_unpacked_init(&u);
	if ((rc = parse_args(o, a, argc, argv, &entries, &count, what)) != 0)
		goto out;
	/* Check what can be checked before asking for any password. */
	msgpack_pack_map(&params.pk, count);
	mp_pack_raw(&params.pk, entries.sb.data, entries.sb.size);
	memset(&f, 0, sizeof f);
	if (mp_decode(&u, params.sb.data, params.sb.size) != 0 ||
	    action_check_typed(a, &u.data, &f) != 0) {
		print_fail(o, what, &f);
		rc = LRL_EINVAL;
		goto out;
	}
	if ((rc = open_conn(o, &c)) != 0 || (rc = login(o, c)) != 0)
		goto out;
	if (a->flags & AF_NEWPASS) {
		char target[LRL_LOGIN_MAX + 1] = "";
		mp_get_strbuf(mp_map_get(&u.data, "login"), target, sizeof target);
		mp_buf_reset(&params);
		msgpack_pack_map(&params.pk, count + 4);
		mp_pack_raw(&params.pk, entries.sb.data, entries.sb.size);
		if ((rc = read_new(target, o->password_stdin,
		                   "Mật khẩu tạm thời / temporary password: ",
		                   &np)) != 0)
			goto out;
		if ((rc = lrl_pack_newpass(c, np, &params.pk)) != 0)
			goto out;
	}
	if (a->flags & AF_BALLOT) {
		/* The choice is sealed here and never sent. */
		rc = lrl_ballot_params(c, &u.data, &r);
		if (rc == LRL_EINVAL && r == NULL) {
			fprintf(stderr, "laurel: %s: the round takes no ballot\n",
			        what);
			goto out;
		}
		goto reply;
	}
	if (a->flags & AF_CSV) {
		rc = check_file(o, c, a, &params, what);
		if (rc != 0 || o->dry_run)
			goto out;
	}
	/* A report is a document; one that is also a list (the roster, the
	 * review sheet) is that list in CSV, for a spreadsheet. */
	if ((a->flags & AF_REPORT) &&
	    (!(a->flags & AF_LIST) || o->pdf || o->format != RENDER_CSV)) {
		rc = do_report(o, c, a, &entries, count, what);
		goto out;
	}
	if ((a->flags & AF_LIST) && !has_param(&u.data, "limit") &&
	    !has_param(&u.data, "after")) {
		rc = call_all_pages(o, c, a, &entries, count, what);
		goto out;
	}
	rc = lrl_call(c, a->name, params.sb.data, params.sb.size, &r);
reply:
	if (rc != 0) {
		fprintf(stderr, "laurel: %s: the server did not answer (%s)\n",
		        what, lrl_strerror(rc));
		rc = LRL_ECONN;
		goto out;
	}
	if ((a->flags & AF_HTMLDIR) && r->code == 0) {
		char dir[LRL_PATH_MAX] = "", err[LRL_PATH_MAX + 256];
		size_t pages = 0;
		mp_get_strbuf(mp_map_get(&u.data, "dir"), dir, sizeof dir);
		if ((rc = htmlexport_write(dir, r->body, &pages, err,
		                           sizeof err)) != 0)
			fprintf(stderr, "laurel: %s: %s\n", what, err);
		else
			printf("%zu pages written to %s\n", pages, dir);
		goto out;
	}
	rc = report(what, r, o, c);
out:
	keys_password_free(np);
	lrl_reply_free(r);
	lrl_close(c);
	msgpack_unpacked_destroy(&u);
	mp_buf_free(&params);
	mp_buf_free(&entries);
	return rc;
}

int cli_main(int argc, char **argv)
{
	static const struct option gopts[] = {
		{"store", required_argument, NULL, 's'},
		{"socket", required_argument, NULL, 'S'},
		{"config", required_argument, NULL, 'c'},
		{"user", required_argument, NULL, 'u'},
		{"password-stdin", no_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct opts o;
	const char *noun, *verb;
	char name[128];
	const struct lrl_action *a;
	int c, rc;

	memset(&o, 0, sizeof o);
	o.store = getenv("LAUREL_STORE");
	render_set_terminal(isatty(1));
	/* Global options stop at the first word (the noun). */
	optind = 1;
	while ((c = getopt_long(argc, argv, "+hu:", gopts, NULL)) != -1) {
		switch (c) {
		case 's': o.store = optarg; break;
		case 'S': o.socket = optarg; o.store = NULL; break;
		case 'c': o.config = optarg; break;
		case 'u': o.user = optarg; break;
		case 'p': o.password_stdin = 1; break;
		case 'f':
			if (!strcmp(optarg, "text"))
				o.format = RENDER_TEXT;
			else if (!strcmp(optarg, "csv"))
				o.format = RENDER_CSV;
			else if (!strcmp(optarg, "json"))
				o.format = RENDER_JSON;
			else if (!strcmp(optarg, "pdf"))
				o.pdf = 1;
			else {
				err_usage("--format",
				          "must be text, csv, json or pdf (not '%s')", optarg);
				return EXIT_USAGE;
			}
			o.format_set = 1;
			break;
		case 'h': help_all(stdout); return 0;
		case 'V': printf("laurel %s\n", LAUREL_VERSION); return 0;
		default:
			fputs("Try 'laurel help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		struct tui_opts to = {o.store, o.socket, o.user ? o.user : default_user(),
		                      o.config};
		if (!isatty(0) || !isatty(1)) {
			help_all(stdout);
			return 0;
		}
		return tui_main(&to);
	}
	/* Global options may also follow the command words (but --user
	 * belongs to a command that has a user parameter, like audit log). */
	{
		int w = optind, cmd_has_user = 0;
		if (optind + 1 < argc) {
			const struct lrl_action *ca;
			snprintf(name, sizeof name, "%s.%s", argv[optind],
			         argv[optind + 1]);
			ca = action_find(name, strlen(name));
			cmd_has_user = ca && action_param(ca, "user", 4);
		}
		for (int i = optind; i < argc; i++) {
			const char *g = argv[i];
			const char *val = NULL;
			size_t gl = strlen(g);
			const char *eq = strchr(g, '=');
			if (eq)
				gl = (size_t)(eq - g);
			if (!strncmp(g, "--format", gl) && gl == 8) {
				val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : "");
				if (!strcmp(val, "text"))
					o.format = RENDER_TEXT;
				else if (!strcmp(val, "csv"))
					o.format = RENDER_CSV;
				else if (!strcmp(val, "json"))
					o.format = RENDER_JSON;
				else if (!strcmp(val, "pdf"))
					o.pdf = 1;
				else {
					err_usage("--format",
					          "must be text, csv, json or pdf (not '%s')",
					          val);
					return EXIT_USAGE;
				}
				o.format_set = 1;
				continue;
			}
			if (!strcmp(g, "-o") || (gl == 8 && !strncmp(g, "--output", 8))) {
				o.output = eq && gl == 8 ? eq + 1
				           : i + 1 < argc ? argv[++i] : "";
				if (*o.output == '\0') {
					err_usage("-o", "%s", "needs a file name");
					return EXIT_USAGE;
				}
				continue;
			}
			if (!strcmp(g, "--bom")) {
				o.bom = 1;
				continue;
			}
			if (!strcmp(g, "--password-stdin")) {
				o.password_stdin = 1;
				continue;
			}
			if (!strcmp(g, "--dry-run")) {
				o.dry_run = 1;
				continue;
			}
			if (gl == 6 && !strncmp(g, "--user", 6) && !cmd_has_user) {
				o.user = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : "");
				continue;
			}
			argv[w++] = argv[i];
		}
		argc = w;
	}
	noun = argv[optind++];
	verb = optind < argc && argv[optind][0] != '-' ? argv[optind] : NULL;
	if (!strcmp(noun, "help")) {
		if (optind < argc && !strcmp(argv[optind], "--roff")) {
			help_roff(stdout);
			return 0;
		}
		if (verb == NULL) {
			help_all(stdout);
			return 0;
		}
		if (optind + 1 < argc) {
			snprintf(name, sizeof name, "%s.%s", verb, argv[optind + 1]);
			if ((a = action_find(name, strlen(name))) && visible(a)) {
				help_action(stdout, a);
				return 0;
			}
		} else if (help_noun(stdout, verb))
			return 0;
		err_usage("help", "no such command: %s", verb);
		return EXIT_USAGE;
	}
	if (!strcmp(noun, "whoami")) {
		a = &lrl_actions[LRL_A_SESSION_WHOAMI];
		rc = do_action(&o, a, argc - optind, argv + optind);
		return lrl_exit_status(rc);
	}
	if (!strcmp(noun, "passwd"))
		return lrl_exit_status(do_passwd(&o));
	if (!strcmp(noun, "roles") && verb && !strcmp(verb, "matrix")) {
		roles_matrix(stdout);
		return 0;
	}
	if (verb == NULL) {
		if (optind < argc && (!strcmp(argv[optind], "--help") ||
		                      !strcmp(argv[optind], "-h")) &&
		    help_noun(stdout, noun))
			return 0;
		if (!help_noun(stderr, noun))
			err_usage(noun, "%s", "unknown command (see 'laurel help')");
		return EXIT_USAGE;
	}
	optind++;
	snprintf(name, sizeof name, "%s.%s", noun, verb);
	a = action_find(name, strlen(name));
	if (a == NULL || !visible(a)) {
		fprintf(stderr, "laurel: unknown command '%s %s'\n", noun, verb);
		if (!help_noun(stderr, noun))
			fputs("See 'laurel help'.\n", stderr);
		return EXIT_USAGE;
	}
	if ((a->flags & AF_CSVOUT) && !o.format_set)
		o.format = RENDER_CSV;
	if (o.pdf && !(a->flags & AF_REPORT)) {
		err_usage(name, "%s", "--format pdf applies only to reports");
		return EXIT_USAGE;
	}
	if (o.output &&
	    (!(a->flags & AF_REPORT) ||
	     ((a->flags & AF_LIST) && !o.pdf && o.format == RENDER_CSV)) &&
	    freopen(o.output, "w", stdout) == NULL) {
		fprintf(stderr, "laurel: cannot write %s\n", o.output);
		return EXIT_USAGE;
	}
	if (o.dry_run && !(a->flags & AF_CSV)) {
		err_usage(name, "%s", "--dry-run applies only to imports");
		return EXIT_USAGE;
	}
	rc = do_action(&o, a, argc - optind, argv + optind);
	return lrl_exit_status(rc);
}
