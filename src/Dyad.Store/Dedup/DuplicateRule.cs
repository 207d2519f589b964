using Dyad.Coding;

namespace Dyad.Store.Dedup;

/// <summary>What two mentions must share to be one real-world event (everything but date and place).</summary>
/// <param name="Source">The source actor as the rule compares it (see <see cref="DuplicateRule.ActorKey"/>).</param>
public readonly record struct DuplicateKey(string Source, string Target, string Root, bool Negated);

/// <summary>
/// When mentions from different sentences and documents report the same real-world event (docs/store.md
/// "Deduplication"): same source and target actors, same CAMEO root code, same polarity (a denial is another
/// claim), event dates at most <see cref="WindowDays"/> apart, and compatible places (same country, or the country
/// unknown on either side: many reports name no place).
/// </summary>
/// <param name="ActorPrefix">How many leading letters of the actor codes must agree: 3 compares the country or group
/// ("USAGOV" and "USA" agree, as one outlet names the minister and another the country); 0 compares whole codes.</param>
public sealed record DuplicateRule(int WindowDays, int ActorPrefix)
{
    public static DuplicateRule Default { get; } = new(1, 3);

    /// <summary>The actor as compared: its first <see cref="ActorPrefix"/> letters; a missing actor is "".</summary>
    public string ActorKey(string? code) =>
        code is null ? "" : ActorPrefix > 0 && code.Length > ActorPrefix ? code[..ActorPrefix] : code;

    public DuplicateKey KeyOf(CodedEvent e) => new(ActorKey(e.Source), ActorKey(e.Target), e.Root, e.Negated);

    /// <summary>The date a mention is matched on: its own event date, else its document's publication date.</summary>
    public static DateOnly EventDate(CodedEvent e, DateOnly documentDate) =>
        CodedEventColumns.ParseDate(e.Date) ?? documentDate;

    public bool PlacesCompatible(string? a, string? b) => a is null || b is null || a == b;

    public bool DatesCompatible(DateOnly a, DateOnly b) => Math.Abs(a.DayNumber - b.DayNumber) <= WindowDays;
}
