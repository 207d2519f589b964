using BenchmarkDotNet.Attributes;
using Dyad.Coding.Lexicon;

namespace Dyad.Bench;

/// <summary>
/// Verb-lexicon lookups (the coder makes one per predicate) and the one-off load of the embedded lexicon.
/// Run: dotnet run -c Release --project bench/Dyad.Bench -- --filter '*LexiconBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class LexiconBenchmarks
{
    private VerbLexicon _lexicon = null!;
    private (string Lemma, VerbContext Context)[] _queries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lexicon = VerbLexicon.Load();
        _queries =
        [
            ("say", new VerbContext { Ccomp = "attack" }),
            ("meet", new VerbContext { Prepositions = [new PrepositionalPhrase("with", "minister", ObjectIsActor: true)] }),
            ("urge", new VerbContext { ObjectIsActor = true, Xcomp = "withdraw" }),
            ("attack", new VerbContext { ObjectIsActor = true }),
            ("accuse", new VerbContext { ObjectIsActor = true, Prepositions = [new PrepositionalPhrase("of", "corruption")] }),
            ("send", new VerbContext { Object = "troop", Prepositions = [new PrepositionalPhrase("to", "border")] }),
            ("sign", new VerbContext { Object = "agreement" }),
            ("kill", new VerbContext { Object = "civilian" }),
        ];
    }

    [Benchmark(Description = "Match 8 typical predicates", OperationsPerInvoke = 8)]
    public int Match()
    {
        int found = 0;
        foreach (var (lemma, context) in _queries)
            if (_lexicon.Match(lemma, context) != null) found++;
        return found;
    }

    [Benchmark(Description = "Load the embedded lexicon (48k patterns)")]
    public int Load() => VerbLexicon.Load(userDictionary: null).Entries.Count;
}
