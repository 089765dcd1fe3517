using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Text;

namespace ReportParser.Reading;

/// <summary>
/// Walks the chosen parts of a page in document order and writes blocks: one <see cref="TextLine"/>
/// per paragraph-like run of text (block elements and &lt;br&gt; end lines, inline elements join
/// text), and one <see cref="Grid"/> per data table. Layout tables are descended into, info boxes
/// become "label：value" lines. Dead, hidden and chrome elements and chrome lines are left out
/// and counted.
/// </summary>
internal sealed class HtmlBlockWriter(LineMap map, DiagnosticBag bag, ChromeCounts counts, Func<IElement, bool> isChrome)
{
    /// <summary>Element nesting the walker follows; deeper content is read as plain text.</summary>
    public const int MaxDepth = 256;

    private readonly GridBuilder _grids = new(map, bag);
    private List<Block> _blocks = [];
    private LineBuffer _buffer = new();
    private int _lastLine = 1;
    private int _pre;
    private int _link;
    private bool _relatedRun;
    private bool _inCell;
    private bool _depthReported;

    public IReadOnlyList<Block> Write(IEnumerable<IElement> roots)
    {
        foreach (var root in roots)
        {
            Element(root, 0);
            Flush();
        }

        return _blocks;
    }

    private void Children(INode parent, int depth)
    {
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    Text(text.Data);
                    break;
                case IComment comment when comment.Data.StartsWith("[if", StringComparison.OrdinalIgnoreCase):
                    counts.WordArtefacts++;
                    break;
                case IElement element:
                    Element(element, depth);
                    break;
            }
        }
    }

    private void Element(IElement element, int depth)
    {
        int line = LineOf(element);
        if (line > 0)
        {
            _lastLine = line;
        }

        if (HtmlRules.IsDead(element))
        {
            counts.DeadElements++;
            return;
        }

        if (HtmlRules.IsHidden(element))
        {
            counts.HiddenElements++;
            return;
        }

        if (!_inCell && isChrome(element))
        {
            counts.ChromeElements++;
            return;
        }

        if (depth >= MaxDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                bag.Report(DiagnosticCodes.HtmlLimit, $"elements nested deeper than {MaxDepth} levels were read as plain text", _lastLine);
            }

            DeepText(element);
            return;
        }

        string tag = element.LocalName;
        if (tag == "br")
        {
            Flush();
            return;
        }

        if (HtmlRules.IsWordArtefact(element))
        {
            if (element.TextContent.All(WhiteSpace.IsBlank))
            {
                counts.WordArtefacts++;
                return;
            }

            Children(element, depth + 1);
            return;
        }

        if (element is IHtmlTableElement table && !_inCell)
        {
            Table(table, depth);
            return;
        }

        if (tag == "dl" && !_inCell && InfoList(element))
        {
            return;
        }

        bool block = HtmlRules.IsBlock(element);
        if (block)
        {
            Flush();
        }

        bool pre = tag is "pre" or "xmp" or "listing" or "textarea";
        bool link = tag == "a";
        _pre += pre ? 1 : 0;
        _link += link ? 1 : 0;
        Children(element, depth + 1);
        _pre -= pre ? 1 : 0;
        _link -= link ? 1 : 0;
        if (block)
        {
            Flush();
        }
    }

    /// <summary>
    /// A subtree past <see cref="MaxDepth"/>, walked without recursion: text joins as inline text does,
    /// and every block element (cells and rows included) ends a line, so "12&lt;span&gt;34&lt;/span&gt;"
    /// stays 1234 and two cells never run together. Dead and hidden elements are still left out.
    /// </summary>
    private void DeepText(IElement root)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                Text(text.Data);
                continue;
            }

            if (node is not IElement element || HtmlRules.IsDead(element) || HtmlRules.IsHidden(element))
            {
                continue;
            }

            bool breaks = element.LocalName is "br" or "td" or "th" or "tr" || HtmlRules.IsBlock(element);
            if (exit || element.LocalName == "br")
            {
                if (breaks)
                {
                    Flush();
                }

                continue;
            }

            if (breaks)
            {
                Flush();
            }

            stack.Push((element, true));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }
    }

    private void Table(IHtmlTableElement table, int depth)
    {
        Flush();
        switch (TableClassifier.Classify(table))
        {
            case TableKind.Layout:
                counts.LayoutTables++;
                Children(table, depth + 1);
                Flush();
                break;
            case TableKind.InfoBox:
                InfoBox(table);
                break;
            default:
                _blocks.Add(_grids.Build(table, CellText));
                _relatedRun = false;
                break;
        }
    }

    /// <summary>An info-box table: label cells pair with the value cell after them, one "label：value" line per pair.</summary>
    private void InfoBox(IHtmlTableElement table)
    {
        foreach (var row in table.Rows)
        {
            var cells = row.Cells.Where(c => !HtmlRules.IsHidden(c)).ToArray();
            for (int i = 0; i < cells.Length; i++)
            {
                string text = CellText(cells[i]);
                int line = LineOf(cells[i]) is > 0 and var l ? l : _lastLine;
                if (InfoLabels.IsLabel(text))
                {
                    string value = "";
                    if (i + 1 < cells.Length && !InfoLabels.IsLabel(CellText(cells[i + 1])))
                    {
                        value = CellText(cells[++i]);
                    }

                    Emit(Pair(text, value), line, linkOnly: false);
                }
                else if (text.Length > 0)
                {
                    Emit(text, line, linkOnly: false);
                }
            }
        }
    }

    /// <summary>A definition list whose terms are info labels: "dt：dd" lines. False when it is an ordinary list.</summary>
    private bool InfoList(IElement dl)
    {
        var items = dl.Children.Where(c => c.LocalName is "dt" or "dd").ToArray();
        if (!items.Any(c => c.LocalName == "dt" && InfoLabels.IsLabel(CellText(c))))
        {
            return false;
        }

        Flush();
        for (int i = 0; i < items.Length; i++)
        {
            string text = CellText(items[i]);
            int line = LineOf(items[i]) is > 0 and var l ? l : _lastLine;
            if (items[i].LocalName == "dt" && i + 1 < items.Length && items[i + 1].LocalName == "dd")
            {
                Emit(Pair(text, CellText(items[++i])), line, linkOnly: false);
            }
            else if (text.Length > 0)
            {
                Emit(text, line, linkOnly: false);
            }
        }

        return true;
    }

    private static string Pair(string label, string value) =>
        label.EndsWith(':') || label.EndsWith('：') ? label + value : label + "：" + value;

    /// <summary>The text of a cell: its inner lines joined, with no space between two CJK characters; trimmed, so &amp;nbsp; cells are empty.</summary>
    private string CellText(IElement cell)
    {
        var (savedBlocks, savedBuffer, savedInCell, savedLast) = (_blocks, _buffer, _inCell, _lastLine);
        (_blocks, _buffer, _inCell) = ([], new LineBuffer(), true);
        Children(cell, 1);
        Flush();
        var sb = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (block is TextLine { Text: var text })
            {
                WhiteSpace.AppendPiece(sb, text);
            }
        }

        (_blocks, _buffer, _inCell, _lastLine) = (savedBlocks, savedBuffer, savedInCell, savedLast);
        return sb.ToString().Trim().Trim('\u00A0', '\u3000', '\u200B', '\uFEFF');
    }

    private void Text(string data)
    {
        if (_pre > 0)
        {
            string[] parts = data.Split('\n');
            for (int i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    Flush();
                    _lastLine++;
                }

                _buffer.AppendPreformatted(parts[i].TrimEnd('\r'), _lastLine, _link > 0);
            }

            return;
        }

        _lastLine = _buffer.Append(data, _lastLine, _link > 0);
    }

    private void Flush()
    {
        if (_buffer.Take() is not var (text, line, linkOnly))
        {
            return;
        }

        Emit(text, line, linkOnly);
    }

    private void Emit(string text, int line, bool linkOnly)
    {
        if (text.All(WhiteSpace.IsBlank))
        {
            return;
        }

        if (!_inCell)
        {
            // A related-links heading first: its words are toolbar words too, but the links after it go with it.
            if (HtmlRules.IsRelatedHeading(text))
            {
                counts.ChromeLines++;
                _relatedRun = true;
                return;
            }

            if (HtmlRules.IsBreadcrumb(text) || HtmlRules.IsToolLine(text))
            {
                counts.ChromeLines++;
                return;
            }

            if (_relatedRun && linkOnly)
            {
                counts.ChromeLines++;
                return;
            }

            _relatedRun = false;
        }

        _blocks.Add(new TextLine(text, line));
    }

    private int LineOf(IElement element)
    {
        int index = element.SourceReference?.Position.Index ?? -1;
        return index >= 0 ? map.LineOf(index) : 0;
    }

    /// <summary>
    /// The text of the line being built. Runs of collapsible white space become one space, except a
    /// run holding a line break between two wide (CJK) characters, which disappears; U+00A0 stays.
    /// </summary>
    private sealed class LineBuffer
    {
        private readonly StringBuilder _sb = new();
        private int _line;
        private bool _space;
        private bool _newline;
        private bool _plainText;

        /// <summary>Appends text that starts at <paramref name="line"/>; returns the line where it ends.</summary>
        public int Append(string text, int line, bool inLink)
        {
            foreach (char c in text)
            {
                if (WhiteSpace.IsCollapsible(c))
                {
                    _space = true;
                    if (c == '\n' || c == '\r')
                    {
                        _newline = true;
                        if (c == '\n')
                        {
                            line++;
                        }
                    }

                    continue;
                }

                if (_sb.Length == 0)
                {
                    _line = line;
                }
                else if (_space && !(_newline && WhiteSpace.IsWide(_sb[^1]) && WhiteSpace.IsWide(c)))
                {
                    _sb.Append(' ');
                }

                _space = _newline = false;
                _sb.Append(c);
                _plainText |= !inLink && !WhiteSpace.IsBlank(c);
            }

            return line;
        }

        public void AppendPreformatted(string text, int line, bool inLink)
        {
            if (_sb.Length == 0)
            {
                _line = line;
            }

            _sb.Append(text);
            _plainText |= !inLink && text.Any(c => !WhiteSpace.IsBlank(c));
        }

        public (string Text, int Line, bool LinkOnly)? Take()
        {
            if (_sb.Length == 0)
            {
                _space = _newline = false;
                return null;
            }

            var result = (_sb.ToString(), Math.Max(1, _line), !_plainText);
            _sb.Clear();
            _space = _newline = _plainText = false;
            return result;
        }
    }
}
