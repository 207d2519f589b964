namespace Dyad.Coding.Dates;

/// <summary>Calendar units a relative expression counts in ("three years ago", "last month").</summary>
public enum TimeUnit { Day, Week, Month, Year, Decade }

/// <summary>
/// The calendar rules behind event dates, as pure functions of a reference date (the publication date). None of them
/// returns a date after the reference: what lies in the future of the report is not an event yet (docs/coding.md "Dates").
/// </summary>
public static class DateArithmetic
{
    /// <summary>"on Sunday": the most recent such day on or before the reference, so the reference's own weekday is the reference itself.</summary>
    public static DateOnly MostRecent(DateOnly reference, DayOfWeek day)
    {
        int back = ((int)reference.DayOfWeek - (int)day + 7) % 7;
        return reference.AddDays(-back);
    }

    /// <summary>"last Sunday": the most recent such day strictly before the reference.</summary>
    public static DateOnly Previous(DateOnly reference, DayOfWeek day)
    {
        int back = ((int)reference.DayOfWeek - (int)day + 7) % 7;
        return reference.AddDays(back == 0 ? -7 : -back);
    }

    /// <summary>
    /// "on February 2" without a year: the most recent February 2 on or before the reference (last year's when this
    /// year's is still to come). "February 29" goes back to the last leap year. Null when no year has that day
    /// (February 30) .
    /// </summary>
    public static DateOnly? MostRecent(DateOnly reference, int month, int day)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        // Eight years back always reaches a leap year (1900 and 2100 are not leap years).
        for (int year = reference.Year; year >= Math.Max(1, reference.Year - 8); year--)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var date = new DateOnly(year, month, day);
            if (date <= reference) return date;
        }
        return null;
    }

    /// <summary>"on February 2, 2019": that date, or null when it does not exist (February 29, 2019).</summary>
    public static DateOnly? Exact(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>"three years ago", "a week ago": the reference moved back; a month or year back from the 31st or a leap day lands on the month's last day.</summary>
    public static DateOnly Ago(DateOnly reference, int count, TimeUnit unit)
    {
        count = Math.Max(0, count);
        // DateOnly throws below year 1: a "3,000 years ago" is clamped to the calendar's start.
        try
        {
            return unit switch
            {
                TimeUnit.Day => reference.AddDays(-count),
                TimeUnit.Week => reference.AddDays(-7 * count),
                TimeUnit.Month => reference.AddMonths(-count),
                TimeUnit.Year => reference.AddYears(-count),
                _ => reference.AddYears(-10 * count),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MinValue;
        }
    }

    /// <summary>
    /// "earlier this week / month / year": the day before the reference, but not before the start of that week (Monday),
    /// month or year, so a report on a Monday about "earlier this week" keeps its own date.
    /// </summary>
    public static DateOnly EarlierThis(DateOnly reference, TimeUnit unit)
    {
        var start = StartOf(reference, unit);
        var dayBefore = reference.AddDays(-1);
        return dayBefore < start ? reference : dayBefore;
    }

    /// <summary>The first day of the week (Monday, ISO 8601), month or year holding the reference; the day itself otherwise.</summary>
    public static DateOnly StartOf(DateOnly reference, TimeUnit unit) => unit switch
    {
        TimeUnit.Week => MostRecent(reference, DayOfWeek.Monday),
        TimeUnit.Month => new DateOnly(reference.Year, reference.Month, 1),
        TimeUnit.Year or TimeUnit.Decade => new DateOnly(reference.Year, 1, 1),
        _ => reference,
    };

    /// <summary>"last weekend", "over the weekend": the Saturday of the most recent weekend that has begun; "last" skips a weekend still in progress.</summary>
    public static DateOnly Weekend(DateOnly reference, bool last)
    {
        var saturday = MostRecent(reference, DayOfWeek.Saturday);
        bool inProgress = reference.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return last && inProgress ? saturday.AddDays(-7) : saturday;
    }

    /// <summary>
    /// "in January", "last March", "in January 2019": a day in that month, the reference's day of the month (or the
    /// month's last day) as "last month" gives. Without a year, the most recent such month: the reference's own month
    /// is the reference, unless <paramref name="strict"/> ("last March" in March is a year back). Never after the reference.
    /// </summary>
    public static DateOnly InMonth(DateOnly reference, int year, int month, bool strict)
    {
        if (month is < 1 or > 12) return reference;
        if (year <= 0)
        {
            year = month < reference.Month || (month == reference.Month && !strict) ? reference.Year : reference.Year - 1;
            if (year < 1) return reference;
        }
        if (year > 9999) return reference;
        int day = Math.Min(reference.Day, DateTime.DaysInMonth(year, month));
        return NotAfter(new DateOnly(year, month, day), reference);
    }

    /// <summary>"in 2018": the reference's day and month in that year (February 29 becomes the 28th); this year or a later one is the reference.</summary>
    public static DateOnly InYear(DateOnly reference, int year)
    {
        if (year < 1 || year >= reference.Year) return reference;
        return new DateOnly(year, reference.Month, Math.Min(reference.Day, DateTime.DaysInMonth(year, reference.Month)));
    }

    /// <summary>A date never after the reference: a later one is the reference.</summary>
    public static DateOnly NotAfter(DateOnly date, DateOnly reference) => date > reference ? reference : date;
}
