using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Cli;

/// <summary>
/// Error records the batch runner makes itself, for inputs the pipeline did not finish
/// (codes 9xxx of <see cref="DiagnosticCodes"/>: the run, not the content).
/// </summary>
internal static class ErrorRecords
{
    /// <summary>The pipeline threw: a bug. The record names the exception type and message.</summary>
    public static readonly string InternalErrorCode = DiagnosticCodes.InternalError.Code;

    /// <summary>The pipeline did not finish within <c>--timeout</c>.</summary>
    public static readonly string TimeoutCode = DiagnosticCodes.Timeout.Code;

    public static ReportDocument InternalError(InputItem item, Exception exception) =>
        Create(item, InternalErrorCode, $"internal error while parsing: {exception.GetType().FullName}: {exception.Message}");

    public static ReportDocument Timeout(InputItem item, TimeSpan timeout) =>
        Create(item, TimeoutCode, $"parsing did not finish within {timeout.TotalSeconds:0.###} s (--timeout); the input was abandoned");

    private static ReportDocument Create(InputItem item, string code, string message) => new()
    {
        Source = new SourceInfo(item.DisplayName, "unknown", null, item.KnownLength, ""),
        Error = new ParseError(code, message),
        Diagnostics = [new Diagnostic(DiagnosticSeverity.Error, code, message, null)],
    };
}
