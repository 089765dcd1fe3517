namespace ReportParser.Cli;

/// <summary>
/// The process streams a command runs against. Tests pass in-memory readers and writers;
/// <see cref="Program"/> passes the console.
/// </summary>
internal sealed record CliConsole(TextReader Stdin, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>Opens standard input as bytes (so encoding detection sees the raw bytes). Null: read <see cref="Stdin"/> as text and encode it as UTF-8.</summary>
    public Func<Stream>? OpenStdinBytes { get; init; }

    /// <summary>True when stderr is a terminal, so progress may be drawn on it.</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>True when stdout is a terminal, so the text view may be coloured (unless <c>NO_COLOR</c> is set).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Whether <c>NO_COLOR</c> is set to something (https://no-color.org): no colour, whatever the terminal.</summary>
    public bool NoColor { get; init; }

    /// <summary>Print stack traces of unexpected exceptions (environment variable <c>REPORTPARSER_DEBUG=1</c>).</summary>
    public bool ShowStackTraces { get; init; }

    /// <summary>
    /// Opens standard input as bytes; called when the input's turn comes, so its reading is bounded by
    /// <c>--max-bytes</c> and stopped by <c>--timeout</c> and signals like any other input's.
    /// </summary>
    public Stream OpenStdin() =>
        OpenStdinBytes is { } open ? open() : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Stdin.ReadToEnd()));
}
