/*
 * tui_int.h — the contract between the TUI's driver (tui.c) and its
 * screens (login, home, list, record, form).  Only src/client/tui/
 * includes this header.
 *
 * Each screen is an ops table.  The driver offers a key to the screen on
 * top of the stack first; what the screen does not take is handled by the
 * driver (the keymap table: help, redraw, quit, focus, back).  Screens
 * never touch the socket themselves: they call the client API through
 * tui_call(), which also reports errors in the message line.
 */
#ifndef LAUREL_TUI_INT_H
#define LAUREL_TUI_INT_H

#include <curses.h>
#include <libintl.h>
#include <msgpack.h>
#include <stddef.h>

#include "laurel/action.h"
#include "laurel/client.h"
#include "laurel/config.h"

#define _(s) gettext(s)
#define N_(s) (s)

#define TUI_STACK_MAX 8
#define TUI_MENU_WIDTH 20

struct tui;
struct screen;

struct screen_ops {
	const char *name;
	/* Draws into w (the main pane; the whole screen for login). */
	void (*draw)(struct tui *t, struct screen *s, WINDOW *w);
	/* Returns 1 when the screen took the key.  is_key: ch is a KEY_*
	 * code, else a character. */
	int (*key)(struct tui *t, struct screen *s, int ch, int is_key);
	/* The data on the server changed: reload, keeping the cursor. */
	void (*reload)(struct tui *t, struct screen *s);
	void (*close)(struct screen *s);
	/* Key hints for the status line (already translated when shown). */
	const char *hints;
	/* Is there unsaved input (q then asks before quitting)? */
	int (*dirty)(struct screen *s);
	/* The screen keeps its window's content itself (forms): the driver
	 * does not erase the pane before draw. */
	int keeps_content;
};

struct screen {
	const struct screen_ops *ops;
	void *data;
	char title[160];
	/* The data changed while another screen covered this one: reload it
	 * when it is on top again. */
	int stale;
};

/* A section of the menu: a noun whose list the user may open. */
struct section {
	const char *noun;   /* NULL: the home screen */
	const char *label;  /* msgid */
	int list_action;    /* LRL_A_…_LIST, or -1 */
	/* A screen of its own instead of the generic list, or NULL. */
	struct screen *(*open)(struct tui *t);
};

struct tui {
	lrl_conn *conn;
	struct lrl_config cfg;
	char login[LRL_LOGIN_MAX + 1];
	char full_name[LRL_NAME_MAX * 4 + 1];
	char roles[512];
	char roles_shown[1024];
	char hospital[256];
	char language[8];
	int year; /* the newest open emulation year, or 0 */
	unsigned role_bits;
	int rows, cols;
	WINDOW *wtitle, *wmenu, *wmain, *wstatus, *wmsg;
	int focus_menu;
	int section;
	struct section sections[32];
	int nsections;
	struct screen *stack[TUI_STACK_MAX];
	int depth;
	char message[512];
	int message_is_error;
	int quit;
	int color;
	int logged_in;
	int need_redraw;
	const struct tui_opts *opts;
};

/* Colours (pairs); with NO_COLOR or a monochrome terminal, attributes
 * stand in. */
enum tui_attr { TA_NORMAL, TA_TITLE, TA_SELECTED, TA_HEADER, TA_ERROR,
	        TA_OK, TA_DIM, TA_FIELD, TA_BAR };
int tui_attr(struct tui *t, enum tui_attr a);

/* Screens: push (takes ownership of s) and pop. */
void tui_push(struct tui *t, struct screen *s);
void tui_pop(struct tui *t);
struct screen *tui_top(struct tui *t);

/* The data on the server changed: the screen on top reloads, those
 * under it when they are on top again. */
void tui_changed(struct tui *t);

/* The message line. */
void tui_message(struct tui *t, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Calls an action with a packed params map.  On a refusal, shows the
 * reason (and returns the reply so the caller can find the field). */
int tui_call(struct tui *t, const char *action, const void *params,
             size_t len, struct lrl_reply **out);

/* Text in a window: UTF-8 s written at (y, x), fitted to cols display
 * columns (padded, or cut with "…"); sanitised first. */
void tui_put(WINDOW *w, int y, int x, const char *s, int cols);

/* Widgets.  tui_choose: a popup menu of items (n of them); returns the
 * index chosen or -1.  tui_confirm: yes/no popup; 1 when yes. */
int tui_choose(struct tui *t, const char *title, const char *const *items,
               int n, int current);
int tui_confirm(struct tui *t, const char *question);

/* Reads one key, honouring resize; returns the code and sets *is_key. */
int tui_getkey(struct tui *t, int *is_key);

/* Redraws everything now. */
void tui_redraw(struct tui *t);

/* The label for a column or parameter name (translated).  A numbered name
 * ("change-2") gets its stem's label and the number, in a buffer that the
 * next call may overwrite. */
const char *tui_label(const char *name);

/* Is column (a list column or a record field) enumerated: is it the name
 * of an ENUM parameter of the action table, or does the labels table key
 * values of it ("column:value")?  The cells of such a column are codes
 * that read better as words; every other column (names, codes of
 * records, dates, free text) is shown as it is. */
int tui_enum_column(const char *column);
/* A roles column ("staff, head:KHAMBENH") with each role's name in the
 * user's language ("Nhân viên, Trưởng khoa/phòng (KHAMBENH)"). */
void tui_roles_display(const char *roles, char *out, size_t n);

/* How a value of an enumerated column reads (translated): the label keyed
 * "column:value", else the label keyed value, else value itself.  The
 * result is static or value. */
const char *tui_value(const char *column, const char *value);

/* Screens. */
struct screen *screen_home(struct tui *t);
struct screen *screen_list(struct tui *t, int action, const char *filter_param,
                           const char *filter_value);
struct screen *screen_record(struct tui *t, int action, const char *param,
                             const char *value);
/* A form for action; prefill: a record (map) whose keys match parameter
 * names, or NULL. */
struct screen *screen_form(struct tui *t, int action,
                           const msgpack_object *prefill);
struct screen *screen_passwd(struct tui *t, int forced);
/* The council (council.c): what waits for a member, and the rounds. */
struct screen *screen_candidates(struct tui *t);
struct screen *screen_rounds(struct tui *t);
struct rdoc;
/* The preview of a report document (taken over: the screen frees it). */
struct screen *screen_report(struct tui *t, struct rdoc *doc);
int screen_login(struct tui *t);

/* The key table (help screen and status hints). */
void tui_help(struct tui *t);

#endif
