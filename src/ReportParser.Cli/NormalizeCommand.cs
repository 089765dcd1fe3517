using System.CommandLine;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Normalization;
using ReportParser.Reading;

namespace ReportParser.Cli;

/// <summary><c>reportparser normalize [&lt;file&gt;|-] [--mode …] [-o FILE]</c>: the normaliser on its own, text in, UTF-8 text out.</summary>
internal static class NormalizeCommand
{


    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("file")
        {
            Description = "The text to normalise, in any encoding; - or nothing for stdin.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var mode = new Option<string?>("--mode")
        {
            Description = "Script conversion: auto (detect; Traditional to Simplified with report wording), an OpenCC config (t2s, tw2s, tw2sp, hk2s), or none.",
            DefaultValueFactory = _ => "auto",
        };
        OptionValues.OneOf(mode, CommonOptions.Modes);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var foldWidth = new Option<bool>("--fold-width")
        {
            Description = "Also fold widths as the parser does for matching: full-width punctuation, letters and digits to ASCII, U+3000 to a space, zero-width characters removed.",
        };

        var command = new Command("normalize", "Convert Traditional Chinese to Simplified, like the parser does before reading a report; the text is otherwise written as it is.")
        {
            input, mode, output, foldWidth,
        };
        command.SetAction(parseResult =>
        {
            string path = parseResult.GetValue(input) ?? "-";
            var options = new ReportParserOptions
            {
                Mode = NormalizationModeNames.Parse(parseResult.GetValue(mode) ?? "auto"),
                FoldWidth = parseResult.GetValue(foldWidth),
            };
            string? outputPath = parseResult.GetValue(output);

            if (path != "-" && !File.Exists(path))
            {
                stderr.WriteLine($"reportparser: no such file or directory: {path}");
                return ExitCodes.Usage;
            }

            // The reader of parse: bounded (a device or pipe without end stops at the limit), and what it
            // refuses (unreadable, too large, binary) is refused here with its message; blank text passes.
            var source = path == "-" ? ReportSource.FromStream(path, () => OpenStdin(stdin)) : ReportSource.FromFile(path);
            var read = new SourceReader(options).ReadBytes(source, new DiagnosticBag(), refuseBlank: false);
            if (read.Bytes is not { } bytes)
            {
                stderr.WriteLine($"reportparser: {path}: {read.Error?.Code} {read.Error?.Message}");
                return ExitCodes.Failed;
            }

            string text = new EncodingDetector().Detect(bytes, new DiagnosticBag()).Text;
            string result = new Normalizer(options).NormalizeText(text, out _);
            if (outputPath is null)
            {
                try
                {
                    stdout.Write(result);
                    stdout.Flush();
                }
                catch (IOException ex)
                {
                    stderr.WriteLine($"reportparser: cannot write output: {ex.Message}");
                    return ExitCodes.Usage;
                }

                return ExitCodes.Success;
            }

            try
            {
                AtomicFile.Write(outputPath, writer => writer.Write(result));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"reportparser: cannot write {outputPath}: {ex.Message}");
                return ExitCodes.Usage;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Console.In has already decoded stdin; the raw bytes are read when stdin is the process's
    // own input, so the encoding detector sees what was piped in.
    private static Stream OpenStdin(TextReader stdin) =>
        ReferenceEquals(stdin, Console.In) ? Console.OpenStandardInput() : new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()));
}
