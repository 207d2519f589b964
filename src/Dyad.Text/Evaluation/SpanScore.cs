namespace Dyad.Text.Evaluation;

/// <summary>
/// Gold, predicted and correct counts with precision, recall and F1: of character spans against gold spans (exact
/// match, as in CoNLL 2018) here, and of event triples in Dyad.Coding.Evaluation.
/// </summary>
public readonly record struct SpanScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static SpanScore operator +(SpanScore a, SpanScore b) =>
        new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct);

    /// <summary>Scores two span sets; spans are (start, end) pairs and duplicates count once.</summary>
    public static SpanScore Of(IReadOnlyCollection<(int Start, int End)> gold, IReadOnlyCollection<(int Start, int End)> predicted)
    {
        var goldSet = new HashSet<(int, int)>(gold);
        var predictedSet = new HashSet<(int, int)>(predicted);
        int correct = 0;
        foreach (var span in predictedSet)
            if (goldSet.Contains(span)) correct++;
        return new SpanScore(goldSet.Count, predictedSet.Count, correct);
    }
}
