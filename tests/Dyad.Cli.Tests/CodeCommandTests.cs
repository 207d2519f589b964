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
            // A tweet's author is named on the attribution line, so an event it is the source of has no source text.
            if (e.SourceText != null) e.Sentence.ShouldContain(e.SourceText);
            else e.Rule!.ShouldContain("tweet author");
            e.Sentence.ShouldContain(e.TargetText!);
            e.EventId.ShouldBe(EventIds.Compute(e.DocId, e.SentenceIndex, e.CharStart, e.CharEnd, e.Code, e.Source, e.Target));
        }
        var lead = CodedEventJsonlWriter.Parse(result.OutputLines[0]);
        (lead.Source, lead.Target, lead.Root, lead.VerbText).ShouldBe(("USAGOV", "KAZ", "02", "urged"));
    }

    /// <summary>Issue 6 "Done when": the example article's required events, each from the sentence that reports it.</summary>
    [Fact]
    public void Codes_the_example_articles_appeal_meeting_praise_criticism_denial_and_declined_comment()
    {
        var result = CliSandbox.Run(new RootCommand { CodeCommand.Create() }, "code", CliSandbox.Example("pompeo-kazakhstan.txt"),
            "--models", Models, "--ner-model", Path.Combine(Models, "en.ner.bin"), "--no-progress", "--explain");
        result.ExitCode.ShouldBe(0, result.Error);
        var events = result.OutputLines.Select(CodedEventJsonlWriter.Parse).ToList();
        events.ShouldAllBe(e => e.Date == "2020-02-02" && e.Explain != null && e.Explain.Count > 0);

        CodedEvent Find(string what, Func<CodedEvent, bool> test) =>
            events.FirstOrDefault(test) ?? throw new ShouldAssertException($"no {what} among:\n" + string.Join('\n', events.Select(e => $"{e.Source} {e.Code} {e.Target} {e.VerbText}")));

        var appeal = Find("US appeal to Kazakhstan", e => e.Root == "02" && e.Source!.StartsWith("USA") && e.Target!.StartsWith("KAZ"));
        appeal.Sentence.ShouldContain("urged Kazakhstan to join");
        var meeting = Find("US-Kazakhstan meeting", e => e.Root == "04" && e.Source!.StartsWith("USA") && e.Target!.StartsWith("KAZ"));
        meeting.Sentence.ShouldContain("Tokayev");
        var praise = Find("US praise of Kazakhstan", e => e.Code == "051" && e.Source!.StartsWith("USA") && e.Target!.StartsWith("KAZ"));
        praise.Sentence.ShouldContain("praised Kazakhstan");
        var criticism = Find("Chinese criticism of the US", e => e.Code == "111" && e.Source!.StartsWith("CHN") && e.Target!.StartsWith("USA"));
        criticism.Sentence.ShouldContain("criticized the United States");
        var denial = Find("Chinese denial", e => e.Code == "016" && e.Source!.StartsWith("CHN"));
        denial.VerbText.ShouldBe("denied");
        var declined = Find("Kazakh decline to comment", e => e.Code == "011" && e.Source!.StartsWith("KAZ"));
        declined.Sentence.ShouldContain("declined to comment");
        // The tweet's attribution line ("— Secretary Pompeo (@SecPompeo) February 2, 2020") codes nothing.
        events.ShouldAllBe(e => !e.Sentence.Contains("(@SecPompeo)"));
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
