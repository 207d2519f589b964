using System.CommandLine;
using Dyad.Nlp.Features;
using Dyad.Nlp.Ner;

namespace Dyad.Cli.Commands;

/// <summary>`dyad train ner`: compiles the gazetteer from the shared data and trains the entity recognizer.</summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Training file(s): UNER IOB2 or CoNLL (wikigold) layout; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string?>("--dev") { Description = "Development file: the epoch with the best span F1 on it is kept." };
        var shared = new Option<string?>("--shared") { Description = "Shared data folder with places/ and cameo/ for the gazetteer (default ../shared/data)." };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => Path.Combine("models", NerModelFile.DefaultName) };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed (training is deterministic for a seed).", DefaultValueFactory = _ => 1 };
        var ensemble = new Option<int>("--ensemble") { Description = "Number of models (seeds seed, seed+1, ...) whose weights are averaged.", DefaultValueFactory = _ => 1 };
        var penalty = new Option<float?>("--outside-penalty") { Description = "Fixed O-label penalty instead of tuning it on --dev (for a final model trained on train + dev with the value a dev run chose)." };
        var lowerCopies = new Option<int>("--lowercase-copies") { Description = "Extra all-lower-case training copies of sentences with entities.", DefaultValueFactory = _ => new NerTrainingOptions().LowercaseCopies };
        var upperCopies = new Option<int>("--uppercase-copies") { Description = "Extra all-capitals training copies of sentences with entities.", DefaultValueFactory = _ => new NerTrainingOptions().UppercaseCopies };
        var clusters = new Option<string?>("--clusters") { Description = "Word-cluster file (from 'dyad train clusters') whose path prefixes become features; stored in the model." };
        var command = new Command("ner", "Train the named-entity recognizer (PER, ORG, LOC) and write its model.") { train, dev, shared, output, epochs, seed, ensemble, penalty, lowerCopies, upperCopies, clusters };
        command.SetAction(parse =>
        {
            var outWriter = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string sharedRoot = parse.GetValue(shared) ?? Path.Combine("..", "shared", "data");
            if (!Directory.Exists(Path.Combine(sharedRoot, "places")) || !Directory.Exists(Path.Combine(sharedRoot, "cameo")))
            {
                error.WriteLine($"error: {sharedRoot} has no places/ and cameo/ folders; pass --shared DIR.");
                return 2;
            }
            var examples = new List<NerExample>();
            foreach (var path in parse.GetValue(train)!)
            {
                var sentences = NerModelFile.ReadIob(path, null, error);
                if (sentences == null) return 2;
                examples.AddRange(sentences.Select(NerExample.From));
                outWriter.WriteLine($"{path}: {sentences.Count:N0} sentences");
            }
            List<NerExample>? devExamples = null;
            if (parse.GetValue(dev) is { } devPath)
            {
                var sentences = NerModelFile.ReadIob(devPath, null, error);
                if (sentences == null) return 2;
                devExamples = sentences.Select(NerExample.From).ToList();
            }
            WordClusters? wordClusters = null;
            if (parse.GetValue(clusters) is { } clusterPath)
            {
                try { wordClusters = WordClusters.Load(clusterPath); }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    error.WriteLine($"error: {clusterPath}: {e.Message}");
                    return 2;
                }
                outWriter.WriteLine($"{clusterPath}: {wordClusters.Count:N0} clustered words");
            }
            var gazetteer = GazetteerBuilder.Build(sharedRoot, outWriter);
            var options = new NerTrainingOptions { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), EnsembleSize = parse.GetValue(ensemble), OutsidePenalty = parse.GetValue(penalty), LowercaseCopies = parse.GetValue(lowerCopies), UppercaseCopies = parse.GetValue(upperCopies), Clusters = wordClusters, Log = outWriter };
            var recognizer = EntityRecognizer.Train(examples, devExamples, gazetteer, options);
            string outputPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            recognizer.Save(outputPath);
            outWriter.WriteLine($"wrote {outputPath} ({new FileInfo(outputPath).Length:N0} bytes, {recognizer.FeatureCount:N0} feature rows)");
            if (devExamples != null) recognizer.Evaluate(devExamples).WriteTable(outWriter);
            return 0;
        });
        return command;
    }
}
