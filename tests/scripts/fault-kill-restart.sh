#!/usr/bin/env bash
# Fault test of the batch runner: `parse DIR -f json -o OUT` killed with SIGKILL at random points,
# restarted each time with --skip-existing, must end with exactly one complete, valid output per
# input, identical to a clean run's output for that input, and no temporaries left behind.
#
#   1. builds the command line (Release) and a corpus of a few hundred files: seed copies as .txt,
#      .htm, .html and .shtml, the HTML samples, and broken files (empty, whitespace, binary, UTF-32,
#      truncated gzip, over --max-bytes);
#      two inputs that map to one output name (dup/Case.txt and dup/case.txt), and a FIFO no one
#      writes to (transient/slow.txt: every run gives it a --timeout record);
#   2. KILLS runs into OUT (default 20), each killed with SIGKILL at a random point (every fifth during
#      start-up, the others once a random number of further outputs exist), each after the first
#      with --skip-existing; a third of the way through, inputs are added, two thirds of the way an
#      input is renamed (its old output stays behind, as the one allowed extra file);
#   3. one --skip-existing run to completion (the FIFO's record is then a timeout), the FIFO becomes a
#      good report (the transient cause passed), and a clean reference run over the final corpus into REF;
#   4. a last --skip-existing run to completion, then the checks: the set of output files equals the
#      reference set (one per input, nothing extra but the renamed input's old output), every output
#      parses as JSON and is byte-for-byte the reference output (the documents carry no timing; the
#      timed-out input was parsed again), and no *.rp-tmp file is left.
# Exits non-zero on any failed check.
#
# Usage: tests/scripts/fault-kill-restart.sh [WORK_DIR]     (needs dotnet and python3)
# Env:   KILLS (default 20), JOBS (default: nproc), SEED (random seed, default: time), KEEP=1 keeps WORK_DIR
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/rp-fault.XXXXXX")}"
mkdir -p "$work"
kills="${KILLS:-20}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
seed="${SEED:-$(date +%s)}"
RANDOM=$seed
max_bytes=300000

# shellcheck source=checks.sh
source "$repo/tests/scripts/checks.sh"

say "== build (Release); random seed $seed"
build_cli

say "== corpus"
corpus="$work/corpus"
python3 "$repo/tests/scripts/fault-corpus.py" "$repo/seeds" "$repo/samples" "$corpus" || exit 2
mkfifo "$corpus/transient/slow.txt"
inputs=$(find "$corpus" -type f -o -type p | wc -l)
timeout_s=2
say "      $inputs inputs"


say "== $kills runs killed with SIGKILL at random points"
out="$work/out"
killed=0
# Random points: every fifth run is killed during start-up (after 0-250 ms); the others once a
# random number of further outputs exist (up to twice the remaining inputs over the remaining
# runs), which lands the kill while other files are being written and spreads the kills over the corpus.
count() { find "$out" -name '*.json' 2>/dev/null | wc -l; }
for k in $(seq 1 "$kills"); do
  skip=(); [[ $k -gt 1 ]] && skip=(--skip-existing)
  before=$(count)
  left=$(( kills - k + 1 ))
  step=$(( RANDOM % (2 * (inputs - before) / left + 1) ))
  if (( k == kills / 3 )); then
    for f in "$repo"/seeds/*.txt; do cp "$f" "$corpus/late-$(basename "$f")"; done
    say "      added $(ls "$repo"/seeds/*.txt | wc -l) inputs"
  fi
  if (( k == 2 * kills / 3 )); then
    mv "$corpus/r0/c00/report000.txt" "$corpus/r0/c00/renamed000.txt"
    say "      renamed r0/c00/report000.txt to renamed000.txt"
  fi
  dotnet "$work/bin/reportparser.dll" parse "$corpus" -f json -o "$out" -j "$jobs" --max-bytes "$max_bytes" --timeout "$timeout_s" "${skip[@]}" -q >/dev/null 2>>"$work/killed.stderr" &
  pid=$!
  kill_at_random_point "$pid" "$k" "$step" "$before" count outputs
  printf '      run %2d: %-8s at %-14s %3d outputs, %d temporaries\n' "$k" "$state" "$point" "$(count)" "$(find "$out" -name '*.rp-tmp' 2>/dev/null | wc -l)"
done
check "at least half of the runs were killed before finishing ($killed of $kills)" test $((killed * 2)) -ge "$kills"

say "== a run to completion while the FIFO still blocks; then it becomes a good report; reference run"
"${rp[@]}" parse "$corpus" -f json -o "$out" -j "$jobs" --max-bytes "$max_bytes" --timeout "$timeout_s" --skip-existing -q >/dev/null 2>>"$work/killed.stderr"
check "transient/slow.txt has a timeout record (RP9002) in OUT" grep -q '"RP9002"' "$out/transient/slow.txt.json"
rm "$corpus/transient/slow.txt" && cp "$repo/seeds/002_ed5f9074cb8b6cc8.txt" "$corpus/transient/slow.txt"
inputs=$(find "$corpus" -type f | wc -l)
start=$(date +%s%N)
"${rp[@]}" parse "$corpus" -f json -o "$work/ref" -j "$jobs" --max-bytes "$max_bytes" --timeout "$timeout_s" -q >/dev/null 2>"$work/ref.stderr"
rc=$?
ref_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "reference run exit code 1 (broken inputs) (got $rc)" test "$rc" -eq 1
say "      reference run: ${ref_ms} ms"

say "== final run with --skip-existing"
"${rp[@]}" parse "$corpus" -f json -o "$out" -j "$jobs" --max-bytes "$max_bytes" --timeout "$timeout_s" --skip-existing >/dev/null 2>"$work/final.stderr"
rc=$?
say "      $(tail -n 1 "$work/final.stderr")"
check "final run exit code is 0 or 1 (got $rc)" test "$rc" -le 1

renamed_stale=""
[[ $kills -ge 3 ]] && renamed_stale="r0/c00/report000.txt.json"
python3 - "$work/ref" "$out" "$inputs" "$renamed_stale" <<'PY'
import json, os, sys
ref, out, inputs = sys.argv[1], sys.argv[2], int(sys.argv[3])
stale = set(filter(None, sys.argv[4:]))
ok = True
def report(good, what):
    global ok
    print(("PASS  " if good else "FAIL  ") + what)
    ok &= good
def files(root):
    found = {}
    for d, _, names in os.walk(root):
        for n in names:
            found[os.path.relpath(os.path.join(d, n), root)] = os.path.join(d, n)
    return found
r, o = files(ref), files(out)
temps = [p for p in o if p.endswith(".rp-tmp")]
report(not temps, f"no temporaries left ({len(temps)})")
report(len(r) == inputs, f"the reference has one output per input ({len(r)} of {inputs})")
extra = set(o) - set(r) - stale
report(set(r) <= set(o) and not extra, f"the killed-and-resumed run has exactly the reference's outputs ({len(o)} files, {len(set(r) - set(o))} missing, {len(extra)} extra, {len(stale & set(o))} left by the renamed input)")
report(any(p.startswith("dup/") and "~" in p for p in r) and len([p for p in r if p.startswith("dup/")]) == 2, "the two inputs of one name have two outputs")
bad, differ = [], []
for rel in sorted(set(o) & set(r)):
    data = open(o[rel], "rb").read()
    try:
        json.loads(data)
    except Exception as e:
        bad.append(f"{rel}: {e}")
        continue
    if data != open(r[rel], "rb").read():
        differ.append(rel)
report(not bad, f"every output is complete, valid JSON ({len(bad)} not)")
for b in bad[:5]:
    print("      " + b)
report(not differ, f"every output is identical to the clean run's ({len(differ)} differ)")
for d in differ[:5]:
    print("      " + d)
errors = sum(1 for p in o if not p.endswith(".rp-tmp") and "error" in json.load(open(o[p], encoding="utf-8")))
print(f"NOTE  {errors} outputs are error records (the broken inputs)")
sys.exit(0 if ok else 1)
PY
[[ $? -eq 0 ]] || failures=$((failures + 1))

say "== result"
if [[ $failures -eq 0 ]]; then say "all checks passed"; else say "$failures check(s) failed"; fi
exit $(( failures > 0 ? 1 : 0 ))
