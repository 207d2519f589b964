namespace Dyad.Nlp.Tagging;

/// <summary>Per-word hashed properties, computed once per token and shared by all feature templates.</summary>
internal struct WordInfo
{
    public ulong Lower;     // lowercased, digits mapped to 0
    public ulong Form;      // exact form
    public ulong Shape;     // Xxxx-style shape with repeats collapsed
    public ulong Flags;     // capitalisation/digit/hyphen bits
    public ulong Ambiguity; // tags seen with the word in training (0 when rare or unseen)
    public ulong Lexicon;   // word classes from WordNet/UniMorph (0 when absent)
    public ulong Capitalisation; // how often the word is capitalised mid-sentence in training (0 unknown)
    public ulong S1, S2, S3, S4;
    public ulong P1, P2, P3;
    public bool InitialCap;
    public int SureTag;     // tag of a frequent unambiguous word, else -1

    /// <summary>Sentinel for positions before the first and after the last word.</summary>
    public static WordInfo Boundary(ulong marker) => new()
    {
        Lower = marker, Form = marker, Shape = marker, Flags = marker, Ambiguity = marker, Lexicon = marker, Capitalisation = marker,
        S1 = marker, S2 = marker, S3 = marker, S4 = marker, P1 = marker, P2 = marker, P3 = marker, SureTag = -1,
    };

    public static ulong LowerHash(ReadOnlySpan<char> word)
    {
        ulong h = FeatureHash.Begin();
        foreach (var c in word) h = FeatureHash.Add(h, Normal(c));
        return FeatureHash.Mix(h);
    }

    private static char Normal(char c) => char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);

    public static WordInfo Compute(string word, TagDictionary dictionary)
    {
        var info = new WordInfo();
        var span = word.AsSpan();
        info.Lower = LowerHash(span);
        info.Form = FeatureHash.Text(span);
        info.S1 = Suffix(span, 1); info.S2 = Suffix(span, 2); info.S3 = Suffix(span, 3); info.S4 = Suffix(span, 4);
        info.P1 = Prefix(span, 1); info.P2 = Prefix(span, 2); info.P3 = Prefix(span, 3);

        ulong shape = FeatureHash.Begin();
        char last = '\0';
        int repeats = 0;
        bool upper = false, lower = false, digit = false, hyphen = false, other = false, upperInside = false;
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            char k;
            if (char.IsUpper(c)) { k = 'X'; upper = true; if (i > 0) upperInside = true; }
            else if (char.IsLower(c)) { k = 'x'; lower = true; }
            else if (char.IsDigit(c)) { k = 'd'; digit = true; }
            else { k = c; if (c == '-') hyphen = true; else other = true; }
            if (k == last) { if (++repeats >= 2) continue; }
            else repeats = 0;
            last = k;
            shape = FeatureHash.Add(shape, k);
        }
        info.Shape = FeatureHash.Mix(shape);
        info.InitialCap = span.Length > 0 && char.IsUpper(span[0]);
        ulong flags = 0;
        if (info.InitialCap) flags |= 1;
        if (upper && !lower) flags |= 2;
        if (digit) flags |= 4;
        if (hyphen) flags |= 8;
        if (upperInside) flags |= 16;
        if (other) flags |= 32;
        if (!upper && !lower && !digit) flags |= 64;
        flags |= (ulong)Math.Min(span.Length, 8) << 8;
        info.Flags = flags + 1;
        info.Ambiguity = dictionary.AmbiguityOf(info.Lower);
        info.Lexicon = dictionary.LexiconClassOf(info.Lower);
        info.SureTag = dictionary.SureTagOf(info.Lower);
        info.Capitalisation = dictionary.CapitalisationOf(info.Lower);
        return info;
    }

    private static ulong Suffix(ReadOnlySpan<char> s, int n)
    {
        if (s.Length < n) return (ulong)n; // too short: a per-length constant, distinct from real hashes in practice
        ulong h = FeatureHash.Begin();
        foreach (var c in s[^n..]) h = FeatureHash.Add(h, char.ToLowerInvariant(c));
        return FeatureHash.Mix(h);
    }

    private static ulong Prefix(ReadOnlySpan<char> s, int n)
    {
        if (s.Length < n) return (ulong)n + 16;
        ulong h = FeatureHash.Begin();
        foreach (var c in s[..n]) h = FeatureHash.Add(h, char.ToLowerInvariant(c));
        return FeatureHash.Mix(h);
    }
}
