using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>
/// <c>-f html</c> in a real headless browser (Debian's Chromium, driven by PuppeteerSharp; installed when missing, as
/// root): the page loads with no console error and asks for nothing over the network, every table cell sits under its
/// column's header with the JSON's number, and a failed check is visibly marked. With
/// <c>REPORTPARSER_UPDATE_SCREENSHOTS=1</c> it also writes the screenshots of seed 002's HTML and text views to
/// <c>samples/views/</c>.
/// </summary>
public sealed class HtmlBrowserTests
{
    private const string Seed002 = "seeds/002_ed5f9074cb8b6cc8.txt";

    [Theory]
    [InlineData(Seed002)]
    [InlineData("seeds/003_cfe21c01c8bc6a87.txt")]
    [InlineData("samples/unbalanced-gov2019/report.txt")]
    public async Task The_page_loads_cleanly_and_every_cell_is_under_its_header_with_the_json_number(string input)
    {
        using var dir = new TempDir();
        string path = Path.Combine(AppContext.BaseDirectory, input);
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", path, "-f", "html", "-o", dir["report.html"], "-q").ExitCode);
        using var json = JsonDocument.Parse(Cli.Run("parse", path, "-q").Stdout);

        await using var browser = await Launch();
        await using var page = await browser.NewPageAsync();
        var problems = Watch(page);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1600, Height = 1000 });
        await page.GoToAsync(new Uri(dir["report.html"]).AbsoluteUri, WaitUntilNavigation.Load);
        Assert.Empty(problems);

        // Each cell: its text, and whether its horizontal middle lies within the header cell of its column's label.
        var cells = await page.EvaluateExpressionAsync<CellPosition[]>("""
            [...document.querySelectorAll('table.form')].flatMap(t => {
              const heads = [...t.querySelectorAll('th')];
              return [...t.querySelectorAll('tr[data-row] td[data-column]')].map(td => {
                const r = td.getBoundingClientRect(), mid = (r.left + r.right) / 2;
                const row = td.parentElement.dataset.row, table = t.dataset.table;
                const under = heads.filter(h => { const b = h.getBoundingClientRect(); return b.left <= mid && mid <= b.right && b.bottom <= r.top; })
                                   .map(h => h.textContent.trim());
                return { table, row, column: td.dataset.column, text: td.textContent.trim(), headers: under, failed: td.classList.contains('fail') };
              });
            })
            """);
        int compared = 0;
        foreach (var table in json.RootElement.GetProperty("tables").EnumerateArray())
        {
            if (table.GetProperty("status").GetString() == "absent")
            {
                continue;
            }

            string key = table.GetProperty("key").GetString()!;
            var labels = table.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("label").GetString()!);
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                string rowKey = row.GetProperty("key").GetString()!;
                foreach (var value in row.GetProperty("values").EnumerateObject())
                {
                    var cell = Assert.Single(cells, c => c.Table == key && c.Row == rowKey && c.Column == value.Name);
                    string expected = value.Value.ValueKind == JsonValueKind.Number ? value.Value.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
                    if (expected.Length > 0)
                    {
                        Assert.Equal(expected, cell.Text);
                    }

                    // The JSON's label is the report's (width folded); the page prints the template's.
                    string label = ReportParser.Text.TextFold.FoldWidth(labels[value.Name]);
                    Assert.True(cell.Headers.Any(h => ReportParser.Text.TextFold.FoldWidth(h) == label), $"{key} {rowKey}.{value.Name} is under [{string.Join(", ", cell.Headers)}], not {label}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} cells compared");
        if (input == Seed002 && Environment.GetEnvironmentVariable("REPORTPARSER_UPDATE_SCREENSHOTS") == "1")
        {
            await Screenshots(browser, page, path);
        }
    }

    [Fact]
    public async Task A_failed_check_is_red_in_the_table_and_listed_with_a_link_to_its_source_line()
    {
        using var dir = new TempDir();
        string path = Path.Combine(AppContext.BaseDirectory, "samples/unbalanced-gov2019/report.txt");
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", path, "-f", "html", "-o", dir["report.html"], "-q").ExitCode);

        await using var browser = await Launch();
        await using var page = await browser.NewPageAsync();
        var problems = Watch(page);
        await page.GoToAsync(new Uri(dir["report.html"]).AbsoluteUri, WaitUntilNavigation.Load);
        string background = await page.EvaluateExpressionAsync<string>(
            "getComputedStyle(document.querySelector('table[data-table=table3] tr[data-row=new_received] td[data-column=natural_person]')).backgroundColor");
        Assert.Equal("rgb(255, 199, 206)", background);
        string plain = await page.EvaluateExpressionAsync<string>(
            "getComputedStyle(document.querySelector('table[data-table=table3] tr[data-row=new_received] td[data-column=commercial_enterprise]')).backgroundColor");
        Assert.NotEqual(background, plain);
        string title = await page.EvaluateExpressionAsync<string>("document.querySelector('table[data-table=table3] tr[data-row=new_received] td[data-column=natural_person]').title");
        Assert.Contains("T3_BALANCE: 本年新收 5 + 上年结转 1 = 6, but 办理结果总计 5 + 结转下年度 0 = 5 (difference 1)", title);

        // The failed check links to line 26, which the source pane shows.
        string link = await page.EvaluateExpressionAsync<string>("document.querySelector('#failed-checks li a.line').getAttribute('href')");
        Assert.Equal("#L26", link);
        await page.ClickAsync("#failed-checks li a.line");
        string target = await page.EvaluateExpressionAsync<string>("document.querySelector(':target').textContent");
        Assert.StartsWith("26", target);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_directory_gets_an_index_page_linking_each_report()
    {
        using var dir = new TempDir();
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", Seeds.Directory, "-f", "html", "-o", dir["site/"], "-q").ExitCode);
        Assert.Equal(Seeds.Files.Length, Directory.GetFiles(dir["site"], "*.txt.html").Length);

        await using var browser = await Launch();
        await using var page = await browser.NewPageAsync();
        var problems = Watch(page);
        await page.GoToAsync(new Uri(dir["site/index.html"]).AbsoluteUri, WaitUntilNavigation.Load);
        var rows = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('table.index tbody tr')].map(r => r.cells[0].textContent + '|' + r.cells[4].textContent)");
        Assert.Equal(Seeds.Files.Length, rows.Length);
        string href = await page.EvaluateExpressionAsync<string>("document.querySelector('table.index tbody tr:nth-child(3) a').href");
        Assert.EndsWith("002_ed5f9074cb8b6cc8.txt.html", href);
        await page.GoToAsync(href, WaitUntilNavigation.Load);
        Assert.Contains("郯城县行政审批服务局", await page.EvaluateExpressionAsync<string>("document.body.textContent"));
        Assert.Empty(problems);
    }

    private static async Task<IBrowser> Launch()
    {
        string chromium = SystemPackages.Require("chromium", "chromium");
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
        });
    }

    /// <summary>Console errors, page errors and any request that is not the page itself (the page must need nothing else).</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                problems.Add($"console: {e.Message.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add($"page error: {e.Message}");
        page.Request += (_, e) =>
        {
            if (!e.Request.Url.StartsWith("file://", StringComparison.Ordinal) && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"request: {e.Request.Url}");
            }
        };
        return problems;
    }

    /// <summary>Seed 002's HTML page, and its text view drawn in a monospace page as a terminal shows it; the input named by its path from the repository.</summary>
    private static async Task Screenshots(IBrowser browser, IPage page, string input)
    {
        string root = RepositoryRoot();
        string views = Path.Combine(root, "samples", "views");
        Directory.CreateDirectory(views);
        using var dir = new TempDir();
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, Seed002));
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", relative, "-f", "html", "-o", dir["seed.html"], "-q").ExitCode);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1600, Height = 1500 });
        await page.GoToAsync(new Uri(dir["seed.html"]).AbsoluteUri, WaitUntilNavigation.Load);
        await page.ScreenshotAsync(Path.Combine(views, "seed-002-html.png"));

        var run = Cli.Run("parse", relative, "-f", "text", "-q");
        string text = WebUtility.HtmlEncode(run.Stdout);
        var terminal = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;background:#1e1e1e}pre{margin:0;padding:12px;color:#ddd;font:14px/1.35 'Noto Sans Mono CJK SC','DejaVu Sans Mono',monospace}</style></head><body><pre>");
        terminal.Append(text).Append("</pre></body></html>");
        await using var textPage = await browser.NewPageAsync();
        await textPage.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 800 });
        await textPage.SetContentAsync(terminal.ToString());
        await textPage.ScreenshotAsync(Path.Combine(views, "seed-002-text.png"), new ScreenshotOptions { FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("no ReportParser.sln above the test assembly");
    }

    private sealed record CellPosition(string Table, string Row, string Column, string Text, string[] Headers, bool Failed);
}
