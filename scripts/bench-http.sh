#!/usr/bin/env bash
# make bench-http: our server against the Hummingbird 2 peer on the same bytes, then 1,000
# concurrent keep-alive connections, with the server's peak resident memory.
# Traffic stays on 127.0.0.1. Figures are printed; nothing here fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18080}
pairs=${BENCH_PAIRS:-3}
seconds=${BENCH_SECONDS:-10}
peer_script=../shared/bench/http-vs-peer.sh
[ -x "$peer_script" ] || { echo "missing $peer_script (the shared folder beside the repository)" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

log=$(mktemp)
database=$(mktemp -d)/bench.sqlite
.build/release/taitotutka migrate --database "$database" >/dev/null
.build/release/taitotutka serve --port "$port" --database "$database" 2>"$log" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$log" "$(dirname "$database")"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done

echo "== machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm)"
echo "== 8 KB static page, 64 connections (${pairs} pairs of ${seconds}s)"
"$peer_script" "http://127.0.0.1:$port/static/bench-8k.html" "$pairs" 64 "$seconds"
echo "== /healthz, 64 connections"
"$peer_script" "http://127.0.0.1:$port/healthz" "$pairs" 64 "$seconds"
echo "== 1,000 concurrent keep-alive connections, 8 KB static page, ${seconds}s"
wrk -t2 -c1000 -d"${seconds}s" --latency "http://127.0.0.1:$port/static/bench-8k.html" >"$log.wrk" 2>&1 || true
grep -E "Requests/sec|Latency  | 99%|Non-2xx" "$log.wrk"
errors=$(grep -E "Socket errors" "$log.wrk" || true)
echo "socket errors: ${errors:-none}"
rm -f "$log.wrk"
echo "server resident memory: now $(awk '/VmRSS/{printf "%.1f MB", $2/1024}' /proc/$server/status), peak $(awk '/VmHWM/{printf "%.1f MB", $2/1024}' /proc/$server/status)"
kill -TERM "$server"
wait "$server"; echo "server exit status after SIGTERM: $?"
trap 'rm -rf "$log" "$(dirname "$database")"' EXIT
