namespace Dyad.Coding.Tests;

/// <summary>
/// Actors whose own phrase names no country, given one by the document (docs/coding.md "Context"): definite
/// descriptions and "the country" look back for the one country named before them; bare agents take the country of
/// the story's dateline; ambiguity or no evidence gives no event.
/// </summary>
public sealed class ContextTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    // The actors are what these tests are about; the code is the lexicon's ("arrest * JOURNALIST" is CAMEO.2.0's 175).
    private (string? Source, string? Target)[] Actors(string text) =>
        models.Code(text).Select(e => (e.Source, e.Target)).Order().ToArray();

    [Fact]
    public void A_definite_agent_takes_the_country_named_in_an_earlier_sentence()
    {
        var e = models.Code("Turkish President Recep Tayyip Erdogan spoke on Sunday. The government later criticized Greece.")
            .Single(e => e.VerbText == "criticized");
        (e.Source, e.Code, e.Target).ShouldBe(("TURGOV", "111", "GRC"));
        e.Rule!.ShouldContain("agent+context:antecedent");
    }

    [Fact]
    public void Two_candidate_countries_give_a_definite_agent_none() =>
        models.Code("Turkish and Greek officials met on Sunday. The government later criticized Cyprus.")
            .ShouldNotContain(e => e.VerbText == "criticized");

    [Fact]
    public void An_agent_owned_by_the_country_takes_the_country_named_before_it() =>
        Actors("The Malian army criticized the country's prime minister.").ShouldBe([("MLIMIL", "MLIGOV")]);

    [Fact]
    public void The_country_refers_to_the_one_country_named_before_it()
    {
        var e = models.Code("Russia expelled two diplomats on Monday. The country also criticized Estonia.")
            .Single(e => e.VerbText == "criticized");
        (e.Source, e.Target).ShouldBe(("RUS", "EST"));
    }

    [Fact]
    public void A_bare_agent_takes_the_dateline_country() =>
        Actors("KABUL (Reuters) - Police arrested dozens of journalists on Sunday.").ShouldBe([("AFGCOP", "AFGMED")]);

    [Fact]
    public void Places_in_two_countries_leave_a_definite_agent_without_one() =>
        models.Code("Thousands rallied in Minsk and Moscow on Sunday. The government criticized Lithuania.")
            .ShouldNotContain(e => e.VerbText == "criticized");

    [Fact]
    public void A_definite_agent_after_a_place_takes_its_country()
    {
        var e = models.Code("Thousands rallied in Minsk on Sunday. The government criticized Lithuania.").Single(e => e.VerbText == "criticized");
        (e.Source, e.Target).ShouldBe(("BLRGOV", "LTU"));
    }

    [Theory]
    [InlineData("Police arrested dozens of journalists.")]
    // A country named as an actor is no setting.
    [InlineData("The government criticized Cyprus.")]
    // A nationality is no setting: foreign journalists are arrested abroad.
    [InlineData("Police arrested two Ghanaian journalists.")]
    // A place named in the text is no dateline: a bare agent stays without a country.
    [InlineData("Thousands rallied in Minsk on Sunday. Police arrested dozens of journalists.")]
    public void Without_one_supported_country_a_bare_agent_codes_nothing(string text) =>
        models.Code(text).ShouldBeEmpty();

    [Fact]
    public void Context_never_crosses_documents()
    {
        models.Code("Thousands rallied in Minsk on Sunday.");
        models.Code("Police arrested dozens of journalists.").ShouldBeEmpty();
    }

    [Fact]
    public void Two_named_countries_keep_a_definite_agent_from_the_setting() =>
        models.Code("Putin met Erdogan in Ankara on Sunday. The president later criticized Ukraine.")
            .ShouldNotContain(e => e.VerbText == "criticized");

    [Fact]
    public void A_subject_it_refers_to_the_country_last_named_as_a_subject()
    {
        var e = models.Code("China criticized Japan on Monday. It also accused the United States of interference.")
            .Single(e => e.VerbText == "accused");
        (e.Source, e.Target).ShouldBe(("CHN", "USA"));
        e.Rule!.ShouldContain("coref:it");
    }

    [Fact]
    public void It_looks_back_one_sentence_only() =>
        models.Code("China criticized Japan on Monday. The weather was cold. It also accused the United States of interference.")
            .ShouldNotContain(e => e.VerbText == "accused");
}
