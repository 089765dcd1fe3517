#!/usr/bin/env bash
# PDF reading speed side by side on the same files: `reportparser parse` over a directory of text
# PDFs (one run, -j 1: one core, as pdftotext uses) against `pdftotext -layout` run on each of them
# (poppler-utils: only extracting the text). The files are the three real reports of
# ../shared/corpus/pdf and the committed PDF conversions of the seeds and samples, each copied COPIES
# times so that the run is not all start-up. Prints medians of RUNS runs: wall time and, in brackets,
# CPU time (user + system), and the ratio of CPU times; peak memory of the parse.
# Needs: .NET SDK, python3, poppler-utils (apt-get install -y poppler-utils). Not part of `dotnet test`.
#
#   tests/scripts/bench-pdf.sh [RUNS] [COPIES]
set -euo pipefail
runs=${1:-5}
copies=${2:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/tmp/reportparser-bench-pdf}
measure="python3 $root/tests/scripts/measure.py"
command -v pdftotext >/dev/null || { echo "pdftotext is not installed (apt-get install -y poppler-utils)" >&2; exit 2; }

rm -rf "$work" && mkdir -p "$work/in"
dotnet publish "$root/src/ReportParser.Cli" -c Release -v q -nologo -o "$work/publish" >/dev/null
sources=()
for f in "$root"/../shared/corpus/pdf/*.pdf "$root"/tests/ReportParser.Core.Tests/Fixtures/converted/*.pdf; do
  case "$f" in *garbled*) continue ;; esac
  sources+=("$f")
done
n=0
for i in $(seq 1 "$copies"); do
  for f in "${sources[@]}"; do
    n=$((n + 1))
    cp "$f" "$work/in/$(printf '%05d' $n)-$(basename "$f")"
  done
done
bytes=$(du -sb "$work/in" | cut -f1)
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); $n PDFs ($((bytes / 1024)) KiB), ${#sources[@]} distinct"

cat > "$work/pdftotext-all.sh" <<SH
for f in "$work"/in/*.pdf; do pdftotext -layout "\$f" /dev/null; done
SH
read -r p_wall p_rss p_cpu < <($measure "$runs" -- sh "$work/pdftotext-all.sh")
read -r r_wall r_rss r_cpu < <($measure "$runs" -- dotnet "$work/publish/reportparser.dll" parse "$work/in" -j 1 -q -o "$work/out.jsonl")
python3 - "$p_wall" "$p_cpu" "$r_wall" "$r_cpu" "$r_rss" "$n" <<'PY'
import sys
p_wall, p_cpu, r_wall, r_cpu, r_rss, n = map(float, sys.argv[1:])
print(f"pdftotext -layout (each file):     {p_wall:6.2f} s  [{p_cpu:6.2f} s CPU]  {1000 * p_cpu / n:5.1f} ms CPU per file")
print(f"reportparser parse -j 1 (one run): {r_wall:6.2f} s  [{r_cpu:6.2f} s CPU]  {1000 * r_cpu / n:5.1f} ms CPU per file, peak {r_rss / 1024:.0f} MiB")
print(f"ratio (CPU): {r_cpu / p_cpu:.2f} x   ratio (wall): {r_wall / p_wall:.2f} x")
PY
