using Dyad.Cli.Commands;
using Dyad.Tests;

namespace Dyad.Cli.Tests;

public class LexiconCommandTests
{
    [Fact]
    public void LookupPrintsCodeOntologyAndProvenance()
    {
        var result = CliSandbox.Run(LexiconCommand.Create(), "lookup", "slam", "--object-actor");
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("code: 111");
        result.Output.ShouldContain("quad: 3");
        result.Output.ShouldContain("goldstein: -2.0");
        result.Output.ShouldContain("plover: ACCUSE");
        result.Output.ShouldContain("source: extensions.tsv:");
    }

    [Fact]
    public void LookupWithPrepositionAndObject()
    {
        var result = CliSandbox.Run(LexiconCommand.Create(), "lookup", "ask", "--prep", "for=aid");
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("code: 023");
        result.Output.ShouldContain("source: CAMEO.2.0.txt:");
    }

    [Fact]
    public void UnknownVerbExitsWithOne()
    {
        var result = CliSandbox.Run(LexiconCommand.Create(), "lookup", "xyzzy");
        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain("not in the lexicon");
    }

    [Fact]
    public void UserDictionaryLinesAreAppliedAndBadOnesReported()
    {
        using var sandbox = new CliSandbox();
        var path = sandbox.Write("user.tsv", "V\tupbraid\t-\t111\nV\tbad\n");
        var result = CliSandbox.Run(LexiconCommand.Create(), "lookup", "upbraid", "--dictionary", path);
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("code: 111");
        result.Error.ShouldContain("user.tsv:2:");
    }

    [SkippableFact]
    public void ImportWritesTheOntologyAndLexiconItsTestsCompareWithTheCommittedOnes()
    {
        SharedData.Require("cameo/petrarch2-dictionaries/CAMEO.2.0.txt");
        using var sandbox = new CliSandbox();
        var result = CliSandbox.Run(LexiconCommand.Create(), "import", "--shared", SharedData.Root!, "--models", sandbox.Root);
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("311 event codes");
        File.ReadAllText(sandbox.PathOf("cameo-ontology.tsv"))
            .ShouldBe(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "models", "cameo-ontology.tsv")));
        File.Exists(sandbox.PathOf("verbs.lexicon.tsv.gz")).ShouldBeTrue();
        result.Error.ShouldContain("warning: CAMEO.2.0.txt:5787: malformed pattern code [080!]");
    }
}
