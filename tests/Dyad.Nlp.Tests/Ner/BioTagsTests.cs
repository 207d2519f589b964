using Dyad.Nlp.Ner;
using Dyad.Text;

namespace Dyad.Nlp.Tests.Ner;

public class BioTagsTests
{
    [Fact]
    public void Iob2TagsBecomeSpans()
    {
        var spans = BioTags.ToSpans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]);
        spans.ShouldBe([new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC"), new EntitySpan(4, 6, "LOC")]);
    }

    [Fact]
    public void Iob1InsideTagsOpenASpan()
    {
        var spans = BioTags.ToSpans(["I-ORG", "I-ORG", "O", "I-PER", "I-LOC"]);
        spans.ShouldBe([new EntitySpan(0, 2, "ORG"), new EntitySpan(3, 4, "PER"), new EntitySpan(4, 5, "LOC")]);
    }

    [Fact]
    public void TypesOutsidePerOrgLocCountAsOutside()
    {
        BioTags.ToSpans(["B-OTH", "I-OTH", "B-O", "I-MISC", "B-PER"]).ShouldBe([new EntitySpan(4, 5, "PER")]);
    }

    [Fact]
    public void SpansRoundTripThroughTags()
    {
        var spans = new[] { new EntitySpan(1, 3, "ORG"), new EntitySpan(3, 4, "ORG"), new EntitySpan(6, 7, "LOC") };
        var tags = BioTags.FromSpans(8, spans);
        tags.ShouldBe(["O", "B-ORG", "I-ORG", "B-ORG", "O", "O", "B-LOC", "O"]);
        BioTags.ToSpans(tags).ShouldBe(spans);
    }
}
