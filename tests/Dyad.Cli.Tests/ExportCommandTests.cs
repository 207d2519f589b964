using System.CommandLine;
using System.Text.Json;
using Dyad.Cli.Commands;
using Dyad.Cli.Output;
using Dyad.Coding;
using Dyad.Coding.Ontology;
using Dyad.Store;
using Dyad.Store.Export;
using Dyad.Tests;
using Dyad.Tests.Store;
using Dyad.Text;

namespace Dyad.Cli.Tests;

public class ExportCommandTests
{
    private static string Models => Path.Combine(SharedData.RepositoryRoot, "models");

    private static (CliResult Result, ListEventStore Store, List<string> Opened) Export(CliSandbox sandbox, params string[] args)
    {
        var store = ListEventStore.Sample();
        var opened = new List<string>();
        var command = ExportCommand.Create(path =>
        {
            opened.Add(path);
            return store;
        });
        return (CliSandbox.Run(new RootCommand { command }, ["export", .. args]), store, opened);
    }

    [Fact]
    public void Exports_csv_to_a_file_and_reports_the_count()
    {
        using var sandbox = new CliSandbox();
        var storePath = sandbox.Write("dyad.duckdb", "");
        var output = sandbox.PathOf("events.csv");
        var (result, store, opened) = Export(sandbox, "--store", storePath, "--format", "csv", "--out", output);
        result.ExitCode.ShouldBe(0, result.Error);
        opened.ShouldBe([storePath]);
        store.Disposed.ShouldBeTrue();
        File.ReadLines(output).First().ShouldBe(string.Join(',', FlatColumns.Stored.Select(c => c.Name)));
        File.Exists(output + ".partial").ShouldBeFalse();
        result.Error.ShouldContain($"exported 4 events as csv to {output}");
    }

    [Fact]
    public void Exports_jsonl_to_stdout_without_out()
    {
        using var sandbox = new CliSandbox();
        var (result, _, _) = Export(sandbox, "--store", sandbox.Write("s.duckdb", ""), "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Error);
        result.OutputLines.Length.ShouldBe(4);
        result.OutputLines.Select(l => CodedEventJsonlWriter.Parse(l).Code).ShouldBe(["0214", "111", "073", "010"]);
    }

    [Fact]
    public void Plover_export_reports_the_events_it_drops()
    {
        using var sandbox = new CliSandbox();
        var (result, _, _) = Export(sandbox, "--store", sandbox.Write("s.duckdb", ""), "--format", "plover", "-o", sandbox.PathOf("p.jsonl"));
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain("exported 2 events as plover");
        result.Error.ShouldContain("skipped 2 events");
    }

    [Fact]
    public void Gdelt_mentions_export_counts_mentions()
    {
        using var sandbox = new CliSandbox();
        var output = sandbox.PathOf("mentions.tsv");
        var (result, _, _) = Export(sandbox, "--store", sandbox.Write("s.duckdb", ""), "--format", "gdelt-mentions", "--out", output);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain("exported 6 mentions");
        File.ReadAllLines(output).ShouldAllBe(l => l.Split('\t').Length == 16);
    }

    [Fact]
    public void Parquet_needs_an_output_file()
    {
        using var sandbox = new CliSandbox();
        var (result, _, opened) = Export(sandbox, "--store", sandbox.Write("s.duckdb", ""), "--format", "parquet");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("--out FILE");
        opened.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_store_is_an_error_naming_it()
    {
        using var sandbox = new CliSandbox();
        var missing = sandbox.PathOf("nowhere.duckdb");
        var (result, _, opened) = Export(sandbox, "--store", missing, "--format", "csv");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"store {missing} not found");
        opened.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        using var sandbox = new CliSandbox();
        var (result, _, _) = Export(sandbox, "--store", sandbox.Write("s.duckdb", ""), "--format", "xml");
        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("xml");
    }

    [Fact]
    public void The_shipped_command_says_when_no_store_is_built_in_and_leaves_no_file()
    {
        using var sandbox = new CliSandbox();
        var output = sandbox.PathOf("events.csv");
        var result = CliSandbox.Run(new RootCommand { ExportCommand.Create() }, "export", "--store", sandbox.Write("s.duckdb", ""), "--format", "csv", "--out", output);
        if (result.ExitCode == 0) return; // a build with a store: opening an empty file is that store's business
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("dyad: ");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Code_writes_tsv_with_a_header_and_the_coded_fields()
    {
        var lines = Code("tsv");
        lines[0].Split('\t').ShouldBe(FlatColumns.Coded.Select(c => c.Name));
        var row = lines.ShouldHaveSingleItem(1, 1)[0].Split('\t');
        row.Length.ShouldBe(FlatColumns.Coded.Count);
        (row[1], row[3], row[4], row[5], row[6]).ShouldBe(("in", "2021-03-04", "CHN", "USA", "111"));
    }

    [Fact]
    public void Code_output_writes_each_sentence_event_as_a_gdelt_row_and_a_plover_line()
    {
        var document = new Document("in", new DateOnly(2021, 3, 4), "China criticized the United States.") { Url = "https://example.org/in" };
        var criticism = EventIds.WithId(new CodedEvent
        {
            DocId = "in", Date = "2021-03-03", Source = "CHN", Target = "USA", SourceText = "China", TargetText = "the United States",
            VerbText = "criticized", Sentence = document.Text, CharStart = 0, CharEnd = document.Text.Length,
        }.WithEventType(EventOntology.Load().Lookup("111")!));

        var gdelt = new StringWriter();
        var gdeltOutput = new CodedEventOutput("gdelt", gdelt);
        gdeltOutput.Write(document, [criticism]);
        gdeltOutput.Write(document, [criticism with { SentenceIndex = 1 }]);
        var rows = gdelt.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToArray();
        rows.Length.ShouldBe(2);
        rows.ShouldAllBe(r => r.Length == 61);
        (rows[0][0], rows[1][0]).ShouldBe(("1", "2"));
        (rows[0][1], rows[0][5], rows[0][15], rows[0][26], rows[0][59], rows[0][60]).ShouldBe(("20210303", "CHN", "USA", "111", "20210304000000", "https://example.org/in"));
        (rows[0][31], rows[0][32], rows[0][33]).ShouldBe(("1", "1", "1"));

        var plover = new StringWriter();
        new CodedEventOutput("plover", plover).Write(document, [criticism]);
        var line = JsonDocument.Parse(plover.ToString()).RootElement;
        line.GetProperty("event")[0].GetString().ShouldBe(criticism.Plover);
        line.GetProperty("actor")[0].GetProperty("code").GetString().ShouldBe("CHN");
        line.GetProperty("first_seen").GetString().ShouldBe("2021-03-04");
    }

    private static string[] Code(string format)
    {
        using var sandbox = new CliSandbox();
        var input = sandbox.Write("in.txt", "date 2021-03-04\nChina criticized the United States.\n");
        var output = sandbox.PathOf("events.out");
        var result = CliSandbox.Run(new RootCommand { CodeCommand.Create() }, "code", input, "--format", format, "--out", output, "--models", Models, "--no-progress");
        result.ExitCode.ShouldBe(0, result.Error);
        return File.ReadAllLines(output);
    }
}

internal static class LineAssertions
{
    /// <summary>The lines after <paramref name="skip"/> header lines, asserting there are exactly <paramref name="count"/>.</summary>
    public static string[] ShouldHaveSingleItem(this string[] lines, int skip, int count)
    {
        lines.Length.ShouldBe(skip + count, string.Join('\n', lines));
        return lines[skip..];
    }
}
