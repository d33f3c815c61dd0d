/*
 * tui_bench.c — the terminal interface's costs, measured on the real
 * program through a pseudo-terminal (make bench runs it):
 *
 *   - client CPU time per key press while scrolling a 5,000-row staff
 *     list (from /proc/PID/schedstat, nanoseconds on CPU);
 *   - bytes written to the terminal per key press;
 *   - resident memory of a logged-in TUI (home screen, and with the list).
 *
 * Targets (issue #4): ≤ 2 ms and ≤ 2 KB per key; ≤ 12 MiB resident.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STAFF 5000
#define KEYS 300
#define PASSWORD "laurel-demo-2026"

static int master = -1;
static size_t total_bytes;

/* Reads what the program writes until it has been quiet for quiet_ms
 * (or max_ms passed); returns the bytes read. */
static size_t drain(int quiet_ms, int max_ms, const char *want, int *seen)
{
	char buf[65536];
	size_t got = 0;
	struct timespec t0, t;
	static char tail[256];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct pollfd p = {master, POLLIN, 0};
		long elapsed;
		int r = poll(&p, 1, quiet_ms);
		clock_gettime(CLOCK_MONOTONIC, &t);
		elapsed = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (r <= 0) {
			if (!want || (seen && *seen) || elapsed > max_ms)
				break;
			continue;
		}
		ssize_t n = read(master, buf, sizeof buf);
		if (n <= 0)
			break;
		got += (size_t)n;
		if (want && seen) {
			/* Search across reads: keep the tail of the previous one. */
			size_t tl = strlen(tail), k = (size_t)n < 200 ? (size_t)n : 200;
			char *joined = malloc(tl + (size_t)n + 1);
			memcpy(joined, tail, tl);
			memcpy(joined + tl, buf, (size_t)n);
			joined[tl + (size_t)n] = '\0';
			if (memmem(joined, tl + (size_t)n, want, strlen(want)))
				*seen = 1;
			memcpy(tail, buf + n - (ssize_t)k, k);
			tail[k] = '\0';
			free(joined);
		}
		if (elapsed > max_ms)
			break;
	}
	total_bytes += got;
	return got;
}

static void send_keys(const char *s)
{
	if (write(master, s, strlen(s)) < 0)
		perror("write");
}

static unsigned long long cpu_ns(pid_t pid)
{
	char path[64];
	unsigned long long ns = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%llu", &ns) != 1)
			ns = 0;
		fclose(f);
	}
	return ns;
}

static long rss_kib(pid_t pid, const char *field)
{
	char path[64], line[256];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, field, strlen(field)))
			v = strtol(line + strlen(field) + 1, NULL, 10);
	fclose(f);
	return v;
}

static int run(const char *cmd)
{
	int rc = system(cmd);

	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

int main(int argc, char **argv)
{
	const char *build = "build";
	char dir[] = "/tmp/laurel-tuibench.XXXXXX", cmd[1024], sock[256];
	char laurel[512];
	struct winsize ws = {30, 100, 0, 0};
	pid_t server, tui;
	unsigned long long c0, c1;
	size_t bytes;
	long rss_home, rss_list;
	int seen = 0;
	double ms_per_key, bytes_per_key;

	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--build"))
			build = argv[i + 1];
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(cmd, sizeof cmd, "%s/laureld demo --store %s/store --staff %d "
	         ">/dev/null", build, dir, STAFF);
	if (run(cmd) != 0) {
		fprintf(stderr, "tui-bench: cannot build the demo store\n");
		return 1;
	}
	snprintf(sock, sizeof sock, "%s/s.sock", dir);
	if ((server = fork()) == 0) {
		char exe[512], store[512];
		snprintf(exe, sizeof exe, "%s/laureld", build);
		snprintf(store, sizeof store, "%s/store", dir);
		setenv("LAUREL_CONFIG", "/dev/null", 1);
		execl(exe, "laureld", "serve", "--store", store, "--socket", sock,
		      (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100 && access(sock, F_OK) != 0; i++)
		usleep(20000);
	snprintf(laurel, sizeof laurel, "%s/laurel", build);
	tui = forkpty(&master, NULL, NULL, &ws);
	if (tui == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		setenv("LAUREL_CONFIG", "/dev/null", 1);
		unsetenv("ESCDELAY");
		execl(laurel, "laurel", "--socket", sock, "--user", "quantri",
		      (char *)NULL);
		_exit(127);
	}
	drain(300, 5000, NULL, NULL);
	send_keys(PASSWORD "\r");
	/* The KDF and the home screen. */
	drain(500, 10000, NULL, NULL);
	rss_home = rss_kib(tui, "VmRSS:");
	/* Menu: Tab, then down to the staff list (the second section). */
	send_keys("\t");
	drain(100, 2000, NULL, NULL);
	send_keys("j");
	seen = 0;
	drain(300, 20000, "5000/5000", &seen);
	drain(300, 3000, NULL, NULL);
	if (!seen)
		fprintf(stderr, "tui-bench: warning: the list did not report "
		                "5000 rows\n");
	rss_list = rss_kib(tui, "VmRSS:");
	/* Focus the list, then scroll. */
	send_keys("\r");
	drain(100, 1000, NULL, NULL);
	c0 = cpu_ns(tui);
	bytes = 0;
	for (int i = 0; i < KEYS; i++) {
		send_keys(i % 50 < 40 ? "j" : "k");
		bytes += drain(15, 1000, NULL, NULL);
	}
	c1 = cpu_ns(tui);
	ms_per_key = (double)(c1 - c0) / 1e6 / KEYS;
	bytes_per_key = (double)bytes / KEYS;
	send_keys("q");
	drain(200, 2000, NULL, NULL);
	kill(tui, SIGTERM);
	waitpid(tui, NULL, 0);
	kill(server, SIGTERM);
	waitpid(server, NULL, 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	run(cmd);

	printf("\nlaurel TUI (100x30, %d-row staff list, %d key presses)\n",
	       STAFF, KEYS);
	printf("  %-44s %10.3f ms   target <= 2 ms    %s\n",
	       "client CPU time per key press", ms_per_key,
	       ms_per_key <= 2.0 ? "PASS" : "MISS");
	printf("  %-44s %10.0f B    target <= 2048 B  %s\n",
	       "bytes written to the terminal per key press", bytes_per_key,
	       bytes_per_key <= 2048 ? "PASS" : "MISS");
	printf("  %-44s %10.1f MiB  target <= 12 MiB  %s\n",
	       "resident memory, logged in (home)", rss_home / 1024.0,
	       rss_home >= 0 && rss_home <= 12 * 1024 ? "PASS" : "MISS");
	printf("  %-44s %10.1f MiB\n", "resident memory, 5,000-row list loaded",
	       rss_list / 1024.0);
	printf("bench: tui_cpu_per_key %.3f ms\n", ms_per_key);
	printf("bench: tui_bytes_per_key %.0f B\n", bytes_per_key);
	printf("bench: tui_rss_home %.1f MiB\n", rss_home / 1024.0);
	printf("bench: tui_rss_list %.1f MiB\n", rss_list / 1024.0);
	return 0;
}
