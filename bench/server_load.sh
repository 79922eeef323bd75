#!/usr/bin/env bash
# Load test of `kontor serve` on loopback (issue 7): search throughput and p99, case creation
# throughput and p99 (wrk + bench/server/*.lua), and N concurrent event-stream clients (curl).
#   bench/server_load.sh [path/to/kontor]   (default build-server-rel/src/cli/kontor)
# Order: the event streams first (on an idle server), then search, then case creation last
# (it leaves thousands of queued cases behind; the server is killed at the end).
# Env: DURATION (default 20s), CONNECTIONS (default 16), SSE_CLIENTS (default 200), PORT (18080).
# Needs wrk and curl. Uses a fresh workspace under $TMPDIR; prints the figures for RESULTS.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kontor=${1:-$here/../build-server-rel/src/cli/kontor}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
sse_clients=${SSE_CLIENTS:-200}
port=${PORT:-18080}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$kontor" serve --port "$port" --db "$work/kontor.db" --web-dir "$work/none" \
  --workers 2 --http-threads 512 --max-queue 1000000 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 600); do
  grep -q "^Open http" "$work/serve.out" 2>/dev/null && break
  sleep 0.5
done
token=$(sed -n 's/^Open .*#token=//p' "$work/serve.out")
[ -n "$token" ] || { echo "server did not start"; cat "$work/serve.err"; exit 1; }
export KONTOR_TOKEN=$token
base="http://127.0.0.1:$port"
echo "kontor serve on $base ($(nproc) cores); $(uptime)"

echo "== $sse_clients concurrent event streams on one new case"
# The server is idle (first step); wait for it anyway so the case runs at once.
for _ in $(seq 1 1200); do
  q=$(curl -s "$base/api/health" | sed -n 's/.*"queue":\([0-9]*\).*/\1/p')
  r=$(curl -s "$base/api/health" | sed -n 's/.*"cases_running":\([0-9]*\).*/\1/p')
  [ "${q:-1}" = 0 ] && [ "${r:-1}" = 0 ] && break
  sleep 0.5
done
id=$(curl -s -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  -d '{"goal": "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by March", "as_of": "2026-11-23"}' \
  "$base/api/cases" | sed -n 's/.*"case_id":"\([^"]*\)".*/\1/p')
start=$(date +%s.%N)
pids=()
for i in $(seq 1 "$sse_clients"); do
  curl -sN --max-time 300 "$base/api/cases/$id/events?access_token=$token" > "$work/sse.$i" &
  pids+=($!)
done
# The case reaches `waiting` (its question); then every client must hold every event.
for _ in $(seq 1 1200); do
  status=$(curl -s -H "Authorization: Bearer $token" "$base/api/cases/$id" | \
    sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' | tail -1)
  [ "$status" = waiting ] || [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 0.2
done
head_seq=$(curl -s -H "Authorization: Bearer $token" "$base/api/cases/$id" | \
  sed -n 's/.*"seq":\([0-9]*\).*/\1/p' | tail -1)
complete=0
for _ in $(seq 1 600); do
  complete=0
  for i in $(seq 1 "$sse_clients"); do
    grep -q "^id: $head_seq\$" "$work/sse.$i" && complete=$((complete + 1))
  done
  [ "$complete" = "$sse_clients" ] && break
  sleep 0.5
done
end=$(date +%s.%N)
dupes=0
for i in $(seq 1 "$sse_clients"); do
  n=$(grep -c "^id: " "$work/sse.$i" || true)
  u=$(grep "^id: " "$work/sse.$i" | sort -u | wc -l)
  [ "$n" = "$u" ] && [ "$n" = "$head_seq" ] || dupes=$((dupes + 1))
done
echo "case $id: $head_seq events; $complete of $sse_clients streams received all of them," \
     "$dupes with a missing or repeated id; $(echo "$end - $start" | bc) s from POST to the last" \
     "stream holding the last event"
curl -s "$base/api/health"; echo
kill "${pids[@]}" 2>/dev/null || true
wait "${pids[@]}" 2>/dev/null || true

echo "== search: GET /api/search?q=insulated+bottle&qty=500 ($connections connections, $duration)"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/server/search.lua" \
  "$base/api/search?q=insulated+bottle&qty=500&limit=10" | grep -E "Requests/sec|p99|Non-2xx|requests in"

echo "== case creation: POST /api/cases ($connections connections, $duration)"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/server/post_case.lua" \
  "$base/api/cases" | grep -E "Requests/sec|p99|Non-2xx|requests in"
echo "   (every 202 is a case queued for the 2 workers; the queue is unbounded here (--max-queue),"
echo "    so non-2xx would be real errors)"

echo "after the runs: $(uptime)"
