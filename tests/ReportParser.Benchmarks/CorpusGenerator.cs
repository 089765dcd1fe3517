using System.Globalization;
using System.Text;

namespace ReportParser.Benchmarks;

/// <summary>
/// Writes a deterministic benchmark corpus: the seeds (and, when given, their Traditional versions)
/// replicated with a numbered variation line until both a byte and a file count are reached, in
/// 100-file subfolders. The same arguments always give the same bytes.
/// </summary>
internal static class CorpusGenerator
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: corpus <dir> [--min-bytes N] [--min-files N] [--traditional DIR]");
            return 2;
        }

        string dir = args[0];
        long minBytes = Option(args, "--min-bytes", 20L * 1024 * 1024);
        long minFiles = Option(args, "--min-files", 2000);
        string? traditional = args.SkipWhile(a => a != "--traditional").Skip(1).FirstOrDefault();

        var sources = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        if (traditional is not null)
        {
            sources.AddRange(Directory.EnumerateFiles(traditional, "*.txt").Order(StringComparer.Ordinal));
        }

        var texts = sources.Select(File.ReadAllText).ToArray();
        Directory.CreateDirectory(dir);
        long bytes = 0;
        int files = 0;
        var utf8 = new UTF8Encoding(false);
        while (bytes < minBytes || files < minFiles)
        {
            string text = texts[files % texts.Length] + "\n" + string.Create(CultureInfo.InvariantCulture, $"(副本 {files})") + "\n";
            string sub = Path.Combine(dir, (files / 100).ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            byte[] data = utf8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(sub, files.ToString("D6", CultureInfo.InvariantCulture) + ".txt"), data);
            bytes += data.Length;
            files++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files} files, {bytes} bytes in {dir}"));
        return 0;
    }

    private static long Option(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
