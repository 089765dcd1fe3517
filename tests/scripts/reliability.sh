#!/usr/bin/env bash
# Reliability probes of the reportparser command line (issue 21): every input path bounded by
# --max-bytes and stoppable, memory per worker bounded, -j held after timeouts, outputs that nothing
# can corrupt, resume that cannot skip wrong, a lock against overlapping runs, one-line errors.
# Each probe runs the real CLI (Release build) and prints one row: probe | expected | observed |
# peak memory (/usr/bin/time -v's maximum resident set size) | PASS/FAIL; a probe whose peak is
# above the documented bound fails too. The bound per worker is MEM_BASE_MB + MEM_FACTOR x the bytes
# it admits (at most --max-bytes), as in src/ReportParser.Cli/README.md.
# Exits non-zero when any probe fails.
#
# Usage: tests/scripts/reliability.sh [WORK_DIR]     (needs dotnet, python3, /usr/bin/time; Linux)
# Env:   KEEP=1 keeps WORK_DIR; PROBE_TIMEOUT (default 120 s): a probe still running then is killed
#        and fails (a hang is a failure, not a stuck script)
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/rp-reliability.XXXXXX")}"
mkdir -p "$work"
shm="/dev/shm/rp-reliability.$$"

# shellcheck source=checks.sh
source "$repo/tests/scripts/checks.sh"
trap 'rm -rf "$shm"; cleanup' EXIT

# The documented memory bound of one worker: MEM_BASE_MB + MEM_FACTOR x admitted input bytes.
MEM_BASE_MB=500
MEM_FACTOR=12
bound_mb() { echo $(( MEM_BASE_MB + MEM_FACTOR * $1 / 1000000 )); }

say "== build (Release)"
build_cli
rp="$work/bin/reportparser.dll"
seed="$repo/seeds/002_ed5f9074cb8b6cc8.txt"

# measure CMD: runs CMD with bash under /usr/bin/time -v, killed after PROBE_TIMEOUT; sets rc, out, err, peak_mb.
n=0
measure() {
  n=$((n + 1))
  out="$work/p$n.out"; err="$work/p$n.err"
  /usr/bin/time -v -o "$work/p$n.time" timeout -k 5 "${PROBE_TIMEOUT:-120}" bash -c "$1" >"$out" 2>"$err"
  rc=$(sed -n 's/.*Exit status: //p' "$work/p$n.time")
  [[ -z "$rc" ]] && rc=$(sed -n 's/.*terminated by signal \([0-9]*\).*/signal \1/p' "$work/p$n.time")
  peak_mb=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/p$n.time") / 1024 ))
}

rows=()
# row PROBE EXPECTED OBSERVED OK [BOUND_MB]: one line of the table; fails when not OK or over the bound.
row() {
  local probe="$1" expected="$2" observed="$3" ok="$4" bound="${5:-}" verdict=PASS memory="$peak_mb MB"
  if [[ -n "$bound" ]]; then
    memory="$peak_mb MB (<= $bound)"
    (( peak_mb <= bound )) || ok=false
  fi
  [[ "$ok" == true ]] || { verdict=FAIL; failures=$((failures + 1)); }
  rows+=("$(printf '%s\t%s\t%s\t%s\t%s' "$probe" "$expected" "$observed" "$memory" "$verdict")")
  printf '%-4s %s | %s | %s | %s\n' "$verdict" "$probe" "$expected" "$observed" "$memory"
}
is() { [[ "$1" == "$2" ]] && echo true || echo false; }
codes() { python3 -c 'import json,sys
for line in open(sys.argv[1], encoding="utf-8"):
    line=line.strip()
    if line: d=json.loads(line); print((d.get("error") or {}).get("code","ok"))' "$1" | sort | uniq -c | awk '{printf "%s%sx%s", sep, $1, $2; sep=" "} END {print ""}'; }
lines() { wc -l <"$1" | tr -d ' '; }

say "== inputs"
python3 - "$work" "$seed" <<'PY'
import os, sys
work, seed = sys.argv[1], open(sys.argv[2], "rb").read()
row = "<tr>" + "".join(f"<td>{i}</td>" for i in range(10)) + "</tr>\n"
head = "<html><head><meta charset='utf-8'><title>某局2023年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><p>政府信息公开</p><table>\n"
def page(path, size):
    with open(path, "w") as f:
        f.write(head); f.write(row * ((size - len(head)) // len(row))); f.write("</table></body></html>")
page(os.path.join(work, "table60.html"), 60_000_000)
os.makedirs(os.path.join(work, "tables15"))
for i in range(8):
    page(os.path.join(work, "tables15", f"t{i}.html"), 15_000_000)
PY
mkdir -p "$work/zeros" && for i in 1 2 3 4 5 6 7 8; do ln -s /dev/zero "$work/zeros/z$i.txt"; done

say "== probes"
say "result probe | expected | observed | peak memory"

# 1. --max-bytes on inputs without a size
measure "dotnet '$rp' parse /dev/zero --max-bytes 1000 -f jsonl -q"
row "parse /dev/zero --max-bytes 1000" "exit 1, RP1005" "exit $rc, $(codes "$out")" "$([[ $rc == 1 && "$(codes "$out")" == "1xRP1005" ]] && echo true || echo false)" "$(bound_mb 1000)"
measure "dotnet '$rp' parse /dev/zero --max-bytes 1000 --timeout 0 -f jsonl -q"
row "parse /dev/zero --max-bytes 1000 --timeout 0" "exit 1, RP1005" "exit $rc, $(codes "$out")" "$([[ $rc == 1 && "$(codes "$out")" == "1xRP1005" ]] && echo true || echo false)" "$(bound_mb 1000)"
measure "head -c 3000000000 /dev/zero | dotnet '$rp' parse - --max-bytes 1000 -f jsonl -q"
row "head -c 3e9 /dev/zero | parse - --max-bytes 1000" "exit 1, RP1005" "exit $rc, $(codes "$out")" "$([[ $rc == 1 && "$(codes "$out")" == "1xRP1005" ]] && echo true || echo false)" "$(bound_mb 1000)"
measure "dotnet '$rp' parse '$work/zeros' --include '*' --max-bytes 1000000 -j 2 -q"
row "8 links to /dev/zero, --max-bytes 1e6 -j 2" "exit 1, 8 RP1005" "exit $rc, $(codes "$out")" "$([[ $rc == 1 && "$(codes "$out")" == "8xRP1005" ]] && echo true || echo false)" "$(bound_mb $((2 * 1000000)))"

# 2. memory amplification and -j after timeouts
measure "dotnet '$rp' parse '$work/table60.html' --max-bytes 70000000 --timeout 0 -f jsonl -q"
row "one 60 MB page of one table" "one record, RP1011 cap" "exit $rc, $(codes "$out"), RP1011: $(grep -c 'plain text' "$out")" "$([[ $rc == 0 && "$(codes "$out")" == "1xok" ]] && echo true || echo false)" "$(bound_mb 60000000)"
measure "dotnet '$rp' parse '$work/tables15' -j 1 --timeout 1 -q"
row "-j 1 --timeout 1 over eight 15 MB table pages" "8 records, one parse at a time" "exit $rc, $(codes "$out")" "$([[ $(lines "$out") == 8 ]] && echo true || echo false)" "$(bound_mb 15000000)"

# 3. outputs under /dev: by file type
mkdir -p "$shm" && head -c 2000000 /dev/zero | tr '\0' x >"$shm/out.json"
measure "dotnet '$rp' parse '$seed' -o '$shm/out.json' -q"
valid=$(python3 -c 'import json,sys; json.load(open(sys.argv[1])); print("valid JSON")' "$shm/out.json" 2>/dev/null || echo "not JSON")
row "-o /dev/shm/out.json over a 2 MB file" "exit 0, whole valid JSON, no temporary" "exit $rc, $valid, $(ls -A "$shm" | wc -l) file(s)" "$([[ $rc == 0 && "$valid" == "valid JSON" && $(ls -A "$shm" | wc -l) == 1 ]] && echo true || echo false)"
head -c 2000000 /dev/zero | tr '\0' x >"$shm/target.json"; ln -s "$shm/target.json" "$work/link.json"
measure "dotnet '$rp' parse '$seed' -f json -o '$work/link.json' -q"
valid=$(python3 -c 'import json,sys; json.load(open(sys.argv[1])); print("valid JSON")' "$work/link.json" 2>/dev/null || echo "not JSON")
row "-o link into /dev/shm over a 2 MB file" "exit 0, valid JSON" "exit $rc, $valid" "$([[ $rc == 0 && "$valid" == "valid JSON" ]] && echo true || echo false)"
printf 'old line\n' >"$work/log"
measure "dotnet '$rp' parse '$seed' -f json -o /dev/stdout -q >> '$work/log'"
first=$(head -n 1 "$work/log"); second=$(sed -n 2p "$work/log")
row "-o /dev/stdout >> log" "log keeps its first line, JSON appended" "exit $rc, line 1 '$first', line 2 '${second:0:1}'" "$([[ $rc == 0 && "$first" == "old line" && "$second" == "{" ]] && echo true || echo false)"

measure "{ dotnet '$rp' parse '$seed' -f jsonl -q; dotnet '$rp' parse '$seed' -f jsonl -q; } > '$work/two.jsonl'"
row "{ parse a; parse b; } > file (stdout shared)" "2 records, the second appended" "exit $rc, $(lines "$work/two.jsonl") record(s)" "$([[ $rc == 0 && $(lines "$work/two.jsonl") == 2 ]] && echo true || echo false)"

# 4. resume keyed by input identity
mkdir -p "$work/ra" "$work/rb" && cp "$repo/seeds/002_ed5f9074cb8b6cc8.txt" "$work/ra/x.txt" && cp "$(ls "$repo"/seeds/*.txt | sed -n 3p)" "$work/rb/x.txt"
dotnet "$rp" parse "$work/ra" "$work/rb" -f json -o "$work/r-clean" -q
dotnet "$rp" parse "$work/rb" -f json -o "$work/r-resumed" -q
measure "dotnet '$rp' parse '$work/rb' '$work/ra' -f json -o '$work/r-resumed' --skip-existing -q"
same=$(diff -r "$work/r-clean" "$work/r-resumed" >/dev/null && echo identical || echo different)
row "resume, two inputs -> one name, arguments swapped" "exit 0, identical to a clean run" "exit $rc, $same" "$([[ $rc == 0 && $same == identical ]] && echo true || echo false)"
mkdir -p "$work/rt" && cp "$seed" "$work/rt/a.txt" && mkfifo "$work/rt/b.txt"
dotnet "$rp" parse "$work/rt" -f json -o "$work/rt-out" --timeout 1 -q
rm "$work/rt/b.txt" && cp "$seed" "$work/rt/b.txt"
dotnet "$rp" parse "$work/rt" -f json -o "$work/rt-clean" -q
measure "dotnet '$rp' parse '$work/rt' -f json -o '$work/rt-out' --skip-existing"
same=$(diff -r "$work/rt-clean" "$work/rt-out" >/dev/null && echo identical || echo different)
row "resume after a timeout (FIFO, then a good file)" "the timed-out input parsed again, identical" "exit $rc, $(tail -n 1 "$err" | grep -o '[0-9]* parsed'), $same" "$([[ $rc == 0 && $same == identical ]] && echo true || echo false)"

# 5. overlapping runs
dotnet "$rp" parse "$work/tables15" -f json -o "$work/busy" -j 1 --timeout 0 -q 2>"$work/busy.err" &
first_pid=$!
for _ in $(seq 1 200); do [[ -e "$work/busy/.reportparser.lock" ]] && break; sleep 0.05; done
measure "dotnet '$rp' parse '$work/tables15' -f json -o '$work/busy' -q"
second_rc=$rc; second_err=$(head -n 1 "$err")
wait "$first_pid"; first_rc=$?
row "second run on a busy -o DIR" "second exit 2 naming the PID; first completes" "second exit $second_rc ('${second_err:0:60}…'), first exit $first_rc, $(ls "$work/busy" | wc -l) outputs" "$([[ $second_rc == 2 && "$second_err" == *"PID $first_pid"* && $first_rc == 0 && $(ls "$work/busy" | wc -l) == 8 ]] && echo true || echo false)"

# 6. the tool reading its own output
mkdir -p "$work/own" && cp "$repo"/seeds/*.txt "$work/own/"
seeds=$(ls "$repo"/seeds/*.txt | wc -l)
dotnet "$rp" parse "$work/own" -o "$work/own/all.txt" -q
measure "dotnet '$rp' parse '$work/own' -o '$work/own/all.txt' -q"
row "parse dir -o dir/all.txt twice" "$seeds records" "exit $rc, $(lines "$work/own/all.txt") records" "$([[ $rc == 0 && $(lines "$work/own/all.txt") == "$seeds" ]] && echo true || echo false)"
dotnet "$rp" parse "$work/own" -f json -o "$work/own" --include '*.txt' -q
measure "dotnet '$rp' parse '$work/own' -f json -o '$work/own' --include '*' -q"
row "-f json -o dir --include '*' into the input dir" "no x.txt.json.json" "exit $rc, $(find "$work/own" -name '*.json.json' | wc -l) .json.json" "$([[ $rc == 0 && $(find "$work/own" -name '*.json.json' | wc -l) == 0 ]] && echo true || echo false)"

# 7. stdin: signals and --timeout
mkfifo "$work/fifo"
( exec 3<>"$work/fifo"; dotnet "$rp" parse - --timeout 0 <"$work/fifo" >/dev/null 2>"$work/sig.err" & pid=$!; sleep 2; start=$(date +%s%N); kill -TERM "$pid"; wait "$pid"; echo "$? $(( ($(date +%s%N) - start) / 1000000 ))" >"$work/sig.result" )
read -r sig_rc sig_ms <"$work/sig.result"
peak_mb=0
row "parse - on a pipe that never closes, SIGTERM" "exit 130 at once" "exit $sig_rc after $sig_ms ms" "$([[ $sig_rc == 130 && $sig_ms -lt 3000 ]] && echo true || echo false)"
# A pipe whose writer (this shell's descriptor 3) stays open and silent, like `sleep 30 | parse -`.
start=$(date +%s)
measure "exec 3<>'$work/fifo'; dotnet '$rp' parse - --timeout 2 -f jsonl -q <'$work/fifo'"
took=$(( $(date +%s) - start ))
row "silent pipe | parse - --timeout 2" "exit 1, RP9002 within seconds" "exit $rc, $(codes "$out"), ${took} s" "$([[ $rc == 1 && "$(codes "$out")" == "1xRP9002" && $took -lt 10 ]] && echo true || echo false)" "$(bound_mb 0)"

# 8. bad entries and long names
mkdir -p "$work/deep" && cp "$seed" "$work/deep/ok.txt"
python3 -c 'import os,sys
os.chdir(sys.argv[1])
for _ in range(22):
    os.mkdir("d" * 200); os.chdir("d" * 200)
open("r.txt", "w").write("x")' "$work/deep"
measure "dotnet '$rp' parse '$work/deep' -f jsonl"
row "a directory path over 4,096 characters" "exit 0, the other file parsed, one warning" "exit $rc, $(lines "$out") record(s), $(grep -c 'too long' "$err") warning(s)" "$([[ $rc == 0 && $(lines "$out") == 1 && $(grep -c 'too long' "$err") == 1 ]] && echo true || echo false)"
long="$(python3 -c 'print("报" * 79 + "abc")')"   # 244 bytes with .txt; its output 249, its temporary 266 before the fix
mkdir -p "$work/long" && cp "$seed" "$work/long/$long.txt"
measure "dotnet '$rp' parse '$work/long' -f json -o '$work/long-out' -q"
row "an input name of 244 bytes, -f json -o DIR" "exit 0, its output written" "exit $rc, $(ls "$work/long-out" | wc -l) output(s)" "$([[ $rc == 0 && $(ls "$work/long-out" | wc -l) == 1 ]] && echo true || echo false)"

python3 -c 'import os,sys
d=open(sys.argv[2],"rb").read()
for name in ("报告一", "报告二"):
    open(os.path.join(sys.argv[1].encode(), name.encode("gbk") + b".txt"), "wb").write(d)' "$(mkdir -p "$work/gbk" && echo "$work/gbk")" "$seed"
measure "dotnet '$rp' parse '$work/gbk' -f jsonl -q"
paths=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["source"]["path"].rsplit("/",1)[1] for l in open(sys.argv[1], encoding="utf-8")))' "$out")
row "two GBK-named files" "exit 0, both parsed, names escaped %XX" "exit $rc, $(codes "$out"), $paths" "$([[ $rc == 0 && "$(codes "$out")" == "2xok" && "$paths" == *%B1%A8* ]] && echo true || echo false)"

# 9. CSV formula injection
mkdir -p "$work/csv" && cp "$seed" "$work/csv/=HYPERLINK(1).txt"
measure "cd '$work/csv' && dotnet '$rp' parse '=HYPERLINK(1).txt' -f csv --csv-layout wide --excel -q"
cell=$(sed -n 2p "$out" | cut -d, -f1)
row "--excel, a file named =HYPERLINK(1).txt" "file cell '=HYPERLINK(1).txt" "exit $rc, file cell $cell" "$([[ $rc == 0 && "$cell" == "'=HYPERLINK(1).txt" ]] && echo true || echo false)"
measure "cd '$work/csv' && dotnet '$rp' parse '=HYPERLINK(1).txt' -f csv --csv-layout wide --excel --raw-csv -q"
cell=$(sed -n 2p "$out" | cut -d, -f1)
row "--excel --raw-csv, the same file" "file cell =HYPERLINK(1).txt" "exit $rc, file cell $cell" "$([[ $rc == 0 && "$cell" == "=HYPERLINK(1).txt" ]] && echo true || echo false)"

# 10. the smaller ones
measure "dotnet '$rp' normalize '$seed' > /dev/full"
row "normalize > /dev/full" "exit 2, one line on stderr" "exit $rc, $(lines "$err") line(s)" "$([[ $rc == 2 && $(lines "$err") == 1 ]] && echo true || echo false)"
mkdir -p "$work/many" && for i in $(seq 1 30); do for f in "$repo"/seeds/*.txt; do cp "$f" "$work/many/$i-$(basename "$f")"; done; done
measure "dotnet '$rp' parse '$work/many' | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}"
row "parse dir | head -c 100" "non-zero exit, one line, no summary" "exit $rc, $(grep -c 'Broken pipe' "$err") broken-pipe line(s), $(grep -c ' files, ' "$err") summary" "$([[ $rc != 0 && $(grep -c 'Broken pipe' "$err") == 1 && $(grep -c ' files, ' "$err") == 0 ]] && echo true || echo false)"
mkdir -p "$work/nl" && printf '' >"$work/nl/$(printf 'a\nforged.txt:1: error RP0000: x')"
measure "dotnet '$rp' validate '$work/nl' --include '*' -f text -q"
row "validate -f text, a file name with a newline" "one line per problem" "exit $rc, $(lines "$out") line(s)" "$([[ $(lines "$out") == 1 ]] && echo true || echo false)"
python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(d[:200]+b"\0"+d[200:])' "$seed" "$work/nul.txt"
measure "dotnet '$rp' parse '$work/nul.txt' -f jsonl -q"
row "a valid report with one NUL byte" "parsed, not RP1002" "exit $rc, $(codes "$out")" "$([[ $rc == 0 && "$(codes "$out")" == "1xok" ]] && echo true || echo false)"

say ""
say "== table"
{ printf 'probe\texpected\tobserved\tpeak memory\tresult\n'; printf '%s\n' "${rows[@]}"; } | column -t -s $'\t'
say ""
say "NOTE  a directory whose own name is not valid UTF-8 is named in a warning and not searched"
if [[ $failures -eq 0 ]]; then say "all ${#rows[@]} probes passed"; else say "$failures of ${#rows[@]} probes failed"; fi
exit $(( failures > 0 ? 1 : 0 ))
