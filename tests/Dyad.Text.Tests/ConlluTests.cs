using Dyad.Text.Conllu;

namespace Dyad.Text.Tests;

public class ConlluTests
{
    private const string Sample =
        "# sent_id = s1\n# text = They don't wait.\n" +
        "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
        "4\twait\twait\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n";

    [Fact]
    public void ReadsWordsCommentsAndMultiwordTokens()
    {
        var sentences = ConlluReader.Read(new StringReader(Sample)).ToList();
        sentences.Count.ShouldBe(1);
        var s = sentences[0];
        s.Text.ShouldBe("They don't wait.");
        s.SentenceId.ShouldBe("s1");
        s.Words.Select(w => w.Form).ShouldBe(new[] { "They", "do", "n't", "wait", "." });
        s.Words[3].Head.ShouldBe(0);
        s.Words[3].SpaceAfter.ShouldBeFalse();
        s.MultiwordTokens.Single().Form.ShouldBe("don't");
    }

    [Fact]
    public void RoundTripKeepsEveryLine()
    {
        var s = ConlluReader.Read(new StringReader(Sample)).Single();
        var writer = new StringWriter();
        ConlluWriter.Write(writer, s);
        writer.ToString().ShouldBe(Sample);
    }

    [Fact]
    public void BadLineNamesFileAndLine()
    {
        var bad = "# text = x\n1\tx\tx\n";
        var ex = Should.Throw<ConlluFormatException>(() => ConlluReader.Read(new StringReader(bad), "bad.conllu").ToList());
        ex.Message.ShouldStartWith("bad.conllu:2:");
    }
}
