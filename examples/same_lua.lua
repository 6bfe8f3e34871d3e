-- The same analysis in C, Python and Lua (examples/same_*): PageRank of the Florentine families
-- (marriage ties, undirected) and its Gini coefficient. The tests run all three and compare.
local leverage = require "leverage"
local data = arg[1] or "examples/data"
local net <close> = leverage.read{actors = data .. "/florentine_actors.csv", edges = data .. "/florentine_edges.csv"}
local pr = net:pagerank{undirected = true, array = true}
local names = net:actors()
for i, name in ipairs(names) do print(("%s %.12f"):format(name, pr[i])) end
print(("gini %.12f"):format(leverage.gini(pr)))
