using System.CommandLine;
using System.Diagnostics;
using Dyad.Nlp;
using Dyad.Nlp.Tagging;
using Dyad.Text.Conllu;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad train nlp</c>: trains the tagger, lemmatizer and parser from UD treebanks.</summary>
internal static class TrainNlpCommand
{
    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training treebank (CoNLL-U).", Required = true };
        var dev = new Option<FileInfo>("--dev") { Description = "Development treebank (CoNLL-U), used to pick the best training pass.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for the model files.", DefaultValueFactory = _ => new DirectoryInfo("models") };
        var lexicon = new Option<DirectoryInfo?>("--lexicon") { Description = "Lexicon folder (WordNet 3.0 and UniMorph) for the tagger and lemmatizer, e.g. ../shared/data/lexicon." };
        var iterations = new Option<int>("--iterations") { Description = "Parser training passes.", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is deterministic for a given seed).", DefaultValueFactory = _ => 1 };
        var beam = new Option<int>("--beam") { Description = "Parser beam width (1 = greedy).", DefaultValueFactory = _ => 8 };
        var trainBeam = new Option<int>("--train-beam") { Description = "Parser beam width during training (0 = same as --beam).", DefaultValueFactory = _ => 0 };
        var relabel = new Option<bool>("--relabel") { Description = "Add a second-stage labeller that relabels the finished tree seeing all of it." };
        var ensemble = new Option<int>("--parser-ensemble") { Description = "Parsers trained with seeds --seed, --seed + 1, ... and averaged into one model (as fast as one; each keeps its last pass).", DefaultValueFactory = _ => 1 };
        var folds = new Option<int>("--jackknife") { Description = "Folds for the parser's jackknifed training tags (0 = gold tags).", DefaultValueFactory = _ => 4 };
        var jackknifeEnsemble = new Option<int>("--jackknife-ensemble") { Description = "Ensemble size of the jackknife taggers (0 = same as the tagger's).", DefaultValueFactory = _ => 0 };
        var saveTags = new Option<FileInfo?>("--save-jackknife-tags") { Description = "Write the parser's jackknifed training tags to this file." };
        var loadTags = new Option<FileInfo?>("--load-jackknife-tags") { Description = "Read the parser's jackknifed training tags from this file (written by --save-jackknife-tags) instead of training fold taggers." };
        var parserOnDev = new Option<bool>("--parser-train-on-dev") { Description = "Final model: train the parser on train + dev (tagged by the tagger), keeping the last of --iterations passes instead of choosing a pass on dev." };
        var taggerOnly = new Option<bool>("--tagger-only") { Description = "Train only the tagger and lemmatizer (keeps the parser already in --out, if any)." };
        var taggerIterations = new Option<int>("--tagger-iterations") { Description = "Tagger training passes.", DefaultValueFactory = _ => new TaggerOptions().Iterations };
        var taggerEnsemble = new Option<int>("--tagger-ensemble") { Description = "Perceptrons averaged per tagger pass.", DefaultValueFactory = _ => new TaggerOptions().EnsembleSize };
        var lemmatizerOnly = new Option<bool>("--lemmatizer-only") { Description = "Train only the lemmatizer (keeps the tagger and parser already in --out; its dev score uses that tagger's tags)." };
        var relabelMargin = new Option<float?>("--relabel-margin") { Description = "Score margin the relabeller needs to override an in-beam label (default: chosen on dev; 0 with --parser-train-on-dev, i.e. always override)." };
        var relabellerOnly = new Option<bool>("--relabeller-only") { Description = "Keep the models already in --out and add a tree relabeller (--relabel) to the parser, trained on the parser's data for --iterations passes." };
        var parserOnly = new Option<bool>("--parser-only") { Description = "Keep the tagger and lemmatizer already in --out and train only the parser." };
        var command = new Command("nlp", "Train the tagger, lemmatizer and dependency parser (writes en-ewt.*.bin).")
        {
            train, dev, output, lexicon, iterations, seed, beam, trainBeam, relabel, ensemble, folds, jackknifeEnsemble, saveTags, loadTags, parserOnDev, taggerOnly, taggerIterations, taggerEnsemble, parserOnly, lemmatizerOnly, relabellerOnly, relabelMargin,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var trainFile = parse.GetRequiredValue(train);
            var devFile = parse.GetRequiredValue(dev);
            var outDir = parse.GetValue(output)!;
            var lexiconDir = parse.GetValue(lexicon);
            foreach (var f in new[] { trainFile, devFile })
                if (!f.Exists) { stderr.WriteLine($"error: {f.FullName} does not exist"); return 2; }
            if (lexiconDir is { Exists: false }) { stderr.WriteLine($"error: lexicon folder {lexiconDir.FullName} does not exist"); return 2; }
            int seedValue = parse.GetValue(seed);
            var options = new NlpTrainingOptions
            {
                Tagger = new TaggerOptions { Seed = seedValue, Iterations = parse.GetValue(taggerIterations), EnsembleSize = parse.GetValue(taggerEnsemble) },
                Parser = new Nlp.Parsing.ParserOptions { Iterations = parse.GetValue(iterations), Seed = seedValue, BeamWidth = parse.GetValue(beam), TrainBeamWidth = parse.GetValue(trainBeam), TreeRelabeller = parse.GetValue(relabel), RelabelMargin = parse.GetValue(relabelMargin), EnsembleSize = parse.GetValue(ensemble) },
                LexiconDirectory = lexiconDir?.FullName,
                JackknifeFolds = parse.GetValue(folds),
                JackknifeEnsembleSize = parse.GetValue(jackknifeEnsemble),
                SaveJackknifeTags = parse.GetValue(saveTags)?.FullName,
                LoadJackknifeTags = parse.GetValue(loadTags)?.FullName,
                ParserTrainsOnDev = parse.GetValue(parserOnDev),
            };
            if (parse.GetValue(relabelMargin) is { } m && !(m >= 0 && float.IsFinite(m)))
            { stderr.WriteLine("error: --relabel-margin must be a finite number >= 0"); return 2; }
            if ((parse.GetValue(taggerOnly) ? 1 : 0) + (parse.GetValue(parserOnly) ? 1 : 0) + (parse.GetValue(lemmatizerOnly) ? 1 : 0) + (parse.GetValue(relabellerOnly) ? 1 : 0) > 1)
            { stderr.WriteLine("error: --tagger-only, --lemmatizer-only, --parser-only and --relabeller-only exclude each other"); return 2; }
            if (options.JackknifeEnsembleSize < 0 || options.Tagger.EnsembleSize < 1 || options.Tagger.Iterations < 1)
            { stderr.WriteLine("error: --tagger-iterations and --tagger-ensemble must be at least 1, --jackknife-ensemble at least 0"); return 2; }
            if (options.LoadJackknifeTags != null && !File.Exists(options.LoadJackknifeTags)) { stderr.WriteLine($"error: {options.LoadJackknifeTags} does not exist"); return 2; }
            if (options.Parser.Iterations < 1 || options.Parser.BeamWidth < 1 || options.Parser.TrainBeamWidth < 0 || options.Parser.EnsembleSize < 1) { stderr.WriteLine("error: --iterations, --beam and --parser-ensemble must be at least 1"); return 2; }
            try
            {
                var clock = Stopwatch.StartNew();
                var trainSet = ConlluReader.ReadFile(trainFile.FullName).ToList();
                var devSet = ConlluReader.ReadFile(devFile.FullName).ToList();
                stdout.WriteLine($"read {trainSet.Count} training and {devSet.Count} dev sentences");
                NlpPipeline pipeline;
                if (parse.GetValue(lemmatizerOnly))
                {
                    var existing = NlpPipeline.LoadTaggerAndLemmatizer(outDir.FullName);
                    var lemmatizer = Nlp.Lemmatization.Lemmatizer.Train(trainSet, options.LexiconDirectory, stdout);
                    lemmatizer.Save(Path.Combine(outDir.FullName, NlpPipeline.LemmatizerFile));
                    stdout.WriteLine($"wrote the lemmatizer to {outDir.FullName} in {clock.Elapsed.TotalMinutes:F1} min");
                    stdout.WriteLine("dev tagging: " + TaggerEvaluation.Evaluate(existing.Tagger, lemmatizer, devSet));
                    return 0;
                }
                if (parse.GetValue(taggerOnly))
                {
                    var taggerOptions = options.Tagger with { LexiconDirectory = options.LexiconDirectory };
                    var tagger = PosTagger.Train(trainSet, devSet, taggerOptions, stdout);
                    var lemmatizer = Nlp.Lemmatization.Lemmatizer.Train(trainSet, options.LexiconDirectory, stdout);
                    Directory.CreateDirectory(outDir.FullName);
                    tagger.Save(Path.Combine(outDir.FullName, NlpPipeline.TaggerFile));
                    lemmatizer.Save(Path.Combine(outDir.FullName, NlpPipeline.LemmatizerFile));
                    stdout.WriteLine($"wrote tagger and lemmatizer to {outDir.FullName} in {clock.Elapsed.TotalMinutes:F1} min");
                    stdout.WriteLine("dev tagging: " + TaggerEvaluation.Evaluate(tagger, lemmatizer, devSet));
                    return 0;
                }
                if (parse.GetValue(relabellerOnly))
                {
                    var existing = NlpPipeline.Load(outDir.FullName);
                    var parser = NlpTraining.TrainRelabeller(trainSet, devSet, existing.Tagger, existing.Parser, options, stdout);
                    parser.Save(Path.Combine(outDir.FullName, NlpPipeline.ParserFile));
                    stdout.WriteLine($"wrote the parser with its relabeller to {outDir.FullName} in {clock.Elapsed.TotalMinutes:F1} min");
                    return 0;
                }
                if (parse.GetValue(parserOnly))
                {
                    var existing = NlpPipeline.LoadTaggerAndLemmatizer(outDir.FullName);
                    var parser = NlpTraining.TrainParser(trainSet, devSet, existing.Tagger, options, stdout);
                    pipeline = new NlpPipeline(existing.Tagger, existing.Lemmatizer, parser);
                }
                else pipeline = NlpTraining.Train(trainSet, devSet, options, stdout);
                pipeline.Save(outDir.FullName);
                stdout.WriteLine($"wrote models to {outDir.FullName} in {clock.Elapsed.TotalMinutes:F1} min");
                stdout.WriteLine("dev scores:");
                stdout.WriteLine(NlpEvaluation.Evaluate(pipeline, devSet));
                return 0;
            }
            catch (Exception e) when (e is ConlluFormatException or IOException or InvalidDataException)
            {
                stderr.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
