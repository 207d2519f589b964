using Dyad.Coding;
using Npgsql;
using NpgsqlTypes;

namespace Dyad.Store.Postgres;

/// <summary>
/// Writes the values of one row of a binary COPY, nulls included. Binary COPY sends each value in its column's exact
/// wire type, so every write names it.
/// </summary>
internal static class CopyRow
{
    public static void Text(this NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    public static void Date(this NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } d) copy.Write(d, NpgsqlDbType.Date);
        else copy.WriteNull();
    }

    public static void Double(this NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Double);
        else copy.WriteNull();
    }

    public static void Int(this NpgsqlBinaryImporter copy, int value) => copy.Write(value, NpgsqlDbType.Integer);

    public static void Int(this NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Integer);
        else copy.WriteNull();
    }

    public static void Long(this NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    /// <summary>The coded-event columns (CodedEventColumns.Names order) of <paramref name="e"/>.</summary>
    public static void CodedEvent(this NpgsqlBinaryImporter copy, CodedEvent e)
    {
        var place = e.Location;
        copy.Text(e.EventId);
        copy.Text(e.DocId);
        copy.Int(e.SentenceIndex);
        copy.Date(CodedEventColumns.ParseDate(e.Date));
        copy.Text(e.Source);
        copy.Text(e.Target);
        copy.Text(e.Code);
        copy.Text(e.Root);
        copy.Write((short)e.Quad, NpgsqlDbType.Smallint);
        copy.Double(e.Goldstein);
        copy.Text(e.Plover);
        copy.Text(e.SourceName);
        copy.Text(e.TargetName);
        copy.Text(e.SourceText);
        copy.Text(e.TargetText);
        copy.Text(e.VerbText);
        copy.Text(e.Sentence);
        copy.Int(e.CharStart);
        copy.Int(e.CharEnd);
        copy.Text(place?.Name);
        copy.Text(place?.Country);
        copy.Text(place?.Admin1);
        copy.Double(place?.Lat);
        copy.Double(place?.Lon);
        copy.Long(place?.GeonamesId);
        copy.Write(e.Negated, NpgsqlDbType.Boolean);
        copy.Double(e.Confidence);
        copy.Text(e.Rule);
    }
}
