#!/usr/bin/env bash
# Refreshes the OpenCC dictionaries vendored in src/ReportParser.Core/Normalization/Dictionaries
# from the official OpenCC release on the npm registry.
#
#   tests/scripts/refresh-opencc-dictionaries.sh [version]     (default: 1.4.2)
#
# After a refresh: update the version in Dictionaries/README.md, regenerate the script-detection
# table (REPORTPARSER_UPDATE_SCRIPT_MARKS=1 dotnet test --filter ScriptMarks), run
# tests/scripts/opencc-conformance.sh and `dotnet test`, and review the diff.
set -euo pipefail

version="${1:-1.4.2}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$repo/src/ReportParser.Core/Normalization/Dictionaries"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Only the dictionaries the *2s configs (t2s, tw2s, tw2sp, hk2s) read. TWVariantsRev and
# HKVariantsRev are built from TWVariants and HKVariants at load time, and TSCharactersExt
# from the @tofu-risk lines of TSCharacters, as OpenCC's own build does.
files=(
  CJK_Compatibility_Ideographs.txt
  TSPhrases.txt
  TSCharacters.txt
  TWPhrasesRev.txt
  TWVariantsRevPhrases.txt
  TWVariants.txt
  HKVariantsRevPhrases.txt
  HKVariants.txt
)

(cd "$work" && npm pack --silent "opencc@$version" >/dev/null && tar -xzf "opencc-$version.tgz")
pkg="$work/package"
for config in t2s tw2s tw2sp hk2s; do
  cp "$pkg/data/config/$config.json" "$work/"
done
for f in "${files[@]}"; do
  cp "$pkg/data/dictionary/$f" "$dest/$f"
done
cp "$pkg/LICENSE" "$dest/LICENSE"

# Fail loudly when a config starts to need a dictionary this script does not vendor.
needed=$(grep -ho '"file": *"[^"]*"' "$work"/*.json | sed 's/.*"\([^"]*\)\.ocd2"/\1/' | sort -u)
for name in $needed; do
  case "$name" in
    TWVariantsRev|HKVariantsRev|TSCharactersExt) ;;   # derived at load time
    *) [ -f "$dest/$name.txt" ] || { echo "config needs $name, which is not vendored" >&2; exit 1; } ;;
  esac
done
echo "OpenCC $version dictionaries copied to $dest"
