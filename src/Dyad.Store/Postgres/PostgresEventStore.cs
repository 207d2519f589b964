using Dyad.Coding;
using Dyad.Knowledge.Learning;
using Dyad.Store.Dedup;
using Dyad.Store.Ingest;
using Dyad.Store.Query;
using Npgsql;

namespace Dyad.Store.Postgres;

/// <summary>
/// The event store in a PostgreSQL database (docs/store.md "PostgreSQL"): the same tables, deduplication and
/// answers as the DuckDB store, for several processes writing one store at once. Every call takes its own pooled
/// connection, so one instance may be used from several threads; each ingest batch is one transaction.
/// </summary>
public sealed class PostgresEventStore : IQueryableEventStore
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresBatchWriter _writer;

    private PostgresEventStore(NpgsqlDataSource source, string description, DuplicateRule rule)
    {
        _source = source;
        Description = description;
        _writer = new PostgresBatchWriter(source, rule);
    }

    /// <summary>The store's URL without its password.</summary>
    public string Description { get; }

    /// <summary>
    /// Connects to the database a <c>postgres://</c> URL names (it must exist) and brings its schema up to date,
    /// creating the tables on first use.
    /// </summary>
    /// <exception cref="IOException">The server cannot be reached, refuses the login, or the database is missing.</exception>
    /// <exception cref="InvalidDataException">The schema was written by a newer dyad.</exception>
    /// <exception cref="FormatException">Not a valid store URL.</exception>
    public static PostgresEventStore Open(string url, DuplicateRule? rule = null)
    {
        var description = PostgresUrl.Redact(url);
        var source = NpgsqlDataSource.Create(PostgresUrl.ToConnectionString(url));
        try
        {
            using var connection = source.OpenConnection();
            PostgresSchema.Migrate(connection, description);
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException)
        {
            source.Dispose();
            throw new IOException($"{description}: cannot open the store: {e.Message}", e);
        }
        catch
        {
            source.Dispose();
            throw;
        }
        return new PostgresEventStore(source, description, rule ?? DuplicateRule.Default);
    }

    public int SchemaVersion
    {
        get
        {
            using var connection = _source.OpenConnection();
            return PostgresSchema.CurrentVersion(connection);
        }
    }

    public IReadOnlyList<DocumentPresence> Find(IReadOnlyList<(string Id, string ContentHash)> documents) => _writer.Find(documents);

    public long BeginRun(string inputs, string? dyadVersion) => _writer.BeginRun(inputs, dyadVersion);

    public IngestBatchResult Ingest(long runId, IReadOnlyList<IngestDocument> batch) => _writer.Write(runId, batch);

    public void FinishRun(long runId, long recordsSkipped) => _writer.FinishRun(runId, recordsSkipped);

    public IEnumerable<StoredEvent> ReadEvents()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT {StoreSql.EventColumns} FROM events e ORDER BY e.id", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoreSql.ReadEvent(reader);
    }

    public IEnumerable<StoredMention> ReadMentions()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(StoreSql.Mentions(""), connection);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoreSql.ReadMention(reader);
    }

    public IEnumerable<StoredEvent> Query(EventQuery query)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand { Connection = connection };
        var where = EventFilterSql.Where(query, command.Parameters);
        command.CommandText = $"SELECT {StoreSql.EventColumns} FROM events e {where} ORDER BY e.event_date, e.id LIMIT {query.Limit} OFFSET {query.Offset}";
        using var reader = command.ExecuteReader();
        var page = new List<StoredEvent>();
        while (reader.Read()) page.Add(StoreSql.ReadEvent(reader));
        return page;
    }

    public IReadOnlyList<PeriodStats> Stats(EventQuery filter, StatsPeriod by)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = StoreSql.Stats(by, EventFilterSql.Where(filter, command.Parameters));
        using var reader = command.ExecuteReader();
        return StoreSql.ReadStats(reader);
    }

    public IReadOnlyList<TopEntry> Top(TopKind kind, EventQuery filter, int limit)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = StoreSql.Top(kind, EventFilterSql.Where(filter, command.Parameters), limit);
        using var reader = command.ExecuteReader();
        return StoreSql.ReadTop(reader);
    }

    public StoreCounts Counts()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(StoreSql.Counts, connection);
        using var reader = command.ExecuteReader();
        return StoreSql.ReadCounts(reader);
    }

    public IReadOnlyList<LearnedActor> ReadLearnedActors()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(StoreSql.LearnedActors, connection);
        using var reader = command.ExecuteReader();
        return StoreSql.ReadLearnedActors(reader);
    }

    public DocumentMarks? ReadMarks(string documentId)
    {
        using var connection = _source.OpenConnection();
        using var find = new NpgsqlCommand(StoreSql.DocumentKey, connection);
        find.Parameters.Add(new NpgsqlParameter { Value = documentId });
        if (find.ExecuteScalar() is not long docKey) return null;
        using var entities = new NpgsqlCommand(StoreSql.Entities, connection);
        entities.Parameters.Add(new NpgsqlParameter { Value = docKey });
        List<EntityMention> found;
        using (var rows = entities.ExecuteReader()) found = StoreSql.ReadEntities(rows);
        using var quotes = new NpgsqlCommand(StoreSql.Quotes, connection);
        quotes.Parameters.Add(new NpgsqlParameter { Value = docKey });
        using var quoteRows = quotes.ExecuteReader();
        return new DocumentMarks(found, StoreSql.ReadQuotes(quoteRows));
    }

    /// <summary>Runs one SQL statement and returns its first value (tests and benches: ad-hoc checks).</summary>
    internal object? Scalar(string sql)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose() => _source.Dispose();
}
