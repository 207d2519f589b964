using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Dyad.Knowledge.Learning;
using Dyad.Store.Dedup;
using Dyad.Store.Ingest;
using Dyad.Store.Query;

namespace Dyad.Store.DuckDb;

/// <summary>
/// The embedded event store: one DuckDB file (docs/store.md). One process writes it at a time (DuckDB locks the
/// file); every ingest batch is one transaction, so a killed process leaves only whole documents behind.
/// </summary>
public sealed class DuckDbEventStore : IQueryableEventStore
{
    private readonly DuckDBConnection _connection;
    private readonly BatchWriter _writer;

    private DuckDbEventStore(DuckDBConnection connection, string path, DuplicateRule rule)
    {
        _connection = connection;
        Path = path;
        _writer = new BatchWriter(connection, rule);
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="IOException">The file is not a DuckDB database, or another process holds it.</exception>
    public static DuckDbEventStore Open(string path, DuplicateRule? rule = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
            throw new DirectoryNotFoundException($"{path}: the store's folder does not exist.");
        var connection = new DuckDBConnection("Data Source=" + full);
        try
        {
            connection.Open();
            // DuckDB would take up to 80% of RAM for its buffers; ingest and queries need far less, and an ingest of
            // any corpus size must stay within about 1 GB in all.
            using (var limit = connection.CreateCommand())
            {
                limit.CommandText = "SET memory_limit = '768MB'";
                limit.ExecuteNonQuery();
            }
            StoreSchema.Migrate(connection, path);
            // A store upgraded to the sorted layout, or filled outside ingest, gets sorted once here.
            EventLayout.SortIfNeeded(connection);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new IOException($"{path}: cannot open the store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new DuckDbEventStore(connection, path, rule ?? DuplicateRule.Default);
    }

    public int SchemaVersion => StoreSchema.CurrentVersion(_connection);

    public IReadOnlyList<DocumentPresence> Find(IReadOnlyList<(string Id, string ContentHash)> documents) => _writer.Find(null, documents);

    /// <summary>Whether one document is stored already.</summary>
    public DocumentPresence Find(string documentId, string contentHash) => _writer.Find(null, [(documentId, contentHash)])[0];

    public long BeginRun(string inputs, string? dyadVersion) => _writer.BeginRun(inputs, dyadVersion);

    public IngestBatchResult Ingest(long runId, IReadOnlyList<IngestDocument> batch) => _writer.Write(runId, batch);

    public void FinishRun(long runId, long recordsSkipped)
    {
        _writer.FinishRun(runId, recordsSkipped);
        EventLayout.SortIfNeeded(_connection);
    }

    /// <summary>Sorts the events table by date now, whatever its tail (bench and tests; ingest sorts when needed).</summary>
    internal void SortEvents() => EventLayout.Sort(_connection);

    public IEnumerable<StoredEvent> ReadEvents() => Read("", [], "ORDER BY e.id");

    /// <summary>
    /// In two steps inside one snapshot: the row ids of the page, found reading only the filtered and sorted columns
    /// (<see cref="PageRowIds"/>), then the whole rows of those row ids. Reading whole rows while filtering would
    /// decode every column of every event in the table.
    /// </summary>
    public IEnumerable<StoredEvent> Query(EventQuery query)
    {
        using var snapshot = _connection.BeginTransaction();
        var rowIds = PageRowIds(query);
        if (rowIds.Count == 0) return [];
        // One read of the rows: the range lets DuckDB skip every row group outside it (the page's rows lie close
        // together on the date-sorted table), the list picks the rows. A read per row costs a row group's decoding each.
        var page = Read(string.Create(CultureInfo.InvariantCulture,
            $"WHERE e.rowid BETWEEN {rowIds.Min()} AND {rowIds.Max()} AND e.rowid IN ({string.Join(", ", rowIds)})"), [], "ORDER BY e.event_date, e.id").ToList();
        snapshot.Commit();
        return page;
    }

    /// <summary>
    /// The row ids of a page. The table is sorted by date (<see cref="EventLayout"/>), so the page is first looked for
    /// among the earliest dates only, a window of 32 days from the first date that doubles until it holds the whole
    /// page: DuckDB then reads only the row groups of the window. A full page inside a window is the exact answer (every
    /// later event sorts after it). A word filter scans the mentions whatever the window, so it asks once.
    /// </summary>
    private List<long> PageRowIds(EventQuery query)
    {
        if (query.Words.Count > 0 || query.Limit <= 0) return RowIds(query, null);
        using (var range = _connection.CreateCommand())
        {
            range.CommandText = "SELECT min(event_date), max(event_date) FROM events";
            using var reader = range.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0)) return [];
            var first = reader.GetFieldValue<DateOnly>(0);
            var last = reader.GetFieldValue<DateOnly>(1);
            var start = query.From is { } from && from > first ? from : first;
            var end = query.To is { } to && to < last ? to : last;
            for (int days = 32; end.DayNumber - start.DayNumber >= days; days *= 2)
            {
                var rowIds = RowIds(query, start.AddDays(days));
                if (rowIds.Count == query.Limit) return rowIds;
            }
        }
        return RowIds(query, null);
    }

    private List<long> RowIds(EventQuery query, DateOnly? before)
    {
        var rowIds = new List<long>();
        using var command = _connection.CreateCommand();
        var where = EventFilterSql.Where(query, command.Parameters);
        if (before is { } cutoff)
            where = (where.Length == 0 ? "WHERE " : where + " AND ") + "e.event_date < " + EventFilterSql.DateLiteral(cutoff);
        command.CommandText = $"SELECT e.rowid FROM events e {where} ORDER BY e.event_date, e.id LIMIT {query.Limit} OFFSET {query.Offset}";
        using var reader = command.ExecuteReader();
        while (reader.Read()) rowIds.Add(reader.GetInt64(0));
        return rowIds;
    }

    private IEnumerable<StoredEvent> Read(string where, object[] parameters, string orderBy)
    {
        using var command = _connection.CreateCommand();
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p));
        command.CommandText = $"""
            SELECT e.id, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, e.source_url, {CodedEventColumns.SelectList("e")}
            FROM events e {where} {orderBy}
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new StoredEvent(
                reader.GetInt64(0), CodedEventColumns.Read(reader, 7), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    public IEnumerable<StoredMention> ReadMentions() => ReadMentions(null);

    /// <summary>The mentions of one event, or of every event when <paramref name="eventId"/> is null.</summary>
    public IEnumerable<StoredMention> ReadMentions(long? eventId)
    {
        using var command = _connection.CreateCommand();
        string where = "";
        if (eventId is { } id)
        {
            command.Parameters.Add(new DuckDBParameter(id));
            where = "WHERE m.event_key = $1";
        }
        command.CommandText = $"""
            SELECT m.event_key, d.date, d.source, d.url, d.length, {CodedEventColumns.SelectList("m")}
            FROM mentions m JOIN documents d ON d.doc_key = m.doc_key {where}
            ORDER BY m.event_key, m.doc_key, m.sentence_index, m.char_start
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new StoredMention(
                reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), CodedEventColumns.Read(reader, 5));
    }

    public IReadOnlyList<PeriodStats> Stats(EventQuery filter, StatsPeriod by)
    {
        using var command = _connection.CreateCommand();
        var where = EventFilterSql.Where(filter, command.Parameters);
        var period = by switch
        {
            StatsPeriod.Day => "e.event_date",
            StatsPeriod.Week => "date_trunc('week', e.event_date)",
            _ => "date_trunc('month', e.event_date)",
        };
        command.CommandText = $"""
            SELECT CAST({period} AS DATE) AS period, count(*),
                   count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
                   count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4),
                   sum(e.goldstein), avg(e.goldstein), CAST(sum(e.num_mentions) AS BIGINT)
            FROM events e {where}
            GROUP BY period ORDER BY period
            """;
        var rows = new List<PeriodStats>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new PeriodStats(reader.GetFieldValue<DateOnly>(0), Long(reader, 1), Long(reader, 2), Long(reader, 3),
                Long(reader, 4), Long(reader, 5), reader.GetDouble(6), reader.GetDouble(7), Long(reader, 8)));
        return rows;
    }

    public IReadOnlyList<TopEntry> Top(TopKind kind, EventQuery filter, int limit)
    {
        using var command = _connection.CreateCommand();
        var where = EventFilterSql.Where(filter, command.Parameters);
        var keyed = kind switch
        {
            TopKind.Actors => $"SELECT e.source AS k, e.num_mentions AS n FROM events e {where} UNION ALL SELECT e.target, e.num_mentions FROM events e {where}",
            _ => $"SELECT e.code AS k, e.num_mentions AS n FROM events e {where}",
        };
        // Dyads group on the two columns and join them only for the groups: concatenating first built a string per event.
        command.CommandText = kind == TopKind.Dyads
            ? $"""
              SELECT e.source || ' ' || e.target AS k, count(*) AS events, CAST(sum(e.num_mentions) AS BIGINT) FROM events e
              {(where.Length == 0 ? "WHERE" : where + " AND")} e.source IS NOT NULL AND e.target IS NOT NULL
              GROUP BY e.source, e.target ORDER BY events DESC, k LIMIT {limit}
              """
            : $"SELECT k, count(*) AS events, CAST(sum(n) AS BIGINT) FROM ({keyed}) WHERE k IS NOT NULL GROUP BY k ORDER BY events DESC, k LIMIT {limit}";
        var rows = new List<TopEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows.Add(new TopEntry(reader.GetString(0), Long(reader, 1), Long(reader, 2)));
        return rows;
    }

    public StoreCounts Counts()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),
                   (SELECT count(*) FROM mentions), (SELECT count(*) FROM learned_actors), (SELECT count(*) FROM ingest_runs)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreCounts(Long(reader, 0), Long(reader, 1), Long(reader, 2), Long(reader, 3), Long(reader, 4), Long(reader, 5));
    }

    /// <summary>
    /// Every person the news stated a role for, one record per name and code with all its evidence, in name order.
    /// </summary>
    public IReadOnlyList<LearnedActor> ReadLearnedActors()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT l.name, l.code, l.title, l.title_head, l.rule, l.explanation, d.id, l.sentence_index, l.date, l.evidence
            FROM learned_actors l JOIN documents d ON d.doc_key = l.doc_key
            ORDER BY lower(l.name), l.code, l.date, d.id, l.sentence_index
            """;
        var actors = new List<LearnedActor>();
        using var reader = command.ExecuteReader();
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

    /// <summary>Runs one SQL statement (bench and tests: settings, ad-hoc checks).</summary>
    internal object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal DuckDBConnection Connection => _connection;

    private static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
