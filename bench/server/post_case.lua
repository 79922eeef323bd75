-- wrk script: POST /api/cases with the README's goal (token from the environment).
local token = os.getenv("KONTOR_TOKEN")
wrk.method = "POST"
wrk.body = '{"goal": "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by March", "as_of": "2026-11-23"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
