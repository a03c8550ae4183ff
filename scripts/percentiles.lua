-- wrk script: prints p50/p95/p99 latency (wrk's own summary has no p95).
function done(summary, latency, requests)
  io.write(string.format("   %.0f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; errors %d, non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
