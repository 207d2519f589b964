using System.Globalization;
using Dyad.Coding.Evaluation;

namespace Dyad.Cli.Commands;

/// <summary>Prints an <see cref="EventScoreboard"/> for <c>dyad eval petrarch</c> and <c>dyad eval events</c>.</summary>
internal static class EventScoreReport
{
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

    public static void WriteSpeed(TextWriter output, int texts, TimeSpan elapsed) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed:     {texts} texts in {elapsed.TotalSeconds:F2} s ({texts / Math.Max(elapsed.TotalSeconds, 1e-9):F0} texts/s, models loaded beforehand)"));
}
