using System.CommandLine;
using Dyad.Cli.Commands;
using Dyad.Store;
using Dyad.Store.Postgres;
using Dyad.Tests;
using Xunit.Abstractions;

namespace Dyad.Cli.Tests;

/// <summary>
/// The store commands with <c>--store postgres://...</c> against a real server the tests start: the same answers as
/// over a DuckDB file, and a killed ingest that resumes to exactly the clean result.
/// </summary>
[Collection(PostgresCollection.Name)]
public class PostgresStoreCommandTests(PostgresServer server, ITestOutputHelper output)
{
    private static RootCommand Dyad() => new()
    {
        IngestCommand.Create(), QueryCommand.Create(), StatsCommand.Create(), TopCommand.Create(), ExportCommand.Create(), ActorsCommand.Create(),
    };

    /// <summary>
    /// Ingests the examples into a DuckDB file and a PostgreSQL database, then runs query, stats, top, export and
    /// actors learned on both: every output must be the same.
    /// </summary>
    [SkippableFact]
    public void Every_store_command_answers_from_postgres_exactly_as_from_a_duckdb_file()
    {
        var url = server.CreateDatabase();
        using var sandbox = new CliSandbox();
        var file = sandbox.PathOf("events.duckdb");
        // A person no dictionary knows, named with a role, so that actors learned has something to list.
        var learned = sandbox.Write("learned.jsonl",
            "{\"id\":\"n1\",\"date\":\"2024-05-14\",\"text\":\"French President Emmanuel Macron met German Chancellor Jonas Albrecht in Paris on Tuesday.\"}\n");
        string[] inputs = [CliSandbox.Example(Path.Combine("dedup", "reports.jsonl")), CliSandbox.Example("wires.jsonl"), CliSandbox.Example("pompeo-kazakhstan.txt"), learned];
        var ingested = new List<string>();
        foreach (var store in new[] { file, url })
        {
            var ingest = CliSandbox.Run(Dyad(), ["ingest", .. inputs, "--store", store, "--batch-size", "5", .. StoreCliKit.ModelArgs]);
            ingest.ExitCode.ShouldBe(0, ingest.Error);
            // The summary, without the reading time the line before it gives.
            ingested.Add(ingest.Error.Split('\n').Single(l => l.StartsWith("dyad: stored", StringComparison.Ordinal)).Replace(store, "STORE", StringComparison.Ordinal));
        }
        ingested[1].ShouldBe(ingested[0]);
        output.WriteLine(ingested[0]);

        string[][] commands =
        [
            ["query", "--format", "csv", "--limit", "1000"],
            ["query", "--format", "jsonl", "--actor", "RUS"],
            ["query", "--format", "csv", "--text", "minister", "--from", "2019-01-01"],
            ["stats", "--by", "week", "--format", "csv"],
            ["stats", "--by", "month", "--quad", "4", "--format", "csv"],
            ["top", "actors", "--limit", "5"],
            ["top", "dyads"],
            ["top", "codes", "--root", "04"],
            ["export", "--format", "jsonl"],
            ["export", "--format", "gdelt"],
            ["export", "--format", "gdelt-mentions"],
            ["actors", "learned"],
        ];
        foreach (var command in commands)
        {
            var fromFile = CliSandbox.Run(Dyad(), [.. command, "--store", file]);
            var fromServer = CliSandbox.Run(Dyad(), [.. command, "--store", url]);
            var name = string.Join(' ', command);
            fromFile.ExitCode.ShouldBe(0, $"{name}: {fromFile.Error}");
            fromServer.ExitCode.ShouldBe(0, $"{name}: {fromServer.Error}");
            fromFile.Output.Length.ShouldBeGreaterThan(0, name);
            fromServer.Output.ShouldBe(fromFile.Output, name);
        }
        CliSandbox.Run(Dyad(), "actors", "learned", "--store", url).Output.ShouldContain("Jonas Albrecht");
    }

    [SkippableFact]
    public void An_unreachable_server_is_a_clear_error_that_hides_the_password()
    {
        server.Require();
        var result = CliSandbox.Run(Dyad(), "query", "--store", "postgres://dyad:hunter2@127.0.0.1:1/events");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("postgres://dyad:***@127.0.0.1:1/events: cannot open the store");
        result.Error.ShouldNotContain("hunter2");
    }

    /// <summary>
    /// Kills a real <c>dyad ingest --store postgres://...</c> child process with SIGKILL after its first committed
    /// batch, re-runs it, and checks the database then holds exactly what an uninterrupted ingest stores.
    /// </summary>
    [SkippableFact]
    public void Kill_9_mid_ingest_then_resume_stores_exactly_what_a_clean_ingest_stores()
    {
        var killedStore = server.CreateDatabase();
        var cleanStore = server.CreateDatabase();
        using var sandbox = new CliSandbox();
        long storedAtKill = KillResumeScenario.Run(sandbox, killedStore, cleanStore, () =>
        {
            // A reader sees committed batches only; the server rolls back the open one when the connection drops.
            using var partial = PostgresEventStore.Open(killedStore);
            partial.Scalar("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_key = d.doc_key)").ShouldBe(0L);
            return partial.Counts().Documents;
        });
        output.WriteLine($"killed after {storedAtKill} of {KillResumeScenario.Documents} documents were committed");

        using var resumed = PostgresEventStore.Open(killedStore);
        using var reference = PostgresEventStore.Open(cleanStore);
        var counts = resumed.Counts();
        (counts with { Runs = 0 }).ShouldBe(reference.Counts() with { Runs = 0 });
        counts.Documents.ShouldBe(KillResumeScenario.Documents);
        counts.Mentions.ShouldBeGreaterThan(counts.Events);
        var (events, mentions) = Renumbered(resumed);
        var (referenceEvents, referenceMentions) = Renumbered(reference);
        events.ShouldBe(referenceEvents);
        mentions.ShouldBe(referenceMentions);
    }

    /// <summary>
    /// Events and mentions with event ids replaced by their rank. A batch killed after taking event numbers from the
    /// sequence leaves a gap (sequences do not roll back), so ids may differ while the order of creation may not.
    /// </summary>
    private static (List<StoredEvent> Events, List<StoredMention> Mentions) Renumbered(PostgresEventStore store)
    {
        var events = store.ReadEvents().ToList();
        var rank = events.Select((e, i) => (e.Id, Rank: i + 1L)).ToDictionary(p => p.Id, p => p.Rank);
        return (events.Select(e => e with { Id = rank[e.Id] }).ToList(), store.ReadMentions().Select(m => m with { EventId = rank[m.EventId] }).ToList());
    }
}
