using Dyad.Coding.Lexicon;

namespace Dyad.Coding.Tests;

public class PetrarchImporterTests
{
    private const string Fixture =
        "# a comment\n" +                                   // 1
        "&WEAPON\n" +                                       // 2
        "# members follow\n" +                              // 3
        "+ROCKET\n" +                                       // 4
        "+MORTAR_SHELL\n" +                                 // 5
        "\n" +                                              // 6
        "---  ASSIST   [070]  ---\n" +                      // 7
        "AID\n" +                                           // 8
        "HELP {HELPS HELPED HELPING} [071]\n" +             // 9
        "+CALL_OFF {+CALLED_OFF}\n" +                       // 10
        "- * (FOR {FINANCIAL AID})                [0231]   # HELP\n" + // 11
        "- * &WEAPON (TO +)                       [0732]\n" + // 12
        "- * $ BAD ( [070]\n" +                             // 13 malformed: unclosed group
        "- * TRANSPORT                            [---]\n" + // 14
        "- &MILITARY * [154]\n" +                           // 15 unknown class
        "- * (TO BORDER) [1a4]\n" +                         // 16 malformed code
        "~ a (a b HELP) SAY = a b 015\n" +                  // 17 transformation
        "\n" +
        "---  BROKEN  ---\n" +                              // 19 malformed header
        "STRAY\n" +                                        // 20 outside a family
        "---  STRIKE   [190]  ---\n" +                      // 21
        "BOMB\n" +                                         // 22
        "- * {&WEAPON ATTACK} [195]\n";                    // 23 a class as a phrase modifier

    private static (VerbLexicon Lexicon, int Transformations) Import()
    {
        var builder = new LexiconBuilder();
        int transformations = PetrarchImporter.Import(new StringReader(Fixture), "fixture.txt", builder);
        return (builder.Build(), transformations);
    }

    [Fact]
    public void SynonymsOfAFamilyShareItsPatternsAndCodes()
    {
        var (lexicon, _) = Import();
        lexicon.Match("aid", VerbContext.Empty).ShouldNotBeNull().Code.ShouldBe("070");
        lexicon.Match("help", VerbContext.Empty).ShouldNotBeNull().Code.ShouldBe("071"); // its own [code]
        var financial = new VerbContext { Prepositions = [new PrepositionalPhrase("for", "aid") { ObjectModifiers = ["financial"] }] };
        lexicon.Match("aid", financial).ShouldNotBeNull().Code.ShouldBe("0231");
        var match = lexicon.Match("help", financial).ShouldNotBeNull();
        match.Code.ShouldBe("0231");
        match.Provenance.File.ShouldBe("fixture.txt");
        match.Provenance.Line.ShouldBe(11);
        match.Provenance.Text.ShouldStartWith("- * (FOR {FINANCIAL AID}) [0231]");
    }

    [Fact]
    public void PhraseModifiersAreRequired()
    {
        var (lexicon, _) = Import();
        var plain = new VerbContext { Prepositions = [new PrepositionalPhrase("for", "aid")] };
        lexicon.Match("aid", plain).ShouldNotBeNull().Code.ShouldBe("070");
    }

    [Fact]
    public void ClassesActorSlotsAndPluralsAreMatched()
    {
        var (lexicon, _) = Import();
        var rockets = new VerbContext { Object = "shell", Prepositions = [new PrepositionalPhrase("to", "rebel", ObjectIsActor: true)] };
        lexicon.Match("aid", rockets).ShouldNotBeNull().Code.ShouldBe("0732");
        var toPlace = new VerbContext { Object = "rocket", Prepositions = [new PrepositionalPhrase("to", "border")] };
        lexicon.Match("aid", toPlace).ShouldNotBeNull().Code.ShouldBe("070");
        // A null-code pattern matches and codes no event.
        var transport = lexicon.Match("help", new VerbContext { Object = "transport" }).ShouldNotBeNull();
        transport.Code.ShouldBeNull();
    }

    [Fact]
    public void ClassModifiersOfPhrasesAreRequired()
    {
        var (lexicon, _) = Import();
        lexicon.Match("bomb", new VerbContext { Object = "attack", ObjectModifiers = ["heavy", "rocket"] }).ShouldNotBeNull().Code.ShouldBe("195");
        lexicon.Match("bomb", new VerbContext { Object = "attack", ObjectModifiers = ["verbal"] }).ShouldNotBeNull().Code.ShouldBe("190");
    }

    [Fact]
    public void MultiWordVerbsNeedTheirSecondWordAsParticleOrPreposition()
    {
        var (lexicon, _) = Import();
        lexicon.Match("call", VerbContext.Empty).ShouldBeNull();
        lexicon.Match("call", new VerbContext { Particles = ["off"] }).ShouldNotBeNull().Code.ShouldBe("070");
        lexicon.Match("call", new VerbContext { Prepositions = [new PrepositionalPhrase("off", "talk")] }).ShouldNotBeNull();
    }

    [Fact]
    public void MalformedLinesAreReportedWithTheirLineNumbersAndTheRestLoads()
    {
        var (lexicon, transformations) = Import();
        var lines = lexicon.Diagnostics.Select(d => d.Line).ToList();
        lines.ShouldBe([13, 15, 16, 19, 20], ignoreOrder: true);
        lexicon.Diagnostics.ShouldAllBe(d => d.File == "fixture.txt");
        lexicon.Diagnostics.Single(d => d.Line == 15).Message.ShouldContain("&military");
        lexicon.Diagnostics.Single(d => d.Line == 16).Message.ShouldContain("1a4");
        transformations.ShouldBe(1);
        lexicon.HasVerb("stray").ShouldBeFalse();
    }

    [Fact]
    public void A_verb_with_its_own_code_does_not_take_another_verbs_pattern_of_another_root()
    {
        const string families =
            "---  SEIZE   [170]  ---\n" +
            "ARREST [173]\n" +
            "TAKE\n" +
            "- POLICE * [173] # ARREST\n" +
            "- TROOPS * [192] # TAKE\n" +
            "- * SUSPECT [174] # TAKE\n";
        var builder = new LexiconBuilder();
        PetrarchImporter.Import(new StringReader(families), "families.txt", builder);
        var lexicon = builder.Build();
        string Codes(string verb) => string.Join(" ", lexicon.PatternsOf(verb).Select(e => e.Code).Order());
        // "troops took the town" is an occupation; troops arresting someone is not: ARREST has a sense of its own.
        Codes("arrest").ShouldBe("173 173 174");
        // TAKE shares the family's code, so every pattern of the family is its own.
        Codes("take").ShouldBe("170 173 174 192");
    }
}
