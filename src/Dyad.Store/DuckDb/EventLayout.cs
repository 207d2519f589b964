using System.Globalization;
using DuckDB.NET.Data;

namespace Dyad.Store.DuckDb;

/// <summary>
/// Keeps the events table physically sorted by (event_date, id). DuckDB keeps min/max per row group (zone maps): on a
/// date-sorted table a date range reads only its row groups, and a page "by date, first 100" stops after the first
/// row groups that fill it (DuckDB pushes the running top-N bound into the scan). Ingest appends events in ingest
/// order, so the table is re-sorted once the unsorted tail is large: a rewrite in one transaction, so a crash leaves
/// the old table whole (docs/store.md "Physical order").
/// </summary>
internal static class EventLayout
{
    /// <summary>Below this many unsorted events a rewrite gains nothing measurable: a row group holds 122,880 rows.</summary>
    public const long MinimumTail = 100_000;

    /// <summary>The tail must also be this share of the table, so that rewrites cost a bounded amount per event.</summary>
    public const double TailShare = 0.10;

    /// <summary>
    /// Re-sorts the table when its unsorted tail is at least <see cref="MinimumTail"/> events and <see cref="TailShare"/>
    /// of all; first rebuilds the rollup if it does not sum to the events table (<see cref="EventRollup.Matches"/>).
    /// </summary>
    public static bool SortIfNeeded(DuckDBConnection connection)
    {
        if (!EventRollup.Matches(connection))
        {
            using var transaction = connection.BeginTransaction();
            EventRollup.Rebuild(connection);
            transaction.Commit();
        }
        long sortedThrough = Long(connection, "SELECT sorted_through FROM event_layout");
        long tail = Long(connection, $"SELECT count(*) FROM events WHERE id > {sortedThrough}");
        long all = Long(connection, "SELECT count(*) FROM events");
        if (tail < MinimumTail || tail < TailShare * all) return false;
        Sort(connection);
        return true;
    }

    /// <summary>
    /// Rewrites the events table in (event_date, id) order under its own definition (columns, types, NOT NULLs) and
    /// rebuilds the rollup, in one transaction, then checkpoints so the old row groups' space is reused.
    /// </summary>
    public static void Sort(DuckDBConnection connection)
    {
        var definition = Text(connection, "SELECT sql FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'events'");
        const string prefix = "CREATE TABLE events(";
        if (!definition.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidDataException($"unexpected definition of the events table: {definition}");
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, "CREATE TABLE events_sorted(" + definition[prefix.Length..]);
            Execute(connection, "INSERT INTO events_sorted SELECT * FROM events ORDER BY event_date, id");
            Execute(connection, "DROP TABLE events");
            Execute(connection, "ALTER TABLE events_sorted RENAME TO events");
            Execute(connection, "UPDATE event_layout SET sorted_through = (SELECT coalesce(max(id), -1) FROM events)");
            // The rollup's appended tail is merged and sorted at the same time.
            EventRollup.Rebuild(connection);
            transaction.Commit();
        }
        Execute(connection, "CHECKPOINT");
    }

    private static long Long(DuckDBConnection connection, string sql) =>
        Convert.ToInt64(Scalar(connection, sql), CultureInfo.InvariantCulture);

    private static string Text(DuckDBConnection connection, string sql) => (string)Scalar(connection, sql)!;

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
