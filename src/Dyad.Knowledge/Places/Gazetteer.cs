using System.IO.Compression;
using System.Text;

namespace Dyad.Knowledge.Places;

/// <summary>
/// Countries, first-level regions and GeoNames places (population >= 1000), looked up by name. Each name maps to a
/// precomputed, ranked candidate list: the country of that name first, then national capitals and cities of a
/// million or more, then regions, then other places by feature class (PPLA, PPLA2, ..., PPL) and population.
/// Load once (<see cref="Load"/>); lookups are thread-safe and allocate nothing.
/// </summary>
public sealed class Gazetteer
{
    public const string Magic = "DYADPLACES";
    public const int FormatVersion = 2;
    public const string FileName = "places.bin";

    private static readonly PlaceCandidate[] None = [];
    private readonly Dictionary<string, PlaceCandidate[]> _byName;
    private readonly Dictionary<string, PlaceCandidate[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private readonly IReadOnlyList<PlaceCandidate> _places;
    private readonly IReadOnlyDictionary<int, string[]> _alternateNames;

    private Gazetteer(CountryTable countries, Dictionary<string, PlaceCandidate[]> byName, IReadOnlyList<PlaceCandidate> places, IReadOnlyDictionary<int, string[]> alternateNames)
    {
        _places = places;
        _alternateNames = alternateNames;
        Countries = countries;
        _byName = byName;
        _bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        PlaceCount = places.Count;
    }

    private static readonly Lazy<Gazetteer> ShippedIndex = new(() => Load(ModelFiles.Find(ModelFiles.Places)));

    /// <summary>The shipped models/places.bin, loaded once per process and shared (the resolver and the event placer both use it).</summary>
    public static Gazetteer Shipped => ShippedIndex.Value;

    public CountryTable Countries { get; }
    public int PlaceCount { get; }
    public int NameCount => _byName.Count;

    /// <summary>Ranked candidates for a name in any case/punctuation ("PARIS", "Nur-Sultan"); empty when unknown.</summary>
    public IReadOnlyList<PlaceCandidate> Lookup(string name) => Lookup(name.AsSpan());

    public IReadOnlyList<PlaceCandidate> Lookup(ReadOnlySpan<char> name)
    {
        if (name.Length > 128) return _byName.GetValueOrDefault(PhraseNormalizer.Normalize(name)) ?? None;
        Span<char> buffer = stackalloc char[name.Length * 2 + 1];
        int n = PhraseNormalizer.Normalize(name, buffer);
        var key = buffer[..n];
        if (_bySpan.TryGetValue(key, out var found)) return found;
        if (key.StartsWith("the ") && _bySpan.TryGetValue(key[4..], out found)) return found;
        return None;
    }

    /// <summary>
    /// Builds the name index from countries, regions and places (their order does not matter) and optional alternate
    /// names of places by GeoNames id (newer names such as "Astana" for "Nur-Sultan").
    /// </summary>
    public static Gazetteer Build(CountryTable countries, IReadOnlyList<PlaceCandidate> places, IReadOnlyDictionary<int, string[]>? alternateNames = null)
    {
        alternateNames ??= new Dictionary<int, string[]>();
        var lists = new Dictionary<string, List<PlaceCandidate>>(StringComparer.Ordinal);
        void Add(string name, PlaceCandidate c)
        {
            var key = PhraseNormalizer.Normalize(name);
            if (key.Length == 0) return;
            if (!lists.TryGetValue(key, out var l)) lists[key] = l = [];
            if (!l.Contains(c)) l.Add(c);
        }
        foreach (var c in countries.Countries.OrderBy(c => c.Sovereign ? 0 : 1))
        {
            var candidate = new PlaceCandidate(PlaceKind.Country, c.Name, c.Iso3, "", 0, "PCLI", 0, float.NaN, float.NaN);
            Add(c.Name, candidate);
            foreach (var a in c.Aliases) Add(a, candidate);
        }
        foreach (var r in countries.Regions)
        {
            var candidate = new PlaceCandidate(PlaceKind.Region, r.Name, r.CountryIso3, r.Admin1Code, 0, "ADM1", 0, float.NaN, float.NaN);
            Add(r.Name, candidate);
            foreach (var v in r.Variants) Add(v, candidate);
        }
        foreach (var p in places)
        {
            Add(p.Name, p);
            if (alternateNames.TryGetValue(p.GeonamesId, out var alternates))
                foreach (var a in alternates) Add(a, p);
        }
        var byName = new Dictionary<string, PlaceCandidate[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            list.Sort(Compare);
            byName[key] = list.ToArray();
        }
        return new Gazetteer(countries, byName, places, alternateNames);
    }

    private static int Rank(PlaceCandidate c) => c.Kind switch
    {
        PlaceKind.Country => 0,
        PlaceKind.Place when c.FeatureCode == "PPLC" || c.Population >= 1_000_000 => 1,
        PlaceKind.Region => 2,
        _ => 3,
    };

    private static int FeatureRank(string code) => code switch
    {
        "PPLC" => 0, "PPLA" => 1, "PPLG" => 2, "PPLA2" => 3, "PPLA3" => 4, "PPLA4" => 5, "PPL" => 6, _ => 7,
    };

    private static int Compare(PlaceCandidate a, PlaceCandidate b)
    {
        int c = Rank(a).CompareTo(Rank(b));
        if (c != 0) return c;
        if (a.Kind == PlaceKind.Place && b.Kind == PlaceKind.Place)
        {
            // Among big places population decides; among small ones the administrative weight comes first.
            if (Rank(a) == 1) return b.Population.CompareTo(a.Population);
            c = FeatureRank(a.FeatureCode).CompareTo(FeatureRank(b.FeatureCode));
            if (c != 0) return c;
            c = b.Population.CompareTo(a.Population);
            if (c != 0) return c;
            return a.GeonamesId.CompareTo(b.GeonamesId);
        }
        return string.CompareOrdinal(a.CountryIso3 + a.Admin1Code, b.CountryIso3 + b.Admin1Code);
    }

    // ------------------------------------------------------------------ file format

    /// <summary>
    /// Writes the compact index: gzip of "DYADPLACES", version, countries (ISO3, ISO2, name, aliases, demonyms,
    /// capitals, sovereign flag), regions (country, admin1 code, name, variants), places (GeoNames id, name, country,
    /// admin1, feature code, population, latitude, longitude as float, alternate names).
    /// </summary>
    public void Save(string path) => Save(path, Countries, _places, _alternateNames);

    public static void Save(string path, CountryTable countries, IReadOnlyList<PlaceCandidate> places, IReadOnlyDictionary<int, string[]> alternateNames)
    {
        using var stream = new GZipStream(File.Create(path), CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(countries.Countries.Count);
        foreach (var c in countries.Countries)
        {
            w.Write(c.Iso3); w.Write(c.Iso2); w.Write(c.Name);
            WriteList(w, c.Aliases); WriteList(w, c.Demonyms); WriteList(w, c.Capitals); w.Write(c.Sovereign);
        }
        w.Write(countries.Regions.Count);
        foreach (var r in countries.Regions)
        {
            w.Write(r.CountryIso3); w.Write(r.Admin1Code); w.Write(r.Name); WriteList(w, r.Variants);
        }
        w.Write(places.Count);
        foreach (var p in places)
        {
            w.Write(p.GeonamesId); w.Write(p.Name); w.Write(p.CountryIso3); w.Write(p.Admin1Code); w.Write(p.FeatureCode);
            w.Write(p.Population); w.Write(p.Latitude); w.Write(p.Longitude);
            WriteList(w, alternateNames.TryGetValue(p.GeonamesId, out var alternates) ? alternates : []);
        }
    }

    public static Gazetteer Load(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (r.ReadString() != Magic) throw new FormatException($"{path}: not a Dyad places index");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new FormatException($"{path}: places index version {version}, this Dyad reads {FormatVersion}; rerun 'dyad dict import'");
            var countries = new Country[r.ReadInt32()];
            for (int i = 0; i < countries.Length; i++)
                countries[i] = new Country(CameoCountryCodes.FromIso3(r.ReadString()), r.ReadString(), r.ReadString(), ReadList(r), ReadList(r), ReadList(r), r.ReadBoolean());
            var regions = new Region[r.ReadInt32()];
            for (int i = 0; i < regions.Length; i++)
            {
                var iso3 = CameoCountryCodes.FromIso3(r.ReadString()); var code = r.ReadString(); var name = r.ReadString();
                regions[i] = new Region(name, iso3, code, ReadList(r));
            }
            var places = new PlaceCandidate[r.ReadInt32()];
            var alternateNames = new Dictionary<int, string[]>();
            var interned = new Dictionary<string, string>(StringComparer.Ordinal);
            string Intern(string s) { if (interned.TryGetValue(s, out var v)) return v; interned[s] = s; return s; }
            for (int i = 0; i < places.Length; i++)
            {
                var id = r.ReadInt32(); var name = r.ReadString(); var iso3 = Intern(CameoCountryCodes.FromIso3(r.ReadString())); var admin1 = Intern(r.ReadString());
                var feature = Intern(r.ReadString()); var population = r.ReadInt32(); var lat = r.ReadSingle(); var lon = r.ReadSingle();
                places[i] = new PlaceCandidate(PlaceKind.Place, name, iso3, admin1, id, feature, population, lat, lon);
                var alternates = ReadList(r);
                if (alternates.Length > 0) alternateNames[id] = alternates;
            }
            return Build(new CountryTable(countries, regions), places, alternateNames);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException($"{path}: places index is truncated", e);
        }
    }

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var s in items) w.Write(s);
    }

    private static string[] ReadList(BinaryReader r)
    {
        var items = new string[r.ReadInt32()];
        for (int i = 0; i < items.Length; i++) items[i] = r.ReadString();
        return items;
    }
}
