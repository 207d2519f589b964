namespace Dyad.Cli.Tests;

public class VersionCommandTests
{
    [Fact]
    public void HelpListsTheVersionCommand()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Program.Main(new[] { "--help" }).ShouldBe(0);
        }
        finally
        {
            Console.SetOut(original);
        }
        output.ToString().ShouldContain("version");
    }
}
