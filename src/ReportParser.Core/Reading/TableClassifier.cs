using AngleSharp.Html.Dom;
using ReportParser.Text;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>What a &lt;table&gt; is used for.</summary>
internal enum TableKind
{
    /// <summary>Page layout: its cells hold prose, block content or other tables. Read as lines.</summary>
    Layout,

    /// <summary>A data grid (statistics table). Read as a <see cref="Grid"/>.</summary>
    Data,

    /// <summary>The document info box (索引号 / 发布机构 / 成文日期 …). Read as "label：value" lines.</summary>
    InfoBox,
}

/// <summary>Tells layout tables, info boxes and data grids apart.</summary>
internal static class TableClassifier
{
    /// <summary>A cell with more text than this is prose, not a grid cell (the longest 表三 label has about 40 characters).</summary>
    public const int MaxDataCellText = 150;

    public static TableKind Classify(IHtmlTableElement table)
    {
        int maxCells = 0;
        int labels = 0;
        foreach (var row in table.Rows)
        {
            int cells = 0;
            foreach (var cell in row.Cells)
            {
                cells += Math.Max(1, Math.Min(cell.ColumnSpan, 1000));
                if (cell.QuerySelector("table") is not null)
                {
                    return TableKind.Layout;
                }

                string text = cell.TextContent;
                int length = 0;
                foreach (char c in text)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        length++;
                    }
                }

                if (length > MaxDataCellText || HtmlRules.HeadingNumber(text) > 0 && length > 60)
                {
                    return TableKind.Layout;
                }

                if (length <= 40 && InfoLabels.StartsWithLabel(text))
                {
                    labels++;
                }
            }

            maxCells = Math.Max(maxCells, cells);
        }

        if (maxCells <= 1)
        {
            return TableKind.Layout;
        }

        return labels >= 2 ? TableKind.InfoBox : TableKind.Data;
    }
}
