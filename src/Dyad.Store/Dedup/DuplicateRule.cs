using Dyad.Coding;

namespace Dyad.Store.Dedup;

/// <summary>What two mentions must share to be one real-world event (everything but date and place).</summary>
public readonly record struct DuplicateKey(string Source, string Target, string Root, bool Negated)
{
    /// <summary>The key of a coded mention; a missing actor is the empty code, so it matches only another missing one.</summary>
    public static DuplicateKey Of(CodedEvent e) => new(e.Source ?? "", e.Target ?? "", e.Root, e.Negated);
}

/// <summary>
/// When mentions from different sentences and documents report the same real-world event (docs/store.md
/// "Deduplication"): same source and target actor codes, same CAMEO root code, same polarity (a denial is another
/// claim), event dates at most <see cref="WindowDays"/> apart, and compatible places (same country, or the country
/// unknown on either side: many reports name no place).
/// </summary>
public sealed record DuplicateRule(int WindowDays)
{
    public static DuplicateRule Default { get; } = new(1);

    /// <summary>The date a mention is matched on: its own event date, else its document's publication date.</summary>
    public static DateOnly EventDate(CodedEvent e, DateOnly documentDate) =>
        DuckDb.CodedEventColumns.ParseDate(e.Date) ?? documentDate;

    public bool PlacesCompatible(string? a, string? b) => a is null || b is null || a == b;

    public bool DatesCompatible(DateOnly a, DateOnly b) => Math.Abs(a.DayNumber - b.DayNumber) <= WindowDays;
}
