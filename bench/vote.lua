-- wrk script: PUT /api/v1/contributions/{id}/vote with random participants, contributions and values.
-- Tokens and contribution ids come from files written by deploy/bench.sh.
local function lines(path)
  local out = {}
  for line in io.lines(path) do if #line > 0 then out[#out + 1] = line end end
  return out
end

local tokens = lines(os.getenv("BENCH_TOKENS"))
local ids = lines(os.getenv("BENCH_CONTRIBUTIONS"))
local values = { "agree", "disagree", "pass" }

request = function()
  local token = tokens[math.random(#tokens)]
  local id = ids[math.random(#ids)]
  local body = '{"value":"' .. values[math.random(#values)] .. '"}'
  return wrk.format("PUT", "/api/v1/contributions/" .. id .. "/vote",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("vote: %d requests, %d non-2xx, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, non2xx, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
