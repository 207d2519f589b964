namespace Dyad.Coding.Evaluation;

/// <summary>Gold, predicted and correct counts, with precision, recall and F1 as fractions (0-1).</summary>
public readonly record struct MatchCounts(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static MatchCounts operator +(MatchCounts a, MatchCounts b) =>
        new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct);

    /// <summary>"P 81.25  R 76.47  F1 78.79  (gold 17, predicted 16, correct 13)", percentages.</summary>
    public override string ToString() =>
        $"P {100 * Precision:F2}  R {100 * Recall:F2}  F1 {100 * F1:F2}  (gold {Gold}, predicted {Predicted}, correct {Correct})";
}
