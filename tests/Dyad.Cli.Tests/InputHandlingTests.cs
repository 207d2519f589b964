using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dyad.Cli.Input;

namespace Dyad.Cli.Tests;

/// <summary>
/// The shared input options and batch driver, exercised through a minimal command that lists what it read,
/// so these tests do not depend on any later pipeline stage.
/// </summary>
public class InputHandlingTests
{
    private static RootCommand ListCommand(Func<Stream>? stdin = null)
    {
        var inputs = new InputOptions();
        var list = new Command("list", "Prints id and date of each document read.");
        inputs.AddTo(list);
        list.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var settings = inputs.Bind(result, error, stdin);
            if (settings is null) return 1;
            return InputBatch.Run(settings, error, d => output.WriteLine($"{d.Id} {d.Date:yyyy-MM-dd}"));
        });
        var root = new RootCommand();
        root.Subcommands.Add(list);
        return root;
    }

    [Fact]
    public void ACleanRunExitsZeroWithASummaryOnStderr()
    {
        var result = CliSandbox.Run(ListCommand(), "list", CliSandbox.Example("wires.jsonl"), CliSandbox.Example("pompeo-kazakhstan.txt"));
        result.ExitCode.ShouldBe(0);
        result.OutputLines.ShouldBe(["wire-0001 2022-05-10", "wire-0002 2022-05-11", "wires#3 2022-05-12", "pompeo-kazakhstan 2020-02-02"]);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("dyad: read 4 documents, skipped 0 in ");
    }

    [Fact]
    public void SkippedRecordsAreReportedCountedWrittenToRejectsAndExitWithThree()
    {
        using var sandbox = new CliSandbox();
        var rejects = sandbox.PathOf("rejects.jsonl");
        var result = CliSandbox.Run(ListCommand(), "list", CliSandbox.Example("bad"), "--rejects", rejects);

        result.ExitCode.ShouldBe(InputBatch.SkippedExitCode);
        result.OutputLines.ShouldBe(["ok-1 2020-03-01", "ok-6 2020-03-06"]);
        var errors = result.ErrorLines;
        errors.ShouldContain(l => l.Contains("mixed-records.jsonl line 2: malformed: broken JSON"));
        errors.ShouldContain(l => l.Contains("mixed-records.jsonl line 3: invalid-date:") && l.Contains("2020-02-30"));
        errors.ShouldContain(l => l.Contains("picture.txt: binary:"));
        errors.ShouldContain(l => l.Contains("latin1.txt line 1: invalid-utf8"));
        errors.ShouldContain(l => l.Contains("undated.txt line 1: missing-date"));
        errors[^1].ShouldStartWith("dyad: read 2 documents, skipped 8 (binary 1, empty-text 1, invalid-date 2, invalid-utf8 1, malformed 1, missing-date 2) in ");

        var lines = File.ReadAllLines(rejects);
        lines.Length.ShouldBe(8);
        using var first = JsonDocument.Parse(lines.Single(l => l.Contains("impossible-date.txt")));
        var root = first.RootElement;
        root.GetProperty("reason").GetString().ShouldBe("invalid-date");
        root.GetProperty("line").GetInt64().ShouldBe(1);
        root.GetProperty("record").GetInt64().ShouldBe(1);
        root.GetProperty("message").GetString()!.ShouldContain("2020-02-30");
        root.GetProperty("raw").GetString()!.ShouldStartWith(" date 2020-02-30 Officials in Astana");
        using var binary = JsonDocument.Parse(lines.Single(l => l.Contains("picture.txt")));
        binary.RootElement.GetProperty("raw").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void TheDateOptionDatesPlainTextAndABadDateIsAUsageError()
    {
        var ok = CliSandbox.Run(ListCommand(), "list", "--date", "2019-05-06", CliSandbox.Example("plain-ceasefire.txt"));
        ok.ExitCode.ShouldBe(0);
        ok.OutputLines.ShouldBe(["plain-ceasefire 2019-05-06"]);

        var bad = CliSandbox.Run(ListCommand(), "list", "--date", "2019-02-30", CliSandbox.Example("plain-ceasefire.txt"));
        bad.ExitCode.ShouldNotBe(0);
        bad.Error.ShouldContain("impossible date");
        bad.Output.ShouldNotContain("plain-ceasefire 2019");
    }

    [Fact]
    public void FieldMappingsAndFormatOptionsReachTheReaders()
    {
        using var sandbox = new CliSandbox();
        var path = sandbox.Write("records.txt", """{"key": "k1", "when": "20210102", "body": "Talks."}""" + "\n");
        var result = CliSandbox.Run(ListCommand(), "list", path, "--input-format", "jsonl", "--id-field", "key", "--date-field", "when", "--text-field", "body");
        result.ExitCode.ShouldBe(0);
        result.OutputLines.ShouldBe(["k1 2021-01-02"]);
    }

    [Fact]
    public void MaxDocBytesSkipsLargerRecords()
    {
        using var sandbox = new CliSandbox();
        var path = sandbox.Write("r.jsonl", $$"""{"date": "2021-01-01", "text": "{{new string('a', 300)}}"}""" + "\n" + """{"date": "2021-01-01", "text": "Short."}""" + "\n");
        var result = CliSandbox.Run(ListCommand(), "list", path, "--max-doc-bytes", "200");
        result.ExitCode.ShouldBe(3);
        result.OutputLines.ShouldBe(["r#2 2021-01-01"]);
        result.Error.ShouldContain("r.jsonl line 1: too-large");

        CliSandbox.Run(ListCommand(), "list", path, "--max-doc-bytes", "0").ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public void ReadsStdinForDashAndWhenNoInputIsNamed()
    {
        Stream Stdin() => new MemoryStream(Encoding.UTF8.GetBytes(" date 2020-02-02 From a pipe."));
        CliSandbox.Run(ListCommand(Stdin), "list", "-").OutputLines.ShouldBe(["stdin 2020-02-02"]);
        CliSandbox.Run(ListCommand(Stdin), "list").OutputLines.ShouldBe(["stdin 2020-02-02"]);
    }

    [Fact]
    public void AMissingInputIsSkippedAndTheOthersAreRead()
    {
        using var sandbox = new CliSandbox();
        var result = CliSandbox.Run(ListCommand(), "list", sandbox.PathOf("nope.txt"), CliSandbox.Example("multi-record.txt"));
        result.ExitCode.ShouldBe(3);
        result.OutputLines.Length.ShouldBe(2);
        result.Error.ShouldContain("nope.txt: unreadable: no such file or directory");
    }
}
