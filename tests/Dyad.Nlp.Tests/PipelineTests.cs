using Dyad.Nlp.Parsing;
using Dyad.Tests;
using Dyad.Text;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tests;

/// <summary>The committed tagger + lemmatizer + parser models working together (models/en-ewt.*.bin).</summary>
public class PipelineTests
{
    private static readonly Lazy<NlpPipeline> Pipeline = new(() => NlpPipeline.Load(Path.Combine(SharedData.RepositoryRoot, "models")));

    private static Sentence Analyse(string text)
    {
        var words = text.Split(' ');
        var tokens = new Token[words.Length];
        int offset = 0;
        for (int i = 0; i < words.Length; i++)
        {
            tokens[i] = new Token(offset, offset + words[i].Length, words[i]);
            offset += words[i].Length + 1;
        }
        var sentence = new Sentence(0, offset - 1, tokens);
        Pipeline.Value.Process(sentence);
        return sentence;
    }

    /// <summary>The words attached to the root word with the given relation.</summary>
    private static string[] DependentsOfRoot(Sentence s, string relation)
    {
        int root = Array.IndexOf(s.Heads!, 0) + 1;
        return Enumerable.Range(0, s.Count).Where(i => s.Heads![i] == root && s.Relations![i] == relation).Select(i => s.Tokens[i].Text).ToArray();
    }

    [Theory]
    [InlineData("The minister urged Kazakhstan to join the talks .", "urged", "minister", "Kazakhstan")]
    [InlineData("Rebels attacked a police convoy near the border on Monday .", "attacked", "Rebels", "convoy")]
    [InlineData("The United Nations condemned the bombing of the hospital .", "condemned", "Nations", "bombing")]
    [InlineData("Israeli troops arrested two Palestinian activists in Hebron on Tuesday .", "arrested", "troops", "activists")]
    [InlineData("On Friday , the government rejected the opposition 's demands for early elections .", "rejected", "government", "demands")]
    public void MainVerbHasTheRightSubjectAndObject(string text, string verb, string subject, string obj)
    {
        var s = Analyse(text);
        s.Tokens[Array.IndexOf(s.Heads!, 0)].Text.ShouldBe(verb);
        DependentsOfRoot(s, "nsubj").ShouldBe([subject]);
        DependentsOfRoot(s, "obj").ShouldBe([obj]);
    }

    [Fact]
    public void FillsEveryColumn()
    {
        var s = Analyse("Protesters were detained by police in the capital .");
        s.Upos.ShouldNotBeNull();
        s.Xpos.ShouldNotBeNull();
        s.Feats.ShouldNotBeNull();
        s.Lemmas!.ShouldContain("detain");
        s.Heads!.Count(h => h == 0).ShouldBe(1);
        s.Relations!.ShouldContain("nsubj:pass");
        s.Relations!.ShouldContain("obl:agent");
    }

    [Fact]
    public void ConcurrentUseGivesTheSameTrees()
    {
        string[] texts =
        [
            "The minister urged Kazakhstan to join the talks .",
            "Rebels attacked a police convoy near the border on Monday .",
            "Officials said the two sides would meet again next week in Geneva .",
            "Police fired tear gas at thousands of protesters who had gathered outside parliament .",
        ];
        var expected = texts.Select(t => string.Join(" ", Analyse(t).Heads!) + "|" + string.Join(" ", Analyse(t).Relations!)).ToArray();
        var results = new string[texts.Length * 50];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var s = Analyse(texts[i % texts.Length]);
            results[i] = string.Join(" ", s.Heads!) + "|" + string.Join(" ", s.Relations!);
        });
        for (int i = 0; i < results.Length; i++) results[i].ShouldBe(expected[i % texts.Length]);
    }

    [Fact]
    public void ConlluRoundTripKeepsTokensAndComments()
    {
        const string input = """
# newdoc id = doc1
# sent_id = doc1-1
# text = They don't want war.
1	They	x	X	X	_	0	root	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	x	X	X	_	1	dep	_	_
3	n't	x	X	X	_	1	dep	_	_
4	want	x	X	X	_	1	dep	_	_
5	war	x	X	X	_	1	dep	_	SpaceAfter=No
6	.	x	X	X	_	1	dep	_	_

""";
        var record = ConlluReader.Read(new StringReader(input), "test").Single();
        ConlluSentences.Annotate(Pipeline.Value, record);
        var output = new StringWriter();
        ConlluWriter.Write(output, record);
        var back = ConlluReader.Read(new StringReader(output.ToString()), "out").Single();
        back.Comments.ShouldBe(["# newdoc id = doc1", "# sent_id = doc1-1", "# text = They don't want war."]);
        back.Words.Select(w => w.Form).ShouldBe(["They", "do", "n't", "want", "war", "."]);
        back.MultiwordTokens.Single().ShouldBe(new ConlluMultiwordToken(2, 3, "don't", "_"));
        back.Words[4].Misc.ShouldBe("SpaceAfter=No");
        back.Words.Select(w => w.Upos).ShouldBe(["PRON", "AUX", "PART", "VERB", "NOUN", "PUNCT"]);
        back.Words.Select(w => w.Lemma).ShouldBe(["they", "do", "not", "want", "war", "."]);
        back.Words[3].Head.ShouldBe(0);
        back.Words[0].Deprel.ShouldBe("nsubj");
        back.Words[4].Deprel.ShouldBe("obj");
    }

    [SkippableFact]
    public void ScoresOnEwtTestStayAboveTheBaseline()
    {
        // The shipped parser is trained on train + dev, so only test is held out for it (nothing is tuned on test).
        var gold = ConlluReader.ReadFile(SharedData.Require("ud/en-ewt/en_ewt-ud-test.conllu")).ToList();
        var scores = NlpEvaluation.Evaluate(Pipeline.Value, gold);
        // UDPipe 1.2's published EWT figures are UAS 83.5 / LAS 80.1; the shipped model must stay well above them.
        scores.Attachment.Uas.ShouldBeGreaterThan(87.0);
        scores.Attachment.Las.ShouldBeGreaterThan(84.0);
        scores.Upos.ShouldBeGreaterThan(94.0);
    }

    [Fact]
    public void MissingModelDirectoryIsReported()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dyad-no-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var ex = Should.Throw<FileNotFoundException>(() => NlpPipeline.Load(dir));
            ex.Message.ShouldContain(NlpPipeline.TaggerFile);
        }
        finally { Directory.Delete(dir); }
    }
}
