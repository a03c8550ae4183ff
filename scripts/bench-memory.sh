#!/usr/bin/env bash
# make bench-memory: the server's resident memory over a long mixed run on the 40,000-employee demo.
# For BENCH_MEMORY_SECONDS (default 300) HR users of both organisations read result pages in a random
# mix (organisation dashboards with sorts and pages, unit dashboards of every round, progress of the
# open rounds; three languages) while survey submissions go on into Järvelä's open round, so its
# results version changes all the time; at half time HR closes Koskenkylä's open round (a status
# change: a new results version, and its dashboards join the mix). VmRSS and VmHWM are read from
# /proc every BENCH_MEMORY_SAMPLE seconds, and once more after BENCH_MEMORY_IDLE seconds without load.
#
# Arguments name the servers to compare as label=binary[:root] (root holds Templates/ and Public/);
# the default is the release build here. With several, the runs alternate between them, repeated
# BENCH_MEMORY_REPEATS times. Every run starts from a copy of the same database. Figures are printed,
# with each run's samples in BENCH_MEMORY_KEEP when set; nothing fails on memory or timing.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18082}
seconds=${BENCH_MEMORY_SECONDS:-300}
sample=${BENCH_MEMORY_SAMPLE:-2}
idle=${BENCH_MEMORY_IDLE:-20}
repeats=${BENCH_MEMORY_REPEATS:-1}
employees=${BENCH_EMPLOYEES:-40000}
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=("current=.build/release/taitotutka:.")
folder=$(mktemp -d)
server=""
background=()
cleanup() {
    for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    rm -rf "$folder"
}
trap cleanup EXIT

binary_of() { local spec=${1#*=}; echo "${spec%%:*}"; }
root_of() { local spec=${1#*=}; [[ $spec == *:* ]] && echo "${spec#*:}" || echo .; }

echo "== machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm)"
echo "== load: ${seconds}s per run, samples every ${sample}s, ${repeats} round(s) of: ${servers[*]}"

# One database for every run: demo data and 40,000 codes with drafts, made once, copied per run.
base=$folder/base
mkdir -p "$base"
maker=$(binary_of "${servers[0]}")
$maker migrate --database "$base/bench.sqlite" >/dev/null
$maker demo --database "$base/bench.sqlite" --employees "$employees" --seed 1 >/dev/null 2>&1
$maker bench-codes jarvela 40000 "$folder/codes" --database "$base/bench.sqlite" >/dev/null
query() { sqlite3 -separator $'\t' "$base/bench.sqlite" "$1"; }
echo "== data: $employees employees, $(query "SELECT count(*) FROM units") units," \
     "$(query "SELECT count(*) FROM survey_rounds WHERE status <> 'draft'") rounds," \
     "$(query "SELECT count(*) FROM survey_responses") responses"

# The pages, with a placeholder for the session of the organisation's HR user.
pages=$folder/pages.template
query "SELECT r.id, o.slug, r.status, r.framework_id FROM survey_rounds r JOIN organisations o ON o.id = r.organisation_id
       WHERE r.status <> 'draft' AND o.slug IN ('jarvela', 'koskenkyla')" |
while IFS=$'\t' read -r round slug status framework; do
    session="SESSION_$slug"
    if [ "$status" = closed ]; then
        for sort in "" $(query "SELECT code FROM framework_areas WHERE framework_id = $framework ORDER BY position"); do
            for page in 1 2 3; do printf 'organisation\t%s\t/rounds/%s/results?sort=%s&page=%s\n' "$session" "$round" "$sort" "$page"; done
        done
        kind=unit
    else
        printf 'progress\t%s\t/rounds/%s/results\n' "$session" "$round"
        kind=progress
    fi
    query "SELECT unit_id FROM survey_round_units WHERE round_id = $round" |
        while read -r unit; do printf '%s\t%s\t/rounds/%s/results/units/%s\n' "$kind" "$session" "$round" "$unit"; done
done >"$pages"
echo "== pages: $(grep -c '^organisation' "$pages") organisation dashboard variants," \
     "$(grep -c '^unit' "$pages") unit dashboards of closed rounds, $(grep -c '^progress' "$pages") pages of open rounds"
closing=$(query "SELECT r.id FROM survey_rounds r JOIN organisations o ON o.id = r.organisation_id
                 WHERE o.slug = 'koskenkyla' AND r.status = 'open' ORDER BY r.opens_on DESC LIMIT 1")

url() { echo "http://127.0.0.1:$port$1"; }
# Signs in through the real form and prints the session cookie.
sign_in() {
    local jar=$folder/jar-$1 token
    token=$(curl -s -c "$jar" "$(url /sign-in)" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$token" --data-urlencode "login=$1" \
        --data-urlencode "password=demo-salasana-2026" "$(url /sign-in)"
    awk '$6 == "tt_session" {print $7}' "$jar"
}
status_kb() { awk -v field="$2:" '$1 == field {print $2}' "/proc/$1/status" 2>/dev/null || true; }
mb() { awk -v kb="$1" 'BEGIN {printf "%.1f", kb / 1024}'; }
median() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

summary=$folder/summary
run_one() {
    local label=$1 binary root run samples
    binary=$(binary_of "$2"); root=$(root_of "$2")
    run=$folder/run-$label-$3; samples=$run/samples
    mkdir -p "$run"
    cp -a "$base/." "$run/"
    $binary serve --port "$port" --root "$root" --database "$run/bench.sqlite" --second-factor-optional 2>"$run/log" >/dev/null &
    server=$!
    for _ in $(seq 100); do curl -s -o /dev/null "$(url /healthz)" && break; sleep 0.1; done
    local jarvela koskenkyla
    jarvela=$(sign_in hr); koskenkyla=$(sign_in hr.koskenkyla)
    [ -n "$jarvela" ] && [ -n "$koskenkyla" ] || { echo "sign-in failed" >&2; exit 1; }
    sed -e "s/SESSION_jarvela/$jarvela/" -e "s/SESSION_koskenkyla/$koskenkyla/" "$pages" >"$run/pages"
    local form_jar=$run/form token form_cookie
    token=$(curl -s -c "$form_jar" "$(url /k)" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
    form_cookie=$(awk '$6 == "tt_form" {print $7}' "$form_jar")

    echo "== $label ($binary), run $3"
    local start; start=$(date +%s)
    (while kill -0 "$server" 2>/dev/null; do
        echo "$(( $(date +%s) - start )) $(status_kb "$server" VmRSS) $(status_kb "$server" VmHWM)"; sleep "$sample"
    done) >"$samples" &
    background=($!)
    BENCH_CODES=$folder/codes BENCH_FORM_COOKIE=$form_cookie BENCH_TOKEN=$token BENCH_THREADS=1 BENCH_DELAY_MS=100 \
        wrk -t1 -c2 -d"${seconds}s" -s scripts/bench-memory-submit.lua "$(url /)" >"$run/submit.out" 2>&1 &
    background+=($!)
    BENCH_PAGES=$run/pages wrk -t2 -c8 -d"${seconds}s" --timeout 30s -s scripts/bench-memory-pages.lua "$(url /)" \
        >"$run/pages.out" 2>&1 &
    background+=($!)
    # At half time HR closes Koskenkylä's open round through the round page's form.
    sleep $(( seconds / 2 ))
    if [ -n "$closing" ]; then
        local jar=$folder/jar-hr.koskenkyla close_token
        close_token=$(curl -s -b "$jar" "$(url "/rounds/$closing")" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
        curl -s -b "$jar" -o /dev/null -w "   round $closing closed at half time: %{http_code}\n" \
            --data-urlencode "csrf_token=$close_token" "$(url "/rounds/$closing/close")"
    fi
    wait "${background[1]}" "${background[2]}" || true
    grep -E "submissions:|pages:|answered" "$run/submit.out" "$run/pages.out" | sed 's/^[^:]*:/ /' || true
    local loaded=$(( $(date +%s) - start ))
    sleep "$idle"
    local idle_rss peak steady
    idle_rss=$(status_kb "$server" VmRSS); peak=$(status_kb "$server" VmHWM)
    kill "${background[0]}" 2>/dev/null || true
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    # Steady state: the median of the samples in the last third of the loaded time.
    steady=$(awk -v from=$(( loaded * 2 / 3 )) -v to="$loaded" '$1 >= from && $1 <= to && $2 != "" {print $2}' "$samples" | median)
    echo "   resident memory: peak (VmHWM) $(mb "$peak") MB, steady (median VmRSS, last third) $(mb "$steady") MB," \
         "after ${idle}s idle $(mb "$idle_rss") MB"
    echo "$label $peak $steady $idle_rss" >>"$summary"
    if [ -n "${BENCH_MEMORY_KEEP:-}" ]; then
        mkdir -p "$BENCH_MEMORY_KEEP"; cp "$samples" "$BENCH_MEMORY_KEEP/samples-$label-$3.txt"
        cp "$run/log" "$BENCH_MEMORY_KEEP/log-$label-$3.txt"
    fi
}

for repeat in $(seq "$repeats"); do
    for spec in "${servers[@]}"; do run_one "${spec%%=*}" "$spec" "$repeat"; done
done

echo "== medians over $repeats run(s) each (MB): peak, steady, after idle"
for spec in "${servers[@]}"; do
    label=${spec%%=*}
    printf '   %-10s peak %s, steady %s, idle %s\n' "$label" \
        "$(mb "$(awk -v l="$label" '$1 == l {print $2}' "$summary" | median)")" \
        "$(mb "$(awk -v l="$label" '$1 == l {print $3}' "$summary" | median)")" \
        "$(mb "$(awk -v l="$label" '$1 == l {print $4}' "$summary" | median)")"
done
