using Dyad.Knowledge.Dictionaries;

namespace Dyad.Knowledge.Tests;

public class UserDictionaryTests
{
    private static ActorDictionary Shipped()
    {
        var reader = new PetrarchDictionaryReader();
        var dict = new ActorDictionary();
        dict.AddActors(reader.ReadActors(new StringReader("MIKE_POMPEO_\n\t[USALEG 20110103-20170123]\nCHINA [CHN]\n"), "shipped.actors.txt"));
        return dict;
    }

    [Fact]
    public void UserEntriesReplaceShippedOnesForTheSamePhraseAndAddNewOnes()
    {
        var dict = Shipped();
        dict.ResolveActor("Mike Pompeo", new DateOnly(2020, 2, 3)).ShouldBeNull();
        var user = UserDictionary.Read(new StringReader(
            "# name\tcode\tfrom\tto\n" +
            "Mike Pompeo\tUSAGOV\t2018-04-26\t2021-01-20\n" +
            "Mike Pompeo\tUSAELI\n" +
            "Kassym-Jomart Tokayev\tKAZGOV\t2019-03-20\n" +
            "deputy foreign minister\t~GOV\n"), "user.tsv");
        user.Problems.ShouldBeEmpty();
        dict.Override(user);
        var pompeo = dict.ResolveActor("MIKE POMPEO", new DateOnly(2020, 2, 3))!;
        pompeo.Code!.Code.ShouldBe("USAGOV");
        pompeo.Entry.Rule.ShouldBe(EntryRule.User);
        pompeo.Entry.Source.ShouldBe(new SourceLocation("user.tsv", 2));
        dict.LookupActor("Mike Pompeo", new DateOnly(2012, 1, 1)).Single().Code!.Code.ShouldBe("USAELI");
        dict.ResolveActor("Tokayev", new DateOnly(2020, 1, 1)).ShouldBeNull();
        dict.ResolveActor("Kassym Jomart Tokayev", new DateOnly(2019, 3, 20))!.Code!.Code.ShouldBe("KAZGOV");
        dict.ResolveActor("Kassym Jomart Tokayev", new DateOnly(2019, 3, 19)).ShouldBeNull();
        dict.LookupAgent("Deputy Foreign Minister").Single().Code.ShouldBe("GOV");
        dict.ResolveActor("China", new DateOnly(2020, 1, 1))!.Code!.Code.ShouldBe("CHN");
    }

    [Fact]
    public void BadRowsAreReportedWithLineNumbers()
    {
        var user = UserDictionary.Read(new StringReader(
            "Good\tUSA\n" +
            "no code column\n" +
            "Bad date\tUSAGOV\t2020-13-01\n" +
            "Backwards\tUSAGOV\t2021-01-01\t2020-01-01\n" +
            "Bad code\tUS A\n"), "user.tsv");
        user.Problems.Select(p => p.Source.Line).ShouldBe([2, 3, 4, 5]);
        user.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Error && p.Source.File == "user.tsv");
        user.Actors.Single().Phrase.ShouldBe("good");
    }

    [Fact]
    public void YamlFormMeansTheSameAsTsv()
    {
        var yaml = UserDictionaryYaml.Read(new StringReader(
            "actors:\n" +
            "  - names: [Mike Pompeo, Secretary Pompeo]\n" +
            "    codes:\n" +
            "      - {code: USAGOV, from: 2018-04-26, to: 2021-01-20}\n" +
            "      - {code: USAELI}\n" +
            "  - name: Kassym-Jomart Tokayev\n" +
            "    code: KAZGOV\n" +
            "    from: 2019-03-20\n" +
            "agents:\n" +
            "  - name: deputy foreign minister\n" +
            "    code: GOV\n"), "user.yaml");
        yaml.Problems.ShouldBeEmpty();
        var dict = Shipped();
        dict.Override(yaml);
        dict.ResolveActor("Secretary Pompeo", new DateOnly(2021, 1, 20))!.Code!.Code.ShouldBe("USAGOV");
        var later = dict.ResolveActor("Mike Pompeo", new DateOnly(2021, 1, 21))!;
        later.Code!.Code.ShouldBe("USAELI");
        later.Code.Source.ShouldBe(new SourceLocation("user.yaml", 5));
        dict.ResolveActor("Kassym Jomart Tokayev", new DateOnly(2019, 3, 20))!.Code!.Code.ShouldBe("KAZGOV");
        dict.LookupAgent("deputy foreign ministers").ShouldBeEmpty();
        dict.LookupAgent("deputy foreign minister").Single().Written.ShouldBe("~GOV");
    }

    [Fact]
    public void YamlProblemsNameTheirLine()
    {
        var yaml = UserDictionaryYaml.Read(new StringReader(
            "actors:\n" +                           // 1
            "  - name: Good\n" +                    // 2
            "    code: USA\n" +                     // 3
            "  - name: No code\n" +                 // 4
            "  - name: Bad date\n" +                // 5
            "    code: USAGOV\n" +                  // 6
            "    from: 2020-02-30\n" +              // 7
            "  - nmae: Typo\n" +                    // 8
            "    code: USA\n" +                     // 9
            "people: []\n"), "user.yaml");          // 10
        yaml.Problems.Select(p => p.Source.Line).Order().ShouldBe([4, 5, 8, 8, 10]);
        yaml.Actors.Single().Phrase.ShouldBe("good");
        UserDictionaryYaml.Read(new StringReader("actors: [unclosed\n"), "broken.yaml").Problems.Single().Message.ShouldStartWith("not valid YAML");
    }
}
