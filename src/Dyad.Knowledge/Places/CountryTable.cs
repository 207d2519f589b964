namespace Dyad.Knowledge.Places;

/// <summary>
/// Countries by name/alias ("U.S.", "the States", "America"), demonym/adjective ("Kazakh", "American"), capital
/// ("Beijing", "Washington", "Astana", "Nur-Sultan"), ISO3, and first-level regions mapped to their country
/// ("Xinjiang" -> CHN). All lookups take any case and punctuation; a leading "the" is optional.
/// </summary>
public sealed class CountryTable
{
    private readonly Dictionary<string, Country> _byIso3 = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Country> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _byDemonym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _byCapital = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Region>> _regions = new(StringComparer.Ordinal);

    public CountryTable(IEnumerable<Country> countries, IEnumerable<Region> regions)
    {
        var list = countries.ToList();
        Countries = list;
        foreach (var c in list)
        {
            _byIso3[c.Iso3] = c;
            // Kosovo is KSV (CAMEO); its ISO user-assigned code XKX still finds it.
            if (CameoCountryCodes.IsoAlias(c.Iso3) is { } iso) _byIso3.TryAdd(iso, c);
        }
        // Names shared by two countries go to the first that claims them: names before aliases, and sovereign states
        // before dependencies ("American" is the USA, not the Northern Mariana Islands).
        var ordered = list.Where(c => c.Sovereign).Concat(list.Where(c => !c.Sovereign)).ToList();
        foreach (var c in ordered) Add(_byName, c.Name, c);
        foreach (var c in ordered) foreach (var a in c.Aliases) Add(_byName, a, c);
        foreach (var c in ordered) foreach (var d in c.Demonyms) Add(_byDemonym, d, c);
        foreach (var c in ordered) foreach (var k in c.Capitals) Add(_byCapital, k, c);
        var regionList = regions.ToList();
        Regions = regionList;
        foreach (var r in regionList)
            foreach (var v in r.Variants.Prepend(r.Name))
            {
                var key = PhraseNormalizer.Normalize(v);
                if (key.Length == 0) continue;
                if (!_regions.TryGetValue(key, out var l)) _regions[key] = l = [];
                if (!l.Contains(r)) l.Add(r);
            }
    }

    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<Region> Regions { get; }

    public Country? ByIso3(string iso3) => _byIso3.GetValueOrDefault(iso3);
    public Country? ByName(string name) => Find(_byName, name);
    public Country? ByDemonym(string demonym) => Find(_byDemonym, demonym);
    public Country? ByCapital(string capital) => Find(_byCapital, capital);

    /// <summary>The regions with this name, in source order ("Punjab" is in India and Pakistan).</summary>
    public IReadOnlyList<Region> RegionsNamed(string name) =>
        _regions.TryGetValue(PhraseNormalizer.Normalize(name), out var l) ? l : [];

    /// <summary>The country of the first region with this name ("Xinjiang" -> CHN), or null.</summary>
    public Country? RegionToCountry(string name)
    {
        var regions = RegionsNamed(name);
        return regions.Count == 0 ? null : ByIso3(regions[0].CountryIso3);
    }

    private static void Add(Dictionary<string, Country> map, string name, Country c)
    {
        var key = PhraseNormalizer.Normalize(name);
        if (key.Length > 0) map.TryAdd(key, c);
    }

    private static Country? Find(Dictionary<string, Country> map, string name)
    {
        var key = PhraseNormalizer.Normalize(name);
        if (map.TryGetValue(key, out var c)) return c;
        return key.StartsWith("the ", StringComparison.Ordinal) && map.TryGetValue(key[4..], out c) ? c : null;
    }
}
