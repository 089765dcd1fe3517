#!/usr/bin/env bash
# Batch acceptance test of the reportparser command line, end to end on a 1,000-file corpus:
#   1. parse → JSON Lines: exactly 1,000 records in input order, the 20 broken files (and only
#      they) as error records with the expected codes, exit code 1, a summary line on stderr;
#   2. parse -f json -o DIR killed with SIGKILL part-way: no partial .json file, then
#      --skip-existing completes the directory and counts the skipped files;
#   3. the wide CSV: one header, 1,000 rows of equal width, loaded with pandas when it is
#      installed (otherwise Python's csv module, and the script says so).
# Exits non-zero on any failed expectation.
#
# Usage: tests/scripts/batch-acceptance.sh [WORK_DIR]     (needs dotnet and python3)
# Env:   JOBS (default: nproc), KEEP=1 keeps WORK_DIR,
#        REQUIRE_NOT_A_REPORT=1 also requires the 2 non-report texts to be error records (RP1009).
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/rp-acceptance.XXXXXX")}"
mkdir -p "$work"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

# shellcheck source=checks.sh
source "$repo/tests/scripts/checks.sh"

say "== build"
build_cli
rp() { dotnet "$work/bin/reportparser.dll" "$@"; }

say "== corpus: 978 seed copies + 2 non-report texts + 20 broken files"
corpus="$work/corpus"
python3 - "$repo/seeds" "$corpus" <<'PY' || exit 2
import gzip, os, random, sys
seeds_dir, corpus = sys.argv[1], sys.argv[2]
seeds = sorted(os.path.join(seeds_dir, f) for f in os.listdir(seeds_dir) if f.endswith(".txt"))
rng = random.Random(20240109)
def write(rel, data):
    path = os.path.join(corpus, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
texts = [open(s, "rb").read() for s in seeds]
for i in range(978):
    ext = (".txt", ".htm", ".html", ".shtml")[i % 4]
    write(f"region{i % 10:02d}/county{i % 37:02d}/report{i:04d}{ext}", texts[i % len(texts)])
prose = "今天天气很好，我们去公园散步，然后吃了午饭。\n" * 40
write("notreport/prose1.txt", prose.encode("utf-8"))
write("notreport/prose2.txt", ("The quick brown fox jumps over the lazy dog.\n" * 60).encode())
broken = {}
for i in range(4):
    broken[f"broken/empty{i}.txt"] = (b"", "RP1001")
for i in range(2):
    broken[f"broken/whitespace{i}.html"] = (b" \r\n\t \n" * (i + 1) * 10, "RP1001")
for i in range(3):
    broken[f"broken/random{i}.txt"] = (bytes(rng.getrandbits(8) for _ in range(4096)), "RP1002")
broken["broken/image.html"] = (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "RP1002")
for i in range(3):
    gz = gzip.compress(texts[i])
    broken[f"broken/truncated{i}.htm"] = (gz[: len(gz) // 2], "RP1002")
for i in range(3):
    broken[f"broken/utf32_{i}.txt"] = (texts[i].decode("utf-8").encode("utf-32-le"), "RP1002")
for i in range(4):
    broken[f"broken/huge{i}.txt"] = (texts[i % len(texts)] * 60, "RP1005")
assert len(broken) == 20, len(broken)
for rel, (data, _) in broken.items():
    write(rel, data)
with open(os.path.join(corpus, "..", "expected-errors.tsv"), "w") as f:
    for rel, (_, code) in sorted(broken.items()):
        f.write(f"{rel}\t{code}\n")
PY
total=$(find "$corpus" -type f | wc -l)
check "corpus has 1000 files ($total)" test "$total" -eq 1000
max_bytes=300000   # the huge* files are 60 seed copies (> 300 KB); every other file is smaller

say "== 1. parse -> JSON Lines (-j $jobs)"
start=$(date +%s.%N)
rp parse "$corpus" -j "$jobs" --max-bytes "$max_bytes" >"$work/all.jsonl" 2>"$work/all.stderr"
rc=$?
end=$(date +%s.%N)
check "exit code 1 when some inputs fail (got $rc)" test "$rc" -eq 1
summary=$(tail -n 1 "$work/all.stderr")
say "      summary: $summary"
check "summary line on stderr" grep -qE '^reportparser: 1000 files, [0-9]+ parsed .*, [0-9]+ failed, 0 skipped, [0-9.]+ s$' <<<"$summary"
python3 - "$work/all.jsonl" "$corpus" "$work/expected-errors.tsv" "${REQUIRE_NOT_A_REPORT:-0}" <<'PY'
import json, os, sys
jsonl, corpus, expected_tsv, require_nar = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
expected = dict(line.rstrip("\n").split("\t") for line in open(expected_tsv))
lines = open(jsonl, encoding="utf-8").read().splitlines()
ok = True
def report(good, what):
    global ok
    print(("PASS  " if good else "FAIL  ") + what)
    ok &= good
report(len(lines) == 1000, f"exactly 1000 JSON Lines records (got {len(lines)})")
records = [json.loads(l) for l in lines]
paths = [os.path.relpath(r["source"]["path"], corpus).replace(os.sep, "/") for r in records]
report(paths == sorted(paths), "records are in input order (paths sorted, ordinal)")
report(len(set(paths)) == 1000, "one record per input")
errors = {p: r["error"]["code"] for p, r in zip(paths, records) if "error" in r}
nar = {p for p in paths if p.startswith("notreport/")}
nar_flagged = {p for p in nar if errors.get(p) == "RP1009"}
broken_errors = {p: c for p, c in errors.items() if p not in nar}
report(broken_errors == expected, f"the 20 broken files, and only they, are error records with the expected codes ({len(broken_errors)} found)")
if broken_errors != expected:
    for p in sorted(set(expected) | set(broken_errors)):
        if expected.get(p) != broken_errors.get(p):
            print(f"      {p}: expected {expected.get(p)}, got {broken_errors.get(p)}")
report(all(r["error"]["message"] for r in records if "error" in r), "every error record has a reason")
if require_nar:
    report(nar_flagged == nar, f"non-report texts are error records RP1009 ({len(nar_flagged)}/{len(nar)})")
else:
    print(f"NOTE  non-report texts flagged RP1009: {len(nar_flagged)}/{len(nar)} (REQUIRE_NOT_A_REPORT=1 to require it)")
sys.exit(0 if ok else 1)
PY
[[ $? -eq 0 ]] || failures=$((failures + 1))
awk -v s="$start" -v e="$end" 'BEGIN { printf "      wall time %.2f s for 1000 files\n", e - s }'

say "== 2. parse -f json -o DIR, killed with SIGKILL part-way, then --skip-existing"
out="$work/out"
# Started directly (not through the rp function) so that $! is the dotnet process itself.
dotnet "$work/bin/reportparser.dll" parse "$corpus" -f json -o "$out" -j 1 --max-bytes "$max_bytes" -q >/dev/null 2>"$work/killed.stderr" &
pid=$!
# Kill once a third of the outputs exist (polling is more reliable than a fixed delay).
for _ in $(seq 1 3000); do
  n=$(find "$out" -name '*.json' 2>/dev/null | wc -l)
  [[ $n -ge 330 ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
kill -KILL "$pid" 2>/dev/null; killed=$?
wait "$pid" 2>/dev/null
written=$(find "$out" -name '*.json' | wc -l)
temps=$(find "$out" -name '*.rp-tmp' | wc -l)
say "      killed=$([[ $killed -eq 0 ]] && echo yes || echo 'no (finished first)') with $written outputs and $temps leftover temporaries"
check "the run was killed part-way (written $written < 1000)" test "$killed" -eq 0 -a "$written" -lt 1000
python3 - "$out" <<'PY'
import json, os, sys
bad = []
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".json"):
            try:
                json.load(open(os.path.join(root, f), encoding="utf-8"))
            except Exception as e:
                bad.append(f"{f}: {e}")
print(("PASS  " if not bad else "FAIL  ") + f"no partial .json file after the kill ({len(bad)} unreadable)")
for b in bad[:5]:
    print("      " + b)
sys.exit(1 if bad else 0)
PY
[[ $? -eq 0 ]] || failures=$((failures + 1))
broken_done=$(find "$out/broken" -name '*.json' 2>/dev/null | wc -l)
expected_rc=$(( broken_done < 20 ? 1 : 0 ))   # skipped inputs are not failures of this run
rp parse "$corpus" -f json -o "$out" --skip-existing -j "$jobs" --max-bytes "$max_bytes" >"$work/resume.stdout" 2>"$work/resume.stderr"
rc=$?
resume_summary=$(tail -n 1 "$work/resume.stderr")
say "      resume summary: $resume_summary"
check "resume exit code $expected_rc ($broken_done of 20 broken inputs were done before the kill) (got $rc)" test "$rc" -eq "$expected_rc"
check "resume counts the $written existing outputs as skipped" grep -q ", $written skipped," <<<"$resume_summary"
check "resume writes nothing on stdout" test ! -s "$work/resume.stdout"
final=$(find "$out" -name '*.json' | wc -l)
check "all 1000 outputs exist after the resume ($final)" test "$final" -eq 1000
check "no temporaries left after the resume" test "$(find "$out" -name '*.rp-tmp' | wc -l)" -eq 0
check "outputs mirror the inputs" test -f "$out/region03/county03/report0003.shtml.json" -a -f "$out/broken/empty0.txt.json"

say "== 3. wide CSV"
rp parse "$corpus" -f csv --csv-layout wide -o "$work/wide.csv" -j "$jobs" --max-bytes "$max_bytes" -q
rc=$?
check "wide CSV run exit code 1 (got $rc)" test "$rc" -eq 1
# pandas may be installed for another interpreter than the first python3 (Debian's python3-pandas).
py=python3
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import pandas' 2>/dev/null; then py=$candidate; break; fi
done
"$py" - "$work/wide.csv" <<'PY'
import csv, sys
path = sys.argv[1]
ok = True
def report(good, what):
    global ok
    print(("PASS  " if good else "FAIL  ") + what)
    ok &= good
try:
    import pandas as pd
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    print(f"NOTE  loaded with pandas {pd.__version__}")
    header, rows = list(df.columns), df.values.tolist()
except ImportError:
    print("NOTE  pandas is not installed here; loaded with Python's csv module instead")
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    header, rows = table[0], table[1:]
    report(all(len(r) == len(header) for r in rows), "every row has as many fields as the header")
report(len(rows) == 1000, f"1000 rows, one per report (got {len(rows)})")
report(header[:5] == ["file", "report_year", "agency", "template", "error"], "leading columns file,report_year,agency,template,error")
report(len(header) == 5 + 226 and len(set(header)) == len(header), f"fixed cell columns, no duplicates ({len(header)} columns)")
report(sum(1 for r in rows if r[4]) in (20, 22), f"error column set for the error records ({sum(1 for r in rows if r[4])})")
sys.exit(0 if ok else 1)
PY
[[ $? -eq 0 ]] || failures=$((failures + 1))

say "== result"
if [[ $failures -eq 0 ]]; then say "all expectations met"; else say "$failures expectation(s) failed"; fi
exit $(( failures > 0 ? 1 : 0 ))
