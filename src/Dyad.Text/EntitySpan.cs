namespace Dyad.Text;

/// <summary>
/// A named-entity mention over a sentence's tokens: the half-open token range [Start, End) and its type
/// ("PER", "ORG" or "LOC"). Token indexes, not character offsets, so it stays valid however the text is sliced;
/// character offsets are <c>Tokens[Start].Start</c> .. <c>Tokens[End - 1].End</c>.
/// </summary>
public readonly record struct EntitySpan(int Start, int End, string Type)
{
    public int Length => End - Start;

    public override string ToString() => $"{Type}[{Start},{End})";
}
