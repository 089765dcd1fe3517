#!/usr/bin/env bash
# Conformance of `reportparser normalize --mode t2s|tw2s|tw2sp|hk2s` with OpenCC.
#
#   tests/scripts/opencc-conformance.sh
#
# Three references, for each mode, over the seeds, their Traditional versions (the round-trip
# fixtures), the text samples made Traditional (s2t, s2twp, s2hk) and the inputs of OpenCC's own test cases (../shared/reference/opencc-testcases.json,
# or $OPENCC_TESTCASES):
#   1. the expectations in opencc-testcases.json (OpenCC 1.4.x): must match exactly;
#   2. the installed opencc (Debian's 1.1.6) with its own, older dictionaries: differences are
#      listed, each with the 1.4.2 dictionary line that explains it;
#   3. the installed opencc engine run on OpenCC 1.4.2's compiled dictionaries (npm pack
#      opencc@1.4.2, prebuilds/assets/*.ocd2) with the 1.4.2 configs, normalization as a first
#      pass: must be byte-identical, which separates dictionary differences from algorithm ones.
# The outputs are compared as they are, with no folding step: `normalize` writes the converted
# text with the source's own widths, as OpenCC does. Needs opencc, npm, python3, dotnet.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
testcases="${OPENCC_TESTCASES:-$repo/../shared/reference/opencc-testcases.json}"
fixtures="$repo/tests/ReportParser.Core.Tests/Fixtures/normalization"
dicts="$repo/src/ReportParser.Core/Normalization/Dictionaries"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/ReportParser.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$repo/src/ReportParser.Cli/bin/Release/net10.0/reportparser.dll")
"${cli[@]}" normalize --help >/dev/null 2>&1 || { echo "the built reportparser has no normalize command" >&2; exit 1; }

# OpenCC 1.4.2's compiled dictionaries, and configs the 1.1.6 engine accepts (it needs a
# segmentation entry: for t2s, mmseg over TSPhrases gives the same result as no segmentation,
# because TSPhrases is also the first dictionary of the only conversion step).
(cd "$work" && npm pack --silent opencc@1.4.2 >/dev/null && tar -xzf opencc-1.4.2.tgz)
ocd="$work/package/prebuilds/assets"
ts='{"dict":{"type":"group","dicts":[{"type":"ocd2","file":"TSPhrases.ocd2"},{"type":"ocd2","file":"TSCharactersExt.ocd2"},{"type":"ocd2","file":"TSCharacters.ocd2"}]}}'
config() {  # name, segmentation dict, chain
  echo "{\"name\":\"$1\",\"segmentation\":{\"type\":\"mmseg\",\"dict\":{\"type\":\"ocd2\",\"file\":\"$2.ocd2\"}},\"conversion_chain\":[$3]}" > "$ocd/$1-142.json"
}
config norm CJK_Compatibility_Ideographs '{"dict":{"type":"ocd2","file":"CJK_Compatibility_Ideographs.ocd2"}}'
config t2s TSPhrases "$ts"
config tw2s TSPhrases '{"dict":{"type":"group","dicts":[{"type":"ocd2","file":"TWVariantsRevPhrases.ocd2"},{"type":"ocd2","file":"TWVariantsRev.ocd2"}]}},'"$ts"
config tw2sp TSPhrases '{"dict":{"type":"group","dicts":[{"type":"ocd2","file":"TWPhrasesRev.ocd2"},{"type":"ocd2","file":"TWVariantsRevPhrases.ocd2"},{"type":"ocd2","file":"TWVariantsRev.ocd2"}]}},'"$ts"
config hk2s TSPhrases '{"dict":{"type":"group","dicts":[{"type":"ocd2","file":"HKVariantsRevPhrases.ocd2"},{"type":"ocd2","file":"HKVariantsRev.ocd2"}]}},'"$ts"

# Inputs: seeds, fixtures, and the test-case inputs one per line.
mkdir -p "$work/in"
cp "$repo"/seeds/*.txt "$work/in/"
for f in "$fixtures"/*.s2*.txt; do cp "$f" "$work/in/fixture-$(basename "$f")"; done
# The text samples turned Traditional: they keep full-width punctuation, U+3000 and the like.
for f in "$repo"/samples/*/report.txt; do
  name=$(basename "$(dirname "$f")")
  for set in s2t s2twp s2hk; do opencc -c "$set" -i "$f" -o "$work/in/sample-$name.$set.txt"; done
done
python3 - "$testcases" "$work" <<'PY'
import json, re, sys
text = re.sub(r",(\s*[\]}])", r"\1", open(sys.argv[1], encoding="utf-8").read())
cases = json.loads(text)["cases"]
for mode in ["t2s", "tw2s", "tw2sp", "hk2s"]:
    selected = [c for c in cases if mode in c["expected"]]
    with open(f"{sys.argv[2]}/cases.{mode}.in", "w", encoding="utf-8") as f:
        f.write("".join(c["input"] + "\n" for c in selected))
    with open(f"{sys.argv[2]}/cases.{mode}.expected", "w", encoding="utf-8") as f:
        f.write("".join(c["expected"][mode] + "\n" for c in selected))
    with open(f"{sys.argv[2]}/cases.{mode}.ids", "w", encoding="utf-8") as f:
        f.write("".join(c["id"] + "\n" for c in selected))
with open(f"{sys.argv[2]}/in/testcases.txt", "w", encoding="utf-8") as f:
    f.write("".join(c["input"] + "\n" for c in cases))
PY

for mode in t2s tw2s tw2sp hk2s; do
  mkdir -p "$work/ours/$mode" "$work/debian/$mode" "$work/142/$mode"
  for f in "$work"/in/*.txt; do
    name=$(basename "$f")
    "${cli[@]}" normalize --mode "$mode" "$f" -o "$work/ours/$mode/$name"
    opencc -c "$mode" -i "$f" -o "$work/debian/$mode/$name"
    opencc -c "$ocd/norm-142.json" -i "$f" | opencc -c "$ocd/$mode-142.json" -o "$work/142/$mode/$name"
  done
  "${cli[@]}" normalize --mode "$mode" "$work/cases.$mode.in" -o "$work/cases.$mode.ours"
done

# Debian's dictionaries as text, to name the 1.1.6 line behind a difference as well.
mkdir -p "$work/dict116"
for f in /usr/share/opencc/*.ocd2; do
  opencc_dict -i "$f" -o "$work/dict116/$(basename "$f" .ocd2).txt" -f ocd2 -t text 2>/dev/null || true
done

python3 - "$work" "$dicts" <<'PY'
import difflib, os, sys
work, dicts = sys.argv[1], sys.argv[2]
dicts116 = f"{work}/dict116"


def read(path):
    return open(path, encoding="utf-8").read()

# Dictionary lines by key, for explaining differences with Debian's 1.1.6: the 1.4.2 line
# that produces our output, or the 1.1.6 line (gone or changed in 1.4.2) that produces theirs.
def index(folder, label):
    table = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            for n, line in enumerate(read(os.path.join(folder, name)).split("\n"), 1):
                if line and not line.startswith("#") and "\t" in line:
                    table.setdefault(line.split("\t")[0], []).append(f"{label} {name}:{n}: {line}")
    return table

lines142 = index(dicts, "1.4.2")
lines116 = index(dicts116, "1.1.6")

def explain(source, ours, theirs):
    for table, produced in ((lines142, ours), (lines116, theirs)):
        found = []
        for length in range(min(8, len(source)), 0, -1):
            for start in range(len(source) - length + 1):
                for entry in table.get(source[start:start + length], []):
                    if produced and any(c in produced for c in entry.split("\t", 1)[1].split(" ")[0]):
                        found.append(entry)
            if found:
                return found[:2]
    return ["(no dictionary line found)"]

total_fail = 0
for mode in ["t2s", "tw2s", "tw2sp", "hk2s"]:
    ids = read(f"{work}/cases.{mode}.ids").split("\n")
    expected = read(f"{work}/cases.{mode}.expected").split("\n")
    ours = read(f"{work}/cases.{mode}.ours").split("\n")
    bad = [(i, e, o) for i, e, o in zip(ids, expected, ours) if e != o]
    total_fail += len(bad)
    print(f"== {mode}: opencc-testcases.json: {len(ids) - 1 - len(bad)}/{len(ids) - 1} cases match")
    for i, e, o in bad:
        print(f"   MISMATCH {i}: expected {e!r}, got {o!r}")

    files = sorted(os.listdir(f"{work}/ours/{mode}"))
    same142 = [f for f in files if read(f"{work}/ours/{mode}/{f}") == read(f"{work}/142/{mode}/{f}")]
    total_fail += len(files) - len(same142)
    print(f"   opencc engine + 1.4.2 dictionaries: {len(same142)}/{len(files)} files byte-identical")
    for f in files:
        if f not in same142:
            print(f"   MISMATCH {f}")

    same = [f for f in files if read(f"{work}/ours/{mode}/{f}") == read(f"{work}/debian/{mode}/{f}")]
    print(f"   Debian opencc 1.1.6: {len(same)}/{len(files)} files byte-identical")
    for f in files:
        if f in same:
            continue
        src = read(f"{work}/in/{f}").split("\n")
        a = read(f"{work}/debian/{mode}/{f}").split("\n")
        b = read(f"{work}/ours/{mode}/{f}").split("\n")
        for n, (s, x, y) in enumerate(zip(src, a, b), 1):
            if x == y:
                continue
            sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op == "equal":
                    continue
                context = s[max(0, i1 - 3):i2 + 3]
                why = "; ".join(explain(context, y[j1:j2], x[i1:i2]))
                print(f"   {f}:{n}: 1.1.6 {x[i1:i2]!r} vs ours {y[j1:j2]!r} (source {context!r}) <- {why}")
print("conformance:", "OK" if total_fail == 0 else f"{total_fail} failures")
sys.exit(1 if total_fail else 0)
PY
