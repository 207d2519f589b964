using System.Globalization;
using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Store.Query;

namespace Dyad.Store.Tests;

/// <summary>
/// The store's queries answer exactly what the plain SQL of schema version 1 answered (written out here as the
/// reference), before and after the events table is re-sorted by date: the speed-ups (date-sorted layout, pages
/// fetched by row id, dyad filter as CASE, dyads grouped on two columns, aggregates, totals and actor pages' date
/// windows from the rollup) change no answer.
/// </summary>
public sealed class QueryEquivalenceTests(GeneratedStore generated) : IClassFixture<GeneratedStore>
{
    private readonly DuckDbEventStore _store = generated.Store;

    public static TheoryData<string> Filters => new()
    {
        "", "dyad=US,USA", "dyad=USA,CHN", "dyad=CHN,RUS quad=4", "actor=US", "source=USAGOV", "target=UKR root=17",
        "code=042", "quad=1 from=2020-06-01 to=2021-02-28", "from=2021-01-01", "text=did", "text=CHN USA", "text=per_doc-1",
        "actor=UKR text=ukrmil", "offset=30", "dyad=US,CHN offset=5", "dyad=USA,CHN from=2021-03-01 to=2021-04-15 offset=3",
        "code=190 offset=40", "actor=US dyad=USA,CHN", "actor=CHN offset=7 from=2020-03-01", "source=US target=CHN quad=3",
        "dyad=USA,CHN offset=5000", "actor=USAGOV offset=12", "dyad=CHN,CHN", "target=RUS to=2020-12-31",
        "text=DiD offset=30", "text=ukr offset=60", "text=Usa from=2021-01-01", "text=no-such-word",
    };

    /// <summary>Each case on the store in ingest order, then on a sorted copy (sorting is what changes row ids and order).</summary>
    [Theory]
    [MemberData(nameof(Filters))]
    public void Pages_stats_and_tops_equal_the_version_1_queries_before_and_after_sorting(string filters)
    {
        var query = Parse(filters);
        Compare(_store, query);
        Compare(generated.Sorted, query);
    }

    [Fact]
    public void Sorting_keeps_the_table_definition_and_every_event_and_orders_rows_by_date()
    {
        using var copy = generated.Copy();
        var store = copy.Store;
        string definition = (string)store.Scalar("SELECT sql FROM duckdb_tables() WHERE table_name = 'events'")!;
        var before = store.ReadEvents().ToList();
        Unordered(store).ShouldBeGreaterThan(0L);

        EventLayout.SortIfNeeded(store.Connection).ShouldBeFalse("a tail under 100,000 events is left as it is");
        store.SortEvents();

        Unordered(store).ShouldBe(0L);
        store.Scalar("SELECT sql FROM duckdb_tables() WHERE table_name = 'events'").ShouldBe(definition);
        store.ReadEvents().ToList().ShouldBe(before);
        store.Scalar("SELECT sorted_through FROM event_layout").ShouldBe(before.Max(e => e.Id));
    }

    private static long Unordered(DuckDbEventStore store) => Convert.ToInt64(store.Scalar("""
        SELECT count(*) FROM (SELECT event_date, id, lag(event_date) OVER (ORDER BY rowid) AS pd, lag(id) OVER (ORDER BY rowid) AS pid FROM events)
        WHERE pd > event_date OR (pd = event_date AND pid > id)
        """), CultureInfo.InvariantCulture);

    /// <summary>
    /// Ingest keeps the rollup by appending what each batch changed (new events, mentions merged into older ones); its
    /// sums per key equal a rollup computed from the events table now, and no key sums to zero events.
    /// </summary>
    [Fact]
    public void The_rollup_ingest_appends_sums_to_the_events_table_per_key()
    {
        const string keys = "source, target, event_date, code, root, quad";
        var store = generated.Store;
        Convert.ToInt64(store.Scalar("SELECT count(*) FROM mentions"), CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(Convert.ToInt64(store.Scalar("SELECT count(*) FROM events"), CultureInfo.InvariantCulture));
        store.Scalar($"""
            SELECT count(*) FROM (
              (SELECT {keys}, CAST(sum(event_count) AS BIGINT), CAST(sum(mention_count) AS BIGINT) FROM event_rollup GROUP BY ALL
               EXCEPT ALL SELECT {keys}, count(*), CAST(sum(num_mentions) AS BIGINT) FROM events GROUP BY ALL)
              UNION ALL
              (SELECT {keys}, count(*), CAST(sum(num_mentions) AS BIGINT) FROM events GROUP BY ALL
               EXCEPT ALL SELECT {keys}, CAST(sum(event_count) AS BIGINT), CAST(sum(mention_count) AS BIGINT) FROM event_rollup GROUP BY ALL))
            """).ShouldBe(0L);
        EventRollup.Matches(store.Connection).ShouldBeTrue();
    }

    /// <summary>
    /// Ingest counts the statistics of the events a batch creates in memory and recounts only older events by SQL; every
    /// event's statistics equal a recount of all its mentions now (mentions, documents, outlets with none counted as
    /// one, first and last publication dates).
    /// </summary>
    [Fact]
    public void Every_events_mention_statistics_equal_a_recount_from_its_mentions()
    {
        var store = generated.Store;
        store.Scalar("SELECT count(*) FROM events WHERE num_mentions > 1").ShouldNotBe(0L);
        store.Scalar("SELECT count(*) FROM events WHERE num_sources > 1").ShouldNotBe(0L);
        store.Scalar("""
            SELECT count(*) FROM events e JOIN (
              SELECT m.event_key, count(*) AS n, count(DISTINCT m.doc_key) AS articles, count(DISTINCT coalesce(d.source, '')) AS sources,
                     min(d.date) AS first_seen, max(d.date) AS last_seen
              FROM mentions m JOIN documents d ON d.doc_key = m.doc_key GROUP BY m.event_key) a ON a.event_key = e.id
            WHERE e.num_mentions <> a.n OR e.num_articles <> a.articles OR e.num_sources <> a.sources
               OR e.first_seen <> a.first_seen OR e.last_seen <> a.last_seen
            """).ShouldBe(0L);
        store.Scalar("SELECT count(*) FROM events WHERE id NOT IN (SELECT event_key FROM mentions)").ShouldBe(0L);
    }

    [Fact]
    public void A_rollup_that_does_not_sum_to_the_events_is_rebuilt_when_the_store_opens()
    {
        using var copy = generated.Copy();
        copy.Store.Scalar("DELETE FROM event_rollup WHERE quad = 4");
        EventRollup.Matches(copy.Store.Connection).ShouldBeFalse();
        EventLayout.SortIfNeeded(copy.Store.Connection);
        EventRollup.Matches(copy.Store.Connection).ShouldBeTrue();
        Compare(copy.Store, new EventQuery { Quad = 4, Limit = 25 });
    }

    private static void Compare(DuckDbEventStore store, EventQuery query)
    {
        store.Query(query).ToList().ShouldBe(ReferencePage(store, query));
        new BrowseQueries(store).Count(query).ShouldBe(Convert.ToInt64(store.Scalar($"SELECT count(*) FROM events e {ReferenceWhere(query)}"), CultureInfo.InvariantCulture));
        foreach (var by in new[] { StatsPeriod.Day, StatsPeriod.Week, StatsPeriod.Month })
            Same(store.Stats(query, by), ReferenceStats(store, query, by));
        foreach (var kind in new[] { TopKind.Actors, TopKind.Dyads, TopKind.Codes })
            store.Top(kind, query, 15).ShouldBe(ReferenceTop(store, kind, query, 15));
        var (nodes, links) = new BrowseQueries(store).Network(query, 5);
        links.ShouldBe(ReferenceLinks(store, query, nodes.Select(n => n.Code).ToList()));
    }

    /// <summary>Counts and dates exactly; Goldstein sums to rounding, since DuckDB adds in parallel in no fixed order.</summary>
    private static void Same(IReadOnlyList<PeriodStats> actual, IReadOnlyList<PeriodStats> expected)
    {
        actual.Count.ShouldBe(expected.Count);
        for (int i = 0; i < actual.Count; i++)
        {
            (actual[i] with { GoldsteinSum = 0, GoldsteinMean = 0 }).ShouldBe(expected[i] with { GoldsteinSum = 0, GoldsteinMean = 0 });
            actual[i].GoldsteinSum.ShouldBe(expected[i].GoldsteinSum, 1e-9);
            actual[i].GoldsteinMean.ShouldBe(expected[i].GoldsteinMean, 1e-9);
        }
    }

    // The queries of schema version 1, with the filters written as they were (dyad as OR, literals inlined).

    private static string ReferenceWhere(EventQuery q)
    {
        static string L(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        var c = new List<string>();
        if (q.Actor is { } a) c.Add($"(starts_with(e.source, {L(a)}) OR starts_with(e.target, {L(a)}))");
        if (q.Source is { } s) c.Add($"starts_with(e.source, {L(s)})");
        if (q.Target is { } t) c.Add($"starts_with(e.target, {L(t)})");
        if (q.Dyad is var (x, y))
            c.Add($"((starts_with(e.source, {L(x)}) AND starts_with(e.target, {L(y)})) OR (starts_with(e.source, {L(y)}) AND starts_with(e.target, {L(x)})))");
        if (q.Code is { } code) c.Add($"e.code = {L(code)}");
        if (q.Root is { } root) c.Add($"e.root = {L(root)}");
        if (q.Quad is { } quad) c.Add($"e.quad = {quad}");
        if (q.From is { } from) c.Add($"e.event_date >= DATE {L(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
        if (q.To is { } to) c.Add($"e.event_date <= DATE {L(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
        if (q.Words.Count > 0)
            c.Add($"e.id IN (SELECT m.event_key FROM mentions m WHERE {string.Join(" AND ", q.Words.Select(w => $"m.sentence ILIKE {L("%" + w.Replace("_", "\\_", StringComparison.Ordinal) + "%")} ESCAPE '\\'"))})");
        return c.Count == 0 ? "" : "WHERE " + string.Join(" AND ", c);
    }

    private static List<StoredEvent> ReferencePage(DuckDbEventStore store, EventQuery q)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.id, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, e.source_url, {CodedEventColumns.SelectList("e")}
            FROM events e {ReferenceWhere(q)} ORDER BY e.event_date, e.id LIMIT {q.Limit} OFFSET {q.Offset}
            """;
        using var r = command.ExecuteReader();
        var page = new List<StoredEvent>();
        while (r.Read())
            page.Add(new StoredEvent(r.GetInt64(0), CodedEventColumns.Read(r, 7), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3),
                r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetString(6)));
        return page;
    }

    private static List<PeriodStats> ReferenceStats(DuckDbEventStore store, EventQuery q, StatsPeriod by)
    {
        var period = by switch
        {
            StatsPeriod.Day => "e.event_date",
            StatsPeriod.Week => "date_trunc('week', e.event_date)",
            _ => "date_trunc('month', e.event_date)",
        };
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT CAST({period} AS DATE) AS period, count(*),
                   count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
                   count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4),
                   sum(e.goldstein), avg(e.goldstein), CAST(sum(e.num_mentions) AS BIGINT)
            FROM events e {ReferenceWhere(q)} GROUP BY period ORDER BY period
            """;
        using var r = command.ExecuteReader();
        var rows = new List<PeriodStats>();
        while (r.Read())
            rows.Add(new PeriodStats(r.GetFieldValue<DateOnly>(0), N(r, 1), N(r, 2), N(r, 3), N(r, 4), N(r, 5), r.GetDouble(6), r.GetDouble(7), N(r, 8)));
        return rows;
    }

    private static List<TopEntry> ReferenceTop(DuckDbEventStore store, TopKind kind, EventQuery q, int limit)
    {
        var where = ReferenceWhere(q);
        var keyed = kind switch
        {
            TopKind.Actors => $"SELECT e.source AS k, e.num_mentions AS n FROM events e {where} UNION ALL SELECT e.target, e.num_mentions FROM events e {where}",
            TopKind.Dyads => $"SELECT e.source || ' ' || e.target AS k, e.num_mentions AS n FROM events e {where}",
            _ => $"SELECT e.code AS k, e.num_mentions AS n FROM events e {where}",
        };
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT k, count(*) AS events, CAST(sum(n) AS BIGINT) FROM ({keyed}) WHERE k IS NOT NULL GROUP BY k ORDER BY events DESC, k LIMIT {limit}";
        using var r = command.ExecuteReader();
        var rows = new List<TopEntry>();
        while (r.Read()) rows.Add(new TopEntry(r.GetString(0), N(r, 1), N(r, 2)));
        return rows;
    }

    private static List<ActorLink> ReferenceLinks(DuckDbEventStore store, EventQuery q, List<string> codes)
    {
        if (codes.Count == 0) return [];
        var where = ReferenceWhere(q);
        var inList = string.Join(", ", codes.Select(c => "'" + c + "'"));
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.source, e.target, e.quad, count(*) FROM events e {(where.Length == 0 ? "WHERE" : where + " AND")}
            e.source IN ({inList}) AND e.target IN ({inList}) AND e.source <> e.target
            GROUP BY e.source, e.target, e.quad ORDER BY e.source, e.target, e.quad
            """;
        using var r = command.ExecuteReader();
        var links = new List<ActorLink>();
        while (r.Read()) links.Add(new ActorLink(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), N(r, 3)));
        return links;
    }

    private static long N(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>"dyad=US,CHN quad=4 text=a b": the filters of one case (text takes the rest of the line).</summary>
    private static EventQuery Parse(string filters)
    {
        var q = new EventQuery { Limit = 25 };
        foreach (var part in filters.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (part.Split('=')[0], part.Split('=').ElementAtOrDefault(1) ?? "");
            q = name switch
            {
                "dyad" => q with { Dyad = (value.Split(',')[0], value.Split(',')[1]) },
                "actor" => q with { Actor = value },
                "source" => q with { Source = value },
                "target" => q with { Target = value },
                "code" => q with { Code = value },
                "root" => q with { Root = value },
                "quad" => q with { Quad = int.Parse(value, CultureInfo.InvariantCulture) },
                "from" => q with { From = DateOnly.Parse(value, CultureInfo.InvariantCulture) },
                "to" => q with { To = DateOnly.Parse(value, CultureInfo.InvariantCulture) },
                "offset" => q with { Offset = int.Parse(value, CultureInfo.InvariantCulture) },
                "text" => q with { Words = [.. q.Words, value] },
                _ => q with { Words = [.. q.Words, name] },
            };
        }
        return q;
    }
}

/// <summary>
/// A store ingested from generated documents in random date order (ids and dates disagree, as in a corpus ingested
/// out of order), and a sorted copy of it. Actor codes nest ("US", "USA", "USAGOV") to test prefix matching.
/// </summary>
public sealed class GeneratedStore : IDisposable
{
    private static readonly string[] Actors = ["US", "USA", "USAGOV", "CHN", "CHNMIL", "RUS", "UKR", "UKRMIL"];
    private static readonly string[] Codes = ["010", "036", "042", "043", "057", "111", "120", "138", "172", "190"];
    private readonly TempStore _temp = new();
    private readonly TempStore _sortedTemp = new();

    public GeneratedStore()
    {
        using (var store = _temp.Open())
        {
            var random = new Random(7);
            long run = store.BeginRun("generated", null);
            for (int batch = 0; batch < 12; batch++)
            {
                var docs = new List<IngestDocument>();
                for (int d = 0; d < 40; d++)
                {
                    var date = new DateOnly(2020, 1, 1).AddDays(random.Next(900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var events = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => (
                        Actors[random.Next(Actors.Length)], Codes[random.Next(Codes.Length)], Actors[random.Next(Actors.Length)],
                        random.Next(3) == 0 ? null : Actors[random.Next(Actors.Length)][..2])).ToArray();
                    docs.Add(TestDocs.Doc($"doc-{batch}-{d}", date, random.Next(2) == 0 ? "wire.example" : null, events));
                }
                store.Ingest(run, docs);
            }
            store.FinishRun(run, 0);
        }
        File.Copy(_temp.FilePath, _sortedTemp.FilePath);
        Store = _temp.Open();
        Sorted = _sortedTemp.Open();
        Sorted.SortEvents();
    }

    public DuckDbEventStore Store { get; }
    public DuckDbEventStore Sorted { get; }

    /// <summary>A copy of the unsorted store, for a test that changes it.</summary>
    internal CopiedStore Copy()
    {
        var temp = new TempStore();
        Store.Scalar("CHECKPOINT");
        File.Copy(_temp.FilePath, temp.FilePath);
        return new CopiedStore(temp);
    }

    public void Dispose()
    {
        Store.Dispose();
        Sorted.Dispose();
        _temp.Dispose();
        _sortedTemp.Dispose();
    }
}

/// <summary>A store opened from a copied file, deleted with its folder.</summary>
internal sealed class CopiedStore(TempStore temp) : IDisposable
{
    public DuckDbEventStore Store { get; } = temp.Open();

    public void Dispose()
    {
        Store.Dispose();
        temp.Dispose();
    }
}
