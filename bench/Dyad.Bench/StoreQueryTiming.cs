using System.Diagnostics;
using System.Globalization;
using Dyad.Store.DuckDb;
using Dyad.Store.Query;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- store-queries [--events N] [--store PATH]</c>: fills a
/// store with N generated events (default 10 million; dates over ten years in random order, 60 countries with
/// GOV/MIL/CVL sectors, 22 CAMEO codes), then times a dyad's monthly series and filtered pages of 100 events
/// (median of 9 runs after one warm-up); <c>--reuse</c> times the queries on a store generated before. Targets (issue 7): series &lt; 200 ms, page &lt; 100 ms.
/// The rows are inserted by SQL, not by ingest, so the run then sorts the table by date as ingest would (timed).
/// </summary>
internal static class StoreQueryTiming
{
    private const string Countries = "['USA','CHN','RUS','UKR','GBR','FRA','DEU','IRN','ISR','PSE','IND','PAK','AFG','IRQ','SYR','TUR','SAU','EGY','NGA','KEN','ETH','SOM','SDN','ZAF','BRA','ARG','MEX','COL','VEN','CUB','CAN','JPN','KOR','PRK','TWN','VNM','PHL','IDN','MYS','THA','MMR','BGD','LKA','NPL','KAZ','UZB','AZE','ARM','GEO','BLR','POL','HUN','ROU','SRB','GRC','ITA','ESP','NLD','BEL','SWE']";
    private const string Codes = "['010','020','036','042','043','046','051','057','061','071','111','112','120','130','138','141','163','172','173','190','193','195']";
    private const string Goldstein = "[0.0,3.0,4.0,1.9,2.8,7.0,3.4,8.0,6.4,7.4,-2.0,-2.0,-4.0,-4.4,-7.0,-6.5,-8.0,-5.0,-5.0,-10.0,-10.0,-10.0]";

    public static int Run(string[] args)
    {
        long count = 10_000_000;
        string path = Path.Combine(Path.GetTempPath(), "dyad-bench-store.duckdb");
        bool reuse = args.Contains("--reuse");
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--events") count = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--store") path = args[i + 1];
        }
        // --reuse times the queries again on a store an earlier run generated.
        if (!reuse)
            foreach (var f in new[] { path, path + ".wal" }) if (File.Exists(f)) File.Delete(f);

        var clock = Stopwatch.StartNew();
        using var store = DuckDbEventStore.Open(path);
        if (!reuse) Generate(store, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(reuse ? "reused" : "generated")} {store.Counts().Events:N0} events in {path} in {clock.Elapsed.TotalSeconds:0.0} s ({new FileInfo(path).Length / 1e6:0} MB)"));
        if (!reuse)
        {
            clock.Restart();
            store.SortEvents();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sorted the events by date in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        Time("monthly series, dyad USA,CHN", 200, () => store.Stats(new EventQuery { Dyad = ("USA", "CHN") }, StatsPeriod.Month).Count);
        Time("monthly series, dyad RUS,UKR, quad 4", 200, () => store.Stats(new EventQuery { Dyad = ("RUS", "UKR"), Quad = 4 }, StatsPeriod.Month).Count);
        Time("page of 100, dyad USA,CHN", 100, () => store.Query(new EventQuery { Dyad = ("USA", "CHN"), Limit = 100 }).Count());
        Time("page of 100, actor IRN, root 19, 2020", 100, () => store.Query(new EventQuery
        {
            Actor = "IRN", Root = "19", From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 12, 31), Limit = 100,
        }).Count());
        Time("page of 100, code 111, offset 1000", 100, () => store.Query(new EventQuery { Code = "111", Limit = 100, Offset = 1000 }).Count());
        Time("top 10 dyads, quad 4", 1000, () => store.Top(TopKind.Dyads, new EventQuery { Quad = 4 }, 10).Count);
        return 0;
    }

    private static void Generate(DuckDbEventStore store, long count)
    {
        // One INSERT ... SELECT: DuckDB builds the rows itself, far faster than appending them from .NET.
        store.Scalar($"""
            INSERT INTO events
            SELECT i, d, printf('%016x', i), 'gen-' || (i // 3), 0, d, s, t, c, left(c, 2),
                   CASE WHEN left(c, 2) <= '05' THEN 1 WHEN left(c, 2) <= '09' THEN 2 WHEN left(c, 2) <= '14' THEN 3 ELSE 4 END,
                   g, NULL, NULL, NULL, NULL, NULL, NULL, 'Generated event ' || i, 0, 20, NULL, NULL, NULL, NULL, NULL, NULL,
                   false, 0.9, 'bench', 1 + (i % 7), 1 + (i % 4), 1 + (i % 5), d, d + 1, NULL
            FROM (
                SELECT i, DATE '2015-01-01' + CAST(hash(i * 8 + 1) % 3650 AS INTEGER) AS d,
                       {Countries}[1 + CAST(hash(i * 8 + 2) % 60 AS INTEGER)] || ['', '', 'GOV', 'MIL', 'CVL'][1 + CAST(hash(i * 8 + 3) % 5 AS INTEGER)] AS s,
                       {Countries}[1 + CAST(hash(i * 8 + 4) % 60 AS INTEGER)] || ['', '', 'GOV', 'MIL', 'CVL'][1 + CAST(hash(i * 8 + 5) % 5 AS INTEGER)] AS t,
                       {Codes}[1 + CAST(hash(i * 8 + 6) % 22 AS INTEGER)] AS c,
                       {Goldstein}[1 + CAST(hash(i * 8 + 6) % 22 AS INTEGER)] AS g
                FROM range(1, {count + 1}) r(i)
            )
            """);
        store.Scalar("CHECKPOINT");
    }

    private static void Time(string name, int targetMs, Func<int> query)
    {
        int rows = query();
        var times = new double[9];
        // Process CPU (DuckDB's worker threads included): on a shared machine wall time is mostly waiting for a core.
        var cpuBefore = ProcessCpu.Milliseconds();
        for (int i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            query();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        double cpu = (ProcessCpu.Milliseconds() - cpuBefore) / times.Length;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {rows} rows, median {times[4]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}), CPU {cpu:0.0} ms per run; target < {targetMs} ms"));
    }
}
