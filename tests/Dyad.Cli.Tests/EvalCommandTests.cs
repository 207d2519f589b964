using System.CommandLine;

namespace Dyad.Cli.Tests;

public class EvalCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void EvalTextScoresATreebank()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyad-eval-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path,
            "# newdoc id = d\n# sent_id = 1\n# text = Rain fell.\n1\tRain\t_\t_\t_\t_\t_\t_\t_\t_\n2\tfell\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
            "# sent_id = 2\n# text = It's over.\n1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIt\t_\t_\t_\t_\t_\t_\t_\t_\n2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n3\tover\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
        try
        {
            var (exit, output, error) = Run("eval", "text", "--treebank", path);
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("words:     P 100.00  R 100.00  F1 100.00  (gold 7, predicted 7, correct 7)");
            output.ShouldContain("sentences: P 100.00  R 100.00  F1 100.00  (gold 2, predicted 2, correct 2)");
            output.ShouldContain("tokens/s");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EvalTextReportsAMissingTreebank()
    {
        var (exit, _, error) = Run("eval", "text", "--treebank", "/nonexistent/file.conllu");
        exit.ShouldBe(2);
        error.ShouldContain("/nonexistent/file.conllu");
    }

    [Fact]
    public void EvalListsTextSubcommand()
    {
        var (exit, output, _) = Run("eval", "--help");
        exit.ShouldBe(0);
        output.ShouldContain("text");
    }
}
