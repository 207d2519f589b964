using System.Diagnostics;
using System.Globalization;
using Dyad.Server;
using Dyad.Server.Api;
using Dyad.Server.Queries;
using Dyad.Store.DuckDb;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- serve-timing [EVENTS] [STORE]</c>: fills a store with
/// generated events (once; kept at STORE), starts the real server on a free port and times the API requests each
/// dashboard page makes: the first answer (computed by the store; wall and process CPU time) and the median and slowest
/// of 5 repeats (answered from the server's cache until the store changes), and each page's requests in sequence.
/// </summary>
internal static class ServerTiming
{
    public static int Run(string[] args)
    {
        int events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        string path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"dyad-serve-timing-{events}.duckdb");
        if (!File.Exists(path))
        {
            var clock = Stopwatch.StartNew();
            using var fresh = DuckDbEventStore.Open(path);
            GeneratedEvents.Fill(fresh, events);
            fresh.SortEvents();
            Console.WriteLine($"generated {events:N0} events into {path} in {clock.Elapsed.TotalSeconds:F1} s");
        }
        using var store = DuckDbEventStore.Open(path);
        Console.WriteLine($"store: {store.Counts()}");
        return TimeAsync(store).GetAwaiter().GetResult();
    }

    private static async Task<int> TimeAsync(DuckDbEventStore store)
    {
        await using var app = DyadServer.Build(new ServerOptions("127.0.0.1", 0), new DashboardData(store), WriteToken.CreateRandom(), null);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = DyadServer.BoundAddress(app) };
        // The server's own start-up (JIT of the pipeline, JSON) is not any page's cost.
        (await client.GetAsync("/api/actors?prefix=ZZZ")).EnsureSuccessStatusCode();
        var pages = new (string Page, string[] Requests)[]
        {
            ("overview", ["/api/summary", "/api/stats?by=month", "/api/top/dyads?limit=15", "/api/top/actors?limit=15", "/api/events?offset=0&limit=25"]),
            ("overview, quad 4 in 2019", ["/api/stats?by=month&quad=4&from=2019-01-01&to=2019-12-31", "/api/top/dyads?limit=15&quad=4&from=2019-01-01&to=2019-12-31", "/api/top/actors?limit=15&quad=4&from=2019-01-01&to=2019-12-31", "/api/events?offset=0&limit=25&quad=4&from=2019-01-01&to=2019-12-31"]),
            ("dyad USA-CHN", ["/api/stats?by=month&dyad=USA,CHN", "/api/events?offset=0&limit=25&dyad=USA,CHN"]),
            ("network", ["/api/network?nodes=40"]),
            ("map", ["/api/places?limit=2000"]),
            ("event", ["/api/events/123456"]),
            ("document", ["/api/document?id=gen-doc-24691"]),
            ("events deep page", ["/api/events?offset=10000&limit=25"]),
            ("events by words", ["/api/events?text=talks&limit=25"]),
        };
        Console.WriteLine("| page | request | first ms | first CPU ms | repeat median ms | repeat max ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (page, requests) in pages)
        {
            double pageFirst = 0, pageCpu = 0, pageRepeat = 0;
            foreach (var request in requests)
            {
                var (first, firstCpu, median, max) = await Time(client, request);
                pageFirst += first;
                pageCpu += firstCpu;
                pageRepeat += median;
                Console.WriteLine($"| {page} | `{request}` | {first:F0} | {firstCpu:F0} | {median:F0} | {max:F0} |");
            }
            Console.WriteLine($"| {page} | all requests in sequence | {pageFirst:F0} | {pageCpu:F0} | {pageRepeat:F0} | |");
        }
        return 0;
    }

    private static async Task<(double First, double FirstCpu, double Median, double Max)> Time(HttpClient client, string request)
    {
        var firstClock = Stopwatch.StartNew();
        double cpuBefore = ProcessCpu.Milliseconds();
        using (var firstResponse = await client.GetAsync(request))
        {
            await firstResponse.Content.ReadAsByteArrayAsync();
            firstResponse.EnsureSuccessStatusCode();
        }
        double first = firstClock.Elapsed.TotalMilliseconds;
        double firstCpu = ProcessCpu.Milliseconds() - cpuBefore;
        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (first, firstCpu, times[2], times[^1]);
    }
}

/// <summary>
/// Fills a store with synthetic events in bulk (SQL inside DuckDB, not the ingest path): 60 actors, 20 codes across
/// the quad classes, ten years of dates, five events per document, one mention and one sentence per event, a place
/// for half of them. For timing queries, not for judging coding.
/// </summary>
internal static class GeneratedEvents
{
    public static void Fill(DuckDbEventStore store, int events)
    {
        const string actors = "['USA','CHN','RUS','UKR','GBR','FRA','DEU','JPN','IND','PAK','IRN','ISR','PSE','SYR','TUR','SAU','EGY','NGA','KEN','ETH','SDN','ZAF','BRA','MEX','VEN','COL','CAN','AUS','KOR','PRK','AFG','IRQ','LBY','MLI','SOM','YEM','QAT','ARE','POL','BLR','USAGOV','CHNGOV','RUSMIL','UKRMIL','ISRMIL','IRNGOV','GBRGOV','FRAGOV','DEUGOV','INDGOV','PAKMIL','TURGOV','SAUGOV','EGYGOV','NGAMIL','KENGOV','ETHGOV','SDNMIL','UNO','EUR']";
        const string codes = "['010','020','036','042','043','046','051','057','061','071','111','112','120','130','138','141','163','173','190','193']";
        const string places = "[{'n':'Washington','c':'USA','lat':38.9,'lon':-77.0},{'n':'Beijing','c':'CHN','lat':39.9,'lon':116.4},{'n':'Moscow','c':'RUS','lat':55.8,'lon':37.6},{'n':'Kyiv','c':'UKR','lat':50.5,'lon':30.5},{'n':'London','c':'GBR','lat':51.5,'lon':-0.1},{'n':'Paris','c':'FRA','lat':48.9,'lon':2.35},{'n':'Berlin','c':'DEU','lat':52.5,'lon':13.4},{'n':'Tokyo','c':'JPN','lat':35.7,'lon':139.7},{'n':'New Delhi','c':'IND','lat':28.6,'lon':77.2},{'n':'Islamabad','c':'PAK','lat':33.7,'lon':73.1},{'n':'Tehran','c':'IRN','lat':35.7,'lon':51.4},{'n':'Jerusalem','c':'ISR','lat':31.8,'lon':35.2},{'n':'Gaza','c':'PSE','lat':31.5,'lon':34.5},{'n':'Damascus','c':'SYR','lat':33.5,'lon':36.3},{'n':'Ankara','c':'TUR','lat':39.9,'lon':32.9},{'n':'Riyadh','c':'SAU','lat':24.7,'lon':46.7},{'n':'Cairo','c':'EGY','lat':30.0,'lon':31.2},{'n':'Abuja','c':'NGA','lat':9.1,'lon':7.5},{'n':'Nairobi','c':'KEN','lat':-1.3,'lon':36.8},{'n':'Addis Ababa','c':'ETH','lat':9.0,'lon':38.7}]";
        string sql = $"""
            BEGIN TRANSACTION;
            INSERT INTO ingest_runs (id, started_at, finished_at, inputs) VALUES (1, now(), now(), 'generated');
            CREATE TEMP TABLE gen AS
              SELECT i,
                     DATE '2015-01-01' + CAST(hash(i * 7) % 3650 AS INTEGER) AS d,
                     {actors}[1 + CAST(hash(i) % 60 AS INTEGER)] AS src,
                     {actors}[1 + CAST(hash(i + 1000003) % 60 AS INTEGER)] AS tgt,
                     {codes}[1 + CAST(hash(i * 3) % 20 AS INTEGER)] AS code,
                     {places}[1 + CAST(hash(i * 5) % 20 AS INTEGER)] AS place,
                     hash(i * 11) % 2 = 0 AS located
              FROM range({events}) t(i);
            INSERT INTO documents
              SELECT i // 5, 'gen-doc-' || (i // 5), 'hash-' || (i // 5), d, NULL, 'outlet-' || ((i // 5) % 40), 'Generated document ' || (i // 5), 'en', 1000, 1
              FROM gen WHERE i % 5 = 0;
            INSERT INTO sentences SELECT i // 5, CAST(i % 5 AS INTEGER), CAST((i % 5) * 200 AS INTEGER), CAST((i % 5) * 200 + 60 AS INTEGER),
              src || ' officials held talks and said ' || code || ' about ' || tgt || '.' FROM gen;
            CREATE TEMP TABLE coded AS SELECT i, d,
              'gen-' || i AS mention_id, 'gen-doc-' || (i // 5) AS doc_id, CAST(i % 5 AS INTEGER) AS sentence_index, d AS date,
              src AS source, tgt AS target, code, left(code, 2) AS root,
              CAST(CASE WHEN left(code, 2) <= '05' THEN 1 WHEN left(code, 2) <= '08' THEN 2 WHEN left(code, 2) <= '13' THEN 3 ELSE 4 END AS TINYINT) AS quad,
              CASE WHEN left(code, 2) <= '05' THEN 3.0 WHEN left(code, 2) <= '08' THEN 6.0 WHEN left(code, 2) <= '13' THEN -4.0 ELSE -9.0 END AS goldstein,
              CAST(NULL AS VARCHAR) AS plover, src || ' name' AS source_name, tgt || ' name' AS target_name, src AS source_text, tgt AS target_text, 'said' AS verb_text,
              src || ' officials held talks and said ' || code || ' about ' || tgt || '.' AS sentence,
              CAST((i % 5) * 200 AS INTEGER) AS char_start, CAST((i % 5) * 200 + 60 AS INTEGER) AS char_end,
              CASE WHEN located THEN place.n END AS place_name, CASE WHEN located THEN place.c END AS country, CAST(NULL AS VARCHAR) AS admin1,
              CASE WHEN located THEN CAST(place.lat AS DOUBLE) END AS lat, CASE WHEN located THEN CAST(place.lon AS DOUBLE) END AS lon, CAST(NULL AS BIGINT) AS geonames_id,
              false AS negated, 0.9 AS confidence, 'generated:1 SAY' AS rule
              FROM gen;
            INSERT INTO events SELECT i, d, mention_id, doc_id, sentence_index, date, source, target, code, root, quad, goldstein, plover,
              source_name, target_name, source_text, target_text, verb_text, sentence, char_start, char_end, place_name, country, admin1,
              lat, lon, geonames_id, negated, confidence, rule, 1, 1, 1, d, d, CAST(NULL AS VARCHAR) FROM coded;
            INSERT INTO mentions SELECT i, i // 5, mention_id, doc_id, sentence_index, date, source, target, code, root, quad, goldstein, plover,
              source_name, target_name, source_text, target_text, verb_text, sentence, char_start, char_end, place_name, country, admin1,
              lat, lon, geonames_id, negated, confidence, rule FROM coded;
            COMMIT;
            """;
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
