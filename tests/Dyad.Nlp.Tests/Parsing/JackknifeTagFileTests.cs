using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Tests.Parsing;

public class JackknifeTagFileTests
{
    [Fact]
    public void TagsWrittenAreReadBackOntoTheSameSentences()
    {
        var tagged = TinyTreebank.Sentences();
        // Stand-in for predicted tags: different from the gold ones, so reading them back is visible.
        foreach (var s in tagged)
            for (int i = 0; i < s.Count; i++) { s.Xpos[i] = "X" + i; s.Upos[i] = "U" + (s.Count - i); }
        var path = Path.GetTempFileName();
        try
        {
            JackknifeTagFile.Write(path, tagged);
            var fresh = TinyTreebank.Sentences();
            JackknifeTagFile.Read(path, fresh);
            for (int k = 0; k < fresh.Count; k++)
            {
                fresh[k].Xpos.ShouldBe(tagged[k].Xpos);
                fresh[k].Upos.ShouldBe(tagged[k].Upos);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AFileForOtherSentencesIsRejectedWithItsLine()
    {
        var sentences = TinyTreebank.Sentences();
        var path = Path.GetTempFileName();
        try
        {
            JackknifeTagFile.Write(path, sentences.Skip(1).ToList());
            var e = Should.Throw<InvalidDataException>(() => JackknifeTagFile.Read(path, sentences));
            e.Message.ShouldContain(path + ":");
        }
        finally { File.Delete(path); }
    }
}
