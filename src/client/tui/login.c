/*
 * login.c — the login screen: hospital name, user name and password (not
 * echoed), the one generic failure message, the wait during a back-off,
 * and the forced new password after an account is created or reset.
 */
#include <form.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "laurel/err.h"
#include "laurel/text.h"
#include "laurel/tui.h"
#include "laurel/tui_int.h"

#define CTRL_S 19

int form_forced_passwd(struct tui *t);
int tui_load_session(struct tui *t);

static char *trimmed(FIELD *f)
{
	const char *b = field_buffer(f, 0);
	size_t n = b ? strlen(b) : 0;
	char *s;

	while (n > 0 && b[n - 1] == ' ')
		n--;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, b ? b : "", n);
	s[n] = '\0';
	return s;
}

static void draw_login(struct tui *t, FORM *form, int top, int left,
                       const char *msg, int is_error)
{
	char line[512];

	/* Not erase(): the fields' window shares stdscr's cells, and
	 * post_form() does not draw an already posted form again, so the user
	 * name vanished from its field at the first redraw (after a failed
	 * login).  Clear every line but the two the fields are on. */
	for (int y = 0; y < LINES; y++) {
		if (y == top + 3 || y == top + 5)
			continue;
		move(y, 0);
		clrtoeol();
	}
	attron(tui_attr(t, TA_TITLE));
	mvhline(0, 0, ' ', COLS);
	snprintf(line, sizeof line, " laurel · %s", t->hospital);
	tui_put(stdscr, 0, 0, line, COLS);
	attroff(tui_attr(t, TA_TITLE));
	attron(A_BOLD);
	tui_put(stdscr, top, left, t->hospital, COLS - left - 1);
	attroff(A_BOLD);
	tui_put(stdscr, top + 1, left, _("Emulation and commendation"), COLS - left - 1);
	tui_put(stdscr, top + 3, left, _("User name"), 16);
	tui_put(stdscr, top + 5, left, _("Password"), 16);
	tui_put(stdscr, top + 8, left,
	        _("Enter: log in   Tab: next field   Esc: quit"), COLS - left - 1);
	if (msg && *msg) {
		if (is_error)
			attron(tui_attr(t, TA_ERROR));
		tui_put(stdscr, top + 10, left, msg, COLS - left - 1);
		if (is_error)
			attroff(tui_attr(t, TA_ERROR));
	}
	post_form(form);
	pos_form_cursor(form);
	refresh();
}

int screen_login(struct tui *t)
{
	FIELD *fields[3];
	FORM *form;
	WINDOW *sub;
	char msg[256] = "";
	int is_error = 0, rc = -1, top, left;
	const char *user = t->opts->user;

	top = LINES > 16 ? (LINES - 12) / 2 : 1;
	left = COLS > 60 ? (COLS - 50) / 2 : 2;
	fields[0] = new_field(1, 30, 0, 0, 0, 0);
	fields[1] = new_field(1, 30, 2, 0, 0, 0);
	fields[2] = NULL;
	for (int i = 0; i < 2; i++) {
		set_field_back(fields[i], (chtype)tui_attr(t, TA_FIELD));
		field_opts_off(fields[i], O_AUTOSKIP | O_STATIC);
	}
	set_max_field(fields[0], LRL_LOGIN_MAX);
	set_max_field(fields[1], LRL_PASSWORD_MAX);
	field_opts_off(fields[1], O_PUBLIC);
	if (user)
		set_field_buffer(fields[0], 0, user);
	form = new_form(fields);
	sub = derwin(stdscr, 3, 30, top + 3, left + 17);
	set_form_win(form, stdscr);
	set_form_sub(form, sub);
	curs_set(1);
	if (user && *user)
		set_current_field(form, fields[1]);
	for (;;) {
		int is_key, ch;
		draw_login(t, form, top, left, msg, is_error);
		ch = tui_getkey(t, &is_key);
		if (t->quit)
			break;
		if (is_key && ch == KEY_RESIZE)
			continue;
		if (!is_key && ch == 27)
			break;
		if ((is_key && (ch == KEY_UP || ch == KEY_BTAB)) ||
		    (!is_key && ch == '\t' && field_index(current_field(form)) == 1)) {
			form_driver_w(form, KEY_CODE_YES, REQ_PREV_FIELD);
			continue;
		}
		if ((is_key && ch == KEY_DOWN) || (!is_key && ch == '\t')) {
			form_driver_w(form, KEY_CODE_YES, REQ_NEXT_FIELD);
			continue;
		}
		if ((is_key && ch == KEY_BACKSPACE) || (!is_key && (ch == 127 || ch == 8))) {
			form_driver_w(form, KEY_CODE_YES, REQ_DEL_PREV);
			continue;
		}
		if (is_key && ch == KEY_LEFT) {
			form_driver_w(form, KEY_CODE_YES, REQ_PREV_CHAR);
			continue;
		}
		if (is_key && ch == KEY_RIGHT) {
			form_driver_w(form, KEY_CODE_YES, REQ_NEXT_CHAR);
			continue;
		}
		if ((is_key && (ch == KEY_ENTER || ch == KEY_F(10))) ||
		    (!is_key && (ch == '\r' || ch == '\n' || ch == CTRL_S))) {
			char *name, *pw;
			int64_t retry = 0;
			struct lrl_session sess;
			form_driver_w(form, KEY_CODE_YES, REQ_VALIDATION);
			if (field_index(current_field(form)) == 0 &&
			    !(is_key && ch == KEY_F(10))) {
				form_driver_w(form, KEY_CODE_YES, REQ_NEXT_FIELD);
				continue;
			}
			name = trimmed(fields[0]);
			pw = trimmed(fields[1]);
			set_field_buffer(fields[1], 0, "");
			if (!name || !pw || !*name || !*pw) {
				snprintf(msg, sizeof msg, "%s",
				         _("Type your user name and password."));
				is_error = 1;
				free(name);
				free(pw);
				continue;
			}
			snprintf(msg, sizeof msg, "%s", _("Logging in…"));
			is_error = 0;
			draw_login(t, form, top, left, msg, is_error);
			rc = lrl_login(t->conn, name, pw, &sess, &retry);
			memset(pw, 0, strlen(pw));
			free(pw);
			free(name);
			if (rc == 0) {
				snprintf(t->login, sizeof t->login, "%s", sess.login);
				if (sess.must_change) {
					unpost_form(form);
					erase();
					t->logged_in = 1;
					if (form_forced_passwd(t) != 0) {
						rc = -1;
						break;
					}
				}
				rc = tui_load_session(t);
				break;
			}
			is_error = 1;
			if (rc == LRL_EAUTH && retry > 0)
				snprintf(msg, sizeof msg,
				         _("Wrong user name or password. Wait %lld s before "
				           "trying again."), (long long)retry);
			else if (rc == LRL_EAUTH)
				snprintf(msg, sizeof msg, "%s",
				         _("Wrong user name or password."));
			else
				snprintf(msg, sizeof msg, _("Cannot log in: %s"),
				         lrl_strerror(rc));
			set_current_field(form, fields[1]);
			continue;
		}
		if (!is_key && ch >= 32)
			form_driver_w(form, OK, (wchar_t)ch);
	}
	unpost_form(form);
	free_form(form);
	free_field(fields[0]);
	free_field(fields[1]);
	delwin(sub);
	curs_set(0);
	erase();
	refresh();
	return rc;
}
