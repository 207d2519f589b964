namespace Dyad.Store.Export;

/// <summary>
/// <c>icews</c>: the ICEWS coded-event columns as RFC 4180 CSV with a header line, one row per deduplicated event.
/// docs/formats.md lists every column's source.
/// </summary>
public sealed class IcewsCsvWriter(TextWriter output, ExportContext context) : IEventRecordWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
        "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
        "City", "District", "Province", "Country", "Latitude", "Longitude",
    ];

    private readonly string?[] _fields = new string?[Columns.Count];

    public void WriteHeader() => DelimitedText.Csv.WriteLine(output, Columns.ToArray());

    public bool Write(StoredEvent e)
    {
        var coded = e.Event;
        var source = context.Actors.Decode(coded.Source);
        var target = context.Actors.Decode(coded.Target);
        var location = coded.Location;
        int i = 0;
        _fields[i++] = ExportContext.Number(e.Id);
        _fields[i++] = ExportContext.IsoDate(ExportContext.EventDay(e));
        _fields[i++] = coded.SourceName ?? source?.Name ?? coded.Source;
        _fields[i++] = Sectors(source);
        _fields[i++] = source?.CountryName;
        _fields[i++] = context.EventName(coded);
        _fields[i++] = coded.Code;
        _fields[i++] = ExportContext.Number(coded.Goldstein);
        _fields[i++] = coded.TargetName ?? target?.Name ?? coded.Target;
        _fields[i++] = Sectors(target);
        _fields[i++] = target?.CountryName;
        _fields[i++] = coded.DocId;
        _fields[i++] = ExportContext.Number(coded.SentenceIndex + 1); // ICEWS numbers sentences from 1
        _fields[i++] = ExportContext.HostOf(e.SourceUrl);
        // A located place with coordinates is a city-level point; a bare region or country name is not a city.
        _fields[i++] = location is { Lat: not null, Lon: not null } ? location.Name : null;
        _fields[i++] = null; // District: the gazetteer resolves places to first-level regions only
        _fields[i++] = location?.Admin1;
        _fields[i++] = location?.Country is { } country ? context.Actors.CountryName(country) ?? country : null;
        _fields[i++] = location?.Lat is { } lat ? ExportContext.Number(lat) : null;
        _fields[i++] = location?.Lon is { } lon ? ExportContext.Number(lon) : null;
        DelimitedText.Csv.WriteLine(output, _fields);
        return true;
    }

    /// <summary>ICEWS lists an actor's sectors by name, comma-separated ("Government,Military").</summary>
    private static string? Sectors(ActorParts? actor) =>
        actor is null || actor.SectorNames.Count == 0 ? null : string.Join(',', actor.SectorNames);
}
