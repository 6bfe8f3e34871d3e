-- Rule 28: the Lua binding is complete. Fails when
--   * a LEV_API function of include/leverage.h is not called by bindings/lua/leverage.c, or the
--     binding calls a lev_ function the header does not declare;
--   * an enum constant of the header (status codes, formats, directions, option keys and types,
--     in-crowds, scopes, broker roles, centralization kinds, Krackhardt dimensions) is missing from
--     the module's tables, differs in value, or the module carries one the header lacks;
--   * a numeric #define of the header is neither a field of the module nor listed below as
--     expressed otherwise.
-- Usage: lua5.4 api_coverage.lua include/leverage.h bindings/lua/leverage.c
-- The last line printed is "N passed, N failed".
local header_path, source_path = arg[1], arg[2]
assert(header_path and source_path, "usage: api_coverage.lua leverage.h leverage.c")

local function read_all(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local header, source = read_all(header_path), read_all(source_path)
-- Comments out of the source, so a mention in a comment does not count as a call.
source = source:gsub("/%*.-%*/", " "):gsub("//[^\n]*", " ")

local passed, failed = 0, 0
local function check(ok, what)
  if ok then passed = passed + 1 else failed = failed + 1; print("FAIL " .. what) end
end

-- Functions: every `LEV_API <type> <name>(` in the header.
local api = {}
for decl in header:gmatch("\nLEV_API%s+([^;]-)%(") do
  local name = decl:match("([%w_]+)%s*$")
  api[#api + 1] = name
  api[name] = true
end
check(#api > 0, "the header declares LEV_API functions")
for _, name in ipairs(api) do
  check(source:find("%f[%w_]" .. name .. "%s*%(") ~= nil, "leverage.c calls " .. name)
end
for name in source:gmatch("%f[%w_](lev_[%w_]+)%s*%(") do
  check(api[name] ~= nil, "leverage.c calls only public functions: " .. name)
end
print(("%d LEV_API functions"):format(#api))

-- Enum constants: every `LEV_<PREFIX><NAME> = <value>` inside an enum of the header.
local leverage = require "leverage"
local tables = { -- header prefix -> module table
  {prefix = "LEV_FORMAT_", t = leverage.format, name = "format"},
  {prefix = "LEV_DIR_", t = leverage.direction, name = "direction"},
  {prefix = "LEV_P_", t = leverage.param, name = "param"},
  {prefix = "LEV_TYPE_", t = leverage.type, name = "type"},
  {prefix = "LEV_INCROWD_", t = leverage.incrowd, name = "incrowd"},
  {prefix = "LEV_SCOPE_", t = leverage.scope, name = "scope"},
  {prefix = "LEV_BROKER_", t = leverage.broker_role, name = "broker_role"},
  {prefix = "LEV_CENTRALIZATION_", t = leverage.centralization, name = "centralization"},
  {prefix = "LEV_KRACKHARDT_", t = leverage.krackhardt, name = "krackhardt"},
  {prefix = "LEV_CONTROL_", t = leverage.control_class, name = "control_class"},
  {prefix = "LEV_KP_", t = leverage.kp_measure, name = "kp_measure"},
  {prefix = "LEV_COALITION_", t = leverage.coalition_method, name = "coalition_method"},
  {prefix = "LEV_MODEL_", t = leverage.model, name = "model"},
  {prefix = "LEV_PROB_", t = leverage.probability, name = "probability"},
  {prefix = "LEV_SEED_", t = leverage.seed_rule, name = "seed_rule"},
  {prefix = "LEV_BYPASS_", t = leverage.bypass_measure, name = "bypass_measure"},
  {prefix = "LEV_", t = leverage.status, name = "status"}, -- the rest: enum lev_status_code
}
local seen = {}
for _, tb in ipairs(tables) do seen[tb.name] = {} end
local nconst = 0
for body in header:gmatch("enum%s+[%w_]*%s*{(.-)}") do
  body = body:gsub("/%*.-%*/", " ")
  for name, value in body:gmatch("(LEV_[%w_]+)%s*=%s*([^,\n]+)") do
    nconst = nconst + 1
    local v = tonumber((value:gsub("%s+$", "")))
    for _, tb in ipairs(tables) do
      if name:sub(1, #tb.prefix) == tb.prefix then
        local key = name:sub(#tb.prefix + 1)
        seen[tb.name][key] = true
        check(tb.t[key] == v, ("leverage.%s.%s == %s (%s)"):format(tb.name, key, tostring(v), name))
        break
      end
    end
  end
end
check(nconst > 0, "the header's enums have constants")
for _, tb in ipairs(tables) do
  for key in pairs(tb.t) do
    check(seen[tb.name][key], ("leverage.%s.%s is in the header"):format(tb.name, key))
  end
end
-- Every option key the header names can be looked up by its library name.
for key, value in pairs(leverage.param) do
  if key ~= "EXPERIMENTAL_BASE" then
    check(leverage.option(value).name == key:lower(), "option " .. key .. " is named " .. key:lower())
  end
end
print(("%d enum constants"):format(nconst))

-- Numeric #defines: LEV_<NAME> is leverage.<NAME>, unless the module expresses it otherwise.
local otherwise = {
  NONE = "an absent index is nil in Lua (e.g. net:dependence() for all resources)",
  VERSION_MAJOR = "in leverage.VERSION_NUMBER and leverage._VERSION",
  VERSION_MINOR = "in leverage.VERSION_NUMBER and leverage._VERSION",
  VERSION_PATCH = "in leverage.VERSION_NUMBER and leverage._VERSION",
}
local ndef = 0
for name, value in header:gmatch("\n#define LEV_([%w_]+)[ \t]+([^\n]+)") do
  if not name:find("^STATUS_MAP") and name ~= "API" and name ~= "VERSION_STRING" then
    ndef = ndef + 1
    if otherwise[name] then
      check(leverage[name] == nil, "leverage." .. name .. " is absent (" .. otherwise[name] .. ")")
    else
      local v = tonumber((value:gsub("u$", "")))
      check(leverage[name] ~= nil and (v == nil or leverage[name] == v),
            ("leverage.%s == LEV_%s (%s)"):format(name, name, value))
    end
  end
end
check(leverage.VERSION_NUMBER // 10000 == tonumber(header:match("#define LEV_VERSION_MAJOR (%d+)")),
      "VERSION_NUMBER carries the header's major")
print(("%d numeric #defines"):format(ndef))
print(("%d passed, %d failed"):format(passed, failed))
if failed > 0 then os.exit(1) end
