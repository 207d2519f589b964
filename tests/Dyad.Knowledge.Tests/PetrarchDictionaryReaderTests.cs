using Dyad.Knowledge.Dictionaries;

namespace Dyad.Knowledge.Tests;

public class PetrarchDictionaryReaderTests
{
    private static readonly DateOnly Day = new(2020, 2, 3);

    private static (ActorDictionary Dict, IReadOnlyList<DictionaryProblem> Problems) ReadActors(string text)
    {
        var reader = new PetrarchDictionaryReader();
        var dict = new ActorDictionary();
        dict.AddActors(reader.ReadActors(new StringReader(text), "test.actors.txt"));
        return (dict, reader.Problems);
    }

    private static string? CodeOn(ActorDictionary dict, string name, DateOnly date) => dict.ResolveActor(name, date)?.Code?.Code;

    [Fact]
    public void DatedRolesHoldOnBothEndsOfTheirInterval()
    {
        var (dict, problems) = ReadActors(
            "MIKE_POMPEO_  # US official\n" +
            "\t[USAGOV 180426-210120]\n" +
            "\t[USAELI]\n");
        problems.ShouldBeEmpty();
        CodeOn(dict, "Mike Pompeo", new DateOnly(2018, 4, 25)).ShouldBe("USAELI");
        CodeOn(dict, "Mike Pompeo", new DateOnly(2018, 4, 26)).ShouldBe("USAGOV");
        CodeOn(dict, "Mike Pompeo", new DateOnly(2021, 1, 20)).ShouldBe("USAGOV");
        CodeOn(dict, "Mike Pompeo", new DateOnly(2021, 1, 21)).ShouldBe("USAELI");
    }

    [Fact]
    public void OpenEndedRestrictionsIncludeTheirDate()
    {
        var (dict, problems) = ReadActors(
            "BILBO [HOB]\n" +
            "\t[HOBGOV < 950601]\n" +
            "\t[HOBREB >19990816]\n");
        problems.ShouldBeEmpty();
        CodeOn(dict, "bilbo", new DateOnly(1995, 6, 1)).ShouldBe("HOBGOV");
        CodeOn(dict, "bilbo", new DateOnly(1995, 6, 2)).ShouldBe("HOB");
        CodeOn(dict, "bilbo", new DateOnly(1999, 8, 15)).ShouldBe("HOB");
        CodeOn(dict, "bilbo", new DateOnly(1999, 8, 16)).ShouldBe("HOBREB");
    }

    [Fact]
    public void FirstMatchingRestrictionWinsOverLaterOverlappingOnes()
    {
        var (dict, _) = ReadActors(
            "SAMWISE\n" +
            "\t[ORCHOB 20100109-20100112]\n" +
            "\t[HOBMIL 20080120-20121109]\n");
        CodeOn(dict, "Samwise", new DateOnly(2010, 1, 10)).ShouldBe("ORCHOB");
        CodeOn(dict, "Samwise", new DateOnly(2010, 1, 13)).ShouldBe("HOBMIL");
        dict.ResolveActor("Samwise", new DateOnly(2013, 1, 1)).ShouldBeNull();
        dict.LookupActor("Samwise", new DateOnly(2013, 1, 1)).Single().Code.ShouldBeNull();
    }

    [Theory]
    [InlineData("290101", 2029)]
    [InlineData("300101", 1930)]
    [InlineData("991231", 1999)]
    [InlineData("000101", 2000)]
    [InlineData("19450703", 1945)]
    public void TwoDigitYearsPivotAtThirty(string text, int year)
    {
        DictionaryDate.TryParse(text, out var date).ShouldBeTrue();
        date.Year.ShouldBe(year);
    }

    [Fact]
    public void SynonymsShareTheRecordCodesAndNameTheirRoot()
    {
        var (dict, problems) = ReadActors(
            "AFGHANISTAN_  [AFG]\n" +
            "+AFGHAN_\n" +
            "+KABUL_ ; CountryInfo.txt\n" +
            "HAMID_KARZAI_\n" +
            "+PRESIDENT_KARZAI\n" +
            "\t[AFGGOV 20011222-20140929]\n");
        problems.ShouldBeEmpty();
        var kabul = dict.ResolveActor("Kabul", Day)!;
        kabul.Code!.Code.ShouldBe("AFG");
        kabul.Entry.Rule.ShouldBe(EntryRule.Synonym);
        kabul.Entry.RootPhrase.ShouldBe("afghanistan");
        kabul.Entry.Source.Line.ShouldBe(3);
        kabul.Code.Source.Line.ShouldBe(1);
        CodeOn(dict, "President Karzai", new DateOnly(2005, 1, 1)).ShouldBe("AFGGOV");
        kabul.Explain().ShouldContain("test.actors.txt:3");
        kabul.Explain().ShouldContain("synonym of actor 'afghanistan'");
    }

    [Fact]
    public void CommentsOfAllThreeKindsAreIgnored()
    {
        var (dict, problems) = ReadActors(
            "<!-- a block comment\n" +
            "ORC_IN_COMMENT [MOR]\n" +
            "-->\n" +
            "# a line comment\n" +
            "GONDOR [GON] # trailing comment\n" +
            "ARNOR [ARN] ; TABARI note\n");
        problems.ShouldBeEmpty();
        dict.LookupActor("orc in comment", Day).ShouldBeEmpty();
        CodeOn(dict, "Gondor", Day).ShouldBe("GON");
        CodeOn(dict, "Arnor", Day).ShouldBe("ARN");
    }

    [Fact]
    public void LookupIgnoresCaseUnderscoresAndPunctuation()
    {
        var (dict, _) = ReadActors("BAN_KI-MOON [IGOUNO]\nU.S._STATE_DEPARTMENT [USAGOV]\n");
        CodeOn(dict, "Ban Ki-moon", Day).ShouldBe("IGOUNO");
        CodeOn(dict, "BAN KI MOON", Day).ShouldBe("IGOUNO");
        CodeOn(dict, "US State Department", Day).ShouldBe("USAGOV");
        dict.LookupActor(["U.S.", "State", "Department"], Day).Single().Code!.Code.ShouldBe("USAGOV");
    }

    [Fact]
    public void MalformedLinesAreReportedWithLineNumbersAndTheRestLoads()
    {
        var (dict, problems) = ReadActors(
            "GOOD_ONE [AAA]\n" +              // 1
            "BROKEN_DATE\n" +                 // 2
            "\t[BBB 2004017-20061201]\n" +    // 3 seven-digit date
            "\t[BBB]\n" +                     // 4
            "UNCLOSED [CCC\n" +               // 5
            "\t[DDD 20121207-20120802]\n" +   // 6 ends before it starts
            "+\n" +                           // 7 synonym without words
            "GOOD_TWO [EEE]\n");              // 8
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        errors.Select(p => p.Source.Line).ShouldBe([3, 5, 6, 7]);
        errors.ShouldAllBe(p => p.Source.File == "test.actors.txt");
        errors[0].ToString().ShouldStartWith("test.actors.txt:3: error:");
        CodeOn(dict, "good one", Day).ShouldBe("AAA");
        CodeOn(dict, "broken date", Day).ShouldBe("BBB");
        CodeOn(dict, "good two", Day).ShouldBe("EEE");
    }

    [Fact]
    public void MultipleCodesAndNullCodesAreKept()
    {
        var (dict, _) = ReadActors("THE_SHIRE [FRO/BIL/SAM]\nBOROMIR [---]\n");
        dict.ResolveActor("the shire", Day)!.Codes.ShouldBe(["FRO", "BIL", "SAM"]);
        dict.ResolveActor("boromir", Day)!.Codes.ShouldBeEmpty();
    }

    [Fact]
    public void AgentsGetPluralsSubstitutionsAndCodePositions()
    {
        var reader = new PetrarchDictionaryReader();
        var agents = reader.ReadAgents(new StringReader(
            "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n" +
            "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n" +
            "FOREIGN_!MINIST! [~GOV]\n" +
            "CONGRESS!PERSON! [~LEG]\n" +
            "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n" +
            "POLICE {} [~COP]\n" +
            "MILITIA [~MIL]\n" +
            "HUMAN_RIGHTS_BODY [NGO~]\n" +
            "BOGUS_AGENT\n" +
            "!UNKNOWN!_THING [~GOV]\n"), "test.agents.txt");
        var dict = new ActorDictionary();
        dict.AddAgents(agents);
        dict.LookupAgent("foreign ministries").Single().Rule.ShouldBe(EntryRule.Substitution);
        dict.LookupAgent("foreign ministries").Single().RootPhrase.ShouldBe("FOREIGN_!MINIST!");
        dict.LookupAgent("congresswomen").Single().Code.ShouldBe("LEG");
        dict.LookupAgent("attorneys general").Single().Rule.ShouldBe(EntryRule.IrregularPlural);
        dict.LookupAgent("attorney generals").ShouldBeEmpty();
        dict.LookupAgent("polices").ShouldBeEmpty();
        dict.LookupAgent("militias").Single().Rule.ShouldBe(EntryRule.RegularPlural);
        var ngo = dict.LookupAgent("human rights bodies").Single();
        ngo.Position.ShouldBe(AgentPosition.Prefix);
        ngo.Written.ShouldBe("NGO~");
        reader.Problems.Select(p => p.Source.Line).ShouldBe([9, 10]);
    }

    [Theory]
    [InlineData("MILITIA", "MILITIAS")]
    [InlineData("ARMY", "ARMIES")]
    [InlineData("ATTORNEY", "ATTORNEYS")]
    [InlineData("BOSS", "BOSSES")]
    [InlineData("CHURCH", "CHURCHES")]
    [InlineData("tax", "taxes")]
    public void RegularPlurals(string singular, string plural) =>
        PetrarchDictionaryReader.RegularPlural(singular).ShouldBe(plural);

    [Fact]
    public void DiscardsDistinguishStoryAndSentenceAndWordEnds()
    {
        var reader = new PetrarchDictionaryReader();
        var discards = reader.ReadDiscards(new StringReader("# sports\n+WORLD CUP   # story\nBASEBALL_\nGOLF [###]\n"), "test.discards.txt");
        discards.Count.ShouldBe(2);
        discards[0].WholeStory.ShouldBeTrue();
        discards[0].Phrase.ShouldBe("world cup");
        discards[1].WholeStory.ShouldBeFalse();
        discards[1].WholeWord.ShouldBeTrue();
        reader.Problems.Single().Source.Line.ShouldBe(4);
    }
}
