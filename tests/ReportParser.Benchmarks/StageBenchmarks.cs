using BenchmarkDotNet.Attributes;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Output;
using ReportParser.Reading;
using ReportParser.Sectioning;
using ReportParser.Tables;

namespace ReportParser.Benchmarks;

/// <summary>Each pipeline stage on one seed report, so a regression shows which stage it is in.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private readonly ReportParserOptions _options = ReportParserOptions.Default;
    private byte[] _bytes = [];
    private SourceText _read = null!;
    private SourceText _normalized = null!;
    private SplitDocument _split = null!;
    private ReportDocument _document = null!;

    [Params("002_ed5f9074cb8b6cc8.txt", "001_4b30d49f840f22ab.txt")]
    public string Seed { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", Seed));
        _read = ReadSource();
        _normalized = new Normalizer(_options).Normalize(_read).Text;
        _split = new SectionSplitter().Split(_normalized, new DiagnosticBag())!;
        _document = new ReportPipeline(_options).Parse(ReportSource.FromBytes(Seed, _bytes)).Document;
    }

    [Benchmark]
    public object Read() => ReadSource();

    private SourceText ReadSource() => new SourceReader(_options).Read(ReportSource.FromBytes(Seed, _bytes), new DiagnosticBag()).Text!;

    [Benchmark]
    public object Normalize() => new Normalizer(_options).Normalize(_read).Text;

    [Benchmark]
    public object? Split() => new SectionSplitter().Split(_normalized, new DiagnosticBag());

    [Benchmark]
    public IReadOnlyList<StatTable> Tables() => new TableReconstructor().Reconstruct(_split, new DiagnosticBag());

    [Benchmark]
    public string WriteJson() => JsonReportWriter.Serialize(_document, indented: false);

    [Benchmark(Baseline = true)]
    public ReportDocument EndToEnd() => new ReportPipeline(_options).Parse(ReportSource.FromBytes(Seed, _bytes)).Document;
}
