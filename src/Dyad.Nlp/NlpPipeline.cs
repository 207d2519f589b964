using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Parsing;
using Dyad.Nlp.Tagging;
using Dyad.Text;

namespace Dyad.Nlp;

/// <summary>
/// Tagging, lemmatization and dependency parsing of tokenized sentences with the models in one directory
/// (<c>en-ewt.tagger.bin</c>, <c>en-ewt.lemmatizer.bin</c>, <c>en-ewt.parser.bin</c>). The three models are
/// read-only after loading and keep their working memory per thread, so one pipeline serves many threads.
/// </summary>
public sealed class NlpPipeline
{
    public const string TaggerFile = "en-ewt.tagger.bin";
    public const string LemmatizerFile = "en-ewt.lemmatizer.bin";
    public const string ParserFile = "en-ewt.parser.bin";

    public NlpPipeline(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
    }

    public PosTagger Tagger { get; }
    public Lemmatizer Lemmatizer { get; }
    public DependencyParser Parser { get; }

    /// <summary>Loads the three models from <paramref name="modelsDirectory"/>, or from <see cref="FindModelsDirectory"/> when null.</summary>
    public static NlpPipeline Load(string? modelsDirectory = null)
    {
        var dir = modelsDirectory ?? FindModelsDirectory()
            ?? throw new DirectoryNotFoundException("cannot find the models directory (looked next to the dyad assembly and up to the repository root); pass --models DIR");
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"models directory {dir} does not exist");
        string taggerFile = Require(dir, TaggerFile), lemmatizerFile = Require(dir, LemmatizerFile), parserFile = Require(dir, ParserFile);
        // The parser, the largest model, loads beside the other two: on two cores that shortens start-up.
        var parser = Task.Run(() => DependencyParser.Load(parserFile));
        var tagger = PosTagger.Load(taggerFile);
        var lemmatizer = Lemmatizer.Load(lemmatizerFile);
        return new NlpPipeline(tagger, lemmatizer, parser.GetAwaiter().GetResult());
    }

    /// <summary>Loads the tagger and lemmatizer only (for retraining the parser on top of them).</summary>
    public static (PosTagger Tagger, Lemmatizer Lemmatizer) LoadTaggerAndLemmatizer(string modelsDirectory) =>
        (PosTagger.Load(Require(modelsDirectory, TaggerFile)), Lemmatizer.Load(Require(modelsDirectory, LemmatizerFile)));

    /// <summary>
    /// The <c>models</c> folder copied next to the running assembly, else the first <c>models</c> folder holding a
    /// parser model found walking up from it (a source checkout); null when neither exists.
    /// </summary>
    public static string? FindModelsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(candidate, ParserFile))) return candidate;
            dir = dir.Parent;
        }
        return null;
    }

    /// <summary>The same models with the parser decoding at another beam width.</summary>
    public NlpPipeline WithParserBeam(int beamWidth) => new(Tagger, Lemmatizer, Parser.WithBeamWidth(beamWidth));

    /// <summary>Writes the three model files into <paramref name="directory"/> (created if needed).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Tagger.Save(Path.Combine(directory, TaggerFile));
        Lemmatizer.Save(Path.Combine(directory, LemmatizerFile));
        Parser.Save(Path.Combine(directory, ParserFile));
    }

    /// <summary>Fills Upos, Xpos, Feats, Lemmas, Heads and Relations of one sentence.</summary>
    public void Process(Sentence sentence)
    {
        if (sentence.Count == 0)
        {
            sentence.Upos = sentence.Xpos = sentence.Feats = sentence.Lemmas = sentence.Relations = [];
            sentence.Heads = [];
            return;
        }
        // "Moon Jae-in", "Kassym-Jomart Tokayev": hyphenated name parts are tagged and parsed as one word.
        if (HyphenatedNames.Find(sentence) is { } names)
        {
            var joined = HyphenatedNames.Join(sentence, names);
            Annotate(joined);
            HyphenatedNames.Expand(joined, sentence, names);
        }
        else Annotate(sentence);
        TimeAttachment.Repair(sentence);
    }

    private void Annotate(Sentence sentence)
    {
        Tagger.Tag(sentence);
        Lemmatizer.Lemmatize(sentence);
        Parser.Parse(sentence);
    }

    public void Process(AnnotatedDocument document)
    {
        foreach (var sentence in document.Sentences) Process(sentence);
    }

    private static string Require(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file {path} is missing (train it with `dyad train nlp`)", path);
        return path;
    }
}
