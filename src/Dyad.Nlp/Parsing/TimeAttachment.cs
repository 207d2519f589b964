using Dyad.Text;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// Moves a bare time expression written right after a verb's object back to the verb. News writes "criticized the
/// United States Sunday" and "will visit Pakistan next month" without a preposition; the parser, trained on EWT where
/// such noun-noun sequences are mostly compounds, makes the name a compound of the time word ("States" under "Sunday")
/// or hangs the time word on the name. Either way the verb loses its object. Only weekdays and "next/last/this"
/// periods count, and only when no preposition marks them ("on Sunday" is parsed well already).
/// </summary>
public static class TimeAttachment
{
    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static readonly HashSet<string> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night",
    };

    private static readonly HashSet<string> Deictics = new(StringComparer.OrdinalIgnoreCase)
    {
        "next", "last", "this", "coming", "past", "previous",
    };

    private const string TimeRelation = "obl:unmarked";

    /// <summary>Repairs the sentence's heads and relations in place; a sentence without a parse is left alone.</summary>
    public static void Repair(Sentence sentence)
    {
        if (sentence.Heads is not { } heads || sentence.Relations is not { } relations || sentence.Upos is not { } upos) return;
        for (int t = 0; t < sentence.Count; t++)
        {
            if (!IsBareTime(sentence, t)) continue;
            int name = CompoundName(sentence, t);
            if (name >= 0) { MoveNameOutOfTime(sentence, t, name); continue; }
            int holder = heads[t] - 1;
            // "criticized Ukraine Sunday" with "Sunday" under "Ukraine": the time word belongs to the object's verb.
            if (holder >= 0 && holder < t && upos[holder] is "PROPN" or "NOUN" && relations[holder] is "obj" or "iobj"
                && relations[t] is "flat" or "nmod:unmarked" or "nmod:tmod" or "nmod:npmod" or "appos" or "obl:unmarked" or "nmod"
                && heads[holder] - 1 is var verb and >= 0 && upos[verb] == "VERB")
            {
                heads[t] = verb + 1;
                relations[t] = TimeRelation;
            }
        }
    }

    /// <summary>A weekday, or a period with "next/last/this", that no preposition introduces.</summary>
    private static bool IsBareTime(Sentence s, int t)
    {
        if (s.Upos![t] is not ("PROPN" or "NOUN")) return false;
        var word = s.Tokens[t].Text;
        bool weekday = Weekdays.Contains(word);
        if (!weekday && !Periods.Contains(word)) return false;
        bool deictic = false;
        for (int c = 0; c < s.Count; c++)
        {
            if (s.Heads![c] - 1 != t) continue;
            if (s.Relations![c] == "case") return false;
            if (s.Relations[c] is "amod" or "det" && Deictics.Contains(s.Tokens[c].Text)) deictic = true;
        }
        return weekday || deictic;
    }

    /// <summary>The name the parser made a compound of the time word ("the United States Sunday"), or -1.</summary>
    private static int CompoundName(Sentence s, int t)
    {
        int name = -1;
        for (int c = 0; c < t; c++)
            if (s.Heads![c] - 1 == t && s.Relations![c] == "compound" && s.Upos![c] == "PROPN") name = c;
        return name;
    }

    /// <summary>
    /// The name becomes the object of the verb before it (when that verb has none) and takes the determiners written
    /// before it; the time word becomes the verb's time modifier.
    /// </summary>
    private static void MoveNameOutOfTime(Sentence s, int t, int name)
    {
        var heads = s.Heads!;
        var relations = s.Relations!;
        int verb = heads[t] - 1;
        if (verb < 0 || verb > name || s.Upos![verb] != "VERB") verb = VerbBefore(s, name);
        if (verb < 0 || HasObject(s, verb) || Dominates(s, t, verb)) return;
        for (int c = 0; c < name; c++)
            if (heads[c] - 1 == t && c > verb) heads[c] = name + 1;
        heads[name] = verb + 1;
        relations[name] = "obj";
        heads[t] = verb + 1;
        relations[t] = TimeRelation;
    }

    /// <summary>True when <paramref name="token"/> lies in the subtree of <paramref name="ancestor"/> (re-hanging would make a cycle).</summary>
    private static bool Dominates(Sentence s, int ancestor, int token)
    {
        for (int h = s.Heads![token] - 1, steps = 0; h >= 0 && steps < s.Count; h = s.Heads[h] - 1, steps++)
            if (h == ancestor) return true;
        return false;
    }

    private static int VerbBefore(Sentence s, int token)
    {
        for (int v = token - 1; v >= 0; v--)
        {
            if (s.Upos![v] == "VERB") return v;
            if (s.Upos[v] == "PUNCT") return -1;
        }
        return -1;
    }

    private static bool HasObject(Sentence s, int verb)
    {
        for (int c = 0; c < s.Count; c++)
            if (s.Heads![c] - 1 == verb && s.Relations![c] is "obj" or "iobj") return true;
        return false;
    }
}
