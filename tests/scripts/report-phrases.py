#!/usr/bin/env python3
"""Builds the report phrase table (src/ReportParser.Core/Normalization/Dictionaries/ReportPhrases.txt)
from its decisions (ReportPhrases.tsv beside it), and the rule decisions from evidence.

  tests/scripts/report-phrases.py decide     recompute the rule rows of ReportPhrases.tsv from the
                                              evidence below (manual rows are kept as they are),
                                              then generate
  tests/scripts/report-phrases.py generate   ReportPhrases.tsv -> ReportPhrases.txt (the terms that
                                              mark Taiwan phrasing) and ReportPhraseContexts.txt (the
                                              rest); conversion reads both as one table

Evidence (read at refresh time, nothing of it vendored):
- candidates: every Taiwan phrase OpenCC's s2twp can write, i.e. the TWPhrases dictionary of
  OpenCC 1.4.2 (npm pack opencc@1.4.2, as refresh-opencc-dictionaries.sh fetches) and of the
  installed opencc (Debian's 1.1.6, /usr/share/opencc/TWPhrases.ocd2 via opencc_dict), which
  differ; the Taiwan term is what the installed `opencc -c s2twp` writes for the mainland word;
- how mainland text writes a word: jieba's dictionary (dict.txt of the jieba.NET 0.42.2 NuGet
  package, MIT; restored into the NuGet cache by a throwaway project when it is not there);
- how mainland government reports write it: the tuning split of the development corpus
  (../shared/corpus/pingtan, reports whose number is not a multiple of 3) and the seeds. The
  held-out split (multiples of 3) is never read here.

Rules (each row of the TSV says which one decided it, with the counts):
- a Taiwan term T that s2twp writes for the mainland word M, where T read plainly is K:
  - corpus: when the tuning text has M and not K, T maps to M; K and not M, T is kept;
  - both in the corpus: the more frequent reading there is the default;
  - as often in the corpus (or in neither): jieba decides, M when it is at least as frequent
    as K (s2twp wrote T, so a term neither source knows maps back);
  - M is not written when OpenCC's t2s cannot give it back from s2t (天冬酰胺);
- context: mainland words (jieba, frequency >= MIN_WORD) that contain the other reading, and
  whose s2twp form contains T, get a line of their own when jieba has them at least RATIO times
  as often as the same word with the default reading (so 方程式 stays although 程式 maps to 程序);
  likewise collocations of the tuning text (the reading with one or two Han characters, not
  function words such as 的 和 及, before or after it) seen at least MIN_COLLOCATION times with
  the other reading and never with the default (安全运行, 运行稳定);
- marks: a mapped term marks Taiwan phrasing (ReportPhrases.txt, which the script detector
  counts) when M is at least RATIO times as frequent as K both in the tuning text and in jieba.
"""
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DICTS = os.path.join(REPO, "src", "ReportParser.Core", "Normalization", "Dictionaries")
TSV = os.path.join(DICTS, "ReportPhrases.tsv")
TABLE = os.path.join(DICTS, "ReportPhrases.txt")
CONTEXTS = os.path.join(DICTS, "ReportPhraseContexts.txt")
CORPUS = os.path.join(REPO, "..", "shared", "corpus", "pingtan")
OPENCC_VERSION = "1.4.2"
JIEBA = os.path.expanduser("~/.nuget/packages/jieba.net/0.42.2/Resources/dict.txt")

MIN_WORD = 20         # jieba frequency for a word to be a context of its own
RATIO = 5             # how much more frequent a context word must be than its other reading
MIN_COLLOCATION = 2   # occurrences in the tuning text for a collocation

HAN = "[\u3400-\u9fff]"
# Characters that say nothing about the word beside them, so never make a collocation.
FUNCTION_WORDS = set("的了和与及或是在等并也而之其对为把被将")

COLUMNS = ["taiwan", "mainland", "value", "decision", "marks", "reason", "source"]

HEADER = """\
# ReportParser report phrase table (this project's own data, not part of OpenCC)
# GENERATED from ReportPhrases.tsv by tests/scripts/report-phrases.py: edit the TSV (a row with
# source "manual") or the rules of the script, never this file.
# Format: OpenCC text format, key	value; the key is Taiwan phrasing as s2twp writes it, the value
# mainland wording in Traditional characters, which the TSPhrases/TSCharacters step then turns
# into Simplified. A longer key always wins over a shorter one.
#
# Used by the `auto` mode for Taiwan-phrased Traditional text, in the place tw2sp gives to
# TWPhrasesRev. Almost every Traditional report is a mainland report that a website ran through
# a Simplified-to-Taiwan converter (OpenCC s2twp or alike), so the job is to undo the Taiwan
# phrasing that converter introduced, and nothing else.
#
# Rules for a line (the TSV keeps the decision and its evidence for every candidate):
# - the candidates are the Taiwan terms s2twp writes (OpenCC's TWPhrases);
# - a term maps back when mainland text writes the mainland word rather than the term read
#   plainly (tuning corpus first, jieba's word frequencies where the corpus has neither);
# - where both readings are mainland words, mainland words and collocations that need the other
#   reading get lines of their own (identity lines such as 方程式, or 系統執行→系統運行).
# tests/scripts/roundtrip.sh measures the effect.
#
"""
MARKERS = """\
# This file: the terms that mark Taiwan phrasing, because mainland text does not write them read
# plainly (the TSV's "marks" column). Besides converting, the script detector counts them to tell
# Taiwan-phrased text that has no Taiwan variant form. ReportPhraseContexts.txt has the rest.

"""
OTHERS = """\
# This file: terms that are also mainland words read plainly, and contexts. They convert (together
# with ReportPhrases.txt, as one table) but do not mark a text as Taiwan-phrased: s2hk and s2t
# write them too (檔案 is also 档案).

"""


# --- evidence -------------------------------------------------------------------------------

def opencc(config, lines):
    """Runs the installed opencc over lines (one result per line)."""
    out = subprocess.run(["opencc", "-c", config], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    result = out.split("\n")[:len(lines)]
    assert len(result) == len(lines)
    return result


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            key, values = line.rstrip("\n").split("\t", 1)
            if values.split():
                pairs.append((key, values.split()[0]))
    return pairs


def tw_phrases():
    """TWPhrases keys (mainland words, OpenCC Traditional) of OpenCC 1.4.2 and of the installed opencc."""
    keys = set()
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["npm", "pack", "--silent", f"opencc@{OPENCC_VERSION}"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run(["tar", "-xzf", f"opencc-{OPENCC_VERSION}.tgz"], cwd=work, check=True)
        keys.update(k for k, _ in read_pairs(os.path.join(work, "package", "data", "dictionary", "TWPhrases.txt")))
        installed = os.path.join(work, "installed.txt")
        subprocess.run(["opencc_dict", "-i", "/usr/share/opencc/TWPhrases.ocd2", "-o", installed,
                        "-f", "ocd2", "-t", "text"], check=True)
        keys.update(k for k, _ in read_pairs(installed))
    return sorted(keys)


def jieba_frequencies():
    if not os.path.exists(JIEBA):
        with tempfile.TemporaryDirectory() as work:
            with open(os.path.join(work, "j.csproj"), "w") as f:
                f.write('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework>'
                        '<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>'
                        '<ItemGroup><PackageReference Include="jieba.NET" Version="0.42.2" /></ItemGroup></Project>')
            subprocess.run(["dotnet", "restore", work], check=True, stdout=subprocess.DEVNULL)
    freq = {}
    with open(JIEBA, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
    return freq


def tuning_text():
    """The Simplified text decisions may be tuned on: the seeds and the tuning split of the corpus."""
    files = sorted(glob.glob(os.path.join(REPO, "seeds", "*.txt")))
    if not os.path.isdir(CORPUS):
        sys.exit(f"the development corpus is not at {CORPUS} (shared/ beside the repository)")
    for path in sorted(glob.glob(os.path.join(CORPUS, "[0-9][0-9][0-9]_*.txt"))):
        if int(os.path.basename(path)[:3]) % 3 != 0:
            files.append(path)
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    return "\n".join(texts)


# --- decisions ------------------------------------------------------------------------------

def decide():
    manual = [r for r in read_tsv() if r["source"] == "manual"]
    freq = jieba_frequencies()
    text = tuning_text()
    mainland = opencc("t2s", tw_phrases())
    taiwan = opencc("s2twp", mainland)
    plain = opencc("tw2s", taiwan)

    # Taiwan term -> candidate mainland words (several mainland words can give one term).
    terms = collections.defaultdict(set)
    for m, t, k in zip(mainland, taiwan, plain):
        if t and k != m and re.fullmatch(r"[\u3400-\u9fff\U00020000-\U0003ffff]+", t):
            terms[(t, k)].add(m)

    common = "\n".join(w for w, f in freq.items() if f >= MIN_WORD)
    rows = []
    contexts = []  # (word, term, reason)
    for (t, k), ms in sorted(terms.items()):
        m = max(ms, key=lambda w: (text.count(w), freq.get(w, 0), w))
        cm, ck = text.count(m), text.count(k)
        fm, fk = freq.get(m, 0), freq.get(k, 0)
        evidence = f"corpus {m}={cm} {k}={ck}; jieba {m}={fm} {k}={fk}"
        if cm and not ck:
            default, rule = m, "corpus has only the mainland word"
        elif ck and not cm:
            default, rule = k, "corpus has only the plain reading"
        elif cm != ck:
            default, rule = (m, "corpus: mainland word more frequent") if cm > ck else (k, "corpus: plain reading more frequent")
        else:
            default, rule = (m, "jieba: mainland word as frequent or more") if fm >= fk else (k, "jieba: plain reading more frequent")
        other = k if default == m else m
        # A term marks Taiwan phrasing (the script detector counts it) when mainland text does not
        # write its plain reading: RATIO times rarer than the mainland word in the tuning text and in jieba.
        marks = "yes" if default == m and RATIO * ck <= cm and RATIO * fk <= fm else ""
        rows.append(dict(taiwan=t, mainland=m, value=m if default == m else "", decision="map" if default == m else "keep",
                         marks=marks, reason=f"{rule}: {evidence}", source="rule"))

        # Words of jieba that need the other reading.
        for w in re.findall(r"^.*%s.*$" % re.escape(other), common, re.M):
            f, alt = freq[w], freq.get(w.replace(other, default), 0)
            if w != other and f >= RATIO * alt:
                contexts.append((w, t, f"jieba word: {w}={f}, {w.replace(other, default)}={alt}"))
        # Collocations of the tuning text that need the other reading: one or two characters
        # before or after it, never seen with the default reading.
        for pattern in (r"(?=(%s{1,2}%%s))" % HAN, r"(?=(%%s%s{1,2}))" % HAN):
            seen = collections.Counter(re.findall(pattern % re.escape(other), text))
            for c, n in seen.items():
                if n >= MIN_COLLOCATION and not FUNCTION_WORDS.intersection(c.replace(other, "")) and text.count(c.replace(other, default)) == 0:
                    contexts.append((c, t, f"tuning collocation: {c}={n}, {c.replace(other, default)}=0"))

    # A context line is the word as s2twp writes it, when that still contains the term.
    words = sorted({w for w, _, _ in contexts})
    forms = dict(zip(words, zip(opencc("s2twp", words), opencc("s2t", words))))
    back = dict(zip(words, opencc("t2s", [forms[w][1] for w in words])))
    keys = {r["taiwan"] for r in rows}
    done = set()
    for w, t, reason in contexts:
        key, value = forms[w]
        if t in key and key != t and back[w] == w and key not in keys and key not in done:
            done.add(key)
            rows.append(dict(taiwan=key, mainland=w, value=w, decision="context", marks="", reason=reason, source="rule"))

    # A mainland word that OpenCC's Traditional-to-Simplified step cannot give back is not written.
    maps = [r for r in rows if r["decision"] == "map"]
    for r, b in zip(maps, opencc("t2s", opencc("s2t", [r["value"] for r in maps]))):
        if b != r["value"]:
            r.update(value="", decision="keep", marks="", reason=r["reason"] + f"; t2s(s2t({r['value']}))={b}, cannot be written back")

    manual_keys = {r["taiwan"] for r in manual}
    rows = [r for r in rows if r["taiwan"] not in manual_keys] + manual
    write_tsv(sorted(rows, key=lambda r: (r["source"], r["taiwan"])))
    generate()


# --- the table ------------------------------------------------------------------------------

def read_tsv():
    if not os.path.exists(TSV):
        return []
    with open(TSV, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    header = lines[0].split("\t")
    rows = [dict(zip(header, l.split("\t"))) for l in lines[1:] if l]
    return [{c: r.get(c, "") for c in COLUMNS} for r in rows]


def write_tsv(rows):
    with open(TSV, "w", encoding="utf-8") as f:
        f.write("# Decisions behind ReportPhrases.txt, one per Taiwan term or context (tests/scripts/report-phrases.py).\n")
        f.write("# value: the mainland word (Simplified) the term becomes; empty = the term is kept as read plainly.\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")


def generate():
    """Writes the lines whose term marks Taiwan phrasing to ReportPhrases.txt and the others (terms
    that are also mainland words, contexts) to ReportPhraseContexts.txt; conversion uses both."""
    rows = [r for r in read_tsv() if r["value"]]
    values = opencc("s2t", [r["value"] for r in rows])
    lines = sorted(zip(rows, values), key=lambda p: p[0]["taiwan"])
    for path, marks, what in ((TABLE, True, MARKERS), (CONTEXTS, False, OTHERS)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER + what)
            for r, v in lines:
                if (r["marks"] == "yes") == marks:
                    f.write(f"{r['taiwan']}\t{v}\n")


if __name__ == "__main__":
    {"decide": decide, "generate": generate}[sys.argv[1] if len(sys.argv) > 1 else ""]()
