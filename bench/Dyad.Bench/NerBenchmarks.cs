using BenchmarkDotNet.Attributes;
using Dyad.Nlp.Ner;

namespace Dyad.Bench;

/// <summary>
/// Entity recognition throughput with the committed model on one core. Input is the UNER English-EWT test set when
/// ../shared/data is present (25,097 tokens), else a built-in set of news-style sentences; tokens/s = tokens / mean time.
/// Run: dotnet run -c Release --project bench/Dyad.Bench -- --filter '*NerBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private EntityRecognizer _recognizer = null!;
    private string[][] _sentences = null!;

    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string root = FindRoot();
        _recognizer = EntityRecognizer.Load(Path.Combine(root, "models", "en.ner.bin"));
        string ewt = Path.Combine(root, "..", "shared", "data", "ner", "uner-en-ewt", "en_ewt-ud-test.iob2");
        _sentences = File.Exists(ewt)
            ? IobFile.Read(ewt).Select(s => s.Tokens).ToArray()
            : Enumerable.Repeat(Fallback, 500).SelectMany(x => x).Select(s => s.Split(' ')).ToArray();
        Tokens = _sentences.Sum(s => s.Length);
        Console.WriteLine($"// NER benchmark input: {_sentences.Length} sentences, {Tokens} tokens");
    }

    private static readonly string[] Fallback =
    [
        "NAIROBI ( Reuters ) - Kenya 's foreign minister met his Somali counterpart on Tuesday , officials said .",
        "The European Union and the African Union issued a joint statement after talks in Addis Ababa .",
        "Police in Lagos arrested 12 people after protests against fuel prices , a spokesman for the force said .",
    ];

    [Benchmark(Description = "Recognize every sentence once")]
    public int RecognizeAll()
    {
        int entities = 0;
        foreach (var sentence in _sentences) entities += _recognizer.Recognize(sentence).Length;
        return entities;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Dyad.slnx).");
    }
}
