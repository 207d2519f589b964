using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Dyad.Knowledge;
using Dyad.Knowledge.Places;

namespace Dyad.Bench;

/// <summary>
/// Gazetteer name lookups on one core over a mix of countries, capitals, regions, towns, news spellings and misses.
/// "Lookups/s" divides the number of names per operation by the mean time. GlobalSetup prints the managed heap the
/// loaded gazetteer holds. Run: dotnet run -c Release --project bench/Dyad.Bench -- --filter '*GazetteerBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class GazetteerBenchmarks
{
    public static readonly string[] Names =
    [
        "Paris", "Georgia", "Beijing", "Washington", "Nur-Sultan", "Astana", "Xinjiang", "Kazakhstan", "the United States",
        "U.S.", "Moscow", "Kyiv", "Donetsk", "Aleppo", "Idlib", "Gaza", "Springfield", "Almaty", "Shymkent", "Karaganda",
        "NEW YORK", "Los Angeles", "London", "Berlin", "Tehran", "Baghdad", "Kabul", "Islamabad", "New Delhi", "Tokyo",
        "Seoul", "Pyongyang", "Damascus", "Beirut", "Cairo", "Tripoli", "Khartoum", "Addis Ababa", "Nairobi", "Lagos",
        "São Paulo", "Bogotá", "Caracas", "Mexico City", "Havana", "Ottawa", "Canberra", "Jakarta", "Manila", "Hanoi",
        "Urumqi", "Kashgar", "Lhasa", "Tibet", "Crimea", "Sevastopol", "Mariupol", "Kharkiv", "Odesa", "Lviv",
        "Qwxzzy", "Nowhere Town", "the ministry", "government", "Reuters", "president", "said", "talks", "border", "troops",
    ];

    private Gazetteer _gazetteer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _gazetteer = Gazetteer.Load(ModelFiles.Find(Gazetteer.FileName));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// gazetteer: {_gazetteer.NameCount:N0} names, {_gazetteer.PlaceCount:N0} places, managed heap held after load {(after - before) / (1024.0 * 1024.0):F1} MB");
    }

    [Benchmark]
    public int Lookup()
    {
        int found = 0;
        foreach (var name in Names) found += _gazetteer.Lookup(name).Count;
        return found;
    }

    [Benchmark]
    public Gazetteer Load() => Gazetteer.Load(ModelFiles.Find(Gazetteer.FileName));

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new LookupsPerSecondColumn());
    }

    private sealed class LookupsPerSecondColumn : IColumn
    {
        public string Id => nameof(LookupsPerSecondColumn);
        public string ColumnName => "Lookups/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Names looked up per second (names per operation / mean time)";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(Lookup)) return "-";
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics == null) return "-";
            return (Names.Length / (report.ResultStatistics.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
