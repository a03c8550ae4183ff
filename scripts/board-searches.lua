-- wrk script: a different search on every request (so no kept result answers it), drawn from words
-- staff search for, each with a page-changing suffix of filters; prints p50/p95/p99 like percentiles.lua.
-- The path wrk is given is ignored; set the cookie with -H.
local words = {"salasana", "teams", "onedrive", "huijaus", "lomahakemus", "tulostin", "kalenteri", "kokous",
  "puhelin", "authenticator", "sähköposti", "kirjaus", "tekoäly", "jakaminen", "tallennus", "intra", "wilma",
  "excel", "word", "tabletti", "salasan", "kokouskutsu", "vinkki", "lösenord", "möte", "etäyhteys", "skanneri"}
local sorts = {"", "&sort=useful", "&kind=question", "&kind=tip", "&state=solved", "&kind=practice&sort=adopted"}
local counter = 0

request = function()
  counter = counter + 1
  local word = words[(counter % #words) + 1]
  local sort = sorts[(math.floor(counter / #words) % #sorts) + 1]
  -- A suffix of letters makes most searches new: "salasana" then "salasanaa", "salasanab"… match fewer.
  local tail = ""
  if counter > #words * #sorts then tail = string.char(97 + (counter % 26)) end
  return wrk.format("GET", "/board?q=" .. word .. tail .. sort)
end

function done(summary, latency, requests)
  io.write(string.format("   %.0f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; errors %d, non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
