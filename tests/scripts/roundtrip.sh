#!/usr/bin/env bash
# Round trip: Simplified seed reports -> Traditional (opencc s2twp, s2t, s2hk) -> back to
# Simplified with our normaliser, and the character error rate against the original.
#
#   tests/scripts/roundtrip.sh              measure modes auto, t2s, tw2sp, tw2s, hk2s
#   tests/scripts/roundtrip.sh --fixtures   also (re)write the Traditional fixtures and the
#                                           expected Simplified text used by the unit tests
#
# Needs the opencc command line (apt-get install opencc) only with --fixtures; the fixtures
# are committed, so measuring needs just python3 and dotnet.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
fixtures="$repo/tests/ReportParser.Core.Tests/Fixtures/normalization"
seeds=(000 002 003 004)
sets=(s2twp s2t s2hk)

if [[ "${1:-}" == "--fixtures" ]]; then
  command -v opencc >/dev/null || { echo "opencc is not installed" >&2; exit 2; }
  mkdir -p "$fixtures"
  for id in "${seeds[@]}"; do
    src=$(ls "$repo"/seeds/${id}_*.txt)
    cp "$src" "$fixtures/$id.simplified.txt"
    for set in "${sets[@]}"; do
      opencc -c "$set" -i "$src" -o "$fixtures/$id.$set.txt"
    done
  done
  echo "fixtures written to $fixtures"
fi

dotnet build "$repo/src/ReportParser.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$repo/src/ReportParser.Cli/bin/Release/net10.0/reportparser.dll")
"${cli[@]}" normalize --help >/dev/null 2>&1 || { echo "the built reportparser has no normalize command" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for mode in auto t2s tw2sp tw2s hk2s; do
  for set in "${sets[@]}"; do
    for id in "${seeds[@]}"; do
      "${cli[@]}" normalize --mode "$mode" "$fixtures/$id.$set.txt" -o "$work/$mode.$set.$id.txt"
    done
  done
done

PYTHONPATH="$repo/tests/scripts" python3 - "$fixtures" "$work" <<'PY'
import sys
fixtures, work = sys.argv[1], sys.argv[2]
seeds, sets = ["000", "002", "003", "004"], ["s2twp", "s2t", "s2hk"]

from textfold import fold

def distance(a, b):
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

print(f"{'mode':6} {'fixture set':11} {'chars':>7} {'errors':>7} {'rate':>8}")
for mode in ["auto", "t2s", "tw2sp", "tw2s", "hk2s"]:
    for s in sets:
        chars = errors = 0
        for id in seeds:
            expected = fold(open(f"{fixtures}/{id}.simplified.txt", encoding="utf-8").read()).split("\n")
            actual = open(f"{work}/{mode}.{s}.{id}.txt", encoding="utf-8").read().split("\n")
            chars += sum(len(l) for l in expected)
            errors += sum(distance(a, e) for a, e in zip(actual, expected))
            errors += sum(len(l) for l in expected[len(actual):]) + sum(len(l) for l in actual[len(expected):])
        print(f"{mode:6} {s:11} {chars:7} {errors:7} {100 * errors / chars:7.3f}%")
PY
