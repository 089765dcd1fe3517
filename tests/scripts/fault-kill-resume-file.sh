#!/usr/bin/env bash
# Fault test of the resumable -o FILE outputs: for each format (JSON Lines; CSV in the cells, wide and
# sections layouts; Parquet in the cells and wide layouts), `parse CORPUS -o FILE` is killed with SIGKILL at random points KILLS times (default
# 20), each run after the first with --skip-existing; then one --skip-existing run to completion. The
# result must be byte-for-byte the output of a clean run (Parquet too: both convert the same CSV), with no
# unfinished data (.FILE.rp-partial; for Parquet the CSV it writes first, ..FILE.rp-csv.*) left.
#
#   kill points: every fifth run during start-up (after 0-250 ms); the others once the journal
#   (.FILE.rp-journal) has a random number of further records, so the kill lands while records are
#   being written and the kills spread over the corpus.
#
# Usage: tests/scripts/fault-kill-resume-file.sh [WORK_DIR]     (needs dotnet and python3)
# Env:   KILLS (default 20), JOBS (default: nproc), SEED (random seed, default: time),
#        FORMATS (default "jsonl csv-cells csv-wide csv-sections parquet-cells parquet-wide"), KEEP=1 keeps WORK_DIR
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/rp-fault-file.XXXXXX")}"
mkdir -p "$work"
kills="${KILLS:-20}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
seed="${SEED:-$(date +%s)}"
formats="${FORMATS:-jsonl csv-cells csv-wide csv-sections parquet-cells parquet-wide}"
RANDOM=$seed
max_bytes=300000

# shellcheck source=checks.sh
source "$repo/tests/scripts/checks.sh"

say "== build (Release); random seed $seed"
build_cli

say "== corpus"
corpus="$work/corpus"
python3 "$repo/tests/scripts/fault-corpus.py" "$repo/seeds" "$repo/samples" "$corpus" || exit 2
inputs=$(find "$corpus" -type f | wc -l)
say "      $inputs inputs"

for format in $formats; do
  case "$format" in
    jsonl) ext=jsonl; opts=(-f jsonl) ;;
    csv-*) ext=csv; opts=(-f csv --csv-layout "${format#csv-}") ;;
    parquet-*) ext=parquet; opts=(-f parquet --layout "${format#parquet-}") ;;
    *) say "unknown format $format"; exit 2 ;;
  esac
  out="$work/$format.$ext"
  data="$work/.$format.$ext"; [[ $ext == parquet ]] && data="$work/..$format.$ext.rp-csv"
  journal="$data.rp-journal"
  partial="$data.rp-partial"
  args=(parse "$corpus" "${opts[@]}" -j "$jobs" --max-bytes "$max_bytes")

  say "== $format: $kills runs killed with SIGKILL at random points"
  records() { if [[ -f "$journal" ]]; then echo $(( $(wc -l < "$journal") - 1 )); else echo 0; fi; }
  killed=0
  for k in $(seq 1 "$kills"); do
    skip=(); [[ $k -gt 1 ]] && skip=(--skip-existing)
    before=$(records); (( before < 0 )) && before=0
    left=$(( kills - k + 1 ))
    step=$(( RANDOM % (2 * (inputs - before) / left + 1) ))
    "${rp[@]}" "${args[@]}" -o "$out" "${skip[@]}" -q >/dev/null 2>>"$work/killed.stderr" &   # not through a function: $! must be dotnet
    pid=$!
    kill_at_random_point "$pid" "$k" "$step" "$before" records records
    printf '      run %2d: %-8s at %-14s %3d records, data %s\n' "$k" "$state" "$point" "$(records)" \
      "$( [[ -f "$partial" ]] && echo "$(stat -c %s "$partial") bytes unfinished" || echo complete)"
  done
  check "$format: at least half of the runs were killed before finishing ($killed of $kills)" test $((killed * 2)) -ge "$kills"

  "${rp[@]}" "${args[@]}" -o "$out" --skip-existing >/dev/null 2>"$work/$format.final.stderr"
  rc=$?
  say "      final: $(tail -n 1 "$work/$format.final.stderr")"
  # 1 when it parsed a broken input again, 0 when all of them were kept from earlier runs
  check "$format: the resumed run exits 0 or 1 (got $rc)" test "$rc" -le 1
  "${rp[@]}" "${args[@]}" -o "$work/ref-$format.$ext" -q >/dev/null 2>&1
  check "$format: the killed-and-resumed output is byte-for-byte the clean run's ($(stat -c %s "$out") bytes)" cmp -s "$out" "$work/ref-$format.$ext"
  check "$format: no unfinished data left" test ! -e "$partial"
  [[ $ext == parquet ]] && check "$format: no CSV left beside the Parquet file" test ! -e "$work/..$format.$ext.rp-csv"
done

say "== result"
if [[ $failures -eq 0 ]]; then say "all checks passed"; else say "$failures check(s) failed"; fi
exit $(( failures > 0 ? 1 : 0 ))
