using Dyad.Nlp.Ner;
using Dyad.Text;

namespace Dyad.Nlp.Tests.Ner;

public class DocumentConsistencyTests
{
    private static string[] Words(string text) => text.Split(' ');

    [Fact]
    public void UnlabelledRepeatOfAnOrganizationBecomesASpan()
    {
        string[][] sentences = [Words("Analysts say Vostra Mining will grow ."), Words("Shares of Vostra Mining fell ."), Words("vostra mining is lower case .")];
        EntitySpan[][] spans = [[new(2, 4, "ORG")], [], []];
        DocumentConsistency.Apply(sentences, spans);
        spans[1].ShouldBe([new EntitySpan(2, 4, "ORG")]);
        spans[2].ShouldBeEmpty(); // only the capitalised name is propagated
    }

    [Fact]
    public void MajorityTypeWinsAcrossTheDocument()
    {
        string[][] sentences = [Words("Kelvar said no ."), Words("Kelvar left ."), Words("Then Kelvar came back .")];
        EntitySpan[][] spans = [[new(0, 1, "PER")], [new(0, 1, "PER")], [new(1, 2, "ORG")]];
        DocumentConsistency.Apply(sentences, spans);
        spans[2].ShouldBe([new EntitySpan(1, 2, "PER")]);
    }

    [Fact]
    public void PlacesAndCoveredTokensAreLeftAlone()
    {
        string[][] sentences = [Words("Rain in Ostrand today ."), Words("Ostrand Rail Union met ."), Words("Ostrand again .")];
        EntitySpan[][] spans = [[new(2, 3, "LOC")], [new(0, 3, "ORG")], []];
        DocumentConsistency.Apply(sentences, spans);
        spans[1].ShouldBe([new EntitySpan(0, 3, "ORG")]);
        spans[2].ShouldBeEmpty();
    }
}
