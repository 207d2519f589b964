using Dyad.Coding.Coder;
using Dyad.Coding.Discards;
using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Resolution;

namespace Dyad.Coding.Tests;

/// <summary>Discard phrases: the matching rules on invented lists, then the shipped Phoenix list in the real coder.</summary>
public sealed class DiscardTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    private static DiscardEntry Entry(string phrase, bool story = false, bool wholeWord = false) =>
        new(phrase, story, wholeWord, new SourceLocation("test.discards.txt", 1));

    private static readonly DiscardList List = new([Entry("champion"), Entry("world cup", story: true), Entry("group a", wholeWord: true), Entry("film festival")]);

    [Theory]
    [InlineData("Spain won the CHAMPIONSHIP on Sunday.", "champion")]
    [InlineData("Brazil will host the World Cup.", "world cup")]
    [InlineData("They are in Group A.", "group a")]
    [InlineData("The film festivals of Europe opened.", "film festival")]
    public void A_phrase_matches_at_a_word_start_without_case_and_its_last_word_as_a_stem(string text, string phrase) =>
        List.Match(text)!.Phrase.ShouldBe(phrase);

    [Theory]
    [InlineData("France criticized Germany.")]
    [InlineData("The crowd sang about a nonchampion.")]
    [InlineData("They joined Group Alpha.")]
    [InlineData("The film was shown at the festival.")]
    public void Words_inside_other_words_a_whole_word_phrase_and_split_phrases_do_not_match(string text) =>
        List.Match(text).ShouldBeNull();

    [Theory]
    [InlineData("1990", true)]
    [InlineData("years ago", true)]
    [InlineData("fifty years ago", true)]
    [InlineData("months later", true)]
    [InlineData("april 1942", false)]
    [InlineData("world cup", false)]
    public void Chronology_phrases_are_only_numbers_and_time_words(string phrase, bool chronology) =>
        DiscardList.IsChronology(phrase).ShouldBe(chronology);

    [Fact]
    public void A_sentence_discard_drops_that_sentence_and_keeps_the_others()
    {
        var events = models.Code("France criticized Germany on Sunday. The Brazilian football federation criticized Argentina.");
        events.Select(e => (e.Source, e.Root, e.Target)).ShouldBe([("FRA", "11", "DEU")]);
    }

    [Fact]
    public void A_story_discard_drops_every_sentence_of_the_document()
    {
        models.Code("France criticized Germany on Sunday.").ShouldNotBeEmpty();
        models.Code("France criticized Germany on Sunday. Brazil will host the next World Cup.").ShouldBeEmpty();
    }

    [Fact]
    public void Chronology_discards_apply_only_under_the_petrarch_convention()
    {
        // Phoenix lists "YEARS AGO" to skip history; Dyad's CAMEO convention dates the event instead.
        const string text = "China criticized the United States three years ago.";
        var e = models.Code(text).ShouldHaveSingleItem();
        e.Date.ShouldBe("2017-02-02");
        var petrarch = new EventCoder(VerbLexicon.Load(), EventOntology.Load(), ActorResolver.Load(), CodingConvention.Petrarch);
        petrarch.Code(models.Annotate(text)).ShouldBeEmpty();
    }
}
