namespace Dyad.Text.Tokenization;

/// <summary>
/// The normalized form of a token for models trained on plain-ASCII punctuation: curly quotes and apostrophes
/// straightened, the ellipsis character spelled out, soft hyphens dropped, non-breaking hyphens made plain.
/// </summary>
public static class TokenNormalizer
{
    /// <summary>The normalized form, or null when the token needs no change (the common case allocates nothing).</summary>
    public static string? Normalize(string form)
    {
        int i = 0;
        for (; i < form.Length; i++)
            if (NeedsChange(form[i])) break;
        if (i == form.Length) return null;
        var sb = new System.Text.StringBuilder(form.Length + 2);
        sb.Append(form, 0, i);
        for (; i < form.Length; i++)
        {
            char c = form[i];
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u02BC' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033':
                    sb.Append('"');
                    break;
                case '\u2026':
                    sb.Append("...");
                    break;
                case '\u00AD':
                    break;
                case '\u2010' or '\u2011':
                    sb.Append('-');
                    break;
                case '`' when form.Length > 1 && i + 1 < form.Length && char.IsLetter(form[i + 1]):
                    sb.Append('\'');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        var result = sb.ToString();
        return result.Length == 0 || result == form ? null : result;
    }

    private static bool NeedsChange(char c) => c switch
    {
        < '`' => false,
        '`' => true,
        < '\u00AD' => false,
        '\u00AD' or '\u02BC' or '\u2010' or '\u2011' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D'
            or '\u201E' or '\u201F' or '\u2026' or '\u2032' or '\u2033' => true,
        _ => false,
    };
}
