using Dyad.Text;

namespace Dyad.Coding.Dates;

/// <summary>
/// Dates an event: the reference date (publication, or the dateline's date) moved by the time expression that governs
/// the event's predicate in the UD parse; never after the reference. See docs/coding.md "Dates".
/// </summary>
public static class EventDater
{
    // Clause links an expression may be inherited through: "urged X to join" (xcomp), "said on Monday that ..."
    // (ccomp), "met ... and praised ..." (conj), adverbial and paratactic clauses.
    private static bool IsClauseLink(string relation) =>
        relation is "xcomp" or "ccomp" or "advcl" or "conj" or "parataxis" || relation.StartsWith("advcl:", StringComparison.Ordinal)
        || relation.StartsWith("ccomp:", StringComparison.Ordinal);

    // Verbs whose open complement lies ahead ("plans to visit on Friday").
    private static readonly HashSet<string> IntentVerbs = new(
        ["plan", "intend", "expect", "hope", "aim", "want", "seek", "prepare", "schedule", "promise", "pledge", "vow", "set", "due"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The date of the event whose predicate is token <paramref name="predicate"/> (0-based) of a parsed sentence.
    /// <paramref name="expression"/> is the expression used, or null when the reference date stands.
    /// </summary>
    public static DateOnly Date(Sentence sentence, int predicate, DateOnly reference, out TimeExpression? expression)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        expression = null;
        if (sentence.Heads == null || sentence.Relations == null || (uint)predicate >= (uint)sentence.Count) return reference;
        var found = TimeExpressionScanner.Scan(sentence);
        if (found.Count == 0) return reference;

        var heads = sentence.Heads;
        var relations = sentence.Relations;
        bool future = IsFuture(sentence, predicate);
        // Walk up from the predicate through the clauses that share its time; the nearest expression wins.
        int node = predicate;
        for (int depth = 0; depth < 8 && node >= 0; depth++)
        {
            foreach (var e in found)
                if (Attachment(sentence, e) == node && e.Resolve(reference, future || IsFuture(sentence, node)) is { } date)
                {
                    expression = e;
                    return date;
                }
            bool nounPredicate = depth == 0 && sentence.Upos != null && sentence.Upos[node] != "VERB";
            if (!nounPredicate && !IsClauseLink(relations[node])) break;
            node = heads[node] - 1;
        }

        // Elsewhere in the sentence: only when every usable expression gives the same date. An expression dating a
        // noun by possession ("Monday's attack") or inside a relative clause dates something else.
        DateOnly? agreed = null;
        foreach (var e in found)
        {
            if (DatesAnotherThing(sentence, e)) continue;
            if (e.Resolve(reference, future) is not { } date) continue;
            if (agreed != null && agreed != date) { expression = null; return reference; }
            agreed = date;
            expression ??= e;
        }
        return agreed ?? reference;
    }

    /// <summary>The token outside the expression that its root depends on (-1 for the sentence root).</summary>
    internal static int Attachment(Sentence sentence, TimeExpression e)
    {
        var heads = sentence.Heads!;
        for (int i = e.Start; i < e.End; i++)
        {
            int head = heads[i] - 1;
            if (head < e.Start || head >= e.End) return head;
        }
        return -1;
    }

    private static bool DatesAnotherThing(Sentence sentence, TimeExpression e)
    {
        var heads = sentence.Heads!;
        var relations = sentence.Relations!;
        for (int i = e.Start; i < e.End; i++)
        {
            int head = heads[i] - 1;
            if (head >= e.Start && head < e.End) continue;
            if (relations[i] == "nmod:poss") return true;
            for (int node = head, steps = 0; node >= 0 && steps < 16; node = heads[node] - 1, steps++)
                if (relations[node] is "acl:relcl" or "acl") return true;
        }
        return false;
    }

    /// <summary>"will visit", "'ll visit", "plans to visit", "is set to visit": the event lies after the report.</summary>
    internal static bool IsFuture(Sentence sentence, int verb)
    {
        var heads = sentence.Heads!;
        var relations = sentence.Relations!;
        var tokens = sentence.Tokens;
        for (int i = 0; i < sentence.Count; i++)
        {
            if (heads[i] - 1 != verb || relations[i] != "aux") continue;
            var word = tokens[i].Text;
            if (word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
                || word.Equals("'ll", StringComparison.OrdinalIgnoreCase) || word.Equals("wo", StringComparison.OrdinalIgnoreCase)
                || word.Equals("’ll", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        if (relations[verb] == "xcomp" && heads[verb] > 0)
        {
            int governor = heads[verb] - 1;
            var lemma = sentence.Lemmas?[governor] ?? tokens[governor].Text;
            if (IntentVerbs.Contains(lemma)) return true;
            // "is going to visit", but not "went to visit".
            if (tokens[governor].Text.Equals("going", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
