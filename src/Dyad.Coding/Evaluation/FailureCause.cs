using Dyad.Coding.Lexicon;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// Likely reasons a text was not coded as expected, read off its parse (docs/evaluation.md, "failure causes"). The
/// tests are heuristics over the whole text, not a trace of the coder: they point error analysis at the right stage.
/// </summary>
public enum FailureCause
{
    /// <summary>A missing gold triple uses PETRARCH's null actor ("---", "###") or a quoted new-actor phrase.</summary>
    UnreachableGold,
    /// <summary>A missing gold source code is not what the resolver gives any word of the text.</summary>
    SourceNotResolved,
    /// <summary>A missing gold target code is not what the resolver gives any word of the text.</summary>
    TargetNotResolved,
    /// <summary>No word tagged VERB has a lemma the lexicon knows (event noun, unknown verb or tagging error).</summary>
    NoKnownVerb,
    /// <summary>A lexicon verb has a modal or future auxiliary (will, may, would...).</summary>
    Modal,
    /// <summary>The text has a negation (not, n't, never, neither/nor).</summary>
    Negation,
    /// <summary>Every word resolving to a missing target is an oblique or nominal modifier ("ties with X", "an attack by X").</summary>
    TargetInModifier,
    /// <summary>Several gold triples share a code and an actor word is a conjunct.</summary>
    CompoundActors,
    /// <summary>The text has a passive.</summary>
    Passive,
    /// <summary>The coder produced an event the gold does not have.</summary>
    ExtraEvent,
    /// <summary>None of the above: pattern semantics, code choice or attachment.</summary>
    Other,
}

/// <summary>Finds the <see cref="FailureCause"/>s of a text that was not coded exactly.</summary>
public static class FailureCauses
{
    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "will", "would", "may", "might", "could", "should", "can", "must", "shall" };
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "n't", "never", "neither", "nor" };

    /// <summary>The snake_case name used in reports and diffs.</summary>
    public static string Name(FailureCause cause) => cause switch
    {
        FailureCause.UnreachableGold => "unreachable_gold",
        FailureCause.SourceNotResolved => "source_not_resolved",
        FailureCause.TargetNotResolved => "target_not_resolved",
        FailureCause.NoKnownVerb => "no_known_verb",
        FailureCause.Modal => "modal",
        FailureCause.Negation => "negation",
        FailureCause.TargetInModifier => "target_in_modifier",
        FailureCause.CompoundActors => "compound_actors",
        FailureCause.Passive => "passive",
        FailureCause.ExtraEvent => "extra_event",
        _ => "other",
    };

    /// <summary>Every cause that applies, in the order of <see cref="FailureCause"/>; empty when the text was coded exactly.</summary>
    public static List<FailureCause> Diagnose(EventComparison comparison, AnnotatedDocument doc, ActorResolver resolver, VerbLexicon lexicon)
    {
        var causes = new List<FailureCause>();
        if (comparison.Full.Exact) return causes;
        var missing = comparison.Full.Missing;
        var actorWords = ResolvedWords(doc, resolver);
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, code) in actorWords) resolved.Add(code);

        bool unreachable = false, sourceMissing = false, targetMissing = false;
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in missing)
        {
            bool nullSource = IsPlaceholder(t.Source), nullTarget = IsPlaceholder(t.Target);
            unreachable |= nullSource || nullTarget;
            sourceMissing |= !nullSource && !resolved.Contains(t.Source);
            targetMissing |= !nullTarget && !resolved.Contains(t.Target);
            targets.Add(t.Target);
        }
        if (unreachable) causes.Add(FailureCause.UnreachableGold);
        if (sourceMissing) causes.Add(FailureCause.SourceNotResolved);
        if (targetMissing) causes.Add(FailureCause.TargetNotResolved);

        bool knownVerb = false, modal = false, negation = false, passive = false, conjunctActor = false;
        foreach (var sentence in doc.Sentences)
        {
            if (sentence.Upos == null || sentence.Lemmas == null || sentence.Heads == null || sentence.Relations == null) continue;
            for (int i = 0; i < sentence.Count; i++)
            {
                var relation = sentence.Relations[i];
                if (sentence.Upos[i] == "VERB" && lexicon.HasVerb(sentence.Lemmas[i].ToLowerInvariant()))
                {
                    knownVerb = true;
                    modal |= HasModal(sentence, i);
                }
                negation |= Negations.Contains(sentence.Lemmas[i]) || Negations.Contains(sentence.Tokens[i].Text);
                passive |= relation is "aux:pass" or "nsubj:pass" or "obl:agent";
            }
        }
        bool anyTargetWord = false;
        bool allModifiers = true;
        foreach (var (sentence, word, code) in actorWords)
        {
            if (sentence.Relations![word] == "conj") conjunctActor = true;
            if (!targets.Contains(code)) continue;
            anyTargetWord = true;
            var relation = sentence.Relations[word];
            if (!relation.StartsWith("obl", StringComparison.Ordinal) && !relation.StartsWith("nmod", StringComparison.Ordinal)) allModifiers = false;
        }
        bool targetsOnlyInModifiers = anyTargetWord && allModifiers;

        if (!knownVerb) causes.Add(FailureCause.NoKnownVerb);
        if (modal) causes.Add(FailureCause.Modal);
        if (negation) causes.Add(FailureCause.Negation);
        if (targetsOnlyInModifiers) causes.Add(FailureCause.TargetInModifier);
        if (conjunctActor && SharesCode(comparison.Expected)) causes.Add(FailureCause.CompoundActors);
        if (passive) causes.Add(FailureCause.Passive);
        if (comparison.Full.Extra.Count > 0) causes.Add(FailureCause.ExtraEvent);
        if (causes.Count == 0) causes.Add(FailureCause.Other);
        return causes;
    }

    /// <summary>Each word that heads a phrase the resolver resolves, with the code.</summary>
    internal static List<(Sentence Sentence, int Word, string Code)> ResolvedWords(AnnotatedDocument doc, ActorResolver resolver)
    {
        var words = new List<(Sentence, int, string)>();
        foreach (var sentence in doc.Sentences)
        {
            if (sentence.Heads == null || sentence.Relations == null || sentence.Upos == null) continue;
            for (int i = 0; i < sentence.Count; i++)
                if (sentence.Upos[i] is "NOUN" or "PROPN" or "PRON" or "ADJ" or "NUM" && resolver.Resolve(sentence, i, doc.Document.Date) is { } actor)
                    words.Add((sentence, i, actor.Code));
        }
        return words;
    }

    private static bool HasModal(Sentence sentence, int verb)
    {
        for (int j = 0; j < sentence.Count; j++)
            if (sentence.Heads![j] - 1 == verb && sentence.Relations![j] == "aux" && Modals.Contains(sentence.Lemmas![j])) return true;
        return false;
    }

    private static bool IsPlaceholder(string actor) => actor.Contains("---", StringComparison.Ordinal) || actor.Contains("###", StringComparison.Ordinal) || actor.Contains('"');

    private static bool SharesCode(IReadOnlyList<EventTriple> expected)
    {
        for (int i = 0; i < expected.Count; i++)
            for (int j = i + 1; j < expected.Count; j++)
                if (expected[i].Code == expected[j].Code && expected[i] != expected[j]) return true;
        return false;
    }
}
