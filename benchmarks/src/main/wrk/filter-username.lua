-- GET {url}?filter=userName eq "<name>" of a random existing userName read from a file, one a line.
-- wrk -s filter-username.lua http://127.0.0.1:PORT/scim/v2/TENANT/Users -- NAMES_FILE SEED
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

local function encode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if #line > 0 then
         paths[#paths + 1] = wrk.path .. "?filter=" .. encode('userName eq "' .. line .. '"')
      end
   end
   if #paths == 0 then error("no userNames in " .. args[1]) end
   math.randomseed(tonumber(args[2] or "1") + id * 7919)
end

function request()
   return wrk.format("GET", paths[math.random(#paths)])
end
