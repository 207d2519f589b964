using Dyad.Coding;

namespace Dyad.Store.Export;

/// <summary>
/// <c>gdelt</c>: the GDELT 2.0 event table, 61 tab-separated columns in the published order, no header line (GDELT's
/// files have none), blank where Dyad has no value. docs/formats.md lists every column's source.
/// </summary>
public sealed class GdeltEventWriter(TextWriter output, ExportContext context) : IEventRecordWriter
{
    /// <summary>The GDELT 2.0 event table's column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = BuildColumns();

    private readonly string?[] _fields = new string?[Columns.Count];

    public void WriteHeader() { }

    public bool Write(StoredEvent e)
    {
        var coded = e.Event;
        var day = ExportContext.EventDay(e);
        int i = 0;
        _fields[i++] = ExportContext.Number(e.Id);
        _fields[i++] = ExportContext.CompactDate(day);
        _fields[i++] = ExportContext.CompactDate(day)[..6];
        _fields[i++] = ExportContext.Number(day.Year);
        _fields[i++] = FractionDate(day);
        i = WriteActor(i, coded.Source, coded.SourceName);
        i = WriteActor(i, coded.Target, coded.TargetName);
        // GDELT marks events from a document's lead paragraph as root events; without paragraphs, the lead sentence.
        _fields[i++] = coded.SentenceIndex == 0 ? "1" : "0";
        _fields[i++] = coded.Code;
        _fields[i++] = coded.Code.Length > 3 ? coded.Code[..3] : coded.Code;
        _fields[i++] = coded.Root;
        _fields[i++] = ExportContext.Number(coded.Quad);
        _fields[i++] = ExportContext.Number(coded.Goldstein);
        _fields[i++] = ExportContext.Number(e.NumMentions);
        _fields[i++] = ExportContext.Number(e.NumSources);
        _fields[i++] = ExportContext.Number(e.NumArticles);
        _fields[i++] = null; // AvgTone: Dyad measures no tone.
        i = Blank(i, 8); // Actor1Geo_*: actors are not geolocated, only the action.
        i = Blank(i, 8); // Actor2Geo_*
        i = WriteActionGeo(i, coded.Location);
        // DATEADDED is when GDELT first saw the event; the closest Dyad knows is the first mention's publication day.
        _fields[i++] = ExportContext.CompactDate(e.FirstSeen) + "000000";
        _fields[i++] = e.SourceUrl ?? coded.DocId;
        DelimitedText.PlainTsv.WriteLine(output, _fields);
        return true;
    }

    /// <summary>The year plus the share of it completed before that day, to four decimals (2020-02-02 -> 2020.0874).</summary>
    public static string FractionDate(DateOnly day)
    {
        double fraction = (day.DayOfYear - 1) / (double)(DateTime.IsLeapYear(day.Year) ? 366 : 365);
        return (day.Year + Math.Round(fraction, 4)).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private int WriteActor(int i, string? code, string? name)
    {
        var parts = context.Actors.Decode(code);
        _fields[i++] = code;
        _fields[i++] = name ?? parts?.Name;
        _fields[i++] = parts?.Country;
        _fields[i++] = parts?.KnownGroup;
        _fields[i++] = parts?.Ethnic;
        _fields[i++] = parts?.Religion1;
        _fields[i++] = parts?.Religion2;
        for (int t = 0; t < 3; t++) _fields[i++] = parts is not null && t < parts.Types.Count ? parts.Types[t] : null;
        return i;
    }

    private int WriteActionGeo(int i, EventLocation? location)
    {
        if (location is null) return Blank(i, 8);
        _fields[i++] = GeoType(location);
        _fields[i++] = FullName(location);
        // GDELT's geographic country codes are FIPS 10-4, which Dyad does not carry; see docs/formats.md.
        _fields[i++] = null;
        _fields[i++] = null; // ADM1Code: FIPS-based too.
        _fields[i++] = null; // ADM2Code
        _fields[i++] = location.Lat is { } lat ? ExportContext.Number(lat) : null;
        _fields[i++] = location.Lon is { } lon ? ExportContext.Number(lon) : null;
        _fields[i++] = location.GeonamesId is { } id and > 0 ? ExportContext.Number(id) : null;
        return i;
    }

    /// <summary>GDELT's resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.</summary>
    private static string? GeoType(EventLocation location)
    {
        bool us = location.Country == "USA";
        if (location.Lat is not null && location.Lon is not null && location.Name is not null) return us ? "3" : "4";
        if (location.Admin1 is not null) return us ? "2" : "5";
        return location.Country is not null ? "1" : null;
    }

    private string? FullName(EventLocation location)
    {
        var parts = new List<string>(3);
        if (location.Name is { } name) parts.Add(name);
        if (location.Admin1 is { } admin1 && !parts.Contains(admin1)) parts.Add(admin1);
        if ((context.Actors.CountryName(location.Country) ?? location.Country) is { } country && !parts.Contains(country)) parts.Add(country);
        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    private int Blank(int i, int count)
    {
        for (int k = 0; k < count; k++) _fields[i++] = null;
        return i;
    }

    private static string[] BuildColumns()
    {
        var names = new List<string> { "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate" };
        foreach (var actor in new[] { "Actor1", "Actor2" })
            foreach (var field in new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" })
                names.Add(actor + field);
        names.AddRange(["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]);
        foreach (var geo in new[] { "Actor1Geo", "Actor2Geo", "ActionGeo" })
            foreach (var field in new[] { "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID" })
                names.Add(geo + "_" + field);
        names.AddRange(["DATEADDED", "SOURCEURL"]);
        return [.. names];
    }
}
