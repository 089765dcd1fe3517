namespace ReportParser.Diagnostics;

/// <summary>A diagnostic code with its severity and what it means; the catalogue is <see cref="DiagnosticCodes"/>.</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title);
