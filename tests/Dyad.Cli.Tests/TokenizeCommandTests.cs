using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dyad.Cli.Commands;
using Dyad.Text.Conllu;
using Dyad.Text.Readers;

namespace Dyad.Cli.Tests;

public class TokenizeCommandTests
{
    private static string DocumentText(string path) =>
        new CorpusReader(new ReaderOptions()).Read([path]).Single().Document!.Text;

    [Fact]
    public void WritesSentencesWithOffsetsThatPointIntoTheDocumentText()
    {
        var path = CliSandbox.Example("pompeo-kazakhstan.txt");
        var text = DocumentText(path);
        var result = CliSandbox.Run(Program.BuildRoot(), "tokenize", path);

        result.ExitCode.ShouldBe(0);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("dyad: read 1 document, skipped 0");
        var lines = result.OutputLines;
        lines.Length.ShouldBeGreaterThan(5);
        bool sawTweet = false;
        for (int i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var s = json.RootElement;
            s.GetProperty("doc").GetString().ShouldBe("pompeo-kazakhstan");
            s.GetProperty("date").GetString().ShouldBe("2020-02-02");
            s.GetProperty("sentence").GetInt32().ShouldBe(i);
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            s.GetProperty("text").GetString().ShouldBe(text[start..end]);
            foreach (var token in s.GetProperty("tokens").EnumerateArray())
            {
                int ts = token.GetProperty("start").GetInt32(), te = token.GetProperty("end").GetInt32();
                ts.ShouldBeGreaterThanOrEqualTo(start);
                te.ShouldBeLessThanOrEqualTo(end);
                token.GetProperty("text").GetString().ShouldBe(text[ts..te]);
            }
            if (s.TryGetProperty("tweet", out var tweet))
            {
                sawTweet = true;
                tweet.GetProperty("handle").GetString().ShouldBe("@SecPompeo");
                tweet.GetProperty("date").GetString().ShouldBe("2020-02-02");
            }
        }
        sawTweet.ShouldBeTrue();
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("text").GetString()!.ShouldStartWith("United States Secretary of State Mike Pompeo");
    }

    [Fact]
    public void WritesConlluThatReadsBackWithTheSameTokens()
    {
        var path = CliSandbox.Example("multi-record.txt");
        var jsonl = CliSandbox.Run(Program.BuildRoot(), "tokenize", path);
        var conllu = CliSandbox.Run(Program.BuildRoot(), "tokenize", path, "--format", "conllu");
        conllu.ExitCode.ShouldBe(0);

        var sentences = ConlluReader.Read(new StringReader(conllu.Output)).ToList();
        sentences.Count.ShouldBe(jsonl.OutputLines.Length);
        sentences[0].NewDocumentId.ShouldBe("multi-record#1");
        sentences[0].SentenceId.ShouldBe("multi-record#1-1");
        sentences.Count(s => s.NewDocumentId is not null).ShouldBe(2);
        for (int i = 0; i < sentences.Count; i++)
        {
            using var json = JsonDocument.Parse(jsonl.OutputLines[i]);
            var forms = json.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("text").GetString()).ToArray();
            sentences[i].Words.Select(w => w.Form).ShouldBe(forms);
            sentences[i].Text.ShouldBe(json.RootElement.GetProperty("text").GetString()!.ReplaceLineEndings(" "));
        }
        sentences[0].Words[^2].SpaceAfter.ShouldBeFalse(); // "border" is followed directly by "."
    }

    [Fact]
    public void OutputOptionWritesAFile()
    {
        using var sandbox = new CliSandbox();
        var output = sandbox.PathOf("out.jsonl");
        var result = CliSandbox.Run(Program.BuildRoot(), "tokenize", CliSandbox.Example("wires.jsonl"), "-o", output);
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldBeEmpty();
        var docs = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).Distinct();
        docs.ShouldBe(["wire-0001", "wire-0002", "wires#3"]);
    }

    [Fact]
    public void BadInputIsSkippedTheRestTokenizedAndTheExitStatusIsThree()
    {
        using var sandbox = new CliSandbox();
        var rejects = sandbox.PathOf("rejects.jsonl");
        var result = CliSandbox.Run(Program.BuildRoot(), "tokenize", CliSandbox.Example("bad"), "--rejects", rejects);
        result.ExitCode.ShouldBe(3);
        result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).Distinct().ShouldBe(["ok-1", "ok-6"]);
        result.ErrorLines.Count(l => l.StartsWith("dyad: skipped ")).ShouldBe(8);
        File.ReadAllLines(rejects).Length.ShouldBe(8);
    }

    [Fact]
    public void TokenizesStdinAndGzipInput()
    {
        var root = new RootCommand();
        root.Subcommands.Add(TokenizeCommand.Create(() => new MemoryStream(Encoding.UTF8.GetBytes("date 2021-01-01 Talks resumed. Both sides agreed."))));
        var piped = CliSandbox.Run(root, "tokenize", "-");
        piped.ExitCode.ShouldBe(0);
        piped.OutputLines.Length.ShouldBe(2);
        piped.OutputLines[1].ShouldContain("\"text\":\"Both sides agreed.\"");

        var gz = CliSandbox.Run(Program.BuildRoot(), "tokenize", CliSandbox.Example("archive-wires.jsonl.gz"));
        gz.ExitCode.ShouldBe(0);
        gz.OutputLines.ShouldAllBe(l => l.Contains("\"doc\":\"archive-01"));
    }

    [Fact]
    public void AnUnknownOutputFormatIsAUsageError()
    {
        var result = CliSandbox.Run(Program.BuildRoot(), "tokenize", CliSandbox.Example("wires.jsonl"), "--format", "xml");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("xml");
        result.Output.ShouldNotContain("\"doc\"");
    }
}
