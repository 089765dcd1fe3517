namespace ReportParser.Cli;

/// <summary>One input of a run: a file, or standard input (opened and read, up to the size limit, when its turn comes).</summary>
/// <remarks>A file whose name is not valid UTF-8 has an escaped <see cref="FullPath"/> and an <see cref="Open"/> that opens it by its bytes.</remarks>
/// <param name="DisplayName">The name in output and messages: the path as given (directory argument joined with the path inside it), or <c>-</c> for stdin.</param>
/// <param name="FullPath">The absolute file path; null for stdin.</param>
/// <param name="RelativePath">The path an <c>-o DIR</c> run mirrors, with <c>/</c> separators: relative to the directory argument, the path as given for a file argument, <c>stdin</c> for stdin.</param>
/// <param name="Open">Opens standard input (or a file by its name's bytes); null for files opened by path.</param>
internal sealed record InputItem(string DisplayName, string? FullPath, string RelativePath, Func<Stream>? Open = null)
{
    public const string StdinName = "-";

    public bool IsStdin => FullPath is null;

    public ReportSource ToSource() =>
        Open is not null ? ReportSource.FromStream(DisplayName, Open) : ReportSource.FromFile(FullPath!, DisplayName);

    /// <summary>The size in bytes, when it can be had without reading the file (else 0).</summary>
    public long KnownLength => ToSource().KnownLength ?? 0;
}
