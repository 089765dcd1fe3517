using System.CommandLine;
using System.Text;
using ReportParser.Cli;
using Xunit;

namespace ReportParser.Tests.Cli;

public class NormalizeCommandTests
{
    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { NormalizeCommand.Create(new StringReader(stdin), stdout, stderr) };
        int exit = root.Parse(["normalize", .. args]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Converts_stdin_in_auto_mode()
    {
        var (exit, output, _) = Run("本機關透過網路公開政府資訊（一）\n");
        Assert.Equal(0, exit);
        Assert.Equal("本机关通过网络公开政府信息（一）\n", output);
    }

    [Fact]
    public void Keeps_full_width_punctuation_and_folds_only_when_asked()
    {
        const string text = "一、總體情況：本機關（辦公室）公開１２條，無；有否？是、否。\u3000完\n";
        var (exit, output, _) = Run(text);
        Assert.Equal(0, exit);
        Assert.Equal("一、总体情况：本机关（办公室）公开１２条，无；有否？是、否。\u3000完\n", output);
        var (foldExit, folded, _) = Run(text, "--fold-width");
        Assert.Equal(0, foldExit);
        Assert.Equal("一、总体情况:本机关(办公室)公开12条,无;有否?是、否。 完\n", folded);
    }

    [Fact]
    public void Runs_an_opencc_mode_on_a_big5_file_and_writes_the_output_file()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            string input = Path.Combine(dir, "in.txt");
            string output = Path.Combine(dir, "out.txt");
            File.WriteAllBytes(input, Encoding.GetEncoding(950).GetBytes("建立資料庫並執行查詢,政府資訊公開工作年度報告"));
            var (exit, stdout, _) = Run("", input, "--mode", "tw2sp", "-o", output);
            Assert.Equal(0, exit);
            Assert.Equal("", stdout);
            Assert.Equal("创建数据库并运行查找,政府信息公开工作年度报告", File.ReadAllText(output));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var (exit, _, error) = Run("", Path.Combine(Path.GetTempPath(), "no-such-report.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file", error);
    }

    [Fact]
    public void An_unknown_mode_is_rejected()
    {
        // The exit code of parse errors is the root command's business (CliApp); here it is not 0.
        var (exit, _, error) = Run("x", "--mode", "s2t");
        Assert.NotEqual(0, exit);
        Assert.Contains("s2t", error);
    }
}
