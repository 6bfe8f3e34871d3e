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

/* A format: "edges" | "actors" | "resources", or a raw lev_format value (passed through). */
static lev_format checkformat(lua_State *L, int i) {
    static const char *const names[] = {"edges", "actors", "resources", NULL};
    static const lev_format codes[] = {LEV_FORMAT_EDGES_CSV, LEV_FORMAT_ACTORS_CSV, LEV_FORMAT_RESOURCES_CSV};
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

static int m_edge_count(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lev_edge_count(checknet(L, 1)->net));
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

/* Set option `key` to the Lua value at v; returns the library's status (message on p). Raises for
 * a value of the wrong Lua type: p is inside GC-owned userdata, so nothing leaks. */
static lev_status set_param(lua_State *L, lev_params *p, lev_param key, int v) {
    static const char *const dirs[] = {"out", "in", "all", NULL};
    static const lev_direction dircodes[] = {LEV_DIR_OUT, LEV_DIR_IN, LEV_DIR_ALL};
    const char *name;
    int type;
    lev_param_info(key, &name, &type, NULL, NULL, NULL);
    if (type == LEV_TYPE_INT && lua_isboolean(L, v)) return lev_params_set_int(p, key, lua_toboolean(L, v));
    if (type == LEV_TYPE_INT && key == LEV_P_DIRECTION && lua_type(L, v) == LUA_TSTRING)
        return lev_params_set_int(p, key, dircodes[luaL_checkoption(L, v, NULL, dirs)]);
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

/* Push a new Params userdata holding every default. */
static Params *new_params(lua_State *L) {
    Params *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->p = NULL;
    u->busy = 0;
    luaL_setmetatable(L, PARAMS_MT);
    lev_status rc = lev_params_new(&u->p);
    if (rc) luaL_error(L, "leverage: %s", lev_strerror(rc));
    return u;
}

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

/* ---- analyses ------------------------------------------------------------------------------------ */

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

typedef enum { A_DEGREE, A_STRENGTH, A_PAGERANK } analysis;

/* Shared driver: net:degree(opts), net:strength(opts), net:pagerank(opts).
 * opts: nil, a Params, or a table of options plus the binding's own keys:
 *   array = true (results as an array), progress = fn(frac) -> cancel, params = a Params to use
 *   (the table's options are set on it), personalization = {actor = weight, ...} (PageRank). */
static int run_analysis(lua_State *L, analysis which) {
    static const char *const fname[] = {"degree", "strength", "pagerank"};
    Net *u = checknet(L, 1);
    lua_settop(L, 2);
    luaL_checkstack(L, 8, NULL);
    int opts = 0, array = 0, progress = 0, pers = 0;
    Params *pu = NULL;
    if (luaL_testudata(L, 2, PARAMS_MT)) {
        pu = checkparams(L, 2);
    } else if (!lua_isnil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        opts = 2;
        if (lua_getfield(L, 2, "params") != LUA_TNIL) pu = checkparams(L, -1);
        lua_pop(L, 1); /* still referenced by the table */
    }
    int owned = pu == NULL;
    if (owned) pu = new_params(L); /* stays on the stack, so GC-owned; freed eagerly below */
    else if (pu->busy) return luaL_error(L, "%s: these options are in use by another call", fname[which]);
    lev_params *p = pu->p;

    /* Options and the binding's keys. */
    if (opts) {
        lua_pushnil(L);
        while (lua_next(L, opts)) {
            if (lua_type(L, -2) != LUA_TSTRING) return luaL_error(L, "%s: option names are strings", fname[which]);
            const char *k = lua_tostring(L, -2);
            if (!strcmp(k, "array")) {
                array = lua_toboolean(L, -1);
            } else if (!strcmp(k, "progress")) {
                luaL_argexpected(L, lua_isfunction(L, -1), 2, "function as progress");
                progress = 1;
            } else if (!strcmp(k, "params")) {
                /* handled above */
            } else if (!strcmp(k, "personalization") && which == A_PAGERANK) {
                luaL_argexpected(L, lua_istable(L, -1), 2, "table as personalization");
                pers = 1;
            } else {
                lev_param key;
                if (lev_param_find(k, &key) != LEV_OK)
                    return luaL_error(L, "%s: unknown option '%s'", fname[which], k);
                if (set_param(L, p, key, lua_gettop(L)) != LEV_OK) {
                    lua_pushstring(L, lev_params_errmsg(p));
                    if (owned) free_params(pu);
                    return lua_error(L);
                }
            }
            lua_pop(L, 1);
        }
    }

    size_t n = lev_actor_count(u->net);
    double *out = lua_newuserdatauv(L, n * sizeof *out, 0); /* GC-owned scratch */
    double *q = NULL;
    if (pers) {
        lua_getfield(L, opts, "personalization");
        int t = lua_gettop(L);
        q = lua_newuserdatauv(L, n * sizeof *q, 0);
        for (size_t i = 0; i < n; i++) q[i] = 0;
        lua_pushnil(L);
        while (lua_next(L, t)) {
            uint32_t i;
            if (lua_type(L, -2) == LUA_TNUMBER) {
                lua_Integer k = lua_isinteger(L, -2) ? lua_tointeger(L, -2) : 0;
                if (k < 1 || (lua_Unsigned)k > n)
                    return luaL_error(L, "pagerank: personalization: actor index %s out of range 1..%I",
                                      luaL_tolstring(L, -2, NULL), (lua_Integer)n);
                i = (uint32_t)(k - 1);
            } else if (lua_type(L, -2) != LUA_TSTRING || lev_actor_find(u->net, lua_tostring(L, -2), &i) != LEV_OK) {
                return luaL_error(L, "pagerank: personalization: unknown actor '%s'", luaL_tolstring(L, -2, NULL));
            }
            if (lua_type(L, -1) != LUA_TNUMBER)
                return luaL_error(L, "pagerank: personalization of '%s' is a %s, not a number",
                                  lev_actor_name(u->net, i), luaL_typename(L, -1));
            q[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
    }

    Progress pg = {L, 0, 0, 0};
    if (progress) {
        lua_getfield(L, opts, "progress");
        pg.fn = lua_gettop(L);
        lua_pushnil(L);
        pg.errslot = lua_gettop(L);
        lev_params_set_progress(p, progress_cb, &pg);
    }

    u->busy++;
    pu->busy = 1;
    lev_status rc;
    switch (which) {
    case A_DEGREE: rc = lev_degree(u->net, p, out); break;
    case A_STRENGTH: rc = lev_strength(u->net, p, out); break;
    default: rc = lev_pagerank(u->net, q, p, out); break;
    }
    u->busy--;
    pu->busy = 0;
    if (progress) lev_params_set_progress(p, NULL, NULL);

    if (rc) {
        if (pg.failed) lua_pushvalue(L, pg.errslot); /* the progress function's own error */
        else if (*lev_params_errmsg(p)) lua_pushstring(L, lev_params_errmsg(p));
        else lua_pushstring(L, lev_strerror(lev_params_errcode(p)));
        if (owned) free_params(pu);
        return lua_error(L);
    }
    if (owned) free_params(pu);
    push_results(L, u->net, out, n, array);
    return 1;
}

static int m_degree(lua_State *L) { return run_analysis(L, A_DEGREE); }
static int m_strength(lua_State *L) { return run_analysis(L, A_STRENGTH); }
static int m_pagerank(lua_State *L) { return run_analysis(L, A_PAGERANK); }

/* leverage.params([opts]) -> Params */
static int l_params(lua_State *L) {
    lua_settop(L, 1);
    Params *u = new_params(L); /* at 2 */
    if (!lua_isnil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 1)) {
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
    {"edge", m_edge},
    {"edge_count", m_edge_count},
    {"read", m_read},
    {"read_string", m_read_string},
    {"write", m_write},
    {"write_file", m_write_file},
    {"last_error", m_last_error},
    {"degree", m_degree},
    {"strength", m_strength},
    {"pagerank", m_pagerank},
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

    lua_newtable(L); /* status codes, from the header's own table */
#define X(name, value, text) SETINT(#name, value);
    LEV_STATUS_MAP(X)
#undef X
    lua_setfield(L, -2, "status");

    lua_newtable(L);
    SETINT("EDGES_CSV", LEV_FORMAT_EDGES_CSV);
    SETINT("ACTORS_CSV", LEV_FORMAT_ACTORS_CSV);
    SETINT("RESOURCES_CSV", LEV_FORMAT_RESOURCES_CSV);
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

    lua_newtable(L);
    SETINT("SEED", LEV_P_SEED);
    SETINT("THREADS", LEV_P_THREADS);
    SETINT("TOLERANCE", LEV_P_TOLERANCE);
    SETINT("MAX_ITER", LEV_P_MAX_ITER);
    SETINT("UNDIRECTED", LEV_P_UNDIRECTED);
    SETINT("WEIGHTED", LEV_P_WEIGHTED);
    SETINT("DIRECTION", LEV_P_DIRECTION);
    SETINT("DAMPING", LEV_P_DAMPING);
    SETINT("EXPERIMENTAL_BASE", LEV_P_EXPERIMENTAL_BASE);
    lua_setfield(L, -2, "param");
    return 1;
}
