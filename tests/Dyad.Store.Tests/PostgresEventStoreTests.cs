using System.Globalization;
using Dyad.Knowledge.Learning;
using Dyad.Store.Ingest;
using Dyad.Store.Postgres;
using Dyad.Store.Query;
using Dyad.Tests;
using Xunit.Abstractions;

namespace Dyad.Store.Tests;

/// <summary>
/// The PostgreSQL store against a real server the tests start (<see cref="PostgresServer"/>): schema, idempotent
/// ingest, atomic batches, several writers at once, and the same answers as the DuckDB store.
/// </summary>
[Collection(PostgresCollection.Name)]
public class PostgresEventStoreTests(PostgresServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public void A_new_database_gets_the_latest_schema_and_reopening_applies_nothing_again_and_a_newer_schema_is_refused()
    {
        var url = server.CreateDatabase();
        using (var store = PostgresEventStore.Open(url))
        {
            store.SchemaVersion.ShouldBe(PostgresSchema.LatestVersion);
            store.Scalar("SELECT count(*) FROM schema_version").ShouldBe((long)PostgresSchema.LatestVersion);
        }
        using (var again = PostgresEventStore.Open(url))
        {
            again.Scalar("SELECT count(*) FROM schema_version").ShouldBe((long)PostgresSchema.LatestVersion);
            again.Scalar("INSERT INTO schema_version VALUES (999, now())");
        }
        Should.Throw<InvalidDataException>(() => PostgresEventStore.Open(url)).Message.ShouldContain("999");
    }

    [SkippableFact]
    public void A_missing_database_or_server_is_a_clear_error_naming_the_url_without_its_password()
    {
        server.Require();
        var missing = $"postgres://postgres:secret@127.0.0.1:{server.Port}/no_such_database";
        var e = Should.Throw<StoreUnavailableException>(() => EventStores.OpenQueryable(missing, mustExist: true));
        e.Message.ShouldContain("no_such_database");
        e.Message.ShouldNotContain("secret");
    }

    [SkippableFact]
    public void Stored_events_and_mentions_read_back_with_every_coded_field()
    {
        using var store = PostgresEventStore.Open(server.CreateDatabase());
        var doc = TestDocs.Doc("d1", "2024-03-01", "wire.example", ("USA", "042", "CHN", "CHN"), ("RUS", "172", "UKR", null));
        doc = doc with { Events = [doc.Events[0] with { Location = doc.Events[0].Location! with { Lat = 39.9, Lon = 116.4, GeonamesId = 1816670, Admin1 = "22" } }, doc.Events[1]] };
        var result = store.Ingest(store.BeginRun("test", null), [doc]);
        result.DocumentsAdded.ShouldBe(1);
        result.EventsAdded.ShouldBe(2);

        StoreAssertions.ShouldHoldTheOneDocument(store, doc);
    }

    [SkippableFact]
    public void Entities_and_quotes_are_stored_with_their_document_once()
    {
        using var store = PostgresEventStore.Open(server.CreateDatabase());
        var doc = StoreAssertions.WithMarks(TestDocs.Doc("m1", "2024-03-01", "wire.example", ("USA", "042", "CHN", null), ("RUS", "172", "UKR", null)));
        StoreAssertions.ShouldKeepTheMarksOnce(store, doc, TestDocs.Doc("m2", "2024-03-02", null, ("FRA", "042", "DEU", null)));
    }

    [SkippableFact]
    public void Ingesting_the_same_documents_again_changes_nothing_and_copies_or_reused_ids_are_recognised()
    {
        var url = server.CreateDatabase();
        var docs = Corpus.Random(40, seed: 3);
        using (var store = PostgresEventStore.Open(url))
            foreach (var batch in docs.Chunk(8)) store.Ingest(store.BeginRun("first", null), batch);
        using (var store = PostgresEventStore.Open(url))
        {
            var before = store.ReadEvents().ToList();
            var counts = store.Counts();
            var again = store.Ingest(store.BeginRun("second", null), docs);
            again.DocumentsAdded.ShouldBe(0);
            again.Presence.ShouldAllBe(p => p == DocumentPresence.SameId);
            store.ReadEvents().ToList().ShouldBe(before);
            (store.Counts() with { Runs = 0 }).ShouldBe(counts with { Runs = 0 });

            var copy = docs[0] with { Document = docs[0].Document with { Id = "other/path#1" } };
            var reused = TestDocs.Doc(docs[1].Document.Id, "2024-05-02", null, ("FRA", "042", "DEU", null));
            store.Find([(copy.Document.Id, copy.ContentHash), (reused.Document.Id, reused.ContentHash)])
                .ShouldBe([DocumentPresence.SameContent, DocumentPresence.IdConflict]);
            store.Ingest(1, [copy, reused]).Presence.ShouldBe([DocumentPresence.SameContent, DocumentPresence.IdConflict]);
            store.Counts().Documents.ShouldBe(docs.Count);
        }
    }

    [SkippableFact]
    public void A_batch_that_fails_midway_leaves_nothing_behind()
    {
        using var store = PostgresEventStore.Open(server.CreateDatabase());
        long run = store.BeginRun("x", null);
        store.Ingest(run, [TestDocs.Doc("a", "2024-03-01", "s", ("USA", "042", "CHN", null))]);
        // A mention whose code is null violates NOT NULL after documents and sentences were copied in the transaction.
        var bad = TestDocs.Doc("b", "2024-03-01", "s", ("FRA", "042", "DEU", null));
        bad = bad with { Events = [bad.Events[0] with { Code = null! }] };
        Should.Throw<Exception>(() => store.Ingest(run, [TestDocs.Doc("c", "2024-03-01", "s", ("GBR", "042", "IRL", null)), bad]));
        store.Counts().ShouldBe(new StoreCounts(1, 1, 1, 1, 0, 1));
        store.Ingest(run, [TestDocs.Doc("c", "2024-03-05", "s", ("ITA", "042", "ESP", null))]).DocumentsAdded.ShouldBe(1);
        store.Scalar("SELECT documents_added FROM ingest_runs").ShouldBe(2L);
        store.Counts().Events.ShouldBe(2);
    }

    /// <summary>
    /// Four writers, each with its own connections (as separate processes would have), ingest overlapping shuffled
    /// subsets of one corpus at the same time. The result must be what one writer ingesting everything stores: the
    /// same documents, the same grouping of mentions into events and the same counts. The corpus reports each event
    /// on one day and in one country, so the grouping does not depend on ingest order and any difference is a race.
    /// </summary>
    [SkippableFact]
    public void Concurrent_writers_on_overlapping_documents_store_what_a_single_writer_stores()
    {
        var docs = Corpus.OrderFree(120);
        var single = server.CreateDatabase();
        using (var store = PostgresEventStore.Open(single))
        {
            long run = store.BeginRun("single", null);
            foreach (var batch in docs.Chunk(5)) store.Ingest(run, batch);
        }

        var shared = server.CreateDatabase();
        const int writers = 4;
        using (var init = PostgresEventStore.Open(shared)) { }
        var start = new Barrier(writers);
        var results = new IngestBatchResult[writers][];
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            // Each writer skips a different fifth of the corpus and reads the rest in its own order.
            var mine = docs.Where((_, i) => i % 5 != w).OrderBy(d => Corpus.Shuffle(d.Document.Id, w)).ToList();
            using var store = PostgresEventStore.Open(shared);
            long run = store.BeginRun($"writer {w}", null);
            start.SignalAndWait();
            results[w] = mine.Chunk(5).Select(batch => store.Ingest(run, batch)).ToArray();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        results.Sum(r => r.Sum(b => b.DocumentsAdded)).ShouldBe(docs.Count);
        using var reference = PostgresEventStore.Open(single);
        using var concurrent = PostgresEventStore.Open(shared);
        (concurrent.Counts() with { Runs = 0 }).ShouldBe(reference.Counts() with { Runs = 0 });
        var expected = Grouping(reference);
        output.WriteLine($"{docs.Count} documents, {expected.Count} events, {reference.Counts().Mentions} mentions");
        Grouping(concurrent).ShouldBe(expected);
        concurrent.Scalar("SELECT sum(documents_added) FROM ingest_runs").ShouldBe((decimal)docs.Count);
    }

    /// <summary>The same batches into a DuckDB and a PostgreSQL store give the same rows and the same answers.</summary>
    [SkippableFact]
    public void The_same_batches_give_the_same_events_mentions_and_answers_as_the_duckdb_store()
    {
        var docs = Corpus.Random(150, seed: 11);
        using var temp = new TempStore();
        using var duck = temp.Open();
        using var pg = PostgresEventStore.Open(server.CreateDatabase());
        foreach (var store in new IQueryableEventStore[] { duck, pg })
        {
            long run = store.BeginRun("parity", "test");
            foreach (var batch in docs.Chunk(16)) store.Ingest(run, batch);
            store.FinishRun(run, 2);
        }

        pg.Counts().ShouldBe(duck.Counts());
        pg.ReadEvents().ToList().ShouldBe(duck.ReadEvents().ToList());
        Canonical(pg.ReadMentions()).ShouldBe(Canonical(duck.ReadMentions()));
        Describe(pg.ReadLearnedActors()).ShouldBe(Describe(duck.ReadLearnedActors()));
        foreach (var filter in Filters)
        {
            pg.Query(filter).Select(e => e.Id).ShouldBe(duck.Query(filter).Select(e => e.Id), $"query {filter}");
            foreach (var period in Enum.GetValues<StatsPeriod>())
                pg.Stats(filter, period).ShouldBe(duck.Stats(filter, period), $"stats by {period} {filter}");
            foreach (var kind in Enum.GetValues<TopKind>())
                pg.Top(kind, filter, 7).ShouldBe(duck.Top(kind, filter, 7), $"top {kind} {filter}");
        }
    }

    /// <summary>Every filter of a query selects exactly the events an in-memory reading of the store selects.</summary>
    [SkippableFact]
    public void Query_filters_select_the_events_they_describe()
    {
        using var store = PostgresEventStore.Open(server.CreateDatabase());
        long run = store.BeginRun("filters", null);
        foreach (var batch in Corpus.Random(120, seed: 5).Chunk(20)) store.Ingest(run, batch);
        var all = store.ReadEvents().ToList();
        var sentences = store.ReadMentions().GroupBy(m => m.EventId).ToDictionary(g => g.Key, g => g.Select(m => m.Mention.Sentence).ToList());
        static bool Starts(string? code, string prefix) => code is not null && code.StartsWith(prefix, StringComparison.Ordinal);
        static DateOnly Day(StoredEvent e) => DateOnly.Parse(e.Event.Date!, CultureInfo.InvariantCulture);

        void Check(EventQuery filter, Func<StoredEvent, bool> holds)
        {
            var expected = all.Where(holds).OrderBy(Day).ThenBy(e => e.Id).Skip(filter.Offset).Take(filter.Limit).Select(e => e.Id).ToList();
            store.Query(filter).Select(e => e.Id).ShouldBe(expected, filter.ToString());
        }
        Check(new EventQuery { Limit = 1000 }, _ => true);
        Check(new EventQuery { Actor = "USA", Limit = 1000 }, e => Starts(e.Event.Source, "USA") || Starts(e.Event.Target, "USA"));
        Check(new EventQuery { Source = "RUS", Target = "UKR", Limit = 1000 }, e => Starts(e.Event.Source, "RUS") && Starts(e.Event.Target, "UKR"));
        Check(new EventQuery { Dyad = ("CHN", "USA"), Limit = 1000 },
            e => (Starts(e.Event.Source, "CHN") && Starts(e.Event.Target, "USA")) || (Starts(e.Event.Source, "USA") && Starts(e.Event.Target, "CHN")));
        Check(new EventQuery { Code = "042", Limit = 1000 }, e => e.Event.Code == "042");
        Check(new EventQuery { Root = "17", Quad = 4, Limit = 1000 }, e => e.Event.Root == "17" && e.Event.Quad == 4);
        Check(new EventQuery { From = new DateOnly(2024, 5, 3), To = new DateOnly(2024, 5, 6), Limit = 1000 },
            e => Day(e) >= new DateOnly(2024, 5, 3) && Day(e) <= new DateOnly(2024, 5, 6));
        Check(new EventQuery { Words = ["DID 04", "france"], Limit = 1000 },
            e => sentences[e.Id].Any(s => s.Contains("did 04", StringComparison.OrdinalIgnoreCase) && s.Contains("France", StringComparison.OrdinalIgnoreCase)));
        Check(new EventQuery { Words = ["50%_"], Limit = 1000 }, _ => false);
        Check(new EventQuery { Actor = "CHN", Limit = 5, Offset = 3 }, e => Starts(e.Event.Source, "CHN") || Starts(e.Event.Target, "CHN"));
        all.Count(e => Starts(e.Event.Source, "USA") || Starts(e.Event.Target, "USA")).ShouldBeGreaterThan(5);
    }

    private static readonly EventQuery[] Filters =
    [
        new() { Limit = 1000 },
        new() { Actor = "USA", Limit = 1000 },
        new() { Dyad = ("RUS", "UKR"), Limit = 1000 },
        new() { Root = "04", From = new DateOnly(2024, 5, 2), Limit = 1000 },
        new() { Quad = 4, To = new DateOnly(2024, 5, 9), Limit = 1000 },
        new() { Words = ["france"], Limit = 1000 },
        new() { Source = "CHN", Limit = 4, Offset = 2 },
    ];

    /// <summary>Each event as the set of mentions it groups and its counts, ids left out, in a fixed order.</summary>
    private static List<string> Grouping(PostgresEventStore store)
    {
        var mentions = store.ReadMentions().GroupBy(m => m.EventId)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(m => m.Mention.EventId).Order(StringComparer.Ordinal)));
        return store.ReadEvents()
            .Select(e => $"{mentions[e.Id]} mentions={e.NumMentions} sources={e.NumSources} articles={e.NumArticles} {e.FirstSeen}..{e.LastSeen}")
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Mentions in store order, ties (one sentence, several events) broken by mention id.</summary>
    private static List<StoredMention> Canonical(IEnumerable<StoredMention> mentions) =>
        mentions.OrderBy(m => m.EventId).ThenBy(m => m.Mention.DocId, StringComparer.Ordinal).ThenBy(m => m.Mention.SentenceIndex)
            .ThenBy(m => m.Mention.CharStart).ThenBy(m => m.Mention.EventId, StringComparer.Ordinal).ToList();

    private static List<string> Describe(IReadOnlyList<LearnedActor> actors) =>
        actors.Select(a => $"{a.Name} {a.Code} {a.Title} {a.FirstSeen}..{a.LastSeen} " +
            string.Join(" | ", a.Evidence.Select(e => $"{e.DocumentId}#{e.SentenceIndex} {e.Date} {e.Text}"))).ToList();
}

/// <summary>Generated corpora of coded documents for the store tests.</summary>
internal static class Corpus
{
    private static readonly string[] Actors = ["USA", "USAGOV", "CHN", "CHNMIL", "RUS", "UKR", "FRA", "DEU", "IRN"];
    private static readonly string[] Codes = ["042", "043", "036", "111", "172", "190", "057"];
    private static readonly string[] DistinctRoots = ["042", "036", "111", "172", "190"];
    private static readonly string?[] Countries = [null, "USA", "CHN", "UKR", "France"];
    private static readonly string?[] Outlets = ["one.example", "two.example", "three.example", null];

    /// <summary>
    /// Documents of random events over ten days, some sharing events, some naming learned actors: ingest order
    /// matters for the grouping, so compare stores only over the same order.
    /// </summary>
    public static List<IngestDocument> Random(int count, int seed)
    {
        var random = new Random(seed);
        var docs = new List<IngestDocument>();
        for (int i = 0; i < count; i++)
        {
            var date = new DateOnly(2024, 5, 1).AddDays(random.Next(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var events = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => (Actors[random.Next(Actors.Length)], Codes[random.Next(Codes.Length)],
                Actors[random.Next(Actors.Length)], Countries[random.Next(Countries.Length)])).ToArray();
            var doc = TestDocs.Doc($"r{seed}-{i:D4}", date, Outlets[random.Next(Outlets.Length)], events);
            if (i % 7 == 0) doc = doc with { LearnedActors = [Learned($"Person {i % 3}", i % 2 == 0 ? "USAGOV" : "FRAGOV", doc, date)] };
            docs.Add(doc);
        }
        return docs;
    }

    /// <summary>
    /// Documents whose grouping does not depend on ingest order: 60 events, each reported on one day in one country
    /// (or in none); the duplicate key (actor pair and root) repeats only every 30 events, fifteen days apart.
    /// </summary>
    public static List<IngestDocument> OrderFree(int count)
    {
        (string, string, string, string?) Event(int k) =>
            (Actors[k % 6], DistinctRoots[k % 5], Actors[3 + k % 6], k % 4 == 0 ? null : Countries[1 + k % 4]);
        var docs = new List<IngestDocument>();
        for (int j = 0; j < count; j++)
        {
            int group = j % 6;
            // Events k and k + 30 share a duplicate key; their groups are three apart, fifteen days.
            var date = new DateOnly(2024, 3, 1).AddDays(5 * group).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            int first = group * 10 + j * 7 % 10, second = group * 10 + (j * 3 + 1) % 10;
            var events = first == second ? [Event(first)] : new[] { Event(first), Event(second) };
            docs.Add(TestDocs.Doc($"o-{j:D4}", date, Outlets[j % Outlets.Length], events));
        }
        return docs;
    }

    /// <summary>A sort key that orders documents differently for each writer.</summary>
    public static string Shuffle(string id, int writer) => ContentHashes.Of(writer + "/" + id);

    private static LearnedActor Learned(string name, string code, IngestDocument doc, string date)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        return new LearnedActor(name, code, "minister", "minister", "title", "stated in the text", day, day,
            [new LearnedEvidence(doc.Document.Id, 0, day, doc.Document.Text)]);
    }
}
