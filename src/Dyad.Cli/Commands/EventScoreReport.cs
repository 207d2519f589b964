using System.Globalization;
using Dyad.Coding.Evaluation;
using Dyad.Text.Evaluation;

namespace Dyad.Cli.Commands;

/// <summary>Prints an <see cref="EventScoreboard"/> for <c>dyad eval petrarch</c> and <c>dyad eval events</c>.</summary>
internal static class EventScoreReport
{
    /// <summary>"P 81.25  R 76.47  F1 78.79  (gold 17, predicted 16, correct 13)", percentages.</summary>
    public static string Format(SpanScore s) => string.Create(CultureInfo.InvariantCulture,
        $"P {100 * s.Precision:F2}  R {100 * s.Recall:F2}  F1 {100 * s.F1:F2}  (gold {s.Gold}, predicted {s.Predicted}, correct {s.Correct})");

    public static void WriteExact(TextWriter output, EventScoreboard board) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact:     {board.Exact}/{board.Texts} texts coded exactly as expected ({100 * board.ExactShare:F2}%)"));

    /// <summary>Counts of each near-miss kind (docs/evaluation.md "Error classes"), in a fixed order.</summary>
    public static void WriteMismatches(TextWriter output, EventScoreboard board)
    {
        var parts = new List<string>();
        foreach (var kind in Enum.GetValues<MismatchKind>())
            parts.Add($"{EventDiffWriter.KindName(kind)} {board.Mismatches.GetValueOrDefault(kind)}");
        output.WriteLine("errors:    " + string.Join(", ", parts));
    }

    /// <summary>Likely failure causes (docs/evaluation.md): texts where each is the first found / found at all.</summary>
    public static void WriteCauses(TextWriter output, EventScoreboard board)
    {
        var parts = new List<string>();
        foreach (var cause in Enum.GetValues<FailureCause>())
            if (board.Causes.TryGetValue(cause, out var n))
                parts.Add($"{FailureCauses.Name(cause)} {n.First}/{n.All}");
        output.WriteLine("causes (first/all): " + (parts.Count == 0 ? "none" : string.Join(", ", parts)));
    }

    public static void WriteSpeed(TextWriter output, int texts, TimeSpan elapsed) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed:     {texts} texts in {elapsed.TotalSeconds:F2} s ({texts / Math.Max(elapsed.TotalSeconds, 1e-9):F0} texts/s, models loaded beforehand)"));
}
