#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 30) seeded from fixtures/ and ../shared/corpus.
# Fails on any crash, leak, timeout or sanitizer report; the input that failed is kept in OUT.
# Every input must finish within -timeout seconds and -rss_limit_mb of memory (sanitizers
# included): fuzz_shapes builds inputs up to just past the 16 MiB file limit (deep nesting, many
# keys, big aliases, long lines), so these bounds assert that the input budgets hold.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${PCL_FUZZ_OUT:-$build/fuzz-out}
mkdir -p "$out"
seeds_for() {
  case "$1" in
    fuzz_yaml|fuzz_check) echo "$root/fixtures/examples $root/fixtures/cli $root/fixtures/rules $root/../shared/corpus/v3-samples $root/../shared/corpus/v3-real" ;;
    fuzz_ini|fuzz_migrate) echo "$root/fixtures/examples/v2 $root/fixtures/parse $root/fixtures/migrate $root/../shared/corpus/v2" ;;
    fuzz_toml) echo "$root/fixtures/parse" ;;
    fuzz_regex) echo "$root/fixtures/fuzz/regex" ;;
    fuzz_shapes) echo "$root/fixtures/fuzz/shapes" ;;
    fuzz_lsp) echo "$root/fixtures/lsp $root/fixtures/examples" ;;
    *) echo "$root/fixtures" ;;
  esac
}
status=0
for target in fuzz_yaml fuzz_ini fuzz_toml fuzz_migrate fuzz_check fuzz_regex fuzz_shapes fuzz_lsp; do
  work="$out/$target-corpus"
  mkdir -p "$work"
  seeds=()
  for dir in $(seeds_for "$target"); do
    [ -d "$dir" ] && seeds+=("$dir")
  done
  echo "== $target for ${seconds}s (seeds: ${#seeds[@]} folders)"
  # A recipe of a few dozen bytes is enough for fuzz_shapes; the byte fuzzers read up to 64 KiB.
  # fuzz_shapes' inputs are up to 17 MiB: under the sanitizers a file of 250,000 unknown keys (one
  # finding each) takes tens of seconds (850 MB peak was seen), so its time bound is looser than
  # the byte fuzzers' 10 s.
  max_len=65536 timeout=10
  [ "$target" = fuzz_shapes ] && max_len=64 timeout=60
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
      -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$out/$target-" "$work" "${seeds[@]}" \
      > "$out/$target.log" 2>&1; then
    echo "FAILED: $target (see $out/$target.log)"; tail -40 "$out/$target.log"; status=1
  else
    grep -E '^stat::number_of_executed_units|^Done' "$out/$target.log" | tail -2
  fi
done
exit $status
