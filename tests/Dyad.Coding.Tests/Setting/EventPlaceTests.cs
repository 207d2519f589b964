using Dyad.Coding.Places;
using Dyad.Coding.Setting;
using Dyad.Knowledge.Places;
using Dyad.Text;

namespace Dyad.Coding.Tests.Setting;

/// <summary>Event places of short sentences run through the shipped models and resolved with models/places.bin.</summary>
[Collection(SettingCollection.Name)]
public sealed class EventPlaceTests(SettingPipeline models)
{
    private static readonly DateOnly Published = new(2020, 2, 5);
    private static readonly EventPlacer Placer = EventSetting.Shipped.Placer;

    /// <summary>The place of the event whose predicate, source and target are the given words of the last sentence.</summary>
    private EventLocation? PlaceOf(string text, string predicate, string? source, string? target, string? sourceCode = null, string? targetCode = null)
    {
        var doc = models.Parse(text, Published);
        var sentence = doc.Sentences[^1];
        int Index(string? word) => word == null ? -1 : SettingPipeline.TokenIndex(sentence, word);
        return Placer.Place(sentence, doc.Text, Index(predicate), [Index(source), Index(target)], [sourceCode, targetCode], Dateline.Find(doc));
    }

    [Fact]
    public void In_a_city_gives_the_city_with_its_gazetteer_record()
    {
        var place = PlaceOf("Police arrested protesters in Almaty.", "arrested", "Police", "protesters", "KAZCOP", "KAZOPP").ShouldNotBeNull();
        place.Name.ShouldBe("Almaty");
        place.Country.ShouldBe("KAZ");
        place.GeonamesId.ShouldNotBeNull();
        place.Lat!.Value.ShouldBe(43.25, 0.1);
        place.Lon!.Value.ShouldBe(76.9, 0.1);
        place.Admin1.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void A_hyphenated_city_name_is_read_whole()
    {
        var place = PlaceOf("Police arrested protesters in Nur-Sultan at the start of the rally.", "arrested", "Police", "protesters").ShouldNotBeNull();
        (place.Country, place.GeonamesId).ShouldBe(("KAZ", 1526273));
    }

    [Fact]
    public void At_an_occasion_in_a_city_gives_the_city()
    {
        var place = PlaceOf("Pompeo met the families at a rally in Lagos.", "met", "Pompeo", "families").ShouldNotBeNull();
        (place.Name, place.Country).ShouldBe(("Lagos", "NGA"));
    }

    [Fact]
    public void Near_a_city_gives_the_city()
    {
        var place = PlaceOf("Troops shelled the town near Aleppo.", "shelled", "Troops", "town").ShouldNotBeNull();
        (place.Name, place.Country).ShouldBe(("Aleppo", "SYR"));
    }

    [Fact]
    public void A_participial_clause_sets_the_scene_of_its_governor_and_of_an_open_complement()
    {
        const string text = "Pompeo urged Kazakhstan to join Washington in pressing China, speaking in Nur-Sultan.";
        var urged = PlaceOf(text, "urged", "Pompeo", "Kazakhstan", "USAGOV", "KAZ").ShouldNotBeNull();
        (urged.Country, urged.GeonamesId).ShouldBe(("KAZ", 1526273));
        PlaceOf(text, "join", "Kazakhstan", "Washington", "KAZ", "USAGOV").ShouldBe(urged);
    }

    [Fact]
    public void A_region_gives_the_region_and_its_country_without_coordinates()
    {
        var place = PlaceOf("China detained Uighurs in Xinjiang.", "detained", "China", "Uighurs", "CHN", "CHNUIG").ShouldNotBeNull();
        place.Country.ShouldBe("CHN");
        place.Admin1!.ShouldContain("Xinjiang");
        place.Lat.ShouldBeNull();
        place.GeonamesId.ShouldBeNull();
        var possessed = PlaceOf("China detained Uighurs in China's Xinjiang region.", "detained", "China", "Uighurs").ShouldNotBeNull();
        possessed.Admin1!.ShouldContain("Xinjiang");
    }

    [Fact]
    public void A_country_gives_the_country_at_its_capital()
    {
        var place = PlaceOf("The United States criticized Russia in Kazakhstan.", "criticized", "States", "Russia", "USA", "RUS").ShouldNotBeNull();
        place.Country.ShouldBe("KAZ");
        place.Name.ShouldBe("Kazakhstan");
        place.GeonamesId.ShouldBeNull();
        // Astana lies at about 51.2 N, 71.4 E.
        place.Lat!.Value.ShouldBe(51.2, 0.2);
        place.Lon!.Value.ShouldBe(71.4, 0.2);
    }

    [Fact]
    public void An_actor_is_never_a_place()
    {
        PlaceOf("Washington criticized Beijing.", "criticized", "Washington", "Beijing", "USAGOV", "CHNGOV").ShouldBeNull();
        PlaceOf("China criticized the United States.", "criticized", "China", "States", "CHN", "USA").ShouldBeNull();
    }

    [Fact]
    public void An_institution_that_shares_its_name_with_a_village_is_not_a_place()
    {
        // There is a Congress in Arizona (pop. about 2,000) and a Council in Idaho.
        PlaceOf("Pelosi criticized Trump in Congress.", "criticized", "Pelosi", "Trump", "USALEG", "USAGOV")?.Name.ShouldNotBe("Congress");
        PlaceOf("The mayor praised the police in Council.", "praised", "mayor", "police")?.Name.ShouldNotBe("Council");
    }

    [Fact]
    public void A_village_the_recognizer_marks_as_a_place_needs_an_actor_from_its_country()
    {
        // Whatever the shipped recognizer reads, set "Council" (a village in Idaho) as a one-word LOC.
        EventLocation? PlaceWithLoc(string text, string predicate, string source, string target, string? sourceCode, string? targetCode)
        {
            var doc = models.Parse(text, Published);
            var sentence = doc.Sentences[^1];
            int council = SettingPipeline.TokenIndex(sentence, "Council");
            sentence.Entities = [new EntitySpan(council, council + 1, "LOC")];
            int Index(string word) => SettingPipeline.TokenIndex(sentence, word);
            return Placer.Place(sentence, doc.Text, Index(predicate), [Index(source), Index(target)], [sourceCode, targetCode], null);
        }
        PlaceWithLoc("The mayor praised the police in Council.", "praised", "mayor", "police", null, null)?.Name.ShouldNotBe("Council");
        var inCountry = PlaceWithLoc("The mayor praised the police in Council.", "praised", "mayor", "police", "USAGOV", "USACOP").ShouldNotBeNull();
        (inCountry.Name, inCountry.Country).ShouldBe(("Council", "USA"));
    }

    [Fact]
    public void Without_a_place_in_the_sentence_the_datelines_city_is_used()
    {
        var place = PlaceOf("NUR-SULTAN (Reuters) - China criticized the United States.", "criticized", "China", "States", "CHN", "USA").ShouldNotBeNull();
        place.Country.ShouldBe("KAZ");
        place.GeonamesId.ShouldNotBeNull();
        var inSentence = PlaceOf("NUR-SULTAN (Reuters) - Police arrested protesters in Almaty.", "arrested", "Police", "protesters").ShouldNotBeNull();
        inSentence.Name.ShouldBe("Almaty");
    }

    [Fact]
    public void Actors_of_one_country_place_a_domestic_event_in_that_country()
    {
        var place = PlaceOf("Police arrested the protesters.", "arrested", "Police", "protesters", "KAZCOP", "KAZOPP").ShouldNotBeNull();
        place.Country.ShouldBe("KAZ");
        (place.Name, place.Lat, place.Lon, place.GeonamesId).ShouldBe((null, null, null, null));
        PlaceOf("Police arrested the protesters.", "arrested", "Police", "protesters", "KAZCOP", "RUSOPP").ShouldBeNull();
        PlaceOf("Police arrested the protesters.", "arrested", "Police", "protesters", "KAZCOP", "IGOUNO").ShouldBeNull();
    }

    [Fact]
    public void An_ambiguous_small_name_is_read_in_the_actors_country_but_a_major_city_keeps_its_reading()
    {
        var kazakh = Placer.ActorCountries(["KAZGOV", "KAZOPP"]);
        var hamilton = Placer.Resolve("Hamilton", Placer.ActorCountries(["CANCOP", "CANOPP"])).ShouldNotBeNull();
        hamilton.Country.ShouldBe("CAN");
        Placer.Resolve("Paris", Placer.ActorCountries(["USAGOV", "USAOPP"]))!.Country.ShouldBe("FRA");
        Placer.Resolve("Almaty", kazakh)!.Country.ShouldBe("KAZ");
    }

    [Fact]
    public void Coded_events_carry_the_place()
    {
        var events = models.Code("China criticized the United States in Almaty.", Published);
        var e = events.ShouldHaveSingleItem();
        e.Location.ShouldNotBeNull().Name.ShouldBe("Almaty");
        models.Code("Washington criticized Beijing.", Published).ShouldAllBe(x => x.Location == null);
    }

    [Fact]
    public void A_dateline_is_read_into_place_region_and_date()
    {
        var doc = models.Parse("KABUL, Afghanistan, Feb 3 (AFP) -- Police arrested protesters.", Published);
        var dateline = Dateline.Find(doc).ShouldNotBeNull();
        dateline.Place.ShouldBe("KABUL");
        dateline.Region.ShouldBe("Afghanistan");
        dateline.Date.ShouldNotBeNull().Resolve(Published, false).ShouldBe(new DateOnly(2020, 2, 3));
        Dateline.Find(models.Parse("Police arrested protesters in Almaty.", Published)).ShouldBeNull();
    }
}
