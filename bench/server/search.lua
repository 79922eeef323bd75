-- wrk script: GET /api/search with a bearer token; prints p50/p99.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KONTOR_TOKEN")
function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
