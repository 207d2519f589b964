namespace Dyad.Text.Tokenization;

/// <summary>
/// Groups a document's tokens into sentences. Rules, strongest first:
/// <list type="number">
/// <item>a line break ends a sentence (paragraphs, headlines, bylines), unless the line was hard-wrapped mid-sentence;</item>
/// <item>a news dateline ("NUR-SULTAN (Reuters) -") at the start of a paragraph is a sentence of its own;</item>
/// <item>an embedded tweet's attribution line ("— Name (@handle) February 2, 2020") is a sentence of its own, with
/// <see cref="Sentence.Tweet"/> set;</item>
/// <item>sentence-final punctuation (with the closing quotes and brackets after it) ends a sentence unless what follows
/// shows the sentence goes on; abbreviations that keep their period ("Gen.", "U.S.") end one only before a typical
/// sentence opener.</item>
/// </list>
/// Stateless, so one instance can be shared between threads.
/// </summary>
public sealed class SentenceSplitter
{
    public static SentenceSplitter Default { get; } = new();

    /// <summary>Hard-wrapped lines at least this long that end mid-sentence are joined with the next line.</summary>
    private const int WrappedLineMinLength = 50;

    public Sentence[] Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ReadOnlySpan<Token> span = tokens switch
        {
            Token[] array => array,
            List<Token> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            _ => tokens.ToArray(),
        };
        return Split(text, span);
    }

    public Sentence[] Split(string text, ReadOnlySpan<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        int n = tokens.Length;
        if (n == 0) return [];
        var breakAfter = new bool[n];
        Dictionary<int, TweetAttribution>? tweets = null;
        for (int i = 0; i < n - 1; i++)
            breakAfter[i] = PunctuationBreak(tokens, i, breakAfter) || LineBreak(text, tokens, i);
        MarkDatelines(text, tokens, breakAfter);
        MarkTweetAttributions(text, tokens, breakAfter, ref tweets);
        breakAfter[n - 1] = true;

        var sentences = new List<Sentence>();
        int first = 0;
        for (int i = 0; i < n; i++)
        {
            if (!breakAfter[i]) continue;
            var slice = tokens.Slice(first, i - first + 1).ToArray();
            var sentence = new Sentence(slice[0].Start, slice[^1].End, slice);
            if (tweets != null && tweets.TryGetValue(first, out var tweet)) sentence.Tweet = tweet;
            sentences.Add(sentence);
            first = i + 1;
        }
        return sentences.ToArray();
    }

    // ---- line breaks -------------------------------------------------------------------------------------------

    private static bool LineBreak(string text, ReadOnlySpan<Token> tokens, int i)
    {
        int from = tokens[i].End, to = tokens[i + 1].Start;
        int breaks = 0;
        for (int p = from; p < to; p++)
        {
            char c = text[p];
            if (c == '\r' && p + 1 < to && text[p + 1] == '\n') continue;
            if (CharKinds.IsLineBreak(c)) breaks++;
        }
        if (breaks == 0) return false;
        if (breaks > 1) return true;
        return !IsWrappedLine(text, tokens, i);
    }

    /// <summary>A long line that stops mid-sentence and continues in lower case: a hard wrap, not a paragraph.</summary>
    private static bool IsWrappedLine(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var last = tokens[i].Text;
        var next = tokens[i + 1].Text;
        if (!CharKinds.IsLetter(last[^1]) && last[^1] != ',') return false;
        if (!CharKinds.IsLower(next[0])) return false;
        int lineStart = tokens[i].Start;
        while (lineStart > 0 && !CharKinds.IsLineBreak(text[lineStart - 1])) lineStart--;
        return tokens[i].End - lineStart >= WrappedLineMinLength;
    }

    private static bool GapHasLineBreak(string text, ReadOnlySpan<Token> tokens, int i)
    {
        for (int p = tokens[i].End; p < tokens[i + 1].Start; p++)
            if (CharKinds.IsLineBreak(text[p])) return true;
        return false;
    }

    // ---- punctuation -------------------------------------------------------------------------------------------

    private static bool PunctuationBreak(ReadOnlySpan<Token> tokens, int i, bool[] breakAfter)
    {
        var form = tokens[i].Text;
        if (IsTerminal(form))
        {
            // Spaced ellipses and repeated marks (". . .", "? ? ?") end at their last mark.
            if (IsTerminal(tokens[i + 1].Text)) return false;
            // A list number ("1. The first point") is not a sentence.
            if (form == "." && i > 0 && (i == 1 || breakAfter[i - 2]) && IsListNumber(tokens[i - 1].Text)) return false;
            // Closing quotes and brackets that hug the punctuation belong to the sentence it ends, so the decision
            // moves to the last of them (next branch).
            if (IsClosing(tokens, i + 1)) return false;
            var next = tokens[i + 1].Text;
            char c = next[0];
            if (c is ',' or ';' or ':' or ')' or ']' or '}') return false;
            bool ellipsis = (form.Length > 1 && form[0] == '.' && form[1] == '.') || form[0] == '\u2026';
            // Web text often starts sentences in lower case; after an ellipsis, lower case means the sentence goes on.
            if (CharKinds.IsLower(c)) return !ellipsis;
            return true;
        }
        if (IsClosing(tokens, i))
        {
            int j = i;
            while (j > 0 && IsClosing(tokens, j)) j--;
            if (j == i || !IsTerminal(tokens[j].Text)) return false;
            if (IsClosing(tokens, i + 1)) return false;
            // "Why?" she asked: a quoted question or exclamation followed by lower case goes on.
            var next = tokens[i + 1].Text;
            char c = next[0];
            if (c is ',' or ';' or ':' || IsTerminal(next)) return false;
            return !CharKinds.IsLower(c);
        }
        if (form.Length > 1 && form[^1] == '.' && CharKinds.IsLetter(form[0]))
            return AbbreviationEndsSentence(form, tokens[i + 1].Text);
        char nextFirst = tokens[i + 1].Text[0];
        // A web or e-mail address before a capitalized word ends a line of a signature or a link list.
        if (CharKinds.IsUpper(nextFirst) && IsWebAddress(form)) return true;
        // A message time stamp ("01/12/2001 01:14 PM") is a header line of its own.
        if (CharKinds.IsUpper(nextFirst) && i >= 2 && form is "AM" or "PM" or "am" or "pm"
            && tokens[i - 1].Text.Contains(':') && CharKinds.IsDigit(tokens[i - 1].Text[0])
            && tokens[i - 2].Text.Contains('/') && CharKinds.IsDigit(tokens[i - 2].Text[0]))
            return true;
        // An emoticon closes its sentence like an exclamation mark when a capitalized word follows.
        if (form.Length > 1 && Emoticons.LengthAt(form, 0, form.Length) == form.Length)
            return CharKinds.IsUpper(tokens[i + 1].Text[0]);
        return false;
    }

    private static bool AbbreviationEndsSentence(string form, string next)
    {
        var word = form.AsSpan(0, form.Length - 1);
        var kind = TokenizerLexicon.AbbreviationOf(word);
        bool canEnd = kind == AbbreviationKind.CanEnd || (kind == AbbreviationKind.None && ChunkScanner.IsDottedAbbreviation(word));
        if (!canEnd) return false;
        if (next.Length == 1 && CharKinds.IsQuote(next[0])) return true;
        return SentenceOpeners.Contains(next);
    }

    /// <summary>Closing quote or bracket at token <paramref name="i"/>: attached to the token before it, or a closing bracket.</summary>
    private static bool IsClosing(ReadOnlySpan<Token> tokens, int i)
    {
        var form = tokens[i].Text;
        char c = form[0];
        if (c is ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB') return AllSame(form);
        if (c is '"' or '\'' && i > 0 && !tokens[i - 1].SpaceAfter) return AllSame(form);
        return false;
    }

    private static bool AllSame(string form)
    {
        for (int k = 1; k < form.Length; k++)
            if (form[k] != form[0]) return false;
        return true;
    }

    private static bool IsWebAddress(string form)
    {
        if (form.Length < 5) return false;
        if (form.StartsWith("http", StringComparison.OrdinalIgnoreCase) && form.Contains("://", StringComparison.Ordinal)) return true;
        if (form.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return true;
        int at = form.IndexOf('@');
        if (at > 0 && form.IndexOf('.', at) > at) return true;
        // A domain name, bare ("cnn.com") or with a path ("bbc.co.uk/news"). Without a path only endings of three or
        // more letters count, so that "end.It" or "U.S" are never taken for domains.
        int slash = form.IndexOf('/');
        var host = slash < 0 ? form.AsSpan() : form.AsSpan(0, slash);
        int dot = host.LastIndexOf('.');
        if (dot <= 0 || dot >= host.Length - 1) return false;
        var ending = host[(dot + 1)..];
        return TokenizerLexicon.IsTopLevelDomain(ending) && CharKinds.IsLower(ending[0]) && (slash >= 0 || ending.Length >= 3);
    }

    private static bool IsListNumber(string form)
    {
        if (form.Length > 2) return false;
        foreach (char c in form)
            if (!CharKinds.IsDigit(c)) return false;
        return true;
    }

    private static bool IsTerminal(string form)
    {
        foreach (char c in form)
            if (!CharKinds.IsTerminal(c)) return false;
        return true;
    }

    /// <summary>Capitalized words that open sentences far more often than they continue a name after "Inc." or "U.S.".</summary>
    private static readonly HashSet<string> SentenceOpeners = new(
        ("The A An He She It They We I You This That These Those There Here His Her Its Their Our My Your In On At For " +
         "But And Or So Yet If When While After Before As Some Many Most No Not Now Then Also However Meanwhile Still " +
         "Since Although Though Because Despite During Earlier Later Last Each Every All Both What Who Why How Where Which " +
         "Such Shares Officials Analysts Separately Instead Only Even Thus Nor Do Does Did Can Could Will Would Should Is Are Was " +
         "Were Please Thanks Thank Let See Just Note Hope Any").Split(' '), StringComparer.Ordinal);

    // ---- datelines ---------------------------------------------------------------------------------------------

    private static void MarkDatelines(string text, ReadOnlySpan<Token> tokens, bool[] breakAfter)
    {
        int n = tokens.Length;
        for (int a = 0; a < n; a++)
        {
            if (a > 0 && !GapHasLineBreak(text, tokens, a - 1)) continue;
            int end = DatelineEnd(tokens, a);
            if (end < 0 || end >= n - 1) continue;
            for (int k = a; k < end; k++) breakAfter[k] = false;
            breakAfter[end] = true;
        }
    }

    /// <summary>Index of the dash that closes a dateline starting at token <paramref name="a"/>, or -1.</summary>
    private static int DatelineEnd(ReadOnlySpan<Token> tokens, int a)
    {
        int n = tokens.Length;
        if (!IsUpperWord(tokens[a].Text)) return -1;
        int k = a + 1;
        while (k < n && k - a < 10)
        {
            var f = tokens[k].Text;
            if (IsUpperWord(f) || f == "," || f == "/" || IsCapitalized(f) || IsDateNumber(f)
                || (CharKinds.IsDash(f[0]) && f.Length == 1 && !tokens[k - 1].SpaceAfter && tokens[k].SpaceAfter == false))
            {
                k++;
                continue;
            }
            break;
        }
        bool source = false;
        if (k < n && tokens[k].Text == "(")
        {
            int close = k + 1;
            while (close < n && close - k <= 5 && tokens[close].Text != ")") close++;
            if (close >= n || tokens[close].Text != ")") return -1;
            source = true;
            k = close + 1;
        }
        if (k >= n) return -1;
        var dash = tokens[k].Text;
        if (!IsDashToken(dash) || !tokens[k - 1].SpaceAfter) return -1;
        // Without "(Reuters)" only a clearly typographic dash marks a dateline ("WASHINGTON —").
        if (!source && dash == "-") return -1;
        return k;
    }

    private static bool IsDashToken(string f)
    {
        foreach (char c in f)
            if (!CharKinds.IsDash(c)) return false;
        return f.Length > 0;
    }

    private static bool IsUpperWord(string f)
    {
        if (f.Length < 2) return false;
        bool letter = false;
        foreach (char c in f)
        {
            if (CharKinds.IsLetter(c)) { if (!CharKinds.IsUpper(c)) return false; letter = true; }
            else if (c != '.' && c != '\'') return false;
        }
        return letter;
    }

    /// <summary>A day or year in a dateline such as "LONDON, Feb 3 (Reuters) -".</summary>
    private static bool IsDateNumber(string f)
    {
        if (f.Length is not (1 or 2 or 4)) return false;
        foreach (char c in f)
            if (!CharKinds.IsDigit(c)) return false;
        return true;
    }

    private static bool IsCapitalized(string f) => f.Length > 0 && CharKinds.IsUpper(f[0]);

    // ---- embedded tweets ---------------------------------------------------------------------------------------

    private static void MarkTweetAttributions(string text, ReadOnlySpan<Token> tokens, bool[] breakAfter, ref Dictionary<int, TweetAttribution>? tweets)
    {
        int n = tokens.Length;
        for (int i = 1; i + 2 < n; i++)
        {
            if (tokens[i].Text != "(" || tokens[i + 1].Text.Length < 2 || tokens[i + 1].Text[0] != '@' || tokens[i + 2].Text != ")")
                continue;
            int dateEnd = TweetDate(tokens, i + 3, out var date);
            if (dateEnd < 0) continue;
            int dash = i - 1;
            while (dash >= 0 && i - dash <= 8 && !IsDashToken(tokens[dash].Text)) dash--;
            if (dash < 0 || i - dash > 8) continue;
            string? name = dash + 1 < i ? text[tokens[dash + 1].Start..tokens[i - 1].End] : null;
            if (dash > 0) breakAfter[dash - 1] = true;
            for (int k = dash; k < dateEnd; k++) breakAfter[k] = false;
            breakAfter[dateEnd] = true;
            (tweets ??= new Dictionary<int, TweetAttribution>())[dash] = new TweetAttribution(name, tokens[i + 1].Text, date);
            i = dateEnd;
        }
    }

    /// <summary>"February 2, 2020" starting at token <paramref name="k"/>: returns the index of the year token, or -1.</summary>
    private static int TweetDate(ReadOnlySpan<Token> tokens, int k, out DateOnly? date)
    {
        date = null;
        int n = tokens.Length;
        if (k >= n) return -1;
        int month = MonthWords.MonthNumber(tokens[k].Text);
        if (month == 0) return -1;
        if (k + 1 >= n || !int.TryParse(tokens[k + 1].Text, out int day) || day is < 1 or > 31) return -1;
        int y = k + 2;
        if (y < n && tokens[y].Text == ",") y++;
        if (y >= n || tokens[y].Text.Length != 4 || !int.TryParse(tokens[y].Text, out int year)) return -1;
        if (day <= DateTime.DaysInMonth(year, month)) date = new DateOnly(year, month, day);
        return y;
    }
}
