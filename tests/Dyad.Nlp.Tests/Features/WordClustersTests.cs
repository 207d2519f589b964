using Dyad.Nlp.Features;
using Dyad.Nlp.Ner;
using Dyad.Nlp.Tests.Ner;

namespace Dyad.Nlp.Tests.Features;

public class WordClustersTests
{
    private static readonly string[] Animals = ["cat", "dog", "horse", "goat", "sheep"];
    private static readonly string[] Cities = ["Paris", "London", "Berlin", "Madrid", "Vienna"];

    /// <summary>Animals and cities appear in disjoint contexts, so the tree should separate them early.</summary>
    private static List<string[]> Corpus()
    {
        var sentences = new List<string[]>();
        for (int round = 0; round < 6; round++)
            for (int i = 0; i < Animals.Length; i++)
            {
                string animal = Animals[(i + round) % Animals.Length], city = Cities[(i + 2 * round) % Cities.Length];
                sentences.Add(["the", animal, "ate", "grass", "."]);
                sentences.Add(["a", animal, "slept", "in", "the", "barn", "."]);
                sentences.Add(["she", "flew", "to", city, "on", "Monday", "."]);
                sentences.Add(["he", "lived", "in", city, "for", "years", "."]);
            }
        return sentences;
    }

    private static WordClusters Train() => WordClusterTrainer.Train(Corpus(), new WordClusterOptions { MinCount = 2, ContextWords = 50, MaxDepth = 8 });

    private static int CommonPrefix(string a, string b)
    {
        int k = 0;
        while (k < a.Length && k < b.Length && a[k] == b[k]) k++;
        return k;
    }

    [Fact]
    public void WordsInTheSameContextsShareLongerPathsThanWordsInOtherContexts()
    {
        var clusters = Train();
        string cat = clusters.PathOf("cat")!, dog = clusters.PathOf("dog")!, paris = clusters.PathOf("Paris")!, london = clusters.PathOf("london")!;
        CommonPrefix(cat, dog).ShouldBeGreaterThan(CommonPrefix(cat, paris));
        CommonPrefix(paris, london).ShouldBeGreaterThan(CommonPrefix(london, dog));
        clusters.PathOf("unseen-word").ShouldBeNull();
        clusters.PrefixOf("cat", 1).ShouldBe(cat[..1]);
    }

    [Fact]
    public void TrainingIsDeterministicAndTheFileRoundTrips()
    {
        var first = new MemoryStream();
        var second = new MemoryStream();
        Train().Save(first);
        Train().Save(second);
        first.ToArray().ShouldBe(second.ToArray());

        first.Position = 0;
        var loaded = WordClusters.Load(first);
        var original = Train();
        loaded.Count.ShouldBe(original.Count);
        foreach (var (word, path) in original.Entries) loaded.PathOf(word).ShouldBe(path);
    }

    [Fact]
    public void GlossTextIsSplitIntoWordsAndPunctuationLikeEwt()
    {
        var tokens = new List<string>();
        ClusterCorpus.Split("the capital of France (since 987); e.g. Paris-Ville's U.S. office", tokens);
        tokens.ShouldBe(["the", "capital", "of", "France", "(", "since", "987", ")", ";", "e.g", ".", "Paris-Ville's", "U.S", ".", "office"]);
    }

    [Fact]
    public void LoadRejectsALineWithoutAPath()
    {
        var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
            writer.Write("0101\tcat\nnot-a-path\tdog\n");
        stream.Position = 0;
        Should.Throw<InvalidDataException>(() => WordClusters.Load(stream)).Message.ShouldContain("line 2");
    }

    [Fact]
    public void RecognizerStoresItsClustersInTheModelFile()
    {
        var clusters = new WordClusters(new Dictionary<string, string> { ["valmora"] = "0110", ["ostrand"] = "0111", ["minister"] = "10" });
        var options = new NerTrainingOptions { Epochs = 3, Seed = 7, DatelineCopies = 0, Clusters = clusters };
        var recognizer = EntityRecognizer.Train(EntityRecognizerTrainingTests.Fixture(), null, Gazetteer.Empty, options);
        var stream = new MemoryStream();
        recognizer.Save(stream);
        stream.Position = 0;
        var loaded = EntityRecognizer.Load(stream);
        loaded.Clusters!.PathOf("Ostrand").ShouldBe("0111");
        string[] tokens = ["Minister", "Osric", "Vell", "arrived", "in", "Valmora", "on", "Monday", "."];
        loaded.Recognize(tokens).ShouldBe(recognizer.Recognize(tokens));
    }
}
