using System.Text.RegularExpressions;
using ReportParser.Sectioning;

namespace ReportParser.Tests.Sectioning;

/// <summary>The hand-written year patterns agree with the regexes they stand for, on random text made of the characters that matter.</summary>
public class YearPatternsTests
{
    private static readonly Regex Year = new(@"((?:19|20)\d{2})\s*年");
    private static readonly Regex Damaged = new(@"((?:19|20)\d{2})\d{0,4}[日月]");
    private static readonly Regex AnyDate = new(@"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})");

    [Theory]
    [InlineData("0123456789120 \u3000\t年月日-/.x٣")]
    [InlineData("1920年 月-9")]
    public void Agree_with_the_regexes(string alphabet)
    {
        var random = new Random(7);
        for (int n = 0; n < 50_000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string s = new(chars);
            var year = Year.Match(s);
            Assert.Equal(year.Success ? year.Groups[1].Value : null, YearPatterns.FirstYear(s));
            Assert.Equal(year.Success, YearPatterns.FindYear(s, 0, out int index, out _));
            Assert.Equal(year.Success ? year.Index : -1, index);
            var years = Year.Matches(s);
            Assert.Equal(years.Count > 0 ? years[^1].Groups[1].Value : null, YearPatterns.LastYear(s));

            var damaged = Damaged.Match(s);
            Assert.Equal(damaged.Success, YearPatterns.FindDamagedDate(s, out string match, out string damagedYear));
            Assert.Equal(damaged.Success ? (damaged.Value, damaged.Groups[1].Value) : ("", ""), (match, damagedYear));

            var date = AnyDate.Match(s);
            Assert.Equal(date.Success, YearPatterns.FindDate(s, out string y, out string m, out string d));
            Assert.Equal(date.Success ? (date.Groups[1].Value, date.Groups[2].Value, date.Groups[3].Value) : ("", "", ""), (y, m, d));
        }
    }

    [Fact]
    public void Read_the_usual_forms()
    {
        Assert.Equal("2023", YearPatterns.FirstYear("某某局2023 年度政府信息公开工作报告"));
        Assert.Equal("2019", YearPatterns.LastYear("统计期限自2019年1月1日起至2019年12月31日止"));
        Assert.True(YearPatterns.FindDamagedDate("自201411日起至20141231日止", out string match, out string year));
        Assert.Equal(("201411日", "2014"), (match, year));
        Assert.True(YearPatterns.FindDate("2024 - 01 - 15 10:00", out string y, out string m, out string d));
        Assert.Equal(("2024", "01", "15"), (y, m, d));
    }
}
