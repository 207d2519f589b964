using BenchmarkDotNet.Attributes;
using Dyad.Knowledge;
using Dyad.Knowledge.Dictionaries;

namespace Dyad.Bench;

/// <summary>
/// Actor dictionary lookups (name -> entries -> code on a date) on one core, allocation-free path and the
/// convenience path. GlobalSetup prints the managed heap the loaded dictionary holds.
/// Run: dotnet run -c Release --project bench/Dyad.Bench -- --filter '*DictionaryBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class DictionaryBenchmarks
{
    private static readonly string[] Names =
    [
        "United Nations", "U.N.", "Xi Jinping", "Beijing", "Kazakhstan", "Nursultan Nazarbayev", "foreign minister",
        "Amnesty International", "Hamas", "Taliban", "Kyiv", "Washington", "the ministry", "Reuters", "said", "Qwxzzy",
    ];

    private static readonly DateOnly Day = new(2020, 2, 3);
    private ActorDictionary _dict = null!;

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _dict = CompiledDictionary.Load(ModelFiles.Find(ModelFiles.ActorDictionary));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// actor dictionary: {_dict.ActorPhraseCount:N0} actor phrases, {_dict.AgentPhraseCount:N0} agent phrases, managed heap held after load {(after - before) / (1024.0 * 1024.0):F1} MB");
    }

    /// <summary>16 names per operation.</summary>
    [Benchmark(Baseline = true)]
    public int ResolveAllocationFree()
    {
        int coded = 0;
        foreach (var name in Names)
            if (_dict.TryGetActorEntries(name, out var entries))
                for (int i = 0; i < entries.Count; i++) // indexing: foreach over the interface would box the enumerator
                    if (entries[i].CodeOn(Day) != null) { coded++; break; }
        return coded;
    }

    /// <summary>16 names per operation, through LookupActor (normalized string and match records allocated).</summary>
    [Benchmark]
    public int ResolveWithMatches()
    {
        int coded = 0;
        foreach (var name in Names)
            if (_dict.ResolveActor(name, Day) != null) coded++;
        return coded;
    }
}
