using Dyad.Text;

namespace Dyad.Nlp;

/// <summary>
/// Hyphenated parts of a multi-word name ("Moon Jae-in", "Kim Jong-un", "Kassym-Jomart Tokayev") tagged and parsed as
/// one word. The tokenizer splits hyphens as EWT does, so "in" and "un" read as a preposition and a determiner and
/// "Kassym - Jomart" as two clauses; the joined word is an ordinary unknown capitalised name to the models. The
/// parts get the joined word's tags and attachment back: the first part heads, each hyphen is the <c>punct</c> of
/// the part after it and the later parts are <c>flat</c> parts of the name. Only a chain written without spaces, starting with a capitalised
/// word, next to another capitalised word of the same name ("Moon", "Tokayev"), is joined; a lower-case part only
/// after such a word ("Moon Jae-in"). "US-led", "Soviet-era", "Secretary-General", "American-Islamic" and "the
/// Russia-Ukraine war" stay as the tokenizer split them.
/// </summary>
public static class HyphenatedNames
{
    /// <summary>Capitalised only because they open the sentence: no part of a name.</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "For", "By", "With", "From", "After", "Before", "This", "That", "His", "Her",
        "Its", "Their", "Our", "When", "While", "As", "But", "And", "Former", "Both",
    };

    /// <summary>The index of the joined token each token belongs to, or null when the sentence has no such name.</summary>
    public static int[]? Find(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        int[]? map = null;
        int joined = 0;
        for (int i = 0; i < tokens.Length; i++, joined++)
        {
            int end = ChainEnd(tokens, i);
            if (end < 0) { if (map != null) map[i] = joined; continue; }
            if (map == null)
            {
                map = new int[tokens.Length];
                for (int k = 0; k < i; k++) map[k] = k;
            }
            for (int k = i; k <= end; k++) map[k] = joined;
            i = end;
        }
        return map;
    }

    /// <summary>The sentence with each hyphenated name as one token.</summary>
    public static Sentence Join(Sentence sentence, int[] map)
    {
        var tokens = sentence.Tokens;
        var joined = new Token[map[^1] + 1];
        for (int k = 0; k < tokens.Length; k++)
        {
            int j = map[k];
            joined[j] = k > 0 && map[k - 1] == j
                ? new Token(joined[j].Start, tokens[k].End, joined[j].Text + tokens[k].Text) { SpaceAfter = tokens[k].SpaceAfter }
                : tokens[k];
        }
        return new Sentence(sentence.Start, sentence.End, joined);
    }

    /// <summary>Copies the joined sentence's annotation back to the original tokens.</summary>
    public static void Expand(Sentence joined, Sentence sentence, int[] map)
    {
        int n = sentence.Count;
        var first = new int[joined.Count];
        for (int k = n - 1; k >= 0; k--) first[map[k]] = k;
        var upos = new string[n];
        var xpos = new string[n];
        var feats = new string[n];
        var lemmas = new string[n];
        var heads = new int[n];
        var relations = new string[n];
        for (int k = 0; k < n; k++)
        {
            int j = map[k];
            if (first[j] == k)
            {
                upos[k] = joined.Upos![j];
                xpos[k] = joined.Xpos![j];
                feats[k] = joined.Feats![j];
                lemmas[k] = k + 1 < n && map[k + 1] == j ? sentence.Tokens[k].Text : joined.Lemmas![j];
                int head = joined.Heads![j];
                heads[k] = head == 0 ? 0 : first[head - 1] + 1;
                relations[k] = joined.Relations![j];
                continue;
            }
            bool hyphen = sentence.Tokens[k].Text == "-";
            upos[k] = hyphen ? "PUNCT" : "PROPN";
            xpos[k] = hyphen ? "HYPH" : "NNP";
            feats[k] = hyphen ? "_" : "Number=Sing";
            lemmas[k] = sentence.Tokens[k].Text;
            // As in EWT: a hyphen hangs on the part after it; a later part is flat under the name's first word,
            // which is the chain's first part unless that part is itself a flat part of a longer name ("Kim Jung-Ryool").
            int nameHead = relations[first[j]] == "flat" ? heads[first[j]] - 1 : first[j];
            heads[k] = hyphen ? k + 2 : nameHead + 1;
            relations[k] = hyphen ? "punct" : "flat";
        }
        sentence.Upos = upos;
        sentence.Xpos = xpos;
        sentence.Feats = feats;
        sentence.Lemmas = lemmas;
        sentence.Heads = heads;
        sentence.Relations = relations;
    }

    /// <summary>The last token of a hyphenated name chain starting at <paramref name="i"/>, or -1.</summary>
    private static int ChainEnd(Token[] tokens, int i)
    {
        if (!IsCapitalisedWord(tokens[i].Text)) return -1;
        int end = i;
        while (end + 2 < tokens.Length && tokens[end + 1].Text == "-" && Touches(tokens[end], tokens[end + 1]) && Touches(tokens[end + 1], tokens[end + 2])
               && IsWord(tokens[end + 2].Text))
            end += 2;
        if (end == i || tokens[end].Text is "General") return -1;
        for (int k = i; k <= end; k += 2) if (!LooksLikeNamePart(tokens[k].Text)) return -1;
        bool nameBefore = i > 0 && IsCapitalisedWord(tokens[i - 1].Text) && !Touches(tokens[i - 1], tokens[i])
                          && !(i == 1 && SentenceOpeners.Contains(tokens[0].Text));
        bool nameAfter = end + 1 < tokens.Length && IsCapitalisedWord(tokens[end + 1].Text) && !Touches(tokens[end], tokens[end + 1]);
        // A lower-case part ("Jae-in") only inside a name already begun: "Indian-administered Kashmir", "Apollo-era Saturn".
        bool lowerPart = false;
        for (int k = i + 2; k <= end; k += 2) if (char.IsLower(tokens[k].Text[0])) lowerPart = true;
        return nameBefore || (nameAfter && !lowerPart) ? end : -1;
    }

    /// <summary>Demonyms and adjectives ("American-Islamic", "Asia-Pacific", "Turkish-Syrian") join words; they are no given names.</summary>
    private static bool LooksLikeNamePart(string word) =>
        !(word.EndsWith("an", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal)
          || word.EndsWith("ish", StringComparison.Ordinal) || word.EndsWith("ic", StringComparison.Ordinal));

    private static bool Touches(Token a, Token b) => a.End == b.Start;

    private static bool IsWord(string text)
    {
        foreach (var c in text) if (!char.IsLetter(c)) return false;
        return text.Length > 0;
    }

    /// <summary>"Moon", "Jomart": an upper-case letter and then lower-case letters (not "US" or "NATO").</summary>
    private static bool IsCapitalisedWord(string text)
    {
        if (text.Length < 2 || !char.IsUpper(text[0])) return false;
        for (int k = 1; k < text.Length; k++) if (!char.IsLower(text[k])) return false;
        return true;
    }
}
