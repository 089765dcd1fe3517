using ReportParser.Tables;
using Xunit;

namespace ReportParser.Tests.Tables;

/// <summary>Raw is null exactly when the text is the value as the invariant culture writes it (plain digit texts are compared without formatting).</summary>
public sealed class CellValueRawTests
{
    // The case name keeps the theory's cases apart: xunit names a decimal by its text, and 0, -0 and
    // -0.0 all read "0" (three cases with one ID would run as one).
    public static TheoryData<string, decimal, string> Values => new()
    {
        { "whole", 12m, "12" },
        { "trailing zero", 12.0m, "12" },
        { "leading zero", 12m, "012" },
        { "zero", 0m, "0" },
        { "negative zero", new decimal(0, 0, 0, true, 0), "0" },
        { "negative zero, scale 1", new decimal(0, 0, 0, true, 1), "0" },
        { "fraction", 0.5m, "0.5" },
        { "negative", -8m, "-8" },
        { "18 digits", 999999999999999999m, "999999999999999999" },
        { "19 digits", 1234567890123456789m, "1234567890123456789" },
        { "another number", 13m, "12" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Raw_is_the_text_unless_it_is_the_written_number(string name, decimal value, string text)
    {
        _ = name;
        string? expected = value.ToString(System.Globalization.CultureInfo.InvariantCulture) == text ? null : text;
        Assert.Equal(expected, new CellValue(CellState.Number, value, text).Raw);
    }
}
