using System.Diagnostics;
using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Tagging;
using Dyad.Text.Conllu;

namespace Dyad.Bench;

/// <summary>
/// Trains the tagger and lemmatizer on UD English-EWT, writes them to models/ and prints dev and test scores.
/// Run: <c>dotnet run -c Release --project bench/Dyad.Bench -- train-tagger [shared-data-dir] [models-dir] [iterations] [min-weight] [ensemble-size]</c>.
/// (The pipeline's own <c>dyad train nlp</c> calls the same Train methods.)
/// </summary>
internal static class TaggerTraining
{
    public static int Run(string[] args)
    {
        var data = args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data");
        var models = args.Length > 2 ? args[2] : "models";
        var ewt = Path.Combine(data, "ud", "en-ewt");
        var train = ConlluReader.ReadFile(Path.Combine(ewt, "en_ewt-ud-train.conllu")).ToList();
        var dev = ConlluReader.ReadFile(Path.Combine(ewt, "en_ewt-ud-dev.conllu")).ToList();
        var test = ConlluReader.ReadFile(Path.Combine(ewt, "en_ewt-ud-test.conllu")).ToList();
        var lexicon = Path.Combine(data, "lexicon");
        var clock = Stopwatch.StartNew();
        var options = new TaggerOptions { LexiconDirectory = lexicon };
        // Optional overrides for tuning runs: iterations, minimum kept weight.
        if (args.Length > 3) options = options with { Iterations = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) };
        if (args.Length > 4) options = options with { MinWeight = float.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) };
        if (args.Length > 5) options = options with { EnsembleSize = int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) };
        var tagger = PosTagger.Train(train, dev, options, Console.Out);
        Console.WriteLine($"tagger training: {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var lemmatizer = Lemmatizer.Train(train, lexicon, Console.Out);
        Console.WriteLine($"lemmatizer training: {clock.Elapsed.TotalSeconds:F1} s");
        Directory.CreateDirectory(models);
        var taggerPath = Path.Combine(models, "en-ewt.tagger.bin");
        var lemmatizerPath = Path.Combine(models, "en-ewt.lemmatizer.bin");
        tagger.Save(taggerPath);
        lemmatizer.Save(lemmatizerPath);
        Console.WriteLine($"saved {taggerPath} ({new FileInfo(taggerPath).Length:N0} bytes), {lemmatizerPath} ({new FileInfo(lemmatizerPath).Length:N0} bytes)");
        clock.Restart();
        tagger = PosTagger.Load(taggerPath);
        lemmatizer = Lemmatizer.Load(lemmatizerPath);
        Console.WriteLine($"load: {clock.Elapsed.TotalMilliseconds:F0} ms");
        TaggerEvaluation.Evaluate(tagger, lemmatizer, dev); // warm-up so the speed figures are of jitted code
        Console.WriteLine($"dev:  {TaggerEvaluation.Evaluate(tagger, lemmatizer, dev)}");
        Console.WriteLine($"test: {TaggerEvaluation.Evaluate(tagger, lemmatizer, test)}");
        return 0;
    }
}
