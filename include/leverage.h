/*
 * libleverage — leverage points and power imbalances in social networks.
 *
 * This is the one public header: the whole stable C ABI. It includes only
 * <stddef.h> and <stdint.h>. Every symbol is documented here; the user guide in
 * docs/ explains the model and each algorithm family.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef LEVERAGE_H
#define LEVERAGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup core Core: versions, status codes, networks, options
 * @{
 */

/** @cond LEV_INTERNAL */
#if defined(_WIN32) && !defined(LEV_STATIC)
#  ifdef LEV_BUILDING
#    define LEV_API __declspec(dllexport)
#  else
#    define LEV_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define LEV_API __attribute__((visibility("default")))
#else
#  define LEV_API
#endif
/** @endcond */

/** @brief Major version of this header; a library with another major is not ABI compatible. */
#define LEV_VERSION_MAJOR 0
/** @brief Minor version of this header; grows when symbols are added. */
#define LEV_VERSION_MINOR 1
/** @brief Patch version of this header; grows for fixes that change no interface. */
#define LEV_VERSION_PATCH 0
/** @brief The header's version as a string, "MAJOR.MINOR.PATCH". */
#define LEV_VERSION_STRING "0.1.0"
/** @brief The header's version as one comparable number: MAJOR*10000 + MINOR*100 + PATCH. */
#define LEV_VERSION_NUMBER (LEV_VERSION_MAJOR * 10000 + LEV_VERSION_MINOR * 100 + LEV_VERSION_PATCH)

/**
 * @brief Version of the library actually loaded, as LEV_VERSION_NUMBER was when it was built.
 *
 * Compare with LEV_VERSION_NUMBER to tell the header from the loaded library: a binding refuses
 * a library whose major (`lev_version() / 10000`) differs from the one it was written for.
 * @return MAJOR*10000 + MINOR*100 + PATCH. Never fails; thread-safe.
 * @since 0.1
 */
LEV_API uint32_t lev_version(void);

/**
 * @brief Version of the library actually loaded, as a string ("0.1.0").
 * @return Static text, never NULL; never to be freed. Thread-safe.
 * @since 0.1
 */
LEV_API const char *lev_version_string(void);

/**
 * @brief The status codes, as one table: X(name, value, text).
 *
 * Values are ABI: pinned, only ever appended. LEV_OK is 0; errors are small positive ints.
 */
#define LEV_STATUS_MAP(X)                                   \
    X(OK, 0, "success")                                     \
    X(ENOMEM, 1, "out of memory")                           \
    X(EINVAL, 2, "invalid argument")                        \
    X(ENOTFOUND, 3, "not found")                            \
    X(EEXIST, 4, "already exists")                          \
    X(EPARSE, 5, "parse error")                             \
    X(EIO, 6, "I/O error")                                  \
    X(ENOCONV, 7, "did not converge")                       \
    X(ECANCELLED, 8, "cancelled")                           \
    X(EMISUSE, 9, "library misuse")                         \
    X(EUNSUPPORTED, 10, "unsupported")                      \
    X(ERANGE, 11, "output buffer too small")                \
    X(ELIMIT, 12, "size limit exceeded")

/** @brief A status code: LEV_OK (0) or one of the LEV_E* errors of LEV_STATUS_MAP. */
typedef int lev_status;

/** @brief The status codes (see LEV_STATUS_MAP for the text of each). */
enum lev_status_code {
    LEV_OK = 0,           /**< success */
    LEV_ENOMEM = 1,       /**< out of memory: the allocator returned NULL */
    LEV_EINVAL = 2,       /**< invalid argument: a value out of its domain (NaN, ≤ 0, unknown index…) */
    LEV_ENOTFOUND = 3,    /**< not found: no actor, resource or file by that name */
    LEV_EEXIST = 4,       /**< already exists: a duplicate name */
    LEV_EPARSE = 5,       /**< parse error: malformed input text */
    LEV_EIO = 6,          /**< I/O error: a file could not be opened, read or written */
    LEV_ENOCONV = 7,      /**< did not converge within LEV_P_MAX_ITER iterations */
    LEV_ECANCELLED = 8,   /**< cancelled by the progress callback */
    LEV_EMISUSE = 9,      /**< library misuse: a NULL handle or NULL required pointer */
    LEV_EUNSUPPORTED = 10,/**< unsupported: an unknown option key, format or enum value */
    LEV_ERANGE = 11,      /**< output buffer too small: the needed length is reported */
    LEV_ELIMIT = 12       /**< size limit exceeded: more actors or edges than the ids can hold */
};

/**
 * @brief Static English text for a status code ("out of memory").
 * @param s Any int; an unknown code gives "unknown status".
 * @return Static text, never NULL. Thread-safe.
 * @since 0.1
 */
LEV_API const char *lev_strerror(lev_status s);

/**
 * @brief The symbolic name of a status code ("LEV_ENOMEM"), for bindings that map codes to exceptions.
 * @param s Any int; an unknown code gives "LEV_UNKNOWN".
 * @return Static text, never NULL. Thread-safe.
 * @since 0.1
 */
LEV_API const char *lev_status_name(lev_status s);

/**
 * @brief A network: actors, resources and influence edges. Opaque.
 *
 * Made by lev_network_new() or lev_network_new_with_alloc(), freed by lev_network_free().
 * Calls that change a network need exclusive access to it; any number of threads may run
 * read-only calls (lookups and analyses) on an unchanged network at once. The compact form the
 * algorithms read is built by the first analysis after a change, under an internal lock.
 */
typedef struct lev_network lev_network;

/**
 * @brief A set of options for one call, plus that call's error message. Opaque.
 *
 * Made by lev_params_new(), freed by lev_params_free(). NULL wherever a `lev_params *` is
 * taken means "all defaults". A params object is written by the calls it is passed to (their
 * error message), so use one per thread.
 */
typedef struct lev_params lev_params;

/**
 * @brief A memory allocator, with exactly the contract of Lua's `lua_Alloc`.
 *
 * - `nsize == 0`: free `ptr` (which may be NULL) and return NULL.
 * - `nsize > 0`: return a block of `nsize` bytes holding the first `min(osize, nsize)` bytes
 *   of `ptr` (a fresh block when `ptr` is NULL), or NULL on failure, leaving `ptr` valid.
 *
 * `osize` is the true size of `ptr` when `ptr` is not NULL. Blocks must be aligned for any
 * type (as malloc's are). Mutating calls and analyses call it only on the calling thread,
 * never from a worker thread; but analyses running at the same time on one network from
 * several threads each call it, so an allocator shared that way must be thread-safe.
 */
typedef void *(*lev_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/**
 * @brief Create an empty network that uses the C library's malloc, realloc and free.
 * @param[out] out Receives the new network; set to NULL on failure.
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_ENOMEM.
 * @par Complexity O(1).
 * @since 0.1
 */
LEV_API lev_status lev_network_new(lev_network **out);

/**
 * @brief Create an empty network whose every byte is allocated through `f`.
 *
 * The network keeps `f` and `ud` for its whole life, including lev_network_free(); the library
 * passes `ud` back untouched. Lua hosts pass `lua_getallocf(L, &ud)` so the host sees the memory.
 * @param[out] out Receives the new network; set to NULL on failure.
 * @param[in]  f   The allocator (see lev_alloc_fn); must not be NULL.
 * @param[in]  ud  Opaque pointer passed to every call of `f`.
 * @return LEV_OK, LEV_EMISUSE (out or f NULL), LEV_ENOMEM.
 * @par Complexity O(1).
 * @since 0.1
 */
LEV_API lev_status lev_network_new_with_alloc(lev_network **out, lev_alloc_fn f, void *ud);

/**
 * @brief Free a network and everything it owns. NULL does nothing.
 *
 * Every pointer the network handed out (names, messages) becomes invalid.
 * @par Complexity O(V + E + names).
 * @since 0.1
 */
LEV_API void lev_network_free(lev_network *net);

/**
 * @brief Status of the last failed call that recorded its failure on `net`.
 *
 * Mutating calls record failures on the network; analyses record them on their `lev_params`,
 * or on the network (under a lock, last writer wins) when given NULL params. A successful call
 * does not reset it.
 * @return The code, LEV_OK when nothing failed yet, LEV_EMISUSE when net is NULL.
 * @since 0.1
 */
LEV_API lev_status lev_errcode(const lev_network *net);

/**
 * @brief Message for the last failure recorded on `net`: what, where and why.
 *
 * For example `edges.csv:14:3: strength must be finite and > 0 (got "nan")`.
 * @return Borrowed text, valid until the next call that changes `net` or records a failure on
 *   it; "" when nothing failed yet; a static text when net is NULL. Never NULL.
 * @since 0.1
 */
LEV_API const char *lev_errmsg(const lev_network *net);

/** @} */

/**
 * @defgroup model Model: actors, resources, influence edges
 * @{
 */

/** @brief The index value that names no actor, resource or edge. */
#define LEV_NONE UINT32_MAX

/** @brief The largest number of actors (and of resources) a network can hold: 2^31 − 1. */
#define LEV_MAX_ACTORS 2147483647u

/**
 * @brief Add an actor.
 *
 * The actor gets the next dense index (`lev_actor_count(net)` before the call). Names are unique,
 * compared byte for byte; both strings are copied.
 * @param[in]  net   The network; changed.
 * @param[in]  name  Non-empty, valid UTF-8, NUL-terminated.
 * @param[in]  group Group label (faction, department…) or NULL/"" for none; valid UTF-8.
 * @param[out] idx   Receives the new index; may be NULL.
 * @return LEV_OK; LEV_EMISUSE (net or name NULL); LEV_EINVAL (empty or invalid UTF-8 name or
 *   group); LEV_EEXIST (name taken); LEV_ELIMIT (LEV_MAX_ACTORS reached); LEV_ENOMEM. On
 *   failure nothing changes and the message is on `net`.
 * @par Complexity O(|name| + |group|) amortized.
 * @since 0.1
 */
LEV_API lev_status lev_actor_add(lev_network *net, const char *name, const char *group, uint32_t *idx);

/**
 * @brief Index of the actor called `name`.
 * @param[out] idx Receives the index, or LEV_NONE when not found; may be NULL.
 * @return LEV_OK, LEV_ENOTFOUND, LEV_EMISUSE (net or name NULL). Records nothing on `net`.
 * @par Complexity O(|name|) expected.
 * @since 0.1
 */
LEV_API lev_status lev_actor_find(const lev_network *net, const char *name, uint32_t *idx);

/**
 * @brief Number of actors; their indices are 0..count−1.
 * @return The count; 0 when net is NULL.
 * @since 0.1
 */
LEV_API size_t lev_actor_count(const lev_network *net);

/**
 * @brief Name of actor `i`.
 * @return Borrowed, valid until the network is freed or a failed reader rolls it back; NULL when
 *   net is NULL or `i` is out of range.
 * @since 0.1
 */
LEV_API const char *lev_actor_name(const lev_network *net, uint32_t i);

/**
 * @brief Group label of actor `i`.
 * @return Borrowed, valid until the network is freed; NULL when the actor has no group, net is
 *   NULL or `i` is out of range.
 * @since 0.1
 */
LEV_API const char *lev_actor_group(const lev_network *net, uint32_t i);

/**
 * @brief Set or clear the group label of actor `i`.
 * @param[in] group The label (copied), or NULL/"" to clear it; valid UTF-8.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad index or UTF-8), LEV_ENOMEM; on
 *   failure nothing changes.
 * @par Complexity O(|group|) amortized.
 * @since 0.1
 */
LEV_API lev_status lev_actor_set_group(lev_network *net, uint32_t i, const char *group);

/**
 * @brief Add a resource (a named good: money, votes, information…).
 *
 * Every actor holds and needs 0 of a new resource.
 * @param[in]  name Non-empty valid UTF-8; copied; unique among resources.
 * @param[out] idx  Receives the new resource index (0, 1, … in order of addition); may be NULL.
 * @return LEV_OK, LEV_EMISUSE, LEV_EINVAL (empty or invalid name), LEV_EEXIST, LEV_ELIMIT,
 *   LEV_ENOMEM; on failure nothing changes.
 * @par Complexity O(|name|) amortized.
 * @since 0.1
 */
LEV_API lev_status lev_resource_add(lev_network *net, const char *name, uint32_t *idx);

/**
 * @brief Index of the resource called `name`.
 * @param[out] idx Receives the index, or LEV_NONE when not found; may be NULL.
 * @return LEV_OK, LEV_ENOTFOUND, LEV_EMISUSE. Records nothing on `net`.
 * @since 0.1
 */
LEV_API lev_status lev_resource_find(const lev_network *net, const char *name, uint32_t *idx);

/**
 * @brief Number of resources.
 * @return The count; 0 when net is NULL.
 * @since 0.1
 */
LEV_API size_t lev_resource_count(const lev_network *net);

/**
 * @brief Name of resource `r`.
 * @return Borrowed, valid until the network is freed; NULL when out of range or net is NULL.
 * @since 0.1
 */
LEV_API const char *lev_resource_name(const lev_network *net, uint32_t r);

/**
 * @brief Set how much of resource `r` actor `i` holds and needs.
 * @param[in] holds Amount held, finite and ≥ 0, in the resource's own unit.
 * @param[in] needs Amount needed, finite and ≥ 0, same unit.
 * @return LEV_OK, LEV_EMISUSE, LEV_EINVAL (bad index, negative or non-finite amount),
 *   LEV_ENOMEM; on failure nothing changes.
 * @par Complexity O(1) amortized (the first amount set on a resource allocates 16 bytes per actor).
 * @since 0.1
 */
LEV_API lev_status lev_actor_set_resource(lev_network *net, uint32_t i, uint32_t r, double holds, double needs);

/**
 * @brief What actor `i` holds and needs of resource `r` (0 and 0 unless set).
 * @param[out] holds Receives the amount held; may be NULL.
 * @param[out] needs Receives the amount needed; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad index). Records nothing on `net`.
 * @since 0.1
 */
LEV_API lev_status lev_actor_get_resource(const lev_network *net, uint32_t i, uint32_t r, double *holds, double *needs);

/**
 * @brief Every actor's holdings and needs of resource `r`, as two arrays.
 * @param[out] holds Caller-owned, length lev_actor_count(net), or NULL; written only on LEV_OK.
 * @param[out] needs Caller-owned, length lev_actor_count(net), or NULL; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad resource index).
 * @par Complexity O(V).
 * @since 0.1
 */
LEV_API lev_status lev_resource_amounts(const lev_network *net, uint32_t r, double *holds, double *needs);

/**
 * @brief Add an influence edge `source → target`.
 *
 * Self-loops and parallel edges (in the same or other channels) are kept as given; each
 * algorithm documents how it folds them.
 * @param[in]  strength How much influence flows: finite and > 0 (larger = more influence).
 *   Algorithms read it rounded to single precision (relative error ≤ 6e-8); lev_edge_get
 *   returns it exactly.
 * @param[in]  channel  Kind of leverage (kinship, money, office…) or NULL/"" for none; copied.
 * @param[out] idx      Receives the edge index (0, 1, … in order of addition); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (unknown actor index, strength not
 *   finite and > 0, channel not UTF-8), LEV_ELIMIT, LEV_ENOMEM; on failure nothing changes.
 * @par Complexity O(|channel|) amortized.
 * @since 0.1
 */
LEV_API lev_status lev_edge_add(lev_network *net, uint32_t source, uint32_t target, double strength,
                                const char *channel, size_t *idx);

/**
 * @brief Add an influence edge between actors named by strings, adding either actor that does
 * not exist yet (without a group), source first.
 *
 * All or nothing: on failure no actor and no edge is added.
 * @return As lev_edge_add() and lev_actor_add().
 * @since 0.1
 */
LEV_API lev_status lev_edge_add_by_name(lev_network *net, const char *source, const char *target,
                                        double strength, const char *channel, size_t *idx);

/**
 * @brief Number of influence edges; their indices are 0..count−1.
 * @return The count; 0 when net is NULL.
 * @since 0.1
 */
LEV_API size_t lev_edge_count(const lev_network *net);

/**
 * @brief Read edge `i` back.
 * @param[out] source   Receives the source actor index; may be NULL.
 * @param[out] target   Receives the target actor index; may be NULL.
 * @param[out] strength Receives the strength exactly as added; may be NULL.
 * @param[out] channel  Receives the channel label (borrowed, valid until the network is freed)
 *   or NULL when the edge has none; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (i out of range).
 * @since 0.1
 */
LEV_API lev_status lev_edge_get(const lev_network *net, size_t i, uint32_t *source, uint32_t *target,
                                double *strength, const char **channel);

/** @} */

/**
 * @defgroup params Options, progress and cancellation
 * @{
 */

/**
 * @brief Option keys. Values are ABI: never renumbered, never reused.
 *
 * 100s apply to many algorithms; 200s centrality; later families take later hundreds.
 * Each key has a type (int or double), bounds and a default (lev_param_info()).
 */
typedef enum lev_param {
    /** int, ≥ 0, default 1: seed of every randomized algorithm (same seed, same answer). */
    LEV_P_SEED = 100,
    /** int, 0..1024, default 0: worker threads; 0 means as many as OpenMP offers. Results do not depend on it. */
    LEV_P_THREADS = 101,
    /** double, [0, 1], default 1e-10: convergence threshold of iterative algorithms (each documents its norm). */
    LEV_P_TOLERANCE = 102,
    /** int, 1..10^9, default 1000: iteration limit of iterative algorithms; past it they fail with LEV_ENOCONV. */
    LEV_P_MAX_ITER = 103,
    /** int, 0 or 1, default 0: 1 treats each edge a → b as a tie both ways (a → b and b → a). */
    LEV_P_UNDIRECTED = 104,
    /** int, 0 or 1, default 1: 0 ignores strengths (every edge counts 1; path measures count hops). */
    LEV_P_WEIGHTED = 105,
    /** int, 1..3, default LEV_DIR_ALL: which edges of an actor a per-actor measure counts (lev_direction). */
    LEV_P_DIRECTION = 106,
    /** double, [0, 1], default 0.85: PageRank's damping factor (probability of following an edge). */
    LEV_P_DAMPING = 200,
    /** First key of experimental options, which may change in any minor release. */
    LEV_P_EXPERIMENTAL_BASE = 10000
} lev_param;

/** @brief Which edges of an actor a per-actor measure counts (values of LEV_P_DIRECTION). */
typedef enum lev_direction {
    LEV_DIR_OUT = 1, /**< edges from the actor (its influence on others) */
    LEV_DIR_IN = 2,  /**< edges to the actor (others' influence on it) */
    LEV_DIR_ALL = 3  /**< both */
} lev_direction;

/** @brief Type of an option's value (lev_param_info()). */
typedef enum lev_param_type {
    LEV_TYPE_INT = 1,    /**< set with lev_params_set_int() */
    LEV_TYPE_DOUBLE = 2  /**< set with lev_params_set_double() */
} lev_param_type;

/**
 * @brief Create an options object holding every default.
 * @param[out] out Receives it; NULL on failure.
 * @return LEV_OK, LEV_EMISUSE, LEV_ENOMEM. Uses malloc.
 * @since 0.1
 */
LEV_API lev_status lev_params_new(lev_params **out);

/** @brief Free an options object. NULL does nothing. @since 0.1 */
LEV_API void lev_params_free(lev_params *p);

/**
 * @brief Put every option back to its default and clear the progress callback and message.
 * @since 0.1
 */
LEV_API void lev_params_reset(lev_params *p);

/**
 * @brief Set an int option.
 * @return LEV_OK; LEV_EMISUSE (p NULL); LEV_EUNSUPPORTED (unknown key); LEV_EINVAL (the key
 *   takes a double, or `v` is out of bounds: never clamped). On failure the option keeps its
 *   value and the message is on `p`.
 * @since 0.1
 */
LEV_API lev_status lev_params_set_int(lev_params *p, lev_param key, int64_t v);

/**
 * @brief Set a double option.
 *
 * An int option may also be set this way when `v` is a whole number.
 * @return LEV_OK, LEV_EMISUSE, LEV_EUNSUPPORTED (unknown key), LEV_EINVAL (NaN, out of
 *   bounds, or not whole for an int key). On failure nothing changes; message on `p`.
 * @since 0.1
 */
LEV_API lev_status lev_params_set_double(lev_params *p, lev_param key, double v);

/**
 * @brief Current value of an option as an int (a double option is truncated).
 * @param[in] p Options, or NULL to read the default.
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_EUNSUPPORTED (unknown key).
 * @since 0.1
 */
LEV_API lev_status lev_params_get_int(const lev_params *p, lev_param key, int64_t *out);

/**
 * @brief Current value of an option as a double.
 * @param[in] p Options, or NULL to read the default.
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_EUNSUPPORTED (unknown key).
 * @since 0.1
 */
LEV_API lev_status lev_params_get_double(const lev_params *p, lev_param key, double *out);

/**
 * @brief Describe an option key: its name, type, bounds and default.
 * @param[out] name Receives a static lowercase name ("damping", "max_iter"); may be NULL.
 * @param[out] type Receives LEV_TYPE_INT or LEV_TYPE_DOUBLE; may be NULL.
 * @param[out] lo   Receives the smallest value allowed; may be NULL.
 * @param[out] hi   Receives the largest value allowed; may be NULL.
 * @param[out] dflt Receives the default; may be NULL.
 * @return LEV_OK, LEV_EUNSUPPORTED (unknown key). Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_param_info(lev_param key, const char **name, int *type, double *lo, double *hi,
                                  double *dflt);

/**
 * @brief The key of the option called `name` (as lev_param_info() names it).
 * @param[out] key Receives the key.
 * @return LEV_OK, LEV_EMISUSE (NULL argument), LEV_ENOTFOUND. Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_param_find(const char *name, lev_param *key);

/**
 * @brief A progress callback: told the fraction done (0..1); returning non-zero cancels.
 *
 * Called on the thread that made the call, never from a worker, about every 100 ms of work or
 * oftener (at least once per iteration of an iterative algorithm). A cancelled call returns
 * LEV_ECANCELLED and leaves its outputs untouched.
 */
typedef int (*lev_progress_fn)(void *ud, double done);

/**
 * @brief Set (or, with f NULL, clear) the progress callback of the calls that get `p`.
 * @return LEV_OK, LEV_EMISUSE (p NULL).
 * @since 0.1
 */
LEV_API lev_status lev_params_set_progress(lev_params *p, lev_progress_fn f, void *ud);

/**
 * @brief Status of the last failed call that recorded its failure on `p`.
 * @return The code; LEV_OK when none yet; LEV_EMISUSE when p is NULL.
 * @since 0.1
 */
LEV_API lev_status lev_params_errcode(const lev_params *p);

/**
 * @brief Message of the last failure recorded on `p`: what, where and why.
 * @return Borrowed, valid until the next call that gets `p`; "" when none. Never NULL.
 * @since 0.1
 */
LEV_API const char *lev_params_errmsg(const lev_params *p);

/** @} */

/**
 * @defgroup io Reading and writing networks
 * @{
 */

/** @brief File formats (values are ABI). */
typedef enum lev_format {
    /** CSV with header `source,target,weight[,channel]` (any order; `strength` may stand for `weight`). */
    LEV_FORMAT_EDGES_CSV = 1,
    /** CSV with header `name[,group]` (`actor` may stand for `name`). */
    LEV_FORMAT_ACTORS_CSV = 2,
    /** CSV with header `actor,resource,holds,needs`. */
    LEV_FORMAT_RESOURCES_CSV = 3
} lev_format;

/**
 * @brief Read a file into `net`, adding to what it holds.
 *
 * CSV is RFC 4180 (quoted fields, doubled quotes, CRLF or LF), UTF-8 (a leading BOM is
 * skipped), with a header row naming the columns; blank lines are skipped; spaces around an
 * unquoted field are trimmed. Numbers are read in the C locale whatever the process locale.
 * - Edges: actors are created on first appearance, in order (source before target).
 * - Actors: a new name is added with its group; a name already in `net` gets the group given
 *   (an empty group leaves it as it was); a name twice in one file is an error.
 * - Resources: the actor must exist; the resource is created on first appearance; the row sets
 *   holds and needs (≥ 0, finite).
 *
 * All or nothing: on any error `net` is exactly as before the call, and its message reads
 * `FILE:LINE:COLUMN: reason`.
 * @param[in] p Options or NULL; none are read yet (reserved for format options).
 * @return LEV_OK, LEV_EMISUSE, LEV_EUNSUPPORTED (format), LEV_ENOTFOUND or LEV_EIO (the file),
 *   LEV_EPARSE (malformed text), LEV_EINVAL (a bad value: strength, amount, name),
 *   LEV_EEXIST (duplicate), LEV_ELIMIT, LEV_ENOMEM.
 * @par Complexity O(file size) expected.
 * @since 0.1
 */
LEV_API lev_status lev_read_file(lev_network *net, lev_format fmt, const char *path, const lev_params *p);

/**
 * @brief As lev_read_file(), from `len` bytes in memory; `name` is used in messages.
 * @param[in] name Shown in messages in place of a file name; NULL gives "<buffer>".
 * @since 0.1
 */
LEV_API lev_status lev_read_buffer(lev_network *net, lev_format fmt, const char *data, size_t len,
                                   const char *name, const lev_params *p);

/**
 * @brief A sink for writers: takes `len` bytes; returns 0 to go on, non-zero to stop (LEV_EIO).
 */
typedef int (*lev_write_fn)(void *ud, const char *data, size_t len);

/**
 * @brief Write `net` in format `fmt` to a sink.
 *
 * The CSV written reads back into an equal network: edges with their channels in index order
 * (strengths printed to 17 significant digits, so they round-trip exactly); actors with their
 * groups in index order; for resources, one row per actor and resource where holds or needs is
 * not 0. Fields are quoted when they hold a comma, quote, CR, LF or edge spaces.
 * @return LEV_OK, LEV_EMISUSE (net or fn NULL), LEV_EUNSUPPORTED (format), LEV_EIO (fn
 *   returned non-zero), LEV_ENOMEM. Failures are recorded on `net`.
 * @par Complexity O(V + E + R·V).
 * @since 0.1
 */
LEV_API lev_status lev_write(const lev_network *net, lev_format fmt, lev_write_fn fn, void *ud);

/**
 * @brief As lev_write(), to the file `path` (created or truncated).
 * @return As lev_write(), and LEV_EIO when the file cannot be opened or written.
 * @since 0.1
 */
LEV_API lev_status lev_write_file(const lev_network *net, lev_format fmt, const char *path);

/** @} */

/**
 * @defgroup centrality Centrality
 * @{
 */

/**
 * @brief Degree of every actor: the number of edges at it.
 *
 * Parallel edges count one each; a self-loop counts once as out and once as in. With
 * LEV_P_UNDIRECTED each edge counts at both ends, so the direction does not matter.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION (default LEV_DIR_ALL), LEV_P_UNDIRECTED.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM (building the compact form).
 * @par Contract reads net · thread-safe · deterministic.
 * @par Complexity O(V) after the compact form is built (O(V + E) once per change).
 * @par Reference Freeman, L. C. (1979). Centrality in social networks. Social Networks 1(3).
 * @since 0.1
 */
LEV_API lev_status lev_degree(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Strength of every actor: the sum of the strengths of the edges at it.
 *
 * Counts edges as lev_degree() does, each weighted by its strength (by 1 with LEV_P_WEIGHTED 0).
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION (default LEV_DIR_ALL), LEV_P_UNDIRECTED,
 *   LEV_P_WEIGHTED.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE, LEV_ENOMEM.
 * @par Complexity O(E) after the compact form is built.
 * @par Reference Barrat, A. et al. (2004). PNAS 101(11). doi:10.1073/pnas.0400087101
 * @since 0.1
 */
LEV_API lev_status lev_strength(const lev_network *net, lev_params *p, double *out);

/**
 * @brief PageRank of every actor, weighted by strength, with optional personalization.
 *
 * The stationary distribution of a walk that, from actor u, follows an edge u → v with
 * probability d·w(u,v)/s(u) (s = out-strength; parallel edges add up) and otherwise jumps to
 * actor v with probability personalization[v]/Σ personalization. An actor with no out-edges
 * (dangling) always jumps by the personalization vector, as NetworkX and igraph do. Power
 * iteration stops when the L1 distance between two iterates is below LEV_P_TOLERANCE. Scores
 * are ≥ 0 and sum to 1.
 * @param[in]  net             The network; not changed.
 * @param[in]  personalization Length lev_actor_count(net), entries finite and ≥ 0 with a
 *   positive sum; or NULL for uniform. Copied as needed; not kept.
 * @param[in]  p   Options or NULL: LEV_P_DAMPING (0.85), LEV_P_TOLERANCE (1e-10),
 *   LEV_P_MAX_ITER (1000), LEV_P_UNDIRECTED, LEV_P_WEIGHTED, LEV_P_THREADS; progress callback
 *   once per iteration.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_EINVAL (bad personalization);
 *   LEV_ENOCONV (not within LEV_P_MAX_ITER iterations); LEV_ECANCELLED; LEV_ENOMEM.
 *   An empty network gives LEV_OK with nothing written.
 * @par Contract reads net · allocates O(V) scratch · parallel (OpenMP) · bit-identical for
 *   any LEV_P_THREADS · cancellable.
 * @par Complexity O(iterations · (V + E)) time, O(V) scratch memory.
 * @par Reference Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web
 *   search engine. Computer Networks 30. doi:10.1016/S0169-7552(98)00110-X
 * @since 0.1
 */
LEV_API lev_status lev_pagerank(const lev_network *net, const double *personalization, lev_params *p,
                                double *out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* LEVERAGE_H */
