#!/usr/bin/env python3
"""Rewrites the diagnostics table in README.md from src/ReportParser.Core/Diagnostics/DiagnosticCodes.cs.

The table sits after the marker comment '<!-- diagnostics table: ... -->'; DiagnosticCatalogTests
fails when it is out of date. Run from anywhere: python3 tests/scripts/update-readme-diagnostics.py
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
source = (root / "src/ReportParser.Core/Diagnostics/DiagnosticCodes.cs").read_text(encoding="utf-8")
rows = sorted(re.findall(r'new\("(RP\d+)", DiagnosticSeverity\.(\w+), "([^"]+)"\)', source))
table = "| code | severity | meaning |\n|---|---|---|\n" + "".join(f"| {c} | {s.lower()} | {t} |\n" for c, s, t in rows)

readme_path = root / "README.md"
readme = readme_path.read_text(encoding="utf-8")
marker = readme.index("<!-- diagnostics table:")
start = readme.index("\n", marker) + 1
end = start
lines = readme[start:].split("\n")
consumed = 0
for line in lines:
    if not line.startswith("|"):
        break
    consumed += len(line) + 1
readme_path.write_text(readme[:start] + table + readme[start + consumed:], encoding="utf-8")
print(f"{len(rows)} codes written to README.md")
