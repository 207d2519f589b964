using System.Globalization;
using DuckDB.NET.Data;
using Dyad.Store.Export;
using Dyad.Tests.Store;

namespace Dyad.Store.Tests;

/// <summary>Exports the sample store to files in a temp folder and reads them back with DuckDB.</summary>
internal sealed class ExportSandbox : IDisposable
{
    private static readonly Lazy<ExportContext> SharedContext = new(ExportContext.Shipped);

    public ExportSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "dyad-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static ExportContext Context => SharedContext.Value;

    /// <summary>Exports <paramref name="store"/> (the sample store by default) and returns the file path and result.</summary>
    public (string Path, ExportResult Result) Export(string format, IEventStore? store = null)
    {
        var path = System.IO.Path.Combine(Root, "events." + format);
        using var events = store ?? ListEventStore.Sample();
        using var file = File.Create(path);
        return (path, EventExport.Write(format, events, file, Context));
    }

    /// <summary>Runs a query and returns every row as invariant strings (null for SQL NULL).</summary>
    public static List<string?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Column name -> DuckDB type of a table expression, as DESCRIBE reports it.</summary>
    public static Dictionary<string, string> Types(string from) =>
        Query($"DESCRIBE SELECT * FROM {from}").ToDictionary(r => r[0]!, r => r[1]!);

    public static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
