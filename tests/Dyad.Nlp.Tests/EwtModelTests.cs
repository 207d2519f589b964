using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Tagging;
using Dyad.Tests;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tests;

/// <summary>Checks of the committed models trained on UD English-EWT (models/en-ewt.*.bin).</summary>
public class EwtModelTests
{
    private static readonly Lazy<(PosTagger Tagger, Lemmatizer Lemmatizer)> Models = new(() =>
    (
        PosTagger.Load(Path.Combine(SharedData.RepositoryRoot, "models", "en-ewt.tagger.bin")),
        Lemmatizer.Load(Path.Combine(SharedData.RepositoryRoot, "models", "en-ewt.lemmatizer.bin"))
    ));

    private static (string[] Upos, string[] Xpos, string[] Feats, string[] Lemmas) Analyse(string sentence)
    {
        var words = sentence.Split(' ');
        var u = new string[words.Length];
        var x = new string[words.Length];
        var f = new string[words.Length];
        Models.Value.Tagger.Tag(words, u, x, f);
        var l = new string[words.Length];
        for (int i = 0; i < words.Length; i++) l[i] = Models.Value.Lemmatizer.Lemmatize(words[i], u[i], x[i], f[i]);
        return (u, x, f, l);
    }

    [Fact]
    public void NewsSentenceGetsPlausibleTags()
    {
        var (u, x, f, l) = Analyse("The foreign minister urged Kazakhstan to release the detained journalists on Tuesday .");
        (u[3], x[3]).ShouldBe(("VERB", "VBD"));
        l[3].ShouldBe("urge");
        u[4].ShouldBe("PROPN");
        l[4].ShouldBe("Kazakhstan");
        x[5].ShouldBe("TO");
        (u[6], x[6]).ShouldBe(("VERB", "VB"));
        f[6].ShouldContain("VerbForm=Inf");
        x[9].ShouldBe("NNS");
        l[9].ShouldBe("journalist");
        u[11].ShouldBe("PROPN");
    }

    [Fact]
    public void PassiveAndNegationFeatures()
    {
        var (u, x, f, l) = Analyse("Two protesters were arrested by police and did not appear in court .");
        (u[2], l[2]).ShouldBe(("AUX", "be"));
        f[2].ShouldContain("Tense=Past");
        x[3].ShouldBe("VBN");
        f[3].ShouldContain("Voice=Pass");
        l[3].ShouldBe("arrest");
        (u[8], l[8]).ShouldBe(("PART", "not"));
        (u[9], x[9]).ShouldBe(("VERB", "VB"));
    }

    [Fact]
    public void ModalsAndThirdPersonPresent()
    {
        var (u, x, f, l) = Analyse("The government says it will hold elections next year .");
        (x[2], l[2]).ShouldBe(("VBZ", "say"));
        f[2].ShouldContain("Number=Sing");
        f[2].ShouldContain("Person=3");
        (u[4], x[4]).ShouldBe(("AUX", "MD"));
        l[6].ShouldBe("election");
    }

    // The shipped tagger and lemmatizer are trained on train + dev, so only the test file is held out; this guards
    // against regressions of the committed models, it is not used to choose anything.
    [SkippableFact]
    public void TestAccuracyStaysAboveTheBaseline()
    {
        var test = ConlluReader.ReadFile(SharedData.Require("ud/en-ewt/en_ewt-ud-test.conllu")).ToList();
        var scores = TaggerEvaluation.Evaluate(Models.Value.Tagger, Models.Value.Lemmatizer, test);
        scores.Upos.ShouldBeGreaterThan(95.9);
        scores.Xpos.ShouldBeGreaterThan(95.2);
        scores.UFeats.ShouldBeGreaterThan(95.9);
        scores.Lemma!.Value.ShouldBeGreaterThan(97.45);
    }
}
