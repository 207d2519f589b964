using System.Globalization;
using DuckDB.NET.Data;

namespace Dyad.Store.DuckDb;

/// <summary>
/// The <c>event_rollup</c> table (migration 3, docs/store.md "Rollup"): events counted per source, target, event date,
/// code, root and quad class, with their summed Goldstein scale and mentions, sorted by source, target and date. Stats,
/// top lists, paging totals and the actor network are sums over it instead of scans of the wide events table, and a
/// filter on an actor reads only that actor's row groups. Ingest appends, in each batch's transaction, one row per key
/// the batch changed (new events, and the mentions merged into older events), so the rollup always sums to the
/// events table; rows of one key are summed by every query and merged when the table is rebuilt.
/// </summary>
internal static class EventRollup
{
    /// <summary>Whether the query filters on an actor column (source, target, either, or a dyad).</summary>
    public static bool FiltersActors(Query.EventQuery q) => q.Actor is not null || q.Source is not null || q.Target is not null || q.Dyad is not null;

    /// <summary>
    /// Whether an aggregate of the query is read from the rollup rather than the events table: never with words (only
    /// mentions hold them); always with an actor filter (the rollup's sort order reads only the actor's row groups);
    /// without one, unless dates are asked for, since the events table is sorted by date and then reads only the
    /// period's row groups while the rollup would be read whole.
    /// </summary>
    public static bool Answers(Query.EventQuery q) => q.Words.Count == 0 && (FiltersActors(q) || (q.From is null && q.To is null));

    /// <summary>The rollup of the whole events table, in the rollup's sort order.</summary>
    private const string FromEvents = """
        SELECT source, target, event_date, code, root, quad, count(*), sum(goldstein), sum(num_mentions)
        FROM events GROUP BY source, target, event_date, code, root, quad ORDER BY source, target, event_date, code
        """;

    /// <summary>
    /// Appends what one ingest batch changed: each new event (id from <paramref name="firstNewEvent"/>) counts once with
    /// its Goldstein value and mentions, each older event only the mentions the batch's documents (doc_key from
    /// <paramref name="firstNewDocument"/>) added to it. Runs in the batch's transaction, after the events are recounted.
    /// </summary>
    public static string AppendBatch(long firstNewEvent, long firstNewDocument) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO event_rollup
        SELECT e.source, e.target, e.event_date, e.code, e.root, e.quad,
               count(*) FILTER (WHERE e.id >= {firstNewEvent}), coalesce(sum(e.goldstein) FILTER (WHERE e.id >= {firstNewEvent}), 0), sum(a.n)
        FROM (SELECT event_key, count(*) AS n FROM mentions WHERE doc_key >= {firstNewDocument} GROUP BY event_key) a
        JOIN events e ON e.id = a.event_key
        GROUP BY e.source, e.target, e.event_date, e.code, e.root, e.quad
        """);

    /// <summary>Rebuilds the rollup from the events table, compact and sorted, inside the caller's transaction.</summary>
    public static void Rebuild(DuckDBConnection connection)
    {
        Execute(connection, "DELETE FROM event_rollup");
        Execute(connection, "INSERT INTO event_rollup " + FromEvents);
    }

    /// <summary>
    /// Whether the rollup sums to the events table (event and mention totals). A store filled outside ingest (the
    /// bench's generated events) or a version-2 store upgraded before its events existed fails this and is rebuilt.
    /// </summary>
    public static bool Matches(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT coalesce(CAST(sum(event_count) AS BIGINT), 0) FROM event_rollup) = (SELECT count(*) FROM events)
               AND (SELECT coalesce(CAST(sum(mention_count) AS BIGINT), 0) FROM event_rollup) = (SELECT coalesce(CAST(sum(num_mentions) AS BIGINT), 0) FROM events)
            """;
        return (bool)command.ExecuteScalar()!;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
