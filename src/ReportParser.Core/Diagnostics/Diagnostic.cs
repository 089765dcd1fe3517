using System.Text.Json.Serialization;

namespace ReportParser.Model;

[JsonConverter(typeof(JsonStringEnumConverter<DiagnosticSeverity>))]
public enum DiagnosticSeverity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>A content problem found while parsing, pointing at a source line (1-based; null when it concerns the whole file).</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, int? Line)
{
    /// <summary>Compiler-style text: <c>file:line: severity RPnnnn: message</c>.</summary>
    public string Format(string file) =>
        $"{file}:{Line ?? 1}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
