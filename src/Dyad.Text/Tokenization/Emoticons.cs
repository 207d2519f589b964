namespace Dyad.Text.Tokenization;

/// <summary>ASCII emoticons (":-)", ";)", ":P", "&lt;3") kept as one token instead of being cut into punctuation.</summary>
internal static class Emoticons
{
    private static readonly string[] Known =
    [
        ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":-/", ":-|", ":'(", ":-O", ":-o",
        ":)", ":(", ":D", ":P", ":p", ";)", ":/", ":|", ":O", ":o", "=)", "=(", "^_^", "^^", "<3", "XD", "xD",
    ];

    /// <summary>Length of the emoticon starting at <paramref name="p"/> and ending a chunk or followed by punctuation, or 0.</summary>
    public static int LengthAt(string text, int p, int e)
    {
        char c = text[p];
        if (c is not (':' or ';' or '=' or '^' or '<' or 'X' or 'x')) return 0;
        foreach (var emoticon in Known)
        {
            int end = p + emoticon.Length;
            if (end > e || string.CompareOrdinal(text, p, emoticon, 0, emoticon.Length) != 0) continue;
            // ":D" inside "http:Dx" or "XD" inside "XDR" is no emoticon: it must stand apart from word characters.
            if (end < e && CharKinds.IsWordChar(text[end])) continue;
            if (p > 0 && CharKinds.IsWordChar(text[p - 1]) && CharKinds.IsLetter(c)) continue;
            return emoticon.Length;
        }
        return 0;
    }
}
