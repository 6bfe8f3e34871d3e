/*
 * lua_host: a small C program that embeds Lua 5.4 with libleverage's `leverage` module linked in.
 *
 *     lua_host [script.lua [args...]]      (default: examples/florentine.lua)
 *
 * The state's allocator counts every byte, and the module gives that allocator to each network it
 * creates, so the host sees (and can cap) the library's memory as well as Lua's. Scripts get a
 * global table `host`:
 *     host.memory()        -> bytes in use now, by Lua and libleverage together
 *     host.set_limit(n)    -> refuse allocations past n bytes in use (nil: no limit)
 * and the usual `arg` table (arg[0] is the script).
 *
 * SPDX-License-Identifier: MIT
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "lleverage.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct Usage {
    size_t bytes; /* in use now */
    size_t limit; /* 0: none */
} Usage;

/* A lua_Alloc (and so a lev_alloc_fn) that counts. For ptr NULL, osize is a type tag, not a size. */
static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    Usage *u = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        u->bytes -= old;
        return NULL;
    }
    if (u->limit && nsize > old && u->bytes - old + nsize > u->limit) return NULL;
    void *p = realloc(ptr, nsize);
    if (p) u->bytes = u->bytes - old + nsize;
    return p;
}

static Usage *usage(lua_State *L) {
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

static int host_memory(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)usage(L)->bytes);
    return 1;
}

static int host_set_limit(lua_State *L) {
    lua_Integer n = luaL_optinteger(L, 1, 0);
    luaL_argcheck(L, n >= 0, 1, "negative limit");
    usage(L)->limit = (size_t)n;
    return 0;
}

static int traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (!msg) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Runs in protected mode: open the libraries, preload the module, run the script. */
static int run(lua_State *L) {
    int argc = (int)lua_tointeger(L, 1);
    char **argv = lua_touserdata(L, 2);
    const char *script = argc > 1 ? argv[1] : "examples/florentine.lua";

    luaL_openlibs(L);
    luaL_requiref(L, "leverage", luaopen_leverage, 0); /* require "leverage" finds it loaded */
    lua_pop(L, 1);

    static const luaL_Reg host[] = {{"memory", host_memory}, {"set_limit", host_set_limit}, {NULL, NULL}};
    luaL_newlib(L, host);
    lua_setglobal(L, "host");

    lua_createtable(L, argc, 1);
    lua_pushstring(L, script);
    lua_rawseti(L, -2, 0);
    for (int i = 2; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - 1);
    }
    lua_setglobal(L, "arg");

    if (luaL_loadfile(L, script) != LUA_OK) return lua_error(L);
    lua_call(L, 0, 0); /* errors propagate to main's pcall, with the traceback added below */
    return 0;
}

int main(int argc, char **argv) {
    Usage use = {0, 0};
    lua_State *L = lua_newstate(counting_alloc, &use);
    if (!L) {
        fprintf(stderr, "lua_host: cannot create a Lua state\n");
        return 1;
    }
    lua_pushcfunction(L, traceback);
    lua_pushcfunction(L, run);
    lua_pushinteger(L, argc);
    lua_pushlightuserdata(L, argv);
    int status = lua_pcall(L, 2, 0, 1);
    if (status != LUA_OK) fprintf(stderr, "lua_host: %s\n", lua_tostring(L, -1));
    lua_close(L);
    if (status == LUA_OK && use.bytes != 0) {
        fprintf(stderr, "lua_host: %zu bytes still allocated after lua_close\n", use.bytes);
        return 1;
    }
    return status == LUA_OK ? 0 : 1;
}
