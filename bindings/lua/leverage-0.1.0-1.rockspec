-- LuaRocks: the Lua 5.4 module `leverage` against an installed libleverage (cmake --install).
-- From the top of the source tree:
--   luarocks make bindings/lua/leverage-0.1.0-1.rockspec                      # libleverage in /usr/local
--   luarocks make bindings/lua/leverage-0.1.0-1.rockspec LEVERAGE_DIR=PREFIX  # or elsewhere
-- (cmake --install already puts the same module in PREFIX/lib/lua/5.4; this is for a LuaRocks tree.)
rockspec_format = "3.0"
package = "leverage"
version = "0.1.0-1"
source = {
   url = "git+https://example.invalid/libleverage",
   tag = "v0.1.0",
}
description = {
   summary = "Leverage points and power imbalances in social networks (libleverage binding)",
   detailed = [[
A thin C module over libleverage's public header: actors, resources and influence edges;
centrality, brokerage, cohesion, inequality, asymmetry, dependence and groups.
]],
   homepage = "https://example.invalid/libleverage",
   license = "MIT",
}
dependencies = {
   "lua >= 5.4, < 5.5",
}
external_dependencies = {
   LEVERAGE = {
      header = "leverage.h",
      library = "leverage",
   },
}
build = {
   type = "builtin",
   modules = {
      leverage = {
         sources = { "bindings/lua/leverage.c" },
         incdirs = { "$(LEVERAGE_INCDIR)", "bindings/lua" },
         libdirs = { "$(LEVERAGE_LIBDIR)" },
         libraries = { "leverage" },
      },
   },
   copy_directories = {},
}
