/*
 * test_cli.c — `laurel` at the console: exit codes, generated help, the
 * roles matrix, the unit and staff roster, output formats, escaping of
 * stored text, and CSV imports as spreadsheet programs write them.
 *
 * Every test runs the real build/laurel against the real build/laureld on
 * a store of its own in a temporary directory (tests/lib/harness.h), and
 * asserts what a user sees: standard output, standard error and the exit
 * status (laurel(1): 0 done, 1 refused or invalid, 2 usage error,
 * 3 authentication failed, 4 server unreachable).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "laurel/action.h"
#include "laurel/store.h"

#define TEMP_PASSWORD "mật khẩu tạm thời 01"
#define HEAD_PASSWORD "mật khẩu riêng của tôi"
#define WRONG_PASSWORD "không phải mật khẩu này"
#define NO_SOCKET "/nonexistent/laurel.sock"
#define MAX_ARGV 48

/* The header of an import file, as staff export writes it. */
#define IMPORT_HEADER                                                          \
	"Mã nhân viên,Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,Ngày vào làm\n"
#define EXPORT_HEADER                                                                       \
	"Mã nhân viên,Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,Chức vụ," \
	"Chức danh,Loại,Ngày vào làm,Tài khoản\r\n"
#define LIST_HEADER                                                            \
	"code,full-name,sex,birth-date,unit,position,job-title,category,"      \
	"start-date,login\r\n"

#define BIDI_RAW "\xE2\x80\xAE" /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define BIDI_SHOWN "\\u{202E}"

/* ---- running laurel ------------------------------------------------- */

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Runs `laurel --socket SOCK --user LOGIN --password-stdin ARGS…` with
 * input on standard input (the password line, and for commands that set
 * a password, the next line).  Returns the exit status. */
static int laurel_as(struct h_output *o, const char *sock, const char *login,
                     const char *input, const char *const *args)
{
	const char *argv[MAX_ARGV + 8];
	char prog[H_PATH_MAX];
	size_t n = 0;

	h_program("laurel", prog, sizeof prog);
	argv[n++] = prog;
	argv[n++] = "--socket";
	argv[n++] = sock;
	argv[n++] = "--user";
	argv[n++] = login;
	argv[n++] = "--password-stdin";
	for (size_t i = 0; args[i] && i < MAX_ARGV; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return h_run(argv, input, o);
}

/* laurel as the store's administrator. */
#define ADMIN(o, e, ...)                                                       \
	laurel_as((o), (e)->srv.sock, H_ADMIN, H_ADMIN_PASSWORD "\n",          \
	          ARGS(__VA_ARGS__))

/* laurel without a server (help, usage errors, unreachable). */
#define BARE(o, ...) h_laurel((o), NULL, __VA_ARGS__, (const char *)NULL)

/* Asserts the exit status, showing what laurel printed when it differs. */
#define EXPECT(o, st)                                                          \
	ck_assert_msg((o)->status == (st),                                     \
	              "exit status %d, expected %d\n--- stdout:\n%s--- "       \
	              "stderr:\n%s",                                           \
	              (o)->status, (st), (o)->out, (o)->err)

/* Runs a command as administrator that must succeed. */
#define ADMIN_OK(e, ...)                                                       \
	do {                                                                   \
		struct h_output ok_;                                           \
		ADMIN(&ok_, e, __VA_ARGS__);                                   \
		EXPECT(&ok_, 0);                                               \
		h_output_free(&ok_);                                           \
	} while (0)

#define HAS(s, sub)                                                            \
	ck_assert_msg(strstr((s), (sub)) != NULL, "'%s' not found in:\n%s",    \
	              (sub), (s))
#define HAS_NOT(s, sub)                                                        \
	ck_assert_msg(strstr((s), (sub)) == NULL, "'%s' unexpected in:\n%s",   \
	              (sub), (s))

/* ---- fixtures ------------------------------------------------------- */

static void env_up(struct h_env *e)
{
	ck_assert_msg(h_env_setup(e) == 0,
	              "could not start laureld on a test store "
	              "(LAUREL_BUILD=%s)",
	              h_build());
}

static void env_down(struct h_env *e)
{
	ck_assert_int_eq(h_env_done(e), 0);
}

/* The units every roster test starts from:
 *   BV  Bệnh viện Test
 *     DUOC      Khoa Dược
 *     KHAMBENH  Khoa Khám bệnh
 *       PK1     Phòng khám 1 */
static void add_units(struct h_env *e)
{
	ADMIN_OK(e, "unit", "add", "BV", "--name", "Bệnh viện Test", "--kind",
	         "hospital");
	ADMIN_OK(e, "unit", "add", "KHAMBENH", "--name", "Khoa Khám bệnh",
	         "--kind", "department", "--parent", "BV");
	ADMIN_OK(e, "unit", "add", "PK1", "--name", "Phòng khám 1", "--kind",
	         "office", "--parent", "KHAMBENH");
	ADMIN_OK(e, "unit", "add", "DUOC", "--name", "Khoa Dược", "--kind",
	         "department", "--parent", "BV");
}

/* The units, and one staff member in each of KHAMBENH, PK1 and DUOC. */
static void add_roster(struct h_env *e)
{
	add_units(e);
	ADMIN_OK(e, "staff", "add", "NV001", "--full-name", "Nguyễn Thị Hà",
	         "--sex", "nữ", "--birth-date", "12/03/1990", "--unit",
	         "KHAMBENH", "--start-date", "01/01/2015");
	ADMIN_OK(e, "staff", "add", "NV002", "--full-name", "Trần Minh Đức",
	         "--sex", "nam", "--birth-date", "05/11/1985", "--unit", "PK1",
	         "--start-date", "01/09/2010", "--position",
	         "Bác sĩ, trưởng \"nhóm\"");
	ADMIN_OK(e, "staff", "add", "NV003", "--full-name", "Lê Văn An",
	         "--sex", "nam", "--birth-date", "20/07/1979", "--unit", "DUOC",
	         "--start-date", "15/04/2005");
}

/* Writes len bytes into DIR/name and the path into path. */
static void write_file(const struct h_env *e, const char *name,
                       const char *data, size_t len, char *path, size_t n)
{
	FILE *f;

	ck_assert_int_lt(snprintf(path, n, "%s/%s", e->dir, name), (int)n);
	ck_assert_ptr_nonnull(f = fopen(path, "wb"));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void write_text(const struct h_env *e, const char *name,
                       const char *text, char *path, size_t n)
{
	write_file(e, name, text, strlen(text), path, n);
}

/* The number of lines ending in CRLF in s. */
static size_t crlf_lines(const char *s)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, "\r\n")) != NULL; p += 2)
		n++;
	return n;
}

/* The number of staff the administrator sees. */
static size_t staff_count(struct h_env *e)
{
	struct h_output o;
	size_t n;

	ADMIN(&o, e, "staff", "list", "--format", "csv");
	EXPECT(&o, 0);
	n = crlf_lines(o.out);
	ck_assert_uint_ge(n, 1); /* the header */
	h_output_free(&o);
	return n - 1;
}

/* Whether the text line of s that starts with word (then a space)
 * exists; copies it into line. */
static int find_line(const char *s, const char *word, char *line, size_t n)
{
	size_t wl = strlen(word);

	for (const char *p = s; p && *p;
	     p = strchr(p, '\n'), p = p ? p + 1 : p) {
		const char *q = p;
		while (*q == ' ')
			q++;
		if (strncmp(q, word, wl) == 0 &&
		    (q[wl] == ' ' || q[wl] == '\n')) {
			size_t len = strcspn(p, "\n");
			snprintf(line, n, "%.*s", (int)len, p);
			return 1;
		}
	}
	return 0;
}

/* Whether the problem list in s has a row for line, whose column (may be
 * "") and reason contain the given texts. */
static int has_problem(const char *s, unsigned line, const char *column,
                       const char *reason)
{
	for (const char *p = s; p && *p;
	     p = strchr(p, '\n'), p = p ? p + 1 : p) {
		char row[1024];
		char *end;
		unsigned long l;
		snprintf(row, sizeof row, "%.*s", (int)strcspn(p, "\n"), p);
		l = strtoul(row, &end, 10);
		if (end == row || l != line || *end != ' ')
			continue;
		if ((!*column || strstr(end, column)) && strstr(end, reason))
			return 1;
	}
	return 0;
}

#define HAS_PROBLEM(s, line, column, reason)                                   \
	ck_assert_msg(has_problem((s), (line), (column), (reason)),            \
	              "no problem on line %u (%s: %s) in:\n%s",                \
	              (unsigned)(line), (column), (reason), (s))

/* The visible commands, as laurel offers them. */
static int visible(const struct lrl_action *a)
{
	size_t n = strlen(a->name);

	return !(a->flags & AF_INTERNAL) && strcmp(a->name, "session.whoami") &&
	       strcmp(a->name, "user.passwd") &&
	       !(n > 6 && strcmp(a->name + n - 6, "-check") == 0);
}

/* ---- exit codes ----------------------------------------------------- */

START_TEST(test_successful_command_exits_0_and_says_what_it_did)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	ADMIN(&o, &e, "unit", "add", "KHAMBENH", "--name", "Khoa Khám bệnh",
	      "--kind", "department");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "unit KHAMBENH added\n");
	ck_assert_str_eq(o.err, "");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* Without LANGUAGE, what the server says reads in the account's language
 * (Vietnamese by default); the field stays the option's name. */
START_TEST(test_messages_are_in_the_readers_language)
{
	static const char *const vi_env[] = {"LANGUAGE=", NULL};
	struct h_env e;
	struct h_output o;

	env_up(&e);
	h_extra_env = vi_env;
	ADMIN(&o, &e, "unit", "add", "KHAMBENH", "--name", "Khoa Khám bệnh",
	      "--kind", "department");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "đã thêm đơn vị KHAMBENH\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "add", "KHAMBENH", "--name", "Khoa Khám bệnh",
	      "--kind", "department");
	EXPECT(&o, 1);
	ck_assert_str_eq(o.err, "laurel: unit add: code: đã có đơn vị mang mã "
	                        "KHAMBENH\n");
	h_output_free(&o);
	/* and so does a value refused before anything is sent */
	ADMIN(&o, &e, "unit", "add", "DUOC", "--name", "Khoa Dược", "--kind",
	      "ward");
	EXPECT(&o, 1);
	HAS(o.err, "laurel: unit add: kind: phải là một trong các giá trị: ");
	h_output_free(&o);
	/* a list stays data: its column names are the fields' */
	ADMIN(&o, &e, "unit", "list");
	EXPECT(&o, 0);
	HAS(o.out, "code");
	h_output_free(&o);
	h_extra_env = NULL;
	env_down(&e);
}
END_TEST

START_TEST(test_kind_not_in_the_list_exits_1_naming_the_field_and_choices)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	ADMIN(&o, &e, "unit", "add", "KHAMBENH", "--name", "Khoa Khám bệnh",
	      "--kind", "ward");
	EXPECT(&o, 1);
	HAS(o.err, "laurel: unit add: kind: must be one of: ");
	HAS(o.err, "department");
	ck_assert_str_eq(o.out, "");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_impossible_birth_date_exits_1_naming_birth_date)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "staff", "add", "NV001", "--full-name", "Nguyễn Thị Hà",
	      "--sex", "nữ", "--birth-date", "31/02/1990", "--unit", "KHAMBENH",
	      "--start-date", "01/01/2015");
	EXPECT(&o, 1);
	HAS(o.err, "laurel: staff add: birth-date: ");
	HAS(o.err, "date");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 0);
	env_down(&e);
}
END_TEST

START_TEST(test_refusal_by_the_server_exits_1_with_its_reason)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "unit", "add", "DUOC", "--name", "Khoa Dược 2", "--kind",
	      "department");
	EXPECT(&o, 1);
	ck_assert_str_eq(o.err, "laurel: unit add: code: a unit with the code "
	                        "DUOC already exists\n");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unknown_command_exits_2)
{
	struct h_output o;

	BARE(&o, "--socket", NO_SOCKET, "frob", "list");
	EXPECT(&o, 2);
	HAS(o.err, "unknown command 'frob list'");
	h_output_free(&o);
	BARE(&o, "--socket", NO_SOCKET, "unit", "frob");
	EXPECT(&o, 2);
	HAS(o.err, "unknown command 'unit frob'");
	h_output_free(&o);
}
END_TEST

START_TEST(test_unknown_option_exits_2)
{
	struct h_output o;

	BARE(&o, "--socket", NO_SOCKET, "unit", "add", "KHAMBENH", "--name",
	     "Khoa", "--kind", "department", "--colour", "red");
	EXPECT(&o, 2);
	HAS(o.err, "unknown option --colour");
	h_output_free(&o);
}
END_TEST

START_TEST(test_missing_required_option_exits_2)
{
	struct h_output o;

	BARE(&o, "--socket", NO_SOCKET, "unit", "add", "KHAMBENH", "--kind",
	     "department");
	EXPECT(&o, 2);
	HAS(o.err, "--name is required");
	h_output_free(&o);
}
END_TEST

START_TEST(test_format_xml_exits_2)
{
	struct h_output o;

	BARE(&o, "--socket", NO_SOCKET, "--format", "xml", "unit", "list");
	EXPECT(&o, 2);
	HAS(o.err, "--format: must be text, csv, json or pdf (not 'xml')");
	h_output_free(&o);
	BARE(&o, "--socket", NO_SOCKET, "unit", "list", "--format", "xml");
	EXPECT(&o, 2);
	h_output_free(&o);
}
END_TEST

START_TEST(test_wrong_password_exits_3)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	laurel_as(&o, e.srv.sock, H_ADMIN, WRONG_PASSWORD "\n",
	          ARGS("unit", "list"));
	EXPECT(&o, 3);
	HAS(o.err, "login failed: wrong user name or password");
	ck_assert_str_eq(o.out, "");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unreachable_server_exits_4)
{
	struct h_output o;

	BARE(&o, "--socket", "/nonexistent", "--user", H_ADMIN,
	     "--password-stdin", "unit", "list");
	EXPECT(&o, 4);
	HAS(o.err, "cannot reach the server at /nonexistent");
	h_output_free(&o);
}
END_TEST

/* ---- help ----------------------------------------------------------- */

START_TEST(test_help_lists_every_visible_command)
{
	struct h_output o;

	BARE(&o, "help");
	EXPECT(&o, 0);
	HAS(o.out, "usage: laurel");
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		char words[128];
		size_t nl = strcspn(a->name, ".");
		snprintf(words, sizeof words, "laurel %.*s %s ", (int)nl,
		         a->name, a->name + nl + 1);
		if (visible(a)) {
			HAS(o.out, words);
			HAS(o.out, a->help);
		} else {
			HAS_NOT(o.out, words);
		}
	}
	h_output_free(&o);
}
END_TEST

START_TEST(test_noun_help_lists_its_verbs)
{
	struct h_output o;

	BARE(&o, "unit", "--help");
	EXPECT(&o, 0);
	HAS(o.out, "usage: laurel unit VERB");
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		char line[160];
		if (strncmp(a->name, "unit.", 5) != 0)
			continue;
		snprintf(line, sizeof line, "  %-16s %s\n", a->name + 5,
		         a->help);
		HAS(o.out, line);
	}
	HAS_NOT(o.out, "import");
	h_output_free(&o);
}
END_TEST

START_TEST(test_command_help_shows_parameters_and_who_may_run_it)
{
	const struct lrl_action *a = action_find("unit.add", 8);
	struct h_output o, h;

	ck_assert_ptr_nonnull(a);
	BARE(&o, "unit", "add", "--help");
	EXPECT(&o, 0);
	HAS(o.out, "usage: laurel unit add code --name TEXT --kind ");
	for (const struct lrl_param *p = a->params; p->name; p++) {
		char opt[64];
		snprintf(opt, sizeof opt, "--%s ", p->name);
		HAS(o.out, opt);
		HAS(o.out, p->help);
	}
	HAS(o.out, "hospital|department|office|station|organisation");
	HAS(o.out, "\nAllowed for: admin (all)\n");
	/* `laurel help unit add` prints the same. */
	BARE(&h, "help", "unit", "add");
	EXPECT(&h, 0);
	ck_assert_str_eq(h.out, o.out);
	h_output_free(&h);
	h_output_free(&o);
	/* Derived parameters (keys) are never offered. */
	BARE(&o, "user", "add", "--help");
	EXPECT(&o, 0);
	HAS(o.out, "--full-name");
	HAS_NOT(o.out, "--salt");
	HAS_NOT(o.out, "--pk");
	HAS(o.out, "Allowed for: admin (all)");
	h_output_free(&o);
	/* A policy with several roles names each with its scope. */
	BARE(&o, "staff", "edit", "--help");
	EXPECT(&o, 0);
	HAS(o.out, "Allowed for: head (unit) admin (all)\n");
	h_output_free(&o);
}
END_TEST

START_TEST(test_roles_matrix_gives_every_visible_action_a_scope_per_role)
{
	static const char *const words[] = {"-", "own", "unit", "all"};
	struct h_output o;
	char line[512];

	BARE(&o, "roles", "matrix");
	EXPECT(&o, 0);
	ck_assert(find_line(o.out, "action", line, sizeof line));
	{
		char *save = NULL, *w = strtok_r(line, " ", &save);
		ck_assert_str_eq(w, "action");
		for (int r = 0; r < LRL_ROLE_COUNT; r++) {
			w = strtok_r(NULL, " ", &save);
			ck_assert_ptr_nonnull(w);
			ck_assert_str_eq(w, action_role_name(r));
		}
	}
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		char *save = NULL, *w;
		if (!visible(a)) {
			ck_assert_msg(!find_line(o.out, a->name, line,
			                         sizeof line),
			              "%s is in the matrix", a->name);
			continue;
		}
		ck_assert_msg(find_line(o.out, a->name, line, sizeof line),
		              "%s is missing from:\n%s", a->name, o.out);
		w = strtok_r(line, " ", &save);
		ck_assert_str_eq(w, a->name);
		for (int r = 0; r < LRL_ROLE_COUNT; r++) {
			w = strtok_r(NULL, " ", &save);
			ck_assert_msg(w != NULL, "%s: no scope for %s", a->name,
			              action_role_name(r));
			ck_assert_msg(strcmp(w, words[a->policy[r]]) == 0,
			              "%s, %s: '%s', expected '%s'", a->name,
			              action_role_name(r), w,
			              words[a->policy[r]]);
		}
		ck_assert_ptr_null(strtok_r(NULL, " ", &save));
	}
	h_output_free(&o);
}
END_TEST

/* ---- units ---------------------------------------------------------- */

/* The name cell (as far as the next column) of unit code's row in the
 * text of `unit list`, whose columns are found from the header (the code
 * column is ASCII, so byte offsets are columns).  Static buffer. */
static const char *name_cell(const char *list, const char *code)
{
	static char cell[256];
	char line[512];
	const char *name = strstr(list, "name"), *kind = strstr(list, "kind");
	size_t at, len;

	ck_assert(name && kind && kind > name);
	ck_assert_msg(find_line(list, code, line, sizeof line),
	              "%s missing:\n%s", code, list);
	at = (size_t)(name - list);
	ck_assert_uint_gt(strlen(line), at);
	snprintf(cell, sizeof cell, "%s", line + at);
	/* Up to the two spaces that separate it from the kind column. */
	len = strlen(cell);
	for (size_t i = 0; i + 1 < len; i++)
		if (cell[i] == ' ' && cell[i + 1] == ' ' && i > 0 &&
		    cell[i - 1] != ' ') {
			cell[i] = '\0';
			break;
		}
	return cell;
}

START_TEST(test_unit_list_is_a_tree_with_children_indented_under_parent)
{
	struct h_env e;
	struct h_output o;
	const char *bv, *duoc, *kham, *pk1;

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "unit", "list");
	EXPECT(&o, 0);
	bv = strstr(o.out, "\nBV ");
	duoc = strstr(o.out, "\nDUOC ");
	kham = strstr(o.out, "\nKHAMBENH ");
	pk1 = strstr(o.out, "\nPK1 ");
	ck_assert_msg(bv && duoc && kham && pk1, "units missing:\n%s", o.out);
	/* Depth-first, children sorted by name under their parent. */
	ck_assert_msg(bv < duoc && duoc < kham && kham < pk1, "order:\n%s",
	              o.out);
	/* Each level is indented two more spaces in the name column. */
	ck_assert_str_eq(name_cell(o.out, "BV"), "Bệnh viện Test");
	ck_assert_str_eq(name_cell(o.out, "DUOC"), "  Khoa Dược");
	ck_assert_str_eq(name_cell(o.out, "KHAMBENH"), "  Khoa Khám bệnh");
	ck_assert_str_eq(name_cell(o.out, "PK1"), "    Phòng khám 1");
	{
		char line[512];
		ck_assert(find_line(o.out, "PK1", line, sizeof line));
		HAS(line, " KHAMBENH ");
	}
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unit_show_prints_its_record)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN(&o, &e, "unit", "show", "PK1");
	EXPECT(&o, 0);
	HAS(o.out, "code     PK1\n");
	HAS(o.out, "name     Phòng khám 1\n");
	HAS(o.out, "kind     Phòng\n");
	HAS(o.out, "parent   KHAMBENH\n");
	HAS(o.out, "staff    1\n");
	HAS(o.out, "state    open\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "show", "NOPE");
	EXPECT(&o, 1);
	HAS(o.err, "code: no unit has the code 'NOPE'");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unit_rename_changes_the_name_shown)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "unit", "rename", "DUOC", "--name", "Khoa Dược – Vật tư");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "unit DUOC renamed\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "show", "DUOC");
	EXPECT(&o, 0);
	HAS(o.out, "name     Khoa Dược – Vật tư\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "rename", "DUOC", "--name", "Khoa Dược – Vật tư");
	EXPECT(&o, 1);
	HAS(o.err, "name: the unit already has this name");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unit_move_puts_it_under_the_new_parent)
{
	struct h_env e;
	struct h_output o;
	char line[512];

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "unit", "move", "PK1", "--parent", "DUOC");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "unit PK1 moved under DUOC\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "list");
	EXPECT(&o, 0);
	ck_assert(find_line(o.out, "PK1", line, sizeof line));
	HAS(line, "DUOC");
	ck_assert_msg(strstr(o.out, "\nPK1 ") < strstr(o.out, "\nKHAMBENH "),
	              "PK1 is not listed under DUOC:\n%s", o.out);
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "move", "PK1");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "unit PK1 moved to the top level\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "show", "PK1");
	HAS(o.out, "parent   \n");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unit_cannot_move_under_its_own_descendant)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "unit", "move", "KHAMBENH", "--parent", "PK1");
	EXPECT(&o, 1);
	HAS(o.err, "parent: PK1 is inside KHAMBENH: a unit cannot move under "
	           "itself");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "move", "KHAMBENH", "--parent", "KHAMBENH");
	EXPECT(&o, 1);
	HAS(o.err, "parent: ");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "show", "KHAMBENH");
	HAS(o.out, "parent   BV\n");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_unit_with_staff_cannot_be_closed)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN(&o, &e, "unit", "close", "DUOC");
	EXPECT(&o, 1);
	HAS(o.err, "code: DUOC still has staff: move them first");
	h_output_free(&o);
	/* Once its staff have moved it closes, and leaves the list. */
	ADMIN_OK(&e, "staff", "edit", "NV003", "--unit", "KHAMBENH");
	ADMIN(&o, &e, "unit", "close", "DUOC");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "unit DUOC closed\n");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "list");
	HAS_NOT(o.out, "DUOC");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "list", "--closed", "yes");
	HAS(o.out, "closed");
	HAS(o.out, "DUOC");
	h_output_free(&o);
	/* A unit with an open sub-unit stays open too. */
	ADMIN_OK(&e, "staff", "edit", "NV002", "--unit", "KHAMBENH");
	ADMIN(&o, &e, "unit", "close", "KHAMBENH");
	EXPECT(&o, 1);
	HAS(o.err, "KHAMBENH still has staff");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* ---- staff ---------------------------------------------------------- */

START_TEST(test_staff_add_then_show_prints_the_record)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_units(&e);
	ADMIN(&o, &e, "staff", "add", "NV010", "--full-name", "Phạm Thu Trang",
	      "--sex", "nu", "--birth-date", "1992-04-30", "--unit", "PK1",
	      "--start-date", "01/10/2016", "--position", "Điều dưỡng trưởng",
	      "--category", "vien chuc");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "staff NV010 added\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV010");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "code        NV010\n"
	                        "full-name   Phạm Thu Trang\n"
	                        "sex         nữ\n"
	                        "birth-date  30/04/1992\n"
	                        "unit        PK1\n"
	                        "unit-name   Phòng khám 1\n"
	                        "position    Điều dưỡng trưởng\n"
	                        "job-title   \n"
	                        "category    viên chức\n"
	                        "start-date  01/10/2016\n"
	                        "login       \n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "add", "NV010", "--full-name", "Người Khác",
	      "--sex", "nam", "--birth-date", "01/01/1990", "--unit", "PK1",
	      "--start-date", "01/01/2015");
	EXPECT(&o, 1);
	HAS(o.err, "code: staff code NV010 already exists (Phạm Thu Trang)");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_staff_edit_changes_only_the_given_fields)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN(&o, &e, "staff", "edit", "NV002", "--job-title", "Bác sĩ CKI",
	      "--unit", "KHAMBENH");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "staff NV002 changed\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV002", "--format", "csv");
	EXPECT(&o, 0);
	HAS(o.out, "\r\nNV002,Trần Minh Đức,nam,05/11/1985,KHAMBENH,"
	           "Khoa Khám bệnh,\"Bác sĩ, trưởng \"\"nhóm\"\"\",Bác sĩ CKI,,"
	           "01/09/2010,\r\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "edit", "NV002");
	EXPECT(&o, 1);
	HAS(o.err, "nothing to change");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "edit", "NV999", "--sex", "nam");
	EXPECT(&o, 1);
	HAS(o.err, "code: no staff member has the code 'NV999'");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_staff_list_by_unit_includes_its_sub_units)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN(&o, &e, "staff", "list", "--unit", "KHAMBENH", "--format", "csv");
	EXPECT(&o, 0);
	ck_assert_uint_eq(crlf_lines(o.out), 3);
	HAS(o.out, "\r\nNV001,");
	HAS(o.out, "\r\nNV002,"); /* in PK1, under KHAMBENH */
	HAS_NOT(o.out, "NV003");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--unit", "PK1", "--format", "csv");
	ck_assert_uint_eq(crlf_lines(o.out), 2);
	HAS(o.out, "\r\nNV002,");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--unit", "BV", "--format", "csv");
	ck_assert_uint_eq(crlf_lines(o.out), 4);
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_staff_search_ignores_tones_and_case)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN(&o, &e, "staff", "list", "--search", "nguyen thi ha", "--format",
	      "csv");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, LIST_HEADER "NV001,Nguyễn Thị Hà,nữ,12/03/1990,"
	                                    "KHAMBENH,,,,01/01/2015,\r\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--search", "duc");
	EXPECT(&o, 0);
	HAS(o.out, "Trần Minh Đức");
	HAS_NOT(o.out, "Nguyễn");
	HAS_NOT(o.out, "Lê Văn An");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--search", "TRẦN MINH", "--format",
	      "csv");
	ck_assert_uint_eq(crlf_lines(o.out), 2);
	HAS(o.out, "Trần Minh Đức");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--search", "hạnh", "--format", "csv");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, LIST_HEADER);
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_staff_list_is_in_vietnamese_order_by_ten)
{
	/* Expected order: by tên (a ă â b c d đ e ê … o ô ơ … u ư …, tones
	 * after letters), then họ, then đệm, fewer words first. */
	static const char *const sorted[] = {
		"Đặng Văn An",   "Lê An",         "Lê Văn An",
		"Phạm Thị Anh",  "Trần Văn Anh",  "Phạm Thị Ánh",
		"Vũ Quốc Bảo",   "Hoàng Văn Bắc", "Trần Tiến Dũng",
		"Mai Thị Đào",   "Trần Minh Đức", "Lê Thị Hà",
		"Lê Thu Hà",     "Nguyễn Thị Hà", "Bùi Thị Hạ",
		"Ngô Thanh Hòa", "Phan Thị Hồng", "Tạ Văn Hợi",
		"Cao Anh Tuấn",  "Đinh Văn Tư",
	};
	/* The order rows appear in the file. */
	static const int file_order[] = {13, 2, 19, 7, 0,  16, 10, 4, 18, 1,
	                                 15, 8, 12, 5, 17, 3,  11, 6, 14, 9};
	enum { N = sizeof sorted / sizeof sorted[0] };
	struct h_env e;
	struct h_output o;
	char csv[8192], path[H_PATH_MAX];
	size_t off;
	const char *p;

	ck_assert_uint_eq(sizeof file_order / sizeof file_order[0], N);
	env_up(&e);
	add_units(&e);
	off = (size_t)snprintf(csv, sizeof csv, IMPORT_HEADER);
	for (int i = 0; i < N; i++)
		off += (size_t)snprintf(csv + off, sizeof csv - off,
		                        "T%02d,%s,%s,01/01/1980,DUOC,01/06/"
		                        "2005\n",
		                        file_order[i], sorted[file_order[i]],
		                        i % 2 ? "nam" : "nữ");
	ck_assert_uint_lt(off, sizeof csv);
	write_text(&e, "names.csv", csv, path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "20 staff imported\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--format", "csv");
	EXPECT(&o, 0);
	ck_assert_uint_eq(crlf_lines(o.out), N + 1);
	p = strstr(o.out, "\r\n") + 2;
	for (int i = 0; i < N; i++) {
		char want[128];
		snprintf(want, sizeof want, "T%02d,%s,", i, sorted[i]);
		ck_assert_msg(strncmp(p, want, strlen(want)) == 0,
		              "row %d is '%.*s', expected '%s…'\n%s", i + 1,
		              (int)strcspn(p, "\r"), p, want, o.out);
		p = strstr(p, "\r\n") + 2;
	}
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* ---- scope ---------------------------------------------------------- */

START_TEST(test_head_edits_staff_of_own_unit_but_not_of_another)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	/* An account for the head, linked to her staff record. */
	laurel_as(&o, e.srv.sock, H_ADMIN,
	          H_ADMIN_PASSWORD "\n" TEMP_PASSWORD "\n",
	          ARGS("user", "add", "truongkhoa", "--full-name",
	               "Nguyễn Thị Hà"));
	EXPECT(&o, 0);
	h_output_free(&o);
	laurel_as(&o, e.srv.sock, "truongkhoa",
	          TEMP_PASSWORD "\n" HEAD_PASSWORD "\n", ARGS("passwd"));
	EXPECT(&o, 0);
	h_output_free(&o);
	ADMIN_OK(&e, "user", "grant", "truongkhoa", "head", "--unit",
	         "KHAMBENH");
	ADMIN_OK(&e, "staff", "edit", "NV001", "--login", "truongkhoa");
	laurel_as(&o, e.srv.sock, "truongkhoa", HEAD_PASSWORD "\n",
	          ARGS("whoami"));
	EXPECT(&o, 0);
	HAS(o.out, "head:KHAMBENH");
	HAS(o.out, "NV001");
	h_output_free(&o);

	/* DUOC is not hers. */
	laurel_as(&o, e.srv.sock, "truongkhoa", HEAD_PASSWORD "\n",
	          ARGS("staff", "edit", "NV003", "--position", "Dược sĩ"));
	EXPECT(&o, 1);
	HAS(o.err, "laurel: staff edit: ");
	HAS(o.err, "your own unit");
	h_output_free(&o);
	/* Nor may she move her own staff there. */
	laurel_as(&o, e.srv.sock, "truongkhoa", HEAD_PASSWORD "\n",
	          ARGS("staff", "edit", "NV002", "--unit", "DUOC"));
	EXPECT(&o, 1);
	HAS(o.err, "unit: you may add or move staff only within the units you "
	           "head");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV003");
	HAS(o.out, "position    \n");
	h_output_free(&o);

	/* PK1 lies within KHAMBENH. */
	laurel_as(&o, e.srv.sock, "truongkhoa", HEAD_PASSWORD "\n",
	          ARGS("staff", "edit", "NV002", "--position",
	               "Bác sĩ điều trị"));
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "staff NV002 changed\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV002");
	HAS(o.out, "position    Bác sĩ điều trị\n");
	HAS(o.out, "unit        PK1\n");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* ---- output formats ------------------------------------------------- */

START_TEST(test_csv_output_is_rfc4180)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN(&o, &e, "staff", "list", "--format", "csv");
	EXPECT(&o, 0);
	/* Every line ends in CRLF; no bare LF or CR. */
	for (const char *p = o.out; *p; p++) {
		if (*p == '\n')
			ck_assert_msg(p > o.out && p[-1] == '\r',
			              "bare LF in:\n%s", o.out);
		if (*p == '\r')
			ck_assert_msg(p[1] == '\n', "bare CR in:\n%s", o.out);
	}
	/* Fields with a comma are quoted, quotes inside doubled (rows in
	 * name order: An, Đức, Hà). */
	ck_assert_str_eq(o.out, LIST_HEADER "NV003,Lê Văn "
	                                    "An,nam,20/07/1979,DUOC,,,,15/04/"
	                                    "2005,\r\n"
	                                    "NV002,Trần Minh "
	                                    "Đức,nam,05/11/1985,PK1,"
	                                    "\"Bác sĩ, trưởng "
	                                    "\"\"nhóm\"\"\",,,01/09/2010,\r\n"
	                                    "NV001,Nguyễn Thị "
	                                    "Hà,nữ,12/03/1990,KHAMBENH,,,,"
	                                    "01/01/2015,\r\n");
	ck_assert_str_eq(o.err, "");
	h_output_free(&o);
	/* A record: a header line and a value line. */
	ADMIN(&o, &e, "unit", "show", "PK1", "--format", "csv");
	EXPECT(&o, 0);
	ck_assert_uint_eq(crlf_lines(o.out), 2);
	ck_assert(strncmp(o.out,
	                  "code,name,kind,parent,staff,state,created\r\n"
	                  "PK1,Phòng khám 1,Phòng,KHAMBENH,1,open,",
	                  strlen("code,name,kind,parent,staff,state,created\r\n"
	                         "PK1,Phòng khám 1,Phòng,KHAMBENH,1,open,")) ==
	          0);
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* A strict check of one JSON value at *p (objects, arrays, strings,
 * numbers, literals); advances *p.  1 when well-formed. */
static int json_value(const char **p);

static void json_ws(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

static int json_string(const char **p)
{
	if (**p != '"')
		return 0;
	for ((*p)++; **p != '"'; (*p)++) {
		unsigned char c = (unsigned char)**p;
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			(*p)++;
			if (**p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF",
					            (*p)[i]) ||
					    !(*p)[i])
						return 0;
				*p += 4;
			} else if (!**p || !strchr("\"\\/bfnrt", **p)) {
				return 0;
			}
		}
	}
	(*p)++;
	return 1;
}

static int json_value(const char **p)
{
	json_ws(p);
	if (**p == '"')
		return json_string(p);
	if (**p == '{' || **p == '[') {
		char close = **p == '{' ? '}' : ']';
		int obj = **p == '{';
		(*p)++;
		json_ws(p);
		if (**p == close) {
			(*p)++;
			return 1;
		}
		for (;;) {
			if (obj) {
				json_ws(p);
				if (!json_string(p))
					return 0;
				json_ws(p);
				if (*(*p)++ != ':')
					return 0;
			}
			if (!json_value(p))
				return 0;
			json_ws(p);
			if (**p == ',') {
				(*p)++;
				continue;
			}
			if (**p != close)
				return 0;
			(*p)++;
			return 1;
		}
	}
	if (!strncmp(*p, "true", 4) || !strncmp(*p, "null", 4)) {
		*p += 4;
		return 1;
	}
	if (!strncmp(*p, "false", 5)) {
		*p += 5;
		return 1;
	}
	if (**p == '-' || (**p >= '0' && **p <= '9')) {
		char *end;
		strtod(*p, &end);
		*p = end;
		return 1;
	}
	return 0;
}

/* Asserts that s is one JSON object per line, and returns the number of
 * lines.  python3, when the machine has it, parses them too. */
static size_t assert_json_lines(const char *s)
{
	struct h_output py;
	size_t n = 0;

	for (const char *p = s; *p; n++) {
		const char *q = p;
		ck_assert_msg(*p == '{', "line %zu is not an object:\n%s",
		              n + 1, s);
		ck_assert_msg(json_value(&q) && *q == '\n',
		              "line %zu is not one JSON object:\n%s", n + 1, s);
		p = q + 1;
	}
	if (h_run((const char *const[]){"python3", "-c",
	                                "import json,sys\n"
	                                "n=0\n"
	                                "for l in sys.stdin:\n"
	                                "  assert "
	                                "isinstance(json.loads(l),dict)\n"
	                                "  n+=1\n"
	                                "print(n)\n",
	                                NULL},
	          s, &py) != 127) {
		char want[32];
		snprintf(want, sizeof want, "%zu\n", n);
		ck_assert_msg(py.status == 0 && !strcmp(py.out, want),
		              "python3 json: %d %s%s", py.status, py.out,
		              py.err);
	}
	h_output_free(&py);
	return n;
}

START_TEST(test_json_output_is_one_parsable_object_per_line)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_roster(&e);
	ADMIN_OK(&e, "unit", "add", "BIDI", "--name", "Khoa " BIDI_RAW "x",
	         "--kind", "office");
	ADMIN(&o, &e, "staff", "list", "--format", "json");
	EXPECT(&o, 0);
	ck_assert_uint_eq(assert_json_lines(o.out), 3);
	HAS(o.out, "{\"code\":\"NV002\",\"full-name\":\"Trần Minh Đức\",");
	HAS(o.out, "\"position\":\"Bác sĩ, trưởng \\\"nhóm\\\"\"");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "list", "--format", "json");
	EXPECT(&o, 0);
	ck_assert_uint_eq(assert_json_lines(o.out), 5);
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV001", "--format", "json");
	EXPECT(&o, 0);
	ck_assert_uint_eq(assert_json_lines(o.out), 1);
	HAS(o.out, "\"unit-name\":\"Khoa Khám bệnh\"");
	h_output_free(&o);
	ADMIN(&o, &e, "unit", "rename", "PK1", "--name", "Phòng khám số 1",
	      "--format", "json");
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "{\"message\":\"unit PK1 renamed\"}\n");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* ---- text from users never drives the terminal ------------------------ */

START_TEST(test_escape_sequence_in_an_imported_name_is_refused_by_line)
{
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	write_text(&e, "esc.csv",
	           IMPORT_HEADER "NV010,Lê Văn "
	                         "Bình,nam,01/01/1980,DUOC,01/01/2005\n"
	                         "NV011,Lê\x1b[31mAn,nam,01/01/1980,DUOC,01/01/"
	                         "2005\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 1);
	HAS_PROBLEM(o.err, 3, "Họ và tên", "control character");
	HAS(o.err, "nothing was imported");
	ck_assert_ptr_null(strchr(o.out, 0x1b));
	ck_assert_ptr_null(strchr(o.err, 0x1b));
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 0);
	/* A typed parameter is refused before it is sent. */
	ADMIN(&o, &e, "unit", "add", "ESC", "--name", "Khoa\x1b[2J", "--kind",
	      "office");
	EXPECT(&o, 1);
	HAS(o.err, "name: contains a control character");
	ck_assert_ptr_null(strchr(o.err, 0x1b));
	h_output_free(&o);
	/* An escape sequence in a header cell is shown, not obeyed. */
	write_text(&e, "esc-header.csv",
	           "Mã nhân viên,Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,"
	           "Ngày vào làm,X\x1b]0;owned\x07\n"
	           "NV010,Lê Văn Bình,nam,01/01/1980,DUOC,01/01/2005,\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 1);
	HAS_PROBLEM(o.err, 1, "", "unknown column 'X\\x1b]0;owned\\x07'");
	ck_assert_ptr_null(strchr(o.err, 0x1b));
	ck_assert_ptr_null(strchr(o.err, 0x07));
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_bidi_override_in_names_prints_visibly_escaped_in_text)
{
	struct h_env e;
	struct h_output o;

	env_up(&e);
	add_units(&e);
	ADMIN_OK(&e, "unit", "add", "BIDI", "--name", "Khoa " BIDI_RAW "cba",
	         "--kind", "office", "--parent", "BV");
	ADMIN_OK(&e, "staff", "add", "NV020", "--full-name",
	         "Lê " BIDI_RAW "nA", "--sex", "nam", "--birth-date",
	         "01/01/1980", "--unit", "BIDI", "--start-date", "01/01/2005");
	{
		const char *const cmds[][4] = {
			{"unit", "list", NULL},
			{"unit", "show", "BIDI", NULL},
			{"staff", "list", NULL},
			{"staff", "show", "NV020", NULL},
		};
		for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
			laurel_as(&o, e.srv.sock, H_ADMIN,
			          H_ADMIN_PASSWORD "\n", cmds[i]);
			EXPECT(&o, 0);
			HAS(o.out, BIDI_SHOWN);
			HAS_NOT(o.out, BIDI_RAW);
			ck_assert_ptr_null(strchr(o.out, 0x1b));
			h_output_free(&o);
		}
	}
	/* A refusal that quotes the stored name escapes it too. */
	ADMIN(&o, &e, "staff", "add", "NV020", "--full-name", "Lê An", "--sex",
	      "nam", "--birth-date", "01/01/1980", "--unit", "BIDI",
	      "--start-date", "01/01/2005");
	EXPECT(&o, 1);
	HAS(o.err, "already exists (Lê " BIDI_SHOWN "nA)");
	HAS_NOT(o.err, BIDI_RAW);
	h_output_free(&o);
	/* Search finds it by its letters (bidi controls are ignored). */
	ADMIN(&o, &e, "staff", "list", "--search", "le na", "--format", "csv");
	EXPECT(&o, 0);
	HAS(o.out, "NV020,");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* ---- CSV import ----------------------------------------------------- */

START_TEST(test_clean_file_imports_every_row)
{
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	write_text(&e, "clean.csv",
	           "Mã nhân viên,Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,"
	           "Chức vụ,Chức danh,Loại,Ngày vào làm\n"
	           "NV101,Nguyễn Văn Nam,nam,02/03/1975,KHAMBENH,Trưởng khoa,"
	           "\"Bác sĩ, CKII\",viên chức,01/06/2001\n"
	           "NV102,Hoàng Thị Lan,nữ,1988-12-24,PK1,,Điều dưỡng,hợp đồng,"
	           "15/08/2012\n"
	           "\n" /* spreadsheets leave empty lines */
	           "NV103,Đỗ Minh Khoa,nam,09/09/1990,DUOC,,Dược sĩ,,"
	           "01/02/2016\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "3 staff imported\n");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 3);
	ADMIN(&o, &e, "staff", "show", "NV101", "--format", "csv");
	HAS(o.out, "\r\nNV101,Nguyễn Văn Nam,nam,02/03/1975,KHAMBENH,"
	           "Khoa Khám bệnh,Trưởng khoa,\"Bác sĩ, CKII\",viên chức,"
	           "01/06/2001,\r\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV102");
	HAS(o.out, "birth-date  24/12/1988\n");
	HAS(o.out, "category    hợp đồng\n");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

/* One kind of bad row: the file, and the problem laurel must report. */
static const struct bad_file {
	const char *what;
	const char *csv;
	unsigned line;
	const char *column;
	const char *reason;
} bad_files[] = {
	{"a date that does not exist",
         IMPORT_HEADER "NV101,Lê Văn An,nam,01/02/1990,DUOC,01/01/2015\n"
                       "NV102,Lê Văn Bình,nam,31/02/1990,DUOC,01/01/2015\n",
         3, "Ngày sinh", "date"},
	{"an unknown unit",
         IMPORT_HEADER "NV101,Lê Văn An,nam,01/02/1990,NOPE,01/01/2015\n", 2,
         "Mã đơn vị", "no unit has the code 'NOPE'"},
	{"a code twice in the file",
         IMPORT_HEADER "NV101,Lê Văn An,nam,01/02/1990,DUOC,01/01/2015\n"
                       "NV102,Lê Văn Bình,nam,01/02/1990,DUOC,01/01/2015\n"
                       "NV101,Lê Văn Cường,nam,01/02/1990,DUOC,01/01/2015\n",
         4, "Mã nhân viên", "duplicate code: also on line 2"},
	{"a code already in the store",
         IMPORT_HEADER "NV001,Lê Văn An,nam,01/02/1990,DUOC,01/01/2015\n", 2,
         "Mã nhân viên", "staff code NV001 already exists (Nguyễn Thị Hà)"},
	{"a required column missing",
         "Mã nhân viên,Họ và tên,Giới tính,Mã đơn vị,Ngày vào làm\n"
         "NV101,Lê Văn An,nam,DUOC,01/01/2015\n",
         1, "", "the required column 'Ngày sinh' is missing"},
	{"a row with too few cells",
         IMPORT_HEADER "NV101,Lê Văn An,nam,01/02/1990,DUOC,01/01/2015\n"
                       "NV102,Lê Văn Bình,nam,01/02/1990,DUOC\n",
         3, "", "has 5 cells but the header has 6"},
	{"a row with too many cells",
         IMPORT_HEADER "NV101,Lê Văn An,nam,01/02/1990,DUOC,01/01/2015,x\n", 2,
         "", "has 7 cells but the header has 6"},
	{"invalid UTF-8 bytes in a cell",
         IMPORT_HEADER "NV101,L\xff\xfe "
                       "V\xc3n,nam,01/02/1990,DUOC,01/01/2015\n",
         2, "Họ và tên", "is not valid UTF-8"},
	{"a sex not in the list",
         IMPORT_HEADER "NV101,Lê Văn An,khác,01/02/1990,DUOC,01/01/2015\n", 2,
         "Giới tính", "must be one of"},
	{"a start before the age of 15",
         IMPORT_HEADER "NV101,Lê Văn An,nam,01/02/2005,DUOC,01/01/2015\n", 2,
         "Ngày sinh", "before the age of 15"},
};

START_TEST(test_each_kind_of_bad_row_is_reported_with_line_column_reason)
{
	const struct bad_file *b = &bad_files[_i];
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_roster(&e);
	write_text(&e, "bad.csv", b->csv, path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	ck_assert_msg(o.status == 1, "%s: exit %d\n%s%s", b->what, o.status,
	              o.out, o.err);
	HAS(o.err, "laurel: staff import: 1 problem found; nothing was "
	           "imported\n");
	HAS(o.err, "line  column");
	ck_assert_msg(has_problem(o.err, b->line, b->column, b->reason),
	              "%s: no problem on line %u (%s: %s) in:\n%s", b->what,
	              b->line, b->column, b->reason, o.err);
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 3);
	env_down(&e);
}
END_TEST

START_TEST(test_half_bad_file_imports_nothing)
{
	struct h_env e;
	struct h_output o;
	char csv[8192], path[H_PATH_MAX];
	size_t off, before;

	env_up(&e);
	add_roster(&e);
	before = staff_count(&e);
	off = (size_t)snprintf(csv, sizeof csv, IMPORT_HEADER);
	for (int i = 0; i < 20; i++)
		off += (size_t)snprintf(csv + off, sizeof csv - off,
		                        "NV%03d,Lê Văn Số %d,nam,01/02/1990,%s,"
		                        "01/01/2015\n",
		                        100 + i, i, i < 10 ? "DUOC" : "NOPE");
	write_text(&e, "half.csv", csv, path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 1);
	HAS(o.err, "10 problems found; nothing was imported");
	for (unsigned l = 12; l <= 21; l++)
		HAS_PROBLEM(o.err, l, "Mã đơn vị",
		            "no unit has the code 'NOPE'");
	ck_assert(!has_problem(o.err, 11, "", ""));
	ck_assert_str_eq(o.out, "");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), before);
	ADMIN(&o, &e, "staff", "show", "NV100");
	EXPECT(&o, 1);
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_dry_run_of_a_valid_file_says_so_and_imports_nothing)
{
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	write_text(&e, "ok.csv",
	           IMPORT_HEADER "NV101,Lê Văn "
	                         "An,nam,01/02/1990,DUOC,01/01/2015\n"
	                         "NV102,Lê Thị "
	                         "Bình,nữ,01/02/1991,PK1,01/01/2016\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", "--dry-run", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "the file is valid: nothing was imported (dry "
	                        "run)\n");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 0);
	/* And the real import then takes it. */
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "2 staff imported\n");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 2);
	env_down(&e);
}
END_TEST

START_TEST(test_dry_run_of_a_bad_file_reports_problems_and_imports_nothing)
{
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	write_text(&e, "bad.csv",
	           IMPORT_HEADER "NV101,Lê Văn "
	                         "An,nam,01/02/1990,DUOC,01/01/2015\n"
	                         "NV102,Lê Thị "
	                         "Bình,nữ,30/02/1991,PK1,01/01/2016\n"
	                         "NV103,Lê Thị "
	                         "Cúc,nữ,01/02/1991,XYZ,01/01/2016\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path, "--dry-run");
	EXPECT(&o, 1);
	HAS(o.err, "2 problems found; fix them and try again");
	HAS_PROBLEM(o.err, 3, "Ngày sinh", "date");
	HAS_PROBLEM(o.err, 4, "Mã đơn vị", "no unit has the code 'XYZ'");
	HAS_NOT(o.out, "valid");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 0);
	/* --dry-run belongs to imports only. */
	ADMIN(&o, &e, "unit", "list", "--dry-run");
	EXPECT(&o, 2);
	HAS(o.err, "--dry-run applies only to imports");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_semicolon_separated_file_imports)
{
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	/* As a spreadsheet with a Vietnamese locale saves it: semicolons,
	 * commas inside cells, headers typed without tones. */
	write_text(&e, "semi.csv",
	           "Ma NV;Ho ten;Gioi tinh;Ngay sinh;Don vi;Chuc vu;"
	           "Ngay vao lam\r\n"
	           "NV201;Vũ Thị Mai;nữ;14/02/1987;KHAMBENH;"
	           "Điều dưỡng, hộ lý;03/03/2010\r\n"
	           "NV202;\"Phan Văn; Tài\";nam;07/07/1983;DUOC;;"
	           "04/04/2008\r\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "2 staff imported\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "list", "--format", "csv");
	HAS(o.out, "\r\nNV201,Vũ Thị Mai,nữ,14/02/1987,KHAMBENH,"
	           "\"Điều dưỡng, hộ lý\",,,03/03/2010,\r\n");
	HAS(o.out, "\r\nNV202,\"Phan Văn; Tài\",nam,");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

START_TEST(test_bom_prefixed_file_imports)
{
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	/* As Excel's "CSV UTF-8" writes: a byte order mark, CRLF, English
	 * headers in another order. */
	write_text(&e, "bom.csv",
	           "\xEF\xBB\xBF"
	           "Staff code,Full name,Unit,Sex,Birth date,Start date\r\n"
	           "NV301,Trịnh Công Sơn,PK1,nam,28/02/1979,01/07/2004\r\n"
	           "NV302,Kiều Thị Oanh,DUOC,nữ,1990-10-10,2015-05-05\r\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "2 staff imported\n");
	h_output_free(&o);
	ADMIN(&o, &e, "staff", "show", "NV301", "--format", "csv");
	HAS(o.out, "\r\nNV301,Trịnh Công Sơn,nam,28/02/1979,PK1,");
	h_output_free(&o);
	/* A BOM with semicolons too. */
	write_text(&e, "bom-semi.csv",
	           "\xEF\xBB\xBF"
	           "Mã nhân viên;Họ và tên;Giới tính;Ngày sinh;Mã đơn vị;"
	           "Ngày vào làm\r\n"
	           "NV303;Lò Văn Páo;nam;01/01/1985;DUOC;01/01/2010\r\n",
	           path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "1 staff imported\n");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), 3);
	env_down(&e);
}
END_TEST

/* ---- large files ---------------------------------------------------- */

#define BIG_ROWS 5000

/* A BIG_ROWS-row import file in DIR/big.csv (path into path). */
static void write_big_file(const struct h_env *e, char *path, size_t n)
{
	static const char *const ho[] = {"Nguyễn", "Trần",  "Lê",   "Phạm",
	                                 "Hoàng",  "Huỳnh", "Phan", "Vũ",
	                                 "Võ",     "Đặng",  "Bùi",  "Đỗ"};
	static const char *const dem[] = {"Văn",  "Thị",  "Minh", "Thu",
	                                  "Quốc", "Ngọc", "Thanh"};
	static const char *const ten[] = {"An",    "Ánh",  "Bảo", "Bắc", "Dũng",
	                                  "Đức",   "Hà",   "Hạ",  "Hòa", "Hồng",
	                                  "Khánh", "Lan",  "Mai", "Nam", "Oanh",
	                                  "Phúc",  "Quân", "Sơn", "Tư",  "Yến"};
	static const char *const units[] = {"KHAMBENH", "PK1", "DUOC", "BV"};
	size_t cap = (size_t)BIG_ROWS * 160 + 256, off;
	char *csv = malloc(cap);

	ck_assert_ptr_nonnull(csv);
	off = (size_t)snprintf(csv, cap,
	                       "Mã nhân viên,Họ và tên,Giới tính,Ngày sinh,"
	                       "Mã đơn vị,Chức vụ,Chức danh,Loại,Ngày vào "
	                       "làm\n");
	for (int i = 0; i < BIG_ROWS; i++)
		off += (size_t)snprintf(csv + off, cap - off,
		                        "BIG%05d,%s %s "
		                        "%s,%s,%02d/%02d/%d,%s,%s,%s,%s,%02d/"
		                        "%02d/%d\n",
		                        i, ho[i % 12], dem[(i / 12) % 7],
		                        ten[(i / 84) % 20],
		                        i % 2 ? "nam" : "nữ", 1 + i % 28,
		                        1 + i % 12, 1960 + i % 35, units[i % 4],
		                        i % 7 == 0 ? "Trưởng nhóm" : "",
		                        i % 3 ? "\"Bác sĩ, CKI\""
		                              : "Điều dưỡng",
		                        i % 5 ? "viên chức" : "hợp đồng",
		                        1 + i % 28, 1 + i % 12, 2012 + i % 14);
	ck_assert_uint_lt(off, cap);
	write_file(e, "big.csv", csv, off, path, n);
	free(csv);
}

START_TEST(test_large_file_imports_and_its_export_reimports_identically)
{
	struct h_env e, fresh;
	struct h_output o, list1, list2;
	char path[H_PATH_MAX], back[H_PATH_MAX];

	env_up(&e);
	add_units(&e);
	write_big_file(&e, path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "5000 staff imported\n");
	h_output_free(&o);
	ADMIN(&list1, &e, "staff", "list", "--format", "csv");
	EXPECT(&list1, 0);
	ck_assert_uint_eq(crlf_lines(list1.out), BIG_ROWS + 1);

	/* Export writes the import format: its headers, CSV, every row. */
	ADMIN(&o, &e, "staff", "export");
	EXPECT(&o, 0);
	ck_assert(strncmp(o.out, EXPORT_HEADER, strlen(EXPORT_HEADER)) == 0);
	ck_assert_uint_eq(crlf_lines(o.out), BIG_ROWS + 1);
	HAS(o.out, "\"Bác sĩ, CKI\"");
	write_text(&e, "export.csv", o.out, back, sizeof back);
	h_output_free(&o);

	/* Into a fresh store with the same units. */
	env_up(&fresh);
	add_units(&fresh);
	ADMIN(&o, &fresh, "staff", "import", back);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "5000 staff imported\n");
	h_output_free(&o);
	ADMIN(&list2, &fresh, "staff", "list", "--format", "csv");
	EXPECT(&list2, 0);
	ck_assert_msg(strcmp(list1.out, list2.out) == 0, "the re-imported "
	                                                 "store lists "
	                                                 "differently");
	h_output_free(&list1);
	h_output_free(&list2);
	env_down(&fresh);
	env_down(&e);
}
END_TEST

/* The map size recorded in the store in dir (read-only open). */
static size_t map_size_of(const char *dir)
{
	store *s = NULL;
	size_t n;

	ck_assert_int_eq(store_open(dir, STORE_READONLY, &s), 0);
	n = store_map_size(s);
	store_close(s);
	return n;
}

START_TEST(test_store_map_grows_during_a_large_import_and_still_verifies)
{
	static const char *const small_map[] = {"LAUREL_MAP_SIZE=1048576",
	                                        NULL};
	struct h_env e;
	struct h_output o;
	char path[H_PATH_MAX];

	/* h_env_setup, with a 1 MiB map for the store's init and server. */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(h_tmpdir(e.dir, sizeof e.dir), 0);
	ck_assert_int_lt(snprintf(e.store, sizeof e.store, "%s/store", e.dir),
	                 (int)sizeof e.store);
	ck_assert_int_lt(snprintf(e.clock, sizeof e.clock, "%s/clock", e.dir),
	                 (int)sizeof e.clock);
	e.now = h_time(H_CLOCK_START);
	ck_assert_int_eq(h_clock_write(e.clock, e.now), 0);
	h_extra_env = small_map;
	ck_assert_int_eq(h_store_init(e.store, H_ADMIN, H_ADMIN_NAME,
	                              H_ADMIN_PASSWORD),
	                 0);
	h_extra_env = NULL;
	ck_assert_uint_eq(map_size_of(e.store), 1048576);
	h_extra_env = small_map;
	ck_assert_int_eq(h_server_start(&e.srv, e.store, NULL, e.clock), 0);
	h_extra_env = NULL;

	add_units(&e);
	write_big_file(&e, path, sizeof path);
	ADMIN(&o, &e, "staff", "import", path);
	EXPECT(&o, 0);
	ck_assert_str_eq(o.out, "5000 staff imported\n");
	h_output_free(&o);
	ck_assert_uint_eq(staff_count(&e), BIG_ROWS);
	ck_assert_int_eq(h_server_stop(&e.srv), 0);
	ck_assert_uint_gt(map_size_of(e.store), 1048576);

	h_laureld(&o, NULL, "verify", "--store", e.store, (const char *)NULL);
	EXPECT(&o, 0);
	HAS(o.out, "verify: PASSED");
	h_output_free(&o);
	/* The replay's scratch store, started as small, has room too. */
	h_extra_env = small_map;
	h_laureld(&o, NULL, "verify", "--store", e.store, (const char *)NULL);
	h_extra_env = NULL;
	EXPECT(&o, 0);
	HAS(o.out, "verify: PASSED");
	h_output_free(&o);
	env_down(&e);
}
END_TEST

Suite *suite_cli(void)
{
	Suite *s = suite_create("cli");
	TCase *tc;

	tc = tcase_create("exit-codes");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc,
	               test_successful_command_exits_0_and_says_what_it_did);
	tcase_add_test(
		tc,
		test_kind_not_in_the_list_exits_1_naming_the_field_and_choices);
	tcase_add_test(tc,
	               test_impossible_birth_date_exits_1_naming_birth_date);
	tcase_add_test(tc, test_refusal_by_the_server_exits_1_with_its_reason);
	tcase_add_test(tc, test_messages_are_in_the_readers_language);
	tcase_add_test(tc, test_unknown_command_exits_2);
	tcase_add_test(tc, test_unknown_option_exits_2);
	tcase_add_test(tc, test_missing_required_option_exits_2);
	tcase_add_test(tc, test_format_xml_exits_2);
	tcase_add_test(tc, test_wrong_password_exits_3);
	tcase_add_test(tc, test_unreachable_server_exits_4);
	suite_add_tcase(s, tc);

	tc = tcase_create("help");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_help_lists_every_visible_command);
	tcase_add_test(tc, test_noun_help_lists_its_verbs);
	tcase_add_test(tc,
	               test_command_help_shows_parameters_and_who_may_run_it);
	tcase_add_test(
		tc,
		test_roles_matrix_gives_every_visible_action_a_scope_per_role);
	suite_add_tcase(s, tc);

	tc = tcase_create("units");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(
		tc,
		test_unit_list_is_a_tree_with_children_indented_under_parent);
	tcase_add_test(tc, test_unit_show_prints_its_record);
	tcase_add_test(tc, test_unit_rename_changes_the_name_shown);
	tcase_add_test(tc, test_unit_move_puts_it_under_the_new_parent);
	tcase_add_test(tc, test_unit_cannot_move_under_its_own_descendant);
	tcase_add_test(tc, test_unit_with_staff_cannot_be_closed);
	suite_add_tcase(s, tc);

	tc = tcase_create("staff");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_staff_add_then_show_prints_the_record);
	tcase_add_test(tc, test_staff_edit_changes_only_the_given_fields);
	tcase_add_test(tc, test_staff_list_by_unit_includes_its_sub_units);
	tcase_add_test(tc, test_staff_search_ignores_tones_and_case);
	tcase_add_test(tc, test_staff_list_is_in_vietnamese_order_by_ten);
	tcase_add_test(tc,
	               test_head_edits_staff_of_own_unit_but_not_of_another);
	suite_add_tcase(s, tc);

	tc = tcase_create("output");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_csv_output_is_rfc4180);
	tcase_add_test(tc, test_json_output_is_one_parsable_object_per_line);
	tcase_add_test(
		tc,
		test_escape_sequence_in_an_imported_name_is_refused_by_line);
	tcase_add_test(
		tc, test_bidi_override_in_names_prints_visibly_escaped_in_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("import");
	tcase_add_unchecked_fixture(tc, h_fixture_setup, h_fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_clean_file_imports_every_row);
	tcase_add_loop_test(
		tc,
		test_each_kind_of_bad_row_is_reported_with_line_column_reason,
		0, (int)(sizeof bad_files / sizeof bad_files[0]));
	tcase_add_test(tc, test_half_bad_file_imports_nothing);
	tcase_add_test(tc,
	               test_dry_run_of_a_valid_file_says_so_and_imports_nothing);
	tcase_add_test(
		tc,
		test_dry_run_of_a_bad_file_reports_problems_and_imports_nothing);
	tcase_add_test(tc, test_semicolon_separated_file_imports);
	tcase_add_test(tc, test_bom_prefixed_file_imports);
	tcase_add_test(
		tc,
		test_large_file_imports_and_its_export_reimports_identically);
	tcase_add_test(
		tc,
		test_store_map_grows_during_a_large_import_and_still_verifies);
	suite_add_tcase(s, tc);
	return s;
}
