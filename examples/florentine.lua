-- The Florentine families (Padgett & Ansell 1993): who holds the leverage?
-- Run with the example host (lua_host examples/florentine.lua) or with lua5.4 and the module
-- on LUA_CPATH. The data is read from the data/ directory next to this script.
local leverage = require "leverage"

local dir = (arg and arg[0] or ""):match("^(.*)[/\\][^/\\]*$") or "."
local net <close> = leverage.read{
  actors = dir .. "/data/florentine_actors.csv",   -- first, so indices follow the actors file
  edges = dir .. "/data/florentine_edges.csv",
  resources = dir .. "/data/florentine_resources.csv",
}
print(("libleverage %s: %d families, %d marriage and business ties"):format(
  leverage.version(), #net, net:edge_count()))

-- Marriages and business ties are mutual: treat every edge as undirected.
local pr = net:pagerank{undirected = true}
local names = net:actors()
table.sort(names, function(a, b) return pr[a] > pr[b] end)
print("Top 3 by PageRank:")
for i = 1, 3 do
  local who = names[i]
  local wealth = net:get_resource(who, "wealth")
  print(("  %d. %-10s %.4f  (%s, wealth %g)"):format(i, who, pr[who], net:group(who) or "-", wealth))
end
local total = 0
for _, v in pairs(pr) do total = total + v end
print(("Total PageRank over %d families: %.6f"):format(#names, total))

-- Who brokers the marriages, and how unequal is influence?
local bet = net:betweenness{undirected = true, normalized = true}
table.sort(names, function(a, b) return bet[a] > bet[b] end)
print(("Top broker: %s (normalized betweenness %.3f)"):format(names[1], bet[names[1]]))
print(("Gini of PageRank: %.3f"):format(leverage.gini(net:pagerank{undirected = true, array = true})))
if host then print(("Host memory in use: %d bytes"):format(host.memory())) end
