/* Memory through the network's allocator, interned strings, UTF-8 and locale-free numbers. */
#include "internal.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *lev__alloc(const lev__mem *m, size_t n) {
    return n ? m->f(m->ud, NULL, 0, n) : NULL;
}

void *lev__alloc_array(const lev__mem *m, size_t count, size_t size) {
    if (count == 0 || size == 0 || count > SIZE_MAX / size) return NULL;
    return m->f(m->ud, NULL, 0, count * size);
}

void lev__free(const lev__mem *m, void *p, size_t n) {
    if (p) m->f(m->ud, p, n, 0);
}

lev_status lev__grow(const lev__mem *m, void **arr, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return LEV_OK;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) return LEV_ELIMIT;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size) return LEV_ELIMIT;
    void *p = m->f(m->ud, *arr, *cap * size, ncap * size);
    if (!p) return LEV_ENOMEM;
    *arr = p;
    *cap = ncap;
    return LEV_OK;
}

char *lev__strdup(const lev__mem *m, const char *s, size_t *len_out) {
    size_t len = strlen(s);
    char *c = lev__alloc(m, len + 1);
    if (c) memcpy(c, s, len + 1);
    if (len_out) *len_out = len;
    return c;
}

int lev__utf8_valid(const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) { if (c == 0) return 0; i++; continue; }
        size_t k;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; }
        else return 0;
        if (len - i <= k) return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* ---- interning table ------------------------------------------------------------------------ */

static size_t hash_bytes(const char *s, size_t len) {
    uint64_t h = 14695981039346656037ull; /* FNV-1a, 64-bit */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

void lev__strtab_free(const lev__mem *m, lev__strtab *t) {
    for (uint32_t i = 0; i < t->count; i++) lev__free(m, t->e[i].s, (size_t)t->e[i].len + 1);
    lev__free(m, t->e, (size_t)t->cap * sizeof *t->e);
    lev__free(m, t->slot, (size_t)t->nslot * sizeof *t->slot);
    memset(t, 0, sizeof *t);
}

uint32_t lev__strtab_find(const lev__strtab *t, const char *s, size_t len) {
    if (!t->nslot) return LEV_NONE;
    size_t mask = t->nslot - 1;
    for (size_t h = hash_bytes(s, len) & mask;; h = (h + 1) & mask) {
        uint32_t e = t->slot[h];
        if (!e) return LEV_NONE;
        if (t->e[e - 1].len == len && memcmp(t->e[e - 1].s, s, len) == 0) return e - 1;
    }
}

static void index_insert(lev__strtab *t, uint32_t i) {
    size_t mask = t->nslot - 1;
    size_t h = hash_bytes(t->e[i].s, t->e[i].len) & mask;
    while (t->slot[h]) h = (h + 1) & mask;
    t->slot[h] = i + 1;
}

lev_status lev__strtab_reserve(const lev__mem *m, lev__strtab *t, size_t extra) {
    if (extra > LEV_MAX_ACTORS - t->count) return LEV_ELIMIT;
    size_t need = (size_t)t->count + extra;
    if (need > t->cap) {
        size_t ncap = t->cap ? t->cap : 8;
        while (ncap < need) ncap *= 2;
        if (ncap > SIZE_MAX / sizeof *t->e) return LEV_ELIMIT;
        lev__strent *e = m->f(m->ud, t->e, (size_t)t->cap * sizeof *e, ncap * sizeof *e);
        if (!e) return LEV_ENOMEM;
        t->e = e;
        t->cap = (uint32_t)ncap;
    }
    if (need * 2 >= t->nslot) {
        size_t ns = t->nslot ? t->nslot : 16;
        while (need * 2 >= ns) ns *= 2;
        uint32_t *slot = lev__alloc_array(m, ns, sizeof *slot);
        if (!slot) return LEV_ENOMEM;
        memset(slot, 0, ns * sizeof *slot);
        lev__free(m, t->slot, (size_t)t->nslot * sizeof *t->slot);
        t->slot = slot;
        t->nslot = ns;
        for (uint32_t i = 0; i < t->count; i++) index_insert(t, i);
    }
    return LEV_OK;
}

uint32_t lev__strtab_push(lev__strtab *t, char *owned, size_t len) {
    uint32_t i = t->count++;
    t->e[i].s = owned;
    t->e[i].len = (uint32_t)len;
    index_insert(t, i);
    return i;
}

void lev__strtab_truncate(const lev__mem *m, lev__strtab *t, uint32_t count) {
    if (count >= t->count) return;
    for (uint32_t i = count; i < t->count; i++) lev__free(m, t->e[i].s, (size_t)t->e[i].len + 1);
    t->count = count;
    memset(t->slot, 0, (size_t)t->nslot * sizeof *t->slot);
    for (uint32_t i = 0; i < count; i++) index_insert(t, i);
}

lev_status lev__strtab_intern(const lev__mem *m, lev__strtab *t, const char *s, uint32_t *idx) {
    size_t len = strlen(s);
    uint32_t i = lev__strtab_find(t, s, len);
    if (i != LEV_NONE) { *idx = i; return LEV_OK; }
    lev_status rc = lev__strtab_reserve(m, t, 1);
    if (rc) return rc;
    char *c = lev__strdup(m, s, NULL);
    if (!c) return LEV_ENOMEM;
    *idx = lev__strtab_push(t, c, len);
    return LEV_OK;
}

/* ---- numbers in the C locale ------------------------------------------------------------------ */

const char *lev__decimal_point(void) {
    const char *dp = localeconv()->decimal_point;
    return dp && dp[0] && !(dp[0] == '.' && dp[1] == 0) ? dp : NULL;
}

int lev__parse_double(const char *s, size_t len, const char *dp, double *out) {
    /* Grammar: [+-] digits [. digits] [(e|E) [+-] digits], at least one mantissa digit. */
    char buf[128];
    size_t i = 0, digits = 0;
    if (len == 0 || len >= sizeof buf) return -1;
    if (s[i] == '+' || s[i] == '-') i++;
    while (i < len && isdigit((unsigned char)s[i])) i++, digits++;
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && isdigit((unsigned char)s[i])) i++, digits++;
    }
    if (!digits) return -1;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t e = 0;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) i++;
        while (i < len && isdigit((unsigned char)s[i])) i++, e++;
        if (!e) return -1;
    }
    if (i != len) return -1;
    memcpy(buf, s, len);
    buf[len] = 0;
    /* strtod follows LC_NUMERIC: put the locale's decimal point in place of '.' */
    if (dp) {
        char *dot = memchr(buf, '.', len);
        if (dot) {
            size_t dl = strlen(dp);
            if (len + dl >= sizeof buf) return -1;
            memmove(dot + dl, dot + 1, len - (size_t)(dot - buf));
            memcpy(dot, dp, dl);
        }
    }
    char *end;
    double v = strtod(buf, &end);
    if (*end) return -1;
    if (!isfinite(v)) return -2; /* overflow */
    *out = v;
    return 0;
}

int lev__format_double(char *buf, double v, const char *dp) {
    /* The shortest of 15, 16 and 17 significant digits that reads back as v. */
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(buf, 32, "%.*g", prec, v);
        if (prec == 17 || strtod(buf, NULL) == v) break;
    }
    if (dp) {
        char *p = strstr(buf, dp);
        if (p) {
            size_t dl = strlen(dp);
            *p = '.';
            memmove(p + 1, p + dl, strlen(p + dl) + 1);
            n -= (int)dl - 1;
        }
    }
    return n;
}
