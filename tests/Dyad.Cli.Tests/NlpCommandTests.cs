using System.CommandLine;
using Dyad.Cli.Commands;
using Dyad.Tests;
using Dyad.Text.Conllu;

namespace Dyad.Cli.Tests;

public class NlpCommandTests
{
    private const string Input = """
# newdoc id = d1
# sent_id = d1-1
# text = The minister urged Kazakhstan to join the talks.
1	The	_	_	_	_	_	_	_	_
2	minister	_	_	_	_	_	_	_	_
3	urged	_	_	_	_	_	_	_	_
4	Kazakhstan	_	_	_	_	_	_	_	_
5	to	_	_	_	_	_	_	_	_
6	join	_	_	_	_	_	_	_	_
7	the	_	_	_	_	_	_	_	_
8	talks	_	_	_	_	_	_	_	SpaceAfter=No
9	.	_	_	_	_	_	_	_	_

# sent_id = d1-2
# text = Rebels say they won't stop.
1	Rebels	_	_	_	_	_	_	_	_
2	say	_	_	_	_	_	_	_	_
3	they	_	_	_	_	_	_	_	_
4-5	won't	_	_	_	_	_	_	_	_
4	wo	_	_	_	_	_	_	_	_
5	n't	_	_	_	_	_	_	_	_
6	stop	_	_	_	_	_	_	_	SpaceAfter=No
7	.	_	_	_	_	_	_	_	_

""";

    private static (int Exit, string Out, string Err) Run(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string Models => Path.Combine(SharedData.RepositoryRoot, "models");

    [Fact]
    public void ParseConlluKeepsTokensAndCommentsAndFillsTheColumns()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Input);
            var (exit, output, error) = Run(ParseCommand.Create(), "parse", file, "--input-format", "conllu", "--format", "conllu", "--models", Models);
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            var original = ConlluReader.Read(new StringReader(Input)).ToList();
            var parsed = ConlluReader.Read(new StringReader(output), "output").ToList();
            parsed.Count.ShouldBe(2);
            for (int s = 0; s < 2; s++)
            {
                parsed[s].Comments.ShouldBe(original[s].Comments);
                parsed[s].Words.Select(w => (w.Id, w.Form, w.Misc)).ShouldBe(original[s].Words.Select(w => (w.Id, w.Form, w.Misc)));
                parsed[s].MultiwordTokens.ShouldBe(original[s].MultiwordTokens);
                parsed[s].Words.ShouldAllBe(w => w.Upos != "_" && w.Xpos != "_" && w.Lemma != "_" && w.Head >= 0 && w.Deprel != "_");
                parsed[s].Words.Count(w => w.Head == 0).ShouldBe(1);
            }
            parsed[0].Words[2].Head.ShouldBe(0);
            parsed[0].Words[1].Deprel.ShouldBe("nsubj");
            parsed[0].Words[3].Deprel.ShouldBe("obj");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ParseTokenizesRawTextAndParsesIt()
    {
        var file = Path.Combine(Path.GetTempPath(), "dyad-parse-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            File.WriteAllText(file, "Police arrested two men in Cairo. The minister urged Kazakhstan to join the talks.\n");
            var (exit, output, error) = Run(ParseCommand.Create(), "parse", file, "--input-format", "text", "--date", "2024-05-01", "--models", Models, "--no-progress");
            exit.ShouldBe(0, error);
            var sentences = ConlluReader.Read(new StringReader(output), "output").ToList();
            sentences.Count.ShouldBe(2);
            sentences[0].Text.ShouldBe("Police arrested two men in Cairo.");
            sentences[0].Words.Select(w => w.Form).ShouldBe(["Police", "arrested", "two", "men", "in", "Cairo", "."]);
            var root = sentences[0].Words.Single(w => w.Head == 0);
            root.Form.ShouldBe("arrested");
            sentences[0].Words.Single(w => w.Deprel == "nsubj").Form.ShouldBe("Police");
            sentences[0].Words.Single(w => w.Deprel == "obj").Form.ShouldBe("men");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ParseReportsABadLineWithFileAndLineNumber()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "1\tonly\tthree\n");
            var (exit, _, error) = Run(ParseCommand.Create(), "parse", file, "--input-format", "conllu", "--models", Models);
            exit.ShouldNotBe(0);
            error.ShouldContain(file + ":1");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void EvalNlpPrintsAllScores()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A gold file in our own words (same sentences, hand-annotated).
            File.WriteAllText(file, """
# text = The minister urged Kazakhstan to join the talks.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	minister	minister	NOUN	NN	Number=Sing	3	nsubj	_	_
3	urged	urge	VERB	VBD	Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin	0	root	_	_
4	Kazakhstan	Kazakhstan	PROPN	NNP	Number=Sing	3	obj	_	_
5	to	to	PART	TO	_	6	mark	_	_
6	join	join	VERB	VB	VerbForm=Inf	3	xcomp	_	_
7	the	the	DET	DT	Definite=Def|PronType=Art	8	det	_	_
8	talks	talk	NOUN	NNS	Number=Plur	6	obj	_	SpaceAfter=No
9	.	.	PUNCT	.	_	3	punct	_	_

""");
            foreach (var beam in new[] { Array.Empty<string>(), ["--beam", "1"] })
            {
                var eval = new Command("eval") { EvalNlpCommand.Create() };
                var (exit, output, error) = Run(eval, ["eval", "nlp", "--treebank", file, "--models", Models, .. beam]);
                error.ShouldBeEmpty();
                exit.ShouldBe(0);
                foreach (var label in new[] { "UPOS", "XPOS", "UFeats", "Lemma", "UAS", "LAS", "tokens/s" })
                    output.ShouldContain(label);
                output.ShouldContain("words 9");
            }
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void TrainNlpOnATinyTreebankWritesLoadableModels()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dyad-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var treebank = Path.Combine(dir, "tiny.conllu");
            // Give the two sentences simple annotations: every word a noun attached to the first word.
            using (var w = new StreamWriter(treebank))
                foreach (var r in ConlluReader.Read(new StringReader(Input)))
                {
                    foreach (var word in r.Words)
                    {
                        (word.Lemma, word.Upos, word.Xpos) = (word.Form.ToLowerInvariant(), "NOUN", "NN");
                        (word.Head, word.Deprel) = word.Id == 1 ? (0, "root") : (1, "dep");
                    }
                    ConlluWriter.Write(w, r);
                }
            var outDir = Path.Combine(dir, "models");
            var (exit, output, error) = Run(new Command("train") { TrainNlpCommand.Create() }, "train", "nlp", "--train", treebank, "--dev", treebank, "--out", outDir,
                "--iterations", "2", "--jackknife", "0", "--beam", "2");
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("UAS");
            Nlp.NlpPipeline.Load(outDir).Parser.BeamWidth.ShouldBe(2);

            // The final-model mode retrains the parser on train + dev, keeping the tagger and lemmatizer just written.
            var taggerBytes = File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.TaggerFile));
            (exit, output, error) = Run(new Command("train") { TrainNlpCommand.Create() }, "train", "nlp", "--train", treebank, "--dev", treebank, "--out", outDir,
                "--iterations", "2", "--jackknife", "0", "--beam", "2", "--parser-only", "--parser-train-on-dev");
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("training on train + dev (2 + 2 sentences), keeping pass 2");
            File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.TaggerFile)).ShouldBe(taggerBytes);

            // --lemmatizer-only rewrites just the lemmatizer, from the same data the same bytes.
            var lemmatizerBytes = File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.LemmatizerFile));
            var parserBytes = File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.ParserFile));
            (exit, output, error) = Run(new Command("train") { TrainNlpCommand.Create() }, "train", "nlp", "--train", treebank, "--dev", treebank, "--out", outDir,
                "--lemmatizer-only");
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("Lemma");
            File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.LemmatizerFile)).ShouldBe(lemmatizerBytes);
            File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.TaggerFile)).ShouldBe(taggerBytes);
            File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.ParserFile)).ShouldBe(parserBytes);

            // --relabeller-only adds a tree relabeller to the parser in --out and leaves the tagger alone.
            (exit, output, error) = Run(new Command("train") { TrainNlpCommand.Create() }, "train", "nlp", "--train", treebank, "--dev", treebank, "--out", outDir,
                "--iterations", "2", "--jackknife", "0", "--relabeller-only");
            error.ShouldBeEmpty();
            exit.ShouldBe(0);
            output.ShouldContain("relabeller pass 2; dev UAS");
            File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.ParserFile)).Length.ShouldBeGreaterThan(parserBytes.Length);
            File.ReadAllBytes(Path.Combine(outDir, Nlp.NlpPipeline.TaggerFile)).ShouldBe(taggerBytes);
            Nlp.NlpPipeline.Load(outDir).Parser.BeamWidth.ShouldBe(2);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void TrainNlpRejectsTaggerOnlyWithParserOnly()
    {
        var treebank = Path.GetTempFileName();
        try
        {
            var (exit, _, error) = Run(new Command("train") { TrainNlpCommand.Create() }, "train", "nlp", "--train", treebank, "--dev", treebank,
                "--tagger-only", "--parser-only");
            exit.ShouldBe(2);
            error.ShouldContain("--tagger-only, --lemmatizer-only, --parser-only and --relabeller-only exclude each other");
        }
        finally { File.Delete(treebank); }
    }

    [Fact]
    public void TrainNlpNamesAMissingFile()
    {
        var (exit, _, error) = Run(new Command("train") { TrainNlpCommand.Create() }, "train", "nlp", "--train", "/nonexistent/train.conllu", "--dev", "/nonexistent/dev.conllu");
        exit.ShouldBe(2);
        error.ShouldContain("/nonexistent/train.conllu");
    }
}
