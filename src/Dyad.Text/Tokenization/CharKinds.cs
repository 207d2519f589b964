using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dyad.Text.Tokenization;

/// <summary>
/// Character classes the tokenizer and splitter branch on. ASCII goes through a lookup table because it is
/// almost all of news text; everything else falls back to the Unicode categories.
/// </summary>
internal static class CharKinds
{
    private const byte Separator = 1, Letter = 2, Digit = 4, Upper = 8;
    private static readonly byte[] Ascii = BuildAsciiTable();

    private static byte[] BuildAsciiTable()
    {
        var table = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            if (c <= ' ' || c == 0x7F) table[c] = Separator;
            else if (c is >= 'a' and <= 'z') table[c] = Letter;
            else if (c is >= 'A' and <= 'Z') table[c] = Letter | Upper;
            else if (c is >= '0' and <= '9') table[c] = Digit;
        }
        return table;
    }

    /// <summary>Whitespace, control characters and invisible separators: never part of a token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c)
    {
        if (c < 128) return (Ascii[c] & Separator) != 0;
        return char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF' or '\u2060';
    }

    /// <summary>Letters, digits and combining marks (and the invisible joiners and soft hyphen that live inside words).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 128) return (Ascii[c] & (Letter | Digit)) != 0;
        return IsNonAsciiWordChar(c);
    }

    private static bool IsNonAsciiWordChar(char c)
    {
        if (c is '\u00AD' or '\u200C' or '\u200D') return true;
        if (char.IsSurrogate(c)) return false;
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (Ascii[c] & Letter) != 0 : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => c < 128 ? (Ascii[c] & Digit) != 0 : char.IsDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < 128 ? (Ascii[c] & Upper) != 0 : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => c < 128 ? c is >= 'a' and <= 'z' : char.IsLower(c);

    /// <summary>Apostrophes that can start an English clitic ('s, n't): straight, curly, backtick and modifier letter.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '`' or '\u02BC';

    public static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';

    public static bool IsOpeningBracket(char c) => c is '(' or '[' or '{' or '<';
    public static bool IsClosingBracket(char c) => c is ')' or ']' or '}' or '>';

    /// <summary>Quote marks of either direction (the straight ones are decided by context).</summary>
    public static bool IsQuote(char c) =>
        c is '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
            or '\u00AB' or '\u00BB' or '\u2039' or '\u203A';

    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';
}
