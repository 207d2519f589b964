namespace Dyad.Knowledge.Actors;

/// <summary>
/// A CAMEO actor code such as USAGOV, CHNMIL, IGOUNO, NGOHRI, CHNUIG or UIG, split into its three-letter segments:
/// an optional head (a country/region, or an organisation class such as IGO), then roles, sectors, known groups,
/// ethnic groups and religions. PLOVER-style fields (country ISO3, sector, name) are derived from the segments.
/// </summary>
public sealed class ActorCode : IEquatable<ActorCode>
{
    private ActorCode(string code, string? country, string? organization, CameoSegment[] segments, string name, bool countryIsIso)
    {
        CountryIso3 = countryIsIso ? country : null;
        Code = code;
        Country = country;
        Organization = organization;
        Segments = segments;
        Name = name;
    }

    /// <summary>The code as written, upper case ("USAGOV").</summary>
    public string Code { get; }

    /// <summary>The country or CAMEO region segment ("USA", "WSB"), or null for IGO/NGO codes and bare groups.</summary>
    public string? Country { get; }

    /// <summary>The organisation class that heads the code ("IGO", "NGO", "IMG" ...), or null.</summary>
    public string? Organization { get; }

    /// <summary>Segments after the head: roles/sectors, known groups, ethnic groups, religions, dependencies/locations (countries), in code order.</summary>
    public IReadOnlyList<CameoSegment> Segments { get; }

    /// <summary>A readable name built from the segment labels ("United States Government").</summary>
    public string Name { get; }

    /// <summary>PLOVER's country field: the country segment when it is an ISO 3166 alpha-3 country (not a CAMEO region such as AFR or WSB), else null.</summary>
    public string? CountryIso3 { get; }

    /// <summary>PLOVER's sector field: the first role segment ("GOV" for USAGOVMIL), or the known group for IGOs.</summary>
    public string? Sector
    {
        get
        {
            foreach (var s in Segments) if (s.Kind == CameoSegmentKind.Role) return s.Code;
            foreach (var s in Segments) if (s.Kind is CameoSegmentKind.KnownGroup or CameoSegmentKind.Ethnic or CameoSegmentKind.Religion) return s.Code;
            return null;
        }
    }

    public IEnumerable<string> Roles { get { foreach (var s in Segments) if (s.Kind == CameoSegmentKind.Role) yield return s.Code; } }

    public static bool TryParse(string text, CameoCodeTable table, out ActorCode? code, out string? error)
    {
        code = null;
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Length == 0 || upper.Length % 3 != 0)
        {
            error = $"'{text}' is not a sequence of three-letter segments";
            return false;
        }
        foreach (var c in upper)
            if (c is not (>= 'A' and <= 'Z'))
            {
                error = $"'{text}' contains '{c}'; CAMEO actor codes are letters only";
                return false;
            }
        string? country = null, organization = null;
        int start = 0;
        var head = upper[..3];
        if (table.Has(head, CameoSegmentKind.Country)) { country = head; start = 3; }
        else if (table.Has(head, CameoSegmentKind.Organization)) { organization = head; start = 3; }
        var segments = new List<CameoSegment>();
        for (int i = start; i < upper.Length; i += 3)
        {
            var seg = upper.Substring(i, 3);
            var meaning = Pick(table, seg, segments.Count == 0 && organization != null);
            if (meaning == null)
            {
                error = i == 0
                    ? $"'{text}': '{seg}' is not a CAMEO country, organisation, role, group, ethnic or religion code"
                    : $"'{text}': segment '{seg}' at position {i + 1} is not a CAMEO role, group, ethnic or religion code";
                return false;
            }
            segments.Add(meaning);
        }
        var parts = new List<string>();
        if (country != null) parts.Add(table.Label(country, CameoSegmentKind.Country) ?? country);
        if (organization != null && segments.Count == 0) parts.Add(table.Label(organization, CameoSegmentKind.Organization) ?? organization);
        foreach (var s in segments) parts.Add(s.Label);
        code = new ActorCode(upper, country, organization, segments.ToArray(), string.Join(' ', parts),
            country != null && table.Has(country, CameoSegmentKind.IsoCountry));
        error = null;
        return true;
    }

    public static ActorCode Parse(string text, CameoCodeTable table) =>
        TryParse(text, table, out var code, out var error) ? code! : throw new FormatException(error);

    // A country after the head names a dependency or location (GBRVGB: British Virgin Islands; IGOAFR...).
    // After IGO/NGO a known group (UNO, WHO) is the natural reading; elsewhere a role (UNO as "United Nations" role
    // exists in both tables, so the choice only changes the kind, not the label).
    private static CameoSegment? Pick(CameoCodeTable table, string seg, bool preferGroup)
    {
        var meanings = table.Meanings(seg);
        if (meanings.Count == 0) return null;
        CameoSegmentKind[] order = preferGroup
            ? [CameoSegmentKind.KnownGroup, CameoSegmentKind.Role, CameoSegmentKind.Ethnic, CameoSegmentKind.Religion, CameoSegmentKind.Country]
            : [CameoSegmentKind.Role, CameoSegmentKind.KnownGroup, CameoSegmentKind.Ethnic, CameoSegmentKind.Religion, CameoSegmentKind.Country];
        foreach (var kind in order)
            foreach (var m in meanings)
                if (m.Kind == kind) return m;
        return null;
    }

    public bool Equals(ActorCode? other) => other != null && other.Code == Code;
    public override bool Equals(object? obj) => Equals(obj as ActorCode);
    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Code;
}
