-- GET {url}{id} of a random id read from a file, one id a line.
-- wrk -s get-by-id.lua http://127.0.0.1:PORT/scim/v2/TENANT/Users/ -- IDS_FILE SEED
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

function init(args)
   ids = {}
   for line in io.lines(args[1]) do
      if #line > 0 then ids[#ids + 1] = line end
   end
   if #ids == 0 then error("no ids in " .. args[1]) end
   math.randomseed(tonumber(args[2] or "1") + id * 7919)
   base = wrk.path
end

function request()
   return wrk.format("GET", base .. ids[math.random(#ids)])
end
