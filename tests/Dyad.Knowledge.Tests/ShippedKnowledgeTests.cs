using Dyad.Knowledge.Actors;
using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Places;
using Dyad.Tests;

namespace Dyad.Knowledge.Tests;

/// <summary>The compiled files committed under models/ (loaded once for the class).</summary>
public sealed class ShippedModels
{
    public ActorDictionary Dictionary { get; } = CompiledDictionary.Load(ModelFiles.Find(ModelFiles.ActorDictionary));
    public Gazetteer Gazetteer { get; } = Gazetteer.Load(ModelFiles.Find(Gazetteer.FileName));
    public CameoCodeTable Codes { get; } = CameoCodeTable.Load(ModelFiles.Find(ModelFiles.CameoCodes));
}

public class ShippedKnowledgeTests(ShippedModels models) : IClassFixture<ShippedModels>
{
    private static readonly DateOnly Day = new(2020, 2, 3);

    [Theory]
    [InlineData("United Nations", "IGOUNO")]
    [InlineData("UN", "IGOUNO")]
    [InlineData("Amnesty International", "NGOHRIAMN")]
    [InlineData("Kazakhstan", "KAZ")]
    public void ShippedActorsResolve(string name, string code)
    {
        var match = models.Dictionary.ResolveActor(name, Day)!;
        match.Code!.Code.ShouldBe(code);
        match.Entry.Source.File.ShouldStartWith("Phoenix.");
    }

    [Theory]
    [InlineData("Emmanuel Macron", "2021-05-01", "FRAGOV")]
    [InlineData("Emmanuel Macron", "2013-05-01", "FRAELI")]
    [InlineData("Donald Trump", "2018-03-01", "USAGOV")]
    [InlineData("Donald Trump", "2022-03-01", "USAELI")]
    [InlineData("Antonio Guterres", "2023-03-01", "IGOUNO")]
    public void RecentOfficeHoldersComeFromDyadsOwnListOverPhoenix(string name, string day, string code)
    {
        var shipped = CompiledDictionary.LoadShipped();
        var match = shipped.ResolveActor(name, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))!;
        match.Code!.Code.ShouldBe(code);
        match.Entry.Source.File.ShouldBe(ModelFiles.RecentOfficials);
    }

    [Fact]
    public void TheRecentOfficeHoldersListLoadsWithoutProblems()
    {
        var list = UserDictionary.Load(ModelFiles.Find(ModelFiles.RecentOfficials));
        list.Problems.ShouldBeEmpty();
        list.Actors.Count.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void TheAllocationFreeLookupAgreesWithLookupActor()
    {
        foreach (var name in new[] { "United Nations", "XI_JINPING", "u.n.", "Qwxzzy" })
        {
            var matches = models.Dictionary.LookupActor(name, Day);
            models.Dictionary.TryGetActorEntries(name, out var entries).ShouldBe(matches.Count > 0);
            entries.ShouldBe(matches.Select(m => m.Entry).ToList());
        }
    }

    [Fact]
    public void DatedShippedRolesChangeWithTheDate()
    {
        // Phoenix lists [KAZELI 580101-000101] before [KAZGOV >900424]; the first restriction that holds wins.
        models.Dictionary.ResolveActor("Nursultan Nazarbayev", new DateOnly(1985, 1, 1))!.Code!.Code.ShouldBe("KAZELI");
        models.Dictionary.ResolveActor("Nursultan Nazarbayev", new DateOnly(2000, 1, 1))!.Code!.Code.ShouldBe("KAZELI");
        models.Dictionary.ResolveActor("Nursultan Nazarbayev", new DateOnly(2000, 1, 2))!.Code!.Code.ShouldBe("KAZGOV");
    }

    [Fact]
    public void ShippedAgentsIncludeSubstitutionForms() =>
        models.Dictionary.LookupAgent("foreign ministry").ShouldContain(a => a.Code == "GOV" && a.Position == AgentPosition.Suffix);

    [Theory]
    [InlineData("the States", "USA")]
    [InlineData("U.S.", "USA")]
    [InlineData("America", "USA")]
    [InlineData("United States of America", "USA")]
    [InlineData("UK", "GBR")]
    [InlineData("Georgia", "GEO")]
    public void CountryAliases(string name, string iso3) => models.Gazetteer.Countries.ByName(name)!.Iso3.ShouldBe(iso3);

    [Theory]
    [InlineData("Kazakh", "KAZ")]
    [InlineData("Kazakhstani", "KAZ")]
    [InlineData("American", "USA")]
    [InlineData("Chinese", "CHN")]
    [InlineData("british", "GBR")]
    public void Demonyms(string demonym, string iso3) => models.Gazetteer.Countries.ByDemonym(demonym)!.Iso3.ShouldBe(iso3);

    [Theory]
    [InlineData("Beijing", "CHN")]
    [InlineData("Washington", "USA")]
    [InlineData("Nur-Sultan", "KAZ")]
    [InlineData("Astana", "KAZ")]
    [InlineData("Moscow", "RUS")]
    public void CapitalsStandForTheirCountry(string capital, string iso3) => models.Gazetteer.Countries.ByCapital(capital)!.Iso3.ShouldBe(iso3);

    [Theory]
    [InlineData("Xinjiang", "CHN")]
    [InlineData("Donetsk", "UKR")]
    [InlineData("Pavlodar", "KAZ")]
    [InlineData("Texas", "USA")]
    public void RegionsMapToTheirCountry(string region, string iso3) => models.Gazetteer.Countries.RegionToCountry(region)!.Iso3.ShouldBe(iso3);

    [Fact]
    public void ParisRanksTheFrenchCapitalFirstThenByFeatureClassAndPopulation()
    {
        var candidates = models.Gazetteer.Lookup("PARIS");
        candidates.Count.ShouldBeGreaterThan(5);
        candidates[0].CountryIso3.ShouldBe("FRA");
        candidates[0].FeatureCode.ShouldBe("PPLC");
        candidates[0].GeonamesId.ShouldBe(2988507);
        candidates[0].Latitude.ShouldBe(48.85f, 0.01f);
        candidates.Skip(1).ShouldAllBe(c => c.Population < candidates[0].Population);
    }

    [Fact]
    public void ACountryBeatsARegionOrCityOfTheSameName()
    {
        var georgia = models.Gazetteer.Lookup("Georgia");
        georgia[0].Kind.ShouldBe(PlaceKind.Country);
        georgia[0].CountryIso3.ShouldBe("GEO");
        georgia.ShouldContain(c => c.Kind == PlaceKind.Region && c.CountryIso3 == "USA");
    }

    [Fact]
    public void NewerGeoNamesNamesFindTheSamePlace()
    {
        var astana = models.Gazetteer.Lookup("Astana").Single(c => c.Kind == PlaceKind.Place);
        astana.ShouldBeSameAs(models.Gazetteer.Lookup("Nur-Sultan").Single(c => c.Kind == PlaceKind.Place));
        astana.FeatureCode.ShouldBe("PPLC");
        astana.CountryIso3.ShouldBe("KAZ");
    }

    [Fact]
    public void UnknownNamesGiveNoCandidates() => models.Gazetteer.Lookup("Qwxzzy Nowhere").ShouldBeEmpty();

    [Theory]
    [InlineData("USAGOV", "USA", null, "GOV")]
    [InlineData("CHNMIL", "CHN", null, "MIL")]
    [InlineData("IGOUNO", null, "IGO", "UNO")]
    [InlineData("NGOHRI", null, "NGO", "HRI")]
    [InlineData("CHNUIG", "CHN", null, "UIG")]
    [InlineData("KAZ", "KAZ", null, null)]
    public void ActorCodesSplitIntoHeadAndSector(string text, string? country, string? organization, string? sector)
    {
        var code = ActorCode.Parse(text, models.Codes);
        code.Country.ShouldBe(country);
        code.Organization.ShouldBe(organization);
        code.Sector.ShouldBe(sector);
        code.CountryIso3.ShouldBe(country);
    }

    [Fact]
    public void ActorCodeNamesComeFromTheCodeTables()
    {
        var code = ActorCode.Parse("usagovmil", models.Codes);
        code.Code.ShouldBe("USAGOVMIL");
        code.Roles.ShouldBe(["GOV", "MIL"]);
        code.Name.ShouldBe("United States Government Military");
        var uig = ActorCode.Parse("UIG", models.Codes);
        uig.Country.ShouldBeNull();
        uig.Segments.Single().Kind.ShouldBe(CameoSegmentKind.Ethnic);
        ActorCode.Parse("AFR", models.Codes).CountryIso3.ShouldBeNull(); // a CAMEO region, not an ISO country
    }

    [Fact]
    public void CodeLabelsFindEthnicGroupsAndNamedOrganisations()
    {
        models.Codes.ByLabel("uyghur").ShouldContain(s => s.Code == "UIG" && s.Kind == CameoSegmentKind.Ethnic);
        models.Codes.ByLabel("Amnesty International").ShouldContain(s => s.Code == "AMN" && s.Kind == CameoSegmentKind.KnownGroup);
        models.Codes.ByLabel("no such group").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("US")]
    [InlineData("USAG0V")]
    [InlineData("QQQGOV")]
    [InlineData("USAQQQ")]
    [InlineData("")]
    public void InvalidActorCodesAreRejectedWithAReason(string text)
    {
        ActorCode.TryParse(text, models.Codes, out var code, out var error).ShouldBeFalse();
        code.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void ShippedCodesMostlyParseAsCameo()
    {
        var codes = models.Dictionary.Actors.Select(a => a.Default?.Code).OfType<string>().Where(c => c != "---" && !c.Contains('/')).ToList();
        var parsed = codes.Count(c => ActorCode.TryParse(c, models.Codes, out _, out _));
        ((double)parsed / codes.Count).ShouldBeGreaterThan(0.97, $"{parsed} of {codes.Count}; first failures: {string.Join(", ", codes.Where(c => !ActorCode.TryParse(c, models.Codes, out _, out _)).Distinct().Take(15))}");
        ActorCode.Parse("ROUGOV", models.Codes).CountryIso3.ShouldBe("ROU");
    }
}

public class ConformanceDictionaryTests
{
    [SkippableTheory]
    [InlineData("PETR.Validate.actors.txt")]
    [InlineData("PETR.Validate.agents.txt")]
    [InlineData("PETR.Validate.discards.txt")]
    public void PetrarchValidationDictionariesImportWithoutErrors(string file)
    {
        var path = SharedData.Require(Path.Combine("conformance", "petrarch2-unittest", file));
        var dict = new ActorDictionary();
        ShippedDictionaries.ReadFile(path, dict);
        dict.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        (dict.ActorPhraseCount + dict.AgentPhraseCount + dict.DiscardCount).ShouldBeGreaterThan(5);
    }

    [SkippableFact]
    public void ValidationActorsKeepTheirDatedCodes()
    {
        var dict = new ActorDictionary();
        ShippedDictionaries.ReadFile(SharedData.Require("conformance/petrarch2-unittest/PETR.Validate.actors.txt"), dict);
        dict.ResolveActor("Smeagol", new DateOnly(1995, 5, 31))!.Code!.Code.ShouldBe("HOB");
        dict.ResolveActor("Smeagol", new DateOnly(1997, 1, 1))!.Code!.Code.ShouldBe("HOBGOV");
        dict.ResolveActor("Stinker", new DateOnly(1999, 8, 16))!.Code!.Code.ShouldBe("HOBREB");
        dict.ResolveActor("The Shire", new DateOnly(1999, 8, 16))!.Codes.ShouldBe(["FRO", "BIL", "SAM"]);
    }
}
