#!/usr/bin/env bash
# `validate -f github` on a corpus of 1,000 files (copies of the real reports in ../shared/corpus, the seeds
# and the HTML samples, and broken files): checks that no file gets more than 10 annotations, that there is
# exactly one summary notice, and that its counts are the true ones (those of `validate -f json
# --min-severity info` over the same corpus). Prints the annotation counts by type.
#
# Usage: tests/scripts/validate-github.sh [WORK_DIR]     (needs dotnet and python3)
# Env:   FILES (default 1000), KEEP=1 keeps WORK_DIR
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/rp-validate.XXXXXX")}"
mkdir -p "$work"
files="${FILES:-1000}"

# shellcheck source=checks.sh
source "$repo/tests/scripts/checks.sh"

say "== build (Release)"
build_cli

say "== corpus of $files files"
python3 - "$repo" "$work/corpus" "$files" <<'PY' || exit 2
import os, sys
repo, corpus, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sources = []
for base in (os.path.join(repo, "..", "shared", "corpus"), os.path.join(repo, "seeds"), os.path.join(repo, "samples")):
    for root, _, names in os.walk(base):
        sources += [os.path.join(root, n) for n in sorted(names) if n.endswith((".txt", ".html"))]
os.makedirs(corpus, exist_ok=True)
broken = {"empty.txt": b"", "binary.txt": bytes(range(256)) * 8}
for name, data in broken.items():
    open(os.path.join(corpus, name), "wb").write(data)
for i in range(count - len(broken)):
    src = sources[i % len(sources)]
    sub = os.path.join(corpus, f"d{i % 10}")
    os.makedirs(sub, exist_ok=True)
    open(os.path.join(sub, f"{i:04d}_{os.path.basename(src)}"), "wb").write(open(src, "rb").read())
PY

"${rp[@]}" validate "$work/corpus" -f github -q >"$work/github.txt"
"${rp[@]}" validate "$work/corpus" -f json --min-severity info -q >"$work/all.json"
python3 - "$work/github.txt" "$work/all.json" "$files" <<'PY'
import collections, json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
everything = json.load(open(sys.argv[2], encoding="utf-8"))
files = int(sys.argv[3])
ok = True
def report(good, what):
    global ok
    print(("PASS  " if good else "FAIL  ") + what)
    ok &= good
per_file, kinds = collections.Counter(), collections.Counter()
for l in lines:
    m = re.match(r"::(error|warning|notice) file=([^,]*),", l)
    if m:
        kinds[m.group(1)] += 1
        per_file[m.group(2)] += 1
summaries = [l for l in lines if l.startswith("::notice title=reportparser validate::")]
true = collections.Counter(p["severity"] for f in everything for p in f["problems"])
print(f"NOTE  {len(lines)} lines; annotations: {kinds['error']} errors, {kinds['warning']} warnings, {kinds['notice']} notices over {len(per_file)} files")
print(f"NOTE  all problems: {true['error']} errors, {true['warning']} warnings, {true['info']} infos in {len(everything)} files")
report(len(everything) == files, f"every file is checked ({len(everything)} of {files})")
report(max(per_file.values(), default=0) <= 10, f"at most 10 annotations per file (most: {max(per_file.values(), default=0)})")
report(len(summaries) == 1, f"one summary notice ({len(summaries)})")
if summaries:
    print("      " + summaries[0])
    m = re.search(r"(\d+) files checked, (\d+) with problems: (\d+) errors?, (\d+) warnings?, (\d+) infos?", summaries[0])
    with_problems = sum(1 for f in everything if f["problems"])
    report(m is not None and tuple(map(int, m.groups())) == (files, with_problems, true["error"], true["warning"], true["info"]),
           "the summary's counts are the true counts")
sys.exit(0 if ok else 1)
PY
[[ $? -eq 0 ]] || failures=$((failures + 1))

say "== result"
if [[ $failures -eq 0 ]]; then say "all checks passed"; else say "$failures check(s) failed"; fi
exit $(( failures > 0 ? 1 : 0 ))
