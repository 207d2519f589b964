using System.CommandLine;
using Dyad.Tests;

namespace Dyad.Cli.Tests;

public class NerCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-ner-").FullName;
    private static string Model => Path.Combine(SharedData.RepositoryRoot, "models", "en.ner.bin");

    private const string Gold =
        "# sent_id = t-1\n# text = Prime Minister Lena Halvorsen visited Nairobi .\n" +
        "1\tPrime\tO\n2\tMinister\tO\n3\tLena\tB-PER\t-\tx\n4\tHalvorsen\tI-PER\t-\tx\n5\tvisited\tO\n6\tNairobi\tB-LOC\t-\tx\n7\t.\tO\n\n" +
        "# sent_id = t-2\n1\tThe\tO\n2\tWorld\tB-ORG\t-\tx\n3\tBank\tI-ORG\t-\tx\n4\tagreed\tO\n5\t.\tO\n\n";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void NerTagsAnIob2FileKeepingItsOtherColumns()
    {
        var input = Write("in.iob2", Gold.Replace("B-PER", "O").Replace("I-PER", "O"));
        var (code, output, error) = Run("ner", input, "--input-format", "iob2", "--format", "iob2", "--model", Model);
        error.ShouldBeEmpty();
        code.ShouldBe(0);
        var lines = output.Split('\n');
        lines[0].ShouldBe("# sent_id = t-1");
        lines[4].ShouldBe("3\tLena\tB-PER\t-\tx");
        lines[5].ShouldBe("4\tHalvorsen\tI-PER\t-\tx");
        lines[7].ShouldBe("6\tNairobi\tB-LOC\t-\tx");
        lines.Count(l => l.Length > 0 && !l.StartsWith('#')).ShouldBe(12);
    }

    [Fact]
    public void EvalNerScoresASystemFileAgainstGold()
    {
        var gold = Write("gold.iob2", Gold);
        var system = Write("system.iob2", Gold.Replace("2\tWorld\tB-ORG", "2\tWorld\tB-LOC"));
        var (code, output, _) = Run("eval", "ner", "--gold", gold, "--system", system);
        code.ShouldBe(0);
        // "B-LOC I-ORG" reads as two spans (an I- tag of another type opens a span, as in conlleval).
        Row(output, "overall").ShouldBe(["3", "4", "2", "50.00", "66.67", "57.14"]);
        Row(output, "PER").ShouldBe(["1", "1", "1", "100.00", "100.00", "100.00"]);
        Row(output, "ORG").ShouldBe(["1", "1", "0", "0.00", "0.00", "0.00"]);
        Row(output, "LOC").ShouldBe(["1", "2", "1", "50.00", "100.00", "66.67"]);
    }

    [Fact]
    public void EvalNerRunsTheModelWhenNoSystemFileIsGiven()
    {
        var gold = Write("gold.iob2", Gold);
        var (code, output, _) = Run("eval", "ner", "--gold", gold, "--model", Model);
        code.ShouldBe(0);
        output.ShouldContain("2 sentences, 12 tokens");
        Row(output, "overall")[0].ShouldBe("3");
    }

    /// <summary>The figures of one row of the score table.</summary>
    private static string[] Row(string output, string name) =>
        output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(f => f.Length > 0 && f[0] == name)[1..];

    [Fact]
    public void BadInputNamesTheFileAndLine()
    {
        var bad = Write("bad.iob2", "1\tHello\tO\n2\tthere\tB_PER\n");
        var (code, _, error) = Run("ner", bad, "--model", Model);
        code.ShouldBe(2);
        error.ShouldContain("bad.iob2:2");
    }

    [Fact]
    public void MissingModelIsAClearError()
    {
        var input = Write("in.iob2", Gold);
        var (code, _, error) = Run("ner", input, "--model", Path.Combine(_folder, "none.bin"));
        code.ShouldBe(2);
        error.ShouldContain("none.bin does not exist");
    }
}
