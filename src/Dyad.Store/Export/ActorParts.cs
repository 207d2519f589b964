using Dyad.Knowledge.Actors;

namespace Dyad.Store.Export;

/// <summary>
/// A CAMEO actor code taken apart into the fields the published event formats carry separately: GDELT's country,
/// known group, ethnic, religion and type columns, PLOVER's country and sector, ICEWS's country name and sectors.
/// </summary>
public sealed record ActorParts
{
    /// <summary>The full code ("USAGOV").</summary>
    public required string Code { get; init; }
    /// <summary>Country or CAMEO region segment ("USA", "WSB"), or null.</summary>
    public string? Country { get; init; }
    /// <summary>English name of <see cref="Country"/> from the CAMEO tables ("United States").</summary>
    public string? CountryName { get; init; }
    /// <summary>The country segment when it is an ISO 3166 alpha-3 code (not a CAMEO region).</summary>
    public string? CountryIso3 { get; init; }
    /// <summary>The organisation class heading the code (IGO, NGO, IMG, MNC ...), or null.</summary>
    public string? Organization { get; init; }
    public string? KnownGroup { get; init; }
    public string? Ethnic { get; init; }
    public string? Religion1 { get; init; }
    public string? Religion2 { get; init; }
    /// <summary>Up to three type codes: the organisation class first (as GDELT writes IGO), then the roles.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
    /// <summary>Labels of the organisation class and roles ("Government", "Military"), for ICEWS's sectors.</summary>
    public IReadOnlyList<string> SectorNames { get; init; } = [];
    /// <summary>PLOVER's sector: the first role, else the known group, ethnic group or religion.</summary>
    public string? Sector { get; init; }
    /// <summary>A readable name built from the segment labels ("United States Government").</summary>
    public string? Name { get; init; }
}

/// <summary>
/// Splits actor codes with the CAMEO code tables, caching each distinct code (an export sees the same few thousand
/// codes millions of times). A code the tables cannot read keeps only <see cref="ActorParts.Code"/>.
/// </summary>
public sealed class ActorDecoder
{
    private readonly CameoCodeTable? _table;
    private readonly Dictionary<string, ActorParts> _cache = new(StringComparer.Ordinal);

    /// <param name="table">The CAMEO tables; null decodes nothing (every code keeps only its text).</param>
    public ActorDecoder(CameoCodeTable? table) => _table = table;

    /// <summary>A decoder over the shipped tables (models/cameo-codes.tsv.gz), or a code-only one when they are missing.</summary>
    public static ActorDecoder Shipped()
    {
        try
        {
            return new ActorDecoder(CameoCodeTable.Load(Dyad.Knowledge.ModelFiles.Find(Dyad.Knowledge.ModelFiles.CameoCodes)));
        }
        catch (FileNotFoundException)
        {
            return new ActorDecoder(null);
        }
    }

    /// <summary>English name of a CAMEO country or region code ("KAZ" -> "Kazakhstan"), or null.</summary>
    public string? CountryName(string? code) =>
        code is null || _table is null ? null : _table.Label(code, CameoSegmentKind.Country);

    public ActorParts? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        if (_cache.TryGetValue(code, out var parts)) return parts;
        parts = Split(code);
        _cache[code] = parts;
        return parts;
    }

    private ActorParts Split(string text)
    {
        if (_table is null || !ActorCode.TryParse(text, _table, out var code, out _) || code is null)
            return new ActorParts { Code = text };
        string? knownGroup = null, ethnic = null, religion1 = null, religion2 = null;
        var types = new List<string>(3);
        var sectorNames = new List<string>(3);
        if (code.Organization is { } organization)
        {
            types.Add(organization);
            sectorNames.Add(_table.Label(organization, CameoSegmentKind.Organization) ?? organization);
        }
        foreach (var segment in code.Segments)
        {
            switch (segment.Kind)
            {
                case CameoSegmentKind.Role:
                    if (types.Count < 3) types.Add(segment.Code);
                    sectorNames.Add(segment.Label);
                    break;
                case CameoSegmentKind.KnownGroup: knownGroup ??= segment.Code; break;
                case CameoSegmentKind.Ethnic: ethnic ??= segment.Code; break;
                case CameoSegmentKind.Religion:
                    if (religion1 is null) religion1 = segment.Code;
                    else religion2 ??= segment.Code;
                    break;
            }
        }
        return new ActorParts
        {
            Code = code.Code,
            Country = code.Country,
            CountryName = CountryName(code.Country),
            CountryIso3 = code.CountryIso3,
            Organization = code.Organization,
            KnownGroup = knownGroup,
            // GDELT writes ethnic codes in lower case ("kur"), which keeps them apart from the same letters as a country.
            Ethnic = ethnic?.ToLowerInvariant(),
            Religion1 = religion1,
            Religion2 = religion2,
            Types = types,
            SectorNames = sectorNames,
            Sector = code.Sector,
            Name = code.Name,
        };
    }
}
