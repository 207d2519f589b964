namespace Dyad.Coding.Ontology;

/// <summary>
/// One CAMEO event code with the attributes event records carry: its name, two-digit root, quad class
/// (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict), Goldstein score and the
/// PLOVER event type and mode it maps to (empty when PLOVER drops the category, as it does CAMEO 01 and 02).
/// </summary>
public sealed record EventType(string Code, string Name, string Root, int Quad, double Goldstein, string PloverType, string PloverMode)
{
    /// <summary>PLOVER context(s) for the code, "; "-separated (e.g. "economic", "crime; corruption"); empty when none.</summary>
    public string PloverContext { get; init; } = "";

    /// <summary>Quad class of a two-digit CAMEO root, by the GDELT convention (01-05, 06-09, 10-14, 15-20).</summary>
    public static int QuadOf(string root)
    {
        if (root.Length != 2 || !char.IsAsciiDigit(root[0]) || !char.IsAsciiDigit(root[1]))
            throw new ArgumentException($"not a two-digit CAMEO root: \"{root}\"", nameof(root));
        int value = (root[0] - '0') * 10 + (root[1] - '0');
        return value switch
        {
            >= 1 and <= 5 => 1,
            >= 6 and <= 9 => 2,
            >= 10 and <= 14 => 3,
            >= 15 and <= 20 => 4,
            _ => throw new ArgumentException($"CAMEO root out of range 01-20: \"{root}\"", nameof(root)),
        };
    }
}
