-- wrk script: GET the first page of a workshop's contributions, sorted by support.
local function lines(path)
  local out = {}
  for line in io.lines(path) do if #line > 0 then out[#out + 1] = line end end
  return out
end

local tokens = lines(os.getenv("BENCH_TOKENS"))
local workshops = lines(os.getenv("BENCH_WORKSHOPS"))

request = function()
  local path = "/api/v1/workshops/" .. workshops[math.random(#workshops)] .. "/contributions?sort=support&limit=20"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
end

done = function(summary, latency, requests)
  io.write(string.format("list: %d requests, %d non-2xx, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
