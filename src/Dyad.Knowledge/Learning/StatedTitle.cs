using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Knowledge.Learning;

/// <summary>
/// A title the text states for a person, found on the token sequence next to the name rather than in the parse:
/// the words before it ("United States Secretary of State Mike Pompeo", "Kazakhstan's foreign minister Mukhtar X",
/// "the foreign minister of Kazakhstan, Mukhtar X") or an apposition after it ("X, Kazakhstan's foreign minister,").
/// The parse of long title chains is often wrong ("Mike Pompeo" as an nmod of "Secretary"); part-of-speech tags and
/// the dictionaries are steadier, so this reads the words themselves.
/// </summary>
/// <param name="NameStart">First token of the name (title words the recognizer took into the PER span are moved out).</param>
/// <param name="Tokens">The title's tokens, in order, without determiners and punctuation ("Kazakhstan 's foreign minister").</param>
/// <param name="TitleHead">The token heading the title ("Minister", "Secretary", "spokesman").</param>
public sealed record StatedTitle(int NameStart, int NameEnd, IReadOnlyList<int> Tokens, int TitleHead, ActorResolution Actor)
{
    private const int MaxTitleTokens = 10;

    /// <summary>The title before the name or, failing that, the apposition after it; null when neither names an agent and a country.</summary>
    public static StatedTitle? Find(Sentence s, EntitySpan person, ActorResolver resolver, DateOnly date)
    {
        if (s.Upos == null) return null;
        int nameStart = WithoutLeadingTitleWords(s, person, resolver);
        var found = Before(s, person.Start, nameStart, person.End, resolver, date) ?? After(s, nameStart, person.End, resolver, date);
        return found == null || IsPastRole(s, found) ? null : found;
    }

    // "former US Secretary of State X", "ex-minister", "the late President X", "then-President X": a role the person
    // no longer holds teaches nothing about the date of the article. Only the word just before the title counts, so
    // "he then met Kazakh President X" still teaches.
    private static bool IsPastRole(Sentence s, StatedTitle title)
    {
        for (int i = Math.Max(0, title.Tokens[0] - 1); i <= title.Tokens[^1]; i++)
        {
            var word = s.Tokens[i].Text.ToLowerInvariant();
            if (word is "former" or "ex" or "late" or "outgoing" or "erstwhile" || word.StartsWith("ex-", StringComparison.Ordinal)) return true;
            if (word == "then" && i + 1 < s.Count && s.Tokens[i + 1].Text == "-") return true;
        }
        return false;
    }

    /// <summary>
    /// The first token of the name once leading title words inside the PER span are dropped (the recognizer sometimes
    /// takes "Foreign Minister" or "Kazakh" into the name): agent phrases, demonyms, country names and "of", as long
    /// as a word of the name is left.
    /// </summary>
    internal static int WithoutLeadingTitleWords(Sentence s, EntitySpan person, ActorResolver resolver)
    {
        int start = person.Start;
        while (start < person.End - 1)
        {
            int next = start;
            var word = s.Tokens[start].Text;
            if (IsOf(word) || resolver.Countries.ByDemonym(word) != null || resolver.Countries.ByName(word) != null) next = start + 1;
            else
                for (int k = person.End - 1; k > start; k--)
                    if (resolver.Dictionary.LookupAgent(RoleLearner.JoinTokens(s, start, k)).Count > 0) { next = k; break; }
            if (next == start) break;
            start = next;
        }
        return start;
    }

    // "Kazakh Foreign Minister X", "the foreign minister of Kazakhstan, X": the longest run of title-like tokens
    // ending right before the name (one comma allowed just before it) whose first word is part of the resolution.
    private static StatedTitle? Before(Sentence s, int spanStart, int nameStart, int nameEnd, ActorResolver resolver, DateOnly date)
    {
        int end = spanStart, scan = spanStart - 1;
        if (nameStart == spanStart && scan >= 0 && s.Tokens[scan].Text == ",") { end = scan; scan--; }
        int start = end;
        while (scan >= 0 && end - scan <= MaxTitleTokens && IsTitleToken(s, scan)) { start = scan; scan--; }
        var window = TitleTokens(s, start, end, spanStart, nameStart);
        for (int from = 0; from < window.Count; from++)
        {
            var found = Resolve(s, window, from, window.Count, resolver, date);
            if (found != null) return new StatedTitle(nameStart, nameEnd, found.Value.Tokens, found.Value.Head, found.Value.Actor);
        }
        return null;
    }

    // "X, Kazakhstan's foreign minister, said", "X, the US envoy to Kabul": after a comma and an optional determiner,
    // the longest run of title-like tokens from the start whose first word is part of the resolution.
    private static StatedTitle? After(Sentence s, int nameStart, int nameEnd, ActorResolver resolver, DateOnly date)
    {
        int i = nameEnd;
        if (i >= s.Count || s.Tokens[i].Text != ",") return null;
        i++;
        if (i < s.Count && s.Upos![i] == "DET") i++;
        int start = i;
        while (i < s.Count && i - start < MaxTitleTokens && IsTitleToken(s, i)) i++;
        var window = TitleTokens(s, start, i, 0, 0);
        for (int to = window.Count; to >= 1; to--)
        {
            var found = Resolve(s, window, 0, to, resolver, date);
            if (found != null) return new StatedTitle(nameStart, nameEnd, found.Value.Tokens, found.Value.Head, found.Value.Actor);
        }
        return null;
    }

    /// <summary>Tokens [start, end) then the title words inside the PER span [spanStart, nameStart), without punctuation.</summary>
    private static List<int> TitleTokens(Sentence s, int start, int end, int spanStart, int nameStart)
    {
        var tokens = new List<int>();
        for (int i = start; i < end; i++) AddWord(s, i, tokens);
        for (int i = spanStart; i < nameStart; i++) AddWord(s, i, tokens);
        return tokens;
    }

    private static void AddWord(Sentence s, int i, List<int> tokens)
    {
        if (s.Upos![i] != "PUNCT" || IsPossessive(s.Tokens[i].Text)) tokens.Add(i);
    }

    /// <summary>
    /// The title made of window[from..to): it must resolve to an agent of a country, start with a word the
    /// resolution used (so "Sunday Kazakh Foreign Minister" is read from "Kazakh"), and end with a word of the
    /// agent or of the resolution (so a stray noun after the title is not taken in).
    /// </summary>
    private static (List<int> Tokens, int Head, ActorResolution Actor)? Resolve(Sentence s, List<int> window, int from, int to, ActorResolver resolver, DateOnly date)
    {
        if (to - from < 2) return null;
        var words = new string[to - from];
        for (int i = from; i < to; i++) words[i - from] = s.Tokens[window[i]].Text;
        var title = resolver.ResolveTitle(words, date);
        if (title == null || title.Actor.Start != 0) return null;
        var last = words[^1];
        bool lastIsAgent = resolver.Dictionary.LookupAgent(last).Count > 0;
        if (title.Actor.End != words.Length && !lastIsAgent) return null;
        var tokens = window.GetRange(from, to - from);
        int head = lastIsAgent && !IsOf(last) ? words.Length - 1 : AgentHead(words, title.AgentStart, title.AgentEnd);
        return (tokens, tokens[head], title.Actor with { Start = tokens[title.Actor.Start], End = tokens[title.Actor.End - 1] + 1 });
    }

    // The noun of an agent phrase: the word before "of" ("Secretary of State"), else its last word ("Foreign Minister").
    private static int AgentHead(string[] words, int start, int end)
    {
        for (int i = start + 1; i < end; i++)
            if (IsOf(words[i])) return i - 1;
        return end - 1;
    }

    // Words a title chain is made of: nouns, proper nouns, adjectives ("Kazakh", "foreign"), "of", the possessive
    // marker and hyphens. A verb, determiner, number, comma or other preposition ends the chain.
    private static bool IsTitleToken(Sentence s, int i)
    {
        var text = s.Tokens[i].Text;
        if (IsOf(text) || IsPossessive(text) || text == "-") return true;
        return s.Upos![i] is "PROPN" or "NOUN" or "ADJ";
    }

    private static bool IsOf(string word) => word.Equals("of", StringComparison.OrdinalIgnoreCase);

    /// <summary>The title as written: its words joined by spaces, a possessive marker attached to its word ("Kazakhstan's").</summary>
    public string Text(Sentence s)
    {
        var text = new System.Text.StringBuilder();
        foreach (int i in Tokens)
        {
            var word = s.Tokens[i].Text;
            if (text.Length > 0 && !IsPossessive(word)) text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    private static bool IsPossessive(string word) => word is "'s" or "\u2019s";
}
