-- POST {url} a new user per request; userName = PREFIX-<thread>-<counter>@example.com, so every
-- request of a run is distinct (PREFIX must be unique to the run).
-- wrk -s post-user.lua http://127.0.0.1:PORT/scim/v2/TENANT/Users -- PREFIX
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

local template = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],'
   .. '"userName":"%s","externalId":"%s","active":true,'
   .. '"name":{"givenName":"Bench","familyName":"User %d"},"displayName":"Bench User %d",'
   .. '"emails":[{"value":"%s","type":"work","primary":true}]}'

function init(args)
   prefix = args[1] or error("post-user.lua needs a run-unique prefix")
   counter = 0
   wrk.headers["Content-Type"] = "application/scim+json"
end

function request()
   counter = counter + 1
   local userName = string.format("%s-%d-%d@example.com", prefix, id, counter)
   local external = string.format("%s-%d-%d", prefix, id, counter)
   return wrk.format("POST", nil, nil, string.format(template, userName, external, counter, counter, userName))
end
