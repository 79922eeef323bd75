#!/usr/bin/env bash
# Goal → report wall time of the real commands on the demo marketplace: `kontor run GOAL` (a new
# process: engines loaded, the crew run on SQLite) then `kontor report CASE` (HTML), per goal.
# "cold" is the first process in a fresh workspace and cache folder: it trains the HS classifier
# and indexes the demo marketplace and keeps both in the cache folder; "warm" are the ones after
# it, which read them back (the reference data and the demo catalog are still loaded each time).
#   bash bench/goal_to_report.sh [build dir, default build/release] [warm runs, default 3]
# Prints one line per run: goal, cold|warm, run ms, report ms, total ms.
set -euo pipefail
build=${1:-build/release}
runs=${2:-3}
kontor=$build/src/cli/kontor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KONTOR_HOME=$work/home XDG_CACHE_HOME=$work/cache
unset KONTOR_CACHE_DIR  # the fresh folder above, not the user's
goals=(
  "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by March"
  "Comprar 1.000 esterillas de yoga para vender en España por 24,90 € cada una, antes de mayo"
  "Importar 2.000 mochilas para vender em Portugal por 39,90 €, até junho"
  "2.000 Tassen für Deutschland, Verkaufspreis 12,99 €, bis Ende April"
  "Importer 1 000 enceintes Bluetooth pour la France, prix de vente 39,90 €, avant juin"
)
ms() { echo $(( ($2 - $1) / 1000 )); }
now() { local t=$EPOCHREALTIME; echo "${t/./}"; }
printf '%-42s %-5s %8s %9s %8s\n' goal kind run_ms report_ms total_ms
first=1
for goal in "${goals[@]}"; do
  for ((i = 0; i < runs; ++i)); do
    kind=warm
    if [[ $first == 1 ]]; then kind=cold; first=0; fi
    t0=$(now)
    summary=$("$kontor" run "$goal" --as-of 2026-11-23 --json | tail -1)
    t1=$(now)
    case_id=$(sed -E 's/.*"case":"([^"]+)".*/\1/' <<<"$summary")
    "$kontor" report "$case_id" --out "$work/report.html" > /dev/null
    t2=$(now)
    printf '%-42s %-5s %8s %9s %8s\n' "${goal:0:42}" $kind "$(ms $t0 $t1)" "$(ms $t1 $t2)" \
      "$(ms $t0 $t2)"
  done
done
