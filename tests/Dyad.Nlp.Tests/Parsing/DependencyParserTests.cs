using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Tests.Parsing;

public class DependencyParserTests
{
    private static readonly ParserOptions Small = new() { Iterations = 12, MoveBits = 16, LabelBits = 12, ExploreFromIteration = 100 };

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(4, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(2, 4, true)]
    public void LearnsATinyTreebank(int beam, int trainBeam, bool relabel)
    {
        var data = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(data, null, Small with { BeamWidth = beam, TrainBeamWidth = trainBeam, TreeRelabeller = relabel });
        parser.BeamWidth.ShouldBe(beam);
        var score = parser.Evaluate(data);
        score.Uas.ShouldBe(100.0);
        score.FullLas.ShouldBe(100.0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SavedModelParsesIdentically(bool relabel)
    {
        var data = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(data, null, Small with { BeamWidth = 2, TreeRelabeller = relabel });
        var stream = new MemoryStream();
        parser.Save(stream);
        stream.Position = 0;
        var loaded = DependencyParser.Load(stream);
        loaded.BeamWidth.ShouldBe(2);
        foreach (var s in data)
        {
            var (h1, r1) = Parse(parser, s);
            var (h2, r2) = Parse(loaded, s);
            h2.ShouldBe(h1);
            r2.ShouldBe(r1);
        }
    }

    [Fact]
    public void RelabellerAddedLaterKeepsTheTreesAndLearnsTheLabels()
    {
        var data = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(data, null, Small with { BeamWidth = 2 });
        var relabelled = parser.WithTrainedRelabeller(data, null, Small);
        relabelled.Evaluate(data).FullLas.ShouldBe(100.0);
        foreach (var s in data) Parse(relabelled, s).Item1.ShouldBe(Parse(parser, s).Item1);
    }

    [Fact]
    public void RelabellerOverridesOnlyByMoreThanItsMargin()
    {
        float[] scores = [1f, 3f, 2.5f];
        new TreeRelabeller(new HashedPerceptron(4, 3), 0f).Choose(scores, best: 1, inBeam: 2).ShouldBe(1);
        new TreeRelabeller(new HashedPerceptron(4, 3), 0.4f).Choose(scores, best: 1, inBeam: 2).ShouldBe(1);
        new TreeRelabeller(new HashedPerceptron(4, 3), 0.5f).Choose(scores, best: 1, inBeam: 2).ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => new TreeRelabeller(new HashedPerceptron(4, 3), -1f));
    }

    [Fact]
    public void RelabelMarginChosenOnDevScoresAtLeastAsWellAsEitherExtreme()
    {
        // A parser trained for one pass mislabels some arcs, so relabeller and in-beam labeller disagree.
        var data = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(data, null, Small with { BeamWidth = 2, Iterations = 1 });
        var relabellerOptions = Small with { Iterations = 2 };
        var chosen = parser.WithTrainedRelabeller(data, data, relabellerOptions);
        var always = parser.WithTrainedRelabeller(data, null, relabellerOptions with { RelabelMargin = 0f });
        var never = parser.WithTrainedRelabeller(data, null, relabellerOptions with { RelabelMargin = 1e30f });
        chosen.RelabelMargin.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0f);
        always.RelabelMargin.ShouldBe(0f);
        // The margin is chosen for universal plus full-label correctness, the sum compared here.
        static double Both(AttachmentScore score) => score.Las + score.FullLas;
        double chosenScore = Both(chosen.Evaluate(data));
        chosenScore.ShouldBeGreaterThanOrEqualTo(Both(always.Evaluate(data)));
        chosenScore.ShouldBeGreaterThanOrEqualTo(Both(parser.Evaluate(data)));
        Both(never.Evaluate(data)).ShouldBe(Both(parser.Evaluate(data)));

        var stream = new MemoryStream();
        chosen.Save(stream);
        stream.Position = 0;
        DependencyParser.Load(stream).RelabelMargin.ShouldBe(chosen.RelabelMargin);
    }

    [Fact]
    public void OutputIsAlwaysASingleRootedTree()
    {
        // A barely trained model makes many mistakes; the output must still be a tree with one root.
        var data = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(data, null, Small with { Iterations = 1 });
        string[] words = ["Talks", "resumed", "in", "Geneva", ",", "officials", "said", "."];
        string[] upos = ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PUNCT"];
        string[] xpos = ["NNS", "VBD", "IN", "NNP", ",", "NNS", "VBD", "."];
        var heads = new int[words.Length];
        var rels = new string[words.Length];
        parser.Parse(words, upos, xpos, heads, rels);
        heads.Count(h => h == 0).ShouldBe(1);
        for (int i = 0; i < heads.Length; i++)
        {
            (heads[i] == 0).ShouldBe(rels[i] == "root");
            // following heads from any word reaches the root without a cycle
            int k = i + 1, steps = 0;
            while (k != 0 && steps++ <= words.Length) k = heads[k - 1];
            k.ShouldBe(0);
        }
    }

    [Fact]
    public void LoadingSomethingElseFailsClearly()
    {
        var ex = Should.Throw<InvalidDataException>(() => DependencyParser.Load(new MemoryStream("not a model"u8.ToArray())));
        ex.Message.ShouldContain("parser model");
    }

    [Fact]
    public void TrainingRejectsSentencesWithoutTrees()
    {
        var records = TinyTreebank.Records();
        records[1].Words[3].Head = -1;
        var ex = Should.Throw<Dyad.Text.Conllu.ConlluFormatException>(() => ParserTrainingSentence.FromConllu(records[1], "tiny"));
        ex.Message.ShouldContain("tiny:");
        ex.Message.ShouldContain("word 4");
    }

    private static (int[], string[]) Parse(DependencyParser p, ParserTrainingSentence s)
    {
        var heads = new int[s.Count];
        var rels = new string[s.Count];
        p.Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
        return (heads, rels);
    }
}
