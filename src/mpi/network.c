/*
 * The distributed network: loading an edges CSV in parallel, numbering the actors as one machine
 * would, and the exchange plans for ghost values.
 *
 * libleverage_mpi is a client of libleverage's public API: each rank parses its byte range of the
 * file with lev_read_buffer() into a local network, and the rest is MPI and plain arrays.
 *
 * Numbering. lev_read_file() numbers actors in order of first appearance. Each rank's chunk comes
 * after the previous rank's in the file, and its local network numbers its actors in order of
 * first appearance in the chunk, so an actor's first appearance in the file is the smallest
 * (rank, local id) among the chunks that mention it. Every name goes to an owner rank chosen by
 * its hash, which keeps the smallest key; the chunk holding the first appearance then numbers its
 * new actors after all earlier ranks' (an exclusive scan of the counts), in local order.
 *
 * Edges. Each edge goes to the rank owning its target (in-edges) and to the one owning its source
 * (out-edges), in file order (ranks in order, each rank's edges in order); rows are then sorted
 * by the other end with ties in file order, which is the single-process compact form's order.
 */
#include "mpi_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ------------------------------------------------------------------------------- */

lev_status lmpi_fail(lev_mpi_network *net, lev_status rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(net->pending, sizeof net->pending, fmt, ap);
    va_end(ap);
    return rc;
}

/* Every rank brings its status; the lowest rank that failed wins (in file order, its error is the
 * first), and its status and message become every rank's. */
lev_status lmpi_agree(lev_mpi_network *net, lev_status rc) {
    int mine = rc ? net->rank : net->size, first;
    MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, net->comm);
    if (first == net->size) return LEV_OK;
    int code = (int)rc;
    MPI_Bcast(&code, 1, MPI_INT, first, net->comm);
    MPI_Bcast(net->pending, (int)sizeof net->pending, MPI_CHAR, first, net->comm);
    memcpy(net->errmsg, net->pending, sizeof net->errmsg);
    net->errmsg[sizeof net->errmsg - 1] = 0;
    return (lev_status)code;
}

/* ---- exchanges ------------------------------------------------------------------------------ */

/* MPI_Alltoallv with counted traffic; counts and displacements in elements of `type`. */
void lmpi_alltoallv(lev_mpi_network *net, const void *sbuf, const int *scount, const int *sdispl, void *rbuf,
                    const int *rcount, const int *rdispl, MPI_Datatype type) {
    int tsize;
    MPI_Type_size(type, &tsize);
    for (int r = 0; r < net->size; r++)
        if (r != net->rank && scount[r] > 0) {
            net->sent += (uint64_t)scount[r] * (uint64_t)tsize;
            net->messages++;
        }
    MPI_Alltoallv(sbuf, scount, sdispl, type, rbuf, rcount, rdispl, type, net->comm);
}

/* From per-destination counts: displacements, and the receive side's counts and displacements
 * (one MPI_Alltoall). Returns the total received, or -1 past INT_MAX. */
static long long plan_counts(lev_mpi_network *net, const int *scount, int *sdispl, int *rcount, int *rdispl) {
    MPI_Alltoall(scount, 1, MPI_INT, rcount, 1, MPI_INT, net->comm);
    long long s = 0, r = 0;
    for (int k = 0; k < net->size; k++) {
        sdispl[k] = (int)s;
        rdispl[k] = (int)r;
        s += scount[k];
        r += rcount[k];
    }
    return s > INT32_MAX || r > INT32_MAX ? -1 : r;
}

/* ---- ownership --------------------------------------------------------------------------------- */

int lmpi_owner(const lev_mpi_network *net, uint32_t id) {
    int lo = 0, hi = net->size - 1; /* the last rank whose first id is <= id */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (net->bounds[mid] <= id) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

static uint64_t name_hash(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h ^ (h >> 29);
}

/* ---- the network handle ------------------------------------------------------------------------ */

lev_status lev_mpi_network_new(MPI_Comm comm, lev_mpi_network **out) {
    int init = 0;
    MPI_Initialized(&init);
    if (!out || comm == MPI_COMM_NULL || !init) return LEV_EMISUSE;
    lev_mpi_network *net = calloc(1, sizeof *net);
    if (!net) return LEV_ENOMEM;
    if (MPI_Comm_dup(comm, &net->comm) != MPI_SUCCESS) {
        free(net);
        return LEV_EIO;
    }
    MPI_Comm_rank(net->comm, &net->rank);
    MPI_Comm_size(net->comm, &net->size);
    *out = net;
    return LEV_OK;
}

static void plan_free(lmpi_plan *pl) {
    free(pl->ghost);
    free(pl->sidx);
    free(pl->cnt);
    memset(pl, 0, sizeof *pl);
}

static void side_free(lmpi_side *s) {
    free(s->off);
    free(s->adj);
    free(s->w);
    plan_free(&s->plan);
    memset(s, 0, sizeof *s);
}

/* Everything a load made, back to an empty network. */
static void unload(lev_mpi_network *net) {
    side_free(&net->in);
    side_free(&net->out);
    free(net->bounds);
    free(net->names);
    free(net->name_off);
    net->bounds = NULL;
    net->names = NULL;
    net->name_off = NULL;
    net->n = net->m = net->first = 0;
    net->count = 0;
    net->loaded = 0;
}

void lev_mpi_network_free(lev_mpi_network *net) {
    if (!net) return;
    unload(net);
    MPI_Comm_free(&net->comm);
    free(net);
}

const char *lev_mpi_errmsg(const lev_mpi_network *net) { return net ? net->errmsg : "invalid network"; }
uint64_t lev_mpi_actor_count(const lev_mpi_network *net) { return net ? net->n : 0; }
uint64_t lev_mpi_edge_count(const lev_mpi_network *net) { return net ? net->m : 0; }

lev_status lev_mpi_owned(const lev_mpi_network *net, uint64_t *first, uint64_t *count) {
    if (!net) return LEV_EMISUSE;
    if (first) *first = net->first;
    if (count) *count = net->count;
    return LEV_OK;
}

const char *lev_mpi_actor_name(const lev_mpi_network *net, uint64_t actor) {
    if (!net || actor < net->first || actor >= net->first + net->count) return NULL;
    return net->names + net->name_off[actor - net->first];
}

lev_status lev_mpi_stats(const lev_mpi_network *net, uint64_t *bytes, uint64_t *ghosts, uint64_t *sent,
                         uint64_t *messages) {
    if (!net) return LEV_EMISUSE;
    if (bytes) {
        uint64_t b = sizeof *net + (uint64_t)(net->size + 1) * sizeof *net->bounds;
        if (net->loaded) b += net->name_off[net->count] + (uint64_t)(net->count + 1) * sizeof *net->name_off;
        const lmpi_side *sd[2] = {&net->in, &net->out};
        for (int k = 0; k < 2; k++) {
            const lmpi_side *s = sd[k];
            if (!s->off) continue;
            b += (uint64_t)(net->count + 1) * sizeof *s->off + s->m * (sizeof *s->adj + sizeof *s->w);
            b += (uint64_t)s->plan.nghost * sizeof *s->plan.ghost + (uint64_t)s->plan.nsend * sizeof *s->plan.sidx +
                 4 * (uint64_t)net->size * sizeof *s->plan.cnt;
        }
        *bytes = b;
    }
    if (ghosts) *ghosts = (uint64_t)net->in.plan.nghost + net->out.plan.nghost;
    if (sent) *sent = net->sent;
    if (messages) *messages = net->messages;
    return LEV_OK;
}

/* ---- reading the byte ranges ------------------------------------------------------------------- */

/* Quote state and line ends of bytes s[0..n) starting outside or inside a quoted field. Line ends
 * are counted as the single-process reader counts them: '\n' anywhere, and outside quotes a '\r'
 * not followed by '\n' (next is the byte after s[n − 1], or −1 if unknown/none). */
static void scan_bytes(const char *s, size_t n, int inq, int next, int *inq_out, uint64_t *lines) {
    uint64_t l = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"') inq = !inq;
        else if (c == '\n') l++;
        else if (c == '\r' && !inq) {
            int nx = i + 1 < n ? (unsigned char)s[i + 1] : next;
            if (nx != '\n') l++;
        }
    }
    *inq_out = inq;
    *lines = l;
}

static lev_status read_range(lev_mpi_network *net, FILE *f, const char *path, uint64_t off, uint64_t len, char *buf) {
    if (len == 0) return LEV_OK;
    if (fseeko(f, (off_t)off, SEEK_SET) != 0 || fread(buf, 1, len, f) != len)
        return lmpi_fail(net, LEV_EIO, "%s: cannot read bytes %llu..%llu: %s", path, (unsigned long long)off,
                         (unsigned long long)(off + len), ferror(f) ? strerror(errno) : "file shorter than expected");
    return LEV_OK;
}

/* The end of the header record: rank 0 skips blank lines, then the first line end outside quotes. */
static uint64_t header_end(const char *s, uint64_t n) {
    uint64_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    for (;;) { /* blank lines */
        uint64_t p = i;
        while (p < n && (s[p] == ' ' || s[p] == '\t')) p++;
        if (p < n && (s[p] == '\n' || s[p] == '\r')) {
            if (s[p] == '\r' && p + 1 < n && s[p + 1] == '\n') p++;
            i = p + 1;
            continue;
        }
        break;
    }
    int inq = 0;
    for (; i < n; i++) {
        if (s[i] == '"') inq = !inq;
        else if (s[i] == '\n' && !inq) return i + 1;
    }
    return n;
}

/* A message "PATH:LINE:COL: ..." from the local reader, with LINE moved by delta. */
static void shift_line(lev_mpi_network *net, const char *msg, const char *path, long long delta) {
    size_t pl = strlen(path);
    if (strncmp(msg, path, pl) == 0 && msg[pl] == ':') {
        char *end;
        unsigned long long line = strtoull(msg + pl + 1, &end, 10);
        if (end > msg + pl + 1 && *end == ':') {
            snprintf(net->pending, sizeof net->pending, "%s:%llu%s", path, (unsigned long long)((long long)line + delta),
                     end);
            return;
        }
    }
    snprintf(net->pending, sizeof net->pending, "%s", msg);
}

/* Parse this rank's chunk into a local network `*loc`. */
static lev_status parse_chunk(lev_mpi_network *net, const char *path, lev_network **loc) {
    lev_status rc = LEV_OK;
    FILE *f = fopen(path, "rb");
    uint64_t nl;
    char *buf = NULL, *hdr = NULL;
    uint64_t size = 0, hlen = 0;
    if (!f) {
        int e = errno;
        rc = lmpi_fail(net, e == ENOENT ? LEV_ENOTFOUND : LEV_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    else if (fseeko(f, 0, SEEK_END) != 0) rc = lmpi_fail(net, LEV_EIO, "%s: cannot seek: %s", path, strerror(errno));
    else size = (uint64_t)ftello(f);
    if ((rc = lmpi_agree(net, rc))) goto done;

    /* Nominal ranges [size·r/P, size·(r+1)/P); one byte before, to see a line end there. */
    uint64_t P = (uint64_t)net->size, r = (uint64_t)net->rank;
    uint64_t s0 = size * r / P, s1 = size * (r + 1) / P, b0 = s0 ? s0 - 1 : 0;
    buf = malloc(s1 - b0 + 1);
    if (!buf) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %llu bytes", path, (unsigned long long)(s1 - b0));
    else rc = read_range(net, f, path, b0, s1 - b0, buf);
    if ((rc = lmpi_agree(net, rc))) goto done;
    const char *nom = buf + (s0 - b0);
    int parity, inq0;
    scan_bytes(nom, s1 - s0, 0, -1, &parity, &nl);
    int before = 0;
    MPI_Exscan(&parity, &before, 1, MPI_INT, MPI_BXOR, net->comm);
    inq0 = net->rank ? before : 0;
    /* Candidate start: the first byte after a line end outside quotes, at or after s0. */
    uint64_t cand = UINT64_MAX;
    if (s0 == 0) cand = 0;
    else if (buf[0] == '\n' && !inq0) cand = s0;
    else {
        int q = inq0;
        for (uint64_t i = s0; i < s1; i++) {
            char c = nom[i - s0];
            if (c == '"') q = !q;
            else if (c == '\n' && !q) { cand = i + 1; break; }
        }
    }
    uint64_t *cands = malloc(P * sizeof *cands), hl = 0;
    if (!cands) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    if ((rc = lmpi_agree(net, rc))) goto done;
    MPI_Allgather(&cand, 1, MPI_UINT64_T, cands, 1, MPI_UINT64_T, net->comm);
    /* The header: rank 0 finds it and sends it (with its line count) to every rank. */
    if (net->rank == 0) {
        hlen = header_end(buf, s1);
        if (hlen == s1 && P > 1 && s1 < size) { /* a header longer than rank 0's range: read on */
            char *nb = realloc(buf, size + 1);
            if (!nb) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
            else if (!(rc = read_range(net, f, path, s1, size - s1, (buf = nb) + s1))) hlen = header_end(buf, size);
        }
        if (!rc) {
            int q;
            scan_bytes(buf, hlen, 0, -1, &q, &hl);
        }
    }
    if ((rc = lmpi_agree(net, rc))) goto done_c;
    MPI_Bcast(&hlen, 1, MPI_UINT64_T, 0, net->comm);
    MPI_Bcast(&hl, 1, MPI_UINT64_T, 0, net->comm);
    hdr = malloc(hlen + 1);
    if (!hdr) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    if ((rc = lmpi_agree(net, rc))) goto done_c;
    if (net->rank == 0) memcpy(hdr, buf, hlen);
    MPI_Bcast(hdr, (int)hlen, MPI_CHAR, 0, net->comm);

    /* My chunk [lo, hi): from my candidate (or the next rank's that has one) to the next's. */
    uint64_t lo = r == 0 ? 0 : size, hi = size;
    for (uint64_t k = r; k < P; k++)
        if (cands[k] != UINT64_MAX) { lo = cands[k]; break; }
    for (uint64_t k = r + 1; k < P; k++)
        if (cands[k] != UINT64_MAX) { hi = cands[k]; break; }
    if (r > 0 && lo < hlen) lo = hlen;
    if (hi < lo) hi = lo;
    /* Line number of lo: 1 + line ends before it (counted over my chunk, scanned). */
    char *chunk = NULL;
    free(buf);
    buf = NULL;
    size_t pre = r > 0 ? hlen : 0;
    if (hi > lo) {
        buf = malloc(pre + (hi - lo) + 1);
        if (!buf) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %llu bytes", path, (unsigned long long)(hi - lo));
        else {
            memcpy(buf, hdr, pre);
            chunk = buf + pre;
            rc = read_range(net, f, path, lo, hi - lo, chunk);
        }
    }
    if ((rc = lmpi_agree(net, rc))) goto done_c;
    {
        int q;
        uint64_t mylines = 0, lines_before = 0;
        if (hi > lo) scan_bytes(chunk, hi - lo, 0, -1, &q, &mylines);
        MPI_Exscan(&mylines, &lines_before, 1, MPI_UINT64_T, MPI_SUM, net->comm);
        if (net->rank == 0) lines_before = 0;
        if ((rc = lev_network_new(loc)) != LEV_OK) rc = lmpi_fail(net, rc, "%s: out of memory", path);
        else if ((r == 0 || hi > lo) &&
                 (rc = lev_read_buffer(*loc, LEV_FORMAT_EDGES_CSV, buf ? buf : "", pre + (hi - lo), path, NULL))) {
            /* buffer line hl + k is file line lines_before + k */
            shift_line(net, lev_errmsg(*loc), path, r == 0 ? 0 : (long long)lines_before - (long long)hl);
            lev_network_free(*loc);
            *loc = NULL;
        }
    }
    rc = lmpi_agree(net, rc);
    if (rc && *loc) {
        lev_network_free(*loc);
        *loc = NULL;
    }
done_c:
    free(cands);
done:
    free(buf);
    free(hdr);
    if (f) fclose(f);
    return rc;
}

/* ---- numbering the actors ---------------------------------------------------------------------- */

typedef struct namex {
    lev_network *tab;   /* the names this rank is the hash owner of */
    uint64_t *minkey;   /* per tab entry */
    uint32_t *tabgid;   /* per tab entry */
    uint32_t *ridx;     /* per received request: its tab entry */
    int *scount, *sdispl, *rcount, *rdispl;
} namex;

/* Pack (len, bytes, key) requests for every local actor to its hash owner; sort the requests by
 * owner keeping local order: order[] lists local actors by owner. */
static lev_status number_actors(lev_mpi_network *net, lev_network *loc, uint32_t *gid, const char *path) {
    lev_status rc = LEV_OK;
    int P = net->size;
    uint32_t la = lev_actor_count(loc);
    namex x = {0};
    uint32_t *order = NULL, *dest = NULL;
    char *sbuf = NULL, *rbuf = NULL;
    unsigned char *flag_s = NULL, *flag_r = NULL;
    uint32_t *g_s = NULL, *g_r = NULL;
    int *bs = NULL, *bsd = NULL, *br = NULL, *brd = NULL;
    long long nreq = 0;
    x.scount = calloc((size_t)P * 4, sizeof(int));
    bs = calloc((size_t)P * 4, sizeof(int));
    order = malloc(((size_t)la + 1) * sizeof *order);
    dest = malloc(((size_t)la + 1) * sizeof *dest);
    if (!x.scount || !bs || !order || !dest) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory numbering actors", path);
    if ((rc = lmpi_agree(net, rc))) goto done;
    x.sdispl = x.scount + P; x.rcount = x.sdispl + P; x.rdispl = x.rcount + P;
    bsd = bs + P; br = bsd + P; brd = br + P;
    /* bytes per destination */
    for (uint32_t i = 0; i < la; i++) {
        const char *nm = lev_actor_name(loc, i);
        dest[i] = (uint32_t)(name_hash(nm) % (uint64_t)P);
        x.scount[dest[i]]++;
        bs[dest[i]] += (int)(4 + strlen(nm) + 8);
    }
    {
        int acc = 0; /* order by destination, stable */
        for (int k = 0; k < P; k++) { x.sdispl[k] = acc; acc += x.scount[k]; }
        int *pos = calloc((size_t)P, sizeof(int));
        if (!pos) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
        else {
            for (uint32_t i = 0; i < la; i++) order[x.sdispl[dest[i]] + pos[dest[i]]++] = i;
            free(pos);
        }
    }
    if ((rc = lmpi_agree(net, rc))) goto done;
    long long rbytes = plan_counts(net, bs, bsd, br, brd);
    nreq = plan_counts(net, x.scount, x.sdispl, x.rcount, x.rdispl);
    if (rbytes < 0 || nreq < 0) rc = lmpi_fail(net, LEV_ELIMIT, "%s: too many names for one exchange", path);
    else {
        sbuf = malloc((size_t)bsd[P - 1] + (size_t)bs[P - 1] + 1);
        rbuf = malloc((size_t)rbytes + 1);
        if (!sbuf || !rbuf) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory numbering actors", path);
    }
    if ((rc = lmpi_agree(net, rc))) goto done;
    {
        size_t o = 0;
        for (uint32_t k = 0; k < la; k++) {
            uint32_t i = order[k];
            const char *nm = lev_actor_name(loc, i);
            uint32_t len = (uint32_t)strlen(nm);
            uint64_t key = ((uint64_t)net->rank << 32) | i;
            memcpy(sbuf + o, &len, 4);
            memcpy(sbuf + o + 4, nm, len);
            memcpy(sbuf + o + 4 + len, &key, 8);
            o += 12 + len;
        }
    }
    lmpi_alltoallv(net, sbuf, bs, bsd, rbuf, br, brd, MPI_CHAR);
    /* Owner: intern every name, keep the smallest key. */
    if ((rc = lev_network_new(&x.tab)) != LEV_OK) rc = lmpi_fail(net, rc, "%s: out of memory", path);
    x.ridx = malloc(((size_t)nreq + 1) * sizeof *x.ridx);
    x.minkey = malloc(((size_t)nreq + 1) * sizeof *x.minkey);
    x.tabgid = malloc(((size_t)nreq + 1) * sizeof *x.tabgid);
    if (!rc && (!x.ridx || !x.minkey || !x.tabgid)) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    {
        size_t o = 0;
        char name[4096], *nm = name;
        for (long long q = 0; !rc && q < nreq; q++) {
            uint32_t len;
            uint64_t key;
            memcpy(&len, rbuf + o, 4);
            if (len >= sizeof name) {
                nm = malloc(len + 1);
                if (!nm) { rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path); break; }
            }
            memcpy(nm, rbuf + o + 4, len);
            nm[len] = 0;
            memcpy(&key, rbuf + o + 4 + len, 8);
            o += 12 + len;
            uint32_t t;
            if (lev_actor_find(x.tab, nm, &t) != LEV_OK) {
                if ((rc = lev_actor_add(x.tab, nm, NULL, &t)) != LEV_OK)
                    rc = lmpi_fail(net, rc, "%s: %s", path, lev_errmsg(x.tab));
                else x.minkey[t] = key;
            } else if (key < x.minkey[t]) x.minkey[t] = key;
            x.ridx[q] = t;
            if (nm != name) { free(nm); nm = name; }
        }
    }
    if ((rc = lmpi_agree(net, rc))) goto done;
    /* Reply: is each request the first appearance? */
    flag_s = malloc((size_t)nreq + 1);
    flag_r = malloc((size_t)la + 1);
    if (!flag_s || !flag_r) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    if ((rc = lmpi_agree(net, rc))) goto done;
    {
        /* the requests came from rank k in block rdispl[k]; request q of rank k had key (k, i) */
        for (int k = 0; k < P; k++)
            for (int q = x.rdispl[k]; q < x.rdispl[k] + x.rcount[k]; q++) {
                uint64_t mk = x.minkey[x.ridx[q]];
                flag_s[q] = (int)(mk >> 32) == k ? 2 : 0; /* mine-rank first; local id checked below */
                (void)mk;
            }
    }
    /* A rank asks about each of its actors once, so (k, i) is the key sent: the first
     * appearance is this request exactly when the stored key's rank is k. */
    lmpi_alltoallv(net, flag_s, x.rcount, x.rdispl, flag_r, x.scount, x.sdispl, MPI_UNSIGNED_CHAR);
    uint64_t mynew = 0, base = 0, n = 0;
    for (uint32_t k = 0; k < la; k++) mynew += flag_r[k] != 0;
    MPI_Exscan(&mynew, &base, 1, MPI_UINT64_T, MPI_SUM, net->comm);
    if (net->rank == 0) base = 0;
    MPI_Allreduce(&mynew, &n, 1, MPI_UINT64_T, MPI_SUM, net->comm);
    if (n >= UINT32_MAX) rc = lmpi_fail(net, LEV_ELIMIT, "%s: %llu actors; at most %u", path, (unsigned long long)n, UINT32_MAX - 1);
    if ((rc = lmpi_agree(net, rc))) goto done;
    /* Number the new actors in local order (flags are in `order` order). */
    for (uint32_t i = 0; i < la; i++) gid[i] = UINT32_MAX;
    {
        unsigned char *isnew = calloc((size_t)la + 1, 1);
        if (!isnew) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
        else {
            for (uint32_t k = 0; k < la; k++) isnew[order[k]] = flag_r[k];
            uint64_t g = base;
            for (uint32_t i = 0; i < la; i++)
                if (isnew[i]) gid[i] = (uint32_t)g++;
            free(isnew);
        }
    }
    if ((rc = lmpi_agree(net, rc))) goto done;
    /* Tell the owners the numbers of the new ones, and hear back every actor's. */
    g_s = malloc(((size_t)la + 1) * sizeof *g_s);
    g_r = malloc(((size_t)nreq + 1) * sizeof *g_r);
    if (!g_s || !g_r) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    if ((rc = lmpi_agree(net, rc))) goto done;
    for (uint32_t k = 0; k < la; k++) g_s[k] = gid[order[k]];
    lmpi_alltoallv(net, g_s, x.scount, x.sdispl, g_r, x.rcount, x.rdispl, MPI_UINT32_T);
    for (long long q = 0; q < nreq; q++)
        if (g_r[q] != UINT32_MAX) x.tabgid[x.ridx[q]] = g_r[q];
    for (long long q = 0; q < nreq; q++) g_r[q] = x.tabgid[x.ridx[q]];
    lmpi_alltoallv(net, g_r, x.rcount, x.rdispl, g_s, x.scount, x.sdispl, MPI_UINT32_T);
    for (uint32_t k = 0; k < la; k++) gid[order[k]] = g_s[k];
    net->n = n;

    /* Ownership: whole 2048-actor blocks, balanced by work. A block weighs its actors plus both
     * ends of its edges (the rows a rank stores and pulls over): actors are numbered in order of
     * first appearance, so the hubs come first and equal counts would give rank 0 most edges. */
    net->bounds = malloc(((size_t)P + 1) * sizeof *net->bounds);
    uint64_t nb = (n + LMPI_BLOCK - 1) / LMPI_BLOCK;
    uint64_t *bw = calloc(nb + 1, sizeof *bw), *bwall = calloc(nb + 1, sizeof *bwall);
    if (!net->bounds || !bw || !bwall) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    if ((rc = lmpi_agree(net, rc))) {
        free(bw);
        free(bwall);
        goto done;
    }
    {
        size_t lm = lev_edge_count(loc);
        for (size_t e = 0; e < lm; e++) {
            uint32_t s, t;
            lev_edge_get(loc, e, &s, &t, NULL, NULL);
            bw[gid[s] / LMPI_BLOCK]++;
            bw[gid[t] / LMPI_BLOCK]++;
        }
        for (uint32_t i = 0; i < la; i++) /* each actor once, on the rank that numbered it */
            if (gid[i] >= base && gid[i] < base + mynew) bw[gid[i] / LMPI_BLOCK]++;
        MPI_Allreduce(bw, bwall, (int)nb, MPI_UINT64_T, MPI_SUM, net->comm);
        uint64_t total = 0, acc = 0;
        for (uint64_t b = 0; b < nb; b++) total += bwall[b];
        /* rank k starts at the first block where the weight before it reaches k/P of the total */
        int k = 1;
        net->bounds[0] = 0;
        for (uint64_t b = 0; b < nb && k < P; b++) {
            while (k < P && acc >= (total * (uint64_t)k + (uint64_t)P - 1) / (uint64_t)P) {
                uint64_t first = b * LMPI_BLOCK;
                net->bounds[k++] = (uint32_t)(first < n ? first : n);
            }
            acc += bwall[b];
        }
        while (k <= P) net->bounds[k++] = (uint32_t)n;
        net->first = net->bounds[net->rank];
        net->count = net->bounds[net->rank + 1] - net->bounds[net->rank];
    }
    free(bw);
    free(bwall);
    /* Names to the rank owning each new actor: in increasing id order, so appended in order. */
    {
        memset(bs, 0, (size_t)P * sizeof(int));
        size_t tot = 0;
        for (uint32_t i = 0; i < la; i++)
            if (gid[i] >= base && gid[i] < base + mynew) {
                size_t l = strlen(lev_actor_name(loc, i)) + 1;
                bs[lmpi_owner(net, gid[i])] += (int)l;
                tot += l;
            }
        long long rb = plan_counts(net, bs, bsd, br, brd);
        free(sbuf);
        sbuf = malloc(tot + 1);
        net->names = malloc((size_t)(rb < 0 ? 0 : rb) + 1);
        net->name_off = malloc(((size_t)net->count + 1) * sizeof *net->name_off);
        if (rb < 0) rc = lmpi_fail(net, LEV_ELIMIT, "%s: too many names for one exchange", path);
        else if (!sbuf || !net->names || !net->name_off) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
        if ((rc = lmpi_agree(net, rc))) goto done;
        /* new actors are numbered in local order, so packing in local order groups by owner */
        size_t o = 0;
        for (uint32_t i = 0; i < la; i++)
            if (gid[i] >= base && gid[i] < base + mynew) {
                size_t l = strlen(lev_actor_name(loc, i)) + 1;
                memcpy(sbuf + o, lev_actor_name(loc, i), l);
                o += l;
            }
        lmpi_alltoallv(net, sbuf, bs, bsd, net->names, br, brd, MPI_CHAR);
        size_t p = 0;
        for (uint32_t v = 0; v < net->count; v++) {
            net->name_off[v] = p;
            p += strlen(net->names + p) + 1;
        }
        net->name_off[net->count] = p;
    }
done:
    if (x.tab) lev_network_free(x.tab);
    free(x.minkey); free(x.tabgid); free(x.ridx); free(x.scount);
    free(order); free(dest); free(sbuf); free(rbuf); free(flag_s); free(flag_r); free(g_s); free(g_r); free(bs);
    return rc;
}

/* ---- the compact form, by owned actor ------------------------------------------------------------ */

typedef struct lmpi_edge {
    uint32_t s, t;
    float w;
} lmpi_edge;

typedef struct row_ent {
    uint64_t key; /* other end << 32 | position in file order within this rank's receive buffer */
    float w;
} row_ent;

static int by_key(const void *a, const void *b) {
    uint64_t x = ((const row_ent *)a)->key, y = ((const row_ent *)b)->key;
    return x < y ? -1 : x > y;
}

static int by_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Rows of side s from received edges e[0..m) (file order): own = the owned end (t for in-edges,
 * s for out-edges). Adjacency holds global ids until localize(). */
static lev_status build_side(lev_mpi_network *net, lmpi_side *sd, const lmpi_edge *e, size_t m, int in) {
    uint32_t n = net->count;
    sd->off = calloc((size_t)n + 1, sizeof *sd->off);
    sd->adj = malloc((m + 1) * sizeof *sd->adj);
    sd->w = malloc((m + 1) * sizeof *sd->w);
    row_ent *tmp = malloc((m + 1) * sizeof *tmp);
    size_t *pos = malloc(((size_t)n + 1) * sizeof *pos);
    if (!sd->off || !sd->adj || !sd->w || !tmp || !pos) {
        free(tmp);
        free(pos);
        return LEV_ENOMEM;
    }
    sd->m = m;
    for (size_t k = 0; k < m; k++) sd->off[(in ? e[k].t : e[k].s) - net->first + 1]++;
    for (uint32_t v = 0; v < n; v++) sd->off[v + 1] += sd->off[v];
    memcpy(pos, sd->off, ((size_t)n + 1) * sizeof *pos);
    for (size_t k = 0; k < m; k++) {
        uint32_t own = in ? e[k].t : e[k].s, other = in ? e[k].s : e[k].t;
        row_ent *r = &tmp[pos[own - net->first]++];
        r->key = ((uint64_t)other << 32) | (uint64_t)(k & 0xffffffffu);
        r->w = e[k].w;
    }
    for (uint32_t v = 0; v < n; v++) {
        size_t a = sd->off[v], b = sd->off[v + 1];
        if (b - a > 1) qsort(tmp + a, b - a, sizeof *tmp, by_key);
        for (size_t k = a; k < b; k++) {
            sd->adj[k] = (uint32_t)(tmp[k].key >> 32);
            sd->w[k] = tmp[k].w;
        }
    }
    free(tmp);
    free(pos);
    return LEV_OK;
}

/* Ghosts of side sd: sorted distinct non-owned ids; adjacency becomes local (owned: id − first;
 * ghost g: count + g). Then the exchange plan: ask each owner for its ghosts' values. */
static lev_status localize(lev_mpi_network *net, lmpi_side *sd) {
    uint32_t lo = net->first, hi = net->first + net->count;
    lmpi_plan *pl = &sd->plan;
    size_t ng = 0;
    for (size_t k = 0; k < sd->m; k++) ng += sd->adj[k] < lo || sd->adj[k] >= hi;
    pl->ghost = malloc((ng + 1) * sizeof *pl->ghost);
    pl->cnt = calloc(4 * (size_t)net->size, sizeof *pl->cnt);
    if (!pl->ghost || !pl->cnt) return LEV_ENOMEM;
    ng = 0;
    for (size_t k = 0; k < sd->m; k++)
        if (sd->adj[k] < lo || sd->adj[k] >= hi) pl->ghost[ng++] = sd->adj[k];
    if (ng > 1) qsort(pl->ghost, ng, sizeof *pl->ghost, by_u32);
    size_t u = 0;
    for (size_t k = 0; k < ng; k++)
        if (u == 0 || pl->ghost[u - 1] != pl->ghost[k]) pl->ghost[u++] = pl->ghost[k];
    pl->nghost = (uint32_t)u;
    for (size_t k = 0; k < sd->m; k++) {
        uint32_t a = sd->adj[k];
        if (a >= lo && a < hi) sd->adj[k] = a - lo;
        else {
            size_t l = 0, h = u; /* binary search */
            while (l < h) {
                size_t mid = (l + h) / 2;
                if (pl->ghost[mid] < a) l = mid + 1;
                else h = mid;
            }
            sd->adj[k] = net->count + (uint32_t)l;
        }
    }
    int P = net->size;
    int *rcount = pl->cnt, *rdispl = rcount + P, *scount = rdispl + P, *sdispl = scount + P;
    for (size_t k = 0; k < u; k++) rcount[lmpi_owner(net, pl->ghost[k])]++;
    /* what I receive per iteration = what I ask for; what I send = what others ask of me */
    long long ns = plan_counts(net, rcount, rdispl, scount, sdispl);
    if (ns < 0) return LEV_ELIMIT;
    pl->nsend = (uint32_t)ns;
    pl->sidx = malloc(((size_t)ns + 1) * sizeof *pl->sidx);
    if (!pl->sidx) return LEV_ENOMEM;
    lmpi_alltoallv(net, pl->ghost, rcount, rdispl, pl->sidx, scount, sdispl, MPI_UINT32_T);
    for (uint32_t k = 0; k < pl->nsend; k++) pl->sidx[k] -= lo;
    return LEV_OK;
}

void lmpi_exchange(lev_mpi_network *net, const lmpi_plan *pl, const double *own, double *ghost, double *scratch) {
    int P = net->size;
    const int *rcount = pl->cnt, *rdispl = rcount + P, *scount = rdispl + P, *sdispl = scount + P;
    for (uint32_t k = 0; k < pl->nsend; k++) scratch[k] = own[pl->sidx[k]];
    lmpi_alltoallv(net, scratch, scount, sdispl, ghost, rcount, rdispl, MPI_DOUBLE);
}

/* Send each local edge to the owner of its target (in) or source (out); build that side. */
static lev_status distribute(lev_mpi_network *net, const lmpi_edge *le, size_t lm, int in, const char *path) {
    lev_status rc = LEV_OK;
    int P = net->size;
    int *c = calloc(4 * (size_t)P, sizeof(int));
    lmpi_edge *sb = NULL, *rb = NULL;
    long long nr = 0;
    if (!c) rc = LEV_ENOMEM;
    else {
        for (size_t k = 0; k < lm; k++) c[lmpi_owner(net, in ? le[k].t : le[k].s)]++;
        nr = plan_counts(net, c, c + P, c + 2 * P, c + 3 * P);
        if (nr < 0) rc = LEV_ELIMIT;
    }
    if (!rc) {
        sb = malloc((lm + 1) * sizeof *sb);
        rb = malloc(((size_t)nr + 1) * sizeof *rb);
        if (!sb || !rb) rc = LEV_ENOMEM;
    }
    if ((rc = lmpi_agree(net, rc ? lmpi_fail(net, rc, "%s: %s distributing the edges", path,
                                              rc == LEV_ELIMIT ? "too many edges for one exchange" : "out of memory")
                                 : LEV_OK)))
        goto done;
    {
        int *pos = c + 3 * P; /* reuse rdispl? no: need a cursor per destination */
        int *cur = malloc((size_t)P * sizeof *cur);
        if (!cur) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
        else {
            memcpy(cur, c + P, (size_t)P * sizeof *cur);
            for (size_t k = 0; k < lm; k++) sb[cur[lmpi_owner(net, in ? le[k].t : le[k].s)]++] = le[k];
            free(cur);
        }
        (void)pos;
    }
    if ((rc = lmpi_agree(net, rc))) goto done;
    MPI_Datatype et;
    MPI_Type_contiguous((int)sizeof(lmpi_edge), MPI_BYTE, &et);
    MPI_Type_commit(&et);
    lmpi_alltoallv(net, sb, c, c + P, rb, c + 2 * P, c + 3 * P, et);
    MPI_Type_free(&et);
    free(sb);
    sb = NULL;
    lmpi_side *sd = in ? &net->in : &net->out;
    rc = build_side(net, sd, rb, (size_t)nr, in);
    if (rc) rc = lmpi_fail(net, rc, "%s: out of memory for the compact form", path);
    if ((rc = lmpi_agree(net, rc))) goto done;
    rc = localize(net, sd);
    if (rc) rc = lmpi_fail(net, rc, "%s: %s", path, rc == LEV_ELIMIT ? "too many ghosts for one exchange" : "out of memory for the ghosts");
    rc = lmpi_agree(net, rc);
done:
    free(c);
    free(sb);
    free(rb);
    return rc;
}

lev_status lev_mpi_read_edges(lev_mpi_network *net, const char *path, const lev_params *p) {
    (void)p;
    if (!net) return LEV_EMISUSE;
    lev_status rc = LEV_OK;
    if (!path) rc = lmpi_fail(net, LEV_EMISUSE, "lev_mpi_read_edges: path is NULL");
    else if (net->loaded) rc = lmpi_fail(net, LEV_EMISUSE, "lev_mpi_read_edges: the network is already loaded");
    if ((rc = lmpi_agree(net, rc))) return rc;
    lev_network *loc = NULL;
    uint32_t *gid = NULL;
    lmpi_edge *le = NULL;
    size_t lm = 0;
    if ((rc = parse_chunk(net, path, &loc))) return rc;
    uint32_t la = lev_actor_count(loc);
    lm = lev_edge_count(loc);
    gid = malloc(((size_t)la + 1) * sizeof *gid);
    if (!gid) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", path);
    if ((rc = lmpi_agree(net, rc))) goto fail;
    if ((rc = number_actors(net, loc, gid, path))) goto fail;
    le = malloc((lm + 1) * sizeof *le);
    if (!le) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %zu edges", path, lm);
    if ((rc = lmpi_agree(net, rc))) goto fail;
    for (size_t k = 0; k < lm; k++) {
        uint32_t s, t;
        double w;
        lev_edge_get(loc, k, &s, &t, &w, NULL);
        le[k].s = gid[s];
        le[k].t = gid[t];
        le[k].w = (float)w;
    }
    lev_network_free(loc);
    loc = NULL;
    free(gid);
    gid = NULL;
    uint64_t mine = lm;
    MPI_Allreduce(&mine, &net->m, 1, MPI_UINT64_T, MPI_SUM, net->comm);
    if ((rc = distribute(net, le, lm, 1, path))) goto fail;
    if ((rc = distribute(net, le, lm, 0, path))) goto fail;
    free(le);
    net->loaded = 1;
    net->errmsg[0] = 0;
    return LEV_OK;
fail:
    if (loc) lev_network_free(loc);
    free(gid);
    free(le);
    unload(net);
    return rc;
}
