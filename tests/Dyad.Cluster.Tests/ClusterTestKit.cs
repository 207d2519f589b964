using System.Globalization;
using System.Text.Json;
using Dyad.Cli;
using Dyad.Cli.Tests;
using Dyad.Cluster.Grains;
using Dyad.Pipeline;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Dyad.Text;

namespace Dyad.Cluster.Tests;

/// <summary>The shared pieces of the cluster tests: the pipeline, a corpus, the single-machine reference and store comparison.</summary>
internal static class ClusterTestKit
{
    private static readonly Lazy<CodingPipeline> SharedPipeline = new(() =>
        CodingPipeline.Load(StoreCliKit.Models, Path.Combine(StoreCliKit.Models, "en.ner.bin"), actors: null));

    /// <summary>The shipped models, loaded once for every in-process silo of the test run.</summary>
    public static CodingPipeline Pipeline => SharedPipeline.Value;

    /// <summary>The CLI tests' generated news (several documents per event, so the store merges mentions) as documents.</summary>
    public static List<Document> Documents(string jsonl)
    {
        var documents = new List<Document>();
        foreach (var line in jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            documents.Add(new Document(root.GetProperty("id").GetString()!,
                DateOnly.Parse(root.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), root.GetProperty("text").GetString()!)
            {
                Source = root.GetProperty("source").GetString(),
            });
        }
        return documents;
    }

    /// <summary>Cuts documents into work items of <paramref name="size"/>, as dyad cluster submit does.</summary>
    public static List<WorkDocument[]> Chunks(IReadOnlyList<Document> documents, int size) =>
        documents.Select(WorkDocument.From).Chunk(size).ToList();

    /// <summary>A single-machine <c>dyad ingest</c> of <paramref name="jsonlPath"/> into a new DuckDB store at <paramref name="storePath"/>.</summary>
    public static void IngestOnOneMachine(string jsonlPath, string storePath)
    {
        var result = CliSandbox.Run(Program.BuildRoot(), ["ingest", jsonlPath, "--store", storePath, .. StoreCliKit.ModelArgs]);
        result.ExitCode.ShouldBe(0, result.Error);
    }

    /// <summary>
    /// The store's content independent of the order documents arrived in: every mention's full coding with the
    /// document fields it carries, grouped by the event it was merged into (events are compared by their mentions and
    /// mention counts, not by their store numbers, which follow arrival order), plus the store's counts.
    /// </summary>
    public static StoreSnapshot Snapshot(IQueryableEventStore store)
    {
        var mentionsByEvent = new Dictionary<long, List<string>>();
        foreach (var m in store.ReadMentions())
        {
            if (!mentionsByEvent.TryGetValue(m.EventId, out var list)) mentionsByEvent[m.EventId] = list = [];
            list.Add(JsonSerializer.Serialize(m with { EventId = 0 }));
        }
        var events = new List<string>();
        foreach (var e in store.ReadEvents())
        {
            var mentions = mentionsByEvent.GetValueOrDefault(e.Id) ?? [];
            mentions.Sort(StringComparer.Ordinal);
            events.Add(string.Create(CultureInfo.InvariantCulture,
                $"{e.NumMentions}/{e.NumSources}/{e.NumArticles} {e.FirstSeen:yyyy-MM-dd}..{e.LastSeen:yyyy-MM-dd} {e.Event.Code} {e.Event.Source}->{e.Event.Target} [{string.Join(" | ", mentions)}]"));
        }
        events.Sort(StringComparer.Ordinal);
        var counts = store.Counts();
        return new StoreSnapshot(counts.Documents, counts.Sentences, counts.Events, counts.Mentions, counts.LearnedActors, events);
    }

    public static StoreSnapshot Snapshot(string duckDbPath)
    {
        using var store = DuckDbEventStore.Open(duckDbPath);
        return Snapshot(store);
    }

    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dyad-cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>What two stores must agree on to hold the same events (see <see cref="ClusterTestKit.Snapshot(IQueryableEventStore)"/>).</summary>
internal sealed record StoreSnapshot(long Documents, long Sentences, long Events, long Mentions, long LearnedActors, List<string> EventsWithMentions)
{
    public void ShouldEqual(StoreSnapshot expected)
    {
        (Documents, Sentences, Events, Mentions, LearnedActors).ShouldBe(
            (expected.Documents, expected.Sentences, expected.Events, expected.Mentions, expected.LearnedActors));
        EventsWithMentions.ShouldBe(expected.EventsWithMentions);
    }
}
