#!/usr/bin/env bash
# Side-by-side throughput on the same bytes: `reportparser normalize` (one thread), `reportparser
# parse` over the corpus directory (all cores) and Debian's `opencc -c tw2sp` on the concatenated
# corpus; plus start-up against an empty console app and peak memory at three corpus sizes.
# Needs: .NET SDK, python3, opencc (apt-get install opencc). Prints ratios, medians of RUNS runs.
#
#   tests/scripts/bench-throughput.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/tmp/reportparser-bench}
measure="python3 $root/tests/scripts/measure.py"
command -v opencc >/dev/null || { echo "opencc is not installed (apt-get install opencc)" >&2; exit 2; }

echo "building (Release)…"
dotnet build "$root/src/ReportParser.Cli" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/ReportParser.Benchmarks" -c Release -v q -nologo >/dev/null
cli="$root/src/ReportParser.Cli/bin/Release/net10.0/reportparser.dll"
gen="$root/tests/ReportParser.Benchmarks/bin/Release/net10.0/ReportParser.Benchmarks.dll"
fixtures="$root/tests/ReportParser.Core.Tests/Fixtures/normalization"

rm -rf "$work" && mkdir -p "$work/trad"
# The Traditional versions of the seeds (committed fixtures made with opencc s2t/s2twp/s2hk).
cp "$fixtures"/*.s2t.txt "$fixtures"/*.s2twp.txt "$fixtures"/*.s2hk.txt "$work/trad/"
dotnet "$gen" corpus "$work/corpus" --min-bytes $((20 * 1024 * 1024)) --min-files 2000 --traditional "$work/trad"
find "$work/corpus" -name '*.txt' | sort | xargs cat > "$work/corpus.txt"
bytes=$(stat -c %s "$work/corpus.txt")
files=$(find "$work/corpus" -name '*.txt' | wc -l)
echo "corpus: $files files, $bytes bytes"

read -r t_opencc _ < <($measure "$runs" -- opencc -c tw2sp -i "$work/corpus.txt" -o "$work/opencc.out")
read -r t_norm _ < <($measure "$runs" -- dotnet "$cli" normalize "$work/corpus.txt" -o "$work/norm.out")
read -r t_parse _ < <($measure "$runs" -- dotnet "$cli" parse "$work/corpus" -q -o "$work/parse.jsonl")
python3 - "$bytes" "$t_opencc" "$t_norm" "$t_parse" <<'PY'
import sys
b, o, n, p = int(sys.argv[1]), *map(float, sys.argv[2:])
mb = b / 1e6
print(f"opencc -c tw2sp     {o:8.3f} s  {mb / o:7.1f} MB/s")
print(f"normalize (1 thread){n:8.3f} s  {mb / n:7.1f} MB/s  -> {o / n:5.1f}x opencc")
print(f"parse dir (all cores){p:7.3f} s  {mb / p:7.1f} MB/s  -> {o / p:5.1f}x opencc")
PY

# Start-up: one seed end to end against an empty console app, both started with `dotnet x.dll`.
empty="$work/empty"
if [ ! -f "$empty/bin/Release/net10.0/empty.dll" ]; then
  dotnet new console -o "$empty" -n empty --force >/dev/null
  dotnet build "$empty" -c Release -v q -nologo >/dev/null
fi
read -r t_empty _ < <($measure $((runs * 4)) -- dotnet "$empty/bin/Release/net10.0/empty.dll")
read -r t_seed _ < <($measure $((runs * 4)) -- dotnet "$cli" parse "$root/seeds/002_ed5f9074cb8b6cc8.txt")
python3 -c "import sys; e,s=map(float,sys.argv[1:]); print(f'start-up: empty app {e*1000:.0f} ms, parse seed 002 {s*1000:.0f} ms -> {s/e:.2f}x')" "$t_empty" "$t_seed"

# Peak memory of parse over growing corpora: it must not grow with the number of files.
for n in 500 2000 8000; do
  rm -rf "$work/mem" && dotnet "$gen" corpus "$work/mem" --min-bytes 0 --min-files "$n" --traditional "$work/trad" >/dev/null
  read -r t rss < <($measure 1 -- dotnet "$cli" parse "$work/mem" -q -o "$work/mem.jsonl")
  echo "parse $n files: ${t} s, peak RSS $((rss / 1024)) MiB"
done
