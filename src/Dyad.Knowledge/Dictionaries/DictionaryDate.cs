using System.Globalization;

namespace Dyad.Knowledge.Dictionaries;

/// <summary>
/// Dates in dictionary restrictions: YYYYMMDD or YYMMDD (PETRARCH), and YYYY-MM-DD (Dyad user dictionaries).
/// Two-digit years 00-29 are 2000-2029 and 30-99 are 1930-1999: the shipped dictionaries were generated in 2014 and
/// use six-digit dates for terms from the 1930s on (e.g. [AFGELI 320101-331108]) and up to 2013.
/// </summary>
public static class DictionaryDate
{
    public const int TwoDigitYearPivot = 30;

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
                || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out month)
                || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out day)) return false;
        }
        else if (text.Length is 6 or 8)
        {
            foreach (var c in text) if (c is < '0' or > '9') return false;
            int yearDigits = text.Length - 4;
            year = int.Parse(text[..yearDigits], NumberStyles.None, CultureInfo.InvariantCulture);
            if (yearDigits == 2) year += year < TwoDigitYearPivot ? 2000 : 1900;
            month = int.Parse(text.Slice(yearDigits, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            day = int.Parse(text.Slice(yearDigits + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a PETRARCH restriction body with blanks removed: "&lt;D", "&gt;D" or "D-D".</summary>
    public static bool TryParseRestriction(string body, out DateInterval interval, out string? error)
    {
        interval = default;
        error = null;
        if (body.StartsWith('<') || body.StartsWith('>'))
        {
            if (!TryParse(body.AsSpan(1), out var d)) { error = $"bad date '{body[1..]}' in restriction '{body}' (expected YYMMDD or YYYYMMDD)"; return false; }
            interval = body[0] == '<' ? new DateInterval(null, d) : new DateInterval(d, null);
            return true;
        }
        var dash = body.IndexOf('-');
        if (dash <= 0) { error = $"restriction '{body}' is not <DATE, >DATE or DATE-DATE"; return false; }
        if (!TryParse(body.AsSpan(0, dash), out var from)) { error = $"bad start date '{body[..dash]}' in restriction '{body}' (expected YYMMDD or YYYYMMDD)"; return false; }
        if (!TryParse(body.AsSpan(dash + 1), out var to)) { error = $"bad end date '{body[(dash + 1)..]}' in restriction '{body}' (expected YYMMDD or YYYYMMDD)"; return false; }
        if (to < from) { error = $"restriction '{body}' ends before it starts"; return false; }
        interval = new DateInterval(from, to);
        return true;
    }
}
