using Dyad.Coding;
using DuckDB.NET.Data;

namespace Dyad.Store.DuckDb;

/// <summary>Appends a <see cref="CodedEvent"/> as the coded-event columns, in <see cref="CodedEventColumns.Names"/> order.</summary>
internal static class CodedEventAppender
{
    public static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, CodedEvent e)
    {
        var place = e.Location;
        return row
            .AppendValue(e.EventId)
            .AppendValue(e.DocId)
            .AppendValue(e.SentenceIndex)
            .AppendValue(CodedEventColumns.ParseDate(e.Date))
            .AppendValue(e.Source)
            .AppendValue(e.Target)
            .AppendValue(e.Code)
            .AppendValue(e.Root)
            .AppendValue((sbyte)e.Quad)
            .AppendValue(e.Goldstein)
            .AppendValue(e.Plover)
            .AppendValue(e.SourceName)
            .AppendValue(e.TargetName)
            .AppendValue(e.SourceText)
            .AppendValue(e.TargetText)
            .AppendValue(e.VerbText)
            .AppendValue(e.Sentence)
            .AppendValue(e.CharStart)
            .AppendValue(e.CharEnd)
            .AppendValue(place?.Name)
            .AppendValue(place?.Country)
            .AppendValue(place?.Admin1)
            .AppendValue(place?.Lat)
            .AppendValue(place?.Lon)
            .AppendValue(place?.GeonamesId)
            .AppendValue(e.Negated)
            .AppendValue(e.Confidence)
            .AppendValue(e.Rule);
    }
}
