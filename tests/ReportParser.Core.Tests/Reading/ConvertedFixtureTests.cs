using ReportParser.Model;

namespace ReportParser.Tests.Reading;

/// <summary>
/// Every seed and sample converted to .docx and to PDF by LibreOffice (the files in
/// <c>Fixtures/converted</c>, made by <c>tests/scripts/convert-fixtures.sh</c> and committed, so this
/// test needs no LibreOffice) parses to the same section headings, the same table cells and the same
/// check outcomes as its text or HTML original.
/// </summary>
public sealed class ConvertedFixtureTests
{
    private static string Folder => Path.Combine(TestPaths.Output, "Fixtures", "converted");

    public static TheoryData<string> Converted()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Folder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Every_seed_and_sample_has_a_docx_and_a_pdf()
    {
        var missing = new List<string>();
        foreach (string original in Originals())
        {
            foreach (string extension in new[] { ".docx", ".pdf" })
            {
                if (!File.Exists(Path.Combine(Folder, FixtureName(original) + extension)))
                {
                    missing.Add(FixtureName(original) + extension);
                }
            }
        }

        Assert.True(missing.Count == 0, "not converted (run tests/scripts/convert-fixtures.sh): " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Converted))]
    public void A_converted_report_parses_as_its_original(string fixture)
    {
        string stem = Path.GetFileNameWithoutExtension(fixture);
        string original = Originals().Single(o => FixtureName(o) == stem);
        var expected = Facts(new ReportPipeline().Parse(ReportSource.FromFile(original)).Document);
        var document = new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(Folder, fixture))).Document;
        Assert.Null(document.Error);
        Assert.Equal(Path.GetExtension(fixture).TrimStart('.'), document.Source.Format);
        var actual = Facts(document);
        var lost = expected.Except(actual).ToList();
        var gained = actual.Except(expected).ToList();
        Assert.True(lost.Count + gained.Count == 0,
            $"{fixture} differs from {Path.GetFileName(original)}:\n  only in the original: {string.Join("\n    ", lost)}\n  only in the conversion: {string.Join("\n    ", gained)}");
    }

    /// <summary>
    /// A page printed without table borders has no ruling lines: its tables are rebuilt from the words'
    /// alignment (<see cref="ReportParser.Reading.PdfAlignedTables"/>). A row whose label wraps beside a
    /// group label written downwards can stay null (with a table diagnostic), but no cell is wrong, most
    /// are right, and the headings agree.
    /// </summary>
    [Fact]
    public void A_pdf_whose_tables_have_no_ruling_lines_gives_null_cells_never_wrong_ones()
    {
        string original = Path.Combine(TestPaths.Samples, "gbk-gov2021", "page.html");
        var expected = new ReportPipeline().Parse(ReportSource.FromFile(original)).Document;
        var document = new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(TestPaths.Output, "Fixtures", "converted-borderless", "sample-gbk-gov2021.pdf"))).Document;
        Assert.Equal(expected.Sections!.Select(s => $"{s.Number} {s.Title}"), document.Sections!.Select(s => $"{s.Number} {s.Title}"));
        bool diagnosed = document.Diagnostics.Any(d => d.Code.StartsWith("RP3", StringComparison.Ordinal));
        int right = 0, nulls = 0;
        var wrong = new List<string>();
        foreach (var table in expected.Tables!)
        {
            var other = document.Tables!.Single(t => t.Key == table.Key);
            foreach (var row in table.Rows)
            {
                var got = other.Rows.Single(r => r.Key == row.Key).Values;
                foreach (var (column, value) in row.Values)
                {
                    decimal? actual = got.TryGetValue(column, out var v) ? v : null;
                    if (actual == value)
                    {
                        right++;
                    }
                    else if (actual is null && diagnosed)
                    {
                        nulls++;
                    }
                    else
                    {
                        wrong.Add($"{table.Key}.{row.Key}.{column}: {value} read as {actual}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(right > nulls, $"{right} right, {nulls} null");
    }

    /// <summary>The seeds and samples (their text or HTML files), as paths in the test output.</summary>
    private static IEnumerable<string> Originals()
    {
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            yield return file;
        }

        foreach (string file in Directory.EnumerateFiles(TestPaths.Samples, "*", SearchOption.AllDirectories))
        {
            if (Path.GetExtension(file) is ".txt" or ".html")
            {
                yield return file;
            }
        }
    }

    /// <summary>The fixture name of an original, as the conversion script names it.</summary>
    private static string FixtureName(string original)
    {
        string stem = Path.GetFileNameWithoutExtension(original);
        if (Path.GetDirectoryName(original) == Path.TrimEndingDirectorySeparator(TestPaths.Seeds))
        {
            return "seed-" + stem;
        }

        string sample = Path.GetFileName(Path.GetDirectoryName(original))!;
        return stem is "report" or "page" ? "sample-" + sample : $"sample-{sample}-{stem}";
    }

    /// <summary>What must agree: the section headings (number and title), every table cell, every check's outcome.</summary>
    private static List<string> Facts(ReportDocument document)
    {
        var facts = new List<string>();
        foreach (var section in document.Sections ?? [])
        {
            facts.Add($"section {section.Number} {section.Title}");
        }

        foreach (var table in document.Tables ?? [])
        {
            facts.Add($"table {table.Key} {table.Template}");
            foreach (var row in table.Rows)
            {
                foreach (var (column, value) in row.Values)
                {
                    facts.Add($"cell {table.Key}.{row.Key}.{column} = {value?.ToString() ?? "null"}");
                }
            }
        }

        foreach (var check in document.Checks ?? [])
        {
            facts.Add($"check {check.Rule} {check.Table} {check.Row} {check.Column}: {check.Status}");
        }

        return facts;
    }
}
