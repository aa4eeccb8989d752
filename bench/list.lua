-- wrk script: GET the first page of a workshop's contributions, sorted by support.
local common = dofile("bench/common.lua")
local tokens = common.lines(os.getenv("BENCH_TOKENS"))
local workshops = common.lines(os.getenv("BENCH_WORKSHOPS"))

request = function()
  local path = "/api/v1/workshops/" .. workshops[math.random(#workshops)] .. "/contributions?sort=support&limit=20"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
end

done = common.summary("list")
