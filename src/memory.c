/* Memory through the network's allocator, interned strings, UTF-8 and locale-free numbers. */
#include "internal.h"

#include <ctype.h>
#include <float.h>
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
    if (need > SIZE_MAX / 2) return LEV_ELIMIT; /* no capacity past what doubling can name */
    /* Twice the capacity (amortized O(1) appends), or exactly `need` when that is more: one
     * bulk reservation then leaves no slack. */
    size_t ncap = *cap > SIZE_MAX / 2 ? need : 2 * *cap;
    if (ncap < need) ncap = need;
    if (ncap < 8) ncap = 8;
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

/* Little-endian loads, byte by byte (compilers turn each into one load). */
static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

/* A string of at most 7 bytes as a number: its bytes, little-endian and zero-padded, with the
 * length in the top byte. Two short strings are equal exactly when their keys are. */
#define SHORT_MAX 7
static uint64_t short_key(const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    uint64_t k = (uint64_t)len << 56;
    if (len >= 4) return k | rd32(s) | (uint64_t)rd32(s + len - 4) << (8 * (len - 4)); /* overlapping */
    if (len == 0) return k;
    return k | s[0] | (uint64_t)s[len >> 1] << (8 * (len >> 1)) | (uint64_t)s[len - 1] << (8 * (len - 1));
}

static uint64_t mix64(uint64_t x) { /* a bijective finaliser (moremur) */
    x ^= x >> 27;
    x *= 0x3C79AC492BA7B653ull;
    x ^= x >> 33;
    x *= 0x1C69B3F74AC4AE35ull;
    return x ^ (x >> 27);
}

/* 8 bytes at a time; the last 8 bytes are read once more, overlapping, instead of a byte tail. */
uint32_t lev__strtab_tag(const char *str, size_t len) {
    uint64_t h;
    if (len <= SHORT_MAX) {
        h = mix64(short_key(str, len));
    } else if (len == 8) {
        h = mix64(rd64((const unsigned char *)str) ^ 0x9E3779B97F4A7C15ull) ^ 8;
    } else {
        const unsigned char *s = (const unsigned char *)str;
        h = (uint64_t)len * 0x9E3779B97F4A7C15ull;
        for (size_t i = 0; i + 8 < len; i += 8) {
            h = (h ^ rd64(s + i)) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        h = mix64(h ^ rd64(s + len - 8));
    }
    return ((uint32_t)(h >> 32) & ~1u) | (len > SHORT_MAX);
}

/* Chunks grow geometrically from 256 bytes to 1 MiB (a small network stays small). */
#define CHUNK_MIN 256
#define CHUNK_MAX ((size_t)1 << 20)

char *lev__strtab_copy(const lev__mem *m, lev__strtab *t, const char *s, size_t len) {
    lev__chunk *c = t->arena;
    if (len >= SIZE_MAX - sizeof *c - 1) return NULL;
    if (!c || c->size - c->used < len + 1) {
        size_t size = c ? (c->size < CHUNK_MAX / 2 ? 2 * c->size : CHUNK_MAX) : CHUNK_MIN;
        if (size < len + 1) size = len + 1;
        lev__chunk *n = lev__alloc(m, sizeof *n + size);
        if (!n) return NULL;
        n->prev = c;
        n->size = size;
        n->used = 0;
        t->arena = c = n;
    }
    char *p = c->data + c->used;
    memcpy(p, s, len);
    p[len] = 0;
    c->used += len + 1;
    return p;
}

/* Give back the arena from p on (p = NULL: all of it). */
static void arena_cut(const lev__mem *m, lev__strtab *t, const char *p) {
    lev__chunk *c;
    while ((c = t->arena) && !(p && p >= c->data && p < c->data + c->size)) {
        t->arena = c->prev;
        lev__free(m, c, sizeof *c + c->size);
    }
    if (c) c->used = (size_t)(p - c->data);
}

void lev__strtab_free(const lev__mem *m, lev__strtab *t) {
    arena_cut(m, t, NULL);
    lev__free(m, t->e, (size_t)t->cap * sizeof *t->e);
    lev__free(m, t->slot, t->nslot * sizeof *t->slot);
    memset(t, 0, sizeof *t);
}

/* Whether the table's string p (NUL-terminated, no NUL inside) is s[0..len): the bytes are
 * compared up to p's end and no further, whatever s holds. */
static int same(const char *p, const char *s, size_t len) {
    size_t i = 0;
    while (i < len && p[i] && p[i] == s[i]) i++;
    return i == len && p[len] == 0;
}

uint32_t lev__strtab_find_tag(const lev__strtab *t, const char *s, size_t len, uint32_t tag) {
    if (!t->nslot) return LEV_NONE;
    size_t mask = t->nslot - 1;
    const lev__strslot *sl = t->slot;
    if (len <= SHORT_MAX) {
        uint64_t key = short_key(s, len);
        for (size_t h = (tag >> 1) & mask;; h = (h + 1) & mask) {
            if (!sl[h].i1) return LEV_NONE;
            if (sl[h].key == key && sl[h].tag == tag) return sl[h].i1 - 1;
        }
    }
    for (size_t h = (tag >> 1) & mask;; h = (h + 1) & mask) {
        if (!sl[h].i1) return LEV_NONE;
        /* The name is read through the slot, so its load does not wait for the entry's. */
        if (sl[h].tag == tag && same((const char *)(uintptr_t)sl[h].key, s, len)) return sl[h].i1 - 1;
    }
}

uint32_t lev__strtab_find(const lev__strtab *t, const char *s, size_t len) {
    return t->nslot ? lev__strtab_find_tag(t, s, len, lev__strtab_tag(s, len)) : LEV_NONE;
}

static void slot_put(lev__strtab *t, lev__strslot v) {
    size_t mask = t->nslot - 1;
    size_t h = (v.tag >> 1) & mask;
    while (t->slot[h].i1) h = (h + 1) & mask;
    t->slot[h] = v;
}

static void index_insert(lev__strtab *t, uint32_t i, size_t len) {
    const char *s = t->e[i].s;
    lev__strslot v;
    v.i1 = i + 1;
    v.tag = lev__strtab_tag(s, len);
    v.key = len <= SHORT_MAX ? short_key(s, len) : (uint64_t)(uintptr_t)s;
    slot_put(t, v);
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
    if (need >= t->nslot / 4 * 3) { /* load below 3/4: at 4 slots a line, probes stay short */
        size_t ns = t->nslot ? t->nslot : 16;
        while (need >= ns / 4 * 3) ns *= 2;
        lev__strslot *slot = lev__alloc_array(m, ns, sizeof *slot), *old = t->slot;
        if (!slot) return LEV_ENOMEM;
        memset(slot, 0, ns * sizeof *slot);
        size_t nold = t->nslot;
        t->slot = slot;
        t->nslot = ns;
        for (size_t h = 0; h < nold; h++) /* slots carry their tag: no string is read */
            if (old[h].i1) slot_put(t, old[h]);
        lev__free(m, old, nold * sizeof *old);
    }
    return LEV_OK;
}

uint32_t lev__strtab_push(lev__strtab *t, char *copy, size_t len) {
    uint32_t i = t->count++;
    t->e[i].s = copy;
    index_insert(t, i, len);
    return i;
}

void lev__strtab_trim(const lev__mem *m, lev__strtab *t) {
    if (t->cap <= t->count || t->count == 0) return;
    lev__strent *e = m->f(m->ud, t->e, (size_t)t->cap * sizeof *e, (size_t)t->count * sizeof *e);
    if (!e) return; /* a smaller block could not be had: keep the larger one */
    t->e = e;
    t->cap = t->count;
}

void lev__strtab_truncate(const lev__mem *m, lev__strtab *t, uint32_t count) {
    if (count >= t->count) return;
    arena_cut(m, t, t->e[count].s);
    t->count = count;
    /* Empty the slots of dropped strings, then re-seat every other slot in probe order from an
     * empty one, so that each is again reachable from its home: one pass, no string read. */
    size_t mask = t->nslot - 1, start = 0;
    for (size_t h = 0; h < t->nslot; h++)
        if (t->slot[h].i1 > count) t->slot[h].i1 = 0;
    while (t->slot[start].i1) start++; /* there is an empty slot: count < nslot * 3 / 4 */
    for (size_t k = 1; k <= mask; k++) {
        size_t h = (start + k) & mask;
        if (!t->slot[h].i1) continue;
        lev__strslot v = t->slot[h];
        t->slot[h].i1 = 0;
        slot_put(t, v);
    }
}

lev_status lev__strtab_intern(const lev__mem *m, lev__strtab *t, const char *s, uint32_t *idx) {
    size_t len = strlen(s);
    uint32_t i = lev__strtab_find(t, s, len);
    if (i != LEV_NONE) { *idx = i; return LEV_OK; }
    lev_status rc = lev__strtab_reserve(m, t, 1);
    if (rc) return rc;
    char *c = lev__strtab_copy(m, t, s, len);
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
#if FLT_EVAL_METHOD == 0
    {
        /* Fast path: [+-] digits [. digits] with at most 15 digits. The mantissa (< 10^15 < 2^53)
         * and 10^k (k <= 15 < 23) are exact doubles, so one correctly rounded division gives the
         * correctly rounded value, bit for bit what strtod returns. */
        static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        size_t j = 0, nd = 0, frac = 0;
        int neg = 0, dot = 0;
        uint64_t u = 0;
        if (s[0] == '+' || s[0] == '-') neg = s[j++] == '-';
        for (; j < len; j++) {
            unsigned d = (unsigned)(unsigned char)s[j] - '0';
            if (d < 10) {
                if (++nd > 15) break;
                u = u * 10 + d;
                frac += (size_t)dot;
            } else if (s[j] == '.' && !dot) {
                dot = 1;
            } else {
                break;
            }
        }
        if (j == len && nd) {
            double v = frac ? (double)u / p10[frac] : (double)u;
            *out = neg ? -v : v;
            return 0;
        }
    }
#endif
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
