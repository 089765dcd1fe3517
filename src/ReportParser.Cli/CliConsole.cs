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

    /// <summary>Print stack traces of unexpected exceptions (environment variable <c>REPORTPARSER_DEBUG=1</c>).</summary>
    public bool ShowStackTraces { get; init; }

    public byte[] ReadStdinBytes()
    {
        if (OpenStdinBytes is { } open)
        {
            using var stream = open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        return System.Text.Encoding.UTF8.GetBytes(Stdin.ReadToEnd());
    }
}
