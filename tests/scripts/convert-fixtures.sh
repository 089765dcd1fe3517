#!/bin/sh
# Regenerates tests/ReportParser.Core.Tests/Fixtures/converted/: every seed and sample converted to
# .docx and .pdf by LibreOffice headless, as an agency's Word export would be. The files are
# committed, so the tests that read them need no LibreOffice; run this only to regenerate them.
#   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk
# Run from anywhere: sh tests/scripts/convert-fixtures.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/ReportParser.Core.Tests/Fixtures/converted"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
dotnet build "$root/src/ReportParser.Cli" -c Release -o "$work/cli" >/dev/null
rp="dotnet $work/cli/reportparser.dll"
profile="file://$work/profile"

convert() { # $1 source file, $2 fixture name
  src=$1 name=$2
  case "$src" in
    *.txt)
      # Decoded to UTF-8 first (the seeds are UTF-8 already; this keeps LibreOffice's text filter simple).
      cp "$src" "$work/$name.txt"
      infilter='Text (encoded):UTF8,LF,,,'
      input="$work/$name.txt" ;;
    *)
      # Decoded to UTF-8 by the parser's own reader (an undeclared Big5 or GBK page would be misread by
      # LibreOffice, where the agency's Word had the right characters), the declaration made to match;
      # fixed pixel widths dropped (a 1000-pixel page layout runs off an A4 page and its PDF would be
      # clipped, where a Word user's table fits the page). The content is unchanged.
      $rp normalize --mode none "$src" | sed 's/charset=[A-Za-z0-9_-]*/charset=utf-8/I; s/ width="[0-9]*"//g' > "$work/$name.body"
      { echo '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'; cat "$work/$name.body"; } > "$work/$name.html"
      infilter='HTML (StarWriter)'
      input="$work/$name.html" ;;
  esac
  for target in 'docx:MS Word 2007 XML' 'pdf:writer_pdf_Export'; do
    soffice -env:UserInstallation="$profile" --headless --infilter="$infilter" --convert-to "$target" --outdir "$work/out" "$input" >/dev/null 2>&1
  done
  cp "$work/out/$name.docx" "$work/out/$name.pdf" "$out/"
}

for f in "$root"/seeds/*.txt; do
  convert "$f" "seed-$(basename "$f" .txt)"
done
for d in "$root"/samples/*/; do
  s=$(basename "$d")
  for f in "$d"*.txt "$d"*.html; do
    [ -f "$f" ] || continue
    stem=$(basename "$f"); stem=${stem%.*}
    case "$stem" in report|page) convert "$f" "sample-$s" ;; *) convert "$f" "sample-$s-$stem" ;; esac
  done
done
# One page printed without table borders (border="0"), as some agencies do: its tables have no ruling
# lines, so the PDF reader reads their rows as lines (Fixtures/converted-borderless/).
borderless="$root/tests/ReportParser.Core.Tests/Fixtures/converted-borderless"
mkdir -p "$borderless" "$work/nb"
$rp normalize --mode none "$root/samples/gbk-gov2021/page.html" \
  | sed 's/charset=[A-Za-z0-9_-]*/charset=utf-8/I; s/ width="[0-9]*"//g; s/border="[0-9]*"/border="0"/g' > "$work/nb/body"
{ echo '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'; cat "$work/nb/body"; } > "$work/nb/sample-gbk-gov2021.html"
soffice -env:UserInstallation="$profile" --headless --infilter='HTML (StarWriter)' --convert-to pdf:writer_pdf_Export --outdir "$work/nb" "$work/nb/sample-gbk-gov2021.html" >/dev/null 2>&1
cp "$work/nb/sample-gbk-gov2021.pdf" "$borderless/"
ls -l "$out" "$borderless"
