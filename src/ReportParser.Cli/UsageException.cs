namespace ReportParser.Cli;

/// <summary>A usage problem found before any work starts (missing path, conflicting options, unwritable output): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
