using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Knowledge.Learning;

/// <summary>
/// Within one document, resolves later mentions of a person whose role the document stated: the full name, the
/// surname alone ("Tleuberdi") or a bare title ("the minister") when exactly one learned person fits. Mentions that
/// fit several people resolve to nothing rather than to a guess.
/// </summary>
public sealed class DocumentActorMemory
{
    public const string RulePrefix = "learned:";
    public const string NameRule = RulePrefix + "name";
    public const string SurnameRule = RulePrefix + "surname";
    public const string TitleRule = RulePrefix + "title";

    private readonly IReadOnlyList<LearnedActor> _people;

    public DocumentActorMemory(IReadOnlyList<LearnedActor> people) => _people = people;

    public IReadOnlyList<LearnedActor> People => _people;

    /// <summary>Learns the document's people with <see cref="RoleLearner"/> and remembers them.</summary>
    public static DocumentActorMemory Learn(AnnotatedDocument doc, ActorResolver resolver) => new(RoleLearner.Learn(doc, resolver));

    /// <summary>
    /// The learned person the noun phrase headed by token <paramref name="headIndex"/> (0-based) refers to, or null.
    /// The sentence must be parsed; entities are used when present (a token inside an ORG or LOC is no person).
    /// </summary>
    public ActorResolution? Resolve(Sentence sentence, int headIndex)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if ((uint)headIndex >= (uint)sentence.Count)
            throw new ArgumentOutOfRangeException(nameof(headIndex), headIndex, $"the sentence has {sentence.Count} token(s)");
        if (sentence.Heads == null || sentence.Relations == null)
            throw new ArgumentException("the sentence has no parse (Heads/Relations are null); run the parser first", nameof(sentence));
        if (_people.Count == 0 || InNonPersonEntity(sentence, headIndex)) return null;

        // The recognizer's PER span is the name when there is one ("Minister Tleuberdi": the span is "Tleuberdi");
        // otherwise the head with its flat/compound words.
        var (start, end) = PersonSpan(sentence, headIndex) ?? NameTokens(sentence, headIndex);
        var text = RoleLearner.JoinTokens(sentence, start, end);
        var byName = Single(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase));
        if (byName != null) return Explain(byName, start, end, NameRule, $"'{text}' is the full name");
        if (end - start == 1)
        {
            var bySurname = Single(p => p.Name.Contains(' ') && string.Equals(p.Surname, text, StringComparison.OrdinalIgnoreCase));
            if (bySurname != null) return Explain(bySurname, start, end, SurnameRule, $"'{text}' is the surname");
        }
        if (IsBareTitle(sentence, headIndex))
        {
            var head = sentence.Tokens[headIndex].Text;
            var byTitle = Single(p => string.Equals(p.TitleHead, head, StringComparison.OrdinalIgnoreCase));
            if (byTitle != null) return Explain(byTitle, headIndex, headIndex + 1, TitleRule, $"'{head}' is the only learned person's title");
        }
        return null;
    }

    private LearnedActor? Single(Func<LearnedActor, bool> fits)
    {
        LearnedActor? found = null;
        foreach (var p in _people)
        {
            if (!fits(p)) continue;
            if (found != null && !found.SameRole(p)) return null;
            found = p;
        }
        return found;
    }

    private static ActorResolution Explain(LearnedActor p, int start, int end, string rule, string why)
    {
        var e = p.Evidence[0];
        return new ActorResolution(p.Code, start, end, rule,
            $"{why} of {p.Name}, learned as '{p.Title}' ({p.Code}) from {e.DocumentId} sentence {e.SentenceIndex}: \"{e.Text}\"");
    }

    /// <summary>The head and its flat/compound name parts: the tokens a name mention spans.</summary>
    private static (int Start, int End) NameTokens(Sentence s, int head)
    {
        int start = head, end = head + 1;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Heads![i] - 1 != head) continue;
            var rel = s.Relations![i];
            if (rel is "flat" or "compound" || rel.StartsWith("flat:", StringComparison.Ordinal))
            {
                start = Math.Min(start, i);
                end = Math.Max(end, i + 1);
            }
        }
        return (start, end);
    }

    // "the minister", "the foreign minister": only determiners and words of the learned title itself may modify the
    // head, so "the Russian minister" or "a minister of health" is not taken for the one learned minister.
    private bool IsBareTitle(Sentence s, int head)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Heads![i] - 1 != head) continue;
            var rel = s.Relations![i];
            if (rel is "det" or "punct") continue;
            if (rel is "amod" or "compound" && AnyTitleHasWord(s.Tokens[i].Text)) continue;
            // "the Secretary of State": an "of" phrase made only of title words is part of the title.
            if (rel == "nmod" && SubtreeIsTitle(s, i)) continue;
            if (rel is "amod" or "compound" or "flat" or "nmod" or "nmod:poss" or "appos" or "nummod") return false;
        }
        return true;
    }

    private bool SubtreeIsTitle(Sentence s, int root)
    {
        if (!AnyTitleHasWord(s.Tokens[root].Text)) return false;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Heads![i] - 1 != root) continue;
            if (s.Relations![i] is "case" or "det" or "punct") continue;
            if (!SubtreeIsTitle(s, i)) return false;
        }
        return true;
    }

    private bool AnyTitleHasWord(string word)
    {
        foreach (var p in _people)
            if (TitleHasWord(p.Title, word)) return true;
        return false;
    }

    private static bool TitleHasWord(string title, string word)
    {
        foreach (var w in title.Split(' '))
            if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static (int Start, int End)? PersonSpan(Sentence s, int token)
    {
        if (s.Entities == null) return null;
        foreach (var e in s.Entities)
            if (token >= e.Start && token < e.End && e.Type == RoleLearner.PersonType) return (e.Start, e.End);
        return null;
    }

    private static bool InNonPersonEntity(Sentence s, int token)
    {
        if (s.Entities == null) return false;
        foreach (var e in s.Entities)
            if (token >= e.Start && token < e.End) return e.Type != RoleLearner.PersonType;
        return false;
    }
}
