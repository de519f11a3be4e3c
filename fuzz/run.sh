#!/usr/bin/env bash
# Fuzzes each target for a bounded time: run.sh BUILD_DIR SECONDS [TARGET...] (default: every
# fuzz_* in BUILD_DIR/fuzz). Each starts from a copy of its seed corpus, so the repository's
# corpus stays small; a crash leaves its input in BUILD_DIR/fuzz/artifacts/TARGET/ and fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for exe in "$build"/fuzz/fuzz_*; do targets+=("$(basename "$exe" | sed 's/^fuzz_//')"); done
fi

status=0
for target in "${targets[@]}"; do
  work="$build/fuzz/work/$target"
  artifacts="$build/fuzz/artifacts/$target"
  rm -rf "$work"
  mkdir -p "$work" "$artifacts"
  cp "$here/corpus/$target"/* "$work/"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
           -artifact_prefix="$artifacts/" -print_final_stats=1)
  if [ -f "$here/$target.dict" ]; then options+=(-dict="$here/$target.dict"); fi
  echo "== fuzz_$target for ${seconds}s"
  if ! "$build/fuzz/fuzz_$target" "${options[@]}" "$work" 2>"$build/fuzz/$target.log"; then
    tail -n 60 "$build/fuzz/$target.log"
    echo "fuzz_$target: FAILED; the input is in $artifacts/" >&2
    status=1
  else
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$build/fuzz/$target.log" || true
  fi
done
exit $status
