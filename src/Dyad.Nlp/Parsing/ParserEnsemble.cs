namespace Dyad.Nlp.Parsing;

/// <summary>
/// Trains several parsers that differ only in the order they see the training sentences (their seeds) and averages
/// their weights. Each member overfits its own example order differently; the mean model votes them out, and since
/// the scores are linear in the weights, parsing with it costs no more than with a single member.
/// </summary>
internal static class ParserEnsemble
{
    public static DependencyParser Train(IReadOnlyList<ParserTrainingSentence> train, IReadOnlyList<ParserTrainingSentence>? dev,
        ParserOptions options, TextWriter? log)
    {
        int count = options.EnsembleSize;
        var shared = log == null ? null : TextWriter.Synchronized(log);
        var members = new DependencyParser[count];
        // Each member is deterministic for its seed and shares nothing mutable with the others, so training them on
        // parallel threads gives the same models as training them one after another.
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, i =>
        {
            var memberOptions = options with { Seed = options.Seed + i, EnsembleSize = 1 };
            // Members keep their last pass: choosing each one's best pass on dev would tune the ensemble to dev.
            members[i] = DependencyParser.TrainSingle(train, null, memberOptions, shared, $"parser {i + 1}/{count}");
        });
        if (dev != null && dev.Count > 0 && log != null)
        {
            for (int i = 0; i < count; i++)
            {
                log.WriteLine($"parser {i + 1}/{count} alone: dev {members[i].Evaluate(dev)}");
                if (i > 0) log.WriteLine($"mean of parsers 1-{i + 1}: dev {DependencyParser.Mean(members[..(i + 1)]).Evaluate(dev)}");
            }
        }
        return DependencyParser.Mean(members);
    }
}
