#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR/tests/fuzz for SECONDS each (default 20), from
# a working copy of its seed corpus tests/fuzz/corpus/<name>/ (new inputs go to the copy, never
# into the repository). Stops at the first crash, leak or sanitizer report; the reproducer is
# left in BUILD_DIR/fuzz-artifacts/.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [NAME...]
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR [SECONDS] [NAME...]}
seconds=${2:-20}
shift $(( $# >= 2 ? 2 : 1 ))
here="$(cd "$(dirname "$0")" && pwd)"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*_fuzz.cc; do names+=("$(basename "$f" .cc)"); done
fi
mkdir -p "$build/fuzz-artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="suppressions=$here/../lsan.supp"
for name in "${names[@]}"; do
  program="$build/tests/fuzz/$name"
  if [ ! -x "$program" ]; then
    echo "fuzz: $name not built, skipped"; continue
  fi
  work="$build/fuzz-corpus/$name"
  mkdir -p "$work"
  seeds=()
  [ -d "$here/corpus/$name" ] && seeds=("$here/corpus/$name")
  dict=()
  [ -f "$here/$name.dict" ] && dict=("-dict=$here/$name.dict")
  echo "fuzz: $name for ${seconds}s"
  log="$build/fuzz-artifacts/$name.log"
  status=0
  "$program" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" "${dict[@]}" \
    "$work" "${seeds[@]}" >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log"
    echo "fuzz: $name FAILED (exit $status; reproducer and log in $build/fuzz-artifacts/)"
    exit 1
  fi
done
echo "fuzz: all targets clean"
