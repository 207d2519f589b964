using System.Globalization;

namespace Dyad.Text.Readers;

/// <summary>
/// Parses the publication dates found in news inputs. The calendar date is taken as written:
/// "2020-02-02T23:30:00+06:00" is 2020-02-02, never shifted to UTC, because the date a story was
/// published where it was published is the reference for its relative dates ("on Sunday").
/// </summary>
/// <remarks>
/// Hand-written rather than DateTime.TryParse: that accepts far too much (culture-dependent orders,
/// bare numbers) and converts time zones, and it cannot tell a malformed date from an impossible one.
/// </remarks>
public static class DateParser
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// Accepts YYYY-MM-DD, ISO 8601 date-times (YYYY-MM-DDThh:mm..., also with a space), YYYYMMDD,
    /// RFC 822/1123 ("Sun, 02 Feb 2020 14:30:00 GMT", "2 Feb 2020") and "February 2, 2020".
    /// </summary>
    /// <param name="error">Why the text is not a date, for the rejection message.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date, out string error)
    {
        date = default;
        text = text.Trim();
        if (text.IsEmpty) { error = "empty date"; return false; }

        // ISO forms: YYYY-MM-DD, optionally followed by a time.
        if (text.Length >= 10 && IsDigits(text[..4]) && text[4] == '-' && IsDigits(text.Slice(5, 2)) && text[7] == '-' && IsDigits(text.Slice(8, 2))
            && (text.Length == 10 || text[10] is 'T' or 't' or ' '))
            return Build(Int(text[..4]), Int(text.Slice(5, 2)), Int(text.Slice(8, 2)), text, out date, out error);

        if (text.Length == 8 && IsDigits(text))
            return Build(Int(text[..4]), Int(text.Slice(4, 2)), Int(text.Slice(6, 2)), text, out date, out error);

        if (TryParseWords(text, out int year, out int month, out int day))
            return Build(year, month, day, text, out date, out error);

        error = $"'{Shorten(text)}' is not a date (expected YYYY-MM-DD, an ISO 8601 date-time, YYYYMMDD or an RFC 822 date)";
        return false;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date) => TryParse(text, out date, out _);

    private static bool Build(int year, int month, int day, ReadOnlySpan<char> text, out DateOnly date, out string error)
    {
        date = default;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"'{Shorten(text)}' is an impossible date";
            return false;
        }
        date = new DateOnly(year, month, day);
        error = "";
        return true;
    }

    /// <summary>Dates with a month name: "Sun, 02 Feb 2020 ...", "2 February 2020", "February 2, 2020".</summary>
    private static bool TryParseWords(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        // Split into at most 6 alphanumeric words; punctuation (",", ".") separates.
        Span<Range> words = stackalloc Range[6];
        int count = 0, i = 0;
        while (i < text.Length && count < words.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > start) words[count++] = new Range(start, i);
        }
        for (int w = 0; w + 2 < count; w++)
        {
            var a = text[words[w]];
            var b = text[words[w + 1]];
            var c = text[words[w + 2]];
            // D Month YYYY
            if (IsDigits(a) && a.Length <= 2 && MonthOf(b) is int m1 and > 0 && IsDigits(c) && c.Length == 4)
            {
                day = Int(a); month = m1; year = Int(c);
                return true;
            }
            // Month D YYYY
            if (MonthOf(a) is int m2 and > 0 && IsDigits(b) && b.Length <= 2 && IsDigits(c) && c.Length == 4)
            {
                day = Int(b); month = m2; year = Int(c);
                return true;
            }
        }
        return false;
    }

    private static int MonthOf(ReadOnlySpan<char> word)
    {
        // A month is its full name or any abbreviation of at least three letters ("Feb", "Sept").
        if (word.Length < 3) return 0;
        for (int m = 0; m < MonthNames.Length; m++)
            if (word.Length <= MonthNames[m].Length && MonthNames[m].AsSpan(0, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
                return m + 1;
        return 0;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    private static int Int(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 60 ? s.ToString() : string.Concat(s[..60], "…");
}
