using Dyad.Nlp.Tagging;
using Dyad.Text;

namespace Dyad.Nlp.Tests;

public class PosTaggerTests
{
    private static readonly TaggerOptions TinyOptions = new() { Iterations = 10, FeatsIterations = 10, JackknifeFolds = 2, MinWeight = 0, EnsembleSize = 1 };

    private static (string[] Upos, string[] Xpos, string[] Feats) TagWords(PosTagger tagger, params string[] words)
    {
        var u = new string[words.Length];
        var x = new string[words.Length];
        var f = new string[words.Length];
        tagger.Tag(words, u, x, f);
        return (u, x, f);
    }

    [Fact]
    public void OnePassModelLearnsTheTinyTreebankExactly()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions with { SecondPass = false });
        var scores = TaggerEvaluation.Evaluate(tagger, null, TinyTreebank.Sentences);
        scores.Words.ShouldBe(TinyTreebank.Sentences.Sum(s => s.Words.Count));
        scores.AllTags.ShouldBe(100.0);
    }

    [Fact]
    public void TwoPassAndEnsembleModelsLearnTheTinyTreebank()
    {
        // The second pass learns from jackknifed first-pass tags, which are poor on ten sentences, so allow a slip.
        foreach (var options in new[] { TinyOptions, TinyOptions with { EnsembleSize = 2 } })
        {
            var scores = TaggerEvaluation.Evaluate(PosTagger.Train(TinyTreebank.Sentences, null, options), null, TinyTreebank.Sentences);
            scores.Upos.ShouldBeGreaterThanOrEqualTo(95.0);
            scores.Xpos.ShouldBeGreaterThanOrEqualTo(95.0);
            scores.UFeats.ShouldBeGreaterThanOrEqualTo(95.0);
        }
    }

    [Fact]
    public void GeneralisesToANewSentenceOfKnownWords()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions);
        var (u, x, _) = TagWords(tagger, "Police", "attacked", "the", "rebels", ".");
        u.ShouldBe(new[] { "NOUN", "VERB", "DET", "NOUN", "PUNCT" });
        x[1].ShouldBe("VBD");
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions);
        var stream = new MemoryStream();
        tagger.Save(stream);
        stream.Position = 0;
        var loaded = PosTagger.Load(stream);
        string[][] probes = [["The", "rebels", "were", "arrested", "in", "Moscow", "."], ["She", "urged", "two", "leaders", "to", "meet", "."]];
        foreach (var words in probes)
        {
            var a = TagWords(tagger, words);
            var b = TagWords(loaded, words);
            b.Upos.ShouldBe(a.Upos);
            b.Xpos.ShouldBe(a.Xpos);
            b.Feats.ShouldBe(a.Feats);
        }
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        static byte[] Bytes(PosTagger t) { var s = new MemoryStream(); t.Save(s); return s.ToArray(); }
        var first = Bytes(PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions));
        var second = Bytes(PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions));
        second.ShouldBe(first);
    }

    [Fact]
    public void TagsASentenceObject()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions);
        string[] words = ["They", "attacked", "Paris", "."];
        var tokens = new Token[words.Length];
        int at = 0;
        for (int i = 0; i < words.Length; i++) { tokens[i] = new Token(at, at + words[i].Length, words[i]); at += words[i].Length + 1; }
        var sentence = new Sentence(0, at - 1, tokens);
        tagger.Tag(sentence);
        sentence.Upos.ShouldBe(new[] { "PRON", "VERB", "PROPN", "PUNCT" });
        sentence.Xpos!.Length.ShouldBe(4);
        sentence.Feats![0].ShouldContain("Case=Nom");
    }

    [Fact]
    public void RejectsAFileThatIsNotAModel()
    {
        var stream = new MemoryStream("not a model at all"u8.ToArray());
        Should.Throw<InvalidDataException>(() => PosTagger.Load(stream)).Message.ShouldContain("header");
    }

    [Fact]
    public void TruncatedModelFileIsAClearError()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions with { SecondPass = false });
        var stream = new MemoryStream();
        tagger.Save(stream);
        var path = Path.Combine(Path.GetTempPath(), $"dyad-truncated-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllBytes(path, stream.ToArray()[..(int)(stream.Length / 2)]);
            Should.Throw<InvalidDataException>(() => PosTagger.Load(path)).Message.ShouldContain(path);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ShortOutputSpansAreRejected()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions with { SecondPass = false });
        Should.Throw<ArgumentException>(() => tagger.Tag(["The", "army"], new string[1], new string[2], new string[2]));
    }

    [Fact]
    public void EmptySentenceIsFine()
    {
        var tagger = PosTagger.Train(TinyTreebank.Sentences, null, TinyOptions);
        tagger.Tag(ReadOnlySpan<string>.Empty, Span<string>.Empty, Span<string>.Empty, Span<string>.Empty);
    }
}
