using System.Runtime.CompilerServices;

namespace Dyad.Text.Tokenization;

/// <summary>
/// Splits one whitespace-free chunk of text into tokens. Works outside-in: opening punctuation is peeled from the
/// front, closing punctuation from the back, then the core is cut into word segments at punctuation that cannot
/// join two word characters, and each segment gets the EWT hyphen, slash, clitic and unit rules.
/// </summary>
internal readonly struct ChunkScanner
{
    private const int MaxTrailing = 16;
    private static readonly string[] AsciiStrings = BuildAsciiStrings();

    private readonly string _text;
    private readonly List<Token> _output;

    public ChunkScanner(string text, List<Token> output)
    {
        _text = text;
        _output = output;
    }

    private static string[] BuildAsciiStrings()
    {
        var strings = new string[128];
        for (int c = 0; c < 128; c++) strings[c] = ((char)c).ToString();
        return strings;
    }

    public void Chunk(int s, int e)
    {
        var text = _text;
        // Fast path: a plain word, the most common chunk by far.
        int q = s;
        while (q < e && text[q] < 128 && CharKinds.IsLetter(text[q])) q++;
        if (q == e && (e - s > 7 || TokenizerLexicon.FusedSplit(text.AsSpan(s, e - s)) == 0))
        {
            Emit(s, e);
            return;
        }

        // ":-)" or ":-)." : emoticons first, then whatever punctuation follows them.
        int emoticon;
        while (s < e && (emoticon = Emoticons.LengthAt(text, s, e)) > 0)
        {
            Emit(s, s + emoticon);
            s += emoticon;
        }

        s = PeelLeading(s, e);
        if (s >= e) return;

        Span<int> trailing = stackalloc int[MaxTrailing * 2];
        int trailingCount = 0;
        while (e > s && trailingCount < MaxTrailing)
        {
            int cut = TrailingCut(s, e);
            if (cut == e) break;
            trailing[trailingCount * 2] = cut;
            trailing[trailingCount * 2 + 1] = e;
            trailingCount++;
            e = cut;
        }

        if (e > s) Core(s, e);
        for (int i = trailingCount - 1; i >= 0; i--) Emit(trailing[i * 2], trailing[i * 2 + 1]);
    }

    /// <summary>Emits opening quotes, brackets and dashes from the front of the chunk; returns where the rest starts.</summary>
    private int PeelLeading(int s, int e)
    {
        var text = _text;
        while (s < e)
        {
            char c = text[s];
            int run;
            if (CharKinds.IsApostrophe(c) && IsElisionStart(s, e)) break;
            if (CharKinds.IsQuote(c) || CharKinds.IsOpeningBracket(c)) run = SameCharRun(s, e);
            else if (CharKinds.IsDash(c)) run = DashRun(s, e);
            else break;
            Emit(s, s + run);
            s += run;
        }
        return s;
    }

    /// <summary>Start of the last token of <c>[s, e)</c> if it is closing punctuation, else <paramref name="e"/>.</summary>
    private int TrailingCut(int s, int e)
    {
        var text = _text;
        char c = text[e - 1];
        if (CharKinds.IsTerminal(c))
        {
            int r = e - 1;
            while (r > s && CharKinds.IsTerminal(text[r - 1])) r--;
            if (c == '.' && r == e - 1 && r > s && KeepsPeriod(s, r, e)) return e;
            // "Acme Inc.." : the abbreviation keeps one period, the sentence gets the other.
            if (c == '.' && r == e - 2 && text[r] == '.' && r > s && KeepsPeriod(s, r, e)) return e - 1;
            return r;
        }
        if (CharKinds.IsQuote(c) || CharKinds.IsClosingBracket(c))
        {
            int r = e - 1;
            while (r > s && text[r - 1] == c) r--;
            // "‘’" used as one quote mark.
            if (c == '\u2019' && r == e - 1 && r > s && text[r - 1] == '\u2018') r--;
            return r;
        }
        if (c is ',' or ';' or ':')
        {
            int r = e - 1;
            while (r > s && text[r - 1] == c) r--;
            return r;
        }
        if (CharKinds.IsDash(c)) return e - DashRunBackward(s, e);
        if ((c is '%' or '+') && e - 1 > s) return e - 1;
        return e;
    }

    /// <summary>True when the period at <paramref name="periodAt"/> belongs to the abbreviation <c>[s, periodAt)</c>.</summary>
    private bool KeepsPeriod(int s, int periodAt, int e)
    {
        var word = _text.AsSpan(s, periodAt - s);
        switch (TokenizerLexicon.AbbreviationOf(word))
        {
            case AbbreviationKind.Title:
            case AbbreviationKind.CanEnd:
                return true;
            case AbbreviationKind.BeforeNumber:
                return NextNonSpaceIsDigit(e);
        }
        if (word.Length == 1) return CharKinds.IsUpper(word[0]) && word[0] != 'I';
        return IsDottedAbbreviation(word);
    }

    private bool NextNonSpaceIsDigit(int p)
    {
        var text = _text;
        while (p < text.Length && CharKinds.IsSeparator(text[p])) p++;
        return p < text.Length && CharKinds.IsDigit(text[p]);
    }

    /// <summary>"U.S", "p.m", "e.g", "Ph.D": letters in runs of at most two, joined by single periods.</summary>
    internal static bool IsDottedAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return false;
        int run = 0;
        bool sawDot = false;
        foreach (char c in word)
        {
            if (c == '.')
            {
                if (run == 0) return false;
                sawDot = true;
                run = 0;
            }
            else if (CharKinds.IsLetter(c))
            {
                if (++run > 2) return false;
            }
            else return false;
        }
        return sawDot && run > 0;
    }

    /// <summary>An apostrophe that starts a clitic or elided word ("'s", "'re", "'em", "'90s") rather than a quote.</summary>
    private bool IsElisionStart(int s, int e)
    {
        var text = _text;
        int q = s + 1;
        if (q >= e) return false;
        if (CharKinds.IsDigit(text[q]))
        {
            int d = q;
            while (d < e && CharKinds.IsDigit(text[d])) d++;
            return d - q == 2;
        }
        while (q < e && CharKinds.IsLetter(text[q])) q++;
        var rest = text.AsSpan(s + 1, q - s - 1);
        if (q < e && CharKinds.IsWordChar(text[q])) return false;
        return rest.Length switch
        {
            1 => rest[0] is 's' or 'S' or 'm' or 'M' or 'd' or 'D' or 't' or 'n',
            2 => rest.Equals("re", StringComparison.OrdinalIgnoreCase) || rest.Equals("ve", StringComparison.OrdinalIgnoreCase)
                 || rest.Equals("ll", StringComparison.OrdinalIgnoreCase) || rest.Equals("em", StringComparison.OrdinalIgnoreCase),
            3 => rest.Equals("til", StringComparison.OrdinalIgnoreCase) || rest.Equals("tis", StringComparison.OrdinalIgnoreCase),
            _ => rest.Equals("cause", StringComparison.OrdinalIgnoreCase) || rest.Equals("twas", StringComparison.OrdinalIgnoreCase),
        };
    }

    private void Core(int s, int e)
    {
        if (IsUrl(s, e) || IsEmail(s, e))
        {
            Emit(s, e);
            return;
        }
        var text = _text;
        int seg = s, p = s;
        while (p < e)
        {
            char c = text[p];
            if (CharKinds.IsWordChar(c)) { p++; continue; }
            if (seg < p && JoinsSegment(c, seg, p, e)) { p++; continue; }
            if (seg == p && CharKinds.IsApostrophe(c) && IsElisionStart(p, e)) { p++; continue; }
            if (seg < p) Segment(seg, p);
            int run = Emoticons.LengthAt(text, p, e);
            if (run == 0)
            {
                bool name = (c == '#' && p + 1 < e && CharKinds.IsLetter(text[p + 1]))
                            || (c == '@' && p + 1 < e && (CharKinds.IsWordChar(text[p + 1]) || text[p + 1] == '_'));
                run = name ? NameRun(p, e) : PunctuationRun(p, e);
            }
            Emit(p, p + run);
            p += run;
            seg = p;
        }
        if (seg < e) Segment(seg, e);
    }

    /// <summary>Whether the non-word character at <paramref name="p"/> continues the word segment started at <paramref name="seg"/>.</summary>
    private bool JoinsSegment(char c, int seg, int p, int e)
    {
        var text = _text;
        char prev = text[p - 1];
        if (p + 1 >= e)
            // A period left at the very end survived the trailing peel, so it belongs to an abbreviation.
            return c == '.';
        char next = text[p + 1];
        switch (c)
        {
            case '.':
                if (CharKinds.IsWordChar(prev) && CharKinds.IsWordChar(next)) return true;
                return CharKinds.IsDash(next) && IsDottedAbbreviation(text.AsSpan(seg, p - seg));
            case ',':
            case ':':
                return CharKinds.IsDigit(prev) && CharKinds.IsDigit(next);
            case '\'':
            case '\u2019':
            case '`':
            case '\u02BC':
                return CharKinds.IsWordChar(prev) && CharKinds.IsLetter(next);
            case '-':
            case '\u2010':
            case '\u2011':
                return (CharKinds.IsWordChar(prev) || prev == '.') && CharKinds.IsWordChar(next);
            case '/':
            case '_':
                return CharKinds.IsWordChar(prev) && CharKinds.IsWordChar(next);
            case '&':
                return CharKinds.IsLetter(prev) && CharKinds.IsLetter(next);
            default:
                return false;
        }
    }

    /// <summary>A word segment: letters and digits with the joiners accepted by <see cref="JoinsSegment"/>.</summary>
    private void Segment(int a, int b)
    {
        var text = _text;
        int slashes = 0, dots = 0;
        for (int i = a; i < b; i++)
        {
            char c = text[i];
            if (c == '/') slashes++;
            else if (c == '.') dots++;
        }
        if (dots > 0 && IsFileOrDomainName(a, b))
        {
            Emit(a, b);
            return;
        }
        if (slashes == 0)
        {
            Hyphenated(a, b);
            return;
        }
        // Dates and fractions ("9/11", "11/28/2000") and letter abbreviations ("I/C", "w/o") stay whole;
        // words joined by a slash are split ("and / or").
        bool allDigits = true, allSingleLetters = true;
        int partStart = a;
        for (int i = a; i <= b; i++)
        {
            if (i < b && text[i] != '/') continue;
            for (int j = partStart; j < i; j++)
                if (!CharKinds.IsDigit(text[j])) { allDigits = false; break; }
            if (i - partStart != 1 || !CharKinds.IsLetter(text[partStart])) allSingleLetters = false;
            partStart = i + 1;
        }
        if (allDigits || allSingleLetters)
        {
            Emit(a, b);
            return;
        }
        partStart = a;
        for (int i = a; i <= b; i++)
        {
            if (i < b && text[i] != '/') continue;
            Hyphenated(partStart, i);
            if (i < b) Emit(i, i + 1);
            partStart = i + 1;
        }
    }

    /// <summary>"report.doc", "cnn.com": the part after the last period is a lowercase extension or top-level domain.</summary>
    private bool IsFileOrDomainName(int a, int b)
    {
        var text = _text;
        int lastDot = text.LastIndexOf('.', b - 1, b - a);
        if (lastDot <= a || lastDot >= b - 2) return false;
        if (!CharKinds.IsWordChar(text[lastDot - 1])) return false;
        int len = b - lastDot - 1;
        if (len > 6) return false;
        for (int i = lastDot + 1; i < b; i++)
            if (text[i] is < 'a' or > 'z') return false;
        // "e.g." style abbreviations have one-letter parts; names have a longer part before the extension.
        int prevDot = text.LastIndexOf('.', lastDot - 1, lastDot - a);
        int before = lastDot - (prevDot < a ? a : prevDot + 1);
        return before >= 2;
    }

    private void Hyphenated(int a, int b)
    {
        var text = _text;
        int firstHyphen = -1, hyphens = 0;
        bool allDigits = true;
        for (int i = a; i < b; i++)
        {
            char c = text[i];
            if (c is '-' or '\u2010' or '\u2011')
            {
                if (firstHyphen < 0) firstHyphen = i;
                hyphens++;
            }
            else if (!CharKinds.IsDigit(c)) allDigits = false;
        }
        if (hyphens == 0)
        {
            Word(a, b);
            return;
        }
        // Phone numbers and dates ("713-853-3989", "345-9945", "02-05-2002") stay whole; ranges ("5-10") are split.
        if (allDigits && (hyphens >= 2 || (b - firstHyphen - 1 == 4 && firstHyphen - a != 4)))
        {
            Emit(a, b);
            return;
        }
        int t = a;
        for (int i = a; i < b; i++)
        {
            char c = text[i];
            if (c is not ('-' or '\u2010' or '\u2011')) continue;
            if (i == firstHyphen && TokenizerLexicon.IsHyphenPrefix(text.AsSpan(a, i - a))) continue;
            Word(t, i);
            Emit(i, i + 1);
            t = i + 1;
        }
        Word(t, b);
    }

    /// <summary>A hyphen- and slash-free word: splits clitics, fused contractions and units after numbers.</summary>
    private void Word(int a, int b)
    {
        var text = _text;
        int len = b - a;
        if (len >= 4 && (text[b - 1] | 0x20) == 't' && CharKinds.IsApostrophe(text[b - 2]) && (text[b - 3] | 0x20) == 'n'
            && CharKinds.IsWordChar(text[b - 4]))
        {
            Emit(a, b - 3);
            Emit(b - 3, b);
            return;
        }
        if (len >= 3 && CharKinds.IsApostrophe(text[b - 2]) && (text[b - 1] | 0x20) is 's' or 'm' or 'd' && CharKinds.IsWordChar(text[b - 3]))
        {
            NumberAndUnit(a, b - 2);
            Emit(b - 2, b);
            return;
        }
        if (len >= 4 && CharKinds.IsApostrophe(text[b - 3]) && CharKinds.IsWordChar(text[b - 4]) && IsClitic2(text[b - 2], text[b - 1]))
        {
            Emit(a, b - 3);
            Emit(b - 3, b);
            return;
        }
        if (len is >= 2 and <= 7)
        {
            var span = text.AsSpan(a, len);
            int at = TokenizerLexicon.FusedSplit(span);
            if (at > 0 && !(len <= 3 && IsAllUpper(span)))
            {
                Emit(a, a + at);
                Emit(a + at, b);
                return;
            }
        }
        NumberAndUnit(a, b);
    }

    private static bool IsClitic2(char x, char y)
    {
        x = (char)(x | 0x20);
        y = (char)(y | 0x20);
        return (x == 'r' && y == 'e') || (x == 'v' && y == 'e') || (x == 'l' && y == 'l');
    }

    private static bool IsAllUpper(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
            if (!CharKinds.IsUpper(c)) return false;
        return true;
    }

    private void NumberAndUnit(int a, int b)
    {
        var text = _text;
        if (b - a >= 2 && CharKinds.IsDigit(text[a]))
        {
            int i = a + 1;
            while (i < b && (CharKinds.IsDigit(text[i]) || text[i] is '.' or ',' or ':')) i++;
            if (i < b && CharKinds.IsDigit(text[i - 1]))
            {
                int j = i;
                while (j < b && (CharKinds.IsLetter(text[j]) || text[j] == '.')) j++;
                if (j == b && TokenizerLexicon.IsUnit(text.AsSpan(i, b - i)))
                {
                    Emit(a, i);
                    Emit(i, b);
                    return;
                }
            }
        }
        Emit(a, b);
    }

    private bool IsUrl(int s, int e)
    {
        var span = _text.AsSpan(s, e - s);
        if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
            return span.Length > 8;
        if (span.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return span.Length > 5;
        // A bare domain followed by a path: "pic.twitter.com/sMEF4wXUu9", "bit.ly/abc".
        int i = 0;
        int lastDot = -1;
        while (i < span.Length && (char.IsAsciiLetterOrDigit(span[i]) || span[i] is '-' or '.'))
        {
            if (span[i] == '.') lastDot = i;
            i++;
        }
        if (lastDot <= 0 || i >= span.Length || span[i] != '/' || i + 1 >= span.Length) return false;
        return TokenizerLexicon.IsTopLevelDomain(span[(lastDot + 1)..i]);
    }

    private bool IsEmail(int s, int e)
    {
        var text = _text;
        int at = text.IndexOf('@', s, e - s);
        if (at <= s || at >= e - 1) return false;
        for (int i = s; i < at; i++)
        {
            char c = text[i];
            if (!(CharKinds.IsWordChar(c) || c is '.' or '_' or '%' or '+' or '-' or '\'')) return false;
        }
        bool letter = false;
        for (int i = at + 1; i < e; i++)
        {
            char c = text[i];
            if (CharKinds.IsLetter(c)) letter = true;
            else if (!(CharKinds.IsWordChar(c) || c is '.' or '-')) return false;
        }
        return letter && CharKinds.IsWordChar(text[e - 1]);
    }

    /// <summary>"#hashtag" or "@handle": the sign and the name characters after it.</summary>
    private int NameRun(int p, int e)
    {
        var text = _text;
        int q = p + 1;
        while (q < e && (CharKinds.IsWordChar(text[q]) || text[q] == '_')) q++;
        return q - p;
    }

    private int PunctuationRun(int p, int e)
    {
        var text = _text;
        char c = text[p];
        if (CharKinds.IsTerminal(c))
        {
            int q = p + 1;
            while (q < e && CharKinds.IsTerminal(text[q])) q++;
            return q - p;
        }
        if (CharKinds.IsDash(c)) return DashRun(p, e);
        if (CharKinds.IsQuote(c) || c is '<' or '>' or '*' or '=' or '~' or '^' or '_') return SameCharRun(p, e);
        return SymbolCluster(p, e);
    }

    private int SameCharRun(int p, int e)
    {
        var text = _text;
        char c = text[p];
        int q = p + 1;
        while (q < e && text[q] == c) q++;
        if (c == '\u2018' && q == p + 1 && q < e && text[q] == '\u2019') q++;
        return q - p;
    }

    private int DashRun(int p, int e)
    {
        var text = _text;
        int q = p + 1;
        while (q < e && CharKinds.IsDash(text[q])) q++;
        return q - p;
    }

    private int DashRunBackward(int s, int e)
    {
        var text = _text;
        int r = e - 1;
        while (r > s && CharKinds.IsDash(text[r - 1])) r--;
        return e - r;
    }

    /// <summary>One symbol with what belongs to it: a surrogate pair, variation selectors, skin tones, ZWJ sequences, flag pairs.</summary>
    private int SymbolCluster(int p, int e)
    {
        var text = _text;
        int q = p + CodePointLength(p, e);
        bool regionalIndicator = IsRegionalIndicator(p, e);
        while (q < e)
        {
            char c = text[q];
            if (c is >= '\uFE00' and <= '\uFE0F' || c == '\u20E3') { q++; continue; }
            if (c == '\u200D' && q + 1 < e && !CharKinds.IsSeparator(text[q + 1]))
            {
                q += 1 + CodePointLength(q + 1, e);
                continue;
            }
            if (c == '\uD83C' && q + 1 < e && text[q + 1] is >= '\uDFFB' and <= '\uDFFF') { q += 2; continue; }
            if (regionalIndicator && IsRegionalIndicator(q, e))
            {
                q += 2;
                regionalIndicator = false;
                continue;
            }
            break;
        }
        return q - p;
    }

    private int CodePointLength(int p, int e) =>
        char.IsHighSurrogate(_text[p]) && p + 1 < e && char.IsLowSurrogate(_text[p + 1]) ? 2 : 1;

    private bool IsRegionalIndicator(int p, int e) =>
        p + 1 < e && _text[p] == '\uD83C' && _text[p + 1] is >= '\uDDE6' and <= '\uDDFF';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Emit(int a, int b)
    {
        if (a >= b) return;
        var text = _text;
        string form = b - a == 1 && text[a] < 128 ? AsciiStrings[text[a]] : TokenStringCache.Get(text, a, b - a);
        bool spaceAfter = b >= text.Length || CharKinds.IsSeparator(text[b]);
        string? norm = TokenNormalizer.Normalize(form);
        _output.Add(norm == null
            ? new Token(a, b, form) { SpaceAfter = spaceAfter }
            : new Token(a, b, form) { SpaceAfter = spaceAfter, Norm = norm });
    }
}
