using System.CommandLine;
using System.Text.Json;
using Dyad.Cli.Commands;
using Dyad.Coding;
using Dyad.Tests;

namespace Dyad.Cli.Tests;

public class CodeCommandTests
{
    private static readonly string[] FieldNames =
    [
        "event_id", "doc_id", "sentence_index", "date", "source", "target", "code", "root", "quad", "goldstein", "plover",
        "source_name", "target_name", "source_text", "target_text", "verb_text", "sentence", "char_start", "char_end",
        "location", "negated", "confidence", "rule",
    ];

    private static string Models => Path.Combine(SharedData.RepositoryRoot, "models");

    [Fact]
    public void Codes_the_example_into_jsonl_with_the_documented_fields()
    {
        var example = CliSandbox.Example("pompeo-kazakhstan.txt");
        var result = CliSandbox.Run(new RootCommand { CodeCommand.Create() }, "code", example, "--models", Models,
            "--ner-model", Path.Combine(Models, "en.ner.bin"), "--no-progress");
        result.ExitCode.ShouldBe(0, result.Error);
        var text = File.ReadAllText(example);
        result.OutputLines.ShouldNotBeEmpty();
        foreach (var line in result.OutputLines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(FieldNames);
            var e = CodedEventJsonlWriter.Parse(line);
            e.DocId.ShouldBe("pompeo-kazakhstan");
            e.Date.ShouldBe("2020-02-02");
            // Offsets are into the document's body text (the file minus its date header): check the span, not the file position.
            text.ShouldContain(e.Sentence);
            (e.CharEnd - e.CharStart).ShouldBe(e.Sentence.Length);
            e.Sentence.ShouldContain(e.VerbText!);
            e.Sentence.ShouldContain(e.SourceText!);
            e.Sentence.ShouldContain(e.TargetText!);
            e.EventId.ShouldBe(EventIds.Compute(e.DocId, e.SentenceIndex, e.CharStart, e.CharEnd, e.Code, e.Source, e.Target));
        }
        var lead = CodedEventJsonlWriter.Parse(result.OutputLines[0]);
        (lead.Source, lead.Target, lead.Root, lead.VerbText).ShouldBe(("USAGOV", "KAZ", "02", "urged"));
    }

    [Fact]
    public void Writes_to_a_file_with_output()
    {
        using var sandbox = new CliSandbox();
        var input = sandbox.Write("in.txt", "date 2021-03-04\nChina criticized the United States.\n");
        var output = sandbox.PathOf("events.jsonl");
        var result = CliSandbox.Run(new RootCommand { CodeCommand.Create() }, "code", input, "-o", output, "--models", Models, "--no-progress");
        result.ExitCode.ShouldBe(0, result.Error);
        var e = CodedEventJsonlWriter.Parse(File.ReadAllLines(output).ShouldHaveSingleItem());
        (e.Source, e.Target, e.Code, e.Date).ShouldBe(("CHN", "USA", "111", "2021-03-04"));
    }

    [Fact]
    public void Output_is_the_same_and_in_input_order_with_several_threads()
    {
        using var sandbox = new CliSandbox();
        // Documents of different lengths, so workers finish out of order.
        var lines = new List<string>();
        string[] countries = ["China", "Russia", "Japan", "France", "Kenya", "Brazil"];
        for (int d = 0; d < 30; d++)
        {
            var a = countries[d % countries.Length];
            var b = countries[(d + 1) % countries.Length];
            var text = string.Concat(Enumerable.Repeat($"{a} criticized {b}. Officials met in the capital on Monday. ", 1 + d % 7));
            lines.Add(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"doc-{d:D2}", ["date"] = "2021-03-04", ["text"] = text }));
        }
        var input = sandbox.Write("in.jsonl", string.Join('\n', lines) + "\n");
        CliResult Code(string threads) => CliSandbox.Run(new RootCommand { CodeCommand.Create() }, "code", input, "--models", Models,
            "--no-progress", "--threads", threads);
        var one = Code("1");
        var three = Code("3");
        one.ExitCode.ShouldBe(0, one.Error);
        three.ExitCode.ShouldBe(0, three.Error);
        three.OutputLines.ShouldBe(one.OutputLines);
        var docs = one.OutputLines.Select(l => CodedEventJsonlWriter.Parse(l).DocId).Distinct().ToList();
        docs.Count.ShouldBe(30);
        docs.ShouldBe(docs.Order(StringComparer.Ordinal).ToList());
        three.Error.ShouldContain("read 30 documents");
    }

    [Fact]
    public void Rejects_a_thread_count_below_one()
    {
        var result = CliSandbox.Run(new RootCommand { CodeCommand.Create() }, "code", CliSandbox.Example("pompeo-kazakhstan.txt"),
            "--models", Models, "--threads", "0");
        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("--threads");
    }
}
