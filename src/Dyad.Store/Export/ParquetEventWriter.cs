using Parquet;
using Parquet.Schema;

namespace Dyad.Store.Export;

/// <summary>
/// <c>parquet</c>: the flat layout (<see cref="FlatColumns.Stored"/>) as an Apache Parquet file with plain column types
/// (UTF-8 strings, INT32, INT64, DOUBLE, BOOLEAN, and DATE for days) that DuckDB, pandas/pyarrow, R arrow and Spark
/// read directly. Rows go out in row groups of <see cref="RowGroupSize"/> events, so memory stays bounded.
/// </summary>
public sealed class ParquetEventWriter
{
    public const int RowGroupSize = 65_536;

    private readonly IReadOnlyList<FlatColumn> _columns;
    private readonly DataField[] _fields;

    public ParquetEventWriter(IReadOnlyList<FlatColumn> columns)
    {
        _columns = columns;
        _fields = new DataField[columns.Count];
        for (int c = 0; c < columns.Count; c++) _fields[c] = FieldOf(columns[c]);
    }

    public ParquetSchema Schema => new(_fields);

    /// <summary>Writes every event to the stream (left open); returns the number written.</summary>
    public long WriteAll(IEnumerable<StoredEvent> events, Stream output) =>
        WriteAllAsync(events, output).GetAwaiter().GetResult();

    private async Task<long> WriteAllAsync(IEnumerable<StoredEvent> events, Stream output)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        long written = 0;
        var rows = new List<StoredEvent>(RowGroupSize);
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, options, append: false);
        foreach (var e in events)
        {
            rows.Add(e);
            if (rows.Count == RowGroupSize)
            {
                await WriteRowGroupAsync(writer, rows);
                written += rows.Count;
                rows.Clear();
            }
        }
        // An empty export still gets one (empty) row group so every reader sees the schema and zero rows.
        if (rows.Count > 0 || written == 0)
        {
            await WriteRowGroupAsync(writer, rows);
            written += rows.Count;
        }
        return written;
    }

    private async Task WriteRowGroupAsync(ParquetWriter writer, List<StoredEvent> rows)
    {
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < _columns.Count; c++)
        {
            var column = _columns[c];
            var field = _fields[c];
            switch (column.Type)
            {
                case FlatColumnType.Text:
                    var texts = new string?[rows.Count];
                    for (int r = 0; r < rows.Count; r++) texts[r] = (string?)column.Value(rows[r]);
                    await group.WriteAsync(field, texts!);
                    break;
                case FlatColumnType.Int: await group.WriteAsync<int>(field, Values<int>(column, rows)); break;
                case FlatColumnType.Long: await group.WriteAsync<long>(field, Values<long>(column, rows)); break;
                case FlatColumnType.Double: await group.WriteAsync<double>(field, Values<double>(column, rows)); break;
                case FlatColumnType.Bool: await group.WriteAsync<bool>(field, Values<bool>(column, rows)); break;
                case FlatColumnType.Date: await group.WriteAsync<DateOnly>(field, Values<DateOnly>(column, rows)); break;
                default: throw new InvalidOperationException($"no Parquet type for column {column.Name} ({column.Type})");
            }
        }
    }

    private static T?[] Values<T>(FlatColumn column, List<StoredEvent> rows) where T : struct
    {
        var values = new T?[rows.Count];
        for (int r = 0; r < rows.Count; r++) values[r] = (T?)column.Value(rows[r]);
        return values;
    }

    private static DataField FieldOf(FlatColumn column) => column.Type switch
    {
        FlatColumnType.Text => new DataField<string>(column.Name, nullable: true),
        FlatColumnType.Int => new DataField<int?>(column.Name),
        FlatColumnType.Long => new DataField<long?>(column.Name),
        FlatColumnType.Double => new DataField<double?>(column.Name),
        FlatColumnType.Bool => new DataField<bool?>(column.Name),
        FlatColumnType.Date => new DataField<DateOnly?>(column.Name),
        _ => throw new InvalidOperationException($"no Parquet type for column {column.Name} ({column.Type})"),
    };
}
