namespace Dyad.Nlp.Parsing;

/// <summary>Cheap surface properties of a word used as parser features.</summary>
internal static class WordShape
{
    public static string Lower(string form)
    {
        foreach (char c in form)
            if (char.IsUpper(c)) return form.ToLowerInvariant();
        return form;
    }

    /// <summary>1 lower-case, 2 capitalised, 3 all capitals, 4 has a digit, 5 anything else (punctuation, symbols).</summary>
    public static int Shape(string form)
    {
        if (form.Length == 0) return 5;
        bool upper = false, lower = false, digit = false;
        foreach (char c in form)
        {
            if (char.IsDigit(c)) digit = true;
            else if (char.IsUpper(c)) upper = true;
            else if (char.IsLower(c)) lower = true;
        }
        if (digit) return 4;
        if (upper && !lower) return form.Length > 1 ? 3 : 2;
        if (upper) return char.IsUpper(form[0]) ? 2 : 1;
        return lower ? 1 : 5;
    }

    /// <summary>Stable (process-independent) hash of the last three characters of the lower-cased word.</summary>
    public static int SuffixHash(string lowered)
    {
        uint h = 2166136261;
        int start = Math.Max(0, lowered.Length - 3);
        for (int i = start; i < lowered.Length; i++)
        {
            h ^= lowered[i];
            h *= 16777619;
        }
        return (int)(h & 0x7FFFFFFF);
    }
}
