-- wrk script: GET a workshop's page as a signed-in attendee sees it, most supported first: the
-- same 20 contributions as list.lua, rendered as HTML with their tallies and vote forms.
local common = dofile("bench/common.lua")
local cookies = common.lines(os.getenv("BENCH_COOKIES"))
local workshops = common.lines(os.getenv("BENCH_WORKSHOPS"))

request = function()
  local path = "/ateliers/" .. workshops[math.random(#workshops)] .. "?tri=soutien"
  return wrk.format("GET", path, { ["Cookie"] = "atelier_session=" .. cookies[math.random(#cookies)], ["Accept"] = "text/html" })
end

done = common.summary("page")
