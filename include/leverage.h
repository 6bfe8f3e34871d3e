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
 *
 * Length queries are not failures. A call with a variable-length result takes `cap` and
 * `*len` (lev_asymmetry(), lev_dependence(), lev_rich_club()): given `cap` 0 it returns
 * #LEV_ERANGE with the needed length in `*len` (#LEV_OK with 0 when the result is empty) and
 * records nothing, so lev_params_errcode() / lev_errcode() and the message keep whatever they
 * held before (#LEV_OK and "" on a fresh object). A `cap` > 0 that is too small is a real
 * failure (the buffer given does not fit): the call returns #LEV_ERANGE with `*len` and records
 * a message saying how many entries did not fit in which cap, as any failure does.
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
    LEV_ERANGE = 11,      /**< output buffer too small: the needed length is reported in `*len` (cap 0 asks for it) */
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
 * use one per thread. It belongs to no network: lev_params_new() allocates it with malloc,
 * lev_params_new_with_alloc() through a ::lev_alloc_fn of the caller's, which then also serves
 * the scratch of the calls without a network it is given (the inequality measures).
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
 * @param ud    The pointer given to lev_network_new_with_alloc() or lev_params_new_with_alloc(),
 *              passed back untouched.
 * @param ptr   The block to resize or free, or NULL for a new block.
 * @param osize The size of `ptr` in bytes (0 when `ptr` is NULL).
 * @param nsize The size wanted in bytes; 0 to free `ptr`.
 * @return The block (NULL after a free), or NULL when it cannot be allocated.
 * @since 0.1
 */
typedef void *(*lev_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/**
 * @brief Create an empty network that uses the C library's malloc, realloc and free.
 *
 * On Linux, blocks of 4 MiB and more (edge arrays, the compact form, scratch of large analyses)
 * are advised for transparent huge pages (`madvise(MADV_HUGEPAGE)`, a hint the kernel may
 * ignore): their random gathers then miss the TLB far less often. A network made with
 * lev_network_new_with_alloc() gets no such advice.
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
 * @brief Add many influence edges at once, `sources[i] → targets[i]` for i = 0..count−1.
 *
 * The same as `count` calls of lev_edge_add() with one channel, but all or nothing, validated
 * in one pass and copied with one reservation: the way to load edges that are already in
 * arrays (a binary file, a NumPy array). Adding to an empty network leaves no spare capacity.
 * @param[in]  net       The network; changed.
 * @param[in]  count     Number of edges; 0 adds nothing and succeeds.
 * @param[in]  sources   `count` actor indices the influence comes from; not kept.
 * @param[in]  targets   `count` actor indices it acts on; not kept.
 * @param[in]  strengths `count` strengths, each as for lev_edge_add(); or NULL for strength 1
 *   on every edge.
 * @param[in]  channel   One channel label for all of them, as for lev_edge_add(); NULL/"" for
 *   none.
 * @param[out] first     Receives the index of the first new edge (the others follow in order),
 *   or lev_edge_count() when count is 0; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL; sources or targets NULL while count > 0), LEV_EINVAL
 *   (an unknown actor index or a bad strength: the message gives the position i and why;
 *   channel not UTF-8), LEV_ELIMIT (too many edges or channel labels), LEV_ENOMEM; on failure
 *   nothing changes and the message is on `net`.
 * @par Complexity
 *   O(count + |channel|) amortized time. New edges wait in a list of 12 bytes per edge (16
 *   with channels, 16 with a strength that is not exactly a float) until the next analysis
 *   moves them into the compact form, where an edge takes 16 bytes (both directions, float
 *   strengths), plus 4 when the edges were not added in order of source then target, 8 with
 *   exact double strengths, 4 with channels: see lev_network_bytes().
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_edges_add(lev_network *net, size_t count, const uint32_t *sources, const uint32_t *targets,
                                 const double *strengths, const char *channel, size_t *first);

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
 * @brief Self-loops and repeated edges: does the data hold what you think it holds?
 *
 * An edge repeats when an earlier edge (a smaller number) has the same source, target and
 * channel (no channel being one channel of its own): data read from a file with a row twice, or
 * parallel ties a user may not expect. The analyses keep both (strengths and walks add them up;
 * shortest paths take the strongest); this says how many there are and where the first is, so
 * that a tool can say so. A self-loop is an edge from an actor to itself.
 * @param[in]  net          The network; not changed (its compact form is brought up to date).
 * @param[in]  p            Options (none read but LEV_P_THREADS for the compact form), or NULL.
 * @param[out] loops        Receives the number of self-loops; may be NULL.
 * @param[out] first_loop   Receives the number of the first self-loop, or SIZE_MAX when there is
 *   none; may be NULL.
 * @param[out] repeats      Receives the number of edges that repeat an earlier one; may be NULL.
 * @param[out] first_repeat Receives the number of the first edge that repeats an earlier one, or
 *   SIZE_MAX; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_ENOMEM (the compact form could not be built).
 *   Outputs written only on LEV_OK; a failure is recorded on `p` (or `net` when p is NULL).
 * @par Complexity
 *   O(V + E) time, reading the compact form once (O(E · c) with channels, c the most edges
 *   between one ordered pair); no memory beyond the compact form.
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_edge_repeats(const lev_network *net, lev_params *p, size_t *loops, size_t *first_loop,
                                    size_t *repeats, size_t *first_repeat);

/**
 * @brief Bytes the network holds now: how much memory does this network take?
 *
 * Everything allocated through the network's allocator and not yet freed (names, groups,
 * resources and holdings, the edges in whichever form they are, caches such as the edge index
 * of lev_edge_get()), plus the handle itself. Scratch that analyses running at the moment hold
 * through the same allocator is included while they run. After the first analysis the edges
 * take 16 bytes each in both directions with their strengths, 10 when the strengths take at
 * most 256 distinct values (counts up to 256, say: each is then a one-byte code, read back as
 * the same float), and 8 when they are all the same (an unweighted network); with R-MAT graphs
 * of 16 edges per actor, 1 byte per edge more for the row offsets, and the names
 * (bench/README.md).
 * @param[in] net The network, or NULL.
 * @return The bytes; 0 when net is NULL.
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API size_t lev_network_bytes(const lev_network *net);

/**
 * @brief Read edge `i` back.
 * @param[in]  net      The network; not changed.
 * @param[in]  i        Edge index, 0..lev_edge_count(net)−1.
 * @param[out] source   Receives the source actor index; may be NULL.
 * @param[out] target   Receives the target actor index; may be NULL.
 * @param[out] strength Receives the strength exactly as added (a double, not rounded); may be NULL.
 * @param[out] channel  Receives the channel label (borrowed, valid until the network is freed)
 *   or NULL when the edge has none; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (i out of range), LEV_ENOMEM (the
 *   edge index below could not be built). Outputs untouched on failure; a failure is recorded
 *   on `net` under its lock (except when net is NULL).
 * @par Complexity
 *   O(log V). The network stores its edges once, in the compact form the analyses read (sorted
 *   by source, then target); when the edges were not added in that order, the first call after
 *   an analysis builds an index from edge number to place, 4 bytes per edge (8 past 2^32
 *   edges), O(E), kept until the network changes.
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_edge_get(const lev_network *net, size_t i, uint32_t *source, uint32_t *target,
                                double *strength, const char **channel);

/**
 * @brief Read edges `first` .. `first + count − 1` back at once, into arrays: how do I export a
 * large network's edges fast?
 *
 * The same values as `count` calls of lev_edge_get(), in one call (from Python or Lua, a million
 * edges in one crossing instead of a million); channels come as indices for lev_channel_name().
 * @param[in]  net       The network; not changed.
 * @param[in]  first     Index of the first edge to read.
 * @param[in]  count     How many edges; 0 reads nothing and succeeds (with `first` up to
 *   lev_edge_count()).
 * @param[out] sources   `count` source actor indices; may be NULL.
 * @param[out] targets   `count` target actor indices; may be NULL.
 * @param[out] strengths `count` strengths exactly as added; may be NULL.
 * @param[out] channels  `count` channel indices (see lev_channel_name()), #LEV_NONE for an edge
 *   without one; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_EINVAL (`first + count` past lev_edge_count()),
 *   LEV_ENOMEM (lev_edge_get()'s index could not be built). Outputs untouched on failure; a
 *   failure is recorded on `net` under its lock.
 * @par Complexity
 *   O(count log V), and as lev_edge_get() the first read after an analysis of edges not added
 *   in order of source then target builds an index of 4 bytes per edge, O(E).
 * @par Thread safety
 *   Read-only.
 * @since 0.1
 */
LEV_API lev_status lev_edges_get(const lev_network *net, size_t first, size_t count, uint32_t *sources,
                                 uint32_t *targets, double *strengths, uint32_t *channels);

/**
 * @brief Number the edges by source, then target, and drop the index of the order of addition:
 * how do I make a large network take 4 bytes less per edge?
 *
 * After this call edge 0 is the edge of the smallest source with the smallest target, and so on;
 * edges with the same source and target keep their order of addition among themselves. Nothing
 * else changes: every analysis gives the same bits as before, because the analyses read the
 * edges by source, then target, already. What changes is every number that names an edge:
 * lev_edge_get(), the edges' order in the writers' files, arrays indexed by edge (such as
 * lev_edge_betweenness()'s) and the order of edges that tie in a ranking. Call it when no edge
 * number has been handed out that still matters, typically right after loading.
 *
 * Memory: when the edges were not added in order of source then target (a file in no particular
 * order), the compact form keeps the number of each edge, 4 bytes per edge (8 past 2^32 edges),
 * and building it takes 20 bytes per edge at the peak. This call builds the compact form now
 * without them: at a peak of 16 bytes per edge when the strengths are floats and no edge has a
 * channel (the added edges' 12 bytes and 4 for the order, reused for the rows), plus the row
 * offsets and 8 · T · (V + 1) bytes of cursors, T the threads; it then keeps 16 bytes per edge,
 * 10 with at most 256 distinct strengths, 8 with one (see lev_network_bytes()). On a network already compacted it frees the numbers (and
 * lev_edge_get()'s index). Edges added in that order already are numbered so: nothing changes.
 * @param[in] net The network; changed.
 * @param[in] p   Options (none read but LEV_P_THREADS), or NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL), LEV_ENOMEM (nothing changed). A failure is recorded
 *   on `p` (or `net` when p is NULL).
 * @par Complexity
 *   O(V + E log d) time, d the largest out-degree: the compaction's (on all LEV_P_THREADS
 *   threads, the same result for any count), or O(1) beyond it when already compacted.
 * @par Thread safety
 *   Needs exclusive access to `net`.
 * @since 0.1
 */
LEV_API lev_status lev_edges_sort(lev_network *net, lev_params *p);

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
    /** int, 0..2^53, default 1: seed of every randomized algorithm (same seed, same answer, for
     *  any LEV_P_THREADS). Read by lev_betweenness_approx(), lev_betweenness_sampled(),
     *  lev_communities(), lev_rich_club(), lev_spread(), lev_seeds(), lev_voting_power() (when it
     *  samples) and lev_keyplayers() (its random starts). */
    LEV_P_SEED = 100,
    /** int, 0..1024, default 0: worker threads; 0 means as many as OpenMP offers (1 in a build
     *  without OpenMP). Results do not depend on it. Read by every parallel analysis (each
     *  function's documentation names it). */
    LEV_P_THREADS = 101,
    /** double, [0, 1], default 1e-10: convergence threshold of iterative algorithms (each documents
     *  its norm; lev_pagerank() stops when the L1 change is at most it, so 0 asks for an exact
     *  fixed point). */
    LEV_P_TOLERANCE = 102,
    /** int, 1..10^9, default 1000: iteration limit of iterative algorithms; past it they fail with
     *  LEV_ENOCONV. Read by the iterative functions (lev_pagerank(), the spectral family,
     *  lev_core_periphery(), the opinion family: lev_degroot(), lev_degroot_limit(),
     *  lev_friedkin_johnsen(), lev_friedkin_johnsen_influence(), lev_opinion_pressure()). */
    LEV_P_MAX_ITER = 103,
    /** int, 0 or 1, default 0: 1 treats each edge a → b as a tie both ways (a → b and b → a).
     *  Read by every analysis of a network whose documentation names it. */
    LEV_P_UNDIRECTED = 104,
    /** int, 0 or 1, default 1: 0 ignores strengths (every edge counts 1; path measures count hops).
     *  Read by every analysis that uses strengths (each function's documentation names it). */
    LEV_P_WEIGHTED = 105,
    /** int, 1..3, default LEV_DIR_ALL: which edges of an actor a per-actor measure counts
     *  (lev_direction). Since `source → target` means the source influences the target,
     *  LEV_DIR_OUT scores influence *exerted* (ties out of the actor) and LEV_DIR_IN influence
     *  *received* (ties into it); what LEV_DIR_ALL means is each reader's default, below.
     *  Ignored when LEV_P_UNDIRECTED is 1. Readers:
     *  - lev_degree(), lev_strength(), lev_coreness(): OUT counts edges from the actor, IN edges
     *    to it, ALL both;
     *  - lev_pagerank(), lev_pagerank_dangling(): OUT exerted (PageRank of the reversed network),
     *    IN and ALL received (the standard PageRank);
     *  - lev_closeness(), lev_harmonic(): OUT and ALL exerted (distances from the actor), IN
     *    received (distances to it);
     *  - lev_katz(), lev_eigenvector(), lev_bonacich(): OUT exerted (scores from the edges the
     *    actor sends, B = A), IN and ALL received (from the edges that reach it, B = Aᵀ);
     *  - lev_centralization(): degree as lev_degree(), closeness as lev_closeness();
     *  - lev_group_influence() and lev_outsiders() (LEV_INCROWD_GROUP) pass it to lev_pagerank().
     *  lev_hits() ignores it: its hub score is influence exerted, its authority score influence
     *  received. Betweenness ignores it (reversing every edge leaves it unchanged). */
    LEV_P_DIRECTION = 106,
    /** double, [0, 1], default 0.85: PageRank's damping factor (probability of following an edge).
     *  Read by lev_pagerank(). */
    LEV_P_DAMPING = 200,
    /** int, 0 or 1, default 0: 1 scales scores to the normalized form each measure documents.
     *  Read by lev_harmonic(), lev_betweenness(), lev_edge_betweenness(),
     *  lev_betweenness_subset(), lev_katz(), lev_bonacich(). @since 0.1 */
    LEV_P_NORMALIZED = 201,
    /** double, [0, 1e6], default 0.1: Katz attenuation α, the weight of each further step of
     *  influence. Read by lev_katz(). @since 0.1 */
    LEV_P_ALPHA = 202,
    /** double, [-1e6, 1e6], default 1: Bonacich power exponent β; negative values reward ties to
     *  weak, dependent actors. Read by lev_bonacich(). @since 0.1 */
    LEV_P_BETA = 203,
    /** double, [1e-6, 0.5], default 0.01: additive error ε of sampled betweenness, on the
     *  normalized [0, 1] scale. Read by lev_betweenness_approx(). @since 0.1 */
    LEV_P_EPSILON = 204,
    /** double, [1e-12, 0.5], default 0.1: probability δ that sampled betweenness misses its
     *  error bound. Read by lev_betweenness_approx(). @since 0.1 */
    LEV_P_DELTA = 205,
    /** int, 0 or 1, default 0: 1 counts the endpoints of each path as lying on it: the source
     *  and the target of every connected pair get 1 each, as NetworkX's
     *  `betweenness_centrality(endpoints=True)` (normalized: divided by n(n − 1)). Read by
     *  lev_betweenness(). @since 0.1 */
    LEV_P_ENDPOINTS = 206,
    /** double, ≥ 0, default 0 (no cutoff): the longest path a path measure counts, in hops
     *  (LEV_P_WEIGHTED 0) or in 1/strength units; > 0 keeps only paths of length ≤ cutoff
     *  (igraph's `cutoff`; igraph's cutoff 0 is no path at all, ours none). Read by
     *  lev_betweenness(), lev_edge_betweenness(), lev_betweenness_subset(), lev_closeness(),
     *  lev_harmonic(). @since 0.1 */
    LEV_P_CUTOFF = 207,
    /** double, [1e-9, 1000], default 1: modularity resolution γ; larger values give smaller
     *  communities. Read by lev_communities(), lev_modularity(). @since 0.1 */
    LEV_P_RESOLUTION = 400,
    /** int, 0 or 1, default 0: 1 makes lev_modularity() and lev_communities() use directed
     *  modularity (Leicht & Newman 2008), Q = (1/m) Σ_ij [A_ij − γ k_i^out k_j^in / m] δ(c_i, c_j),
     *  on the edges as given, instead of the undirected view. Read by lev_modularity(),
     *  lev_communities(). @since 0.1 */
    LEV_P_DIRECTED_MODULARITY = 401,
    /** int, 0 or 1, default 0: 1 applies the n/(n − 1) small-sample correction to the Gini
     *  coefficient. Read by lev_gini(). @since 0.1 */
    LEV_P_SMALL_SAMPLE = 500,
    /** int, 0..2^31 − 1, default 0: how many top actors lev_top_share() sums; 0 uses
     *  LEV_P_TOP_FRACTION instead. @since 0.1 */
    LEV_P_TOP_K = 501,
    /** double, [0, 1], default 0.1: the top fraction of actors lev_top_share() sums when
     *  LEV_P_TOP_K is 0 (rounded up to whole actors). @since 0.1 */
    LEV_P_TOP_FRACTION = 502,
    /** int, 1..100000, default 20: how many random networks a randomized baseline draws (the
     *  degree-preserving rewirings whose mean normalizes lev_rich_club(), each 100·E swaps).
     *  @since 0.1 */
    LEV_P_SAMPLES = 503,
    /** double, [0, 1], default 0.1: the share of incoming influence from the in-crowd below which
     *  a connected actor is an outsider (strictly below: 0 makes nobody an outsider). Read by
     *  lev_outsiders(). @since 0.1 */
    LEV_P_THRESHOLD = 504,
    /** int, 1..2, default LEV_INCROWD_GROUP: what the in-crowd is (lev_incrowd). Read by
     *  lev_outsiders(). @since 0.1 */
    LEV_P_INCROWD = 505,
    /** int, 1..2, default LEV_SCOPE_ALL: where an actor may obtain a resource (lev_scope), i.e.
     *  whose holdings share out its dependence. Read by lev_dependence(), lev_power_advantage().
     *  @since 0.1 */
    LEV_P_SCOPE = 600,
    /** int, 1..5, default LEV_BYPASS_PAGERANK: the score M whose bypass is measured
     *  (lev_bypass_measure). Read by lev_tie_bypass(), lev_reliance(), lev_edge_leverage(),
     *  which pass the call's other options (LEV_P_DIRECTION, LEV_P_DAMPING, …) on to M.
     *  @since 0.1 */
    LEV_P_BYPASS_MEASURE = 700,
    /** int, 1..1000, default 1: how many ties lev_tie_bypass() removes from each actor, chosen
     *  greedily one at a time (each the tie whose removal leaves the actor the lowest score).
     *  @since 0.1 */
    LEV_P_BYPASS_TIES = 701,
    /** double, [0, 1e18], default 1e9: the most work, in edge visits, that exact recomputation
     *  may take in lev_tie_bypass() and lev_edge_leverage(); past it they fail with LEV_ELIMIT
     *  before computing anything. A recomputation counts V + E (degree, strength), 100·(V + E)
     *  (PageRank), 2·(V + E) (harmonic of two actors; V·(V + E) for everyone's), V·(V + E)
     *  (betweenness). @since 0.1 */
    LEV_P_BYPASS_LIMIT = 702,
    /** double, [1e-15, 0.1], default 3e-4: the residual ε at which lev_tie_bypass()'s local
     *  backward push stops (PageRank, one tie, directed): each entry of (I − d·P)⁻¹ it reads is
     *  then within ε/(1 − d) of the exact value (see @ref guide_bypass_leverage). @since 0.1 */
    LEV_P_BYPASS_RESIDUAL = 703,
    /** int, 1..2, default LEV_MODEL_IC: the diffusion model (lev_model). Read by lev_spread(),
     *  lev_seeds(). @since 0.1 */
    LEV_P_MODEL = 800,
    /** int, 1..3, default LEV_PROB_WC: what an edge's Independent Cascade probability is
     *  (lev_probability). Read by lev_spread(), lev_seeds() under LEV_MODEL_IC. @since 0.1 */
    LEV_P_PROBABILITY = 801,
    /** double, [0, 1], default 0.01: the probability of every edge with LEV_P_PROBABILITY
     *  LEV_PROB_CONSTANT. Read by lev_spread(), lev_seeds(). @since 0.1 */
    LEV_P_CONSTANT_PROBABILITY = 802,
    /** int, 1..10^9, default 10000: Monte Carlo runs of lev_spread() (its standard error
     *  shrinks as 1/√runs). @since 0.1 */
    LEV_P_RUNS = 803,
    /** double, [0.001, 0.6], default 0.1: ε of influence maximization's (1 − 1/e − ε)
     *  guarantee (½(1 − 1/e) − ε with a budget). Read by lev_seeds(). @since 0.1 */
    LEV_P_SEEDS_EPSILON = 804,
    /** double, ≥ 0, default 0 (no budget): the total cost lev_seeds() may spend on seeds (the
     *  costs are its `cost` argument, 1 each when NULL); 0 picks k seeds instead. @since 0.1 */
    LEV_P_BUDGET = 805,
    /** int, -1..2^32 − 2, default -1 (everyone): a group index (lev_group_name()) whose actors
     *  alone count as reached: lev_seeds() maximizes the expected activated actors of that
     *  group. @since 0.1 */
    LEV_P_TARGET_GROUP = 806,
    /** double, ≥ 0, default 0 (use LEV_P_QUOTA_FRACTION): the quota of the weighted voting game,
     *  in units of the resource: a coalition wins when its members' holdings add up to at least
     *  this. Read by the coalition family (lev_voting_power(), lev_minimal_winning(),
     *  lev_packel_indices(), lev_cheapest_alliance()). @since 0.1 */
    LEV_P_QUOTA = 1000,
    /** double, [0, 1], default 0.5: when LEV_P_QUOTA is 0, a coalition wins when its holdings
     *  are strictly more than this fraction of all holdings (0.5: a strict majority). Read by
     *  the coalition family. @since 0.1 */
    LEV_P_QUOTA_FRACTION = 1001,
    /** int, bytes, 0..2^53, default 67108864 (64 MiB): the most scratch an exact dynamic
     *  program of the coalition family may take; past it lev_voting_power() samples
     *  (LEV_P_COALITION_SAMPLES), lev_cheapest_alliance() with a cost resource is greedy and
     *  lev_minimal_winning() counts by enumeration. 0 always samples. @since 0.1 */
    LEV_P_MEMORY_LIMIT = 1002,
    /** int, 1..10^9, default 20000: random permutations (Shapley–Shubik) and random coalitions
     *  (Banzhaf) a sampled lev_voting_power() draws; the standard error falls as 1/√samples.
     *  @since 0.1 */
    LEV_P_COALITION_SAMPLES = 1003,
    /** int, 0 or 1, default 0: 1 plays the graph-restricted game (Myerson 1977): a coalition
     *  counts only through its connected parts in the influence network read undirected (ties
     *  either way, any channel), i.e. it wins when one of its connected components reaches the
     *  quota. Read by lev_voting_power(), lev_cheapest_alliance(). @since 0.1 */
    LEV_P_CONNECTED = 1004,
    /** int, 0..26, default 20: the largest network (in actors) on which the graph-restricted
     *  game is solved exactly by enumerating all 2^n coalitions (2^n bytes of scratch);
     *  larger ones are sampled (lev_voting_power()) or searched greedily
     *  (lev_cheapest_alliance()). @since 0.1 */
    LEV_P_ENUM_LIMIT = 1005,
    /** int, 0..10^9, default 100000: the most minimal winning coalitions lev_minimal_winning()
     *  lists and lev_packel_indices() enumerates. @since 0.1 */
    LEV_P_COALITION_LIMIT = 1006,
    /** int, 1..4, default LEV_KP_REACH: what a key-player set is chosen for (lev_kp_measure):
     *  reach or distance-weighted reach (KPP-Pos), fragmentation or distance-weighted
     *  fragmentation (KPP-Neg). Read by lev_keyplayers(), lev_keyplayer_score(). @since 0.1 */
    LEV_P_KP_MEASURE = 1100,
    /** int, 1..2^31 − 1, default 1: the most steps along which a key-player set reaches an actor
     *  for LEV_KP_REACH (1: its direct contacts). Read by lev_keyplayers(),
     *  lev_keyplayer_score(); the other measures ignore it. @since 0.1 */
    LEV_P_KP_DISTANCE = 1101,
    /** int, 1..10^6, default 1: how many starting sets lev_keyplayers() improves by swaps: the
     *  greedy set, then starts − 1 random sets drawn from LEV_P_SEED; the best result wins.
     *  @since 0.1 */
    LEV_P_KP_STARTS = 1102,
    /** int, 1..10^5, default 300: how many Fruchterman–Reingold steps lev_layout() takes (the
     *  temperature falls linearly to 0 over them). @since 0.1 */
    LEV_P_LAYOUT_ITERATIONS = 1200,
    /** First key of experimental options, which may change in any minor release. None is
     *  defined: every key from here up gives LEV_EUNSUPPORTED. */
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
 * @brief Who counts as the in-crowd of lev_outsiders() (values of LEV_P_INCROWD).
 * @since 0.1
 */
typedef enum lev_incrowd {
    LEV_INCROWD_GROUP = 1, /**< the group label whose actors hold the most PageRank in total
                                (lev_pagerank() with the call's options; a tie goes to the lower
                                group index) */
    LEV_INCROWD_CORE = 2   /**< the actors of the innermost k-core: the largest lev_coreness()
                                with LEV_P_UNDIRECTED 1 (edge records count one each, self-loops
                                none), whatever the call's LEV_P_UNDIRECTED */
} lev_incrowd;

/**
 * @brief Where an actor may obtain a resource, for power-dependence (values of LEV_P_SCOPE).
 * @since 0.1
 */
typedef enum lev_scope {
    LEV_SCOPE_ALL = 1,       /**< from every other actor that holds it */
    LEV_SCOPE_NEIGHBOURS = 2 /**< only from its network neighbours: the distinct other actors with
                                  an edge to or from it, in any channel (direction, strength,
                                  parallel edges and self-loops do not matter) */
} lev_scope;

/**
 * @brief What a key-player set is chosen for (values of LEV_P_KP_MEASURE; Borgatti 2006). Every
 * score is in [0, 1], larger is better, distances are hops.
 * @since 0.1
 */
typedef enum lev_kp_measure {
    LEV_KP_REACH = 1,     /**< KPP-Pos: the share of all n actors within LEV_P_KP_DISTANCE steps
                               of the set (members count as reached) */
    LEV_KP_DREACH = 2,    /**< KPP-Pos, distance-weighted: (1/n) Σ_j 1/d(K, j), d(K, j) the
                               fewest steps from any member to j, 1 for members, 1/∞ = 0 */
    LEV_KP_FRAGMENT = 3,  /**< KPP-Neg: fragmentation F = 1 − Σ_i s_i(s_i − 1)/(n'(n' − 1)) of the
                               n' = n − k actors left once the set is removed, s_i their
                               components' sizes (ties read both ways); 1 when n' < 2 */
    LEV_KP_DFRAGMENT = 4  /**< KPP-Neg, distance-weighted: DF = 1 − Σ (1/d_ij)/(n'(n' − 1)),
                               summed over the ordered pairs i ≠ j of the remaining actors (ties
                               read both ways, 1/∞ = 0); 1 when n' < 2 */
} lev_kp_measure;

/**
 * @brief How a result of the coalition family was computed (the `method` outputs).
 * @since 0.1
 */
typedef enum lev_coalition_method {
    LEV_COALITION_EXACT = 1,     /**< exact: dynamic programming over whole weights, sorting, or
                                      enumeration of every coalition */
    LEV_COALITION_SAMPLED = 2,   /**< Monte Carlo estimate, with standard errors */
    LEV_COALITION_HEURISTIC = 3  /**< a greedy search: an alliance that reaches the quota, not
                                      necessarily the cheapest */
} lev_coalition_method;

/**
 * @brief The diffusion model of lev_spread() and lev_seeds() (values of LEV_P_MODEL).
 * @since 0.1
 */
typedef enum lev_model {
    LEV_MODEL_IC = 1, /**< Independent Cascade: each newly active actor gets one chance to
                           activate each out-neighbour, along each edge independently with the
                           edge's probability (LEV_P_PROBABILITY) */
    LEV_MODEL_LT = 2  /**< Linear Threshold: each actor draws a threshold uniform in (0, 1] and
                           becomes active once the active share of its incoming strength (each
                           in-edge's strength over the actor's total, 1 each with LEV_P_WEIGHTED
                           0) reaches it */
} lev_model;

/**
 * @brief What an edge's Independent Cascade probability is (values of LEV_P_PROBABILITY).
 * @since 0.1
 */
typedef enum lev_probability {
    LEV_PROB_STRENGTH = 1, /**< the edge's strength, which must then be in [0, 1] (LEV_EINVAL
                                naming the first edge above 1) */
    LEV_PROB_WC = 2,       /**< weighted cascade: 1 / in-degree of the target, counting every
                                edge record into it (parallel edges and a self-loop each count) */
    LEV_PROB_CONSTANT = 3  /**< LEV_P_CONSTANT_PROBABILITY for every edge */
} lev_probability;

/**
 * @brief What lev_seeds() may do with an actor (entries of its `rule` array).
 * @since 0.1
 */
typedef enum lev_seed_rule {
    LEV_SEED_ALLOWED = 0,  /**< may be picked */
    LEV_SEED_REQUIRED = 1, /**< must be a seed: picked first, in index order */
    LEV_SEED_EXCLUDED = 2  /**< must not be a seed */
} lev_seed_rule;

/**
 * @brief The score whose bypass lev_tie_bypass(), lev_reliance() and lev_edge_leverage() measure
 * (values of LEV_P_BYPASS_MEASURE).
 * @since 0.1
 */
typedef enum lev_bypass_measure {
    LEV_BYPASS_PAGERANK = 1,    /**< lev_pagerank() (uniform personalization) */
    LEV_BYPASS_DEGREE = 2,      /**< lev_degree() */
    LEV_BYPASS_STRENGTH = 3,    /**< lev_strength() */
    LEV_BYPASS_BETWEENNESS = 4, /**< lev_betweenness() */
    LEV_BYPASS_HARMONIC = 5     /**< lev_harmonic() */
} lev_bypass_measure;

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
 *   no network, so no network's allocator sees it); free it with lev_params_free(). The
 *   scratch of calls without a network given it comes from malloc too: to route both through
 *   an allocator of your own, use lev_params_new_with_alloc().
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_params_new(lev_params **out);

/**
 * @brief Create an options object, holding every default, whose memory comes from `f`.
 *
 * `f` has the contract of lev_network_new_with_alloc()'s (Lua's `lua_Alloc`, see lev_alloc_fn):
 * the object's own block is the first allocation made through it and lev_params_free() gives
 * it back there. The calls that take no network — lev_gini(), lev_theil(), lev_hhi(),
 * lev_palma(), lev_top_share(), lev_lorenz() — allocate their scratch (the sorted copy of x)
 * through the allocator of the params they are given, from the calling thread only, and free it
 * before they return; given NULL params they use malloc. Analyses of a network keep using the
 * network's allocator whatever params they get, so that a network's host sees all the memory
 * spent on it (and one params object can serve networks with different allocators). `f` and
 * `ud` stay with the object for its whole life: lev_params_reset() does not change them.
 * @param[out] out Receives the new object; set to NULL on failure (when out itself is not NULL).
 * @param[in]  f   The allocator (see lev_alloc_fn); must not be NULL.
 * @param[in]  ud  Opaque pointer passed to every call of `f`; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (out or f NULL), LEV_ENOMEM (f returned NULL; there is no object
 *   to carry a message).
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe. A params object is used by one thread at a time, so `f` is called from one
 *   thread at a time on its behalf.
 * @since 0.1
 */
LEV_API lev_status lev_params_new_with_alloc(lev_params **out, lev_alloc_fn f, void *ud);

/**
 * @brief Free an options object. NULL does nothing.
 *
 * Its message becomes invalid. The callback's `ud` is not touched. The block goes back through
 * the allocator it came from (lev_params_new_with_alloc()).
 * @param[in] p The options object, or NULL.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API void lev_params_free(lev_params *p);

/**
 * @brief Put every option back to its default and clear the progress callback and message.
 *
 * Afterwards lev_params_errcode() gives LEV_OK and lev_params_errmsg() "". The allocator given
 * to lev_params_new_with_alloc() is kept.
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
 * @brief The i-th option key, in increasing order: for listing every option a library knows.
 * @param[in]  i   0, 1, 2, …
 * @param[out] key Receives the key.
 * @return LEV_OK; LEV_ENOTFOUND when i is at least the number of keys; LEV_EMISUSE (key NULL).
 * @par Complexity
 *   O(1).
 * @par Thread safety
 *   Thread-safe.
 * @since 0.1
 */
LEV_API lev_status lev_param_at(size_t i, lev_param *key);

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
    LEV_FORMAT_RESOURCES_CSV = 3,
    /** GraphML (read through expat, an optional dependency; written always): actors, groups,
     *  resources, edges with strength and channel, under the keys of @ref guide_io. */
    LEV_FORMAT_GRAPHML = 4,
    /** Pajek `.net`: `*Vertices` with labels, `*Arcs` / `*Edges` (and `*Arcslist` / `*Edgeslist`)
     *  with weights; a relation's label (`*Arcs :2 "money"`) is the ties' channel. */
    LEV_FORMAT_PAJEK = 5,
    /** GML (`graph [ node [ id label group ] edge [ source target weight channel ] ]`). */
    LEV_FORMAT_GML = 6,
    /** JSON node-link (NetworkX's `node_link_data` shape, which d3 reads); written only. */
    LEV_FORMAT_JSON = 7,
    /** Graphviz DOT for `dot`, `neato`, `sfdp`: actors coloured by group, sized by a score, ties
     *  as wide as their strength; written only. */
    LEV_FORMAT_DOT = 8
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

/**
 * @brief Write `net` with chosen scores as actor attributes (GraphML, GML, JSON node-link, DOT).
 *
 * Answers "how do I look at the power I computed in Gephi, d3 or Graphviz?": each score becomes
 * an attribute of every actor, under its name: a GraphML key (`attr.type="double"`), a GML key,
 * a JSON member (non-finite values as `null`). In DOT the first score sizes the actors (width
 * from 0.25 to 1.25 inches, linear from the smallest to the largest finite value; 0.6 when they
 * are all equal; non-finite: 0.25) and every score is listed in the actor's tooltip. With
 * `nscores` 0 this is lev_write().
 * @param[in] net     The network; not changed.
 * @param[in] fmt     #LEV_FORMAT_GRAPHML, #LEV_FORMAT_GML, #LEV_FORMAT_JSON or #LEV_FORMAT_DOT
 *   (with scores); any format when nscores is 0.
 * @param[in] nscores Number of scores (0 allowed).
 * @param[in] names   `nscores` names: non-empty UTF-8 without control characters, distinct, not
 *   `id`, `name`, `label`, `group`, nor starting with `holds:` or `needs:`; for GML a GML key
 *   (letters, digits, `_`, not first a digit). Not kept. May be NULL when nscores is 0.
 * @param[in] scores  `nscores · lev_actor_count(net)` values, score k of actor i at
 *   `scores[k · n + i]`. Not kept. May be NULL when nscores is 0.
 * @param[in] fn      The sink.
 * @param[in] ud      Passed to every call of `fn`.
 * @return LEV_OK; LEV_EMISUSE (net or fn NULL, names or scores NULL with nscores > 0, a name
 *   NULL); LEV_EUNSUPPORTED (scores for a format that carries none: CSV, Pajek; an unknown
 *   format); LEV_EINVAL (a bad score name; a name or label the format cannot carry: a control
 *   character in GraphML, a quote or line break in a Pajek label); LEV_EIO (the sink stopped);
 *   LEV_ENOMEM. Failures are recorded on `net`.
 * @par Contract
 *   reads net · a 16 KiB buffer from net's allocator · not cancellable · deterministic
 * @par Complexity
 *   O(V·(nscores + R) + E) time.
 * @par Thread safety
 *   Read-only: safe concurrently with other read-only calls on `net`.
 * @par Reference
 *   GraphML: Brandes et al., "GraphML Progress Report", Graph Drawing 2001, LNCS 2265.
 *   GML: Himsolt, "GML: A portable Graph File Format", Universität Passau, 1997.
 *   Pajek: Batagelj and Mrvar, "Pajek — Program for Large Network Analysis", Connections 21(2), 1998.
 * @since 0.1
 */
LEV_API lev_status lev_write_scores(const lev_network *net, lev_format fmt, size_t nscores,
                                    const char *const *names, const double *scores, lev_write_fn fn,
                                    void *ud);

/**
 * @brief As lev_write_scores(), to the file `path` (created or truncated).
 * @param[in] net     The network; not changed.
 * @param[in] fmt     The format to write.
 * @param[in] nscores Number of scores.
 * @param[in] names   The scores' names, as lev_write_scores() takes them.
 * @param[in] scores  `nscores · lev_actor_count(net)` values, score-major.
 * @param[in] path    The file's path, as fopen() takes it.
 * @return As lev_write_scores(), and LEV_EMISUSE (path NULL), LEV_EIO when the file cannot be
 *   opened, written or closed. Arguments are checked before the file is opened.
 * @par Complexity
 *   O(V·(nscores + R) + E).
 * @par Thread safety
 *   Read-only on `net`.
 * @since 0.1
 */
LEV_API lev_status lev_write_scores_file(const lev_network *net, lev_format fmt, size_t nscores,
                                         const char *const *names, const double *scores,
                                         const char *path);

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
 * With LEV_DIR_OUT it counts the ties through which the actor exerts influence, with LEV_DIR_IN
 * those through which it receives it, and with LEV_DIR_ALL (the default) both. Parallel edges count one each; a self-loop counts once as out and once as in (twice with
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
 * Influence exerted directly with LEV_DIR_OUT, received with LEV_DIR_IN, both with LEV_DIR_ALL
 * (the default). Counts edges as lev_degree() does, each weighted by its strength (by 1 with LEV_P_WEIGHTED 0,
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
 * Answers "who receives influence?" by default (LEV_DIR_IN and LEV_DIR_ALL, the key's default):
 * the stationary distribution of a walk that, from actor u, follows an edge u → v with
 * probability d·w(u,v)/s(u) (s = out-strength; parallel edges add up) and otherwise jumps to
 * actor v with probability personalization[v]/Σ personalization, so mass gathers at the targets
 * of influence; this is NetworkX's `pagerank(G)`. With LEV_P_DIRECTION LEV_DIR_OUT it answers
 * "who exerts influence?": the same walk on the reversed network (NetworkX's
 * `pagerank(G.reverse())`), which follows each edge u → v backwards from v to u with probability
 * d·w(u,v)/s(v) (s = in-strength), so mass gathers at the sources: on the star Boss → Ann, …, Ed
 * Boss ranks first with LEV_DIR_OUT and last by default. With LEV_P_UNDIRECTED 1 every edge is
 * also walked backwards (a self-loop then counts twice) and LEV_P_DIRECTION is ignored. A
 * dangling actor — one the walk cannot leave: no out-edges forwards, no in-edges with
 * LEV_DIR_OUT — always jumps by the personalization vector, as NetworkX and igraph do
 * (lev_pagerank_dangling() takes a separate vector for it). With LEV_P_WEIGHTED 0 every edge
 * has w = 1. Power iteration starts from the uniform vector and stops when the L1 distance
 * between two iterates is at most LEV_P_TOLERANCE (NetworkX compares with V·tol instead); when
 * the change shrinks by one steady real ratio r (negative included), an iteration is
 * extrapolated by r/(1 − r) (Aitken), which reaches the same fixed point in fewer iterations
 * (R-MAT 20: 17 instead of 27) and never ends the call (the docs' "Convergence" section).
 * Scores are ≥ 0 and sum to 1.
 * @param[in]  net             The network; not changed (its compact form may be built).
 * @param[in]  personalization Length lev_actor_count(net), entries finite and ≥ 0 with a
 *   positive, finite sum; or NULL for uniform. Copied as needed; not kept. It is where the walk
 *   jumps in either direction.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION (default LEV_DIR_ALL: influence received),
 *   LEV_P_DAMPING (0.85), LEV_P_TOLERANCE (1e-10), LEV_P_MAX_ITER (1000), LEV_P_UNDIRECTED,
 *   LEV_P_WEIGHTED, LEV_P_THREADS; progress callback once per iteration.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_EINVAL (bad personalization);
 *   LEV_ENOCONV (not within LEV_P_MAX_ITER iterations); LEV_ECANCELLED; LEV_ENOMEM.
 *   An empty network gives LEV_OK with nothing written (personalization is not read).
 * @par Contract
 *   reads net · allocates O(V) scratch · parallel (OpenMP) · bit-identical for
 *   any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(iterations · (V + E)) time in either direction (the compact form holds both, so nothing
 *   is reversed or copied), (3 + 1 if personalized)·V + O(V/2048) doubles of scratch from
 *   `net`'s allocator, on the calling thread.
 * @par Reference
 *   Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web
 *   search engine. Computer Networks 30. doi:10.1016/S0169-7552(98)00110-X;
 *   Kamvar, S. D., Haveliwala, T. H., Manning, C. D. & Golub, G. H. (2003). Extrapolation
 *   methods for accelerating PageRank computations. WWW 2003. doi:10.1145/775152.775190
 * @since 0.1
 */
LEV_API lev_status lev_pagerank(const lev_network *net, const double *personalization, lev_params *p,
                                double *out);

/**
 * @brief PageRank with a separate vector for the mass of dangling actors.
 *
 * As lev_pagerank(), same options and direction, except that an actor the walk cannot leave
 * (no out-edges; no in-edges with LEV_P_DIRECTION LEV_DIR_OUT) jumps to actor v with
 * probability dangling[v]/Σ dangling instead of by the personalization vector; the other actors
 * still jump by the personalization vector with probability 1 − d. Each iteration is
 * x'[v] = d·(Σ_u x[u]·w(u,v)/s(u) + D·dangling[v]/Σ dangling) + (1 − d)·q[v], with D the mass on
 * dangling actors and q the normalized personalization: NetworkX's
 * `pagerank(G, personalization=q, dangling=dangling)`. A NULL dangling vector gives exactly
 * lev_pagerank()'s result (bit for bit). With no dangling actor the vector changes nothing.
 * @param[in]  net             The network; not changed (its compact form may be built).
 * @param[in]  personalization As lev_pagerank(): length lev_actor_count(net), or NULL for uniform.
 * @param[in]  dangling        Length lev_actor_count(net), entries finite and ≥ 0 with a
 *   positive, finite sum (checked even when no actor is dangling); or NULL for the
 *   personalization vector. Copied as needed; not kept.
 * @param[in]  p   Options or NULL: as lev_pagerank().
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_EINVAL (bad personalization or dangling
 *   vector: the message names the actor's index and name); LEV_ENOCONV; LEV_ECANCELLED;
 *   LEV_ENOMEM. An empty network gives LEV_OK with nothing written (vectors not read).
 * @par Contract
 *   As lev_pagerank().
 * @par Complexity
 *   As lev_pagerank(), plus V doubles of scratch with a dangling vector.
 * @par Reference
 *   Brin & Page (1998), as lev_pagerank(); Boldi, P., Posenato, R., Santini, M. & Vigna, S.
 *   (2008). Traps and pitfalls of topic-biased PageRank. WAW 2006, LNCS 4936.
 *   doi:10.1007/978-3-540-78808-9_11
 * @since 0.1
 */
LEV_API lev_status lev_pagerank_dangling(const lev_network *net, const double *personalization,
                                         const double *dangling, lev_params *p, double *out);

/** @} */

/**
 * @defgroup paths Centrality on shortest paths
 * @brief Closeness, harmonic, betweenness (exact, per edge, and sampled).
 *
 * Distances are hops with LEV_P_WEIGHTED 0 and otherwise the sum of 1/strength along the path
 * (strong ties are short), in double from the strengths exactly as added (not the compact
 * form's float32: 1/(float)(1/3) is not 3, and lengths equal in the caller's data must stay
 * equal; this costs one O(E log d) pass per call when some strength is not exactly a float).
 * Parallel edges fold to the strongest; self-loops are on no shortest path. Paths follow edges forwards; with
 * LEV_P_UNDIRECTED 1 in both directions (a → b and b → a then fold into one tie). Two weighted
 * path lengths a and b are equal when |a − b| ≤ 1e-10·(a + b) (igraph's rule), so paths of equal
 * length in exact arithmetic count as equal although their floating-point sums differ, while
 * lengths that truly differ by more (1e-8 relative, say) do not. LEV_P_CUTOFF > 0 keeps only
 * paths of length ≤ cutoff (within the same tolerance), and each search stops there. All are
 * parallel over sources (OpenMP, LEV_P_THREADS) and give bit-identical results for any number
 * of threads. An empty network gives LEV_OK and writes nothing. See @ref guide_paths.
 * @since 0.1
 * @{
 */

/**
 * @brief Closeness centrality of every actor: how near it is to the actors it reaches.
 *
 * Answers "who exerts influence quickly?" by default and with LEV_DIR_OUT (distances from the
 * actor along the edges it sends) and "who is quickly reached by influence?" with LEV_DIR_IN
 * (distances to it). For actor v reaching r − 1 others at total distance S, (r − 1)/S scaled by (r − 1)/(n − 1)
 * (the Wasserman–Faust form of NetworkX's `closeness_centrality(wf_improved=True)`, for networks
 * that are not connected); 0 for an actor that reaches nobody, and for a lone actor. Distances
 * run from v with LEV_P_DIRECTION LEV_DIR_OUT or LEV_DIR_ALL (the default), to v with
 * LEV_DIR_IN, and both ways with LEV_P_UNDIRECTED 1 (which overrides the direction). NetworkX
 * uses distances to v on directed graphs (pass it `G.reverse()` for ours); igraph's
 * `closeness(mode="out", normalized=True)` is (r − 1)/S without the factor (r − 1)/(n − 1),
 * and NaN where ours is 0. Scores are in [0, 1] with hops. LEV_P_NORMALIZED is ignored: the
 * score is already normalized. With LEV_P_CUTOFF c > 0 only the actors within distance c count:
 * r − 1 of them at total distance S give (r − 1)/S · (r − 1)/(n − 1) (igraph's
 * `closeness(cutoff=c)` is documented as (r − 1)/S over the same actors; python-igraph 0.10.2
 * returns 1 for every actor, see @ref paths_cutoff).
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, LEV_P_DIRECTION,
 *   LEV_P_CUTOFF, LEV_P_THREADS; progress callback (called on the calling thread, ending at 1).
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_ECANCELLED (output untouched); LEV_ENOMEM.
 * In hops, from 32 sources on, the searches run 64 at a time as one bit-parallel multi-source
 * BFS (Then et al. 2014; one bit per source in each actor's words, top-down or bottom-up by
 * level), with exactly the same distance sums as one BFS per source.
 * @par Contract
 *   reads net · allocates O(V + E) scratch plus O(V) per thread (hops from 32 sources on: the
 *   reverse view, 8·V + 4·E bytes on a directed network, and 32·V bytes per thread) · parallel
 *   (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(V·(V + E)) hops (the multi-source BFS: O(V·(V + E)·L/64) word operations for a largest
 *   distance L), O(V·(V + E) log V) weighted.
 * @par Reference
 *   Freeman, L. C. (1979). Social Networks 1(3); Wasserman & Faust (1994), Social Network Analysis;
 *   Then, M. et al. (2014). The More the Merrier: Efficient Multi-Source Graph Traversal. PVLDB
 *   8(4). doi:10.14778/2735496.2735507
 * @since 0.1
 */
LEV_API lev_status lev_closeness(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Harmonic centrality of every actor: the sum of 1/d(v, u) over the others.
 *
 * Answers "whose influence reaches others, and how closely?" by default and with LEV_DIR_OUT
 * (distances from v), and "who is reached by influence?" with LEV_DIR_IN (distances to v).
 * Actors v does not reach add 0 (an isolated actor scores 0). With LEV_P_NORMALIZED 1, divided
 * by n − 1 (a lone actor scores 0). Distances as lev_closeness(): from v by default and with
 * LEV_DIR_OUT, to v with LEV_DIR_IN, both ways with LEV_P_UNDIRECTED 1. igraph's
 * `harmonic_centrality(mode="out", normalized=False)` gives the same; NetworkX's
 * `harmonic_centrality` uses distances to v on directed graphs. With LEV_P_CUTOFF c > 0 only
 * actors within distance c add (igraph's `cutoff`). In hops the sum is taken by distance: c_d/d
 * for the c_d actors at distance d, added for d = 1, 2, … (the same bits on every path: the
 * multi-source BFS, one BFS per source, lev_harmonic_subset(), lev_harmonic_top()).
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: as lev_closeness(), and LEV_P_NORMALIZED.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_ECANCELLED (output untouched); LEV_ENOMEM.
 * @par Contract
 *   As lev_closeness().
 * @par Complexity
 *   As lev_closeness().
 * @par Reference
 *   Marchiori & Latora (2000). Physica A 285; Boldi & Vigna (2014). Internet Mathematics 10.
 * @since 0.1
 */
LEV_API lev_status lev_harmonic(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Closeness of the given actors only: each one's search, no others (igraph's
 * `closeness(vertices=...)`).
 *
 * out[i] is actors[i]'s closeness, bit-identical to element actors[i] of lev_closeness() with the
 * same options (the same search from the same actor), at a cost of one search per listed actor
 * instead of one per actor: for a few actors of interest on a large network. Each actor may be
 * listed once (a repeat is refused, as lev_betweenness_subset() refuses one).
 * @param[in]  net     The network; not changed (its compact form may be built).
 * @param[in]  actors  Actor indices, each below lev_actor_count(net) and listed once; may be
 *   NULL when nactors is 0. Not kept.
 * @param[in]  nactors How many.
 * @param[in]  p       Options or NULL: as lev_closeness() (LEV_P_WEIGHTED, LEV_P_UNDIRECTED,
 *   LEV_P_DIRECTION, LEV_P_CUTOFF, LEV_P_THREADS; progress callback).
 * @param[out] out     Caller-owned, length nactors (not NULL even when nactors is 0); written
 *   only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL, actors NULL with nactors > 0); LEV_EINVAL (an
 *   index out of range or repeated: the message names its position); LEV_ECANCELLED; LEV_ENOMEM.
 * @par Contract
 *   As lev_closeness().
 * @par Complexity
 *   O(nactors·(V + E)) hops, O(nactors·(V + E) log V) weighted.
 * @par Reference
 *   As lev_closeness().
 * @since 0.1
 */
LEV_API lev_status lev_closeness_subset(const lev_network *net, const uint32_t *actors, size_t nactors, lev_params *p,
                                        double *out);

/**
 * @brief Harmonic centrality of the given actors only (igraph's
 * `harmonic_centrality(vertices=...)`).
 *
 * out[i] is actors[i]'s harmonic centrality, bit-identical to element actors[i] of lev_harmonic()
 * with the same options; as lev_closeness_subset() otherwise.
 * @param[in]  net     The network; not changed (its compact form may be built).
 * @param[in]  actors  Actor indices, each below lev_actor_count(net) and listed once; may be
 *   NULL when nactors is 0. Not kept.
 * @param[in]  nactors How many.
 * @param[in]  p       Options or NULL: as lev_harmonic(), and LEV_P_NORMALIZED (divides by n − 1
 *   for the whole network's n).
 * @param[out] out     Caller-owned, length nactors; written only on LEV_OK.
 * @return As lev_closeness_subset().
 * @par Contract
 *   As lev_closeness().
 * @par Complexity
 *   As lev_closeness_subset().
 * @par Reference
 *   As lev_harmonic().
 * @since 0.1
 */
LEV_API lev_status lev_harmonic_subset(const lev_network *net, const uint32_t *actors, size_t nactors, lev_params *p,
                                       double *out);

/**
 * @brief Betweenness centrality of every actor (Brandes): how many shortest paths it brokers.
 *
 * The sum over ordered pairs (s, t), s ≠ v ≠ t, of the share of shortest s–t paths through v;
 * on an undirected view each unordered pair counts once (the ordered sum halved), as NetworkX
 * and igraph do. With LEV_P_NORMALIZED 1, divided by (n − 1)(n − 2) (directed) or
 * (n − 1)(n − 2)/2 (undirected), as NetworkX's `normalized=True`; 0 for n ≤ 2. Parallel edges
 * are one tie (as NetworkX; igraph counts each as a separate path). Equally short weighted paths
 * count as equal (see the group): NetworkX and R sna miscount some of them (docs). LEV_P_DIRECTION
 * is ignored. LEV_P_CUTOFF c > 0 counts only pairs joined by a path of length ≤ c, and only
 * those paths (igraph's `betweenness(cutoff=c)`). LEV_P_ENDPOINTS 1 also credits each path's
 * two ends (NetworkX's `endpoints=True`): v gets 1 more for every actor it reaches and every
 * actor that reaches it (on an undirected view, halved: 1 per actor of its component), and the
 * normalized form divides by n(n − 1) instead of (n − 1)(n − 2) (0 for n = 1).
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, LEV_P_NORMALIZED,
 *   LEV_P_ENDPOINTS, LEV_P_CUTOFF, LEV_P_THREADS; progress callback (on the calling thread,
 *   ending at 1).
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_ECANCELLED (output untouched); LEV_ENOMEM.
 * @par Contract
 *   reads net · allocates O(V + E) scratch (the view: 8·V + 4·A bytes, A the arcs of the view;
 *   weighted, 8·A more) plus, per thread, about 45·V + 4·A bytes (hops: the successor arcs of a
 *   search are kept) or 49·V bytes (weighted) on one thread and 71·V + 4·A or 75·V bytes on two
 *   or more (three reorder slots of 13·V bytes each) ·
 *   parallel (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(V·E) hops, O(V·(E + V) log V) weighted.
 * @par Reference
 *   Brandes, U. (2001). J. Math. Sociol. 25(2). doi:10.1080/0022250X.2001.9990249
 * @since 0.1
 */
LEV_API lev_status lev_betweenness(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Betweenness of every edge: how many shortest paths run along it.
 *
 * Element e is edge e (lev_edge_get() order): the sum over ordered pairs (s, t) of the share of
 * shortest s–t paths along e, halved on an undirected view (as NetworkX and igraph); with
 * LEV_P_NORMALIZED 1, divided by n(n − 1) instead, the number of ordered pairs (NetworkX's
 * `normalized=True`, directed or not). Of parallel edges — with LEV_P_UNDIRECTED 1 also the
 * edges a → b and b → a — the one that carries the paths gets the score and the others 0: the
 * strongest, the first added among equals, whether or not LEV_P_WEIGHTED is set. Self-loops
 * score 0. A network without edges gives LEV_OK and writes nothing. LEV_P_CUTOFF as
 * lev_betweenness() (igraph's `edge_betweenness(cutoff=)`).
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: as lev_betweenness() but LEV_P_ENDPOINTS (ignored).
 * @param[out] out Caller-owned, length lev_edge_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_ECANCELLED (output untouched); LEV_ENOMEM.
 * @par Contract
 *   As lev_betweenness(), plus 8·A bytes of representative edges and 8·A of totals (A the arcs of
 *   the view: about E directed, 2·E undirected), and per reorder slot 8·A bytes of arc partials:
 *   one slot on one thread; two per thread on two or more while A ≤ 2^25 (256 MB a slot), one
 *   per thread above (a thread then waits when it finishes its block before the block ahead
 *   of it is done). Parallel at every size: each block's merge touches only the rows its
 *   searches reached.
 * @par Complexity
 *   As lev_betweenness().
 * @par Reference
 *   Brandes, U. (2008). Social Networks 30(2). doi:10.1016/j.socnet.2007.11.001
 * @since 0.1
 */
LEV_API lev_status lev_edge_betweenness(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Betweenness counting only the shortest paths from some sources to some targets.
 *
 * For every actor v, the sum over s in `sources` and t in `targets`, s ≠ v ≠ t, s ≠ t, of the
 * share of shortest s–t paths through v: who brokers between *these* actors (one faction and
 * another, the founders and the newcomers). NetworkX's `betweenness_centrality_subset(G,
 * sources, targets, normalized, weight)`, scaled as it does: halved on an undirected view (even
 * when the two sets differ, so a pair with s and t in both sets counts once), and with
 * LEV_P_NORMALIZED 1 divided by (n − 1)(n − 2) instead (not halved; 0 for n ≤ 2). igraph's C
 * `igraph_betweenness_subset` sums the same pairs (docs/paths.md compares the scaling). With every actor as source and target it
 * equals lev_betweenness(). Distances, ties, parallel edges and self-loops as lev_betweenness();
 * LEV_P_CUTOFF applies; LEV_P_ENDPOINTS is ignored (NetworkX's subset form has none).
 * @param[in]  net       The network; not changed (its compact form may be built).
 * @param[in]  sources   Actor indices, each at most once; may be NULL when nsources is 0 (then
 *   every score is 0). Copied; not kept.
 * @param[in]  nsources  Length of sources.
 * @param[in]  targets   Actor indices, each at most once; NULL means every actor (ntargets must
 *   then be 0); a non-NULL array of length 0 is the empty set (every score 0).
 * @param[in]  ntargets  Length of targets.
 * @param[in]  p         Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, LEV_P_NORMALIZED,
 *   LEV_P_CUTOFF, LEV_P_THREADS; progress callback (on the calling thread, ending at 1).
 * @param[out] out       Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL, sources NULL with nsources > 0, targets NULL
 *   with ntargets > 0); LEV_EINVAL (an index that is not an actor, or one given twice in the same
 *   array: the message names the position); LEV_ECANCELLED (output untouched); LEV_ENOMEM.
 * @par Contract
 *   As lev_betweenness(), plus O(V) scratch; bit-identical for any LEV_P_THREADS.
 * @par Complexity
 *   O(|sources|·E) hops, O(|sources|·(E + V) log V) weighted (one search per source).
 * @par Reference
 *   Brandes, U. (2008). On variants of shortest-path betweenness centrality and their generic
 *   computation. Social Networks 30(2). doi:10.1016/j.socnet.2007.11.001
 * @since 0.1
 */
LEV_API lev_status lev_betweenness_subset(const lev_network *net, const uint32_t *sources, size_t nsources,
                                          const uint32_t *targets, size_t ntargets, lev_params *p, double *out);

/**
 * @brief Betweenness estimated from sampled shortest paths, for large networks.
 *
 * Draws ordered pairs (s, t), s ≠ t, uniformly, and for each one shortest s–t path uniformly
 * among them (none if t is unreachable); an actor's estimate is the share of samples whose path
 * it lies inside, times n/(n − 2). With probability at least 1 − LEV_P_DELTA every estimate is
 * within LEV_P_EPSILON of the actor's normalized betweenness, lev_betweenness() with
 * LEV_P_NORMALIZED 1. Scores are on that scale whatever LEV_P_NORMALIZED says. The number of
 * samples adapts (KADABRA, Borassi–Natale): with ε' = ε(n − 2)/n for the rescaling, the ceiling
 * is Riondato–Kornaropoulos' size for δ/2, ω = ⌈(0.5/ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉, VD an
 * upper bound of the vertex diameter (the most actors on one shortest path): over the strongly
 * connected components C that one path of the condensation crosses, the largest sum of
 * min(|C|, ⌊(ecc_in(x) + ecc_out(x))/ℓmin⌋ + 1), with x the first actor of C a depth-first
 * search reaches, its eccentricities within C and ℓmin C's shortest tie (1 with hops; on an
 * undirected view, RK's 2·eccentricity + 1 per connected component). A pilot of ⌈ω/100⌉ samples
 * splits the other δ/2 over the actors (δ_L(v) = δ_U(v)); the estimate is then made of the
 * following samples and stops at the first checkpoint τ (every 512 samples) at which every
 * actor's KADABRA deviations f(b̃, δ_L, ω, τ) and g(b̃, δ_U, ω, τ) are ≤ ε', or at τ = ω. Either
 * way the guarantee above holds (probability δ/2 for each bound). When VD < 3 or n ≤ 2 nobody
 * can be between: all 0, exactly, from 0 samples. Each sample is a balanced bidirectional
 * search: with hops a level-synchronous BFS (the side whose frontier has the smaller degree sum
 * expands a whole level), with lengths a Dijkstra; on small-world networks it touches a small
 * part of the network. Sample i draws from a stream made from LEV_P_SEED and i alone and the
 * checkpoints are fixed: same seed, same answer (and the same number of samples), for any
 * LEV_P_THREADS. lev_betweenness_sampled() also tells r and ε.
 * @param[in]  net The network; not changed (its compact form may be built).
 * @param[in]  p   Options or NULL: LEV_P_EPSILON, LEV_P_DELTA, LEV_P_SEED, LEV_P_WEIGHTED,
 *   LEV_P_UNDIRECTED, LEV_P_THREADS; progress callback (on the calling thread, ending at 1).
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or out NULL); LEV_ECANCELLED (output untouched); LEV_ENOMEM.
 * @par Contract
 *   reads net · allocates O(V + E) scratch plus O(V) per thread · parallel (OpenMP) ·
 *   deterministic for a seed, for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O((r + ω/100)·(V + E)) hops, O((r + ω/100)·(V + E) log V) with lengths in the worst case,
 *   r ≤ ω (each sample stops once the two searches meet), plus O((V + E) log V) for VD and O(V)
 *   per checkpoint.
 * @par Reference
 *   Riondato, M. & Kornaropoulos, E. M. (2016). Data Min. Knowl. Disc. 30. doi:10.1007/s10618-015-0423-0;
 *   Borassi, M. & Natale, E. (2019). KADABRA is an ADaptive Algorithm for Betweenness via Random
 *   Approximation. ACM J. Exp. Algorithmics 24. doi:10.1145/3284359
 * @since 0.1
 */
LEV_API lev_status lev_betweenness_approx(const lev_network *net, lev_params *p, double *out);

/**
 * @brief As lev_betweenness_approx(), and tells how many samples it drew and the error bound.
 *
 * Writes the same scores as lev_betweenness_approx() with the same options, and the number r of
 * sampled pairs the estimates are made of and the bound ε that holds for every actor with
 * probability at least 1 − δ (LEV_P_DELTA), so a report can say "estimated from r samples, ±ε
 * with probability 1 − δ". r is where the adaptive rule stopped: a multiple of 512 below ω, or
 * ω, Riondato–Kornaropoulos' size for δ/2 (so at most that; the ⌈ω/100⌉ pilot samples that
 * allocate δ are not counted). ε is LEV_P_EPSILON when samples were drawn; r = 0 and ε = 0 when
 * the scores are exact without any (VD < 3, n ≤ 2, empty network).
 * @param[in]  net     The network; not changed (its compact form may be built).
 * @param[in]  p       Options or NULL: as lev_betweenness_approx().
 * @param[out] out     Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @param[out] samples The number of samples r, or NULL; written only on LEV_OK.
 * @param[out] epsilon The error bound ε on the normalized scale, or NULL; written only on LEV_OK.
 * @return As lev_betweenness_approx().
 * @par Contract
 *   As lev_betweenness_approx().
 * @par Complexity
 *   As lev_betweenness_approx().
 * @par Reference
 *   As lev_betweenness_approx().
 * @since 0.1
 */
LEV_API lev_status lev_betweenness_sampled(const lev_network *net, lev_params *p, double *out, uint64_t *samples,
                                           double *epsilon);

/**
 * @brief The k actors of highest closeness, exactly, without computing everyone's.
 *
 * Writes min(k, n) actors, best first, and their scores, which are exactly (bit for bit) what
 * lev_closeness() gives those actors with the same options; among equal scores the lower index
 * comes first, so the result is the head of lev_closeness()'s output sorted by decreasing score,
 * then index. A search from an actor stops as soon as an upper bound of its score falls below the
 * k-th best found so far (Bergamini et al.): with hops, after each level and before each
 * expansion, counting the next level at its distance, at most as many more one hop further as
 * there are ties out of the next level (or out of the actors not yet expanded), and every other
 * actor it may reach one hop further still; with lengths, the actors
 * in the heap at the distance of its top and the others one shortest tie further. How many it
 * may reach is bounded over the strongly connected components (a component reaches itself and
 * what the components it has ties into reach, at most its weak component). Actors are tried in decreasing
 * order of a bound from their own and their neighbours' ties, and those whose bound is already too low are never
 * searched. On small-world networks few searches run to the end (see bench/README.md); in the
 * worst case it costs what lev_closeness() does. k = 0 writes nothing.
 * @param[in]  net    The network; not changed (its compact form may be built).
 * @param[in]  p      Options or NULL: as lev_closeness() (LEV_P_WEIGHTED, LEV_P_UNDIRECTED,
 *   LEV_P_DIRECTION, LEV_P_THREADS; progress callback).
 * @param[in]  k      How many actors to return.
 * @param[out] actors Caller-owned, length ≥ min(k, lev_actor_count(net)): actor indices, best
 *   first; written only on LEV_OK.
 * @param[out] scores Caller-owned, the same length: their closeness; written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net, actors or scores NULL); LEV_ECANCELLED (outputs untouched);
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · allocates O(V + E) scratch plus O(V) per thread · parallel (OpenMP) · the same
 *   result for any LEV_P_THREADS (which searches are cut short may differ, the answer does not)
 *   · cancellable.
 * @par Complexity
 *   O(V·(V + E)) hops, O(V·(V + E) log V) weighted in the worst case; usually far less.
 * @par Reference
 *   Bergamini, E., Borassi, M., Crescenzi, P., Marino, A. & Meyerhenke, H. (2019). Computing
 *   top-k closeness centrality faster in unweighted graphs. ACM Trans. Knowl. Discov. Data 13(5).
 *   doi:10.1145/3344719
 * @since 0.1
 */
LEV_API lev_status lev_closeness_top(const lev_network *net, lev_params *p, size_t k, uint32_t *actors,
                                     double *scores);

/**
 * @brief The k actors of highest harmonic centrality, exactly, without computing everyone's.
 *
 * As lev_closeness_top() for lev_harmonic(): min(k, n) actors best first (ties: lower index
 * first), with exactly lev_harmonic()'s scores under the same options, LEV_P_NORMALIZED
 * included. The bound after a level or before an expansion (hops) or a settled actor (lengths) is the sum so far plus
 * 1/distance for every actor it may still reach, at the least distance it can have.
 * @param[in]  net    The network; not changed (its compact form may be built).
 * @param[in]  p      Options or NULL: as lev_harmonic().
 * @param[in]  k      How many actors to return.
 * @param[out] actors Caller-owned, length ≥ min(k, lev_actor_count(net)); written only on LEV_OK.
 * @param[out] scores Caller-owned, the same length: their harmonic centrality; written only on
 *   LEV_OK.
 * @return As lev_closeness_top().
 * @par Contract
 *   As lev_closeness_top().
 * @par Complexity
 *   As lev_closeness_top().
 * @par Reference
 *   Bergamini et al. (2019), as lev_closeness_top(); Boldi & Vigna (2014). Internet Mathematics 10.
 * @since 0.1
 */
LEV_API lev_status lev_harmonic_top(const lev_network *net, lev_params *p, size_t k, uint32_t *actors,
                                    double *scores);

/** @} */

/**
 * @defgroup spectral Centrality from walks: Katz, eigenvector, HITS, Bonacich
 *
 * Measures that count influence arriving along walks of every length, weighted by strength
 * (by 1 with LEV_P_WEIGHTED 0; parallel edges add up; a self-loop counts once). Each reads a
 * matrix B whose row i says whose scores actor i's score draws on:
 * - LEV_P_DIRECTION LEV_DIR_ALL (the default) or LEV_DIR_IN: B = Aᵀ, in-influence (influence
 *   received) — i scores from the edges that reach it (NetworkX's and igraph's convention for
 *   Katz and eigenvector);
 * - LEV_DIR_OUT: B = A, out-influence (influence exerted) — i scores from the edges it sends
 *   (sna's bonpow on the sociomatrix as given, rows = senders);
 * - LEV_P_UNDIRECTED 1: B = A + Aᵀ, every edge a tie both ways (LEV_P_DIRECTION ignored; a
 *   self-loop then counts twice, as in igraph's undirected graphs).
 *
 * A(i, j) is the summed strength of the edges i → j. lev_hits() uses A itself (hubs send,
 * authorities receive) and ignores LEV_P_DIRECTION. Katz, eigenvector and HITS iterate in
 * parallel (LEV_P_THREADS) and Bonacich's dense solve too; every result is bit-identical for any
 * LEV_P_THREADS. Outputs are written only on LEV_OK; an empty network gives LEV_OK with nothing
 * written. Formulas, peers and their conventions are in @ref guide_spectral.
 * @{
 */

/**
 * @brief Katz centrality: x = α·B·x + 1, every walk into an actor attenuated by α per step.
 *
 * Answers "who receives influence, directly and through chains?" by default (LEV_DIR_ALL and
 * LEV_DIR_IN: walks into the actor) and "who exerts it?" with LEV_DIR_OUT (walks out of the
 * actor: on Boss → Ann, …, Ed, Boss scores 1 + 5α and the others 1). x = Σ_{k≥0} (αB)^k 1 (β = 1), found by iterating x ← α·B·x + 1 from x = 1 until the L1 change is
 * at most LEV_P_TOLERANCE times the L1 norm of x, with lev_pagerank()'s extrapolated steps along
 * the slowest (Perron) mode, which never end the call. Raw scores are ≥ 1 (an actor no edge reaches
 * scores exactly 1); this is NetworkX's katz_centrality(G, alpha, beta=1, normalized=False).
 * With LEV_P_NORMALIZED 1, scaled to unit Euclidean length (NetworkX's default,
 * normalized=True). The series converges only for α < 1/λmax (λmax the largest eigenvalue of B):
 * for larger α the call fails with LEV_ENOCONV and a message saying that α is too large — at
 * once in the undirected view (where a growing change proves α·λmax > 1), otherwise when the
 * scores overflow or the change has not shrunk by LEV_P_MAX_ITER.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_ALPHA (0.1), LEV_P_DIRECTION, LEV_P_UNDIRECTED,
 *   LEV_P_WEIGHTED, LEV_P_NORMALIZED (0), LEV_P_TOLERANCE (1e-10), LEV_P_MAX_ITER (1000),
 *   LEV_P_THREADS; progress callback once per iteration.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOCONV (α too large, or not within
 *   LEV_P_MAX_ITER iterations), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · parallel (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(iterations · (V + E)) time, about log(tol)/log(α·λmax) iterations without the steps
 *   (at α·λmax = 0.85 on R-MAT 18's first 10^6 ties: 121, with them 26); 2·V doubles of
 *   scratch.
 * @par Reference
 *   Katz, L. (1953). Psychometrika 18. doi:10.1007/BF02289026
 * @since 0.1
 */
LEV_API lev_status lev_katz(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Eigenvector centrality: the leading eigenvector of B (in-influence: of Aᵀ).
 *
 * Answers "who receives influence from the influential?" by default (LEV_DIR_ALL and
 * LEV_DIR_IN) and "who exerts influence on the influential?" with LEV_DIR_OUT. Power iteration on B + I from the uniform vector, as NetworkX's eigenvector_centrality (the
 * shift makes periodic networks, such as bipartite ones or directed cycles, converge to the same
 * eigenvector), stopping when the L1 change of the unit-length iterate is at most
 * LEV_P_TOLERANCE. Scores are ≥ 0 with unit Euclidean length (NetworkX's scale; igraph's
 * eigenvector_centrality(scale=False); igraph's default scale=True divides by the largest
 * score instead). An actor that no walk from a cycle reaches scores 0 (to rounding): an isolated
 * actor, in-influence an actor without in-edges. With no edges every score is 1/√V. If the
 * largest eigenvalue is shared (several components tie), the result is the limit from the
 * uniform start, as NetworkX's. LEV_ENOCONV when the iteration does not settle within
 * LEV_P_MAX_ITER, notably on an acyclic directed network (λmax = 0: no eigenvector
 * centrality), with the estimated λmax in the message.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION, LEV_P_UNDIRECTED, LEV_P_WEIGHTED,
 *   LEV_P_TOLERANCE (1e-10), LEV_P_MAX_ITER (1000), LEV_P_THREADS; progress callback once per
 *   iteration.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOCONV, LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · parallel (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(iterations · (V + E)) time, about log(tol)/log((λ₂+1)/(λmax+1)) iterations, fewer when
 *   that second eigenvalue is real (the iteration then takes lev_pagerank()'s extrapolated
 *   steps: R-MAT 18, 24 → 19); 2·V doubles of scratch.
 * @par Reference
 *   Bonacich, P. (1972). J. Math. Sociol. 2(1). doi:10.1080/0022250X.1972.9989806
 * @since 0.1
 */
LEV_API lev_status lev_eigenvector(const lev_network *net, lev_params *p, double *out);

/**
 * @brief HITS hub and authority scores (Kleinberg): good hubs point to good authorities.
 *
 * Answers both questions at once, whatever LEV_P_DIRECTION says: the hub score "who exerts
 * influence on those who receive much?", the authority score "who receives influence from those
 * who exert much?". Authorities a are the leading eigenvector of AᵀA and hubs h = A·a, found by iterating
 * a ← Aᵀ(A·a) from hubs all 1, until the L1 change of the authorities is at most
 * LEV_P_TOLERANCE. Each vector is ≥ 0 and sums to 1 (NetworkX's hits; igraph's hub_score and
 * authority_score scale the largest to 1 instead). LEV_P_DIRECTION is ignored; with
 * LEV_P_UNDIRECTED 1, A is replaced by A + Aᵀ. An actor without out-edges has hub score 0,
 * without in-edges authority score 0; with no edges both vectors are uniform 1/V. When the
 * leading eigenvalue of AᵀA is shared (e.g. an undirected bipartite network), the result is the
 * limit from that start, which peers need not reproduce.
 * @param[in]  net         The network; not changed.
 * @param[in]  p           Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, LEV_P_TOLERANCE
 *   (1e-10), LEV_P_MAX_ITER (1000), LEV_P_THREADS; progress callback once per iteration.
 * @param[out] hubs        Caller-owned, length lev_actor_count(net), or NULL.
 * @param[out] authorities Caller-owned, length lev_actor_count(net), or NULL (not both NULL).
 * @return LEV_OK, LEV_EMISUSE (net NULL, or both outputs NULL), LEV_ENOCONV, LEV_ECANCELLED,
 *   LEV_ENOMEM; outputs written only on LEV_OK.
 * @par Contract
 *   reads net · parallel (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(iterations · (V + E)) time, about log(tol)/log((σ₂/σ₁)²) iterations (σ the singular
 *   values of A); 4·V doubles of scratch.
 * @par Reference
 *   Kleinberg, J. (1999). J. ACM 46(5). doi:10.1145/324133.324140
 * @since 0.1
 */
LEV_API lev_status lev_hits(const lev_network *net, lev_params *p, double *hubs, double *authorities);

/**
 * @brief Bonacich power centrality c(α, β) = α·(I − βB)⁻¹·B·1, as R `sna::bonpow`.
 *
 * Answers "whose received influence comes from the powerful (β > 0) or from the dependent
 * (β < 0)?" by default (LEV_DIR_ALL and LEV_DIR_IN) and the same of influence exerted with
 * LEV_DIR_OUT (sna's `bonpow` on the sociomatrix as given). The raw scores r = (I − βB)⁻¹B1 solve r_i = Σ_j B(i, j)·(1 + β·r_j): with β > 0 ties to
 * powerful actors add power, with β < 0 ties to weak, dependent actors do (bargaining
 * networks); β = 0 gives strength. α = √(V / Σ r²), so Σ c² = V and the sign is r's (sna's
 * rescale=FALSE); LEV_P_NORMALIZED 1 divides r by Σ r instead, so the scores sum to 1 (sna's
 * rescale=TRUE; LEV_EINVAL if Σ r = 0). sna reads the sociomatrix with rows = senders, so
 * `bonpow(d)` is LEV_DIR_OUT here and the default (in-influence) is `bonpow(t(d))`; self-loops
 * count, as with `diag=TRUE` (sna's default drops them). With no edges every score is 0 (sna
 * gives NaN). Solved by LU with partial pivoting of the dense V × V matrix; LEV_EINVAL when
 * I − βB is singular to working precision (estimated reciprocal 1-norm condition number below
 * 2.2e-16, i.e. 1/β is, or nearly is, an eigenvalue of B; sna already refuses below 1e-7).
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_BETA (1), LEV_P_DIRECTION, LEV_P_UNDIRECTED,
 *   LEV_P_WEIGHTED, LEV_P_NORMALIZED (0), LEV_P_THREADS; progress callback once per 64 columns
 *   eliminated.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_EINVAL (singular, or Σ r = 0 with
 *   LEV_P_NORMALIZED), LEV_ELIMIT (more than 20000 actors: checked before allocating),
 *   LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · parallel (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(V³) time (about 1 s for 2000 actors on one core, so about 20 min for 20000), V² + 3V
 *   doubles and V 32-bit pivots of scratch from the network's allocator.
 * @par Reference
 *   Bonacich, P. (1987). Am. J. Sociol. 92(5). doi:10.1086/228631
 * @since 0.1
 */
LEV_API lev_status lev_bonacich(const lev_network *net, lev_params *p, double *out);

/** @} */

/**
 * @defgroup brokerage Brokerage: structural holes and brokerage roles
 *
 * Burt's structural-hole measures on each actor's ego network, and Gould–Fernandez brokerage
 * roles by group label. See @ref guide_brokerage.
 *
 * Burt's four measures read each actor's *contacts*: the other actors it has an edge with, in
 * either direction. The tie between i and a contact j has the mutual strength
 * a_ij = Σ w(i→j) + Σ w(j→i): parallel edges add up, self-loops are ignored, and with
 * LEV_P_WEIGHTED 0 every edge counts 1 (so parallel edges still add up). p_ij = a_ij / Σ_k a_ik
 * is the share of i's ties invested in j. Direction never matters beyond that sum, so
 * LEV_P_UNDIRECTED is ignored (it would double every a_ij, which cancels). This is igraph's
 * convention (`constraint`); on networks without self-loops or parallel edges it is also
 * NetworkX's, except that NetworkX reports NaN for an actor whose contacts are all in-edges. An
 * actor without contacts (isolated, or with self-loops only) scores 0 in all four measures,
 * where NetworkX and igraph give NaN. Results are bit-identical for any LEV_P_THREADS.
 * @{
 */

/**
 * @brief Burt's constraint of every actor: how much its ties are redundant with each other.
 *
 * c(i) = Σ_j (p_ij + Σ_q p_iq p_qj)² over i's contacts j, the inner sum over i's other contacts
 * q (see the group's text for p). Higher means fewer structural holes: 1 for an actor with a
 * single contact, 1/k for the centre of a star with k equally strong ties, (2k − 3)²/(k − 1)³
 * in a complete network of k actors. 0 for an actor without contacts (documented value; NetworkX
 * and igraph give NaN). Matches igraph `Graph.constraint(weights=...)` on the edges as they are and
 * NetworkX `nx.constraint` on the same ties summed into a simple graph without self-loops.
 * @param[in]  net The network; not changed; safe to share between threads.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED (default 1), LEV_P_THREADS; progress callback.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK (also for an empty network, writing nothing), LEV_EMISUSE (net or out NULL),
 *   LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V + E) scratch plus V doubles per thread · cancellable · bit-identical for
 *   any LEV_P_THREADS.
 * @par Complexity
 *   O(V + E log d + Σ over ties {i, j} of min(d_i, d_j)) time, d the number of contacts: each
 *   tie's common contacts are found once, by scanning the contact list of its endpoint with
 *   fewer contacts. At most O(Σ_i d_i²).
 * @par Reference
 *   Burt, R. S. (1992). Structural Holes. Harvard University Press. Burt, R. S. (2004). Am. J.
 *   Sociol. 110(2). doi:10.1086/421787
 * @since 0.1
 */
LEV_API lev_status lev_constraint(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Burt's effective size of every actor: its contacts less their redundancy.
 *
 * e(i) = Σ_j (1 − Σ_q p_iq m_jq) over i's contacts j, the inner sum over i's other contacts q,
 * with m_jq = a_jq / max_k a_jk (j's tie to q relative to j's strongest tie). This is
 * NetworkX's weighted formula (`nx.effective_size(G, weight=...)`); on an undirected network
 * with LEV_P_WEIGHTED 0 it equals Borgatti's n − 2t/n (n contacts, t ties among them), which
 * NetworkX uses there. 0 for an actor without contacts (NetworkX gives NaN; it also gives NaN
 * for an actor of a directed network whose contacts are all in-edges, which gets its value
 * here). Contacts, ties and LEV_P_WEIGHTED as for lev_constraint().
 * @param[in]  net The network; not changed; safe to share between threads.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED (default 1), LEV_P_THREADS; progress callback.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   As lev_constraint().
 * @par Complexity
 *   As lev_constraint().
 * @par Reference
 *   Burt (1992); Borgatti, S. P. (1997). Connections 20(1).
 * @since 0.1
 */
LEV_API lev_status lev_effective_size(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Burt's efficiency of every actor: effective size divided by the number of contacts.
 *
 * The number of contacts counts distinct other actors (a reciprocated pair counts once; NetworkX's
 * documentation divides by `G.degree`, which on a directed graph counts it twice). In (0, 1]
 * for an actor with contacts; 0 for an actor without.
 * @param[in]  net The network; not changed; safe to share between threads.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED (default 1), LEV_P_THREADS; progress callback.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   As lev_constraint().
 * @par Complexity
 *   As lev_constraint().
 * @par Reference
 *   Burt (1992).
 * @since 0.1
 */
LEV_API lev_status lev_efficiency(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Burt's hierarchy of every actor: how much its constraint rests on one contact.
 *
 * With c_ij = (p_ij + Σ_q p_iq p_qj)² the constraint each of i's N contacts puts on it and
 * C = Σ_j c_ij (lev_constraint()), h(i) = Σ_j r_j ln r_j / (N ln N) where r_j = c_ij / (C / N):
 * the Coleman–Theil disorder of the c_ij, 0 when they are all equal and approaching 1 as the
 * constraint concentrates on one contact. 0 for an actor with fewer than two contacts (no
 * peer has it; the reference values are NetworkX's `nx.local_constraint` put through this
 * formula).
 * @param[in]  net The network; not changed; safe to share between threads.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED (default 1), LEV_P_THREADS; progress callback.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   As lev_constraint().
 * @par Complexity
 *   As lev_constraint().
 * @par Reference
 *   Burt (1992).
 * @since 0.1
 */
LEV_API lev_status lev_burt_hierarchy(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Columns of the lev_brokerage() tables (values are ABI), in R `sna::brokerage`'s order.
 *
 * For a two-path a → b → c brokered by b.
 * @since 0.1
 */
typedef enum lev_broker_role {
    LEV_BROKER_COORDINATOR = 0,    /**< a → b → c, all three in one group (w_I) */
    LEV_BROKER_ITINERANT = 1,      /**< a and c in one group, the broker b in another (w_O) */
    LEV_BROKER_REPRESENTATIVE = 2, /**< b in a's group, c in another: b speaks for its group (b_IO) */
    LEV_BROKER_GATEKEEPER = 3,     /**< b in c's group, a in another: b lets influence in (b_OI) */
    LEV_BROKER_LIAISON = 4,        /**< a, b, c in three different groups (b_O) */
    LEV_BROKER_TOTAL = 5           /**< all five roles together (t) */
} lev_broker_role;

/** @brief Number of columns of the lev_brokerage() tables (6: the five roles and their total). @since 0.1 */
#define LEV_BROKER_ROLES 6

/**
 * @brief Gould–Fernandez brokerage roles of every actor, as R `sna::brokerage` gives them.
 *
 * For each actor b and each two-path a → b → c with a, b, c distinct and no edge a → c, one
 * role by the groups of a, b and c (lev_broker_role). Actors without a group form one group of
 * their own. Edges count as present or absent: strengths and LEV_P_WEIGHTED are ignored,
 * parallel edges count once and self-loops not at all; with LEV_P_UNDIRECTED 1 every edge is a
 * tie both ways, so an undirected path a – b – c counts as a → b → c and c → b → a.
 *
 * Each table is n × LEV_BROKER_ROLES, row-major (row = actor, column = lev_broker_role): raw
 * counts (whole numbers), their expectation and standard deviation when group labels are
 * assigned at random with the observed group sizes and ties at random with the observed
 * density d = m / (n (n − 1)) (sna's formulas; m counts the distinct ordered pairs with an
 * edge, without self-loops, while sna also counts a self-loop given to it in m; d = 0 for
 * n < 2), and z = (raw − expected) / sd, 0 where sd is 0 (raw and expected are then 0 too; sna
 * gives NaN).
 * @param[in]  net      The network; not changed; safe to share between threads.
 * @param[in]  p        Options or NULL: LEV_P_UNDIRECTED (default 0), LEV_P_THREADS; progress
 *   callback.
 * @param[out] raw      Caller-owned, n·LEV_BROKER_ROLES, or NULL.
 * @param[out] expected Caller-owned, n·LEV_BROKER_ROLES, or NULL.
 * @param[out] sd       Caller-owned, n·LEV_BROKER_ROLES, or NULL.
 * @param[out] z        Caller-owned, n·LEV_BROKER_ROLES, or NULL.
 * @return LEV_OK (also for an empty network, writing nothing), LEV_EMISUSE (net NULL or every
 *   output NULL), LEV_ECANCELLED, LEV_ENOMEM; outputs written only on LEV_OK.
 * @par Contract
 *   reads net · O(V + E) scratch plus V + G integers per thread (G groups) · cancellable ·
 *   bit-identical for any LEV_P_THREADS.
 * @par Complexity
 *   O(V + E + Σ over ties a → b of min(d⁺(a), d⁺(b) log d⁺(a))) time, d⁺ the number of
 *   distinct out-contacts: each broker's out-contacts are tallied by group once, and each
 *   in-contact subtracts the two-paths it closes. At most O(V + E + Σ_b d⁻(b) d⁺(b) log V).
 *   The expectations take O(G + D²), D ≤ √(2V) the number of distinct group sizes.
 * @par Reference
 *   Gould, R. V. & Fernandez, R. M. (1989). Sociological Methodology 19. doi:10.2307/270949
 * @since 0.1
 */
LEV_API lev_status lev_brokerage(const lev_network *net, lev_params *p, double *raw, double *expected,
                                 double *sd, double *z);

/** @} */

/**
 * @defgroup cohesion Cohesion and groups: components, cores, communities, core–periphery
 * @brief Who hangs together: connected components, k-cores, modularity communities (Leiden)
 * and the continuous core–periphery model.
 *
 * Components and cores read the edges as given (directed) or, with LEV_P_UNDIRECTED 1, as
 * undirected; clustering reads distinct neighbours (lev_clustering()). Communities, modularity
 * (unless LEV_P_DIRECTED_MODULARITY is 1) and core–periphery read the **undirected view**:
 * the tie strength of actors a ≠ b is the sum of the strengths of their edges both ways
 * (parallel edges add up; 1 per edge record with LEV_P_WEIGHTED 0), so a mutual pair counts
 * twice. Component and community ids are 0..count−1 in order of each group's first actor.
 * Every function here is read-only and writes its outputs only on LEV_OK; on an empty network
 * it returns LEV_OK, writes no array, and reports 0 for any count or scalar. See
 * @ref guide_cohesion for definitions, peers and validation.
 * @{
 */

/**
 * @brief Connected components: strong by default, weak with LEV_P_UNDIRECTED 1.
 *
 * Strong: a and b share a component when each reaches the other along edges in their
 * direction (forward–backward search from the actor of largest in- × out-degree for the big
 * component, then Tarjan's algorithm over the actors left, run with an explicit stack: no
 * recursion, so a path or cycle of millions of actors is fine). Weak: when they are joined
 * ignoring direction (Afforest: a concurrent union–find on neighbour samples, then on the
 * edges outside the largest component).
 * Self-loops and parallel edges change nothing; an actor without edges is a component alone.
 * Component ids are 0..count−1, numbered in order of each component's first actor (actor 0 is
 * in component 0). The partition is the same as NetworkX's `strongly_connected_components` /
 * `weakly_connected_components` and igraph's `connected_components(mode="strong"/"weak")`.
 * @param[in]  net       The network; not changed.
 * @param[in]  p         Options or NULL: LEV_P_UNDIRECTED, LEV_P_THREADS (the ids are the
 *                       same for any thread count).
 * @param[out] component Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @param[out] count     Receives the number of components (0 for an empty network); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or component NULL), LEV_ENOMEM. The weak form allocates
 *   nothing.
 * @par Contract
 *   reads net · strong: 4 V integers and V offsets of scratch; weak: none · parallel
 *   (LEV_P_THREADS), deterministic.
 * @par Complexity
 *   O(V + E) strong; O(V + E·α(V)) weak.
 * @par Reference
 *   Tarjan, R. (1972). SIAM J. Comput. 1(2). doi:10.1137/0201010; Fleischer, L., Hendrickson,
 *   B. & Pinar, A. (2000). On identifying strongly connected components in parallel. IPDPS
 *   Workshops; Sutton, M., Ben-Nun, T. & Barak, A. (2018). Optimizing parallel graph
 *   connectivity computation via subgraph sampling. IPDPS.
 * @since 0.1
 */
LEV_API lev_status lev_components(const lev_network *net, lev_params *p, uint32_t *component, size_t *count);

/**
 * @brief k-core number of every actor: the largest k such that it is in a subnetwork where
 * every actor has degree ≥ k.
 *
 * Degree counts edges per LEV_P_DIRECTION (in, out or all; all when LEV_P_UNDIRECTED is 1).
 * **Each edge record counts one** (two parallel edges a → b add 2 to a's out-degree and b's
 * in-degree), and **self-loops are ignored** (they never hold an actor in a core). Directed:
 * the in-core keeps actors with at least k edges in from the subnetwork, and "all" counts in +
 * out, so a mutual pair counts 2 at each end — igraph's `coreness(mode="in"/"out"/"all")` and,
 * for "all" on a simple network, NetworkX's `core_number`. igraph counts a self-loop twice
 * instead, and NetworkX refuses self-loops and parallel edges. Isolated actors get 0. Results
 * are whole numbers, identical whatever algorithm or thread count computes them.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_DIRECTION, LEV_P_UNDIRECTED, LEV_P_THREADS.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM, LEV_ELIMIT (an actor with 2^32 − 1
 *   or more counted edges).
 * @par Contract
 *   reads net · (2 + T) V integers of scratch for T threads · parallel (LEV_P_THREADS),
 *   deterministic.
 * @par Complexity
 *   O(V + E): peeling level by level (Batagelj–Zaveršnik's order; the frontier form of Kabir
 *   and Madduri), one degree update per edge; a heavy level is shared by the threads (an
 *   atomic update per edge there).
 * @par Reference
 *   Batagelj, V. & Zaveršnik, M. (2003). arXiv:cs/0310049; Kabir, H. & Madduri, K. (2017).
 *   Parallel k-core decomposition on multicore platforms. IPDPS Workshops.
 * @since 0.1
 */
LEV_API lev_status lev_coreness(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Communities that maximize modularity, on the undirected view (seeded, deterministic).
 *
 * The pair strength of a and b is the sum of their edges both ways (1 per edge with
 * LEV_P_WEIGHTED 0); a self-loop of strength w adds 2w to its actor's strength, as in
 * lev_modularity(). Community ids are 0..count−1 in order of each community's first actor.
 * Same LEV_P_SEED, same partition, for any LEV_P_THREADS; another seed may give another
 * partition.
 *
 * The method is Leiden (fast local moving, refinement, aggregation), each run from singletons
 * repeating Leiden iterations until one moves no actor. Runs are repeated with derived seeds
 * (at most 16) while a budget of max(2, ⌊2^20 / (V + 2E')⌋) Leiden iterations in all lasts,
 * E' the number of distinct tied pairs; the run of highest modularity wins. Small networks so
 * get 16 runs to convergence; large ones two iterations of one run. On levels of 4096 nodes
 * or more, local moving, refinement and aggregation run on LEV_P_THREADS threads (at most 8):
 * the nodes, in seeded order, are cut into batches whose moves are evaluated in parallel
 * against the state at the batch's start and applied in order (re-evaluated when a neighbour
 * moved before them), so the partition does not depend on the number of threads.
 * Batched local moving stops after a sweep that raised modularity by less than 1e-4.
 * An actor tied to no one else is a community alone. Without edges every actor is alone and
 * the modularity is 0 (with only self-loops every actor is alone too, and the modularity is
 * that of lev_modularity() for that partition).
 * @param[in]  net        The network; not changed.
 * With LEV_P_DIRECTED_MODULARITY 1 the objective is instead the directed modularity of
 * lev_modularity() and the method Louvain (local moving and aggregation, no refinement, with
 * the directed gain of Dugué & Perez 2015 / NetworkX's `louvain_communities` on a DiGraph),
 * with the same runs, budget and determinism.
 * @param[in]  p          Options or NULL: LEV_P_RESOLUTION, LEV_P_SEED, LEV_P_WEIGHTED,
 *   LEV_P_DIRECTED_MODULARITY, LEV_P_THREADS; progress callback (called about every 65536
 *   actor visits: in the batched passes, after the batch in which each 65536th visit falls).
 * @param[out] community  Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @param[out] count      Receives the number of communities; may be NULL.
 * @param[out] modularity Receives the partition's modularity, exactly what lev_modularity()
 *   gives for it with the same options; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or community NULL), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V + E) scratch (about 150 bytes per actor, 20 more per thread beyond the
 *   first, and up to 72 per tied pair) · cancellable · deterministic for a seed, whatever
 *   LEV_P_THREADS.
 * @par Complexity
 *   About O(E) per Leiden iteration; the budget above bounds the iterations.
 * @par Reference
 *   Traag, V. A., Waltman, L. & van Eck, N. J. (2019). Sci. Rep. 9. doi:10.1038/s41598-019-41695-z;
 *   Blondel, V. D. et al. (2008). J. Stat. Mech. P10008.
 * @since 0.1
 */
LEV_API lev_status lev_communities(const lev_network *net, lev_params *p, uint32_t *community, size_t *count,
                                   double *modularity);

/**
 * @brief Modularity of a given partition, on the undirected view (Newman, with resolution γ).
 *
 * Q = Σ_c [ W_c / m − γ (K_c / 2m)² ], where m is the total strength of the edges, W_c the
 * strength of the edges with both ends in c (a self-loop counts once) and K_c the summed
 * strength of c's actors (each edge counts at both ends, a self-loop twice). This is NetworkX's
 * `community.modularity` and igraph's `modularity(directed=False)` on the network's edges as an
 * undirected multigraph; Q is 0 when there are no edges (where NetworkX divides by zero and
 * igraph gives NaN). With LEV_P_DIRECTED_MODULARITY 1, Leicht and Newman's directed modularity
 * of the edges as given: Q = (1/m) Σ_ab [A_ab − γ k_a^out k_b^in / m] δ(c_a, c_b) =
 * Σ_c [ W_c / m − γ Kout_c Kin_c / m² ], A_ab the summed strength of the edges a → b, a
 * self-loop counting once in W_c, k^out and k^in — NetworkX's `community.modularity` of the
 * network as a MultiDiGraph and igraph's `modularity(directed=True)`.
 * @param[in]  net       The network; not changed.
 * @param[in]  community Length lev_actor_count(net): any uint32 labels (equal label, same community).
 * @param[in]  p         Options or NULL: LEV_P_RESOLUTION, LEV_P_WEIGHTED, LEV_P_DIRECTED_MODULARITY.
 * @param[out] q         Receives the modularity; untouched on failure.
 * @return LEV_OK (q = 0 for an empty network), LEV_EMISUSE (net, community or q NULL), LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V) scratch · single-threaded.
 * @par Complexity
 *   O(V + E).
 * @par Reference
 *   Newman, M. E. J. (2006). PNAS 103(23). doi:10.1073/pnas.0601602103;
 *   Leicht, E. A. & Newman, M. E. J. (2008). Phys. Rev. Lett. 100, 118703.
 *   doi:10.1103/PhysRevLett.100.118703
 * @since 0.1
 */
LEV_API lev_status lev_modularity(const lev_network *net, const uint32_t *community, lev_params *p, double *q);

/**
 * @brief Continuous core–periphery coreness (Borgatti–Everett), on the undirected view.
 *
 * The vector c ≥ 0 whose products c_i·c_j best fit the tie strengths a_ij (i ≠ j), scaled to
 * a maximum of 1; `fit` is the correlation between a_ij and c_i·c_j over pairs i ≠ j.
 * "Best" is least squares: minimize Σ_{i≠j} (a_ij − c_i c_j)² (the minimum-residual form of
 * the model; the diagonal is ignored, so self-loops play no part). a_ij sums the strengths of
 * the edges between i and j both ways (1 per edge record with LEV_P_WEIGHTED 0).
 *
 * The fit is computed by exact coordinate descent, c_i ← Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j²,
 * sweeping actors in index order from the best multiple of the strengths, until the largest
 * change in a sweep is at most LEV_P_TOLERANCE times the largest c_i; each step lowers the
 * residual. The result is a stationary point reached from that start (where several exist,
 * e.g. by symmetry, this one). Actors without ties get 0. Closed forms: a complete network
 * with equal strengths gives every actor 1 and fit 1; a single tie gives both ends 1 and fit 1.
 * When no finite minimum exists (the Heywood case, e.g. a star: the residual falls towards 0
 * as the centre's value grows without bound), the limit is returned: the hub 1, every other
 * actor 0, and the fit of that limit (1 for a star). This is detected after LEV_P_MAX_ITER
 * sweeps: the residual has not fallen below the limit's. The fit is 0 when a_ij or c_i·c_j is
 * the same for every pair but not both (a cycle: every actor 1, fit 0), and 0 when there are
 * no ties; never NaN.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED, LEV_P_TOLERANCE (relative change per sweep;
 *   the default 1e-10 gives values within about 1e-8 of the exact fixed point, 1e-14 within
 *   1e-12), LEV_P_MAX_ITER (sweeps), LEV_P_THREADS; progress callback (once per sweep).
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @param[out] fit Receives the fit in [−1, 1]; may be NULL; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOCONV (not converged within
 *   LEV_P_MAX_ITER sweeps while below the limit's residual), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V + E) scratch · cancellable · bit-identical for any LEV_P_THREADS.
 * @par Complexity
 *   O(sweeps · (V + E)); tens to hundreds of sweeps on social networks.
 * @par Reference
 *   Borgatti, S. P. & Everett, M. G. (1999). Social Networks 21(4). doi:10.1016/S0378-8733(99)00019-2;
 *   Boyd, J. P. et al. (2010). Social Networks 32(2), 125–137 (MINRES).
 * @since 0.1
 */
LEV_API lev_status lev_core_periphery(const lev_network *net, lev_params *p, double *out, double *fit);

/**
 * @brief Local clustering coefficient of every actor: how many of its contacts are tied to
 * each other (Watts–Strogatz; Onnela's weighted form; Fagiolo's directed forms).
 *
 * It answers "is this actor inside a closed group, or does it bridge contacts who do not know
 * each other?" (high: embedded; low: a broker). Ties are the distinct neighbours u ≠ v:
 * **self-loops are ignored** and **parallel edges fold to one tie whose strength is their
 * sum** (the library's rule for tie strength, as in lev_modularity()'s undirected view: two
 * channels of influence are more influence).
 *
 * With LEV_P_UNDIRECTED 1 a tie joins u and v when an edge runs either way, of strength
 * w_uv = the sum of the edges both ways, and c_v = 2·T_v / (d_v (d_v − 1)), T_v the triangles
 * at v and d_v its distinct neighbours; weighted (LEV_P_WEIGHTED 1, the default) each triangle
 * counts ∛(ŵ_vu ŵ_uw ŵ_wv) instead of 1, ŵ = w / max w over all ties (Onnela et al.) —
 * NetworkX's `clustering(G, weight=...)` on the Graph of the summed ties.
 * Directed (LEV_P_UNDIRECTED 0, the default): Fagiolo's c_v = (S³)_vv / (2 (d_tot (d_tot − 1)
 * − 2 d↔)), S = A + Aᵀ, d_tot the distinct in- plus out-neighbours and d↔ those tied both
 * ways; weighted, S = Ŵ^[1/3] + (Ŵᵀ)^[1/3] with ŵ_uv = (summed strength u → v) / max over
 * directed ties — NetworkX's `clustering` of a DiGraph. An actor with fewer than two
 * neighbours, or no triangle, gets 0. Results lie in [0, 1].
 * The maximum strength leaves self-loops out (NetworkX counts a self-loop's weight in it; the
 * two agree on networks without self-loops).
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED, LEV_P_WEIGHTED, LEV_P_THREADS; progress
 *   callback (every 16384 actors).
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ECANCELLED, LEV_ELIMIT (an actor with
 *   2^32 − 1 or more ties), LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V + E) scratch (about 18 bytes per tie end, 28 per actor, and 4 V per thread)
 *   · cancellable · bit-identical for any LEV_P_THREADS.
 * @par Complexity
 *   O(V + E + Σ_u d(u)·d⁺(u)) ⊆ O(E^1.5): triangles by marking and degree-ordered forward
 *   lists, parallel over actors.
 * @par Reference
 *   Watts, D. J. & Strogatz, S. H. (1998). Nature 393. doi:10.1038/30918;
 *   Onnela, J.-P. et al. (2005). Phys. Rev. E 71, 065103. doi:10.1103/PhysRevE.71.065103;
 *   Fagiolo, G. (2007). Phys. Rev. E 76, 026107. doi:10.1103/PhysRevE.76.026107
 * @since 0.1
 */
LEV_API lev_status lev_clustering(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Transitivity (global clustering: 3 × triangles / connected triples) and the average
 * local clustering coefficient.
 *
 * It answers "how cliquish is the network as a whole?". transitivity = 3·T / Σ_v d_v (d_v − 1)/2
 * on the undirected, unweighted simple view (distinct neighbours, self-loops ignored),
 * whatever LEV_P_UNDIRECTED and LEV_P_WEIGHTED say — NetworkX's `transitivity` and igraph's
 * `transitivity_undirected`; 0 without triangles. average = the mean of lev_clustering() with
 * the same options over **all** actors, those with fewer than two neighbours counting 0
 * (NetworkX's `average_clustering` with its default count_zeros=True; igraph's
 * `transitivity_avglocal_undirected(mode="zero")`). Both are 0 on an empty network.
 * @param[in]  net          The network; not changed.
 * @param[in]  p            Options or NULL: LEV_P_UNDIRECTED, LEV_P_WEIGHTED (for the average),
 *   LEV_P_THREADS; progress callback.
 * @param[out] transitivity Receives the transitivity in [0, 1]; written only on LEV_OK.
 * @param[out] average      Receives the average clustering in [0, 1]; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or transitivity NULL), LEV_ECANCELLED, LEV_ELIMIT,
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · the scratch of lev_clustering() · cancellable · bit-identical for any
 *   LEV_P_THREADS.
 * @par Complexity
 *   That of lev_clustering(), once, or twice when the average is asked for a weighted or
 *   directed form.
 * @par Reference
 *   Wasserman, S. & Faust, K. (1994). Social Network Analysis, §14.3; Watts & Strogatz (1998).
 * @since 0.1
 */
LEV_API lev_status lev_transitivity(const lev_network *net, lev_params *p, double *transitivity, double *average);

/** @} */

/**
 * @defgroup inequality Inequality of any score
 * @brief Gini, Theil, Herfindahl–Hirschman, Palma, top share and Lorenz curve of a vector.
 *
 * Concentration measures of a vector of non-negative numbers (PageRank, strength, holdings…).
 * They need no network: failures are recorded on `p` when given (with NULL params, nowhere).
 * `x` may be NULL only when n is 0; a negative, NaN or infinite entry is LEV_EINVAL, naming the
 * first bad index (−0.0 counts as 0). When all values are equal — a zero total included — each
 * measure returns its value for perfect equality, exactly: Gini 0, Theil 0 and 0, HHI 1/n,
 * Palma 1/4, top share k/n, the diagonal Lorenz curve; so no result is ever NaN. The measures
 * depend only on the shares x_i/Σx (order and scale do not matter; values above 2^900 are
 * rescaled by a power of two so that sums cannot overflow). Gini, Palma, top share and Lorenz
 * sort a copy of x, made through the allocator of `p` (lev_params_new_with_alloc(); malloc for
 * lev_params_new() and for NULL params: there is no network allocator) and freed before
 * returning. See @ref guide_inequality.
 * @since 0.1
 * @{
 */

/**
 * @brief Gini coefficient of x: 0 when all are equal, up to 1 − 1/n when one holds all.
 *
 * G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed after sorting as Σ_i (2i − n − 1) x_(i) / (n Σx),
 * the formula of R `ineq::Gini`. With LEV_P_SMALL_SAMPLE 1, multiplied by n/(n − 1)
 * (`ineq::Gini(x, corr = TRUE)`), so one holding all gives 1.
 * @param[in]  x   Length n, finite, ≥ 0; may be NULL when n is 0.
 * @param[in]  n   Number of values.
 * @param[in]  p   Options or NULL: LEV_P_SMALL_SAMPLE.
 * @param[out] out Receives the coefficient (0 when all are equal, a zero total included, or n < 2).
 * @return LEV_OK, LEV_EMISUSE (out NULL, or x NULL with n > 0), LEV_EINVAL (an entry negative or
 *   not finite), LEV_ENOMEM (the sorted copy, from p's allocator). Outputs untouched on failure.
 * @par Complexity
 *   O(n log n) time; n doubles of scratch from p's allocator (malloc when p is NULL).
 * @par Reference
 *   Gini, C. (1912); Dixon, P. M. et al. (1987). Ecology 68(3).
 * @since 0.1
 */
LEV_API lev_status lev_gini(const double *x, size_t n, lev_params *p, double *out);

/**
 * @brief Theil's T and L indices of x (0 when all are equal; ln n when one holds all, for T).
 *
 * T = (1/n) Σ (x_i/μ) ln(x_i/μ) with 0·ln 0 = 0; L = (1/n) Σ ln(μ/x_i), the mean log deviation.
 * n = 0 gives 0 and 0.
 * @param[in]  x Length n, finite, ≥ 0 (L needs every value > 0: else it is +∞, given as INFINITY,
 *   unless all values are equal); may be NULL when n is 0.
 * @param[in]  n Number of values.
 * @param[in]  p Options or NULL.
 * @param[out] t Receives Theil T; may be NULL (not both).
 * @param[out] l Receives Theil L (mean log deviation); may be NULL (not both).
 * @return LEV_OK, LEV_EMISUSE (t and l NULL, or x NULL with n > 0), LEV_EINVAL.
 * @par Complexity
 *   O(n), no allocation.
 * @par Reference
 *   Theil, H. (1967). Economics and Information Theory.
 * @since 0.1
 */
LEV_API lev_status lev_theil(const double *x, size_t n, lev_params *p, double *t, double *l);

/**
 * @brief Herfindahl–Hirschman index of the shares x_i/Σx: from 1/n (equal) to 1 (one holds all).
 *
 * Σ (x_i/Σx)², summed in the order of x (a permutation of x may change the last bit). A zero
 * total counts as equal shares: 1/n.
 * @param[in]  x   Length n ≥ 1, finite, ≥ 0.
 * @param[in]  n   Number of values.
 * @param[in]  p   Options or NULL.
 * @param[out] out Receives the index.
 * @return LEV_OK, LEV_EMISUSE, LEV_EINVAL (also for n = 0).
 * @par Complexity
 *   O(n), no allocation.
 * @par Reference
 *   Hirschman, A. O. (1964). Am. Econ. Rev. 54(5).
 * @since 0.1
 */
LEV_API lev_status lev_hhi(const double *x, size_t n, lev_params *p, double *out);

/**
 * @brief Palma ratio: the share of the top 10% divided by the share of the bottom 40%.
 *
 * (1 − L(0.9)) / L(0.4), with L the Lorenz curve of lev_lorenz() taken as linear between its
 * points. When n is a multiple of 10 the shares are those of whole actors; otherwise the actor
 * straddling a boundary counts in part: for x = 1..5 the bottom 40% hold 1 + 2 and the top 10%
 * half of 5, so Palma = 2.5/3. (lev_top_share() instead rounds up to whole actors.) Equal values
 * give 1/4; +∞ (INFINITY) when the bottom 40% hold nothing and the total is positive.
 * @param[in]  x   Length n ≥ 1, finite, ≥ 0.
 * @param[in]  n   Number of values.
 * @param[in]  p   Options or NULL.
 * @param[out] out Receives the ratio.
 * @return LEV_OK, LEV_EMISUSE, LEV_EINVAL (also for n = 0), LEV_ENOMEM (the sorted copy, from p's allocator).
 * @par Complexity
 *   O(n log n) time; n doubles of scratch from p's allocator (malloc when p is NULL).
 * @par Reference
 *   Palma, J. G. (2011). Development and Change 42(1); Cobham & Sumner (2013).
 * @since 0.1
 */
LEV_API lev_status lev_palma(const double *x, size_t n, lev_params *p, double *out);

/**
 * @brief Share of the total held by the top k values (LEV_P_TOP_K) or top fraction
 * (LEV_P_TOP_FRACTION).
 *
 * k is LEV_P_TOP_K when it is > 0 (k ≥ n means everybody: 1); otherwise k = ⌈f·n⌉ whole actors
 * for f = LEV_P_TOP_FRACTION, where an f·n within a relative 1e-9 of a whole number counts as
 * that number (0.1 of 30 actors is 3, not 4). k = 0 gives 0; equal values (a zero total
 * included) give k/n. Ties at the k-th value do not change the share.
 * @param[in]  x   Length n ≥ 1, finite, ≥ 0.
 * @param[in]  n   Number of values.
 * @param[in]  p   Options or NULL: LEV_P_TOP_K, LEV_P_TOP_FRACTION.
 * @param[out] out Receives the share in [0, 1].
 * @return LEV_OK, LEV_EMISUSE, LEV_EINVAL (also for n = 0), LEV_ENOMEM (the sorted copy, from p's allocator).
 * @par Complexity
 *   O(n log n) time; n doubles of scratch from p's allocator (malloc when p is NULL).
 * @since 0.1
 */
LEV_API lev_status lev_top_share(const double *x, size_t n, lev_params *p, double *out);

/**
 * @brief The Lorenz curve of x: n + 1 points from (0, 0) to (1, 1), values sorted ascending.
 *
 * px[i] = i/n and py[i] = (sum of the i smallest values)/Σx; px[n] = py[n] = 1 exactly and py
 * never decreases. Equal values (a zero total included) give the diagonal, py = px.
 * @param[in]  x  Length n ≥ 1, finite, ≥ 0.
 * @param[in]  n  Number of values.
 * @param[in]  p  Options or NULL.
 * @param[out] px Caller-owned, length n + 1: cumulative share of actors.
 * @param[out] py Caller-owned, length n + 1: cumulative share of the total.
 * @return LEV_OK, LEV_EMISUSE (px, py NULL, or x NULL with n > 0), LEV_EINVAL (also for n = 0),
 *   LEV_ENOMEM (the sorted copy, from p's allocator); outputs written only on LEV_OK.
 * @par Complexity
 *   O(n log n) time; n doubles of scratch from p's allocator (malloc when p is NULL).
 * @par Reference
 *   Lorenz, M. O. (1905). Publ. Am. Stat. Assoc. 9(70).
 * @since 0.1
 */
LEV_API lev_status lev_lorenz(const double *x, size_t n, lev_params *p, double *px, double *py);

/** @} */

/**
 * @defgroup asymmetry Asymmetry and hierarchy of influence
 * @brief Freeman centralization, reciprocity, dyad and triad census, the most asymmetric pairs,
 * Krackhardt's dimensions of hierarchy and flow hierarchy.
 *
 * The structural measures read the network as a simple directed graph: a has a tie to b (a ≠ b)
 * when at least one edge a → b exists, so parallel edges count once and self-loops not at all —
 * the relation of R sna's 0/1 adjacency matrix, NetworkX's DiGraph without self-loops and igraph
 * after simplify(). The strength measures (lev_reciprocity()'s second value, lev_asymmetry())
 * add parallel edges up; lev_flow_hierarchy() counts every edge record. With LEV_P_UNDIRECTED 1
 * (read by lev_centralization(), lev_reciprocity(), lev_dyad_census(), lev_triad_census() and
 * lev_krackhardt()) every edge is a tie both ways. Failures go to the params given, or to the
 * network when params is NULL; outputs are written only on LEV_OK. See @ref guide_asymmetry.
 * @since 0.1
 * @{
 */

/**
 * @brief Which centrality lev_centralization() summarizes (values are ABI).
 * @since 0.1
 */
typedef enum lev_centralization_kind {
    LEV_CENTRALIZATION_DEGREE = 1,      /**< distinct neighbours (LEV_P_DIRECTION; LEV_DIR_ALL = in + out) */
    LEV_CENTRALIZATION_BETWEENNESS = 2, /**< lev_betweenness(), unnormalized */
    LEV_CENTRALIZATION_CLOSENESS = 3    /**< lev_closeness(): distances from the actor (to it with LEV_DIR_IN) */
} lev_centralization_kind;

/**
 * @brief Freeman centralization: Σ (max − c_i) over the theoretical maximum of that sum for a
 * network of this size and direction, as R `sna::centralization` computes it.
 *
 * Maxima (sna's constants): degree (n − 1)(n − 2) undirected, (n − 1)² for LEV_DIR_OUT or
 * LEV_DIR_IN, (n − 1)(2n − 4) for LEV_DIR_ALL (sna's "freeman"); betweenness (n − 1)²(n − 2),
 * halved undirected; closeness (n − 1)(1 − 1/n) directed — distances from i (sna's "directed";
 * LEV_DIR_OUT and the default LEV_DIR_ALL, as lev_closeness() reads them) or to i (LEV_DIR_IN) —
 * and (n − 1)(n − 2)/(2n − 3) with LEV_P_UNDIRECTED 1 (sna's "undirected").
 * Degree counts distinct neighbours (LEV_P_WEIGHTED ignored). Betweenness and closeness come from
 * lev_betweenness() and lev_closeness() with the caller's options (LEV_P_NORMALIZED ignored;
 * LEV_P_WEIGHTED 1, the default, uses distances 1/strength where sna counts hops: set it to 0 to
 * match sna on valued networks); their failure message is recorded prefixed "centralization: ".
 * Degree and betweenness give [0, 1], the star 1. Closeness may exceed 1: sna's directed maximum
 * is not attained (the out-star gives n/(n − 1)) and strengths above 1 shorten distances; and
 * lev_closeness() is the Wasserman–Faust form, so on networks that are not (strongly) connected
 * the result differs from sna's, whose closeness is then 0 for all. 0 when the maximum is 0
 * (too few actors).
 * @param[in]  net  The network; not changed.
 * @param[in]  kind A lev_centralization_kind.
 * @param[in]  p    Options or NULL: LEV_P_UNDIRECTED, LEV_P_DIRECTION (default LEV_DIR_ALL),
 *   LEV_P_WEIGHTED, LEV_P_THREADS; progress callback (passed on to the centrality).
 * @param[out] out  Receives the centralization (see above for its range).
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_EUNSUPPORTED (kind), LEV_ECANCELLED,
 *   LEV_ENOMEM.
 * @par Complexity
 *   That of the centrality (O(V + E) for degree), plus V doubles of scratch.
 * @par Reference
 *   Freeman, L. C. (1979). Social Networks 1(3).
 * @since 0.1
 */
LEV_API lev_status lev_centralization(const lev_network *net, int kind, lev_params *p, double *out);

/**
 * @brief Reciprocity: the share of edges that are returned (arc-based), and the share of
 * strength that is matched by strength back (Σ min(w_ab, w_ba) / Σ w).
 *
 * arc = (ties a → b whose b → a exists) / (ties) on the simple digraph, as igraph
 * reciprocity(ignore_loops=True) on a simplified graph, NetworkX reciprocity without self-loops
 * and sna grecip(measure="edgewise"). weighted = Σ_{a≠b} min(w_ab, w_ba) / Σ_{a≠b} w_ab with w_ab
 * the summed strengths of the edges a → b (their number with LEV_P_WEIGHTED 0); self-loops are
 * in neither sum. Both are 0 without ties, and 1 with LEV_P_UNDIRECTED 1 (when there are ties).
 * @param[in]  net      The network; not changed.
 * @param[in]  p        Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, LEV_P_THREADS.
 * @param[out] arc      Receives arc reciprocity (self-loops and parallel edges ignored); may be NULL.
 * @param[out] weighted Receives strength reciprocity; may be NULL (not both).
 * @return LEV_OK, LEV_EMISUSE (net NULL, or arc and weighted NULL), LEV_ENOMEM.
 * @par Complexity
 *   O(V + E); 32 bytes of scratch per 4096 actors. From 65 536 arcs on LEV_P_THREADS
 *   threads, strength sums added per block of actors in a fixed order: bit-identical for any
 *   number of threads.
 * @par Reference
 *   Squartini, T. et al. (2013). Reciprocity of weighted networks. Sci. Rep. 3, 2729.
 *   doi:10.1038/srep02729
 * @since 0.1
 */
LEV_API lev_status lev_reciprocity(const lev_network *net, lev_params *p, double *arc, double *weighted);

/**
 * @brief Reciprocity of every actor: the share of its ties that are returned.
 *
 * It answers "does this actor's influence flow both ways, or one way?" (1: every tie is
 * mutual; 0: it only gives or only receives). r_v = 2·|N_out(v) ∩ N_in(v)| / (|N_out(v)| +
 * |N_in(v)|) over distinct neighbours on the simple digraph (parallel edges count once,
 * self-loops not at all, LEV_P_WEIGHTED ignored) — NetworkX's `reciprocity(G, nodes)` on a
 * DiGraph without self-loops (NetworkX counts a self-loop as a reciprocated tie with itself).
 * An actor without ties has no share; it gets **NaN** (NetworkX gives None). With
 * LEV_P_UNDIRECTED 1 every tie is mutual: 1 for an actor with ties, NaN without.
 * The tie-weighted mean of r_v over actors with ties is lev_reciprocity()'s arc reciprocity.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED, LEV_P_THREADS.
 * @param[out] out Caller-owned, length lev_actor_count(net); written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL).
 * @par Complexity
 *   O(V + E), no scratch; from 65 536 arcs on LEV_P_THREADS threads, bit-identical for any
 *   number of threads.
 * @par Reference
 *   Garlaschelli, D. & Loffredo, M. I. (2004). Phys. Rev. Lett. 93, 268701.
 *   doi:10.1103/PhysRevLett.93.268701
 * @since 0.1
 */
LEV_API lev_status lev_reciprocity_actors(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Dyad census: counts of mutual, asymmetric and null pairs (as `sna::dyad.census`).
 *
 * Unordered pairs of distinct actors in the simple digraph (parallel edges and self-loops
 * ignored); the three sum to n(n − 1)/2. With LEV_P_UNDIRECTED 1 every tied pair is mutual.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED, LEV_P_THREADS.
 * @param[out] out Caller-owned, length 3: mutual, asymmetric, null.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM (building the compact form).
 * @par Complexity
 *   O(V + E), no scratch; from 65 536 arcs on LEV_P_THREADS threads, bit-identical for any
 *   number of threads.
 * @par Reference
 *   Holland, P. W. & Leinhardt, S. (1976). Sociological Methodology 7.
 * @since 0.1
 */
LEV_API lev_status lev_dyad_census(const lev_network *net, lev_params *p, uint64_t *out);

/**
 * @brief Triad census: counts of the 16 triad types in MAN order
 * (003, 012, 102, 021D, 021U, 021C, 111D, 111U, 030T, 030C, 201, 120D, 120U, 120C, 210, 300).
 *
 * Triples of distinct actors in the simple digraph (parallel edges and self-loops ignored); the
 * counts sum to n(n − 1)(n − 2)/6. As sna::triad.census, NetworkX triadic_census and igraph
 * triad_census on a simplified graph (igraph counts parallel edges as mutual on a multigraph).
 * With LEV_P_UNDIRECTED 1 only 003, 102, 201 and 300 occur. Counts are identical for any
 * LEV_P_THREADS.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED, LEV_P_THREADS; progress callback (about 64
 *   calls).
 * @param[out] out Caller-owned, length 16, in the order above.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ELIMIT (more than 4 801 280 actors: the
 *   003 count would not fit in 64 bits), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Complexity
 *   O(V + E + Σ over ties {u, v} of min(deg u, deg v)) ⊆ O(E·√E) time (Batagelj–Mrvar, each tie
 *   processed from its higher-degree end); O(V + E) scratch plus V bytes per thread.
 * @par Reference
 *   Batagelj, V. & Mrvar, A. (2001). Social Networks 23(3). doi:10.1016/S0378-8733(01)00035-1
 * @since 0.1
 */
LEV_API lev_status lev_triad_census(const lev_network *net, lev_params *p, uint64_t *out);

/**
 * @brief The pairs with the largest asymmetry of influence |w(a→b) − w(b→a)|, largest first.
 *
 * Every pair of distinct actors with an edge either way is listed once, balanced pairs (gap 0)
 * included; w(a→b) is the summed strength of the edges a → b (their number with LEV_P_WEIGHTED
 * 0); self-loops are ignored. `a` is the stronger side (w(a→b) ≥ w(b→a); the lower index when
 * equal). Sorted by gap decreasing, then by a, then by b (indices increasing). Too small a `cap`
 * gives LEV_ERANGE with the number of pairs in `*len` and the arrays untouched; `cap` 0 asks for
 * that number (LEV_OK with *len 0 when there is no pair). On LEV_OK entries past *len are
 * untouched. LEV_P_UNDIRECTED is ignored. The query (`cap` 0) records no message; a `cap` > 0
 * that is too small records one (see @ref core).
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED.
 * @param[in]  cap Room in each output array.
 * @param[out] a   Caller-owned, length cap: the stronger actor of each pair; may be NULL if cap is 0.
 * @param[out] b   Caller-owned, length cap: the weaker actor.
 * @param[out] gap Caller-owned, length cap: w(a→b) − w(b→a) ≥ 0.
 * @param[out] len Receives the number of pairs (written also on LEV_ERANGE).
 * @return LEV_OK, LEV_EMISUSE (net or len NULL, or cap > 0 with an array NULL), LEV_ERANGE,
 *   LEV_ENOMEM.
 * @par Complexity
 *   O(V + E + P log P) time for P pairs; 16 bytes of scratch per pair.
 * @since 0.1
 */
LEV_API lev_status lev_asymmetry(const lev_network *net, lev_params *p, size_t cap, uint32_t *a, uint32_t *b,
                                 double *gap, size_t *len);

/**
 * @brief Elements of lev_krackhardt()'s result (values are ABI).
 * @since 0.1
 */
typedef enum lev_krackhardt_dim {
    LEV_KRACKHARDT_CONNECTEDNESS = 0, /**< share of pairs in one weak component (1 when n ≤ 1) */
    LEV_KRACKHARDT_HIERARCHY = 1,     /**< share of reachable pairs reachable one way only (0 if none) */
    LEV_KRACKHARDT_EFFICIENCY = 2,    /**< 1 − excess ties over a spanning tree per component, scaled (1 if no tie is possible) */
    LEV_KRACKHARDT_LUBNESS = 3        /**< 1 − share of pairs without a least upper bound (1 if no component has 3 actors) */
} lev_krackhardt_dim;

/**
 * @brief Krackhardt's four dimensions of hierarchy, as R `sna::connectedness`, `hierarchy`
 * (`measure="krackhardt"`), `efficiency` and `lubness`.
 *
 * On the simple digraph, edges read as boss → subordinate. Connectedness: Σ c(c − 1)/2 over weak
 * components of c actors, over n(n − 1)/2. Hierarchy: among pairs where one reaches the other,
 * the share reached one way only. Efficiency: 1 − (T − Σ(c − 1)) / Σ(c − 1)², T the ties.
 * Lubness: 1 − V / Σ_{c>2} (c − 1)(c − 2)/2, V the pairs within a component without a least upper
 * bound (an actor reaching both, itself included, that reaches every other such actor). An
 * out-tree gives 1, 1, 1, 1; a directed cycle hierarchy 0. Where sna gives NaN: hierarchy 0 (no
 * reachable pair), efficiency 1 (only isolates), lubness 1 (no component of 3 or more). With
 * LEV_P_UNDIRECTED 1 (sna on the symmetric matrix): ties count both ways in efficiency,
 * hierarchy is 0 and lubness 1. Identical for any LEV_P_THREADS.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED, LEV_P_THREADS; progress callback.
 * @param[out] out Caller-owned, length 4, indexed by lev_krackhardt_dim.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Complexity
 *   O(V + E + C·(C + E_C)/64) on the C strongly connected components and E_C condensation edges,
 *   plus O(K²·⌈S/64⌉) for lubness, S source components and K distinct sets of sources among the
 *   components reached by more than one (0 for a tree; quadratic in V at worst, as on random
 *   DAGs). Scratch O(V + E), 16·C bytes per thread and K·S/8 bytes.
 * @par Reference
 *   Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
 * @since 0.1
 */
LEV_API lev_status lev_krackhardt(const lev_network *net, lev_params *p, double *out);

/**
 * @brief Flow hierarchy (Luo–Magee): the share of edges not on any directed cycle.
 *
 * 1 − (strength of the edges inside strongly connected components) / (total strength); a
 * self-loop is a cycle. Every edge record counts, parallel edges each (each 1 with
 * LEV_P_WEIGHTED 0), as NetworkX flow_hierarchy on a MultiDiGraph. LEV_P_UNDIRECTED is ignored.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_WEIGHTED (default 1: strength-weighted share).
 * @param[out] out Receives the share in [0, 1] (0 for a network without edges; 1 for a DAG).
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM.
 * @par Complexity
 *   O(V + E) time (iterative Tarjan); 6 words of scratch per actor.
 * @par Reference
 *   Luo, J. & Magee, C. L. (2011). Complexity 16(6). doi:10.1002/cplx.20368
 * @since 0.1
 */
LEV_API lev_status lev_flow_hierarchy(const lev_network *net, lev_params *p, double *out);

/** @} */

/**
 * @defgroup dependence Power-dependence from holdings and needs
 *
 * Emerson's power-dependence theory: A depends on B for a resource to the extent A needs it and
 * B holds a large share of what A can obtain it from (every holder, or A's neighbours only:
 * LEV_P_SCOPE). B's power over A is A's dependence on B. For a resource r, with h what an actor
 * holds, ν(A) = needs(A)/max_C needs(C) A's relative need (0 when nobody needs r) and S(A) the
 * actors A can obtain r from (never A itself):
 *
 *     dep(A on B) = ν(A) · h(B) / Σ_{C ∈ S(A)} h(C)   for B ∈ S(A); 0 otherwise or if the sum is 0
 *
 * so dep is in [0, 1], A's dependences add up to ν(A) when anyone in S(A) holds r, and scaling a
 * resource's holdings or needs by a constant changes nothing. Needs are what an actor must get
 * from others: its own holdings do not reduce them. LEV_NONE sums dep over all resources (each
 * by its relative needs, so units do not matter). Results are bit-identical for any
 * LEV_P_THREADS. Formulas and a worked example: @ref guide_dependence.
 * @{
 */

/**
 * @brief The dependence of actors on each other for a resource (LEV_NONE: all resources, summed).
 *
 * Lists every pair with dep(a on b) > 0, largest first, equal values by dependent index, then by
 * `on` index: `dependent[k]` depends on `on[k]` by `dep[k]`, and `advantage[k]` = dep(dependent
 * on on) − dep(on on dependent) is `on[k]`'s power advantage in that dyad (negative when the
 * dependence the other way is larger; a mutual dependence is listed both ways). Too small a `cap`
 * gives LEV_ERANGE with the needed length in `*len`; `cap` 0 asks for it (LEV_ERANGE, or LEV_OK
 * with `*len` 0 when no pair exists). The arrays are written only on LEV_OK. The query (`cap`
 * 0) records no message and only counts the pairs, without computing their values or sorting
 * them; a `cap` > 0 that is too small records one (see @ref core).
 * @param[in]  net       The network; not changed.
 * @param[in]  resource  A resource index, or LEV_NONE for all (fine with no resources: no pairs).
 * @param[in]  p         Options or NULL: LEV_P_SCOPE, LEV_P_THREADS; progress callback.
 * @param[in]  cap       Room in each output array.
 * @param[out] dependent Caller-owned, length cap; may be NULL if cap is 0.
 * @param[out] on        Caller-owned, length cap; may be NULL if cap is 0.
 * @param[out] dep       Caller-owned, length cap; may be NULL if cap is 0.
 * @param[out] advantage Caller-owned, length cap; may be NULL.
 * @param[out] len       Receives the number of pairs (also on LEV_ERANGE).
 * @return LEV_OK, LEV_EMISUSE (net or len NULL; cap > 0 with dependent, on or dep NULL),
 *   LEV_EINVAL (resource neither LEV_NONE nor an index; the message names it), LEV_ERANGE,
 *   LEV_ECANCELLED, LEV_ENOMEM.
 * @par Complexity
 *   O(V·R + E·R + P log P) for neighbours (R resources, P pairs); for all, O(V·R + C·R +
 *   P log P), C ≤ 2 · holders · needers the candidate dyads visited. Scratch 2·V·R doubles,
 *   48 bytes per pair, (all) 8 bytes per actor per thread and (neighbours) the distinct
 *   neighbour lists, 4 bytes per neighbour and 8 per actor. The length query (`cap` 0)
 *   computes no value and sorts nothing: O(V·R + E·R) for neighbours; for all, O(V + holders)
 *   with one resource (a needer so small that its products with the smallest holdings
 *   underflow to 0 checks each holder), and O(V·R + C'·R) with LEV_NONE, C' ≤ holders ·
 *   needers the (needer, holder) dyads. A full call counts the same way first.
 * @par Reference
 *   Emerson, R. M. (1962). Am. Sociol. Rev. 27(1). doi:10.2307/2089716
 * @since 0.1
 */
LEV_API lev_status lev_dependence(const lev_network *net, uint32_t resource, lev_params *p, size_t cap,
                                  uint32_t *dependent, uint32_t *on, double *dep, double *advantage, size_t *len);

/**
 * @brief Each actor's net power advantage (Σ others' dependence on it − Σ its dependence on
 * others) and a network-level imbalance index.
 *
 * The advantages sum to 0 (within rounding). Same dependence, options and conventions as
 * lev_dependence().
 * @param[in]  net       The network; not changed.
 * @param[in]  resource  A resource index, or LEV_NONE for all.
 * @param[in]  p         Options or NULL: LEV_P_SCOPE, LEV_P_THREADS; progress callback.
 * @param[out] per_actor Caller-owned, length lev_actor_count(net), or NULL.
 * @param[out] imbalance Receives Σ over dyads |advantage| / Σ over dyads (dep both ways), in
 *   [0, 1]: 1 when every dependence is one-way, 0 when all are exactly mutual, and 0 when
 *   nobody depends on anybody; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL, or both outputs NULL), LEV_EINVAL (resource),
 *   LEV_ECANCELLED, LEV_ENOMEM. Outputs written only on LEV_OK.
 * @par Complexity
 *   As lev_dependence() without the sort and the pair list.
 * @par Reference
 *   Emerson (1962); Cook, K. S. & Emerson, R. M. (1978). Am. Sociol. Rev. 43(5).
 * @since 0.1
 */
LEV_API lev_status lev_power_advantage(const lev_network *net, uint32_t resource, lev_params *p, double *per_actor,
                                       double *imbalance);

/** @} */

/**
 * @defgroup groups In-crowd and outsiders: influence between groups
 *
 * Measures over group labels (lev_actor_add(), lev_actor_set_group()). Group indices are
 * 0..lev_group_count()−1 in order of first use; every label ever used keeps its index, even
 * when no actor carries it any more (such a group has no members). Actors without a group
 * belong to none, and edges with an unlabelled end are left out of group measures. Strengths
 * are the compact form's, or 1 per edge with LEV_P_WEIGHTED 0 (default 1); parallel edges count
 * one each. Definitions, peers and conventions: @ref guide_groups.
 * @{
 */

/**
 * @brief Number of distinct group labels in the network.
 * @param[in] net The network.
 * @return The count; 0 when net is NULL.
 * @since 0.1
 */
LEV_API size_t lev_group_count(const lev_network *net);

/**
 * @brief Label of group `g`.
 * @param[in] net The network.
 * @param[in] g   A group index.
 * @return Borrowed, valid until the network is freed; NULL when out of range or net is NULL.
 * @since 0.1
 */
LEV_API const char *lev_group_name(const lev_network *net, uint32_t g);

/**
 * @brief The group index of every actor (LEV_NONE for none).
 * @param[in]  net   The network.
 * @param[out] group Caller-owned, length lev_actor_count(net).
 * @return LEV_OK, LEV_EMISUSE.
 * @par Complexity
 *   O(V).
 * @since 0.1
 */
LEV_API lev_status lev_actor_groups(const lev_network *net, uint32_t *group);

/**
 * @brief Influence between groups: total strength from group g to group h, and each group's
 * share of actors and of total influence received (PageRank).
 *
 * `matrix[g·G + h]` sums the strengths of edges from a member of g to a member of h; with
 * LEV_P_UNDIRECTED 1 each edge counts both ways (a tie inside g adds 2w to the diagonal).
 * `actor_share[g]` = members / all actors and `influence_share[g]` = the members' lev_pagerank()
 * sum (same params), so both sum to 1 minus the unlabelled actors' share. With no groups,
 * LEV_OK and nothing is written. Outputs written only on LEV_OK.
 * @param[in]  net             The network; not changed.
 * @param[in]  p               Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, and
 *   lev_pagerank()'s (LEV_P_DAMPING, LEV_P_TOLERANCE, LEV_P_MAX_ITER, LEV_P_THREADS, and
 *   LEV_P_DIRECTION: LEV_DIR_OUT makes influence_share the share of influence exerted).
 * @param[out] matrix          Caller-owned, G·G row-major (row g = from g), or NULL.
 * @param[out] actor_share     Caller-owned, length G, or NULL.
 * @param[out] influence_share Caller-owned, length G: the group's share of PageRank, or NULL
 *   (PageRank is computed only when it is asked for).
 * @return LEV_OK, LEV_EMISUSE (net NULL, or all three outputs NULL), LEV_ENOCONV,
 *   LEV_ECANCELLED, LEV_ENOMEM.
 * @par Complexity
 *   O(V + E) plus PageRank; G² + 2G doubles of scratch.
 * @since 0.1
 */
LEV_API lev_status lev_group_influence(const lev_network *net, lev_params *p, double *matrix, double *actor_share,
                                       double *influence_share);

/**
 * @brief Krackhardt–Stern E–I index per group and overall: (external − internal)/(external +
 * internal) ties, from −1 (all ties inside) to 1 (all outside).
 *
 * A tie is an edge record between two different labelled actors (a reciprocated pair is two
 * ties; LEV_P_UNDIRECTED is not read). Group g's external ties have one end in g and the other
 * in another group; its internal ties both ends in g; overall counts every tie once. Self-loops
 * and ties to unlabelled actors are ignored. With LEV_P_WEIGHTED 1 (the default) ties count by
 * strength, which is the classic count when every strength is 1. A group, or a network, with
 * no ties gets 0. Outputs written only on LEV_OK.
 * @param[in]  net       The network; not changed.
 * @param[in]  p         Options or NULL: LEV_P_WEIGHTED.
 * @param[out] per_group Caller-owned, length G, or NULL.
 * @param[out] overall   Receives the network's index; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL, or both outputs NULL), LEV_ENOMEM.
 * @par Complexity
 *   O(V + E); 2G doubles of scratch.
 * @par Reference
 *   Krackhardt, D. & Stern, R. N. (1988). Social Psychology Quarterly 51(2).
 * @since 0.1
 */
LEV_API lev_status lev_ei_index(const lev_network *net, lev_params *p, double *per_group, double *overall);

/**
 * @brief Assortativity by group label (Newman's coefficient for categories, as
 * `nx.attribute_assortativity_coefficient` and igraph's `assortativity_nominal`).
 *
 * r = (Σ e_gg − Σ a_g b_g)/(1 − Σ a_g b_g) over the mixing matrix e of edge weight from group
 * to group. Each edge u → v counts once (directed, as both peers on a directed graph); with
 * LEV_P_UNDIRECTED 1 also as v → u, a self-loop then twice (igraph's convention; NetworkX
 * counts an undirected self-loop once). Edges with an unlabelled end are left out (the peers'
 * value on the subgraph induced by labelled actors). LEV_P_WEIGHTED 1 (the default) sums
 * strengths, which the peers do not do: set it to 0 for their value. r is NaN when undefined:
 * no edge between labelled actors, or every tie inside one group (Σ a_g b_g = 1).
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED, LEV_P_WEIGHTED.
 * @param[out] r   Receives the coefficient; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE, LEV_ENOMEM.
 * @par Complexity
 *   O(V + E + G); 2G doubles of scratch.
 * @par Reference
 *   Newman, M. E. J. (2003). Phys. Rev. E 67. doi:10.1103/PhysRevE.67.026126
 * @since 0.1
 */
LEV_API lev_status lev_assortativity_groups(const lev_network *net, lev_params *p, double *r);

/**
 * @brief Assortativity by a numeric score per actor (Pearson correlation across edges, as
 * `nx.numeric_assortativity_coefficient` and igraph's `assortativity(types1=...)`).
 *
 * The correlation of (score[source], score[target]) over edges, each weighted by its strength
 * with LEV_P_WEIGHTED 1 (the default; the peers do not weight: set 0 for their value); with
 * LEV_P_UNDIRECTED 1 each edge also counts as (target, source), a self-loop twice. r is NaN when
 * undefined: no edge, or zero variance on either side.
 * @param[in]  net   The network; not changed.
 * @param[in]  score Length lev_actor_count(net), finite.
 * @param[in]  p     Options or NULL: LEV_P_UNDIRECTED, LEV_P_WEIGHTED.
 * @param[out] r     Receives the coefficient; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net, score or r NULL), LEV_EINVAL (a score not finite; the
 *   message names the actor).
 * @par Complexity
 *   O(V + E), no scratch.
 * @par Reference
 *   Newman (2003).
 * @since 0.1
 */
LEV_API lev_status lev_assortativity(const lev_network *net, const double *score, lev_params *p, double *r);

/**
 * @brief Rich-club coefficient φ(k) on the undirected simple view, raw and normalized by the
 * mean over LEV_P_SAMPLES degree-preserving rewirings (seeded).
 *
 * The simple view ignores direction, merges parallel edges and drops self-loops. φ(k) =
 * 2·E_k/(N_k·(N_k − 1)), N_k the actors of degree > k and E_k the edges among them, for k =
 * 0..len−1 where len is the number of k with N_k ≥ 2 (the second-largest degree): the values
 * and range of `nx.rich_club_coefficient(G, normalized=False)`. Each rewiring does 100·E
 * successful double-edge swaps (as NetworkX with Q = 100; at most 1000·E attempts) from a
 * random stream of LEV_P_SEED and its index; `normalized[k]` = φ(k)/mean φ_rewired(k), 0 where
 * that mean is 0. Same seed, same result, bit-identical for any LEV_P_THREADS. Too small a
 * `cap` gives LEV_ERANGE with the length in `*len`; `cap` 0 asks for it. Outputs written only
 * on LEV_OK; no rewiring is done when `normalized` is NULL. The query (`cap` 0) records no
 * message, costs O(V + E) and does no rewiring; a `cap` > 0 that is too small records one (see
 * @ref core).
 * @param[in]  net        The network; not changed.
 * @param[in]  p          Options or NULL: LEV_P_SAMPLES, LEV_P_SEED, LEV_P_THREADS; progress
 *   callback (every 65536 swap attempts and after each round of rewirings).
 * @param[in]  cap        Room in each output array.
 * @param[out] raw        Caller-owned, length cap, or NULL.
 * @param[out] normalized Caller-owned, length cap, or NULL (NaN-free: 0 where undefined).
 * @param[out] len        Receives the number of k values, also on LEV_ERANGE.
 * @return LEV_OK, LEV_EMISUSE, LEV_ERANGE, LEV_ECANCELLED, LEV_ENOMEM.
 * @par Complexity
 *   O(V + E) for raw; O(samples · 100 · E) expected time for normalized, with 24–40 bytes per
 *   edge of scratch per thread.
 * @par Reference
 *   Colizza, V. et al. (2006). Nature Physics 2. doi:10.1038/nphys209
 * @since 0.1
 */
LEV_API lev_status lev_rich_club(const lev_network *net, lev_params *p, size_t cap, double *raw, double *normalized,
                                 size_t *len);

/**
 * @brief Outsiders: connected actors that receive less than LEV_P_THRESHOLD of their incoming
 * influence from the in-crowd (LEV_P_INCROWD), while not in it themselves.
 *
 * share(i) = strength of i's incoming edges (LEV_P_UNDIRECTED 1: all its edges) from in-crowd
 * members / strength of all of them, self-loops excluded. An actor is connected when it has an
 * edge to or from another actor; isolated actors are never outsiders, while in directed mode an
 * actor that only sends influence has share 0 and is one. Outputs written only on LEV_OK.
 * @param[in]  net      The network; not changed.
 * @param[in]  p        Options or NULL: LEV_P_INCROWD, LEV_P_THRESHOLD, LEV_P_WEIGHTED,
 *   LEV_P_UNDIRECTED, and lev_pagerank()'s for LEV_INCROWD_GROUP.
 * @param[out] share    Caller-owned, length n: share of incoming influence from the in-crowd
 *   (0 for an actor with none), or NULL.
 * @param[out] outsider Caller-owned, length n: 1 for an outsider, 2 for an in-crowd member,
 *   0 otherwise; or NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL, or both outputs NULL), LEV_EINVAL
 *   (LEV_INCROWD_GROUP on a network where no actor has a group), LEV_ENOCONV, LEV_ECANCELLED,
 *   LEV_ELIMIT (from lev_coreness()), LEV_ENOMEM.
 * @par Complexity
 *   O(V + E) plus PageRank or k-core.
 * @since 0.1
 */
LEV_API lev_status lev_outsiders(const lev_network *net, lev_params *p, double *share, uint32_t *outsider);

/** @} */

/**
 * @defgroup bypass Bypass: unavoidable brokers
 * @brief Who cannot be bypassed: the actors every influence path from a source must pass
 * through (dominators), and the actors and ties whose removal splits the network read as
 * undirected (articulation points, bridges).
 *
 * Every function here is read-only, runs on the calling thread, and writes its outputs only
 * on LEV_OK. Self-loops never matter. See @ref guide_bypass for definitions, a worked example,
 * peers and validation.
 * @{
 */

/**
 * @brief Immediate dominator of every actor for influence flowing from `source`.
 *
 * Actor d dominates v when every influence path from `source` to v (along edges source →
 * target; both ways with LEV_P_UNDIRECTED 1) passes through d: d is a broker v cannot bypass.
 * The immediate dominator idom[v] is the dominator of v nearest to v (other than v itself);
 * following idom from any reachable actor climbs the dominator tree to `source`. idom[source]
 * = source; an actor that `source` does not reach gets LEV_NONE. Parallel edges and
 * self-loops change nothing. Matches NetworkX's `immediate_dominators(G, source)` (which
 * also gives the source itself and omits unreachable nodes).
 * @param[in]  net    The network; not changed.
 * @param[in]  source Index of the source actor, < lev_actor_count(net).
 * @param[in]  p      Options or NULL: LEV_P_UNDIRECTED.
 * @param[out] idom   Caller-owned, length lev_actor_count(net): the immediate dominator's
 *   index, `source` for the source, LEV_NONE when unreachable; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or idom NULL), LEV_EINVAL (source not an actor; also on
 *   an empty network), LEV_ENOMEM.
 * @par Contract
 *   reads net · 12 V integers and V offsets of scratch · single-threaded.
 * @par Complexity
 *   O(V + E·α(E, V)): Lengauer–Tarjan's sophisticated version (path compression with balanced
 *   linking), with an explicit stack for the search and for the compression (no recursion).
 * @par Reference
 *   Lengauer, T. & Tarjan, R. E. (1979). A fast algorithm for finding dominators in a
 *   flowgraph. ACM TOPLAS 1(1), 121–141. doi:10.1145/357062.357071
 * @since 0.1
 */
LEV_API lev_status lev_dominators(const lev_network *net, uint32_t source, lev_params *p, uint32_t *idom);

/**
 * @brief Articulation points (cut vertices) of the network read as undirected.
 *
 * An actor is an articulation point when removing it (with its ties) leaves more connected
 * components than before: some pair of other actors can reach each other only through it.
 * Edges are read ignoring their direction; parallel edges fold into one tie and self-loops
 * are ignored; LEV_P_UNDIRECTED changes nothing. Matches NetworkX's `articulation_points` on
 * the undirected simple graph.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL (no option is read).
 * @param[out] out Caller-owned, length lev_actor_count(net): 1 for an articulation point, else
 *   0; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or out NULL), LEV_ENOMEM.
 * @par Contract
 *   reads net · 5 V integers, V offsets and the undirected view (V offsets, 2 E' ids for E'
 *   distinct ties) of scratch · single-threaded.
 * @par Complexity
 *   O(V + E): Hopcroft–Tarjan low points, with an explicit stack.
 * @par Reference
 *   Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 *   manipulation. Comm. ACM 16(6), 372–378. doi:10.1145/362248.362272
 * @since 0.1
 */
LEV_API lev_status lev_articulation_points(const lev_network *net, lev_params *p, uint32_t *out);

/**
 * @brief Bridges of the network read as undirected: the ties whose removal disconnects their
 * two ends.
 *
 * Edges are read ignoring their direction, self-loops are ignored, and **two or more edge
 * records between a pair (in either direction, a → b twice or a → b and b → a) make the tie
 * not a bridge**: the multigraph reading (NetworkX 2.8's `bridges` on a `MultiGraph`, which
 * checks the chains of the multigraph itself, gives the same; on a simple `Graph` parallel
 * edges would fold and could be a bridge). LEV_P_UNDIRECTED changes nothing. Each bridge is
 * one pair a < b; pairs are sorted by a, then by b. Too small a `cap` gives LEV_ERANGE with
 * the number of bridges in `*len` and the arrays untouched; `cap` 0 asks for that number
 * (LEV_OK with *len 0 when there is none). The query (`cap` 0) records no message; a `cap` > 0
 * that is too small records one (see @ref core). On LEV_OK entries past *len are untouched.
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL (no option is read).
 * @param[in]  cap Room in each output array.
 * @param[out] a   Caller-owned, length cap: the lower index of each bridge; may be NULL if cap is 0.
 * @param[out] b   Caller-owned, length cap: the higher index.
 * @param[out] len Receives the number of bridges (written also on LEV_ERANGE).
 * @return LEV_OK, LEV_EMISUSE (net or len NULL, or cap > 0 with an array NULL), LEV_ERANGE,
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · 7 V integers, V offsets and the counted undirected view (V offsets, 2 E'
 *   ids and 2 E' doubles) of scratch · single-threaded.
 * @par Complexity
 *   O(V + E + B log B) for B bridges.
 * @par Reference
 *   Tarjan, R. E. (1974). A note on finding the bridges of a graph. Inf. Process. Lett. 2(6),
 *   160–161. doi:10.1016/0020-0190(74)90003-9
 * @since 0.1
 */
LEV_API lev_status lev_bridges(const lev_network *net, lev_params *p, size_t cap, uint32_t *a, uint32_t *b,
                               size_t *len);

/** @} */

/**
 * @defgroup opinion Opinion dynamics: consensus, social power and pressure points
 * @brief Where a group's opinion ends up when its members listen to each other, whose opinion
 * weighs most in it, and which actors and ties move it most per unit of pressure.
 *
 * Every function here reads the **influence matrix** W: row i holds the strengths of the ties
 * *into* i (whom i listens to), divided by their sum, so W_ij = a_ij / S_i where a_ij sums the
 * edges j → i (parallel edges add up; a self-loop is i's weight on its own opinion) and S_i =
 * Σ_j a_ij. An actor no tie reaches (S_i = 0) keeps its own opinion: W_ii = 1. With
 * LEV_P_WEIGHTED 0 every edge counts 1; with LEV_P_UNDIRECTED 1 every edge is also a tie the
 * other way (a self-loop then counts twice). Strengths are read from the compact form, in
 * single precision (a strength that is not exactly a float is rounded, 6e-8 relative).
 *
 * A **closed class** is a set of actors who listen only to each other (a recurrent class of the
 * Markov chain W): a strongly connected component of the "listens to" graph that no tie leaves.
 * Its **period** is the gcd of its cycle lengths (1 when it has a self-loop or an actor no tie
 * reaches). DeGroot's repeated averaging x(t + 1) = W x(t) reaches a **consensus** for every
 * initial opinion exactly when there is one closed class and its period is 1.
 *
 * Friedkin–Johnsen adds **susceptibility** λ_i in [0, 1]: x = ΛWx + (I − Λ)u for initial
 * opinions u, Λ = diag(λ). λ_i = 0 is an actor who never moves, λ_i = 1 one who only listens
 * (DeGroot). The equilibrium is unique when every closed class holds an actor with λ < 1.
 *
 * Iterative functions are Jacobi sweeps (parallel, LEV_P_THREADS) that stop when a sweep
 * changes no value by more than tol · max(1, largest |value|), tol = LEV_P_TOLERANCE (default
 * 1e-10) — a relative test, so opinions in the hundreds converge as far as opinions near 1 —
 * (social power: when the L1 change is at most tol) and fail with LEV_ENOCONV past
 * LEV_P_MAX_ITER (default 1000) sweeps; the progress callback is called once per sweep. Results
 * are bit-identical for any LEV_P_THREADS. Outputs are written only on LEV_OK; an empty network
 * gives LEV_OK and writes nothing. See @ref guide_opinion for a worked example, the peers and
 * the accuracy.
 * @since 0.1
 * @{
 */

/**
 * @brief DeGroot social power: each actor's weight in the consensus, and whether there is one.
 *
 * Answers "whose opinion does the group end up holding?". Within each closed class C the
 * actors reach the consensus Σ_{j∈C} power_j · u_j whatever their initial opinions u (when C
 * is aperiodic); power is the left Perron vector of W restricted to C (π = πW, Σ_C π = 1),
 * found by power iteration (on the lazy chain (I + W)/2 for a periodic class, which has the
 * same vector) to an L1 change of LEV_P_TOLERANCE. Actors in no closed class (they listen,
 * directly or not, to some class and are not listened to back) have power 0. On an undirected
 * network (LEV_P_UNDIRECTED 1) each connected component is a closed class and power is the
 * actor's strength over twice its component's total (the random walk's stationary law).
 * Classes are numbered in the order of their lowest-index actor. A consensus exists for every
 * initial opinion exactly when `*classes` is 1 and `period[0]` is 1; otherwise the cause is
 * several closed classes (they keep their separate opinions, and the others end between
 * them) or a periodic class (opinions there cycle for ever).
 * @param[in]  net          The network; not changed.
 * @param[in]  p            Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED, LEV_P_TOLERANCE,
 *   LEV_P_MAX_ITER, LEV_P_THREADS; progress callback once per sweep.
 * @param[out] power        Caller-owned, length lev_actor_count(net): social power, ≥ 0, summing
 *   to 1 over each closed class and 0 outside them; written only on LEV_OK.
 * @param[out] closed_class Caller-owned, length lev_actor_count(net), or NULL: the closed class
 *   of each actor, or LEV_NONE for an actor in none.
 * @param[out] period       Caller-owned, length lev_actor_count(net) (room for as many classes
 *   as there could be), or NULL: entries 0 .. *classes − 1 receive each class's period; the
 *   rest are untouched.
 * @param[out] classes      Receives the number of closed classes (at least 1 when there is an
 *   actor); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or power NULL), LEV_ENOCONV, LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · 6 V doubles and 10 V integers of scratch (and the undirected view with
 *   LEV_P_UNDIRECTED 1) · parallel (OpenMP) · bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(V + E) for the classes and periods (Tarjan, one breadth-first search per class), then
 *   O(E) per sweep; the number of sweeps grows with 1 / (1 − |second eigenvalue|) of each class.
 * @par Reference
 *   DeGroot, M. H. (1974). Reaching a consensus. J. Am. Stat. Assoc. 69(345), 118–121.
 *   doi:10.1080/01621459.1974.10480137. Jackson, M. O. (2008). Social and Economic Networks,
 *   ch. 8 (Princeton University Press).
 * @since 0.1
 */
LEV_API lev_status lev_degroot(const lev_network *net, lev_params *p, double *power, uint32_t *closed_class,
                               uint32_t *period, size_t *classes);

/**
 * @brief Where each actor's opinion ends up under DeGroot averaging: lim W^t u.
 *
 * Answers "what will each member believe after talking it over long enough?". Each closed
 * class agrees on its power-weighted mean Σ power_j u_j (lev_degroot()); every other actor ends
 * at the mix of those the chain gives it (x_i = Σ_j W_ij x_j), found by Jacobi sweeps to the
 * group's relative tolerance. With one aperiodic closed class every entry is the
 * consensus value.
 * @param[in]  net     The network; not changed.
 * @param[in]  initial Caller-owned, length lev_actor_count(net): initial opinions u, finite;
 *   copied, not kept.
 * @param[in]  p       Options or NULL: as lev_degroot().
 * @param[out] out     Caller-owned, length lev_actor_count(net): the limit opinions; written
 *   only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net, initial or out NULL), LEV_EINVAL (an initial opinion not
 *   finite), LEV_ENOCONV (a periodic closed class: opinions there cycle, the message names it;
 *   or not within LEV_P_MAX_ITER sweeps), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · as lev_degroot() · parallel (OpenMP) · bit-identical for any LEV_P_THREADS ·
 *   cancellable.
 * @par Complexity
 *   lev_degroot(), then O(E) per sweep; the sweeps grow with 1 / (1 − ρ) for ρ the spectral
 *   radius of W on the actors outside closed classes (one sweep per step of depth when they
 *   form no cycle).
 * @par Reference
 *   DeGroot (1974), as lev_degroot(); Golub, B. & Jackson, M. O. (2010). Naïve learning in
 *   social networks and the wisdom of crowds. AEJ: Microeconomics 2(1), 112–149.
 *   doi:10.1257/mic.2.1.112
 * @since 0.1
 */
LEV_API lev_status lev_degroot_limit(const lev_network *net, const double *initial, lev_params *p, double *out);

/**
 * @brief Friedkin–Johnsen equilibrium opinions: x = ΛWx + (I − Λ)u.
 *
 * Answers "where do opinions settle when people listen to each other but stay anchored to
 * their own initial view?". Each actor's final opinion x_i = λ_i Σ_j W_ij x_j + (1 − λ_i) u_i,
 * i.e. x = (I − ΛW)⁻¹(I − Λ)u, found without forming the inverse by Jacobi sweeps from x = u
 * until no opinion moves by more than tol · max(1, max |x_i|), tol = LEV_P_TOLERANCE: the error
 * is then at most that times ρ / (1 − ρ), ρ = ‖ΛW‖∞ = max λ_i. Every x_i lies between the smallest and the largest initial opinion.
 * @param[in]  net            The network; not changed.
 * @param[in]  initial        Caller-owned, length lev_actor_count(net): initial opinions u,
 *   finite; copied, not kept.
 * @param[in]  susceptibility Caller-owned, length lev_actor_count(net): λ_i in [0, 1];
 *   copied, not kept.
 * @param[in]  p              Options or NULL: LEV_P_WEIGHTED, LEV_P_UNDIRECTED,
 *   LEV_P_TOLERANCE, LEV_P_MAX_ITER, LEV_P_THREADS; progress callback once per sweep.
 * @param[out] out            Caller-owned, length lev_actor_count(net): the equilibrium
 *   opinions; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net, initial, susceptibility or out NULL), LEV_EINVAL (an
 *   opinion not finite, a susceptibility outside [0, 1], or a closed class whose every λ is 1,
 *   named in the message: its opinions are not determined), LEV_ENOCONV, LEV_ECANCELLED,
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · 6 V doubles and 10 V integers of scratch · parallel (OpenMP) · bit-identical
 *   for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   O(V + E) to check the classes, then O(E) per sweep, about log(tol) / log(max λ) sweeps.
 * @par Reference
 *   Friedkin, N. E. & Johnsen, E. C. (1990). Social influence and opinions. J. Math. Sociol.
 *   15(3–4), 193–206. doi:10.1080/0022250X.1990.9990069. Friedkin, N. E. & Johnsen, E. C.
 *   (2011). Social Influence Network Theory. Cambridge University Press.
 * @since 0.1
 */
LEV_API lev_status lev_friedkin_johnsen(const lev_network *net, const double *initial, const double *susceptibility,
                                        lev_params *p, double *out);

/**
 * @brief Friedkin–Johnsen total influence of each actor on the outcome.
 *
 * Answers "who exerts influence on where the group ends up?". The equilibrium is x = V u with
 * V = (I − ΛW)⁻¹(I − Λ); V_ij is the share of j's initial opinion in i's final one, and actor
 * j's total influence is the column sum Σ_i V_ij. It is computed without forming V, by one
 * transposed solve: y = 1 + WᵀΛy (Jacobi sweeps to the group's relative tolerance), then
 * influence_j = (1 − λ_j) y_j. Each row of V sums to 1, so the influences sum to the number of
 * actors; an actor with λ = 1 has none; divided by the number of actors, influence_j is the
 * change in the mean final opinion per unit change of u_j.
 * @param[in]  net            The network; not changed.
 * @param[in]  susceptibility Caller-owned, length lev_actor_count(net): λ_i in [0, 1].
 * @param[in]  p              Options or NULL: as lev_friedkin_johnsen().
 * @param[out] out            Caller-owned, length lev_actor_count(net): total influence, ≥ 0;
 *   written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net, susceptibility or out NULL), LEV_EINVAL (as
 *   lev_friedkin_johnsen()), LEV_ENOCONV, LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · as lev_friedkin_johnsen() · parallel (OpenMP) · bit-identical for any
 *   LEV_P_THREADS · cancellable.
 * @par Complexity
 *   As lev_friedkin_johnsen().
 * @par Reference
 *   Friedkin & Johnsen (2011), as lev_friedkin_johnsen(); Proskurnikov, A. V. & Tempo, R.
 *   (2017). A tutorial on modeling and analysis of dynamic social networks. Part I. Annu. Rev.
 *   Control 43, 65–79. doi:10.1016/j.arcontrol.2017.03.002
 * @since 0.1
 */
LEV_API lev_status lev_friedkin_johnsen_influence(const lev_network *net, const double *susceptibility, lev_params *p,
                                                  double *out);

/**
 * @brief Pressure points of a Friedkin–Johnsen outcome: how much each actor's initial opinion,
 * and each tie's strength, moves it per unit.
 *
 * Answers "whom should we persuade, and which relationship should we strengthen, to move the
 * outcome most?". The target T is the final opinion of actor `target`, or the mean final
 * opinion over all actors with `target` LEV_NONE. With y = c + WᵀΛy (c = e_target, or 1/n for
 * the mean; one transposed solve as lev_friedkin_johnsen_influence()) and x the equilibrium:
 * - actors[j] = ∂T/∂u_j = (1 − λ_j) y_j, ≥ 0 (for the mean, lev_friedkin_johnsen_influence()
 *   divided by n);
 * - ties[e] = ∂T/∂w_e for edge record e (s → t, strength w_e): strengthening the tie moves
 *   t's row of W towards s through the row normalization, so ∂T/∂w_e = y_t λ_t (x_s −
 *   (Wx)_t) / S_t; positive when it pulls t towards an opinion above the one t now hears. With
 *   LEV_P_UNDIRECTED 1 the tie also moves s's row and both terms add; with LEV_P_WEIGHTED 0 it
 *   is per unit of the edge's weight 1. Parallel edges each get the same value.
 * Ties are per edge record in lev_edge_get() order; a caller ranks them by |ties[e]|.
 * @param[in]  net            The network; not changed.
 * @param[in]  initial        Caller-owned, length lev_actor_count(net): initial opinions u.
 * @param[in]  susceptibility Caller-owned, length lev_actor_count(net): λ_i in [0, 1].
 * @param[in]  target         The actor whose final opinion is the target, or LEV_NONE for the
 *   mean final opinion.
 * @param[in]  p              Options or NULL: as lev_friedkin_johnsen().
 * @param[out] actors         Caller-owned, length lev_actor_count(net), or NULL: ∂T/∂u_j.
 * @param[out] ties           Caller-owned, length lev_edge_count(net), or NULL: ∂T/∂w_e. At
 *   least one of actors and ties is given; both written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net, initial or susceptibility NULL, or both outputs NULL),
 *   LEV_EINVAL (target not an actor, or as lev_friedkin_johnsen()), LEV_ENOCONV, LEV_ECANCELLED,
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · as lev_friedkin_johnsen(), plus 2 V doubles · parallel (OpenMP) ·
 *   bit-identical for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   Two solves as lev_friedkin_johnsen() (the equilibrium and the transposed one), then O(E).
 * @par Reference
 *   Friedkin & Johnsen (2011), as lev_friedkin_johnsen(); the derivatives are the adjoint
 *   method: Cao, Y., Li, S., Petzold, L. & Serban, R. (2003). Adjoint sensitivity analysis for
 *   differential-algebraic equations. SIAM J. Sci. Comput. 24(3), 1076–1089.
 *   doi:10.1137/S1064827501380630
 * @since 0.1
 */
LEV_API lev_status lev_opinion_pressure(const lev_network *net, const double *initial, const double *susceptibility,
                                        uint32_t target, lev_params *p, double *actors, double *ties);

/** @} */

/**
 * @defgroup control Control and key players: driver actors, key-player sets
 * @brief Which few actors steer the rest (the minimum set of driver actors for structural
 * control, and each actor's class for control) and which k actors reach the most others or
 * hold the network together (key players).
 *
 * Every function here is read-only and writes its outputs only on LEV_OK. See @ref guide_control
 * for definitions, worked examples, peers and validation.
 * @{
 */

/**
 * @brief An actor's class for control (Jia et al. 2013), written by lev_control_classes().
 * @since 0.1
 */
typedef enum lev_control_class {
    LEV_CONTROL_CRITICAL = 1,     /**< in every minimum set of driver actors (no tie reaches it) */
    LEV_CONTROL_INTERMITTENT = 2, /**< in some minimum sets of driver actors, not in all */
    LEV_CONTROL_REDUNDANT = 3     /**< in no minimum set of driver actors */
} lev_control_class;

/**
 * @brief A minimum set of driver actors: who must be steered directly so that influence along
 * the ties can steer everyone?
 *
 * Reads the network as the linear system x' = A x + B u with a_vu ≠ 0 for every edge u → v
 * (influence flows from source to target) and finds the fewest actors whose direct input makes
 * it structurally controllable (Liu, Slotine & Barabási 2011): N_D = max(n − |M|, 1), M a
 * maximum matching of the bipartite graph with an out-copy and an in-copy of every actor and one
 * arc per edge. Self-loops count (an actor that influences itself can be matched to itself);
 * parallel edges and strengths do not matter. The drivers are the actors whose in-copy M leaves
 * unmatched, ascending; when M is perfect one driver suffices and any actor can be it: actor 0 is
 * given. Many minimum sets may exist; this one is deterministic (lev_control_classes() says which
 * actors are in all, some or none). N_D / n is the network's share of driver actors. An empty
 * network needs none (*len 0). Too small a `cap` gives LEV_ERANGE with N_D in `*len` and the array
 * untouched; `cap` 0 asks for N_D (no message is recorded for that query).
 * @param[in]  net     The network; not changed.
 * @param[in]  p       Options or NULL: LEV_P_UNDIRECTED (1: every edge is an arc both ways).
 * @param[in]  cap     Room in `drivers`.
 * @param[out] drivers Caller-owned, length cap: the driver actors' indices, ascending; may be NULL
 *   if cap is 0.
 * @param[out] len     Receives N_D (written also on LEV_ERANGE).
 * @return LEV_OK, LEV_EMISUSE (net or len NULL, or cap > 0 with drivers NULL), LEV_ERANGE,
 *   LEV_ECANCELLED (the progress callback, called once per Hopcroft–Karp phase, asked to stop),
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · 6 V integers and V offsets of scratch · single-threaded.
 * @par Complexity
 *   O(E √V): Hopcroft–Karp, from a greedy matching. R-MAT scale 18 (3.9 million edges) takes
 *   0.2 s of CPU (bench/README.md).
 * @par Reference
 *   Liu, Y.-Y., Slotine, J.-J. & Barabási, A.-L. (2011). Controllability of complex networks.
 *   Nature 473, 167–173. doi:10.1038/nature10011. Hopcroft, J. E. & Karp, R. M. (1973). An
 *   n^5/2 algorithm for maximum matchings in bipartite graphs. SIAM J. Comput. 2(4), 225–231.
 * @since 0.1
 */
LEV_API lev_status lev_drivers(const lev_network *net, lev_params *p, size_t cap, uint32_t *drivers,
                               size_t *len);

/**
 * @brief Each actor's class for control: must it be steered directly, may it be, or never?
 *
 * Over all the minimum sets of driver actors of lev_drivers() (the unmatched in-copies of all
 * maximum matchings), an actor is critical when it is in every one, redundant when in none and
 * intermittent otherwise (Jia et al. 2013). Computed from one maximum matching M: an actor can be
 * a driver iff its in-copy is unmatched in M or reached from an unmatched in-copy by an
 * alternating path (back along a tie into it, forward along M), which one search finds; of
 * those, the actors no tie reaches (in-degree 0, self-loops counting) are critical, the others
 * intermittent. When M is perfect any single actor is a minimum driver set: every actor is
 * intermittent (critical if it is the only one). Checked against the enumeration of every
 * maximum matching on small networks (tests/test_control.c).
 * @param[in]  net The network; not changed.
 * @param[in]  p   Options or NULL: LEV_P_UNDIRECTED.
 * @param[out] cls Caller-owned, length lev_actor_count(net): an lev_control_class value per
 *   actor; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or cls NULL), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · 7 V integers and V offsets of scratch · single-threaded.
 * @par Complexity
 *   O(E √V) for the matching, then O(V + E).
 * @par Reference
 *   Jia, T., Liu, Y.-Y., Csóka, E., Pósfai, M., Slotine, J.-J. & Barabási, A.-L. (2013).
 *   Emergence of bimodality in controlling complex networks. Nat. Commun. 4, 2002.
 *   doi:10.1038/ncomms3002
 * @since 0.1
 */
LEV_API lev_status lev_control_classes(const lev_network *net, lev_params *p, uint32_t *cls);

/**
 * @brief A key-player set: which k actors reach the most others (KPP-Pos), or whose removal
 * fragments the network most (KPP-Neg)?
 *
 * Maximizes the score LEV_P_KP_MEASURE names (lev_kp_measure) over sets of k actors by Borgatti's
 * heuristic: a greedy start (add the actor that raises the score most, k times), then the best
 * swap of a member for a non-member while one raises the score; with LEV_P_KP_STARTS > 1 also
 * from random sets drawn from LEV_P_SEED, keeping the best. Ties go to the earlier member
 * position and the lower actor index, so the answer depends only on the options and the seed,
 * whatever LEV_P_THREADS. Reach follows ties from source to target (influence exerted; both ways
 * with LEV_P_UNDIRECTED 1); fragmentation reads ties both ways. Distances are hops; strengths,
 * parallel edges and self-loops do not matter. A local optimum: exhaustive search agrees on the
 * test networks (docs/control.md), with no guarantee in general.
 * @param[in]  net   The network; not changed.
 * @param[in]  k     Size of the set, 1..lev_actor_count(net).
 * @param[in]  p     Options or NULL: LEV_P_KP_MEASURE, LEV_P_KP_DISTANCE, LEV_P_KP_STARTS,
 *   LEV_P_SEED, LEV_P_UNDIRECTED, LEV_P_THREADS.
 * @param[out] set   Caller-owned, length k: the members, ascending; written only on LEV_OK.
 * @param[out] score Receives the set's score (as lev_keyplayer_score() gives it).
 * @return LEV_OK, LEV_EMISUSE (net, set or score NULL), LEV_EINVAL (k 0 or more than the
 *   actors; also on an empty network), LEV_ECANCELLED (the progress callback, called after each
 *   greedy addition and each round of swaps, and with distance-weighted fragmentation after each
 *   candidate of a greedy step, asked to stop), LEV_ENOMEM.
 * @par Contract
 *   reads net · the folded view (V offsets, up to 2 E ids), V bytes, V integers, V doubles and,
 *   per thread, 2 V integers and V + 1 64-bit counts of scratch; for reach goals V integers and
 *   V + 1 counts more (the set's distances), for fragmentation 8 V integers and 2 V 64-bit
 *   words (one depth-first search) · parallel over the candidates of each step
 *   (LEV_P_THREADS; fragmentation's search is sequential).
 * @par Complexity
 *   A step scores every non-member as the one to add: k steps for the greedy start, k (one
 *   per member dropped) for each round of swaps, for every start. Reach and distance-weighted
 *   reach: the set is searched once per step, O(V + E), and a candidate costs what it brings
 *   nearer (its own neighbourhood, typically; at most O(V + E)). Fragmentation: one depth-first
 *   search scores every candidate of a step, O(V + E) (on networks of 2^26 actors or more,
 *   O(V + E) per candidate). Distance-weighted fragmentation: O(V (V + E)) per candidate.
 * @par Reference
 *   Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational
 *   and Mathematical Organization Theory 12, 21–34. doi:10.1007/s10588-006-7084-x
 * @since 0.1
 */
LEV_API lev_status lev_keyplayers(const lev_network *net, size_t k, lev_params *p, uint32_t *set,
                                  double *score);

/**
 * @brief The key-player score of a given set: how much of the network does it reach, or how
 * fragmented is what it leaves?
 *
 * The score LEV_P_KP_MEASURE names (lev_kp_measure) for the k actors in `set`, in [0, 1],
 * read as lev_keyplayers() reads the network. An empty set (k 0) scores the network itself:
 * reach 0, and the fragmentation of the whole network.
 * @param[in]  net   The network; not changed.
 * @param[in]  set   The members, k distinct actor indices in any order; may be NULL if k is 0.
 * @param[in]  k     How many, 0..lev_actor_count(net).
 * @param[in]  p     Options or NULL: LEV_P_KP_MEASURE, LEV_P_KP_DISTANCE, LEV_P_UNDIRECTED.
 * @param[out] score Receives the score; written only on LEV_OK.
 * @return LEV_OK, LEV_EMISUSE (net or score NULL, or k > 0 with set NULL), LEV_EINVAL (an
 *   empty network, k more than the actors, a member not an actor or given twice), LEV_ENOMEM.
 * @par Contract
 *   reads net · the folded view, V bytes, 2 V integers and V + 1 64-bit counts of scratch ·
 *   single-threaded.
 * @par Complexity
 *   O(V + E); O(V (V + E)) for LEV_KP_DFRAGMENT.
 * @par Reference
 *   Borgatti, S. P. (2006), as lev_keyplayers().
 * @since 0.1
 */
LEV_API lev_status lev_keyplayer_score(const lev_network *net, const uint32_t *set, size_t k, lev_params *p,
                                       double *score);

/** @} */

/**
 * @defgroup coalition Coalitions over a resource: voting power and the cheapest alliance
 *
 * Who holds the swing votes, and which allies make a coalition win? The actors' holdings of
 * one resource are the weights of a weighted voting game: a coalition (a set of actors) wins
 * when its holdings add up to at least the quota, LEV_P_QUOTA, or, when that is 0, to strictly
 * more than LEV_P_QUOTA_FRACTION of all holdings (default: a strict majority). An actor is
 * decisive (a swing) for a coalition of others that loses without it and wins with it.
 *
 * **Whole weights.** Holdings that are whole numbers are used as they are. Otherwise each
 * holding is multiplied by the smallest 10^d, d ≤ 6, that makes every holding whole (to 10^-9
 * relative: cents, tenths), and the quota by the same factor (rounded up unless it is whole),
 * so the game is the same game, solved exactly. Holdings that no such factor makes whole
 * (thirds, irrational amounts) are never rounded: the exact dynamic programs do not apply,
 * the indices are sampled, sums of weights are taken in floating point (in index order), and
 * the cheapest alliance with a cost resource is greedy; the `method` outputs say so.
 *
 * **Graph-restricted game** (LEV_P_CONNECTED 1, Myerson 1977): a coalition counts only
 * through its connected parts in the influence network read undirected (ties either way, any
 * channel, self-loops ignored): it wins when one of its connected components reaches the
 * quota (Myerson's restriction v/G(S) = Σ over the components; with a quota above half of all
 * holdings at most one component can win and the two agree). No peer library offers it; the
 * tests check it against enumeration of every coalition. Formulas, a worked example and the
 * peer agreement: @ref guide_alliances.
 * @{
 */

/**
 * @brief Voting power of every actor over a resource: Banzhaf (raw and normalized) and
 * Shapley–Shubik — who holds the swing votes?
 *
 * The raw Banzhaf index of i is the probability that i is decisive for a coalition of the
 * others drawn uniformly (each other actor in or out with probability 1/2): its swing count
 * divided by 2^(n−1). The normalized Banzhaf index divides the raw ones by their sum (all 0
 * when nobody is ever decisive). The Shapley–Shubik index of i is the probability that i is
 * pivotal when the actors join in a uniformly random order (the one whose arrival makes the
 * coalition win); the indices sum to 1 whenever the grand coalition wins and the empty one
 * does not, and are all 0 otherwise.
 *
 * **Exact** (`method` LEV_COALITION_EXACT): with whole weights (see @ref coalition) and
 * without LEV_P_CONNECTED, by dynamic programming over the weights below the quota (Matsui &
 * Matsui 2000), each actor left out once by divide and conquer over the actors, in
 * probabilities rather than counts (no overflow for any n; exact up to rounding, about 1e-12
 * absolute in the tests), when the tables, ⌈log2 n⌉ + 2 levels of n·Q doubles for
 * Shapley–Shubik and of Q doubles for Banzhaf (Q the quota in whole units), fit in
 * LEV_P_MEMORY_LIMIT. With LEV_P_CONNECTED and at most LEV_P_ENUM_LIMIT actors, by
 * enumerating all 2^n coalitions.
 *
 * **Sampled** (LEV_COALITION_SAMPLED) otherwise: LEV_P_COALITION_SAMPLES random orders give
 * the Shapley–Shubik estimate and as many random coalitions the Banzhaf one, each sample from
 * its own stream seeded by (LEV_P_SEED, sample number), so the result is the same for any
 * LEV_P_THREADS. `shapley_err` and `banzhaf_err` receive the standard error of each estimate
 * (√(p(1 − p)/r) over the r samples that count for the actor: all of them for Shapley–Shubik
 * and for Banzhaf in the plain game, those with the actor outside the coalition in the
 * restricted one); the normalized Banzhaf index has, to first order, banzhaf_err / Σ raw.
 * Exact results give 0 errors.
 * @param[in]  net         The network; not changed (its compact form may be built).
 * @param[in]  resource    The resource whose holdings are the votes.
 * @param[in]  p           Options or NULL: LEV_P_QUOTA, LEV_P_QUOTA_FRACTION, LEV_P_CONNECTED,
 *   LEV_P_MEMORY_LIMIT, LEV_P_ENUM_LIMIT, LEV_P_COALITION_SAMPLES, LEV_P_SEED, LEV_P_THREADS;
 *   progress callback.
 * @param[out] banzhaf_raw Caller-owned, length lev_actor_count(net), or NULL.
 * @param[out] banzhaf     Caller-owned, the same length: normalized Banzhaf, or NULL.
 * @param[out] shapley     Caller-owned, the same length: Shapley–Shubik, or NULL.
 * @param[out] banzhaf_err Caller-owned, the same length: standard errors of banzhaf_raw, or NULL.
 * @param[out] shapley_err Caller-owned, the same length: standard errors of shapley, or NULL.
 * @param[out] method      Receives a lev_coalition_method, or NULL.
 * Every output is written only on LEV_OK. Asking only for Banzhaf (shapley and shapley_err
 * NULL) skips the Shapley–Shubik work, and the other way round.
 * @return LEV_OK; LEV_EMISUSE (net NULL, or banzhaf_raw, banzhaf and shapley all NULL);
 *   LEV_EINVAL (resource is not a resource index); LEV_ECANCELLED; LEV_ENOMEM.
 * @par Contract
 *   reads net · allocates the DP tables (bounded by LEV_P_MEMORY_LIMIT), 2^n bytes
 *   (enumeration) or O(V) per thread (sampling) · sampling parallel (OpenMP) · deterministic
 *   for a seed, for any LEV_P_THREADS · cancellable.
 * @par Complexity
 *   Exact DP: O(n·Q·log n) for Banzhaf, O(n²·Q·log n) for Shapley–Shubik. Enumeration:
 *   O(2^n·n). Sampling: O(r·h) plain (h actors hold some of the resource: the others are never
 *   pivotal, and are not drawn), O(r·(V + E)·α(V)) restricted, r = LEV_P_COALITION_SAMPLES.
 * @par Reference
 *   Banzhaf, J. F. (1965). Rutgers Law Rev. 19; Shapley, L. S. & Shubik, M. (1954). Am. Polit.
 *   Sci. Rev. 48(3). doi:10.2307/1951053; Matsui, T. & Matsui, Y. (2000). A survey of algorithms
 *   for calculating power indices of weighted majority games. J. Oper. Res. Soc. Japan 43(1);
 *   Myerson, R. B. (1977). Graphs and cooperation in games. Math. Oper. Res. 2(3).
 *   doi:10.1287/moor.2.3.225
 * @since 0.1
 */
LEV_API lev_status lev_voting_power(const lev_network *net, uint32_t resource, lev_params *p, double *banzhaf_raw,
                                    double *banzhaf, double *shapley, double *banzhaf_err, double *shapley_err,
                                    int *method);

/**
 * @brief The minimal winning coalitions of the voting game: which sets of allies win, each of
 * whom is needed?
 *
 * A minimal winning coalition wins and loses without any one of its members (actors holding
 * nothing are never in one). They are listed in search order: actors sorted by decreasing
 * holdings (equal holdings by index), the heavier actor taken first; at most
 * LEV_P_COALITION_LIMIT of them. Each listed coalition k contributes one (coalition, actor)
 * pair per member, members by increasing index: `coalition[j]` = k, `actor[j]` the member.
 * `*count` receives how many minimal winning coalitions there are in all, counted by dynamic
 * programming over whole weights (exact up to 2^53, then to double precision) when the table
 * of Q doubles fits in LEV_P_MEMORY_LIMIT, otherwise by the enumeration, which gives NaN when
 * it stops at the limit. The plain game only: LEV_P_CONNECTED is not read. Too small a `cap`
 * gives LEV_ERANGE with the needed number of pairs in `*len`; `cap` 0 asks for it (and writes
 * `*count`), recording no message.
 * @param[in]  net       The network; not changed.
 * @param[in]  resource  The resource whose holdings are the votes.
 * @param[in]  p         Options or NULL: LEV_P_QUOTA, LEV_P_QUOTA_FRACTION,
 *   LEV_P_COALITION_LIMIT, LEV_P_MEMORY_LIMIT.
 * @param[in]  cap       Room in each output array, in pairs.
 * @param[out] coalition Caller-owned, length cap: the coalition number of each pair; may be
 *   NULL if cap is 0.
 * @param[out] actor     Caller-owned, length cap: the member of each pair; may be NULL if cap is 0.
 * @param[out] len       Receives the number of pairs (also on LEV_ERANGE).
 * @param[out] count     Receives the number of minimal winning coalitions, or NaN; may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or len NULL; cap > 0 with coalition or actor NULL),
 *   LEV_EINVAL (resource), LEV_ERANGE, LEV_ENOMEM. Arrays written only on LEV_OK.
 * @par Contract
 *   reads net · O(V + Q) scratch · single-threaded · deterministic.
 * @par Complexity
 *   O(V log V + n·Q) to count, O(n) per coalition listed (the search never enters a branch
 *   without one), twice (length, then the pairs).
 * @par Reference
 *   Matsui & Matsui (2000); Deegan, J. & Packel, E. W. (1978). Int. J. Game Theory 7(2).
 * @since 0.1
 */
LEV_API lev_status lev_minimal_winning(const lev_network *net, uint32_t resource, lev_params *p, size_t cap,
                                       uint32_t *coalition, uint32_t *actor, size_t *len, double *count);

/**
 * @brief Deegan–Packel and Holler–Packel (public good) indices from the minimal winning
 * coalitions: how much of the spoils of a minimal alliance does each actor get?
 *
 * With M the minimal winning coalitions (see lev_minimal_winning()): Deegan–Packel gives each
 * coalition of M weight 1/|M| and splits it equally among its members,
 * DP(i) = (1/|M|) Σ_{S ∈ M, i ∈ S} 1/|S|; Holler–Packel counts the coalitions of M holding
 * i, normalized to sum 1: HP(i) = |{S ∈ M : i ∈ S}| / Σ_j |{S ∈ M : j ∈ S}|. Both sum to 1
 * (0 for everyone when nobody can win). Only games small enough to enumerate: more than
 * LEV_P_COALITION_LIMIT minimal winning coalitions give LEV_EUNSUPPORTED.
 * @param[in]  net           The network; not changed.
 * @param[in]  resource      The resource whose holdings are the votes.
 * @param[in]  p             Options or NULL: LEV_P_QUOTA, LEV_P_QUOTA_FRACTION,
 *   LEV_P_COALITION_LIMIT, LEV_P_MEMORY_LIMIT.
 * @param[out] deegan_packel Caller-owned, length lev_actor_count(net), or NULL.
 * @param[out] holler_packel Caller-owned, the same length, or NULL.
 * @return LEV_OK, LEV_EMISUSE (net NULL or both outputs NULL), LEV_EINVAL (resource),
 *   LEV_EUNSUPPORTED (too many coalitions; the message gives the count), LEV_ENOMEM. Outputs
 *   written only on LEV_OK.
 * @par Contract
 *   reads net · O(V + Q) scratch · single-threaded · deterministic.
 * @par Complexity
 *   O(V log V + n·Q + n·|M|).
 * @par Reference
 *   Deegan, J. & Packel, E. W. (1978). A new index of power for simple n-person games. Int. J.
 *   Game Theory 7(2). doi:10.1007/BF01753236; Holler, M. J. & Packel, E. W. (1983). Power, luck
 *   and the right index. J. Econ. 43(1). doi:10.1007/BF01283880
 * @since 0.1
 */
LEV_API lev_status lev_packel_indices(const lev_network *net, uint32_t resource, lev_params *p, double *deegan_packel,
                                      double *holler_packel);

/**
 * @brief The cheapest alliance that reaches the quota: the fewest actors, or the least total
 * cost, whose holdings win — whom to win over?
 *
 * With `cost_resource` LEV_NONE every actor costs 1 (the fewest actors); otherwise an actor's
 * cost is its holding of `cost_resource` (what it takes to win it over). Among alliances of
 * equal cost the smaller wins. Methods (`*method`):
 * - plain game, fewest actors: the heaviest actors first (equal holdings by index), exact;
 * - plain game with costs, whole weights and n·(Q + 1) bits + 16·(Q + 1) bytes within
 *   LEV_P_MEMORY_LIMIT: a 0/1 knapsack over the weights capped at the quota, exact;
 *   otherwise greedy by holdings per unit of cost, then dropping the members (least attractive
 *   first) whose holdings are not needed: LEV_COALITION_HEURISTIC;
 * - LEV_P_CONNECTED (the alliance must be connected in the influence network read undirected)
 *   and at most LEV_P_ENUM_LIMIT actors: every connected coalition enumerated, exact (equal
 *   cost and size: the lowest bit mask of actor indices);
 * - LEV_P_CONNECTED with more actors: from each of the 32 heaviest actors, grow the alliance
 *   through its ties, taking the frontier actor of most holdings per unit of cost (equal ones
 *   by index) until the quota, then drop the members, last taken first, whose removal leaves it
 *   connected and winning; the cheapest of these (a node-weighted Steiner-type search, done
 *   greedily): LEV_COALITION_HEURISTIC.
 * When no alliance reaches the quota (all holdings together fall short, or no connected part
 * does) the call succeeds with `*len` 0 and `*total_cost` +infinity. Members are listed by
 * increasing index. Too small a `cap` gives LEV_ERANGE with the size in `*len`; `cap` 0 asks
 * for it, recording no message.
 * @param[in]  net           The network; not changed (its compact form may be built).
 * @param[in]  resource      The resource whose holdings are the votes.
 * @param[in]  cost_resource The resource whose holdings are the costs, or LEV_NONE.
 * @param[in]  p             Options or NULL: LEV_P_QUOTA, LEV_P_QUOTA_FRACTION,
 *   LEV_P_CONNECTED, LEV_P_ENUM_LIMIT, LEV_P_MEMORY_LIMIT; progress callback.
 * @param[in]  cap           Room in members.
 * @param[out] members       Caller-owned, length cap; may be NULL if cap is 0.
 * @param[out] len           Receives the alliance's size (also on LEV_ERANGE).
 * @param[out] total_cost    Receives its cost (its size with LEV_NONE), or NULL.
 * @param[out] method        Receives a lev_coalition_method, or NULL.
 * @return LEV_OK, LEV_EMISUSE (net or len NULL; cap > 0 with members NULL), LEV_EINVAL
 *   (resource or cost_resource), LEV_ERANGE, LEV_ECANCELLED, LEV_ENOMEM. Outputs written only
 *   on LEV_OK.
 * @par Contract
 *   reads net · O(V) scratch, the knapsack's n·Q bits or 2^n bytes (enumeration) ·
 *   single-threaded · deterministic.
 * @par Complexity
 *   O(V log V) fewest; O(n·Q) knapsack; O(2^n·n) enumeration; greedy connected
 *   O(32·(k·(k + E_k) + (V + E) log V)) for alliances of k actors with E_k ties among them.
 * @par Reference
 *   Myerson (1977); Kellerer, H., Pferschy, U. & Pisinger, D. (2004). Knapsack Problems.
 *   Springer (the min-cost covering knapsack).
 * @since 0.1
 */
LEV_API lev_status lev_cheapest_alliance(const lev_network *net, uint32_t resource, uint32_t cost_resource,
                                         lev_params *p, size_t cap, uint32_t *members, size_t *len,
                                         double *total_cost, int *method);

/** @} */

/**
 * @defgroup campaigns Campaigns: diffusion and influence maximization
 * @brief How far does a campaign spread from its first recruits, and whom to recruit first?
 *
 * A campaign starts from seed actors and spreads along influence edges (source → target: the
 * source can win the target over) under one of two classic models (LEV_P_MODEL):
 * Independent Cascade, where each newly active actor gets one chance per out-edge, with the
 * edge's probability (LEV_P_PROBABILITY: its strength, weighted cascade 1/in-degree of the
 * target, or a constant), and Linear Threshold, where an actor joins once the active share of
 * its incoming strength reaches its random threshold. LEV_P_UNDIRECTED is ignored: influence
 * follows the edges' direction. Parallel edges are independent chances (IC) or add their
 * strengths (LT); a self-loop never matters. Both functions are seeded (LEV_P_SEED) and give
 * bit-identical results for any LEV_P_THREADS. See @ref guide_campaigns for definitions, a
 * worked example and the validation.
 * @{
 */

/**
 * @brief Expected spread of a seed set by Monte Carlo: "if these actors start, how many join?"
 *
 * Runs LEV_P_RUNS independent forward simulations of the model from the seeds (which count as
 * active) and reports the mean number of active actors at the end, its standard error
 * s/√runs (s the sample standard deviation; 0 with one run), the 95% normal confidence
 * interval mean ± 1.96·se, and the share of runs in which each actor ended active. Run r
 * draws from its own random stream made from LEV_P_SEED and r alone, and the runs' counts are
 * added in a fixed order, so the answer is bit-identical for any LEV_P_THREADS. No seed (nseeds
 * 0) gives spread 0.
 * @param[in]  net    The network; not changed.
 * @param[in]  seeds  Indices of the seed actors, distinct, each < lev_actor_count(net); copied
 *   on entry; may be NULL when nseeds is 0.
 * @param[in]  nseeds Number of seeds.
 * @param[in]  p      Options or NULL: LEV_P_MODEL, LEV_P_PROBABILITY,
 *   LEV_P_CONSTANT_PROBABILITY, LEV_P_WEIGHTED (LT), LEV_P_RUNS, LEV_P_SEED, LEV_P_THREADS;
 *   progress callback (on the calling thread, ending at 1).
 * @param[out] spread Receives the mean number of active actors (seeds included).
 * @param[out] se     Receives its standard error; may be NULL.
 * @param[out] ci95   Caller-owned, 2 entries: the 95% interval's low and high end; may be NULL.
 * @param[out] prob   Caller-owned, length lev_actor_count(net): each actor's activation
 *   probability (1 for a seed); may be NULL.
 * @return LEV_OK, LEV_EMISUSE (net or spread NULL, or seeds NULL with nseeds > 0), LEV_EINVAL
 *   (a seed out of range or repeated; with LEV_PROB_STRENGTH an edge whose strength is above 1:
 *   the message names the edge), LEV_ECANCELLED, LEV_ENOMEM. Outputs written only on LEV_OK.
 * @par Contract
 *   reads net · per thread 4 V integers and, for LT, 2 V doubles of scratch; V 8-byte counters
 *   per thread when prob is given; 16 bytes per 256 runs · parallel (OpenMP) over runs ·
 *   bit-identical for any LEV_P_THREADS · cancellable between batches of runs.
 * @par Complexity
 *   O(runs · (V_a + E_a)) for V_a actors activated and E_a their out-edges per run.
 * @par Reference
 *   Kempe, D., Kleinberg, J. & Tardos, É. (2003). Maximizing the spread of influence through a
 *   social network. KDD 2003, 137–146. doi:10.1145/956750.956769
 * @since 0.1
 */
LEV_API lev_status lev_spread(const lev_network *net, const uint32_t *seeds, size_t nseeds, lev_params *p,
                              double *spread, double *se, double *ci95, double *prob);

/**
 * @brief The k seeds that reach the most actors: "whom do we win over first?"
 *
 * Influence maximization by reverse-reachable (RR) sampling with OPIM-C's stopping rule: an RR
 * set is the set of actors that would have activated a random root (drawn uniformly from all
 * actors, or from the target group, LEV_P_TARGET_GROUP) in a random live-edge sample, so
 * n·(share of RR sets a seed set touches) estimates its expected spread. Two independent
 * collections are drawn; seeds are chosen greedily on the first, their spread is bounded below
 * on the second and the optimum above on the first, and the collections double until the
 * certified ratio reaches 1 − 1/e − LEV_P_SEEDS_EPSILON or their size reaches OPIM-C's θ_max,
 * where the guarantee holds with probability at least 1 − 1/n (n actors). `ratio` receives the
 * ratio actually certified, with the same probability: the seeds' expected spread is at least
 * ratio × the best possible among the sets allowed.
 *
 * Constraints: `rule[v]` (lev_seed_rule) makes an actor required (picked first, in index
 * order) or excluded; the optimum compared against is then the best k-set containing every
 * required actor and no excluded one. With LEV_P_BUDGET B > 0 the seeds are chosen by cost:
 * the cost-benefit greedy (largest gain per unit cost that still fits), compared with the best
 * single affordable actor, keeping the better (Khuller, Moss & Naor 1999: a ½(1 − 1/e) factor of
 * the best set within the budget on the samples); the target ratio is then ½(1 − 1/e) − ε and the
 * certified ratio uses the bound "the optimum gains at most B × the largest gain per unit cost".
 * Required actors spend budget first. k still caps the number of seeds.
 *
 * Seeds are written in selection order; `gains[i]` is seed i's marginal gain (expected
 * actors newly reached, estimated on the second collection) and the gains add up to `spread`.
 * With a budget, selection stops when nothing affordable adds reach; otherwise k seeds are
 * picked whenever k actors are allowed (at gain 0 by lowest index once nothing adds reach).
 * @param[in]  net     The network; not changed.
 * @param[in]  k       Most seeds to pick, ≥ 1: the room in `seeds` and `gains`.
 * @param[in]  rule    Caller-owned, length lev_actor_count(net), lev_seed_rule values; NULL
 *   allows everyone.
 * @param[in]  cost    Caller-owned, length lev_actor_count(net): each actor's cost, finite and
 *   > 0; read only with LEV_P_BUDGET > 0 (then NULL costs 1 each).
 * @param[in]  p       Options or NULL: LEV_P_MODEL, LEV_P_PROBABILITY,
 *   LEV_P_CONSTANT_PROBABILITY, LEV_P_WEIGHTED (LT), LEV_P_SEEDS_EPSILON, LEV_P_BUDGET,
 *   LEV_P_TARGET_GROUP, LEV_P_SEED, LEV_P_THREADS; progress callback (on the calling thread,
 *   ending at 1).
 * @param[out] seeds   Caller-owned, length k: the seeds in selection order.
 * @param[out] gains   Caller-owned, length k: each seed's marginal gain; may be NULL.
 * @param[out] len     Receives the number of seeds picked (≤ k).
 * @param[out] spread  Receives the estimated expected spread (of the target group with
 *   LEV_P_TARGET_GROUP); may be NULL.
 * @param[out] ratio   Receives the approximation ratio certified (in [0, 1]); may be NULL.
 * @param[out] rr_sets Receives the number of RR sets drawn (both collections); may be NULL.
 * @param[out] rr_bytes Receives the bytes the RR sets and their index held at the end; may be NULL.
 * @return LEV_OK (an empty network gives len 0, spread 0, ratio 1), LEV_EMISUSE (net, seeds or
 *   len NULL), LEV_EINVAL (k 0; a rule value other than 0, 1, 2; more required actors than k or
 *   than the budget pays for; a cost not finite and > 0; a target group out of range or
 *   without actors; with LEV_PROB_STRENGTH an edge whose strength is above 1: each message
 *   names the entry), LEV_ECANCELLED, LEV_ENOMEM. Outputs written only on LEV_OK.
 * @par Contract
 *   reads net · the RR sets (4 bytes per member, 8 per set, twice for the index) and 8 V
 *   integers of scratch, plus V integers and a buffer of sets per extra thread, all freed on
 *   return · RR sets drawn in parallel (OpenMP, one thread per 4096 actors at most, each set
 *   from its own stream) and the greedy on the calling thread · bit-identical for any
 *   LEV_P_THREADS given LEV_P_SEED · cancellable between rounds.
 * @par Complexity
 *   O(θ · EPT + V + k log V) per round (lazy greedy over a heap; O(picks · V) with a budget)
 *   for θ RR sets of expected cost EPT (the edges an RR set
 *   examines; weighted cascade and constant probabilities skip geometrically over the in-edges
 *   that fail, as SUBSIM does, so a set costs its size rather than its in-edges), with
 *   θ ≤ θ_max = O((k ln n + ln n)·n / (ε²·OPT)).
 * @par Reference
 *   Tang, J., Tang, X., Xiao, X. & Yuan, J. (2018). Online processing algorithms for influence
 *   maximization. SIGMOD 2018, 991–1005. doi:10.1145/3183713.3183749 ·
 *   Borgs, C., Brautbar, M., Chayes, J. & Lucier, B. (2014). Maximizing social influence in
 *   nearly optimal time. SODA 2014. · Guo, Q., Wang, S., Wei, Z. & Chen, M. (2020). Influence
 *   maximization revisited: efficient reverse reachable set generation with bound tightened.
 *   SIGMOD 2020 (SUBSIM). · Khuller, S., Moss, A. & Naor, J. (1999). The budgeted maximum
 *   coverage problem. Inf. Process. Lett. 70(1), 39–45.
 * @since 0.1
 */
LEV_API lev_status lev_seeds(const lev_network *net, size_t k, const uint8_t *rule, const double *cost,
                             lev_params *p, uint32_t *seeds, double *gains, size_t *len, double *spread,
                             double *ratio, uint64_t *rr_sets, uint64_t *rr_bytes);

/** @} */

/**
 * @defgroup bypass_leverage Bypass of leverage: tie bypass, reliance, edge leverage
 * @brief Whose power collapses when others go around it, how much of it rests on one-way
 * ties, and which ties carry the most of everyone's power.
 *
 * Each function reads a score M chosen by LEV_P_BYPASS_MEASURE (PageRank by default; degree,
 * strength, betweenness, harmonic), computed with the call's own options (LEV_P_DIRECTION,
 * LEV_P_UNDIRECTED, LEV_P_WEIGHTED, LEV_P_DAMPING, LEV_P_NORMALIZED, …) exactly as the measure's
 * own function computes it. A *tie* is an ordered pair of actors (a, b) with at least one edge
 * record a → b: parallel records in any channel form one tie, of strength their sum; a → b and
 * b → a are two ties; a self-loop is a tie of its actor. Removing a tie removes all its records.
 * Ties are numbered in the order (source, target); where two ties give the same value the first
 * in that order wins. See @ref guide_bypass_leverage for the definitions, a worked example, the
 * methods and their accuracy.
 * @since 0.1
 * @{
 */

/**
 * @brief Tie bypass: how much of each actor's score survives when its costliest tie is gone.
 *
 * Answers "whose power collapses if people go around one of its ties?". For actor a and a tie t
 * touching a (either direction), M₋t(a) is a's score on the network without t; a's costliest
 * tie t* minimizes M₋t(a) and survives(a) = M₋t*(a) / M(a); fragility is 1 − survives. An actor
 * with M(a) = 0 or no tie has survives 1 and costliest tie LEV_NONE. survives may exceed 1
 * when every tie's removal raises a's score (PageRank can do that). With LEV_P_BYPASS_TIES k > 1
 * the k ties are removed greedily, one at a time, each the one that leaves a the lowest score;
 * survives is then the share left after all k (fewer when a has fewer ties) and the tie reported
 * is the first chosen.
 *
 * Methods: degree and strength subtract the tie's own part (O(1) per tie, any k). PageRank on a
 * directed network (LEV_P_UNDIRECTED 0) with k = 1 and LEV_P_DAMPING ≤ 0.99 uses a rank-one
 * (Sherman–Morrison) update whose unknowns are entries of rows of (I − d·P)⁻¹ estimated by local
 * backward push to residual LEV_P_BYPASS_RESIDUAL (error bound in @ref guide_bypass_leverage).
 * Every other case recomputes M exactly on the network without the tie(s), refused with
 * LEV_ELIMIT when the estimated work passes LEV_P_BYPASS_LIMIT.
 * @param[in]  net        The network; not changed (its compact form may be built).
 * @param[in]  p          Options or NULL: LEV_P_BYPASS_MEASURE, LEV_P_BYPASS_TIES,
 *   LEV_P_BYPASS_LIMIT, LEV_P_BYPASS_RESIDUAL, LEV_P_THREADS (the push), and the measure's own
 *   options; progress callback between blocks of work.
 * @param[out] score      Caller-owned, length lev_actor_count(net): M(a); or NULL.
 * @param[out] survives   Caller-owned, length lev_actor_count(net): survives(a) (a ratio).
 * @param[out] tie_source Caller-owned, length lev_actor_count(net): source of a's costliest tie,
 *   LEV_NONE when none; or NULL.
 * @param[out] tie_target As tie_source, its target; or NULL. All outputs written only on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or survives NULL); LEV_ELIMIT (exact recomputation past
 *   LEV_P_BYPASS_LIMIT); the measure's own failures (LEV_ENOCONV, …); LEV_ECANCELLED;
 *   LEV_ENOMEM. An empty network gives LEV_OK with nothing written.
 * @par Contract
 *   reads net · allocates O(V + E) scratch from net's allocator (the push: (2 doubles + 9
 *   bytes)·V per thread) · the push is parallel (OpenMP) and bit-identical for any
 *   LEV_P_THREADS · cancellable.
 * @par Complexity
 *   Degree, strength: O(V + E) (k > 1: O(Σ k·deg)). PageRank push: one solve, then one push per
 *   actor of cost Σ over the pushes of the walk in-degree of each actor pushed, at most
 *   O(E/((1 − d)·ε)) in total and far less in practice (R-MAT scale 16: bench/README.md); then
 *   O(E log E). Recomputation: one M per tie (k = 1) or per candidate per step (k > 1).
 * @par Reference
 *   Andersen, R., Borgs, C., Chayes, J., Hopcroft, J., Mirrokni, V. & Teng, S.-H. (2007). Local
 *   computation of PageRank contributions. WAW 2007, LNCS 4863. doi:10.1007/978-3-540-77004-6_12;
 *   Sherman, J. & Morrison, W. J. (1950). Ann. Math. Statist. 21(1).
 * @since 0.1
 */
LEV_API lev_status lev_tie_bypass(const lev_network *net, lev_params *p, double *score, double *survives,
                                  uint32_t *tie_source, uint32_t *tie_target);

/**
 * @brief Leverage reliance: the share of each actor's power that does not rest on reciprocated
 * ties, and the power-weighted figure of the network.
 *
 * Answers "whose power rests on one-way dependence?". R is the network of reciprocated ties: a
 * tie a → b is kept, with strength min(w(a → b), w(b → a)) (tie strengths, summed over
 * records), when both directions exist, and dropped otherwise; a self-loop is kept. When M
 * counts records (degree, or LEV_P_WEIGHTED 0) a kept pair has min(n(a → b), n(b → a)) records
 * instead. With LEV_P_UNDIRECTED 1 every tie is reciprocated and R is the network itself.
 * reliance(a) = max(0, 1 − M_R(a) / M(a)) for M(a) > 0, else 0, with M_R the measure on R
 * with the same options. The network's reliance is Σ M(a)·reliance(a) / Σ M(a) (0 when
 * Σ M = 0).
 * @param[in]  net       The network; not changed (its compact form may be built).
 * @param[in]  p         Options or NULL: LEV_P_BYPASS_MEASURE and the measure's own options.
 * @param[out] per_actor Caller-owned, length lev_actor_count(net): reliance(a) in [0, 1].
 * @param[out] network   Receives the network's reliance; or NULL. Both written only on LEV_OK
 *   (an empty network: per_actor untouched, *network = 0).
 * @return LEV_OK; LEV_EMISUSE (net or per_actor NULL); the measure's own failures;
 *   LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V + E) scratch from net's allocator · as parallel as the measure.
 * @par Complexity
 *   Two computations of M and O(V + E).
 * @par Reference
 *   Emerson, R. M. (1962). Power-dependence relations. Am. Sociol. Rev. 27(1).
 *   doi:10.2307/2089716
 * @since 0.1
 */
LEV_API lev_status lev_reliance(const lev_network *net, lev_params *p, double *per_actor, double *network);

/**
 * @brief Edge leverage: how much removing each tie moves everyone's scores, largest first.
 *
 * Answers "which ties carry the most of the network's power?". For each tie t, ‖M₋t − M‖₁,
 * the L1 distance between the scores without t and with it. Degree and strength: the tie's own
 * part at each end (exact, O(1) per tie). The other measures: exact recomputation once per
 * tie, refused with LEV_ELIMIT when the estimated work passes LEV_P_BYPASS_LIMIT. Ties are
 * listed by leverage, largest first, equal values in tie order. Cap/len protocol: `cap` 0 asks
 * for the number of ties (LEV_ERANGE with *len, nothing recorded; LEV_OK with 0 when there is
 * none); a cap too small gives LEV_ERANGE with *len and a message; arrays untouched.
 * @param[in]  net      The network; not changed (its compact form may be built).
 * @param[in]  p        Options or NULL: LEV_P_BYPASS_MEASURE, LEV_P_BYPASS_LIMIT and the
 *   measure's own options; progress callback once per recomputation.
 * @param[in]  cap      Room in source, target and leverage.
 * @param[out] source   Caller-owned, cap entries: each tie's source (may be NULL when cap is 0).
 * @param[out] target   Caller-owned, cap entries: its target (may be NULL when cap is 0).
 * @param[out] leverage Caller-owned, cap entries: its leverage (may be NULL when cap is 0).
 * @param[out] len      Receives the number of ties written (or needed).
 * @return LEV_OK; LEV_EMISUSE (net or len NULL, an array NULL with cap > 0); LEV_ERANGE;
 *   LEV_ELIMIT; the measure's own failures; LEV_ECANCELLED; LEV_ENOMEM.
 * @par Contract
 *   reads net · O(V + E) scratch from net's allocator · as parallel as the measure · cancellable.
 * @par Complexity
 *   Degree, strength: O(V + E + T log T) for T ties. Others: T recomputations of M.
 * @par Reference
 *   Newman, M. E. J. (2010). Networks: An Introduction, ch. 7 (centrality under edge removal).
 * @since 0.1
 */
LEV_API lev_status lev_edge_leverage(const lev_network *net, lev_params *p, size_t cap, uint32_t *source,
                                     uint32_t *target, double *leverage, size_t *len);

/**
 * @brief Number of distinct channel labels of the network's edges.
 *
 * Channels are numbered 0 … count − 1 in the order their labels first appeared among the edges
 * added; an edge without a channel belongs to none.
 * @param[in] net The network, or NULL (0).
 * @return The number of channel labels.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API size_t lev_channel_count(const lev_network *net);

/**
 * @brief Label of channel c.
 * @param[in] net The network.
 * @param[in] c   Channel index, < lev_channel_count(net).
 * @return The label (borrowed, valid until the network is freed), or NULL when net is NULL or c
 *   is out of range.
 * @par Complexity
 *   O(1).
 * @since 0.1
 */
LEV_API const char *lev_channel_name(const lev_network *net, uint32_t c);

/**
 * @brief Channel bypass: the share of each actor's score that survives when a whole channel is
 * removed, and each actor's channel dependence.
 *
 * Answers "whose power rests on one kind of leverage (kinship, money, office…)?". For each
 * channel c (lev_channel_count()), every edge record of channel c is removed and M recomputed
 * exactly with the call's options: share[a·C + c] = M₋c(a) / M(a) (1 when M(a) = 0). a's channel
 * dependence is 1 − min over c of share[a·C + c] (0 when there is no channel). Edges without a
 * channel are never removed. The work, C recomputations of everyone's M, is refused with
 * LEV_ELIMIT past LEV_P_BYPASS_LIMIT.
 * @param[in]  net        The network; not changed (its compact form may be built).
 * @param[in]  p          Options or NULL: LEV_P_BYPASS_MEASURE, LEV_P_BYPASS_LIMIT and the
 *   measure's own options; progress callback once per channel.
 * @param[out] share      Caller-owned, lev_actor_count(net)·lev_channel_count(net) entries, row
 *   a holding actor a's share per channel (not read or written when there is no channel, but not
 *   NULL).
 * @param[out] dependence Caller-owned, length lev_actor_count(net); or NULL. Both written only
 *   on LEV_OK.
 * @return LEV_OK; LEV_EMISUSE (net or share NULL); LEV_ELIMIT; the measure's own failures;
 *   LEV_ECANCELLED; LEV_ENOMEM. An empty network gives LEV_OK with nothing written.
 * @par Contract
 *   reads net · O(V·C + E) scratch from net's allocator · as parallel as the measure ·
 *   cancellable.
 * @par Complexity
 *   O(E + V) to sort the records once, then C recomputations of M.
 * @par Reference
 *   As lev_tie_bypass(); multiplex view of channels: Kivelä, M. et al. (2014). Multilayer
 *   networks. J. Complex Netw. 2(3). doi:10.1093/comnet/cnu016
 * @since 0.1
 */
LEV_API lev_status lev_channel_bypass(const lev_network *net, lev_params *p, double *share, double *dependence);

/** @} */

/**
 * @defgroup layout Drawing: a seeded force-directed layout
 *
 * Where should each actor go on a picture of the network? lev_layout() places every actor in the
 * unit square so that tied actors sit close and the rest spread out, with no Graphviz needed; the
 * `leverage report` command draws its network with it. docs/report.md has the details.
 * @{
 */

/** The most actors lev_layout() places: each step costs O(V²), so larger networks are refused
 *  with LEV_ELIMIT (draw a part of them, e.g. the top actors by influence, as `leverage report`
 *  does). @since 0.1 */
#define LEV_LAYOUT_MAX_ACTORS 10000u

/**
 * @brief A force-directed layout: where should each actor go on a drawing of the network?
 *
 * Fruchterman–Reingold: every pair of actors repels with force k²/d and every tie attracts its
 * two ends with force d²/k, where d is their distance and k = 1/√V the ideal distance in the unit
 * square. Actor i starts at a point drawn from its own random stream of (LEV_P_SEED, i); each of
 * LEV_P_LAYOUT_ITERATIONS steps moves every actor, from the previous step's positions alone, by
 * its net force capped at a temperature that falls linearly from 0.1 to 0, and keeps it in the
 * square. Ties count both ways, once per pair of actors: strengths, direction, channels,
 * parallel edges and self-loops do not matter. The drawing is then scaled uniformly (one factor
 * for both axes) and centred so that it spans [0, 1] along its longer side. The exact algorithm
 * (no grid or Barnes–Hut approximation): same seed, same bits, for any LEV_P_THREADS.
 * @param[in]  net The network; not changed (its compact form may be built). At most
 *   LEV_LAYOUT_MAX_ACTORS actors.
 * @param[in]  p   Options or NULL: LEV_P_LAYOUT_ITERATIONS, LEV_P_SEED, LEV_P_THREADS; progress
 *   callback every 16 steps and at the end (cancellable).
 * @param[out] xy  Caller-owned, 2·lev_actor_count(net) doubles: actor i at (xy[2i], xy[2i+1]),
 *   both in [0, 1] (unitless; y grows downwards as on a screen or upwards, as the caller draws
 *   it); written only on LEV_OK. A single actor is placed at (0.5, 0.5); an empty network gives
 *   LEV_OK with nothing written.
 * @return LEV_OK, LEV_EMISUSE (net or xy NULL), LEV_ELIMIT (more than LEV_LAYOUT_MAX_ACTORS
 *   actors), LEV_ECANCELLED, LEV_ENOMEM.
 * @par Contract
 *   reads net · the folded view (V offsets, up to 2 E ids) and 4 V doubles of scratch from
 *   net's allocator · parallel over the actors in each step (LEV_P_THREADS) · cancellable.
 * @par Complexity
 *   O(iterations · (V² + E)) time, O(V + E) memory.
 * @par Reference
 *   Fruchterman, T. M. J. & Reingold, E. M. (1991). Graph drawing by force-directed placement.
 *   Software: Practice and Experience 21(11), 1129–1164. doi:10.1002/spe.4380211102
 * @since 0.1
 */
LEV_API lev_status lev_layout(const lev_network *net, lev_params *p, double *xy);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* LEVERAGE_H */
