/*
 * tui.h — laurel's terminal interface (ncursesw with form, menu, panel).
 *
 * The TUI and the CLI share the client API (client.h); only src/client/tui
 * includes curses.  Layout: a title bar (hospital, year, user, roles), a
 * section menu built from the action table (only what the user's roles
 * allow), the main pane (a list, a record or a form), a status line with
 * key hints from the keymap table, and a message line.
 */
#ifndef LAUREL_TUI_H
#define LAUREL_TUI_H

struct tui_opts {
	const char *store;   /* embedded private server, or NULL */
	const char *socket;  /* server socket, when store is NULL */
	const char *user;    /* login to offer */
	const char *config;  /* laurel.conf, or NULL for the default */
};

/* Runs the TUI until the user quits or the terminal goes away.  Returns
 * the process exit status (0, or 4 when the server is unreachable). */
int tui_main(const struct tui_opts *o);

#endif
