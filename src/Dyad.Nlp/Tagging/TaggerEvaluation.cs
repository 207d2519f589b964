using System.Diagnostics;
using Dyad.Nlp.Lemmatization;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Accuracies (percent of words) of tagging and lemmatizing gold-tokenized sentences, and the speed: wall-clock tokens/s
/// and tokens per CPU-second of the process (the latter is steadier on a busy machine).
/// </summary>
public sealed record TaggerScores(int Words, double Upos, double Xpos, double UFeats, double AllTags, double? Lemma,
    double TokensPerSecond, double TokensPerCpuSecond)
{
    public override string ToString() =>
        $"words {Words:N0}: UPOS {Upos:F2}, XPOS {Xpos:F2}, UFeats {UFeats:F2}, AllTags {AllTags:F2}" +
        (Lemma is { } l ? $", Lemma {l:F2}" : "") + $"; {TokensPerSecond:N0} tokens/s ({TokensPerCpuSecond:N0} per CPU-second)";
}

public static class TaggerEvaluation
{
    /// <summary>
    /// Tags (and, when a lemmatizer is given, lemmatizes from the predicted tags) every sentence on the calling thread,
    /// then compares with the gold columns. The timing covers tagging and lemmatizing only.
    /// </summary>
    public static TaggerScores Evaluate(PosTagger tagger, Lemmatizer? lemmatizer, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(gold);
        var forms = new string[gold.Count][];
        var predicted = new (string[] U, string[] X, string[] F, string[] L)[gold.Count];
        for (int s = 0; s < gold.Count; s++)
        {
            var words = gold[s].Words;
            int n = words.Count;
            forms[s] = new string[n];
            for (int i = 0; i < n; i++) forms[s][i] = words[i].Form;
            predicted[s] = (new string[n], new string[n], new string[n], new string[n]);
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int s = 0; s < gold.Count; s++)
        {
            var (u, x, f, l) = predicted[s];
            tagger.Tag(forms[s], u, x, f);
            lemmatizer?.Lemmatize(forms[s], u, x, f, l);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        int total = 0, upos = 0, xpos = 0, feats = 0, all = 0, lemma = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            var (u, x, f, l) = predicted[s];
            var words = gold[s].Words;
            for (int i = 0; i < words.Count; i++)
            {
                var w = words[i];
                bool uok = u[i] == w.Upos, xok = x[i] == w.Xpos, fok = f[i] == w.Feats;
                if (uok) upos++;
                if (xok) xpos++;
                if (fok) feats++;
                if (uok && xok && fok) all++;
                if (lemmatizer != null && l[i] == w.Lemma) lemma++;
            }
            total += words.Count;
        }
        double P(int c) => total == 0 ? 0 : 100.0 * c / total;
        return new TaggerScores(total, P(upos), P(xpos), P(feats), P(all), lemmatizer == null ? null : P(lemma),
            seconds > 0 ? total / seconds : 0, cpuSeconds > 0 ? total / cpuSeconds : 0);
    }
}
