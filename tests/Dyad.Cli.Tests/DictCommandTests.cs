using System.CommandLine;
using Dyad.Tests;

namespace Dyad.Cli.Tests;

public class DictCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempFile(string name, string content)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"dyad-dict-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void LookupPrintsTheShippedCodeAndWhereItCameFrom()
    {
        var (exit, output, error) = Run("dict", "lookup", "United Nations", "--date", "2020-02-03");
        error.ShouldBeEmpty();
        exit.ShouldBe(0);
        output.ShouldContain("=> actor IGOUNO");
        output.ShouldContain("Phoenix.International.actors.txt:");
    }

    [Fact]
    public void LookupExplainsCapitalsAsCountries()
    {
        var (exit, output, _) = Run("dict", "lookup", "Nur-Sultan", "--date", "2020-02-03");
        exit.ShouldBe(0);
        output.ShouldContain("country KAZ  the capital");
        output.ShouldContain("PPLC");
    }

    [Fact]
    public void LookupAppliesAUserDictionaryAndTheDate()
    {
        var user = TempFile("user.tsv", "# test\nMike Pompeo\tUSAGOV\t2018-04-26\t2021-01-20\n");
        try
        {
            var (exit, output, error) = Run("dict", "lookup", "MIKE POMPEO", "--date", "2020-02-03", "--user", user);
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("=> actor USAGOV  user dictionary entry 'mike pompeo' at user.tsv:2");
            output.ShouldContain("restriction 2018-04-26..2021-01-20 holds on 2020-02-03");

            var (_, later, _) = Run("dict", "lookup", "Mike Pompeo", "--date", "2021-01-21", "--user", user);
            later.ShouldContain("actor (no code)");
            later.ShouldNotContain("=> actor USAGOV");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(user)!, true);
        }
    }

    [Fact]
    public void LookupOfAnUnknownNameExitsOne()
    {
        var (exit, output, _) = Run("dict", "lookup", "Qwxzzy Nowhere", "--date", "2020-02-03");
        exit.ShouldBe(1);
        output.ShouldContain("not found");
    }

    [Fact]
    public void LookupReportsABrokenCompiledDictionary()
    {
        var path = TempFile("old.tsv.gz", "not gzip");
        try
        {
            var (exit, _, error) = Run("dict", "lookup", "China", "--date", "2020-01-01", "--dict", path);
            exit.ShouldBe(2);
            error.ShouldContain("dyad dict lookup:");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, true);
        }
    }

    [Fact]
    public void LookupRejectsABadDate()
    {
        var (exit, _, error) = Run("dict", "lookup", "China", "--date", "2020-02-30");
        exit.ShouldBe(2);
        error.ShouldContain("2020-02-30");
    }

    [Fact]
    public void CheckReportsEveryMalformedLineAndExitsOne()
    {
        var path = TempFile("broken.actors.txt", "GOOD [USA]\nBAD\n\t[USAGOV 2004017-20061201]\nWORSE [CHN\nFINE [CHN]\n");
        try
        {
            var (exit, output, _) = Run("dict", "check", path);
            exit.ShouldBe(1);
            output.ShouldContain("broken.actors.txt:3: error:");
            output.ShouldContain("broken.actors.txt:4: error:");
            output.ShouldContain("2 error(s)");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, true);
        }
    }

    [Fact]
    public void CheckPassesACleanUserDictionary()
    {
        var path = TempFile("clean.tsv", "Mike Pompeo\tUSAGOV\t2018-04-26\t2021-01-20\nforeign minister\t~GOV\n");
        try
        {
            var (exit, output, _) = Run("dict", "check", path);
            exit.ShouldBe(0);
            output.ShouldContain("1 actor phrases, 1 agent phrases");
            output.ShouldContain("ok");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, true);
        }
    }

    [SkippableFact]
    public void ImportRebuildsTheCommittedModelsByteForByte()
    {
        var shared = SharedData.Require("cameo/petrarch2-dictionaries");
        var outDir = Path.Combine(Path.GetTempPath(), $"dyad-import-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, error) = Run("dict", "import", "--shared", SharedData.Root!, "--out", outDir);
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("10 malformed line(s) skipped");
            foreach (var file in new[] { "actors.dict.tsv.gz", "cameo-codes.tsv.gz", "places.bin" })
                File.ReadAllBytes(Path.Combine(outDir, file)).ShouldBe(
                    File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "models", file)), $"models/{file} is stale: run 'dyad dict import'");
            shared.ShouldNotBeNull();
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        }
    }

    [Fact]
    public void TheExampleUserDictionaryIsCleanAndDatesPompeosRoles()
    {
        var example = Path.Combine(SharedData.RepositoryRoot, "examples", "dictionaries", "recent-officials.tsv");
        var (checkExit, checkOutput, _) = Run("dict", "check", example);
        checkExit.ShouldBe(0, checkOutput);
        checkOutput.ShouldContain("0 error(s), 0 warning(s)");

        // The shipped dictionaries know him from Dyad's own list of recent office holders; the user file overrides it.
        var shipped = Run("dict", "lookup", "Mike Pompeo", "--date", "2020-02-03").Output;
        shipped.ShouldContain("shipped recent-officials list entry 'mike pompeo' at actors.recent.tsv");
        shipped.ShouldNotContain("user dictionary");
        Run("dict", "lookup", "Mike Pompeo", "--date", "2020-02-03", "--user", example).Output.ShouldContain("=> actor USAGOV");
        Run("dict", "lookup", "Mike Pompeo", "--date", "2017-06-01", "--user", example).Output.ShouldContain("=> actor USASPY");
        Run("dict", "lookup", "Mike Pompeo", "--date", "2010-06-01", "--user", example).Output.ShouldContain("=> actor USAELI");
    }
}
