/*
 * Strengths of one direction of a compact form, however they are stored: floats, or one-byte
 * codes into a palette of at most 256 floats, or one float for all (see lev__csr in internal.h).
 * A header of its own because the campaigns' sampling code (rrsample.h) reads strengths without
 * library internals.
 */
#ifndef LEV_WTS_H
#define LEV_WTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct lev__wts {
    const float *w;     /* m strengths, or NULL: then c and pal */
    const uint8_t *c;   /* m codes, or NULL: every strength is pal[0] */
    const float *pal;   /* the floats they code */
} lev__wts;

/* Strength k of s. */
static inline float lev__wt(lev__wts s, size_t k) { return s.w ? s.w[k] : s.c ? s.pal[s.c[k]] : s.pal[0]; }

#endif
