using ReportParser.Model;
using Xunit;

namespace ReportParser.Tests.Model;

/// <summary><see cref="CellValues"/> answers as the dictionary it replaces did: set order, overwrite, lookups.</summary>
public sealed class CellValuesTests
{
    [Fact]
    public void Keys_enumerate_in_the_order_they_were_set_and_a_repeated_key_overwrites()
    {
        var values = new CellValues(3);
        values.Set("b", 2m);
        values.Set("a", null);
        values.Set("b", 5m);
        values.Set("c", -1m);

        Assert.Equal(3, values.Count);
        Assert.Equal([new("b", 5m), new("a", null), new KeyValuePair<string, decimal?>("c", -1m)], values.ToArray());
        Assert.Equal(["b", "a", "c"], values.Keys);
        Assert.Equal([5m, null, -1m], values.Values);
    }

    [Fact]
    public void Lookups_answer_as_a_dictionary_does()
    {
        var values = new CellValues(2);
        values.Set("total", 7m);
        values.Set("blank", null);

        Assert.True(values.TryGetValue("total", out var total));
        Assert.Equal(7m, total);
        Assert.True(values.TryGetValue("blank", out var blank));
        Assert.Null(blank);
        Assert.False(values.TryGetValue("TOTAL", out _)); // ordinal, as the dictionary's default comparer
        Assert.True(values.ContainsKey("blank"));
        Assert.Equal(7m, values["total"]);
        Assert.Throws<KeyNotFoundException>(() => values["missing"]);
        Assert.Throws<ArgumentNullException>(() => values.ContainsKey(null!));
        Assert.Empty(CellValues.Empty);
    }
}
