using System.Text.Json;
using Dyad.Tests;

namespace Dyad.Cli.Tests;

/// <summary>End-to-end runs of <c>dyad eval events</c> and <c>dyad eval petrarch</c> on tiny files with the committed models.</summary>
public class EvalEventsCommandTests
{
    private static string Models => Path.Combine(SharedData.RepositoryRoot, "models");

    private static CliResult Eval(params string[] args) =>
        CliSandbox.Run(Program.BuildRoot(), [.. args, "--models", Models, "--ner-model", Path.Combine(Models, "en.ner.bin")]);

    [Fact]
    public void Events_scores_a_tiny_gold_file_and_writes_a_diff_line_per_text()
    {
        using var sandbox = new CliSandbox();
        var gold = sandbox.Write("gold.jsonl",
            """{"id":"urge","date":"2020-02-02","text":"The United States urged Kazakhstan to join the talks.","events":[{"source":"USA","target":"KAZ","code":"020"}]}""" + "\n" +
            """{"id":"rain","date":"2021-05-01","text":"Heavy rain fell across the region on Sunday.","events":[]}""" + "\n" +
            """{"id":"broken","date":"2021-05-01","text":"No events array."}""" + "\n");
        var diff = sandbox.PathOf("diff.jsonl");
        var result = Eval("eval", "events", "--gold", gold, "--diff", diff);
        result.ExitCode.ShouldBe(3, result.Error); // the malformed line was skipped
        result.Error.ShouldContain("gold.jsonl:3: record broken");
        result.Output.ShouldContain("2 texts, 1 events, 1 malformed line(s) skipped");
        result.Output.ShouldContain("(a) root + countries: ");
        result.Output.ShouldContain("(b) full codes: ");
        result.Output.ShouldContain("(c) has an event: ");

        var lines = File.ReadAllLines(diff);
        lines.Length.ShouldBe(2);
        using var urge = JsonDocument.Parse(lines[0]);
        var root = urge.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        names.Take(8).ShouldBe(["id", "text", "exact", "expected", "got", "missing", "extra", "mismatches"]);
        // Likely causes are listed only for a text not coded exactly.
        names.Contains("causes").ShouldBe(!root.GetProperty("exact").GetBoolean());
        root.GetProperty("id").GetString().ShouldBe("urge");
        // The appeal's source and target are not in doubt; whatever the coder's code, the coarse level sees a 02 event.
        var got = root.GetProperty("got").EnumerateArray().ToList();
        got.ShouldContain(e => e.GetProperty("source").GetString() == "USA" && e.GetProperty("target").GetString() == "KAZ");
        var exact = root.GetProperty("exact").GetBoolean();
        exact.ShouldBe(root.GetProperty("missing").GetArrayLength() == 0 && root.GetProperty("extra").GetArrayLength() == 0);
        using var rain = JsonDocument.Parse(lines[1]);
        rain.RootElement.GetProperty("expected").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Events_reports_a_missing_gold_file()
    {
        var result = CliSandbox.Run(Program.BuildRoot(), "eval", "events", "--gold", "/nonexistent/gold.jsonl");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("/nonexistent/gold.jsonl");
    }

    [Fact]
    public void Petrarch_codes_records_with_the_folder_dictionaries_not_the_shipped_ones()
    {
        using var sandbox = new CliSandbox();
        // A made-up world: the shipped dictionaries know neither actor, so every event must come from these files.
        sandbox.Write("petrarch/PETR.Validate.actors.txt", "ZORBLAND [ZRB]\nQUUXIA [QUX]\n");
        sandbox.Write("petrarch/PETR.Validate.agents.txt", "PRESIDENT [~GOV]\n");
        sandbox.Write("petrarch/PETR.Validate.discards.txt", "+BASEBALL\n");
        sandbox.Write("petrarch/PETR.Validate.verbs.txt", "--- CRITICIZE [111] ---\nCRITICIZE\n\n--- PRAISE [051] ---\nPRAISE\n\n--- RESTORE [064] ---\nRESTORE\n");
        sandbox.Write("petrarch/PETR.UnitTest.records.xml", """
            <Validation><Sentences>
            <Sentence date="20200101" id="T-1" category="VERB" sentence="true">
            <EventCoding sourcecode="ZRB" targetcode="QUX" eventcode="111"></EventCoding>
            <Text>Zorbland criticized Quuxia on Monday.</Text>
            </Sentence>
            <Sentence date="20200101" id="T-2" category="VERB" sentence="true">
            <EventCoding noevents="True"></EventCoding>
            <Text>The weather was mild on Monday.</Text>
            </Sentence>
            <Sentence date="20200101" id="T-3" category="VERB" sentence="false">
            <EventCoding sourcecode="QUX" targetcode="ZRB" eventcode="051"></EventCoding>
            <Text>Quuxia praised Zorbland.</Text>
            </Sentence>
            <Sentence date="20200101" id="T-4" category="MODAL" sentence="true">
            <EventCoding sourcecode="ZRB" targetcode="QUX" eventcode="111"></EventCoding>
            <Text>Zorbland will criticize Quuxia on Monday.</Text>
            </Sentence>
            <Sentence date="20200101" id="T-5" category="PP" sentence="true">
            <EventCoding sourcecode="ZRB" targetcode="QUX" eventcode="064"></EventCoding>
            <Text>Zorbland restored ties with Quuxia on Monday.</Text>
            </Sentence>
            </Sentences></Validation>
            """);
        var diff = sandbox.PathOf("diff.jsonl");
        var result = Eval("eval", "petrarch", "--dir", sandbox.PathOf("petrarch"), "--diff", diff, "--explain");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("5 records, 4 evaluated, 1 flagged sentence=\"false\" left out");
        result.Output.ShouldContain("by category (exact/records): MODAL ");
        result.Output.ShouldContain(", VERB 2/2");
        var lines = File.ReadAllLines(diff);
        lines.Length.ShouldBe(4);
        // The coder drops modal verbs and reads a prepositional target only when there is no object; whichever way
        // it goes, each inexact record names its likely cause.
        foreach (var line in lines[2..])
        {
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.GetProperty("exact").GetBoolean()) continue;
            var causes = record.RootElement.GetProperty("causes").EnumerateArray().Select(c => c.GetString()).ToList();
            causes.ShouldContain(record.RootElement.GetProperty("id").GetString() == "T-4" ? "modal" : "target_in_modifier");
        }
        lines[0].ShouldContain("\"got\":[{\"source\":\"ZRB\",\"target\":\"QUX\",\"code\":\"111\"");
        // --explain: the parse lines name the actors the folder's dictionary gave each head and whether the verb is known.
        using var first = JsonDocument.Parse(lines[0]);
        var parse = first.RootElement.GetProperty("parse").EnumerateArray().Select(p => p.GetString()!).ToList();
        parse.ShouldContain(p => p.StartsWith("0.1 Zorbland ") && p.EndsWith(" actor=ZRB (dictionary)"));
        parse.ShouldContain(p => p.StartsWith("0.2 criticized VERB criticize ") && p.EndsWith(" verb=known"));
    }

    [Fact]
    public void Petrarch_reports_a_folder_without_the_records()
    {
        using var sandbox = new CliSandbox();
        Directory.CreateDirectory(sandbox.PathOf("empty"));
        var result = CliSandbox.Run(Program.BuildRoot(), "eval", "petrarch", "--dir", sandbox.PathOf("empty"));
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("PETR.UnitTest.records.xml not found");
    }

    [SkippableFact]
    public void Petrarch_runs_the_shared_unit_test_records()
    {
        var dir = SharedData.Require("conformance/petrarch2-unittest");
        var result = Eval("eval", "petrarch", "--dir", dir);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("284 records, 279 evaluated");
        result.Output.ShouldContain("(gold 352, predicted");
    }
}
