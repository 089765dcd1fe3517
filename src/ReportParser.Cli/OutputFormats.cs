namespace ReportParser.Cli;

/// <summary>The names of the output formats on the command line and the file extensions that imply them.</summary>
internal static class OutputFormats
{
    /// <summary>The values of <c>-f</c>.</summary>
    public static readonly string[] Names = ["json", "jsonl", "csv", "parquet", "xlsx", "text", "html"];

    public static OutputFormat Parse(string name) => name switch
    {
        "json" => OutputFormat.Json,
        "jsonl" => OutputFormat.JsonLines,
        "csv" => OutputFormat.Csv,
        "parquet" => OutputFormat.Parquet,
        "xlsx" => OutputFormat.Xlsx,
        "text" => OutputFormat.Text,
        "html" => OutputFormat.Html,
        _ => throw new UsageException($"unknown format {name}"),
    };

    public static string Name(OutputFormat format) => Names[(int)format];

    /// <summary>The extension a file of the format is named with.</summary>
    public static string Extension(OutputFormat format) => format == OutputFormat.Text ? ".txt" : "." + Name(format);

    /// <summary>The format a file name's extension says (case-insensitive; .htm too), or null for any other name.</summary>
    public static OutputFormat? OfExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => OutputFormat.Json,
        ".jsonl" => OutputFormat.JsonLines,
        ".csv" => OutputFormat.Csv,
        ".parquet" => OutputFormat.Parquet,
        ".xlsx" => OutputFormat.Xlsx,
        ".txt" => OutputFormat.Text,
        ".html" or ".htm" => OutputFormat.Html,
        _ => null,
    };
}
