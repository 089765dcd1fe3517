#!/usr/bin/env bash
# Round trip: Simplified reports -> Traditional (opencc s2twp, s2t, s2hk) -> back to Simplified
# with our normaliser, without telling it which converter was used, and the character error
# rate against the original (edit distance per line).
#
#   tests/scripts/roundtrip.sh              measure the seeds and the development corpus
#   tests/scripts/roundtrip.sh --diff       also list auto's wrong words on s2twp text, for the
#                                           seeds and the tuning split only (never the held-out part)
#   tests/scripts/roundtrip.sh --fixtures   also (re)write the Traditional fixtures and the
#                                           expected Simplified text used by the unit tests
#
# Inputs, reported apart:
#   seeds      the four Simplified seeds (000, 002, 003, 004), from the committed fixtures
#   tuning     the .txt reports of ../shared/corpus/pingtan whose number is not a multiple of 3
#   held-out   those whose number is a multiple of 3 (the split of the corpus tests,
#              RealCorpus.IsHeldOut): never tuned on
# The corpus is read from ../shared beside the repository, never copied into it; its Traditional
# side is made here with the installed opencc (Debian's 1.1.6: apt-get install opencc).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
fixtures="$repo/tests/ReportParser.Core.Tests/Fixtures/normalization"
corpus="$repo/../shared/corpus/pingtan"
seeds=(000 002 003 004)
sets=(s2twp s2t s2hk)
diff=0

case "${1:-}" in
  --diff) diff=1 ;;
  --fixtures)
    command -v opencc >/dev/null || { echo "opencc is not installed (apt-get install opencc)" >&2; exit 2; }
    mkdir -p "$fixtures"
    for id in "${seeds[@]}"; do
      src=$(ls "$repo"/seeds/${id}_*.txt)
      cp "$src" "$fixtures/$id.simplified.txt"
      for set in "${sets[@]}"; do
        opencc -c "$set" -i "$src" -o "$fixtures/$id.$set.txt"
      done
    done
    echo "fixtures written to $fixtures" ;;
  "") ;;
  *) echo "usage: $0 [--diff|--fixtures]" >&2; exit 2 ;;
esac

command -v opencc >/dev/null || { echo "opencc is not installed (apt-get install opencc)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "the development corpus is not at $corpus (shared/ beside the repository)" >&2; exit 2; }

dotnet build "$repo/src/ReportParser.Cli" -c Release -v quiet -nologo >/dev/null
cli="$repo/src/ReportParser.Cli/bin/Release/net10.0/reportparser.dll"
dotnet "$cli" normalize --help >/dev/null 2>&1 || { echo "the built reportparser has no normalize command" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# $work/in/<name>.simplified.txt and $work/in/<name>.<set>.txt for every input.
mkdir -p "$work/in" "$work/out"
for id in "${seeds[@]}"; do
  for kind in simplified "${sets[@]}"; do
    cp "$fixtures/$id.$kind.txt" "$work/in/seed-$id.$kind.txt"
  done
done
for src in "$corpus"/[0-9][0-9][0-9]_*.txt; do
  name="corpus-$(basename "$src" .txt)"
  cp "$src" "$work/in/$name.simplified.txt"
  for set in "${sets[@]}"; do
    opencc -c "$set" -i "$src" -o "$work/in/$name.$set.txt"
  done
done

read -r -a modes <<< "${ROUNDTRIP_MODES:-auto t2s tw2sp}"   # ROUNDTRIP_MODES="auto" for a quick run
for mode in "${modes[@]}"; do
  for f in "$work"/in/*.s2t*.txt "$work"/in/*.s2hk.txt; do
    printf '%s %s\n' "$mode" "$f"
  done
done | OUT="$work/out" xargs -P 2 -L 1 sh -c 'dotnet "$0" normalize --mode "$1" "$2" -o "$OUT/$1.${2##*/}"' "$cli"

python3 "$repo/tests/scripts/roundtrip.py" "$work" "$diff" "${modes[@]}"
