/*
 * demostore.h — filling a new test store with a demo hospital (laureld
 * demo): units, staff from the seeded generator (demo.h), and one account
 * per role.  Every change goes through the executor as a signed command,
 * so the demo store verifies like any other.
 */
#ifndef LAUREL_DEMOSTORE_H
#define LAUREL_DEMOSTORE_H

#include <stddef.h>
#include <stdint.h>

/* Every demo account's password (printed by make run). */
#define DEMO_PASSWORD "laurel-demo-2026"

/* One demo account per role: login, role, unit (for heads), the staff
 * member it belongs to (index into the generated staff). */
struct demo_account {
	const char *login;
	const char *role;
	const char *role2;
	const char *unit;
	size_t staff;
	const char *what;
};

extern const struct demo_account demo_accounts[];

/* Fills the store in dir (created by laureld init, test mode, whose
 * administrator's password is DEMO_PASSWORD) with nstaff people. */
int demo_fill(const char *dir, size_t nstaff, uint64_t seed,
              const char *clock_file);

#endif
