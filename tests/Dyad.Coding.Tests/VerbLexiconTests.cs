using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Tests;

namespace Dyad.Coding.Tests;

public class VerbLexiconTests
{
    private static readonly VerbLexicon Lexicon = VerbLexicon.Load();

    private static string? CodeOf(string lemma, VerbContext context) => Lexicon.Match(lemma, context)?.Code;

    [Fact]
    public void EmbeddedLexiconLoadsCleanly()
    {
        Lexicon.Diagnostics.ShouldBeEmpty();
        Lexicon.VerbCount.ShouldBeGreaterThan(1500);
        Lexicon.NounCount.ShouldBeGreaterThan(30);
    }

    [Fact]
    public void EveryLexiconCodeExistsInTheOntology()
    {
        var ontology = EventOntology.Load();
        foreach (var e in Lexicon.Entries)
        {
            if (e.Code != null) ontology.Contains(e.Code).ShouldBeTrue($"{e} from {e.Provenance}");
            if (e.PairedCode != null) ontology.Contains(e.PairedCode).ShouldBeTrue($"{e} from {e.Provenance}");
        }
    }

    [Fact]
    public void UrgeIsAnAppeal()
    {
        CodeOf("urge", VerbContext.Empty).ShouldNotBeNull().ShouldStartWith("02");
        CodeOf("urge", new VerbContext { ObjectIsActor = true, Xcomp = "withdraw" }).ShouldNotBeNull().ShouldStartWith("02");
        CodeOf("urge", new VerbContext { Xcomp = "negotiate" }).ShouldBe("026");
    }

    [Fact]
    public void CriticismVerbsAre111()
    {
        CodeOf("criticize", VerbContext.Empty).ShouldBe("111");
        CodeOf("condemn", new VerbContext { Object = "attack" }).ShouldBe("111");
        CodeOf("denounce", VerbContext.Empty).ShouldBe("111");
    }

    [Fact]
    public void SlamIsCriticismOnlyWhenItsObjectIsAnActor()
    {
        CodeOf("slam", new VerbContext { ObjectIsActor = true, Object = "government" }).ShouldBe("111");
        CodeOf("slam", VerbContext.Empty).ShouldNotBe("111");
    }

    [Fact]
    public void MeetWithIsConsultation()
    {
        CodeOf("meet", new VerbContext { Prepositions = [new PrepositionalPhrase("with", "minister", ObjectIsActor: true)] }).ShouldNotBeNull().ShouldStartWith("04");
        CodeOf("meet", VerbContext.Empty).ShouldNotBeNull().ShouldStartWith("04");
    }

    [Fact]
    public void OtherNewsVerbs()
    {
        CodeOf("praise", VerbContext.Empty).ShouldBe("051");
        CodeOf("decline", new VerbContext { Xcomp = "comment" }).ShouldBe("011");
        CodeOf("deny", new VerbContext { Object = "involvement" }).ShouldBe("016");
        CodeOf("deny", new VerbContext { Ccomp = "attack" }).ShouldBe("016");
        var visit = Lexicon.Match("visit", new VerbContext { ObjectIsActor = true }).ShouldNotBeNull();
        visit.Code.ShouldBe("042");
        visit.Entry.PairedCode.ShouldBe("043");
    }

    [Fact]
    public void ImportedPatternsRefineTheBareVerb()
    {
        CodeOf("sign", new VerbContext { Object = "agreement" }).ShouldBe("057");
        CodeOf("accuse", new VerbContext { ObjectIsActor = true }).ShouldBe("112");
        CodeOf("accuse", new VerbContext { ObjectIsActor = true, Prepositions = [new PrepositionalPhrase("of", "corruption")] }).ShouldBe("1121");
        CodeOf("impose", new VerbContext { Object = "sanction" }).ShouldNotBeNull().ShouldStartWith("16");
    }

    [Fact]
    public void EventNounsHaveCodes()
    {
        Lexicon.MatchNoun("talk", VerbContext.Empty).ShouldNotBeNull().Code.ShouldNotBeNull().ShouldStartWith("04");
        Lexicon.MatchNoun("airstrike", VerbContext.Empty).ShouldNotBeNull().Code.ShouldBe("195");
        Lexicon.MatchNoun("protest", VerbContext.Empty).ShouldNotBeNull().Code.ShouldNotBeNull().ShouldStartWith("14");
        Lexicon.MatchNoun("sanction", VerbContext.Empty).ShouldNotBeNull().Code.ShouldNotBeNull().ShouldStartWith("16");
        Lexicon.MatchNoun("banana", VerbContext.Empty).ShouldBeNull();
    }

    [Fact]
    public void MatchesExplainThemselves()
    {
        var match = Lexicon.Match("ask", new VerbContext { Prepositions = [new PrepositionalPhrase("for", "aid")] }).ShouldNotBeNull();
        match.Code.ShouldBe("023");
        match.Provenance.File.ShouldBe("CAMEO.2.0.txt");
        match.Provenance.Line.ShouldBeGreaterThan(0);
        match.Provenance.Text.ShouldContain("[023]");
    }

    [Fact]
    public void UnknownVerbsDoNotMatch() => Lexicon.Match("xyzzy", VerbContext.Empty).ShouldBeNull();

    [Fact]
    public void TheMostSpecificPatternWinsAndTiesGoToTheLaterLine()
    {
        using var temp = new TempFolder();
        var path = temp.Write("d.tsv",
            "V\tgive\t-\t070\n" +
            "V\tgive\tobj:aid\t071\n" +
            "V\tgive\tobj:aid+humanitarian\t073\n" +
            "V\tgive\tobj:aid prep:to=@target\t0733\n" +
            "V\tgive\tobj:aid\t072\n");
        var lexicon = VerbLexicon.LoadFiles(path);
        lexicon.Diagnostics.ShouldBeEmpty();
        lexicon.Match("give", VerbContext.Empty)!.Code.ShouldBe("070");
        lexicon.Match("give", new VerbContext { Object = "aid" })!.Code.ShouldBe("072"); // line 5 replaced line 2
        lexicon.Match("give", new VerbContext { Object = "aid", ObjectModifiers = ["humanitarian"] })!.Code.ShouldBe("073");
        lexicon.Match("give", new VerbContext { Object = "aid", Prepositions = [new PrepositionalPhrase("to", "kenya", ObjectIsActor: true)] })!.Code.ShouldBe("0733");
        lexicon.Match("give", new VerbContext { Object = "aid", Prepositions = [new PrepositionalPhrase("to", "school")] })!.Code.ShouldBe("072");
    }

    [Fact]
    public void PetrarchFlatWordsMatchObjectModifiersGoverningVerbsAndShortPlurals()
    {
        using var temp = new TempFolder();
        var path = temp.Write("d.tsv",
            "V\trestore\tafter:diplomatic\t064\n" +
            "V\tbreak\tafter:ties\t161\n" +
            "V\tact\tbefore:indicate before:would\t1010\n");
        var lexicon = VerbLexicon.LoadFiles(path);
        lexicon.Diagnostics.ShouldBeEmpty();
        // "restore diplomatic ties": the word after the verb is the object's modifier.
        lexicon.Match("restore", new VerbContext { Object = "tie", ObjectModifiers = ["diplomatic"] })!.Code.ShouldBe("064");
        // TIES is the plural of "tie", not of "ty".
        lexicon.Match("break", new VerbContext { Object = "tie" })!.Code.ShouldBe("161");
        // "Ethiopia indicated it would act": the governing verb comes before the verb.
        lexicon.Match("act", new VerbContext { Governor = "indicate", OtherWords = ["would"] })!.Code.ShouldBe("1010");
        lexicon.Match("act", new VerbContext { OtherWords = ["would"] }).ShouldBeNull();
    }

    [Fact]
    public void UserDictionaryAddsAndOverridesPatternsAndReportsBadLines()
    {
        using var temp = new TempFolder();
        var path = temp.Write("user.tsv",
            "# my additions\n" +
            "V\tmeet\t-\t043\n" +                 // 2: overrides the compiled bare "meet"
            "V\tlambast\tobj:@target\t111\n" +    // 3: a new verb
            "V\tLOUD\t-\t111\n" +                 // 4: malformed lemma
            "V\tscold\t-\t9x9\n" +                // 5: malformed code
            "X\tscold\t-\t111\n" +                // 6: unknown kind
            "V\tscold\tfoo:bar\t111\n" +          // 7: unknown constraint kind
            "N\tsit-in\t-\t1414\n");              // 8: a new noun
        var lexicon = VerbLexicon.Load(path);
        lexicon.Match("meet", VerbContext.Empty)!.Code.ShouldBe("043");
        lexicon.Match("meet", VerbContext.Empty)!.Provenance.ShouldBe(new Provenance("user.tsv", 2, "meet - 043"));
        lexicon.Match("lambast", new VerbContext { ObjectIsActor = true })!.Code.ShouldBe("111");
        lexicon.Match("lambast", VerbContext.Empty).ShouldBeNull();
        lexicon.MatchNoun("sit-in", VerbContext.Empty)!.Code.ShouldBe("1414");
        lexicon.Diagnostics.Select(d => d.Line).ShouldBe([4, 5, 6, 7]);
        lexicon.Diagnostics.ShouldAllBe(d => d.File == "user.tsv");
        // The rest of the compiled lexicon is still there.
        lexicon.Match("criticize", VerbContext.Empty)!.Code.ShouldBe("111");
        // And the shared embedded lexicon is unaffected.
        Lexicon.Match("meet", VerbContext.Empty)!.Code.ShouldBe("040");
    }

    [SkippableFact]
    public void FullPetrarchImportSucceedsAndMatchesTheCommittedLexicon()
    {
        var petrarch = SharedData.Require(LexiconCompiler.PetrarchFile);
        var extensions = Path.Combine(SharedData.RepositoryRoot, LexiconCompiler.ExtensionsFile);
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Root, VerbLexicon.CompiledFileName);
        var result = LexiconCompiler.Compile(petrarch, extensions, EventOntology.Load(), output);
        result.Entries.ShouldBeGreaterThan(40000);
        result.Transformations.ShouldBe(8);
        // CAMEO.2.0 has a handful of genuinely malformed lines (typos such as "[080!]", unknown classes); each is
        // reported with its line, and nothing else is.
        result.Diagnostics.Count.ShouldBeLessThan(25);
        result.Diagnostics.ShouldAllBe(d => d.File == "CAMEO.2.0.txt" && d.Line > 0);
        result.Diagnostics.ShouldNotContain(d => d.File == "extensions.tsv");

        var fresh = VerbLexicon.LoadFiles(output);
        fresh.Diagnostics.ShouldBeEmpty();
        fresh.Entries.Count.ShouldBe(Lexicon.Entries.Count);
        fresh.Entries.Select(e => e.ToString() + " " + e.Provenance).ShouldBe(Lexicon.Entries.Select(e => e.ToString() + " " + e.Provenance));
    }
}
