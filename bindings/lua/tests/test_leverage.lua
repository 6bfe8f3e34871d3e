-- Tests of the Lua module `leverage`. Run from this directory:
--   LUA_CPATH='<build>/bindings/lua/?.so' lua5.4 test_leverage.lua    (module loaded by require)
--   <build>/bindings/lua/lua_host test_leverage.lua                   (module linked into the host)
-- LEV_SOURCE_DIR names the repository root (default ../../..). The last line printed is
-- "N passed, N failed". Under lua_host the allocator tests also run (they need host.memory).
local leverage = require "leverage"

local ROOT = os.getenv("LEV_SOURCE_DIR") or "../../.."

-- ---- a tiny runner ----------------------------------------------------------------------------
local tests = {}
local function test(name, fn) tests[#tests + 1] = {name = name, fn = fn} end

local function eq(a, b, what)
  if a ~= b then
    error(("%s: expected %s, got %s"):format(what or "value", tostring(b), tostring(a)), 2)
  end
end

local function near(a, b, tol, what)
  if type(a) ~= "number" or math.abs(a - b) > tol then
    error(("%s: expected %.17g within %g, got %s"):format(what or "value", b, tol, tostring(a)), 2)
  end
end

-- Call fn(...) and require an error whose text contains `needle` (plain text).
local function raises(needle, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error(("expected an error containing %q, got none"):format(needle), 2) end
  if not tostring(err):find(needle, 1, true) then
    error(("expected an error containing %q, got %q"):format(needle, tostring(err)), 2)
  end
  return err
end

local function read_all(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function small()
  local net = leverage.network()
  net:add_edge("A", "B", 2, "kin")
  net:add_edge("B", "C", 1)
  net:add_edge("C", "A", 0.5, "money")
  net:add_edge("A", "C", 1)
  return net
end

local function count_keys(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- ---- module -------------------------------------------------------------------------------------
test("module: versions, constants, status texts", function()
  local s, num = leverage.version()
  eq(type(s), "string", "version string")
  eq(math.type(num), "integer", "version number")
  eq(num // 10000, leverage.VERSION_NUMBER // 10000, "same major as the header")
  local header = read_all(ROOT .. "/include/leverage.h")
  eq(leverage._VERSION, header:match('#define LEV_VERSION_STRING "([^"]+)"'), "_VERSION is the header's")
  eq(s, leverage._VERSION, "library and header agree in this build")
  eq(leverage.status.OK, 0, "OK")
  eq(leverage.status.ENOMEM, 1, "ENOMEM")
  eq(leverage.strerror(leverage.status.ENOMEM), "out of memory", "strerror")
  eq(leverage.status_name(leverage.status.EINVAL), "LEV_EINVAL", "status_name")
  eq(leverage.status_name(9999), "LEV_UNKNOWN", "unknown status")
  eq(leverage.strerror(9999), "unknown status", "unknown strerror")
  eq(leverage.format.EDGES_CSV, 1, "format")
  eq(leverage.direction.ALL, 3, "direction")
  eq(leverage.MAX_ACTORS, 2147483647, "MAX_ACTORS")
  raises("number expected", leverage.strerror, "x")
end)

-- ---- actors ------------------------------------------------------------------------------------------
test("actors: add, find, name, list, groups", function()
  local net = leverage.network()
  eq(#net, 0, "empty")
  eq(net:add_actor("Ann", {group = "red"}), 1, "first index is 1")
  eq(net:add_actor("Bob"), 2, "second")
  eq(net:add_actor("Cy", "blue"), 3, "group as a string")
  eq(#net, 3, "__len")
  eq(net:actor("Bob"), 2, "find")
  eq(net:actor("Nobody"), nil, "find missing")
  eq(net:name(3), "Cy", "name")
  local names = net:actors()
  eq(#names, 3, "actors()")
  eq(names[1] .. names[2] .. names[3], "AnnBobCy", "order")
  eq(net:group("Ann"), "red", "group by name")
  eq(net:group(1), "red", "group by index")
  eq(net:group("Bob"), nil, "no group")
  net:set_group("Bob", "red")
  eq(net:group(2), "red", "set_group")
  net:set_group(2, nil)
  eq(net:group(2), nil, "set_group nil clears")
  net:set_group("Cy", "")
  eq(net:group("Cy"), nil, "set_group empty clears")
  assert(tostring(net):find("leverage.Network (3 actors, 0 edges, 0 resources)", 1, true), tostring(net))
end)

test("actors: errors", function()
  local net = leverage.network()
  net:add_actor("Ann")
  raises("already exists", net.add_actor, net, "Ann")
  raises("empty", net.add_actor, net, "")
  raises("UTF-8", net.add_actor, net, "\xff\xfe")
  raises("UTF-8", net.add_actor, net, "Ok", "\xff")
  raises("zero byte", net.add_actor, net, "a\0b")
  raises("unknown field 'colour'", net.add_actor, net, "Bob", {colour = "red"})
  raises("string expected", net.add_actor, net, {})
  eq(#net, 1, "nothing added")
  raises("unknown actor 'Zed'", net.group, net, "Zed")
  raises("actor index 2 out of range 1..1", net.group, net, 2)
  raises("actor index 0 out of range", net.name, net, 0)
  raises("number has no integer representation", net.name, net, 1.5)
  raises("unknown actor 'Zed'", net.set_group, net, "Zed", "x")
  raises("UTF-8", net.set_group, net, "Ann", "\xc3")
  eq(net:group("Ann"), nil, "unchanged")
  local msg, code = net:last_error()
  assert(msg:find("UTF-8", 1, true), msg)
  eq(code, "LEV_EINVAL", "last_error code")
end)

-- ---- resources -----------------------------------------------------------------------------------
test("resources: add, find, set, get, amounts", function()
  local net = small()
  eq(net:add_resource("money"), 1, "first resource")
  eq(net:add_resource("votes"), 2, "second")
  eq(net:resource("votes"), 2, "find")
  eq(net:resource("land"), nil, "missing")
  local rs = net:resources()
  eq(#rs, 2, "resources()")
  eq(rs[2], "votes", "names")
  net:set_resource("A", "money", 10, 2)
  net:set_resource(2, 2, 0, 5.5)
  local h, n = net:get_resource("A", "money")
  eq(h, 10, "holds")
  eq(n, 2, "needs")
  h, n = net:get_resource("B", "votes")
  eq(h, 0, "holds")
  eq(n, 5.5, "needs")
  h, n = net:get_resource("C", 1)
  eq(h + n, 0, "unset is 0")
  local holds, needs = net:amounts("money")
  eq(holds.A, 10, "amounts by name")
  eq(needs.A, 2, "needs by name")
  eq(holds.C, 0, "zero")
  holds, needs = net:amounts(2, {array = true})
  eq(#holds, 3, "array length")
  eq(needs[2], 5.5, "array needs")
  raises("unknown option 'arr'", net.amounts, net, 1, {arr = true})
end)

test("resources: errors", function()
  local net = small()
  net:add_resource("money")
  raises("already exists", net.add_resource, net, "money")
  raises("empty", net.add_resource, net, "")
  raises("unknown resource 'land'", net.set_resource, net, "A", "land", 1, 1)
  raises("resource index 2 out of range 1..1", net.get_resource, net, "A", 2)
  raises("unknown actor 'Q'", net.set_resource, net, "Q", "money", 1, 1)
  raises(">= 0", net.set_resource, net, "A", "money", -1, 0)
  raises(">= 0", net.set_resource, net, "A", "money", 1, 0 / 0)
  raises("number expected", net.set_resource, net, "A", "money", 1)
  raises("unknown resource", net.amounts, net, "land")
  local h = net:get_resource("A", "money")
  eq(h, 0, "nothing changed")
end)

-- ---- edges ---------------------------------------------------------------------------------------
test("edges: add by name, by index, read back", function()
  local net = leverage.network()
  eq(net:add_edge("A", "B", 2.5, "kin"), 1, "first edge index")
  eq(#net, 2, "actors created")
  eq(net:add_edge(2, 1, 1), 2, "by index")
  eq(net:add_edge("B", 2, 3, "self"), 3, "mixed name and index, self-loop")
  eq(net:edge_count(), 3, "edge_count")
  local s, t, w, c = net:edge(1)
  eq(s, 1, "source")
  eq(t, 2, "target")
  eq(w, 2.5, "strength")
  eq(c, "kin", "channel")
  s, t, w, c = net:edge(2)
  eq(s * 10 + t, 21, "indices")
  eq(c, nil, "no channel")
  local x = 0.1 + 0.2
  net:add_edge("A", "B", x)
  eq(select(3, net:edge(4)), x, "strength exact")
  -- after an analysis the edges live in the compact form: the same, by number
  local before = net:bytes()
  net:degree()
  eq(select(3, net:edge(4)), x, "strength exact after an analysis")
  s, t, w, c = net:edge(1)
  eq(s * 10 + t, 12, "edge 1 after an analysis")
  eq(c, "kin", "channel after an analysis")
  assert(before > 0 and net:bytes() > 0, "bytes")
  -- edges: 1 A->B kin, 2 B->A, 3 B->B (self), 4 A->B (no channel), 5 A->B kin (repeats 1)
  net:add_edge("A", "B", 1, "kin")
  local loops, fl, reps, fr = net:edge_repeats()
  eq(loops, 1, "one self-loop")
  eq(fl, 3, "the self-loop is edge 3")
  eq(reps, 1, "one repeat")
  eq(fr, 5, "the repeat is edge 5")
  -- numbered by source, then target: A->B kin, A->B (x), A->B kin, B->A, B->B
  local pr = net:pagerank()
  net:sort_edges({threads = 1})
  eq(select(3, net:edge(2)), x, "A->B without a channel is now edge 2")
  s, t = net:edge(4)
  eq(s * 10 + t, 21, "B->A is now edge 4")
  loops, fl, reps, fr = net:edge_repeats()
  eq(fl, 5, "the self-loop is now edge 5")
  eq(fr, 3, "the repeat is now edge 3")
  local again = net:pagerank()
  for k, v in pairs(pr) do eq(again[k], v, "pagerank of " .. tostring(k) .. " unchanged") end
  -- all edges in one call: A->B kin, A->B (x), A->B kin, B->A, B->B
  local src, tgt, str, chan = net:edges()
  eq(#src, 5, "five edges")
  eq(src[4] * 10 + tgt[4], 21, "edge 4 is B->A in bulk")
  eq(str[2], x, "strength exact in bulk")
  eq(chan[1], "kin", "channel in bulk")
  eq(chan[2], false, "no channel in bulk")
  src = net:edges(5, 1)
  eq(#src, 1, "one edge from edge 5")
  eq(#net:edges(6), 0, "none from past the last")
  raises("only 1 edges", net.edges, net, 5, 2)
end)

test("edges: errors leave the network unchanged", function()
  local net = leverage.network()
  net:add_edge("A", "B", 1)
  for _, bad in ipairs({0, -1, 0 / 0, math.huge, 1e300}) do
    raises("strength", net.add_edge, net, "X", "Y", bad)
    raises("strength", net.add_edge, net, 1, 2, bad)
  end
  eq(#net, 2, "no actor added by a failed add_edge")
  eq(net:edge_count(), 1, "no edge added")
  raises("unknown actor 'X'", net.add_edge, net, "X", 1, 1)
  raises("actor index 3 out of range 1..2", net.add_edge, net, 1, 3, 1)
  raises("number expected", net.add_edge, net, "A", "B", "heavy")
  raises("UTF-8", net.add_edge, net, "A", "B", 1, "\xff")
  raises("edge index 2 out of range 1..1", net.edge, net, 2)
  raises("edge index 0 out of range", net.edge, net, 0)
  eq(net:edge_count(), 1, "still one edge")
end)

-- ---- I/O ---------------------------------------------------------------------------------------------
local EDGES = "source,target,weight,channel\nA,B,2,kin\nB,C,1,\n\"C, Jr\",A,0.5,money\n"
local ACTORS = "name,group\nA,red\nB,blue\n"
local RESOURCES = "actor,resource,holds,needs\nA,money,10,0\nB,money,0,3\n"

test("edges: add_edges in bulk, all or nothing", function()
  local net = leverage.network()
  for _, a in ipairs({"A", "B", "C"}) do net:add_actor(a) end
  eq(net:add_edges({1, "B", 3}, {2, 3, "A"}, {0.5, 2, 3}, "kin"), 1, "first new edge")
  eq(net:edge_count(), 3, "three edges")
  local s, t, w, c = net:edge(3)
  eq(s * 10 + t, 31, "third edge C -> A")
  eq(w, 3, "strength")
  eq(c, "kin", "channel")
  eq(net:add_edges({1}, {1}), 4, "strength 1 by default")
  eq(select(3, net:edge(4)), 1, "default strength")
  eq(net:add_edges({}, {}), 5, "nothing to add")
  raises("targets[2]", net.add_edges, net, {1, 2}, {2, 9})
  raises("sources[1]", net.add_edges, net, {"nobody"}, {2})
  raises("edge 1 of 2: strength", net.add_edges, net, {1, 2}, {2, 3}, {1, -1})
  raises("same length", net.add_edges, net, {1, 2}, {2})
  eq(net:edge_count(), 4, "failures add nothing")
end)

test("io: read_string, write, round trip", function()
  local net = leverage.network()
  eq(net:read_string(ACTORS, "actors"), net, "returns the network")
  net:read_string(EDGES, "edges", "mem.csv")
  net:read_string(RESOURCES, "resources")
  eq(#net, 4, "actors")
  eq(net:actor("C, Jr"), 4, "quoted name")
  eq(net:group("B"), "blue", "group")
  eq(net:get_resource("B", "money"), 0, "holds")
  eq(select(2, net:get_resource("B", "money")), 3, "needs")
  local copy = leverage.network()
  for _, kind in ipairs({"actors", "edges", "resources"}) do
    copy:read_string(net:write(kind), kind)
  end
  for _, kind in ipairs({"actors", "edges", "resources"}) do
    eq(copy:write(kind), net:write(kind), "round trip of " .. kind)
  end
  assert(net:write("edges"):find('"C, Jr",A,0.5,money', 1, true), net:write("edges"))
  eq(net:write(leverage.format.ACTORS_CSV), net:write("actors"), "raw format code")
  eq(leverage.network():write("edges"), "source,target,weight\n", "empty network")
end)

test("io: files, leverage.read", function()
  local net = small()
  local path = os.tmpname()
  net:write_file(path, "edges")
  eq(read_all(path), net:write("edges"), "write_file")
  local back = leverage.network():read(path, "edges")
  eq(back:write("edges"), net:write("edges"), "read")
  local both = leverage.read{edges = path}
  eq(both:edge_count(), 4, "leverage.read")
  os.remove(path)
  local d = ROOT .. "/examples/data/"
  local flo = leverage.read{actors = d .. "florentine_actors.csv", edges = d .. "florentine_edges.csv",
                            resources = d .. "florentine_resources.csv"}
  eq(#flo, 16, "Florentine actors")
  eq(flo:name(1), "Acciaiuoli", "actors file first")
  eq(flo:resources()[1], "wealth", "resources read")
end)

test("io: errors are all or nothing, with file:line:column", function()
  local net = small()
  local before = net:write("edges")
  raises("bad.csv:3:", net.read_string, net, "source,target,weight\nP,Q,1\nQ,R,-2\n", "edges", "bad.csv")
  raises("strength", net.read_string, net, "source,target,weight\nP,Q,1\nQ,R,-2\n", "edges")
  eq(net:write("edges"), before, "unchanged after a failed read")
  eq(#net, 3, "no actor added")
  raises("<buffer>:", net.read_string, net, "nonsense", "edges")
  raises("cannot open", net.read, net, "/nonexistent/x.csv", "edges")
  raises("invalid option 'nodes'", net.read, net, "/x.csv", "nodes")
  raises("unknown format 99", net.read_string, net, "x", 99)
  raises("unknown format 99", net.write, net, 99)
  raises("cannot open for writing", net.write_file, net, "/nonexistent/dir/x.csv", "edges")
  raises("unknown field 'nodes'", leverage.read, {nodes = "x"})
  raises("cannot open", leverage.read, {edges = "/nonexistent/e.csv"})
  raises("zero byte", net.read, net, "a\0b", "edges")
  local _, code = net:last_error()
  eq(code, "LEV_EIO", "last_error after write_file")
end)

-- ---- analyses ------------------------------------------------------------------------------------
test("degree and strength: directions, undirected, weighted, arrays", function()
  local net = small() -- A->B 2, B->C 1, C->A 0.5, A->C 1
  local d = net:degree()
  eq(d.A, 3, "all")
  eq(net:degree{direction = "out"}.A, 2, "out")
  eq(net:degree{direction = "in"}.A, 1, "in")
  eq(net:degree{direction = leverage.direction.IN}.C, 2, "numeric direction")
  eq(net:degree{direction = "in", undirected = true}.A, 3, "undirected counts both ends")
  local a = net:degree{array = true}
  eq(#a, 3, "array")
  eq(a[3], 3, "array order")
  eq(count_keys(d), 3, "keyed by name")
  eq(net:strength().A, 3.5, "strength all")
  eq(net:strength{direction = "out"}.A, 3, "strength out")
  eq(net:strength{weighted = false}.A, 3, "unweighted = degree")
  eq(net:strength{weighted = 0, direction = "in"}.C, 2, "int for a boolean option")
  eq(count_keys(leverage.network():degree()), 0, "empty network")
end)

test("pagerank: options, personalization, threads", function()
  local net = small()
  local pr = net:pagerank()
  local sum = 0
  for _, v in pairs(pr) do sum = sum + v end
  near(sum, 1, 1e-12, "sums to 1")
  local pa = net:pagerank{array = true}
  eq(pa[1], pr.A, "array matches")
  local d5 = net:pagerank{damping = 0.5, tolerance = 1e-12, max_iter = 500}
  assert(d5.A ~= pr.A, "damping changes the result")
  local p1 = net:pagerank{threads = 1, array = true}
  local p4 = net:pagerank{threads = 4, array = true}
  for i = 1, 3 do eq(p1[i], p4[i], "bit-identical across threads") end
  local per = net:pagerank{personalization = {A = 1}}
  local per2 = net:pagerank{personalization = {1, 0, 0}}
  local per3 = net:pagerank{personalization = {[1] = 2, B = 0}}
  eq(per.A, per2.A, "personalization by name or index")
  eq(per.A, per3.A, "scale-free")
  assert(per.A > pr.A, "personalized to A raises A")
  local u = net:pagerank{undirected = true, weighted = false}
  assert(u.A > 0, "undirected unweighted")
  eq(count_keys(leverage.network():pagerank()), 0, "empty network")
end)

test("pagerank: direction (exerted vs received) and the dangling vector", function()
  local star = leverage.network()
  for _, leaf in ipairs{"Ann", "Bob", "Cy", "Dee", "Ed"} do star:add_edge("Boss", leaf, 1) end
  local out = star:pagerank{direction = "out", tolerance = 1e-14}
  near(out.Boss, 21 / 41, 1e-12, "Boss exerts: 21/41 by hand (tests/test_direction.c)")
  near(out.Ann, 4 / 41, 1e-12, "a leaf exerts 4/41")
  local recv = star:pagerank{tolerance = 1e-14}
  near(recv.Boss, 20 / 137, 1e-12, "by default Boss receives least: 20/137")
  eq(star:pagerank{direction = "in", tolerance = 1e-14}.Boss, recv.Boss, "in = the default")
  eq(star:pagerank{direction = "out", undirected = true}.Boss, star:pagerank{undirected = true}.Boss,
     "undirected overrides the direction")
  -- a -> b: b is dangling; sending its mass to a makes the two symmetric (0.5 each, by hand),
  -- where the uniform jump gives a = 0.5/1.425.
  local ab = leverage.network()
  ab:add_edge("a", "b", 1)
  near(ab:pagerank{tolerance = 1e-14}.a, 0.5 / 1.425, 1e-12, "dangling mass by the personalization")
  near(ab:pagerank{dangling = {a = 1}, tolerance = 1e-14}.a, 0.5, 1e-12, "dangling mass to a")
  near(ab:pagerank{dangling = {0, 3}, direction = "out", tolerance = 1e-14}.b, 0.5, 1e-12,
       "exerted: a is dangling, its mass to b")
  local pa = ab:pagerank{personalization = {a = 1}, array = true}
  local pd = ab:pagerank{personalization = {a = 1}, dangling = {a = 1}, array = true}
  near(pa[1], pd[1], 1e-12, "dangling = personalization is lev_pagerank")
  raises("dangling vector of actor 0 (\"a\")", ab.pagerank, ab, {dangling = {a = -1, b = 1}})
  raises("positive sum", ab.pagerank, ab, {dangling = {}})
  raises("dangling: unknown actor 'Q'", ab.pagerank, ab, {dangling = {Q = 1}})
  raises("table as dangling expected", ab.pagerank, ab, {dangling = 1})
  raises("unknown option 'dangling'", ab.degree, ab, {dangling = {a = 1}})
end)

test("pagerank and options: errors", function()
  local net = small()
  raises("unknown option 'dampening'", net.pagerank, net, {dampening = 0.5})
  raises("damping", net.pagerank, net, {damping = 2})
  raises("takes a number", net.pagerank, net, {damping = "high"})
  raises("whole number", net.pagerank, net, {max_iter = 1.5})
  raises("max_iter", net.pagerank, net, {max_iter = 0})
  raises("invalid option 'sideways'", net.degree, net, {direction = "sideways"})
  raises("direction", net.degree, net, {direction = 7})
  raises("did not converge", net.pagerank, net, {max_iter = 1, tolerance = 0})
  raises("unknown actor 'Q'", net.pagerank, net, {personalization = {Q = 1}})
  raises("actor index 4 out of range", net.pagerank, net, {personalization = {0, 0, 0, 1}})
  raises("not a number", net.pagerank, net, {personalization = {A = "x"}})
  raises("personalization", net.pagerank, net, {personalization = {A = -1}})
  raises("positive sum", net.pagerank, net, {personalization = {}})
  raises("unknown option 'personalization'", net.degree, net, {personalization = {A = 1}})
  raises("option names are strings", net.degree, net, {true})
  raises("table expected", net.degree, net, 5)
  raises("function as progress expected", net.pagerank, net, {progress = 1})
end)

test("progress: fractions, cancel, errors re-raised, network locked", function()
  local net = small()
  local seen = {}
  net:pagerank{tolerance = 1e-14, progress = function(f) seen[#seen + 1] = f end}
  assert(#seen > 0, "called")
  for _, f in ipairs(seen) do assert(f >= 0 and f <= 1, "fraction in [0, 1]") end
  raises("cancelled", net.pagerank, net, {progress = function() return true end})
  local marker = setmetatable({}, {__tostring = function() return "marker" end})
  local ok, err = pcall(net.pagerank, net, {progress = function() error(marker) end})
  assert(not ok and err == marker, "the callback's own error object is re-raised")
  raises("boom", net.pagerank, net, {progress = function() error("boom") end})
  raises("cannot change while an analysis", net.pagerank, net,
         {progress = function() net:add_actor("Z") end})
  raises("cannot close a network while an analysis", net.pagerank, net,
         {progress = function() net:close() end})
  eq(#net, 3, "unchanged")
  local inner
  net:pagerank{progress = function() inner = inner or net:pagerank{damping = 0.5}.A end}
  assert(inner and inner > 0, "read-only calls are fine inside the callback")
  local co = coroutine.wrap(function()
    return net:pagerank{progress = function() coroutine.yield() end}
  end)
  raises("yield across", co)
  net:add_actor("Z") -- unlocked again
  eq(#net, 4, "mutable after the calls")
end)

test("params objects and option info", function()
  local p = leverage.params{damping = 0.5, undirected = true}
  eq(p:get("damping"), 0.5, "get")
  eq(p:get("undirected"), 1, "boolean stored as int")
  eq(math.type(p:get("max_iter")), "integer", "int options as integers")
  eq(p:set("max_iter", 50), p, "set chains")
  eq(p:get(leverage.param.MAX_ITER), 50, "get by key")
  local net = small()
  local a = net:pagerank(p)
  local b = net:pagerank{damping = 0.5, undirected = true, max_iter = 50}
  eq(a.A, b.A, "a Params as options")
  local arr = net:pagerank{params = p, array = true}
  eq(arr[1], a.A, "params= with binding keys")
  raises("damping", p.set, p, "damping", 3)
  local msg, code = p:last_error()
  assert(msg:find("damping", 1, true), msg)
  eq(code, "LEV_EINVAL", "last_error code")
  eq(p:get("damping"), 0.5, "failed set changes nothing")
  raises("did not converge", net.pagerank, net, {params = p, max_iter = 1, tolerance = 0})
  eq(select(2, p:last_error()), "LEV_ENOCONV", "analysis failure recorded on the params")
  eq(p:get("max_iter"), 1, "table options were set on the params")
  p:reset()
  eq(p:get("damping"), 0.85, "reset")
  eq(select(2, p:last_error()), "LEV_OK", "reset clears the message")
  raises("unknown option 'nope'", p.get, p, "nope")
  raises("unknown option 'nope'", leverage.params, {nope = 1})
  raises("damping", leverage.params, {damping = -1})
  raises("in use", net.pagerank, net, {params = p, progress = function() net:pagerank(p) end})
  raises("cannot change options while a call uses them", net.pagerank, net,
         {params = p, progress = function() p:set("damping", 0.1) end})
  raises("cannot close options", net.pagerank, net, {params = p, progress = function() p:close() end})
  do
    local q <close> = leverage.params()
    assert(tostring(q):find("leverage.Params"), tostring(q))
    p = q
  end
  raises("options are closed", p.get, p, "damping")
  assert(tostring(p):find("closed"), tostring(p))
  local info = leverage.option("damping")
  eq(info.name, "damping", "name")
  eq(info.key, leverage.param.DAMPING, "key")
  eq(info.type, "double", "type")
  eq(info.min, 0, "min")
  eq(info.max, 1, "max")
  eq(info.default, 0.85, "default")
  eq(math.type(leverage.option("max_iter").default), "integer", "int default")
  eq(leverage.option(leverage.param.THREADS).name, "threads", "by key")
  raises("unknown option 'nope'", leverage.option, "nope")
  raises("unknown option key 12345", leverage.option, 12345)
end)

-- ---- ownership ------------------------------------------------------------------------------------
test("closing: __close, close(), __gc, closed networks raise", function()
  local kept
  do
    local net <close> = small()
    kept = net
    eq(#net, 3, "open")
  end
  assert(tostring(kept):find("closed", 1, true), tostring(kept))
  raises("network is closed", function() return #kept end)
  raises("network is closed", kept.add_actor, kept, "X")
  raises("network is closed", kept.pagerank, kept)
  raises("network is closed", kept.write, kept, "edges")
  raises("network is closed", kept.actors, kept)
  kept:close() -- closing twice is fine
  local net = small()
  net:close()
  raises("network is closed", net.edge_count, net)
  raises("Network expected", leverage.network().add_actor, {}, "x")
  for _ = 1, 100 do small() end
  collectgarbage()
  collectgarbage()
  local m = leverage.network{malloc = true}
  m:add_edge("A", "B", 1)
  eq(m:pagerank{array = true}[2] > 0, true, "a malloc network works")
  raises("unknown option 'alloc'", leverage.network, {alloc = 1})
end)

test("allocator: the host sees and can cap the library's memory", function()
  if not host then return "skip" end
  local rows = {"source,target,weight"}
  for i = 1, 20000 do rows[#rows + 1] = ("n%d,n%d,1"):format(i, (i * 7919) % 20000 + 1) end
  local text = table.concat(rows, "\n")
  rows = nil
  local net = leverage.network()
  collectgarbage()
  collectgarbage()
  local m0 = host.memory()
  local lua0 = collectgarbage("count")
  net:read_string(text, "edges")
  local pr = net:pagerank{array = true}
  pr = nil
  collectgarbage()
  collectgarbage()
  local grown = host.memory() - m0
  assert(grown > 20000 * 40, "the library's bytes go through the host: grew " .. grown)
  assert(collectgarbage("count") - lua0 < 64, "Lua's own count does not include them")
  net:close()
  collectgarbage()
  collectgarbage()
  assert(host.memory() - m0 < 1024, "freed on close: " .. (host.memory() - m0))
  -- a cap: the library gets NULL, reports out of memory, and changes nothing
  local capped = leverage.network()
  capped:add_edge("x", "y", 1)
  collectgarbage()
  host.set_limit(host.memory() + 4096)
  local ok, err = pcall(capped.read_string, capped, text, "edges")
  host.set_limit(nil)
  assert(not ok and tostring(err):find("memory"), tostring(err))
  eq(#capped, 2, "nothing added")
  -- writing under a cap fails cleanly too (the text buffer goes through the same allocator)
  local big = leverage.network():read_string(text, "edges")
  collectgarbage()
  host.set_limit(host.memory() + 65536) -- room for the library's own buffer, not for the text
  ok, err = pcall(big.write, big, "edges")
  host.set_limit(nil)
  assert(not ok and tostring(err):find("not enough memory for the written text"), tostring(err))
  assert(#big:write("edges") > 20000 * 8, "and works without the cap")
  big:close()
  -- a network that cannot be created is still finalized safely (pointer NULL from birth)
  collectgarbage()
  host.set_limit(host.memory() + 200)
  ok, err = pcall(leverage.network)
  host.set_limit(nil)
  assert(not ok and tostring(err):find("out of memory"), tostring(err))
  collectgarbage()
end)

test("allocator: params and the inequality scratch go through the host", function()
  if not host then return "skip" end
  local n = 100000
  local x = {}
  for i = 1, n do x[i] = (i * 7919) % 1000 end
  local p <close> = leverage.params()                -- lev_params_new_with_alloc(lua_getallocf)
  local q <close> = leverage.params{malloc = true}   -- lev_params_new
  eq(q:get("damping"), 0.85, "malloc = true is no option")
  local g = leverage.gini(x, p)
  eq(leverage.gini(x, q), g, "the same Gini either way")
  -- room for the binding's copy of x (8n bytes, a Lua block), not for the library's sorted copy
  collectgarbage()
  collectgarbage()
  host.set_limit(host.memory() + 8 * n + 8 * n // 2)
  local ok, err = pcall(leverage.gini, x, p)
  local ok2, g2 = pcall(leverage.gini, x, q)
  host.set_limit(nil)
  assert(not ok and tostring(err):find("out of memory sorting", 1, true), tostring(err))
  assert(ok2 and g2 == g, "malloc params sort with malloc: " .. tostring(g2))
  eq(select(2, p:last_error()), "LEV_ENOMEM", "recorded on the params")
  eq(leverage.gini(x, p), g, "works again without the cap")
  -- the params blocks themselves
  collectgarbage()
  collectgarbage()
  local m0, lua0 = host.memory(), collectgarbage("count")
  local keep = {}
  for i = 1, 100 do keep[i] = leverage.params() end
  local lib_bytes = (host.memory() - m0) - (collectgarbage("count") - lua0) * 1024
  assert(lib_bytes > 100 * 512, "each params block goes through the host: " .. lib_bytes)
  for i = 1, 100 do keep[i]:close() end
end)

-- ---- peer check ------------------------------------------------------------------------------------
local function ref_values(path, name)
  local text = read_all(path)
  local block = assert(text:match(name .. "%[%] = {\n(.-)\n};"), name .. " not in " .. path)
  local t, n = {}, 0
  for who, v in block:gmatch('{"([^"]+)", ([^}]+)}') do
    t[who] = tonumber(v)
    n = n + 1
  end
  return t, n
end

test("peer: Florentine PageRank equals igraph's to 1e-9", function()
  local ref, n = ref_values(ROOT .. "/tests/ref/ref_florentine.h", "ref_florentine16_pagerank_igraph")
  eq(n, 16, "reference entries")
  local d = ROOT .. "/examples/data/"
  local net <close> = leverage.read{actors = d .. "florentine_actors.csv", edges = d .. "florentine_edges.csv"}
  local pr = net:pagerank{undirected = true}
  eq(count_keys(pr), 16, "results")
  for who, v in pairs(ref) do near(pr[who], v, 1e-9, who) end
end)

-- ---- analyses past PageRank: peer values of the C suite (tests/ref/ref_*.h, parsed) -----------
local REF = ROOT .. "/tests/ref/"

local function ref_block(file, name)
  local text = read_all(REF .. file)
  return assert(text:match("[^%w_]" .. name .. "%[%] = {\n(.-)\n};"), name .. " not in " .. file)
end

local function ref(file, name) return (ref_values(REF .. file, name)) end

local function ref_list(file, name) -- {{name, value}, ...} in order
  local out = {}
  for who, v in ref_block(file, name):gmatch('{"([^"]+)", ([^}]+)}') do out[#out + 1] = {who, tonumber(v)} end
  return out
end

local function ref_rows(file, name) -- {name = {v1, ..., v6}}
  local out = {}
  for who, row in ref_block(file, name):gmatch('{"([^"]+)", {([^}]*)}}') do
    local t = {}
    for v in row:gmatch("[^,%s]+") do t[#t + 1] = tonumber(v) end
    out[who] = t
  end
  return out
end

local function ref_edges(file, name) -- {{source, target, value}, ...} in edge order
  local out = {}
  for s, t, v in ref_block(file, name):gmatch('{"([^"]*)", "([^"]*)", ([^}]+)}') do out[#out + 1] = {s, t, tonumber(v)} end
  return out
end

local function ref_scalar(file, name)
  return tonumber((assert(read_all(REF .. file):match(name .. " = ([^;]+);"), name .. " not in " .. file)))
end

local function ref_doubles(file, name)
  local out = {}
  for v in ref_block(file, name):gmatch("[^,%s]+") do out[#out + 1] = tonumber(v) end
  return out
end

local function close_to(got, want, tol, what)
  local n = 0
  for who, v in pairs(want) do
    near(got[who], v, tol, (what or "") .. " " .. who)
    n = n + 1
  end
  assert(n > 0, "empty reference " .. tostring(what))
end

local function florentine()
  local d = ROOT .. "/examples/data/"
  return leverage.read{actors = d .. "florentine_actors.csv", edges = d .. "florentine_edges.csv",
                       resources = d .. "florentine_resources.csv"}
end

local function coleman(groups)
  local d = ROOT .. "/tests/data/"
  return leverage.read{actors = d .. (groups and "coleman_groups.csv" or "coleman_actors.csv"),
                       edges = d .. "coleman_edges.csv"}
end

local HOPS_U = {undirected = true, weighted = false}

local function with(base, extra) -- a copy of base plus extra
  local t = {}
  for k, v in pairs(base) do t[k] = v end
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end

test("paths: closeness, harmonic, betweenness, edge betweenness (Florentine, exact)", function()
  local net <close> = florentine()
  close_to(net:closeness(HOPS_U), ref("ref_paths.h", "ref_florentine16_closeness_h_exact"), 1e-9, "closeness")
  close_to(net:harmonic(HOPS_U), ref("ref_paths.h", "ref_florentine16_harmonic_h_exact"), 1e-9, "harmonic")
  close_to(net:betweenness(HOPS_U), ref("ref_paths.h", "ref_florentine16_betweenness_h_exact"), 1e-9, "betweenness")
  close_to(net:betweenness(with(HOPS_U, {normalized = true})),
           ref("ref_paths.h", "ref_florentine16_betweenness_norm_h_exact"), 1e-9, "normalized")
  local eb, want = net:edge_betweenness(HOPS_U), ref_edges("ref_paths.h", "ref_florentine16_edge_betweenness_h_exact")
  eq(#eb, net:edge_count(), "one value per edge")
  for k, w in ipairs(want) do
    local s, t = net:edge(k)
    eq(net:name(s) .. ">" .. net:name(t), w[1] .. ">" .. w[2], "edge order " .. k)
    near(eb[k], w[3], 1e-9, "edge " .. k)
  end
  local b = net:betweenness(with(HOPS_U, {array = true}))
  eq(b[net:actor("Medici")], net:betweenness(HOPS_U).Medici, "array")
end)

test("paths: directed Coleman, sampled betweenness", function()
  local net <close> = coleman()
  close_to(net:betweenness{weighted = false}, ref("ref_paths.h", "ref_coleman_betweenness_h_exact"), 1e-9)
  close_to(net:closeness{weighted = false, direction = "in"}, ref("ref_paths.h", "ref_coleman_closeness_in_h_exact"), 1e-9)
  local approx = net:betweenness_approx{weighted = false, epsilon = 0.01, seed = 7}
  close_to(approx, ref("ref_paths.h", "ref_coleman_betweenness_norm_h_exact"), 0.01, "within epsilon")
  eq(net:betweenness_approx{weighted = false, epsilon = 0.01, seed = 7, threads = 1}.s1, approx.s1, "seeded")
  local sampled, r, eps = net:betweenness_sampled{weighted = false, epsilon = 0.01, seed = 7}
  eq(sampled.s1, approx.s1, "betweenness_sampled: the same scores")
  eq(eps, 0.01, "betweenness_sampled: epsilon")
  eq(r > 0, true, "betweenness_sampled: samples")
end)

test("paths: exact top-k closeness and harmonic (Coleman)", function()
  local net <close> = coleman()
  for _, which in ipairs{"closeness", "harmonic"} do
    local full = net[which](net, {weighted = false, direction = "in"})
    local names = {}
    for name in pairs(full) do names[#names + 1] = name end
    local idx = {}
    for _, name in ipairs(names) do idx[name] = net:actor(name) end
    table.sort(names, function(a, b)
      if full[a] ~= full[b] then return full[a] > full[b] end
      return idx[a] < idx[b]
    end)
    local top = net[which .. "_top"](net, 5, {weighted = false, direction = "in"})
    eq(#top, 5, which .. "_top: 5 rows")
    for i = 1, 5 do
      eq(top[i][1], names[i], which .. "_top: place " .. i)
      eq(top[i][2], full[names[i]], which .. "_top: score " .. i)
    end
  end
  eq(#net:harmonic_top(0), 0, "k = 0")
end)

test("paths: cutoff, endpoints, betweenness_subset (Coleman)", function()
  local net <close> = coleman()
  local H = {weighted = false}
  close_to(net:betweenness(with(H, {cutoff = 2.0})), ref("ref_paths_opts.h", "ref_coleman_betweenness_h_cut2_igraph"), 1e-9)
  close_to(net:closeness(with(H, {cutoff = 2.0})), ref("ref_paths_opts.h", "ref_coleman_closeness_h_cut2_nx"), 1e-9)
  close_to(net:betweenness(with(H, {endpoints = true})),
           ref("ref_paths_opts.h", "ref_coleman_betweenness_endpoints_h_nx"), 1e-9)
  local src, tgt = {}, {}
  for i = 1, 6 do src[i] = net:name(i) end         -- the generator's sources: the first 6 actors
  for i = 1, 8 do tgt[i] = net:name(#net - 8 + i) end -- targets: the last 8
  close_to(net:betweenness_subset(src, tgt, H), ref("ref_paths_opts.h", "ref_coleman_subset_h_nx"), 1e-9)
  close_to(net:betweenness_subset({1, 2, 3, 4, 5, 6}, nil, H),
           ref("ref_paths_opts.h", "ref_coleman_subset_alltargets_h_nx"), 1e-9, "indices, every target")
  local b = net:betweenness_subset(src, tgt, with(H, {array = true}))
  near(b[1], net:betweenness_subset(src, tgt, H)[net:name(1)], 0, "array")
  raises("repeats", net.betweenness_subset, net, {1, 2, 1})
  raises("sources[2] is not an actor", net.betweenness_subset, net, {1, "nobody"})
end)

test("paths: closeness_subset and harmonic_subset equal the full scores (Coleman)", function()
  local net <close> = coleman()
  local o = {weighted = false, cutoff = 3.0}
  local fc, fh = net:closeness(o), net:harmonic(o)
  local pick = {6, 1, 18}
  local c, h = net:closeness_subset(pick, o), net:harmonic_subset({net:name(6), net:name(1), net:name(18)}, o)
  for _, i in ipairs(pick) do
    eq(c[net:name(i)], fc[net:name(i)], "closeness " .. i)
    eq(h[net:name(i)], fh[net:name(i)], "harmonic " .. i)
  end
  local a = net:closeness_subset({18, 6}, with(o, {array = true}))
  eq(a[1], fc[net:name(18)], "array order")
  eq(a[2], fc[net:name(6)], "array order")
  raises("repeats", net.closeness_subset, net, {2, 2})
end)

test("spectral: eigenvector, katz, hits, bonacich (Florentine)", function()
  local net <close> = florentine()
  local o = {undirected = true, tolerance = 1e-14, max_iter = 100000}
  close_to(net:eigenvector(o), ref("ref_spectral.h", "ref_florentine16_eigenvector_nx"), 1e-11, "eigenvector")
  close_to(net:katz(with(o, {alpha = 0.1, normalized = true})),
           ref("ref_spectral.h", "ref_florentine16_katz_normalized_nx"), 1e-12, "katz")
  local hubs, auth = net:hits(o)
  close_to(hubs, ref("ref_spectral.h", "ref_florentine16_hits_hubs_nx"), 1e-12, "hubs")
  close_to(auth, ref("ref_spectral.h", "ref_florentine16_hits_authorities_nx"), 1e-12, "authorities")
  close_to(net:bonacich{beta = -0.5, undirected = true}, ref("ref_spectral.h", "ref_florentine16_bonacich_bm05_sna"),
           1e-11, "bonacich")
  raises("is too large", net.katz, net, {alpha = 10, undirected = true}) -- LEV_ENOCONV's message
  raises("cancelled", net.eigenvector, net, {undirected = true, tolerance = 0, progress = function() return true end})
end)

test("brokerage: Burt and Gould-Fernandez (Florentine)", function()
  local net <close> = florentine()
  close_to(net:constraint(), ref("ref_brokerage.h", "ref_florentine16_constraint_nx"), 1e-12, "constraint")
  close_to(net:effective_size(), ref("ref_brokerage.h", "ref_florentine16_esize_nx"), 1e-12, "esize")
  close_to(net:efficiency(), ref("ref_brokerage.h", "ref_florentine16_efficiency_nx"), 1e-12, "efficiency")
  close_to(net:burt_hierarchy(), ref("ref_brokerage.h", "ref_florentine16_hierarchy_nx"), 1e-12, "hierarchy")
  local b = net:brokerage{undirected = true}
  local roles = {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}
  for tname, arr in pairs{raw = "raw", expected = "exp", sd = "sd", z = "z"} do
    for who, row in pairs(ref_rows("ref_brokerage.h", "ref_florentine16_brokerage_" .. arr .. "_sna")) do
      for c, role in ipairs(roles) do
        near(b[tname][role][who], row[c], 1e-12 * (1 + math.abs(row[c])), tname .. " " .. role .. " " .. who)
      end
    end
  end
  eq(leverage.broker_role.TOTAL + 1, leverage.BROKER_ROLES, "role constants")
  local ba = net:brokerage{undirected = true, array = true}
  eq(ba.raw.total[net:actor("Medici")], b.raw.total.Medici, "array by actor index")
end)

test("cohesion: components, coreness, communities, modularity, core-periphery", function()
  local net <close> = florentine()
  local comp, count = net:components{undirected = true}
  eq(count, 2, "Pucci is isolated")
  eq(comp.Medici, 1, "1-based component ids")
  eq(comp.Pucci, 2, "second component")
  eq(net:components{undirected = true, array = true}[net:actor("Pucci")], 2, "array")
  local _, strong = net:components()
  eq(strong, 16, "strong components of a one-way tie list")
  local core = net:coreness{undirected = true}
  for who, member in pairs(ref("ref_groups.h", "ref_florentine_core_members")) do
    eq(core[who] == 2, member == 1, "2-core member " .. who)
  end
  local ids, n, q = net:communities{seed = 3}
  local seen = {}
  for _, v in pairs(ids) do seen[v] = true end
  eq(count_keys(seen), n, "count")
  assert(seen[1] and not seen[0], "1-based community ids")
  near(net:modularity(ids), q, 1e-12, "modularity of the returned partition")
  near(net:modularity((net:communities{seed = 3, array = true})), q, 1e-12, "as an array")
  local groups = {}
  for who, g in pairs(net:actor_groups()) do groups[who] = g end
  groups.Pucci = groups.Pucci or "none"
  near(net:modularity(groups), (8 + 20) / 40 - (14 / 40) ^ 2 - (26 / 40) ^ 2, 1e-12, "factions, by hand")
  raises("no community for actor 'Albizzi'", net.modularity, net, {Acciaiuoli = 1})
  local cp, fit = net:core_periphery()
  near(cp.Medici, 1, 1e-12, "Medici is the core")
  assert(fit > 0 and fit <= 1, "fit")
end)

test("asymmetry: census, Krackhardt, centralization (Florentine)", function()
  local net <close> = florentine()
  local r = ref("ref_imbalance.h", "ref_asym_florentine16_sna")
  local d = net:dyad_census{undirected = true}
  eq(d.mutual, r.dyad_mut, "mutual")
  eq(math.type(d.null), "integer", "counts are integers")
  eq(d.null, r.dyad_null, "null")
  local t = net:triad_census{undirected = true}
  for _, k in ipairs{"003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
                     "120U", "120C", "210", "300"} do
    eq(t[k], r["triad_" .. k], "triad " .. k)
  end
  local k = net:krackhardt{undirected = true}
  for _, dim in ipairs{"connectedness", "hierarchy", "efficiency", "lubness"} do near(k[dim], r[dim], 1e-14, dim) end
  near(net:centralization{undirected = true}, r.centr_degree, 1e-14, "degree (default kind)")
  near(net:centralization("betweenness", {undirected = true, weighted = false}), r.centr_betweenness, 1e-12, "betweenness")
  near(net:centralization{kind = "betweenness", undirected = true, weighted = false}, r.centr_betweenness, 1e-12, "kind=")
  near(net:centralization(leverage.centralization.CLOSENESS, {undirected = true}),
       ref("ref_imbalance.h", "ref_asym_florentine16_nx").centr_closeness_wf, 1e-12, "closeness by constant")
  raises("invalid option 'eigen'", net.centralization, net, "eigen")
  raises("unknown kind 99", net.centralization, net, 99) -- the library's own check and message
end)

test("asymmetry: reciprocity, flow hierarchy, asymmetric pairs (Coleman)", function()
  local net <close> = coleman()
  local r = ref("ref_imbalance.h", "ref_asym_coleman_sna")
  local nx = ref("ref_imbalance.h", "ref_asym_coleman_nx")
  local arc, w = net:reciprocity()
  near(arc, r.reciprocity_arc, 1e-15, "arc")
  near(w, ref("ref_imbalance.h", "ref_asym_coleman_own").reciprocity_weighted, 1e-14, "weighted")
  near(net:flow_hierarchy{weighted = false}, nx.flow_hierarchy, 1e-14, "flow hierarchy")
  local pairs_ = net:asymmetry()
  local want = ref_list("ref_imbalance.h", "ref_asym_coleman_pairs")
  eq(#pairs_, 181, "REF_ASYM_COLEMAN_NPAIRS")
  for i, w in ipairs(want) do
    eq(pairs_[i][1] .. ">" .. pairs_[i][2], w[1], "pair " .. i)
    eq(pairs_[i][3], w[2], "gap " .. i)
  end
  local idx = net:asymmetry{array = true}
  eq(net:name(idx[1][1]), pairs_[1][1], "array: 1-based indices")
end)

test("clustering, per-actor reciprocity, directed modularity (Coleman)", function()
  local net <close> = coleman()
  close_to(net:clustering{weighted = false}, ref("ref_clustering.h", "ref_clust_coleman_dir"), 1e-12, "directed")
  close_to(net:clustering{undirected = true}, ref("ref_clustering.h", "ref_clust_coleman_und_w"), 1e-12, "onnela")
  local t, avg = net:transitivity{undirected = true, weighted = false}
  near(t, ref_scalar("ref_clustering.h", "ref_clust_coleman_transitivity"), 1e-14, "transitivity")
  near(avg, ref_scalar("ref_clustering.h", "ref_clust_coleman_und_avg"), 1e-12, "average clustering")
  local want = ref("ref_clustering.h", "ref_recip_coleman")
  local r = net:reciprocity_actors()
  close_to(r, want, 1e-15, "reciprocity")
  for who, v in pairs(r) do
    if want[who] == nil then assert(v ~= v, "no ties: NaN for " .. who) end
  end
  local part = ref("ref_clustering.h", "ref_dmod_coleman_w_part")
  near(net:modularity(part, {directed_modularity = true}), ref_scalar("ref_clustering.h", "ref_dmod_coleman_w_q"),
       1e-12, "directed modularity")
  local _, _, q = net:communities{directed_modularity = true, seed = 1}
  assert(q >= ref_scalar("ref_clustering.h", "ref_dmod_coleman_w_louvain_fixed_best") - 1e-12, "louvain quality")
end)

test("asymmetry: the cap/len protocol stays inside the binding", function()
  local net <close> = coleman()
  -- the length query (answered with LEV_ERANGE) records nothing on the caller's Params
  local p <close> = leverage.params{weighted = false}
  eq(#net:asymmetry(p), 181, "all pairs")
  local msg, code = p:last_error()
  eq(code, "LEV_OK", "no LEV_ERANGE left on the caller's options")
  eq(msg, "", "no message")
  eq(#net:asymmetry{params = p, array = true}, 181, "params= too")
  eq(select(2, p:last_error()), "LEV_OK", "still none")
  eq(#leverage.network():asymmetry(), 0, "no pair: one call, LEV_OK with length 0")
  local d = leverage.network()
  d:add_resource("r")
  eq(#d:dependence(), 0, "no dependence")
  raises("unknown option 'cap'", net.asymmetry, net, {cap = 0})
  -- a real failure of a cap/len call still raises, with the library's message
  raises("cancelled", net.rich_club, net, {progress = function() return true end})
  local q <close> = leverage.params()
  raises("cancelled", net.rich_club, net, {params = q, progress = function() return true end})
end)

test("dependence: Florentine wealth, exact values", function()
  local net <close> = florentine()
  for who, need in pairs(ref("ref_groups.h", "ref_florentine_needs")) do
    local held = net:get_resource(who, "wealth")
    net:set_resource(who, "wealth", held, need)
  end
  local want, n = ref_values(REF .. "ref_groups.h", "ref_florentine_dep_wealth_all")
  local deps = net:dependence("wealth")
  eq(#deps, n, "pairs")
  for i, d in ipairs(deps) do
    local key, rev = d[1] .. "|" .. d[2], d[2] .. "|" .. d[1]
    near(d[3], want[key], 1e-12, key)
    near(d[4], want[key] - (want[rev] or 0), 1e-12, key .. " advantage")
    if i > 1 then assert(deps[i - 1][3] >= d[3], "largest first") end
  end
  eq(#net:dependence(), n, "nil: all resources (only wealth)")
  eq(#net:dependence{scope = "all"}, n, "options without a resource")
  local arr = net:dependence(1, {array = true})
  eq(net:name(arr[1][1]) .. "|" .. net:name(arr[1][2]), deps[1][1] .. "|" .. deps[1][2], "array: 1-based indices")
  local nb = net:dependence("wealth", {scope = "neighbours"})
  local nb_want, nb_n = ref_values(REF .. "ref_groups.h", "ref_florentine_dep_wealth_nb")
  eq(#nb, nb_n, "neighbours' pairs")
  for _, d in ipairs(nb) do near(d[3], nb_want[d[1] .. "|" .. d[2]], 1e-12, "neighbours") end
  local pa, imb = net:power_advantage("wealth")
  close_to(pa, ref("ref_groups.h", "ref_florentine_pa_wealth_all"), 1e-12, "power advantage")
  near(imb, ref_scalar("ref_groups.h", "ref_florentine_imbalance_wealth_all"), 1e-12, "imbalance")
  raises("invalid option 'galaxy'", net.dependence, net, "wealth", {scope = "galaxy"})
  raises("unknown resource 'gold'", net.power_advantage, net, "gold")
end)

test("groups: labels, influence, E-I, assortativity, rich club, outsiders (Florentine)", function()
  local net <close> = florentine()
  eq(net:group_count(), 2, "group_count")
  eq(table.concat(net:groups(), ","), "medicean,oligarch", "groups")
  eq(net:actor_groups().Strozzi, "oligarch", "actor_groups")
  eq(net:actor_groups{array = true}[net:actor("Strozzi")], 2, "1-based group index")
  local ei, all = net:ei_index()
  local er = ref("ref_groups.h", "ref_florentine_ei")
  near(ei.medicean, er.medicean, 1e-12, "E-I medicean")
  near(all, er["(overall)"], 1e-12, "E-I overall")
  local m, as, is = net:group_influence{undirected = true, tolerance = 1e-14}
  for key, v in pairs(ref("ref_groups.h", "ref_florentine_influence_matrix")) do
    local g, h = key:match("([^|]+)|(.+)")
    eq(m[g][h], v, "matrix " .. key)
  end
  close_to(as, ref("ref_groups.h", "ref_florentine_actor_share"), 0, "actor share")
  close_to(is, ref("ref_groups.h", "ref_florentine_influence_share_igraph"), 1e-9, "influence share")
  eq(net:group_influence{undirected = true, array = true}[2][2], m.oligarch.oligarch, "array matrix")
  near(net:assortativity_groups{undirected = true, weighted = false},
       ref_scalar("ref_groups.h", "ref_florentine_assort_groups_nx"), 1e-12, "assortativity by group")
  near(net:assortativity(ref("ref_groups.h", "ref_florentine_score"), {undirected = true, weighted = false}),
       ref_scalar("ref_groups.h", "ref_florentine_assort_score_nx"), 1e-12, "assortativity by score")
  raises("no score for actor", net.assortativity, net, {Medici = 1})
  raises("not finite", net.assortativity, net, {0 / 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})
  local raw, norm = net:rich_club{seed = 5, samples = 4}
  local rc = ref("ref_groups.h", "ref_florentine_rich_club_nx")
  for k = 0, 3 do near(raw[k + 1], rc[tostring(k)], 1e-12, "phi(" .. k .. ")") end
  eq(#norm, #raw, "normalized")
  local raw2, none = net:rich_club{normalized = false}
  eq(none, nil, "normalized = false skips the rewiring")
  eq(raw2[1], raw[1], "same raw")
  local share, flags = net:outsiders{undirected = true}
  close_to(share, ref("ref_groups.h", "ref_florentine_outsiders_group"), 1e-12, "outsiders share")
  eq(flags.Strozzi, "incrowd", "in-crowd member")
  eq(flags.Acciaiuoli, "outsider", "outsider")
  eq(flags.Medici, nil, "neither")
  close_to((net:outsiders{undirected = true, incrowd = "core"}), ref("ref_groups.h", "ref_florentine_outsiders_core"),
           1e-12, "core in-crowd")
  eq(leverage.incrowd.CORE, 2, "constants")
  raises("invalid option 'vip'", net.outsiders, net, {incrowd = "vip"})
end)

test("inequality: module functions (Florentine wealth, exact values)", function()
  local x = ref_doubles("ref_imbalance.h", "ineq_x_florentine_wealth")
  local r = ref("ref_imbalance.h", "ref_ineq_florentine_wealth")
  near(leverage.gini(x), r.gini, 1e-12, "gini")
  near(leverage.gini(x, {small_sample = true}), r.gini_small_sample, 1e-12, "small sample")
  local t, l = leverage.theil(x)
  near(t, r.theil_t, 1e-12, "theil T")
  near(l, r.theil_l, 1e-12, "theil L")
  near(leverage.hhi(x), r.hhi, 1e-12, "hhi")
  near(leverage.palma(x), r.palma, 1e-12, "palma")
  near(leverage.top_share(x), r.top_share, 1e-12, "top share")
  near(leverage.top_share(x, {top_k = 3}), r.top_share_k3, 1e-12, "top 3")
  local px, py = leverage.lorenz(x)
  local want = ref_doubles("ref_imbalance.h", "ref_ineq_florentine_wealth_lorenz")
  eq(#px, #x + 1, "n + 1 points")
  for i, v in ipairs(want) do near(py[i], v, 1e-12, "lorenz " .. i) end
  raises("element 2 is a string", leverage.gini, {1, "a"})
  raises("-2", leverage.gini, {1, -2, 3}) -- the library's message names the value
  raises("top_fraction", leverage.top_share, x, {top_fraction = 2})
  raises("table expected", leverage.hhi, 5)
end)

test("analyses: limits, closed networks, busy networks", function()
  local rows = {"name"}
  for i = 1, 20001 do rows[#rows + 1] = "a" .. i end
  local big <close> = leverage.network():read_string(table.concat(rows, "\n"), "actors")
  raises("20000", big.bonacich, big) -- LEV_ELIMIT, checked before allocating
  local net = florentine()
  raises("cannot change while an analysis", net.katz, net,
         {undirected = true, tolerance = 0, progress = function() net:add_actor("Z") end})
  net:close()
  raises("network is closed", net.betweenness, net)
  raises("network is closed", net.dependence, net)
end)

test("bypass: dominators, articulation points, bridges (Florentine, NetworkX values)", function()
  local net <close> = florentine()
  local d = net:dominators("Medici")
  eq(count_keys(d), 5, "Medici reaches 4 families along the listed direction")
  eq(d.Medici, "Medici", "the source dominates itself")
  eq(d.Strozzi, "Ridolfi", "Strozzi only through Ridolfi")
  eq(d.Pucci, nil, "unreachable: absent")
  local da = net:dominators(net:actor("Medici"), {array = true})
  eq(da[net:actor("Pucci")], false, "unreachable: false in the array")
  eq(da[net:actor("Strozzi")], net:actor("Ridolfi"), "1-based indices")
  eq(net:dominators("Medici", {undirected = true}).Pazzi, "Salviati", "undirected")
  local ap = net:articulation_points()
  eq(table.concat(ap, ","), "Albizzi,Guadagni,Medici,Salviati", "articulation points")
  local br = net:bridges()
  eq(#br, 5, "five bridges")
  eq(br[1][1] .. "-" .. br[1][2], "Acciaiuoli-Medici", "first bridge")
  eq(br[5][1] .. "-" .. br[5][2], "Pazzi-Salviati", "last bridge")
  local bi = net:bridges{array = true}
  assert(bi[1][1] < bi[1][2], "a < b")
  raises("out of range", function() return net:dominators(99) end)
  local two <close> = leverage.network()
  two:add_edge("a", "b", 1)
  two:add_edge("b", "a", 1)
  two:add_edge("b", "c", 1)
  eq(#two:bridges(), 1, "parallel edges between a and b: not a bridge")
end)

test("opinion: the hand-worked 3-actor example of docs/opinion.md, and a periodic class", function()
  local net <close> = leverage.network()
  for _, a in ipairs{"A", "B", "C"} do net:add_actor(a) end
  net:add_edge("A", "B", 1)
  net:add_edge("C", "B", 1)
  net:add_edge("B", "C", 1)
  local u, lam = {A = 1, B = 0, C = 0}, {0, 0.5, 0.5}
  local x = net:friedkin_johnsen(u, lam)
  assert(math.abs(x.B - 2 / 7) < 1e-10 and math.abs(x.C - 1 / 7) < 1e-10, "x = (1, 2/7, 1/7)")
  local inf = net:friedkin_johnsen_influence(lam)
  assert(math.abs(inf.A - 10 / 7) < 1e-10, "A's influence 10/7")
  local sa, st = net:opinion_pressure(u, lam)
  assert(math.abs(sa.A - 10 / 21) < 1e-10, "mean target: influence / 3")
  assert(#st == 3 and math.abs(st[1] - 3 / 49) < 1e-10, "tie A -> B: 3/49")
  local sb = net:opinion_pressure(u, lam, "B", {array = true})
  eq(#sb, 3, "array of 3")
  local pw, cls, per, cons = net:degroot()
  eq(pw.A, 1.0, "A holds all the power")
  eq(cls.A, 1, "A's closed class")
  eq(cls.B, nil, "B in none")
  eq(per[1], 1, "aperiodic")
  eq(cons, true, "a consensus")
  local lim = net:degroot_limit(u, {tolerance = 1e-14})
  assert(math.abs(lim.C - 1) < 1e-12, "everyone ends at A's opinion")
  local two <close> = leverage.network()
  two:add_edge("a", "b", 1)
  two:add_edge("b", "a", 1)
  local _, _, p2, c2 = two:degroot()
  eq(p2[1], 2, "period 2")
  eq(c2, false, "no consensus")
  raises("period 2", function() return two:degroot_limit({0, 1}) end)
  raises("susceptibility 1", function() return two:friedkin_johnsen({0, 1}, {1, 1}) end)
end)

test("control and key players: drivers, classes, key players (Florentine, NetworkX values)", function()
  -- tests/ref/ref_control.h: N_D 5 as listed, 1 both ways (nx.bipartite.hopcroft_karp_matching);
  -- the best fragmentation over all pairs is 0.70512820512820507, by {Medici, Guadagni}
  local net <close> = leverage.read{edges = ROOT .. "/examples/data/florentine_edges.csv"}
  eq(#net:drivers(), 5, "N_D as listed")
  eq(#net:drivers{undirected = true}, 1, "N_D both ways")
  local di = net:drivers{array = true}
  eq(net:name(di[1]), net:drivers()[1], "indices and names agree")
  local chain <close> = leverage.network()
  chain:add_edge("a", "b", 1)
  chain:add_edge("b", "c", 1)
  local cls = chain:control_classes()
  eq(cls.a, "critical", "the head of a chain")
  eq(cls.c, "redundant", "the rest")
  eq(chain:control_classes{array = true}[2], leverage.control_class.REDUNDANT, "codes")
  local set, score = net:keyplayers(2, {kp_measure = "fragment"})
  table.sort(set)
  eq(table.concat(set, ","), "Guadagni,Medici", "the pair that fragments most")
  assert(math.abs(score - 0.70512820512820507) < 1e-12, "fragmentation " .. score)
  eq(net:keyplayer_score({"Medici", "Guadagni"}, {kp_measure = "fragment"}), score, "the set's score")
  local _, r = net:keyplayers(2, {kp_measure = leverage.kp_measure.DREACH, kp_starts = 8, undirected = true})
  assert(math.abs(r - 0.8666666666666667) < 1e-12, "distance-weighted reach " .. r)
  raises("k = 0", function() return net:keyplayers(0) end)
  raises("twice", function() return net:keyplayer_score({"Medici", "Medici"}) end)
end)

test("coalition: UN Security Council, a hand-worked game, the cheapest alliance", function()
  local un <close> = leverage.network()
  un:add_resource("votes")
  for i = 1, 15 do
    un:add_actor("m" .. i)
    un:set_resource("m" .. i, "votes", i <= 5 and 7 or 1, 0)
  end
  local vp = un:voting_power("votes", {quota = 39})
  eq(vp.method, "exact", "exact by dynamic programming")
  near(vp.shapley.m1, 0.1963, 5e-5, "Shapley-Shubik, permanent member (published)")
  near(vp.shapley.m9, 4 / 2145, 1e-15, "Shapley-Shubik, other member")
  near(vp.banzhaf.m1, 848 / 5080, 1e-15, "normalized Banzhaf, permanent member")
  eq(vp.shapley_err.m1, 0, "exact: no error bar")
  local coalitions, count = un:minimal_winning("votes", {quota = 39, coalition_limit = 2})
  eq(count, 210, "5 permanent and 4 of 10")
  eq(#coalitions, 2, "listed up to the limit")
  eq(#coalitions[1], 9, "nine members")
  local dp, hp = un:packel_indices("votes", {quota = 39, array = true})
  near(dp[1] * 5 + dp[6] * 10, 1, 1e-12, "Deegan-Packel sums to 1")
  near(hp[1] * 5 + hp[6] * 10, 1, 1e-12, "Holler-Packel sums to 1")
  local mem, cost, method = un:cheapest_alliance("votes", {quota = 39})
  eq(#mem, 9, "fewest")
  eq(cost, 9, "cost: the number of actors")
  eq(method, "exact", "exact")
  eq(leverage.coalition_method.SAMPLED, 2, "method codes")

  -- A 50, B 30, C 20, quota 51 (docs/alliances.md), B tied to A and C
  local g <close> = leverage.network()
  g:add_resource("votes")
  g:add_resource("cost")
  for _, name in ipairs{"A", "B", "C"} do g:add_actor(name) end
  for name, w in pairs{A = 50, B = 30, C = 20} do g:set_resource(name, "votes", w, 0) end
  for name, c in pairs{A = 10, B = 3, C = 2} do g:set_resource(name, "cost", c, 0) end
  g:add_edge("A", "B", 1)
  g:add_edge("C", "B", 1)
  local p = g:voting_power("votes", {quota = 51})
  near(p.shapley.A, 2 / 3, 1e-15, "A pivotal in 4 of 6 orders")
  near(p.banzhaf_raw.B, 0.25, 1e-15, "B decisive for 1 of 4 coalitions of the others")
  local c = g:voting_power("votes", {quota = 51, connected = 1})
  near(c.shapley.B, 0.5, 1e-15, "connected: A + C is no coalition")
  local s = g:voting_power("votes", {quota = 51, connected = 1, enum_limit = 0, coalition_samples = 5000})
  eq(s.method, "sampled", "sampled beyond the enumeration limit")
  assert(math.abs(s.shapley.B - 0.5) <= 5 * s.shapley_err.B, "within 5 standard errors")
  local m2, c2 = g:cheapest_alliance("votes", "cost", {quota = 51})
  eq(table.concat(m2, ","), "A,C", "least cost")
  eq(c2, 12, "its cost")
  local m3, c3 = g:cheapest_alliance("votes", "cost", {quota = 51, connected = 1})
  eq(table.concat(m3, ","), "A,B", "least cost, connected")
  eq(c3, 13, "its cost")
  local _, c4 = g:cheapest_alliance("votes", {quota = 1000})
  eq(c4, math.huge, "out of reach")
  raises("coalition_limit", function() return un:packel_indices("votes", {quota = 39, coalition_limit = 1}) end)
end)

test("campaigns: spread and seeds", function()
  local net <close> = leverage.network()
  for _, side in ipairs{"a", "b"} do
    for i = 0, 4 do net:add_actor(side .. i, side) end
  end
  for _, side in ipairs{"a", "b"} do
    for i = 0, 4 do
      for j = 0, 4 do
        if i ~= j then net:add_edge(side .. i, side .. j, 1) end
      end
    end
  end
  net:add_edge("a0", "b0", 0.4)
  local sp, se, lo, hi, prob = net:spread({"b1"}, {probability = "strength", runs = 500})
  eq(sp, 5, "clique b reaches itself")
  eq(se, 0, "no variance")
  eq(lo, 5, "interval low")
  eq(prob.b3, 1, "activation probability")
  eq(prob.a1, 0, "b does not reach a")
  local sp2 = net:spread({"a1"}, {model = "ic", probability = "strength", runs = 20000})
  near(sp2, 7, 5 * math.sqrt(25 * 0.24 / 20000), "5 + 0.4 * 5")
  eq(net:spread({"a1"}, {model = "lt", runs = 100, seed = 3}),
     net:spread({"a1"}, {model = "lt", runs = 100, seed = 3, threads = 2}), "same for any threads")
  local seeds, gains, total, ratio, sets, bytes = net:seeds(2, {probability = "strength"})
  eq(#seeds, 2, "two seeds")
  assert(seeds[1]:sub(1, 1) == "a" and seeds[2]:sub(1, 1) == "b", "one per clique")
  near(total, 10, 1e-9, "everyone")
  near(gains[1] + gains[2], total, 1e-9, "gains add up")
  assert(ratio >= 1 - 1 / math.exp(1) - 0.1 and ratio <= 1, "certified ratio")
  assert(sets > 0 and bytes > 0, "RR sets reported")
  local s2 = net:seeds(2, {probability = "strength", required = {"b3"}, excluded = {"a0", "a1", "a2", "a3", "a4"}})
  eq(s2[1], "b3", "required first")
  assert(s2[2]:sub(1, 1) == "b", "a excluded")
  local cost = {}
  for i = 0, 4 do cost["a" .. i] = 5; cost["b" .. i] = 1 end
  local s3 = net:seeds(10, {probability = "strength", cost = cost, budget = 3})
  eq(#s3, 1, "budget 3 buys one b")
  local s4 = net:seeds(1, {probability = "strength", group = "b", array = true})
  assert(s4[1] >= 1 and s4[1] <= 10, "1-based index")
  raises("k is 0", function() return net:seeds(0) end)
  raises("no group", function() return net:seeds(1, {group = "zzz"}) end)
  local bad <close> = leverage.network()
  bad:add_edge("x", "y", 2)
  raises("has strength 2", function() return bad:spread({"x"}, {probability = "strength"}) end)
end)

-- ---- interchange formats (issue 21) ---------------------------------------------------------------
test("formats: GML, Pajek, GraphML round trips, scores, JSON, DOT, the peers' files", function()
  local net <close> = leverage.read{actors = ROOT .. "/examples/data/florentine_actors.csv",
                                    edges = ROOT .. "/examples/data/florentine_edges.csv"}
  local values = net:pagerank{array = true}
  local n = #net:actors()
  for _, fmt in ipairs{"gml", "pajek"} do
    local text = net:write(fmt)
    local back <close> = leverage.network()
    back:read_string(text, fmt, "ours")
    eq(#back:actors(), n, fmt .. " actors")
    eq(back:edge_count(), net:edge_count(), fmt .. " edges")
  end
  local json = net:write_scores("json", {{"pagerank", values}})
  assert(json:find('"id": "Medici", "group": "medicean", "pagerank": ', 1, true), json:sub(1, 200))
  local dot = net:write_scores("dot", {{"pagerank", values}})
  assert(dot:find("digraph leverage {", 1, true) == 1, "DOT")
  eq(leverage.format.GML, 6, "format constant")
  raises("carries no scores", function() return net:write_scores("pajek", {{"x", values}}) end)
  raises("one value per actor", function() return net:write_scores("json", {{"x", {1, 2}}}) end)
  local peer <close> = leverage.network()
  peer:read(ROOT .. "/tests/data/interchange/florentine_networkx.gml", "gml")
  eq(peer:edge_count(), net:edge_count(), "NetworkX's GML")
  local bad <close> = leverage.network()
  raises("t.net:1:1: no *Vertices section", function() return bad:read_string("", "pajek", "t.net") end)
  local path = os.tmpname()
  net:write_scores_file(path, "gml", {{"pagerank", values}})
  local g <close> = leverage.network()
  g:read(path, "gml")
  os.remove(path)
  eq(#g:actors(), n, "GML file")
end)

test("bypass of leverage: tie bypass, reliance, edge leverage (worked example of docs/bypass.md)", function()
  local net <close> = leverage.network()
  net:add_edge("Ann", "Bob", 2)
  net:add_edge("Bob", "Ann", 1)
  net:add_edge("Ann", "Cal", 1)
  net:add_edge("Dee", "Ann", 3)
  local tb = net:tie_bypass{bypass_measure = "strength"}
  eq(tb.Ann.score, 7, "strength of Ann")
  assert(math.abs(tb.Ann.survives - 4 / 7) < 1e-15, "4/7 survives")
  eq(tb.Ann.tie[1] .. "->" .. tb.Ann.tie[2], "Dee->Ann", "costliest tie")
  local ta = net:tie_bypass{bypass_measure = "strength", array = true}
  eq(ta[1].tie[1], 4, "1-based indices")
  assert(math.abs(net:tie_bypass{bypass_measure = "strength", bypass_ties = 2}.Ann.survives - 2 / 7) < 1e-15, "k = 2")
  local r, total = net:reliance{bypass_measure = leverage.bypass_measure.STRENGTH}
  assert(math.abs(r.Ann - 5 / 7) < 1e-15, "reliance of Ann")
  assert(math.abs(total - 10 / 14) < 1e-15, "network reliance")
  local el = net:edge_leverage{bypass_measure = "strength"}
  eq(#el, 4, "four ties")
  eq(el[1][1] .. "->" .. el[1][2] .. "=" .. el[1][3], "Dee->Ann=6.0", "largest first")
  raises("LEV_P_BYPASS_LIMIT", function() return net:edge_leverage{bypass_measure = "betweenness", bypass_limit = 1} end)
end)

test("bypass of leverage: channel bypass", function()
  local net <close> = leverage.network()
  net:add_edge("Ann", "Bob", 2, "money")
  net:add_edge("Bob", "Ann", 1, "kin")
  net:add_edge("Ann", "Cal", 1, "money")
  net:add_edge("Dee", "Ann", 3, "kin")
  eq(table.concat(net:channels(), ","), "money,kin", "channel labels")
  local share, dep = net:channel_bypass{bypass_measure = "strength"}
  assert(math.abs(share.Ann.money - 4 / 7) < 1e-15, "Ann without money")
  assert(math.abs(share.Ann.kin - 3 / 7) < 1e-15, "Ann without kin")
  assert(math.abs(dep.Ann - 4 / 7) < 1e-15, "Ann's channel dependence")
  local sa = net:channel_bypass{bypass_measure = "strength", array = true}
  assert(math.abs(sa[1][2] - 3 / 7) < 1e-15, "array form")
end)

test("drawing: layout in the unit square, seeded, same for any thread count", function()
  local net = florentine()
  local a = net:layout{seed = 5, layout_iterations = 50}
  local b = net:layout{seed = 5, layout_iterations = 50, threads = 2, array = true}
  local c = net:layout{seed = 6, layout_iterations = 50, array = true}
  local names, same, differ = net:actors(), true, false
  for i, name in ipairs(names) do
    local p = a[name]
    assert(p[1] >= 0 and p[1] <= 1 and p[2] >= 0 and p[2] <= 1, "in the unit square")
    if p[1] ~= b[i][1] or p[2] ~= b[i][2] then same = false end
    if p[1] ~= c[i][1] or p[2] ~= c[i][2] then differ = true end
  end
  assert(same, "same seed, same drawing")
  assert(differ, "another seed, another drawing")
  local solo = leverage.network()
  solo:add_actor("solo")
  local s = solo:layout()
  eq(s.solo[1], 0.5, "one actor x")
  eq(s.solo[2], 0.5, "one actor y")
  raises("layout_iterations", function() solo:layout{layout_iterations = 0} end)
end)

-- ---- run --------------------------------------------------------------------------------------------
local passed, failed, skipped = 0, 0, 0
for _, t in ipairs(tests) do
  local ok, res = xpcall(t.fn, debug.traceback)
  if not ok then
    failed = failed + 1
    print("FAIL " .. t.name .. "\n  " .. tostring(res):gsub("\n", "\n  "))
  elseif res == "skip" then
    skipped = skipped + 1
    print("skip " .. t.name .. " (needs lua_host)")
  else
    passed = passed + 1
    print("ok   " .. t.name)
  end
end
if skipped > 0 then print(("(%d skipped)"):format(skipped)) end
print(("%d passed, %d failed"):format(passed, failed))
if failed > 0 then error("some tests failed", 0) end
