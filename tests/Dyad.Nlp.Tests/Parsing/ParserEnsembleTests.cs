using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Tests.Parsing;

public class ParserEnsembleTests
{
    private static readonly ParserOptions Small = new() { Iterations = 8, MoveBits = 16, LabelBits = 12, ExploreFromIteration = 100, BeamWidth = 2 };

    [Fact]
    public void MeanModelScoresAsTheMeanOfItsMembersScores()
    {
        var a = new HashedPerceptron(6, 5);
        var b = new HashedPerceptron(6, 5);
        a.BeginTraining();
        b.BeginTraining();
        int[] rowsA = [1, 7, 30], rowsB = [7, 12];
        a.Update(rowsA, 2, 1.5f);
        a.Update(rowsA, 4, -0.5f);
        b.Update(rowsB, 2, 3f);
        b.Update(rowsB, 0, 1f);
        var mean = HashedPerceptron.Mean([a, b]);
        var sa = new float[a.Stride];
        var sb = new float[b.Stride];
        var sm = new float[mean.Stride];
        int[] probe = [1, 7, 12, 40];
        a.Score(probe, sa);
        b.Score(probe, sb);
        mean.Score(probe, sm);
        for (int c = 0; c < 5; c++) sm[c].ShouldBe((sa[c] + sb[c]) / 2, 1e-5);
        sm[2].ShouldNotBe(0f);
    }

    [Fact]
    public void EnsembleIsTheMeanOfParsersTrainedWithConsecutiveSeeds()
    {
        var data = TinyTreebank.Sentences();
        var ensemble = DependencyParser.Train(data, null, Small with { Seed = 5, EnsembleSize = 3 });
        var members = new[] { 5, 6, 7 }.Select(seed => DependencyParser.TrainSingle(data, null, Small with { Seed = seed }, null, "member")).ToArray();
        SavedBytes(ensemble).ShouldBe(SavedBytes(DependencyParser.Mean(members)));
        // The members differ (different example orders), so the ensemble is not just one of them.
        SavedBytes(members[0]).ShouldNotBe(SavedBytes(members[1]));
        // Training runs members in parallel; the result must not depend on thread timing.
        SavedBytes(DependencyParser.Train(data, null, Small with { Seed = 5, EnsembleSize = 3 })).ShouldBe(SavedBytes(ensemble));
    }

    [Fact]
    public void EnsembleLearnsATinyTreebank()
    {
        var data = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(data, null, Small with { Iterations = 12, EnsembleSize = 2 });
        var score = parser.Evaluate(data);
        score.Uas.ShouldBe(100.0);
        score.FullLas.ShouldBe(100.0);
    }

    [Fact]
    public void ParsersWithDifferentVocabulariesAreNotAveraged()
    {
        var data = TinyTreebank.Sentences();
        var one = DependencyParser.Train(data, null, Small);
        var other = DependencyParser.Train(data.Take(2).ToList(), null, Small);
        Should.Throw<ArgumentException>(() => DependencyParser.Mean([one, other])).Message.ShouldContain("vocabulary");
    }

    private static byte[] SavedBytes(DependencyParser parser)
    {
        var stream = new MemoryStream();
        parser.Save(stream);
        return stream.ToArray();
    }
}
