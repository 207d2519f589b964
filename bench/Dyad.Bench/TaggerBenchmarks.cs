using BenchmarkDotNet.Attributes;
using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Tagging;
using Dyad.Text.Conllu;

namespace Dyad.Bench;

/// <summary>
/// Tagging and lemmatizing speed of the committed EWT models on one core, over the first 500 EWT-dev sentences
/// (read from ../shared/data). Tokens/s = tokens per operation / mean time; allocations are per operation.
/// Run: <c>dotnet run -c Release --project bench/Dyad.Bench -- --filter *TaggerBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    private PosTagger _tagger = null!;
    private Lemmatizer _lemmatizer = null!;
    private string[][] _sentences = [];
    private string[] _upos = [], _xpos = [], _feats = [];

    /// <summary>Tokens per benchmark operation, printed in the setup log to turn time into tokens/s.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _tagger = PosTagger.Load(Path.Combine(root, "models", "en-ewt.tagger.bin"));
        _lemmatizer = Lemmatizer.Load(Path.Combine(root, "models", "en-ewt.lemmatizer.bin"));
        var dev = Path.Combine(root, "..", "shared", "data", "ud", "en-ewt", "en_ewt-ud-dev.conllu");
        _sentences = ConlluReader.ReadFile(dev).Take(500).Select(s => s.Words.Select(w => w.Form).ToArray()).ToArray();
        Tokens = _sentences.Sum(s => s.Length);
        int longest = _sentences.Max(s => s.Length);
        _upos = new string[longest]; _xpos = new string[longest]; _feats = new string[longest];
        Console.WriteLine($"// {Tokens} tokens in {_sentences.Length} sentences per operation");
    }

    [Benchmark]
    public int Tag()
    {
        int n = 0;
        foreach (var words in _sentences)
        {
            _tagger.Tag(words, _upos, _xpos, _feats);
            n += words.Length;
        }
        return n;
    }

    [Benchmark]
    public int TagAndLemmatize()
    {
        int n = 0;
        foreach (var words in _sentences)
        {
            _tagger.Tag(words, _upos, _xpos, _feats);
            for (int i = 0; i < words.Length; i++)
                n += _lemmatizer.Lemmatize(words[i], _upos[i], _xpos[i], _feats[i]).Length;
        }
        return n;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dyad.slnx not found above " + AppContext.BaseDirectory);
    }
}
