using System.Globalization;
using DuckDB.NET.Data;
using Dyad.Coding;
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
        if (query.Limit <= 0) return RowIds(query, null);
        if (query.Words.Count > 0) return WordPageRowIds(query);
        // A dyad or source filter reads only its actors' row groups of the rollup; an actor or target alone would read
        // the rollup's whole target column, where the doubling date window below reads only the earliest dates.
        if (query.Dyad is not null || query.Source is not null)
            return WindowFromRollup(query) is { } window ? RowIds(window, null) : [];
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

    /// <summary>
    /// The same page as a query over the dates that hold it, or null when the offset lies past every match. The
    /// rollup counts the matches per date (reading only the actor's row groups); the page starts on the date where the
    /// running count passes the offset and ends on the date where it reaches offset + limit, so the events table is
    /// read over those dates only and the offset counts from the window's first date.
    /// </summary>
    private EventQuery? WindowFromRollup(EventQuery query)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = RollupSql.PerDay(EventFilterSql.RollupRows(query, command.Parameters));
        using var reader = command.ExecuteReader();
        long seen = 0, beforeStart = 0, end = (long)query.Offset + query.Limit;
        DateOnly? first = null, last = null;
        while (reader.Read())
        {
            var date = reader.GetFieldValue<DateOnly>(0);
            long count = reader.GetInt64(1);
            if (first is null && seen + count > query.Offset)
            {
                first = date;
                beforeStart = seen;
            }
            seen += count;
            if (seen >= end)
            {
                last = date;
                break;
            }
        }
        if (first is null) return null;
        return query with { From = first, To = last ?? query.To, Offset = (int)(query.Offset - beforeStart) };
    }

    /// <summary>
    /// A page with words: each look costs a pass over the mentions' sentences, so there is one window only, the first
    /// 32 days (joined with the mentions, so only the window's matches are hashed: a common word matches most of a
    /// million mentions), and when that does not fill the page, the whole table.
    /// </summary>
    private List<long> WordPageRowIds(EventQuery query)
    {
        using (var range = _connection.CreateCommand())
        {
            range.CommandText = "SELECT min(event_date) FROM events";
            using var reader = range.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0)) return [];
            var first = reader.GetFieldValue<DateOnly>(0);
            var start = query.From is { } from && from > first ? from : first;
            var rowIds = RowIds(query, start.AddDays(32));
            if (rowIds.Count == query.Limit) return rowIds;
        }
        return RowIds(query, null);
    }

    private List<long> RowIds(EventQuery query, DateOnly? before)
    {
        var rowIds = new List<long>();
        using var command = _connection.CreateCommand();
        var cutoff = before is { } date ? "e.event_date < " + EventFilterSql.DateLiteral(date) : null;
        var where = EventFilterSql.Where(query, command.Parameters, cutoff?.Replace("e.", "w.", StringComparison.Ordinal));
        if (cutoff is not null)
            where = (where.Length == 0 ? "WHERE " : where + " AND ") + cutoff;
        command.CommandText = $"SELECT e.rowid FROM events e {where} ORDER BY e.event_date, e.id LIMIT {query.Limit} OFFSET {query.Offset}";
        using var reader = command.ExecuteReader();
        while (reader.Read()) rowIds.Add(reader.GetInt64(0));
        return rowIds;
    }

    private IEnumerable<StoredEvent> Read(string where, object[] parameters, string orderBy)
    {
        using var command = _connection.CreateCommand();
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p));
        command.CommandText = $"SELECT {StoreSql.EventColumns} FROM events e {where} {orderBy}";
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoreSql.ReadEvent(reader);
    }

    public IEnumerable<StoredMention> ReadMentions() => ReadMentions(null);

    /// <summary>The mentions of one event, or of every event when <paramref name="eventId"/> is null.</summary>
    public IEnumerable<StoredMention> ReadMentions(long? eventId)
    {
        using var command = _connection.CreateCommand();
        // The key as a literal (a number, safe to inline): DuckDB pushes a constant into the scan and skips the row
        // groups whose keys lie outside; mentions are appended in ingest order, so an event's mentions lie close together.
        command.CommandText = StoreSql.Mentions(eventId is { } id ? string.Create(CultureInfo.InvariantCulture, $"WHERE m.event_key = {id}") : "");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoreSql.ReadMention(reader);
    }

    /// <summary>Summed from the rollup when it answers the filter (<see cref="EventRollup.Answers"/>).</summary>
    public IReadOnlyList<PeriodStats> Stats(EventQuery filter, StatsPeriod by)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = EventRollup.Answers(filter)
            ? RollupSql.Stats(by, EventFilterSql.RollupRows(filter, command.Parameters))
            : StoreSql.Stats(by, EventFilterSql.Where(filter, command.Parameters));
        using var reader = command.ExecuteReader();
        return StoreSql.ReadStats(reader);
    }

    /// <summary>Summed from the rollup when it answers the filter (<see cref="EventRollup.Answers"/>).</summary>
    public IReadOnlyList<TopEntry> Top(TopKind kind, EventQuery filter, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = EventRollup.Answers(filter)
            ? RollupSql.Top(kind, EventFilterSql.RollupRows(filter, command.Parameters), limit)
            : StoreSql.Top(kind, EventFilterSql.Where(filter, command.Parameters), limit);
        using var reader = command.ExecuteReader();
        return StoreSql.ReadTop(reader);
    }

    public StoreCounts Counts()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = StoreSql.Counts;
        using var reader = command.ExecuteReader();
        return StoreSql.ReadCounts(reader);
    }

    /// <summary>
    /// Every person the news stated a role for, one record per name and code with all its evidence, in name order.
    /// </summary>
    public IReadOnlyList<LearnedActor> ReadLearnedActors()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = StoreSql.LearnedActors;
        using var reader = command.ExecuteReader();
        return StoreSql.ReadLearnedActors(reader);
    }

    public DocumentMarks? ReadMarks(string documentId)
    {
        using var find = _connection.CreateCommand();
        find.Parameters.Add(new DuckDBParameter(documentId));
        find.CommandText = StoreSql.DocumentKey;
        return find.ExecuteScalar() is long docKey ? ReadMarks(docKey) : null;
    }

    /// <summary>The entities and quotes of the document with this key (the document view, which has the key already).</summary>
    internal DocumentMarks ReadMarks(long docKey)
    {
        using var entities = _connection.CreateCommand();
        entities.Parameters.Add(new DuckDBParameter(docKey));
        entities.CommandText = StoreSql.Entities;
        using var quotes = _connection.CreateCommand();
        quotes.Parameters.Add(new DuckDBParameter(docKey));
        quotes.CommandText = StoreSql.Quotes;
        using var entityRows = entities.ExecuteReader();
        var found = StoreSql.ReadEntities(entityRows);
        using var quoteRows = quotes.ExecuteReader();
        return new DocumentMarks(found, StoreSql.ReadQuotes(quoteRows));
    }

    /// <summary>Runs one SQL statement (bench and tests: settings, ad-hoc checks).</summary>
    internal object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal DuckDBConnection Connection => _connection;

    public void Dispose() => _connection.Dispose();
}
