/*
 * The Lua 5.4 module `leverage`: a thin binding of include/leverage.h (types, errors, ownership).
 *
 * Conventions (see README.md):
 * - Lua indices are 1-based: actor, resource and edge i in Lua is i - 1 in C. Every argument that
 *   names an actor or resource takes its name or its index.
 * - A network is a full userdata ("leverage.Network") whose pointer is NULL until the C object
 *   exists, so it is safe to finalize from birth; __gc and __close free it. Its allocator is the
 *   lua_State's own (lua_getallocf), so the host sees every byte the library allocates.
 * - Library failures raise a Lua error whose message is the library's; it is raised only after
 *   the call's C resources are freed. Scratch memory is GC-owned userdata, so a Lua error raised
 *   anywhere (even "not enough memory") leaks nothing.
 * - Lua code never runs under a C frame of the library except the progress callback, which runs
 *   it under lua_pcall: a Lua error there cancels the call and is re-raised once it has returned.
 *
 * SPDX-License-Identifier: MIT
 */
#include "lleverage.h"

#include <lauxlib.h>
#include <lua.h>

#include <leverage.h>

#include <limits.h>
#include <stdint.h>
#include <string.h>

#if LUA_VERSION_NUM != 504
#error "the leverage module is written for Lua 5.4"
#endif

#define NET_MT "leverage.Network"
#define PARAMS_MT "leverage.Params"
#define SINK_MT "leverage.Sink"

typedef struct Net {
    lev_network *net; /* NULL before lev_network_new* and after close */
    int busy;         /* > 0 while an analysis with a progress callback runs on it */
} Net;

typedef struct Params {
    lev_params *p; /* NULL before lev_params_new and after close */
    int busy;      /* 1 while a call uses it */
} Params;

/* A byte sink for lev_write: grown with the state's allocator, never raising (no longjmp out of
 * the library's callback); GC-owned so that a later Lua error cannot leak it. */
typedef struct Sink {
    char *p;
    size_t n, cap;
    lua_Alloc f;
    void *ud;
    int oom;
} Sink;

/* ---- errors ---------------------------------------------------------------------------------- */

/* Raise the failure a mutating call recorded on the network. */
static int net_error(lua_State *L, const lev_network *net, lev_status rc) {
    const char *msg = lev_errmsg(net);
    return luaL_error(L, "%s", *msg ? msg : lev_strerror(rc));
}

/* ---- the network userdata ---------------------------------------------------------------------- */

static Net *checknet(lua_State *L, int i) {
    Net *u = luaL_checkudata(L, i, NET_MT);
    if (!u->net) luaL_argerror(L, i, "network is closed");
    return u;
}

/* For calls that change the network: refuse while an analysis of it runs. */
static Net *checknet_mut(lua_State *L, int i) {
    Net *u = checknet(L, i);
    if (u->busy) luaL_error(L, "leverage: the network cannot change while an analysis of it runs");
    return u;
}

static int new_net(lua_State *L, int use_malloc) {
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    Net *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->net = NULL; /* __gc-safe before the C object exists */
    u->busy = 0;
    luaL_setmetatable(L, NET_MT);
    lev_status rc = use_malloc ? lev_network_new(&u->net) : lev_network_new_with_alloc(&u->net, f, ud);
    return rc == LEV_OK ? 1 : luaL_error(L, "leverage: %s", lev_strerror(rc));
}

/* leverage.network([{malloc = true}]) -> net */
static int l_network(lua_State *L) {
    int use_malloc = 0;
    if (!lua_isnoneornil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 1)) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            if (strcmp(k, "malloc") != 0) return luaL_error(L, "leverage.network: unknown option '%s'", k);
            use_malloc = lua_toboolean(L, -1);
            lua_pop(L, 1);
        }
    }
    return new_net(L, use_malloc);
}

static int net_gc(lua_State *L) {
    Net *u = luaL_checkudata(L, 1, NET_MT);
    if (u->busy) return luaL_error(L, "leverage: cannot close a network while an analysis of it runs");
    lev_network_free(u->net);
    u->net = NULL;
    return 0;
}

static int net_tostring(lua_State *L) {
    Net *u = luaL_checkudata(L, 1, NET_MT);
    if (!u->net) {
        lua_pushfstring(L, "leverage.Network (closed): %p", (void *)u);
        return 1;
    }
    lua_pushfstring(L, "leverage.Network (%I actors, %I edges, %I resources): %p",
                    (lua_Integer)lev_actor_count(u->net), (lua_Integer)lev_edge_count(u->net),
                    (lua_Integer)lev_resource_count(u->net), (void *)u);
    return 1;
}

static int net_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lev_actor_count(checknet(L, 1)->net));
    return 1;
}

/* ---- argument translation ------------------------------------------------------------------------- */

/* A name or label: a string without zero bytes (the C API takes NUL-terminated text). */
static const char *checkname(lua_State *L, int i) {
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    if (strlen(s) != len) luaL_argerror(L, i, "contains a zero byte");
    return s;
}

static const char *optname(lua_State *L, int i) {
    return lua_isnoneornil(L, i) ? NULL : checkname(L, i);
}

/* A 1-based Lua index in 1..count, as a 0-based C index. */
static uint32_t checkindex(lua_State *L, int i, size_t count, const char *what) {
    lua_Integer k = luaL_checkinteger(L, i);
    if (k < 1 || (lua_Unsigned)k > count)
        luaL_argerror(L, i, lua_pushfstring(L, "%s index %I out of range 1..%I", what, k, (lua_Integer)count));
    return (uint32_t)(k - 1);
}

/* An actor given by name or 1-based index, as a 0-based index. */
static uint32_t checkactor(lua_State *L, const lev_network *net, int i) {
    if (lua_type(L, i) == LUA_TNUMBER) return checkindex(L, i, lev_actor_count(net), "actor");
    const char *name = checkname(L, i);
    uint32_t idx;
    if (lev_actor_find(net, name, &idx) != LEV_OK)
        luaL_argerror(L, i, lua_pushfstring(L, "unknown actor '%s'", name));
    return idx;
}

static uint32_t checkresource(lua_State *L, const lev_network *net, int i) {
    if (lua_type(L, i) == LUA_TNUMBER) return checkindex(L, i, lev_resource_count(net), "resource");
    const char *name = checkname(L, i);
    uint32_t idx;
    if (lev_resource_find(net, name, &idx) != LEV_OK)
        luaL_argerror(L, i, lua_pushfstring(L, "unknown resource '%s'", name));
    return idx;
}

/* A format: "edges" | "actors" | "resources" | "graphml" | "pajek" | "gml" | "json" | "dot", or a
 * raw lev_format value (passed through). */
static lev_format checkformat(lua_State *L, int i) {
    static const char *const names[] = {"edges", "actors", "resources", "graphml", "pajek", "gml", "json", "dot", NULL};
    static const lev_format codes[] = {LEV_FORMAT_EDGES_CSV, LEV_FORMAT_ACTORS_CSV, LEV_FORMAT_RESOURCES_CSV,
                                       LEV_FORMAT_GRAPHML, LEV_FORMAT_PAJEK, LEV_FORMAT_GML, LEV_FORMAT_JSON,
                                       LEV_FORMAT_DOT};
    if (lua_type(L, i) == LUA_TNUMBER) return (lev_format)luaL_checkinteger(L, i);
    return codes[luaL_checkoption(L, i, NULL, names)];
}

/* Push a string or nil. */
static void pushstr(lua_State *L, const char *s) {
    if (s) lua_pushstring(L, s);
    else lua_pushnil(L);
}

/* ---- module functions ---------------------------------------------------------------------------- */

/* leverage.version() -> library version string, library version number */
static int l_version(lua_State *L) {
    lua_pushstring(L, lev_version_string());
    lua_pushinteger(L, (lua_Integer)lev_version());
    return 2;
}

static int l_strerror(lua_State *L) {
    lua_pushstring(L, lev_strerror((lev_status)luaL_checkinteger(L, 1)));
    return 1;
}

static int l_status_name(lua_State *L) {
    lua_pushstring(L, lev_status_name((lev_status)luaL_checkinteger(L, 1)));
    return 1;
}

/* ---- actors ----------------------------------------------------------------------------------- */

/* net:add_actor(name [, group | {group = g}]) -> index */
static int m_add_actor(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    const char *name = checkname(L, 2);
    const char *group = NULL;
    if (lua_istable(L, 3)) {
        lua_pushnil(L);
        while (lua_next(L, 3)) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            if (strcmp(k, "group") != 0) return luaL_error(L, "add_actor: unknown field '%s'", k);
            lua_pop(L, 1);
        }
        lua_getfield(L, 3, "group");
        lua_replace(L, 3);
    }
    group = optname(L, 3);
    uint32_t idx;
    lev_status rc = lev_actor_add(u->net, name, group, &idx);
    if (rc) return net_error(L, u->net, rc);
    lua_pushinteger(L, (lua_Integer)idx + 1);
    return 1;
}

/* net:actor(name) -> index or nil */
static int m_actor(lua_State *L) {
    Net *u = checknet(L, 1);
    uint32_t idx;
    if (lev_actor_find(u->net, checkname(L, 2), &idx) == LEV_OK) lua_pushinteger(L, (lua_Integer)idx + 1);
    else lua_pushnil(L);
    return 1;
}

/* net:name(i) -> name */
static int m_name(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_pushstring(L, lev_actor_name(u->net, checkindex(L, 2, lev_actor_count(u->net), "actor")));
    return 1;
}

/* net:actors() -> {name1, name2, ...} */
static int m_actors(lua_State *L) {
    Net *u = checknet(L, 1);
    size_t n = lev_actor_count(u->net);
    lua_createtable(L, (int)(n < INT32_MAX ? n : INT32_MAX), 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, lev_actor_name(u->net, (uint32_t)i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* net:group(actor) -> group or nil */
static int m_group(lua_State *L) {
    Net *u = checknet(L, 1);
    pushstr(L, lev_actor_group(u->net, checkactor(L, u->net, 2)));
    return 1;
}

/* net:set_group(actor, group or nil) */
static int m_set_group(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    uint32_t i = checkactor(L, u->net, 2);
    lev_status rc = lev_actor_set_group(u->net, i, optname(L, 3));
    return rc ? net_error(L, u->net, rc) : 0;
}

/* ---- resources ------------------------------------------------------------------------------- */

static int m_add_resource(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    uint32_t idx;
    lev_status rc = lev_resource_add(u->net, checkname(L, 2), &idx);
    if (rc) return net_error(L, u->net, rc);
    lua_pushinteger(L, (lua_Integer)idx + 1);
    return 1;
}

static int m_resource(lua_State *L) {
    Net *u = checknet(L, 1);
    uint32_t idx;
    if (lev_resource_find(u->net, checkname(L, 2), &idx) == LEV_OK) lua_pushinteger(L, (lua_Integer)idx + 1);
    else lua_pushnil(L);
    return 1;
}

static int m_resources(lua_State *L) {
    Net *u = checknet(L, 1);
    size_t n = lev_resource_count(u->net);
    lua_createtable(L, (int)(n < INT32_MAX ? n : INT32_MAX), 0);
    for (size_t r = 0; r < n; r++) {
        lua_pushstring(L, lev_resource_name(u->net, (uint32_t)r));
        lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    return 1;
}

/* net:set_resource(actor, resource, holds, needs) */
static int m_set_resource(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    uint32_t i = checkactor(L, u->net, 2), r = checkresource(L, u->net, 3);
    lev_status rc = lev_actor_set_resource(u->net, i, r, luaL_checknumber(L, 4), luaL_checknumber(L, 5));
    return rc ? net_error(L, u->net, rc) : 0;
}

/* net:get_resource(actor, resource) -> holds, needs */
static int m_get_resource(lua_State *L) {
    Net *u = checknet(L, 1);
    uint32_t i = checkactor(L, u->net, 2), r = checkresource(L, u->net, 3);
    double holds, needs;
    lev_status rc = lev_actor_get_resource(u->net, i, r, &holds, &needs);
    if (rc) return luaL_error(L, "get_resource: %s", lev_strerror(rc)); /* records nothing on net */
    lua_pushnumber(L, holds);
    lua_pushnumber(L, needs);
    return 2;
}

/* Push the n values of v as a table keyed by actor name, or as an array when `array`. */
static void push_results(lua_State *L, const lev_network *net, const double *v, size_t n, int array) {
    int nn = (int)(n < INT32_MAX ? n : INT32_MAX);
    lua_createtable(L, array ? nn : 0, array ? 0 : nn);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, v[i]);
        if (array) lua_rawseti(L, -2, (lua_Integer)i + 1);
        else lua_setfield(L, -2, lev_actor_name(net, (uint32_t)i));
    }
}

/* Read {array = bool} from an optional table at i; any other field is an error. */
static int opt_array(lua_State *L, int i, const char *fn) {
    int array = 0;
    if (lua_isnoneornil(L, i)) return 0;
    luaL_checktype(L, i, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, i)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        if (strcmp(k, "array") != 0) return luaL_error(L, "%s: unknown option '%s'", fn, k);
        array = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    return array;
}

/* net:amounts(resource [, {array = true}]) -> holds, needs (keyed by actor name, or arrays) */
static int m_amounts(lua_State *L) {
    Net *u = checknet(L, 1);
    uint32_t r = checkresource(L, u->net, 2);
    int array = opt_array(L, 3, "amounts");
    size_t n = lev_actor_count(u->net);
    double *holds = lua_newuserdatauv(L, n * sizeof *holds, 0); /* GC-owned scratch */
    double *needs = lua_newuserdatauv(L, n * sizeof *needs, 0);
    lev_status rc = lev_resource_amounts(u->net, r, holds, needs);
    if (rc) return luaL_error(L, "amounts: %s", lev_strerror(rc)); /* records nothing on net */
    push_results(L, u->net, holds, n, array);
    push_results(L, u->net, needs, n, array);
    return 2;
}

/* ---- edges ------------------------------------------------------------------------------------ */

/* net:add_edge(source, target, strength [, channel]) -> edge index */
static int m_add_edge(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    double w = luaL_checknumber(L, 4);
    const char *chan = optname(L, 5);
    size_t idx;
    lev_status rc;
    if (lua_type(L, 2) == LUA_TSTRING && lua_type(L, 3) == LUA_TSTRING) {
        rc = lev_edge_add_by_name(u->net, checkname(L, 2), checkname(L, 3), w, chan, &idx);
    } else {
        uint32_t s = checkactor(L, u->net, 2), t = checkactor(L, u->net, 3);
        rc = lev_edge_add(u->net, s, t, w, chan, &idx);
    }
    if (rc) return net_error(L, u->net, rc);
    lua_pushinteger(L, (lua_Integer)idx + 1);
    return 1;
}

/* Entry k (1-based) of the table at i as an actor: a 1-based index or a name. */
static uint32_t table_actor(lua_State *L, int i, lua_Integer k, size_t n, const char *what) {
    uint32_t idx = 0;
    int ok = 0;
    lua_geti(L, i, k);
    if (lua_type(L, -1) == LUA_TNUMBER) {
        int isint;
        lua_Integer a = lua_tointegerx(L, -1, &isint);
        if (isint && a >= 1 && (lua_Unsigned)a <= n) idx = (uint32_t)(a - 1), ok = 1;
    } else if (lua_type(L, -1) == LUA_TSTRING) {
        ok = lev_actor_find(((Net *)lua_touserdata(L, 1))->net, lua_tostring(L, -1), &idx) == LEV_OK;
    }
    if (!ok)
        luaL_error(L, "add_edges: %s[%I] is not an actor index in 1..%I or a known actor name", what, k,
                   (lua_Integer)n);
    lua_pop(L, 1);
    return idx;
}

/* net:add_edges(sources, targets [, strengths [, channel]]) -> index of the first new edge.
 * sources, targets: sequences of actor indices or names; strengths: a sequence, or nil for 1. */
static int m_add_edges(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    int weighted = !lua_isnoneornil(L, 4);
    if (weighted) luaL_checktype(L, 4, LUA_TTABLE);
    const char *chan = optname(L, 5);
    lua_Unsigned count = lua_rawlen(L, 2);
    if (lua_rawlen(L, 3) != count || (weighted && lua_rawlen(L, 4) != count))
        return luaL_error(L, "add_edges: sources, targets and strengths must have the same length");
    size_t n = lev_actor_count(u->net);
    /* GC-owned scratch: a Lua error below frees it. */
    uint32_t *src = lua_newuserdatauv(L, (count ? count : 1) * sizeof *src, 0);
    uint32_t *tgt = lua_newuserdatauv(L, (count ? count : 1) * sizeof *tgt, 0);
    double *w = weighted ? lua_newuserdatauv(L, (count ? count : 1) * sizeof *w, 0) : NULL;
    for (lua_Unsigned k = 1; k <= count; k++) {
        src[k - 1] = table_actor(L, 2, (lua_Integer)k, n, "sources");
        tgt[k - 1] = table_actor(L, 3, (lua_Integer)k, n, "targets");
        if (weighted) {
            lua_geti(L, 4, (lua_Integer)k);
            int isnum;
            w[k - 1] = lua_tonumberx(L, -1, &isnum);
            if (!isnum) return luaL_error(L, "add_edges: strengths[%I] is not a number", (lua_Integer)k);
            lua_pop(L, 1);
        }
    }
    size_t first;
    lev_status rc = lev_edges_add(u->net, (size_t)count, src, tgt, w, chan, &first);
    if (rc) return net_error(L, u->net, rc);
    lua_pushinteger(L, (lua_Integer)first + 1);
    return 1;
}

static int m_edge_count(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lev_edge_count(checknet(L, 1)->net));
    return 1;
}

/* net:bytes() -> bytes the network holds now (lev_network_bytes) */
static int m_bytes(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lev_network_bytes(checknet(L, 1)->net));
    return 1;
}

/* net:edge(i) -> source index, target index, strength, channel or nil */
static int m_edge(lua_State *L) {
    Net *u = checknet(L, 1);
    size_t m = lev_edge_count(u->net);
    lua_Integer k = luaL_checkinteger(L, 2);
    if (k < 1 || (lua_Unsigned)k > m)
        return luaL_argerror(L, 2, lua_pushfstring(L, "edge index %I out of range 1..%I", k, (lua_Integer)m));
    uint32_t s, t;
    double w;
    const char *chan;
    lev_status rc = lev_edge_get(u->net, (size_t)(k - 1), &s, &t, &w, &chan);
    if (rc) return luaL_error(L, "edge: %s", lev_strerror(rc)); /* records nothing on net */
    lua_pushinteger(L, (lua_Integer)s + 1);
    lua_pushinteger(L, (lua_Integer)t + 1);
    lua_pushnumber(L, w);
    pushstr(L, chan);
    return 4;
}

/* A sequence of n 0-based indices as 1-based integers. */
static void push_index_seq(lua_State *L, const uint32_t *a, size_t n) {
    lua_createtable(L, n < INT_MAX ? (int)n : INT_MAX, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushinteger(L, (lua_Integer)a[i] + 1);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* net:edges([first [, count]]) -> sources, targets, strengths, channels: edges first ..
 * first + count - 1 (1-based; default all from first) as four sequences, actor indices
 * (1-based) and channel labels (false for none), in one call (lev_edges_get) */
static int m_edges(lua_State *L) {
    Net *u = checknet(L, 1);
    size_t m = lev_edge_count(u->net);
    lua_Integer first = luaL_optinteger(L, 2, 1);
    if (first < 1 || (lua_Unsigned)first > (lua_Unsigned)m + 1)
        return luaL_argerror(L, 2, lua_pushfstring(L, "first edge %I out of range 1..%I", first, (lua_Integer)m + 1));
    size_t left = m - (size_t)(first - 1);
    lua_Integer count = luaL_optinteger(L, 3, (lua_Integer)left);
    if (count < 0 || (lua_Unsigned)count > left)
        return luaL_argerror(L, 3, lua_pushfstring(L, "count %I: only %I edges from edge %I", count, (lua_Integer)left, first));
    size_t n = (size_t)count, k = n ? n : 1;
    uint32_t *src = lua_newuserdatauv(L, k * sizeof *src, 0); /* GC-owned scratch */
    uint32_t *tgt = lua_newuserdatauv(L, k * sizeof *tgt, 0);
    double *w = lua_newuserdatauv(L, k * sizeof *w, 0);
    uint32_t *ch = lua_newuserdatauv(L, k * sizeof *ch, 0);
    lev_status rc = lev_edges_get(u->net, (size_t)(first - 1), n, src, tgt, w, ch);
    if (rc) return net_error(L, u->net, rc);
    int hint = n < INT_MAX ? (int)n : INT_MAX;
    push_index_seq(L, src, n);
    push_index_seq(L, tgt, n);
    lua_createtable(L, hint, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, w[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_createtable(L, hint, 0);
    for (size_t i = 0; i < n; i++) {
        if (ch[i] == LEV_NONE) lua_pushboolean(L, 0);
        else lua_pushstring(L, lev_channel_name(u->net, ch[i]));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 4;
}

/* ---- reading and writing ------------------------------------------------------------------------ */

/* net:read(path, kind) -> net */
static int m_read(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    const char *path = checkname(L, 2);
    lev_status rc = lev_read_file(u->net, checkformat(L, 3), path, NULL);
    if (rc) return net_error(L, u->net, rc);
    lua_settop(L, 1);
    return 1;
}

/* net:read_string(text, kind [, name]) -> net */
static int m_read_string(lua_State *L) {
    Net *u = checknet_mut(L, 1);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    lev_format fmt = checkformat(L, 3);
    lev_status rc = lev_read_buffer(u->net, fmt, text, len, optname(L, 4), NULL);
    if (rc) return net_error(L, u->net, rc);
    lua_settop(L, 1);
    return 1;
}

/* leverage.read{actors = path, edges = path, resources = path} -> net (read in that order) */
static int l_read(lua_State *L) {
    static const char *const kinds[] = {"actors", "edges", "resources"};
    static const lev_format codes[] = {LEV_FORMAT_ACTORS_CSV, LEV_FORMAT_EDGES_CSV, LEV_FORMAT_RESOURCES_CSV};
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        if (strcmp(k, "actors") && strcmp(k, "edges") && strcmp(k, "resources"))
            return luaL_error(L, "leverage.read: unknown field '%s'", k);
        lua_pop(L, 1);
    }
    new_net(L, 0); /* at 2 */
    Net *u = lua_touserdata(L, 2);
    for (int i = 0; i < 3; i++) {
        lua_getfield(L, 1, kinds[i]); /* at 3 */
        if (!lua_isnil(L, 3)) {
            const char *path = checkname(L, 3);
            lev_status rc = lev_read_file(u->net, codes[i], path, NULL);
            if (rc) return net_error(L, u->net, rc); /* the network is GC-owned */
        }
        lua_pop(L, 1);
    }
    return 1;
}

static int sink_gc(lua_State *L) {
    Sink *s = luaL_checkudata(L, 1, SINK_MT);
    if (s->p) s->f(s->ud, s->p, s->cap, 0);
    s->p = NULL;
    s->n = s->cap = 0;
    return 0;
}

/* The lev_write_fn: never raises (no longjmp across the library); stops the write on OOM. */
static int sink_write(void *ud, const char *data, size_t len) {
    Sink *s = ud;
    if (len > s->cap - s->n) {
        size_t cap = s->cap ? s->cap : 1024;
        while (cap - s->n < len) {
            if (cap > SIZE_MAX / 2) {
                s->oom = 1;
                return 1;
            }
            cap *= 2;
        }
        char *p = s->f(s->ud, s->p, s->p ? s->cap : 0, cap);
        if (!p) {
            s->oom = 1;
            return 1;
        }
        s->p = p;
        s->cap = cap;
    }
    memcpy(s->p + s->n, data, len);
    s->n += len;
    return 0;
}

/* net:write(kind) -> string */
static int m_write(lua_State *L) {
    Net *u = checknet(L, 1);
    lev_format fmt = checkformat(L, 2);
    lua_settop(L, 2);
    Sink *s = lua_newuserdatauv(L, sizeof *s, 0); /* at 3 */
    memset(s, 0, sizeof *s);
    s->f = lua_getallocf(L, &s->ud);
    luaL_setmetatable(L, SINK_MT);
    lev_status rc = lev_write(u->net, fmt, sink_write, s);
    if (rc) {
        int oom = s->oom;
        lua_pushcfunction(L, sink_gc); /* free the bytes now, before raising */
        lua_pushvalue(L, 3);
        lua_call(L, 1, 0);
        if (oom) return luaL_error(L, "leverage: not enough memory for the written text");
        return net_error(L, u->net, rc);
    }
    lua_pushlstring(L, s->p ? s->p : "", s->n);
    lua_pushcfunction(L, sink_gc);
    lua_pushvalue(L, 3);
    lua_call(L, 1, 0);
    return 1;
}

/* net:write_file(path, kind) */
static int m_write_file(lua_State *L) {
    Net *u = checknet(L, 1);
    const char *path = checkname(L, 2);
    lev_status rc = lev_write_file(u->net, checkformat(L, 3), path);
    return rc ? net_error(L, u->net, rc) : 0;
}

/* The scores argument at i of write_scores: an array of {name, {v1, ..., vn}} pairs (n actors),
 * read into GC-owned userdata (names point into the table at i, which stays on the stack). */
static size_t checkscores(lua_State *L, int i, size_t n, const char ***names, double **vals) {
    luaL_checktype(L, i, LUA_TTABLE);
    size_t k = (size_t)luaL_len(L, i);
    *names = lua_newuserdatauv(L, (k ? k : 1) * sizeof **names, 0);
    *vals = lua_newuserdatauv(L, (k * n > 0 ? k * n : 1) * sizeof **vals, 0);
    for (size_t j = 0; j < k; j++) {
        lua_geti(L, i, (lua_Integer)j + 1);
        if (!lua_istable(L, -1)) luaL_argerror(L, i, "each score is a {name, values} pair");
        lua_geti(L, -1, 1);
        if (lua_type(L, -1) != LUA_TSTRING) luaL_argerror(L, i, "a score's name must be a string");
        (*names)[j] = lua_tostring(L, -1); /* anchored by the table at i */
        lua_pop(L, 1);
        lua_geti(L, -1, 2);
        if (!lua_istable(L, -1) || (size_t)luaL_len(L, -1) != n)
            luaL_argerror(L, i, lua_pushfstring(L, "score '%s' needs one value per actor (%d)", (*names)[j], (int)n));
        for (size_t a = 0; a < n; a++) {
            lua_geti(L, -1, (lua_Integer)a + 1);
            int isnum;
            (*vals)[j * n + a] = lua_tonumberx(L, -1, &isnum);
            if (!isnum) luaL_argerror(L, i, lua_pushfstring(L, "score '%s': value %d is not a number", (*names)[j], (int)a + 1));
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    return k;
}

/* net:write_scores(format, {{name, values}, ...}) -> string: scores as actor attributes */
static int m_write_scores(lua_State *L) {
    Net *u = checknet(L, 1);
    lev_format fmt = checkformat(L, 2);
    const char **names;
    double *vals;
    size_t k = checkscores(L, 3, lev_actor_count(u->net), &names, &vals);
    lua_settop(L, 5); /* keep the scores' userdata */
    Sink *s = lua_newuserdatauv(L, sizeof *s, 0); /* at 6 */
    memset(s, 0, sizeof *s);
    s->f = lua_getallocf(L, &s->ud);
    luaL_setmetatable(L, SINK_MT);
    lev_status rc = lev_write_scores(u->net, fmt, k, names, vals, sink_write, s);
    if (rc) {
        int oom = s->oom;
        lua_pushcfunction(L, sink_gc);
        lua_pushvalue(L, 6);
        lua_call(L, 1, 0);
        if (oom) return luaL_error(L, "leverage: not enough memory for the written text");
        return net_error(L, u->net, rc);
    }
    lua_pushlstring(L, s->p ? s->p : "", s->n);
    lua_pushcfunction(L, sink_gc);
    lua_pushvalue(L, 6);
    lua_call(L, 1, 0);
    return 1;
}

/* net:write_scores_file(path, format, {{name, values}, ...}) */
static int m_write_scores_file(lua_State *L) {
    Net *u = checknet(L, 1);
    const char *path = checkname(L, 2);
    lev_format fmt = checkformat(L, 3);
    const char **names;
    double *vals;
    size_t k = checkscores(L, 4, lev_actor_count(u->net), &names, &vals);
    lev_status rc = lev_write_scores_file(u->net, fmt, k, names, vals, path);
    return rc ? net_error(L, u->net, rc) : 0;
}

/* net:last_error() -> message, status name (of the last failure recorded on the network) */
static int m_last_error(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_pushstring(L, lev_errmsg(u->net));
    lua_pushstring(L, lev_status_name(lev_errcode(u->net)));
    return 2;
}

/* ---- options ------------------------------------------------------------------------------------ */

/* The key of the option named by the string (or raw key number) at i. */
static lev_param checkparam(lua_State *L, int i) {
    lev_param key;
    if (lua_type(L, i) == LUA_TNUMBER) {
        key = (lev_param)luaL_checkinteger(L, i);
        if (lev_param_info(key, NULL, NULL, NULL, NULL, NULL) != LEV_OK)
            luaL_error(L, "leverage: unknown option key %d", (int)key);
        return key;
    }
    const char *name = luaL_checkstring(L, i);
    if (lev_param_find(name, &key) != LEV_OK) luaL_error(L, "leverage: unknown option '%s'", name);
    return key;
}

/* The options whose values are enum constants, by value name (leverage.h: lev_direction,
 * lev_incrowd, lev_scope). */
static const char *const dir_names[] = {"out", "in", "all", NULL};
static const int dir_codes[] = {LEV_DIR_OUT, LEV_DIR_IN, LEV_DIR_ALL};
static const char *const incrowd_names[] = {"group", "core", NULL};
static const int incrowd_codes[] = {LEV_INCROWD_GROUP, LEV_INCROWD_CORE};
static const char *const scope_names[] = {"all", "neighbours", NULL};
static const int scope_codes[] = {LEV_SCOPE_ALL, LEV_SCOPE_NEIGHBOURS};
static const char *const kp_measure_names[] = {"reach", "dreach", "fragment", "dfragment", NULL};
static const int kp_measure_codes[] = {LEV_KP_REACH, LEV_KP_DREACH, LEV_KP_FRAGMENT, LEV_KP_DFRAGMENT};
static const char *const model_names[] = {"ic", "lt", NULL};
static const int model_codes[] = {LEV_MODEL_IC, LEV_MODEL_LT};
static const char *const prob_names[] = {"strength", "wc", "constant", NULL};
static const int prob_codes[] = {LEV_PROB_STRENGTH, LEV_PROB_WC, LEV_PROB_CONSTANT};
static const char *const bypass_measure_names[] = {"pagerank", "degree", "strength", "betweenness", "harmonic", NULL};
static const int bypass_measure_codes[] = {LEV_BYPASS_PAGERANK, LEV_BYPASS_DEGREE, LEV_BYPASS_STRENGTH,
                                           LEV_BYPASS_BETWEENNESS, LEV_BYPASS_HARMONIC};
static const struct {
    lev_param key;
    const char *const *names;
    const int *codes;
} enum_options[] = {
    {LEV_P_DIRECTION, dir_names, dir_codes},
    {LEV_P_INCROWD, incrowd_names, incrowd_codes},
    {LEV_P_SCOPE, scope_names, scope_codes},
    {LEV_P_KP_MEASURE, kp_measure_names, kp_measure_codes},
    {LEV_P_MODEL, model_names, model_codes},
    {LEV_P_PROBABILITY, prob_names, prob_codes},
    {LEV_P_BYPASS_MEASURE, bypass_measure_names, bypass_measure_codes},
};

/* Set option `key` to the Lua value at v; returns the library's status (message on p). Raises for
 * a value of the wrong Lua type: p is inside GC-owned userdata, so nothing leaks. */
static lev_status set_param(lua_State *L, lev_params *p, lev_param key, int v) {
    const char *name;
    int type;
    lev_param_info(key, &name, &type, NULL, NULL, NULL);
    if (type == LEV_TYPE_INT && lua_isboolean(L, v)) return lev_params_set_int(p, key, lua_toboolean(L, v));
    if (type == LEV_TYPE_INT && lua_type(L, v) == LUA_TSTRING)
        for (size_t k = 0; k < sizeof enum_options / sizeof enum_options[0]; k++)
            if (enum_options[k].key == key)
                return lev_params_set_int(p, key, enum_options[k].codes[luaL_checkoption(L, v, NULL, enum_options[k].names)]);
    if (lua_type(L, v) != LUA_TNUMBER)
        return luaL_error(L, "leverage: option '%s' takes a %s, not a %s", name,
                          type == LEV_TYPE_INT ? "whole number or boolean" : "number", luaL_typename(L, v));
    if (type == LEV_TYPE_INT && lua_isinteger(L, v)) return lev_params_set_int(p, key, lua_tointeger(L, v));
    return lev_params_set_double(p, key, lua_tonumber(L, v)); /* the library rejects a fraction for an int */
}

/* Push the current value of option `key` of p (NULL: the default), as an integer or a float. */
static void push_param(lua_State *L, const lev_params *p, lev_param key) {
    int type;
    lev_param_info(key, NULL, &type, NULL, NULL, NULL);
    if (type == LEV_TYPE_INT) {
        int64_t v;
        lev_params_get_int(p, key, &v);
        lua_pushinteger(L, (lua_Integer)v);
    } else {
        double v;
        lev_params_get_double(p, key, &v);
        lua_pushnumber(L, v);
    }
}

/* leverage.option(name or key) -> {name=, key=, type="int"|"double", min=, max=, default=} */
static int l_option(lua_State *L) {
    lev_param key = checkparam(L, 1);
    const char *name;
    int type;
    double lo, hi;
    lev_param_info(key, &name, &type, &lo, &hi, NULL);
    lua_createtable(L, 0, 6);
    lua_pushstring(L, name);
    lua_setfield(L, -2, "name");
    lua_pushinteger(L, (lua_Integer)key);
    lua_setfield(L, -2, "key");
    lua_pushstring(L, type == LEV_TYPE_INT ? "int" : "double");
    lua_setfield(L, -2, "type");
    lua_pushnumber(L, lo);
    lua_setfield(L, -2, "min");
    lua_pushnumber(L, hi);
    lua_setfield(L, -2, "max");
    push_param(L, NULL, key);
    lua_setfield(L, -2, "default");
    return 1;
}

static Params *checkparams(lua_State *L, int i) {
    Params *u = luaL_checkudata(L, i, PARAMS_MT);
    if (!u->p) luaL_argerror(L, i, "options are closed");
    return u;
}

/* Push a new Params userdata holding every default. Its memory, and the scratch of the
 * inequality functions given it, come from the state's allocator (lua_getallocf), as a
 * network's do, unless use_malloc. */
static Params *new_params_with(lua_State *L, int use_malloc) {
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    Params *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->p = NULL;
    u->busy = 0;
    luaL_setmetatable(L, PARAMS_MT);
    lev_status rc = use_malloc ? lev_params_new(&u->p) : lev_params_new_with_alloc(&u->p, f, ud);
    if (rc) luaL_error(L, "leverage: %s", lev_strerror(rc));
    return u;
}

static Params *new_params(lua_State *L) { return new_params_with(L, 0); }

static void free_params(Params *u) {
    lev_params_free(u->p);
    u->p = NULL;
}

static int params_gc(lua_State *L) {
    Params *u = luaL_checkudata(L, 1, PARAMS_MT);
    if (u->busy) return luaL_error(L, "leverage: cannot close options while a call uses them");
    free_params(u);
    return 0;
}

/* p:set(name, value) -> p */
static int p_set(lua_State *L) {
    Params *u = checkparams(L, 1);
    if (u->busy) return luaL_error(L, "leverage: cannot change options while a call uses them");
    lev_param key = checkparam(L, 2);
    luaL_checkany(L, 3);
    if (set_param(L, u->p, key, 3) != LEV_OK) return luaL_error(L, "%s", lev_params_errmsg(u->p));
    lua_settop(L, 1);
    return 1;
}

/* p:get(name) -> value */
static int p_get(lua_State *L) {
    Params *u = checkparams(L, 1);
    push_param(L, u->p, checkparam(L, 2));
    return 1;
}

/* p:reset() -> p: every option back to its default; message cleared */
static int p_reset(lua_State *L) {
    Params *u = checkparams(L, 1);
    if (u->busy) return luaL_error(L, "leverage: cannot change options while a call uses them");
    lev_params_reset(u->p);
    lua_settop(L, 1);
    return 1;
}

/* p:last_error() -> message, status name (of the last failure recorded on these options) */
static int p_last_error(lua_State *L) {
    Params *u = checkparams(L, 1);
    lua_pushstring(L, lev_params_errmsg(u->p));
    lua_pushstring(L, lev_status_name(lev_params_errcode(u->p)));
    return 2;
}

static int params_tostring(lua_State *L) {
    Params *u = luaL_checkudata(L, 1, PARAMS_MT);
    lua_pushfstring(L, u->p ? "leverage.Params: %p" : "leverage.Params (closed): %p", (void *)u);
    return 1;
}

/* ---- analyses: one call's options, progress and errors ----------------------------------------- */

/* The progress callback's context: the Lua function and where a Lua error is kept. */
typedef struct Progress {
    lua_State *L;
    int fn, errslot, failed;
} Progress;

/* The lev_progress_fn: calls the Lua function under lua_pcall (no longjmp across the library). A
 * Lua error cancels the call and is kept in errslot; a true result cancels it. */
static int progress_cb(void *ud, double done) {
    Progress *pg = ud;
    lua_State *L = pg->L;
    if (!lua_checkstack(L, 2)) return 1;
    lua_pushvalue(L, pg->fn);
    lua_pushnumber(L, done);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        lua_replace(L, pg->errslot);
        pg->failed = 1;
        return 1;
    }
    int cancel = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return cancel;
}

/* One analysis call: its network (NULL for the module's inequality functions), its options and
 * the binding's keys read from the options table. */
typedef struct Call {
    lua_State *L;
    const char *fname;
    Net *u;
    Params *pu;   /* the options the call runs on */
    lev_params *p;
    int owned;    /* pu was made for this call: freed as soon as it ends */
    int opts;     /* stack index of the options table, or 0 */
    int array;    /* array = true */
    int progress; /* progress = function */
    Progress pg;
    lev_params *last; /* the params of the last library call: where its failure is recorded */
} Call;

/* Read the options at stack index i: nil, a Params, or a table holding library options by name
 * (lev_param_find) and the binding's keys array, progress, params, plus `extra` (NULL-terminated:
 * keys the method reads itself from c->opts). An unknown key raises. */
static void call_begin(lua_State *L, Call *c, Net *u, int i, const char *fname, const char *const *extra) {
    memset(c, 0, sizeof *c);
    c->L = L;
    c->fname = fname;
    c->u = u;
    luaL_checkstack(L, 16, NULL);
    i = lua_absindex(L, i);
    Params *pu = NULL;
    if (luaL_testudata(L, i, PARAMS_MT)) {
        pu = checkparams(L, i);
    } else if (!lua_isnoneornil(L, i)) {
        luaL_checktype(L, i, LUA_TTABLE);
        c->opts = i;
        if (lua_getfield(L, i, "params") != LUA_TNIL) pu = checkparams(L, -1);
        lua_pop(L, 1); /* still referenced by the table */
    }
    c->owned = pu == NULL;
    if (c->owned) pu = new_params(L); /* stays on the stack, so GC-owned; freed eagerly at the end */
    else if (pu->busy) luaL_error(L, "%s: these options are in use by another call", fname);
    c->pu = pu;
    c->p = pu->p;
    if (!c->opts) return;
    lua_pushnil(L);
    while (lua_next(L, c->opts)) {
        if (lua_type(L, -2) != LUA_TSTRING) luaL_error(L, "%s: option names are strings", fname);
        const char *k = lua_tostring(L, -2);
        int skip = 0;
        for (const char *const *e = extra; e && *e; e++) skip |= !strcmp(k, *e);
        if (skip || !strcmp(k, "params")) {
            /* read by the method, or above */
        } else if (!strcmp(k, "array")) {
            c->array = lua_toboolean(L, -1);
        } else if (!strcmp(k, "progress")) {
            luaL_argexpected(L, lua_isfunction(L, -1), i, "function as progress");
            c->progress = 1;
        } else {
            lev_param key;
            if (lev_param_find(k, &key) != LEV_OK) luaL_error(L, "%s: unknown option '%s'", fname, k);
            if (set_param(L, c->p, key, lua_gettop(L)) != LEV_OK) {
                lua_pushstring(L, lev_params_errmsg(c->p));
                if (c->owned) free_params(pu);
                lua_error(L);
            }
        }
        lua_pop(L, 1);
    }
}

/* Around the library call(s): installs the progress callback on `p` (the call's params) and marks the network and options busy. Nothing that can raise may run
 * between call_enter and call_exit. */
static void call_enter_on(Call *c, lev_params *p) {
    lua_State *L = c->L;
    luaL_checkstack(L, 4, NULL); /* may raise: before anything is marked busy */
    if (c->progress) {
        c->pg.L = L;
        c->pg.failed = 0;
        lua_getfield(L, c->opts, "progress");
        c->pg.fn = lua_gettop(L);
        lua_pushnil(L);
        c->pg.errslot = lua_gettop(L);
        lev_params_set_progress(p, progress_cb, &c->pg);
    }
    if (c->u) c->u->busy++;
    c->pu->busy = 1;
    c->last = p;
}

static void call_exit_on(Call *c, lev_params *p) {
    if (c->u) c->u->busy--;
    c->pu->busy = 0;
    if (c->progress) lev_params_set_progress(p, NULL, NULL);
}

static void call_enter(Call *c) { call_enter_on(c, c->p); }
static void call_exit(Call *c) { call_exit_on(c, c->p); }



/* End the call: frees owned options; on failure raises the progress function's own error, or the
 * library's message (on the params), or the status text. */
static void call_end(Call *c, lev_status rc) {
    lua_State *L = c->L;
    const lev_params *p = c->last ? c->last : c->p;
    if (rc) {
        if (c->progress && c->pg.failed) lua_pushvalue(L, c->pg.errslot);
        else if (*lev_params_errmsg(p)) lua_pushstring(L, lev_params_errmsg(p));
        else lua_pushfstring(L, "%s: %s", c->fname, lev_strerror(rc));
    }
    if (c->owned) free_params(c->pu);
    if (rc) lua_error(L);
}

/* A boolean binding key of the options table (default `dflt` when absent). */
static int opt_bool(lua_State *L, const Call *c, const char *key, int dflt) {
    if (!c->opts) return dflt;
    int t = lua_getfield(L, c->opts, key);
    int v = t == LUA_TNIL ? dflt : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* GC-owned scratch of n elements of `size` bytes (the library writes results there). */
static void *scratch(lua_State *L, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) luaL_error(L, "leverage: result too large");
    return lua_newuserdatauv(L, n * size, 0);
}

static int int_size(size_t n) { return (int)(n < INT32_MAX ? n : INT32_MAX); }

/* Push n 0-based ids (components, communities) as 1-based ids, in a table keyed by actor name or
 * in an array. */
static void push_ids(lua_State *L, const lev_network *net, const uint32_t *v, size_t n, int array) {
    lua_createtable(L, array ? int_size(n) : 0, array ? 0 : int_size(n));
    for (size_t i = 0; i < n; i++) {
        lua_pushinteger(L, (lua_Integer)v[i] + 1);
        if (array) lua_rawseti(L, -2, (lua_Integer)i + 1);
        else lua_setfield(L, -2, lev_actor_name(net, (uint32_t)i));
    }
}

/* Push n doubles as an array. */
static void push_array(lua_State *L, const double *v, size_t n) {
    lua_createtable(L, int_size(n), 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Push n per-group doubles keyed by group label, or as an array. */
static void push_groups(lua_State *L, const lev_network *net, const double *v, size_t n, int array) {
    if (array) {
        push_array(L, v, n);
        return;
    }
    lua_createtable(L, 0, int_size(n));
    for (size_t g = 0; g < n; g++) {
        lua_pushnumber(L, v[g]);
        lua_setfield(L, -2, lev_group_name(net, (uint32_t)g));
    }
}

/* The value for actor i (0-based) in table t: t[name], else t[i + 1]; nil-typed when absent. */
static int get_actor_value(lua_State *L, int t, const lev_network *net, uint32_t i) {
    int type = lua_getfield(L, t, lev_actor_name(net, i));
    if (type != LUA_TNIL) return type;
    lua_pop(L, 1);
    return lua_geti(L, t, (lua_Integer)i + 1);
}

/* A per-actor vector of finite-or-not numbers from table t (keyed by name or an array; every
 * actor needs a value), as GC-owned scratch. */
static double *actor_vector(lua_State *L, int t, const lev_network *net, const char *fname, const char *what) {
    luaL_checktype(L, t, LUA_TTABLE);
    size_t n = lev_actor_count(net);
    double *x = scratch(L, n, sizeof *x);
    for (uint32_t i = 0; i < n; i++) {
        int type = get_actor_value(L, t, net, i);
        if (type == LUA_TNIL) luaL_error(L, "%s: no %s for actor '%s'", fname, what, lev_actor_name(net, i));
        if (type != LUA_TNUMBER)
            luaL_error(L, "%s: %s of '%s' is a %s, not a number", fname, what, lev_actor_name(net, i),
                       luaL_typename(L, -1));
        x[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    return x;
}

/* ---- per-actor measures: f(net, params, double out[n]) ------------------------------------------- */

typedef enum {
    A_DEGREE, A_STRENGTH, A_PAGERANK, A_CLOSENESS, A_HARMONIC, A_BETWEENNESS, A_BETWEENNESS_APPROX, A_KATZ,
    A_EIGENVECTOR, A_BONACICH, A_CONSTRAINT, A_EFFECTIVE_SIZE, A_EFFICIENCY, A_BURT_HIERARCHY, A_CORENESS,
    A_CLUSTERING, A_RECIPROCITY_ACTORS
} measure;

static const char *const measure_name[] = {
    "degree", "strength", "pagerank", "closeness", "harmonic", "betweenness", "betweenness_approx", "katz",
    "eigenvector", "bonacich", "constraint", "effective_size", "efficiency", "burt_hierarchy", "coreness",
    "clustering", "reciprocity_actors",
};

static lev_status run_measure(measure m, const lev_network *net, const double *pers, lev_params *p, double *out) {
    switch (m) {
    case A_DEGREE: return lev_degree(net, p, out);
    case A_STRENGTH: return lev_strength(net, p, out);
    case A_PAGERANK: return lev_pagerank(net, pers, p, out);
    case A_CLOSENESS: return lev_closeness(net, p, out);
    case A_HARMONIC: return lev_harmonic(net, p, out);
    case A_BETWEENNESS: return lev_betweenness(net, p, out);
    case A_BETWEENNESS_APPROX: return lev_betweenness_approx(net, p, out);
    case A_KATZ: return lev_katz(net, p, out);
    case A_EIGENVECTOR: return lev_eigenvector(net, p, out);
    case A_BONACICH: return lev_bonacich(net, p, out);
    case A_CONSTRAINT: return lev_constraint(net, p, out);
    case A_EFFECTIVE_SIZE: return lev_effective_size(net, p, out);
    case A_EFFICIENCY: return lev_efficiency(net, p, out);
    case A_BURT_HIERARCHY: return lev_burt_hierarchy(net, p, out);
    case A_CLUSTERING: return lev_clustering(net, p, out);
    case A_RECIPROCITY_ACTORS: return lev_reciprocity_actors(net, p, out);
    default: return lev_coreness(net, p, out);
    }
}

/* A sparse per-actor vector from the options field `key` (by name or 1-based index; actors left
 * out get 0), as GC-owned scratch; NULL when the field is absent. */
static double *sparse_vector(lua_State *L, const Call *c, const lev_network *net, const char *key) {
    if (!c->opts || lua_getfield(L, c->opts, key) == LUA_TNIL) return NULL;
    luaL_argexpected(L, lua_istable(L, -1), 2, key[0] == 'p' ? "table as personalization" : "table as dangling");
    int t = lua_gettop(L);
    size_t n = lev_actor_count(net);
    double *q = scratch(L, n, sizeof *q);
    for (size_t i = 0; i < n; i++) q[i] = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        uint32_t i;
        if (lua_type(L, -2) == LUA_TNUMBER) {
            lua_Integer k = lua_isinteger(L, -2) ? lua_tointeger(L, -2) : 0;
            if (k < 1 || (lua_Unsigned)k > n)
                luaL_error(L, "pagerank: %s: actor index %s out of range 1..%I", key, luaL_tolstring(L, -2, NULL),
                           (lua_Integer)n);
            i = (uint32_t)(k - 1);
        } else if (lua_type(L, -2) != LUA_TSTRING || lev_actor_find(net, lua_tostring(L, -2), &i) != LEV_OK) {
            luaL_error(L, "pagerank: %s: unknown actor '%s'", key, luaL_tolstring(L, -2, NULL));
        }
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "pagerank: %s of '%s' is a %s, not a number", key, lev_actor_name(net, i),
                       luaL_typename(L, -1));
        q[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    return q;
}

/* net:<measure>(opts) -> {name = score} or an array. PageRank also takes personalization =
 * {actor = weight, ...} (by name or index; actors left out get 0), and dangling = {...} in the
 * same form (lev_pagerank_dangling(): where the mass of dangling actors goes). */
static int per_actor(lua_State *L, measure m) {
    static const char *const pers_key[] = {"personalization", "dangling", NULL};
    const char *fname = measure_name[m];
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, fname, m == A_PAGERANK ? pers_key : NULL);
    size_t n = lev_actor_count(u->net);
    double *out = scratch(L, n, sizeof *out);
    double *q = NULL, *g = NULL;
    if (m == A_PAGERANK) {
        q = sparse_vector(L, &c, u->net, "personalization");
        g = sparse_vector(L, &c, u->net, "dangling");
    }
    call_enter(&c);
    lev_status rc = g ? lev_pagerank_dangling(u->net, q, g, c.p, out) : run_measure(m, u->net, q, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    return 1;
}

static int m_degree(lua_State *L) { return per_actor(L, A_DEGREE); }
static int m_strength(lua_State *L) { return per_actor(L, A_STRENGTH); }
static int m_pagerank(lua_State *L) { return per_actor(L, A_PAGERANK); }
static int m_closeness(lua_State *L) { return per_actor(L, A_CLOSENESS); }
static int m_harmonic(lua_State *L) { return per_actor(L, A_HARMONIC); }
static int m_betweenness(lua_State *L) { return per_actor(L, A_BETWEENNESS); }
static int m_betweenness_approx(lua_State *L) { return per_actor(L, A_BETWEENNESS_APPROX); }
static int m_katz(lua_State *L) { return per_actor(L, A_KATZ); }

/* net:betweenness_sampled(opts) -> scores, samples r, epsilon (lev_betweenness_sampled) */
static int m_betweenness_sampled(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "betweenness_sampled", NULL);
    size_t n = lev_actor_count(u->net);
    double *out = scratch(L, n, sizeof *out), eps = 0;
    uint64_t r = 0;
    call_enter(&c);
    lev_status rc = lev_betweenness_sampled(u->net, c.p, out, &r, &eps);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    lua_pushinteger(L, (lua_Integer)r);
    lua_pushnumber(L, eps);
    return 3;
}

/* net:closeness_top(k, opts), net:harmonic_top(k, opts) -> {{name, score}, ...}, best first */
static int top_k(lua_State *L, int harmonic) {
    Net *u = checknet(L, 1);
    lua_Integer k = luaL_checkinteger(L, 2);
    luaL_argcheck(L, k >= 0, 2, "k must be >= 0");
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, harmonic ? "harmonic_top" : "closeness_top", NULL);
    size_t n = lev_actor_count(u->net), m = (lua_Unsigned)k < n ? (size_t)k : n;
    uint32_t *ids = scratch(L, m ? m : 1, sizeof *ids);
    double *sc = scratch(L, m ? m : 1, sizeof *sc);
    call_enter(&c);
    lev_status rc = harmonic ? lev_harmonic_top(u->net, c.p, (size_t)k, ids, sc)
                             : lev_closeness_top(u->net, c.p, (size_t)k, ids, sc);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, int_size(m), 0);
    for (size_t i = 0; i < m; i++) {
        lua_createtable(L, 2, 0);
        lua_pushstring(L, lev_actor_name(u->net, ids[i]));
        lua_rawseti(L, -2, 1);
        lua_pushnumber(L, sc[i]);
        lua_rawseti(L, -2, 2);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int m_closeness_top(lua_State *L) { return top_k(L, 0); }
static int m_harmonic_top(lua_State *L) { return top_k(L, 1); }
static int m_eigenvector(lua_State *L) { return per_actor(L, A_EIGENVECTOR); }
static int m_bonacich(lua_State *L) { return per_actor(L, A_BONACICH); }
static int m_constraint(lua_State *L) { return per_actor(L, A_CONSTRAINT); }
static int m_effective_size(lua_State *L) { return per_actor(L, A_EFFECTIVE_SIZE); }
static int m_efficiency(lua_State *L) { return per_actor(L, A_EFFICIENCY); }
static int m_burt_hierarchy(lua_State *L) { return per_actor(L, A_BURT_HIERARCHY); }
static int m_coreness(lua_State *L) { return per_actor(L, A_CORENESS); }
static int m_clustering(lua_State *L) { return per_actor(L, A_CLUSTERING); }
static int m_reciprocity_actors(lua_State *L) { return per_actor(L, A_RECIPROCITY_ACTORS); }

/* net:edge_betweenness(opts) -> array indexed by edge (1-based, the order of net:edge(i)) */
static int m_edge_betweenness(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "edge_betweenness", NULL);
    size_t m = lev_edge_count(u->net);
    double *out = scratch(L, m, sizeof *out);
    call_enter(&c);
    lev_status rc = lev_edge_betweenness(u->net, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    push_array(L, out, m);
    return 1;
}

/* Table at i (a sequence of 1-based actor indices or names) into a scratch array; *len receives
 * its length. An entry that is neither raises an error naming the position. */
static uint32_t *actor_seq(lua_State *L, Net *u, int i, const char *fname, const char *what, size_t *len) {
    luaL_checktype(L, i, LUA_TTABLE);
    lua_Unsigned count = lua_rawlen(L, i);
    size_t n = lev_actor_count(u->net);
    uint32_t *v = scratch(L, count ? (size_t)count : 1, sizeof *v);
    for (lua_Unsigned k = 1; k <= count; k++) {
        int ok = 0;
        uint32_t idx = 0;
        lua_geti(L, i, (lua_Integer)k);
        if (lua_type(L, -1) == LUA_TNUMBER) {
            int isint;
            lua_Integer a = lua_tointegerx(L, -1, &isint);
            if (isint && a >= 1 && (lua_Unsigned)a <= n) idx = (uint32_t)(a - 1), ok = 1;
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            ok = lev_actor_find(u->net, lua_tostring(L, -1), &idx) == LEV_OK;
        }
        if (!ok)
            luaL_error(L, "%s: %s[%I] is not an actor index in 1..%I or a known actor name", fname, what,
                       (lua_Integer)k, (lua_Integer)n);
        lua_pop(L, 1);
        v[k - 1] = idx;
    }
    *len = (size_t)count;
    return v;
}

/* net:betweenness_subset(sources [, targets [, opts]]) -> per actor, like net:betweenness; sources
 * and targets are sequences of actors (1-based indices or names); targets nil = every actor. */
static int m_betweenness_subset(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 4);
    Call c;
    call_begin(L, &c, u, 4, "betweenness_subset", NULL);
    size_t ns = 0, nt = 0, n = lev_actor_count(u->net);
    uint32_t *src = actor_seq(L, u, 2, "betweenness_subset", "sources", &ns);
    uint32_t *tgt = lua_isnil(L, 3) ? NULL : actor_seq(L, u, 3, "betweenness_subset", "targets", &nt);
    double *out = scratch(L, n, sizeof *out);
    call_enter(&c);
    lev_status rc = lev_betweenness_subset(u->net, src, ns, tgt, nt, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    return 1;
}

/* net:closeness_subset(actors [, opts]) and net:harmonic_subset(actors [, opts]) -> the scores of
 * the listed actors only (1-based indices or names, each once), keyed by name, or with
 * {array = true} a sequence in the order given. */
static int subset_distance(lua_State *L, const char *fname, int harmonic) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, fname, NULL);
    size_t na = 0;
    uint32_t *act = actor_seq(L, u, 2, fname, "actors", &na);
    double *out = scratch(L, na ? na : 1, sizeof *out);
    call_enter(&c);
    lev_status rc = harmonic ? lev_harmonic_subset(u->net, act, na, c.p, out)
                             : lev_closeness_subset(u->net, act, na, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    int nn = (int)(na < INT32_MAX ? na : INT32_MAX);
    lua_createtable(L, c.array ? nn : 0, c.array ? 0 : nn);
    for (size_t i = 0; i < na; i++) {
        lua_pushnumber(L, out[i]);
        if (c.array) lua_rawseti(L, -2, (lua_Integer)i + 1);
        else lua_setfield(L, -2, lev_actor_name(u->net, act[i]));
    }
    return 1;
}
static int m_closeness_subset(lua_State *L) { return subset_distance(L, "closeness_subset", 0); }
static int m_harmonic_subset(lua_State *L) { return subset_distance(L, "harmonic_subset", 1); }

/* net:hits(opts) -> hubs, authorities */
static int m_hits(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "hits", NULL);
    size_t n = lev_actor_count(u->net);
    double *h = scratch(L, n, sizeof *h), *a = scratch(L, n, sizeof *a);
    call_enter(&c);
    lev_status rc = lev_hits(u->net, c.p, h, a);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, h, n, c.array);
    push_results(L, u->net, a, n, c.array);
    return 2;
}

/* ---- brokerage ---------------------------------------------------------------------------------- */

/* The columns of lev_brokerage()'s tables (lev_broker_role order). */
static const char *const broker_roles[LEV_BROKER_ROLES] = {
    [LEV_BROKER_COORDINATOR] = "coordinator", [LEV_BROKER_ITINERANT] = "itinerant",
    [LEV_BROKER_REPRESENTATIVE] = "representative", [LEV_BROKER_GATEKEEPER] = "gatekeeper",
    [LEV_BROKER_LIAISON] = "liaison", [LEV_BROKER_TOTAL] = "total",
};

/* net:brokerage(opts) -> {raw = {role = {name = v}}, expected = ..., sd = ..., z = ...}; with
 * array = true each role holds an array by actor index. */
static int m_brokerage(lua_State *L) {
    static const char *const tables[4] = {"raw", "expected", "sd", "z"};
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "brokerage", NULL);
    size_t n = lev_actor_count(u->net);
    double *t[4];
    for (int k = 0; k < 4; k++) t[k] = scratch(L, n, LEV_BROKER_ROLES * sizeof(double));
    call_enter(&c);
    lev_status rc = lev_brokerage(u->net, c.p, t[0], t[1], t[2], t[3]);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, 0, 4);
    for (int k = 0; k < 4; k++) {
        lua_createtable(L, 0, LEV_BROKER_ROLES);
        for (int r = 0; r < LEV_BROKER_ROLES; r++) {
            lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : int_size(n));
            for (size_t i = 0; i < n; i++) {
                lua_pushnumber(L, t[k][i * LEV_BROKER_ROLES + (size_t)r]);
                if (c.array) lua_rawseti(L, -2, (lua_Integer)i + 1);
                else lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
            }
            lua_setfield(L, -2, broker_roles[r]);
        }
        lua_setfield(L, -2, tables[k]);
    }
    return 1;
}

/* ---- cohesion ----------------------------------------------------------------------------------- */

/* net:components(opts) -> {name = component} (1-based ids), count */
static int m_components(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "components", NULL);
    size_t n = lev_actor_count(u->net), count = 0;
    uint32_t *id = scratch(L, n, sizeof *id);
    call_enter(&c);
    lev_status rc = lev_components(u->net, c.p, id, &count);
    call_exit(&c);
    call_end(&c, rc);
    push_ids(L, u->net, id, n, c.array);
    lua_pushinteger(L, (lua_Integer)count);
    return 2;
}

/* net:communities(opts) -> {name = community} (1-based ids), count, modularity */
static int m_communities(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "communities", NULL);
    size_t n = lev_actor_count(u->net), count = 0;
    double q = 0;
    uint32_t *id = scratch(L, n, sizeof *id);
    call_enter(&c);
    lev_status rc = lev_communities(u->net, c.p, id, &count, &q);
    call_exit(&c);
    call_end(&c, rc);
    push_ids(L, u->net, id, n, c.array);
    lua_pushinteger(L, (lua_Integer)count);
    lua_pushnumber(L, q);
    return 3;
}

/* net:modularity(partition, opts) -> Q. partition: {name = label} or {label1, label2, ...}; labels
 * are any values (equal label, same community); every actor needs one. */
static int m_modularity(lua_State *L) {
    Net *u = checknet(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "modularity", NULL);
    size_t n = lev_actor_count(u->net);
    uint32_t *id = scratch(L, n, sizeof *id);
    lua_newtable(L); /* label -> dense id */
    int ids = lua_gettop(L);
    uint32_t next = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (get_actor_value(L, 2, u->net, i) == LUA_TNIL)
            return luaL_error(L, "modularity: no community for actor '%s'", lev_actor_name(u->net, i));
        lua_pushvalue(L, -1);
        if (lua_rawget(L, ids) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushinteger(L, next);
            lua_rawset(L, ids); /* pops the label copy and the id */
            id[i] = next++;
        } else {
            id[i] = (uint32_t)lua_tointeger(L, -1);
            lua_pop(L, 2);
        }
    }
    double q = 0;
    call_enter(&c);
    lev_status rc = lev_modularity(u->net, id, c.p, &q);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, q);
    return 1;
}

/* net:core_periphery(opts) -> coreness, fit */
static int m_core_periphery(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "core_periphery", NULL);
    size_t n = lev_actor_count(u->net);
    double *out = scratch(L, n, sizeof *out), fit = 0;
    call_enter(&c);
    lev_status rc = lev_core_periphery(u->net, c.p, out, &fit);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    lua_pushnumber(L, fit);
    return 2;
}

/* net:transitivity(opts) -> transitivity, average clustering */
static int m_transitivity(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "transitivity", NULL);
    double t = 0, a = 0;
    call_enter(&c);
    lev_status rc = lev_transitivity(u->net, c.p, &t, &a);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, t);
    lua_pushnumber(L, a);
    return 2;
}

/* ---- asymmetry and hierarchy -------------------------------------------------------------------- */

/* net:centralization([kind,] opts) -> value; kind "degree" (default) | "betweenness" | "closeness",
 * or a value of leverage.centralization; also opts.kind */
static int m_centralization(lua_State *L) {
    static const char *const kinds[] = {"degree", "betweenness", "closeness", NULL};
    static const int codes[] = {LEV_CENTRALIZATION_DEGREE, LEV_CENTRALIZATION_BETWEENNESS,
                                LEV_CENTRALIZATION_CLOSENESS};
    static const char *const kind_key[] = {"kind", NULL};
    Net *u = checknet(L, 1);
    if (lua_istable(L, 2) || luaL_testudata(L, 2, PARAMS_MT)) { /* (opts): no kind */
        lua_settop(L, 2);
        lua_pushnil(L);
        lua_insert(L, 2);
    }
    lua_settop(L, 3); /* 2: kind, 3: opts */
    Call c;
    call_begin(L, &c, u, 3, "centralization", kind_key);
    if (lua_isnil(L, 2) && c.opts) lua_getfield(L, c.opts, "kind"), lua_replace(L, 2);
    int kind = LEV_CENTRALIZATION_DEGREE;
    if (lua_type(L, 2) == LUA_TNUMBER) kind = (int)luaL_checkinteger(L, 2); /* passed through: the library checks */
    else if (!lua_isnil(L, 2)) kind = codes[luaL_checkoption(L, 2, NULL, kinds)];
    double out = 0;
    call_enter(&c);
    lev_status rc = lev_centralization(u->net, kind, c.p, &out);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, out);
    return 1;
}

/* net:reciprocity(opts) -> arc, weighted */
static int m_reciprocity(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "reciprocity", NULL);
    double arc = 0, w = 0;
    call_enter(&c);
    lev_status rc = lev_reciprocity(u->net, c.p, &arc, &w);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, arc);
    lua_pushnumber(L, w);
    return 2;
}

/* net:edge_repeats(opts) -> loops, first loop (1-based) or nil, repeats, first repeat or nil */
static int m_edge_repeats(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "edge_repeats", NULL);
    size_t n[4];
    call_enter(&c);
    lev_status rc = lev_edge_repeats(u->net, c.p, n, n + 1, n + 2, n + 3);
    call_exit(&c);
    call_end(&c, rc);
    for (int k = 0; k < 4; k++) {
        if (k % 2 && n[k] == SIZE_MAX) lua_pushnil(L);
        else lua_pushinteger(L, (lua_Integer)(n[k] + (k % 2)));
    }
    return 4;
}

/* net:sort_edges(opts): number the edges by source, then target (lev_edges_sort) */
static int m_sort_edges(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "sort_edges", NULL);
    call_enter(&c);
    lev_status rc = lev_edges_sort(u->net, c.p);
    call_exit(&c);
    call_end(&c, rc);
    return 0;
}

/* The dyad and triad census types, in the order of the library's outputs. */
static const char *const dyad_types[3] = {"mutual", "asymmetric", "null"};
static const char *const triad_types[16] = {"003",  "012",  "102",  "021D", "021U", "021C", "111D", "111U",
                                            "030T", "030C", "201",  "120D", "120U", "120C", "210",  "300"};

/* net:dyad_census(opts) -> {mutual =, asymmetric =, null =}; net:triad_census(opts) -> {["003"] =, ...} */
static int census(lua_State *L, int triads) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, triads ? "triad_census" : "dyad_census", NULL);
    uint64_t out[16] = {0};
    int k = triads ? 16 : 3;
    call_enter(&c);
    lev_status rc = triads ? lev_triad_census(u->net, c.p, out) : lev_dyad_census(u->net, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, 0, k);
    for (int i = 0; i < k; i++) {
        lua_pushinteger(L, (lua_Integer)out[i]);
        lua_setfield(L, -2, triads ? triad_types[i] : dyad_types[i]);
    }
    return 1;
}

static int m_dyad_census(lua_State *L) { return census(L, 0); }
static int m_triad_census(lua_State *L) { return census(L, 1); }

/* Push an actor as its name, or its 1-based index with `array`. */
static void push_actor(lua_State *L, const lev_network *net, uint32_t i, int array) {
    if (array) lua_pushinteger(L, (lua_Integer)i + 1);
    else lua_pushstring(L, lev_actor_name(net, i));
}

/* net:asymmetry(opts) -> {{a, b, gap}, ...} largest gap first; a and b are names (indices with
 * array = true). The library's cap/len protocol (query, then fill) stays inside. */
static int m_asymmetry(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "asymmetry", NULL);
    size_t cap = 0, len = 0;
    uint32_t *a = NULL, *b = NULL;
    double *gap = NULL;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p; /* the length query (cap 0: records nothing), then the fill */
        call_enter_on(&c, p);
        rc = lev_asymmetry(u->net, p, cap, a, b, gap, &len);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len; /* allocate only outside the call: a Lua memory error must not leave it busy */
        a = scratch(L, cap, sizeof *a);
        b = scratch(L, cap, sizeof *b);
        gap = scratch(L, cap, sizeof *gap);
    }
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t k = 0; k < len; k++) {
        lua_createtable(L, 3, 0);
        push_actor(L, u->net, a[k], c.array);
        lua_rawseti(L, -2, 1);
        push_actor(L, u->net, b[k], c.array);
        lua_rawseti(L, -2, 2);
        lua_pushnumber(L, gap[k]);
        lua_rawseti(L, -2, 3);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    return 1;
}

/* net:krackhardt(opts) -> {connectedness =, hierarchy =, efficiency =, lubness =} */
static int m_krackhardt(lua_State *L) {
    static const char *const dims[4] = {[LEV_KRACKHARDT_CONNECTEDNESS] = "connectedness",
                                        [LEV_KRACKHARDT_HIERARCHY] = "hierarchy",
                                        [LEV_KRACKHARDT_EFFICIENCY] = "efficiency",
                                        [LEV_KRACKHARDT_LUBNESS] = "lubness"};
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "krackhardt", NULL);
    double out[4] = {0};
    call_enter(&c);
    lev_status rc = lev_krackhardt(u->net, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, 0, 4);
    for (int k = 0; k < 4; k++) {
        lua_pushnumber(L, out[k]);
        lua_setfield(L, -2, dims[k]);
    }
    return 1;
}

/* net:flow_hierarchy(opts) -> share */
static int m_flow_hierarchy(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "flow_hierarchy", NULL);
    double out = 0;
    call_enter(&c);
    lev_status rc = lev_flow_hierarchy(u->net, c.p, &out);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, out);
    return 1;
}

/* ---- power-dependence --------------------------------------------------------------------------- */

/* The resource argument at 2 (name or index; nil: all, LEV_NONE) and the options after it; a table
 * or Params at 2 is the options, for all resources. */
static uint32_t resource_arg(lua_State *L, const lev_network *net) {
    if (lua_istable(L, 2) || luaL_testudata(L, 2, PARAMS_MT)) {
        lua_settop(L, 2);
        lua_pushnil(L);
        lua_insert(L, 2);
    }
    lua_settop(L, 3);
    return lua_isnil(L, 2) ? LEV_NONE : checkresource(L, net, 2);
}

/* net:dependence([resource,] opts) -> {{dependent, on, dep, advantage}, ...} largest first */
static int m_dependence(lua_State *L) {
    Net *u = checknet(L, 1);
    uint32_t r = resource_arg(L, u->net);
    Call c;
    call_begin(L, &c, u, 3, "dependence", NULL);
    size_t cap = 0, len = 0;
    uint32_t *a = NULL, *b = NULL;
    double *dep = NULL, *adv = NULL;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p; /* the length query (cap 0: records nothing), then the fill */
        call_enter_on(&c, p);
        rc = lev_dependence(u->net, r, p, cap, a, b, dep, adv, &len);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len;
        a = scratch(L, cap, sizeof *a);
        b = scratch(L, cap, sizeof *b);
        dep = scratch(L, cap, sizeof *dep);
        adv = scratch(L, cap, sizeof *adv);
    }
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t k = 0; k < len; k++) {
        lua_createtable(L, 4, 0);
        push_actor(L, u->net, a[k], c.array);
        lua_rawseti(L, -2, 1);
        push_actor(L, u->net, b[k], c.array);
        lua_rawseti(L, -2, 2);
        lua_pushnumber(L, dep[k]);
        lua_rawseti(L, -2, 3);
        lua_pushnumber(L, adv[k]);
        lua_rawseti(L, -2, 4);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    return 1;
}

/* net:power_advantage([resource,] opts) -> per_actor, imbalance */
static int m_power_advantage(lua_State *L) {
    Net *u = checknet(L, 1);
    uint32_t r = resource_arg(L, u->net);
    Call c;
    call_begin(L, &c, u, 3, "power_advantage", NULL);
    size_t n = lev_actor_count(u->net);
    double *out = scratch(L, n, sizeof *out), imb = 0;
    call_enter(&c);
    lev_status rc = lev_power_advantage(u->net, r, c.p, out, &imb);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    lua_pushnumber(L, imb);
    return 2;
}

/* ---- coalitions over a resource ------------------------------------------------------------------- */

static const char *coalition_method_name(int m) {
    return m == LEV_COALITION_EXACT ? "exact" : m == LEV_COALITION_SAMPLED ? "sampled" : "heuristic";
}

/* net:voting_power(resource, opts) -> {banzhaf_raw, banzhaf, shapley, banzhaf_err, shapley_err
 * (each keyed by name, arrays with array = true), method = "exact" | "sampled"} */
static int m_voting_power(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    uint32_t r = checkresource(L, u->net, 2);
    Call c;
    call_begin(L, &c, u, 3, "voting_power", NULL);
    size_t n = lev_actor_count(u->net);
    double *v[5];
    for (int k = 0; k < 5; k++) v[k] = scratch(L, n, sizeof(double));
    int method = 0;
    call_enter(&c);
    lev_status rc = lev_voting_power(u->net, r, c.p, v[0], v[1], v[2], v[3], v[4], &method);
    call_exit(&c);
    call_end(&c, rc);
    static const char *const keys[] = {"banzhaf_raw", "banzhaf", "shapley", "banzhaf_err", "shapley_err"};
    lua_createtable(L, 0, 6);
    for (int k = 0; k < 5; k++) {
        push_results(L, u->net, v[k], n, c.array);
        lua_setfield(L, -2, keys[k]);
    }
    lua_pushstring(L, coalition_method_name(method));
    lua_setfield(L, -2, "method");
    return 1;
}

/* net:minimal_winning(resource, opts) -> {{member, ...}, ...}, count (NaN when unknown) */
static int m_minimal_winning(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    uint32_t r = checkresource(L, u->net, 2);
    Call c;
    call_begin(L, &c, u, 3, "minimal_winning", NULL);
    size_t cap = 0, len = 0;
    uint32_t *co = NULL, *ac = NULL;
    double count = 0;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p;
        call_enter_on(&c, p);
        rc = lev_minimal_winning(u->net, r, p, cap, co, ac, &len, &count);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len;
        co = scratch(L, cap, sizeof *co);
        ac = scratch(L, cap, sizeof *ac);
    }
    call_end(&c, rc);
    lua_newtable(L);
    lua_Integer k = 0, m = 0;
    for (size_t j = 0; j < len; j++) {
        if (j == 0 || co[j] != co[j - 1]) {
            if (j) lua_rawseti(L, -2, k);
            lua_newtable(L);
            k++;
            m = 0;
        }
        push_actor(L, u->net, ac[j], c.array);
        lua_rawseti(L, -2, ++m);
    }
    if (len) lua_rawseti(L, -2, k);
    lua_pushnumber(L, count);
    return 2;
}

/* net:packel_indices(resource, opts) -> deegan_packel, holler_packel */
static int m_packel_indices(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    uint32_t r = checkresource(L, u->net, 2);
    Call c;
    call_begin(L, &c, u, 3, "packel_indices", NULL);
    size_t n = lev_actor_count(u->net);
    double *dp = scratch(L, n, sizeof *dp), *hp = scratch(L, n, sizeof *hp);
    call_enter(&c);
    lev_status rc = lev_packel_indices(u->net, r, c.p, dp, hp);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, dp, n, c.array);
    push_results(L, u->net, hp, n, c.array);
    return 2;
}

/* net:cheapest_alliance(resource, [cost_resource,] opts) -> {member, ...}, cost, method
 * (no cost resource: the fewest actors; cost math.huge when no alliance reaches the quota) */
static int m_cheapest_alliance(lua_State *L) {
    Net *u = checknet(L, 1);
    if (lua_istable(L, 3) || luaL_testudata(L, 3, PARAMS_MT)) {
        lua_settop(L, 3);
        lua_pushnil(L);
        lua_insert(L, 3);
    }
    lua_settop(L, 4);
    uint32_t r = checkresource(L, u->net, 2);
    uint32_t cr = lua_isnil(L, 3) ? LEV_NONE : checkresource(L, u->net, 3);
    Call c;
    call_begin(L, &c, u, 4, "cheapest_alliance", NULL);
    size_t cap = 0, len = 0;
    uint32_t *mem = NULL;
    double cost = 0;
    int method = 0;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p;
        call_enter_on(&c, p);
        rc = lev_cheapest_alliance(u->net, r, cr, p, cap, mem, &len, &cost, &method);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len;
        mem = scratch(L, cap, sizeof *mem);
    }
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t k = 0; k < len; k++) {
        push_actor(L, u->net, mem[k], c.array);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_pushnumber(L, cost);
    lua_pushstring(L, coalition_method_name(method));
    return 3;
}

/* ---- bypass: unavoidable brokers ---------------------------------------------------------------- */

/* net:dominators(source, opts) -> {name = immediate dominator's name} for the actors source
 * reaches (source maps to itself); with array = true, 1-based indices, false when unreachable. */
static int m_dominators(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    uint32_t s = checkactor(L, u->net, 2);
    Call c;
    call_begin(L, &c, u, 3, "dominators", NULL);
    size_t n = lev_actor_count(u->net);
    uint32_t *idom = scratch(L, n, sizeof *idom);
    call_enter(&c);
    lev_status rc = lev_dominators(u->net, s, c.p, idom);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : 8);
    for (size_t i = 0; i < n; i++) {
        if (c.array) {
            if (idom[i] == LEV_NONE) lua_pushboolean(L, 0);
            else lua_pushinteger(L, (lua_Integer)idom[i] + 1);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        } else if (idom[i] != LEV_NONE) {
            lua_pushstring(L, lev_actor_name(u->net, idom[i]));
            lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
        }
    }
    return 1;
}

/* net:articulation_points(opts) -> {name, ...} in index order (1-based indices with array = true) */
static int m_articulation_points(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "articulation_points", NULL);
    size_t n = lev_actor_count(u->net);
    uint32_t *flag = scratch(L, n, sizeof *flag);
    call_enter(&c);
    lev_status rc = lev_articulation_points(u->net, c.p, flag);
    call_exit(&c);
    call_end(&c, rc);
    lua_newtable(L);
    lua_Integer k = 0;
    for (size_t i = 0; i < n; i++)
        if (flag[i]) {
            push_actor(L, u->net, (uint32_t)i, c.array);
            lua_rawseti(L, -2, ++k);
        }
    return 1;
}

/* net:bridges(opts) -> {{a, b}, ...} sorted, index a < b; names (1-based indices with array =
 * true). The cap/len protocol stays inside. */
static int m_bridges(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "bridges", NULL);
    size_t cap = 0, len = 0;
    uint32_t *a = NULL, *b = NULL;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p;
        call_enter_on(&c, p);
        rc = lev_bridges(u->net, p, cap, a, b, &len);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len; /* allocate only outside the call */
        a = scratch(L, cap, sizeof *a);
        b = scratch(L, cap, sizeof *b);
    }
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t k = 0; k < len; k++) {
        lua_createtable(L, 2, 0);
        push_actor(L, u->net, a[k], c.array);
        lua_rawseti(L, -2, 1);
        push_actor(L, u->net, b[k], c.array);
        lua_rawseti(L, -2, 2);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    return 1;
}

/* ---- opinion dynamics: DeGroot, Friedkin–Johnsen, pressure points ---------------------------------- */

/* net:degroot(opts) -> power, closed_class, periods, consensus: power {name = weight}; closed_class
 * {name = class (1-based)} for actors in a closed class (false with array = true for none);
 * periods {period of class 1, ...}; consensus true when one closed class of period 1. */
static int m_degroot(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "degroot", NULL);
    size_t n = lev_actor_count(u->net), k = 0;
    double *pw = scratch(L, n, sizeof *pw);
    uint32_t *cls = scratch(L, n, sizeof *cls), *per = scratch(L, n, sizeof *per);
    call_enter(&c);
    lev_status rc = lev_degroot(u->net, c.p, pw, cls, per, &k);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, pw, n, c.array);
    lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : 8);
    for (size_t i = 0; i < n; i++) {
        if (c.array) {
            if (cls[i] == LEV_NONE) lua_pushboolean(L, 0);
            else lua_pushinteger(L, (lua_Integer)cls[i] + 1);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        } else if (cls[i] != LEV_NONE) {
            lua_pushinteger(L, (lua_Integer)cls[i] + 1);
            lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
        }
    }
    lua_createtable(L, int_size(k), 0);
    for (size_t i = 0; i < k; i++) {
        lua_pushinteger(L, (lua_Integer)per[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_pushboolean(L, k == 1 && per[0] == 1);
    return 4;
}

/* net:degroot_limit(initial, opts) -> {name = final opinion}; initial keyed by name or an array */
static int m_degroot_limit(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "degroot_limit", NULL);
    size_t n = lev_actor_count(u->net);
    double *x0 = actor_vector(L, 2, u->net, "degroot_limit", "initial opinion");
    double *out = scratch(L, n, sizeof *out);
    call_enter(&c);
    lev_status rc = lev_degroot_limit(u->net, x0, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    return 1;
}

/* net:friedkin_johnsen(initial, susceptibility, opts) -> {name = equilibrium opinion} */
static int m_friedkin_johnsen(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 4);
    Call c;
    call_begin(L, &c, u, 4, "friedkin_johnsen", NULL);
    size_t n = lev_actor_count(u->net);
    double *x0 = actor_vector(L, 2, u->net, "friedkin_johnsen", "initial opinion");
    double *lam = actor_vector(L, 3, u->net, "friedkin_johnsen", "susceptibility");
    double *out = scratch(L, n, sizeof *out);
    call_enter(&c);
    lev_status rc = lev_friedkin_johnsen(u->net, x0, lam, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    return 1;
}

/* net:friedkin_johnsen_influence(susceptibility, opts) -> {name = total influence} */
static int m_friedkin_johnsen_influence(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "friedkin_johnsen_influence", NULL);
    size_t n = lev_actor_count(u->net);
    double *lam = actor_vector(L, 2, u->net, "friedkin_johnsen_influence", "susceptibility");
    double *out = scratch(L, n, sizeof *out);
    call_enter(&c);
    lev_status rc = lev_friedkin_johnsen_influence(u->net, lam, c.p, out);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    return 1;
}

/* net:opinion_pressure(initial, susceptibility, target, opts) -> actors, ties: actors {name =
 * ∂T/∂u}, ties {∂T/∂w of edge record 1, 2, ...}; target an actor, or nil/false for the mean. */
static int m_opinion_pressure(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 5);
    uint32_t t = lua_toboolean(L, 4) ? checkactor(L, u->net, 4) : LEV_NONE;
    Call c;
    call_begin(L, &c, u, 5, "opinion_pressure", NULL);
    size_t n = lev_actor_count(u->net), m = lev_edge_count(u->net);
    double *x0 = actor_vector(L, 2, u->net, "opinion_pressure", "initial opinion");
    double *lam = actor_vector(L, 3, u->net, "opinion_pressure", "susceptibility");
    double *sa = scratch(L, n, sizeof *sa), *st = scratch(L, m, sizeof *st);
    call_enter(&c);
    lev_status rc = lev_opinion_pressure(u->net, x0, lam, t, c.p, sa, st);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, sa, n, c.array);
    lua_createtable(L, int_size(m), 0);
    for (size_t e = 0; e < m; e++) {
        lua_pushnumber(L, st[e]);
        lua_rawseti(L, -2, (lua_Integer)e + 1);
    }
    return 2;
}

/* ---- control and key players ------------------------------------------------------------------ */

/* net:drivers(opts) -> {name, ...}: a minimum driver set, in index order (1-based indices with
 * array = true). The cap/len protocol stays inside. */
static int m_drivers(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "drivers", NULL);
    size_t cap = 0, len = 0;
    uint32_t *d = NULL;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p;
        call_enter_on(&c, p);
        rc = lev_drivers(u->net, p, cap, d, &len);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len; /* allocate only outside the call */
        d = scratch(L, cap, sizeof *d);
    }
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t k = 0; k < len; k++) {
        push_actor(L, u->net, d[k], c.array);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    return 1;
}

/* net:control_classes(opts) -> {name = "critical" | "intermittent" | "redundant"}; with array =
 * true an array of the codes (leverage.control_class) in index order */
static int m_control_classes(lua_State *L) {
    static const char *const names[] = {"critical", "intermittent", "redundant"};
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "control_classes", NULL);
    size_t n = lev_actor_count(u->net);
    uint32_t *cls = scratch(L, n ? n : 1, sizeof *cls);
    call_enter(&c);
    lev_status rc = lev_control_classes(u->net, c.p, cls);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : int_size(n));
    for (size_t i = 0; i < n; i++) {
        if (c.array) {
            lua_pushinteger(L, cls[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        } else {
            lua_pushstring(L, names[cls[i] - 1]);
            lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
        }
    }
    return 1;
}

/* net:keyplayers(k, opts) -> {name, ...} (index order; 1-based indices with array = true), score.
 * opts.kp_measure: "reach" (default), "dreach", "fragment", "dfragment". */
static int m_keyplayers(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_Integer k = luaL_checkinteger(L, 2);
    luaL_argcheck(L, k >= 0, 2, "k must be >= 0");
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "keyplayers", NULL);
    size_t n = lev_actor_count(u->net), m = (lua_Unsigned)k < n ? (size_t)k : n;
    uint32_t *set = scratch(L, m ? m : 1, sizeof *set);
    double score = 0;
    call_enter(&c);
    lev_status rc = lev_keyplayers(u->net, (size_t)k, c.p, set, &score);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, int_size(m), 0);
    for (size_t i = 0; i < m; i++) {
        push_actor(L, u->net, set[i], c.array);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_pushnumber(L, score);
    return 2;
}

/* net:keyplayer_score(actors, opts) -> the score of the set (names or 1-based indices) */
static int m_keyplayer_score(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "keyplayer_score", NULL);
    size_t count = 0;
    uint32_t *set = actor_seq(L, u, 2, "keyplayer_score", "actors", &count);
    double score = 0;
    call_enter(&c);
    lev_status rc = lev_keyplayer_score(u->net, set, count, c.p, &score);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, score);
    return 1;
}

/* ---- campaigns: diffusion and influence maximization --------------------------------------------- */

/* net:spread(seeds, opts) -> spread, se, low, high, {name = activation probability} (an array
 * with array = true); seeds: a sequence of actors (1-based indices or names) (lev_spread) */
static int m_spread(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "spread", NULL);
    size_t ns = 0, n = lev_actor_count(u->net);
    uint32_t *seeds = actor_seq(L, u, 2, "spread", "seeds", &ns);
    double *prob = scratch(L, n ? n : 1, sizeof *prob), sp = 0, se = 0, ci[2] = {0, 0};
    call_enter(&c);
    lev_status rc = lev_spread(u->net, seeds, ns, c.p, &sp, &se, ci, prob);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, sp);
    lua_pushnumber(L, se);
    lua_pushnumber(L, ci[0]);
    lua_pushnumber(L, ci[1]);
    push_results(L, u->net, prob, n, c.array);
    return 5;
}

/* net:seeds(k, opts) -> {seed, ...} in selection order (names; 1-based indices with array =
 * true), {gain, ...}, spread, ratio, rr_sets, rr_bytes (lev_seeds). Besides the library's
 * options, opts may hold required = {actors}, excluded = {actors}, cost = {name or index = cost}
 * (read with budget) and group = a group label. */
static const char *const seeds_keys[] = {"required", "excluded", "cost", "group", NULL};
static int m_seeds(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_Integer k = luaL_checkinteger(L, 2);
    luaL_argcheck(L, k >= 0, 2, "k must be >= 0");
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "seeds", seeds_keys);
    size_t n = lev_actor_count(u->net), m = (lua_Unsigned)k < n ? (size_t)k : n;
    uint8_t *rule = NULL;
    double *cost = NULL;
    if (c.opts) {
        /* Scratch and the fields read stay on the stack (GC-owned) until the method returns. */
        luaL_checkstack(L, 8, NULL);
        for (int w = 1; w <= 2; w++) {
            if (lua_getfield(L, c.opts, w == 1 ? "required" : "excluded") != LUA_TNIL) {
                size_t cnt = 0;
                uint32_t *a = actor_seq(L, u, lua_absindex(L, -1), "seeds", w == 1 ? "required" : "excluded", &cnt);
                if (!rule) {
                    rule = scratch(L, n ? n : 1, 1);
                    memset(rule, 0, n ? n : 1);
                }
                for (size_t i = 0; i < cnt; i++) rule[a[i]] = (uint8_t)(w == 1 ? LEV_SEED_REQUIRED : LEV_SEED_EXCLUDED);
            }
        }
        if (lua_getfield(L, c.opts, "cost") != LUA_TNIL) {
            int t = lua_absindex(L, -1);
            luaL_checktype(L, t, LUA_TTABLE);
            cost = scratch(L, n ? n : 1, sizeof *cost);
            for (size_t i = 0; i < n; i++) {
                int ty = lua_geti(L, t, (lua_Integer)i + 1);
                if (ty == LUA_TNIL) {
                    lua_pop(L, 1);
                    ty = lua_getfield(L, t, lev_actor_name(u->net, (uint32_t)i));
                }
                if (ty != LUA_TNUMBER)
                    luaL_error(L, "seeds: cost has no number for actor %I (%s)", (lua_Integer)i + 1,
                               lev_actor_name(u->net, (uint32_t)i));
                cost[i] = lua_tonumber(L, -1);
                lua_pop(L, 1);
            }
        }
        if (lua_getfield(L, c.opts, "group") != LUA_TNIL) {
            const char *g = luaL_checkstring(L, -1);
            size_t ng = lev_group_count(u->net), gi = 0;
            while (gi < ng && strcmp(lev_group_name(u->net, (uint32_t)gi), g) != 0) gi++;
            if (gi == ng) luaL_error(L, "seeds: no group '%s'", g);
            lev_params_set_int(c.p, LEV_P_TARGET_GROUP, (int64_t)gi);
        }
    }
    uint32_t *ids = scratch(L, m ? m : 1, sizeof *ids);
    double *gains = scratch(L, m ? m : 1, sizeof *gains), sp = 0, ratio = 0;
    size_t len = 0;
    uint64_t sets = 0, bytes = 0;
    call_enter(&c);
    lev_status rc = lev_seeds(u->net, (size_t)k, rule, cost, c.p, ids, gains, &len, &sp, &ratio, &sets, &bytes);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t i = 0; i < len; i++) {
        push_actor(L, u->net, ids[i], c.array);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_createtable(L, int_size(len), 0);
    for (size_t i = 0; i < len; i++) {
        lua_pushnumber(L, gains[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_pushnumber(L, sp);
    lua_pushnumber(L, ratio);
    lua_pushinteger(L, (lua_Integer)sets);
    lua_pushinteger(L, (lua_Integer)bytes);
    return 6;
}

/* ---- bypass of leverage: tie bypass, reliance, edge leverage ---------------------------------------- */

/* net:tie_bypass(opts) -> {name = {score = M, survives = s, tie = {source, target} or nil}};
 * with array = true an array of the same records by index, tie ends as 1-based indices. */
static int m_tie_bypass(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "tie_bypass", NULL);
    size_t n = lev_actor_count(u->net);
    double *score = scratch(L, n, sizeof *score), *surv = scratch(L, n, sizeof *surv);
    uint32_t *ts = scratch(L, n, sizeof *ts), *tt = scratch(L, n, sizeof *tt);
    call_enter(&c);
    lev_status rc = lev_tie_bypass(u->net, c.p, score, surv, ts, tt);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : int_size(n));
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        lua_pushnumber(L, score[i]);
        lua_setfield(L, -2, "score");
        lua_pushnumber(L, surv[i]);
        lua_setfield(L, -2, "survives");
        if (ts[i] != LEV_NONE) {
            lua_createtable(L, 2, 0);
            push_actor(L, u->net, ts[i], c.array);
            lua_rawseti(L, -2, 1);
            push_actor(L, u->net, tt[i], c.array);
            lua_rawseti(L, -2, 2);
            lua_setfield(L, -2, "tie");
        }
        if (c.array) lua_rawseti(L, -2, (lua_Integer)i + 1);
        else lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
    }
    return 1;
}

/* net:reliance(opts) -> {name = reliance} (array with array = true), network figure */
static int m_reliance(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "reliance", NULL);
    size_t n = lev_actor_count(u->net);
    double *out = scratch(L, n, sizeof *out), total = 0;
    call_enter(&c);
    lev_status rc = lev_reliance(u->net, c.p, out, &total);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, out, n, c.array);
    lua_pushnumber(L, total);
    return 2;
}

/* net:edge_leverage(opts) -> {{source, target, leverage}, ...} largest first (1-based indices with
 * array = true). The cap/len protocol stays inside. */
static int m_edge_leverage(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "edge_leverage", NULL);
    size_t cap = 0, len = 0;
    uint32_t *a = NULL, *b = NULL;
    double *v = NULL;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p;
        call_enter_on(&c, p);
        rc = lev_edge_leverage(u->net, p, cap, a, b, v, &len);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len; /* allocate only outside the call */
        a = scratch(L, cap, sizeof *a);
        b = scratch(L, cap, sizeof *b);
        v = scratch(L, cap, sizeof *v);
    }
    call_end(&c, rc);
    lua_createtable(L, int_size(len), 0);
    for (size_t k = 0; k < len; k++) {
        lua_createtable(L, 3, 0);
        push_actor(L, u->net, a[k], c.array);
        lua_rawseti(L, -2, 1);
        push_actor(L, u->net, b[k], c.array);
        lua_rawseti(L, -2, 2);
        lua_pushnumber(L, v[k]);
        lua_rawseti(L, -2, 3);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    return 1;
}

/* net:channels() -> {label1, label2, ...} in channel index order */
static int m_channels(lua_State *L) {
    Net *u = checknet(L, 1);
    size_t c = lev_channel_count(u->net);
    lua_createtable(L, int_size(c), 0);
    for (size_t k = 0; k < c; k++) {
        lua_pushstring(L, lev_channel_name(u->net, (uint32_t)k));
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    return 1;
}

/* net:channel_bypass(opts) -> {name = {channel = share}}, {name = dependence}; with array = true
 * rows by actor index, each an array by channel index. */
static int m_channel_bypass(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "channel_bypass", NULL);
    size_t n = lev_actor_count(u->net), k = lev_channel_count(u->net);
    double *sh = scratch(L, n * k > 0 ? n * k : 1, sizeof *sh), *dep = scratch(L, n, sizeof *dep);
    call_enter(&c);
    lev_status rc = lev_channel_bypass(u->net, c.p, sh, dep);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : int_size(n));
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, c.array ? int_size(k) : 0, c.array ? 0 : int_size(k));
        for (size_t j = 0; j < k; j++) {
            lua_pushnumber(L, sh[i * k + j]);
            if (c.array) lua_rawseti(L, -2, (lua_Integer)j + 1);
            else lua_setfield(L, -2, lev_channel_name(u->net, (uint32_t)j));
        }
        if (c.array) lua_rawseti(L, -2, (lua_Integer)i + 1);
        else lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
    }
    push_results(L, u->net, dep, n, c.array);
    return 2;
}

/* net:layout(opts) -> {name = {x, y}} (lev_layout: a seeded force-directed layout in [0, 1]^2);
 * with array = true {{x, y}, ...} in index order */
static int m_layout(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "layout", NULL);
    size_t n = lev_actor_count(u->net);
    double *xy = scratch(L, n ? 2 * n : 1, sizeof *xy);
    call_enter(&c);
    lev_status rc = lev_layout(u->net, c.p, xy);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, c.array ? int_size(n) : 0, c.array ? 0 : int_size(n));
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 2, 0);
        lua_pushnumber(L, xy[2 * i]);
        lua_rawseti(L, -2, 1);
        lua_pushnumber(L, xy[2 * i + 1]);
        lua_rawseti(L, -2, 2);
        if (c.array) lua_rawseti(L, -2, (lua_Integer)i + 1);
        else lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
    }
    return 1;
}

/* ---- groups --------------------------------------------------------------------------------------- */

/* net:group_count() -> number of group labels */
static int m_group_count(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lev_group_count(checknet(L, 1)->net));
    return 1;
}

/* net:groups() -> {label1, label2, ...} in group index order */
static int m_groups(lua_State *L) {
    Net *u = checknet(L, 1);
    size_t G = lev_group_count(u->net);
    lua_createtable(L, int_size(G), 0);
    for (size_t g = 0; g < G; g++) {
        lua_pushstring(L, lev_group_name(u->net, (uint32_t)g));
        lua_rawseti(L, -2, (lua_Integer)g + 1);
    }
    return 1;
}

/* net:actor_groups([{array = true}]) -> {name = label} (actors without a group absent); with array
 * = true an array of 1-based group indices, false for none */
static int m_actor_groups(lua_State *L) {
    Net *u = checknet(L, 1);
    int array = opt_array(L, 2, "actor_groups");
    size_t n = lev_actor_count(u->net);
    uint32_t *g = scratch(L, n, sizeof *g);
    lev_status rc = lev_actor_groups(u->net, g);
    if (rc) return luaL_error(L, "actor_groups: %s", lev_strerror(rc)); /* records nothing on net */
    lua_createtable(L, array ? int_size(n) : 0, 0);
    for (size_t i = 0; i < n; i++) {
        if (array) {
            if (g[i] == LEV_NONE) lua_pushboolean(L, 0);
            else lua_pushinteger(L, (lua_Integer)g[i] + 1);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        } else if (g[i] != LEV_NONE) {
            lua_pushstring(L, lev_group_name(u->net, g[i]));
            lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
        }
    }
    return 1;
}

/* net:group_influence(opts) -> matrix, actor_share, influence_share; matrix[from][to] keyed by
 * labels (array = true: by 1-based group index) */
static int m_group_influence(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "group_influence", NULL);
    size_t G = lev_group_count(u->net);
    if (G && G > SIZE_MAX / G) return luaL_error(L, "group_influence: too many groups");
    double *m = scratch(L, G * G, sizeof *m), *as = scratch(L, G, sizeof *as), *is = scratch(L, G, sizeof *is);
    call_enter(&c);
    lev_status rc = lev_group_influence(u->net, c.p, m, as, is);
    call_exit(&c);
    call_end(&c, rc);
    lua_createtable(L, c.array ? int_size(G) : 0, c.array ? 0 : int_size(G));
    for (size_t g = 0; g < G; g++) {
        push_groups(L, u->net, m + g * G, G, c.array);
        if (c.array) lua_rawseti(L, -2, (lua_Integer)g + 1);
        else lua_setfield(L, -2, lev_group_name(u->net, (uint32_t)g));
    }
    push_groups(L, u->net, as, G, c.array);
    push_groups(L, u->net, is, G, c.array);
    return 3;
}

/* net:ei_index(opts) -> per_group, overall */
static int m_ei_index(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "ei_index", NULL);
    size_t G = lev_group_count(u->net);
    double *per = scratch(L, G, sizeof *per), all = 0;
    call_enter(&c);
    lev_status rc = lev_ei_index(u->net, c.p, per, &all);
    call_exit(&c);
    call_end(&c, rc);
    push_groups(L, u->net, per, G, c.array);
    lua_pushnumber(L, all);
    return 2;
}

/* net:assortativity_groups(opts) -> r (nan when undefined) */
static int m_assortativity_groups(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "assortativity_groups", NULL);
    double r = 0;
    call_enter(&c);
    lev_status rc = lev_assortativity_groups(u->net, c.p, &r);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, r);
    return 1;
}

/* net:assortativity(score, opts) -> r; score: {name = x} or {x1, x2, ...}, every actor */
static int m_assortativity(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 3);
    Call c;
    call_begin(L, &c, u, 3, "assortativity", NULL);
    double *x = actor_vector(L, 2, u->net, "assortativity", "score"), r = 0;
    call_enter(&c);
    lev_status rc = lev_assortativity(u->net, x, c.p, &r);
    call_exit(&c);
    call_end(&c, rc);
    lua_pushnumber(L, r);
    return 1;
}

/* net:rich_club(opts) -> raw, normalized: arrays with raw[k + 1] = φ(k); normalized = false in
 * opts skips the rewiring (the second result is then nil) */
static int m_rich_club(lua_State *L) {
    static const char *const norm_key[] = {"normalized", NULL};
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "rich_club", norm_key);
    int want_norm = opt_bool(L, &c, "normalized", 1);
    size_t cap = 0, len = 0;
    double *raw = NULL, *norm = NULL;
    lev_status rc;
    for (;;) {
        lev_params *p = c.p; /* the length query (cap 0: records nothing), then the fill */
        call_enter_on(&c, p);
        rc = lev_rich_club(u->net, p, cap, raw, norm, &len);
        call_exit_on(&c, p);
        if (rc != LEV_ERANGE || len <= cap) break;
        cap = len;
        raw = scratch(L, cap, sizeof *raw);
        if (want_norm) norm = scratch(L, cap, sizeof *norm);
    }
    call_end(&c, rc);
    push_array(L, raw, len);
    if (want_norm) push_array(L, norm, len);
    else lua_pushnil(L);
    return 2;
}

/* net:outsiders(opts) -> share, flags; flags[name] = "outsider" | "incrowd" (absent otherwise);
 * with array = true the library's codes 1 (outsider), 2 (in-crowd), 0 */
static int m_outsiders(lua_State *L) {
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, u, 2, "outsiders", NULL);
    size_t n = lev_actor_count(u->net);
    double *share = scratch(L, n, sizeof *share);
    uint32_t *flag = scratch(L, n, sizeof *flag);
    call_enter(&c);
    lev_status rc = lev_outsiders(u->net, c.p, share, flag);
    call_exit(&c);
    call_end(&c, rc);
    push_results(L, u->net, share, n, c.array);
    lua_createtable(L, c.array ? int_size(n) : 0, 0);
    for (size_t i = 0; i < n; i++) {
        if (c.array) {
            lua_pushinteger(L, (lua_Integer)flag[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        } else if (flag[i] == 1 || flag[i] == 2) {
            lua_pushstring(L, flag[i] == 1 ? "outsider" : "incrowd");
            lua_setfield(L, -2, lev_actor_name(u->net, (uint32_t)i));
        }
    }
    return 2;
}

/* ---- inequality: module functions over an array of numbers ------------------------------------ */

typedef enum { I_GINI, I_THEIL, I_HHI, I_PALMA, I_TOP_SHARE, I_LORENZ } inequality;

/* leverage.gini(x, opts) -> g; theil -> t, l; hhi, palma, top_share -> value; lorenz -> xs, ys
 * (arrays of #x + 1 points). x is an array of numbers. */
static int inequality_fn(lua_State *L, inequality which) {
    static const char *const fname[] = {"gini", "theil", "hhi", "palma", "top_share", "lorenz"};
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    Call c;
    call_begin(L, &c, NULL, 2, fname[which], NULL);
    size_t n = (size_t)luaL_len(L, 1);
    double *x = scratch(L, n, sizeof *x);
    for (size_t i = 0; i < n; i++) {
        if (lua_geti(L, 1, (lua_Integer)i + 1) != LUA_TNUMBER)
            return luaL_error(L, "%s: element %I is a %s, not a number", fname[which], (lua_Integer)i + 1,
                              luaL_typename(L, -1));
        x[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    double a = 0, b = 0, *px = NULL, *py = NULL;
    if (which == I_LORENZ) {
        px = scratch(L, n + 1, sizeof *px);
        py = scratch(L, n + 1, sizeof *py);
    }
    lev_status rc;
    call_enter(&c);
    switch (which) {
    case I_GINI: rc = lev_gini(x, n, c.p, &a); break;
    case I_THEIL: rc = lev_theil(x, n, c.p, &a, &b); break;
    case I_HHI: rc = lev_hhi(x, n, c.p, &a); break;
    case I_PALMA: rc = lev_palma(x, n, c.p, &a); break;
    case I_TOP_SHARE: rc = lev_top_share(x, n, c.p, &a); break;
    default: rc = lev_lorenz(x, n, c.p, px, py); break;
    }
    call_exit(&c);
    call_end(&c, rc);
    if (which == I_LORENZ) {
        push_array(L, px, n + 1);
        push_array(L, py, n + 1);
        return 2;
    }
    lua_pushnumber(L, a);
    if (which == I_THEIL) lua_pushnumber(L, b);
    return which == I_THEIL ? 2 : 1;
}

static int l_gini(lua_State *L) { return inequality_fn(L, I_GINI); }
static int l_theil(lua_State *L) { return inequality_fn(L, I_THEIL); }
static int l_hhi(lua_State *L) { return inequality_fn(L, I_HHI); }
static int l_palma(lua_State *L) { return inequality_fn(L, I_PALMA); }
static int l_top_share(lua_State *L) { return inequality_fn(L, I_TOP_SHARE); }
static int l_lorenz(lua_State *L) { return inequality_fn(L, I_LORENZ); }

/* leverage.params([opts]) -> Params; opts.malloc = true: the C library's malloc instead of the
 * state's allocator */
static int l_params(lua_State *L) {
    lua_settop(L, 1);
    int use_malloc = 0;
    if (!lua_isnil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        use_malloc = lua_getfield(L, 1, "malloc") != LUA_TNIL && lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    Params *u = new_params_with(L, use_malloc); /* at 2 */
    if (!lua_isnil(L, 1)) {
        lua_pushnil(L);
        while (lua_next(L, 1)) {
            if (lua_type(L, -2) == LUA_TSTRING && !strcmp(lua_tostring(L, -2), "malloc")) {
                lua_pop(L, 1);
                continue;
            }
            lev_param key = checkparam(L, -2);
            if (set_param(L, u->p, key, lua_gettop(L)) != LEV_OK) {
                lua_pushstring(L, lev_params_errmsg(u->p));
                free_params(u);
                return lua_error(L);
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, 2);
    return 1;
}

/* ---- registration ---------------------------------------------------------------------------- */

static const luaL_Reg net_methods[] = {
    {"add_actor", m_add_actor},
    {"actor", m_actor},
    {"name", m_name},
    {"actors", m_actors},
    {"group", m_group},
    {"set_group", m_set_group},
    {"add_resource", m_add_resource},
    {"resource", m_resource},
    {"resources", m_resources},
    {"set_resource", m_set_resource},
    {"get_resource", m_get_resource},
    {"amounts", m_amounts},
    {"add_edge", m_add_edge},
    {"add_edges", m_add_edges},
    {"edge", m_edge},
    {"edges", m_edges},
    {"edge_count", m_edge_count},
    {"bytes", m_bytes},
    {"read", m_read},
    {"read_string", m_read_string},
    {"write", m_write},
    {"write_file", m_write_file},
    {"write_scores", m_write_scores},
    {"write_scores_file", m_write_scores_file},
    {"last_error", m_last_error},
    {"degree", m_degree},
    {"strength", m_strength},
    {"pagerank", m_pagerank},
    {"closeness", m_closeness},
    {"harmonic", m_harmonic},
    {"betweenness", m_betweenness},
    {"edge_betweenness", m_edge_betweenness},
    {"betweenness_subset", m_betweenness_subset},
    {"closeness_subset", m_closeness_subset},
    {"harmonic_subset", m_harmonic_subset},
    {"betweenness_approx", m_betweenness_approx},
    {"betweenness_sampled", m_betweenness_sampled},
    {"closeness_top", m_closeness_top},
    {"harmonic_top", m_harmonic_top},
    {"katz", m_katz},
    {"eigenvector", m_eigenvector},
    {"hits", m_hits},
    {"bonacich", m_bonacich},
    {"constraint", m_constraint},
    {"effective_size", m_effective_size},
    {"efficiency", m_efficiency},
    {"burt_hierarchy", m_burt_hierarchy},
    {"brokerage", m_brokerage},
    {"components", m_components},
    {"coreness", m_coreness},
    {"communities", m_communities},
    {"modularity", m_modularity},
    {"core_periphery", m_core_periphery},
    {"clustering", m_clustering},
    {"transitivity", m_transitivity},
    {"centralization", m_centralization},
    {"reciprocity", m_reciprocity},
    {"edge_repeats", m_edge_repeats},
    {"sort_edges", m_sort_edges},
    {"reciprocity_actors", m_reciprocity_actors},
    {"dyad_census", m_dyad_census},
    {"triad_census", m_triad_census},
    {"asymmetry", m_asymmetry},
    {"krackhardt", m_krackhardt},
    {"flow_hierarchy", m_flow_hierarchy},
    {"dependence", m_dependence},
    {"power_advantage", m_power_advantage},
    {"group_count", m_group_count},
    {"groups", m_groups},
    {"actor_groups", m_actor_groups},
    {"group_influence", m_group_influence},
    {"ei_index", m_ei_index},
    {"assortativity_groups", m_assortativity_groups},
    {"assortativity", m_assortativity},
    {"rich_club", m_rich_club},
    {"outsiders", m_outsiders},
    {"dominators", m_dominators},
    {"articulation_points", m_articulation_points},
    {"bridges", m_bridges},
    {"drivers", m_drivers},
    {"control_classes", m_control_classes},
    {"keyplayers", m_keyplayers},
    {"keyplayer_score", m_keyplayer_score},
    {"degroot", m_degroot},
    {"degroot_limit", m_degroot_limit},
    {"friedkin_johnsen", m_friedkin_johnsen},
    {"friedkin_johnsen_influence", m_friedkin_johnsen_influence},
    {"opinion_pressure", m_opinion_pressure},
    {"voting_power", m_voting_power},
    {"minimal_winning", m_minimal_winning},
    {"packel_indices", m_packel_indices},
    {"cheapest_alliance", m_cheapest_alliance},
    {"spread", m_spread},
    {"seeds", m_seeds},
    {"tie_bypass", m_tie_bypass},
    {"reliance", m_reliance},
    {"edge_leverage", m_edge_leverage},
    {"channels", m_channels},
    {"channel_bypass", m_channel_bypass},
    {"layout", m_layout},
    {"close", net_gc},
    {NULL, NULL},
};

static const luaL_Reg net_meta[] = {
    {"__gc", net_gc},
    {"__close", net_gc},
    {"__tostring", net_tostring},
    {"__len", net_len},
    {"__index", NULL}, /* placeholder: the methods table */
    {NULL, NULL},
};

static const luaL_Reg params_methods[] = {
    {"set", p_set},
    {"get", p_get},
    {"reset", p_reset},
    {"last_error", p_last_error},
    {"close", params_gc},
    {NULL, NULL},
};

static const luaL_Reg params_meta[] = {
    {"__gc", params_gc},
    {"__close", params_gc},
    {"__tostring", params_tostring},
    {"__index", NULL},
    {NULL, NULL},
};

static const luaL_Reg funcs[] = {
    {"network", l_network},
    {"read", l_read},
    {"params", l_params},
    {"option", l_option},
    {"version", l_version},
    {"strerror", l_strerror},
    {"status_name", l_status_name},
    {"gini", l_gini},
    {"theil", l_theil},
    {"hhi", l_hhi},
    {"palma", l_palma},
    {"top_share", l_top_share},
    {"lorenz", l_lorenz},
    {NULL, NULL},
};

static void new_class(lua_State *L, const char *mt, const luaL_Reg *meta, const luaL_Reg *methods) {
    luaL_newmetatable(L, mt);
    luaL_setfuncs(L, meta, 0);
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
}

/* t[name] = value for each pair; the table is on top. */
#define SETINT(name, value) (lua_pushinteger(L, (lua_Integer)(value)), lua_setfield(L, -2, name))

LEV_LUA_API int luaopen_leverage(lua_State *L) {
    if (lev_version() / 10000 != LEV_VERSION_MAJOR)
        return luaL_error(L, "leverage: the module was built for libleverage %d.x but %s is loaded",
                          LEV_VERSION_MAJOR, lev_version_string());
    new_class(L, NET_MT, net_meta, net_methods);
    new_class(L, PARAMS_MT, params_meta, params_methods);
    luaL_newmetatable(L, SINK_MT);
    lua_pushcfunction(L, sink_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);

    luaL_newlib(L, funcs);
    lua_pushliteral(L, LEV_VERSION_STRING); /* the header the module was compiled against */
    lua_setfield(L, -2, "_VERSION");
    SETINT("VERSION_NUMBER", LEV_VERSION_NUMBER);
    SETINT("MAX_ACTORS", LEV_MAX_ACTORS);
    SETINT("LAYOUT_MAX_ACTORS", LEV_LAYOUT_MAX_ACTORS);

    lua_newtable(L); /* status codes, from the header's own table */
#define X(name, value, text) SETINT(#name, value);
    LEV_STATUS_MAP(X)
#undef X
    lua_setfield(L, -2, "status");

    lua_newtable(L);
    SETINT("EDGES_CSV", LEV_FORMAT_EDGES_CSV);
    SETINT("ACTORS_CSV", LEV_FORMAT_ACTORS_CSV);
    SETINT("RESOURCES_CSV", LEV_FORMAT_RESOURCES_CSV);
    SETINT("GRAPHML", LEV_FORMAT_GRAPHML);
    SETINT("PAJEK", LEV_FORMAT_PAJEK);
    SETINT("GML", LEV_FORMAT_GML);
    SETINT("JSON", LEV_FORMAT_JSON);
    SETINT("DOT", LEV_FORMAT_DOT);
    lua_setfield(L, -2, "format");

    lua_newtable(L);
    SETINT("OUT", LEV_DIR_OUT);
    SETINT("IN", LEV_DIR_IN);
    SETINT("ALL", LEV_DIR_ALL);
    lua_setfield(L, -2, "direction");

    lua_newtable(L);
    SETINT("INT", LEV_TYPE_INT);
    SETINT("DOUBLE", LEV_TYPE_DOUBLE);
    lua_setfield(L, -2, "type");

    lua_newtable(L); /* option keys, from the library's own list: NAME = key */
    lev_param key;
    for (size_t i = 0; lev_param_at(i, &key) == LEV_OK; i++) {
        const char *name;
        if (lev_param_info(key, &name, NULL, NULL, NULL, NULL) != LEV_OK) continue;
        char upper[64];
        size_t k = 0;
        for (; name[k] && k < sizeof upper - 1; k++) upper[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
        upper[k] = 0;
        SETINT(upper, key);
    }
    SETINT("EXPERIMENTAL_BASE", LEV_P_EXPERIMENTAL_BASE);
    lua_setfield(L, -2, "param");

    lua_newtable(L);
    SETINT("GROUP", LEV_INCROWD_GROUP);
    SETINT("CORE", LEV_INCROWD_CORE);
    lua_setfield(L, -2, "incrowd");

    lua_newtable(L);
    SETINT("ALL", LEV_SCOPE_ALL);
    SETINT("NEIGHBOURS", LEV_SCOPE_NEIGHBOURS);
    lua_setfield(L, -2, "scope");

    lua_newtable(L);
    SETINT("IC", LEV_MODEL_IC);
    SETINT("LT", LEV_MODEL_LT);
    lua_setfield(L, -2, "model");

    lua_newtable(L);
    SETINT("STRENGTH", LEV_PROB_STRENGTH);
    SETINT("WC", LEV_PROB_WC);
    SETINT("CONSTANT", LEV_PROB_CONSTANT);
    lua_setfield(L, -2, "probability");

    lua_newtable(L);
    SETINT("ALLOWED", LEV_SEED_ALLOWED);
    SETINT("REQUIRED", LEV_SEED_REQUIRED);
    SETINT("EXCLUDED", LEV_SEED_EXCLUDED);
    lua_setfield(L, -2, "seed_rule");

    lua_newtable(L);
    SETINT("PAGERANK", LEV_BYPASS_PAGERANK);
    SETINT("DEGREE", LEV_BYPASS_DEGREE);
    SETINT("STRENGTH", LEV_BYPASS_STRENGTH);
    SETINT("BETWEENNESS", LEV_BYPASS_BETWEENNESS);
    SETINT("HARMONIC", LEV_BYPASS_HARMONIC);
    lua_setfield(L, -2, "bypass_measure");

    lua_newtable(L);
    SETINT("COORDINATOR", LEV_BROKER_COORDINATOR);
    SETINT("ITINERANT", LEV_BROKER_ITINERANT);
    SETINT("REPRESENTATIVE", LEV_BROKER_REPRESENTATIVE);
    SETINT("GATEKEEPER", LEV_BROKER_GATEKEEPER);
    SETINT("LIAISON", LEV_BROKER_LIAISON);
    SETINT("TOTAL", LEV_BROKER_TOTAL);
    lua_setfield(L, -2, "broker_role");
    SETINT("BROKER_ROLES", LEV_BROKER_ROLES);

    lua_newtable(L);
    SETINT("DEGREE", LEV_CENTRALIZATION_DEGREE);
    SETINT("BETWEENNESS", LEV_CENTRALIZATION_BETWEENNESS);
    SETINT("CLOSENESS", LEV_CENTRALIZATION_CLOSENESS);
    lua_setfield(L, -2, "centralization");

    lua_newtable(L);
    SETINT("CONNECTEDNESS", LEV_KRACKHARDT_CONNECTEDNESS);
    SETINT("HIERARCHY", LEV_KRACKHARDT_HIERARCHY);
    SETINT("EFFICIENCY", LEV_KRACKHARDT_EFFICIENCY);
    SETINT("LUBNESS", LEV_KRACKHARDT_LUBNESS);
    lua_setfield(L, -2, "krackhardt");

    lua_newtable(L);
    SETINT("CRITICAL", LEV_CONTROL_CRITICAL);
    SETINT("INTERMITTENT", LEV_CONTROL_INTERMITTENT);
    SETINT("REDUNDANT", LEV_CONTROL_REDUNDANT);
    lua_setfield(L, -2, "control_class");

    lua_newtable(L);
    SETINT("REACH", LEV_KP_REACH);
    SETINT("DREACH", LEV_KP_DREACH);
    SETINT("FRAGMENT", LEV_KP_FRAGMENT);
    SETINT("DFRAGMENT", LEV_KP_DFRAGMENT);
    lua_setfield(L, -2, "kp_measure");

    lua_newtable(L);
    SETINT("EXACT", LEV_COALITION_EXACT);
    SETINT("SAMPLED", LEV_COALITION_SAMPLED);
    SETINT("HEURISTIC", LEV_COALITION_HEURISTIC);
    lua_setfield(L, -2, "coalition_method");
    return 1;
}
