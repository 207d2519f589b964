using Dyad.Tests;
using Dyad.Text.Conllu;
using Dyad.Text.Evaluation;
using Dyad.Text.Tokenization;

namespace Dyad.Text.Tests;

public class TextEvaluationTests
{
    private const string Treebank =
        "# newdoc id = doc1\n# newpar id = p1\n# sent_id = 1\n# text = They don't wait.\n" +
        "1\tThey\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "4\twait\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
        "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
        "# sent_id = 2\n# text = Go now\n" +
        "1\tGo\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tnow\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
        "# newpar id = p2\n# sent_id = 3\n# text = Fine.\n" +
        "1\tFine\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
        "2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
        "# newdoc id = doc2\n# sent_id = 4\n# text = Yes.\n" +
        "1\tYes\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
        "2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";

    private static List<GoldDocument> Gold() => GoldDocument.FromTreebank(ConlluReader.Read(new StringReader(Treebank)), "mini");

    [Fact]
    public void RebuildsDocumentsWithWordSpans()
    {
        var docs = Gold();
        docs.Count.ShouldBe(2);
        docs[0].Id.ShouldBe("doc1");
        docs[0].Text.ShouldBe("They don't wait. Go now\n\nFine.");
        docs[0].Words.Select(w => docs[0].Text[w.Start..w.End]).ShouldBe(new[] { "They", "do", "n't", "wait", ".", "Go", "now", "Fine", "." });
        docs[0].Sentences.Select(s => docs[0].Text[s.Start..s.End]).ShouldBe(new[] { "They don't wait.", "Go now", "Fine." });
    }

    [Fact]
    public void ScoresExactSpans()
    {
        var result = TextEvaluation.Run(Gold(), new TextAnalyzer());
        result.Words.Gold.ShouldBe(11);
        result.Words.Correct.ShouldBe(11);
        // "Go now" has no final punctuation: only the paragraph break after it ends it.
        result.Sentences.Gold.ShouldBe(4);
        result.Sentences.F1.ShouldBe(1.0);
    }

    [Fact]
    public void SpanScoreArithmetic()
    {
        var score = SpanScore.Of(new[] { (0, 1), (2, 3), (4, 5) }, new[] { (0, 1), (2, 4) });
        score.ShouldBe(new SpanScore(3, 2, 1));
        score.Precision.ShouldBe(0.5);
        score.Recall.ShouldBe(1.0 / 3);
        score.F1.ShouldBe(0.4, 1e-9);
        new SpanScore(0, 0, 0).F1.ShouldBe(0);
    }

    [Fact]
    public void MismatchedTextNamesFileAndLine()
    {
        var bad = "# text = Hello world\n1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n2\tplanet\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        var e = Should.Throw<ConlluFormatException>(() => GoldDocument.FromTreebank(ConlluReader.Read(new StringReader(bad), "bad.conllu"), "bad.conllu"));
        e.Message.ShouldContain("bad.conllu:1");
        e.Message.ShouldContain("planet");
    }

    [SkippableFact]
    public void MeetsTargetsOnEwtDev()
    {
        var path = SharedData.Require("ud/en-ewt/en_ewt-ud-dev.conllu");
        var result = TextEvaluation.Run(path, new TextAnalyzer());
        result.Words.F1.ShouldBeGreaterThanOrEqualTo(0.99);
        result.Sentences.F1.ShouldBeGreaterThanOrEqualTo(0.85);
    }
}
