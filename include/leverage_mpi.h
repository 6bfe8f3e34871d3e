/*
 * libleverage_mpi — the PageRank-class kernels of libleverage over MPI (Open MPI), for networks
 * that outgrow one machine.
 *
 * A separate library with its own ABI major (LEV_MPI_VERSION_MAJOR): libleverage itself, its
 * header and its pkg-config file never depend on MPI. This header includes <mpi.h> and
 * leverage.h; link with libleverage_mpi and libleverage (pkg-config leverage-mpi, or CMake
 * `find_package(leverage COMPONENTS mpi)` and `leverage::leverage_mpi`).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef LEVERAGE_MPI_H
#define LEVERAGE_MPI_H

#include <mpi.h>

#include "leverage.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup mpi Scale-out: the network over MPI
 * @brief A network spread over the ranks of an MPI communicator, and the kernels that run on it.
 *
 * Who uses it: a network too big for one machine's memory (10^9–10^11 ties). Every rank of a
 * communicator holds a part: the actors are numbered 0..n−1 exactly as lev_read_file() numbers
 * them on one machine (in order of first appearance in the file), and rank r *owns* one
 * contiguous block of those numbers (a whole number of 2048-actor blocks, balanced by count).
 * A rank keeps the compact form of its owned actors' in-edges and out-edges (4 bytes of id and
 * 4 of float strength per edge per direction: 16 bytes per owned arc pair, as on one machine)
 * plus the ids of the *ghosts* (actors owned elsewhere that its edges touch) and the exchange
 * lists for them. docs/scale-out.md gives the cost model.
 *
 * **Collective calls.** Every function taking a ::lev_mpi_network is collective over its
 * communicator (all ranks call it, in the same order, with the same options) except the
 * accessors marked local. A collective call returns the same status on every rank, and its
 * message (lev_mpi_errmsg()) is the same on every rank: the first error in file order, naming
 * file:line:column, when the input is bad on one rank only. A failed call changes nothing and
 * leaves nothing allocated. The library never calls MPI_Init or MPI_Finalize and never uses
 * MPI_COMM_WORLD: it works on a duplicate of the communicator it is given.
 *
 * **Same results as one machine.** The options are the same ::lev_params keys with the same
 * meaning as the single-process calls; the results are the single-process results for any
 * number of ranks: degree and strength exactly, PageRank bit for bit (each owned actor sums its
 * edges in the single-process order and the two reductions are summed per 2048-actor block in
 * block order, as lev_pagerank() does), components exactly.
 *
 * **Messages** go on the distributed network, never on the ::lev_params (which are only read):
 * read them with lev_mpi_errmsg(). Outputs are written only on #LEV_OK.
 * @since 0.1
 * @{
 */

/** @brief Major version of libleverage_mpi's ABI (its SONAME's number). @since 0.1 */
#define LEV_MPI_VERSION_MAJOR 0

/** @brief A network spread over the ranks of a communicator. Opaque. @since 0.1 */
typedef struct lev_mpi_network lev_mpi_network;

/**
 * @brief Create an empty distributed network on a communicator. Collective.
 *
 * The network works on its own duplicate of `comm` (MPI_Comm_dup), so its messages never mix
 * with the caller's. Load it with lev_mpi_read_edges().
 * @param[in]  comm An intra-communicator; MPI must be initialized (MPI_THREAD_SINGLE is enough:
 *   the library calls MPI from the calling thread only).
 * @param[out] out  Receives the network; untouched on failure.
 * @return LEV_OK; LEV_EMISUSE (out NULL, comm MPI_COMM_NULL, or MPI not initialized);
 *   LEV_ENOMEM; LEV_EIO (MPI_Comm_dup failed).
 * @par Complexity
 *   O(1) plus one MPI_Comm_dup.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_network_new(MPI_Comm comm, lev_mpi_network **out);

/**
 * @brief Free a distributed network and its duplicate communicator. Collective. NULL is a no-op
 * (on every rank alike).
 * @param[in] net The network, or NULL.
 * @par Complexity
 *   O(owned actors + ghosts) plus one MPI_Comm_free.
 * @since 0.1
 */
LEV_API void lev_mpi_network_free(lev_mpi_network *net);

/**
 * @brief The message of the last failed collective call on this network ("" if none). Local.
 * @param[in] net The network, or NULL ("invalid network").
 * @return A string owned by the network, valid until its next call; the same on every rank.
 * @since 0.1
 */
LEV_API const char *lev_mpi_errmsg(const lev_mpi_network *net);

/**
 * @brief Read an edges CSV (the format of lev_read_file()'s LEV_FORMAT_EDGES_CSV) in parallel.
 * Collective.
 *
 * Each rank reads its own byte range of the file (split at line ends outside quoted fields) and
 * parses it with the single-process reader; names are numbered by an all-to-all exchange, so
 * actor i is the actor lev_read_file() would number i. Errors are collective: every rank
 * returns the same status and message, which names the file, the line and column of the first
 * bad row in the file, and the network stays empty. A network can be loaded once.
 * @param[in] net  An empty network (from lev_mpi_network_new()).
 * @param[in] path The file, readable by every rank (a shared file system).
 * @param[in] p    Options or NULL: LEV_P_THREADS (per rank). Only read.
 * @return LEV_OK; LEV_EMISUSE (net or path NULL, or net already loaded); LEV_ENOTFOUND (no
 *   such file); LEV_EIO (the file cannot be opened or read on some rank); LEV_EPARSE, LEV_EINVAL (bad rows, as
 *   lev_read_file()); LEV_ELIMIT (2^32 − 1 actors or more); LEV_ENOMEM.
 * @par Complexity
 *   O(bytes / P + E/P + V/P) per rank plus five all-to-all exchanges of the names and two of
 *   the edges (12 bytes per edge).
 * @since 0.1
 */
LEV_API lev_status lev_mpi_read_edges(lev_mpi_network *net, const char *path, const lev_params *p);

/**
 * @brief Number of actors of the whole network (0 before loading). Local.
 * @param[in] net The network, or NULL (0).
 * @return The count, the same on every rank.
 * @since 0.1
 */
LEV_API uint64_t lev_mpi_actor_count(const lev_mpi_network *net);

/**
 * @brief Number of edges of the whole network (0 before loading). Local.
 * @param[in] net The network, or NULL (0).
 * @return The count, the same on every rank.
 * @since 0.1
 */
LEV_API uint64_t lev_mpi_edge_count(const lev_mpi_network *net);

/**
 * @brief The actors this rank owns: ids first .. first + count − 1. Local.
 *
 * Per-actor outputs of the kernels hold `count` entries, entry i for actor first + i.
 * @param[in]  net   The network.
 * @param[out] first Receives the first owned id; may be NULL.
 * @param[out] count Receives how many (0 on a rank that owns none); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL).
 * @since 0.1
 */
LEV_API lev_status lev_mpi_owned(const lev_mpi_network *net, uint64_t *first, uint64_t *count);

/**
 * @brief Name of an owned actor. Local.
 * @param[in] net   The network.
 * @param[in] actor A global id this rank owns.
 * @return The name (owned by the network, valid until it is freed), or NULL if net is NULL or
 *   the actor is not owned here.
 * @since 0.1
 */
LEV_API const char *lev_mpi_actor_name(const lev_mpi_network *net, uint64_t actor);

/**
 * @brief Degree of every owned actor, as lev_degree(). Collective.
 * @param[in]  net The network.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION, LEV_P_UNDIRECTED (as lev_degree()).
 * @param[out] out Caller-owned, lev_mpi_owned()'s count entries; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net NULL, or out NULL on a rank that owns actors).
 * @par Complexity
 *   O(owned actors); no communication beyond agreeing on the status.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_degree(lev_mpi_network *net, const lev_params *p, double *out);

/**
 * @brief Strength of every owned actor, as lev_strength() (float strengths summed in double,
 * out-edges by target then in-edges by source: the same bits). Collective.
 * @param[in]  net The network.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION, LEV_P_UNDIRECTED, LEV_P_WEIGHTED.
 * @param[out] out Caller-owned, lev_mpi_owned()'s count entries; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE.
 * @par Complexity
 *   O(owned edges).
 * @since 0.1
 */
LEV_API lev_status lev_mpi_strength(lev_mpi_network *net, const lev_params *p, double *out);

/**
 * @brief PageRank of every owned actor, as lev_pagerank() with no personalization. Collective.
 *
 * Pull by owned actor; the values of ghost actors are exchanged once per iteration with
 * MPI_Alltoallv (each rank sends each other rank only the values it needs), and the dangling
 * mass and L1 change are reduced per 2048-actor block in block order, so the result equals
 * lev_pagerank()'s bit for bit for any number of ranks.
 * @param[in]  net The network.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION (LEV_DIR_OUT: influence exerted),
 *   LEV_P_DAMPING, LEV_P_TOLERANCE, LEV_P_MAX_ITER, LEV_P_UNDIRECTED, LEV_P_WEIGHTED,
 *   LEV_P_THREADS (per rank).
 * @param[out] out Caller-owned, lev_mpi_owned()'s count entries; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE, LEV_ENOCONV (not within LEV_P_MAX_ITER iterations), LEV_ENOMEM.
 * @par Complexity
 *   O(E/P + V/P) per iteration per rank, plus 8 bytes per ghost received and one all-gather of
 *   2 doubles per 2048-actor block.
 * @par Reference
 *   Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_pagerank(lev_mpi_network *net, const lev_params *p, double *out);

/**
 * @brief Components of the owned actors, numbered as lev_components() numbers them (in order of
 * each component's first actor): strong by default, weak with LEV_P_UNDIRECTED 1. Collective.
 *
 * Weak: minimum-label propagation over the ties read both ways, ghost labels exchanged each
 * round, with pointer jumping on the owned labels; rounds ≤ the longest shortest path between
 * an actor and its component's first actor. Strong: colouring (Orzan 2004): while actors are
 * left, each left actor takes the smallest id among the left actors that reach it (propagated
 * along in-edges), each actor whose colour is its own id is a root, and the actors of its colour
 * that reach it (propagated back along out-edges) form its component and leave. Every pass
 * removes at least the component of the smallest id left, so passes ≤ the number of strong
 * components, each of rounds ≤ the longest path among the actors left: quick on networks with
 * one giant component, slow on long acyclic chains.
 * @param[in]  net       The network.
 * @param[in]  p         Options or NULL: LEV_P_UNDIRECTED (0 strong, the default; 1 weak).
 * @param[out] component Caller-owned, lev_mpi_owned()'s count entries; written only on LEV_OK.
 * @param[out] count     Receives the number of components of the whole network; may be NULL.
 * @return LEV_OK, LEV_EMISUSE, LEV_ENOMEM.
 * @par Complexity
 *   Weak: O((E/P + V/P) · rounds) per rank, plus the ghosts' labels per round. Strong: the same
 *   per round, summed over the passes' forward and backward rounds.
 * @par Reference
 *   Orzan, S. (2004). On distributed verification and verified distribution (colouring SCC
 *   algorithm). PhD thesis, Vrije Universiteit Amsterdam. Fleischer, L., Hendrickson, B. &
 *   Pinar, A. (2000). On identifying strongly connected components in parallel. IPDPS workshops.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_components(lev_mpi_network *net, const lev_params *p, uint32_t *component,
                                      uint64_t *count);

/**
 * @brief How far a campaign spreads from given seeds, as lev_spread(): the expected number of
 * actors reached under Independent Cascade or Linear Threshold, by Monte Carlo. Collective.
 *
 * Who is reached if these actors start? The same runs as lev_spread(): run r draws only from
 * the stream of (LEV_P_SEED, r), each rank runs its share of the 256-run blocks, and the block
 * sums are added in block order, so the results are lev_spread()'s bit for bit for any number
 * of ranks (and any LEV_P_THREADS). Each rank holds a replica of the compact form's in- and
 * out-rows for the call (8 bytes per edge per side, 16 per actor: docs/scale-out.md).
 * @param[in]  net    The network.
 * @param[in]  seeds  The actors who start, by global id (0 .. lev_mpi_actor_count() − 1),
 *   distinct; the same array on every rank. May be NULL when nseeds is 0.
 * @param[in]  nseeds How many.
 * @param[in]  p      Options or NULL: LEV_P_MODEL, LEV_P_PROBABILITY, LEV_P_CONSTANT_PROBABILITY,
 *   LEV_P_WEIGHTED (LT), LEV_P_RUNS, LEV_P_SEED, LEV_P_THREADS (per rank). Only read.
 * @param[out] spread Receives the expected number of actors reached (the seeds included), on
 *   every rank.
 * @param[out] se     Receives its standard error; may be NULL.
 * @param[out] ci95   Receives the 95% interval (2 entries); may be NULL.
 * @param[out] prob   Caller-owned, lev_mpi_owned()'s count entries: each owned actor's chance
 *   of being reached; may be NULL.
 * @return LEV_OK; LEV_EMISUSE (net or spread NULL, seeds NULL with nseeds > 0, not loaded);
 *   LEV_EINVAL (a seed out of range or repeated; with LEV_PROB_STRENGTH a strength above 1);
 *   LEV_ELIMIT (2^31 or more edges: the replica is gathered in one exchange); LEV_ENOMEM.
 * @par Contract
 *   Outputs are written only on LEV_OK; the status and message are the same on every rank.
 *   Strengths are checked as the 32-bit floats the compact form stores (lev_spread() checks the
 *   strengths as given).
 * @par Complexity
 *   O(runs/P · cascade size) per rank, plus the replica (two all-gathers of 8 bytes per edge,
 *   one of 4 per actor) and one all-reduce of 16 bytes per 256-run block (and 8 per actor with
 *   prob).
 * @par Reference
 *   Kempe, D., Kleinberg, J. & Tardos, É. (2003). Maximizing the spread of influence through a
 *   social network. KDD.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_spread(lev_mpi_network *net, const uint64_t *seeds, size_t nseeds, const lev_params *p,
                                  double *spread, double *se, double *ci95, double *prob);

/**
 * @brief Whom to start with: the k seeds that reach the most, as lev_seeds() (OPIM-C over
 * reverse-reachable sets). Collective.
 *
 * The same RR sets as lev_seeds(): set i draws only from the stream of (LEV_P_SEED, i), and
 * rank r draws its share of every batch. The greedy's counts (how many uncovered sets hold each
 * actor) are summed over the ranks after every pick, one MPI_Allreduce of n 32-bit counts per
 * seed (as Ripples does); those sums are integers, so every rank sees the counts one process
 * would. The seeds, gains, spread, certified ratio, RR sets and RR bytes are therefore
 * lev_seeds()'s for the same options, for any number of ranks, on every rank. Each rank holds a
 * replica of the compact form's in-rows for the call (8 bytes per edge, 8 per actor) and about
 * 1/P of the RR sets.
 * @param[in]  net      The network.
 * @param[in]  k        How many seeds (≥ 1).
 * @param[in]  rule     This rank's owned actors' lev_seed_rule (lev_mpi_owned()'s count
 *   entries, entry i for actor first + i), or NULL (this rank's actors are allowed).
 * @param[in]  cost     This rank's owned actors' costs (finite, > 0), read with LEV_P_BUDGET
 *   > 0; NULL: 1 each.
 * @param[in]  p        Options or NULL: LEV_P_MODEL, LEV_P_PROBABILITY,
 *   LEV_P_CONSTANT_PROBABILITY, LEV_P_WEIGHTED (LT), LEV_P_SEEDS_EPSILON, LEV_P_BUDGET,
 *   LEV_P_SEED, LEV_P_THREADS (per rank); LEV_P_TARGET_GROUP must be −1 (the distributed
 *   network has no groups). Only read.
 * @param[out] seeds    Caller-owned, min(k, actors) entries: the seeds by global id, in
 *   selection order; the same on every rank.
 * @param[out] gains    Caller-owned, as seeds: each seed's marginal gain; may be NULL.
 * @param[out] len      Receives how many seeds were chosen.
 * @param[out] spread   Receives the expected number of actors the seeds reach; may be NULL.
 * @param[out] ratio    Receives the approximation ratio certified; may be NULL.
 * @param[out] rr_sets  Receives the number of RR sets drawn (by all ranks); may be NULL.
 * @param[out] rr_bytes Receives the bytes the sets and the greedy's index would take on one
 *   process (lev_seeds()'s figure; each rank holds about 1/P of the sets); may be NULL.
 * @return LEV_OK; LEV_EMISUSE (net, seeds or len NULL, not loaded); LEV_EINVAL (k 0, a bad rule
 *   or cost, more required seeds than k or than the budget, a target group, a strength above 1
 *   with LEV_PROB_STRENGTH); LEV_ELIMIT (2^31 or more edges); LEV_ENOMEM.
 * @par Contract
 *   Outputs are written only on LEV_OK; the status and message are the same on every rank (bad
 *   input on one rank only is every rank's error).
 * @par Complexity
 *   O(θ/P · RR set size + k · n) per rank for θ RR sets, plus the replica (two all-gathers of 4
 *   bytes per edge, one of 4 per actor) and k + 1 all-reduces of 4n bytes per OPIM-C round.
 * @par Reference
 *   Tang, J., Tang, X., Xiao, X. & Yuan, J. (2018). Online processing algorithms for influence
 *   maximization. SIGMOD. Minutoli, M. et al. (2019). cuRipples / Ripples: fast and scalable
 *   implementations of influence maximization algorithms. IEEE CLUSTER.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_seeds(lev_mpi_network *net, size_t k, const uint8_t *rule, const double *cost,
                                 const lev_params *p, uint64_t *seeds, double *gains, size_t *len, double *spread,
                                 double *ratio, uint64_t *rr_sets, uint64_t *rr_bytes);

/**
 * @brief Collect a per-owned-actor vector on one rank, in actor order. Collective.
 * @param[in]  net   The network.
 * @param[in]  owned This rank's entries (lev_mpi_owned()'s count of them).
 * @param[in]  root  The rank that receives.
 * @param[out] all   On root: caller-owned, lev_mpi_actor_count() entries; ignored elsewhere.
 * @return LEV_OK, LEV_EMISUSE (root out of range, or a NULL array where one is needed).
 * @par Complexity
 *   O(V) on root, one MPI_Gatherv.
 * @since 0.1
 */
LEV_API lev_status lev_mpi_gather(lev_mpi_network *net, const double *owned, int root, double *all);

/**
 * @brief What this rank holds and has sent: for the cost model. Local.
 * @param[in]  net      The network.
 * @param[out] bytes    Receives the bytes of this rank's part (compact form, ghosts, exchange
 *   lists, names); may be NULL.
 * @param[out] ghosts   Receives the number of ghost actors (in-edge and out-edge ghosts); may be NULL.
 * @param[out] sent     Receives the bytes this rank has sent to other ranks by the library's
 *   exchanges since it was created; may be NULL.
 * @param[out] messages Receives the number of point-to-point messages those were (one per
 *   non-empty destination per exchange); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL).
 * @since 0.1
 */
LEV_API lev_status lev_mpi_stats(const lev_mpi_network *net, uint64_t *bytes, uint64_t *ghosts, uint64_t *sent,
                                 uint64_t *messages);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* LEVERAGE_MPI_H */
