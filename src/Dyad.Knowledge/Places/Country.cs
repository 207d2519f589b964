namespace Dyad.Knowledge.Places;

/// <summary>A country or territory with the names news text uses for it; <see cref="Sovereign"/> is false for dependencies (Northern Mariana Islands).</summary>
public sealed record Country(
    string Iso3,
    string Iso2,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    bool Sovereign)
{
    public override string ToString() => $"{Iso3} {Name}";
}

/// <summary>A first-level subdivision (state, province, oblast) of a country.</summary>
public sealed record Region(string Name, string CountryIso3, string Admin1Code, IReadOnlyList<string> Variants)
{
    public override string ToString() => $"{Name} ({CountryIso3}.{Admin1Code})";
}

/// <summary>What a gazetteer candidate is.</summary>
public enum PlaceKind { Country, Region, Place }

/// <summary>
/// One reading of a place name. Countries and regions have no GeoNames id (0) and, for countries, no coordinates.
/// FeatureCode is GeoNames' (PPLC national capital, PPLA admin1 seat, PPLA2.., PPL populated place).
/// </summary>
public sealed record PlaceCandidate(
    PlaceKind Kind,
    string Name,
    string CountryIso3,
    string Admin1Code,
    int GeonamesId,
    string FeatureCode,
    int Population,
    float Latitude,
    float Longitude)
{
    public override string ToString() => Kind switch
    {
        PlaceKind.Country => $"country {Name} ({CountryIso3})",
        PlaceKind.Region => $"region {Name} ({CountryIso3}.{Admin1Code})",
        _ => $"{Name} ({CountryIso3}.{Admin1Code}, {FeatureCode}, pop {Population}, geonames {GeonamesId}, {Latitude:F4},{Longitude:F4})",
    };
}
