using System.Data.Common;
using Dyad.Store.Dedup;

namespace Dyad.Store.Ingest;

/// <summary>
/// The set-based SQL of an ingest batch that DuckDB and PostgreSQL both speak, so both stores ask the same questions
/// and read the answers the same way: which documents are stored, which stored events a batch's mentions could join,
/// and the recount of the events a batch touched.
/// </summary>
internal static class IngestSql
{
    /// <summary>
    /// Which probed documents are stored, by id and by content hash. <paramref name="probe"/> is a FROM item aliased
    /// <c>p</c> with columns <c>pos</c>, <c>id</c>, <c>content_hash</c>; read the rows with <see cref="ReadPresence"/>.
    /// </summary>
    public static string Presence(string probe) => $"""
        SELECT p.pos, d.content_hash = p.content_hash, true FROM {probe} JOIN documents d ON d.id = p.id
        UNION ALL
        SELECT p.pos, true, false FROM {probe} JOIN documents d ON d.content_hash = p.content_hash
        """;

    public static void ReadPresence(DbDataReader reader, DocumentPresence[] presence)
    {
        while (reader.Read())
        {
            int pos = reader.GetInt32(0);
            bool byId = reader.GetBoolean(2);
            // A match by id decides; a match by content only when the id is new.
            if (byId) presence[pos] = reader.GetBoolean(1) ? DocumentPresence.SameId : DocumentPresence.IdConflict;
            else if (presence[pos] == DocumentPresence.New) presence[pos] = DocumentPresence.SameContent;
        }
    }

    /// <summary>
    /// The stored events any probed mention could join: one join of the probe (a FROM item aliased <c>p</c> with
    /// columns source, target, root, negated, lo, hi: the mention's key and date window) with the events table,
    /// rather than a query per mention.
    /// </summary>
    public static string Candidates(DuplicateRule rule, string probe) => $"""
        SELECT DISTINCT e.id, e.source, e.target, e.root, e.negated, e.event_date, e.country
        FROM events e JOIN {probe}
          ON {ActorKey(rule, "e.source")} = p.source AND {ActorKey(rule, "e.target")} = p.target AND e.root = p.root
         AND e.negated = p.negated AND e.event_date BETWEEN p.lo AND p.hi
        ORDER BY e.id
        """;

    /// <summary>Adds the rows of <see cref="Candidates"/> to <paramref name="matcher"/>.</summary>
    public static void AddCandidates(DbDataReader reader, DuplicateRule rule, EventMatcher matcher)
    {
        while (reader.Read())
        {
            var key = new DuplicateKey(rule.ActorKey(reader.IsDBNull(1) ? null : reader.GetString(1)),
                rule.ActorKey(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetString(3), reader.GetBoolean(4));
            matcher.Add(new EventCandidate(reader.GetInt64(0), key, reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
    }

    /// <summary>
    /// Recomputes mention, article and source counts and first/last seen of the events listed in
    /// <paramref name="touchedTable"/> (column event_key) from their mentions. Documents without an outlet name count
    /// together as one unknown source.
    /// </summary>
    public static string Recount(string touchedTable) => $"""
        UPDATE events SET num_mentions = a.n, num_articles = a.articles, num_sources = a.sources,
                          first_seen = a.first_seen, last_seen = a.last_seen
        FROM (SELECT m.event_key, count(*) AS n, count(DISTINCT m.doc_key) AS articles,
                     count(DISTINCT coalesce(d.source, '')) AS sources, min(d.date) AS first_seen, max(d.date) AS last_seen
              FROM mentions m JOIN documents d ON d.doc_key = m.doc_key
              WHERE m.event_key IN (SELECT event_key FROM {touchedTable})
              GROUP BY m.event_key) a
        WHERE events.id = a.event_key
        """;

    /// <summary>The SQL for <see cref="DuplicateRule.ActorKey"/> of an actor column.</summary>
    private static string ActorKey(DuplicateRule rule, string column) =>
        rule.ActorPrefix > 0 ? $"left(coalesce({column}, ''), {rule.ActorPrefix})" : $"coalesce({column}, '')";
}
