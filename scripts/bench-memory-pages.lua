-- wrk script for `make bench-memory`: signed-in result pages in a random mix, so that many distinct
-- dashboard bodies are rendered and cached over a long run. BENCH_PAGES names a file of lines
-- "kind<TAB>cookie<TAB>path" written by scripts/bench-memory.sh; kinds are `organisation`
-- (an organisation dashboard with a sort and a page), `unit` (a unit dashboard of any round) and
-- `progress` (a round that is still open). Each request takes a kind by weight, then a line of that
-- kind and a language at random: the mix is the same in every run (fixed seeds), not the order.
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(1000 + thread_index)
  pages = { organisation = {}, unit = {}, progress = {} }
  for line in io.lines(os.getenv("BENCH_PAGES")) do
    local kind, cookie, path = line:match("^(%w+)\t([^\t]+)\t(.+)$")
    if kind and pages[kind] then table.insert(pages[kind], { cookie = cookie, path = path }) end
  end
  -- Finnish most, Swedish and English less, as in a bilingual municipality.
  languages = { "fi", "fi", "fi", "sv", "en" }
  statuses = {}
end

local function pick(list)
  return list[math.random(#list)]
end

function request()
  local roll = math.random(100)
  local kind = roll <= 15 and "organisation" or (roll <= 90 and "unit" or "progress")
  if #pages[kind] == 0 then kind = "unit" end
  local page = pick(pages[kind])
  return wrk.format("GET", page.path, {
    ["Cookie"] = "tt_session=" .. page.cookie,
    ["Accept-Language"] = pick(languages),
    ["Accept-Encoding"] = "gzip",
  })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("   pages: %d in %.0f s, %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do totals[status] = (totals[status] or 0) + count end
  end
  for status, count in pairs(totals) do io.write(string.format("   pages answered %d: %d\n", status, count)) end
end
