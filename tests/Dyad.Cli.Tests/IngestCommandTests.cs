using System.CommandLine;
using Dyad.Cli.Commands;
using Dyad.Store.DuckDb;
using Xunit.Abstractions;

namespace Dyad.Cli.Tests;

public class IngestCommandTests(ITestOutputHelper output)
{
    /// <summary>
    /// Ingests examples/dedup/reports.jsonl (differently worded reports of the same events by several outlets, each
    /// labelled with its real-world event in "story") twice: the second run changes nothing. Also measures, through
    /// the whole pipeline, how well the store groups the reports: pairwise over documents that yielded events, two
    /// documents are merged when they share a stored event (figures in docs/store.md).
    /// </summary>
    [Fact]
    public void Ingesting_the_same_inputs_twice_stores_them_once_and_groups_reports_of_one_event()
    {
        using var sandbox = new CliSandbox();
        var store = sandbox.PathOf("events.duckdb");
        var input = CliSandbox.Example(Path.Combine("dedup", "reports.jsonl"));
        var first = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", input, "--store", store, .. StoreCliKit.ModelArgs]);
        first.ExitCode.ShouldBe(0, first.Error);
        first.Error.ShouldContain("stored 19 new documents (0 already stored)");
        string Snapshot()
        {
            using var s = DuckDbEventStore.Open(store);
            var c = s.Counts();
            return $"{c.Documents} {c.Sentences} {c.Events} {c.Mentions} {c.LearnedActors} | " +
                string.Join("; ", s.ReadEvents().Select(e => $"{e.Id} {e.Event.EventId} {e.NumMentions}"));
        }
        var before = Snapshot();
        var second = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", input, "--store", store, .. StoreCliKit.ModelArgs]);
        second.ExitCode.ShouldBe(0, second.Error);
        second.Error.ShouldContain("stored 0 new documents (19 already stored), 0 mentions");
        Snapshot().ShouldBe(before);

        var story = File.ReadLines(input).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("story").GetString()!);
        using var events = DuckDbEventStore.Open(store);
        var eventsOf = events.ReadMentions().GroupBy(m => m.Mention.DocId).ToDictionary(g => g.Key, g => g.Select(m => m.EventId).ToHashSet());
        var docs = eventsOf.Keys.Order(StringComparer.Ordinal).ToList();
        int merged = 0, gold = 0, right = 0;
        for (int i = 0; i < docs.Count; i++)
            for (int j = i + 1; j < docs.Count; j++)
            {
                bool m = eventsOf[docs[i]].Overlaps(eventsOf[docs[j]]);
                bool g = story[docs[i]] == story[docs[j]];
                merged += m ? 1 : 0;
                gold += g ? 1 : 0;
                right += m && g ? 1 : 0;
            }
        output.WriteLine($"{docs.Count} of {story.Count} documents yielded events; pairs merged {merged}, gold {gold}, right {right}");
        right.ShouldBe(merged, "a merge joined reports of different events");
        right.ShouldBeGreaterThanOrEqualTo(3);
    }

    /// <summary>
    /// Ingests the same input, which repeats some documents a few batches later, with one, two and three threads:
    /// the stores hold the same documents, events, mentions and learned actors, and the runs report the same counts.
    /// </summary>
    [Fact]
    public void Ingest_stores_the_same_whatever_the_thread_count()
    {
        using var sandbox = new CliSandbox();
        var corpus = StoreCliKit.Corpus(40);
        var repeated = string.Join('\n', corpus.Split('\n').Take(6)) + "\n";
        var input = sandbox.Write("corpus.jsonl", corpus + repeated);
        string Ingest(int threads)
        {
            var store = sandbox.PathOf($"threads-{threads}.duckdb");
            var run = CliSandbox.Run(new RootCommand { IngestCommand.Create() },
                ["ingest", input, "--store", store, "--batch-size", "4", "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), .. StoreCliKit.ModelArgs]);
            run.ExitCode.ShouldBe(0, run.Error);
            run.Error.ShouldContain("stored 40 new documents (6 already stored)");
            return store;
        }
        using var single = DuckDbEventStore.Open(Ingest(1));
        single.Counts().Mentions.ShouldBeGreaterThan(0);
        foreach (int threads in new[] { 2, 3 })
        {
            using var other = DuckDbEventStore.Open(Ingest(threads));
            (other.Counts() with { Runs = 0 }).ShouldBe(single.Counts() with { Runs = 0 });
            other.ReadEvents().ToList().ShouldBe(single.ReadEvents().ToList());
            other.ReadMentions().ToList().ShouldBe(single.ReadMentions().ToList());
            other.ReadLearnedActors().Select(a => a.ToString()).ShouldBe(single.ReadLearnedActors().Select(a => a.ToString()));
        }
    }

    [Fact]
    public void An_ingested_store_exports_every_stored_event_as_a_61_column_gdelt_row_and_a_jsonl_line()
    {
        using var sandbox = new CliSandbox();
        var store = sandbox.PathOf("events.duckdb");
        var input = CliSandbox.Example(Path.Combine("dedup", "reports.jsonl"));
        var ingest = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", input, "--store", store, .. StoreCliKit.ModelArgs]);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        long stored;
        using (var s = DuckDbEventStore.Open(store)) stored = s.Counts().Events;
        stored.ShouldBeGreaterThan(0);

        var gdelt = sandbox.PathOf("events.tsv");
        var export = CliSandbox.Run(new RootCommand { ExportCommand.Create() }, "export", "--store", store, "--format", "gdelt", "--out", gdelt);
        export.ExitCode.ShouldBe(0, export.Error);
        var rows = File.ReadAllLines(gdelt);
        rows.Length.ShouldBe((int)stored);
        rows.ShouldAllBe(r => r.Split('\t').Length == 61);

        var jsonl = sandbox.PathOf("events.jsonl");
        CliSandbox.Run(new RootCommand { ExportCommand.Create() }, "export", "--store", store, "--format", "jsonl", "--out", jsonl).ExitCode.ShouldBe(0);
        var mentions = File.ReadLines(jsonl).Sum(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("num_mentions").GetInt32());
        using var check = DuckDbEventStore.Open(store);
        mentions.ShouldBe((int)check.Counts().Mentions);
    }

    [Fact]
    public void Dict_lookup_with_a_store_knows_a_person_the_ingested_news_named_with_a_role_within_the_tolerance()
    {
        using var sandbox = new CliSandbox();
        var store = sandbox.PathOf("events.duckdb");
        var input = sandbox.Write("news.jsonl",
            "{\"id\":\"n1\",\"date\":\"2024-05-14\",\"text\":\"French President Emmanuel Macron met German Chancellor Jonas Albrecht in Paris on Tuesday.\"}\n");
        var ingest = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", input, "--store", store, .. StoreCliKit.ModelArgs]);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        string? code;
        using (var s = DuckDbEventStore.Open(store)) code = s.ReadLearnedActors().SingleOrDefault(a => a.Name == "Jonas Albrecht")?.Code;
        code.ShouldBe("DEUGOV");

        var within = CliSandbox.Run(new RootCommand { DictCommand.Create() }, "dict", "lookup", "Jonas Albrecht", "--date", "2024-09-01", "--store", store);
        within.Output.ShouldContain("=> learned DEUGOV");
        within.Output.ShouldContain("n1#0");
        var long_after = CliSandbox.Run(new RootCommand { DictCommand.Create() }, "dict", "lookup", "Jonas Albrecht", "--date", "2026-09-01", "--store", store);
        long_after.Output.ShouldNotContain("learned");
    }

    [Fact]
    public void Dict_lookup_quotes_the_sentence_whose_title_chain_taught_a_role_to_an_object()
    {
        using var sandbox = new CliSandbox();
        var store = sandbox.PathOf("events.duckdb");
        const string sentence = "China criticized United States Secretary of State Brimwell Otaskar for his remarks on Xinjiang.";
        var input = sandbox.Write("news.jsonl", $"{{\"id\":\"n2\",\"date\":\"2020-02-02\",\"text\":\"{sentence} Otaskar rejected the criticism.\"}}\n");
        var ingest = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", input, "--store", store, .. StoreCliKit.ModelArgs]);
        ingest.ExitCode.ShouldBe(0, ingest.Error);

        var lookup = CliSandbox.Run(new RootCommand { DictCommand.Create() }, "dict", "lookup", "Brimwell Otaskar", "--date", "2020-02-02", "--store", store);
        lookup.Output.ShouldContain("=> learned USAGOV  'Brimwell Otaskar', United States Secretary of State");
        lookup.Output.ShouldContain("n2#0");
        lookup.Output.ShouldContain(sentence);
    }

    [Fact]
    public void A_role_the_shipped_dictionary_already_has_is_learned_as_confirming_evidence()
    {
        using var sandbox = new CliSandbox();
        var store = sandbox.PathOf("events.duckdb");
        var ingest = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", CliSandbox.Example("pompeo-kazakhstan.txt"), "--store", store, .. StoreCliKit.ModelArgs]);
        ingest.ExitCode.ShouldBe(0, ingest.Error);

        var lookup = CliSandbox.Run(new RootCommand { DictCommand.Create() }, "dict", "lookup", "Mike Pompeo", "--date", "2020-02-02", "--store", store);
        // The dictionary answer first, then the learned role that confirms it, with its evidence sentence.
        lookup.Output.ShouldContain("=> actor USAGOV");
        lookup.Output.ShouldContain("   learned USAGOV  'Mike Pompeo', United States Secretary of State, seen 2020-02-02 to 2020-02-02");
        lookup.Output.ShouldContain("confirms USAGOV; evidence pompeo-kazakhstan#0");
        lookup.Output.ShouldContain("\"United States Secretary of State Mike Pompeo on Sunday urged Kazakhstan");

        var learned = CliSandbox.Run(new RootCommand { ActorsCommand.Create() }, "actors", "learned", "--store", store);
        learned.OutputLines.ShouldContain(l => l.StartsWith("Mike Pompeo ") && l.EndsWith("confirms USAGOV"));
        learned.OutputLines.ShouldContain(l => l.StartsWith("Mukhtar Tileuberdi ") && l.Contains("KAZGOV") && l.EndsWith("new"));
        // A hyphenated name is kept as written.
        learned.OutputLines.ShouldContain(l => l.StartsWith("Kassym-Jomart Tokayev ") && l.EndsWith("confirms KAZGOV"));
    }

    [Fact]
    public void A_bad_record_is_reported_and_skipped_and_the_rest_is_stored()
    {
        using var sandbox = new CliSandbox();
        var store = sandbox.PathOf("events.duckdb");
        var input = sandbox.Write("mixed.jsonl", """
            {"id": "ok-1", "date": "2024-05-14", "text": "Pakistan expelled Indian diplomats on Tuesday."}
            {"id": "bad", "date": "2024-05-14", "text":
            {"id": "ok-2", "date": "2024-05-14", "text": "Germany condemned Iran on Tuesday."}
            """);
        var result = CliSandbox.Run(new RootCommand { IngestCommand.Create() }, ["ingest", input, "--store", store, .. StoreCliKit.ModelArgs]);
        result.ExitCode.ShouldBe(3, result.Error);
        result.Error.ShouldContain("skipped");
        result.Error.ShouldContain("mixed.jsonl");
        using var s = DuckDbEventStore.Open(store);
        s.Counts().Documents.ShouldBe(2);
        s.Scalar("SELECT records_skipped FROM ingest_runs").ShouldBe(1L);
    }

    /// <summary>
    /// Kills a real <c>dyad ingest</c> child process with SIGKILL after its first committed batch, re-runs it, and
    /// checks the store then holds exactly what a single uninterrupted ingest of the same input stores.
    /// </summary>
    [Fact]
    public void Kill_9_mid_ingest_then_resume_stores_exactly_what_a_clean_ingest_stores()
    {
        using var sandbox = new CliSandbox();
        var killedStore = sandbox.PathOf("killed.duckdb");
        var cleanStore = sandbox.PathOf("clean.duckdb");
        long storedAtKill = KillResumeScenario.Run(sandbox, killedStore, cleanStore, () =>
        {
            // Checked on a plain connection first: opening the store would rebuild a rollup that fell out of step.
            RollupMatchesEvents(killedStore).ShouldBeTrue("the rollup commits with its batch");
            using var partial = DuckDbEventStore.Open(killedStore);
            // Every stored document has its sentences.
            partial.Scalar("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_key = d.doc_key)").ShouldBe(0L);
            return partial.Counts().Documents;
        });
        output.WriteLine($"killed after {storedAtKill} of {KillResumeScenario.Documents} documents were committed");

        RollupMatchesEvents(killedStore).ShouldBeTrue();
        using var resumed = DuckDbEventStore.Open(killedStore);
        using var reference = DuckDbEventStore.Open(cleanStore);
        var counts = resumed.Counts();
        (counts with { Runs = 0 }).ShouldBe(reference.Counts() with { Runs = 0 });
        counts.Documents.ShouldBe(KillResumeScenario.Documents);
        counts.Mentions.ShouldBeGreaterThan(counts.Events); // the corpus repeats events: merges happened
        resumed.ReadEvents().ToList().ShouldBe(reference.ReadEvents().ToList());
        resumed.ReadMentions().ToList().ShouldBe(reference.ReadMentions().ToList());
    }

    private static bool RollupMatchesEvents(string path)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=" + path);
        connection.Open();
        return EventRollup.Matches(connection);
    }
}
