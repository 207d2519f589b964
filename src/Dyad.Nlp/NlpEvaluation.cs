using System.Diagnostics;
using Dyad.Nlp.Parsing;
using Dyad.Text.Conllu;

namespace Dyad.Nlp;

/// <summary>Scores of the whole pipeline on a gold treebank (gold tokenization, predicted everything else).</summary>
public sealed record NlpScores(long Words, double Upos, double Xpos, double UFeats, double Lemma, AttachmentScore Attachment, double WordsPerSecond)
{
    public override string ToString() =>
        $"words {Words}\nUPOS {Upos:F2}\nXPOS {Xpos:F2}\nUFeats {UFeats:F2}\nLemma {Lemma:F2}\n" +
        $"UAS {Attachment.Uas:F2}\nLAS {Attachment.Las:F2}\nLAS with subtypes {Attachment.FullLas:F2}\n" +
        $"tokens/s {WordsPerSecond:F0} (tag + lemmatize + parse, one thread)";
}

public static class NlpEvaluation
{
    /// <summary>
    /// Runs the pipeline on each gold sentence's words and compares every column. Speed is measured on the
    /// <see cref="NlpPipeline.Process(Dyad.Text.Sentence)"/> calls only, after a short warm-up.
    /// </summary>
    public static NlpScores Evaluate(NlpPipeline pipeline, IReadOnlyList<ConlluSentence> gold)
    {
        var sentences = gold.Select(ConlluSentences.ToSentence).ToArray();
        for (int i = 0; i < Math.Min(200, sentences.Length); i++) pipeline.Process(ConlluSentences.ToSentence(gold[i]));
        var clock = Stopwatch.StartNew();
        foreach (var s in sentences) pipeline.Process(s);
        clock.Stop();
        long words = 0, upos = 0, xpos = 0, feats = 0, lemma = 0;
        var attachment = new AttachmentScore();
        for (int k = 0; k < gold.Count; k++)
        {
            var s = sentences[k];
            var g = gold[k].Words;
            var goldHeads = new int[g.Count];
            var goldRels = new string[g.Count];
            for (int i = 0; i < g.Count; i++)
            {
                words++;
                if (s.Upos![i] == g[i].Upos) upos++;
                if (s.Xpos![i] == g[i].Xpos) xpos++;
                if (s.Feats![i] == g[i].Feats) feats++;
                if (s.Lemmas![i] == g[i].Lemma) lemma++;
                goldHeads[i] = g[i].Head;
                goldRels[i] = g[i].Deprel;
            }
            attachment.Add(goldHeads, goldRels, s.Heads!, s.Relations!);
        }
        double Pct(long c) => words == 0 ? 0 : 100.0 * c / words;
        return new NlpScores(words, Pct(upos), Pct(xpos), Pct(feats), Pct(lemma), attachment, words / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
    }
}
