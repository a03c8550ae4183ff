-- wrk script: each request submits one complete questionnaire with the next unused one-time code
-- (codes and drafts prepared by bench_survey_fixture.py). Prints p50/p95/p99 and the status counts.
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  for line in io.lines(os.getenv("BENCH_CODES")) do codes[#codes + 1] = line end
  form_cookie = os.getenv("BENCH_FORM_COOKIE")
  token = os.getenv("BENCH_TOKEN")
  thread_count = tonumber(os.getenv("BENCH_THREADS"))
  next_index = thread_index + 1
  statuses = {}
end

function request()
  local code = codes[next_index]
  if code == nil then
    wrk.thread:stop()
    code = codes[1]
  end
  next_index = next_index + thread_count
  return wrk.format("POST", "/k/survey/submit", {
    ["Cookie"] = "tt_code=" .. code .. "; tt_form=" .. form_cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "csrf_token=" .. token)
end

function response(status, headers, body)
  local location = headers["Location"] or ""
  local key = tostring(status) .. " " .. location
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("   submissions: %d in %.1f s, %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for key, count in pairs(counts) do io.write(string.format("   %s: %d\n", key, count)) end
  end
end
