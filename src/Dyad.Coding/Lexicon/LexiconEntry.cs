namespace Dyad.Coding.Lexicon;

public enum EntryKind { Verb, Noun }

/// <summary>
/// A lexicon pattern: a predicate lemma (verb or event noun), the constraints its context must meet, and the CAMEO
/// code it yields. <see cref="Code"/> is null for PETRARCH's null code "---" (the pattern matches but codes no event,
/// which stops a more general pattern from firing).
/// </summary>
public sealed class LexiconEntry
{
    public LexiconEntry(EntryKind kind, string lemma, Constraint[] constraints, string? code, string? pairedCode, bool reversed, Provenance provenance)
    {
        Kind = kind;
        Lemma = lemma;
        _constraints = constraints;
        Code = code;
        PairedCode = pairedCode;
        Reversed = reversed;
        Provenance = provenance;
        int specificity = 0;
        foreach (var c in constraints) specificity += c.Specificity;
        Specificity = specificity;
        Key = $"{(kind == EntryKind.Verb ? 'V' : 'N')}\t{lemma}\t{ConstraintText}";
    }

    public EntryKind Kind { get; }
    public string Lemma { get; }
    private readonly Constraint[] _constraints;

    public IReadOnlyList<Constraint> Constraints => _constraints;
    public string? Code { get; }
    /// <summary>The second event of a paired code such as [042:043] (source visits, target hosts), coded with roles swapped.</summary>
    public string? PairedCode { get; }
    /// <summary>True for PETRARCH codes written "[:173]": the event is coded with source and target swapped.</summary>
    public bool Reversed { get; }
    public Provenance Provenance { get; }
    public int Specificity { get; }
    /// <summary>Lemma and constraints: a later entry with the same key replaces an earlier one.</summary>
    internal string Key { get; }

    public string ConstraintText => Constraints.Count == 0 ? "-" : string.Join(' ', Constraints);

    public string CodeText => LexiconCode.Format(Code, PairedCode, Reversed);

    public bool Matches(VerbContext context)
    {
        for (int i = 0; i < _constraints.Length; i++)
            if (!_constraints[i].Matches(context)) return false;
        return true;
    }

    public override string ToString() => $"{Lemma} {ConstraintText} [{CodeText}]";
}

/// <summary>PETRARCH code syntax: "020", "---" (no event), "042:043" (paired), ":173" (roles swapped).</summary>
public static class LexiconCode
{
    public static bool TryParse(string text, out string? code, out string? paired, out bool reversed)
    {
        code = null; paired = null; reversed = false;
        if (text == "---") return true;
        int colon = text.IndexOf(':');
        if (colon < 0) { code = text; return IsCode(text); }
        var first = text[..colon];
        var second = text[(colon + 1)..];
        if (first.Length == 0)
        {
            code = second; reversed = true;
            return IsCode(second);
        }
        code = first;
        paired = second == "---" ? null : second;
        return IsCode(first) && (paired == null || IsCode(paired));
    }

    public static string Format(string? code, string? paired, bool reversed) =>
        reversed ? ":" + code : code == null ? "---" : paired == null ? code : code + ":" + paired;

    public static bool IsCode(string s) => s.Length is >= 2 and <= 4 && s.All(char.IsAsciiDigit);
}
