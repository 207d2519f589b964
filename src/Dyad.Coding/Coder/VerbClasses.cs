namespace Dyad.Coding.Coder;

/// <summary>
/// How a governing word treats the clause it embeds ("plans <b>to visit</b>", "refused <b>to meet</b>", "urged X
/// <b>to withdraw</b>"): whether the embedded action happened, is intended, refused, threatened or only asked for.
/// </summary>
internal enum Embedding
{
    /// <summary>The embedded action is asserted (reported speech, "began to", "went on to").</summary>
    Asserted,
    /// <summary>Stated intent or agreement: cooperative actions become CAMEO 03x.</summary>
    Intent,
    /// <summary>Refusal: actions become CAMEO 12x.</summary>
    Refusal,
    /// <summary>Threat: actions become CAMEO 13x.</summary>
    Threat,
    /// <summary>The action is asked for, denied, alleged, feared or otherwise not reported as done: no event.</summary>
    Suppressed,
}

/// <summary>Word lists for the coder's treatment of modality, embedding and light verbs (docs/coding.md "Coder").</summary>
internal static class VerbClasses
{
    // "X plans/agreed/promised to visit Y": CAMEO codes the stated intent (03x), not the visit.
    private static readonly HashSet<string> IntentGovernors = new(StringComparer.Ordinal)
    {
        "plan", "intend", "want", "hope", "seek", "aim", "agree", "promise", "pledge", "vow", "offer", "decide",
        "prepare", "expect", "wish", "propose", "commit", "undertake", "resolve", "volunteer",
        // adjectival governors: "is ready/set/due/willing to meet"
        "ready", "set", "due", "willing", "prepared", "eager", "keen", "poised", "determined",
    };

    private static readonly HashSet<string> RefusalGovernors = new(StringComparer.Ordinal) { "refuse", "decline", "reject", "unwilling", "reluctant" };

    private static readonly HashSet<string> ThreatGovernors = new(StringComparer.Ordinal) { "threaten" };

    // The embedded action is only asked for, denied, feared, attempted in vain or reported as an accusation.
    private static readonly HashSet<string> SuppressingGovernors = new(StringComparer.Ordinal)
    {
        "urge", "ask", "call", "demand", "request", "encourage", "press", "push", "invite", "appeal", "beg", "persuade",
        "order", "instruct", "tell", "advise", "recommend", "warn", "caution", "pressure", "lobby", "implore",
        "deny", "dismiss", "accuse", "allege", "blame", "suspect", "fear", "worry", "doubt", "fail", "avoid", "stop",
        "cease", "forbid", "ban", "prevent", "prohibit", "bar", "oppose", "consider", "discuss", "debate", "weigh",
        "need", "have", "require", "try", "attempt", "unable", "likely", "unlikely", "possible", "able", "free",
        "criticize", "criticise", "condemn", "praise", "thank", "commend", "welcome", "hail", "blast", "slam", "denounce",
        "question", "wonder", "claim", "insist", "hesitate",
    };

    /// <summary>Verbs whose clausal complement is reported speech: the reported event keeps its own subject.</summary>
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "say", "tell", "add", "state", "announce", "report", "note", "confirm", "declare", "write", "post", "tweet",
        "explain", "stress", "emphasize", "emphasise", "reiterate", "recall", "acknowledge", "admit", "reveal",
        "disclose", "indicate", "remark", "comment", "observe", "point", "argue", "assert", "maintain", "show",
        "know", "learn", "find", "see", "hear", "understand", "realize", "realise",
    };

    /// <summary>"hold talks", "launch an airstrike", "impose sanctions": the noun names the event, the verb's subject is its source.</summary>
    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "hold", "conduct", "launch", "carry", "stage", "impose", "begin", "start", "resume", "continue", "have", "make",
        "pay", "wrap", "conclude", "complete", "attend", "mount", "unleash", "slap", "announce", "open", "host",
        "sign", "reach", "extend", "expand", "tighten", "order", "lead", "organize", "organise", "give", "deliver",
        "provide", "send", "offer", "express", "issue", "level", "file", "lodge", "step", "intensify", "escalate",
    };

    /// <summary>Verbs whose object event noun is reported as having happened ("condemned the airstrike on X").</summary>
    private static readonly HashSet<string> ReactionVerbs = new(StringComparer.Ordinal)
    {
        "condemn", "criticize", "criticise", "denounce", "praise", "welcome", "protest", "deplore", "decry", "hail",
        "mourn", "investigate", "confirm", "report", "blame", "survive", "follow", "end", "halt", "suspend",
    };

    // Modifiers of an event noun that make it unreal: "planned visit", "possible sanctions", "alleged attack".
    private static readonly HashSet<string> UnrealNounModifiers = new(StringComparer.Ordinal)
    {
        "planned", "plan", "proposed", "propose", "possible", "potential", "future", "upcoming", "expected", "expect",
        "threatened", "threaten", "alleged", "allege", "rumored", "rumoured", "hypothetical", "further", "more", "new-round",
        "would-be", "imminent", "prospective", "fresh",
    };

    /// <summary>Modal auxiliaries that make a clause hypothetical or an obligation: no event.</summary>
    public static bool IsHypotheticalModal(string word) =>
        word is "may" or "might" or "could" or "would" or "should" or "must" or "can" or "ca" or "'d" or "ought" or "shall";

    /// <summary>Future auxiliaries: "will visit" states an intent.</summary>
    public static bool IsFutureAuxiliary(string word) => word is "will" or "'ll" or "wo";

    /// <summary>Subordinators that make a clause a condition or an open question.</summary>
    public static bool IsConditionalMarker(string word) => word is "if" or "unless" or "whether" or "lest";

    public static bool IsReporting(string lemma) => ReportingVerbs.Contains(lemma);

    public static bool IsLightVerb(string lemma) => LightVerbs.Contains(lemma);

    public static bool IsReactionVerb(string lemma) => ReactionVerbs.Contains(lemma);

    public static bool IsUnrealModifier(string lemma) => UnrealNounModifiers.Contains(lemma);

    /// <summary>
    /// How <paramref name="governorLemma"/> treats the clause it embeds with <paramref name="relation"/>; a reporting
    /// verb's clausal complement ("said that ...", "told X that ...") is asserted, its open complement ("told X to go") is not.
    /// </summary>
    public static Embedding EmbeddingOf(string governorLemma, string relation)
    {
        if (relation == "ccomp" && ReportingVerbs.Contains(governorLemma)) return Embedding.Asserted;
        if (IntentGovernors.Contains(governorLemma)) return Embedding.Intent;
        if (RefusalGovernors.Contains(governorLemma)) return Embedding.Refusal;
        if (ThreatGovernors.Contains(governorLemma)) return Embedding.Threat;
        if (SuppressingGovernors.Contains(governorLemma)) return Embedding.Suppressed;
        return Embedding.Asserted;
    }
}
