using BenchmarkDotNet.Running;
using ReportParser.Benchmarks;

// `corpus <dir> [--min-bytes N] [--min-files N] [--traditional DIR]` writes the deterministic corpus
// the throughput script times; anything else goes to BenchmarkDotNet (e.g. `--filter *`).
if (args.Length > 0 && args[0] == "corpus")
{
    return CorpusGenerator.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args);
return 0;
