namespace Dyad.Coding.Evaluation;

/// <summary>
/// Who did what to whom, as gold sets write it: source and target CAMEO actor codes and the CAMEO event code. The
/// unit every event score counts (docs/evaluation.md).
/// </summary>
public readonly record struct EventTriple(string Source, string Target, string Code)
{
    public static EventTriple Of(CodedEvent e) => new(e.Source ?? "", e.Target ?? "", e.Code);

    /// <summary>The coarse form scored at level (a): two-digit root code and the first three letters of each actor code (its country).</summary>
    public EventTriple RootAndCountries() => new(Prefix(Source, 3), Prefix(Target, 3), Prefix(Code, 2));

    private static string Prefix(string s, int length) => s.Length <= length ? s : s[..length];

    public override string ToString() => $"{Source} {Target} {Code}";
}
