-- Shared by the wrk scripts: reading the lists deploy/bench.sh writes, and the one-line summary.
local common = {}

function common.lines(path)
  local out = {}
  for line in io.lines(path) do if #line > 0 then out[#out + 1] = line end end
  return out
end

function common.summary(name)
  return function(summary, latency, requests)
    io.write(string.format("%s: %d requests, %d non-2xx, p50 %.2f ms, p99 %.2f ms\n", name,
      summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  end
end

return common
