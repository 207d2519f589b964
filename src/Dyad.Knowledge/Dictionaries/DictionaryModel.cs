namespace Dyad.Knowledge.Dictionaries;

/// <summary>Where a dictionary entry or code came from: the file name (as given to the importer) and 1-based line.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// A closed date interval; a null end is open. Both ends are inclusive: [USAGOV 180426-210120] holds on 26 April
/// 2018 and on 20 January 2021. "&lt;D" is (open, D], "&gt;D" is [D, open).
/// </summary>
public readonly record struct DateInterval(DateOnly? From, DateOnly? To)
{
    public static DateInterval Always => default;

    public bool IsAlways => From == null && To == null;

    public bool Contains(DateOnly date) => (From == null || date >= From.Value) && (To == null || date <= To.Value);

    public override string ToString() => IsAlways ? "always" : $"{From?.ToString("yyyy-MM-dd") ?? "…"}..{To?.ToString("yyyy-MM-dd") ?? "…"}";
}

/// <summary>A code with the dates on which it applies, and the line that stated it.</summary>
public sealed record DatedCode(string Code, DateInterval When, SourceLocation Source);

/// <summary>How a phrase entered the dictionary.</summary>
public enum EntryRule
{
    /// <summary>The primary phrase of a record.</summary>
    Primary,
    /// <summary>A '+' synonym line sharing the record's codes.</summary>
    Synonym,
    /// <summary>An automatically formed regular plural (agents).</summary>
    RegularPlural,
    /// <summary>A plural given in {...} (agents).</summary>
    IrregularPlural,
    /// <summary>A form produced by a !SUBSTITUTION! marker (agents).</summary>
    Substitution,
    /// <summary>An entry of a user dictionary; it replaces shipped entries for the same phrase.</summary>
    User,
}

/// <summary>
/// An actor phrase with its codes. On a date, the first restriction (in file order) whose interval holds wins;
/// otherwise the default code applies; otherwise the entry gives no code on that date.
/// </summary>
public sealed record ActorEntry(
    string Phrase,
    string RootPhrase,
    EntryRule Rule,
    SourceLocation Source,
    DatedCode? Default,
    IReadOnlyList<DatedCode> Restrictions)
{
    /// <summary>The code that applies on <paramref name="date"/>, with the line that gave it, or null.</summary>
    public DatedCode? CodeOn(DateOnly date)
    {
        var restrictions = Restrictions;
        for (int i = 0; i < restrictions.Count; i++) // indexing: foreach over the interface would allocate an enumerator
            if (restrictions[i].When.Contains(date)) return restrictions[i];
        return Default;
    }
}

/// <summary>Where an agent code attaches: "~GOV" after the actor's code (USA + GOV), "NGO~" before it.</summary>
public enum AgentPosition { Suffix, Prefix }

/// <summary>An agent phrase ("foreign minister") with its code (GOV) and where that code attaches.</summary>
public sealed record AgentEntry(string Phrase, string RootPhrase, EntryRule Rule, SourceLocation Source, string Code, AgentPosition Position)
{
    public string Written => Position == AgentPosition.Suffix ? "~" + Code : Code + "~";
}

/// <summary>A discard phrase: a sentence (or, when <see cref="WholeStory"/>, a story) containing it is not coded.</summary>
public sealed record DiscardEntry(string Phrase, bool WholeStory, bool WholeWord, SourceLocation Source);

public enum ProblemSeverity { Warning, Error }

/// <summary>A problem found while reading a dictionary; errors mean the line (or part of it) was skipped.</summary>
public sealed record DictionaryProblem(SourceLocation Source, ProblemSeverity Severity, string Message)
{
    public override string ToString() => $"{Source}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
