#!/usr/bin/env bash
# Runs every benchmark program of a Release build: bash bench/run.sh build/release
# Results go to standard output; bench/RESULTS.md records them with the command.
set -euo pipefail
build=${1:-build/release}
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_min_time=0.5 "${@:2}"
done
