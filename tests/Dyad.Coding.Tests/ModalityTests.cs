namespace Dyad.Coding.Tests;

/// <summary>
/// Negation, modality and hypotheticals under the CAMEO convention, one construction each beyond those in
/// <see cref="EventCoderConstructionTests"/>: what CAMEO codes for a refused, threatened, intended, negated, modal,
/// conditional or questioned action.
/// </summary>
public sealed class ModalityTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    private (string? Source, string Code, string? Target)[] Triples(string text) =>
        models.Code(text).Select(e => (e.Source, e.Code, e.Target)).Order().ToArray();

    [Fact]
    public void Refusing_to_comment_is_011() =>
        Triples("India refused to comment on the Pakistani statement.").ShouldBe([("IND", "011", "PAK")]);

    [Fact]
    public void Not_having_commented_is_011_and_negated()
    {
        var e = models.Code("North Korea has not commented on the South Korean proposal.").ShouldHaveSingleItem();
        (e.Source, e.Code, e.Target, e.Negated).ShouldBe(("PRK", "011", "KOR", true));
    }

    [Fact]
    public void Refusing_to_attend_talks_rejects_the_meeting() =>
        Triples("Egypt refused to attend talks with Ethiopia.").ShouldBe([("EGY", "125", "ETH")]);

    [Fact]
    public void A_threat_keeps_its_condition() =>
        Triples("Iran threatened to retaliate against the United States if it attacked.").Select(t => (t.Source, t.Code[..2], t.Target))
            .ShouldBe([("IRN", "13", "USA")]);

    [Fact]
    public void Going_to_meet_is_an_intent() =>
        Triples("Japan is going to meet South Korea.").ShouldBe([("JPN", "036", "KOR")]);

    [Fact]
    public void Will_provide_aid_is_an_intent_to_provide_aid() =>
        Triples("Germany will send aid to Greece.").ShouldBe([("DEU", "033", "GRC")]);

    [Theory]
    [InlineData("Russia did not attack Ukraine.")]
    [InlineData("Russia never met Ukraine.")]
    public void A_negated_action_is_no_event(string text) => Triples(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Russia would meet Ukraine.")]
    [InlineData("Kenya might sanction South Sudan.")]
    public void A_modal_action_is_no_event(string text) => Triples(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Could Russia attack Ukraine?")]
    [InlineData("Did Russia attack Ukraine?")]
    public void A_question_is_no_event(string text) => Triples(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Russia will attack Ukraine unless Ukraine withdraws.")]
    [InlineData("If China invades Taiwan, Japan would respond.")]
    [InlineData("Should Iran release the tanker, Britain will lift the sanctions.")]
    public void A_conditional_action_is_no_event(string text) => Triples(text).ShouldBeEmpty();
}
