using System.Data.Common;

namespace Dyad.Store.DuckDb;

/// <summary>
/// The store's tables as an ordered list of migrations. Opening a store applies, in one transaction each, every
/// migration newer than the version recorded in <c>schema_version</c>; a migration is never edited once released,
/// changes come as a new one appended at the end (docs/store.md "Schema").
/// </summary>
internal static class StoreSchema
{
    /// <summary>
    /// The columns of one coded event (<see cref="Dyad.Coding.CodedEvent"/>, in its field order), shared by the events
    /// table (the coding of an event's first mention) and the mentions table. Part of migration 1: frozen.
    /// </summary>
    private const string CodedColumnsV1 = """
            mention_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            date DATE,
            source VARCHAR,
            target VARCHAR,
            code VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            quad TINYINT NOT NULL,
            goldstein DOUBLE NOT NULL,
            plover VARCHAR,
            source_name VARCHAR,
            target_name VARCHAR,
            source_text VARCHAR,
            target_text VARCHAR,
            verb_text VARCHAR,
            sentence VARCHAR NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            place_name VARCHAR,
            country VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonames_id BIGINT,
            negated BOOLEAN NOT NULL,
            confidence DOUBLE NOT NULL,
            rule VARCHAR
""";

    /// <summary>Migration i (0-based) brings the schema to version i + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE ingest_runs (
            id BIGINT PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            inputs VARCHAR NOT NULL,
            dyad_version VARCHAR,
            documents_added BIGINT NOT NULL DEFAULT 0,
            documents_already_stored BIGINT NOT NULL DEFAULT 0,
            records_skipped BIGINT NOT NULL DEFAULT 0,
            mentions_added BIGINT NOT NULL DEFAULT 0,
            events_added BIGINT NOT NULL DEFAULT 0
        );
        CREATE TABLE documents (
            doc_key BIGINT PRIMARY KEY,
            id VARCHAR NOT NULL UNIQUE,
            content_hash VARCHAR NOT NULL UNIQUE,
            date DATE NOT NULL,
            url VARCHAR,
            source VARCHAR,
            title VARCHAR,
            language VARCHAR,
            length INTEGER NOT NULL,
            run_id BIGINT NOT NULL
        );
        CREATE TABLE sentences (
            doc_key BIGINT NOT NULL,
            sentence_index INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text VARCHAR NOT NULL
        );
        CREATE TABLE events (
            id BIGINT NOT NULL,
            event_date DATE NOT NULL,
        """ + CodedColumnsV1 + """
        ,
            num_mentions INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            first_seen DATE NOT NULL,
            last_seen DATE NOT NULL,
            source_url VARCHAR
        );
        CREATE TABLE mentions (
            event_key BIGINT NOT NULL,
            doc_key BIGINT NOT NULL,
        """ + CodedColumnsV1 + """
        );
        CREATE TABLE learned_actors (
            doc_key BIGINT NOT NULL,
            name VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            title_head VARCHAR NOT NULL,
            rule VARCHAR NOT NULL,
            explanation VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            date DATE NOT NULL,
            evidence VARCHAR NOT NULL
        );
        """,
        // 2: the events table is kept sorted by event date (EventLayout); this records how far. Events with a higher
        // id were appended later in ingest order. -1: nothing sorted yet, the next open sorts a large enough table.
        """
        CREATE TABLE event_layout (sorted_through BIGINT NOT NULL);
        INSERT INTO event_layout VALUES (-1);
        """,
        // 3: events counted per source, target, date, code, root and quad class (EventRollup), kept by ingest in each
        // batch's transaction; aggregates and actor-filtered pages read it instead of the events table.
        """
        CREATE TABLE event_rollup (
            source VARCHAR,
            target VARCHAR,
            event_date DATE NOT NULL,
            code VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            quad TINYINT NOT NULL,
            event_count BIGINT NOT NULL,
            goldstein_sum DOUBLE NOT NULL,
            mention_count BIGINT NOT NULL
        );
        INSERT INTO event_rollup
        SELECT source, target, event_date, code, root, quad, count(*), sum(goldstein), sum(num_mentions)
        FROM events GROUP BY source, target, event_date, code, root, quad ORDER BY source, target, event_date, code;
        """,
        // 4: what the document view marks besides events: named entities with their resolved actor, and quotations with
        // their speaker (offsets into the document text). Rows are appended in doc_key order, so DuckDB's per-row-group
        // min/max of doc_key finds one document's rows without an index. Documents stored before have none.
        """
        CREATE TABLE entities (
            doc_key BIGINT NOT NULL,
            sentence_index INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            type VARCHAR NOT NULL,
            actor VARCHAR
        );
        CREATE TABLE quotes (
            doc_key BIGINT NOT NULL,
            sentence_index INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            speaker VARCHAR,
            speaker_actor VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER
        );
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Brings the store to <see cref="LatestVersion"/>; refuses a store written by a newer dyad.</summary>
    public static void Migrate(DbConnection connection, string path)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
        int current = CurrentVersion(connection);
        if (current > LatestVersion)
            throw new InvalidDataException($"{path}: store schema version {current} is newer than this dyad understands ({LatestVersion}); use a newer dyad.");
        for (int version = current + 1; version <= LatestVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, Migrations[version - 1]);
            Execute(connection, transaction, $"INSERT INTO schema_version VALUES ({version}, now())");
            transaction.Commit();
        }
    }

    public static int CurrentVersion(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
