/*
 * money.h — amounts of money as laurel shows them.
 *
 * Amounts are whole VND in int64_t.  Text is Vietnamese style: thousands
 * separated by dots and the currency sign after a space ("760.000 đ").
 */
#ifndef LAUREL_MONEY_H
#define LAUREL_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Writes vnd as "760.000 đ" ("-260.000 đ" when negative) into buf (size
 * n; 32 bytes hold any int64_t). */
void money_format(int64_t vnd, char *buf, size_t n);

#endif
