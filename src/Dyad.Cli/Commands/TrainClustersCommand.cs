using System.CommandLine;
using Dyad.Nlp.Features;

namespace Dyad.Cli.Commands;

/// <summary>`dyad train clusters`: builds hierarchical word clusters from the unlabelled text in the shared data.</summary>
internal static class TrainClustersCommand
{
    public const string DefaultName = "en.clusters.tsv.gz";

    public static Command Create()
    {
        var shared = new Option<string?>("--shared") { Description = "Shared data folder with ud/en-ewt, ner/wikigold and lexicon/wordnet-3.0 (default ../shared/data)." };
        var output = new Option<string>("--output", "-o") { Description = "Cluster file to write (gzip 'path<TAB>word' lines).", DefaultValueFactory = _ => Path.Combine("models", DefaultName) };
        var defaults = new WordClusterOptions();
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no cluster.", DefaultValueFactory = _ => defaults.MinCount };
        var depth = new Option<int>("--depth") { Description = "Depth of the cluster tree (path length).", DefaultValueFactory = _ => defaults.MaxDepth };
        var command = new Command("clusters", "Build hierarchical word clusters (bit-string paths) from unlabelled text.") { shared, output, minCount, depth };
        command.SetAction(parse =>
        {
            var outWriter = parse.InvocationConfiguration.Output;
            string sharedRoot = parse.GetValue(shared) ?? Path.Combine("..", "shared", "data");
            List<string[]> sentences;
            try { sentences = ClusterCorpus.Read(sharedRoot, outWriter); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: cannot read the text under {sharedRoot}: {e.Message}");
                return 2;
            }
            var options = defaults with { MinCount = parse.GetValue(minCount), MaxDepth = parse.GetValue(depth) };
            var clusters = WordClusterTrainer.Train(sentences, options, outWriter);
            string outputPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            clusters.Save(outputPath);
            outWriter.WriteLine($"wrote {outputPath} ({new FileInfo(outputPath).Length:N0} bytes, {clusters.Count:N0} words)");
            return 0;
        });
        return command;
    }
}
