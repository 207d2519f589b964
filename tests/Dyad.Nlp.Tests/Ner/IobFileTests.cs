using Dyad.Nlp.Ner;

namespace Dyad.Nlp.Tests.Ner;

public class IobFileTests
{
    private const string Uner =
        "# sent_id = a-1\n# text = Ayse Demir visited Izmir .\n" +
        "1\tAyse\tB-PER\t-\tann\n2\tDemir\tI-PER\t-\tann\n3\tvisited\tO\n4\tIzmir\tB-LOC\t-\tann\n5\t.\tO\n\n" +
        "# sent_id = a-2\n1\tThanks\tO\n2\tDanes\tB-OTH\t-\tann\n\n";

    [Fact]
    public void ReadsUnerLayoutWithCommentsAndShortOLines()
    {
        var sentences = IobFile.Read(new StringReader(Uner), "mem");
        sentences.Count.ShouldBe(2);
        sentences[0].Layout.ShouldBe(IobLayout.Uner);
        sentences[0].Tokens.ShouldBe(["Ayse", "Demir", "visited", "Izmir", "."]);
        sentences[0].LeadingLines.Count.ShouldBe(2);
        sentences[0].GoldSpans().Length.ShouldBe(2);
        sentences[1].GoldSpans().ShouldBeEmpty();
        sentences[1].FirstLine.ShouldBe(10);
    }

    [Fact]
    public void ReadsConllLayoutWithDocumentSeparators()
    {
        var text = "-DOCSTART- O\n\nThe I-ORG\nBand I-ORG\nplayed O\n\nin O\nOslo I-LOC\n";
        var sentences = IobFile.Read(new StringReader(text), "mem");
        sentences.Count.ShouldBe(2);
        sentences[0].Layout.ShouldBe(IobLayout.Conll);
        sentences[0].LeadingLines.ShouldBe(["-DOCSTART- O"]);
        sentences[0].GoldSpans().ShouldBe([new Dyad.Text.EntitySpan(0, 2, "ORG")]);
        sentences[1].GoldSpans().ShouldBe([new Dyad.Text.EntitySpan(1, 2, "LOC")]);
    }

    [Fact]
    public void DocumentsSplitAtNewdocAndDocstartMarkers()
    {
        var uner = "# newdoc id = d1\n# sent_id = 1\n1\tA\tO\n\n# sent_id = 2\n1\tB\tO\n\n# newdoc id = d2\n1\tC\tO\n\n";
        IobFile.Documents(IobFile.Read(new StringReader(uner), "mem")).ShouldBe([0..2, 2..3]);
        var conll = "-DOCSTART- O\n\nA O\n\nB O\n\n-DOCSTART- O\n\nC O\n";
        IobFile.Documents(IobFile.Read(new StringReader(conll), "mem")).ShouldBe([0..2, 2..3]);
        IobFile.Documents(IobFile.Read(new StringReader(Uner), "mem")).ShouldBe([0..2]); // no markers: one document
    }

    [Fact]
    public void WritingReplacesOnlyTheTagColumn()
    {
        var sentences = IobFile.Read(new StringReader(Uner), "mem");
        var output = new StringWriter();
        IobFile.Write(output, sentences, [["O", "O", "O", "B-LOC", "O"], ["O", "B-PER"]]);
        var lines = output.ToString().Split('\n');
        lines[0].ShouldBe("# sent_id = a-1");
        lines[2].ShouldBe("1\tAyse\tO\t-\tann");
        lines[5].ShouldBe("4\tIzmir\tB-LOC\t-\tann");
        lines[10].ShouldBe("2\tDanes\tB-PER\t-\tann");
    }

    [Fact]
    public void BadTagIsReportedWithFileAndLine()
    {
        var text = "1\tHello\tO\n2\tworld\tPERSON\n";
        var error = Should.Throw<FormatException>(() => IobFile.Read(new StringReader(text), "bad.iob2"));
        error.Message.ShouldContain("bad.iob2:2");
        error.Message.ShouldContain("PERSON");
    }

    [Fact]
    public void MissingTagColumnIsReportedWithFileAndLine()
    {
        var text = "# c\n1\tHello\n";
        Should.Throw<FormatException>(() => IobFile.Read(new StringReader(text), "short.iob2")).Message.ShouldContain("short.iob2:2");
    }
}
