using System.Diagnostics;
using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Tagging;
using Dyad.Text.Conllu;

namespace Dyad.Bench;

/// <summary>Quick single-thread timing of the committed models: <c>-- time-tagger [shared-data-dir] [tagger-model] [conllu-file]</c> (default: EWT dev).</summary>
internal static class TaggerTiming
{
    public static int Run(string[] args)
    {
        var data = args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data");
        var dev = ConlluReader.ReadFile(args.Length > 3 ? args[3] : Path.Combine(data, "ud", "en-ewt", "en_ewt-ud-dev.conllu")).ToList();
        var tagger = PosTagger.Load(args.Length > 2 ? args[2] : Path.Combine("models", "en-ewt.tagger.bin"));
        var lemmatizer = Lemmatizer.Load(Path.Combine("models", "en-ewt.lemmatizer.bin"));
        var sentences = dev.Select(s => s.Words.Select(w => w.Form).ToArray()).ToArray();
        int tokens = sentences.Sum(s => s.Length);
        for (int round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var words in sentences)
            {
                var u = new string[words.Length]; var x = new string[words.Length]; var f = new string[words.Length];
                tagger.Tag(words, u, x, f);
            }
            double tag = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var scores = TaggerEvaluation.Evaluate(tagger, lemmatizer, dev);
            Console.WriteLine($"round {round}: tag {tokens / tag:N0} tokens/s; evaluate {scores}");
        }
        foreach (var threshold in new[] { 0.1f, 0.2f, 0.4f })
        {
            var pruned = tagger.Pruned(threshold);
            var stream = new MemoryStream();
            pruned.Save(stream);
            TaggerEvaluation.Evaluate(pruned, lemmatizer, dev);
            Console.WriteLine($"pruned at {threshold}: {stream.Length:N0} bytes; {TaggerEvaluation.Evaluate(pruned, lemmatizer, dev)}");
        }
        return 0;
    }
}
