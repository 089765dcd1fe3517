#!/usr/bin/env bash
# Side-by-side throughput on the same bytes: `reportparser normalize` (one thread), `reportparser
# parse` over the corpus directory (all cores) and Debian's `opencc -c tw2sp` on the concatenated
# corpus; start-up of one seed report against an empty console app (all started as `dotnet x.dll`);
# peak memory at three corpus sizes. The CLI runs twice: as `dotnet build -c Release` leaves it
# (JIT-compiled at every start, what `dotnet run` gives) and as `dotnet publish -c Release` leaves it
# (ReadyToRun, the recommended way to install it). With BENCH_COMPOSITE=1 it also times a
# self-contained composite ReadyToRun publish (the framework precompiled with the tool, ~100 MB,
# about a minute to publish), started through its apphost against the empty app's apphost.
# Needs: .NET SDK, python3, opencc (apt-get install opencc). Prints medians of RUNS runs (start-up:
# 4 x RUNS), wall time and, in brackets, CPU time (user + system), which a loaded machine disturbs
# less. Not part of `dotnet test`.
#
#   [BENCH_COMPOSITE=1] tests/scripts/bench-throughput.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/tmp/reportparser-bench}
measure="python3 $root/tests/scripts/measure.py"
command -v opencc >/dev/null || { echo "opencc is not installed (apt-get install opencc)" >&2; exit 2; }

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "building (Release) and publishing (ReadyToRun)…"
rm -rf "$work" && mkdir -p "$work/trad"
dotnet build "$root/src/ReportParser.Cli" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/ReportParser.Benchmarks" -c Release -v q -nologo >/dev/null
dotnet publish "$root/src/ReportParser.Cli" -c Release -v q -nologo -o "$work/publish" >/dev/null
composite=${BENCH_COMPOSITE:-0}
if [ "$composite" = 1 ]; then
  # Its own artifacts folder: composite images left in the projects' obj/ would be picked up by a
  # later framework-dependent publish.
  dotnet publish "$root/src/ReportParser.Cli" -c Release -r linux-x64 --self-contained -p:PublishReadyToRunComposite=true \
    --artifacts-path "$work/composite-artifacts" -v q -nologo -o "$work/composite" >/dev/null
fi
build="$root/src/ReportParser.Cli/bin/Release/net10.0/reportparser.dll"
published="$work/publish/reportparser.dll"
gen="$root/tests/ReportParser.Benchmarks/bin/Release/net10.0/ReportParser.Benchmarks.dll"
fixtures="$root/tests/ReportParser.Core.Tests/Fixtures/normalization"

# The Traditional versions of the seeds (committed fixtures made with opencc s2t/s2twp/s2hk).
cp "$fixtures"/*.s2t.txt "$fixtures"/*.s2twp.txt "$fixtures"/*.s2hk.txt "$work/trad/"
dotnet "$gen" corpus "$work/corpus" --min-bytes $((20 * 1024 * 1024)) --min-files 2000 --traditional "$work/trad" >/dev/null
find "$work/corpus" -name '*.txt' | sort | xargs cat > "$work/corpus.txt"
bytes=$(stat -c %s "$work/corpus.txt")
files=$(find "$work/corpus" -name '*.txt' | wc -l)
echo "corpus: $files files, $bytes bytes; median of $runs runs"

row() {  # label seconds cpu_seconds opencc_seconds
  python3 - "$bytes" "$@" <<'PY'
import sys
b, label, t, cpu, o = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
ratio = f"-> {o / t:5.1f}x opencc" if label != "opencc -c tw2sp" else ""
print(f"{label:34s} {t:7.3f} s ({cpu:6.3f} s CPU) {b / 1e6 / t:7.1f} MB/s  {ratio}")
PY
}

read -r t_opencc _ c_opencc < <($measure "$runs" -- opencc -c tw2sp -i "$work/corpus.txt" -o "$work/opencc.out")
row "opencc -c tw2sp" "$t_opencc" "$c_opencc" "$t_opencc"
for variant in build published; do
  dll=${!variant}
  read -r t _ c < <($measure "$runs" -- dotnet "$dll" normalize "$work/corpus.txt" -o "$work/norm.out")
  row "normalize, 1 thread ($variant)" "$t" "$c" "$t_opencc"
  read -r t _ c < <($measure "$runs" -- dotnet "$dll" parse "$work/corpus" -q -o "$work/parse.jsonl")
  row "parse dir, all cores ($variant)" "$t" "$c" "$t_opencc"
done
if [ "$composite" = 1 ]; then
  read -r t _ c < <($measure "$runs" -- "$work/composite/reportparser" parse "$work/corpus" -q -o "$work/parse.jsonl")
  row "parse dir, all cores (composite)" "$t" "$c" "$t_opencc"
fi

# Start-up: one seed end to end against an empty console app, all started with `dotnet x.dll`.
empty="$work/empty"
dotnet new console -o "$empty" -n empty --force >/dev/null
dotnet build "$empty" -c Release -v q -nologo >/dev/null
seed="$root/seeds/002_ed5f9074cb8b6cc8.txt"
read -r t_empty _ c_empty < <($measure $((runs * 4)) -- dotnet "$empty/bin/Release/net10.0/empty.dll")
echo "start-up: empty console app $(python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.0f} ms')" "$t_empty")"
for variant in build published; do
  dll=${!variant}
  read -r t _ c < <($measure $((runs * 4)) -- dotnet "$dll" parse "$seed")
  python3 -c "import sys; e,s,c=map(float,sys.argv[1:4]); print(f'  parse seed 002 ({sys.argv[4]}): {s*1000:.0f} ms ({c*1000:.0f} ms CPU) -> {s/e:.2f}x the empty app')" "$t_empty" "$t" "$c" "$variant"
done
if [ "$composite" = 1 ]; then
  read -r t_host _ _ < <($measure $((runs * 4)) -- "$empty/bin/Release/net10.0/empty")
  read -r t _ c < <($measure $((runs * 4)) -- "$work/composite/reportparser" parse "$seed")
  python3 -c "import sys; e,s,c=map(float,sys.argv[1:4]); print(f'  parse seed 002 (composite, apphost): {s*1000:.0f} ms ({c*1000:.0f} ms CPU) -> {s/e:.2f}x the empty app started by its apphost ({e*1000:.0f} ms)')" "$t_host" "$t" "$c"
fi

# Peak memory of parse over growing corpora: it must not grow with the number of files.
for n in 500 2000 8000; do
  rm -rf "$work/mem" && dotnet "$gen" corpus "$work/mem" --min-bytes 0 --min-files "$n" --traditional "$work/trad" >/dev/null
  read -r t rss _ < <($measure 1 -- dotnet "$published" parse "$work/mem" -q -o "$work/mem.jsonl")
  echo "parse $n files (published): ${t} s, peak RSS $((rss / 1024)) MiB"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
