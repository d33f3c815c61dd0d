/*
 * laurel.c — the client program.  With a command it is the CLI; without
 * one it opens the terminal interface.  See laurel(1).
 */
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <sys/resource.h>

#include "laurel/cli.h"

int main(int argc, char **argv)
{
	struct rlimit nocore = {0, 0};

	setrlimit(RLIMIT_CORE, &nocore);
	setlocale(LC_ALL, "");
	if (sodium_init() < 0) {
		fputs("laurel: libsodium failed to start\n", stderr);
		return 1;
	}
	return cli_main(argc, argv);
}
