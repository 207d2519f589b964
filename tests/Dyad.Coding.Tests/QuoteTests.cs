namespace Dyad.Coding.Tests;

/// <summary>Quotes and statements: who speaks a quote, and the events a quote's content yields.</summary>
public sealed class QuoteTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    private (string? Source, string Code, string? Target)[] Triples(string text) =>
        models.Code(text).Select(e => (e.Source, e.Code, e.Target)).Order().ToArray();

    [Fact]
    public void A_quote_before_its_speaker_yields_its_event_with_our_as_the_speakers_side()
    {
        var e = models.Code("\"Russia attacked our ships,\" Ukrainian President Volodymyr Zelensky said on Sunday.").ShouldHaveSingleItem();
        (e.Source, e.Root, e.Target).ShouldBe(("RUS", "19", "UKRGOV"));
    }

    [Fact]
    public void A_first_person_subject_of_a_quote_before_its_speaker_is_the_speaker()
    {
        var e = models.Code("\"We condemn the Israeli airstrikes,\" Turkish Foreign Minister Mevlut Cavusoglu told reporters.").ShouldHaveSingleItem();
        (e.Source, e.Code, e.Target).ShouldBe(("TURGOV", "111", "ISR"));
        e.Rule!.ShouldContain("speaker");
    }

    [Fact]
    public void An_indirect_quote_yields_the_reported_event_of_its_own_subject() =>
        Triples("Ukrainian President Volodymyr Zelensky said that Russia had attacked Ukrainian ships.").ShouldBe([("RUS", "190", "UKR")]);

    [Fact]
    public void A_quote_without_a_speaker_gives_a_first_person_word_no_actor() =>
        Triples("\"Russia attacked our ships.\"").ShouldBeEmpty();
}
