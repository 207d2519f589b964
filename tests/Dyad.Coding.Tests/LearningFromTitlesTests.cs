using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Learning;
using Dyad.Text;

namespace Dyad.Coding.Tests;

/// <summary>
/// People learned from the titles the text gives them, through the real tagger, parser and recognizer. The names are
/// invented so no shipped dictionary knows them: what is learned comes from the sentence alone.
/// </summary>
public sealed class LearningFromTitlesTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    private (IReadOnlyList<CodedEvent> Events, IReadOnlyList<LearnedActor> People) Code(string text, DateOnly date)
    {
        var events = models.Coder.Code(models.Annotate(text, date), out var people);
        return (events, people);
    }

    private static readonly DateOnly Day = new(2020, 2, 2);

    private static LearnedActor Person(IReadOnlyList<LearnedActor> people, string name) =>
        people.SingleOrDefault(p => p.Name == name)
        ?? throw new ShouldAssertException($"'{name}' was not learned; learned: {string.Join(", ", people.Select(p => $"{p.Name}={p.Code}"))}");

    [Fact]
    public void A_long_title_chain_before_a_subject_teaches_the_full_name_and_later_mentions_resolve()
    {
        var (events, people) = Code(
            "United States Secretary of State Brimwell Otaskar on Sunday urged Kazakhstan to join the talks. " +
            "Otaskar criticized China. The Secretary of State also praised Kazakhstan.", Day);
        var p = Person(people, "Brimwell Otaskar");
        p.Code.ShouldBe("USAGOV");
        p.Title.ShouldBe("United States Secretary of State");
        p.TitleHead.ShouldBe("Secretary");
        p.Evidence.ShouldHaveSingleItem().SentenceIndex.ShouldBe(0);
        events.Single(e => e.VerbText == "urged").Source.ShouldBe("USAGOV");
        var criticism = events.Single(e => e.VerbText == "criticized");
        criticism.Source.ShouldBe("USAGOV");
        criticism.Target.ShouldBe("CHN");
        events.Single(e => e.VerbText == "praised").Source.ShouldBe("USAGOV");
    }

    [Fact]
    public void A_title_before_an_object_teaches_the_person()
    {
        var (events, people) = Code("Pompeo met Kazakh President Zorbul Qantavi at the palace in Nur-Sultan.", Day);
        var p = Person(people, "Zorbul Qantavi");
        p.Code.ShouldBe("KAZGOV");
        p.Title.ShouldBe("Kazakh President");
        events.ShouldContain(e => e.Target == "KAZGOV");
    }

    [Fact]
    public void An_apposition_after_an_object_with_a_possessive_country_teaches_the_person()
    {
        var (_, people) = Code("Police in Almaty detained Vemrik Taldaru, Kazakhstan's foreign minister, on Tuesday.", Day);
        var p = Person(people, "Vemrik Taldaru");
        p.Code.ShouldBe("KAZGOV");
        p.Title.ShouldBe("Kazakhstan's foreign minister");
        p.TitleHead.ShouldBe("minister");
    }

    [Fact]
    public void A_title_with_an_of_country_before_a_comma_teaches_the_person()
    {
        var (events, people) = Code("The foreign minister of Kyrgyzstan, Aidar Belkumov, criticized Russia on Monday.", Day);
        Person(people, "Aidar Belkumov").Code.ShouldBe("KGZGOV");
        events.Single(e => e.VerbText == "criticized").Source.ShouldBe("KGZGOV");
    }

    [Fact]
    public void A_role_the_dictionary_lacks_on_the_date_corrects_it_and_one_it_has_confirms_it()
    {
        var dictionary = CompiledDictionary.LoadShipped();
        // The shipped dictionaries give William Ruto KENGOV from 2013 only; in 2009 the text is what says he governs.
        var (_, before) = Code("Kenyan Agriculture Minister William Ruto criticized Uganda over the border dispute.", new DateOnly(2009, 5, 1));
        var minister = Person(before, "William Ruto");
        minister.Code.ShouldStartWith("KENGOV");
        DictionaryAgreement.Of(minister, dictionary).Kind.ShouldNotBe(AgreementKind.Confirms);
        // In 2023 the dictionary already says so: still learned, with the sentence and date as evidence.
        var (_, after) = Code("Kenyan President William Ruto criticized Uganda over the border dispute.", new DateOnly(2023, 5, 1));
        var president = Person(after, "William Ruto");
        (president.Code, president.FirstSeen, president.Evidence[0].Text)
            .ShouldBe(("KENGOV", new DateOnly(2023, 5, 1), "Kenyan President William Ruto criticized Uganda over the border dispute."));
        DictionaryAgreement.Of(president, dictionary).Describe().ShouldBe("confirms KENGOV");
    }

    [Fact]
    public void A_former_title_teaches_nothing()
    {
        var (_, people) = Code("Former Kazakh Foreign Minister Vemrik Taldaru criticized the government on Monday.", Day);
        people.ShouldNotContain(p => p.Name == "Vemrik Taldaru");
        var (_, later) = Code("Otaskar then met Kazakh Foreign Minister Vemrik Taldaru in Nur-Sultan.", Day);
        Person(later, "Vemrik Taldaru").Code.ShouldBe("KAZGOV");
    }
}
