using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ReportParser.Templates;

namespace ReportParser.Tests.Properties;

/// <summary>
/// 2008–2018 statistics tables generated with random indicators, parts, one or two value columns and values,
/// flattened the ways scrapes flatten them (cells spaced, each on a line of its own, or run together with no
/// separator, parts' numbers glued to the digits before them): the reader never throws, finds every row in
/// order, and every value it gives is the table's — a value it cannot settle is null, never another number.
/// </summary>
public class LegacyTablePropertyTests
{
    private static readonly (string Label, string Unit)[] Indicators =
    [
        ("主动公开政府信息数", "条"), ("全文电子化", "条"), ("政府网站公开数", "条"), ("政府公报公开数", "条"), ("新闻发布会", "次"),
        ("收到申请数", "件"), ("当面申请数", "件"), ("网上申请数", "件"), ("信函申请数", "件"), ("对申请的答复总数", "件"),
        ("同意公开答复数", "件"), ("不同意公开答复数", "件"), ("行政复议数", "件"), ("行政诉讼数", "件"), ("举报投诉数", "件"),
        ("依申请公开信息收取的费用", "万元"), ("设置政府信息公开查阅点数", "个"), ("从事政府信息公开工作人员数", "人"),
        ("专职人员数", "人"), ("兼职人员数", "人"), ("召开政府信息公开工作会议数", "次"), ("接受培训人员数", "人次"),
    ];

    private static readonly string[][] Headers = [["年末统计"], ["数量"], ["2012年度"], ["2013年度", "历年累计"], ["本年", "累计"]];

    private sealed record Row(string Label, string Unit, bool Part, int Item, long[] Values);

    [Fact]
    public void Generated_tables_give_every_row_and_never_a_wrong_value()
    {
        var rowGen =
            from indicator in Gen.Elements(Indicators)
            from part in Gen.Elements(false, true, true)
            from a in Gen.Frequency((3, Gen.Constant(0L)), (2, Gen.Choose(1, 99).Select(v => (long)v)), (2, Gen.Choose(100, 99999).Select(v => (long)v)))
            from b in Gen.Frequency((3, Gen.Constant(0L)), (2, Gen.Choose(1, 99).Select(v => (long)v)), (2, Gen.Choose(100, 99999).Select(v => (long)v)))
            select (indicator, part, a, b);
        var gen =
            from header in Gen.Elements(Headers)
            from count in Gen.Choose(2, 12)
            from rows in Gen.ArrayOf(rowGen, count)
            from style in Gen.Choose(0, 3)
            select (header, rows, style);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var rows = Number(t.rows.Select(r => (r.indicator.Label, r.indicator.Unit, r.part, new[] { r.a, r.b }[..t.header.Length])).ToList());
            string text = "某县某局2012年政府信息公开工作年度报告\n一、概述\n2012年，本局认真贯彻《政府信息公开条例》。\n二、主动公开政府信息情况\n附件：政府信息公开情况统计表\n"
                + "指标名称 计量单位 " + string.Join(" ", t.header) + Separator(t.style) + Flatten(rows, t.style) + "\n";
            var stats = new ReportPipeline().Parse(ReportSource.FromText("legacy.txt", text)).Document.LegacyStats;
            Assert.NotNull(stats);
            Assert.Equal(t.header, stats!.Columns);
            Assert.Equal(rows.Select(r => LegacyCatalog.Normalize(r.Label)), stats.Rows.Select(r => r.NormalizedLabel));
            for (int i = 0; i < rows.Count; i++)
            {
                for (int c = 0; c < t.header.Length; c++)
                {
                    decimal? value = stats.Rows[i].Values[c];
                    Assert.True(value is null || value == rows[i].Values[c],
                        $"row {rows[i].Label} column {t.header[c]}: {value} for {rows[i].Values[c]} in\n{text}");
                }
            }

            return true;
        }).Check(PropertyConfig.Create(400));
    }

    // Parts are numbered 1, 2, … under the row before them, and a part never opens the table.
    private static List<Row> Number(List<(string Label, string Unit, bool Part, long[] Values)> rows)
    {
        var numbered = new List<Row>();
        int item = 0;
        foreach (var (label, unit, part, values) in rows)
        {
            bool isPart = part && numbered.Count > 0;
            item = isPart ? item + 1 : 0;
            numbered.Add(new Row(label, unit, isPart, item, values));
        }

        return numbered;
    }

    private static string Separator(int style) => style switch { 1 => "\n", 2 => "", _ => " " };

    // 0: spaced; 1: every cell on a line of its own; 2: no separator at all; 3: spaced labels, values run together.
    private static string Flatten(List<Row> rows, int style)
    {
        var text = new StringBuilder();
        string sep = Separator(style);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Part && row.Item == 1)
            {
                text.Append("其中：");
            }

            if (row.Part)
            {
                text.Append(row.Item.ToString(CultureInfo.InvariantCulture)).Append('.');
            }

            string values = string.Join(style is 2 or 3 ? "" : sep, row.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            text.Append(row.Label).Append(sep).Append(row.Unit).Append(sep == "" ? "" : sep).Append(values);
            if (i + 1 < rows.Count)
            {
                text.Append(sep);
            }
        }

        return text.ToString();
    }
}
