using Dyad.Text;
using Dyad.Text.Tokenization;

namespace Dyad.Coding.Dates;

/// <summary>
/// Finds time expressions in a sentence's tokens by their words alone ("on Sunday", "three years ago", "Feb. 2,
/// 2019"); which predicate an expression dates is decided from the parse by <see cref="EventDater"/>.
/// </summary>
public static class TimeExpressionScanner
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sunday"] = DayOfWeek.Sunday, ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday,
        ["Wednesday"] = DayOfWeek.Wednesday, ["Thursday"] = DayOfWeek.Thursday, ["Friday"] = DayOfWeek.Friday,
        ["Saturday"] = DayOfWeek.Saturday,
    };

    private static readonly Dictionary<string, TimeUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = TimeUnit.Day, ["days"] = TimeUnit.Day, ["week"] = TimeUnit.Week, ["weeks"] = TimeUnit.Week,
        ["month"] = TimeUnit.Month, ["months"] = TimeUnit.Month, ["year"] = TimeUnit.Year, ["years"] = TimeUnit.Year,
        ["decade"] = TimeUnit.Decade, ["decades"] = TimeUnit.Decade,
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100,
    };

    // Parts of a day that may follow a weekday ("Monday night") and still date it.
    private static readonly HashSet<string> DayParts = new(["night", "morning", "afternoon", "evening"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The time expressions of the sentence in token order, non-overlapping.</summary>
    public static List<TimeExpression> Scan(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        var found = new List<TimeExpression>();
        for (int i = 0; i < tokens.Length;)
        {
            if (Match(tokens, i) is { } e)
            {
                found.Add(e);
                i = e.End;
            }
            else i++;
        }
        return found;
    }

    private static TimeExpression? Match(Token[] t, int i)
    {
        var w = t[i].Text;
        if (Is(w, "today") || Is(w, "tonight")) return Offset(i, i + 1, 0, TimeUnit.Day);
        if (Is(w, "yesterday")) return Offset(i, i + 1, 1, TimeUnit.Day);
        if (Is(w, "tomorrow")) return new TimeExpression(i, i + 1, TimeExpressionKind.Future);
        if (Is(w, "day") && Word(t, i + 1, "before") && Word(t, i + 2, "yesterday")) return Offset(i, i + 3, 2, TimeUnit.Day);
        if (Is(w, "earlier") || Is(w, "later"))
        {
            bool later = Is(w, "later");
            if (Word(t, i + 1, "today")) return later ? new TimeExpression(i, i + 2, TimeExpressionKind.Future) : Offset(i, i + 2, 0, TimeUnit.Day);
            if (Word(t, i + 1, "this") && UnitAt(t, i + 2) is { } unit and not TimeUnit.Day and not TimeUnit.Decade)
                return later ? new TimeExpression(i, i + 3, TimeExpressionKind.Future) : new TimeExpression(i, i + 3, TimeExpressionKind.EarlierThis) { Unit = unit };
        }
        if (Is(w, "this") && i + 1 < t.Length && (DayParts.Contains(t[i + 1].Text) || UnitAt(t, i + 1) is TimeUnit.Week or TimeUnit.Month or TimeUnit.Year))
            return Offset(i, i + 2, 0, TimeUnit.Day);
        if (Is(w, "last") || Is(w, "next") || Is(w, "coming"))
        {
            bool next = !Is(w, "last");
            if (Word(t, i + 1, "night")) return next ? null : Offset(i, i + 2, 1, TimeUnit.Day);
            if (Word(t, i + 1, "weekend")) return next ? Future(i, i + 2) : new TimeExpression(i, i + 2, TimeExpressionKind.Weekend) { Strict = true };
            if (!next && MonthAlone(t, i + 1) is { } lastMonth) return lastMonth with { Start = i, Strict = true };
            if (i + 1 < t.Length && Weekdays.TryGetValue(t[i + 1].Text, out var day))
                return next ? Future(i, WeekdayEnd(t, i + 1)) : new TimeExpression(i, WeekdayEnd(t, i + 1), TimeExpressionKind.Weekday) { Day = day, Strict = true };
            if (UnitAt(t, i + 1) is { } unit and not TimeUnit.Day and not TimeUnit.Decade && IsSingular(t[i + 1].Text))
                return next ? Future(i, i + 2) : Offset(i, i + 2, 1, unit);
        }
        if (Is(w, "weekend") && i > 0 && (Word(t, i - 1, "the") || Word(t, i - 1, "this")))
            return new TimeExpression(i - 1, i + 1, TimeExpressionKind.Weekend);
        if (Weekdays.TryGetValue(w, out var weekday) && IsCapitalized(w))
            return new TimeExpression(i, WeekdayEnd(t, i), TimeExpressionKind.Weekday) { Day = weekday };
        if (Number(w) is { } count && UnitAt(t, i + 1) is { } agoUnit && Word(t, i + 2, "ago"))
            return Offset(i, i + 3, count, agoUnit);
        if (Is(w, "a") && Word(t, i + 1, "few") && UnitAt(t, i + 2) is TimeUnit.Day && Word(t, i + 3, "ago"))
            return Offset(i, i + 4, 3, TimeUnit.Day);
        if (CalendarDate(t, i) is { } calendar) return calendar;
        // A month or year alone only after a preposition or time adverb: "in May", not "May Britain ...", "in 2018", not "2018 budget".
        if (i > 0 && MonthOrYearIntroducers.Contains(t[i - 1].Text))
            return MonthAlone(t, i) ?? YearAlone(t, i);
        return null;
    }

    // January .. December written in full.
    private static readonly int[] FullMonthLengths = [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];

    private static readonly HashSet<string> MonthOrYearIntroducers = new(["in", "during", "early", "mid", "late"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"January", "January 2019", "January of 2019": a month written out in full, not followed by a day.</summary>
    private static TimeExpression? MonthAlone(Token[] t, int i)
    {
        if (i >= t.Length || !IsCapitalized(t[i].Text) || t[i].Text.Length < 3 || t[i].Text.EndsWith('.')) return null;
        int month = MonthWords.MonthNumber(t[i].Text);
        // Abbreviations ("Jan") are left to calendar dates; a day after the month makes it one.
        if (month == 0 || t[i].Text.Length != FullMonthLengths[month - 1] || (i + 1 < t.Length && DayNumber(t[i + 1].Text) != null)) return null;
        int end = i + 1, year = 0;
        int k = Word(t, end, "of") ? end + 1 : end;
        if (k < t.Length && YearNumber(t[k].Text) is { } y) { year = y; end = k + 1; }
        return new TimeExpression(i, end, TimeExpressionKind.Month) { Month = month, Year = year };
    }

    private static TimeExpression? YearAlone(Token[] t, int i) =>
        YearNumber(t[i].Text) is { } year ? new TimeExpression(i, i + 1, TimeExpressionKind.Year) { Year = year } : null;

    private static int? YearNumber(string word) => word.Length == 4 && Digits(word) is { } y && y >= 1000 ? y : null;

    /// <summary>"February 2", "Feb. 2, 2019", "2 February 2019", "2nd of February", "2019-02-02".</summary>
    private static TimeExpression? CalendarDate(Token[] t, int i)
    {
        var w = t[i].Text;
        if (w.Length == 10 && w[4] == '-' && w[7] == '-' && Digits(w.AsSpan(0, 4)) is { } y && Digits(w.AsSpan(5, 2)) is { } m && Digits(w.AsSpan(8, 2)) is { } d)
            return new TimeExpression(i, i + 1, TimeExpressionKind.CalendarDate) { Year = y, Month = m, DayOfMonth = d };
        // A month word must be capitalized, so "may" and "march" as verbs are not months.
        int month = IsCapitalized(w) ? MonthWords.MonthNumber(w) : 0;
        if (month > 0 && i + 1 < t.Length && DayNumber(t[i + 1].Text) is { } day)
            return WithYear(t, i, i + 2, month, day);
        if (DayNumber(w) is { } day2)
        {
            int k = i + 1;
            if (Word(t, k, "of")) k++;
            if (k < t.Length && IsCapitalized(t[k].Text) && MonthWords.MonthNumber(t[k].Text) is var month2 and > 0)
                return WithYear(t, i, k + 1, month2, day2);
        }
        return null;
    }

    private static TimeExpression WithYear(Token[] t, int start, int end, int month, int day)
    {
        int k = end;
        if (k < t.Length && t[k].Text == ",") k++;
        int year = 0;
        if (k < t.Length && t[k].Text.Length == 4 && Digits(t[k].Text) is { } y && y >= 1000) { year = y; end = k + 1; }
        return new TimeExpression(start, end, TimeExpressionKind.CalendarDate) { Year = year, Month = month, DayOfMonth = day };
    }

    private static int WeekdayEnd(Token[] t, int weekday)
    {
        int end = weekday + 1;
        if (end < t.Length && (t[end].Text is "'s" or "’s" || DayParts.Contains(t[end].Text))) end++;
        return end;
    }

    private static TimeExpression Offset(int start, int end, int count, TimeUnit unit) =>
        new(start, end, TimeExpressionKind.Offset) { Count = count, Unit = unit };

    private static TimeExpression Future(int start, int end) => new(start, end, TimeExpressionKind.Future);

    private static TimeUnit? UnitAt(Token[] t, int i) => i < t.Length && Units.TryGetValue(t[i].Text, out var unit) ? unit : null;

    private static bool IsSingular(string word) => !word.EndsWith('s');

    private static int? Number(string word)
    {
        if (NumberWords.TryGetValue(word, out int n)) return n;
        return word.Length <= 4 ? Digits(word) : null;
    }

    /// <summary>A day of the month: "2", "02", "2nd", "21st".</summary>
    private static int? DayNumber(string word)
    {
        var span = word.AsSpan();
        if (span.Length > 2 && (span.EndsWith("st", StringComparison.OrdinalIgnoreCase) || span.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || span.EndsWith("th", StringComparison.OrdinalIgnoreCase)))
            span = span[..^2];
        return span.Length is 1 or 2 && Digits(span) is { } d && d is >= 1 and <= 31 ? d : null;
    }

    private static int? Digits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return null;
        int value = 0;
        foreach (char c in s)
        {
            if (c is < '0' or > '9') return null;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static bool IsCapitalized(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool Is(string word, string expected) => word.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool Word(Token[] t, int i, string expected) => i < t.Length && Is(t[i].Text, expected);
}
