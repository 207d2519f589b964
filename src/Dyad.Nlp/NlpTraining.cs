using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Parsing;
using Dyad.Nlp.Tagging;
using Dyad.Text.Conllu;

namespace Dyad.Nlp;

/// <summary>Settings for training the whole tag + lemmatize + parse pipeline (<c>dyad train nlp</c>).</summary>
public sealed record NlpTrainingOptions
{
    public TaggerOptions Tagger { get; init; } = new();
    public ParserOptions Parser { get; init; } = new() { BeamWidth = 8, Iterations = 15 };
    /// <summary>WordNet/UniMorph folder for the tagger's and lemmatizer's lexicons (null: none).</summary>
    public string? LexiconDirectory { get; init; }
    /// <summary>
    /// The parser learns from tags predicted by taggers trained on the other folds of the training set, so it sees
    /// tagging errors like those it meets in use. 0 trains it on gold tags.
    /// </summary>
    public int JackknifeFolds { get; init; } = 4;
    /// <summary>
    /// Ensemble size of the jackknife taggers (0: as <see cref="Tagger"/>). One model per fold is three times cheaper
    /// and its held-out error rate is close to the shipped ensemble's, which is what the parser has to learn to cope with.
    /// </summary>
    public int JackknifeEnsembleSize { get; init; }
    /// <summary>Writes the jackknifed training tags here (one "UPOS TAB XPOS" line per word) so later runs can reuse them.</summary>
    public string? SaveJackknifeTags { get; init; }
    /// <summary>
    /// Train the parser on train + dev for the final model (after choosing settings on dev with this off): dev gets the
    /// given tagger's tags, which are held-out tags since the tagger never trains on dev; no pass selection, the last
    /// of <see cref="ParserOptions.Iterations"/> passes is kept.
    /// </summary>
    public bool ParserTrainsOnDev { get; init; }
    /// <summary>Reads jackknifed training tags written by <see cref="SaveJackknifeTags"/> instead of training fold taggers.</summary>
    public string? LoadJackknifeTags { get; init; }
}

/// <summary>Trains the tagger, lemmatizer and parser from CoNLL-U treebanks.</summary>
public static class NlpTraining
{
    public static NlpPipeline Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, NlpTrainingOptions options, TextWriter? log = null)
    {
        var taggerOptions = options.Tagger with { LexiconDirectory = options.LexiconDirectory };
        var tagger = PosTagger.Train(train, dev, taggerOptions, log);
        var lemmatizer = Lemmatizer.Train(train, options.LexiconDirectory, log);
        var parser = TrainParser(train, dev, tagger, options, log);
        return new NlpPipeline(tagger, lemmatizer, parser);
    }

    /// <summary>Trains only the parser, on jackknifed tags for train and <paramref name="tagger"/>'s tags for dev.</summary>
    public static DependencyParser TrainParser(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, PosTagger tagger,
        NlpTrainingOptions options, TextWriter? log = null)
    {
        var (trainSentences, devSentences) = ParserData(train, dev, tagger, options, log);
        if (options.ParserTrainsOnDev)
        {
            log?.WriteLine($"parser: training on train + dev ({trainSentences.Count} + {devSentences.Count} sentences), keeping pass {options.Parser.Iterations}");
            trainSentences.AddRange(devSentences);
            return DependencyParser.Train(trainSentences, null, options.Parser, log);
        }
        return DependencyParser.Train(trainSentences, devSentences, options.Parser, log);
    }

    /// <summary>
    /// Adds a tree relabeller to a trained <paramref name="parser"/>, learnt from the same data the parser learns from
    /// (jackknifed tags for train, <paramref name="tagger"/>'s for dev; train + dev with <see cref="NlpTrainingOptions.ParserTrainsOnDev"/>).
    /// </summary>
    public static DependencyParser TrainRelabeller(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, PosTagger tagger,
        DependencyParser parser, NlpTrainingOptions options, TextWriter? log = null)
    {
        var (trainSentences, devSentences) = ParserData(train, dev, tagger, options, log);
        if (options.ParserTrainsOnDev)
        {
            log?.WriteLine($"relabeller: training on train + dev ({trainSentences.Count} + {devSentences.Count} sentences), keeping pass {options.Parser.Iterations}");
            trainSentences.AddRange(devSentences);
            return parser.WithTrainedRelabeller(trainSentences, null, options.Parser, log);
        }
        return parser.WithTrainedRelabeller(trainSentences, devSentences, options.Parser, log);
    }

    /// <summary>The parser's training sentences with jackknifed (or loaded) tags, and dev with <paramref name="tagger"/>'s tags.</summary>
    private static (List<ParserTrainingSentence> Train, List<ParserTrainingSentence> Dev) ParserData(IReadOnlyList<ConlluSentence> train,
        IReadOnlyList<ConlluSentence> dev, PosTagger tagger, NlpTrainingOptions options, TextWriter? log)
    {
        var trainSentences = ToParserSentences(train, "train");
        if (options.LoadJackknifeTags != null)
        {
            JackknifeTagFile.Read(options.LoadJackknifeTags, trainSentences);
            log?.WriteLine($"parser: jackknifed training tags read from {options.LoadJackknifeTags}");
        }
        else if (options.JackknifeFolds >= 2)
        {
            var foldOptions = options.Tagger with { LexiconDirectory = options.LexiconDirectory };
            if (options.JackknifeEnsembleSize > 0) foldOptions = foldOptions with { EnsembleSize = options.JackknifeEnsembleSize };
            JackknifeTags(train, trainSentences, options.JackknifeFolds, foldOptions, log);
            if (options.SaveJackknifeTags != null) JackknifeTagFile.Write(options.SaveJackknifeTags, trainSentences);
        }
        else
            log?.WriteLine("parser: training on gold tags (no jackknifing)");
        var devSentences = ToParserSentences(dev, "dev");
        foreach (var s in devSentences) RetagWith(tagger, s);
        return (trainSentences, devSentences);
    }

    /// <summary>
    /// Replaces the tags of each training sentence by those of a tagger trained without its fold. The folds train on
    /// parallel threads: each fold tagger is deterministic and retags only its own sentences, so the result is the same
    /// as training them one after another.
    /// </summary>
    public static void JackknifeTags(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ParserTrainingSentence> sentences, int folds,
        TaggerOptions taggerOptions, TextWriter? log)
    {
        var shared = log == null ? null : TextWriter.Synchronized(log);
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = folds }, f =>
        {
            var rest = new List<ConlluSentence>(train.Count);
            for (int i = 0; i < train.Count; i++) if (i % folds != f) rest.Add(train[i]);
            shared?.WriteLine($"jackknife fold {f + 1}/{folds}: training a tagger on {rest.Count} sentences");
            var foldTagger = PosTagger.Train(rest, null, taggerOptions, null);
            long words = 0, same = 0;
            for (int i = f; i < train.Count; i += folds)
            {
                var s = sentences[i];
                var gold = s.Xpos;
                RetagWith(foldTagger, s);
                for (int w = 0; w < s.Count; w++) { words++; if (s.Xpos[w] == gold[w]) same++; }
            }
            shared?.WriteLine($"jackknife fold {f + 1}/{folds}: XPOS accuracy on the held-out fold {100.0 * same / Math.Max(1, words):F2}%");
        });
    }

    private static List<ParserTrainingSentence> ToParserSentences(IReadOnlyList<ConlluSentence> records, string name)
    {
        var list = new List<ParserTrainingSentence>(records.Count);
        foreach (var r in records) list.Add(ParserTrainingSentence.FromConllu(r, name));
        return list;
    }

    private static void RetagWith(PosTagger tagger, ParserTrainingSentence s)
    {
        var upos = new string[s.Count];
        var xpos = new string[s.Count];
        var feats = new string[s.Count];
        tagger.Tag(s.Forms, upos, xpos, feats);
        s.Upos = upos;
        s.Xpos = xpos;
    }
}
