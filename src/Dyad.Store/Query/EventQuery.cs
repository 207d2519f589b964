namespace Dyad.Store.Query;

/// <summary>
/// Filters over deduplicated events; every filter set must hold (AND). Actor codes match as prefixes, so "CHN"
/// matches "CHNGOV" and "CHNMIL" (docs/store.md "Queries").
/// </summary>
public sealed record EventQuery
{
    /// <summary>Either the source or the target starts with this code.</summary>
    public string? Actor { get; init; }
    public string? Source { get; init; }
    public string? Target { get; init; }
    /// <summary>One actor is the source and the other the target, in either direction.</summary>
    public (string A, string B)? Dyad { get; init; }
    /// <summary>Exact CAMEO code ("111").</summary>
    public string? Code { get; init; }
    /// <summary>CAMEO root code ("11").</summary>
    public string? Root { get; init; }
    /// <summary>Quad class 1 to 4.</summary>
    public int? Quad { get; init; }
    /// <summary>First event date included.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last event date included.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Words that must all occur (any case) in one mention's sentence.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>The period <c>dyad stats --by</c> groups events into.</summary>
public enum StatsPeriod { Day, Week, Month }

/// <summary>Events of one period: counts per quad class and the Goldstein scale summed and averaged.</summary>
/// <param name="Start">First day of the period (weeks start on Monday).</param>
public sealed record PeriodStats(DateOnly Start, long Events, long Quad1, long Quad2, long Quad3, long Quad4, double GoldsteinSum, double GoldsteinMean, long Mentions);

/// <summary>What <c>dyad top</c> ranks.</summary>
public enum TopKind { Actors, Dyads, Codes }

/// <summary>One ranked actor, dyad ("USA CHN", source then target) or code, with its event and mention counts.</summary>
public sealed record TopEntry(string Key, long Events, long Mentions);

/// <summary>Row counts of the store's tables.</summary>
public sealed record StoreCounts(long Documents, long Sentences, long Events, long Mentions, long LearnedActors, long Runs);
