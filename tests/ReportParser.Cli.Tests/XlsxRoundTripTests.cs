using System.Globalization;
using System.Text.Json;
using ReportParser.Cli;
using ReportParser.Templates;

namespace ReportParser.Tests.Cli;

/// <summary>
/// <c>-f xlsx</c> through LibreOffice (Calc, headless): every sheet converted to CSV gives the JSON's numbers, and
/// opening and saving the workbook again reports no error and keeps them. LibreOffice is installed when missing (as root).
/// </summary>
public sealed class XlsxRoundTripTests
{
    private const string CalcPackage = "libreoffice-calc-nogui";
    private const string CalcLibrary = "/usr/lib/libreoffice/program/libscfiltlo.so";

    // Every sheet to its own CSV (the last filter token, -1), UTF-8 (76), formulas as values.
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    [Theory]
    [InlineData("seeds/002_ed5f9074cb8b6cc8.txt")]
    [InlineData("seeds/003_cfe21c01c8bc6a87.txt")]
    [InlineData("samples/unbalanced-gov2019/report.txt")]
    public void Each_table_sheet_read_by_LibreOffice_has_the_numbers_of_the_json_and_survives_a_resave(string input)
    {
        SystemPackages.Require(CalcLibrary, CalcPackage);
        using var dir = new TempDir();
        string path = Path.Combine(AppContext.BaseDirectory, input);
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", path, "-f", "xlsx", "-o", dir["report.xlsx"], "-q").ExitCode);
        using var json = JsonDocument.Parse(Cli.Run("parse", path, "-q").Stdout);

        var sheets = Convert(dir, dir["report.xlsx"], "csv");
        AssertTablesEqualJson(json.RootElement, sheets);

        // Open and save again as xlsx: no error, and the saved file still reads the same.
        Directory.CreateDirectory(dir["resaved"]);
        var (exit, output) = Soffice(dir, "--convert-to", "xlsx", "--outdir", dir["resaved"], dir["report.xlsx"]);
        Assert.True(exit == 0 && File.Exists(dir["resaved/report.xlsx"]), output);
        Assert.DoesNotContain("Error", output, StringComparison.OrdinalIgnoreCase);
        AssertTablesEqualJson(json.RootElement, Convert(dir, dir["resaved/report.xlsx"], "csv-resaved"));
    }

    /// <summary>For every table row of the JSON: the sheet row with the template's label has the row's values, in the template's column order.</summary>
    private static void AssertTablesEqualJson(JsonElement document, Dictionary<string, List<string[]>> sheets)
    {
        int compared = 0;
        foreach (var table in document.GetProperty("tables").EnumerateArray())
        {
            if (table.GetProperty("status").GetString() == "absent")
            {
                continue;
            }

            string key = table.GetProperty("key").GetString()!;
            var template = TemplateCatalog.Default.Get(key, table.GetProperty("template").GetString()!);
            var rows = sheets[TableKeys.Name(key)];
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var templateRow = template.Row(row.GetProperty("key").GetString()!)!;
                var sheetRow = Assert.Single(rows, r => r[0].TrimStart('\u3000') == templateRow.Label);
                var values = row.GetProperty("values");
                for (int i = 0; i < templateRow.Columns.Count; i++)
                {
                    string expected = values.TryGetProperty(templateRow.Columns[i].Key, out var v) && v.ValueKind == JsonValueKind.Number
                        ? v.GetDecimal().ToString(CultureInfo.InvariantCulture)
                        : "";
                    string actual = 1 + i < sheetRow.Length ? sheetRow[1 + i] : "";
                    Assert.True(expected == actual, $"{key} {templateRow.Key}.{templateRow.Columns[i].Key}: JSON '{expected}', LibreOffice '{actual}'");
                    compared++;
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} cells compared");
    }

    /// <summary>Each sheet of the workbook as CSV records, by sheet name.</summary>
    private static Dictionary<string, List<string[]>> Convert(TempDir dir, string workbook, string outdir)
    {
        Directory.CreateDirectory(dir[outdir]);
        var (exit, output) = Soffice(dir, "--convert-to", CsvFilter, "--outdir", dir[outdir], workbook);
        Assert.True(exit == 0, output);
        string stem = Path.GetFileNameWithoutExtension(workbook) + "-";
        var sheets = new Dictionary<string, List<string[]>>();
        foreach (string file in Directory.GetFiles(dir[outdir], "*.csv"))
        {
            string name = Path.GetFileNameWithoutExtension(file)[stem.Length..];
            sheets[name] = ReportParser.Tests.Output.CsvRecords.Parse(File.ReadAllText(file).Replace("\r\n", "\n"));
        }

        Assert.Contains("表三", sheets.Keys);
        return sheets;
    }

    // A profile of its own, so runs beside a desktop LibreOffice or another test run do not share a lock.
    private static (int Exit, string Output) Soffice(TempDir dir, params string[] args) =>
        SystemPackages.Run("soffice", ["-env:UserInstallation=file://" + dir["lo-profile"], "--headless", .. args, TimeSpan.FromMinutes(3)]);
}
