-- PATCH {url} (one user) replacing active with false, then true, alternately; no If-Match.
-- wrk -s patch-active.lua http://127.0.0.1:PORT/scim/v2/TENANT/Users/ID
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

local function body(active)
   return '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],'
      .. '"Operations":[{"op":"replace","path":"active","value":' .. active .. '}]}'
end

function init(args)
   counter = 0
   suspend = body("false")
   restore = body("true")
   wrk.headers["Content-Type"] = "application/scim+json"
end

function request()
   counter = counter + 1
   return wrk.format("PATCH", nil, nil, counter % 2 == 1 and suspend or restore)
end
