using BenchmarkDotNet.Attributes;
using Dyad.Nlp;
using Dyad.Text;
using Dyad.Text.Conllu;

namespace Dyad.Bench;

/// <summary>
/// Speed of the NLP stage on UD English-EWT test sentences (gold tokenization), one thread.
/// The <c>PerWord</c> benchmarks report time per word (tokens/s = 1e9 / Mean in ns); the <c>PerSentence</c> ones
/// report allocations per sentence. Run: <c>dotnet run -c Release --project bench/Dyad.Bench -- --filter *ParserBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private const int SentenceCount = 400;
    private NlpPipeline _pipeline = null!;
    private Sentence[] _sentences = [];
    private (string[] Forms, string[] Upos, string[] Xpos)[] _tagged = [];
    private int[] _heads = new int[512];
    private string[] _relations = new string[512];

    /// <summary>Words in the benchmark sentences (the divisor of the per-word benchmarks).</summary>
    public const int Words = 7_000;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _pipeline = NlpPipeline.Load(Path.Combine(root, "models"));
        var test = Path.Combine(root, "..", "shared", "data", "ud", "en-ewt", "en_ewt-ud-test.conllu");
        if (!File.Exists(test)) throw new FileNotFoundException("the parser benchmark reads EWT test sentences from ../shared/data", test);
        // Take consecutive sentences until exactly Words words are reached (the last one is cut to fit).
        var picked = new List<ConlluSentence>();
        int words = 0;
        foreach (var s in ConlluReader.ReadFile(test))
        {
            if (words + s.Words.Count > Words)
            {
                s.Words.RemoveRange(Words - words, s.Words.Count - (Words - words));
                s.MultiwordTokens.Clear();
            }
            if (s.Words.Count > 0) picked.Add(s);
            words += s.Words.Count;
            if (words >= Words) break;
        }
        _sentences = picked.Select(ConlluSentences.ToSentence).ToArray();
        _tagged = _sentences.Select(s =>
        {
            _pipeline.Process(s);
            return (s.Tokens.Select(t => t.Text).ToArray(), s.Upos!, s.Xpos!);
        }).ToArray();
        if (_sentences.Length < SentenceCount) throw new InvalidOperationException($"need {SentenceCount} sentences, found {_sentences.Length}");
        _sentences = _sentences.Take(SentenceCount).ToArray();
    }

    /// <summary>Tag + lemmatize + parse, time per word.</summary>
    [Benchmark(OperationsPerInvoke = Words)]
    public void PipelinePerWord()
    {
        foreach (var s in _tagged) _pipeline.Process(Build(s.Forms));
    }

    /// <summary>Parse only (tags given), time per word.</summary>
    [Benchmark(OperationsPerInvoke = Words)]
    public void ParserPerWord()
    {
        foreach (var (forms, upos, xpos) in _tagged) _pipeline.Parser.Parse(forms, upos, xpos, _heads, _relations);
    }

    /// <summary>Tag + lemmatize + parse, allocations per sentence (includes the output arrays).</summary>
    [Benchmark(OperationsPerInvoke = SentenceCount)]
    public void PipelinePerSentence()
    {
        foreach (var s in _sentences) _pipeline.Process(s);
    }

    /// <summary>Parse only into caller-owned arrays, allocations per sentence.</summary>
    [Benchmark(OperationsPerInvoke = SentenceCount)]
    public void ParserPerSentence()
    {
        for (int i = 0; i < SentenceCount; i++)
        {
            var (forms, upos, xpos) = _tagged[i];
            _pipeline.Parser.Parse(forms, upos, xpos, _heads, _relations);
        }
    }

    private static Sentence Build(string[] forms)
    {
        var tokens = new Token[forms.Length];
        int offset = 0;
        for (int i = 0; i < forms.Length; i++)
        {
            tokens[i] = new Token(offset, offset + forms[i].Length, forms[i]);
            offset += forms[i].Length + 1;
        }
        return new Sentence(0, offset, tokens);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
