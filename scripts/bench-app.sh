#!/usr/bin/env bash
# make bench-app: the application at the size later issues benchmark at. Loads 40,000 demo
# employees (goal: under two minutes), then measures signed-in pages under load with wrk:
# the HR staff search, a unit page and the sign-in page. Figures are printed; nothing fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18081}
seconds=${BENCH_SECONDS:-10}
employees=${BENCH_EMPLOYEES:-40000}
folder=$(mktemp -d)
database=$folder/bench.sqlite
binary=.build/release/taitotutka

echo "== machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm)"
$binary migrate --database "$database" >/dev/null
start=$(date +%s.%N)
$binary demo --database "$database" --employees "$employees" --seed 1 >/dev/null 2>&1
echo "== demo --employees $employees: $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s (goal: under 120 s)"

$binary serve --port "$port" --database "$database" 2>"$folder/log" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$folder"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done

# Sign in as HR through the real form: the form cookie and token first, then the session cookie.
jar=$folder/cookies
token=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$token" --data-urlencode "login=hr" \
    --data-urlencode "password=demo-salasana-2026" "http://127.0.0.1:$port/sign-in"
session=$(awk '$6 == "tt_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
unit=$(sqlite3 "$database" "SELECT u.id FROM units u JOIN organisations o ON o.id = u.organisation_id WHERE o.slug = 'jarvela' ORDER BY (SELECT COUNT(*) FROM employees e WHERE e.unit_id = u.id) DESC LIMIT 1" 2>/dev/null || echo 1)

measure() {
    local label=$1 path=$2
    echo "== $label: $path, 16 connections, ${seconds}s"
    wrk -t2 -c16 -d"${seconds}s" --latency -H "Cookie: tt_session=$session" "http://127.0.0.1:$port$path" 2>&1 \
        | grep -E "Requests/sec| 50%| 99%|Non-2xx" || true
}
measure "staff search, first page" "/organisations/jarvela/employees"
measure "staff search, text" "/organisations/jarvela/employees?q=aho"
measure "staff search, page 200" "/organisations/jarvela/employees?page=200"
measure "unit page (largest unit)" "/units/$unit"
echo "server resident memory: peak $(awk '/VmHWM/{printf "%.1f MB", $2/1024}' /proc/$server/status)"
