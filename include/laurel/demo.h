/*
 * demo.h — a seeded generator of fictional hospitals: units and staff
 * with realistic Vietnamese names, for the demo store, tests and
 * benchmarks.  Pure: no I/O, no clock; the same seed gives the same
 * hospital.
 */
#ifndef LAUREL_DEMO_H
#define LAUREL_DEMO_H

#include <stddef.h>
#include <stdint.h>

struct demo_unit {
	char code[24];
	char name[128];
	const char *kind;   /* hospital | department | office | station */
	const char *parent; /* code, or NULL for the hospital itself */
};

struct demo_person {
	char code[16];
	char full_name[96];
	const char *sex;        /* "nam" | "nữ" */
	int32_t birth;          /* days since 1970-01-01 */
	int32_t start;
	char unit[24];          /* unit code */
	const char *position;   /* chức vụ, or "" */
	const char *job_title;  /* chức danh */
	const char *category;   /* "viên chức" | "hợp đồng" */
};

/* Number of units for a hospital of nstaff people (15 for a typical
 * hospital; more health stations for larger ones). */
size_t demo_unit_count(size_t nstaff);

/* Unit i (0 is the hospital itself) of a hospital of nstaff people. */
void demo_unit(size_t i, size_t nstaff, struct demo_unit *u);

/* Person i of a hospital of nstaff people, generated from seed. */
void demo_person(uint64_t seed, size_t i, size_t nstaff,
                 struct demo_person *p);

#endif
