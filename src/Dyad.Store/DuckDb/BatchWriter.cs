using System.Data.Common;
using System.Globalization;
using Dyad.Coding;
using DuckDB.NET.Data;
using Dyad.Store.Dedup;
using Dyad.Store.Ingest;

namespace Dyad.Store.DuckDb;

/// <summary>
/// Stores batches of coded documents, one transaction per batch: documents, sentences, mentions, new events, the
/// recounted mention statistics of every event the batch touched, and the run's counters commit together or not at all.
/// </summary>
internal sealed class BatchWriter
{
    private readonly DuckDBConnection _connection;
    private readonly DuplicateRule _rule;
    private long _nextDocKey;
    private long _nextEventId;

    public BatchWriter(DuckDBConnection connection, DuplicateRule rule)
    {
        _connection = connection;
        _rule = rule;
        Execute(null, """
            CREATE TEMP TABLE IF NOT EXISTS dedup_probe (source VARCHAR, target VARCHAR, root VARCHAR, negated BOOLEAN, lo DATE, hi DATE);
            CREATE TEMP TABLE IF NOT EXISTS dedup_touched (event_key BIGINT);
            CREATE TEMP TABLE IF NOT EXISTS presence_probe (pos INTEGER, id VARCHAR, content_hash VARCHAR);
            """);
        _nextDocKey = MaxPlusOne("SELECT max(doc_key) FROM documents");
        _nextEventId = MaxPlusOne("SELECT max(id) FROM events");
    }

    /// <summary>
    /// Which of the documents are stored already: one join of the whole list with the documents table, not two
    /// queries per document (a query costs more than the lookup it makes).
    /// </summary>
    public DocumentPresence[] Find(DbTransaction? transaction, IReadOnlyList<(string Id, string ContentHash)> documents)
    {
        var presence = new DocumentPresence[documents.Count];
        if (documents.Count == 0) return presence;
        Execute(transaction, "DELETE FROM presence_probe");
        using (var probe = _connection.CreateAppender("presence_probe"))
            for (int i = 0; i < documents.Count; i++)
                probe.CreateRow().AppendValue(i).AppendValue(documents[i].Id).AppendValue(documents[i].ContentHash).EndRow();
        using var command = Command(transaction, """
            SELECT p.pos, d.content_hash = p.content_hash, true FROM presence_probe p JOIN documents d ON d.id = p.id
            UNION ALL
            SELECT p.pos, true, false FROM presence_probe p JOIN documents d ON d.content_hash = p.content_hash
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            int pos = reader.GetInt32(0);
            bool byId = reader.GetBoolean(2);
            // A match by id decides; a match by content only when the id is new.
            if (byId) presence[pos] = reader.GetBoolean(1) ? DocumentPresence.SameId : DocumentPresence.IdConflict;
            else if (presence[pos] == DocumentPresence.New) presence[pos] = DocumentPresence.SameContent;
        }
        return presence;
    }

    public long BeginRun(string inputs, string? dyadVersion)
    {
        long id = MaxPlusOne("SELECT max(id) FROM ingest_runs");
        using var command = Command(null, "INSERT INTO ingest_runs (id, started_at, inputs, dyad_version) VALUES ($1, now(), $2, $3)", id, inputs, dyadVersion);
        command.ExecuteNonQuery();
        return id;
    }

    public void FinishRun(long runId, long recordsSkipped)
    {
        using var command = Command(null, "UPDATE ingest_runs SET finished_at = now(), records_skipped = $2 WHERE id = $1", runId, recordsSkipped);
        command.ExecuteNonQuery();
    }

    public IngestBatchResult Write(long runId, IReadOnlyList<IngestDocument> batch)
    {
        using var transaction = _connection.BeginTransaction();
        long docKeyBefore = _nextDocKey, eventIdBefore = _nextEventId;
        try
        {
            var result = WriteIn(transaction, runId, batch);
            transaction.Commit();
            return result;
        }
        catch
        {
            // Nothing of the batch is stored: give its keys back so the next batch numbers on without gaps.
            _nextDocKey = docKeyBefore;
            _nextEventId = eventIdBefore;
            transaction.Rollback();
            throw;
        }
    }

    private IngestBatchResult WriteIn(DbTransaction transaction, long runId, IReadOnlyList<IngestDocument> batch)
    {
        var presence = Find(transaction, batch.Select(d => (d.Document.Id, d.ContentHash)).ToList());
        var accepted = new List<(IngestDocument Doc, long Key)>();
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        var batchHashes = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Count; i++)
        {
            var doc = batch[i];
            if (presence[i] == DocumentPresence.New && !batchIds.Add(doc.Document.Id)) presence[i] = DocumentPresence.SameId;
            if (presence[i] == DocumentPresence.New && !batchHashes.Add(doc.ContentHash)) presence[i] = DocumentPresence.SameContent;
            if (presence[i] == DocumentPresence.New) accepted.Add((doc, _nextDocKey++));
        }

        var matcher = LoadCandidates(transaction, accepted);
        var newEvents = new List<(long Id, DateOnly Date, CodedEvent Coding, IngestDocument Doc)>();
        var touched = new HashSet<long>();
        var mentionKeys = new List<long>();
        int merged = 0;
        foreach (var (doc, _) in accepted)
            foreach (var e in doc.Events)
            {
                var key = _rule.KeyOf(e);
                var date = DuplicateRule.EventDate(e, doc.Document.Date);
                var country = e.Location?.Country;
                var match = matcher.Find(key, date, country);
                if (match is null)
                {
                    match = new EventCandidate(_nextEventId++, key, date, country);
                    matcher.Add(match);
                    newEvents.Add((match.Id, date, e, doc));
                }
                else merged++;
                touched.Add(match.Id);
                mentionKeys.Add(match.Id);
            }

        AppendDocuments(runId, accepted);
        AppendMentions(accepted, mentionKeys);
        AppendEvents(newEvents);
        Recount(transaction, touched);
        using (var run = Command(transaction, """
            UPDATE ingest_runs SET documents_added = documents_added + $2, documents_already_stored = documents_already_stored + $3,
                   mentions_added = mentions_added + $4, events_added = events_added + $5 WHERE id = $1
            """, runId, accepted.Count, batch.Count - accepted.Count, mentionKeys.Count, newEvents.Count))
            run.ExecuteNonQuery();
        return new IngestBatchResult(presence, accepted.Count, mentionKeys.Count, newEvents.Count, merged);
    }

    /// <summary>
    /// Loads the stored events any mention of the batch could merge into: one join of the batch's keys and date
    /// windows against the events table, rather than a query per mention.
    /// </summary>
    private EventMatcher LoadCandidates(DbTransaction transaction, List<(IngestDocument Doc, long Key)> accepted)
    {
        var matcher = new EventMatcher(_rule);
        Execute(transaction, "DELETE FROM dedup_probe");
        bool any = false;
        using (var probe = _connection.CreateAppender("dedup_probe"))
            foreach (var (doc, _) in accepted)
                foreach (var e in doc.Events)
                {
                    var key = _rule.KeyOf(e);
                    var date = DuplicateRule.EventDate(e, doc.Document.Date);
                    probe.CreateRow().AppendValue(key.Source).AppendValue(key.Target).AppendValue(key.Root).AppendValue(key.Negated)
                        .AppendValue(date.AddDays(-_rule.WindowDays)).AppendValue(date.AddDays(_rule.WindowDays)).EndRow();
                    any = true;
                }
        if (!any) return matcher;
        using var command = Command(transaction, $"""
            SELECT DISTINCT e.id, e.source, e.target, e.root, e.negated, e.event_date, e.country
            FROM events e JOIN dedup_probe p
              ON {ActorSql("e.source")} = p.source AND {ActorSql("e.target")} = p.target AND e.root = p.root
             AND e.negated = p.negated AND e.event_date BETWEEN p.lo AND p.hi
            ORDER BY e.id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = new DuplicateKey(_rule.ActorKey(reader.IsDBNull(1) ? null : reader.GetString(1)),
                _rule.ActorKey(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetString(3), reader.GetBoolean(4));
            matcher.Add(new EventCandidate(reader.GetInt64(0), key, reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return matcher;
    }

    private void AppendDocuments(long runId, List<(IngestDocument Doc, long Key)> accepted)
    {
        using (var documents = _connection.CreateAppender("documents"))
            foreach (var (doc, key) in accepted)
            {
                var d = doc.Document;
                documents.CreateRow().AppendValue(key).AppendValue(d.Id).AppendValue(doc.ContentHash).AppendValue(d.Date)
                    .AppendValue(d.Url).AppendValue(d.Source).AppendValue(d.Title).AppendValue(d.Language)
                    .AppendValue(d.Text.Length).AppendValue(runId).EndRow();
            }
        using (var sentences = _connection.CreateAppender("sentences"))
            foreach (var (doc, key) in accepted)
                foreach (var s in doc.Sentences)
                    sentences.CreateRow().AppendValue(key).AppendValue(s.Index).AppendValue(s.Start).AppendValue(s.End)
                        .AppendValue(doc.Document.Text[s.Start..s.End]).EndRow();
        using var learned = _connection.CreateAppender("learned_actors");
        foreach (var (doc, key) in accepted)
            foreach (var a in doc.LearnedActors)
                foreach (var ev in a.Evidence)
                    learned.CreateRow().AppendValue(key).AppendValue(a.Name).AppendValue(a.Code).AppendValue(a.Title)
                        .AppendValue(a.TitleHead).AppendValue(a.Rule).AppendValue(a.Explanation).AppendValue(ev.SentenceIndex)
                        .AppendValue(ev.Date).AppendValue(ev.Text).EndRow();
    }

    private void AppendMentions(List<(IngestDocument Doc, long Key)> accepted, List<long> eventKeys)
    {
        using var mentions = _connection.CreateAppender("mentions");
        int next = 0;
        foreach (var (doc, key) in accepted)
            foreach (var e in doc.Events)
                CodedEventColumns.Append(mentions.CreateRow().AppendValue(eventKeys[next++]).AppendValue(key), e).EndRow();
    }

    /// <summary>New events start with their first mention's counts; <see cref="Recount"/> then sets the real ones.</summary>
    private void AppendEvents(List<(long Id, DateOnly Date, CodedEvent Coding, IngestDocument Doc)> created)
    {
        using var events = _connection.CreateAppender("events");
        foreach (var (id, date, coding, doc) in created)
        {
            var row = events.CreateRow().AppendValue(id).AppendValue(date);
            CodedEventColumns.Append(row, coding).AppendValue(1).AppendValue(1).AppendValue(1)
                .AppendValue(doc.Document.Date).AppendValue(doc.Document.Date).AppendValue(doc.Document.Url).EndRow();
        }
    }

    /// <summary>
    /// Recomputes mention, article and source counts and first/last seen of the touched events from their mentions.
    /// Documents without an outlet name count together as one unknown source.
    /// </summary>
    private void Recount(DbTransaction transaction, HashSet<long> touched)
    {
        if (touched.Count == 0) return;
        Execute(transaction, "DELETE FROM dedup_touched");
        using (var appender = _connection.CreateAppender("dedup_touched"))
            foreach (var id in touched) appender.CreateRow().AppendValue(id).EndRow();
        Execute(transaction, """
            UPDATE events SET num_mentions = a.n, num_articles = a.articles, num_sources = a.sources,
                              first_seen = a.first_seen, last_seen = a.last_seen
            FROM (SELECT m.event_key, count(*) AS n, count(DISTINCT m.doc_key) AS articles,
                         count(DISTINCT coalesce(d.source, '')) AS sources, min(d.date) AS first_seen, max(d.date) AS last_seen
                  FROM mentions m JOIN documents d ON d.doc_key = m.doc_key
                  WHERE m.event_key IN (SELECT event_key FROM dedup_touched)
                  GROUP BY m.event_key) a
            WHERE events.id = a.event_key
            """);
    }

    /// <summary>The SQL for <see cref="DuplicateRule.ActorKey"/> of an actor column.</summary>
    private string ActorSql(string column) =>
        _rule.ActorPrefix > 0 ? $"left(coalesce({column}, ''), {_rule.ActorPrefix})" : $"coalesce({column}, '')";

    private long MaxPlusOne(string sql)
    {
        using var command = Command(null, sql);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 1 : Convert.ToInt64(value, CultureInfo.InvariantCulture) + 1;
    }

    private DuckDBCommand Command(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = (DuckDBTransaction?)transaction;
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        return command;
    }

    private void Execute(DbTransaction? transaction, string sql)
    {
        using var command = Command(transaction, sql);
        command.ExecuteNonQuery();
    }
}
