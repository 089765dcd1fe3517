using Xunit;
using System.Text;
using ReportParser.Reading;

namespace ReportParser.Tests.Reading;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>一、总体情况</p></body></html>")]
    [InlineData("\uFEFF  <html>\n<head><title>报告</title></head><body></body></html>")]
    [InlineData("<meta charset=gbk><p>一、总体情况</p><p>二、主动公开</p>")]
    [InlineData("<div class=\"content\"><p>一、总体情况</p><br><p>正文</p></div>")]
    [InlineData("<!-- saved from url=(0043)http://www.example.gov.cn/ -->\n<html><body>x</body></html>")]
    public void Markup_is_html(string content) => Assert.True(FormatDetector.IsHtml(Encoding.UTF8.GetBytes(content)));

    [Theory]
    [InlineData("一、总体情况\n本年度收到申请<5件,处理率>95%。\n二、主动公开政府信息情况\n")]
    [InlineData("区审批中心2014年度报告\n说明:网页中的<html>标签与<body>标签不属于正文。\n一、概述\n")]
    [InlineData("第二十条第(一)项 |\n||| \n信息内容 |\n<p>\n")]
    [InlineData("a<b and c<d, x<br y")]
    public void Text_with_a_few_angle_brackets_is_text(string content) =>
        Assert.False(FormatDetector.IsHtml(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Utf16_html_without_bom_is_html()
    {
        byte[] bytes = Encoding.Unicode.GetBytes("<html><head><title>报告</title></head><body><p>一、总体情况</p></body></html>");
        Assert.True(FormatDetector.IsHtml(bytes));
    }

    [Fact]
    public void Seed_texts_are_text()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            Assert.False(FormatDetector.IsHtml(File.ReadAllBytes(file)), file);
        }
    }

    [Fact]
    public void Samples_are_html()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.html", SearchOption.AllDirectories))
        {
            Assert.True(FormatDetector.IsHtml(File.ReadAllBytes(file)), file);
        }
    }
}
