using System.Text;

namespace Dyad.Knowledge;

/// <summary>
/// Turns a name as written ("U.S.", "NUR-SULTAN", "Côte d'Ivoire", "THE_UNITED_NATIONS_") into the lookup key used by
/// dictionaries and the gazetteer: lower case, Latin diacritics folded, underscores/hyphens/slashes/whitespace split
/// words, other punctuation dropped, words joined by one space. Written by hand because the folding must not depend on
/// ICU (the project runs with invariant globalization) and must run allocation-light on hot lookup paths.
/// </summary>
public static class PhraseNormalizer
{
    public static string Normalize(string text) => Normalize(text.AsSpan());

    public static string Normalize(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length * 2 + 1] : new char[text.Length * 2 + 1];
        int n = Normalize(text, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Joins normalized tokens (each normalized on its own) with single spaces.</summary>
    public static string NormalizeTokens(IEnumerable<string> tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            var t = Normalize(token);
            if (t.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(t);
        }
        return sb.ToString();
    }

    /// <summary>Writes the key into <paramref name="destination"/> (at least 2x the input length) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        int n = 0;
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && n > 0) destination[n++] = ' ';
                pendingSpace = false;
                n = AppendFolded(c, destination, n);
            }
            else if (IsWordSeparator(c))
            {
                pendingSpace = true;
            }
            // Other punctuation (periods in "U.S.", apostrophes in "People's") vanishes inside the word.
        }
        return n;
    }

    private static bool IsWordSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '_' or '-' or '/' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or ',' or '(' or ')' or '&' or '+';

    private static int AppendFolded(char c, Span<char> d, int n)
    {
        if (c < 128)
        {
            d[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return n;
        }
        // Fold the lower-case form too: a capital with no entry of its own ("ẞ") lowers to a letter that has one ("ß"),
        // and keys must be fixed points (normalizing a key gives the key back).
        var lower = char.ToLowerInvariant(c);
        var folded = Fold(c);
        if (folded.Length == 0) folded = Fold(lower);
        if (folded.Length == 0)
        {
            d[n++] = lower;
            return n;
        }
        foreach (var f in folded) d[n++] = f;
        return n;
    }

    // Latin-1 Supplement and Latin Extended-A letters mapped to ASCII; enough for place and person names in news.
    private static string Fold(char c) => c switch
    {
        'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' or 'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'Ā' or 'ā' or 'Ă' or 'ă' or 'Ą' or 'ą' => "a",
        'Æ' or 'æ' => "ae",
        'Ç' or 'ç' or 'Ć' or 'ć' or 'Ĉ' or 'ĉ' or 'Ċ' or 'ċ' or 'Č' or 'č' => "c",
        'Ð' or 'ð' or 'Ď' or 'ď' or 'Đ' or 'đ' => "d",
        'È' or 'É' or 'Ê' or 'Ë' or 'è' or 'é' or 'ê' or 'ë' or 'Ē' or 'ē' or 'Ĕ' or 'ĕ' or 'Ė' or 'ė' or 'Ę' or 'ę' or 'Ě' or 'ě' => "e",
        'Ĝ' or 'ĝ' or 'Ğ' or 'ğ' or 'Ġ' or 'ġ' or 'Ģ' or 'ģ' => "g",
        'Ĥ' or 'ĥ' or 'Ħ' or 'ħ' => "h",
        'Ì' or 'Í' or 'Î' or 'Ï' or 'ì' or 'í' or 'î' or 'ï' or 'Ĩ' or 'ĩ' or 'Ī' or 'ī' or 'Ĭ' or 'ĭ' or 'Į' or 'į' or 'İ' or 'ı' => "i",
        'Ĵ' or 'ĵ' => "j",
        'Ķ' or 'ķ' => "k",
        'Ĺ' or 'ĺ' or 'Ļ' or 'ļ' or 'Ľ' or 'ľ' or 'Ŀ' or 'ŀ' or 'Ł' or 'ł' => "l",
        'Ñ' or 'ñ' or 'Ń' or 'ń' or 'Ņ' or 'ņ' or 'Ň' or 'ň' => "n",
        'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' or 'Ø' or 'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'Ō' or 'ō' or 'Ŏ' or 'ŏ' or 'Ő' or 'ő' => "o",
        'Œ' or 'œ' => "oe",
        'Ŕ' or 'ŕ' or 'Ŗ' or 'ŗ' or 'Ř' or 'ř' => "r",
        'Ś' or 'ś' or 'Ŝ' or 'ŝ' or 'Ş' or 'ş' or 'Š' or 'š' or 'Ș' or 'ș' => "s",
        'ß' => "ss",
        'Ţ' or 'ţ' or 'Ť' or 'ť' or 'Ŧ' or 'ŧ' or 'Ț' or 'ț' => "t",
        'Ù' or 'Ú' or 'Û' or 'Ü' or 'ù' or 'ú' or 'û' or 'ü' or 'Ũ' or 'ũ' or 'Ū' or 'ū' or 'Ŭ' or 'ŭ' or 'Ů' or 'ů' or 'Ű' or 'ű' or 'Ų' or 'ų' => "u",
        'Ŵ' or 'ŵ' => "w",
        'Ý' or 'ý' or 'ÿ' or 'Ŷ' or 'ŷ' or 'Ÿ' => "y",
        'Ź' or 'ź' or 'Ż' or 'ż' or 'Ž' or 'ž' => "z",
        'Þ' or 'þ' => "th",
        _ => "",
    };
}
