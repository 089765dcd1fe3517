#!/usr/bin/env bash
# Speed of `reportparser normalize` against the opencc command line, and start-up cost.
#
#   tests/scripts/bench-normalize.sh [runs]      (default 5 runs; the median is reported)
#
# Builds >= 20 MB of Traditional text from the Simplified seeds (opencc s2twp and s2t,
# replicated), times `reportparser normalize --mode auto` (Release build, one process, one
# thread of conversion) against `opencc -c tw2sp` on the same file, then times a one-page
# Traditional input against an empty .NET console app. Needs opencc, python3 and dotnet.
set -euo pipefail

runs="${1:-5}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/ReportParser.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$repo/src/ReportParser.Cli/bin/Release/net10.0/reportparser.dll")
"${cli[@]}" normalize --help >/dev/null 2>&1 || { echo "the built reportparser has no normalize command" >&2; exit 1; }

for src in "$repo"/seeds/00[0234]_*.txt; do
  opencc -c s2twp -i "$src"
  opencc -c s2t -i "$src"
done > "$work/unit.txt"
while [ "$(stat -c %s "$work/big.txt" 2>/dev/null || echo 0)" -lt 20000000 ]; do
  cat "$work/unit.txt" >> "$work/big.txt"
done
head -c 3000 "$work/unit.txt" | python3 -c 'import sys; b=sys.stdin.buffer.read(); sys.stdout.buffer.write(b.decode("utf-8","ignore").encode())' > "$work/page.txt"

# An empty console app, built once, as the start-up baseline.
mkdir -p "$work/empty"
cat > "$work/empty/empty.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
</Project>
XML
echo 'return 0;' > "$work/empty/Program.cs"
dotnet build "$work/empty" -c Release -v quiet -nologo -o "$work/empty/out" >/dev/null

median() {  # runs a command $runs times, prints the median wall time in seconds
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

size=$(stat -c %s "$work/big.txt")
ours=$(median "${cli[@]}" normalize --mode auto "$work/big.txt" -o "$work/ours.txt")
ours_tw2sp=$(median "${cli[@]}" normalize --mode tw2sp "$work/big.txt" -o "$work/ours-tw2sp.txt")
theirs=$(median opencc -c tw2sp -i "$work/big.txt" -o "$work/opencc.txt")
page=$(median "${cli[@]}" normalize --mode auto "$work/page.txt" -o "$work/page.out")
empty=$(median dotnet "$work/empty/out/empty.dll")

echo "input: $size bytes of Traditional text; median of $runs runs"
printf 'reportparser normalize --mode auto   %6.3f s\n' "$ours"
printf 'reportparser normalize --mode tw2sp  %6.3f s\n' "$ours_tw2sp"
printf 'opencc -c tw2sp                      %6.3f s\n' "$theirs"
printf 'speed ratio (opencc / auto)          %6.1fx\n' "$(echo "$theirs / $ours" | bc -l)"
printf 'speed ratio (opencc / our tw2sp)     %6.1fx\n' "$(echo "$theirs / $ours_tw2sp" | bc -l)"
printf 'one-page start-up (auto)             %6.3f s\n' "$page"
printf 'empty .NET console app               %6.3f s\n' "$empty"
printf 'start-up ratio                       %6.1fx\n' "$(echo "$page / $empty" | bc -l)"
