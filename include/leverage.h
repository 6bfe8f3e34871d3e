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
 * @brief Versions, status codes and messages, the network handle and its allocator.
 *
 * Every fallible function returns a ::lev_status: #LEV_OK (0) or a small positive error code
 * whose value never changes. A failure also leaves a message that says what failed, where and
 * why: mutating calls record it on the network (lev_errmsg()), analyses on the ::lev_params
 * they were given (lev_params_errmsg()), or on the network under a lock when given NULL
 * params. A failed call changes nothing and leaks nothing; outputs are written only on
 * #LEV_OK. A network owns every byte it uses, allocated through the ::lev_alloc_fn it was made
 * with. Any number of threads may run read-only calls on one unchanged network; a call that
 * changes it needs exclusive access. See @ref guide_model for the whole picture.
 * @since 0.1
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

/** @brief Major version of this header; a library with another major is not ABI compatible. @since 0.1 */
#define LEV_VERSION_MAJOR 0
/** @brief Minor version of this header; grows when symbols are added. @since 0.1 */
#define LEV_VERSION_MINOR 1
/** @brief Patch version of this header; grows for fixes that change no interface. @since 0.1 */
#define LEV_VERSION_PATCH 0
/** @brief The header's version as a string, "MAJOR.MINOR.PATCH". @since 0.1 */
#define LEV_VERSION_STRING "0.1.0"
/** @brief The header's version as one comparable number: MAJOR*10000 + MINOR*100 + PATCH. @since 0.1 */
#define LEV_VERSION_NUMBER (LEV_VERSION_MAJOR * 10000 + LEV_VERSION_MINOR * 100 + LEV_VERSION_PATCH)

/**
 * @brief Version of the library actually loaded, as LEV_VERSION_NUMBER was when it was built.
 *
 * Compare with LEV_VERSION_NUMBER to tell the header from the loaded library: a binding refuses
 * a library whose major (`lev_version() / 10000`) differs from the one it was written for.
 * @return MAJOR*10000 + MINOR*100 + PATCH (100 for 0.1.0). Never fails.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe: reads no state.
 * @since 0.1
 */
LEV_API uint32_t lev_version(void);

/**
 * @brief Version of the library actually loaded, as a string ("0.1.0").
 * @return Static text, never NULL; never to be freed.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe: reads no state.
 * @since 0.1
 */
LEV_API const char *lev_version_string(void);

/**
 * @brief The status codes, as one table: X(name, value, text).
 *
 * Values are ABI: pinned, only ever appended. LEV_OK is 0; errors are small positive ints.
 * `name` is the code's name without the `LEV_` prefix, `value` its number and `text` what
 * lev_strerror() returns for it. Bindings and tests expand the table to list every code.
 * @param X A macro taking three arguments (name, value, text), applied once per code in
 *   ascending order of value.
 * @since 0.1
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

/**
 * @brief A status code: LEV_OK (0) or one of the LEV_E* errors of LEV_STATUS_MAP.
 *
 * A plain `int`, so that it maps 1:1 to ctypes and Lua; the values are those of
 * ::lev_status_code.
 * @since 0.1
 */
typedef int lev_status;

/**
 * @brief The status codes (see LEV_STATUS_MAP for the text of each).
 *
 * Values are pinned: a code is never renumbered or reused, and new codes are only appended.
 * @since 0.1
 */
enum lev_status_code {
    LEV_OK = 0,           /**< success */
    LEV_ENOMEM = 1,       /**< out of memory: the allocator returned NULL */
    LEV_EINVAL = 2,       /**< invalid argument: a value out of its domain (NaN, ≤ 0, unknown index…) */
    LEV_ENOTFOUND = 3,    /**< not found: no actor, resource, option or file by that name */
    LEV_EEXIST = 4,       /**< already exists: a duplicate name */
    LEV_EPARSE = 5,       /**< parse error: malformed input text */
    LEV_EIO = 6,          /**< I/O error: a file could not be opened, read or written, or a sink stopped */
    LEV_ENOCONV = 7,      /**< did not converge within LEV_P_MAX_ITER iterations */
    LEV_ECANCELLED = 8,   /**< cancelled by the progress callback */
    LEV_EMISUSE = 9,      /**< library misuse: a NULL handle or NULL required pointer */
    LEV_EUNSUPPORTED = 10,/**< unsupported: an unknown option key, format or enum value */
    LEV_ERANGE = 11,      /**< output buffer too small: the needed length is reported (no 0.1 call returns it) */
    LEV_ELIMIT = 12       /**< size limit exceeded: more actors, resources or labels than LEV_MAX_ACTORS, or
                               so many edges that their arrays' size in bytes overflows a size_t */
};

/**
 * @brief Static English text for a status code ("out of memory").
 * @param s Any int; an unknown code gives "unknown status".
 * @return Static text, never NULL; the third column of LEV_STATUS_MAP for a known code.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe: reads no state.
 * @since 0.1
 */
LEV_API const char *lev_strerror(lev_status s);

/**
 * @brief The symbolic name of a status code ("LEV_ENOMEM"), for bindings that map codes to exceptions.
 * @param s Any int; an unknown code gives "LEV_UNKNOWN".
 * @return Static text, never NULL: "LEV_" followed by the first column of LEV_STATUS_MAP.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe: reads no state.
 * @since 0.1
 */
LEV_API const char *lev_status_name(lev_status s);

/**
 * @brief A network: actors, resources and influence edges. Opaque.
 *
 * Made by lev_network_new() or lev_network_new_with_alloc(), freed by lev_network_free().
 * Calls that change a network need exclusive access to it; any number of threads may run
 * read-only calls (lookups, writers and analyses) on an unchanged network at once. The compact
 * form the algorithms read is built by the first analysis after a change, under an internal
 * lock, so concurrent analyses of an unchanged network are safe.
 * @since 0.1
 */
typedef struct lev_network lev_network;

/**
 * @brief A set of options for one call, plus that call's error message. Opaque.
 *
 * Made by lev_params_new(), freed by lev_params_free(). NULL wherever a `lev_params *` is
 * taken means "all defaults" (and failure messages then go to the network). A params object
 * is written by the calls it is passed to (their error message), and is not synchronized, so
 * use one per thread. It belongs to no network and is allocated with malloc.
 * @since 0.1
 */
typedef struct lev_params lev_params;

/**
 * @brief A memory allocator, with exactly the contract of Lua's `lua_Alloc`.
 *
 * - `nsize == 0`: free `ptr` (which may be NULL) and return NULL.
 * - `nsize > 0`: return a block of `nsize` bytes holding the first `min(osize, nsize)` bytes
 *   of `ptr` (a fresh block when `ptr` is NULL), or NULL on failure, leaving `ptr` valid.
 *
 * `osize` is the true size of `ptr` when `ptr` is not NULL, and 0 when it is. Blocks must be
 * aligned for any type (as malloc's are). Mutating calls, writers and analyses call it only on
 * the calling thread, never from a worker thread; but analyses and writers running at the
 * same time on one network from several threads each call it, so an allocator shared that way
 * must be thread-safe.
 * @param ud    The pointer given to lev_network_new_with_alloc(), passed back untouched.
 * @param ptr   The block to resize or free, or NULL for a new block.
 * @param osize The size of `ptr` in bytes (0 when `ptr` is NULL).
 * @param nsize The size wanted in bytes; 0 to free `ptr`.
 * @return The block (NULL after a free), or NULL when it cannot be allocated.
 * @since 0.1
 */
typedef void *(*lev_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/**
 * @brief Create an empty network that uses the C library's malloc, realloc and free.
 * @param[out] out Receives the new network; set to NULL on failure (when out itself is not NULL).
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_ENOMEM (the network's block or its lock could not
 *   be made). There is no network to carry a message on failure.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_network_new(lev_network **out);

/**
 * @brief Create an empty network whose every byte is allocated through `f`.
 *
 * The network keeps `f` and `ud` for its whole life, including lev_network_free(); the library
 * passes `ud` back untouched. Lua hosts pass `lua_getallocf(L, &ud)` so the host sees the memory.
 * The network's own block is the first allocation made through `f`.
 * @param[out] out Receives the new network; set to NULL on failure (when out itself is not NULL).
 * @param[in]  f   The allocator (see lev_alloc_fn); must not be NULL.
 * @param[in]  ud  Opaque pointer passed to every call of `f`; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (out or f NULL), LEV_ENOMEM (f returned NULL, or the network's
 *   lock could not be made; the block is then given back to f).
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_network_new_with_alloc(lev_network **out, lev_alloc_fn f, void *ud);

/**
 * @brief Free a network and everything it owns. NULL does nothing.
 *
 * Every pointer the network handed out (names, labels, messages) becomes invalid. Every block
 * goes back through the network's allocator, the network's own block last.
 * @param[in] net The network, or NULL.
 * @par Complexity
 *   O(V + R + number of group and channel labels) allocator calls.
 * @par Thread safety
 *   Needs exclusive access to `net`: no other call on it may be running.
 * @since 0.1
 */
LEV_API void lev_network_free(lev_network *net);

/**
 * @brief Status of the last failed call that recorded its failure on `net`.
 *
 * Mutating calls (adding, setting, reading files) record failures on the network; analyses
 * record them on their `lev_params`, or on the network (under a lock, last writer wins) when
 * given NULL params; other read-only calls that return a status (lev_actor_find(),
 * lev_edge_get(), lev_write()…) record them on the network under the same lock. A call whose
 * `net` is NULL records nothing anywhere. A successful call does not reset it.
 * @param[in] net The network.
 * @return The code, LEV_OK when nothing failed yet, LEV_EMISUSE when net is NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Reads without taking the lock: read it only when no other thread can be recording a
 *   failure on `net` (a failing lookup or writer, or an analysis given NULL params). Threads
 *   that share a network should give their analyses their own params and read those.
 * @since 0.1
 */
LEV_API lev_status lev_errcode(const lev_network *net);

/**
 * @brief Message for the last failure recorded on `net`: what, where and why.
 *
 * For example `edges.csv:14:3: strength must be finite and > 0 (got "nan")`. Messages are at
 * most 511 bytes; a longer one is cut.
 * @param[in] net The network.
 * @return Borrowed text, valid until the next call that changes `net` or records a failure on
 *   it; "" when nothing failed yet; a static text when net is NULL. Never NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   As lev_errcode().
 * @since 0.1
 */
LEV_API const char *lev_errmsg(const lev_network *net);

/** @} */

/**
 * @defgroup model Model: actors, resources, influence edges
 * @brief Building a network and reading it back.
 *
 * Actors have unique UTF-8 names, an optional group label and a dense index 0..V−1 in order of
 * addition; every algorithm reads and writes arrays indexed by it. Influence edges run
 * `source → target` with a strength > 0 (more strength, more influence) and an optional
 * channel label; self-loops and parallel edges are kept. Resources are named goods that each
 * actor holds and needs in some amount. Every mutating call validates first and changes
 * nothing when it fails; names and labels are copied. See @ref guide_model.
 * @since 0.1
 * @{
 */

/** @brief The index value that names no actor, resource or edge. @since 0.1 */
#define LEV_NONE UINT32_MAX

/**
 * @brief The largest number of actors a network can hold: 2^31 − 1.
 *
 * The same limit applies to resources, to distinct group labels and to distinct channel
 * labels; past it the adding call fails with LEV_ELIMIT.
 * @since 0.1
 */
#define LEV_MAX_ACTORS 2147483647u

/**
 * @brief Add an actor.
 *
 * The actor gets the next dense index (`lev_actor_count(net)` before the call). Names are unique,
 * compared byte for byte; both strings are copied. Adding an actor makes the next analysis
 * rebuild the compact form.
 * @param[in]  net   The network; changed.
 * @param[in]  name  Non-empty, valid UTF-8 (no overlong forms, surrogates or code points past
 *   U+10FFFF), NUL-terminated, shorter than 4 GiB.
 * @param[in]  group Group label (faction, department…) or NULL/"" for none; valid UTF-8.
 * @param[out] idx   Receives the new index; may be NULL. Untouched on failure.
 * @return LEV_OK; LEV_EMISUSE (net or name NULL); LEV_EINVAL (empty or invalid UTF-8 name or
 *   group); LEV_EEXIST (name taken); LEV_ELIMIT (LEV_MAX_ACTORS actors, or as many group
 *   labels, reached); LEV_ENOMEM. On failure nothing changes (a group label the call added is
 *   removed again) and the message is on `net`, except when net is NULL.
 * @par Complexity
 *   O(|name| + |group|) amortized expected time.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_actor_add(lev_network *net, const char *name, const char *group, uint32_t *idx);

/**
 * @brief Index of the actor called `name`.
 * @param[in]  net  The network; not changed.
 * @param[in]  name The name, compared byte for byte.
 * @param[out] idx  Receives the index, or LEV_NONE when not found (also on LEV_EMISUSE); may be NULL.
 * @return LEV_OK, LEV_ENOTFOUND (message `no actor named "NAME"`), LEV_EMISUSE (net or name
 *   NULL). A failure is recorded on `net` under its lock (except when net is NULL).
 * @par Complexity
 *   O(|name|) expected.
 * @par Thread safety
 *   Read-only: safe concurrently with other read-only calls on `net`.
 * @since 0.1
 */
LEV_API lev_status lev_actor_find(const lev_network *net, const char *name, uint32_t *idx);

/**
 * @brief Number of actors; their indices are 0..count−1.
 * @param[in] net The network.
 * @return The count; 0 when net is NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API size_t lev_actor_count(const lev_network *net);

/**
 * @brief Name of actor `i`.
 * @param[in] net The network.
 * @param[in] i   Actor index, 0..lev_actor_count(net)−1.
 * @return Borrowed, valid until the network is freed or a failed reader rolls it back (a failed
 *   call removes only the actors it added itself); NULL when net is NULL or `i` is out of range.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API const char *lev_actor_name(const lev_network *net, uint32_t i);

/**
 * @brief Group label of actor `i`.
 * @param[in] net The network.
 * @param[in] i   Actor index, 0..lev_actor_count(net)−1.
 * @return Borrowed, valid until the network is freed (it stays valid when the actor's group is
 *   later changed); NULL when the actor has no group, net is NULL or `i` is out of range.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API const char *lev_actor_group(const lev_network *net, uint32_t i);

/**
 * @brief Set or clear the group label of actor `i`.
 *
 * Groups are not part of the compact form: changing one does not make the next analysis
 * rebuild it.
 * @param[in] net   The network; changed.
 * @param[in] i     Actor index, 0..lev_actor_count(net)−1.
 * @param[in] group The label (copied), or NULL/"" to clear it; valid UTF-8.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad index or UTF-8), LEV_ELIMIT (too many
 *   distinct group labels), LEV_ENOMEM; on failure nothing changes and the message is on `net`.
 * @par Complexity
 *   O(|group|) amortized expected time.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_actor_set_group(lev_network *net, uint32_t i, const char *group);

/**
 * @brief Add a resource (a named good: money, votes, information…).
 *
 * Every actor holds and needs 0 of a new resource. No per-actor storage is allocated until
 * the first amount is set.
 * @param[in]  net  The network; changed.
 * @param[in]  name Non-empty valid UTF-8; copied; unique among resources (byte for byte).
 * @param[out] idx  Receives the new resource index (0, 1, … in order of addition); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or name NULL), LEV_EINVAL (empty or invalid name), LEV_EEXIST
 *   (name taken), LEV_ELIMIT (LEV_MAX_ACTORS resources), LEV_ENOMEM; on failure nothing
 *   changes and the message is on `net` (except when net is NULL).
 * @par Complexity
 *   O(|name|) amortized expected time.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_resource_add(lev_network *net, const char *name, uint32_t *idx);

/**
 * @brief Index of the resource called `name`.
 * @param[in]  net  The network; not changed.
 * @param[in]  name The name, compared byte for byte.
 * @param[out] idx  Receives the index, or LEV_NONE when not found (also on LEV_EMISUSE); may be NULL.
 * @return LEV_OK, LEV_ENOTFOUND (message `no resource named "NAME"`), LEV_EMISUSE (net or name
 *   NULL). A failure is recorded on `net` under its lock (except when net is NULL).
 * @par Complexity
 *   O(|name|) expected.
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_resource_find(const lev_network *net, const char *name, uint32_t *idx);

/**
 * @brief Number of resources; their indices are 0..count−1.
 * @param[in] net The network.
 * @return The count; 0 when net is NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API size_t lev_resource_count(const lev_network *net);

/**
 * @brief Name of resource `r`.
 * @param[in] net The network.
 * @param[in] r   Resource index, 0..lev_resource_count(net)−1.
 * @return Borrowed, valid until the network is freed; NULL when out of range or net is NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API const char *lev_resource_name(const lev_network *net, uint32_t r);

/**
 * @brief Set how much of resource `r` actor `i` holds and needs.
 *
 * Amounts are not part of the compact form: setting one does not make the next analysis
 * rebuild it.
 * @param[in] net   The network; changed.
 * @param[in] i     Actor index, 0..lev_actor_count(net)−1.
 * @param[in] r     Resource index, 0..lev_resource_count(net)−1.
 * @param[in] holds Amount held, finite and ≥ 0, in the resource's own unit.
 * @param[in] needs Amount needed, finite and ≥ 0, same unit.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad index, negative or non-finite
 *   amount), LEV_ENOMEM; on failure nothing changes and the message is on `net`.
 * @par Complexity
 *   O(1) amortized (the first amount set on a resource, and the first after the
 *   actor table has grown, allocates 16 bytes per actor the table has room for).
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_actor_set_resource(lev_network *net, uint32_t i, uint32_t r, double holds, double needs);

/**
 * @brief What actor `i` holds and needs of resource `r` (0 and 0 unless set).
 * @param[in]  net   The network; not changed.
 * @param[in]  i     Actor index, 0..lev_actor_count(net)−1.
 * @param[in]  r     Resource index, 0..lev_resource_count(net)−1.
 * @param[out] holds Receives the amount held; may be NULL.
 * @param[out] needs Receives the amount needed; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad index). Outputs untouched on failure;
 *   a failure is recorded on `net` under its lock (except when net is NULL).
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_actor_get_resource(const lev_network *net, uint32_t i, uint32_t r, double *holds, double *needs);

/**
 * @brief Every actor's holdings and needs of resource `r`, as two arrays.
 * @param[in]  net   The network; not changed.
 * @param[in]  r     Resource index, 0..lev_resource_count(net)−1.
 * @param[out] holds Caller-owned, length lev_actor_count(net), or NULL; written only on LEV_OK.
 * @param[out] needs Caller-owned, length lev_actor_count(net), or NULL; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (bad resource index). A failure is
 *   recorded on `net` under its lock (except when net is NULL).
 * @par Complexity
 *   O(V).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_resource_amounts(const lev_network *net, uint32_t r, double *holds, double *needs);

/**
 * @brief Add an influence edge `source → target`.
 *
 * Self-loops and parallel edges (in the same or other channels) are kept as given; each
 * algorithm documents how it folds them. Adding an edge makes the next analysis rebuild the
 * compact form.
 * @param[in]  net      The network; changed.
 * @param[in]  source   Index of the actor the influence comes from.
 * @param[in]  target   Index of the actor it acts on (may equal `source`: a self-loop).
 * @param[in]  strength How much influence flows: finite and > 0 (larger = more influence), and
 *   inside single precision's normal range: FLT_MIN ≈ 1.2e-38 to FLT_MAX ≈ 3.4e38. Algorithms
 *   read it rounded to single precision (relative error ≤ 2^-24 ≈ 6e-8); lev_edge_get returns it
 *   exactly.
 * @param[in]  channel  Kind of leverage (kinship, money, office…) or NULL/"" for none; copied;
 *   valid UTF-8.
 * @param[out] idx      Receives the edge index (0, 1, … in order of addition); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (unknown actor index, strength not
 *   finite and > 0 or outside single precision's range, channel not UTF-8), LEV_ELIMIT (too
 *   many edges or channel labels), LEV_ENOMEM; on failure nothing changes and the message is on
 *   `net`.
 * @par Complexity
 *   O(|channel|) amortized expected time.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_edge_add(lev_network *net, uint32_t source, uint32_t target, double strength,
                                const char *channel, size_t *idx);

/**
 * @brief Add an influence edge between actors named by strings, adding either actor that does
 * not exist yet (without a group), source first.
 *
 * All or nothing: on failure no actor and no edge is added. The same name twice gives a
 * self-loop on one actor.
 * @param[in]  net      The network; changed.
 * @param[in]  source   Name of the actor the influence comes from (rules of lev_actor_add()).
 * @param[in]  target   Name of the actor it acts on.
 * @param[in]  strength As for lev_edge_add().
 * @param[in]  channel  As for lev_edge_add().
 * @param[out] idx      Receives the edge index; may be NULL.
 * @return As lev_edge_add() and lev_actor_add(): LEV_OK, LEV_EMISUSE (net, source or target
 *   NULL), LEV_EINVAL, LEV_ELIMIT, LEV_ENOMEM; the message (on `net`) names both actors.
 * @par Complexity
 *   O(|source| + |target| + |channel|) amortized expected time.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_edge_add_by_name(lev_network *net, const char *source, const char *target,
                                        double strength, const char *channel, size_t *idx);

/**
 * @brief Number of influence edges; their indices are 0..count−1.
 * @param[in] net The network.
 * @return The count; 0 when net is NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API size_t lev_edge_count(const lev_network *net);

/**
 * @brief Read edge `i` back.
 * @param[in]  net      The network; not changed.
 * @param[in]  i        Edge index, 0..lev_edge_count(net)−1.
 * @param[out] source   Receives the source actor index; may be NULL.
 * @param[out] target   Receives the target actor index; may be NULL.
 * @param[out] strength Receives the strength exactly as added (a double, not rounded); may be NULL.
 * @param[out] channel  Receives the channel label (borrowed, valid until the network is freed)
 *   or NULL when the edge has none; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (i out of range). Outputs untouched on
 *   failure; a failure is recorded on `net` under its lock (except when net is NULL).
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_edge_get(const lev_network *net, size_t i, uint32_t *source, uint32_t *target,
                                double *strength, const char **channel);

/** @} */

/**
 * @defgroup params Options, progress and cancellation
 * @brief Keyed, typed, bounded options for the analyses, and the progress callback.
 *
 * Options live on an opaque ::lev_params, set by key with lev_params_set_int() or
 * lev_params_set_double(); a value out of bounds is refused (#LEV_EINVAL), never clamped, and an
 * unknown key gives #LEV_EUNSUPPORTED. Keys are numbered for ever, so new options never break
 * the ABI. Passing NULL instead of a params object means every default. A params object also
 * carries the progress callback of the calls it is given and the message of their last failure;
 * it is not synchronized, so use one per thread. The table of keys and defaults is in
 * @ref guide_model.
 * @since 0.1
 * @{
 */

/**
 * @brief Option keys. Values are ABI: never renumbered, never reused.
 *
 * 100s apply to many algorithms; 200s centrality; later families take later hundreds.
 * Each key has a type (int or double), bounds and a default (lev_param_info()). Each key's
 * documentation names the calls that read it; the others ignore it.
 * @since 0.1
 */
typedef enum lev_param {
    /** int, 0..2^53, default 1: seed of every randomized algorithm (same seed, same answer).
     *  No 0.1 algorithm is randomized, so none reads it yet. */
    LEV_P_SEED = 100,
    /** int, 0..1024, default 0: worker threads; 0 means as many as OpenMP offers (1 in a build
     *  without OpenMP). Results do not depend on it. Read by lev_pagerank(). */
    LEV_P_THREADS = 101,
    /** double, [0, 1], default 1e-10: convergence threshold of iterative algorithms (each documents
     *  its norm; lev_pagerank() stops when the L1 change is below it, so 0 is never met). */
    LEV_P_TOLERANCE = 102,
    /** int, 1..10^9, default 1000: iteration limit of iterative algorithms; past it they fail with
     *  LEV_ENOCONV. Read by lev_pagerank(). */
    LEV_P_MAX_ITER = 103,
    /** int, 0 or 1, default 0: 1 treats each edge a → b as a tie both ways (a → b and b → a).
     *  Read by lev_degree(), lev_strength(), lev_pagerank(). */
    LEV_P_UNDIRECTED = 104,
    /** int, 0 or 1, default 1: 0 ignores strengths (every edge counts 1; path measures count hops).
     *  Read by lev_strength(), lev_pagerank(). */
    LEV_P_WEIGHTED = 105,
    /** int, 1..3, default LEV_DIR_ALL: which edges of an actor a per-actor measure counts
     *  (lev_direction). Read by lev_degree(), lev_strength(); ignored when LEV_P_UNDIRECTED is 1. */
    LEV_P_DIRECTION = 106,
    /** double, [0, 1], default 0.85: PageRank's damping factor (probability of following an edge).
     *  Read by lev_pagerank(). */
    LEV_P_DAMPING = 200,
    /** First key of experimental options, which may change in any minor release. 0.1 has none:
     *  every key from here up gives LEV_EUNSUPPORTED. */
    LEV_P_EXPERIMENTAL_BASE = 10000
} lev_param;

/**
 * @brief Which edges of an actor a per-actor measure counts (values of LEV_P_DIRECTION).
 * @since 0.1
 */
typedef enum lev_direction {
    LEV_DIR_OUT = 1, /**< edges from the actor (its influence on others) */
    LEV_DIR_IN = 2,  /**< edges to the actor (others' influence on it) */
    LEV_DIR_ALL = 3  /**< both (LEV_DIR_OUT | LEV_DIR_IN): a self-loop counts once as each */
} lev_direction;

/**
 * @brief Type of an option's value (lev_param_info()).
 * @since 0.1
 */
typedef enum lev_param_type {
    LEV_TYPE_INT = 1,    /**< set with lev_params_set_int() (or lev_params_set_double() with a whole number) */
    LEV_TYPE_DOUBLE = 2  /**< set with lev_params_set_double() */
} lev_param_type;

/**
 * @brief Create an options object holding every default.
 *
 * It has no progress callback and an empty message.
 * @param[out] out Receives it; NULL on failure.
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_ENOMEM. Uses malloc (a params object belongs to
 *   no network, so no network's allocator sees it); free it with lev_params_free().
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_params_new(lev_params **out);

/**
 * @brief Free an options object. NULL does nothing.
 *
 * Its message becomes invalid. The callback's `ud` is not touched.
 * @param[in] p The options object, or NULL.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API void lev_params_free(lev_params *p);

/**
 * @brief Put every option back to its default and clear the progress callback and message.
 *
 * Afterwards lev_params_errcode() gives LEV_OK and lev_params_errmsg() "".
 * @param[in] p The options object; NULL does nothing.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API void lev_params_reset(lev_params *p);

/**
 * @brief Set an int option.
 *
 * Values are stored as doubles: `v` is converted to double before the bounds check, which is
 * exact for |v| ≤ 2^53 (a larger `v` is rounded first: 2^53 + 1 for LEV_P_SEED is accepted
 * and stored as 2^53).
 * @param[in] p   The options object; changed.
 * @param[in] key The option (lev_param).
 * @param[in] v   The value, within the key's bounds (lev_param_info()).
 * @return LEV_OK; LEV_EMISUSE (p NULL); LEV_EUNSUPPORTED (unknown key); LEV_EINVAL (the key
 *   takes a double, or `v` is out of bounds: never clamped). On failure the option keeps its
 *   value and the message is on `p`.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API lev_status lev_params_set_int(lev_params *p, lev_param key, int64_t v);

/**
 * @brief Set a double option.
 *
 * An int option may also be set this way when `v` is a whole number.
 * @param[in] p   The options object; changed.
 * @param[in] key The option (lev_param).
 * @param[in] v   The value, within the key's bounds (lev_param_info()); ±infinity is out of bounds.
 * @return LEV_OK, LEV_EMISUSE (p NULL), LEV_EUNSUPPORTED (unknown key), LEV_EINVAL (NaN, out of
 *   bounds, or not whole for an int key). On failure nothing changes; message on `p`.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API lev_status lev_params_set_double(lev_params *p, lev_param key, double v);

/**
 * @brief Current value of an option as an int (a double option is truncated toward zero).
 * @param[in]  p   Options, or NULL to read the default.
 * @param[in]  key The option (lev_param).
 * @param[out] out Receives the value; untouched on failure.
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_EUNSUPPORTED (unknown key). Records nothing.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API lev_status lev_params_get_int(const lev_params *p, lev_param key, int64_t *out);

/**
 * @brief Current value of an option as a double.
 * @param[in]  p   Options, or NULL to read the default.
 * @param[in]  key The option (lev_param).
 * @param[out] out Receives the value; untouched on failure.
 * @return LEV_OK, LEV_EMISUSE (out NULL), LEV_EUNSUPPORTED (unknown key). Records nothing.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API lev_status lev_params_get_double(const lev_params *p, lev_param key, double *out);

/**
 * @brief Describe an option key: its name, type, bounds and default.
 * @param[in]  key  The option (lev_param).
 * @param[out] name Receives a static lowercase name ("damping", "max_iter"); may be NULL.
 * @param[out] type Receives LEV_TYPE_INT or LEV_TYPE_DOUBLE; may be NULL.
 * @param[out] lo   Receives the smallest value allowed; may be NULL.
 * @param[out] hi   Receives the largest value allowed; may be NULL.
 * @param[out] dflt Receives the default; may be NULL.
 * @return LEV_OK, LEV_EUNSUPPORTED (unknown key; outputs untouched).
 * @par Complexity
 *   O(number of keys).
 * @par Thread safety
 *   Thread-safe: reads static data.
 * @since 0.1
 */
LEV_API lev_status lev_param_info(lev_param key, const char **name, int *type, double *lo, double *hi,
                                  double *dflt);

/**
 * @brief The key of the option called `name` (as lev_param_info() names it).
 * @param[in]  name The lowercase name ("seed", "threads", "tolerance", "max_iter",
 *   "undirected", "weighted", "direction", "damping"); compared exactly, case-sensitively.
 * @param[out] key  Receives the key; untouched on failure.
 * @return LEV_OK, LEV_EMISUSE (NULL argument), LEV_ENOTFOUND.
 * @par Complexity
 *   O(number of keys).
 * @par Thread safety
 *   Thread-safe: reads static data.
 * @since 0.1
 */
LEV_API lev_status lev_param_find(const char *name, lev_param *key);

/**
 * @brief A progress callback: told the fraction done (0..1); returning non-zero cancels.
 *
 * Called on the thread that made the call, never from a worker. Iterative algorithms call it
 * once per iteration: lev_pagerank() after every iteration, the converging one included (it
 * then reports 1). A cancelled call returns LEV_ECANCELLED, records "cancelled" on its params,
 * and leaves its outputs untouched, even when cancelled on its last iteration.
 *
 * The callback must not change or free the network being analysed, nor call any function that
 * changes it (the call is still reading it); read-only calls on it are allowed.
 * @param ud   The pointer given to lev_params_set_progress().
 * @param done Fraction of the work done, in [0, 1]; an estimate, not always increasing.
 * @return 0 to go on, non-zero to cancel the call.
 * @since 0.1
 */
typedef int (*lev_progress_fn)(void *ud, double done);

/**
 * @brief Set (or, with f NULL, clear) the progress callback of the calls that get `p`.
 *
 * Only calls given `p` report progress: with NULL params there is no callback.
 * @param[in] p  The options object; changed.
 * @param[in] f  The callback, or NULL for none.
 * @param[in] ud Passed to every call of `f`; kept, not copied (ignored when f is NULL).
 * @return LEV_OK, LEV_EMISUSE (p NULL).
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API lev_status lev_params_set_progress(lev_params *p, lev_progress_fn f, void *ud);

/**
 * @brief Status of the last failed call that recorded its failure on `p`.
 *
 * lev_params_set_int(), lev_params_set_double() and the analyses given `p` record their
 * failures on it. A successful call does not reset it; lev_params_reset() does.
 * @param[in] p The options object.
 * @return The code; LEV_OK when none yet; LEV_EMISUSE when p is NULL.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API lev_status lev_params_errcode(const lev_params *p);

/**
 * @brief Message of the last failure recorded on `p`: what, where and why.
 *
 * For example `pagerank: did not converge in 1000 iterations (L1 change 3.1e-09, tolerance
 * 1e-10); raise LEV_P_MAX_ITER or LEV_P_TOLERANCE`. At most 511 bytes.
 * @param[in] p The options object.
 * @return Borrowed, valid until the next call that gets `p`; "" when none; a static text when p
 *   is NULL. Never NULL.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API const char *lev_params_errmsg(const lev_params *p);

/** @} */

/**
 * @defgroup io Reading and writing networks
 * @brief CSV readers that add to a network all or nothing, and writers to a sink or a file.
 *
 * Three CSV formats carry edges, actors and resources. Readers validate every row, name the
 * file, line and column of the first problem, and leave the network exactly as it was when
 * anything fails. Writers produce files the readers accept. The formats, with every rule, are
 * in @ref guide_io.
 * @since 0.1
 * @{
 */

/**
 * @brief File formats (values are ABI).
 * @since 0.1
 */
typedef enum lev_format {
    /** CSV with header `source,target,weight[,channel]` (any order, any case; `from` may stand for
     *  `source`, `to` for `target`, `strength` for `weight`). */
    LEV_FORMAT_EDGES_CSV = 1,
    /** CSV with header `name[,group]` (any order, any case; `actor` may stand for `name`). */
    LEV_FORMAT_ACTORS_CSV = 2,
    /** CSV with header `actor,resource,holds,needs` (any order, any case; `name` may stand for
     *  `actor`). */
    LEV_FORMAT_RESOURCES_CSV = 3
} lev_format;

/**
 * @brief Read a file into `net`, adding to what it holds.
 *
 * CSV is RFC 4180 (quoted fields, doubled quotes, CRLF, LF or CR line ends), UTF-8 (a leading
 * BOM is skipped), with a header row naming the columns; every record has as many fields as
 * the header (at most 8); blank lines are skipped; spaces and tabs around a field are trimmed
 * (inside quotes they are kept). Numbers are decimal (`[+-]digits[.digits][e[+-]digits]`, no
 * hex, inf or nan) and read in the C locale whatever the process locale.
 * - Edges: actors are created on first appearance, in order (source before target); an empty
 *   channel field means no channel.
 * - Actors: a new name is added with its group; a name already in `net` gets the group given
 *   (an empty group leaves it as it was); a name twice in one file is an error.
 * - Resources: the actor must exist; the resource is created on first appearance; the row sets
 *   holds and needs (≥ 0, finite); one actor and resource in two rows is an error
 *   (LEV_EEXIST), as an actor twice in an actors file is.
 *
 * All or nothing: on any error `net` is exactly as before the call, and its message reads
 * `FILE:LINE:COLUMN: reason` (line and column 1-based, the column in bytes). The whole file is
 * read into memory (through `net`'s allocator) before it is parsed.
 * @param[in] net  The network; changed.
 * @param[in] fmt  The file's format.
 * @param[in] path The file's path, as fopen() takes it; also the FILE of messages.
 * @param[in] p    Options or NULL; none are read yet (reserved for format options). Messages go
 *   to `net`, never to `p`.
 * @return LEV_OK, LEV_EMISUSE (net or path NULL), LEV_EUNSUPPORTED (format), LEV_ENOTFOUND (no
 *   such file, or a resources row names an unknown actor), LEV_EIO (the file cannot be opened
 *   or read, e.g. a directory), LEV_EPARSE (malformed text: no header, unknown, repeated or
 *   missing column, wrong field count, bad quoting, empty number), LEV_EINVAL (a bad value:
 *   strength, amount, name, label, number), LEV_EEXIST (actor twice in an actors file),
 *   LEV_ELIMIT, LEV_ENOMEM.
 * @par Complexity
 *   O(file size) expected time; O(file size) memory.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_read_file(lev_network *net, lev_format fmt, const char *path, const lev_params *p);

/**
 * @brief As lev_read_file(), from `len` bytes in memory; `name` is used in messages.
 * @param[in] net  The network; changed.
 * @param[in] fmt  The text's format.
 * @param[in] data The bytes; need not be NUL-terminated; may be NULL when len is 0. Not kept.
 * @param[in] len  Number of bytes. An empty text has no header row: LEV_EPARSE.
 * @param[in] name Shown in messages in place of a file name; NULL gives "<buffer>".
 * @param[in] p    Options or NULL; none are read yet (reserved for format options).
 * @return As lev_read_file(), without the file errors; LEV_EMISUSE also when data is NULL and
 *   len is not 0.
 * @par Complexity
 *   O(len) expected time.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_read_buffer(lev_network *net, lev_format fmt, const char *data, size_t len,
                                   const char *name, const lev_params *p);

/**
 * @brief A sink for writers: takes `len` bytes; returns 0 to go on, non-zero to stop (LEV_EIO).
 *
 * Called on the thread that called the writer, with chunks of at most 16384 bytes, in order.
 * After it returns non-zero it is not called again.
 * @param ud   The pointer given to lev_write().
 * @param data The next bytes of output (not NUL-terminated); valid only during the call.
 * @param len  Number of bytes, > 0.
 * @return 0 to go on; non-zero to stop the write, which then fails with LEV_EIO.
 * @since 0.1
 */
typedef int (*lev_write_fn)(void *ud, const char *data, size_t len);

/**
 * @brief Write `net` in format `fmt` to a sink.
 *
 * UTF-8 without BOM, LF line ends, a header row first. Edges: header `source,target,weight`,
 * plus `,channel` when the network has (or had) an edge with a channel; one row per edge in
 * index order, the strength as the shortest decimal of 15 to 17 significant digits that reads
 * back as exactly the same double (C locale). Actors: header `name,group`; one row per actor in
 * index order, the group empty when none. Resources: header `actor,resource,holds,needs`; one
 * row per actor and resource where holds or needs is not 0, by actor index then resource
 * index. Fields are quoted when they hold a comma, quote, CR, LF or edge spaces or tabs.
 *
 * Reading the actors file, then the edges file, then the resources file into a new network
 * gives back the same actors (names, groups, indices) and edges (endpoints, exact strengths,
 * channels, indices), and the same non-zero amounts; a resource nobody holds or needs is not
 * written, and resource indices follow the rows' order of first appearance.
 *
 * A read-only call: failures are recorded on `net` under its lock.
 * @param[in] net The network; not changed.
 * @param[in] fmt The format to write.
 * @param[in] fn  The sink.
 * @param[in] ud  Passed to every call of `fn`.
 * @return LEV_OK, LEV_EMISUSE (net or fn NULL), LEV_EUNSUPPORTED (format), LEV_EIO (fn
 *   returned non-zero; the sink may have received part of the output), LEV_ENOMEM. Failures
 *   are recorded on `net` (except when net is NULL).
 * @par Complexity
 *   O(V + E + R·V) time; a 16 KiB buffer from `net`'s allocator.
 * @par Thread safety
 *   Read-only: safe concurrently with other read-only calls on `net`.
 * @since 0.1
 */
LEV_API lev_status lev_write(const lev_network *net, lev_format fmt, lev_write_fn fn, void *ud);

/**
 * @brief As lev_write(), to the file `path` (created or truncated).
 * @param[in] net  The network; not changed.
 * @param[in] fmt  The format to write.
 * @param[in] path The file's path, as fopen() takes it.
 * @return As lev_write(), and LEV_EMISUSE (path NULL), LEV_EIO when the file cannot be opened,
 *   written or closed (message `PATH: write error` or `PATH: cannot open for writing: reason`).
 *   An unknown format fails with LEV_EUNSUPPORTED before the file is opened; after an I/O
 *   failure the file may be left truncated or partly written.
 * @par Complexity
 *   O(V + E + R·V).
 * @par Thread safety
 *   Read-only on `net`.
 * @since 0.1
 */
LEV_API lev_status lev_write_file(const lev_network *net, lev_format fmt, const char *path);

/** @} */

/**
 * @defgroup centrality Centrality
 * @brief Who has the most ties, the strongest ties, the most influence flowing in.
 *
 * Degree, strength and PageRank, each writing one score per actor into a caller-owned array of
 * length lev_actor_count(net). They read the compact form (strengths rounded to float32),
 * building it first if the network changed since the last analysis. Failures go to the params
 * given, or to the network when params is NULL. Definitions, options, peers and references are
 * in @ref guide_centrality.
 * @since 0.1
 * @{
 */

/**
 * @brief Degree of every actor: the number of edges at it.
 *
 * Parallel edges count one each; a self-loop counts once as out and once as in (twice with
 * LEV_DIR_ALL). With LEV_P_UNDIRECTED each edge counts at both ends, so the direction does not
 * matter (LEV_P_DIRECTION is ignored and the result equals LEV_DIR_ALL's). Scores are whole
 * numbers. LEV_P_WEIGHTED and LEV_P_THREADS are ignored.
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION (default LEV_DIR_ALL), LEV_P_UNDIRECTED.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM (building the compact form). An
 *   empty network gives LEV_OK with nothing written.
 * @par Contract
 *   reads net · thread-safe · deterministic.
 * @par Complexity
 *   O(V) after the compact form is built (O(V + E) once per change).
 * @par Reference
 *   Freeman, L. C. (1979). Centrality in social networks. Social Networks 1(3).
 * @since 0.1
 */
LEV_API lev_status lev_degree(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Strength of every actor: the sum of the strengths of the edges at it.
 *
 * Counts edges as lev_degree() does, each weighted by its strength (by 1 with LEV_P_WEIGHTED 0,
 * which gives lev_degree()'s result). Strengths are the float32-rounded values of the compact
 * form, summed in double in a fixed order (out-edges by target, then in-edges by source).
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION (default LEV_DIR_ALL), LEV_P_UNDIRECTED,
 *   LEV_P_WEIGHTED.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM (building the compact form). An
 *   empty network gives LEV_OK with nothing written.
 * @par Contract
 *   reads net · thread-safe · deterministic.
 * @par Complexity
 *   O(V + E) after the compact form is built.
 * @par Reference
 *   Barrat, A. et al. (2004). PNAS 101(11). doi:10.1073/pnas.0400087101
 * @since 0.1
 */
LEV_API lev_status lev_strength(const lev_network *net, lev_params *p, double *out);

/**
 * @brief PageRank of every actor, weighted by strength, with optional personalization.
 *
 * The stationary distribution of a walk that, from actor u, follows an edge u → v with
 * probability d·w(u,v)/s(u) (s = out-strength; parallel edges add up) and otherwise jumps to
 * actor v with probability personalization[v]/Σ personalization. An actor with no out-edges
 * (dangling) always jumps by the personalization vector, as NetworkX and igraph do. With
 * LEV_P_UNDIRECTED every edge is also walked backwards (a self-loop then counts twice); with
 * LEV_P_WEIGHTED 0 every edge has w = 1. Power iteration starts from the uniform vector and
 * stops when the L1 distance between two iterates is at most LEV_P_TOLERANCE (NetworkX compares
 * with V·tol instead). Scores are ≥ 0 and sum to 1.
 * @param[in]  net             The network; not changed (its compact form may be built).
 * @param[in]  personalization Length lev_actor_count(net), entries finite and ≥ 0 with a
 *   positive, finite sum; or NULL for uniform. Copied as needed; not kept.
 * @param[in]  p   Options or NULL: LEV_P_DAMPING (0.85), LEV_P_TOLERANCE (1e-10),
 *   LEV_P_MAX_ITER (1000), LEV_P_UNDIRECTED, LEV_P_WEIGHTED, LEV_P_THREADS; progress callback
 *   once per iteration.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_EINVAL (bad personalization);
 *   LEV_ENOCONV (not within LEV_P_MAX_ITER iterations); LEV_ECANCELLED; LEV_ENOMEM.
 *   An empty network gives LEV_OK with nothing written (personalization is not read).
 * @par Contract
 *   reads net · allocates O(V) scratch · parallel (OpenMP) · bit-identical for
 *   any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(iterations · (V + E)) time, (5 + 1 if personalized)·V + O(V/2048) doubles
 *   of scratch from `net`'s allocator, on the calling thread.
 * @par Reference
 *   Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web
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
