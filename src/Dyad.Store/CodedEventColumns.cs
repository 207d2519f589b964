using System.Data.Common;
using System.Globalization;
using Dyad.Coding;

namespace Dyad.Store;

/// <summary>
/// The coded-event columns that the events and mentions tables share (StoreSchema.CodedColumnsV1, in that order) in
/// every store: their names and how a <see cref="CodedEvent"/> is read back from them. Writing them is each store's
/// own (DuckDB's appender, PostgreSQL's binary COPY).
/// </summary>
internal static class CodedEventColumns
{
    /// <summary>The column names in table order, for SELECT lists ("m." or "e." prefixed by the caller).</summary>
    public static readonly string[] Names =
    [
        "mention_id", "doc_id", "sentence_index", "date", "source", "target", "code", "root", "quad", "goldstein",
        "plover", "source_name", "target_name", "source_text", "target_text", "verb_text", "sentence", "char_start",
        "char_end", "place_name", "country", "admin1", "lat", "lon", "geonames_id", "negated", "confidence", "rule",
    ];

    public static int Count => Names.Length;

    /// <summary>"p.mention_id, p.doc_id, ..." for a SELECT over the table aliased <paramref name="alias"/>.</summary>
    public static string SelectList(string alias) => string.Join(", ", Names.Select(n => alias + "." + n));

    /// <summary>Reads the columns starting at <paramref name="first"/> (selected with <see cref="SelectList"/>).</summary>
    public static CodedEvent Read(DbDataReader r, int first)
    {
        int i = first;
        var e = new CodedEvent
        {
            EventId = r.GetString(i),
            DocId = r.GetString(i + 1),
            SentenceIndex = r.GetInt32(i + 2),
            Date = r.IsDBNull(i + 3) ? null : r.GetFieldValue<DateOnly>(i + 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Source = String(r, i + 4),
            Target = String(r, i + 5),
            Code = r.GetString(i + 6),
            Root = r.GetString(i + 7),
            Quad = Convert.ToInt32(r.GetValue(i + 8), CultureInfo.InvariantCulture),
            Goldstein = r.GetDouble(i + 9),
            Plover = String(r, i + 10),
            SourceName = String(r, i + 11),
            TargetName = String(r, i + 12),
            SourceText = String(r, i + 13),
            TargetText = String(r, i + 14),
            VerbText = String(r, i + 15),
            Sentence = r.GetString(i + 16),
            CharStart = r.GetInt32(i + 17),
            CharEnd = r.GetInt32(i + 18),
            Negated = r.GetBoolean(i + 25),
            Confidence = r.GetDouble(i + 26),
            Rule = String(r, i + 27),
        };
        bool hasPlace = false;
        for (int c = i + 19; c <= i + 24; c++) hasPlace |= !r.IsDBNull(c);
        if (!hasPlace) return e;
        return e with
        {
            Location = new EventLocation
            {
                Name = String(r, i + 19),
                Country = String(r, i + 20),
                Admin1 = String(r, i + 21),
                Lat = r.IsDBNull(i + 22) ? null : r.GetDouble(i + 22),
                Lon = r.IsDBNull(i + 23) ? null : r.GetDouble(i + 23),
                GeonamesId = r.IsDBNull(i + 24) ? null : r.GetInt64(i + 24),
            },
        };
    }

    /// <summary>The event date as the coder wrote it (yyyy-MM-dd), or null when it has none or it does not parse.</summary>
    public static DateOnly? ParseDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? String(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
