namespace Dyad.Coding.Dates;

/// <summary>What a time expression says about when something happened.</summary>
public enum TimeExpressionKind
{
    /// <summary>Count units back from the reference: "today" (0), "yesterday", "last week", "three years ago".</summary>
    Offset,
    /// <summary>A weekday: "on Sunday", "Monday night"; <see cref="TimeExpression.Strict"/> for "last Sunday".</summary>
    Weekday,
    /// <summary>A calendar date: "February 2", "2 Feb", "Feb. 2, 2019", "2019-02-02" (<see cref="TimeExpression.Year"/> 0 when not written).</summary>
    CalendarDate,
    /// <summary>"earlier this week / month / year".</summary>
    EarlierThis,
    /// <summary>"over the weekend"; <see cref="TimeExpression.Strict"/> for "last weekend".</summary>
    Weekend,
    /// <summary>After the report: "tomorrow", "next week", "later this month", "next Friday".</summary>
    Future,
    /// <summary>A month without a day: "in January", "last March" (<see cref="TimeExpression.Strict"/>), "in January 2019".</summary>
    Month,
    /// <summary>A year alone: "in 2018".</summary>
    Year,
}

/// <summary>
/// A time expression found in a sentence: its tokens [Start, End) and what it means. <see cref="Resolve"/> turns it
/// into a date relative to the publication date.
/// </summary>
public readonly record struct TimeExpression(int Start, int End, TimeExpressionKind Kind)
{
    public int Count { get; init; }
    public TimeUnit Unit { get; init; }
    public DayOfWeek Day { get; init; }
    /// <summary>"last Sunday" (strictly before the reference) rather than "on Sunday"; "last weekend" rather than "over the weekend".</summary>
    public bool Strict { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public int DayOfMonth { get; init; }

    /// <summary>
    /// The date this expression gives for an event reported on <paramref name="reference"/>; never later than it. A
    /// future predicate ("will visit on Friday") or a future expression keeps the reference. Null when the expression
    /// names no real date (February 30).
    /// </summary>
    public DateOnly? Resolve(DateOnly reference, bool futurePredicate)
    {
        if (futurePredicate || Kind == TimeExpressionKind.Future) return reference;
        return Kind switch
        {
            TimeExpressionKind.Offset => DateArithmetic.Ago(reference, Count, Unit),
            TimeExpressionKind.Weekday => Strict ? DateArithmetic.Previous(reference, Day) : DateArithmetic.MostRecent(reference, Day),
            TimeExpressionKind.CalendarDate when Year > 0 => DateArithmetic.Exact(Year, Month, DayOfMonth) is { } exact ? DateArithmetic.NotAfter(exact, reference) : null,
            TimeExpressionKind.CalendarDate => DateArithmetic.MostRecent(reference, Month, DayOfMonth),
            TimeExpressionKind.EarlierThis => DateArithmetic.EarlierThis(reference, Unit),
            TimeExpressionKind.Weekend => DateArithmetic.Weekend(reference, Strict),
            TimeExpressionKind.Month => DateArithmetic.InMonth(reference, Year, Month, Strict),
            TimeExpressionKind.Year => DateArithmetic.InYear(reference, Year),
            _ => reference,
        };
    }
}
