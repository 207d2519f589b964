using Dyad.Coding.Coder;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Tests;
using Dyad.Text;
using Dyad.Text.Tokenization;

namespace Dyad.Coding.Tests;

/// <summary>Loads the committed models once: tokenizer, tagger/lemmatizer/parser, NER, resolver and coder.</summary>
public class CodingPipelineFixture
{
    public CodingPipelineFixture()
    {
        Pipeline = NlpPipeline.Load(Path.Combine(SharedData.RepositoryRoot, "models"));
        Recognizer = EntityRecognizer.Load(Path.Combine(SharedData.RepositoryRoot, "models", "en.ner.bin"));
        Coder = EventCoder.Load();
    }

    public NlpPipeline Pipeline { get; }
    public EntityRecognizer Recognizer { get; }
    public EventCoder Coder { get; }

    public IReadOnlyList<CodedEvent> Code(string text, Action<AnnotatedDocument>? adjust = null)
    {
        var doc = Annotate(text);
        adjust?.Invoke(doc);
        return Coder.Code(doc);
    }

    /// <summary>Tokenized, tagged, parsed and NER-annotated, dated 2020-02-02.</summary>
    public AnnotatedDocument Annotate(string text) => Annotate(text, new DateOnly(2020, 2, 2));

    /// <summary>Tokenized, tagged, parsed and NER-annotated (per document, as dyad code does), dated <paramref name="published"/>.</summary>
    public AnnotatedDocument Annotate(string text, DateOnly published)
    {
        var doc = new TextAnalyzer().Analyze(new Document("t", published, text));
        Pipeline.Process(doc);
        Recognizer.Recognize(doc);
        return doc;
    }
}

public sealed class EventCoderTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    [Fact]
    public void Urging_to_join_is_an_appeal_from_the_urger_to_the_urged()
    {
        var events = models.Code("The United States urged Kazakhstan to join the talks.");
        var urge = events.Single(e => e.VerbText == "urged");
        urge.Source.ShouldBe("USA");
        urge.Target.ShouldBe("KAZ");
        urge.Root.ShouldBe("02");
        urge.Code.ShouldBe("022");
        urge.Rule!.ShouldContain("urge");
        urge.SourceText.ShouldBe("The United States");
        urge.TargetText.ShouldBe("Kazakhstan");
    }

    [Fact]
    public void A_person_introduced_with_a_title_is_resolved_by_surname_later_in_the_document()
    {
        var events = models.Code("Mukhtar Tleuberdi, Kazakhstan's foreign minister, arrived in Astana on Monday. " +
                                 "Tleuberdi criticized the United States.");
        var criticism = events.Single(e => e.VerbText == "criticized");
        criticism.Source.ShouldBe("KAZGOV");
        criticism.Target.ShouldBe("USA");
        criticism.Code.ShouldBe("111");
        criticism.Rule!.ShouldContain("learned:surname");
    }

    [Fact]
    public void Criticism_is_coded_111_with_every_field_filled()
    {
        const string text = "China criticized the United States.";
        var e = models.Code(text).ShouldHaveSingleItem();
        e.Source.ShouldBe("CHN");
        e.Target.ShouldBe("USA");
        e.Code.ShouldBe("111");
        e.Quad.ShouldBe(3);
        e.Goldstein.ShouldBe(-2);
        e.Plover.ShouldBe("ACCUSE");
        e.SourceName.ShouldBe("China");
        e.TargetName.ShouldBe("United States");
        e.TargetText.ShouldBe("the United States");
        e.VerbText.ShouldBe("criticized");
        e.Sentence.ShouldBe(text);
        (e.CharStart, e.CharEnd).ShouldBe((0, text.Length));
        e.Date.ShouldBe("2020-02-02");
        e.Negated.ShouldBeFalse();
        e.Confidence.ShouldBeInRange(0.5, 1.0);
        e.EventId.ShouldBe(EventIds.Compute("t", 0, 0, text.Length, "111", "CHN", "USA"));
    }

    [Fact]
    public void A_meeting_with_someone_takes_the_prepositional_object_as_target()
    {
        var e = models.Code("Putin met with Xi Jinping in Beijing.").ShouldHaveSingleItem();
        e.Code.ShouldBe("040");
        e.Source!.ShouldStartWith("RUS");
        e.Target!.ShouldStartWith("CHN");
        e.TargetText.ShouldBe("Xi Jinping");
    }

    [Fact]
    public void A_passive_takes_its_by_agent_as_source()
    {
        var e = models.Code("The United States was criticized by China.").ShouldHaveSingleItem();
        e.Source.ShouldBe("CHN");
        e.Target.ShouldBe("USA");
        e.Code.ShouldBe("111");
    }

    [Fact]
    public void Negated_and_hypothetical_events_are_not_coded()
    {
        models.Code("China did not criticize the United States.").ShouldBeEmpty();
        models.Code("China never criticized the United States.").ShouldBeEmpty();
        models.Code("China could criticize the United States.").ShouldBeEmpty();
    }

    [Fact]
    public void Conjoined_targets_give_one_event_each()
    {
        var events = models.Code("China criticized Japan and India.");
        events.Select(e => e.Target).Order().ShouldBe(["IND", "JPN"]);
        events.ShouldAllBe(e => e.Source == "CHN" && e.Code == "111");
    }

    [Fact]
    public void A_tweet_attribution_line_yields_no_event()
    {
        const string text = "China criticized the United States.";
        models.Code(text).ShouldNotBeEmpty();
        models.Code(text, doc => doc.Sentences[0].Tweet = new TweetAttribution("China", "@China", null)).ShouldBeEmpty();
    }

    [Fact]
    public void A_participial_clause_takes_its_governors_subject_as_source()
    {
        var events = models.Code("China criticized Japan, accusing India of espionage.");
        var accusation = events.Single(e => e.VerbText == "accusing");
        (accusation.Source, accusation.Target, accusation.Root).ShouldBe(("CHN", "IND", "11"));
    }

    [Fact]
    public void A_paired_code_gives_the_visit_and_the_hosting()
    {
        var events = models.Code("Russia visited China.");
        events.Select(e => (e.Source, e.Target, e.Code)).Order().ShouldBe([("CHN", "RUS", "043"), ("RUS", "CHN", "042")]);
    }

    [Fact]
    public void Unresolved_actors_give_no_event()
    {
        models.Code("The committee criticized the proposal.").ShouldBeEmpty();
    }
}
