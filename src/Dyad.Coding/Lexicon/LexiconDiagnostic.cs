namespace Dyad.Coding.Lexicon;

/// <summary>A problem found in a dictionary line; the line is skipped and loading goes on.</summary>
public sealed record LexiconDiagnostic(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Where a lexicon entry comes from, so coded events can name the rule that produced them.</summary>
public sealed record Provenance(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line} {Text}";
}
