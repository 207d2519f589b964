using System.Data.Common;
using System.Globalization;
using Dyad.Coding;
using Dyad.Knowledge.Learning;

namespace Dyad.Store.Query;

/// <summary>
/// The read queries every SQL store answers the same way (DuckDB and PostgreSQL speak this SQL alike), and the
/// reading of their rows. The stores add only how they connect, bind parameters and page.
/// </summary>
internal static class StoreSql
{
    /// <summary>SELECT list of a <see cref="StoredEvent"/> over the events table "e"; read with <see cref="ReadEvent"/>.</summary>
    public static readonly string EventColumns =
        $"e.id, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, e.source_url, {CodedEventColumns.SelectList("e")}";

    public static StoredEvent ReadEvent(DbDataReader reader) => new(
        reader.GetInt64(0), CodedEventColumns.Read(reader, 7), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
        reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetString(6));

    /// <summary>The mentions, of one event when <paramref name="eventFilter"/> is a WHERE clause, in store order.</summary>
    public static string Mentions(string eventFilter) => $"""
        SELECT m.event_key, d.date, d.source, d.url, d.length, {CodedEventColumns.SelectList("m")}
        FROM mentions m JOIN documents d ON d.doc_key = m.doc_key {eventFilter}
        ORDER BY m.event_key, m.doc_key, m.sentence_index, m.char_start
        """;

    public static StoredMention ReadMention(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), CodedEventColumns.Read(reader, 5));

    /// <summary>Events per period of the events matching <paramref name="where"/>; read with <see cref="ReadStats"/>.</summary>
    public static string Stats(StatsPeriod by, string where) => $"""
            SELECT CAST({Period(by)} AS DATE) AS period, count(*),
                   count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
                   count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4),
                   sum(e.goldstein), avg(e.goldstein), CAST(sum(e.num_mentions) AS BIGINT)
            FROM events e {where}
            GROUP BY period ORDER BY period
            """;

    /// <summary>The first day of an event's period, over "e.event_date".</summary>
    public static string Period(StatsPeriod by) => by switch
    {
        // Truncating a timestamp, not a date: PostgreSQL would otherwise pick the time-zone-aware overload.
        StatsPeriod.Day => "e.event_date",
        StatsPeriod.Week => "date_trunc('week', CAST(e.event_date AS TIMESTAMP))",
        _ => "date_trunc('month', CAST(e.event_date AS TIMESTAMP))",
    };

    public static IReadOnlyList<PeriodStats> ReadStats(DbDataReader reader)
    {
        var rows = new List<PeriodStats>();
        while (reader.Read())
            rows.Add(new PeriodStats(reader.GetFieldValue<DateOnly>(0), Long(reader, 1), Long(reader, 2), Long(reader, 3),
                Long(reader, 4), Long(reader, 5), reader.GetDouble(6), reader.GetDouble(7), Long(reader, 8)));
        return rows;
    }

    /// <summary>The top actors, dyads or codes of the events matching <paramref name="where"/>; read with <see cref="ReadTop"/>.</summary>
    public static string Top(TopKind kind, string where, int limit)
    {
        // Dyads group on the two columns and join them only for the groups: concatenating first built a string per event.
        if (kind == TopKind.Dyads)
            return $"""
                SELECT e.source || ' ' || e.target AS k, count(*) AS events, CAST(sum(e.num_mentions) AS BIGINT) FROM events e
                {(where.Length == 0 ? "WHERE" : where + " AND")} e.source IS NOT NULL AND e.target IS NOT NULL
                GROUP BY e.source, e.target ORDER BY events DESC, k LIMIT {limit}
                """;
        var keyed = kind == TopKind.Actors
            ? $"SELECT e.source AS k, e.num_mentions AS n FROM events e {where} UNION ALL SELECT e.target, e.num_mentions FROM events e {where}"
            : $"SELECT e.code AS k, e.num_mentions AS n FROM events e {where}";
        return $"SELECT k, count(*) AS events, CAST(sum(n) AS BIGINT) FROM ({keyed}) keyed WHERE k IS NOT NULL GROUP BY k ORDER BY events DESC, k LIMIT {limit}";
    }

    public static IReadOnlyList<TopEntry> ReadTop(DbDataReader reader)
    {
        var rows = new List<TopEntry>();
        while (reader.Read()) rows.Add(new TopEntry(reader.GetString(0), Long(reader, 1), Long(reader, 2)));
        return rows;
    }

    public const string Counts = """
        SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),
               (SELECT count(*) FROM mentions), (SELECT count(*) FROM learned_actors), (SELECT count(*) FROM ingest_runs)
        """;

    public static StoreCounts ReadCounts(DbDataReader reader)
    {
        reader.Read();
        return new StoreCounts(Long(reader, 0), Long(reader, 1), Long(reader, 2), Long(reader, 3), Long(reader, 4), Long(reader, 5));
    }

    public const string LearnedActors = """
        SELECT l.name, l.code, l.title, l.title_head, l.rule, l.explanation, d.id, l.sentence_index, l.date, l.evidence
        FROM learned_actors l JOIN documents d ON d.doc_key = l.doc_key
        ORDER BY lower(l.name), l.code, l.date, d.id, l.sentence_index
        """;

    /// <summary>One record per name and code with all its evidence, in name order.</summary>
    public static IReadOnlyList<LearnedActor> ReadLearnedActors(DbDataReader reader)
    {
        var actors = new List<LearnedActor>();
        while (reader.Read())
        {
            var date = reader.GetFieldValue<DateOnly>(8);
            var evidence = new LearnedEvidence(reader.GetString(6), reader.GetInt32(7), date, reader.GetString(9));
            var actor = new LearnedActor(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), date, date, [evidence]);
            if (actors.Count > 0 && actors[^1].SameRole(actor)) actors[^1] = actors[^1].Merge(actor);
            else actors.Add(actor);
        }
        return actors;
    }

    /// <summary>The key of the document with id $1 (no row when there is none).</summary>
    public const string DocumentKey = "SELECT doc_key FROM documents WHERE id = $1";

    /// <summary>One document's entities (doc_key $1) in text order; read with <see cref="ReadEntities"/>.</summary>
    public const string Entities = "SELECT sentence_index, char_start, char_end, type, actor FROM entities WHERE doc_key = $1 ORDER BY char_start, char_end";

    /// <summary>One document's quotes (doc_key $1) in text order; read with <see cref="ReadQuotes"/>.</summary>
    public const string Quotes = """
        SELECT sentence_index, char_start, char_end, speaker, speaker_actor, speaker_start, speaker_end
        FROM quotes WHERE doc_key = $1 ORDER BY char_start, char_end
        """;

    public static List<EntityMention> ReadEntities(DbDataReader reader)
    {
        var entities = new List<EntityMention>();
        while (reader.Read())
            entities.Add(new EntityMention(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), TextOrNull(reader, 4)));
        return entities;
    }

    public static List<QuoteMention> ReadQuotes(DbDataReader reader)
    {
        var quotes = new List<QuoteMention>();
        while (reader.Read())
            quotes.Add(new QuoteMention(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), TextOrNull(reader, 3), TextOrNull(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6)));
        return quotes;
    }

    private static string? TextOrNull(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
}
