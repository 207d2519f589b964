using Dyad.Text.Evaluation;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// Matches predicted items against gold items as multisets: each predicted item is correct when an as yet unmatched
/// equal gold item remains, so a duplicate counts only as often as the gold lists it. Unmatched gold items are
/// missing, unmatched predicted ones extra. Order never matters.
/// </summary>
public sealed class MultisetMatch<T> where T : notnull
{
    private MultisetMatch(List<T> matched, List<T> missing, List<T> extra, int gold, int predicted)
    {
        Matched = matched;
        Missing = missing;
        Extra = extra;
        Counts = new SpanScore(gold, predicted, matched.Count);
    }

    public IReadOnlyList<T> Matched { get; }
    public IReadOnlyList<T> Missing { get; }
    public IReadOnlyList<T> Extra { get; }
    public SpanScore Counts { get; }

    /// <summary>True when the two multisets are equal (nothing missing, nothing extra).</summary>
    public bool Exact => Missing.Count == 0 && Extra.Count == 0;

    public static MultisetMatch<T> Of(IReadOnlyList<T> gold, IReadOnlyList<T> predicted)
    {
        var remaining = new Dictionary<T, int>();
        foreach (var g in gold) remaining[g] = remaining.GetValueOrDefault(g) + 1;
        var matched = new List<T>();
        var extra = new List<T>();
        foreach (var p in predicted)
        {
            if (remaining.TryGetValue(p, out int left) && left > 0)
            {
                remaining[p] = left - 1;
                matched.Add(p);
            }
            else extra.Add(p);
        }
        var missing = new List<T>();
        // Gold order is kept for the missing list so a diff reads like the gold file.
        foreach (var g in gold)
            if (remaining.TryGetValue(g, out int left) && left > 0)
            {
                remaining[g] = left - 1;
                missing.Add(g);
            }
        return new MultisetMatch<T>(matched, missing, extra, gold.Count, predicted.Count);
    }
}
