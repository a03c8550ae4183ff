-- wrk script: a different search on (almost) every request, so kept results hardly answer, drawn from words
-- staff search for (percent-encoded), with filters; prints p50/p95/p99 like percentiles.lua.
-- The path wrk is given is ignored; set the cookie with -H.
local words = {"salasana", "teams", "onedrive", "huijaus", "lomahakemus", "tulostin", "kalenteri", "kokous",
  "puhelin", "authenticator", "s%C3%A4hk%C3%B6posti", "kirjaus", "teko%C3%A4ly", "jakaminen", "tallennus", "intra", "wilma",
  "excel", "word", "tabletti", "salasan", "kokouskutsu", "vinkki", "l%C3%B6senord", "m%C3%B6te", "et%C3%A4yhteys", "skanneri"}
local sorts = {"", "&sort=useful", "&kind=question", "&kind=tip", "&state=solved", "&kind=practice&sort=adopted"}
local counter = 0

request = function()
  counter = counter + 1
  local word = words[(counter % #words) + 1]
  local sort = sorts[(math.floor(counter / #words) % #sorts) + 1]
  -- A page number the search ignores but its kept result's key names: up to 27 x 6 x 50 different
  -- keys, each a whole search, so a run of a few thousand requests measures searching, not keeping.
  local page = (math.floor(counter / (#words * #sorts)) % 50) + 1
  return wrk.format("GET", "/board?q=" .. word .. sort .. "&page=" .. page)
end

function done(summary, latency, requests)
  io.write(string.format("   %.0f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; errors %d, non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
