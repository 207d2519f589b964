using Dyad.Nlp.Ner;
using Dyad.Tests;
using Dyad.Text;

namespace Dyad.Nlp.Tests.Ner;

/// <summary>
/// Behaviour of the committed model (models/en.ner.bin) on news-style sentences written for these tests.
/// These check the kinds of mention the event coder depends on, not the wording of any evaluation set.
/// </summary>
public class CommittedModelTests
{
    private static readonly Lazy<EntityRecognizer> Model = new(() =>
        EntityRecognizer.Load(Path.Combine(SharedData.RepositoryRoot, "models", "en.ner.bin")));

    private static Sentence Run(string text)
    {
        var sentence = NerTestText.Sentence(text);
        Model.Value.Recognize(sentence);
        return sentence;
    }

    [Fact]
    public void UnseenNameAfterATitleIsAPersonWithoutTheTitle()
    {
        var sentence = Run("Kazakh Foreign Minister Mukhtar Tleuberdi told reporters on Tuesday that talks would resume .");
        NerTestText.Mentions(sentence).ShouldContain("PER:Mukhtar Tleuberdi");
        NerTestText.Mentions(sentence).ShouldNotContain(m => m.Contains("Minister"));
        sentence.Demonyms![0].ShouldBe("KAZ");
    }

    [Fact]
    public void NamedPartyIsAnOrganizationButANamedLawIsNot()
    {
        var party = Run("The Chinese Communist Party rejected the criticism .");
        NerTestText.Mentions(party).ShouldContain("ORG:Chinese Communist Party");
        party.Demonyms![1].ShouldBe("CHN");

        var law = Run("The Senate passed the Uighur Human Rights Policy Act on Wednesday .");
        NerTestText.Mentions(law).ShouldNotContain(m => m.StartsWith("ORG:") && m.Contains("Act"));
        law.Demonyms![4].ShouldBe("uig");
    }

    [Fact]
    public void DatelinePlaceAndAgencyAreFound()
    {
        var sentence = Run("NUR-SULTAN ( Reuters ) - Kazakhstan will hold a snap parliamentary election in January , the president said .");
        var mentions = NerTestText.Mentions(sentence);
        mentions.ShouldContain("LOC:NUR-SULTAN");
        mentions.ShouldContain("ORG:Reuters");
        mentions.ShouldContain("LOC:Kazakhstan");
    }

    [Fact]
    public void HandleStaysOutsideTheNameItFollows()
    {
        var sentence = Run("Secretary of State Mike Pompeo ( @SecPompeo ) wrote that the United Nations must act .");
        var mentions = NerTestText.Mentions(sentence);
        mentions.ShouldContain("PER:Mike Pompeo");
        mentions.ShouldContain("ORG:United Nations");
        mentions.ShouldNotContain(m => m.Contains("@SecPompeo"));
    }

    [Fact]
    public void PlacesInXinjiangAreLocations()
    {
        var mentions = NerTestText.Mentions(Run("Rights groups say camps in Xinjiang hold many people , a claim Beijing denies ."));
        mentions.ShouldContain("LOC:Xinjiang");
    }

    [Fact]
    public void RecognitionKeepsEveryTokenAndItsOffsets()
    {
        const string text = "UN envoy Amara Okafor met officials in Juba on Friday .";
        var sentence = NerTestText.Sentence(text, documentOffset: 120);
        var before = sentence.Tokens.ToArray();
        Model.Value.Recognize(sentence);
        sentence.Tokens.ShouldBe(before);
        sentence.Demonyms!.Length.ShouldBe(sentence.Count);
        foreach (var span in sentence.Entities!)
        {
            span.Start.ShouldBeLessThan(span.End);
            span.End.ShouldBeLessThanOrEqualTo(sentence.Count);
            var first = sentence.Tokens[span.Start];
            text.Substring(first.Start - 120, first.Length).ShouldBe(first.Text);
        }
        sentence.Entities!.ShouldBe(sentence.Entities!.OrderBy(e => e.Start).ToArray());
    }
}
