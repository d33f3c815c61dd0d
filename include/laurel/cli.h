/*
 * cli.h — laurel's command-line interface (see laurel(1)).
 */
#ifndef LAUREL_CLI_H
#define LAUREL_CLI_H

#define LAUREL_VERSION "0.1.0"

/* Runs `laurel ARGS…` as a command; returns the process exit status:
 * 0 done; 1 refused or invalid; 2 usage error; 3 authentication failed;
 * 4 server unreachable. */
int cli_main(int argc, char **argv);

#endif
