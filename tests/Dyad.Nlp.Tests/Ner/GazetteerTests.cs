using Dyad.Nlp.Ner;

namespace Dyad.Nlp.Tests.Ner;

public class GazetteerTests
{
    private static Gazetteer Small() => new(
        new Dictionary<string, uint>
        {
            ["Nur-Sultan"] = Gazetteer.Bit(GazetteerType.Capital),
            ["Inter-Parliamentary Union"] = Gazetteer.Bit(GazetteerType.Organization),
            ["foreign minister"] = Gazetteer.Bit(GazetteerType.AgentPhrase),
            ["Galym"] = Gazetteer.Bit(GazetteerType.FirstName),
            ["Ostrava"] = Gazetteer.Bit(GazetteerType.City),
            ["Mobile"] = Gazetteer.Bit(GazetteerType.City) | Gazetteer.Bit(GazetteerType.CommonWord),
        },
        new Dictionary<string, string> { ["Kazakh"] = "KAZ", ["South Korean"] = "KOR" });

    private static bool Has(UInt128 bits, GazetteerType type, int position) =>
        ((bits >> ((int)type * 4 + position)) & UInt128.One) != UInt128.Zero;

    [Theory]
    [InlineData("NUR-SULTAN")]
    [InlineData("Nur-Sultan")]
    [InlineData("Nur - Sultan")]
    public void PlaceMatchesWhateverTheCaseOrHyphenSpacing(string text)
    {
        var tokens = text.Split(' ');
        var bits = new UInt128[tokens.Length];
        Small().Match(tokens, bits);
        if (tokens.Length == 1) Has(bits[0], GazetteerType.Capital, 3).ShouldBeTrue();
        else
        {
            Has(bits[0], GazetteerType.Capital, 0).ShouldBeTrue();
            Has(bits[1], GazetteerType.Capital, 1).ShouldBeTrue();
            Has(bits[2], GazetteerType.Capital, 2).ShouldBeTrue();
        }
    }

    [Fact]
    public void NamePhrasesNeedCapitalizedEndsButRolePhrasesDoNot()
    {
        var tokens = new[] { "the", "inter-parliamentary", "union", "and", "the", "foreign", "minister", "Galym" };
        var bits = new UInt128[tokens.Length];
        Small().Match(tokens, bits);
        Has(bits[1], GazetteerType.Organization, 0).ShouldBeFalse();
        Has(bits[1], GazetteerType.UncasedName, 0).ShouldBeTrue();
        Has(bits[5], GazetteerType.AgentPhrase, 0).ShouldBeTrue();
        Has(bits[6], GazetteerType.AgentPhrase, 2).ShouldBeTrue();
        Has(bits[7], GazetteerType.FirstName, 3).ShouldBeTrue();
    }

    [Fact]
    public void LowerCasePlacesGetOnlyTheUncasedKindAndNeverWhenTheyAreOrdinaryWords()
    {
        var tokens = new[] { "flew", "to", "ostrava", "with", "my", "mobile", "in", "Mobile" };
        var bits = new UInt128[tokens.Length];
        Small().Match(tokens, bits);
        Has(bits[2], GazetteerType.UncasedPlace, 3).ShouldBeTrue();
        Has(bits[2], GazetteerType.City, 3).ShouldBeFalse();
        Has(bits[5], GazetteerType.CommonWord, 3).ShouldBeTrue();
        Has(bits[5], GazetteerType.City, 3).ShouldBeFalse();
        Has(bits[5], GazetteerType.UncasedPlace, 3).ShouldBeFalse();
        Has(bits[7], GazetteerType.City, 3).ShouldBeTrue();
    }

    [Fact]
    public void DemonymsMarkEveryTokenOfTheLongestMatch()
    {
        var tokens = new[] { "A", "South", "Korean", "and", "a", "KAZAKH", "envoy", "kazakh" };
        var codes = new string?[tokens.Length];
        Small().MatchDemonyms(tokens, codes);
        codes.ShouldBe([null, "KOR", "KOR", null, null, "KAZ", null, null]);
    }

    [Fact]
    public void SurvivesAWriteReadRoundTrip()
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) Small().Write(writer);
        stream.Position = 0;
        var copy = Gazetteer.Read(new BinaryReader(stream));
        copy.EntryCount.ShouldBe(6);
        copy.Lookup("nur sultan").ShouldBe(Gazetteer.Bit(GazetteerType.Capital));
        copy.DemonymCount.ShouldBe(2);
    }
}
