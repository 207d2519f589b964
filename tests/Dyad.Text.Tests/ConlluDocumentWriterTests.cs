using Dyad.Text.Conllu;
using Dyad.Text.Tokenization;

namespace Dyad.Text.Tests;

public class ConlluDocumentWriterTests
{
    [Fact]
    public void WritesTokensCommentsAndSpaceAfter()
    {
        var text = "Talks stalled.\nThey don't resume.";
        var doc = new TextAnalyzer().Analyze(new Document("d1", new DateOnly(2020, 1, 2), text));
        var conllu = ConlluDocumentWriter.ToString(doc);

        conllu.ShouldStartWith("# newdoc id = d1\n# sent_id = d1-1\n# text = Talks stalled.\n");
        var sentences = ConlluReader.Read(new StringReader(conllu)).ToList();
        sentences.Count.ShouldBe(2);
        sentences[1].SentenceId.ShouldBe("d1-2");
        sentences[1].Text.ShouldBe("They don't resume.");
        sentences[1].Words.Select(w => w.Form).ShouldBe(new[] { "They", "do", "n't", "resume", "." });
        sentences[1].Words.Select(w => w.SpaceAfter).ShouldBe(new[] { true, false, true, false, true });
        sentences[1].Words.ShouldAllBe(w => w.Lemma == "_" && w.Upos == "_" && w.Head == -1);
    }

    [Fact]
    public void WritesFilledAnnotationColumns()
    {
        var doc = new TextAnalyzer().Analyze(new Document("d2", DateOnly.MinValue, "Rebels fled."));
        var s = doc.Sentences[0];
        s.Lemmas = ["rebel", "flee", "."];
        s.Upos = ["NOUN", "VERB", "PUNCT"];
        s.Heads = [2, 0, 2];
        s.Relations = ["nsubj", "root", "punct"];
        var words = ConlluReader.Read(new StringReader(ConlluDocumentWriter.ToString(doc))).Single().Words;
        words.Select(w => (w.Lemma, w.Upos, w.Xpos, w.Head, w.Deprel)).ShouldBe(new[]
        {
            ("rebel", "NOUN", "_", 2, "nsubj"), ("flee", "VERB", "_", 0, "root"), (".", "PUNCT", "_", 2, "punct"),
        });
    }

    [Fact]
    public void KeepsCommentsOnOneLine()
    {
        var text = "A line that wraps in the middle of a sentence that is long\nenough to count as wrapped.";
        var doc = new TextAnalyzer().Analyze(new Document("d3", DateOnly.MinValue, text));
        doc.Sentences.Count.ShouldBe(1);
        var conllu = ConlluDocumentWriter.ToString(doc);
        conllu.ShouldContain("# text = A line that wraps in the middle of a sentence that is long enough to count as wrapped.\n");
    }
}
