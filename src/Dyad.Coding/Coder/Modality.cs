using Dyad.Coding.Lexicon;

namespace Dyad.Coding.Coder;

/// <summary>Whether a predicate's clause reports an event, and how: asserted, intended, refused or threatened.</summary>
internal readonly record struct ModalityResult(bool Suppressed, Embedding Embedding, string Reason)
{
    public static ModalityResult Suppress(string reason) => new(true, Embedding.Suppressed, reason);

    public static readonly ModalityResult Asserted = new(false, Embedding.Asserted, "");
}

/// <summary>How the coder reads a verb's own auxiliaries and negation.</summary>
public enum CodingConvention
{
    /// <summary>
    /// CAMEO's: "will meet" states an intent (036), a modal ("may", "could", "should") or a negation means no event,
    /// and "will not meet" is a refusal (125). The default, and what real-news coding is judged by.
    /// </summary>
    Cameo,
    /// <summary>
    /// PETRARCH-2's: the verb is coded as written whatever its auxiliaries and negation ("will meet" is the meeting,
    /// "did not clash" the clash), unless a pattern names them. Governing verbs (plan, refuse, threaten, urge) and
    /// conditions are still read. For scoring against codings made by PETRARCH (<c>dyad eval petrarch</c>).
    /// </summary>
    Petrarch,
}

/// <summary>
/// CAMEO's treatment of modality, read off the UD tree: modal auxiliaries, conditions and purpose clauses suppress
/// the event; "will" states an intent; the governing verbs of a chain of complements ("plans to", "refused to",
/// "threatened to", "urged X to", "denied that") decide intent, refusal, threat or no event. Negation is left to
/// the caller, which codes "did not comment" as 011 and nothing else.
/// </summary>
internal static class Modality
{
    public static ModalityResult Assess(DependencyView tree, int verb, Func<int, LexiconMatch?> matchOf, CodingConvention convention, List<string>? notes)
    {
        bool readAuxiliaries = convention == CodingConvention.Cameo;
        // "will not meet", "said it would not release": a refusal (CAMEO 12x), not a hypothetical.
        bool refusal = readAuxiliaries && tree.IsNegated(verb) && tree.HasAuxiliary(verb, w => w is "will" or "would" or "wo" or "'ll" or "'d");
        // Threats are conditional by nature ("threatened to retaliate if ..."): a condition does not suppress them.
        bool threat = VerbClasses.EmbeddingOf(tree.Lemma(verb), "xcomp") == Embedding.Threat || tree.Lemma(verb) == "warn";
        string? condition = null;
        if (!refusal && OwnHypothetical(tree, verb, readAuxiliaries, out bool conditional) is { } own)
        {
            if (!conditional) return Note(ModalityResult.Suppress(own), notes);
            condition = own;
        }
        var embedding = refusal ? Embedding.Refusal : Embedding.Asserted;
        string reason = refusal ? "negated 'will/would'" : "";
        bool future = readAuxiliaries && tree.HasAuxiliary(verb, VerbClasses.IsFutureAuxiliary);
        int node = verb;
        for (int depth = 0; depth < 8; depth++)
        {
            int governor = tree.Head(node);
            if (governor < 0) break;
            string relation = tree.Relation(node);
            if (relation is "xcomp" or "ccomp" or "csubj")
            {
                string governorLemma = tree.Lemma(governor);
                // "going to visit": future, not movement.
                if (governorLemma == "go" && relation == "xcomp" && tree.Child(governor, "aux") >= 0) future = true;
                else
                {
                    if (relation == "xcomp" && matchOf(governor) is { } governing && NamesComplement(governing))
                        return Note(ModalityResult.Suppress($"the pattern of '{tree.Word(governor)}' codes its complement"), notes);
                    var governs = VerbClasses.EmbeddingOf(governorLemma, relation);
                    if (governs == Embedding.Suppressed)
                        return Note(ModalityResult.Suppress($"embedded under '{tree.Word(governor)}'"), notes);
                    if (governs != Embedding.Asserted)
                    {
                        // "plans to threaten to ...": two shifts have no CAMEO code.
                        if (embedding != Embedding.Asserted) return Note(ModalityResult.Suppress("doubly embedded"), notes);
                        embedding = governs;
                        reason = $"under '{tree.Word(governor)}'";
                    }
                }
                if (readAuxiliaries && tree.IsNegated(governor)) return Note(ModalityResult.Suppress($"governor '{tree.Word(governor)}' is negated"), notes);
                if (OwnHypothetical(tree, governor, readAuxiliaries, out bool governorConditional) is { } governing2)
                {
                    if (!governorConditional) return Note(ModalityResult.Suppress(governing2 + $" (on '{tree.Word(governor)}')"), notes);
                    condition ??= governing2;
                }
                if (readAuxiliaries && tree.HasAuxiliary(governor, VerbClasses.IsFutureAuxiliary)) future = true;
                node = governor;
                continue;
            }
            bool sharesSubject = tree.Child(node, "nsubj") < 0 && tree.Child(node, "nsubj:pass") < 0;
            if (relation == "advcl")
            {
                var marker = tree.Marker(node);
                if (marker != null && VerbClasses.IsConditionalMarker(marker)) return Note(ModalityResult.Suppress($"condition '{marker}'"), notes);
                // "sent troops to attack": purpose; "criticized X for interfering", "accused X of spying": the charge.
                if (marker is "to" or "for" or "of" or "so" or "lest") return Note(ModalityResult.Suppress($"clause marked '{marker}'"), notes);
            }
            // A verb conjoined or attached without its own subject ("denied X and criticized Y", "urged X to join
            // ..., pressing Y") belongs to its governor's clause: it shares its modals and embedding.
            if (relation is "conj" or "advcl" && sharesSubject)
            {
                if (OwnHypothetical(tree, governor, readAuxiliaries, out bool sharedConditional) is { } shared)
                {
                    if (!sharedConditional) return Note(ModalityResult.Suppress(shared + $" (on '{tree.Word(governor)}')"), notes);
                    condition ??= shared;
                }
                if (readAuxiliaries && tree.HasAuxiliary(governor, VerbClasses.IsFutureAuxiliary)) future = true;
                node = governor;
                continue;
            }
            break;
        }
        if (condition != null && !threat && embedding != Embedding.Threat) return Note(ModalityResult.Suppress(condition), notes);
        if (refusal && reason.Length > 0 && embedding != Embedding.Refusal) return Note(ModalityResult.Suppress("negated and embedded"), notes);
        if (future && embedding == Embedding.Asserted)
        {
            embedding = Embedding.Intent;
            reason = "future 'will'";
        }
        var result = new ModalityResult(false, embedding, reason);
        if (embedding != Embedding.Asserted) notes?.Add($"modality: {embedding.ToString().ToLowerInvariant()} ({reason})");
        return result;
    }

    /// <summary>True when a governing verb's pattern names its complement ("decline xcomp:comment", "urge xcomp:join").</summary>
    public static bool NamesComplement(LexiconMatch match)
    {
        foreach (var constraint in match.Entry.Constraints)
            if (constraint.Kind == ConstraintKind.Xcomp) return true;
        return false;
    }

    /// <summary>
    /// True when the pattern names a negation or modal word ("WILL NOT * (TOWARDS +)", "* NOT EXTEND DEADLINE",
    /// "&amp;NEGATVAUXVRB * OVER EFFORTS"): the pattern's code already says what the negated or modal clause means.
    /// </summary>
    public static bool PatternNamesModality(LexiconEntry entry)
    {
        foreach (var constraint in entry.Constraints)
        {
            if (constraint.Kind is not (ConstraintKind.Before or ConstraintKind.After) || constraint.Term is not { Actor: ActorSlot.None } term) continue;
            foreach (var word in ModalityWords)
                if (term.MatchesWord(word)) return true;
        }
        return false;
    }

    private static readonly string[] ModalityWords = ["not", "n't", "never", "will", "would", "shall", "should", "may", "might", "could", "can", "must"];

    /// <summary>A modal auxiliary, a condition on the clause itself, or a condition attached to it ("if X, Y will ...").</summary>
    private static string? OwnHypothetical(DependencyView tree, int verb, bool readAuxiliaries, out bool conditional)
    {
        conditional = false;
        if (readAuxiliaries && tree.Auxiliary(verb, VerbClasses.IsHypotheticalModal) is { } modal) return $"modal '{modal}'";
        var marker = tree.Marker(verb);
        if (marker != null && VerbClasses.IsConditionalMarker(marker)) return $"condition '{marker}'";
        conditional = true;
        foreach (int c in tree.Children(verb))
            if (tree.Relation(c) == "advcl" && tree.Marker(c) is { } m && VerbClasses.IsConditionalMarker(m)) return $"consequent of '{m}'";
        conditional = false;
        return null;
    }

    private static ModalityResult Note(ModalityResult result, List<string>? notes)
    {
        notes?.Add("suppressed: " + result.Reason);
        return result;
    }
}
