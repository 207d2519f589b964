using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Knowledge.Tests;

/// <summary>The shipped resolver, loaded once for the class.</summary>
public sealed class ShippedResolver
{
    public ActorResolver Resolver { get; } = ActorResolver.Load();
}

public class ActorResolverTests(ShippedResolver shipped) : IClassFixture<ShippedResolver>
{
    private static readonly DateOnly Day = new(2020, 2, 3);
    private ActorResolver Resolver => shipped.Resolver;

    /// <summary>
    /// A hand-parsed sentence: "word/HEAD/relation" items, HEAD 1-based (0 = root) as in CoNLL-U; a fourth field gives
    /// the token's demonym code as the entity recognizer would.
    /// </summary>
    private static Sentence Parse(params string[] items)
    {
        var tokens = new Token[items.Length];
        var heads = new int[items.Length];
        var relations = new string[items.Length];
        var demonyms = new string?[items.Length];
        int offset = 0;
        for (int i = 0; i < items.Length; i++)
        {
            var f = items[i].Split('/');
            tokens[i] = new Token(offset, offset + f[0].Length, f[0]);
            offset += f[0].Length + 1;
            heads[i] = int.Parse(f[1]);
            relations[i] = f[2];
            demonyms[i] = f.Length > 3 ? f[3] : null;
        }
        return new Sentence(0, offset, tokens) { Heads = heads, Relations = relations, Demonyms = demonyms };
    }

    private ActorResolution Resolve(Sentence s, int head) => Resolver.Resolve(s, head, Day).ShouldNotBeNull();

    [Fact]
    public void ACountryNameAloneIsTheCountry()
    {
        var s = Parse("Kazakhstan/2/nsubj", "protested/0/root");
        var r = Resolve(s, 0);
        r.Code.ShouldBe("KAZ");
        (r.Start, r.End).ShouldBe((0, 1));
    }

    [Fact]
    public void CountryAliasesSpanSeveralTokens()
    {
        // "the United States warned": United is a compound of States.
        var s = Parse("the/3/det", "United/3/compound", "States/4/nsubj", "warned/0/root");
        var r = Resolve(s, 2);
        r.Code.ShouldBe("USA");
        (r.Start, r.End).ShouldBe((1, 3));
    }

    [Fact]
    public void ACapitalStandingForTheStateIsItsGovernment()
    {
        var s = Parse("Beijing/2/nsubj", "denied/0/root", "it/2/obj");
        var r = Resolve(s, 0);
        r.Code.ShouldBe("CHNGOV");
        r.Rule.ShouldBe(ActorResolution.CapitalRule);
        r.Explanation.ShouldContain("capital");
    }

    [Fact]
    public void ARegionResolvesToItsCountry()
    {
        var s = Parse("officials/4/nsubj", "in/3/case", "Xinjiang/1/nmod", "said/0/root");
        Resolve(s, 2).Code.ShouldBe("CHN");
    }

    [Fact]
    public void TitleWithDemonymGivesTheGovernment()
    {
        // "Kazakh Foreign Minister Mukhtar Tleuberdi said"
        var s = Parse("Kazakh/3/amod/KAZ", "Foreign/3/amod", "Minister/5/compound", "Mukhtar/5/compound", "Tleuberdi/6/nsubj", "said/0/root");
        var r = Resolve(s, 4);
        r.Code.ShouldBe("KAZGOV");
        r.Rule.ShouldBe(ActorResolution.AgentCountryRule);
        (r.Start, r.End).ShouldBe((0, 3));
        r.Explanation.ShouldContain("foreign minister");
    }

    [Fact]
    public void AnAgentTakesTheCountryOfThePlaceItIsIn()
    {
        var s = Parse("Police/4/nsubj", "in/3/case", "Nigeria/1/nmod", "arrested/0/root", "protesters/4/obj", "from/7/case", "Xinjiang/5/nmod");
        var police = Resolve(s, 0);
        police.Code.ShouldBe("NGACOP");
        police.Rule.ShouldBe(ActorResolution.AgentCountryRule);
        (police.Start, police.End).ShouldBe((0, 3));
        police.Explanation.ShouldContain("Nigeria");
        Resolve(s, 4).Code.ShouldBe("CHNOPP");
    }

    [Fact]
    public void APlaceModifierThatIsNoPlaceLeavesTheAgentWithoutCountry()
    {
        var s = Parse("Police/4/nsubj", "in/3/case", "riot/1/nmod", "arrested/0/root");
        var police = Resolve(s, 0);
        police.Code.ShouldBe("COP");
        police.Rule.ShouldBe(ActorResolution.AgentRule);
    }

    [Fact]
    public void AnAgentWithoutCountryTakesTheCountryTheContextGives()
    {
        var s = Parse("Police/2/nsubj", "arrested/0/root", "journalists/2/obj");
        var police = Resolver.ResolveInCountry(s, 0, Day, "AFG", "the dateline 'KABUL'").ShouldNotBeNull();
        police.Code.ShouldBe("AFGCOP");
        police.Rule.ShouldBe(ActorResolution.AgentContextRule);
        police.Explanation.ShouldContain("KABUL");
        // A phrase that names its own country, or no agent, keeps what it says.
        Resolver.ResolveInCountry(Parse("Nigerian/2/amod", "police/3/nsubj", "arrested/0/root"), 1, Day, "AFG", "x").ShouldBeNull();
        Resolver.ResolveInCountry(Parse("China/2/nsubj", "arrested/0/root"), 0, Day, "AFG", "x").ShouldBeNull();
    }

    [Fact]
    public void DemonymWorksWithoutTheRecognizerToo()
    {
        var s = Parse("Nigerian/2/amod", "police/3/nsubj", "arrested/0/root");
        s.Demonyms = null;
        Resolve(s, 1).Code.ShouldBe("NGACOP");
    }

    [Fact]
    public void PossessiveCountryWithAgent()
    {
        // "China 's foreign ministry said"
        var s = Parse("China/4/nmod:poss", "'s/1/case", "foreign/4/amod", "ministry/5/nsubj", "said/0/root");
        var r = Resolve(s, 3);
        r.Code.ShouldBe("CHNGOV");
        (r.Start, r.End).ShouldBe((0, 4));
    }

    [Fact]
    public void AnAgentWithoutACountryIsTheAgentCodeAlone()
    {
        var s = Parse("the/2/det", "rebels/3/nsubj", "attacked/0/root");
        var r = Resolve(s, 1);
        r.Code.ShouldBe("REB");
        r.Rule.ShouldBe(ActorResolution.AgentRule);
    }

    [Fact]
    public void IgosResolveFromTheDictionary()
    {
        var s = Parse("the/3/det", "United/3/compound", "Nations/4/nsubj", "called/0/root");
        var r = Resolve(s, 2);
        r.Code.ShouldBe("IGOUNO");
        r.Rule.ShouldBe(ActorResolution.DictionaryRule);
        r.Explanation.ShouldContain("Phoenix.");
    }

    [Fact]
    public void AnUnknownHeadTakesItsApposition()
    {
        // "Qwxzzy Blorf, the US envoy, said"
        var s = Parse("Qwxzzy/2/compound", "Blorf/8/nsubj", ",/2/punct", "the/6/det", "US/6/compound", "envoy/2/appos", ",/2/punct", "said/0/root");
        var r = Resolve(s, 1);
        r.Code.ShouldBe("USAGOV");
        r.Rule.ShouldStartWith(ActorResolution.AppositionRule);
        r.Explanation.ShouldContain("Blorf");
        (r.Start, r.End).ShouldBe((4, 6));
    }

    [Fact]
    public void ConjunctsAreLeftToTheCoder()
    {
        // "US and British activists": British is a conjunct of US, not a modifier of activists.
        var s = Parse("US/4/amod", "and/3/cc", "British/1/conj/GBR", "activists/5/nsubj", "protested/0/root");
        var r = Resolve(s, 3);
        r.Code.ShouldBe("USAOPP");
        (r.Start, r.End).ShouldBe((0, 4));
        r.Explanation.ShouldNotContain("British");
    }

    [Fact]
    public void AnEthnicDemonymIsNotTakenForAState()
    {
        var s = Parse("Uighur/2/amod/uig", "activists/3/nsubj", "protested/0/root");
        Resolve(s, 1).Code.ShouldBe("OPP");
    }

    [Fact]
    public void AGroupModifierKeepsItsOwnCode()
    {
        var s = Parse("Taliban/2/compound", "fighters/3/nsubj", "attacked/0/root");
        var r = Resolve(s, 1);
        r.Code.ShouldBe(Resolver.Dictionary.ResolveActor("Taliban", Day)!.Code!.Code);
        r.Explanation.ShouldContain("Phoenix.MilNonState");
    }

    [Fact]
    public void AnUnknownNameIsNull()
    {
        var s = Parse("Qwxzzy/2/compound", "Blorf/3/nsubj", "said/0/root");
        Resolver.Resolve(s, 1, Day).ShouldBeNull();
        Resolver.ResolveText("Qwxzzy Blorf", Day).ShouldBeNull();
    }

    [Fact]
    public void AnUnparsedSentenceIsAClearError()
    {
        var s = new Sentence(0, 5, [new Token(0, 5, "China")]);
        Should.Throw<ArgumentException>(() => Resolver.Resolve(s, 0, Day)).Message.ShouldContain("parser");
    }

    [Theory]
    [InlineData("Beijing", "CHNGOV")]
    [InlineData("U.S.", "USA")]
    [InlineData("Xinjiang", "CHN")]
    [InlineData("China's foreign ministry", "CHNGOV")]
    [InlineData("Nigerian police", "NGACOP")]
    [InlineData("the United Nations", "IGOUNO")]
    public void ResolveTextWithoutAParse(string phrase, string code) => Resolver.ResolveText(phrase, Day)!.Code.ShouldBe(code);

    [Fact]
    public void ATokenInsideAPersonsNameIsNotAnOrganisationAbbreviation()
    {
        // "Kim Jong Un met Putin" parsed with "Un" split from the name: alone it would be the UN's abbreviation.
        var s = Parse("Kim/4/nsubj", "Jong/1/flat", "Un/4/obl", "met/0/root", "Putin/4/obj");
        Resolver.Resolve(s, 2, Day).ShouldNotBeNull().Code.ShouldBe("IGOUNO");
        s.Entities = [new EntitySpan(0, 3, "PER")];
        var r = Resolver.Resolve(s, 2, Day);
        (r?.Code).ShouldNotBe("IGOUNO");
        // Parsed as one name it is the person; "the UN" outside a name stays the UN.
        Resolve(Parse("Kim/4/nsubj", "Jong/1/flat", "Un/1/flat", "met/0/root"), 0).Code.ShouldBe("PRKGOV");
        Resolve(Parse("the/2/det", "UN/3/nsubj", "warned/0/root"), 1).Code.ShouldBe("IGOUNO");
    }

    [Fact]
    public void KosovoHasTheCameoCodeAsCountryDemonymAndCapital()
    {
        Resolver.ResolveText("Kosovo", Day)!.Code.ShouldBe("KSV");
        Resolver.ResolveText("Pristina", Day)!.Code.ShouldBe("KSVGOV");
        Resolver.ResolveText("Kosovar police", Day)!.Code.ShouldBe("KSVCOP");
        Resolver.Countries.ByIso3("XKX")!.Iso3.ShouldBe("KSV");
        // The recognizer's demonym table may still carry the ISO code; the resolver writes CAMEO's.
        var s = Parse("Kosovar/2/amod/XKX", "police/3/nsubj", "arrested/0/root");
        Resolve(s, 1).Code.ShouldBe("KSVCOP");
    }

    [Theory]
    [InlineData("United States Secretary of State", "USAGOV", "Secretary of State")]
    [InlineData("Kazakhstan 's foreign minister", "KAZGOV", "foreign minister")]
    [InlineData("foreign minister of Kyrgyzstan", "KGZGOV", "foreign minister")]
    [InlineData("Kenyan President", "KENGOV", "President")]
    public void AWrittenTitleResolvesToTheAgentOfItsCountry(string title, string code, string agent)
    {
        var words = title.Split(' ');
        var r = Resolver.ResolveTitle(words, Day).ShouldNotBeNull();
        r.Actor.Code.ShouldBe(code);
        r.Actor.Rule.ShouldBe(ActorResolution.AgentCountryRule);
        string.Join(' ', words[r.AgentStart..r.AgentEnd]).ShouldBe(agent, StringCompareShould.IgnoreCase);
    }

    [Fact]
    public void ATitleWithoutACountryOrWithoutAnAgentIsNoTitle()
    {
        Resolver.ResolveTitle(["Secretary", "of", "State"], Day).ShouldBeNull();
        Resolver.ResolveTitle(["Kazakh", "Tuesday"], Day).ShouldBeNull();
    }
}

public class ActorResolverUserDictionaryTests
{
    [Fact]
    public void ADateBoundedRoleHoldsAtBothEndsOfItsIntervalOnly()
    {
        var dir = Directory.CreateTempSubdirectory("dyad-resolver-");
        try
        {
            var path = Path.Combine(dir.FullName, "officials.tsv");
            File.WriteAllText(path, "Ilse Marlow\tUSAGOV\t2018-04-26\t2021-01-20\n");
            var resolver = ActorResolver.Load(path);
            // "Secretary of State Ilse Marlow said" (a name no shipped dictionary knows)
            var s = new Sentence(0, 0, [new Token(0, 9, "Secretary"), new Token(10, 12, "of"), new Token(13, 18, "State"),
                new Token(19, 23, "Ilse"), new Token(24, 30, "Marlow"), new Token(31, 35, "said")])
            {
                Heads = [5, 3, 1, 5, 6, 0],
                Relations = ["compound", "case", "nmod", "flat", "nsubj", "root"],
            };
            var first = resolver.Resolve(s, 4, new DateOnly(2018, 4, 26))!;
            first.Code.ShouldBe("USAGOV");
            (first.Start, first.End).ShouldBe((3, 5));
            first.Explanation.ShouldContain("officials.tsv:1");
            resolver.Resolve(s, 4, new DateOnly(2021, 1, 20))!.Rule.ShouldBe(ActorResolution.DictionaryRule);
            // Outside the interval the name gives nothing, and the title in the same phrase takes over.
            var after = resolver.Resolve(s, 4, new DateOnly(2021, 1, 21))!;
            after.Code.ShouldBe("GOV");
            after.Rule.ShouldBe(ActorResolution.AgentRule);
            (after.Start, after.End).ShouldBe((0, 3));
            resolver.ResolveText("Ilse Marlow", new DateOnly(2018, 4, 25)).ShouldBeNull();
            resolver.ResolveText("Ilse Marlow", new DateOnly(2021, 1, 20))!.Code.ShouldBe("USAGOV");
        }
        finally { dir.Delete(recursive: true); }
    }

}
