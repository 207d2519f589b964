using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dyad.Cli.Commands;
using Dyad.Coding;
using Dyad.Knowledge.Learning;
using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Text;

namespace Dyad.Cli.Tests;

/// <summary>One small store written through the store API (no models needed), shared by the read-only query tests.</summary>
public sealed class SmallStoreFixture : IDisposable
{
    internal CliSandbox Sandbox { get; } = new();
    public string Store { get; }

    // Stored one per document in this order, so their event keys are 1 to 7.
    internal static readonly (string Source, string Code, int Quad, double Goldstein, string Target, string Date, string Sentence)[] Events =
    [
        ("USAGOV", "042", 1, 1.9, "CHNGOV", "2024-05-14", "The secretary met the minister in Beijing."),
        ("CHN", "111", 3, -2, "USA", "2024-05-21", "China criticized Washington over tariffs."),
        ("RUSMIL", "195", 4, -10, "UKR", "2024-05-14", "Russian forces struck Kharkiv."),
        ("UKR", "190", 4, -10, "RUS", "2024-05-15", "Ukraine shelled Belgorod."),
        ("USA", "043", 1, 2.8, "CHN", "2024-06-02", "Talks resumed in Beijing on trade."),
        ("DEU", "111", 3, -2, "IRN", "2024-05-14", "Germany criticized Iran over an arrest."),
        ("USA", "172", 4, -5, "IRN", "2024-06-10", "Washington imposed sanctions on Tehran."),
    ];

    public SmallStoreFixture()
    {
        Store = Sandbox.PathOf("events.duckdb");
        using var store = DuckDbEventStore.Open(Store);
        long run = store.BeginRun("test", null);
        for (int i = 0; i < Events.Length; i++)
        {
            var (source, code, quad, goldstein, target, date, sentence) = Events[i];
            var e = EventIds.WithId(new CodedEvent
            {
                DocId = $"doc-{i + 1}", Date = date, Source = source, Target = target, Code = code, Root = code[..2], Quad = quad,
                Goldstein = goldstein, Sentence = sentence, CharEnd = sentence.Length,
            });
            var doc = new Document(e.DocId, DateOnly.Parse(date, CultureInfo.InvariantCulture), sentence) { Source = "wire" };
            IReadOnlyList<LearnedActor> learned = i is 0 or 4 ? [Tleuberdi(doc)] : [];
            store.Ingest(run, [new IngestDocument(doc, [new SentenceSpan(0, 0, sentence.Length)], [e], learned)]);
        }
    }

    /// <summary>The same person learned from two documents: one record with two evidence sentences.</summary>
    private static LearnedActor Tleuberdi(Document doc) => new(
        "Mukhtar Tleuberdi", "KAZGOV", "Foreign Minister", "Minister", "learned:title", "title Foreign Minister resolves to KAZGOV",
        doc.Date, doc.Date, [new LearnedEvidence(doc.Id, 0, doc.Date, "Kazakh Foreign Minister Mukhtar Tleuberdi said so.")]);

    public void Dispose() => Sandbox.Dispose();
}

/// <summary>query, stats and top: filters alone and combined, each output format, errors.</summary>
public sealed class QueryCommandTests(SmallStoreFixture fixture) : IClassFixture<SmallStoreFixture>
{
    private readonly string _store = fixture.Store;

    [Theory]
    [InlineData("--actor CHN", "1 2 5")]
    [InlineData("--dyad USA,CHN", "1 2 5")]
    [InlineData("--dyad usa,chn --quad 3", "2")]
    [InlineData("--dyad USA,CHN --from 2024-05-20", "2 5")]
    [InlineData("--source USA --root 04", "1 5")]
    [InlineData("--source USA --target IRN", "7")]
    [InlineData("--code 111 --to 2024-05-20", "6")]
    [InlineData("--quad 4 --actor RUS", "3 4")]
    [InlineData("--text beijing --source USA", "1 5")]
    [InlineData("--text criticized --target USA", "2")]
    [InlineData("--from 2024-05-14 --to 2024-05-14", "1 3 6")]
    [InlineData("--actor IRN --limit 1 --offset 1", "7")]
    [InlineData("--dyad RUS,CHN", "")]
    public void Filters_combine(string filters, string expectedKeys)
    {
        var result = Run(["query", "--store", _store, "--format", "csv", .. filters.Split(' ')]);
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("event_key,date,source,target,code");
        string.Join(' ', lines.Skip(1).Select(l => l.Split(',')[0])).ShouldBe(expectedKeys);
    }

    [Fact]
    public void Jsonl_lines_carry_the_coded_fields_and_the_mention_counts()
    {
        var result = Run(["query", "--store", _store, "--format", "jsonl", "--code", "172"]);
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.OutputLines.ShouldHaveSingleItem());
        var root = json.RootElement;
        root.GetProperty("doc_id").GetString().ShouldBe("doc-7");
        root.GetProperty("source").GetString().ShouldBe("USA");
        root.GetProperty("num_mentions").GetInt32().ShouldBe(1);
        root.GetProperty("first_seen").GetString().ShouldBe("2024-06-10");
    }

    [Fact]
    public void The_table_is_plain_columns_when_not_on_a_terminal()
    {
        var result = Run(["query", "--store", _store, "--root", "19"]);
        result.ExitCode.ShouldBe(0, result.Error);
        result.OutputLines.Length.ShouldBe(3);
        result.OutputLines[0].ShouldStartWith("key  date        source  code  target");
        result.OutputLines[1].ShouldContain("Russian forces struck Kharkiv.");
    }

    [Fact]
    public void Stats_count_quad_classes_and_goldstein_per_month_for_a_dyad()
    {
        var result = Run(["stats", "--store", _store, "--by", "month", "--dyad", "USA,CHN", "--format", "csv"]);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "period,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,mentions",
            "2024-05-01,2,1,0,1,0,-0.1,-0.05,2",
            "2024-06-01,1,1,0,0,0,2.8,2.8,1",
        ]);
    }

    [Fact]
    public void Stats_by_week_start_on_monday()
    {
        var result = Run(["stats", "--store", _store, "--by", "week", "--quad", "4", "--format", "csv"]);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0] + " " + l.Split(',')[1])
            .ShouldBe(["2024-05-13 2", "2024-06-10 1"]);
    }

    [Theory]
    [InlineData("actors", "USA 3|CHN 2")]
    [InlineData("dyads", "CHN USA 1|DEU IRN 1")]
    [InlineData("codes", "111 2|042 1")]
    public void Top_ranks_by_event_count(string what, string expected)
    {
        var result = Run(["top", what, "--store", _store, "--limit", "2"]);
        result.ExitCode.ShouldBe(0, result.Error);
        string.Join('|', result.OutputLines.Skip(1).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])))
            .ShouldBe(expected);
    }

    [Fact]
    public void A_missing_store_and_a_bad_filter_are_clear_errors()
    {
        var missing = Run(["query", "--store", fixture.Sandbox.PathOf("nope.duckdb")]);
        missing.ExitCode.ShouldBe(1);
        missing.Error.ShouldContain("nope.duckdb does not exist");
        var bad = Run(["query", "--store", _store, "--dyad", "USA"]);
        bad.ExitCode.ShouldNotBe(0);
        bad.Error.ShouldContain("--dyad");
    }

    [Fact]
    public void Learned_actors_are_listed_with_their_evidence_and_exported_as_a_user_dictionary()
    {
        var tsv = fixture.Sandbox.PathOf("learned.tsv");
        var result = Run(["actors", "learned", "--store", _store, "--export", tsv]);
        result.ExitCode.ShouldBe(0, result.Error);
        result.OutputLines.Length.ShouldBe(2);
        System.Text.RegularExpressions.Regex.Split(result.OutputLines[1].Trim(), " {2,}")
            .ShouldBe(["Mukhtar Tleuberdi", "KAZGOV", "Foreign Minister", "2024-05-14", "2024-06-02", "2", "doc-1#0", "new"]);
        File.ReadAllLines(tsv).Where(l => !l.StartsWith('#')).ShouldBe(["Mukhtar Tleuberdi\tKAZGOV\t2023-05-15\t2025-06-02"]);
    }

    private static CliResult Run(string[] args) =>
        CliSandbox.Run(new RootCommand { QueryCommand.Create(), StatsCommand.Create(), TopCommand.Create(), ActorsCommand.Create() }, args);
}
