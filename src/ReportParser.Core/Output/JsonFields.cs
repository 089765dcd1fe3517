using System.Text.Json;

namespace ReportParser.Output;

/// <summary>Field writers the panel and comparison JSON share: a string array, and a number or null.</summary>
internal static class JsonFields
{
    public static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (string item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    public static void NumberOrNull(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
