-- wrk script for `make bench-memory`: the submissions of scripts/bench-submit.lua, paced so a long
-- run does not use up its codes: each connection waits BENCH_DELAY_MS between submissions.
dofile("scripts/bench-submit.lua")

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "100")

function delay()
  return pause
end
