/* A Lua host that links the installed Lua module in (pkg-config leverage-lua lua5.4), as
 * examples/lua_host.c does from the build tree (tests/install/run.cmake). */
#include <lauxlib.h>
#include <lleverage.h>
#include <lualib.h>
#include <stdio.h>

int main(void) {
    lua_State *L = luaL_newstate();
    if (!L) return 1;
    luaL_openlibs(L);
    luaL_requiref(L, "leverage", luaopen_leverage, 0);
    lua_pop(L, 1);
    int rc = luaL_dostring(L, "local l = require 'leverage'; local net = l.network(); "
                              "net:add_edge('a', 'b', 1); print(#net .. ' actors')");
    if (rc != LUA_OK) fprintf(stderr, "%s\n", lua_tostring(L, -1));
    lua_close(L);
    return rc != LUA_OK;
}
