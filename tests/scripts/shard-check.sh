#!/usr/bin/env bash
# Shards at scale: over FILES inputs (default 10,000: copies of the seeds and the HTML samples under
# 100 directories, and a few broken files), `parse --shard K/N` for N = 1, 3 and 7 must take every input
# exactly once (the union of the shards' source paths is the input set, with no overlap), and the shards'
# JSON Lines concatenated and sorted (LC_ALL=C sort) must equal a full run's sorted output.
#
# Usage: tests/scripts/shard-check.sh [WORK_DIR]     (needs dotnet and python3)
# Env:   FILES (default 10000), JOBS (default: nproc), KEEP=1 keeps WORK_DIR
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/rp-shard.XXXXXX")}"
mkdir -p "$work"
files="${FILES:-10000}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

# shellcheck source=checks.sh
source "$repo/tests/scripts/checks.sh"

say "== build (Release)"
build_cli

say "== corpus of $files files"
python3 - "$repo" "$work/corpus" "$files" <<'PY' || exit 2
import os, sys
repo, corpus, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sources = []
for base in (os.path.join(repo, "seeds"), os.path.join(repo, "samples")):
    for root, _, names in os.walk(base):
        sources += [open(os.path.join(root, n), "rb").read() for n in sorted(names) if n.endswith((".txt", ".html"))]
broken = [b"", bytes(range(256)) * 4]
for i in range(count):
    sub = os.path.join(corpus, f"y{2014 + i % 11}", f"d{i % 100:02d}")
    os.makedirs(sub, exist_ok=True)
    data = broken[i % 2] if i % 997 == 0 else sources[i % len(sources)]
    open(os.path.join(sub, f"r{i:05d}.txt"), "wb").write(data)
PY

start=$(date +%s)
"${rp[@]}" parse "$work/corpus" -o "$work/full.jsonl" -j "$jobs" -q
say "      full run: $(( $(date +%s) - start )) s"
for n in 1 3 7; do
  start=$(date +%s)
  for k in $(seq 1 "$n"); do
    "${rp[@]}" parse "$work/corpus" --shard "$k/$n" -o "$work/n$n-part$k.jsonl" -j "$jobs" -q
  done
  say "      $n shards: $(( $(date +%s) - start )) s"
  python3 - "$work" "$n" "$files" <<'PY'
import json, sys
work, n, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ok = True
def report(good, what):
    global ok
    print(("PASS  " if good else "FAIL  ") + what)
    ok &= good
seen, parts = {}, []
for k in range(1, n + 1):
    lines = open(f"{work}/n{n}-part{k}.jsonl", encoding="utf-8").read().splitlines()
    parts += lines
    for line in lines:
        path = json.loads(line)["source"]["path"]
        seen.setdefault(path, []).append(k)
full = open(f"{work}/full.jsonl", encoding="utf-8").read().splitlines()
full_paths = {json.loads(l)["source"]["path"] for l in full}
overlap = [p for p, ks in seen.items() if len(ks) > 1]
report(set(seen) == full_paths and len(full_paths) == files, f"N={n}: the union of the shards is exactly the {files} inputs ({len(seen)} taken)")
report(not overlap, f"N={n}: no input is in two shards ({len(overlap)})")
sizes = [sum(1 for ks in seen.values() if ks[0] == k) for k in range(1, n + 1)]
print(f"NOTE  N={n}: shard sizes {sizes}")
key = lambda s: s.encode("utf-8")  # LC_ALL=C sort: by bytes
report(sorted(parts, key=key) == sorted(full, key=key), f"N={n}: the shards concatenated and sorted equal the full run sorted ({len(parts)} lines)")
sys.exit(0 if ok else 1)
PY
  [[ $? -eq 0 ]] || failures=$((failures + 1))
done

say "== result"
if [[ $failures -eq 0 ]]; then say "all checks passed"; else say "$failures check(s) failed"; fi
exit $(( failures > 0 ? 1 : 0 ))
