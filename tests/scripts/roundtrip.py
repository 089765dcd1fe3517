#!/usr/bin/env python3
"""The comparison step of roundtrip.sh: character errors (edit distance per line) of each mode's
output against the Simplified original, per input group and Traditional set.

usage: roundtrip.py WORK DIFF MODE...   (WORK/in/<name>.<kind>.txt, WORK/out/<mode>.<name>.<set>.txt)
"""
import collections
import difflib
import os
import sys


SETS = ["s2twp", "s2t", "s2hk"]
GROUPS = ["seeds", "tuning", "held-out"]


def group_of(name):
    """seeds, tuning or held-out (report number a multiple of 3, as RealCorpus.IsHeldOut)."""
    if name.startswith("seed-"):
        return "seeds"
    return "held-out" if int(name[len("corpus-"):][:3]) % 3 == 0 else "tuning"


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def distance(a, b):
    """Edit distance of two lines, summed over the stretches where they differ (the lines of a
    report can run to thousands of characters; the stretches between matching runs are short)."""
    if a == b:
        return 0
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(levenshtein(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in blocks if op != "equal")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def wrong_words(expected, actual, found):
    """Adds each differing stretch (with one character of context each side) to found."""
    for e, a in zip(expected, actual):
        if e == a:
            continue
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, e, a, autojunk=False).get_opcodes():
            if op != "equal":
                found[(e[max(0, i1 - 1):i2 + 1], a[max(0, j1 - 1):j2 + 1])] += 1


def main():
    work, show_diff, modes = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
    names = sorted({f.rsplit(".", 2)[0] for f in os.listdir(os.path.join(work, "in"))})
    counts = collections.defaultdict(lambda: [0, 0, 0])  # (mode, set, group) -> chars, errors, files
    found = collections.Counter()
    for name in names:
        group = group_of(name)
        expected = read(f"{work}/in/{name}.simplified.txt").split("\n")
        for mode in modes:
            for s in SETS:
                actual = read(f"{work}/out/{mode}.{name}.{s}.txt").split("\n")
                errors = sum(distance(a, e) for a, e in zip(actual, expected))
                errors += sum(len(l) for l in expected[len(actual):]) + sum(len(l) for l in actual[len(expected):])
                c = counts[(mode, s, group)]
                c[0] += sum(len(l) for l in expected)
                c[1] += errors
                c[2] += 1
                if show_diff and mode == "auto" and s == "s2twp" and group != "held-out":
                    wrong_words(expected, actual, found)

    print(f"{'group':9} {'files':>5} {'mode':6} {'set':6} {'chars':>8} {'errors':>7} {'rate':>8}")
    for group in GROUPS:
        for mode in modes:
            for s in SETS:
                chars, errors, files = counts[(mode, s, group)]
                if files:
                    print(f"{group:9} {files:5} {mode:6} {s:6} {chars:8} {errors:7} {100 * errors / chars:7.3f}%")
    if show_diff:
        print("\nauto on s2twp text, seeds and tuning split: expected -> written (count)")
        for (e, a), n in found.most_common():
            print(f"{n:4}  {e} -> {a}")


if __name__ == "__main__":
    main()
