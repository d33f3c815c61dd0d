/*
 * laurel.c — the client program.  With a command it is the CLI; without
 * one it opens the terminal interface.  See laurel(1).
 */
#include <langinfo.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "laurel/cli.h"

int main(int argc, char **argv)
{
	struct rlimit nocore = {0, 0};

	setrlimit(RLIMIT_CORE, &nocore);
	setlocale(LC_ALL, "");
	/* Vietnamese text needs a UTF-8 locale: curses draws it, and gettext
	 * ignores LANGUAGE under the plain C locale (an SSH session without
	 * LANG).  Fall back to C.UTF-8, and put it in the environment so that
	 * later setlocale(…, "") calls (the TUI's language switch) keep it. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_ALL, "C.UTF-8") != NULL)
		setenv("LC_ALL", "C.UTF-8", 1);
	if (sodium_init() < 0) {
		fputs("laurel: libsodium failed to start\n", stderr);
		return 1;
	}
	return cli_main(argc, argv);
}
