using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Dyad.Text;
using Dyad.Text.Tokenization;

namespace Dyad.Bench;

/// <summary>
/// Speed of the text stage on one core: tokenizing alone, tokenizing plus sentence splitting, and reading a
/// plain-text file plus both. The "Tokens/s" column divides the corpus' token count by the mean time.
/// Run: dotnet run -c Release --project bench/Dyad.Bench -- --filter '*TextBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TextBenchmarks
{
    public static readonly string Corpus = NewsCorpus.Build();
    public static readonly int TokenCount = Tokenizer.Default.Tokenize(Corpus).Length;

    private readonly TextAnalyzer _analyzer = new();
    private readonly List<Token> _tokens = new(TokenCount);
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"dyad-bench-{Environment.ProcessId}.txt");
        File.WriteAllText(_path, Corpus);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int Tokenize()
    {
        _tokens.Clear();
        Tokenizer.Default.Tokenize(Corpus, 0, Corpus.Length, _tokens);
        return _tokens.Count;
    }

    [Benchmark(Baseline = true)]
    public int TokenizeAndSplit() => _analyzer.Analyze(new Document("bench", DateOnly.MinValue, Corpus)).Sentences.Count;

    [Benchmark]
    public int ReadTokenizeAndSplit() => _analyzer.Analyze(new Document("bench", DateOnly.MinValue, File.ReadAllText(_path))).Sentences.Count;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new TokensPerSecondColumn());
    }

    private sealed class TokensPerSecondColumn : IColumn
    {
        public string Id => nameof(TokensPerSecondColumn);
        public string ColumnName => "Tokens/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => $"Corpus tokens ({TokenCount:N0}) divided by the mean time of one operation";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats == null || stats.Mean <= 0) return "NA";
            return (TokenCount / (stats.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
