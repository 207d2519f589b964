namespace Dyad.Text.Tokenization;

/// <summary>Month names as news text writes them: in full, or abbreviated to three letters (or "Sept") with an optional period.</summary>
public static class MonthWords
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>1..12 for "February", "Feb", "Feb.", "SEPT"; 0 for any other word.</summary>
    public static int MonthNumber(string word)
    {
        var w = word.AsSpan().TrimEnd('.');
        if (w.Length < 3) return 0;
        for (int m = 0; m < 12; m++)
        {
            var name = MonthNames[m].AsSpan();
            if (w.Equals(name, StringComparison.OrdinalIgnoreCase)) return m + 1;
            if (w.Length <= 4 && w.Length < name.Length && name.StartsWith(w, StringComparison.OrdinalIgnoreCase)
                && (w.Length == 3 || w.Equals("sept", StringComparison.OrdinalIgnoreCase)))
                return m + 1;
        }
        return 0;
    }
}
