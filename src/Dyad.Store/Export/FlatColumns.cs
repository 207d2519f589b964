using System.Globalization;

namespace Dyad.Store.Export;

/// <summary>The value types a flat column holds; Parquet stores each as its own physical type.</summary>
public enum FlatColumnType { Text, Int, Long, Double, Bool, Date }

/// <summary>One column of the flat (one row per event) layout shared by the csv, tsv and parquet formats.</summary>
/// <param name="Value">The cell's value: string, int, long, double, bool, DateOnly, or null for blank.</param>
public sealed record FlatColumn(string Name, FlatColumnType Type, Func<StoredEvent, object?> Value)
{
    /// <summary>The value as text: invariant numbers, ISO dates, lower-case booleans, blank for null.</summary>
    public string? Text(StoredEvent e) => Value(e) switch
    {
        null => null,
        string s => s,
        DateOnly d => ExportContext.IsoDate(d),
        bool b => b ? "true" : "false",
        double x => ExportContext.Number(x),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };
}

/// <summary>
/// The flat layout: the <c>dyad code</c> JSON fields in their JSON order with the location object spread into
/// location_* columns, optionally followed by the store's columns (mention counts, first and last seen, store id, URL).
/// </summary>
public static class FlatColumns
{
    /// <summary>The CodedEvent fields only (<c>dyad code --format tsv</c>).</summary>
    public static readonly IReadOnlyList<FlatColumn> Coded =
    [
        new("event_id", FlatColumnType.Text, e => e.Event.EventId),
        new("doc_id", FlatColumnType.Text, e => e.Event.DocId),
        new("sentence_index", FlatColumnType.Int, e => e.Event.SentenceIndex),
        new("date", FlatColumnType.Date, e => ExportContext.ParseDate(e.Event.Date)),
        new("source", FlatColumnType.Text, e => e.Event.Source),
        new("target", FlatColumnType.Text, e => e.Event.Target),
        new("code", FlatColumnType.Text, e => e.Event.Code),
        new("root", FlatColumnType.Text, e => e.Event.Root),
        new("quad", FlatColumnType.Int, e => e.Event.Quad),
        new("goldstein", FlatColumnType.Double, e => e.Event.Goldstein),
        new("plover", FlatColumnType.Text, e => e.Event.Plover),
        new("source_name", FlatColumnType.Text, e => e.Event.SourceName),
        new("target_name", FlatColumnType.Text, e => e.Event.TargetName),
        new("source_text", FlatColumnType.Text, e => e.Event.SourceText),
        new("target_text", FlatColumnType.Text, e => e.Event.TargetText),
        new("verb_text", FlatColumnType.Text, e => e.Event.VerbText),
        new("sentence", FlatColumnType.Text, e => e.Event.Sentence),
        new("char_start", FlatColumnType.Int, e => e.Event.CharStart),
        new("char_end", FlatColumnType.Int, e => e.Event.CharEnd),
        new("location_name", FlatColumnType.Text, e => e.Event.Location?.Name),
        new("location_country", FlatColumnType.Text, e => e.Event.Location?.Country),
        new("location_admin1", FlatColumnType.Text, e => e.Event.Location?.Admin1),
        new("location_lat", FlatColumnType.Double, e => e.Event.Location?.Lat),
        new("location_lon", FlatColumnType.Double, e => e.Event.Location?.Lon),
        new("location_geonames_id", FlatColumnType.Long, e => e.Event.Location?.GeonamesId),
        new("negated", FlatColumnType.Bool, e => e.Event.Negated),
        new("confidence", FlatColumnType.Double, e => e.Event.Confidence),
        new("rule", FlatColumnType.Text, e => e.Event.Rule),
    ];

    /// <summary>The CodedEvent fields plus the store's (<c>dyad export --format csv|parquet</c>).</summary>
    public static readonly IReadOnlyList<FlatColumn> Stored =
    [
        .. Coded,
        new("num_mentions", FlatColumnType.Int, e => e.NumMentions),
        new("num_sources", FlatColumnType.Int, e => e.NumSources),
        new("num_articles", FlatColumnType.Int, e => e.NumArticles),
        new("first_seen", FlatColumnType.Date, e => e.FirstSeen),
        new("last_seen", FlatColumnType.Date, e => e.LastSeen),
        new("global_event_id", FlatColumnType.Long, e => e.Id),
        new("source_url", FlatColumnType.Text, e => e.SourceUrl),
    ];
}

/// <summary>Writes the flat layout as delimited text: a header line, then one line per event.</summary>
public sealed class FlatEventWriter(TextWriter output, IReadOnlyList<FlatColumn> columns, DelimitedText style) : IEventRecordWriter
{
    private readonly string?[] _fields = new string?[columns.Count];

    public void WriteHeader()
    {
        for (int i = 0; i < columns.Count; i++) _fields[i] = columns[i].Name;
        style.WriteLine(output, _fields);
    }

    public bool Write(StoredEvent e)
    {
        for (int i = 0; i < columns.Count; i++) _fields[i] = columns[i].Text(e);
        style.WriteLine(output, _fields);
        return true;
    }
}
