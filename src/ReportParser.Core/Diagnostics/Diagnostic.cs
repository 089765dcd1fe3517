using System.Text.Json.Serialization;

namespace ReportParser.Diagnostics;

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
        $"{file}:{Line ?? 1}: {SeverityName(Severity)} {Code}: {Message}";

    /// <summary>The severity as the JSON spells it (its JsonStringEnumMemberName); a switch, not reflection.</summary>
    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
