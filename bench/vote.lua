-- wrk script: PUT /api/v1/contributions/{id}/vote with random participants, contributions and values.
local common = dofile("bench/common.lua")
local tokens = common.lines(os.getenv("BENCH_TOKENS"))
local ids = common.lines(os.getenv("BENCH_CONTRIBUTIONS"))
local values = { "agree", "disagree", "pass" }

request = function()
  local body = '{"value":"' .. values[math.random(#values)] .. '"}'
  return wrk.format("PUT", "/api/v1/contributions/" .. ids[math.random(#ids)] .. "/vote",
    { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)], ["Content-Type"] = "application/json" }, body)
end

done = common.summary("vote")
