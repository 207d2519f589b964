using System.IO.Compression;

namespace Dyad.Knowledge.Actors;

/// <summary>What a three-letter CAMEO actor segment stands for.</summary>
public enum CameoSegmentKind
{
    Unknown = 0,
    /// <summary>A country or CAMEO region code (USA, KAZ, WSB, AFR).</summary>
    Country,
    /// <summary>An organisation class that opens a code in place of a country (IGO, NGO, NGM, IMG, MNC, INT, UIS).</summary>
    Organization,
    /// <summary>A role or sector (GOV, MIL, REB, HRI ...).</summary>
    Role,
    /// <summary>A named organisation (UNO, WHO, HMS ...).</summary>
    KnownGroup,
    /// <summary>An ethnic group (UIG, KUR ...); GDELT writes these in lower case.</summary>
    Ethnic,
    /// <summary>A religion (MOS, CHR, BUD ...).</summary>
    Religion,
    /// <summary>Marks a country segment that is also an ISO 3166-1 alpha-3 code (not a CAMEO region).</summary>
    IsoCountry,
}

/// <summary>One labelled entry of a CAMEO code table.</summary>
public sealed record CameoSegment(string Code, CameoSegmentKind Kind, string Label);

/// <summary>
/// The CAMEO actor code tables (countries/regions, roles/sectors, known groups, ethnic groups, religions), built by
/// <c>dyad dict import</c> from the GDELT lookup files into <c>models/cameo-codes.tsv.gz</c>.
/// </summary>
public sealed class CameoCodeTable
{
    public const string FileHeader = "#dyad-cameo-codes\t1";

    // Organisation prefixes that stand where a country would (CAMEO manual, actor codes chapter).
    private static readonly HashSet<string> OrganizationPrefixes = new(StringComparer.Ordinal) { "IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS" };

    private readonly Dictionary<string, List<CameoSegment>> _byCode = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    private Dictionary<string, List<CameoSegment>>? _byLabel;

    /// <summary>
    /// Segments whose label is this name ("Uyghur" -> ethnic UIG, "Amnesty International" -> known group AMN):
    /// how ethnic groups, religions and named organisations the actor dictionaries lack can still be coded.
    /// </summary>
    public IReadOnlyList<CameoSegment> ByLabel(string name)
    {
        var index = _byLabel;
        if (index == null)
        {
            index = new Dictionary<string, List<CameoSegment>>(StringComparer.Ordinal);
            foreach (var list in _byCode.Values)
                foreach (var s in list)
                {
                    if (s.Kind is CameoSegmentKind.IsoCountry || s.Label.Length == 0) continue;
                    var key = PhraseNormalizer.Normalize(s.Label);
                    if (!index.TryGetValue(key, out var l)) index[key] = l = [];
                    l.Add(s);
                }
            _byLabel = index;
        }
        return index.TryGetValue(PhraseNormalizer.Normalize(name), out var found) ? found : [];
    }

    public void Add(CameoSegment segment)
    {
        var code = segment.Code.ToUpperInvariant();
        if (!_byCode.TryGetValue(code, out var list)) _byCode[code] = list = [];
        if (!list.Exists(s => s.Kind == segment.Kind)) list.Add(segment with { Code = code });
        _byLabel = null;
    }

    /// <summary>All meanings of a segment (UNO is both a role and a known group).</summary>
    public IReadOnlyList<CameoSegment> Meanings(string segment) =>
        _byCode.TryGetValue(segment.ToUpperInvariant(), out var list) ? list : [];

    public bool Has(string segment, CameoSegmentKind kind)
    {
        if (_byCode.TryGetValue(segment, out var list))
            foreach (var s in list) if (s.Kind == kind) return true;
        return false;
    }

    public bool IsOrganizationPrefix(string segment) => OrganizationPrefixes.Contains(segment);

    public string? Label(string segment, CameoSegmentKind kind)
    {
        if (_byCode.TryGetValue(segment, out var list))
            foreach (var s in list) if (s.Kind == kind) return s.Label;
        return null;
    }

    /// <summary>Reads the GDELT lookup files CAMEO.{country,type,knowngroup,ethnic,religion}.txt (CODE&lt;TAB&gt;LABEL, header line).</summary>
    /// <param name="isoCountries">ISO 3166 countries (alpha-3, English name): marked as ISO, and added when GDELT's
    /// table lacks them (it predates ROU, MNE, SSD, which the Phoenix dictionaries use).</param>
    public static CameoCodeTable FromGdeltLookups(string folder, IEnumerable<(string Iso3, string Name)> isoCountries)
    {
        var table = new CameoCodeTable();
        Read("CAMEO.country.txt", CameoSegmentKind.Country);
        Read("CAMEO.type.txt", CameoSegmentKind.Role);
        Read("CAMEO.knowngroup.txt", CameoSegmentKind.KnownGroup);
        Read("CAMEO.ethnic.txt", CameoSegmentKind.Ethnic);
        Read("CAMEO.religion.txt", CameoSegmentKind.Religion);
        // The type table lists the organisation classes among the roles; mark them as organisations too.
        foreach (var prefix in OrganizationPrefixes)
            table.Add(new CameoSegment(prefix, CameoSegmentKind.Organization, table.Label(prefix, CameoSegmentKind.Role) ?? prefix));
        foreach (var (iso, name) in isoCountries)
        {
            if (!table.Has(iso, CameoSegmentKind.Country)) table.Add(new CameoSegment(iso, CameoSegmentKind.Country, name));
            table.Add(new CameoSegment(iso, CameoSegmentKind.IsoCountry, ""));
        }
        // Codes the Phoenix dictionaries use that neither GDELT's table nor ISO 3166-1 has.
        foreach (var (code, name) in new[] { ("KSV", "Kosovo"), ("DDR", "East Germany"), ("YUG", "Yugoslavia"), ("SUN", "Soviet Union"), ("CSK", "Czechoslovakia") })
            if (!table.Has(code, CameoSegmentKind.Country)) table.Add(new CameoSegment(code, CameoSegmentKind.Country, name));
        return table;

        void Read(string file, CameoSegmentKind kind)
        {
            var path = Path.Combine(folder, file);
            int lineNumber = 0;
            foreach (var raw in File.ReadLines(path))
            {
                lineNumber++;
                var line = raw.TrimEnd('\r');
                if (lineNumber == 1 && line.StartsWith("CODE", StringComparison.Ordinal)) continue;
                if (line.Length == 0) continue;
                var tab = line.IndexOf('\t');
                if (tab != 3) throw new FormatException($"{path}:{lineNumber}: expected a three-letter code, a tab and a label");
                table.Add(new CameoSegment(line[..3], kind, line[(tab + 1)..].Trim()));
            }
        }
    }

    public void Save(string path)
    {
        using var stream = new GZipStream(File.Create(path), CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(stream) { NewLine = "\n" };
        writer.WriteLine(FileHeader);
        foreach (var code in _byCode.Keys.Order(StringComparer.Ordinal))
            foreach (var s in _byCode[code])
                writer.WriteLine($"{s.Kind}\t{s.Code}\t{s.Label}");
    }

    public static CameoCodeTable Load(string path)
    {
        var table = new CameoCodeTable();
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header != FileHeader) throw new FormatException($"{path}:1: not a Dyad CAMEO code table (expected '{FileHeader}')");
        int lineNumber = 1;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            var parts = line.Split('\t');
            if (parts.Length != 3 || !Enum.TryParse<CameoSegmentKind>(parts[0], out var kind))
                throw new FormatException($"{path}:{lineNumber}: expected KIND<TAB>CODE<TAB>LABEL");
            table.Add(new CameoSegment(parts[1], kind, parts[2]));
        }
        return table;
    }
}
