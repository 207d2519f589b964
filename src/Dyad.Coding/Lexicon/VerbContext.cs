namespace Dyad.Coding.Lexicon;

/// <summary>A prepositional dependent of a predicate: its preposition and the lemma of its object noun.</summary>
public sealed record PrepositionalPhrase(string Preposition, string? Object, bool ObjectIsActor = false)
{
    /// <summary>Lemmas of the object's modifiers (amod, compound), for phrase patterns such as {FINANCIAL AID}.</summary>
    public IReadOnlyList<string> ObjectModifiers { get; init; } = [];
}

/// <summary>
/// What the parse says about a predicate's dependents, in lemmas (lower case): the evidence a lexicon pattern is
/// matched against. The coder fills it from the UD tree: compound:prt, obl/nmod with case, obj, xcomp, ccomp, nsubj.
/// </summary>
public sealed class VerbContext
{
    public static readonly VerbContext Empty = new();

    public IReadOnlyList<string> Particles { get; init; } = [];
    public IReadOnlyList<PrepositionalPhrase> Prepositions { get; init; } = [];
    /// <summary>Lemma of the direct object's head.</summary>
    public string? Object { get; init; }
    public IReadOnlyList<string> ObjectModifiers { get; init; } = [];
    /// <summary>True when the direct object is a political actor (a person, organization, state or group).</summary>
    public bool ObjectIsActor { get; init; }
    /// <summary>Lemma of the open clausal complement's verb ("urge X to <b>withdraw</b>").</summary>
    public string? Xcomp { get; init; }
    /// <summary>Lemma of the clausal complement's head ("denied that it <b>attacked</b>").</summary>
    public string? Ccomp { get; init; }
    public string? Subject { get; init; }
    public bool SubjectIsActor { get; init; }
    /// <summary>Lemmas of any other dependents (adverbs, auxiliaries, compounds) that patterns may name.</summary>
    public IReadOnlyList<string> OtherWords { get; init; } = [];
    /// <summary>
    /// For a complement clause, the lemma of the verb that governs it ("Ethiopia <b>indicated</b> it would act"): a
    /// word before the verb in PETRARCH's flat patterns ("INDICATED WOULD * NOW"), never after it.
    /// </summary>
    public string? Governor { get; init; }
}
