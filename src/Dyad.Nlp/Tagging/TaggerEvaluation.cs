using System.Diagnostics;
using Dyad.Nlp.Lemmatization;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tagging;

/// <summary>Accuracies (percent of words) of tagging and lemmatizing gold-tokenized sentences, and the speed.</summary>
public sealed record TaggerScores(int Words, double Upos, double Xpos, double UFeats, double AllTags, double? Lemma,
    double TokensPerSecond)
{
    public override string ToString() =>
        $"words {Words:N0}: UPOS {Upos:F2}, XPOS {Xpos:F2}, UFeats {UFeats:F2}, AllTags {AllTags:F2}" +
        (Lemma is { } l ? $", Lemma {l:F2}" : "") + $"; {TokensPerSecond:N0} tokens/s";
}

public static class TaggerEvaluation
{
    /// <summary>
    /// Tags (and, when a lemmatizer is given, lemmatizes from the predicted tags) every sentence and compares with
    /// the gold columns. Speed counts tagging and lemmatizing only, on the calling thread.
    /// </summary>
    public static TaggerScores Evaluate(PosTagger tagger, Lemmatizer? lemmatizer, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(gold);
        int words = 0, upos = 0, xpos = 0, feats = 0, all = 0, lemma = 0;
        long ticks = 0;
        var clock = new Stopwatch();
        foreach (var sentence in gold)
        {
            int n = sentence.Words.Count;
            var forms = new string[n];
            for (int i = 0; i < n; i++) forms[i] = sentence.Words[i].Form;
            var u = new string[n];
            var x = new string[n];
            var f = new string[n];
            var l = new string[n];
            clock.Restart();
            tagger.Tag(forms, u, x, f);
            if (lemmatizer != null)
                for (int i = 0; i < n; i++) l[i] = lemmatizer.Lemmatize(forms[i], u[i], x[i], f[i]);
            clock.Stop();
            ticks += clock.ElapsedTicks;
            for (int i = 0; i < n; i++)
            {
                var w = sentence.Words[i];
                bool uok = u[i] == w.Upos, xok = x[i] == w.Xpos, fok = f[i] == w.Feats;
                if (uok) upos++;
                if (xok) xpos++;
                if (fok) feats++;
                if (uok && xok && fok) all++;
                if (lemmatizer != null && l[i] == w.Lemma) lemma++;
            }
            words += n;
        }
        double seconds = (double)ticks / Stopwatch.Frequency;
        double P(int c) => words == 0 ? 0 : 100.0 * c / words;
        return new TaggerScores(words, P(upos), P(xpos), P(feats), P(all), lemmatizer == null ? null : P(lemma),
            seconds > 0 ? words / seconds : 0);
    }
}
