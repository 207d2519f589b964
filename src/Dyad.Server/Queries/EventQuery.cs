namespace Dyad.Server.Queries;

/// <summary>
/// The filters every read endpoint accepts, the same ones <c>dyad query</c> takes: all given filters must hold.
/// Actor codes match by prefix ("USA" matches "USAGOV"); a dyad matches either direction.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Source or target actor code prefix.</summary>
    public string? Actor { get; init; }
    public string? Source { get; init; }
    public string? Target { get; init; }
    /// <summary>Two actor code prefixes; events between them in either direction.</summary>
    public (string A, string B)? Dyad { get; init; }
    /// <summary>CAMEO code prefix ("11" matches "111").</summary>
    public string? Code { get; init; }
    /// <summary>CAMEO root code (two digits).</summary>
    public string? Root { get; init; }
    /// <summary>Quad class 1..4.</summary>
    public int? Quad { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Words that must all appear in the evidence sentence (case-insensitive).</summary>
    public string? Text { get; init; }

    public static readonly EventQuery All = new();
}

/// <summary>Time buckets of a stats series.</summary>
public enum SeriesBucket { Day, Week, Month }
