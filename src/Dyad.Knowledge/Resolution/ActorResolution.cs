namespace Dyad.Knowledge.Resolution;

/// <summary>
/// The actor a noun phrase refers to: its CAMEO <see cref="Code"/>, the tokens that gave it (0-based, <see cref="End"/>
/// exclusive; word positions for <see cref="ActorResolver.ResolveText"/>), the rule that fired and why, so every
/// coded event can explain its actors.
/// </summary>
public sealed record ActorResolution(string Code, int Start, int End, string Rule, string Explanation)
{
    public const string DictionaryRule = "dictionary";
    public const string CapitalRule = "capital";
    public const string CountryRule = "country";
    public const string RegionRule = "region";
    public const string AgentCountryRule = "agent+country";
    public const string AgentRule = "agent";
    /// <summary>An agent whose country the document, not its own phrase, supplies (docs/coding.md "Context").</summary>
    public const string AgentContextRule = "agent+context";
    public const string AppositionRule = "apposition";
}
