/*
 * The Lua 5.4 module `leverage` over libleverage's public header.
 *
 * Loaded by `require "leverage"` from leverage.so, or linked into a host program that preloads it:
 *     luaL_requiref(L, "leverage", luaopen_leverage, 0); lua_pop(L, 1);
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef LLEVERAGE_H
#define LLEVERAGE_H

#include <lua.h>

#if defined(_WIN32)
#  define LEV_LUA_API __declspec(dllexport)
#elif defined(__GNUC__)
#  define LEV_LUA_API __attribute__((visibility("default")))
#else
#  define LEV_LUA_API
#endif

/** Open the module: pushes its table. Raises when the loaded library's major version differs. */
LEV_LUA_API int luaopen_leverage(lua_State *L);

#endif /* LLEVERAGE_H */
