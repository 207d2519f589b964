namespace Dyad.Coding.Lexicon;

/// <summary>The part of a predicate's context that a constraint inspects.</summary>
public enum ConstraintKind
{
    /// <summary>prt:W — a phrasal-verb particle (compound:prt).</summary>
    Particle,
    /// <summary>prep:P or prep:P=TERM — a prepositional dependent, optionally with its object.</summary>
    Preposition,
    /// <summary>obj:TERM — the direct object's head.</summary>
    Object,
    /// <summary>xcomp:TERM — the verb of an open clausal complement.</summary>
    Xcomp,
    /// <summary>ccomp or ccomp:TERM — a clausal complement (reported speech).</summary>
    Ccomp,
    /// <summary>subj:TERM — the subject's head.</summary>
    Subject,
    /// <summary>before:TERM — a word before the verb in PETRARCH's flat patterns: the subject or another dependent.</summary>
    Before,
    /// <summary>after:TERM — a word after the verb in PETRARCH's flat patterns: object, particle, preposition, complement or other dependent.</summary>
    After,
    /// <summary>pp:W — the second word of a multi-word verb ("call off", "ask for"): a particle or a preposition.</summary>
    ParticleOrPreposition,
}

/// <summary>One condition a pattern puts on a predicate's context.</summary>
public sealed class Constraint
{
    public Constraint(ConstraintKind kind, Term? term, string? preposition = null)
    {
        Kind = kind;
        Term = term;
        Preposition = preposition;
        _alternatives = preposition != null && preposition.Contains('|') ? preposition.Split('|') : null;
    }

    private readonly string[]? _alternatives;

    public ConstraintKind Kind { get; }
    public Term? Term { get; }
    /// <summary>The preposition (Preposition kind) or the word (ParticleOrPreposition and Particle kinds).</summary>
    public string? Preposition { get; }

    public int Specificity => Kind switch
    {
        ConstraintKind.Preposition => 1 + (Term?.Specificity ?? 0),
        ConstraintKind.Ccomp => 1 + (Term?.Specificity ?? 0),
        ConstraintKind.Particle or ConstraintKind.ParticleOrPreposition => 2,
        _ => Term?.Specificity ?? 0,
    };

    public bool Matches(VerbContext c)
    {
        switch (Kind)
        {
            case ConstraintKind.Particle: return Has(c.Particles, Preposition!);
            case ConstraintKind.ParticleOrPreposition: return Has(c.Particles, Preposition!) || HasPreposition(c, Preposition!);
            case ConstraintKind.Preposition:
                for (int i = 0; i < c.Prepositions.Count; i++)
                {
                    var p = c.Prepositions[i];
                    if (IsPreposition(p.Preposition) && (Term == null || Term.Matches(p.Object, p.ObjectModifiers, p.ObjectIsActor))) return true;
                }
                return false;
            case ConstraintKind.Object: return Term!.Matches(c.Object, c.ObjectModifiers, c.ObjectIsActor);
            case ConstraintKind.Xcomp: return Term!.Matches(c.Xcomp, [], false);
            case ConstraintKind.Ccomp: return c.Ccomp != null && (Term == null || Term.Matches(c.Ccomp, [], false));
            case ConstraintKind.Subject: return Term!.Matches(c.Subject, [], c.SubjectIsActor);
            case ConstraintKind.Before:
                return Term!.Matches(c.Subject, [], c.SubjectIsActor) || AnyWord(c.OtherWords) || (c.Governor != null && PlainWord(c.Governor));
            case ConstraintKind.After:
                if (Term!.Actor != ActorSlot.None)
                {
                    if (c.ObjectIsActor) return true;
                    for (int i = 0; i < c.Prepositions.Count; i++) if (c.Prepositions[i].ObjectIsActor) return true;
                    return false;
                }
                // An object that names an actor is the event's target, not its theme: a flat pattern's theme word does
                // not match its head ("accused Russian forces" is not "* &MILITARY"), nor a word in a phrase after it
                // ("criticized Beijing over the camps" gives the reason, not "* &DETENTION", a defence of detainees).
                if (c.ObjectIsActor)
                    return AnyWord(c.Particles) || AnyWord(c.OtherWords) || AnyWord(c.ObjectModifiers) || (c.Xcomp != null && Term.Matches(c.Xcomp, [], false));
                if (Term.Matches(c.Object, c.ObjectModifiers, false)) return true;
                // PETRARCH's flat patterns see every word after the verb, so "* DIPLOMATIC" names the object's modifier too.
                if (AnyWord(c.Particles) || AnyWord(c.OtherWords) || AnyWord(c.ObjectModifiers)) return true;
                if (c.Xcomp != null && Term.Matches(c.Xcomp, [], false)) return true;
                for (int i = 0; i < c.Prepositions.Count; i++)
                {
                    var p = c.Prepositions[i];
                    if (Term.Matches(p.Preposition, [], false) || Term.Matches(p.Object, p.ObjectModifiers, false)) return true;
                }
                return false;
            default: return false;
        }
    }

    /// <summary>Prepositions may list alternatives ("prep:by|with").</summary>
    private bool IsPreposition(string word)
    {
        if (word == Preposition) return true;
        if (_alternatives == null) return false;
        foreach (var p in _alternatives) if (p == word) return true;
        return false;
    }

    private bool AnyWord(IReadOnlyList<string> words)
    {
        for (int i = 0; i < words.Count; i++) if (PlainWord(words[i])) return true;
        return false;
    }

    /// <summary>A word slot without modifiers or actor matches a bare dependent word.</summary>
    private bool PlainWord(string word) => Term!.Modifiers.Count == 0 && Term.Actor == ActorSlot.None && Term.MatchesWord(word);

    private static bool HasPreposition(VerbContext c, string word)
    {
        for (int i = 0; i < c.Prepositions.Count; i++) if (c.Prepositions[i].Preposition == word) return true;
        return false;
    }

    private static bool Has(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == value) return true;
        return false;
    }

    /// <summary>The constraint in lexicon TSV syntax ("prep:for=aid", "obj:@target").</summary>
    public override string ToString() => Kind switch
    {
        ConstraintKind.Particle => "prt:" + Preposition,
        ConstraintKind.ParticleOrPreposition => "pp:" + Preposition,
        ConstraintKind.Preposition => Term == null ? "prep:" + Preposition : $"prep:{Preposition}={Term}",
        ConstraintKind.Ccomp => Term == null ? "ccomp" : "ccomp:" + Term,
        ConstraintKind.Object => "obj:" + Term,
        ConstraintKind.Xcomp => "xcomp:" + Term,
        ConstraintKind.Subject => "subj:" + Term,
        ConstraintKind.Before => "before:" + Term,
        ConstraintKind.After => "after:" + Term,
        _ => "?",
    };

    /// <summary>Parses one constraint token; null with an error message when malformed.</summary>
    public static Constraint? Parse(string token, IReadOnlyDictionary<string, HashSet<string>> classes, out string? error)
    {
        error = null;
        if (token == "ccomp") return new Constraint(ConstraintKind.Ccomp, null);
        int colon = token.IndexOf(':');
        if (colon <= 0 || colon == token.Length - 1) { error = $"malformed constraint \"{token}\" (expected kind:value)"; return null; }
        var kindText = token[..colon];
        var value = token[(colon + 1)..];
        switch (kindText)
        {
            case "prt":
            case "pp":
                if (!Term.IsWord(value)) { error = $"malformed word in \"{token}\""; return null; }
                return new Constraint(kindText == "prt" ? ConstraintKind.Particle : ConstraintKind.ParticleOrPreposition, null, value);
            case "prep":
                int eq = value.IndexOf('=');
                var prep = eq < 0 ? value : value[..eq];
                if (!prep.Split('|').All(Term.IsWord)) { error = $"malformed preposition in \"{token}\""; return null; }
                if (eq < 0) return new Constraint(ConstraintKind.Preposition, null, prep);
                var pterm = Term.Parse(value[(eq + 1)..], classes, out error);
                return pterm == null ? null : new Constraint(ConstraintKind.Preposition, pterm, prep);
        }
        ConstraintKind kind;
        switch (kindText)
        {
            case "obj": kind = ConstraintKind.Object; break;
            case "xcomp": kind = ConstraintKind.Xcomp; break;
            case "ccomp": kind = ConstraintKind.Ccomp; break;
            case "subj": kind = ConstraintKind.Subject; break;
            case "before": kind = ConstraintKind.Before; break;
            case "after": kind = ConstraintKind.After; break;
            default: error = $"unknown constraint kind \"{kindText}\" in \"{token}\""; return null;
        }
        var term = Term.Parse(value, classes, out error);
        return term == null ? null : new Constraint(kind, term);
    }
}
