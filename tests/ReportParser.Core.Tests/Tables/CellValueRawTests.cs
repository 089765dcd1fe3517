using ReportParser.Tables;
using Xunit;

namespace ReportParser.Core.Tests.Tables;

/// <summary>Raw is null exactly when the text is the value as the invariant culture writes it (plain digit texts are compared without formatting).</summary>
public sealed class CellValueRawTests
{
    public static TheoryData<decimal, string> Values => new()
    {
        { 12m, "12" },
        { 12.0m, "12" },
        { 12m, "012" },
        { 0m, "0" },
        { new decimal(0, 0, 0, true, 0), "0" },
        { new decimal(0, 0, 0, true, 1), "0" },
        { 0.5m, "0.5" },
        { -8m, "-8" },
        { 999999999999999999m, "999999999999999999" },
        { 1234567890123456789m, "1234567890123456789" },
        { 13m, "12" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Raw_is_the_text_unless_it_is_the_written_number(decimal value, string text)
    {
        string? expected = value.ToString(System.Globalization.CultureInfo.InvariantCulture) == text ? null : text;
        Assert.Equal(expected, new CellValue(CellState.Number, value, text).Raw);
    }
}
