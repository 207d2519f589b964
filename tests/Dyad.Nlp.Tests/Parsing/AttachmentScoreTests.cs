using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Tests.Parsing;

public class AttachmentScoreTests
{
    [Fact]
    public void LasComparesUniversalRelationsAndCountsPunctuation()
    {
        var score = new AttachmentScore();
        score.Add([2, 0, 2, 2], ["nmod:poss", "root", "obj", "punct"],
                  [2, 0, 2, 3], ["nmod", "root", "iobj", "punct"]);
        score.Words.ShouldBe(4);
        score.HeadCorrect.ShouldBe(3);
        score.LabelledCorrect.ShouldBe(2);   // nmod:poss ~ nmod counts, obj/iobj does not
        score.FullLabelCorrect.ShouldBe(1);
        score.Uas.ShouldBe(75.0);
        score.Las.ShouldBe(50.0);
    }
}
